"""The ``aid`` and ``team`` formulas: one side gives supplies or sends experts to another
(``jishi:Aid``, ``jishi:ExpertTeam``).

Reads the cues ``apposition_before``, ``arrival_verbs``, ``carried_word``,
``country_prefix``, ``default_provider``, ``group_markers``, ``group_words``, ``home_words``,
``list_colons``, ``list_continuers``, ``list_joiners``, ``marker_words``, ``object_lead``, ``send_words``, ``speaker_marks``,
``team_owner_gap``, ``thanks_cues``, ``to_markers`` and ``welcome_verbs`` (and the shared ones of
``CUES``) of ``event_cues.yaml``, and for aid the rows of ``event_roles.yaml`` (which words
mark the receiver, the giver, a place). The sentences it reads:

* ``甲国向乙国提供一批抗疫物资`` — the recipient after 向/为 in the verb's own clause, the giver before it;
* ``甲国提供一批物资予乙国`` / ``甲国捐赠乙国一批口罩`` — the recipient after the goods, or the verb's first object;
* ``你向中方表示慰问，甲国各界纷纷伸出援手`` — a clause naming its giver and no receiver: the name right
  after the marker of an earlier clause receives; none there, the receiver is left unassigned;
* ``甲国专家组抵达乙国`` / ``专家组来华`` — the place reached, or the actor a home word stands for;
* ``乙国感谢甲国提供的援助`` — the thanker receives, the name after 感谢 gives;
* ``乙国总统到机场迎接甲国援助物资`` — those who welcome receive;
* ``甲基金会向非洲54国捐赠`` — aid to a group written as words: the organisations that give
  (a country giving to a group sums up many events, and tells none);
* ``医疗队乘坐的飞机还携带了物资`` — supplies a team carries: from the team's sender, to its
  recipient, on its day (the events stage keeps the team's by block).

The provider is China when no one is named (``default_provider``), unless the clause writes its giver
as a common noun (某家族, 一些网友); a place (在B) neither gives nor receives; a city reached
stands for its country when a foreign giver sends to it, and a team touring the
country it is in is no event.
"""
from __future__ import annotations

from graph import events as ev
from graph.formulas import register

__all__ = ["read_transfer"]

CUES = ("subject_ends", "object_gap", "object_gap_words", "phrase_rest", "apposition_before", "arrival_verbs",
        "carried_word", "country_prefix", "default_provider", "group_markers", "group_words", "home_words",
        "list_colons", "list_continuers", "list_joiners", "marker_words", "object_lead", "send_words", "speaker_marks",
        "team_help_verbs", "team_owner_gap", "thanks_cues", "to_markers", "welcome_verbs")


