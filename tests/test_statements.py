"""Statements stage: one small hand-written example per formula.

Every test builds its ``Analysis`` by hand (text == raw unless the test is
about scripts), so no other stage runs.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from graph.catalogue import load_catalogue
from graph.model import ActorInfo, Analysis, Block, DocMeta, Document, EventCandidate, Mention, Span
from graph.pipeline import analyse
from graph.read import parse_document
from graph.statements import extract_statements
from graph.structure import split_structure

DAY = dt.date(2021, 5, 6)
PERSON = "Person"


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def _mentions(text: str, names: list[tuple[str, str, str]]) -> tuple[Mention, ...]:
    """A mention at every occurrence of each (surface, key, class)."""
    found = []
    for surface, key, cls in names:
        start = text.find(surface)
        while start >= 0:
            found.append(Mention(start, start + len(surface), surface, key, cls))
            start = text.find(surface, start + len(surface))
    return tuple(sorted(found, key=lambda m: m.start))


def _analysis(text: str, names, kind: str = "bullet", genre: str = "chronicle", raw: str | None = None,
              blocks: tuple[Block, ...] | None = None, events: tuple[EventCandidate, ...] = (),
              extra: tuple[Mention, ...] = (), language: str = "zh-Hans") -> Analysis:
    meta = DocMeta(genre=genre, date=DAY, language=language)
    doc = Document("t.txt", raw or text, text, tuple(range(len(text))), meta)
    blocks = blocks or (Block(kind, 0, len(text), DAY),)
    mentions = tuple(sorted(_mentions(text, names) + extra, key=lambda m: m.start))
    return Analysis(doc, blocks=blocks, mentions=mentions, events=events)


def _said(analysis: Analysis, catalogue) -> list[tuple[str, str, str]]:
    return [(s.speaker, s.verb, s.text) for s in extract_statements(analysis, catalogue).statements]


@pytest.mark.parametrize("text, names, expected", [
    ("王华表示，两国合作前景广阔。", [("王华", "person/王华", PERSON)],
     [("person/王华", "表示", "两国合作前景广阔。")]),
    ("韩国总统周涛强调，要加强沟通。", [("韩国", "country/KR", "Country"), ("周涛", "person/周涛", PERSON)],
     [("person/周涛", "强调", "要加强沟通。")]),
    ("赵丽在座谈会上说：“我们有信心。”", [("赵丽", "person/赵丽", PERSON)],
     [("person/赵丽", "说", "“我们有信心。”")]),
    ("陈明强调要加强监测。", [("陈明", "person/陈明", PERSON)],
     [("person/陈明", "强调", "要加强监测。")]),
])
def test_statements_reporting_clause(catalogue, text, names, expected):
    assert _said(_analysis(text, names), catalogue) == expected


@pytest.mark.parametrize("text, expected", [
    ("“我们会继续提供帮助。”王华说。", [("person/王华", "说", "我们会继续提供帮助。")]),
    ("“形势向好，”王华表示，“但不能松懈。”", [("person/王华", "表示", "形势向好，”王华表示，“但不能松懈。”")]),
])
def test_statements_speaker_after_the_quote(catalogue, text, expected):
    assert _said(_analysis(text, [("王华", "person/王华", PERSON)], kind="paragraph"), catalogue) == expected


@pytest.mark.parametrize("text, expected", [
    # the quotation is held by the frame before it: the speaker after it says only what follows
    ("王华指，工作量大增，「人手一直不够。」王华坦言，压力很大。",
     [("person/王华", "指", "工作量大增，「人手一直不够。」"), ("person/王华", "坦言", "压力很大。")]),
    ("记者问措施在「法律上有无问题？」王华回应指，已咨询律师。",
     [("person/王华", "指", "已咨询律师。")]),
])
def test_statements_quote_before_the_speaker_only_when_it_opens_its_sentence(catalogue, text, expected):
    assert _said(_analysis(text, [("王华", "person/王华", PERSON)], kind="paragraph", genre="article"),
                 catalogue) == expected


@pytest.mark.parametrize("text, expected", [
    ("王华说：「我们会加强检测。人手足够。」他没有说何时开始。", "「我们会加强检测。人手足够。」"),
    ("王华说：「我们会加强检测」。记者其后致电卫生局。", "「我们会加强检测」"),
    # a quoted term the sentence goes on after is not the end of the words
    ("王华表示，「三不」政策不变。各部门会配合。", "「三不」政策不变。各部门会配合。"),
])
def test_statements_words_opening_with_a_quotation_end_where_it_closes_a_sentence(catalogue, text, expected):
    said = _said(_analysis(text, [("王华", "person/王华", PERSON)], kind="paragraph", genre="article"), catalogue)
    assert [s[2] for s in said] == [expected]


@pytest.mark.parametrize("text, names, speaker", [
    ("巴西总统新闻秘书赵丽对记者表示，巴方将继续合作。",
     [("巴西总统", "person/周涛", PERSON), ("赵丽", "person/赵丽", PERSON)], "person/赵丽"),
    ("东盟秘书长赵丽、联合国官员等均在会上发言，呼吁各国加强合作。",
     [("东盟", "io/asean", "InternationalOrganization"), ("赵丽", "person/赵丽", PERSON),
      ("联合国", "io/un", "InternationalOrganization")], "person/赵丽"),
    ("5月7日，周涛致函总干事王华，表示愿意加强合作。",
     [("周涛", "person/周涛", PERSON), ("王华", "person/王华", PERSON)], "person/周涛"),
])
def test_statements_speaker_is_the_head_of_the_subject(catalogue, text, names, speaker):
    said = _said(_analysis(text, names), catalogue)
    assert [s[0] for s in said] == [speaker]


@pytest.mark.parametrize("text, names, speaker", [
    ("甲大学媒体与传播系副教授赵丽在网上表示，调查没有受到干预。",
     [("甲大学", "org/甲大学", "Organization"), ("赵丽", "person/赵丽", PERSON)], "person/赵丽"),
    ("乙国白宫制造业和贸易顾问彼得・周涛在接受访问时说，乙国很早就知道。",
     [("乙国白宫", "gov/乙国白宫", "GovernmentBody"), ("周涛", "person/周涛", PERSON)], "person/周涛"),
    ("丙联盟外交及安全政策高级代表王华（Wang Hua）表示，我们有责任保护公民。",
     [("丙联盟", "org/丙联盟", "InternationalOrganization"), ("王华", "person/王华", PERSON)], "person/王华"),
])
def test_statements_a_conjunction_inside_a_title_keeps_the_person_speaking(catalogue, text, names, speaker):
    """和/与/及 inside the unit a title names (媒体与传播系副教授) does not cut the body off the person
    after the title: the person speaks, not the body."""
    said = _said(_analysis(text, names, kind="paragraph", genre="article"), catalogue)
    assert [s[0] for s in said] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("香港大学感染及传染病中心总监赵立新昨晚接受访问时表示，社区爆发风险很高。", "person/赵立新"),
    ("香港医院管理局总行政经理（质素及标准）周明远表示，经血液传播的风险低。", "person/周明远"),
    ("香港警务处处长王刚毅其后见记者表示，官员不应评论事件。", "person/王刚毅"),
])
def test_statements_a_person_named_after_the_title_speaks_not_the_body(catalogue, text, speaker):
    """The person the actor stage finds after a title (a unit with a conjunction before it, a bracketed
    field after it, a time or an occasion after the name) speaks, not the body of the title."""
    analysis = analyse(parse_document(text, "hkcnews_20200601_1.txt"), catalogue)
    assert [s.speaker for s in analysis.statements] == [speaker]


@pytest.mark.parametrize("text, expected", [
    # the one a request is put to does not speak, nor the one who asks through the verb asked for;
    # in news prose 要求 reports the demand itself
    ("甲阵线要求乙局公开谴责有关行为。", [("org/甲阵线", "要求", "乙局公开谴责有关行为。")]),
    ("丙国大使馆要求丁方澄清，并提出严正交涉。", []),
    ("王华希望赵丽指出问题所在。", []),
    # 要求 itself still reports the words of the one who asks
    ("王华要求，各部门要加强防控。", [("person/王华", "要求", "各部门要加强防控。")]),
])
def test_statements_the_one_asked_to_speak_is_no_speaker(catalogue, text, expected):
    names = [("甲阵线", "org/甲阵线", "Organization"), ("乙局", "gov/乙局", "GovernmentBody"),
             ("丙国大使馆", "gov/丙国大使馆", "GovernmentBody"), ("丁方", "country/丁", "Country"),
             ("王华", "person/王华", PERSON), ("赵丽", "person/赵丽", PERSON)]
    assert _said(_analysis(text, names, kind="paragraph", genre="article"), catalogue) == expected


def test_statements_a_conjunction_between_bodies_still_breaks_the_chain(catalogue):
    """A conjunction with no title after it joins two subjects, not a unit and its title (甲部和乙部表示)."""
    text = "甲部和赵丽表示，双方将加强合作。"
    names = [("甲部", "gov/甲部", "GovernmentBody"), ("赵丽", "person/赵丽", PERSON)]
    said = _said(_analysis(text, names, kind="paragraph", genre="article"), catalogue)
    assert [s[0] for s in said] == ["gov/甲部"]


def test_statements_content_runs_over_sentences_until_next_speaker(catalogue):
    text = "张伟指出，疫情形势严峻。各国应携手应对。刘洋说，要保持信心。"
    names = [("张伟", "person/张伟", PERSON), ("刘洋", "person/刘洋", PERSON)]
    assert _said(_analysis(text, names), catalogue) == [
        ("person/张伟", "指出", "疫情形势严峻。各国应携手应对。"),
        ("person/刘洋", "说", "要保持信心。"),
    ]


def test_statements_content_stops_at_block_end(catalogue):
    text = "张伟指出，形势向好。\n◆会议在北京举行。"
    blocks = (Block("bullet", 0, 10, DAY), Block("bullet", 11, len(text), DAY))
    said = _said(_analysis(text, [("张伟", "person/张伟", PERSON)], blocks=blocks), catalogue)
    assert said == [("person/张伟", "指出", "形势向好。")]


def test_statements_content_stops_at_line_end_inside_a_turn(catalogue):
    text = "张伟:\n王华表示，形势向好。\n我们会继续努力。"
    blocks = (Block("speaker", 0, 2, DAY, speaker="张伟"), Block("turn", 4, len(text), DAY, speaker="张伟"))
    names = [("张伟", "person/张伟", PERSON), ("王华", "person/王华", PERSON)]
    said = _said(_analysis(text, names, genre="transcript", blocks=blocks), catalogue)
    assert ("person/王华", "表示", "形势向好。") in said


def test_statements_two_verbs_of_one_speaker_are_two_statements(catalogue):
    text = "刘洋表示，愿加强交流，并强调，合作是唯一选择。"
    assert _said(_analysis(text, [("刘洋", "person/刘洋", PERSON)]), catalogue) == [
        ("person/刘洋", "表示", "愿加强交流"),
        ("person/刘洋", "强调", "合作是唯一选择。"),
    ]


def test_statements_pronoun_is_the_last_named_person(catalogue):
    text = "卫生部长陈明主持会议。他说，防控工作取得进展。"
    said = _said(_analysis(text, [("陈明", "person/陈明", PERSON)]), catalogue)
    assert said == [("person/陈明", "说", "防控工作取得进展。")]


@pytest.mark.parametrize("text, expected", [
    # a person named after a title that no actor links spoke last: the pronoun is that person's
    ("陈明表示，病床足够。大学教授苏某认为，病床不足。他指出，要加建医院。",
     [("person/陈明", "表示", "病床足够。")]),
    ("陈明表示，病床足够。工会主席吴某则表示，人手不足。她认为，要增聘护士。",
     [("person/陈明", "表示", "病床足够。")]),
    # a named person speaking after that frame is the pronoun's again
    ("大学教授苏某认为，病床不足。陈明表示，病床足够。他指出，会加建医院。",
     [("person/陈明", "表示", "病床足够。"), ("person/陈明", "指出", "会加建医院。")]),
])
def test_statements_pronoun_after_an_unlinked_speaker_is_no_named_person(catalogue, text, expected):
    names = [("陈明", "person/陈明", PERSON)]
    assert _said(_analysis(text, names, kind="paragraph", genre="article"), catalogue) == expected


@pytest.mark.parametrize("text, expected", [
    # 她 passes over a man, by his form of address or the catalogue; 他 over a woman
    ("王某女士表示，病床足够。李某先生说，病床不足。她认为，要增聘护士。",
     [("person/王某", "表示", "病床足够。"), ("person/李某", "说", "病床不足。"), ("person/王某", "认为", "要增聘护士。")]),
    ("林郑月娥表示，病床足够。习近平说，要团结抗疫。她指出，会增聘护士。",
     [("person/carrie-lam", "表示", "病床足够。"), ("person/xi-jinping", "说", "要团结抗疫。"),
      ("person/carrie-lam", "指出", "会增聘护士。")]),
    ("李某先生表示，病床不足。陈肇始说，病床足够。他认为，要增聘护士。",
     [("person/李某", "表示", "病床不足。"), ("person/sophia-chan", "说", "病床足够。"), ("person/李某", "认为", "要增聘护士。")]),
    # a wife's form ending a name tells a woman (戴某夫人)
    ("戴某夫人表示，病床足够。他认为，要增聘护士。", [("person/戴某夫人", "表示", "病床足够。")]),
    # a person of unknown sex may be either
    ("陈某表示，病床足够。她认为，要增聘护士。",
     [("person/陈某", "表示", "病床足够。"), ("person/陈某", "认为", "要增聘护士。")]),
])
def test_statements_a_pronoun_passes_over_persons_of_the_other_sex(catalogue, text, expected):
    names = [("王某", "person/王某", PERSON), ("李某", "person/李某", PERSON), ("林郑月娥", "person/carrie-lam", PERSON),
             ("习近平", "person/xi-jinping", PERSON), ("陈肇始", "person/sophia-chan", PERSON),
             ("戴某夫人", "person/戴某夫人", PERSON), ("陈某", "person/陈某", PERSON)]
    assert _said(_analysis(text, names, kind="paragraph", genre="article"), catalogue) == expected


@pytest.mark.parametrize("text, expected", [
    # a person named inside quotation marks closed before the pronoun is talked about in someone's words
    ("陈明表示：「病床足够。李华也同意。」他指出，要加建医院。",
     [("person/陈明", "表示", "「病床足够。李华也同意。」"), ("person/陈明", "指出", "要加建医院。")]),
    ("陈明忆述当日：「场面很乱。李华到场了。」他强调，要团结。", [("person/陈明", "强调", "要团结。")]),
    # a person named after the person opening the clause is that person's object or topic
    ("陈明本周谈及了李华主席。他还表示，两国不想发生冲突。", [("person/陈明", "表示", "两国不想发生冲突。")]),
    ("陈明昨日批评李华。他强调，要加建医院。", [("person/陈明", "强调", "要加建医院。")]),
    # the clause's subject is a title naming no one (甲国总统大选): the person after it is no object
    ("乙国总统大选的候选人李华周六亮相。他说，要团结。", [("person/李华", "说", "要团结。")]),
    # a person a report relays, who speaks in turn, is the pronoun's (no person frames the report)
    ("陈明会见记者。报道续称，研究员李华说，军售合情合理。他表示，升级至关重要。",
     [("person/李华", "说", "军售合情合理。"), ("person/李华", "表示", "升级至关重要。")]),
])
def test_statements_a_pronoun_passes_over_persons_only_talked_about(catalogue, text, expected):
    names = [("陈明", "person/陈明", PERSON), ("李华", "person/李华", PERSON),
             ("乙国总统", "person/乙国总统", PERSON)]
    assert _said(_analysis(text, names, kind="paragraph", genre="article"), catalogue) == expected


@pytest.mark.parametrize("names, extra", [
    ([("外交部", "gov/mfa", "GovernmentBody")], ()),
    ([], (Mention(0, 6, "外交部发言人", "person/某人", PERSON, "发言人", "gov/mfa"),)),
])
def test_statements_unnamed_spokesperson_speaks_for_the_body(catalogue, names, extra):
    text = "外交部发言人表示，中方将继续提供帮助。"
    said = _said(_analysis(text, names, extra=extra), catalogue)
    assert said == [("gov/mfa", "表示", "中方将继续提供帮助。")]


def test_statements_addressee_is_not_the_speaker(catalogue):
    text = "联合国秘书长周涛向王华表示，联合国期待更多合作。"
    names = [("联合国", "io/un", "InternationalOrganization"), ("周涛", "person/周涛", PERSON),
             ("王华", "person/王华", PERSON)]
    assert _said(_analysis(text, names), catalogue) == [("person/周涛", "表示", "联合国期待更多合作。")]


def test_statements_recipient_of_a_reply_cable_is_not_the_speaker(catalogue):
    text = "周涛复电王华，表示双方将深化合作。"
    names = [("周涛", "person/周涛", PERSON), ("王华", "person/王华", PERSON)]
    assert _said(_analysis(text, names), catalogue) == [("person/周涛", "表示", "双方将深化合作。")]


def test_statements_continued_clause_takes_the_sentence_subject(catalogue):
    text = "巴西总统周涛专程来访，感谢中国提供的宝贵帮助。"
    names = [("巴西", "country/BR", "Country"), ("周涛", "person/周涛", PERSON), ("中国", "country/CN", "Country")]
    assert _said(_analysis(text, names), catalogue) == [("person/周涛", "感谢", "中国提供的宝贵帮助。")]


@pytest.mark.parametrize("text, names", [
    ("国务院联防联控机制新闻发布会通报，新增病例下降。", [("国务院联防联控机制", "gov/jc", "GovernmentBody")]),
    ("据介绍，项目进展顺利。", []),
    ("东方日报报道称，项目进展顺利。", [("东方日报", "org/东方日报", "Organization")]),
    ("双方表示，愿深化合作。", []),
    ("王华向两国人民表示诚挚慰问。", [("王华", "person/王华", PERSON)]),
    ("王华介绍了项目进展情况。", [("王华", "person/王华", PERSON)]),
    ("相信两国关系会更好。", []),
])
def test_statements_not_speech(catalogue, text, names):
    assert _said(_analysis(text, names), catalogue) == []


def test_statements_words_inside_content_do_not_split_it(catalogue):
    text = "王华表示，感谢中方的帮助。当前形势严峻。德方感谢中方提供的物资。"
    names = [("王华", "person/王华", PERSON), ("中方", "country/CN", "Country"), ("德方", "country/DE", "Country")]
    said = _said(_analysis(text, names), catalogue)
    assert said == [("person/王华", "表示", "感谢中方的帮助。当前形势严峻。德方感谢中方提供的物资。")]


@pytest.mark.parametrize("text, expected", [
    ("欧盟委员会主席赵丽对中方的防控努力表示赞赏。", [("person/赵丽", "表示", "对中方的防控努力表示赞赏。")]),
    ("赵丽发表视频讲话，对中方及时派出医疗队表示感谢。", [("person/赵丽", "表示感谢", "对中方及时派出医疗队表示感谢。")]),
    ("赵丽对中方的帮助表示感谢。当前形势严峻。", [("person/赵丽", "表示感谢", "对中方的帮助表示感谢。当前形势严峻。")]),
    ("赵丽对受灾地区表示慰问。", []),
    ("赵丽对中方的帮助表示感谢。", []),
    ("赵丽对此表示感谢。", []),
])
def test_statements_appraisal_of_a_topic(catalogue, text, expected):
    names = [("欧盟委员会", "io/ec", "InternationalOrganization"), ("赵丽", "person/赵丽", PERSON),
             ("中方", "country/CN", "Country")]
    assert _said(_analysis(text, names), catalogue) == expected


def test_statements_continued_clause_inside_content_is_content(catalogue):
    text = "周涛表示，东盟感谢各成员国的配合，赞赏各方交流做法。"
    names = [("周涛", "person/周涛", PERSON), ("东盟", "io/asean", "InternationalOrganization")]
    assert _said(_analysis(text, names), catalogue) == [
        ("person/周涛", "表示", "东盟感谢各成员国的配合，赞赏各方交流做法。")]


def test_statements_proxy_noun_speaks_for_the_meeting_body(catalogue):
    text = "中央工作组召开会议，研究防控工作。会议指出，要加强合作。"
    said = _said(_analysis(text, [("中央工作组", "gov/中央工作组", "GovernmentBody")]), catalogue)
    assert said == [("gov/中央工作组", "指出", "要加强合作。")]


def test_statements_said_during_the_event_of_the_same_bullet(catalogue):
    text = "◆王华同周涛通电话。王华指出，双方要加强合作。"
    names = [("王华", "person/王华", PERSON), ("周涛", "person/周涛", PERSON)]
    call = EventCandidate("PhoneCall", DAY, False, ("person/王华", "person/周涛"), Span("t.txt", 1, 10))
    found = extract_statements(_analysis(text, names, events=(call,)), catalogue).statements
    assert [(s.speaker, s.during, s.date) for s in found] == [("person/王华", 0, DAY)]


def test_statements_article_speaker_of_the_press_conference(catalogue):
    text = "新闻办举行发布会，王华介绍情况。\n王华表示，援助工作进展顺利。"
    blocks = (Block("paragraph", 0, 16, DAY), Block("paragraph", 17, len(text), DAY))
    briefing = EventCandidate("PressConference", DAY, False, ("person/王华",), Span("t.txt", 0, 8))
    analysis = _analysis(text, [("王华", "person/王华", PERSON)], genre="article", blocks=blocks, events=(briefing,))
    found = extract_statements(analysis, catalogue).statements
    assert [(s.speaker, s.text, s.during) for s in found] == [("person/王华", "援助工作进展顺利。", 0)]


def test_statements_transcript_turns_and_reporters(catalogue):
    text = "张伟:\n谢谢大家。欢迎提问。\n新华社记者:\n请问下一步计划？\n日本东方日报记者:\n请介绍援助情况。"
    labels = [(text.find(label + ":"), label) for label in ("张伟", "新华社记者", "日本东方日报记者")]
    blocks = []
    for i, (start, label) in enumerate(labels):
        words = start + len(label) + 2
        end = labels[i + 1][0] - 1 if i + 1 < len(labels) else len(text)
        blocks += [Block("speaker", start, start + len(label), DAY, speaker=label),
                   Block("turn", words, end, DAY, speaker=label)]
    names = [("张伟", "person/张伟", PERSON), ("新华社", "org/xinhua", "Organization"), ("日本", "country/JP", "Country")]
    briefing = EventCandidate("PressConference", DAY, False, (), Span("t.txt", 0, 2))
    analysis = _analysis(text, names, genre="transcript", blocks=tuple(blocks), events=(briefing,))
    found = extract_statements(analysis, catalogue).statements
    assert [(s.speaker, s.verb, s.text, s.during) for s in found] == [
        ("person/张伟", "发言", "谢谢大家。欢迎提问。", 0),
        ("org/xinhua", "发言", "请问下一步计划？", 0),
        ("org/日本东方日报", "发言", "请介绍援助情况。", 0),
    ]


def _compilation(passage: str, line: str, names, event_cls: str):
    text = f"{passage}\n——{line}"
    day = dt.date(2021, 5, 7)
    start = len(passage) + 3
    blocks = (Block("paragraph", 0, len(passage), day, attribution=line),
              Block("attribution", start, len(text), day, attribution=line))
    event = EventCandidate(event_cls, day, False, (), Span("t.txt", start + 5, len(text)))
    return _analysis(text, names, genre="compilation", blocks=blocks, events=(event,)), day


def test_statements_compilation_passage_belongs_to_the_attributed_speaker(catalogue):
    analysis, day = _compilation("要坚持人民至上，守护人民健康。", "5月7日，周涛出席座谈会并发表重要讲话",
                                 [("周涛", "person/周涛", PERSON)], "Meeting")
    found = extract_statements(analysis, catalogue).statements
    assert [(s.speaker, s.verb, s.text, s.date, s.during) for s in found] == [
        ("person/周涛", "讲话", "要坚持人民至上，守护人民健康。", day, 0)]


def test_statements_compilation_reported_clause_keeps_its_speaker(catalogue):
    analysis, day = _compilation("王华表示，感谢中方的宝贵帮助。", "5月7日，周涛同王华通电话",
                                 [("周涛", "person/周涛", PERSON), ("王华", "person/王华", PERSON)], "PhoneCall")
    found = extract_statements(analysis, catalogue).statements
    assert [(s.speaker, s.verb, s.text, s.date, s.during) for s in found] == [
        ("person/王华", "表示", "感谢中方的宝贵帮助。", day, 0)]


def test_statements_country_inside_a_passage_is_part_of_the_words(catalogue):
    analysis, _ = _compilation("中方赞赏贵国所做的大量工作。", "5月7日，周涛同王华通电话",
                               [("中方", "country/CN", "Country"), ("周涛", "person/周涛", PERSON),
                                ("王华", "person/王华", PERSON)], "PhoneCall")
    found = extract_statements(analysis, catalogue).statements
    assert [(s.speaker, s.verb, s.text) for s in found] == [("person/周涛", "讲话", "中方赞赏贵国所做的大量工作。")]


@pytest.mark.parametrize("label, names, expected", [
    ("记者", [("东方日报", "org/东方日报", "Organization")], "org/东方日报"),
    ("主持人", [("王华", "person/王华", PERSON)], "person/王华"),
    ("答", [], "person/王华"),
])
def test_statements_turn_label_without_a_name(catalogue, label, names, expected):
    text = f"主持人王华：请东方日报记者提问。\n{label}:\n请问援助情况如何？"
    start = text.rfind(label + ":")
    words = start + len(label) + 2
    blocks = (Block("paragraph", 0, start - 1, DAY), Block("speaker", start, start + len(label), DAY, speaker=label),
              Block("turn", words, len(text), DAY, speaker=label))
    host = (Mention(3, 5, "王华", "person/王华", PERSON, "主持人"),)
    analysis = _analysis(text, names, genre="transcript", blocks=blocks, extra=host if label == "答" else ())
    found = [s for s in extract_statements(analysis, catalogue).statements if s.verb == "发言"]
    assert [(s.speaker, s.text) for s in found] == [(expected, "请问援助情况如何？")]


def test_statements_evidence_is_the_raw_content(catalogue):
    raw = "習近平強調，要團結合作。"
    text = "习近平强调，要团结合作。"
    analysis = _analysis(text, [("习近平", "person/习近平", PERSON)], raw=raw)
    (statement,) = extract_statements(analysis, catalogue).statements
    assert statement.text == "要团结合作。"
    assert raw[statement.evidence.start:statement.evidence.end] == "要團結合作。"


def test_statements_written_interview_answers_are_the_bodys_spokesperson(catalogue):
    text = "外交部发言人就疫苗合作答记者问\n问：两国会加强合作吗？\n答：中方愿同各方加强合作。\n问：何时启动？\n答：近期启动。\n"
    doc = Document("t.txt", text, text, tuple(range(len(text))), DocMeta(genre="text", date=DAY))
    blocks = split_structure(Analysis(doc)).blocks
    analysis = Analysis(doc, blocks=blocks, mentions=_mentions(text, [("外交部", "gov/mfa", "GovernmentBody")]))
    assert [(s.speaker, s.text) for s in extract_statements(analysis, catalogue).statements] == [
        ("gov/mfa", "中方愿同各方加强合作。"), ("gov/mfa", "近期启动。")]


def test_statements_interview_answers_are_the_interviewees_and_questions_the_outlets(catalogue):
    text = ("某报甲市4月20日电 近日，丙国驻丁国大使李明接受某报记者专访。\n"
            "记者：医疗队工作如何？\n李明：医疗队走访了十多个城市。\n"
            "记者：还提供了哪些帮助？\n李明：我们提供了多批物资。\n记者：如何看待质疑？\n李明：事实胜于雄辩。\n")
    doc = Document("t.txt", text, text, tuple(range(len(text))), DocMeta(genre="article", date=DAY))
    blocks = split_structure(Analysis(doc)).blocks
    names = [("李明", "person/李明", PERSON), ("某报", "org/某报", "Organization")]
    analysis = Analysis(doc, blocks=blocks, mentions=_mentions(text, names))
    assert [(s.speaker, s.text) for s in extract_statements(analysis, catalogue).statements] == [
        ("org/某报", "医疗队工作如何？"), ("person/李明", "医疗队走访了十多个城市。"),
        ("org/某报", "还提供了哪些帮助？"), ("person/李明", "我们提供了多批物资。"),
        ("org/某报", "如何看待质疑？"), ("person/李明", "事实胜于雄辩。")]


def test_statements_article_paragraph_goes_on_reporting_its_lead_event(catalogue):
    text = "张伟出席峰会。\n张伟指出，合作是唯一出路。\n赵丽表示，前景可期。"
    names = [("张伟", "person/张伟", PERSON), ("赵丽", "person/赵丽", PERSON)]
    lead = EventCandidate("Summit", DAY, False, ("person/张伟",), Span("t.txt", 0, 6))
    blocks = (Block("paragraph", 0, 7, DAY), Block("paragraph", 8, 21, DAY), Block("paragraph", 22, 32, DAY))
    analysis = _analysis(text, names, genre="article", blocks=blocks, events=(lead,))
    found = extract_statements(analysis, catalogue).statements
    assert [(s.speaker, s.during, s.date) for s in found] == [("person/张伟", 0, DAY), ("person/赵丽", None, None)]


@pytest.mark.parametrize("question, expected", [
    ("联合国赞扬中方的援助工作。请问下一步计划？", [("org/东方日报", "发言")]),
    ("联合国表示，援助工作进展顺利。你对此有何评论？", [("org/东方日报", "发言"), ("org/un", "表示")]),
])
def test_statements_body_named_in_a_reporters_question_speaks_only_through_a_claim(catalogue, question, expected):
    text = "东方日报记者:\n" + question
    start = len("东方日报记者") + 2
    blocks = (Block("speaker", 0, start - 2, DAY, speaker="东方日报记者"),
              Block("turn", start, len(text), DAY, speaker="东方日报记者"))
    names = [("东方日报", "org/东方日报", "Organization"), ("联合国", "org/un", "InternationalOrganization")]
    found = extract_statements(_analysis(text, names, genre="transcript", blocks=blocks), catalogue).statements
    assert [(s.speaker, s.verb) for s in found] == expected


@pytest.mark.parametrize("text, expected", [
    ("5月3日晚，王华表示，两国合作前景广阔。", dt.date(2021, 5, 3)),
    ("王华昨天表示，两国合作前景广阔。", dt.date(2021, 5, 5)),
    ("截至5月3日，王华表示，两国合作前景广阔。", None),
    ("王华此前表示，两国合作前景广阔。", None),
])
def test_statements_prose_date_from_the_speakers_own_sentence(catalogue, text, expected):
    analysis = _analysis(text, [("王华", "person/王华", PERSON)], kind="paragraph", genre="article")
    (statement,) = extract_statements(analysis, catalogue).statements
    assert statement.date == expected


def _turn_quoting(words: str, event: EventCandidate | None = None) -> Analysis:
    text = "李明：" + words
    blocks = (Block("turn", 0, len(text), DAY, speaker="李明"),)
    names = [("李明", "person/李明", PERSON), ("王华", "person/王华", PERSON), ("赵刚", "person/赵刚", PERSON)]
    return _analysis(text, names, genre="transcript", blocks=blocks, events=(event,) if event else ())


def test_statements_words_a_turn_quotes_have_no_day_of_their_own(catalogue):
    found = extract_statements(_turn_quoting("我们注意到，王华表示，两国合作前景广阔。"), catalogue).statements
    assert [(s.speaker, s.date) for s in found if s.speaker == "person/王华"] == [("person/王华", None)]


@pytest.mark.parametrize("speaker, expected", [("王华", dt.date(2021, 5, 5)), ("赵刚", None)])
def test_statements_words_a_turn_quotes_belong_to_the_call_their_speaker_took_part_in(catalogue, speaker, expected):
    words = f"昨天，王华同孔特通电话。{speaker}表示，两国合作前景广阔。"
    start = 3 + words.find("王华同")
    call = EventCandidate("PhoneCall", dt.date(2021, 5, 5), False, ("person/王华",), Span("t.txt", start, start + 9))
    found = extract_statements(_turn_quoting(words, call), catalogue).statements
    assert [s.date for s in found if s.verb == "表示"] == [expected]


def test_statements_minister_of_a_country_taking_part_speaks_at_the_articles_event(catalogue):
    text = "中国医疗队抵达甲国。\n甲国卫生部副部长王华表示，感谢中方的帮助。"
    team = EventCandidate("ExpertTeam", DAY, False, ("country/CN", "country/甲"), Span("t.txt", 0, 9))
    names = [("王华", "person/王华", PERSON)]
    blocks = (Block("paragraph", 0, 10, DAY), Block("paragraph", 11, len(text), DAY))
    analysis = _analysis(text, names, genre="article", blocks=blocks, events=(team,))
    minister = tuple(replace(m, affiliation="gov/甲国卫生部") for m in analysis.mentions)
    analysis = replace(analysis, mentions=minister,
                       actors=(ActorInfo("gov/甲国卫生部", "GovernmentBody", "甲国卫生部", affiliation="country/甲"),))
    (statement,) = extract_statements(analysis, catalogue).statements
    assert (statement.date, statement.during) == (DAY, 0)


def _transcript(text: str, names, events: tuple[EventCandidate, ...] = ()) -> Analysis:
    """A transcript whose lines are ``label:words`` turns, labels and turns as the structure stage makes them."""
    blocks, pos = [], 0
    for line in text.split("\n"):
        label, words = line.split(":", 1)
        blocks += [Block("speaker", pos, pos + len(label), DAY, speaker=label),
                   Block("turn", pos + len(label) + 1, pos + len(line), DAY, speaker=label)]
        pos += len(line) + 1
    return _analysis(text, names, genre="transcript", blocks=tuple(blocks), events=events)


TURN_NAMES = [("张伟", "person/张伟", PERSON), ("王华", "person/王华", PERSON)]


@pytest.mark.parametrize("text, expected", [
    ("东方日报记者:请问援助进展？\n张伟:进展顺利。\n追问:何时抵达？",
     ["org/东方日报", "person/张伟", "org/东方日报"]),
    ("东方日报记者:请问援助进展？\n张伟:你说的是哪批援助？\n记者:第二批。",
     ["org/东方日报", "person/张伟", "org/东方日报"]),
    ("南国《晨星报》记者:请问援助进展？\n张伟:进展顺利。",
     ["org/晨星报", "person/张伟"]),
])
def test_statements_transcript_follow_up_and_titled_outlet(catalogue, text, expected):
    found = extract_statements(_transcript(text, TURN_NAMES), catalogue).statements
    assert [s.speaker for s in found if s.verb == "发言"] == expected


@pytest.mark.parametrize("question, relayed", [
    ("王华称，两国合作前景广阔。中方对此有何评论？", "两国合作前景广阔。"),
    ("王华称，两国合作前景广阔，中方对此有何评论？", "两国合作前景广阔"),
    ("针对记者提问，王华表示将采购南国的疫苗。你怎么看？", "将采购南国的疫苗。"),
])
def test_statements_words_a_question_relays_end_before_the_question(catalogue, question, relayed):
    found = extract_statements(_transcript("东方日报记者:" + question, TURN_NAMES), catalogue).statements
    assert [(s.speaker, s.text) for s in found if s.verb != "发言"] == [("person/王华", relayed)]


@pytest.mark.parametrize("answer, relayed", [
    ("王华表示，两国合作前景广阔。我们对此表示赞赏。", [("person/王华", "两国合作前景广阔。")]),
    ("王华称：“合作很好。前景广阔。”我们赞同。", [("person/王华", "“合作很好。前景广阔。”")]),
])
def test_statements_words_an_answer_relays_end_with_their_sentence(catalogue, answer, relayed):
    found = extract_statements(_transcript("张伟:" + answer, TURN_NAMES), catalogue).statements
    assert [(s.speaker, s.text) for s in found if s.verb != "发言"] == relayed


def test_statements_pronoun_does_not_reach_into_an_earlier_turn(catalogue):
    text = "张伟:两国合作前景广阔。\n东方日报记者:一名法官日前辞职，他称决定与新法有关。请问有何评论？"
    found = extract_statements(_transcript(text, TURN_NAMES), catalogue).statements
    assert [s.speaker for s in found] == ["person/张伟", "org/东方日报"]


NATIONS = [("王华", "person/王华", PERSON), ("南国", "country/南国", "Country"), ("北国", "country/北国", "Country")]


@pytest.mark.parametrize("text, expected", [
    ("王华指责南国在边境问题上一再挑衅。", [("person/王华", "指责", "南国在边境问题上一再挑衅。")]),
    ("王华谴责南国军队袭击边境村庄的行为。", [("person/王华", "谴责", "南国军队袭击边境村庄的行为。")]),
    ("南国议员对北国进行无端指责，破坏两国关系。", []),
    ("南国在指责别人之前应当先反省自己的做法。", []),
    ("北国已就此表示谴责，并表达了对南国的支持。", []),
])
def test_statements_accusation_verbs_and_their_noun_uses(catalogue, text, expected):
    assert _said(_analysis(text, NATIONS, kind="paragraph", genre="article"), catalogue) == expected


@pytest.mark.parametrize("text, expected", [
    ("王华至今未有回应，南国将于下周宣布新措施。", []),
    ("南国当局尚未透露，这批物资何时运抵北国。", []),
    ("王华认为，当局必须先核实疫情，尚未透露，而资讯需要统一发放。", [("person/王华", "认为", "当局必须先核实疫情，尚未透露，而资讯需要统一发放。")]),
    ("南国至今未回应，北国将交出违法者。", []),
    ("王华未有回应，并强调一切要看北国是否兑现承诺。", [("person/王华", "强调", "一切要看北国是否兑现承诺。")]),
])
def test_statements_a_verb_after_a_negation_reports_no_words(catalogue, text, expected):
    """未有/尚未/未 right before a reporting verb: nothing was said; what follows the comma is the
    writer's, while a verb of the same speaker after it still reports words."""
    assert _said(_analysis(text, NATIONS, kind="paragraph", genre="article"), catalogue) == expected


