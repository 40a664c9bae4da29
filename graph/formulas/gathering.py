"""The ``gathering`` formula: several parties meet at once (``jishi:Summit``, ``jishi:VideoConference``).

Reads the cues ``each_cue``, ``gathering_joiners``, ``gatherings_counted``, ``group_words``,
``min_parties``, ``request_self``, ``source_words``, ``summit_attendance``,
``summit_pointers``, ``topic_markers``, ``venue_gap``, ``venue_marker``,
``venue_verbs`` and ``with_connectors`` (and the shared ones of ``CUES``) of
``event_cues.yaml``. The sentences it reads:

* ``甲乙丙三国外长举行视频会议`` — every party the sentence names, in the stretch that speaks
  of this gathering (not the names of another event's clause, nor of what is said there);
* ``张三分别同李四、王五举行视频会议`` / ``甲国同乙国、丙国举行了20场视频会议`` — one
  gathering per side, read as the ``bilateral`` formula reads them;
* ``甲国同17个国家举行视频会议`` in a chronicle item — the whole item, which names them;
* ``张三出席甲组织外长会议和乙论坛峰会`` — one gathering per item of the list, each with the attender
  and the parties its own name holds;
* ``——在…特别会议上的讲话`` — the author of the speech takes part.

A place named only as the venue (``会议在乙国某市举行``) is no party, a named gathering
is a party itself (the most specific actor: 世界卫生大会, not the 世界卫生组织 it is an organ of),
and a summit only pointed at (``在这次峰会上指出``) is none. A country named before a gathering
that writes an office (``甲国—东盟特别外长会…。甲国外长张三…``) is the holder of that office whom
the text names there (``events._holders_at_gathering``).
"""
from __future__ import annotations

import re

from graph import events as ev
from graph.formulas import formula, register
from graph.model import Block

__all__ = ["read_gathering"]

CUES = ("subject_ends", "object_gap", "object_gap_words", "phrase_rest", "each_cue", "gatherings_counted",
        "group_words", "min_parties", "request_self", "source_words", "summit_attendance", "summit_pointers",
        "said_at", "topic_clause", "topic_markers", "venue_gap", "venue_marker", "venue_verbs", "with_connectors",
        "gathering_joiners")


@register("gathering", cues=CUES)
def read_gathering(ctx: ev._Context, hit: ev._Hit) -> list[ev._Draft]:
    """``中日韩举行…视频会议`` / ``…特别峰会``: every party named (``分别`` pairs sides, and so does a
    count of gatherings: A同B、C举行了20场视频会议 are meetings with B and with C).

    A gathering that is itself a named actor (世界卫生大会) is one of its parties.

    A chronicle item that names the parties as a group (同17个中东欧国家…举行视频会议)
    lists them in its next sentences, so the whole item is read.
    """
    before = ctx.text[hit.clause[0]:hit.start]
    if ctx.lex.cues["each_cue"] in before or re.search(ctx.lex.cues["gatherings_counted"], before):
        drafts = formula("bilateral").read(ctx, hit)
        if drafts:
            return drafts
    listed = _listed(ctx, hit)
    if listed is not None:
        return _item_draft(ctx, hit, *listed)
    scope = hit.sent
    block = ctx.block_at(hit.start)
    if (hit.trigger.cls in ("VideoConference", "Summit") and block is not None and block.kind == "bullet"
            and ev._find(ctx, ctx.lex.cues["group_words"], hit.sent[0], hit.end)):
        scope = (min(block.start, hit.sent[0]), max(block.end, hit.sent[1]))
    scope = _before_said(ctx, hit, _own_stretch(ctx, hit, scope))
    named = [p for p in ctx.phrases_in(*scope)
             if hit.sent[0] <= p.start < hit.sent[1] or p.cls != "Person"]
    parties = ev._absorb_offices(ctx, [p for p in named if not ev._source(ctx, p)])
    kept = [p for p in parties if not ev._venue(ctx, p) or any(set(o.keys) & set(p.keys) for o in parties if o is not p)]
    keys = ev._holders_at_gathering(ctx, hit, ev._keys(kept))
    author = _occasion_author(ctx, block)
    if author is not None:
        keys = tuple(dict.fromkeys((author, *keys)))
    if len(keys) < ctx.lex.cues["min_parties"].get(hit.trigger.cls, 1):
        return []
    if (hit.trigger.cls == "Summit" and author is None and all(p.cls == "Person" for p in named)
            and not _attended(ctx, hit)):
        return []
    start, end = ev._evidence_range(ctx, hit, hit.end)
    return [ev._Draft(hit.trigger.cls, keys, start, end, requested_by=ev._requested_by(ctx, hit, ()))]


