"""The ``press`` formula: someone holds a press conference (``jishi:PressConference``).

Reads the cues ``briefer_follow``, ``briefer_joins``, ``guest_cues``,
``organiser_ends`` and ``press_on`` (and the shared ones of ``CUES``) of
``event_cues.yaml``. The sentences it reads:

* ``甲国卫生部在首都就疫情召开新闻发布会`` — the organisers before the place or topic;
* ``…举行新闻发布会，请张三介绍情况`` — the speakers invited (请), with the host of the
  transcript's first turn;
* ``在新闻发布会上，张三表示…`` — the speaker of the next clause;
* ``…召开新闻发布会。张三、李四出席`` — else the persons this sentence or the next one
  names, the briefers of a transcript, or the sentence's subject.

A body whose spokesperson is named at the briefing takes part too
(``甲国外交部发言人张三主持例行记者会``: 甲国外交部 and 张三).
"""
from __future__ import annotations

import bisect
import re

from graph import events as ev
from graph.formulas import register

__all__ = ["read_press"]

CUES = ("subject_ends", "object_gap", "object_gap_words", "phrase_rest", "briefer_follow", "briefer_joins",
        "guest_cues", "organiser_ends", "press_on", "spokesperson_titles", "press_topic_words", "said_at",
        "venue_gap", "venue_marker", "venue_verbs", "press_venue_classes", "unknown_body_endings",
        "press_pronouns", "clause_conjunctions")


@register("press", cues=CUES)
def read_press(ctx: ev._Context, hit: ev._Hit) -> list[ev._Draft]:
    """``X(与Y)在…就…召开新闻发布会``: the organisers before the place or topic (with none there, the names
    after the briefing in its clause, up to what is said, asked or announced at it: 再于记者会宣布将C的选举推迟
    names C as a topic), speakers invited with 请, the speaker of ``在…发布会上，Y表示``, else the persons the
    sentence (or the next one) names, else the sentence's subject (X发布白皮书，并举行新闻发布会)."""
    cut = ev._find(ctx, ctx.lex.cues["organiser_ends"], hit.clause[0], hit.start)
    organisers = ((_not_modifiers(ctx, ctx.phrases_in(hit.clause[0], cut[0]), hit.start) if cut else [])
                  or [p for p in _not_modifiers(ctx, ctx.phrases_in(hit.clause[0], hit.start), hit.start)
                      if not (p.cls in ctx.lex.cues["press_venue_classes"] and ev._venue(ctx, p))]
                  or ctx.phrases_in(hit.end, min(hit.clause[1], _before_topics(ctx, hit))))
    if not any(p.cls == "Person" for p in organisers):
        organisers = _pronoun_person(ctx, hit) or _earlier_opener(ctx, hit, cut) or organisers
    guests = []
    if _invites(ctx, hit):
        guests = ctx.phrases_in(hit.clause[1], hit.sent[1])
        host = _host(ctx, hit)
        if host and any(p.cls == "Person" for p in guests):
            podium = ev._keys(host + [p for p in guests if p.cls == "Person"])
            ctx.podium.update({k: podium for k in ev._keys(organisers)})
            organisers, guests = host, [p for p in guests if p.cls == "Person"]
    elif ctx.text.startswith(ctx.lex.cues["press_on"], hit.end) and hit.clause[1] < hit.sent[1]:
        speaker = ctx.phrases_in(hit.clause[1], _before_topics(ctx, hit, hit.clause[1]))[:1]
        guests = [p for p in speaker if p.cls == "Person"
                  or re.match(ctx.lex.cues["briefer_follow"], ctx.text[p.end:p.end + 12])]
    elif _time_frame(ctx, hit):
        guests = []
    else:
        guests = [p for p in ctx.phrases_in(hit.end, _before_topics(ctx, hit)) + _next_opening(ctx, hit)
                  if p.cls == "Person"] or _briefers(ctx, hit)
    keys = ev._keys(organisers + guests) or ev._keys(ctx.phrases_in(hit.sent[0], hit.clause[0])[:1])
    if not keys:
        return []
    keys = ctx.podium.get(keys[0], keys) if len(keys) == 1 else keys
    keys = tuple(dict.fromkeys(keys + _spoken_for(ctx, organisers + guests)))
    start, end = ev._evidence_range(ctx, hit, hit.end)
    return [ev._Draft(hit.trigger.cls, keys, start, end)]


