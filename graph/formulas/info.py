"""The ``info`` formula: one side passes information to another (``jishi:InfoSharing``).

Reads the cues ``content_object_verbs``, ``default_provider``, ``info_split``,
``marker_words``, ``object_verbs``, ``receive_cues``, ``to_markers`` and
``with_connectors`` (and the shared ones of ``CUES``) of ``event_cues.yaml``.
The sentences it reads:

* ``甲国向乙国通报疫情信息`` / ``甲国与乙国分享病毒基因序列`` — the receivers after 向/与;
* ``甲国通报世卫组织`` — else the names right after the trigger (not after 分享/共享,
  whose object is what is shared);
* ``乙国收到甲国通报`` — the sender after 收到, the receiver its subject;
* ``向乙国、丙国通报`` is one event, ``向乙国以及丙国通报`` two (``info_split``).

The sender is the ``provider`` (China when the sentence names none; never the speaker of a
clause that only opens his words, 甲称，“中方…及时向乙国通报…”), the first receiver the ``recipient``.
"""
from __future__ import annotations

from graph import events as ev
from graph.formulas import register

__all__ = ["read_info"]

CUES = ("subject_ends", "object_gap", "object_gap_words", "phrase_rest", "content_object_verbs", "default_provider",
        "info_split", "marker_words", "object_verbs", "receive_cues", "to_markers", "with_connectors")


@register("info", cues=CUES)
def read_info(ctx: ev._Context, hit: ev._Hit) -> list[ev._Draft]:
    """``A向B通报疫情信息`` / ``A与B分享…序列`` / ``A收到B通报``: sender and receivers, one event
    per group of receivers (向A、B通报: one; 向A以及B通报: two)."""
    cues = ctx.lex.cues
    received = ev._find(ctx, cues["receive_cues"], hit.clause[0], hit.start)
    if received:
        senders = ctx.phrases_in(received[1], hit.start)
        receiver = ev._subject_keys(ctx, hit)
        if not senders or not receiver:
            return []
        return [_info_draft(ctx, hit, senders[0].keys, receiver)]
    subjects = ev._subjects(ctx, hit)
    start = subjects[-1].end if subjects else hit.clause[0]
    receivers = (ev._after_marker(ctx, cues["to_markers"] + cues["with_connectors"], start, hit)
                 or ev._after_marker(ctx, cues["to_markers"], start, hit)
                 or _received_object(ctx, hit))
    earlier = [p for p in ctx.phrases_in(hit.sent[0], hit.clause[0]) if not ev._speaker_before(ctx, hit, p)]
    sender = ev._keys(subjects) or (earlier[:1] or [None])[0]
    sender = sender.keys if isinstance(sender, ev._Phrase) else (sender or (cues["default_provider"],))
    groups = [tuple(k for k in ev._keys(group) if k not in sender) for group in _split_groups(ctx, receivers)]
    return [_info_draft(ctx, hit, sender, group) for group in groups if group]


def _received_object(ctx: ev._Context, hit: ev._Hit) -> list[ev._Phrase]:
    """The names right after a trigger whose object is the receiver (通报世卫组织, 分享给B);
    after 分享/共享 the object is what is shared (分享中国的经验), not who receives it."""
    cues = ctx.lex.cues
    if (ctx.text.startswith(tuple(cues["content_object_verbs"]), hit.start)
            and not ctx.text.startswith(tuple(cues["object_verbs"]), hit.start)):
        return []
    return ev._objects(ctx, hit.end, hit.clause[1])


def _split_groups(ctx: ev._Context, receivers: list[ev._Phrase]) -> list[list[ev._Phrase]]:
    """Receivers in groups: a list (A、B和C) is one group; a split word (A以及B) starts another."""
    groups: list[list[ev._Phrase]] = []
    for phrase in receivers:
        if not groups or ev._find(ctx, ctx.lex.cues["info_split"], groups[-1][-1].end, phrase.start):
            groups.append([phrase])
        else:
            groups[-1].append(phrase)
    return groups


def _info_draft(ctx: ev._Context, hit: ev._Hit, sender: tuple[str, ...], receivers: tuple[str, ...]) -> ev._Draft:
    """An InfoSharing draft from sender to receivers."""
    start, end = ev._evidence_range(ctx, hit, hit.end)
    return ev._Draft(hit.trigger.cls, ev._keys_of(sender[:1], receivers), start, end,
                     provider=sender[0], recipient=receivers[0])
