"""The ``message`` formula: one side writes or cables to another (``jishi:Message``).

Reads the cues ``each_cue``, ``leaders_words``, ``marker_words``, ``mutual_marks`` and
``to_markers`` (and the shared ones of ``CUES``) of ``event_cues.yaml``, and the row
``unaddressed_greeting`` of ``event_roles.yaml``.
The sentences it reads:

* ``张三就地震向乙国总统李四致慰问电`` — the recipients after 向/给, the sender before;
* ``张三复信李四`` — else the names right after the trigger;
* ``张三分别致电李四、王五`` / ``张三向乙国、丙国等国领导人致电`` — one message to each recipient;
* ``张三、王五分别致电李四`` — one message from each sender;
* ``一些政党领导人致电李四`` in a broadcast item whose next sentences each open with a
  speaker (``张三表示，…``) — one message from all of them.

The sender is the ``provider``, the first recipient the ``recipient``.
"""
from __future__ import annotations

import bisect

from graph import events as ev
from graph.formulas import register

__all__ = ["read_message"]

CUES = ("subject_ends", "object_gap", "object_gap_words", "phrase_rest", "each_cue", "leaders_words",
        "marker_words", "mutual_marks", "to_markers")
MAX_TITLE_RUN = 20


@register("message", cues=CUES)
def read_message(ctx: ev._Context, hit: ev._Hit) -> list[ev._Draft]:
    """``A就…向B致慰问电`` / ``A复信B`` / ``A给B回信``: provider A, recipients B."""
    sender = ev._subject_keys(ctx, hit)
    subjects = ev._subjects(ctx, hit)
    start = subjects[-1].end if subjects else hit.clause[0]
    recipients = ev._after_marker(ctx, ctx.lex.cues["to_markers"], start, hit)
    if not recipients:
        recipients = ev._objects(ctx, hit.end, hit.clause[1])
    recipients = [r for r in recipients if not set(r.keys) & set(sender)]
    if not sender and recipients:
        return _unnamed_senders(ctx, hit, recipients)
    if sender and not recipients and _unaddressed(ctx, hit):
        start, end = ev._evidence_range(ctx, hit, hit.end)
        return [ev._Draft(hit.trigger.cls, sender[:1], start, end, provider=sender[0])]
    if not sender or not recipients:
        return []
    groups = [[r] for r in recipients] if _each_message(ctx, hit, recipients) else [recipients]
    senders = _each_sender(ctx, hit) if len(groups) == 1 else []
    drafts = []
    for one in senders or [sender]:
        for group in groups:
            start, end = ev._evidence_range(ctx, hit, max(hit.end, group[-1].end))
            keys = ev._keys(group)
            drafts.append(ev._Draft(hit.trigger.cls, ev._keys_of(one, keys), start, end,
                                    provider=one[0], recipient=keys[0]))
    return drafts


def _unaddressed(ctx: ev._Context, hit: ev._Hit) -> bool:
    """True for a greeting its clause's own subject sends to no named actor (甲国总统致贺信; 甲国向论坛致贺电:
    row ``unaddressed_greeting``): the message is told, its receiver is left unassigned. Not greetings
    exchanged or sent jointly (双方互致贺电, A和B共致贺电): each side is also a receiver, and they need naming."""
    word = next((w for w in ev._role_words(ctx, hit, "unaddressed_greeting") if ctx.text.endswith(w, 0, hit.end)), None)
    return word is not None and bool(ev._subjects(ctx, hit)) \
        and not ctx.text.endswith(tuple(ctx.lex.cues["mutual_marks"]), 0, hit.end - len(word))


def _unnamed_senders(ctx: ev._Context, hit: ev._Hit, recipients: list[ev._Phrase]) -> list[ev._Draft]:
    """Messages from senders the sentence does not name (一些政党领导人致电致函B) in a broadcast item
    whose later sentences each open with one who speaks (A表示，…; C说，…): one message from all of
    them. Elsewhere, no event."""
    item = ctx.item_at(hit.start)
    if item is None:
        return []
    senders: list[str] = []
    for sentence in ctx.sentences[bisect.bisect_right(ctx.sentence_starts, hit.sent[0]):]:
        if sentence[0] >= item[1]:
            break
        named = ev._briefing_names(ctx, sentence)
        if named and _opens_with_titles(ctx, sentence[0], named[0].start):
            persons = [p for p in named if p.cls == "Person"] or named
            senders += [k for p in persons for k in p.keys]
    senders = list(dict.fromkeys(k for k in senders if k not in ev._keys(recipients)))
    if not senders:
        return []
    start, end = ev._evidence_range(ctx, hit, max(hit.end, recipients[-1].end))
    keys = ev._keys(recipients)
    return [ev._Draft(hit.trigger.cls, ev._keys_of(tuple(senders), keys), start, end,
                      provider=senders[0], recipient=keys[0])]


def _opens_with_titles(ctx: ev._Context, start: int, name: int) -> bool:
    """True when only a short run of offices stands between a sentence's start and a name
    (某国某党主席、总理A表示): the name is the sentence's subject."""
    lead = ctx.text[start:name]
    return len(lead) <= MAX_TITLE_RUN and not ctx.lex.clause_breaks & set(lead)


def _each_sender(ctx: ev._Context, hit: ev._Hit) -> list[tuple[str, ...]]:
    """Several persons listed before 分别 who each sent a message to one recipient
    (A、B分别致电C): their keys, one sender each; none when fewer than two are listed."""
    cues = ctx.lex.cues
    each = ev._find(ctx, [cues["each_cue"]], hit.clause[0], hit.start)
    if each is None:
        return []
    listed = ctx.phrases_in(hit.clause[0], each[0])
    if len(listed) < 2 or any(p.cls != "Person" for p in listed):
        return []
    joined = all(ctx.text[a.end:b.start] in ("、", "和", "及", "与") for a, b in zip(listed, listed[1:]))
    return [p.keys for p in listed] if joined else []


def _each_message(ctx: ev._Context, hit: ev._Hit, recipients: list[ev._Phrase]) -> bool:
    """True when a message names several recipients that each got one (分别; 向A、B等国领导人致电)."""
    cues = ctx.lex.cues
    if cues["each_cue"] in ctx.text[hit.clause[0]:hit.start]:
        return True
    leaders = ev._find(ctx, cues["leaders_words"], recipients[-1].end, hit.start)
    return len(recipients) > 1 and leaders is not None and all(r.cls == "Country" for r in recipients)
