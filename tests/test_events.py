"""Tests for graph/events.py: one small sentence per formula, written for the test."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from graph.catalogue import load_catalogue
from graph.events import extract_events
from graph.model import Analysis, Block, DocMeta, Document, Mention

ACTORS = {
    "张伟": ("person/张伟", "Person"),
    "芬兰总统": ("person/尼尼斯托", "Person"),
    "李明": ("person/李明", "Person"),
    "尼尼斯托": ("person/尼尼斯托", "Person"),
    "马林": ("person/马林", "Person"),
    "索尔贝格": ("person/索尔贝格", "Person"),
    "阿德恩": ("person/阿德恩", "Person"),
    "毛雷尔": ("person/毛雷尔", "Person"),
    "王五": ("person/王五", "Person"),
    "芬兰": ("country/FI", "Country"),
    "挪威": ("country/NO", "Country"),
    "丹麦": ("country/DK", "Country"),
    "新西兰": ("country/NZ", "Country"),
    "中国": ("country/CN", "Country"),
    "社会党": ("org/社会党", "Organization"),
    "新华社": ("org/xinhua", "Organization"),
    "中方": ("country/CN", "Country"),
    "挪方": ("country/NO", "Country"),
    "红十字国际委员会": ("org/icrc", "InternationalOrganization"),
    "北极星基金会": ("org/北极星基金会", "Organization"),
    "世界卫生组织": ("org/who", "InternationalOrganization"),
    "国家卫生健康委": ("gov/nhc", "GovernmentBody"),
    "国务院新闻办公室": ("gov/scio", "GovernmentBody"),
    "卫生部": ("gov/卫生部", "GovernmentBody"),
    "湖北省": ("gov/hubei", "GovernmentBody"),
    "世界卫生大会": ("org/wha", "InternationalOrganization"),
    "广东省": ("gov/guangdong", "GovernmentBody"),
    "武汉": ("gov/wuhan", "GovernmentBody"),
    "挪威红十字会": ("org/挪威红十字会", "Organization"),
    "中国红十字会": ("org/china-red-cross", "Organization"),
    "福建省卫生健康委员会": ("gov/福建省卫生健康委员会", "GovernmentBody"),
    "联合国": ("org/un", "InternationalOrganization"),
    "北欧理事会": ("org/北欧理事会", "InternationalOrganization"),
}
DAY = dt.date(2020, 5, 2)


def _mentions(text: str) -> tuple[Mention, ...]:
    """Every occurrence of a known surface, longest first, without overlaps."""
    taken: set[int] = set()
    found = []
    for surface in sorted(ACTORS, key=len, reverse=True):
        key, cls = ACTORS[surface]
        pos = text.find(surface)
        while pos != -1:
            span = set(range(pos, pos + len(surface)))
            if not span & taken:
                taken |= span
                found.append(Mention(pos, pos + len(surface), surface, key, cls))
            pos = text.find(surface, pos + 1)
    return tuple(sorted(found, key=lambda m: m.start))


def _analysis(text: str, genre: str = "chronicle", date: dt.date | None = DAY) -> Analysis:
    """A one-block document whose block carries ``date`` (a chronicle day)."""
    document = Document("t.txt", text, text, tuple(range(len(text))), DocMeta(date=date, genre=genre))
    blocks = (Block("bullet", 0, len(text), date=date),)
    return Analysis(document=document, blocks=blocks, mentions=_mentions(text))


def _events(text: str, genre: str = "chronicle", date: dt.date | None = DAY):
    analysis = extract_events(_analysis(text, genre, date), load_catalogue())
    for event in analysis.events:
        quote = analysis.document.quote(event.evidence)
        assert quote == text[event.evidence.start:event.evidence.end]
        assert 0 < len(quote) <= 60
    return analysis.events


@pytest.mark.parametrize("text, cls, participants, requested_by", [
    ("国家主席张伟应约同芬兰总统尼尼斯托通电话。", "PhoneCall", ("person/张伟", "person/尼尼斯托"), "person/尼尼斯托"),
    ("张伟应约与挪威首相索尔贝格通电话。", "PhoneCall", ("person/张伟", "person/索尔贝格"), "person/索尔贝格"),
    ("中国国家主席张伟同挪威首相索尔贝格通话。", "PhoneCall", ("person/张伟", "person/索尔贝格"), None),
    ("张伟在北京同芬兰总统尼尼斯托会谈。", "Meeting", ("person/张伟", "person/尼尼斯托"), None),
    ("张伟在北京会见新西兰总理阿德恩。", "Meeting", ("person/张伟", "person/阿德恩"), None),
    # two persons joined by 和, each with his offices: the first meets the second (row persons_joined)
    ("中国国家主席张伟和挪威首相索尔贝格就北极问题通电话。", "PhoneCall", ("person/张伟", "person/索尔贝格"), None),
    ("芬兰总统尼尼斯托和新西兰总理阿德恩在北京举行会谈。", "Meeting", ("person/尼尼斯托", "person/阿德恩"), None),
])
def test_events_bilateral(text, cls, participants, requested_by):
    events = _events(text)
    assert [(e.cls, e.participants, e.requested_by, e.date) for e in events] == [
        (cls, participants, requested_by, DAY)]


@pytest.mark.parametrize("text", [
    "新华社指，就张伟与尼尼斯托的通话，双方同意加强合作。",      # the outlet only reports the call it retells
    "芬兰传媒报道，在张伟与尼尼斯托通电话前，李明已抵达。",     # 传媒 between the name and its report
])
def test_events_a_reporter_is_no_party_to_what_it_reports(text):
    assert all("org/xinhua" not in e.participants and "country/FI" not in e.participants
               for e in _events(text, genre="text"))


@pytest.mark.parametrize("text, cls", [
    ("【武汉疫情】中方与挪方通电话", "PhoneCall"),
    ("# 【武汉疫情大爆发】中方同挪方举行视频会议", "VideoConference"),
])
def test_events_a_column_tag_is_no_party(text, cls):
    assert [(e.cls, e.participants) for e in _events(text, genre="text")] == [(cls, ("country/CN", "country/NO"))]


@pytest.mark.parametrize("text, day, assumed", [
    ("张伟3月2日抵达芬兰，同尼尼斯托会谈。", dt.date(2020, 3, 2), False),         # the clause goes on with 张伟
    ("张伟3月2日抵达芬兰，并会见尼尼斯托。", dt.date(2020, 3, 2), False),
    ("张伟3月2日抵达芬兰，尼尼斯托同李明会谈。", dt.date(2020, 3, 2), True),     # a subject of its own: not the
])                                                                                # act's own day, the day reached
def test_events_a_date_in_the_clause_before_dates_a_clause_without_subject(text, day, assumed):
    wednesday = dt.date(2020, 5, 6)
    document = Document("t.txt", text, text, tuple(range(len(text))), DocMeta(date=wednesday, genre="text"))
    blocks = (Block("paragraph", 0, len(text), date=wednesday),)
    analysis = extract_events(Analysis(document=document, blocks=blocks, mentions=_mentions(text)), load_catalogue())
    assert [(e.date, e.assumed_date) for e in analysis.events] == [(day, assumed)]


@pytest.mark.parametrize("text, counterparts", [
    ("总理李明分别同芬兰总理马林、挪威首相索尔贝格通电话。", ("person/马林", "person/索尔贝格")),
    ("李明同芬兰、挪威、丹麦等国领导人通电话。", ("country/FI", "country/NO", "country/DK")),
])
def test_events_one_call_per_counterpart(text, counterparts):
    events = _events(text)
    assert [e.participants for e in events] == [("person/李明", c) for c in counterparts]
    assert all(e.cls == "PhoneCall" for e in events)


def test_events_count_of_calls_is_not_an_event():
    assert _events("张伟同22位外国领导人和国际组织负责人26次通电话。") == ()


@pytest.mark.parametrize("text", ["张伟同尼尼斯托第23次通电话。", "张伟同尼尼斯托第二十三次通电话。"])
def test_events_an_ordinal_of_calls_names_one_call(text):
    """第23次 (as 第二十三次) is the twenty-third call, one event, not a count of 3 calls."""
    assert [(e.cls, e.participants) for e in _events(text)] == [("PhoneCall", ("person/张伟", "person/尼尼斯托"))]


def test_events_a_summit_named_by_its_ordinal_is_one_with_its_retelling():
    """第23次…峰会昨天举行 is not a summary of many summits: the undated retelling in the next sentence is it."""
    text = "第23次北欧理事会峰会昨天举行。张伟和北欧理事会成员国领导人出席峰会。"
    assert [(e.cls, set(e.participants), e.date) for e in _events(text, genre="transcript")] == [
        ("Summit", {"org/北欧理事会", "person/张伟"}, dt.date(2020, 5, 1))]


@pytest.mark.parametrize("text, provider, recipients, approx", [
    ("张伟日前就芬兰发生疫情向芬兰总统尼尼斯托致慰问电。", "person/张伟", ("person/尼尼斯托",), True),
    ("张伟近日致电新西兰总理阿德恩。", "person/张伟", ("person/阿德恩",), True),
    ("张伟复信红十字国际委员会主席毛雷尔。", "person/张伟", ("person/毛雷尔",), False),
    ("张伟给挪威首相索尔贝格回信。", "person/张伟", ("person/索尔贝格",), False),
    ("张伟向芬兰总理马林和挪威首相索尔贝格致慰问电。", "person/张伟", ("person/马林", "person/索尔贝格"), False),
])
def test_events_message(text, provider, recipients, approx):
    (event,) = _events(text)
    assert (event.cls, event.provider, event.recipient, event.approx, event.date) == (
        "Message", provider, recipients[0], approx, DAY)
    assert event.participants == (provider,) + recipients


@pytest.mark.parametrize("text, provider, recipient", [
    ("张伟复电尼尼斯托，感谢芬方的问候。", "person/张伟", "person/尼尼斯托"),
    ("芬兰总统尼尼斯托向国家主席张伟致口信。", "person/尼尼斯托", "person/张伟"),
])
def test_events_reply_cable_and_oral_message(text, provider, recipient):
    assert [(e.cls, e.provider, e.recipient) for e in _events(text)] == [("Message", provider, recipient)]


@pytest.mark.parametrize("text, provider, recipient", [
    ("近日，北极星基金会的全体职员给张伟写信，表达了感激之情。", "org/北极星基金会", "person/张伟"),
    ("疫情发生后，索尔贝格给张伟来信表达慰问。", "person/索尔贝格", "person/张伟"),
])
def test_events_letter_written_to_someone(text, provider, recipient):
    """A给B写信 / A给B来信 is a letter from A to B, as A给B回信 is (a body's members write as the body)."""
    assert [(e.cls, e.provider, e.recipient) for e in _events(text, genre="broadcast")] == [
        ("Message", provider, recipient)]


@pytest.mark.parametrize("text", [
    "挪威的支持给芬兰带来信心。",
    "张伟的讲话给挪威带来信息和力量。",
])
def test_events_bringing_confidence_is_no_letter(text):
    """带来信心 holds 来信 across two words: no letter."""
    assert [e for e in _events(text, genre="broadcast") if e.cls == "Message"] == []


def test_events_restored_power_is_no_reply_cable():
    assert _events("芬兰恢复电力供应后，张伟表示祝贺。") == ()


@pytest.mark.parametrize("text", [
    "我们看到，各国坚持一个中国原则，许多国家致函世界卫生组织总干事表明立场。",
    "芬兰总统尼尼斯托当选后，世界100多个政党向挪方发来贺电。",
    "张伟会见挪威首相。截至目前，已有60国致函世界卫生组织总干事。",
])
def test_events_message_from_many_unnamed_has_no_sender_from_an_earlier_clause(text):
    """许多国家 / 100多个政党 write the subject without naming it: the sentence's earlier name is no sender."""
    assert [e for e in _events(text, genre="article") if e.cls == "Message"] == []


@pytest.mark.parametrize("text", [
    "北欧论坛开幕，芬兰和挪威共致贺电。",
    "有关活动包括芬兰和挪威领导人互致贺电。",
])
def test_events_greeting_sent_jointly_or_exchanged_needs_its_sides_named(text):
    """A greeting to nobody named keeps its sender (row unaddressed_greeting), but one sent jointly or exchanged
    (共致, 互致) has each side as a receiver too: without them named it is no event."""
    assert [e for e in _events(text, genre="article") if e.cls == "Message"] == []


def test_events_message_sender_from_an_earlier_clause_when_the_clause_writes_none():
    (event,) = _events("张伟对挪威首相索尔贝格当选表示祝贺，并第一时间致电索尔贝格。", genre="article")
    assert event.participants == ("person/张伟", "person/索尔贝格")


def test_events_message_subject_carried_over_in_compilation():
    text = "——5月1日，张伟同芬兰总统尼尼斯托通电话\n——5月2日，就挪威发生疫情向挪威首相索尔贝格致慰问电"
    events = _events(text, genre="compilation")
    assert [(e.cls, e.participants, e.date) for e in events] == [
        ("PhoneCall", ("person/张伟", "person/尼尼斯托"), dt.date(2020, 5, 1)),
        ("Message", ("person/张伟", "person/索尔贝格"), dt.date(2020, 5, 2)),
    ]


@pytest.mark.parametrize("text, cls, participants, requested_by", [
    ("中国同芬兰、挪威、丹麦举行卫生专家视频会议。", "VideoConference",
     ("country/CN", "country/FI", "country/NO", "country/DK"), None),
    ("国家卫生健康委与世界卫生组织召开电话会议。", "VideoConference", ("gov/nhc", "org/who"), None),
    ("应中方倡议，中国、芬兰、挪威举行特别外长视频会议。", "Summit",
     ("country/CN", "country/FI", "country/NO"), "country/CN"),
    ("张伟出席芬兰主办的北欧领导人特别峰会。", "Summit", ("person/张伟", "country/FI"), None),
])
def test_events_gathering(text, cls, participants, requested_by):
    events = _events(text)
    assert [(e.cls, e.participants, e.requested_by) for e in events] == [(cls, participants, requested_by)]


@pytest.mark.parametrize("text, cls", [
    ("中国同芬兰、挪威举行副外长级特别会议。", "Summit"),
    ("张伟同芬兰总统尼尼斯托共同主持第五次中国－芬兰领导人会晤。", "Summit"),
    ("卫生部长王五以视频方式出席芬兰主办的第80届世界卫生大会开幕式。", "Summit"),
    ("国家卫生健康委同挪威卫生部以视频方式举行抗疫经验交流会。", "VideoConference"),
    ("张伟同挪威首相索尔贝格以视频方式举行会晤。", "VideoConference"),
])
def test_events_multilateral_and_remote_meetings(text, cls):
    assert [e.cls for e in _events(text)] == [cls]


def test_events_assembly_named_as_an_actor_is_itself_a_party():
    """The most specific actor: the assembly, not the organisation it is an organ of."""
    events = _events("张伟以视频方式出席第80届世界卫生大会开幕式并致辞。")
    assert [(e.cls, e.participants) for e in events] == [("Summit", ("person/张伟", "org/wha"))]


def test_events_video_link_of_an_assembly_is_only_its_medium():
    events = _events("张伟在芬兰主办的第80届世界卫生大会视频会议开幕式上致辞。")
    assert [e.cls for e in events] == ["Summit"]


def test_events_each_pairs_sides_of_a_gathering():
    text = "卫生部、国家卫生健康委分别同芬兰、挪威专家举行视频交流。"
    events = _events(text)
    assert [e.participants for e in events] == [("gov/卫生部", "country/FI"), ("gov/nhc", "country/NO")]


@pytest.mark.parametrize("text, participants", [
    ("国家卫生健康委召开新闻发布会，介绍疫情防控情况。", ("gov/nhc",)),
    ("国务院新闻办公室在北京举行记者见面会。", ("gov/scio",)),
    ("国家卫生健康委发言人在例行记者会上表示，疫情总体平稳。", ("gov/nhc",)),
])
def test_events_press_conference_organiser(text, participants):
    events = _events(text)
    assert [(e.cls, e.participants, e.date) for e in events] == [("PressConference", participants, DAY)]


@pytest.mark.parametrize("text, participants", [
    ("挪威卫生部通报新增病例，专家李明形容，疫情严峻，她在记者会上点名三家餐厅。", ("person/李明",)),
    ("挪威首相索尔贝格周一表示，疫情可控。他在首相府举行的记者会说，学校将开放。", ("person/索尔贝格",)),
    ("他们在记者会上表示，疫情可控。", ()),
    ("尽管很敬佩专家李明，但他周五在卫生部记者会上说，疫情可控。", ("person/李明",)),
])
def test_events_press_conference_held_by_a_pronoun_is_the_persons(text, participants):
    """她/他 holding a briefing stands for the first person named before (not the body of the sentence)."""
    assert [e.participants for e in _events(text, genre="text")] == ([participants] if participants else [])


@pytest.mark.parametrize("text", [
    "挪威首相索尔贝格周一在记者会上，回答芬兰总统尼尼斯托提到的问题。",
    "挪威首相索尔贝格周一在记者会上引述芬兰总统尼尼斯托的说法。",
])
def test_events_press_conference_persons_answered_or_quoted_are_topics(text):
    """Whom a briefer answers or quotes (回答A, 引述B) is talked about, not on the podium."""
    assert [e.participants for e in _events(text, genre="text")] == [("person/索尔贝格",)]


@pytest.mark.parametrize("text, events", [
    ("周三的记者会宣布北欧理事会会议推迟。", []),
    ("卫生部周三召开记者会，宣布芬兰总统尼尼斯托将访问挪威。", [("PressConference", ("gov/卫生部",))]),
    ("北欧理事会周三在赫尔辛基举行峰会，宣布芬兰总统尼尼斯托当选主席。", [("Summit", ("org/北欧理事会",))]),
    ("张伟周三出席北欧理事会峰会并宣布芬兰加入。", [("Summit", ("person/张伟", "org/北欧理事会"))]),
])
def test_events_what_a_gathering_announces_names_no_party(text, events):
    """What is announced at a briefing or a summit (宣布C…) is its topic: C does not hold it or take part."""
    assert [(e.cls, e.participants) for e in _events(text, genre="text")] == events


@pytest.mark.parametrize("text, participants", [
    ("挪威首相索尔贝格周一举行记者会，被问到芬兰总统尼尼斯托提出的请求时表示，会再考虑。", ("person/索尔贝格",)),
    ("卫生部周一召开记者会，并就挪威提出的请求作出回应。", ("gov/卫生部",)),
    ("国务院新闻办公室举行新闻发布会，并邀请卫生部副部长王五介绍情况。", ("gov/scio", "person/王五")),
])
def test_events_press_conference_guests_are_invited_by_the_next_clause(text, participants):
    """请/邀请 names the speakers only opening the clause after the briefing's; further on (…提出的请求)
    what it names is talked about."""
    assert [e.participants for e in _events(text, genre="text")] == [participants]


@pytest.mark.parametrize("text, participants", [
    ("挪威首相索尔贝格周一发表讲话后，周二在卫生部记者会上为此辩护。", ("person/索尔贝格",)),
    ("芬兰总统尼尼斯托抵达后，当晚在国务院新闻办公室的记者会上表示，疫情可控。", ("person/尼尼斯托",)),
    ("卫生部周一发表声明后，周二在国务院新闻办公室的记者会上作出说明。", ("gov/scio",)),
])
def test_events_press_conference_clause_without_subject_goes_on_with_the_persons(text, participants):
    """A briefing's clause naming nobody before its 在 goes on with the person opening an earlier clause: he
    speaks at it, not the building or body named as its place; a body opening it changes nothing."""
    assert [e.participants for e in _events(text, genre="text")] == [participants]


@pytest.mark.parametrize("text, participants", [
    ("昨日卫生部的记者会上，卫生部总行政经理（病人安全及风险管理）李明表示，疫情可控。", ("gov/卫生部", "person/李明")),
    ("在周一的记者会上，湖北省总行政经理（防疫、应急）王五表示，疫情可控。", ("person/王五",)),
])
def test_events_press_conference_speaker_titled_with_a_bracketed_aside(text, participants):
    """A bracketed aside inside a title (…经理（A及B）张三) does not break the person's phrase: the speaker
    the next clause names is the person, not the body his title opens with."""
    assert [e.participants for e in _events(text, genre="text")] == [participants]


@pytest.mark.parametrize("text, participants", [
    ("2020年5月2日卫生部发言人王五主持例行记者会", ("person/王五", "gov/卫生部")),
    ("国家卫生健康委新闻发言人李明在例行记者会上表示，疫情总体平稳。", ("person/李明", "gov/nhc")),
])
def test_events_press_conference_named_spokesperson_brings_the_body(text, participants):
    events = _events(text, genre="transcript")
    assert [(e.cls, e.participants) for e in events] == [("PressConference", participants)]


def test_events_transcript_preamble_press_conference():
    text = "国务院新闻办公室于2020年5月3日上午10时举行新闻发布会，请卫生部副部长王五介绍情况。"
    events = _events(text, genre="transcript", date=dt.date(2020, 5, 3))
    assert [(e.cls, e.participants, e.date) for e in events] == [
        ("PressConference", ("gov/scio", "person/王五"), dt.date(2020, 5, 3))]


@pytest.mark.parametrize("text", [
    "张伟同芬兰总统尼尼斯托会谈并共同会见记者。",
    "张伟同尼尼斯托共同会见了媒体时表示，两国将加强合作。",
])
def test_events_joint_appearance_before_the_press_is_both_sides_briefing(text):
    events = _events(text)
    assert ("PressConference", ("person/张伟", "person/尼尼斯托")) in [(e.cls, e.participants) for e in events]
    assert all(e.cls in ("Meeting", "PressConference") for e in events)


def test_events_joint_appearance_in_a_transcript_is_not_its_briefing():
    text = "5月1日，国务院新闻办公室举行新闻发布会。5月1日，张伟访问芬兰，同尼尼斯托举行会谈并共同会见记者。"
    events = _events(text, genre="transcript")
    assert sorted(e.participants for e in events if e.cls == "PressConference") == [
        ("gov/scio",), ("person/张伟", "person/尼尼斯托")]


@pytest.mark.parametrize("text, expected", [
    ("中方向芬兰提供了一批口罩和防护服。", [("Aid", "country/CN", "country/FI")]),
    ("中方捐赠的检测试剂运抵挪威。", [("Aid", "country/CN", "country/NO")]),
    ("向丹麦捐赠的首批检测试剂运抵哥本哈根。", [("Aid", "country/CN", "country/DK")]),
    ("中国援助挪威的首批口罩已运抵奥斯陆。", [("Aid", "country/CN", "country/NO")]),
    ("挪威从中国进口一批口罩。由中国工厂生产的口罩已运抵挪威。", []),
    ("中方企业生产的第一批呼吸机已运抵芬兰。", []),
    ("挪方感谢中方为挪威抗击疫情提供医疗物资援助。", [("Aid", "country/CN", "country/NO")]),
    ("中国向挪威派遣医疗专家组。", [("ExpertTeam", "country/CN", "country/NO")]),
    ("中国抗疫医疗专家组抵达芬兰，随机携带了中方捐助的医疗物资。",
     [("ExpertTeam", "country/CN", "country/FI"), ("Aid", "country/CN", "country/FI")]),
    ("国家卫生健康委向世界卫生组织通报疫情信息。", [("InfoSharing", "gov/nhc", "org/who")]),
    ("国家卫生健康委与世界卫生组织分享病毒基因组序列信息。", [("InfoSharing", "gov/nhc", "org/who")]),
    ("中国医疗专家组抵达挪威，随机携带部分检测试剂。",
     [("ExpertTeam", "country/CN", "country/NO"), ("Aid", "country/CN", "country/NO")]),
    ("中国医疗专家组分别抵达芬兰首都赫尔辛基和挪威首都奥斯陆。",
     [("ExpertTeam", "country/CN", "country/FI"), ("ExpertTeam", "country/CN", "country/NO")]),
    ("国家卫生健康委向世界卫生组织通报了新增确诊病例数。", [("InfoSharing", "gov/nhc", "org/who")]),
    ("中方及时向世界卫生组织和有关国家通报疫情信息。", [("InfoSharing", "country/CN", "org/who")]),
    ("中方向芬兰提供了物资援助，向挪威派出了医疗专家组。",
     [("Aid", "country/CN", "country/FI"), ("ExpertTeam", "country/CN", "country/NO")]),
])
def test_events_transfer(text, expected):
    events = _events(text)
    assert [(e.cls, e.provider, e.recipient) for e in events] == expected
    assert all(e.participants == (e.provider, e.recipient) for e in events)


@pytest.mark.parametrize("text", [
    "中方将向芬兰派遣医疗专家组。",
    "中方愿向挪威提供力所能及的医疗物资援助。",
    "中方拟于下月同芬兰举行视频会议。",
    "张伟表示，希望同芬兰总统尼尼斯托通电话。",
    "一批医疗物资已从芬兰启程，将火速送达挪威。",
    "芬兰将对挪威、丹麦等国进行第一波援助。",
    "芬兰外长表示要向挪威提供医疗物资。",
    "你刚才提到芬兰外长要同挪威外长举行视频会议。",
    "芬兰政府人士表示，芬兰外长周五将先后与挪威外长及丹麦首相会谈。",
    "芬兰总统将分别同挪威首相、丹麦首相会见。",
    "芬兰总统预定今晚与挪威首相通电话。",
    "芬兰总统原定昨日下午与挪威首相会面，因故取消。",
    "原定今早由芬兰外交部举行的记者会，改为网上发布。",
])
def test_events_planned_actions_are_not_events(text):
    assert _events(text) == ()


def test_events_team_going_on_inside_the_country_is_no_event():
    assert _events("中国联合考察组分赴湖北省、广东省开展考察。") == ()


def test_events_team_sent_to_a_province_is_an_event():
    events = _events("国家卫生健康委派出专家组赶赴湖北省指导防控。")
    assert [(e.cls, e.provider, e.recipient) for e in events] == [("ExpertTeam", "gov/nhc", "gov/hubei")]


@pytest.mark.parametrize("text, expected", [
    ("世界卫生组织专家已赴挪威进行实地考察。", [("ExpertTeam", "org/who", "country/NO")]),
    ("在5月1日抵达芬兰后，中国专家与芬兰卫生部进行座谈。", [("ExpertTeam", "country/CN", "country/FI")]),
    ("挪威专家也随世界卫生组织专家组抵达芬兰。", [("ExpertTeam", "org/who", "country/FI")]),
])
def test_events_experts_without_a_team_word_go_as_a_team(text, expected):
    events = _events(text)
    assert [(e.cls, e.provider, e.recipient) for e in events] == expected


@pytest.mark.parametrize("text, recipient", [
    ("世界卫生组织专家组抵达武汉。", "gov/wuhan"),
    ("联合国派出的专家组已赴湖北省考察。", "gov/hubei"),
])
def test_events_team_of_an_international_organisation_reaches_the_place_itself(text, recipient):
    assert [(e.cls, e.recipient) for e in _events(text)] == [("ExpertTeam", recipient)]


def test_events_team_of_a_country_reaching_a_city_reaches_its_country():
    events = _events("挪威红十字会专家组抵达武汉。")
    assert [(e.cls, e.provider, e.recipient) for e in events] == [("ExpertTeam", "org/挪威红十字会", "country/CN")]


def test_events_aid_from_an_organisation_to_a_group_of_countries():
    events = _events("北极星基金会向东南亚多国捐赠的检测试剂已运抵。")
    assert [(e.cls, e.participants, e.provider) for e in events] == [
        ("Aid", ("org/北极星基金会",), "org/北极星基金会")]


def test_events_country_giving_to_a_group_is_a_summary():
    assert _events("中国已向30多个国家提供抗疫物资援助。") == ()


def test_events_directive_is_not_an_event():
    assert _events("要继续加强合作，及时与世界卫生组织分享疫情信息。") == ()


def test_events_jiang_as_object_marker_is_not_a_plan():
    events = _events("国家卫生健康委将病毒基因组序列信息通报世界卫生组织。")
    assert [(e.cls, e.provider, e.recipient) for e in events] == [("InfoSharing", "gov/nhc", "org/who")]


@pytest.mark.parametrize("text, date, date_end", [
    ("5月1日，张伟同芬兰总统尼尼斯托通电话。", dt.date(2020, 5, 1), None),
    ("张伟同芬兰总统尼尼斯托通电话。", DAY, None),
    ("4月28日至30日，中国医疗专家组赴芬兰考察。", dt.date(2020, 4, 28), dt.date(2020, 4, 30)),
    ("卫生部专家组赶赴芬兰考察（至5日）。", DAY, dt.date(2020, 5, 5)),
])
def test_events_dates(text, date, date_end):
    (event,) = _events(text)
    assert (event.date, event.date_end) == (date, date_end)


@pytest.mark.parametrize("text, date, date_end", [
    ("张伟与芬兰总统尼尼斯托的会谈昨日在赫尔辛基举行。", dt.date(2020, 5, 1), None),
    ("芬兰和挪威领导人视频会议于4月28日至29日举行。", dt.date(2020, 4, 28), dt.date(2020, 4, 29)),
    ("芬兰总统尼尼斯托主持的峰会周四举行。", dt.date(2020, 4, 30), None),           # DAY is Saturday 2 May
    ("张伟与芬兰总统尼尼斯托的会谈昨日结束。", DAY, None),                         # the last day is not the date
    ("张伟与芬兰总统尼尼斯托的会谈在赫尔辛基举行，双方同意4月28日的协议。", DAY, None),  # not right after the name
])

def test_events_a_gathering_named_before_its_date_is_held_on_it(text, date, date_end):
    """峰会于3月12日举行, 记者会昨天举行: the date after the gathering's name, before a verb of holding."""
    (event,) = _events(text, genre="text")
    assert (event.date, event.date_end) == (date, date_end)


@pytest.mark.parametrize("text", [
    "张伟定于周五与芬兰总统尼尼斯托会谈。",                # DAY is Saturday 2 May: the Friday to come, 8 May
    "张伟与芬兰总统尼尼斯托的会谈预计周一举行。",
])
def test_events_a_weekday_after_a_word_of_the_future_is_a_plan(text):
    assert _events(text, genre="text") == ()


@pytest.mark.parametrize("text, date", [
    ("2018年张伟访问芬兰时，两国签署了协议。", None),
    ("照片摄于2016年6月，时任外长张伟在北京会见芬兰总统尼尼斯托。", None),
    ("两星期前，张伟同芬兰总统尼尼斯托通电话。", None),
    ("张伟去年同芬兰总统尼尼斯托通电话。", None),
    ("张伟在上个月的记者会上说，两国合作顺利。", None),
    ("张伟上周五同芬兰总统尼尼斯托通电话。", dt.date(2020, 4, 24)),
    ("2020年张伟同芬兰总统尼尼斯托通电话。", DAY),
    ("张伟同芬兰总统尼尼斯托通电话，讨论2019年的协议。", DAY),
])
def test_events_another_time_without_a_day_is_not_the_blocks_day(text, date):
    """A year, month or distance back written before the trigger, with no day: the act is of that time."""
    (event,) = _events(text, genre="text")
    assert event.date == date


@pytest.mark.parametrize("text, date", [
    ("张伟上周同芬兰总统尼尼斯托通电话。", dt.date(2020, 4, 26)),         # DAY is Saturday 2 May: last week ends on 26 April
    ("张伟上星期同芬兰总统尼尼斯托通电话。", dt.date(2020, 4, 26)),
    ("张伟刚刚同芬兰总统尼尼斯托通电话。", DAY),
    ("芬兰总统尼尼斯托在最近的记者会上说，两国合作顺利。", DAY),
    ("张伟近期同芬兰总统尼尼斯托通电话。", DAY),
])
def test_events_a_word_that_only_bounds_the_day_dates_approximately(text, date):
    """上周, 刚刚, 最近, 近期 bound the day as 日前 does: the last day they allow, approximate, never the paper's exact day."""
    (event,) = _events(text, genre="text")
    assert (event.date, event.approx) == (date, True)


@pytest.mark.parametrize("text", [
    "近日公布的文件显示张伟2018年同芬兰总统尼尼斯托通电话。",
    "张伟最近在2019年的记者会上说，两国合作顺利。",
])
def test_events_a_time_written_after_a_vague_word_is_the_acts(text):
    """近日…2018年…: the vague word leads to the time the act is of, which names no day: undated."""
    assert [e.date for e in _events(text, genre="text")] in ([], [None])


@pytest.mark.parametrize("text, date", [
    ("2004年4月，丙市发生事故。卫生部同年7月1日召开新闻发布会。", dt.date(2004, 7, 1)),
    ("卫生部同年7月1日召开新闻发布会。", None),
])
def test_events_same_year_carries_the_year_written_before(text, date):
    """同年7月1日 takes the year last written before it, not the paper's; with none written the day is unknown."""
    assert [e.date for e in _events(text, genre="text")] == [date]


@pytest.mark.parametrize("text, date", [
    ("张伟在一月底同芬兰总统尼尼斯托通电话。", dt.date(2020, 1, 31)),
    ("张伟十二月中旬同芬兰总统尼尼斯托通电话。", dt.date(2019, 12, 15)),
])
def test_events_part_of_a_month_in_chinese_numerals(text, date):
    """一月底, 十二月中旬 (Hong Kong prose writes months in Chinese numerals): that part of the month, approximate."""
    (event,) = _events(text, genre="text")
    assert (event.date, event.approx) == (date, True)


@pytest.mark.parametrize("text, date", [
    ("中国援助芬兰医疗队周三发表声明。", None),
    ("中国援助芬兰医疗队今天抵达赫尔辛基。", DAY),
])
def test_events_team_named_by_whom_it_helps_is_undated(text, date):
    """A支援B医疗队 as a name, with no verb sending or moving the team in its clause, dates no sending."""
    assert [(e.cls, e.date) for e in _events(text, genre="text")] == [("ExpertTeam", date)]


def _paragraph_events(text: str):
    """The events of an article of one paragraph on DAY (Saturday 2 May)."""
    document = Document("t.txt", text, text, tuple(range(len(text))), DocMeta(date=DAY, genre="text"))
    blocks = (Block("paragraph", 0, len(text), date=DAY),)
    analysis = Analysis(document=document, blocks=blocks, mentions=_mentions(text))
    return extract_events(analysis, load_catalogue()).events


@pytest.mark.parametrize("text, date", [
    ("周四，张伟同芬兰总统尼尼斯托通电话。尼尼斯托随后在赫尔辛基举行记者会。", dt.date(2020, 4, 30)),
    ("张伟昨日抵达赫尔辛基。李明则在记者会上说，两国合作顺利。", dt.date(2020, 5, 1)),
    ("张伟4月28日抵达赫尔辛基，并同尼尼斯托通电话。李明在记者会上说，两国合作顺利。", dt.date(2020, 4, 28)),
    ("张伟周四同尼尼斯托通电话。李明其后在记者会上说，两国合作顺利。", dt.date(2020, 4, 30)),  # later, not counted
    ("张伟周一抵达芬兰。抵达后3天，李明举行记者会。", DAY),
    ("芬兰宣布周三凌晨起封关。李明在记者会上说，两国合作顺利。", DAY),             # a period opens, not an act
    ("张伟定于下周一访问芬兰。李明在记者会上说，两国合作顺利。", DAY),             # a day to come
    ("芬兰总统今日表示欢迎。张伟周四抵达赫尔辛基，李明在记者会上说，两国合作顺利。", dt.date(2020, 4, 30)),
    ("记者4月21日向卫生署查询，未获回覆。直到4月28日，李明在记者会上被问及此事。", dt.date(2020, 4, 28)),
])
def test_events_a_paragraph_goes_on_telling_the_day_it_reached(text, date):
    """A later sentence or clause of an article's paragraph that writes no day is told of the last day the paragraph
    wrote, an earlier clause of its own sentence included (周四抵达…，李明在记者会上说; 直到4月28日，…)."""
    assert [e.date for e in _paragraph_events(text) if e.cls == "PressConference"] == [date]


def test_events_a_paragraphs_day_is_not_a_chronicle_items():
    """A chronicle's item (a bullet) keeps its heading's day for a sentence that writes none."""
    text = "周四，张伟同芬兰总统尼尼斯托通电话。尼尼斯托随后在赫尔辛基举行记者会。"
    assert [e.date for e in _events(text, genre="text") if e.cls == "PressConference"] == [DAY]


def test_events_an_act_told_in_speech_takes_no_paragraph_day():
    """李明表示，…通电话 after a dated sentence: the call is only told in his words, undated."""
    text = "周四，张伟同尼尼斯托通电话。李明表示，张伟同索尔贝格通电话。"
    assert [(e.participants, e.date) for e in _paragraph_events(text)] == [
        (("person/张伟", "person/尼尼斯托"), dt.date(2020, 4, 30)), (("person/张伟", "person/索尔贝格"), None)]


def _article_events(paragraphs: list[str], genre: str = "text"):
    """The events of a document on DAY whose blocks are ``paragraphs`` (an article's; a chronicle's bullets
    for genre chronicle), one a line: (class, parties, date)."""
    text = "\n".join(paragraphs)
    blocks, start = [], 0
    for paragraph in paragraphs:
        blocks.append(Block("paragraph" if genre == "text" else "bullet", start, start + len(paragraph), date=DAY))
        start += len(paragraph) + 1
    document = Document("t.txt", text, text, tuple(range(len(text))), DocMeta(date=DAY, genre=genre))
    analysis = Analysis(document, blocks=tuple(blocks), mentions=_mentions(text))
    return [(e.cls, set(e.participants), e.date) for e in extract_events(analysis, load_catalogue()).events]


def test_events_an_articles_paragraphs_tell_one_briefing_on_one_day():
    """An article's later paragraph telling a briefing of the same day with a party in common goes on telling
    that briefing, and adds its parties; a chronicle's two items on one day stay two gatherings."""
    paragraphs = ["张伟在记者会上说，两国合作顺利。", "李明和张伟在记者会上回答提问。"]
    assert _article_events(paragraphs) == [("PressConference", {"person/张伟", "person/李明"}, DAY)]
    assert len(_article_events(paragraphs, genre="chronicle")) == 2


@pytest.mark.parametrize("paragraphs", [
    ["尼尼斯托周四抵达北京。李明在记者会上说，两国合作顺利。", "李明在记者会上又表示，疫情可控。"],
    ["李明在记者会上表示，疫情可控。", "尼尼斯托周四抵达北京。李明在记者会上说，两国合作顺利。"],
])
def test_events_a_briefing_on_the_papers_day_only_is_the_one_of_the_day_a_paragraph_wrote(paragraphs):
    """Neither telling writes a day: one has only the paper's day, the other the Thursday its paragraph wrote
    before it. They are one briefing, on that Thursday, whichever is told first."""
    assert _article_events(paragraphs) == [("PressConference", {"person/李明"}, dt.date(2020, 4, 30))]


def test_events_two_briefings_each_on_a_day_written_stay_two():
    """A briefing on a day its sentence writes is no paper's-day retelling of another day's."""
    paragraphs = ["李明周四在记者会上说，两国合作顺利。", "李明今日在记者会上表示，疫情可控。"]
    assert [date for _, _, date in _article_events(paragraphs)] == [dt.date(2020, 4, 30), DAY]


def test_events_one_said_absent_is_no_party_of_the_briefing_told_again():
    """惟未见李明: the briefing told again, where 李明 is only in 张伟's words, does not bring him back."""
    said = "张伟召开记者会时指，李明已向芬兰提出请求。"
    assert _article_events([said, "张伟联同王五召开记者会，惟未见李明。"]) == [
        ("PressConference", {"person/张伟", "person/王五"}, DAY)]
    assert _article_events([said, "张伟联同王五召开记者会。"]) == [
        ("PressConference", {"person/张伟", "person/李明", "person/王五"}, DAY)]


def _one_turn_events(turn: str):
    """The events of a transcript whose preamble tells its own briefing and whose one turn (王五's) is ``turn``."""
    preamble = "5月2日，国务院新闻办公室举行新闻发布会\n王五："
    text = preamble + turn
    document = Document("t.txt", text, text, tuple(range(len(text))), DocMeta(date=DAY, genre="transcript"))
    start = len(preamble)
    blocks = (Block("paragraph", 0, start - 4, DAY), Block("turn", start, len(text), DAY, speaker="王五"))
    return extract_events(Analysis(document, blocks=blocks, mentions=_mentions(text)), load_catalogue()).events


def test_events_transcript_briefing_retold_in_a_turn_is_the_same_one():
    assert [e.cls for e in _one_turn_events("今天，中方举行新闻发布会介绍情况。")] == ["PressConference"]


def test_events_transcript_briefing_told_near_the_day_is_another_one():
    """最近…举行的一次发布会 in a turn: a briefing near the day (approximately dated), not the transcript's own."""
    events = _one_turn_events("最近湖北省举行的一次新闻发布会介绍了情况。")
    assert [(e.participants, e.date, e.approx) for e in events] == [
        (("gov/scio",), DAY, False), (("gov/hubei",), DAY, True)]


def test_events_transcript_passing_mention_has_no_date():
    (event,) = _events("张伟同芬兰总统尼尼斯托通电话。", genre="transcript", date=DAY)
    assert event.date is None


def test_events_same_event_told_twice_in_a_document_is_one():
    text = "张伟同芬兰总统尼尼斯托通电话。张伟同尼尼斯托通电话时指出，双方要加强合作。"
    assert len(_events(text)) == 1


@pytest.mark.parametrize("text", [
    "截至当日，中方向芬兰通报疫情信息20次。",
    "张伟表示，中方向挪威提供了一批医疗物资。",
])
def test_events_counts_and_recalled_actions_have_no_date(text):
    (event,) = _events(text)
    assert event.date is None


def test_events_country_of_a_named_person_is_not_a_participant():
    text = "张伟出席芬兰主办的北欧领导人特别峰会。"
    analysis = _analysis(text)
    mentions = tuple(replace(m, affiliation="country/FI") if m.surface == "张伟" else m
                     for m in analysis.mentions)
    events = extract_events(replace(analysis, mentions=mentions), load_catalogue()).events
    assert [e.participants for e in events] == [("person/张伟",)]


def test_events_briefing_retold_in_one_item_gathers_its_speakers():
    text = "卫生部举行疫情防控通报会。王五在通报会上表示，疫情总体平稳。"
    events = _events(text)
    assert [(e.cls, e.participants) for e in events] == [("PressConference", ("gov/卫生部", "person/王五"))]


def test_events_body_a_participant_belongs_to_is_not_another_participant():
    events = _events("国家卫生健康委代表中国同芬兰、挪威举行视频会议。")
    assert [e.participants for e in events] == [("gov/nhc", "country/FI", "country/NO")]


def test_events_office_before_a_name_is_not_a_counterpart():
    events = _events("张伟同芬兰社会党主席、总理马林通电话。")
    assert [e.participants for e in events] == [("person/张伟", "person/马林")]


@pytest.mark.parametrize("text, counterparts", [
    ("张伟分别同北欧理事会轮值主席国芬兰总统尼尼斯托、挪威首相索尔贝格通电话。", ["person/尼尼斯托", "person/索尔贝格"]),
    ("张伟同北欧理事会主席国挪威首相索尔贝格通电话。", ["person/索尔贝格"]),
])
def test_events_body_and_country_before_the_office_holder_are_his_offices(text, counterparts):
    """轮值主席国 stands between a body and the country's office-holder as a title does: one counterpart."""
    assert [e.participants[1:] for e in _events(text)] == [(k,) for k in counterparts]


def test_events_message_to_several_countries_leaders_is_one_each():
    events = _events("张伟向芬兰、挪威等国领导人致电慰问。")
    assert [(e.provider, e.recipient) for e in events] == [
        ("person/张伟", "country/FI"), ("person/张伟", "country/NO")]


def test_events_thanks_names_giver_and_receiver():
    events = _events("挪方感谢中方提供急需医疗物资。")
    assert [(e.cls, e.provider, e.recipient) for e in events] == [("Aid", "country/CN", "country/NO")]


def test_events_date_of_an_earlier_clause_only_when_it_stands_alone():
    text = "从4月28日向芬兰派出首支医疗专家组以来，中国已向挪威派出医疗专家组。"
    events = _events(text, genre="transcript")
    assert [(e.recipient, e.date) for e in events] == [
        ("country/FI", dt.date(2020, 4, 28)), ("country/NO", None)]


@pytest.mark.parametrize("text", [
    "美东时间4月28日，张伟同芬兰总统尼尼斯托会晤。",
    "莫斯科时间4月28日晚，张伟同芬兰总统尼尼斯托会晤。",
    "4月28日（美国当地时间），张伟同芬兰总统尼尼斯托会晤。",
])
def test_events_a_time_zone_beside_a_date_leaves_it_a_clause_of_its_own(text):
    assert [e.date for e in _events(text, genre="transcript")] == [dt.date(2020, 4, 28)]


def test_events_outlet_of_a_report_is_not_a_party():
    events = _events("新华社报道，中国同芬兰、挪威举行视频会议。")
    assert [e.participants for e in events] == [("country/CN", "country/FI", "country/NO")]


def test_events_summit_named_only_by_a_person_is_a_passing_mention():
    assert _events("张伟在这次峰会上指出，各方要加强合作。") == ()


def test_events_summit_addressed_by_a_person_is_an_event():
    events = _events("张伟在北欧团结抗疫特别峰会上发表讲话。")
    assert [(e.cls, e.participants) for e in events] == [("Summit", ("person/张伟",))]


def test_events_summit_told_twice_in_one_item_is_one():
    text = "张伟在北京主持北欧团结特别峰会并发表讲话。峰会以视频方式举行，由芬兰、挪威共同倡议，芬兰总统尼尼斯托出席。"
    events = _events(text)
    assert [e.cls for e in events] == ["Summit"]
    assert {"person/张伟", "person/尼尼斯托"} <= set(events[0].participants)


def test_events_summit_parties_listed_after_the_item_sentence():
    events = _events("中国—北欧国家外长级特别会议以视频方式举行。芬兰、挪威等国派代表参加。")
    assert [(e.cls, e.participants) for e in events] == [("Summit", ("country/CN", "country/FI", "country/NO"))]


def test_events_press_conference_speaker_in_next_sentence():
    text = "国务院新闻办公室举行新闻发布会。卫生部副部长王五介绍疫情形势。"
    events = _events(text)
    assert [e.participants for e in events] == [("gov/scio", "person/王五")]


def test_events_press_conference_organiser_is_the_sentence_subject():
    events = _events("国务院新闻办公室发布年度报告，并举行新闻发布会。")
    assert [(e.cls, e.participants) for e in events] == [("PressConference", ("gov/scio",))]


def test_events_press_conference_co_organisers_before_the_place():
    events = _events("国家卫生健康委与世界卫生组织在北京就疫情防控举行通报会。")
    assert [e.participants for e in events] == [("gov/nhc", "org/who")]


@pytest.mark.parametrize("text", [
    "张伟同芬兰总统尼尼斯托多次通电话。",
    "挪方请求中方提供医疗物资援助。",
    "芬兰宣布暂停向世界卫生组织提供资金。",
])
def test_events_counted_calls_and_requests_are_not_events(text):
    assert _events(text) == ()


def test_events_article_day_after_a_name():
    (event,) = _events("国家主席张伟16日应约同芬兰总统尼尼斯托通电话。", genre="article", date=dt.date(2020, 5, 17))
    assert event.date == dt.date(2020, 5, 16)


def test_events_dateline_outlet_is_no_party_and_local_day_dates_the_arrival():
    text = "新华社奥斯陆5月3日电（记者 王五）当地时间3日，中国医疗专家组抵达挪威，同机运抵的还有中方捐赠的物资。"
    events = _events(text, genre="article", date=dt.date(2020, 5, 3))
    assert [(e.cls, e.provider, e.recipient, e.date) for e in events] == [
        ("ExpertTeam", "country/CN", "country/NO", dt.date(2020, 5, 3)),
        ("Aid", "country/CN", "country/NO", dt.date(2020, 5, 3)),
    ]


@pytest.mark.parametrize("text, provider, recipient", [
    ("支援武汉的广东省医疗队在当地开展救治。", "gov/guangdong", "gov/wuhan"),
    ("驰援湖北省的广东省两支医疗队已进驻定点医院。", "gov/guangdong", "gov/hubei"),
    ("广东省已派出300多名医护人员援助湖北省。", "gov/guangdong", "gov/hubei"),
    ("广东省援助湖北省医疗队已经工作了一个月。", "gov/guangdong", "gov/hubei"),
])
def test_events_team_named_by_whom_it_helps(text, provider, recipient):
    """支援B的A医疗队 / A援助B医疗队 / A派出…医护人员援助B: A sends a team to B, and the help word is
    the team's purpose, not a separate delivery of aid."""
    assert [(e.cls, e.provider, e.recipient) for e in _events(text)] == [("ExpertTeam", provider, recipient)]


@pytest.mark.parametrize("text, day", [
    ("驰援湖北省的广东省两支医疗队，从4月26日开始已进驻定点医院。", dt.date(2020, 4, 26)),
    ("支援武汉的广东省医疗队，28日起接管重症病区。", dt.date(2020, 4, 28)),
])
def test_events_team_named_by_whom_it_helps_is_dated_by_its_predicate(text, day):
    """The team's name is the subject; the date opening the next clause says when it acted."""
    assert [e.date for e in _events(text)] == [day]


@pytest.mark.parametrize("text, day", [
    ("中国首批医疗专家组今天从北京启程，赴芬兰协助开展疫情防控工作。", DAY),
    ("中国医疗组5月1日从北京出发，赴芬兰开展工作。", dt.date(2020, 5, 1)),
])
def test_events_team_going_on_in_a_clause_with_no_subject(text, day):
    """专家组今天从A启程，赴B…: the team of the clause before goes on to B, on that clause's day."""
    events = [e for e in _events(text, genre="article") if e.cls == "ExpertTeam"]
    assert [(e.provider, e.recipient, e.date) for e in events][-1:] == [("country/CN", "country/FI", day)]


def test_events_team_visiting_places_in_its_own_country_is_no_event():
    """专家组访问了A，赴B调研: a team touring its own country (B inside China, nobody sending it)."""
    assert _events("专家组访问了北极星基金会，赴湖北省调研。", genre="article") == ()


@pytest.mark.parametrize("text", [
    "广东省5台救护车调出2台支援湖北省。",
    "广东省已经为湖北省支援各种生活物资1600多吨。",
    "广东省向湖北省定点医院捐建100张病床。",
])
def test_events_goods_sent_to_help_a_place(text):
    """支援 with goods in its clause (not a team: 支援B的医疗队), and 捐建, are Aid."""
    assert [(e.cls, e.provider, e.recipient) for e in _events(text)] == [("Aid", "gov/guangdong", "gov/hubei")]


@pytest.mark.parametrize("text, told", [
    ("正如芬兰总统所说，“用全国物资支援挪威，这是朋友间应该做的。”", []),
    ("挪威外长表示：“我们会把物资捐赠给芬兰。”", []),
    ("芬兰实施“北极星援助项目”，向挪威捐赠了一批口罩。", ["Aid"]),
])
def test_events_transfer_inside_quoted_words_is_a_saying(text, told):
    """Aid told inside a quotation opened after a comma or colon is the speaker's saying; a quoted
    name (“某某援助项目”) is no quotation."""
    assert [e.cls for e in _events(text, genre="article")] == told


@pytest.mark.parametrize("text", [
    "自4月29日抵达芬兰以来，中国专家团已经在当地开展工作多日。",
    "在4月29日抵达芬兰后，中国医疗专家组走访了当地医院。",
])
def test_events_team_named_after_a_clause_that_frames_the_time(text):
    """自…抵达B以来，A专家团…: the clause only says when; the team is named in the clause after it."""
    events = _events(text, genre="article", date=DAY)
    assert [(e.cls, e.provider, e.recipient, e.date) for e in events] == [
        ("ExpertTeam", "country/CN", "country/FI", dt.date(2020, 4, 29))]


def test_events_team_helping_with_no_sender_is_a_passing_mention():
    assert _events("国内支援湖北省的医疗队正在有序撤出。") == ()


@pytest.mark.parametrize("text", [
    "新华社消息（晚间新闻）：近日，一些政党领导人致电挪威首相索尔贝格。",
    "新华社消息：日前，一些企业向湖北省捐赠了物资。",
])
def test_events_source_line_outlet_is_no_party(text):
    """An outlet's source line (某某社消息（栏目）：) opens the report; the outlet takes no part in it."""
    assert all("org/xinhua" not in e.participants for e in _events(text, genre="article"))


def test_events_same_day_word_counts_from_the_day_just_told():
    text = "4月28日，张伟会见芬兰总统尼尼斯托。同日，李明同挪威首相索尔贝格通电话。次日，李明致电马林。"
    events = _events(text, genre="text", date=dt.date(2020, 5, 2))
    assert [(e.cls, e.date) for e in events] == [
        ("Meeting", dt.date(2020, 4, 28)), ("PhoneCall", dt.date(2020, 4, 28)), ("Message", dt.date(2020, 4, 29))]


def test_events_clause_going_on_after_a_conjunction_takes_the_day_of_the_clause_before():
    """并与B会晤 goes on with the subject and the day of 芬兰总统周四访问挪威 (2020-05-02 is a Saturday)."""
    events = _events("芬兰总统尼尼斯托周四访问挪威，并与挪威首相索尔贝格会晤。", genre="article")
    assert [(e.cls, e.date) for e in events if e.cls == "Meeting"] == [("Meeting", dt.date(2020, 4, 30))]


@pytest.mark.parametrize("text", [
    "访问期间，张伟将同芬兰总统尼尼斯托举行会谈，并同挪威首相索尔贝格举行会见。",
    "中方表示将继续支持挪方抗击疫情，并向挪方提供医疗物资援助。",
])
def test_events_plan_carries_over_a_clause_opening_with_a_conjunction(text):
    assert _events(text, genre="article") == ()


def test_events_undated_retelling_takes_the_date_of_the_dated_one():
    text = "张伟同尼尼斯托通电话\n5月1日，张伟同芬兰总统尼尼斯托通电话。"
    events = _events(text, genre="article")
    assert [(e.cls, e.date) for e in events] == [("PhoneCall", dt.date(2020, 5, 1))]


@pytest.mark.parametrize("text", [
    "挪威是否会向芬兰提供更多医疗物资？",
    "你能否介绍中方向挪威捐赠口罩的情况",
    "挪方对中国的无私援助深表感谢。",
    "张伟表示，中方愿同芬兰加强合作，将举办更多专家视频交流。",
    "中方已向芬兰、挪威派遣或准备派遣医疗专家组。",
])
def test_events_questions_thanks_and_planned_alternatives_are_not_events(text):
    assert _events(text) == ()


def test_events_thanks_for_a_donation_named_with_its_giver_is_an_event():
    events = _events("挪方感谢中方向挪威捐赠的检测试剂。")
    assert [(e.cls, e.provider, e.recipient) for e in events] == [("Aid", "country/CN", "country/NO")]


def test_events_summary_of_deliveries_is_not_merged_into_one_dated_delivery():
    text = "5月1日，中国援助挪威的物资运抵奥斯陆。\n此前，中方已向挪威提供了多批物资援助。"
    document = Document("t.txt", text, text, tuple(range(len(text))), DocMeta(date=DAY, genre="article"))
    blocks = (Block("paragraph", 0, 20), Block("paragraph", 21, len(text)))
    events = extract_events(Analysis(document, blocks=blocks, mentions=_mentions(text)), load_catalogue()).events
    assert [(e.cls, e.recipient, e.date) for e in events] == [
        ("Aid", "country/NO", dt.date(2020, 5, 1)), ("Aid", "country/NO", None)]


def test_events_carried_supplies_are_given_by_the_team_sender_and_told_once():
    text = "中国医疗专家组抵达芬兰。专家组由福建省卫生健康委员会选派的专家组成，随机携带了中方捐赠的医疗物资。"
    events = _events(text, genre="article")
    assert [(e.cls, e.provider, e.recipient) for e in events] == [
        ("ExpertTeam", "country/CN", "country/FI"), ("Aid", "country/CN", "country/FI")]


def test_events_transcript_speaker_is_not_the_giver():
    text = "张伟：3月7日，中国红十字会派出的专家团队抵达挪威，随团携带了检测设备。"
    events = _events(text, genre="transcript")
    assert [(e.cls, e.provider, e.recipient) for e in events] == [
        ("ExpertTeam", "org/china-red-cross", "country/NO"), ("Aid", "org/china-red-cross", "country/NO")]


def test_events_city_reached_by_a_foreign_giver_stands_for_its_country():
    events = _events("挪威政府捐赠的一批口罩运抵武汉。")
    assert [(e.cls, e.provider, e.recipient) for e in events] == [("Aid", "country/NO", "country/CN")]


def test_events_city_of_the_city_list_stands_for_its_country():
    events = _events("第二批中国医疗专家组已于5月1日抵达米兰。", genre="transcript")
    assert [(e.cls, e.provider, e.recipient, e.date) for e in events] == [
        ("ExpertTeam", "country/CN", "country/IT", dt.date(2020, 5, 1))]


def test_events_same_day_word_counts_from_the_date_of_its_own_sentence():
    text = "4月28日，中国红十字会向挪威红十字会捐赠了一批口罩，物资已于当日运抵奥斯陆。"
    events = _events(text, genre="text")
    assert [(e.cls, e.recipient, e.date) for e in events] == [("Aid", "org/挪威红十字会", dt.date(2020, 4, 28))]


@pytest.mark.parametrize("text, parties", [
    ("国务院副总理张伟通过视频连线，听取芬兰卫生部负责同志汇报，详细了解丹麦、挪威等地患者救治情况。",
     {"person/张伟", "gov/卫生部"}),
    ("芬兰外长同挪威外长举行视频会议，深入了解丹麦疫情防控情况。", {"country/FI", "country/NO"}),
])
def test_events_places_a_gathering_learns_about_are_topics(text, parties):
    events = _events(text)
    assert [(e.cls, set(e.participants)) for e in events] == [("VideoConference", parties)]


@pytest.mark.parametrize("text, parties", [
    ("中国—挪威特别外长会议在芬兰赫尔辛基举行。", {"country/CN", "country/NO"}),
    # the place where a party attends (在X出席/参加…会议) is the venue too
    ("张伟在芬兰赫尔辛基出席中国—挪威特别外长会议。", {"person/张伟", "country/CN", "country/NO"}),
    ("挪威外长当天在芬兰首都赫尔辛基参加北欧国家领导人特别会议。", {"country/NO"}),
])
def test_events_venue_of_a_gathering_is_not_a_party(text, parties):
    events = _events(text)
    assert [(e.cls, set(e.participants)) for e in events] == [("Summit", parties)]


def test_events_host_naming_the_transcript_briefing_is_the_same_briefing():
    text = "5月2日，国务院新闻办公室举行新闻发布会。\n李明：欢迎参加国务院新闻办公室新闻发布会。"
    events = _events(text, genre="transcript")
    assert [(e.cls, e.date) for e in events] == [("PressConference", DAY)]


def test_events_summit_held_by_video_is_one_summit():
    events = _events("张伟以视频方式会见芬兰总统尼尼斯托，共同主持中芬领导人会晤。")
    assert [e.cls for e in events] == ["Summit"]


@pytest.mark.parametrize("text, receivers", [
    ("中方及时向世界卫生组织以及挪威通报疫情信息。", [("org/who",), ("country/NO",)]),
    ("中方向芬兰、挪威分享防控方案。", [("country/FI", "country/NO")]),
])
def test_events_info_receivers_joined_by_yiji_are_told_separately(text, receivers):
    events = _events(text)
    assert [tuple(k for k in e.participants if k != "country/CN") for e in events] == receivers


def test_events_several_senders_each_send_one_message():
    events = _events("芬兰总统尼尼斯托、挪威首相索尔贝格分别致电国家主席张伟。")
    assert [(e.provider, e.recipient) for e in events] == [
        ("person/尼尼斯托", "person/张伟"), ("person/索尔贝格", "person/张伟")]


def test_events_meeting_with_a_visitor_who_came_specially():
    events = _events("张伟在北京会见专程来华的芬兰总统尼尼斯托。")
    assert [(e.cls, e.participants) for e in events] == [("Meeting", ("person/张伟", "person/尼尼斯托"))]


def test_events_gift_is_aid():
    events = _events("挪威人民向中国人民赠送一批口罩。")
    assert [(e.cls, e.provider, e.recipient) for e in events] == [("Aid", "country/NO", "country/CN")]


def test_events_carried_supplies_take_the_team_date_and_a_list_of_teams_is_a_summary():
    text = "中方已向芬兰、挪威、丹麦派出医疗专家组。\n中国医疗专家组5月1日抵达芬兰，随机携带了一批口罩。\n此前，中方已向芬兰援助了两批物资。"
    document = Document("t.txt", text, text, tuple(range(len(text))), DocMeta(date=DAY, genre="article"))
    blocks = (Block("paragraph", 0, 21), Block("paragraph", 22, 47), Block("paragraph", 48, len(text)))
    events = extract_events(Analysis(document, blocks=blocks, mentions=_mentions(text)), load_catalogue()).events
    assert [(e.cls, e.recipient, e.date) for e in events] == [
        ("ExpertTeam", "country/FI", None), ("ExpertTeam", "country/NO", None), ("ExpertTeam", "country/DK", None),
        ("ExpertTeam", "country/FI", dt.date(2020, 5, 1)), ("Aid", "country/FI", dt.date(2020, 5, 1)),
        ("Aid", "country/FI", None)]


def test_events_two_gatherings_of_one_sentence_keep_their_own_parties():
    text = "中国－芬兰特别外长会议在北京举行，挪威、丹麦、新西兰举行了特别外长视频会议。"
    events = _events(text, genre="article", date=None)
    assert [(e.cls, set(e.participants)) for e in events] == [
        ("Summit", {"country/CN", "country/FI"}), ("Summit", {"country/NO", "country/DK", "country/NZ"})]


def test_events_what_is_shared_is_not_the_receiver():
    assert _events("新华社开设专栏，和各方分享中国的防控经验和信息。", genre="article", date=None) == ()
    (event,) = _events("国家卫生健康委将最新诊疗方案信息通报世界卫生组织。")
    assert (event.cls, event.participants) == ("InfoSharing", ("gov/nhc", "org/who"))


def test_events_transcript_briefing_is_the_host_and_the_guests():
    opening = "国务院新闻办公室于2020年5月2日举行新闻发布会，请卫生部部长王五介绍情况。\n"
    turn = "李明:\n欢迎参加国务院新闻办公室新闻发布会。\n"
    text = opening + turn
    host = text.index("李明")
    document = Document("t.txt", text, text, tuple(range(len(text))), DocMeta(date=DAY, genre="transcript"))
    blocks = (Block("paragraph", 0, len(opening), date=DAY),
              Block("turn", host + 4, len(text), date=DAY, speaker="李明"))
    analysis = extract_events(Analysis(document=document, blocks=blocks, mentions=_mentions(text)),
                              load_catalogue())
    assert [(e.cls, e.participants, e.date) for e in analysis.events] == [
        ("PressConference", ("person/李明", "person/王五"), DAY)]


def test_events_gathering_does_not_take_parties_of_another_event_clause():
    events = _events("中国与多国举行卫生专家视频会议，向芬兰、挪威派遣医疗专家组。", genre="article", date=None)
    assert "VideoConference" not in [e.cls for e in events]


def test_events_counted_gatherings_are_one_per_counterpart():
    events = _events("中国已经同世界卫生组织、芬兰、挪威举行了近20场专家视频会议。", genre="article", date=None)
    assert [(e.cls, e.participants) for e in events] == [
        ("VideoConference", ("country/CN", "org/who")), ("VideoConference", ("country/CN", "country/FI")),
        ("VideoConference", ("country/CN", "country/NO"))]


@pytest.mark.parametrize("text, classes", [
    ("挪威派出医疗专家团队前往芬兰援助。", ["ExpertTeam"]),
    ("挪威派遣的医疗专家组和挪方援助的物资运抵芬兰。", ["ExpertTeam", "Aid"]),
])
def test_events_aid_closing_a_team_clause_is_its_purpose(text, classes):
    assert sorted(e.cls for e in _events(text)) == sorted(classes)


@pytest.mark.parametrize("text, expected", [
    ("中方愿在做好自身防控的同时，同芬兰和挪威分享疫情信息。", []),
    ("挪威红十字会派出的志愿专家团队抵达芬兰，随团携带了检测设备和医疗物资。", ["ExpertTeam", "Aid"]),
])
def test_events_wish_of_an_earlier_clause_carries_over(text, expected):
    assert sorted(e.cls for e in _events(text)) == sorted(expected)


def test_events_later_clause_subject_gives_after_thanks():
    events = _events("芬兰感谢李明关心芬兰疫情，中方及时分享经验，迅速向芬兰派出医疗专家组。", genre="article", date=None)
    assert [(e.provider, e.recipient) for e in events if e.cls == "ExpertTeam"] == [("country/CN", "country/FI")]


def test_events_body_briefing_in_next_sentence_takes_part():
    events = _events("国务院新闻办公室举行新闻发布会。谈到疫苗研发，国家卫生健康委及卫生部相关负责人说，进展顺利。")
    assert [(e.cls, e.participants) for e in events] == [
        ("PressConference", ("gov/scio", "gov/nhc", "gov/卫生部"))]


def test_events_body_speaking_at_a_briefing_takes_part():
    events = _events("在国务院新闻办公室新闻发布会上，卫生部相关负责人说，床位充足。")
    assert [(e.cls, e.participants) for e in events] == [("PressConference", ("gov/scio", "gov/卫生部"))]


def test_events_gathering_party_is_the_person_not_his_offices_nor_the_venue():
    events = _events("卫生部副部长、中国红十字会会长王五在北极星基金会应急指挥中心召开中国-芬兰视频研讨会。")
    assert [(e.cls, set(e.participants)) for e in events] == [("VideoConference", {"person/王五", "country/CN", "country/FI"})]


def test_events_aid_naming_a_long_team_is_no_aid():
    events = _events("中国援助芬兰抗击疫情医疗专家组抵达芬兰。")
    assert [e.cls for e in events] == ["ExpertTeam"]


def test_events_person_only_titled_in_the_document_stands_as_his_country():
    text = "芬兰总统专门打电话给张伟，表示感谢。"
    mentions = (Mention(0, 4, "芬兰总统", "person/尼尼斯托", "Person", affiliation="country/FI"),
                Mention(text.index("张伟"), text.index("张伟") + 2, "张伟", "person/张伟", "Person"))
    document = Document("t.txt", text, text, tuple(range(len(text))), DocMeta(date=DAY, genre="article"))
    analysis = Analysis(document=document, blocks=(Block("paragraph", 0, len(text), date=DAY),), mentions=mentions)
    events = extract_events(analysis, load_catalogue()).events
    assert [(e.cls, set(e.participants)) for e in events] == [("PhoneCall", {"country/FI", "person/张伟"})]


def test_events_those_who_welcome_aid_receive_it():
    text = "芬兰总统尼尼斯托和挪威首相索尔贝格亲自到机场迎接中国医疗专家组以及援助物资。"
    mentions = tuple(replace(m, affiliation={"person/尼尼斯托": "country/FI", "person/索尔贝格": "country/NO"}.get(m.key))
                     for m in _mentions(text))
    document = Document("t.txt", text, text, tuple(range(len(text))), DocMeta(date=None, genre="article"))
    analysis = Analysis(document=document, blocks=(Block("paragraph", 0, len(text)),), mentions=mentions)
    aid = [(e.provider, e.recipient) for e in extract_events(analysis, load_catalogue()).events if e.cls == "Aid"]
    assert aid == [("country/CN", "country/FI"), ("country/CN", "country/NO")]


def test_events_foreign_team_to_a_province_goes_to_its_country():
    events = _events("挪威派出医疗专家团队前往湖北省。")
    assert [(e.cls, e.provider, e.recipient) for e in events] == [("ExpertTeam", "country/NO", "country/CN")]


@pytest.mark.parametrize("label, turn, participants", [
    ("王五：", "今天上午，张伟同芬兰总统尼尼斯托举行视频会晤。", ("person/张伟", "person/尼尼斯托")),
    ("新华社记者：", "昨天，张伟同挪威首相索尔贝格举行视频会晤。中方如何评价？", ("person/张伟", "person/索尔贝格")),
    ("王五：", "同芬兰总统尼尼斯托举行了会谈。", ()),
])
def test_events_speaker_of_a_turn_is_no_party_to_what_it_tells(label, turn, participants):
    text = label + turn + "\n"
    document = Document("t.txt", text, text, tuple(range(len(text))), DocMeta(date=DAY, genre="transcript"))
    blocks = (Block("speaker", 0, len(label) - 1, date=DAY, speaker=label[:-1]),
              Block("turn", len(label), len(text) - 1, date=DAY, speaker=label[:-1]))
    analysis = extract_events(Analysis(document=document, blocks=blocks, mentions=_mentions(text)),
                              load_catalogue())
    assert [e.participants for e in analysis.events] == ([participants] if participants else [])


def test_events_an_article_retelling_takes_the_day_its_first_telling_states():
    # An article of Wednesday 2020-05-06: the call was on Tuesday; the later mention states no day of its own,
    # so the article's date is only assumed for it and the two tellings are one call, on Tuesday.
    text = "周二，张伟与尼尼斯托通电话。在张伟与尼尼斯托通电话前，李明已抵达芬兰。"
    wednesday = dt.date(2020, 5, 6)
    document = Document("t.txt", text, text, tuple(range(len(text))), DocMeta(date=wednesday, genre="text"))
    blocks = (Block("paragraph", 0, len(text), date=wednesday),)
    analysis = extract_events(Analysis(document=document, blocks=blocks, mentions=_mentions(text)), load_catalogue())
    calls = [(e.date, e.assumed_date) for e in analysis.events
             if e.cls == "PhoneCall" and set(e.participants) == {"person/张伟", "person/尼尼斯托"}]
    assert calls == [(dt.date(2020, 5, 5), False)]


@pytest.mark.parametrize("text, days", [
    ("张伟与李明昨日召开记者会。李明在记者会上表示，疫情可控。", [dt.date(2020, 5, 5)]),
    ("张伟周一召开记者会。芬兰疫情严峻。张伟与李明在记者会上表示，疫情可控。", [dt.date(2020, 5, 4)]),
    ("张伟昨日召开记者会。芬兰疫情严峻。李明在记者会上表示，疫情可控。",                  # no party shared: two,
     [dt.date(2020, 5, 5), dt.date(2020, 5, 5)]),                                          # on the paragraph's day
])
def test_events_a_gathering_retold_with_a_party_of_its_dated_telling_takes_its_day(text, days):
    """An article of Wednesday 2020-05-06: the briefing told again with only the article's day and a party of the
    telling that states its day is that briefing."""
    wednesday = dt.date(2020, 5, 6)
    document = Document("t.txt", text, text, tuple(range(len(text))), DocMeta(date=wednesday, genre="text"))
    blocks = (Block("paragraph", 0, len(text), date=wednesday),)
    analysis = extract_events(Analysis(document=document, blocks=blocks, mentions=_mentions(text)), load_catalogue())
    assert sorted(e.date for e in analysis.events if e.cls == "PressConference") == days


@pytest.mark.parametrize("headline, body, day", [
    ("# 张伟与尼尼斯托通电话\n", "周二，张伟与尼尼斯托通电话。", dt.date(2020, 5, 5)),
    ("# 张伟会见尼尼斯托\n", "张伟昨日在北京会见尼尼斯托。", dt.date(2020, 5, 5)),
])
def test_events_a_headline_takes_the_day_its_body_states(headline, body, day):
    """A headline states no day: the article's day is only assumed for its event, so the body's telling, which
    states one, is the same event on that day (an article of Wednesday 2020-05-06)."""
    text = headline + body
    wednesday = dt.date(2020, 5, 6)
    document = Document("t.txt", text, text, tuple(range(len(text))), DocMeta(date=wednesday, genre="text"))
    blocks = (Block("heading", 0, len(headline) - 1, date=wednesday),
              Block("paragraph", len(headline), len(text), date=wednesday))
    analysis = extract_events(Analysis(document=document, blocks=blocks, mentions=_mentions(text)), load_catalogue())
    assert [(e.date, e.assumed_date) for e in analysis.events] == [(day, False)]


def _headed_article_events(headline: str, paragraphs: list[str]):
    """The events of an article of Wednesday 2020-05-06: a headline and paragraphs, all on the paper's day."""
    lines = ["# " + headline] + paragraphs
    text = "\n".join(lines)
    wednesday = dt.date(2020, 5, 6)
    document = Document("t.txt", text, text, tuple(range(len(text))), DocMeta(date=wednesday, genre="text"))
    blocks, start = [], 0
    for i, line in enumerate(lines):
        blocks.append(Block("heading" if i == 0 else "paragraph", start, start + len(line), date=wednesday))
        start += len(line) + 1
    analysis = Analysis(document=document, blocks=tuple(blocks), mentions=_mentions(text))
    return extract_events(analysis, load_catalogue()).events


@pytest.mark.parametrize("headline, paragraphs, days", [
    ("张伟访问芬兰", ["张伟抵达赫尔辛基，周二与尼尼斯托会晤。", "李明其后在记者会上说，两国合作顺利。"],
     {"Visit": dt.date(2020, 5, 5), "Meeting": dt.date(2020, 5, 5), "PressConference": dt.date(2020, 5, 5)}),
    ("芬兰援助丹麦", ["芬兰昨日宣布向丹麦捐赠口罩。", "欧盟表示欢迎。", "李明在记者会上说，两国合作顺利。"],
     {"Aid": dt.date(2020, 5, 5), "PressConference": dt.date(2020, 5, 5)}),
    ("张伟访问芬兰", ["张伟今日抵达赫尔辛基。", "李明在记者会上说，两国合作顺利。"],                 # the paper's day
     {"Visit": dt.date(2020, 5, 6), "PressConference": dt.date(2020, 5, 6)}),
    ("张伟访问芬兰", ["张伟4月2日抵达赫尔辛基。", "李明在记者会上说，两国合作顺利。"],               # long before
     {"Visit": dt.date(2020, 5, 6), "PressConference": dt.date(2020, 5, 6)}),
    ("芬兰封关", ["芬兰周二凌晨起封关。", "李明在记者会上说，两国合作顺利。"],                       # a period opens
     {"PressConference": dt.date(2020, 5, 6)}),
    ("张伟访问芬兰", ["张伟周二抵达赫尔辛基。", "抵达后3天，李明举行记者会。"],                      # later, by 3 days
     {"Visit": dt.date(2020, 5, 5), "PressConference": dt.date(2020, 5, 6)}),
])
def test_events_an_article_tells_the_day_of_its_lead(headline, paragraphs, days):
    """A headline and a later paragraph that write no day tell the news of the day the lead's first sentence writes
    (周二, 昨日), not the paper's, when that day is a few days before the paper's; the day stays only assumed."""
    events = _headed_article_events(headline, paragraphs)
    assert {e.cls: e.date for e in events} == days
    assert all(e.assumed_date for e in events if e.cls == "PressConference")


def test_events_a_gathering_the_lead_dates_is_the_one_a_later_paragraph_retells():
    """张伟 holds a press conference on Tuesday (the lead) and a later paragraph tells it again without a day: it takes
    the lead's day only assumed, so the two tellings are one press conference, not two on one day."""
    events = _headed_article_events("张伟谈芬兰", ["张伟周二召开记者会，介绍芬兰之行。", "张伟在记者会上表示，两国合作顺利。"])
    assert [(e.cls, e.date, e.assumed_date) for e in events] == [("PressConference", dt.date(2020, 5, 5), False)]


@pytest.mark.parametrize("text", [
    "面对需求，芬兰调出两台救护车支援丹麦；挪威每隔两天安排一趟班机，为新西兰提供物资。",
    "面对需求，芬兰向丹麦捐赠了一批口罩；挪威每周开行一趟专列，为新西兰提供物资供应。",
])
def test_events_semicolon_closes_a_givers_part(text):
    aid = [(e.provider, e.recipient) for e in _events(text) if e.cls == "Aid"]
    assert ("country/NO", "country/NZ") in aid and ("country/FI", "country/NZ") not in aid


@pytest.mark.parametrize("text", [
    "张伟将访问芬兰并同芬兰总统尼尼斯托举行会晤。",
    "李明下月将出访挪威，同挪威首相索尔贝格会谈。",
    "张伟两次应约与芬兰总统尼尼斯托通电话。",
    "李明屡次同挪威首相索尔贝格通电话。",
])
def test_events_visits_planned_and_calls_counted_are_not_events(text):
    assert _events(text, genre="article") == ()


def test_events_video_medium_of_an_attended_summit_is_no_video_conference():
    events = _events("张伟以视频方式出席了二十国集团领导人特别峰会并发表讲话。", genre="article")
    assert "VideoConference" not in [e.cls for e in events]


def test_events_briefing_by_telephone_is_a_press_conference():
    events = _events("挪威卫生部举行电话吹风会，介绍疫情防控情况。", genre="article")
    assert [e.cls for e in events] == ["PressConference"]
def test_events_numbered_chronology_items_date_their_events():
    # No metadata date: the heading states the year; 同日 counts from its item, 1月 rolls over to the next year.
    from graph.structure import split_structure

    text = ("一、开局（2019年12月至2020年1月）\n（1）12月30日，张伟同芬兰总统尼尼斯托通电话。同日，张伟会见李明。\n"
            "（2）1月2日，张伟同挪威首相索尔贝格通电话。\n（3）1月5日，中方向挪方提供援助物资。\n")
    document = Document("t.txt", text, text, tuple(range(len(text))), DocMeta(genre="chronology"))
    analysis = split_structure(Analysis(document=document, mentions=_mentions(text)))
    events = extract_events(analysis, load_catalogue()).events
    assert [(e.cls, e.date) for e in events] == [
        ("PhoneCall", dt.date(2019, 12, 30)), ("Meeting", dt.date(2019, 12, 30)),
        ("PhoneCall", dt.date(2020, 1, 2)), ("Aid", dt.date(2020, 1, 5))]

@pytest.mark.parametrize("genre, told", [("chronology", [("Meeting", dt.date(2021, 1, 5))]), ("broadcast", [])])
def test_events_next_day_in_a_chronology_item_is_told_after_it(genre, told):
    """A chronology item is dated by its first event and written later: its 次日 took place. A broadcast
    block's date is the day it is told, so an event dated after it is still a plan."""
    from graph.structure import split_structure

    text = "中芬往来纪事\n\n1月4日，张伟抵达芬兰，开始访问。次日，张伟在赫尔辛基同芬兰总统尼尼斯托举行会谈。\n"
    document = Document("t.txt", text, text, tuple(range(len(text))), DocMeta(genre=genre, year=2021))
    analysis = split_structure(Analysis(document=document, mentions=_mentions(text)))
    if genre == "broadcast":
        analysis = replace(analysis, blocks=(Block("paragraph", 0, len(text), date=dt.date(2021, 1, 4)),))
    events = extract_events(analysis, load_catalogue()).events
    assert [(e.cls, e.date) for e in events] == told



def _transcript_events(title: str, question: str, rest: str):
    """The events of a transcript: a title line, a reporter's question turn, then ``rest``."""
    label = "新华社记者："
    text = title + label + question + rest
    document = Document("t.txt", text, text, tuple(range(len(text))), DocMeta(date=DAY, genre="transcript"))
    turn = len(title) + len(label)
    blocks = (Block("paragraph", 0, len(title) - 1, date=DAY),
              Block("speaker", len(title), turn - 1, date=DAY, speaker=label[:-1]),
              Block("turn", turn, len(text) - 1, date=DAY, speaker=label[:-1]))
    return extract_events(Analysis(document=document, blocks=blocks, mentions=_mentions(text)),
                          load_catalogue()).events


def test_events_another_spokesman_briefing_on_the_day_is_not_the_transcript_briefing():
    events = _transcript_events("2020年5月2日外交部发言人张伟主持例行记者会\n",
                                "挪威外交部发言人李明今天在记者会上表示，挪威支持多边主义。\n", "")
    assert sorted((e.participants, e.date) for e in events if e.cls == "PressConference") == [
        (("country/NO", "person/李明"), DAY), (("person/张伟",), DAY)]


def test_events_undated_briefing_of_the_transcript_body_is_the_transcript_briefing():
    """A turn that names the briefing of the body holding the transcript's (在国务院新闻办公室的新闻发布会上,
    欢迎出席…例行记者会) tells no other briefing: it shares a party with the one of the title."""
    events = _transcript_events("2020年5月2日国务院新闻办公室发言人李明主持例行记者会\n", "有何评论？\n",
                                "王五：在国务院新闻办公室的新闻发布会上，卫生部已多次介绍。\n")
    assert [(e.cls, e.participants, e.date) for e in events] == [
        ("PressConference", ("person/李明", "gov/scio"), DAY)]


@pytest.mark.parametrize("text", [
    "据新华社等媒体援引消息人士称，已同芬兰总统尼尼斯托通电话。",
    "据新华社报道，正同芬兰总统尼尼斯托举行会谈。",
])
def test_events_outlet_credited_with_a_report_is_no_party(text):
    assert all("org/xinhua" not in e.participants for e in _events(text))


@pytest.mark.parametrize("text, parties", [
    ("芬兰总统尼尼斯托在北欧团结特别峰会上发言，敦促挪威加快行动。", {"person/尼尼斯托"}),
    ("张伟出席北欧团结特别峰会时称，丹麦的做法值得借鉴。", {"person/张伟"}),
])
def test_events_names_in_what_is_said_at_a_gathering_are_no_parties(text, parties):
    (event,) = _events(text, genre="article")
    assert (event.cls, set(event.participants)) == ("Summit", parties)


@pytest.mark.parametrize("text, parties", [
    ("芬兰总统尼尼斯托与挪威首相索尔贝格举行视频会议，双方就丹麦参与世界卫生组织议题交换意见。",
     {"person/尼尼斯托", "person/索尔贝格"}),
    ("芬兰总统尼尼斯托与挪威首相索尔贝格举行视频会议，围绕瑞典和丹麦的疫情交换意见。",
     {"person/尼尼斯托", "person/索尔贝格"}),
])
def test_events_names_in_the_topic_of_a_gathering_are_no_parties(text, parties):
    """A later clause opening with 就 tells what the gathering talked about: the names there are topics."""
    (event,) = _events(text, genre="article")
    assert (event.cls, set(event.participants)) == ("VideoConference", parties)


@pytest.mark.parametrize("text", [
    "中方与芬兰、挪威等国维和部队一道，在湖北省执行灾后重建援助任务。",
    "中方同芬兰、挪威一起，在湖北省开展援助。",
])
def test_events_companions_of_the_giver_receive_nothing(text):
    assert all("country/FI" not in e.participants for e in _events(text))


@pytest.mark.parametrize("text, counterpart", [
    ("张伟与世界卫生组织（WHO）总干事李明通电话。", "person/李明"),
    ("芬兰总统尼尼斯托同北极星基金会(PSF)主席王五通电话。", "person/王五"),
])
def test_events_bracketed_aside_keeps_the_office_with_its_person(text, counterpart):
    (event,) = _events(text, genre="article")
    assert event.cls == "PhoneCall" and counterpart in event.participants and len(event.participants) == 2


@pytest.mark.parametrize("text", [
    "芬兰期待同挪威举行两国领导人会晤。",
    "挪威期待此次北欧国家领导人峰会取得成功。",
])
def test_events_an_expected_gathering_is_none(text):
    assert _events(text) == ()


@pytest.mark.parametrize("retelling", ["芬兰和挪威在视频会晤中交换了意见。", "今天芬兰和挪威的视频会晤取得成果。"])
def test_events_meeting_retold_by_its_sides_is_the_meeting_of_its_leaders(retelling):
    text = "今天，芬兰总统尼尼斯托同挪威首相索尔贝格举行视频会晤。" + retelling
    mentions = tuple(replace(m, affiliation={"person/尼尼斯托": "country/FI", "person/索尔贝格": "country/NO"}.get(m.key))
                     for m in _mentions(text))
    document = Document("t.txt", text, text, tuple(range(len(text))), DocMeta(date=DAY, genre="article"))
    analysis = Analysis(document=document, blocks=(Block("paragraph", 0, len(text), date=DAY),), mentions=mentions)
    events = extract_events(analysis, load_catalogue()).events
    assert [(e.cls, set(e.participants)) for e in events] == [
        ("VideoConference", {"person/尼尼斯托", "person/索尔贝格"})]


@pytest.mark.parametrize("text, told", [
    ("为帮助芬兰、挪威抗击疫情，丹麦向两国派遣了医疗专家组。",
     [("ExpertTeam", ("country/DK", "country/FI")), ("ExpertTeam", ("country/DK", "country/NO"))]),
    ("中方向挪威提供了一批医疗物资，并安排两国专家举行视频会议。",
     [("Aid", ("country/CN", "country/NO")), ("VideoConference", ("country/CN", "country/NO"))]),
    ("芬兰关注挪威疫情，双方专家举行了视频会议。", [("VideoConference", ("country/FI", "country/NO"))]),
])
def test_events_pair_word_stands_for_the_two_sides_named_before(text, told):
    """两国/双方 with no name right before it: the two sides its sentence named in earlier clauses."""
    assert sorted((e.cls, tuple(sorted(e.participants))) for e in _events(text, genre="article")) == told


@pytest.mark.parametrize("text, counterpart", [
    ("毛雷尔会见芬兰常驻联合国代表李明，了解疫情情况。", "person/李明"),
    ("毛雷尔在日内瓦会见挪威常驻联合国副代表王五。", "person/王五"),
])
def test_events_office_whose_title_holds_a_body_is_the_persons(text, counterpart):
    """芬兰常驻联合国代表李明: the title holds 联合国, so the person's phrase starts inside it; 芬兰
    is his office, not a second counterpart."""
    assert [e.participants for e in _events(text, genre="article")] == [("person/毛雷尔", counterpart)]


@pytest.mark.parametrize("text", [
    "芬兰医疗专家组日前到达挪威首都奥斯陆。",
    "芬兰专家组1日到达挪威，随机携带医疗物资。",
])
def test_events_team_arriving_with_daoda(text):
    """到达 tells a team's arrival as 抵达 does."""
    assert ("ExpertTeam", "country/FI", "country/NO") in [(e.cls, e.provider, e.recipient)
                                                          for e in _events(text, genre="article")]


def test_events_aid_thanked_for_takes_no_recipient_from_the_blocks_team():
    """网民纷纷感谢芬兰捐赠物资: thanks by no named actor; the team told before in the block is no
    guess for who received."""
    events = _events("芬兰专家组抵达挪威。网民纷纷感谢芬兰“捐赠”物资。", genre="article")
    assert [(e.cls, e.provider, e.recipient) for e in events] == [("ExpertTeam", "country/FI", "country/NO")]


@pytest.mark.parametrize("text", [
    "芬兰外长同挪威外长通电话，双方商定近期在赫尔辛基举行会谈。",
    "北欧五国商定年内以视频方式举行特别外长会。",
])
def test_events_a_gathering_agreed_on_is_planned_not_held(text):
    """商定举行 tells what the sides agreed to hold: a plan, no event (the call that agreed it is one)."""
    assert {e.cls for e in _events(text)} <= {"PhoneCall"}


@pytest.mark.parametrize("text", [
    "5月1日，张伟对芬兰表示慰问，挪威则感谢芬兰支持，特别感谢芬兰捐赠的医疗设备。",
    "挪威感谢芬兰支持，特别感谢芬兰捐赠的检测试剂。",
])
def test_events_aid_thanked_for_in_a_clause_that_goes_on_thanking(text):
    """…感谢B支持，特别感谢B捐赠的…: the thanks of the clause before tell who received; a 对 in an
    earlier clause marks no recipient; the day of the thanks is not the day of the gift."""
    events = _events(text, genre="article")
    assert [(e.cls, e.provider, e.recipient, e.date) for e in events if e.cls == "Aid"] == [
        ("Aid", "country/FI", "country/NO", None)]


def test_events_pair_word_in_a_sentence_naming_nobody_before_it_takes_the_sentence_before():
    """中方支持挪方…。两国专家已进行了视频交流: the sides are the two the sentence before names."""
    events = _events("中方坚定支持挪方抗击疫情。两国专家已进行了视频交流。", genre="article")
    assert [(e.cls, tuple(sorted(e.participants))) for e in events] == [
        ("VideoConference", ("country/CN", "country/NO"))]


@pytest.mark.parametrize("text, told", [
    ("挪方感谢中方为处境困难的国家提供援助。", []),
    ("新华社报道中提到挪威有时为有些国家媒体提供资金援助。", []),
    ("北极星基金会为非洲国家提供了医疗物资。", [("Aid", ("org/北极星基金会",))]),
])
def test_events_aid_for_a_group_written_as_words(text, told):
    """为…国家提供援助: a group, no recipient; a named organisation giving is the event, a country thanked
    for it or an outlet reporting it gives nothing."""
    assert [(e.cls, e.participants) for e in _events(text, genre="article")] == told


@pytest.mark.parametrize("text", [
    "新华社另一则报道指，张伟主持召开视频会议，同尼尼斯托交换意见。",   # words between the outlet and its verb
    "据新华社报道，张伟和尼尼斯托举行视频会议。",                       # credited with 据
])
def test_events_outlet_telling_the_sentence_is_no_party_of_any_formula(text):
    events = _events(text, genre="text")
    assert events and all("org/xinhua" not in e.participants for e in events)


@pytest.mark.parametrize("text", [
    "张伟周一出席新闻发布会，一名记者问及李明的近况。",
    "张伟周一举行记者会，亦谈到马林的决定。",
    "张伟周一在记者会说，他为好友马林祈祷。",                 # what he says there (说)
    "张伟周一举行记者会，透露马林已经同意。",                 # what he lets out there (透露)
    "张伟周一举行记者会，被问马林何时复职。",                 # what he is asked (被问)
])
def test_events_persons_asked_or_talked_about_at_a_briefing_are_no_speakers(text):
    assert [e.participants for e in _events(text, genre="text")] == [("person/张伟",)]


def test_events_body_described_as_a_persons_office_is_not_a_counterpart():
    events = _events("张伟与社会党的外交事务主管、政治局委员马林通电话。")
    assert [e.participants for e in events] == [("person/张伟", "person/马林")]


@pytest.mark.parametrize("text, cls", [
    ("李明称，中方始终本着公开态度，及时向世界卫生组织通报疫情信息。", "InfoSharing"),
    ("张伟表示，中方克服困难，已经向包括世界卫生组织在内的国际组织提供援助。", "Aid"),
])
def test_events_speaker_opening_his_words_is_not_the_giver(text, cls):
    events = _events(text, genre="text")
    assert [(e.cls, e.provider, e.recipient) for e in events] == [(cls, "country/CN", "org/who")]


@pytest.mark.parametrize("text, classes", [
    ("张伟抵达武汉后，前往湖北省一家医院了解医务人员防护保障情况。", []),     # what he goes to see
    ("广东省医疗队今天抵达武汉。", ["ExpertTeam"]),                             # the team goes
    ("国家卫生健康委派出医务人员前往武汉。", ["ExpertTeam"]),                   # sent
])
def test_events_team_word_only_after_a_verb_of_going_is_what_is_visited(text, classes):
    assert [e.cls for e in _events(text, genre="text")] == classes


def test_events_receivers_after_a_marker_end_at_a_colon_or_semicolon():
    # a list of givers after 向B捐赠的有： gives to B; none of them receives
    events = _events("向芬兰捐赠的有：北极星基金会捐款1亿元；挪威红十字会捐款300万元。", genre="text")
    pairs = {(e.provider, e.recipient) for e in events}
    assert {("org/北极星基金会", "country/FI"), ("org/挪威红十字会", "country/FI")} <= pairs
    assert {recipient for _, recipient in pairs} == {"country/FI"}


@pytest.mark.parametrize("text, day", [
    ("芬兰总统周四发表声明。同一天，张伟同尼尼斯托通电话。", dt.date(2020, 4, 30)),   # DAY is Saturday 2 May
    ("芬兰政府于28日发表声明。张伟亦在同日同尼尼斯托通电话。", dt.date(2020, 4, 28)),
])
def test_events_same_day_counts_from_a_weekday_or_bare_day_told_before(text, day):
    assert [e.date for e in _events(text, genre="article")] == [day]


@pytest.mark.parametrize("text, participants", [
    ("身兼专家顾问的张伟，今日在北极星基金会召开记者会。", ("person/张伟",)),     # an organisation's premises
    ("国家卫生健康委今日在国务院新闻办公室举行记者会。", ("gov/nhc",)),          # organiser before 在
])
def test_events_press_conference_held_at_an_organisation_is_not_its(text, participants):
    assert [e.participants for e in _events(text, genre="text")] == [participants]


@pytest.mark.parametrize("text", [
    "芬兰感染应变协调中心今日在记者会表示，要求民众戴口罩。",
    "挪威中央应急处置本部副本部长某某周一在记者会表示，疫情可控。",
])
def test_events_country_opening_an_unknown_bodys_name_holds_no_briefing(text):
    assert all(not {"country/FI", "country/NO"} & set(e.participants) for e in _events(text, genre="text"))


@pytest.mark.parametrize("text, parties", [
    # two bodies hold the press conference; a member of one speaks there: both bodies stay beside him
    ("卫生署及医院管理局昨日的记者会上，医管局总行政经理王小明表示，病人情况稳定。",
     {"gov/hk-dh", "gov/hk-ha", "person/王小明"}),
    ("卫生防护中心联同医管局人员昨日举行记者会，其中医管局总监李志强表示，病床足够。",
     {"gov/hk-chp", "gov/hk-ha", "person/李志强"}),
    # one body alone: its member speaking there stands for it
    ("医院管理局昨日举行记者会，医管局总行政经理王小明表示，病人情况稳定。", {"person/王小明"}),
])
def test_events_a_joint_body_stays_beside_its_member(analyse_without, text, parties):
    assert [set(e.participants) for e in analyse_without(text).events] == [parties]


@pytest.mark.parametrize("text, expected", [
    # 志愿 and 自愿 hold 愿 but tell no wish: the act is told as done
    ("挪威红十字会志愿医疗专家组抵达芬兰。", [("ExpertTeam", ("org/挪威红十字会", "country/FI"))]),
    ("挪威自愿向芬兰捐赠一批口罩。", [("Aid", ("country/NO", "country/FI"))]),
    # 愿 alone is a wish: no event
    ("挪威愿向芬兰捐赠一批口罩。", []),
])
def test_events_a_word_holding_a_plan_cue_is_no_plan(text, expected):
    assert [(e.cls, e.participants) for e in _events(text)] == expected


@pytest.mark.parametrize("text, parties", [
    # each item of a list of gatherings attended is a gathering of its own, with the attender and the
    # parties its own name holds (not the other items')
    ("张伟5月2日出席北欧理事会外长会议和联合国领导人特别峰会。",
     [("person/张伟", "org/北欧理事会"), ("person/张伟", "org/un")]),
    ("李明以视频方式出席北欧理事会成员国元首理事会第三次会议、世界卫生组织特别峰会。",
     [("person/李明", "org/北欧理事会"), ("person/李明", "org/who")]),
    # two items of one body stay two gatherings, though their parties are the same
    ("张伟出席北欧理事会外长理事会会议和北欧理事会领导人峰会。",
     [("person/张伟", "org/北欧理事会"), ("person/张伟", "org/北欧理事会")]),
])
def test_events_a_list_of_gatherings_attended_is_one_gathering_each(text, parties):
    events = _events(text)
    assert [(e.cls, e.participants) for e in events] == [("Summit", p) for p in parties]


@pytest.mark.parametrize("text, expected", [
    # a ministers' meeting of a group, attended, is a summit (the contract's ministerial meeting)
    ("张伟出席了北欧理事会外长会议。", [("Summit", ("person/张伟", "org/北欧理事会"))]),
    ("李明参加北欧理事会外长会，并发表讲话。", [("Summit", ("person/李明", "org/北欧理事会"))]),
    # talks of two ministers are a meeting, and a ministers' meeting named only as the time of
    # another act tells no attendance
    ("芬兰和挪威外长会晤。", [("Meeting", ("country/FI", "country/NO"))]),
    ("北欧理事会外长会议期间，张伟会见李明。", [("Meeting", ("person/张伟", "person/李明"))]),
])
def test_events_a_ministers_meeting_attended_is_a_summit(text, expected):
    assert [(e.cls, e.participants) for e in _events(text)] == expected