def test_statements_frame_topic_ends_with_its_clause(catalogue):
    question = "针对南国卫生部表示将采购北国疫苗，南国总统王华周三称不会购买北国疫苗。你怎么看？"
    names = [("南国卫生部", "gov/南国卫生部", "GovernmentBody"), ("北国", "country/北国", "Country"),
             ("王华", "person/王华", PERSON)]
    found = extract_statements(_transcript("东方日报记者:" + question, names), catalogue).statements
    assert [(s.speaker, s.text, s.date) for s in found if s.verb != "发言"] == [
        ("gov/南国卫生部", "将采购北国疫苗", None), ("person/王华", "不会购买北国疫苗。", dt.date(2021, 5, 5))]


@pytest.mark.parametrize("text, expected", [
    ("4月20日，南国日报披露东湖疫情。同日，王华表示，两国合作前景广阔。", dt.date(2021, 4, 20)),
    ("南国日报周一报道东湖疫情，王华当天表示，两国合作前景广阔。", dt.date(2021, 5, 3)),
    ("东湖会议前，当天晚上王华表示，两国合作前景广阔。", None),          # no day told before 当天
    ("如果未能当日之前完成，王华表示，两国合作前景广阔。", None),         # 当日之前 bounds a time
    ("5月1日以来，王华表示，两国合作前景广阔。", None),
])
def test_statements_prose_date_counted_from_the_day_told_before(catalogue, text, expected):
    """同日/当天 count from the day written before them (DAY, 2021-05-06, is a Thursday), or give no day."""
    analysis = _analysis(text, [("王华", "person/王华", PERSON)], kind="paragraph", genre="article")
    (statement,) = extract_statements(analysis, catalogue).statements
    assert statement.date == expected


