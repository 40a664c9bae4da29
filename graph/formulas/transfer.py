"""The ``aid`` and ``team`` formulas: one side gives supplies or sends experts to another
(``jishi:Aid``, ``jishi:ExpertTeam``).

Reads the cues ``apposition_before``, ``arrival_verbs``, ``carried_word``,
``country_prefix``, ``default_provider``, ``group_markers``, ``group_words``, ``home_words``,
``marker_words``, ``send_words``, ``speaker_marks``, ``team_owner_gap``,
``thanks_cues``, ``to_markers`` and ``welcome_verbs`` (and the shared ones of
``CUES``) of ``event_cues.yaml``. The sentences it reads:

* ``甲国向乙国提供一批抗疫物资`` — the recipient after 向/为, the giver before it;
* ``甲国专家组抵达乙国`` / ``专家组来华`` — the place reached, or the actor a home word stands for;
* ``乙国感谢甲国提供的援助`` — the thanker receives, the name after 感谢 gives;
* ``乙国总统到机场迎接甲国援助物资`` — those who welcome receive;
* ``甲基金会向非洲54国捐赠`` — aid to a group written as words: the organisations that give
  (a country giving to a group sums up many events, and tells none);
* ``医疗队乘坐的飞机还携带了物资`` — supplies a team carries: from the team's sender, to its
  recipient, on its day (the events stage keeps the team's by block).

The provider is China when no one is named (``default_provider``); a city reached
stands for its country when a foreign giver sends to it, and a team touring the
country it is in is no event.
"""
from __future__ import annotations

from graph import events as ev
from graph.formulas import register

__all__ = ["read_transfer"]

CUES = ("subject_ends", "object_gap", "object_gap_words", "phrase_rest", "apposition_before", "arrival_verbs",
        "carried_word", "country_prefix", "default_provider", "group_markers", "group_words", "home_words", "marker_words",
        "send_words", "speaker_marks", "team_help_verbs", "team_owner_gap", "thanks_cues", "to_markers",
        "welcome_verbs")


@register("aid", cues=CUES)
@register("team", cues=CUES)
def read_transfer(ctx: ev._Context, hit: ev._Hit) -> list[ev._Draft]:
    """Aid and expert teams: one event per recipient, provider defaulting to China."""
    welcomed = _welcomed(ctx, hit)
    if welcomed is not None:
        return welcomed
    if ev._helped_team(ctx, hit) == ():
        return []
    recipients = [p.keys for p in _recipients(ctx, hit)]
    if not recipients and _home(ctx, hit):
        recipients = [_home(ctx, hit)]
    block_id = ev._block_id(ctx, hit)
    if not recipients and hit.trigger.shape == "aid" and block_id in ctx.team_recipient \
            and not ctx.lex.speech.search(ctx.text, hit.sent[0], hit.start) and not _thanked(ctx, hit):
        recipients = [ctx.team_recipient[block_id]]
    if not recipients and hit.trigger.shape == "aid" and _to_group(ctx, hit):
        return _group_aid(ctx, hit)
    if not recipients and hit.trigger.shape == "aid":
        recipients = _thanker(ctx, hit)
    everyone = tuple(k for r in recipients for k in r)
    drafts = []
    for recipient in recipients:
        provider = _provider(ctx, hit, everyone)
        if _carried(ctx, hit) and block_id in ctx.team_provider:
            provider = ctx.team_provider[block_id]
        recipient = _country_of_place(ctx, hit, provider[0], recipient)
        if set(provider) & set(recipient) or _domestic_tour(ctx, hit, provider[0], recipient[0]):
            continue
        start, end = ev._evidence_range(ctx, hit, hit.end)
        drafts.append(ev._Draft(hit.trigger.cls, ev._keys_of(provider[:1], recipient[:1]), start, end,
                                provider=provider[0], recipient=recipient[0]))
    if drafts and hit.trigger.shape == "team":
        ctx.team_recipient[block_id] = (drafts[-1].recipient,)
        ctx.team_provider[block_id] = (drafts[-1].provider,)
        drafts = _one_home_team(ctx, drafts)
    return drafts