def _listed(ctx: ev._Context, hit: ev._Hit) -> tuple[int, int] | None:
    """Where the attending verb stands and where this gathering's own name begins, when the gathering is
    one item of a list its clause attends (A出席甲组织外长理事会会议、乙同丙会晤和丁联络组外长会议; cue
    ``gathering_joiners`` between the items, whatever their class): the name begins after the item before
    it (or after the verb, for the first). None for a gathering no other act is listed with."""
    items = [span for span in ctx.trigger_spans if hit.clause[0] <= span[0] < hit.clause[1]]
    if (hit.start, hit.end) not in items:
        return None
    i = items.index((hit.start, hit.end))
    joiners = tuple(ctx.lex.cues["gathering_joiners"])
    joined = [ctx.text.startswith(joiners, a[1]) for a, _ in zip(items, items[1:])]
    if not (i and joined[i - 1]) and not (i < len(joined) and joined[i]):
        return None
    verb = ev._find(ctx, ctx.lex.cues["summit_attendance"], hit.clause[0], items[0][0])
    if verb is None:
        return None
    return verb[0], items[i - 1][1] if i and joined[i - 1] else verb[1]


def _item_draft(ctx: ev._Context, hit: ev._Hit, verb: int, name: int) -> list[ev._Draft]:
    """One gathering of a list: the attender (named before the verb, else the sentence's first name: A出席
    某系列会议，比如出席甲峰会和乙外长会) with the parties its own name holds (甲组织外长会议: 甲组织), not those
    of the other items; each item is an event of its own (``ctx.listed``)."""
    attender = ev._absorb_offices(ctx, ctx.phrases_in(hit.clause[0], verb)) \
        or ctx.phrases_in(hit.sent[0], hit.clause[0])[:1]
    own = [p for p in ctx.phrases_in(name, hit.end) if not ev._source(ctx, p)]
    keys = ev._keys(attender + own)
    if not attender or len(keys) < ctx.lex.cues["min_parties"].get(hit.trigger.cls, 1):
        return []
    start, end = ev._evidence_range(ctx, hit, hit.end)
    ctx.listed.add((start, end))
    return [ev._Draft(hit.trigger.cls, keys, start, end)]


def _own_stretch(ctx: ev._Context, hit: ev._Hit, scope: tuple[int, int]) -> tuple[int, int]:
    """The part of ``scope`` that speaks of this gathering when its sentence tells other events in
    other clauses (A-B会议在X举行，C、D、E举行了…会议; 与多国举行视频会议，向A、B派遣专家组): from the
    end of the clause of the event before it to the start of the clause of the event after it."""
    start, end = scope
    for pos, _ in ctx.triggers:
        if not hit.sent[0] <= pos < hit.sent[1]:
            continue
        clause = ctx.clause_at(pos, hit.sent)
        if clause[1] <= hit.clause[0]:
            start = max(start, clause[1] + 1)
        elif clause[0] >= hit.clause[1]:
            end = min(end, clause[0])
    return start, end


def _before_said(ctx: ev._Context, hit: ev._Hit, scope: tuple[int, int]) -> tuple[int, int]:
    """The part of ``scope`` before what a speaker says at the gathering (…在世卫大会上发言，敦促A…;
    …峰会时，敦促A加快…) and before a later clause telling what was talked about (…举行视频会晤，就纪念A成立
    75周年交换意见; …，双方就B参与A议题交换意见): the names there are topics, not parties."""
    said = ev._find(ctx, ctx.lex.cues["said_at"], hit.end, scope[1])
    end = said[0] if said else scope[1]
    topic = re.compile(ctx.lex.cues["topic_clause"]).search(ctx.text, hit.end, end)
    return scope[0], topic.start() if topic else end


def _occasion_author(ctx: ev._Context, block: Block | None) -> str | None:
    """The author of a speech whose occasion line names the gathering (——在…特别会议上的讲话): the
    author addressed it, so takes part, though the line names no one. A person named so in the
    text first, else any actor of that name."""
    if block is None or block.kind != "occasion" or not block.speaker:
        return None
    named = [m for m in ctx.analysis.mentions if m.key and m.surface and m.surface in block.speaker]
    person = next((m.key for m in named if m.cls == "Person"), None)
    return person or (named[0].key if named else None)


def _attended(ctx: ev._Context, hit: ev._Hit) -> bool:
    """True when a person attends, chairs or addresses a summit named by its own words
    (在中非…特别峰会上发表讲话), not one only pointed at (在这次峰会上指出)."""
    cues = ctx.lex.cues
    before = ctx.text[hit.clause[0]:hit.start]
    pointed = any(before.endswith(word) for word in cues["summit_pointers"])
    return not pointed and ev._find(ctx, cues["summit_attendance"], hit.clause[0], hit.clause[1]) is not None