@pytest.mark.parametrize("text, expected", [
    ("王华周二表示，两国合作前景广阔。", dt.date(2021, 5, 4)),
    ("王华本月2日表示，两国合作前景广阔。", dt.date(2021, 5, 2)),
])
def test_statements_relative_day_under_an_undated_heading_counts_from_the_document(catalogue, text, expected):
    """A paragraph whose block has no date (a compilation's undated section) tells 周二 from the paper's day."""
    blocks = (Block("paragraph", 0, len(text), None),)
    analysis = _analysis(text, [("王华", "person/王华", PERSON)], genre="compilation", blocks=blocks)
    (statement,) = extract_statements(analysis, catalogue).statements
    assert statement.date == expected


@pytest.mark.parametrize("words, day", [
    ("王华5日接受采访时表示，两国合作前景广阔。", dt.date(2021, 5, 5)),
    ("王华连续5日在媒体上表示，两国合作前景广阔。", None),
    ("王华5日在南国报纸发表文章称，两国合作前景广阔。", dt.date(2021, 5, 5)),
    ("王华5日出席论坛，强调两国合作前景广阔。", dt.date(2021, 5, 5)),
])
def test_statements_bare_day_right_after_the_speaker(catalogue, words, day):
    found = extract_statements(_transcript("东方日报记者:" + words, TURN_NAMES), catalogue).statements
    assert [s.date for s in found if s.verb != "发言"] == [day]