@register("aid", cues=CUES)
@register("team", cues=CUES)
def read_transfer(ctx: ev._Context, hit: ev._Hit) -> list[ev._Draft]:
    """Aid and expert teams: one event per recipient, provider defaulting to China."""
    welcomed = _welcomed(ctx, hit)
    if welcomed is not None:
        return welcomed
    received = _received(ctx, hit)
    if received is not None:
        return received
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
    if not recipients and hit.trigger.shape == "aid":
        earlier = _receiver_of_another_clause(ctx, hit)
        if earlier is not None and ctx.lex.unnamed_many.search(ctx.text, hit.clause[0], hit.start):
            return []
        if earlier == []:
            return _giver_only(ctx, hit) if ev._subjects(ctx, hit) else []
        recipients = [p.keys for p in earlier or ()]
    everyone = tuple(k for r in recipients for k in r)
    drafts = []
    for recipient in recipients:
        provider = _provider(ctx, hit, everyone)
        if not provider:
            continue
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
    the subject, else China; none when the clause's giver is a common noun (某家族捐赠…, row ``unnamed_giver``).
    A place (在B, 于B: row ``place_not_party``) gives nothing."""
    cues = ctx.lex.cues
    carried = _carried_team(ctx, hit)
    if carried is not None:
        return carried
    team = _team_owner(ctx, hit)
    if team and not set(team) & set(recipients):
        return team
    thanks = ev._find(ctx, cues["thanks_cues"], hit.sent[0], hit.start, last=True)
    if thanks:
        named = [p for p in ctx.phrases_in(thanks[1], hit.start) if _may_give(ctx, hit, p, recipients)]
        if named:
            return _later_subject(ctx, named).keys
    near = [p for p in ctx.phrases_in(max(hit.sent[0], hit.start - 4), hit.start) if _may_give(ctx, hit, p, recipients)]
    if near:
        return near[-1].keys
    marker = ev._find(ctx, _receiver_markers(ctx, hit), hit.clause[0], hit.start)
    if marker:
        before = [p for p in ctx.phrases_in(max(hit.clause[0], marker[0] - 4), marker[0])
                  if _may_give(ctx, hit, p, recipients)]
        if before:
            return before[-1].keys
    for phrase in ev._subjects(ctx, hit) + ctx.phrases_in(_part_start(ctx, hit), hit.start):
        if _may_give(ctx, hit, phrase, recipients) and not ev._not_giver(ctx, phrase) \
                and not ev._speaker_before(ctx, hit, phrase):
            return phrase.keys
    if ev._find(ctx, ev._role_words(ctx, hit, "unnamed_giver"), hit.clause[0], hit.start):
        return ()
    return (cues["default_provider"],)


def _may_give(ctx: ev._Context, hit: ev._Hit, phrase: ev._Phrase, recipients: tuple[str, ...]) -> bool:
    """True for a name that may be the giver: not a receiver, not a place the act is told at (在B, 于B)."""
    return not set(phrase.keys) & set(recipients) and not _place(ctx, hit, phrase)


def _place(ctx: ev._Context, hit: ev._Hit, phrase: ev._Phrase) -> bool:
    """True for a name written right after a word of place (在香港, 于B; row ``place_not_party``): where the act
    is told, neither who gives nor who receives."""
    return ctx.text.endswith(tuple(ev._role_words(ctx, hit, "place_not_party")), 0, phrase.start) \
        and not ev._in_word(ctx, phrase.start - 1)


def _where_receivers_are(ctx: ev._Context, hit: ev._Hit, phrase: ev._Phrase) -> bool:
    """True for a name written right before a word of unnamed people or an unnamed body (向香港市民捐赠,
    向B医疗人员总工会捐赠; row ``receivers_unnamed``): it only says where they are, it receives nothing."""
    rest = ctx.text[phrase.end:phrase.end + 1] == "的"
    return ctx.text.startswith(ev._role_words(ctx, hit, "receivers_unnamed"), phrase.end + rest)


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
    given = _given_to(ctx, hit)
    if given:
        return given
    thanks = ev._find(ctx, cues["thanks_cues"], hit.sent[0], hit.start, last=True)
    marked = ev._after_marker(ctx, _receiver_markers(ctx, hit), max(thanks[1] if thanks else 0, _marker_scope(ctx, hit)), hit)
    if marked is None:
        marked = _colon_head(ctx, hit)
    marked = [p for p in marked or () if not _place(ctx, hit, p) and not _where_receivers_are(ctx, hit, p)]
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


def _given_to(ctx: ev._Context, hit: ev._Hit) -> list[ev._Phrase]:
    """The receiver a verb of giving names as its first object (捐赠B十万只口罩, row ``receiver_object``),
    or a word after the goods does (提供X予B, 捐赠X给B, row ``receiver_after_goods``)."""
    if ctx.text.startswith(ev._role_words(ctx, hit, "receiver_object"), hit.start):
        found = ev._objects(ctx, hit.end, hit.clause[1])
        if found and ctx.text[hit.end:found[0].start] in ctx.lex.cues["object_lead"]:
            return found
    after = ev._find(ctx, ev._role_words(ctx, hit, "receiver_after_goods"), hit.end, hit.clause[1])
    if after is None or ev._in_word(ctx, after[0]):
        return []
    return ev._objects(ctx, after[1], hit.clause[1])


def _receiver_markers(ctx: ev._Context, hit: ev._Hit) -> tuple[str, ...]:
    """The words whose object receives: the class's row ``receiver_markers`` (向/给/为/对 for aid, not 与/同,
    which join a companion), else every marker of the other side (``to_markers``)."""
    return ev._role_words(ctx, hit, "receiver_markers") or tuple(ctx.lex.cues["to_markers"])


def _marker_scope(ctx: ev._Context, hit: ev._Hit) -> int:
    """Where a marker of the receiver may stand: in the verb's own clause when the class has a row of
    receiver markers (a 与/向 of an earlier clause belongs to another verb: 甲与B会谈后表示，C捐赠的…), and in
    the clause whose list of receivers it goes on (向B，以及C提供). Without the row, anywhere in the sentence
    before it."""
    if not ev._role_words(ctx, hit, "receiver_markers"):
        return hit.sent[0]
    start = hit.clause[0]
    while start > hit.sent[0] and ctx.text.startswith(tuple(ctx.lex.cues["list_continuers"]), start):
        start = ctx.clause_at(start - 1, hit.sent)[0]
    return start


def _colon_head(ctx: ev._Context, hit: ev._Hit) -> list[ev._Phrase] | None:
    """The receivers a list's head names before its colon, for a giver among the items after it (向B捐赠的有：
    A捐款…；C捐款…): the names after a receiver marker in the clause that the colon closes, when that clause
    tells the same kind of act (a speaker's label, 曾任某职的甲表示：…, is no head)."""
    if not ev._role_words(ctx, hit, "receiver_markers"):
        return None
    colon = ev._find(ctx, ctx.lex.cues["list_colons"], hit.sent[0], hit.clause[0], last=True)
    if colon is None:
        return None
    head = ctx.clause_at(colon[0] - 1, hit.sent)
    if not any(cls == hit.trigger.cls and head[0] <= pos < colon[0] for pos, cls in ctx.triggers):
        return None
    return ev._after_marker(ctx, _receiver_markers(ctx, hit), head[0], hit._replace(start=colon[0]))


def _receiver_of_another_clause(ctx: ev._Context, hit: ev._Hit) -> list[ev._Phrase] | None:
    """For a clause that names no receiver, the receiver an earlier clause of the sentence names right after its
    marker (你向中方表示慰问，甲国各界纷纷伸出援手: 中方), the one the help goes to; [] when that marker is
    not followed by a name of its own (尤其乙国一向支持丙国…: a name further on is another verb's object), so the
    receiver is left unassigned; None when no earlier clause has a marker with names after it. A clause going
    on with the earlier one's subject (向B派出医疗队，并提供物资) gives to the same receiver."""
    thanks = ev._find(ctx, ctx.lex.cues["thanks_cues"], hit.sent[0], hit.start, last=True)
    start, scope = thanks[1] if thanks else hit.sent[0], _marker_scope(ctx, hit)
    markers = _receiver_markers(ctx, hit)
    named = ev._after_marker(ctx, markers, start, hit._replace(start=scope)) if scope > start else None
    if not named:
        return None
    if not ctx.text.endswith(markers, 0, named[0].start) or ev._in_word(ctx, named[0].start - 1):
        return []
    clause = ctx.clause_at(named[0].start, hit.sent)
    return [p for p in ev._objects(ctx, named[0].start, clause[1])
            if not _place(ctx, hit, p) and not _where_receivers_are(ctx, hit, p)] or None


def _giver_only(ctx: ev._Context, hit: ev._Hit) -> list[ev._Draft]:
    """The event with its giver and no receiver, for a clause that names its giver as its subject (甲国政府和
    各界纷纷伸出援手): the receiver is left unassigned rather than guessed. A clause giving many unnamed
    (许多甲国企业也积极提供…) tells too little to stand alone."""
    provider = _provider(ctx, hit, ())
    if not provider:
        return []
    start, end = ev._evidence_range(ctx, hit, hit.end)
    return [ev._Draft(hit.trigger.cls, provider[:1], start, end, provider=provider[0])]


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


def _received(ctx: ev._Context, hit: ev._Hit) -> list[ev._Draft] | None:
    """``乙国获得甲国的疫苗援助`` / ``乙国从甲国得到一批口罩``: a verb of receiving before the aid word (row
    ``giver_after_receive``) makes its subject the receiver and the name after it, or after 从/自 before it
    (row ``giver_from``), the giver; neither named, no event (这些国家难以获得人道主义援助). None when no
    such verb stands in the clause."""
    verb = ev._find(ctx, ev._role_words(ctx, hit, "giver_after_receive"), hit.clause[0], hit.start, last=True)
    if verb is None or ev._in_word(ctx, verb[0]):
        return None
    source = ev._find(ctx, ev._role_words(ctx, hit, "giver_from"), hit.clause[0], verb[0], last=True)
    givers = ctx.phrases_in(source[1], verb[0]) if source else ev._objects(ctx, verb[1], hit.start)
    takers = [p for p in ctx.phrases_in(hit.clause[0], source[0] if source else verb[0]) if not _place(ctx, hit, p)]
    if not givers or not takers:
        return []
    provider = givers[0].keys[0]
    start, end = ev._evidence_range(ctx, hit, hit.end)
    return [ev._Draft(hit.trigger.cls, (provider, taker.keys[0]), start, end, provider=provider, recipient=taker.keys[0])
            for taker in _last_list(ctx, takers) if taker.keys[0] != provider]


def _last_list(ctx: ev._Context, phrases: list[ev._Phrase]) -> list[ev._Phrase]:
    """The last name and those listed with it (甲、乙、丙五国收到…: all three), one receiver each."""
    listed = phrases[-1:]
    for phrase in reversed(phrases[:-1]):
        if ctx.text[phrase.end:listed[0].start] not in ctx.lex.cues["list_joiners"]:
            break
        listed.insert(0, phrase)
    return listed


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
    country = ev._country_above(ctx, recipient[0])
    if country is None or country == recipient[0] or provider == country or ev._within(ctx, provider, country):
        return recipient
    if ctx.classes.get(recipient[0]) != "GovernmentBody":
        return recipient
    return (country,)


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
