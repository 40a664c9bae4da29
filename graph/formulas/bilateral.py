"""The ``bilateral`` formula: one side meets or calls another (``jishi:Meeting``, ``jishi:PhoneCall``).

Reads the cues ``each_cue``, ``request_self``, ``topic_markers`` and
``with_connectors`` (and the shared ones of ``CUES``) of ``event_cues.yaml``.
The sentences it reads:

* ``张三应约同李四通电话`` — the other side after 同/与, up to the topic (就…);
* ``张三会见李四`` — else the names right after the trigger;
* ``张三、王五分别会见李四、赵六`` — 分别 pairs the sides in order, one meeting each;
* ``张三和李四举行会谈`` — with nobody after the trigger, the first subject meets the others.

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
    subject_keys = ev._subject_keys(ctx, hit)
    start = subjects[-1].end if subjects else hit.clause[0]
    counterparts = _counterparts(ctx, hit, start)
    if not counterparts and len(subjects) >= 2:
        counterparts, subjects = subjects[1:], subjects[:1]
        subject_keys = subjects[0].keys
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


def _counterparts(ctx: ev._Context, hit: ev._Hit, start: int) -> list[ev._Phrase]:
    """The other side: after 同/与 up to the topic (就…), else the object after the verb."""
    cues = ctx.lex.cues
    for connector in cues["with_connectors"]:
        found = ev._find(ctx, [connector], start, hit.start)
        if found:
            topic = ev._find(ctx, cues["topic_markers"], found[1], hit.start)
            return ev._absorb_offices(ctx, ctx.phrases_in(found[1], topic[0] if topic else hit.start))
    return ev._objects(ctx, hit.end, hit.clause[1])