BODIES = [("东海省卫生厅", "gov/东海省卫生厅", "GovernmentBody"), ("南国", "country/南国", "Country"),
          ("北湖市政府", "gov/北湖市政府", "GovernmentBody")]


@pytest.mark.parametrize("genre, text, expected", [
    ("broadcast", "东海省卫生厅要求，各地要加强发热门诊管理。",
     [("gov/东海省卫生厅", "要求", "各地要加强发热门诊管理。")]),
    ("broadcast", "北湖市政府通报：截至昨天，全市累计报告病例12例。",
     [("gov/北湖市政府", "通报", "截至昨天，全市累计报告病例12例。")]),
    ("article", "东海省卫生厅发布的数据显示，上周新增病例下降三成。",
     [("gov/东海省卫生厅", "显示", "上周新增病例下降三成。")]),
    ("chronicle", "东海省卫生厅召开会议，部署防控工作，要求各地加强发热门诊管理。", []),
    ("chronicle", "北湖市政府通报：截至昨天，全市累计报告病例12例。", []),
])
def test_statements_prose_verbs_report_words_only_in_news_prose(catalogue, genre, text, expected):
    assert _said(_analysis(text, BODIES, kind="paragraph", genre=genre), catalogue) == expected


@pytest.mark.parametrize("text", [
    "北湖市政府应南国的要求，派出专家组协助当地开展防控工作。",
    "根据东海省卫生厅要求，各地医院暂停探视，直至另行通知。",
    "如果南国继续要求北湖市政府交出全部原始数据，双方合作将难以为继。",
])
def test_statements_a_demand_named_as_a_noun_or_a_condition_is_no_statement(catalogue, text):
    assert _said(_analysis(text, BODIES, kind="paragraph", genre="broadcast"), catalogue) == []


@pytest.mark.parametrize("words, expected", [
    ("王华是中国人民的老朋友。我们注意到他昨天在记者会上表示，两国合作前景广阔。", [("person/王华", "两国合作前景广阔。")]),
    ("我们注意到，王华表示，两国合作前景广阔。", [("person/王华", "两国合作前景广阔。")]),
    ("我们认为，两国合作前景广阔。", []),
])
def test_statements_speaker_after_we_noticed(catalogue, words, expected):
    text = "东方日报记者:请问王华的讲话？\n张伟:" + words
    found = extract_statements(_transcript(text, TURN_NAMES), catalogue).statements
    assert [(s.speaker, s.text) for s in found if s.verb != "发言"] == expected


@pytest.mark.parametrize("text, expected", [
    # Hong Kong reporting: 指 after a name, with its comma; 又/续 carry the speaker of the sentence on.
    ("卫生局局长王华指，医院已加派人手。", [("person/王华", "指", "医院已加派人手。")]),
    ("王华昨日指，口罩供应充足，又称会加快补货。", [("person/王华", "指", "口罩供应充足"), ("person/王华", "称", "会加快补货。")]),
    ("赵丽在记者会上披露，两国已达成协议。", [("person/赵丽", "披露", "两国已达成协议。")]),
])
def test_statements_hong_kong_reporting_verbs(catalogue, text, expected):
    names = [("王华", "person/王华", PERSON), ("赵丽", "person/赵丽", PERSON)]
    assert _said(_analysis(text, names, kind="paragraph", genre="article"), catalogue) == expected


@pytest.mark.parametrize("text, expected", [
    ("会上，王华介绍了防控情况，续指，检测能力已经提升。", [
        ("person/王华", "指", "检测能力已经提升。")]),
    ("赵丽回应了传言，并指，物资已经运抵。", [("person/赵丽", "指", "物资已经运抵。")]),
])
def test_statements_own_subject_verb_carries_the_speaker_after_an_adverb(catalogue, text, expected):
    names = [("王华", "person/王华", PERSON), ("赵丽", "person/赵丽", PERSON)]
    assert _said(_analysis(text, names, kind="paragraph", genre="article"), catalogue) == expected


@pytest.mark.parametrize("text, expected", [
    ("甲社引述卫生局局长王华指，医院已加派人手。", [("person/王华", "指", "医院已加派人手。")]),
    ("甲社援引赵丽的文章说，物资是买来的。", [("person/赵丽", "说", "物资是买来的。")]),
    ("甲社引述消息人士指，医院已加派人手。", []),          # the one quoted is not named
])
def test_statements_the_one_quoted_speaks(catalogue, text, expected):
    names = [("甲社", "org/甲社", "Organization"), ("王华", "person/王华", PERSON), ("赵丽", "person/赵丽", PERSON)]
    assert _said(_analysis(text, names, kind="paragraph", genre="article"), catalogue) == expected


FRAME_NAMES = [("王华", "person/王华", PERSON), ("赵丽", "person/赵丽", PERSON), ("丙国", "country/丙", "Country")]


@pytest.mark.parametrize("text, genre, expected", [
    # news prose frames one speaker's words anew inside a sentence: each frame opens a statement
    ("王华表示，人手不足，并强调会增聘人员。", "article",
     [("person/王华", "表示", "人手不足"), ("person/王华", "强调", "会增聘人员。")]),
    ("王华表示，人手不足，呼吁市民减少求诊。", "text",
     [("person/王华", "表示", "人手不足"), ("person/王华", "呼吁", "市民减少求诊。")]),
    ("赵丽指，检测能力已经提升，她认为可以放宽措施。", "article",
     [("person/赵丽", "指", "检测能力已经提升"), ("person/赵丽", "认为", "可以放宽措施。")]),
    ("赵丽指，检测能力已经提升，并指：「可以放宽措施。」", "article",
     [("person/赵丽", "指", "检测能力已经提升"), ("person/赵丽", "指", "「可以放宽措施。」")]),
    # a broadcast or a chronicle is read as before
    ("王华表示，人手不足，同时呼吁市民减少求诊。", "broadcast",
     [("person/王华", "表示", "人手不足，同时呼吁市民减少求诊。")]),
    # next to an appraisal, which names an object and not words, the writer may have gone on
    ("王华感谢丙国的援助，特别感谢丙国的医疗队。", "article",
     [("person/王华", "感谢", "丙国的援助，特别感谢丙国的医疗队。")]),
    ("王华感谢丙国的援助，网民纷纷留言，并认为两国关系密切。", "article",
     [("person/王华", "感谢", "丙国的援助，网民纷纷留言，并认为两国关系密切。")]),
    # words that open with another person, or that frame someone's words, may go on with that one
    ("王华指，赵丽用「救援」形容物资，又强调丙国出力最多。", "article",
     [("person/王华", "指", "赵丽用「救援」形容物资，又强调丙国出力最多。")]),
    ("王华称，有两间电台没有参与，陈某反驳，表示两间都有参与。", "article",
     [("person/王华", "称", "有两间电台没有参与，陈某反驳，表示两间都有参与。")]),
    ("王华指，网民向丙国表示「道歉」，又说「乞求原谅」。", "article",
     [("person/王华", "指", "网民向丙国表示「道歉」，又说「乞求原谅」。")]),
    # a frame inside a quotation is part of the words quoted
    ("王华说：「委员会强调，检测能力已经提升，并指可以放宽措施。」", "article",
     [("person/王华", "说", "「委员会强调，检测能力已经提升，并指可以放宽措施。」")]),
])
def test_statements_a_frame_inside_a_sentence_opens_new_words(catalogue, text, genre, expected):
    assert _said(_analysis(text, FRAME_NAMES, kind="paragraph", genre=genre), catalogue) == expected


