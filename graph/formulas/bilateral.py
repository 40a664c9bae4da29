"""The ``bilateral`` formula: one side meets or calls another (``jishi:Meeting``, ``jishi:PhoneCall``).

Reads the cues ``each_cue``, ``request_self``, ``topic_markers`` and
``with_connectors`` (and the shared ones of ``CUES``) of ``event_cues.yaml``.
The sentences it reads:

* ``张三应约同李四通电话`` — the other side after 同/与, up to the topic (就…);
* ``张三会见李四`` — else the names right after the trigger;
* ``张三、王五分别会见李四、赵六`` — 分别 pairs the sides in order, one meeting each;
* ``张三和李四举行会谈`` — with nobody after the trigger, the first subject meets the others, also when each
  is written with his offices (``甲国总统张三和乙国首相李四通电话``);
* ``甲国总统张三访华，李四会见。`` — a meeting verb closing its clause meets the visitor of an earlier clause
  (row ``visitor_met`` of party_rules.yaml);
* ``甲国赶在总统张三与李四会面前…`` — a person named right before 同/与 is the side, not a country or
  body the clause opens with, nor a name of an earlier clause (row ``person_before_connector`` of
  party_rules.yaml).

One event per counterpart, with the side that asked for it (应约: the
counterpart) as ``requested_by``; a side never meets itself.
"""
from __future__ import annotations

from graph import events as ev
from graph.formulas import register

__all__ = ["read_bilateral"]

CUES = ("subject_ends", "object_gap", "object_gap_words", "phrase_rest", "each_cue", "request_self",
        "topic_markers", "with_connectors")


@register("bilateral", cues=CUES)
def read_bilateral(ctx: ev._Context, hit: ev._Hit) -> list[ev._Draft]:
    """``A同B通电话`` / ``A会见B``: one event per counterpart (``分别`` pairs them in order)."""
    cues = ctx.lex.cues
    subjects = ev._subjects(ctx, hit)
    start = subjects[-1].end if subjects else hit.clause[0]
    connector = _connector(ctx, hit, start)
    subject_keys = _person_before(ctx, hit, subjects, connector) or ev._subject_keys(ctx, hit)
    counterparts = _counterparts(ctx, hit, connector)
    if not counterparts and len(subjects) >= 2:
        counterparts, subjects = subjects[1:], subjects[:1]
        subject_keys = subjects[0].keys
    if not counterparts and len(subjects) == 1:
        paired = _paired_persons(ctx, hit, subjects[0])
        if paired:
            subject_keys, counterparts = paired[0].keys, paired[1:]
    if not counterparts:
        counterparts = _visitor_met(ctx, hit)
    if not counterparts or not subject_keys:
        return []
    pairs = [(subject_keys, c) for c in counterparts]
    if cues["each_cue"] in ctx.text[hit.clause[0]:hit.start] and len(subjects) == len(counterparts) > 1:
        pairs = [(s.keys, c) for s, c in zip(subjects, counterparts)]
    drafts = []
    for subject, counterpart in pairs:
        if set(counterpart.keys) & set(subject):
            continue
        start, end = ev._evidence_range(ctx, hit, counterpart.end)
        drafts.append(ev._Draft(hit.trigger.cls, ev._keys_of(subject, counterpart.keys), start, end,
                                requested_by=ev._requested_by(ctx, hit, counterpart.keys)))
    return drafts


def _visitor_met(ctx: ev._Context, hit: ev._Hit) -> list[ev._Phrase]:
    """``甲国总统张三访华，李四会见。``: a meeting verb that closes its clause with no one after it meets the
    visitor of an earlier clause of the sentence, the last person named before its verb of visiting (row
    ``visitor_met`` of party_rules.yaml); none when the row is off or the sentence tells no visit."""
    if "visitor_met" not in ctx.lex.party_rules \
            or ctx.text[hit.end:hit.clause[1]].strip(ev.EVIDENCE_TRIM + "了"):
        return []
    visits = [pos for pos, cls in ctx.triggers if cls == "Visit" and hit.sent[0] <= pos < hit.clause[0]]
    if not visits:
        return []
    clause = ctx.clause_at(visits[-1], hit.sent)
    persons = [p for p in ctx.phrases_in(clause[0], visits[-1]) if p.cls == "Person"]
    return persons[-1:]


def _connector(ctx: ev._Context, hit: ev._Hit, start: int) -> tuple[int, int] | None:
    """Where the first of 同/与/跟/和 (in that order of preference) stands between ``start`` and the trigger."""
    for connector in ctx.lex.cues["with_connectors"]:
        found = ev._find(ctx, [connector], start, hit.start)
        if found:
            return found
    return None


def _person_before(ctx: ev._Context, hit: ev._Hit, subjects: list[ev._Phrase],
                   connector: tuple[int, int] | None) -> tuple[str, ...]:
    """The person named right before the connector (only titles between: 总统张三与, 张三总统和), when the
    clause's own subject names no person (这在早前总统张三与李四的通话…; 甲国赶在张三与李四会面前…): the
    one the act is told of. Empty when there is none or the rule is off."""
    if connector is None or "person_before_connector" not in ctx.lex.party_rules \
            or any(p.cls == "Person" for p in subjects):
        return ()
    before = [p for p in ctx.phrases_in(hit.clause[0], connector[0]) if p.cls == "Person"]
    if not before:
        return ()
    gap = ctx.text[before[-1].end:connector[0]]
    return before[-1].keys if len(ctx.lex.titles.sub("", gap)) == 0 else ()


def _paired_persons(ctx: ev._Context, hit: ev._Hit, last: ev._Phrase) -> list[ev._Phrase]:
    """``甲国总统张三和乙国首相李四通电话`` / ``张三和李四在某地举行会谈``: the clause's subject is two persons joined by
    和/与/同/跟 (nothing but titles between the first and the connector), each with the offices written before
    him; the subject found is the second alone (his offices dropped, the first with them). The first person,
    then the second: empty when the subject is not written so, or when both serve one country (row
    ``persons_joined`` of party_rules.yaml; empty when the row is off)."""
    if last.cls != "Person" or "persons_joined" not in ctx.lex.party_rules:
        return []
    before = ctx.phrases_in(hit.clause[0], last.start)
    for i in range(len(before) - 1, -1, -1):
        first = before[i]
        if first.cls != "Person":
            continue
        gap = ctx.text[first.end:before[i + 1].start if i + 1 < len(before) else last.start]
        rest = ctx.lex.titles.sub("", gap)
        if rest not in ctx.lex.cues["with_connectors"]:
            return []
        second = ev._absorb_offices(ctx, before[i + 1:] + [last])
        return [first, last] if second == [last] and not _one_country(ctx, first, last) else []
    return []


def _one_country(ctx: ev._Context, first: ev._Phrase, second: ev._Phrase) -> bool:
    """True for two persons of one country (甲国国务卿张三和防长李四在乙国举行2+2会谈): they sit on one side
    of the talks, neither meets the other."""
    country = ev._country_above(ctx, first.keys[0])
    return country is not None and country == ev._country_above(ctx, second.keys[0])


def _counterparts(ctx: ev._Context, hit: ev._Hit, connector: tuple[int, int] | None) -> list[ev._Phrase]:
    """The other side: after 同/与 up to the topic (就…), else the object after the verb."""
    if connector is not None:
        topic = ev._find(ctx, ctx.lex.cues["topic_markers"], connector[1], hit.start)
        return ev._absorb_offices(ctx, ctx.phrases_in(connector[1], topic[0] if topic else hit.start))
    return ev._objects(ctx, hit.end, hit.clause[1])