def _carried_team(ctx: ev._Context, hit: ev._Hit) -> tuple[str, ...] | None:
    """The sender of a team named in the clause before the trigger's (A专家组今天启程，赴B…): the name
    right before its team word, else China; None when the trigger's own clause names the team."""
    if hit.trigger.requires is None or hit.trigger.requires.search(ctx.text, hit.clause[0], hit.clause[1]):
        return None
    subject = ev._team_subject_clause(ctx, hit.trigger, hit.start, hit.sent, hit.clause)
    if subject is None:
        return None
    team = hit.trigger.requires.search(ctx.text, subject[0], subject[1])
    before = ctx.phrases_in(subject[0], team.start())
    if before and team.start() - before[-1].end <= ctx.lex.cues["team_owner_gap"]:
        return before[-1].keys
    return (ctx.lex.cues["default_provider"],)


def _provider(ctx: ev._Context, hit: ev._Hit, recipients: tuple[str, ...]) -> tuple[str, ...]:
    """Who gives: the name after 感谢 (or a later clause's subject), the name right before the verb or before 向/为,
    the subject, else China."""
    cues = ctx.lex.cues
    carried = _carried_team(ctx, hit)
    if carried is not None:
        return carried
    team = _team_owner(ctx, hit)
    if team and not set(team) & set(recipients):
        return team
    thanks = ev._find(ctx, cues["thanks_cues"], hit.sent[0], hit.start, last=True)
    if thanks:
        named = [p for p in ctx.phrases_in(thanks[1], hit.start) if not set(p.keys) & set(recipients)]
        if named:
            return _later_subject(ctx, named).keys
    near = [p for p in ctx.phrases_in(max(hit.sent[0], hit.start - 4), hit.start)
            if not set(p.keys) & set(recipients)]
    if near:
        return near[-1].keys
    marker = ev._find(ctx, cues["to_markers"], hit.clause[0], hit.start)
    if marker:
        before = [p for p in ctx.phrases_in(max(hit.clause[0], marker[0] - 4), marker[0])
                  if not set(p.keys) & set(recipients)]
        if before:
            return before[-1].keys
    for phrase in ev._subjects(ctx, hit) + ctx.phrases_in(_part_start(ctx, hit), hit.start):
        if not set(phrase.keys) & set(recipients) and not ev._not_giver(ctx, phrase) \
                and not ev._speaker_before(ctx, hit, phrase):
            return phrase.keys
    return (cues["default_provider"],)


def _part_start(ctx: ev._Context, hit: ev._Hit) -> int:
    """Where the hit's part of its sentence begins: a semicolon closes a giver's part
    (A调出…支援B；C每隔两天…，为D提供物资: C gives to D, not A)."""
    return max(hit.sent[0], ctx.text.rfind("；", hit.sent[0], hit.start) + 1)


def _later_subject(ctx: ev._Context, named: list[ev._Phrase]) -> ev._Phrase:
    """The giver among the names after 感谢: the first, unless a later clause opens with a name of
    its own (感谢A关心B，中方及时…，向B派出…): that subject gives."""
    opening = [p for p in named[1:] if not ctx.text[ctx.clause_at(p.start, ctx.sentence_at(p.start))[0]:p.start]
               .strip(ev.EVIDENCE_TRIM)]
    return opening[-1] if opening else named[0]


def _team_owner(ctx: ev._Context, hit: ev._Hit) -> tuple[str, ...]:
    """The name written right before the team word (中国医疗专家组抵达…): the team's sender,
    unless the clause names who sends it (X派遣的中方医疗专家组)."""
    if hit.trigger.shape != "team" or hit.trigger.requires is None:
        return ()
    team = hit.trigger.requires.search(ctx.text, hit.clause[0], hit.start)
    if team is None:
        return ev._helped_team(ctx, hit) or ()
    if ev._find(ctx, ctx.lex.cues["send_words"], hit.clause[0], team.start()):
        return ()
    before = ctx.phrases_in(max(hit.clause[0], team.start() - ctx.lex.cues["team_owner_gap"] - 12), team.start())
    if before and team.start() - before[-1].end <= ctx.lex.cues["team_owner_gap"]:
        return before[-1].keys
    return ()