@pytest.mark.parametrize("text, genre, expected", [
    # a verb of stance or advice with the subject left out frames the speaker's next words
    ("王华表示，口罩供应充足，提醒市民不要抢购。", "text",
     [("person/王华", "表示", "口罩供应充足"), ("person/王华", "提醒", "市民不要抢购。")]),
    ("赵丽认为，外界关心是理所当然，否认是干预。", "text",
     [("person/赵丽", "认为", "外界关心是理所当然"), ("person/赵丽", "否认", "是干预。")]),
    ("王华指，检测结果已经公布，但他坦言人手不足。", "article",
     [("person/王华", "指", "检测结果已经公布"), ("person/王华", "坦言", "人手不足。")]),
    ("王华表示，会加快补货，故希望市民耐心等候。", "text",
     [("person/王华", "表示", "会加快补货"), ("person/王华", "希望", "市民耐心等候。")]),
    # 指 frames the words bare or after a lead word; a longer word it starts frames nothing
    ("王华表示，疫情仍然严峻，又指医院已加派人手。", "text",
     [("person/王华", "表示", "疫情仍然严峻"), ("person/王华", "指", "医院已加派人手。")]),
    ("王华表示，疫情仍然严峻，指医院已加派人手。", "text",
     [("person/王华", "表示", "疫情仍然严峻"), ("person/王华", "指", "医院已加派人手。")]),
    ("王华表示，已派出专家组，指导各区开展防疫。", "text",
     [("person/王华", "表示", "已派出专家组，指导各区开展防疫。")]),
    # 表示 frames the words after a lead word only: bare after a comma it often has another subject
    ("王华指，疫情仍然严峻，又表示医院已加派人手。", "text",
     [("person/王华", "指", "疫情仍然严峻"), ("person/王华", "表示", "医院已加派人手。")]),
    ("王华指，病人昨日致电医院，表示已经退烧。", "text",
     [("person/王华", "指", "病人昨日致电医院，表示已经退烧。")]),
    ("王华表示，医院接获病人求助，指病房不足。", "text",
     [("person/王华", "表示", "医院接获病人求助，指病房不足。")]),
    # the clause before names what says the words, or another person as its subject
    ("王华表示，局方收到市民投诉，质疑收费过高。", "text",
     [("person/王华", "表示", "局方收到市民投诉，质疑收费过高。")]),
    ("王华指，赵丽昨日打电话给他，质疑收费过高。", "text",
     [("person/王华", "指", "赵丽昨日打电话给他，质疑收费过高。")]),
    # a later sentence has a subject of its own; a verb of naming frames nothing
    ("王华表示，口罩供应充足。护士长是他的同事，建议他多休息。", "article",
     [("person/王华", "表示", "口罩供应充足。护士长是他的同事，建议他多休息。")]),
    ("王华表示，该病毒属新型病毒，故称为新冠病毒。", "text",
     [("person/王华", "表示", "该病毒属新型病毒，故称为新冠病毒。")]),
    # a broadcast reads the sentence as one speaker's words
    ("王华表示，口罩供应充足，提醒市民不要抢购。", "broadcast",
     [("person/王华", "表示", "口罩供应充足，提醒市民不要抢购。")]),
])
def test_statements_a_frame_with_the_subject_left_out_opens_new_words(catalogue, text, genre, expected):
    assert _said(_analysis(text, FRAME_NAMES, kind="paragraph", genre=genre), catalogue) == expected


def test_statements_own_subject_verb_needs_a_speaker_without_an_adverb(catalogue):
    # no adverb: 称 opens its clause without a subject of its own, so no statement
    text = "王华介绍了防控情况，称检测能力已经提升。"
    assert _said(_analysis(text, [("王华", "person/王华", PERSON)], kind="paragraph", genre="article"),
                 catalogue) == []


@pytest.mark.parametrize("text", [
    "甲台指，新闻稿显示：两国关系良好；王华赞扬两国合作取得丰硕成果；赵丽说，愿意继续合作。",
    "乙报指，声明列出三点：各方已有共识；王华强调要加强协调；赵丽表示各方仍须继续共同努力。",
])
def test_statements_each_item_of_a_relayed_list_is_its_speakers(catalogue, text):
    names = [("甲台", "org/甲台", "Organization"), ("乙报", "org/乙报", "Organization"),
             ("王华", "person/王华", PERSON), ("赵丽", "person/赵丽", PERSON)]
    speakers = [speaker for speaker, _, _ in _said(_analysis(text, names, kind="paragraph", genre="article"), catalogue)]
    assert speakers[0] in ("org/甲台", "org/乙报") and speakers[1:] == ["person/王华", "person/赵丽"]


@pytest.mark.parametrize("text, speakers", [
    ("商务部、财政部和国家卫生健康委员会介绍，将继续出台支持政策。", ["gov/mofcom", "gov/mof", "gov/nhc"]),
    ("中国人民银行和中国银保监会表示，将加大信贷支持力度。", ["gov/pboc", "gov/cbirc"]),
])
def test_statements_bodies_listed_as_one_subject_each_say_the_words(text, speakers):
    """A、B和C介绍: each body listed as the subject says the words (one statement each, one evidence)."""
    analysis = analyse(parse_document(text, "j.txt"), load_catalogue())
    assert sorted(s.speaker for s in analysis.statements) == sorted(speakers)
    assert len({s.evidence for s in analysis.statements}) == 1


def test_statements_body_inside_an_office_before_the_verb_does_not_speak():
    """A和B其他部门负责人表示: B is part of the speaker's office, not a second speaker."""
    analysis = analyse(parse_document("国家卫生健康委员会和湖北省其他部门负责人表示，将加强合作。", "j.txt"),
                       load_catalogue())
    assert "gov/hubei" not in {s.speaker for s in analysis.statements}


@pytest.mark.parametrize("text, expected", [
    ("北湖市政府日前印发《复工指南》。要求各类企业做好员工健康监测。",
     [("gov/北湖市政府", "要求", "各类企业做好员工健康监测。")]),
    ("王华表示，北湖市疫情形势总体平稳。感谢各地援助队伍的辛勤付出。",
     [("person/王华", "表示", "北湖市疫情形势总体平稳。感谢各地援助队伍的辛勤付出。")]),
])
def test_statements_a_verb_opening_its_sentence_continues_an_act_not_words(catalogue, text, expected):
    names = [("北湖市政府", "gov/北湖市政府", "GovernmentBody"), ("王华", "person/王华", PERSON)]
    assert _said(_analysis(text, names, kind="paragraph", genre="broadcast"), catalogue) == expected


JOINT = [("东海省卫生厅", "gov/东海省卫生厅", "GovernmentBody"), ("东海省财政厅", "gov/东海省财政厅", "GovernmentBody")]


def test_statements_bodies_closed_by_a_list_word_speak_jointly(catalogue):
    text = "东海省卫生厅、东海省财政厅等六个部门日前联合要求，各地要做好物资储备。"
    found = extract_statements(_analysis(text, JOINT, kind="paragraph", genre="broadcast"), catalogue).statements
    assert sorted(s.speaker for s in found) == ["gov/东海省卫生厅", "gov/东海省财政厅"]


def test_statements_a_document_issued_jointly_speaks_for_each_issuer(catalogue):
    lines = ["## 2. 两部门发布《关于加强防控的通知》", "央视网消息：近日，东海省卫生厅、东海省财政厅发布《关于加强防控的通知》。",
             "《通知》强调，各地要落实属地责任。"]
    text = "\n".join(lines)
    starts = [0, len(lines[0]) + 1, len(lines[0]) + len(lines[1]) + 2]
    blocks = tuple(Block(kind, start, start + len(line), DAY)
                   for kind, start, line in zip(("headline", "paragraph", "paragraph"), starts, lines))
    found = extract_statements(_analysis(text, JOINT, genre="broadcast", blocks=blocks), catalogue).statements
    assert sorted((s.speaker, s.verb, s.text) for s in found) == [
        ("gov/东海省卫生厅", "强调", "各地要落实属地责任。"), ("gov/东海省财政厅", "强调", "各地要落实属地责任。")]


@pytest.mark.parametrize("text, expected", [
    ("卫生局局长王华解释，口罩需要时才发放。", [("person/王华", "解释", "口罩需要时才发放。")]),
    ("赵丽批评，当局应对迟缓。", [("person/赵丽", "批评", "当局应对迟缓。")]),
    ("王华被批评，未有及早封关。", []),                      # passive: criticised, not criticising
    ("赵丽遭质疑，应对迟缓。", []),
])
def test_statements_hong_kong_verbs_of_explaining_and_criticising(catalogue, text, expected):
    names = [("王华", "person/王华", PERSON), ("赵丽", "person/赵丽", PERSON)]
    assert _said(_analysis(text, names, kind="paragraph", genre="article"), catalogue) == expected


def test_statements_opening_announcement_is_the_spokespersons(catalogue):
    text = "外交部发言人张伟主持例行记者会\n应南国邀请，王华将出席会议。\n东方日报记者:请问进展？"
    opening = text.index("应南国")
    label = text.index("东方日报记者")
    mentions = (Mention(5, 7, "张伟", "person/张伟", PERSON, role="外交部发言人"),)
    blocks = (Block("paragraph", 0, opening - 1, DAY),
              Block("turn", opening, label - 1, DAY, speaker="发言人"),
              Block("speaker", label, label + 6, DAY, speaker="东方日报记者"),
              Block("turn", label + 7, len(text), DAY, speaker="东方日报记者"))
    analysis = _analysis(text, [], genre="transcript", blocks=blocks, extra=mentions)
    found = extract_statements(analysis, catalogue).statements
    assert [(s.speaker, s.text) for s in found] == [
        ("person/张伟", "应南国邀请，王华将出席会议。"), ("org/东方日报", "请问进展？")]


@pytest.mark.parametrize("text, speaker", [
    ("芬兰总统尼尼斯托首先向挪威首相索尔贝格致以新春祝福。他表示，两国合作前景广阔。", "person/sauli-niinisto"),
    ("芬兰总统尼尼斯托同挪威首相索尔贝格举行会谈。他指出，双方要加强沟通。", "person/sauli-niinisto"),
])
def test_statements_pronoun_passes_over_a_person_named_as_object(text, speaker):
    """他表示 stands for the subject before it, not for the person the subject greeted or met."""
    analysis = analyse(parse_document(text, "p.txt"), load_catalogue())
    assert [s.speaker for s in analysis.statements] == [speaker]


@pytest.mark.parametrize("text, expected", [
    ("东海省卫生厅发布通知，全省中小学延期开学。", [("gov/东海省卫生厅", "发布", "全省中小学延期开学。")]),
    ("东海省卫生厅发布《社区防控指南》，各社区要设立检测点。",
     [("gov/东海省卫生厅", "发布", "各社区要设立检测点。")]),
    ("东海省卫生厅发布通知称，全省中小学延期开学。", [("gov/东海省卫生厅", "称", "全省中小学延期开学。")]),
])
def test_statements_a_published_document_reports_the_words_after_its_name(catalogue, text, expected):
    assert _said(_analysis(text, JOINT, kind="paragraph", genre="broadcast"), catalogue) == expected


def test_statements_the_speakers_own_body_inside_the_words_is_no_new_speaker(catalogue):
    text = "联合国秘书长王华表示，两国合作前景广阔。联合国赞赏各方所作努力。"
    names = [("联合国", "org/un", "InternationalOrganization")]
    extra = (Mention(6, 8, "王华", "person/王华", PERSON, affiliation="org/un"),)
    found = extract_statements(_analysis(text, names, kind="paragraph", genre="broadcast", extra=extra),
                               catalogue).statements
    assert [(s.speaker, s.text) for s in found] == [("person/王华", "两国合作前景广阔。联合国赞赏各方所作努力。")]


@pytest.mark.parametrize("text, expected", [
    ("南国卫生部宣布全国中小学停课两周。", [("gov/南国卫生部", "宣布", "全国中小学停课两周。")]),
    ("南国卫生部宣布，全国中小学停课两周。", [("gov/南国卫生部", "宣布", "全国中小学停课两周。")]),
    ("南国卫生部宣布停课。", []),
])
def test_statements_an_announcement_reports_what_it_announces(catalogue, text, expected):
    names = [("南国卫生部", "gov/南国卫生部", "GovernmentBody")]
    assert _said(_analysis(text, names, kind="paragraph", genre="article"), catalogue) == expected


@pytest.mark.parametrize("text", [
    "这种飞机被南国军方称为“空中指挥所”，可在山区提供通信支持。",
    "北湖市政府被指隐瞒疫情，延误了防控时机。",
])
def test_statements_naming_and_passive_verbs_report_no_words(catalogue, text):
    names = [("南国", "country/南国", "Country"), ("北湖市政府", "gov/北湖市政府", "GovernmentBody")]
    assert _said(_analysis(text, names, kind="paragraph", genre="article"), catalogue) == []


def test_statements_after_session_question_names_no_outlet(catalogue):
    text = "东方日报记者:请问进展？\n张伟:进展顺利。\n会后有记者问及:请问援助何时抵达？\n张伟:下周抵达。"
    found = extract_statements(_transcript(text, TURN_NAMES), catalogue).statements
    assert [s.speaker for s in found] == ["org/东方日报", "person/张伟", "person/张伟"]


@pytest.mark.parametrize("text, expected", [
    ("王华告诉记者，口罩供应已经恢复。", [("person/王华", "告诉", "口罩供应已经恢复。")]),
    ("对于王华来说，每天最难的是夜班。", []),
    ("王华每天都要称重、记录病人的饭量。", []),
])
def test_statements_telling_an_addressee_and_words_that_only_look_like_verbs(catalogue, text, expected):
    assert _said(_analysis(text, [("王华", "person/王华", PERSON)], kind="paragraph", genre="article"),
                 catalogue) == expected