def _earlier_opener(ctx: ev._Context, hit: ev._Hit, cut: tuple[int, int] | None) -> list[ev._Phrase]:
    """The person opening the nearest earlier clause of the sentence that opens with a name, when the
    briefing's clause names nobody before its place or topic (甲国总统张三周一发文后，周二在白宫记者会为此辩护):
    the clauses go on with one subject, so he holds the briefing, not the building it is held in. Only across
    commas: a name before a colon (a transcript turn's 张三：…) speaks of the briefing, it does not go on.
    Row ``subject_goes_on_at_briefing`` of party_rules.yaml."""
    rule = ctx.lex.party_rules.get("subject_goes_on_at_briefing")
    if rule is None or cut is None or ctx.phrases_in(hit.clause[0], cut[0]):
        return []
    end = hit.clause[0] - 1
    while end > hit.sent[0] and ctx.text[end] in rule["across"]:
        clause = ctx.clause_at(end - 1, hit.sent)
        named = ctx.phrases_in(*clause)
        opening = ctx.text[clause[0]:named[0].start].strip(ev.EVIDENCE_TRIM) if named else None
        if opening == "":
            return named[:1] if named[0].cls == "Person" else []
        end = clause[0] - 1
    return []


def _time_frame(ctx: ev._Context, hit: ev._Hit) -> bool:
    """True when the briefing only dates what follows (在…记者会召开前，A、B已…; 在C举行记者会之前，…): the
    clause ends with a word of before or after (row ``briefing_as_time_frame`` of party_rules.yaml), so
    the persons after it act at another time, not on its podium."""
    rule = ctx.lex.party_rules.get("briefing_as_time_frame")
    return rule is not None and re.search(rule["ends"], ctx.text[hit.end:hit.clause[1]]) is not None


def _invites(ctx: ev._Context, hit: ev._Hit) -> bool:
    """True when the clause after the briefing's opens by inviting its speakers (…举行新闻发布会，请A、B介绍;
    …，并邀请A…). A 请 further on is another matter (…，除请教相关资讯: no speaker follows it). Row
    ``invited_speakers_open_the_next_clause`` of party_rules.yaml; without it, a 请 anywhere after the briefing."""
    if "invited_speakers_open_the_next_clause" not in ctx.lex.party_rules:
        return ev._find(ctx, ctx.lex.cues["guest_cues"], hit.end, hit.sent[1]) is not None
    if hit.clause[1] >= hit.sent[1]:
        return False
    following = ctx.clause_at(hit.clause[1] + 1, hit.sent)
    opening = ctx.text[following[0]:following[1]].lstrip(ev.EVIDENCE_TRIM)
    opening = opening[len(next((c for c in ctx.lex.cues["clause_conjunctions"] if opening.startswith(c)), "")):]
    return opening.startswith(tuple(ctx.lex.cues["guest_cues"]))


def _pronoun_person(ctx: ev._Context, hit: ev._Hit) -> list[ev._Phrase]:
    """The person a pronoun holding the briefing stands for (…张三形容，…，她在记者会上指… / A表示…。他在白宫的
    记者会说…): the first person named (not a title alone, 日本首相, which may be the office in general) in the
    sentence before the pronoun's clause, else in the sentence before it within the block. In reporting, the one
    whose words and acts the passage follows opens it; without this the sentence's body or venue (卫生署,
    白宫) would stand for the person."""
    opening = ctx.text[hit.clause[0]:hit.start].lstrip(ev.EVIDENCE_TRIM)
    opening = opening[len(next((c for c in ctx.lex.cues["clause_conjunctions"] if opening.startswith(c)), "")):]
    pronoun = next((w for w in ctx.lex.cues["press_pronouns"] if opening.startswith(w)), None)
    if pronoun is None or opening[len(pronoun):].startswith("们"):
        return []
    stretches = [(hit.sent[0], hit.clause[0])]
    i = bisect.bisect_right(ctx.sentence_starts, hit.sent[0]) - 1
    block = ctx.block_at(hit.start)
    if i > 0 and block is not None and ctx.sentences[i - 1][0] >= block.start:
        stretches.append(ctx.sentences[i - 1])
    for start, end in stretches:
        persons = [p for p in ctx.phrases_in(start, end) if p.cls == "Person" and not ev._title_end(ctx.text, p, ctx.lex)]
        if persons:
            return persons[:1]
    return []