def _recipients(ctx: ev._Context, hit: ev._Hit) -> list[ev._Phrase]:
    """Who receives: the object of the verb, the names after 向/为/给, or an arrival's destination
    (a city of ``cities.csv`` standing for its country: 抵达米兰)."""
    cues = ctx.lex.cues
    verb_end = hit.end if ctx.text.startswith(ctx.lex.object_verbs, hit.start) else None
    if verb_end is not None:
        found = ev._objects(ctx, hit.end, hit.sent[1])
        if found:
            return found
    thanks = ev._find(ctx, cues["thanks_cues"], hit.sent[0], hit.start, last=True)
    marked = ev._after_marker(ctx, cues["to_markers"], thanks[1] if thanks else hit.sent[0], hit)
    if marked:
        return marked
    arrival = ev._find(ctx, cues["arrival_verbs"], hit.end, hit.sent[1])
    if arrival:
        found = ev._objects(ctx, arrival[1], hit.sent[1])
        if found:
            return found
        verb_end = arrival[1]
    purpose = ev._find(ctx, cues["team_help_verbs"], hit.end, hit.clause[1]) if hit.trigger.shape == "team" else None
    if purpose:
        found = ev._objects(ctx, purpose[1], hit.clause[1])
        if found:
            return found
    return ev._city_after(ctx, hit, verb_end) if verb_end is not None else []


def _thanker(ctx: ev._Context, hit: ev._Hit) -> list[tuple[str, ...]]:
    """The name right before 感谢 in the clause: who received what it thanks for (比方感谢中方提供…);
    a clause that goes on thanking (A感谢B支持，特别感谢B捐赠的…) is thanks by the name before 感谢 in
    the clause right before it. A person thanks for the side he leads (a gift goes to the country)."""
    cues = ctx.lex.cues
    thanks = ev._find(ctx, cues["thanks_cues"], hit.clause[0], hit.start)
    if thanks is None:
        return []
    before = ctx.phrases_in(hit.clause[0], thanks[0])
    if not before and hit.clause[0] > hit.sent[0]:
        previous = ctx.clause_at(hit.clause[0] - 1, hit.sent)
        thanks = ev._find(ctx, cues["thanks_cues"], previous[0], previous[1])
        before = ctx.phrases_in(previous[0], thanks[0]) if thanks else []
    if not before or thanks[0] - before[-1].end > 2:
        return []
    return [tuple(ctx.affiliations.get(k, k) if ctx.classes.get(k) == "Person" else k for k in before[-1].keys)]


def _thanked(ctx: ev._Context, hit: ev._Hit) -> bool:
    """True for aid its clause names as thanked for (网民纷纷感谢甲国“捐赠”物资): the thanks tell who
    received, so the recipient of a team told earlier in the block is no guess for it."""
    return ev._find(ctx, ctx.lex.cues["thanks_cues"], hit.clause[0], hit.start) is not None


def _home(ctx: ev._Context, hit: ev._Hit) -> tuple[str, ...]:
    """The actor a destination word stands for (来华 → China), if the trigger is one."""
    key = ctx.lex.cues["home_words"].get(ctx.text[hit.start:hit.end])
    return (key,) if key else ()


def _one_home_team(ctx: ev._Context, drafts: list[ev._Draft]) -> list[ev._Draft]:
    """A team a body at home sends to several places at home (某医院派出两支医疗队支援A医院、B医院)
    is one team with all of them; teams sent abroad are one per country (向A、B两国派遣专家组)."""
    if len(drafts) < 2 or len({d.provider for d in drafts}) > 1 \
            or any(ctx.classes.get(k, "Country") == "Country" for d in drafts for k in d.participants):
        return drafts
    first = drafts[0]
    return [first._replace(participants=ev._keys_of(*(d.participants for d in drafts)))]


def _welcomed(ctx: ev._Context, hit: ev._Hit) -> list[ev._Draft] | None:
    """``A和B到机场迎接C…援助物资``: those who welcome receive (a leader stands for his country),
    the name after the welcome verb gives; None when no welcome verb precedes the aid in its clause."""
    welcome = ev._find(ctx, ctx.lex.cues["welcome_verbs"], hit.clause[0], hit.start)
    if hit.trigger.shape != "aid" or welcome is None:
        return None
    givers = ctx.phrases_in(welcome[1], hit.start)[:1]
    takers = ev._keys(ev._absorb_offices(ctx, ctx.phrases_in(hit.clause[0], welcome[0])))
    if not givers:
        return []
    provider = givers[0].keys[0]
    start, end = ev._evidence_range(ctx, hit, hit.end)
    sides = dict.fromkeys(ctx.affiliations.get(k, k) if ctx.classes.get(k) == "Person" else k for k in takers)
    return [ev._Draft(hit.trigger.cls, (provider, side), start, end, provider=provider, recipient=side)
            for side in sides if side != provider]