@pytest.mark.parametrize("text, expected", [
    ("王华宣布将于下月离任。", [("person/王华", "宣布", "将于下月离任。")]),
    ("王华宣布向南国提供一批疫苗。", []),
])
def test_statements_an_announced_act_done_to_someone_is_no_words(catalogue, text, expected):
    names = [("王华", "person/王华", PERSON), ("南国", "country/南国", "Country")]
    assert _said(_analysis(text, names, kind="paragraph", genre="article"), catalogue) == expected


@pytest.mark.parametrize("genre, expected", [
    ("article", [("感谢", "北国长期以来的支持，呼吁各方加强合作。")]),
    ("chronicle", [("感谢", "北国长期以来的支持"), ("呼吁", "各方加强合作。")]),
])
def test_statements_the_same_speaker_carried_on_is_one_statement_outside_a_chronicle(catalogue, genre, expected):
    text = "王华致信北国总统，感谢北国长期以来的支持，呼吁各方加强合作。"
    names = [("王华", "person/王华", PERSON), ("北国", "country/北国", "Country")]
    found = _said(_analysis(text, names, kind="bullet", genre=genre), catalogue)
    assert [(verb, words) for _, verb, words in found] == expected


def test_statements_a_carried_body_inside_its_heads_words_is_no_new_speaker(catalogue):
    text = "联合国秘书长王华表示，两国合作前景广阔。联合国感谢各方，赞赏各方所作努力。"
    names = [("联合国", "org/un", "InternationalOrganization")]
    extra = (Mention(6, 8, "王华", "person/王华", PERSON, affiliation="org/un"),)
    found = extract_statements(_analysis(text, names, kind="paragraph", genre="broadcast", extra=extra),
                               catalogue).statements
    assert [s.speaker for s in found] == ["person/王华"]


@pytest.mark.parametrize("label", ["纽约时报记者", "美国《纽约时报》记者"])
def test_statements_reporter_of_a_catalogued_outlet_speaks_for_its_node(catalogue, label):
    # no mention of the outlet where the label names it: the catalogue's node, not a second one
    found = extract_statements(_transcript(f"{label}:请问援助进展？\n张伟:进展顺利。", TURN_NAMES), catalogue).statements
    assert [s.speaker for s in found if s.verb == "发言"] == ["org/nyt", "person/张伟"]


@pytest.mark.parametrize("text, expected", [
    ("南国央行虽然决定维持利率不变，但宣布下调存款准备金率。", [("gov/南国央行", "宣布", "下调存款准备金率。")]),
    ("南国央行发布了年度报告，其发言人表示，经济将逐步复苏。", [("gov/南国央行", "表示", "经济将逐步复苏。")]),
    ("南国央行发布了年度报告，其中指出，经济将逐步复苏。", []),
])
def test_statements_a_conjunction_or_a_possessive_carries_the_speaker(catalogue, text, expected):
    names = [("南国央行", "gov/南国央行", "GovernmentBody")]
    assert _said(_analysis(text, names, kind="paragraph", genre="article"), catalogue) == expected


def test_statements_a_pronoun_passes_over_a_person_who_only_qualifies_a_noun(catalogue):
    text = "40岁的王华是赵丽团队成员，上月来到北湖。他说，病人都在好转。"
    names = [("王华", "person/王华", PERSON), ("赵丽", "person/赵丽", PERSON)]
    assert _said(_analysis(text, names, kind="paragraph", genre="broadcast"), catalogue) == [
        ("person/王华", "说", "病人都在好转。")]


@pytest.mark.parametrize("text, expected", [
    ("在南国宣布暂停航班之后，北湖市政府表示，将加强口岸检疫。", [("gov/北湖市政府", "表示", "将加强口岸检疫。")]),
    ("在南国称击落一架无人机后，北湖市政府表示，没有飞机失事。", [("gov/北湖市政府", "表示", "没有飞机失事。")]),
])
def test_statements_words_in_a_clause_that_only_dates_what_follows_are_none(catalogue, text, expected):
    names = [("南国", "country/南国", "Country"), ("北湖市政府", "gov/北湖市政府", "GovernmentBody")]
    assert _said(_analysis(text, names, kind="paragraph", genre="broadcast"), catalogue) == expected


@pytest.mark.parametrize("text", [
    "甲国海军表示，航母今日进入东海海域。",
    "乙国主流传媒称，这是最混乱的一场辩论。",
    "甲国驻丙协会处长欧文森指，两地关系进入新阶段。",
    "乙国时事评论作家柯平指出，运动尚未成功。",
])
def test_statements_an_actor_qualifying_an_unnamed_speaker_does_not_speak(catalogue, text):
    """The words between a named actor and the verb are the speaker's own noun (a unit of it, a person after
    a title the actor stage did not link): the actor only qualifies the speaker, and no statement is made."""
    names = [("甲国", "country/甲", "Country"), ("乙国", "country/乙", "Country")]
    assert _said(_analysis(text, names, kind="paragraph", genre="article"), catalogue) == []


@pytest.mark.parametrize("text, expected", [
    ("北湖医院一名呼吸科医生称，病床不足。", []),
    ("北湖医院一员工表示：「口罩不够。」", []),
    ("急症室分流护士指，人手不足。", []),
    # the body itself still speaks
    ("北湖医院表示，病床足够。", [("org/北湖医院", "表示", "病床足够。")]),
])
def test_statements_a_body_s_unnamed_doctor_or_employee_is_not_the_body(catalogue, text, expected):
    """A doctor, nurse or employee of a body speaks for himself, not for the body that employs him."""
    names = [("北湖医院", "org/北湖医院", "Organization"), ("急症室", "org/急症室", "Organization")]
    assert _said(_analysis(text, names, kind="paragraph", genre="article"), catalogue) == expected


@pytest.mark.parametrize("text, expected", [
    ("在野党多名北湖议会议员要求，政府立即停课。", []),
    ("有执政党北湖议会议员认为，选举应当延后。", []),
    ("甲国两党议员表示，将提出议案。", []),
    # the body itself still speaks
    ("北湖议会表示，会议如期举行。", [("gov/北湖议会", "表示", "会议如期举行。")]),
])
def test_statements_unnamed_members_of_a_legislature_are_not_the_legislature(catalogue, text, expected):
    """Legislators speak for themselves: unnamed members are neither their chamber nor their country."""
    names = [("北湖议会", "gov/北湖议会", "GovernmentBody"), ("甲国", "country/甲", "Country")]
    assert _said(_analysis(text, names, kind="paragraph", genre="article"), catalogue) == expected


@pytest.mark.parametrize("text, expected", [
    ("甲国总统周一表示，两国合作前景广阔。", "country/甲"),
    ("甲国总统在记者会上表示，两国合作前景广阔。", "country/甲"),
    ("甲国外交部长于会上指出，两国合作前景广阔。", "country/甲"),
    ("甲国官员对媒体表示，两国合作前景广阔。", "country/甲"),
])
def test_statements_a_title_before_a_date_or_place_leaves_the_actor_speaking(catalogue, text, expected):
    """After a title, a date, a place or an addressee is no name: the actor named before it still speaks."""
    names = [("甲国", "country/甲", "Country")]
    found = _said(_analysis(text, names, kind="paragraph", genre="article"), catalogue)
    assert [speaker for speaker, _, _ in found] == [expected]


@pytest.mark.parametrize("text", [
    "移民甲国的港人王大文在乙市接受访问时指，不忍港人独自面对压迫。",
    "甲国的学者认为，疫情仍会反复。",
    "历史学家章大力，接受《乙报》访问时指出，疫情令一些说法破产。",
])
def test_statements_the_noun_an_actor_qualifies_speaks_not_the_actor(catalogue, text):
    """An actor before 的 qualifies the noun that speaks, and an outlet after 接受 is the interviewer: neither
    speaks, and the person the stage has no node for makes no statement."""
    names = [("甲国", "country/甲", "Country"), ("《乙报》", "org/乙报", "Organization")]
    assert _said(_analysis(text, names, kind="paragraph", genre="article"), catalogue) == []


@pytest.mark.parametrize("text", [
    "甲国的发言人表示，两国合作前景广阔。",
    "甲国的报告显示，两国合作前景广阔。",
    "甲国的《紧急通知》称，各校延期开学。",
])
def test_statements_an_actors_official_or_text_speaks_for_it(catalogue, text):
    """An unnamed official of the actor, or a text it issued, after 的 speaks for the actor."""
    names = [("甲国", "country/甲", "Country")]
    assert [s for s, _, _ in _said(_analysis(text, names, kind="paragraph", genre="article"), catalogue)] == [
        "country/甲"]


def test_statements_a_titled_person_the_chain_did_not_join_speaks(catalogue):
    """甲国在乙协会处长郦某指: the unit name holds a break (在), so the chain stops at 甲国; the person named
    after the title right before the verb is the head of the subject and speaks."""
    text = "甲国在丙协会处长郦英杰指，两地关系进入新阶段。"
    names = [("甲国", "country/甲", "Country"), ("郦英杰", "person/郦英杰", PERSON)]
    assert _said(_analysis(text, names, kind="paragraph", genre="article"), catalogue) == [
        ("person/郦英杰", "指", "两地关系进入新阶段。")]


def test_statements_a_titled_person_after_another_actor_is_no_speaker_of_the_head(catalogue):
    """乙方赞赏丙组织秘书长古某提出…: 丙组织 stands between, so 古某 belongs to an object, not to 乙方's subject."""
    text = "乙方赞赏丙组织秘书长古大明提出“共同行动”倡议，支持各方努力。"
    names = [("乙方", "country/乙", "Country"), ("丙组织", "org/丙", "InternationalOrganization"),
             ("古大明", "person/古大明", PERSON)]
    assert all(s != "person/古大明" for s, _, _ in _said(_analysis(text, names, kind="paragraph", genre="article"),
                                                        catalogue))


WRITER_NAMES = [("王华", "person/王华", PERSON), ("赵明", "person/赵明", PERSON),
                ("丙组织", "org/丙组织", "Organization")]


def test_statements_a_quotation_before_the_next_frame_is_that_frames_words(catalogue):
    """A quotation told before its frame (…。「…？…呢？」他續指，…) is the frame's: the words before end
    with their sentence, and its questions are the speaker's, not the writer's."""
    text = "王华指出，发债会增加债务。「你估别人会不会信你？就算借到，是否要还高息呢？」他续指，发债不是好选择。"
    said = _said(_analysis(text, WRITER_NAMES, kind="paragraph", genre="text"), catalogue)
    assert [s[2] for s in said] == ["发债会增加债务。", "你估别人会不会信你？就算借到，是否要还高息呢？」"]