def _not_modifiers(ctx: ev._Context, phrases: list[ev._Phrase], end: int) -> list[ev._Phrase]:
    """The phrases less a country or region that only opens the name of a body the catalogue does not know
    (甲国感染应变协调中心今日召开记者会; 甲国中央应急处置本部副本部长某某在记者会): the text after it, up to the
    next name or ``end``, goes on with a body's ending (cue unknown_body_endings); the body held the briefing."""
    endings = re.compile(ctx.lex.cues["unknown_body_endings"])
    kept = []
    for k, phrase in enumerate(phrases):
        stop = phrases[k + 1].start if k + 1 < len(phrases) else end
        rest = ctx.text[phrase.end:stop]
        if phrase.cls == "Country" and rest[:1] and not ctx.lex.breaks.match(rest) and endings.search(rest):
            continue
        kept.append(phrase)
    return kept


def _before_topics(ctx: ev._Context, hit: ev._Hit, start: int | None = None) -> int:
    """Where the persons a briefing's sentence names after it (or after ``start``: the clause after
    ``…记者会上，``) stop being its speakers: at what is asked or talked about there (…记者会，一名记者问及A…;
    …记者会亦谈到B，…), said or answered (…记者会，称A…; …记者会上，回答A提到的…). In the clause after it,
    its end."""
    start = hit.end if start is None else start
    end = hit.sent[1] if start == hit.end else ctx.clause_at(start + 1, hit.sent)[1]
    said = ev._find(ctx, ctx.lex.cues["press_topic_words"] + ctx.lex.cues["said_at"], start, end)
    return said[0] if said else end


def _spoken_for(ctx: ev._Context, phrases: list[ev._Phrase]) -> tuple[str, ...]:
    """The bodies whose named spokesperson is at a briefing (外交部发言人汪某主持例行记者会 → 外交部):
    a body named right before a spokesperson title inside a person's phrase."""
    titles = tuple(ctx.lex.cues["spokesperson_titles"])
    found = []
    for phrase in phrases:
        if phrase.cls != "Person":
            continue
        for mention in ctx.analysis.mentions:
            if (phrase.start <= mention.start and mention.end < phrase.end and mention.key
                    and mention.cls not in ("Person", "Country")
                    and ctx.text.startswith(titles, mention.end)):
                found.append(mention.key)
    return tuple(found)


def _host(ctx: ev._Context, hit: ev._Hit) -> list[ev._Phrase]:
    """The speaker of the first transcript turn after an opening announcement
    (X举行新闻发布会，请A、B…; then ``主持人:`` opens): the host on the podium with the guests."""
    turn = next((b for b in ctx.blocks if b.kind == "turn" and b.start > hit.start and b.speaker), None)
    if turn is None:
        return []
    named = ctx.phrases_in(turn.start - len(turn.speaker) - 3, turn.start)
    return [p for p in named if p.cls == "Person"][-1:]


def _briefers(ctx: ev._Context, hit: ev._Hit) -> list[ev._Phrase]:
    """The bodies that speak at a briefing in the next sentence of its block (…召开新闻发布会。
    针对…，A相关负责人说 / A及B通报了…): the names a briefing verb follows, with those joined to them.

    A broadcast item reports the briefing body by body, one sentence each (A表示，…。B和C介绍，…):
    there, every sentence of the item that opens with such names adds them.
    """
    i = bisect.bisect_right(ctx.sentence_starts, hit.sent[0])
    block = ctx.block_at(hit.start)
    if i >= len(ctx.sentences) or block is None or ctx.sentences[i][0] >= block.end:
        block = None
    item = ctx.item_at(hit.start)
    if item is None:
        return [] if block is None else ev._briefing_names(ctx, ctx.sentences[i])
    found: list[ev._Phrase] = []
    for sentence in ctx.sentences[i:]:
        if sentence[0] >= item[1]:
            break
        named = ev._briefing_names(ctx, sentence)
        if named and not ctx.text[sentence[0]:named[0].start].strip(ev.EVIDENCE_TRIM):
            found += named
    return found


def _next_opening(ctx: ev._Context, hit: ev._Hit) -> list[ev._Phrase]:
    """Names opening the next sentence of the same block (…举行新闻发布会。主任马晓伟通报…)."""
    i = bisect.bisect_right(ctx.sentence_starts, hit.sent[0])
    block = ctx.block_at(hit.start)
    if i >= len(ctx.sentences) or block is None or ctx.sentences[i][0] >= block.end:
        return []
    start = ctx.sentences[i][0]
    return ctx.phrases_in(start, ctx.clause_at(start, ctx.sentences[i])[1])