def _carried(ctx: ev._Context, hit: ev._Hit) -> bool:
    """True for supplies a team carries with it (随机携带…): given by whoever sent the team."""
    return ctx.lex.cues["carried_word"] in ctx.text[hit.start:hit.end]


def _country_of_place(ctx: ev._Context, hit: ev._Hit, provider: str, recipient: tuple[str, ...]) -> tuple[str, ...]:
    """A place a foreign giver's goods or team reach (运抵武汉, a team 前往四川) stands for its country: the
    recipient is the country when the place lies in one and the provider is not inside it. An international
    organisation has no country of its own to face another: its experts reach the place itself (世卫组织专家
    赴武汉: 武汉, the most specific actor)."""
    if hit.trigger.shape != "team" and not ctx.text.startswith(tuple(ctx.lex.cues["arrival_verbs"]), hit.start) \
            and ev._find(ctx, ctx.lex.cues["arrival_verbs"], hit.clause[0], hit.clause[1]) is None:
        return recipient
    if ctx.classes.get(provider) == "InternationalOrganization":
        return recipient
    country = _country_above(ctx, recipient[0])
    if country is None or country == recipient[0] or provider == country or ev._within(ctx, provider, country):
        return recipient
    if ctx.classes.get(recipient[0]) != "GovernmentBody":
        return recipient
    return (country,)


def _country_above(ctx: ev._Context, key: str) -> str | None:
    """The country a key lies in, up its affiliations (武汉市 → 湖北省 → 中国)."""
    seen = set()
    while key and key not in seen:
        if key.startswith(ctx.lex.cues["country_prefix"]):
            return key
        seen.add(key)
        key = ctx.affiliations.get(key)
    return None


def _to_group(ctx: ev._Context, hit: ev._Hit) -> bool:
    """True when the receiving side is a group written as words, not names (向非洲54国捐赠)."""
    marker = ev._find(ctx, ctx.lex.cues["group_markers"], hit.clause[0], hit.start, last=True)
    return marker is not None and ev._find(ctx, ctx.lex.cues["group_words"], marker[1], hit.start) is not None


def _group_aid(ctx: ev._Context, hit: ev._Hit) -> list[ev._Draft]:
    """Aid to a group of countries from named organisations (A基金会和B基金会向非洲54国捐赠的物资
    运抵…): the givers are its participants. A country giving to a group (中国向120个国家提供)
    is a summary of many events, not one; so is aid a name thanks another for (联合国感谢中方为困难国家
    提供援助): the thanker gives nothing."""
    marker = ev._find(ctx, ctx.lex.cues["group_markers"], hit.clause[0], hit.start, last=True)
    thanks = ev._find(ctx, ctx.lex.cues["thanks_cues"], hit.clause[0], marker[0], last=True)
    givers = [p for p in ctx.phrases_in(thanks[1] if thanks else hit.clause[0], marker[0])
              if p.cls not in ("Person", "Country") and not ev._source(ctx, p) and not ev._reporter(ctx, p)]
    if not givers:
        return []
    keys = ev._keys(givers)
    start, end = ev._evidence_range(ctx, hit, hit.end)
    return [ev._Draft(hit.trigger.cls, keys, start, end, provider=keys[0])]


def _domestic_tour(ctx: ev._Context, hit: ev._Hit, provider: str, recipient: str) -> bool:
    """True for a team going on to a place inside the country it is in (考察组分赴广东、四川):
    a country as provider, a recipient within it, and nobody sending the team (派出, 派遣)."""
    if hit.trigger.shape != "team" or ctx.classes.get(provider, "Country") != "Country":
        return False
    sent = ev._find(ctx, ctx.lex.cues["send_words"], hit.sent[0], hit.end)
    return sent is None and ev._within(ctx, recipient, provider)