@pytest.mark.parametrize("text, genre, expected", [
    # another person opens the next sentence, or the speaker is spoken of: the writer's
    ("王华表示，会加强检测。赵明周日抵达乙国。", "text", "会加强检测。"),
    ("王华表示，会加强检测。他没有说何时开始。", "text", "会加强检测。"),
    ("王华表示，会加强检测。王华的团队上月成立。", "text", "会加强检测。"),
    ("丙组织宣布，将延长限制措施。按照规定，丙组织可建议各国采取措施。", "text", "将延长限制措施。"),
    # indirect words over several sentences go on
    ("王华表示，合作很重要。这体现了两国友谊。", "article", "合作很重要。这体现了两国友谊。"),
    ("王华表示，合作很重要。赵明国王向我们表达了慰问。", "text", "合作很重要。赵明国王向我们表达了慰问。"),
    ("王华表示，合作很重要。赵明主席亲自部署了工作。", "article", "合作很重要。赵明主席亲自部署了工作。"),
    # a quotation a quotation or the first person goes on with the speaker's speech
    ("王华表示，合作很重要。「两国要多交流。」", "text", "合作很重要。「两国要多交流。」"),
    ("王华表示，基金由他人管理，「你知道吗？」，「我们要查清楚。」", "text", "基金由他人管理，「你知道吗？」，「我们要查清楚。」"),
    ("王华说：「合作很重要。赵明来过。」", "text", "「合作很重要。赵明来过。」"),
    # the writer's own frame opens the next sentence
    ("王华表示，会加强检测。被问到何时开始，没有回应。", "text", "会加强检测。"),
    # so does the writer's question frame opening a clause inside the sentence, not one quoted
    ("王华表示，会加强检测，被问到何时开始，他没有回应。", "text", "会加强检测"),
    ("王华表示，会加强检测，她今早就被问及检测范围。", "text", "会加强检测"),
    ("王华表示，「会加强检测，我被问到何时开始，还未决定。」", "text", "「会加强检测，我被问到何时开始，还未决定。」"),
    ("王华表示，会加强检测。翻查资料，检测去年已开始。", "text", "会加强检测。"),
    ("王华表示，会加强检测。记者追问，检测何时开始。", "text", "会加强检测。"),
    ("王华表示，会加强检测。据悉，检测去年已开始。", "text", "会加强检测。"),
    ("丙组织表示，会加强检测。另据报道，乙国的检测已开始。", "text", "会加强检测。"),
    ("王华表示，合作很重要。另据了解，乙国将派出专家组。", "article", "合作很重要。"),
    ("王华表示，会加强检测。标题简单直接，导语偏长。", "text", "会加强检测。"),
    ("王华表示，会加强检测。该公司是丙组织的下属机构。", "text", "会加强检测。"),
    # a later clause framing words with a pronoun makes the sentence the writer's lead-in to it
    ("王华表示，会加强检测。至于检测的范围，他指要视乎专家意见。", "text", "会加强检测。"),
    # a bare question after indirect words is the writer's; a quoted one is the speaker's
    ("王华表示，会加强检测。那么，为何去年没有检测？", "text", "会加强检测。"),
    ("王华表示，「会加强检测。为何去年没有？」", "text", "「会加强检测。为何去年没有？」"),
    ("王华说：「会加强检测。为何去年没有？」", "text", "「会加强检测。为何去年没有？」"),
    # a broadcast reads out a body's directive, which names the body itself
    ("丙组织强调，要加强防控。各地要按照丙组织部署落实措施。", "broadcast",
     "要加强防控。各地要按照丙组织部署落实措施。"),
])
def test_statements_words_end_where_the_writer_takes_over(catalogue, text, genre, expected):
    said = _said(_analysis(text, WRITER_NAMES, kind="paragraph", genre=genre), catalogue)
    assert [s[2] for s in said] == [expected]


@pytest.mark.parametrize("text, language, expected", [
    # Hong Kong news, in Traditional script, frames each sentence of indirect words anew:
    # a sentence with no frame is the writer's
    ("王华表示，合作很重要。这体现了两国友谊。", "zh-Hant", "合作很重要。"),
    ("王华表示，合作很重要。赵明主席亲自部署了工作。", "zh-Hant", "合作很重要。"),
    ("丙组织表示，会加强检测，但人手不足。医院发言人说，已停收新症。", "zh-Hant",
     "会加强检测，但人手不足。"),
    ("丙组织表示，已与乙国通电话。乙国抗疫取得成效，两国将扩大合作。", "zh-Hant", "已与乙国通电话。"),
    # unless the first person goes on with the speaker's speech
    ("王华表示，合作很重要。我们会继续努力。", "zh-Hant", "合作很重要。我们会继续努力。"),
    # words or a sentence opening with a quoted term are indirect words all the same
    ("王华表示，「五大诉求」缺一不可。工会又设立热线，收集投诉。", "zh-Hant", "「五大诉求」缺一不可。"),
    ("丙组织提出「边境漏洞」说，指豁免人士毋须检疫。赵明团队的研究进一步引证此说。", "zh-Hant",
     "「边境漏洞」说，指豁免人士毋须检疫。"),
    ("王华介绍，口罩由丁中心开发。「丁中心」由政府拨款成立。", "zh-Hant", "口罩由丁中心开发。"),
    # a quotation of whole sentences goes on, with a gloss in brackets that gives it in English
    ("王华表示，合作很重要。「我们会继续努力」。", "zh-Hant", "合作很重要。「我们会继续努力」。"),
    ("王华说，「我现在更担心」（I am more concerned）。丙组织的研究在伦敦进行。", "zh-Hant",
     "「我现在更担心」（I am more concerned）"),
    # a mainland readout or news story in Simplified script keeps the speaker over several sentences
    ("王华表示，合作很重要。这体现了两国友谊。", "zh-Hans", "合作很重要。这体现了两国友谊。"),
    ("丙组织表示，已与乙国通电话。乙国抗疫取得成效，两国将扩大合作。", "zh-Hans",
     "已与乙国通电话。乙国抗疫取得成效，两国将扩大合作。"),
])
def test_statements_plain_prose_ends_words_by_its_script(catalogue, text, language, expected):
    """Indirect words run on over sentences in Simplified plain prose, end with their first in Traditional."""
    said = _said(_analysis(text, WRITER_NAMES, kind="paragraph", genre="text", language=language), catalogue)
    assert [s[2] for s in said] == [expected]


@pytest.mark.parametrize("text, expected", [
    # the writer's remark on what the speaker left unsaid ends the words
    ("王华表示，会加强检测，但没有透露何时开始。", "会加强检测"),
    ("丙组织表示，已与乙国通电话，但并未有提供更多的细节。", "已与乙国通电话"),
    ("王华表示，会加强检测，未有正面回应会否扩大范围。", "会加强检测"),
    ("王华表示，资金会用于研究，但他以未结算为由，未有交代款项去向。", "资金会用于研究"),
    # another subject of the words, a bare 提供 or a quotation keeps them whole
    ("王华批评，政府推行措施前，并没有提供清晰指引。", "政府推行措施前，并没有提供清晰指引。"),
    ("王华表示，赵明已经离开，但并没有说明原因。", "赵明已经离开，但并没有说明原因。"),
    ("王华提到，有人散播谣言，以此作掩饰，没有提供详情。", "有人散播谣言，以此作掩饰，没有提供详情。"),
    ("王华说：「会加强检测，但没有透露何时开始。」", "「会加强检测，但没有透露何时开始。」"),
])
def test_statements_the_writers_remark_on_what_was_left_unsaid_ends_the_words(catalogue, text, expected):
    """A clause of the writer's own with no subject but the speaker's, a negation and a verb of answering
    (但没有回应…, 未有交代…) tells how the speaker answered: the words end before it."""
    said = _said(_analysis(text, WRITER_NAMES, kind="paragraph", genre="text", language="zh-Hant"), catalogue)
    assert [s[2] for s in said] == [expected]


SHORT_NAMES = [("王大明", "person/王大明", PERSON), ("赵明", "person/赵明", PERSON), ("丁局", "org/丁局", "GovernmentBody")]


@pytest.mark.parametrize("text, expected", [
    # a later sentence framed anew by the speaker's surname or pronoun is its own statement of the speaker
    ("王大明指出，人手不足。王指，会增聘人员。",
     [("person/王大明", "指出", "人手不足。"), ("person/王大明", "指", "会增聘人员。")]),
    ("王大明表示，人手不足。王又说：「会增聘人员。」",
     [("person/王大明", "表示", "人手不足。"), ("person/王大明", "说", "「会增聘人员。」")]),
    ("王大明表示，人手不足。但他强调，会增聘人员。",
     [("person/王大明", "表示", "人手不足。"), ("person/王大明", "强调", "会增聘人员。")]),
    # the last person named whose name the short form starts
    ("王大明表示，人手不足。赵明称，已经增聘。王并指，仍然不够。",
     [("person/王大明", "表示", "人手不足。"), ("person/赵明", "称", "已经增聘。"), ("person/王大明", "指", "仍然不够。")]),
    # a frame with no speaker the stage names still ends the words before it
    ("王大明表示，人手不足。报道又指，医院已停收新症。", [("person/王大明", "表示", "人手不足。")]),
    ("王大明表示，人手不足。该名护士表示，已连续工作三周。", [("person/王大明", "表示", "人手不足。")]),
    ("王大明表示，人手不足。丙区议会主席陈某则表示，已减少会议。", [("person/王大明", "表示", "人手不足。")]),
    # the writer's lead-in to the next frame is not the speaker's either
    ("王大明表示，人手不足。至于何时增聘，赵明说，要等拨款。",
     [("person/王大明", "表示", "人手不足。"), ("person/赵明", "说", "要等拨款。")]),
    # a quotation closing a sentence ends it: the writer's frame after it is the writer's
    ("王大明说，「人手不足。」被问到何时增聘，他没有回应。", [("person/王大明", "说", "「人手不足。」")]),
    # a saying inside the words, or the first person, frames nothing
    ("王大明表示，人手不足。对医院来说，这是最大的难题。",
     [("person/王大明", "表示", "人手不足。对医院来说，这是最大的难题。")]),
    ("王大明表示，人手不足。我们认为，应该增聘。", [("person/王大明", "表示", "人手不足。我们认为，应该增聘。")]),
    # a short form that is an object is no speaker (the frame still ends the words before it)
    ("王大明表示，人手不足。厂商向王表示，可以供应。", [("person/王大明", "表示", "人手不足。")]),
    # a gloss in brackets inside a title does not break the chain: the person after it speaks
    ("丁局总经理（质素及标准）赵明指出，会增设检测点。", [("person/赵明", "指出", "会增设检测点。")]),
])
def test_statements_each_framed_stretch_is_its_own_statement(catalogue, text, expected):
    assert _said(_analysis(text, SHORT_NAMES, kind="paragraph", genre="article"), catalogue) == expected


COUNTRY_NAMES = [("甲国", "country/甲", "Country"), ("乙国", "country/乙", "Country")]


@pytest.mark.parametrize("text, expected", [
    # the country speaks: nothing between it and the verb but a time, an adverb, its voice or an office
    ("甲国周一表示，将放宽入境限制。", [("country/甲", "表示", "将放宽入境限制。")]),
    ("甲国政府已宣布，将放宽入境限制。", [("country/甲", "宣布", "将放宽入境限制。")]),
    ("甲国政府的一名发言人说，将放宽入境限制。", [("country/甲", "说", "将放宽入境限制。")]),
    ("甲国总理周一宣布，将放宽入境限制。", [("country/甲", "宣布", "将放宽入境限制。")]),
    ("甲国回应表示，将放宽入境限制。", [("country/甲", "表示", "将放宽入境限制。")]),
    # any other noun there is a speaker the stage has no node for: no statement
    ("甲国广播电台说，专家认为疫情受控。", []),
    ("甲国疫情指挥中心今天表示，将放宽入境限制。", []),
    ("甲国网媒指，电文是一个警示。", []),
    ("甲国瑜周五在网上贴文称，问心无愧。", []),
    # an unnamed official counted, not named, speaks for no one
    ("一名甲国官员称，电文是一个警示。", []),
    ("多位不愿具名的乙国官员表示，电文是一个警示。", []),
])
def test_statements_a_country_speaks_only_for_itself(catalogue, text, expected):
    assert _said(_analysis(text, COUNTRY_NAMES, kind="paragraph", genre="article"), catalogue) == expected


@pytest.mark.parametrize("text", ["陈丽去信行政长官王华，要求当局交代选举安排。", "陈丽致信王华，要求当局交代选举安排。"])
def test_statements_the_one_a_letter_goes_to_is_no_speaker_of_the_request(catalogue, text):
    names = [("陈丽", "person/陈丽", PERSON), ("王华", "person/王华", PERSON)]
    assert _said(_analysis(text, names, kind="paragraph", genre="article"), catalogue) == [
        ("person/陈丽", "要求", "当局交代选举安排。")]


@pytest.mark.parametrize("text, expected", [
    # people tied to a named person or body speak, not it
    ("民调显示，王华支持者认为，疫情已受控。", []),
    ("王华前队友表示，他很有天分。", []),
    ("王华党友则说，他会参选。", []),
    ("甲党支持者认为，选举不公。", []),
    # an unnamed group counted with a named person
    ("陈明等多名专家指出，病毒会变种。", []),
    ("包括陈明在内的多名医护人员表示，人手不足。", []),
    # an honorific, the people addressed, or named people listed together still leave the person speaking
    ("陈明医生表示，人手不足。", [("person/陈明", "表示", "人手不足。")]),
    ("王华向选民表示，会减税。", [("person/王华", "表示", "会减税。")]),
    ("王华、陈明等专家均呼吁，市民减少外出。", [("person/王华", "呼吁", "市民减少外出。")]),
])
def test_statements_people_tied_to_an_actor_or_counted_with_it_speak_for_no_one(catalogue, text, expected):
    names = [("王华", "person/王华", PERSON), ("陈明", "person/陈明", PERSON), ("甲党", "org/甲党", "Organisation")]
    assert _said(_analysis(text, names, kind="paragraph", genre="article"), catalogue) == expected


@pytest.mark.parametrize("text, expected", [
    # words that are only a fragment before the next speaker's name are that speaker's, told there
    ("甲社指，另一乙国传媒说，疫情受控。", []),
    # a longer stretch is the speaker's own
    ("甲社直言，部分人期望乙国会改变。", [("org/甲社", "直言", "部分人期望乙国会改变。")]),
])
def test_statements_a_fragment_before_the_next_speaker_is_no_statement(catalogue, text, expected):
    names = [("甲社", "org/甲社", "Organization"), ("乙国", "country/乙", "Country")]
    assert _said(_analysis(text, names, kind="paragraph", genre="article"), catalogue) == expected


@pytest.mark.parametrize("text, expected", [
    # the publication that printed the words does not speak them; the writer named before it does
    ("评论员王某在《甲社》撰文承认，疫情受控。", []),
    ("网民在《甲社》微博留言说，疫情受控。", []),
    ("赵丽在《 甲社 》撰文指，疫情受控。", [("person/赵丽", "指", "疫情受控。")]),
    # the outlet itself still speaks
    ("《甲社》指出，疫情受控。", [("org/甲社", "指出", "疫情受控。")]),
])
def test_statements_a_publication_the_words_are_printed_in_is_no_speaker(catalogue, text, expected):
    names = [("甲社", "org/甲社", "Organization"), ("赵丽", "person/赵丽", PERSON)]
    assert _said(_analysis(text, names, kind="paragraph", genre="article"), catalogue) == expected


@pytest.mark.parametrize("text, expected", [
    # a verb inside a quotation no verb reports: the words end where the quotation closes
    ("王华说得好：「人手不足，但认为不应罢工。」医护没有丢下病人。", [("person/王华", "认为", "不应罢工。")]),
    ("记者写道：「王华认为要加建医院」。医院去年已动工。", [("person/王华", "认为", "要加建医院")]),
])
def test_statements_words_inside_an_unreported_quotation_end_with_it(catalogue, text, expected):
    assert _said(_analysis(text, [("王华", "person/王华", PERSON)], kind="paragraph", genre="article"), catalogue) == expected


@pytest.mark.parametrize("text, speaker", [
    # a person named inside the words is no referent: the one who speaks goes on
    ("王华又说，赵明与丙国领袖通话。他称，会提供援助。", "person/王华"),
    ("王华表示，赵明的建议很好。他说，要尽快落实。", "person/王华"),
    # a person who opens a sentence of the writer's is
    ("王华表示，形势向好。赵明周日抵达乙国。他说，要尽快落实。", "person/赵明"),
])
def test_statements_pronoun_passes_over_persons_inside_reported_words(catalogue, text, speaker):
    said = _said(_analysis(text, WRITER_NAMES, kind="paragraph", genre="text"), catalogue)
    assert said[-1][0] == speaker


@pytest.mark.parametrize("text", [
    # the outlet or body that was answered is no speaker: the one who replied is, named or not
    "丁局回应东方日报说，会跟进事件。",
    "丁局回覆东方日报查询时表示，会跟进事件。",
])
def test_statements_the_one_answered_is_no_speaker(catalogue, text):
    names = [("东方日报", "org/东方日报", "Organization")]
    assert _said(_analysis(text, names, kind="paragraph", genre="text"), catalogue) == []


def test_statements_the_agent_of_an_act_is_no_speaker(catalogue):
    """由 (by) marks the agent of an act told inside the words (不由甲决定): no subject of the sentence."""
    text = "不由丙组织决定，认为应交法院处理。"
    names = [("丙组织", "org/丙组织", "Organization")]
    assert _said(_analysis(text, names, kind="paragraph", genre="text"), catalogue) == []


@pytest.mark.parametrize("text, expected", [
    # another speaker inside a person's words is told by that person: one statement, the person's
    ("王华说，有官员提到检测结果的问题，丙国卫生部前几天已经澄清，指出结果准确。",
     [("person/王华", "说", "有官员提到检测结果的问题，丙国卫生部前几天已经澄清，指出结果准确。")]),
    ("王华指出，今次结果不代表各方，赵明上周亦表示，会再作检讨。",
     [("person/王华", "指出", "今次结果不代表各方，赵明上周亦表示，会再作检讨。")]),
])
def test_statements_words_at_one_remove_are_the_reporters(catalogue, text, expected):
    names = WRITER_NAMES + [("丙国卫生部", "org/丙国卫生部", "Organization")]
    assert _said(_analysis(text, names, kind="paragraph", genre="text", language="zh-Hant"), catalogue) == expected


@pytest.mark.parametrize("text, expected", [
    # a person quoting another source tells the words: his, with the source named in them
    ("王华周三在记者会引述丁组织指「病毒源头尚不确定」。", [("person/王华", "指", "「病毒源头尚不确定」")]),
    ("王华引述丁组织的研究指出，病例会增加。", [("person/王华", "指出", "病例会增加。")]),
    # an outlet quoting only relays the one it quotes
    ("丙日报引述赵明指，会再检讨。", [("person/赵明", "指", "会再检讨。")]),
])
def test_statements_a_person_quoting_a_source_speaks(catalogue, text, expected):
    names = WRITER_NAMES + [("丙日报", "org/丙日报", "Organization"), ("丁组织", "org/丁组织", "Organization")]
    assert _said(_analysis(text, names, kind="paragraph", genre="text", language="zh-Hant"), catalogue) == expected


def test_statements_words_at_one_remove_only_in_traditional_script(catalogue):
    """Plain prose in Simplified script (a mainland story) is not read as Hong Kong prose: the other
    speaker inside a person's words keeps a statement of his own."""
    text = "王华指出，今次结果不代表各方，赵明上周亦表示，会再作检讨。"
    assert ("person/赵明", "表示", "会再作检讨。") in _said(_analysis(text, WRITER_NAMES, kind="paragraph", genre="text"),
                                                        catalogue)


@pytest.mark.parametrize("text, inner", [
    # the other's own words in quotation marks are quoted directly
    ("王华说，当时赵明回应说「会尽力争取」。", ("person/赵明", "说", "「会尽力争取」")),
    # after the writer's question frame the other answers in his own right
    ("王华表示，现有六千人协助，被问到费用时，赵明说，计划仍在进行中。", ("person/赵明", "说", "计划仍在进行中。")),
])
def test_statements_words_at_one_remove_spare_a_direct_quote_and_an_answer(catalogue, text, inner):
    assert inner in _said(_analysis(text, WRITER_NAMES, kind="paragraph", genre="text", language="zh-Hant"), catalogue)


@pytest.mark.parametrize("text, expected", [
    # two speakers say something together, then one of them goes on in a frame of his own: his words
    ("王华和赵明说，计划会如期推行，赵明更说，费用由政府承担。",
     [("person/王华", "说", "计划会如期推行"), ("person/赵明", "说", "费用由政府承担。")]),
    ("王华、赵明表示，检测已经完成，赵明亦指出，结果下周公布。",
     [("person/王华", "表示", "检测已经完成"), ("person/赵明", "指出", "结果下周公布。")]),
])
def test_statements_a_joint_speaker_going_on_is_not_at_one_remove(catalogue, text, expected):
    said = _said(_analysis(text, WRITER_NAMES, kind="paragraph", genre="text", language="zh-Hant"), catalogue)
    assert said == expected


@pytest.mark.parametrize("text, expected", [
    # a person or a pronoun only qualifies, with 的, the noun that speaks: a friend, a lawyer, a speech
    ("陈明表示，病床足够。他的朋友及家人透露，他已离港。", [("person/陈明", "表示", "病床足够。")]),
    ("陈明表示，病床足够。陈明的代表律师在庭上表示，希望押后聆讯。", [("person/陈明", "表示", "病床足够。")]),
    ("有熟悉陈明的人士认为，他会辞职。", []),
    # a text the person issued still speaks for him
    ("陈明表示，病床足够。他的报告指出，会加建医院。",
     [("person/陈明", "表示", "病床足够。"), ("person/陈明", "指出", "会加建医院。")]),
    # his words quoted (引用/援引…的话说) are his
    ("该报引用乙国议员陈明的话说，会加建医院。", [("person/陈明", "说", "会加建医院。")]),
    ("乙报援引陈明的话称，病床足够。", [("person/陈明", "称", "病床足够。")]),
])
def test_statements_a_person_qualifying_the_speaker_does_not_speak(catalogue, text, expected):
    names = [("陈明", "person/陈明", PERSON)]
    assert _said(_analysis(text, names, kind="paragraph", genre="article"), catalogue) == expected


@pytest.mark.parametrize("text, expected", [
    ("北湖医院有人声称，病床足够。", []),
    ("北湖医院表示，病床足够。乙党内部有人称，会提早选举。", [("org/北湖医院", "表示", "病床足够。")]),
    # opening the clause inside someone's words, it is no speaker: the words go on
    ("北湖医院表示，有人认为病床不足，但医院有足够人手。",
     [("org/北湖医院", "表示", "有人认为病床不足，但医院有足够人手。")]),
])
def test_statements_someone_of_a_body_is_no_speaker(catalogue, text, expected):
    names = [("北湖医院", "org/北湖医院", "Organization"), ("乙党", "org/乙党", "Organization")]
    assert _said(_analysis(text, names, kind="paragraph", genre="article"), catalogue) == expected


@pytest.mark.parametrize("text, expected", [
    # the words were told before, or the verb is the aim of an act: what follows is the writer's
    ("陈明自己这么认为，很多市民也都这么认为。", []),
    ("陈明这样说，是因为民调对他不利。", []),
    ("被问到特别通道，陈明只是用上一堆官腔去回应，市民并不满意。", []),
    # a colon or a quotation mark still opens the words
    ("陈明在记者会上这样说：「病床足够。」", [("person/陈明", "说", "「病床足够。」")]),
    ("陈明用球队的例子去解释：「好似球队咁。」", [("person/陈明", "解释", "「好似球队咁。」")]),
])
def test_statements_words_told_elsewhere_are_not_reported(catalogue, text, expected):
    names = [("陈明", "person/陈明", PERSON)]
    assert _said(_analysis(text, names, kind="paragraph", genre="article"), catalogue) == expected


@pytest.mark.parametrize("text", [
    # a bare name the actor stage did not link, written twice before a verb, opens the last frame
    "陈明表示，病床足够。黄志伟形容医院混乱。黄志伟说，人手不足。他又说，要加建医院。",
    # a familiar name (阿 and a character) is such a bare name
    "陈明表示，病床足够。阿浩形容医院混乱。阿浩说，人手不足。他又说，要加建医院。",
    # a title and a name ending the clause before a verb with no subject of its own
    "陈明表示，病床足够。时任警区指挥官游某强，当晚在现场表示，未有拘捕。他说，现场很乱。",
])
def test_statements_pronoun_after_an_unlinked_bare_or_titled_name_is_no_named_person(catalogue, text):
    said = _said(_analysis(text, [("陈明", "person/陈明", PERSON)], kind="paragraph", genre="article"), catalogue)
    assert [verb for _, verb, _ in said] == ["表示"]  # the pronoun's words are not 陈明's


@pytest.mark.parametrize("text", [
    # a title with no name after it (医生求助) and a word written once (高度) are no unlinked speaker
    "陈明表示，病床足够。诊所接获医生求助，指口罩不足。他估计，存货仅足一周。",
    "陈明表示，病床足够。高度评价医护，赞扬他们。他估计，存货仅足一周。",
])
def test_statements_pronoun_passes_no_unlinked_speaker_where_none_is_named(catalogue, text):
    said = _said(_analysis(text, [("陈明", "person/陈明", PERSON)], kind="paragraph", genre="article"), catalogue)
    assert ("person/陈明", "估计", "存货仅足一周。") in said


@pytest.mark.parametrize("text, names, speaker", [
    ("3月2日，国家主席王华应约同乙国总理李明通电话，表示甲方愿同乙方加强疫苗合作。",
     [("王华", "person/王华", PERSON), ("乙国", "country/乙国", "Country"), ("李明", "person/李明", PERSON)],
     "person/王华"),
    ("5月6日，国务委员兼外长赵刚复信丙组织总干事孙立，感谢他对甲国抗疫工作的支持。",
     [("赵刚", "person/赵刚", PERSON), ("丙组织", "org/丙组织", "InternationalOrganization"),
      ("孙立", "person/孙立", PERSON)], "person/赵刚"),
])
def test_statements_a_title_before_the_subject_of_an_earlier_clause_carries_the_person(catalogue, text, names, speaker):
    assert [who for who, *_ in _said(_analysis(text, names, kind="paragraph", genre="article"), catalogue)] == [speaker]
