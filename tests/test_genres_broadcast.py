"""Tests for graph/genres/broadcast.py and how the stages read a broadcast script.

The script is invented (names and places made up, laid out as a 新闻联播 transcript page).
"""
from __future__ import annotations

import datetime as dt

import pytest

from graph.catalogue import load_catalogue
from graph.genres.broadcast import classify
from graph.pipeline import analyse
from graph.read import detect_genre, parse_document

SCRIPT = """# 新闻联播 2021-05-12

- 数据源：示例
- 新闻条数：3

## 本期节目主要内容

本期节目主要内容：1.王建国同芬兰总统尼尼斯托通电话；2.王建国会见挪威首相索尔贝格；3.王建国同芬兰总理马林通电话。（《新闻联播》 20210512 19:00）

## 1. 王建国同芬兰总统尼尼斯托通电话

央视网消息（新闻联播）：中国国家主席王建国11日晚同芬兰总统尼尼斯托通电话。
王建国指出，双方要加强合作。

> 原文：http://example.invalid/1

## 2. 王建国会见挪威首相索尔贝格

央视网消息（新闻联播）：中国国家主席王建国今天在北京会见挪威首相索尔贝格。

> 原文：http://example.invalid/2

## 3. 王建国同芬兰总理马林通电话

央视网消息（新闻联播）：各方对此高度评价。
"""


@pytest.fixture(scope="module")
def script_analysis():
    return analyse(parse_document(SCRIPT, "b.txt"), load_catalogue())


def test_genres_broadcast_detected():
    assert detect_genre(SCRIPT) == "broadcast"
    assert detect_genre("### 1. 甲\n正文。\n### 2. 乙\n正文。\n### 3. 丙\n正文。") != "broadcast"


def test_genres_broadcast_classify_lines():
    lines = [line for line in SCRIPT.split("\n") if line.strip()]
    kinds = dict(zip(lines, classify(lines)))
    assert kinds["# 新闻联播 2021-05-12"] == "meta"
    assert kinds["- 新闻条数：3"] == "meta"
    assert kinds["## 本期节目主要内容"] == "summary"
    assert kinds["## 1. 王建国同芬兰总统尼尼斯托通电话"] == "headline"
    assert kinds["> 原文：http://example.invalid/1"] == "meta"
    assert kinds["王建国指出，双方要加强合作。"] is None


def test_genres_broadcast_one_event_per_item_dated_from_body(script_analysis):
    """The summary and the headline retell the body's call and meeting: one event each, dated by the body
    (11日晚: the day before the broadcast; 今天: the broadcast day)."""
    got = sorted((e.cls, e.date) for e in script_analysis.events
                 if e.cls in ("PhoneCall", "Meeting") and "person/马林" not in e.participants)
    assert got == [("Meeting", dt.date(2021, 5, 12)), ("PhoneCall", dt.date(2021, 5, 11))]


def test_genres_broadcast_headline_kept_when_body_is_silent(script_analysis):
    """Item 3's body never tells the call: its headline is the only telling, on the broadcast day."""
    calls = [e for e in script_analysis.events if e.cls == "PhoneCall" and "person/马林" in e.participants]
    assert [(e.date, script_analysis.document.quote(e.evidence)) for e in calls] == [
        (dt.date(2021, 5, 12), "3. 王建国同芬兰总理马林通电话")]


def test_genres_broadcast_no_statement_from_summary(script_analysis):
    document = script_analysis.document
    summary_end = document.raw.index("（《新闻联播》")
    assert all(s.evidence.start > summary_end for s in script_analysis.statements)


BRIEFING = """# 新闻联播 2021-05-12

## 本期节目主要内容

本期节目主要内容：1.国新办发布会：介绍外贸情况；2.国新办发布会：介绍物流情况。

## 1. 国新办发布会：介绍外贸情况

央视网消息（新闻联播）：国新办今天（5月12日）举行新闻发布会，介绍外贸情况。
商务部表示，目前外贸企业复工率较高。
财政部和工业和信息化部介绍，将继续出台支持政策。

## 2. 国新办发布会：介绍物流情况

央视网消息（新闻联播）：国务院新闻办公室今天举行新闻发布会，介绍物流情况。
交通运输部表示，货运量稳步回升。
"""


def test_genres_broadcast_briefing_told_body_by_body_in_two_items():
    """Each sentence opening with a body and a briefing verb names one who briefed; the two items tell
    the same day's briefing of the same office, so it is one press conference."""
    analysis = analyse(parse_document(BRIEFING, "p.txt"), load_catalogue())
    (briefing,) = [e for e in analysis.events if e.cls == "PressConference"]
    names = {analysis.document.text[m.start:m.end]: m.key for m in analysis.mentions}
    assert briefing.date == dt.date(2021, 5, 12)
    assert set(briefing.participants) == {names[n] for n in ("国新办", "商务部", "财政部", "工业和信息化部", "交通运输部")}


TEAMS = """# 新闻联播 2021-05-12

## 本期节目主要内容

本期节目主要内容：1.各地医疗队坚守一线。

## 1. 各地医疗队坚守一线

央视网消息（新闻联播）：广东省已派出300多名医护人员援助湖北省。
支援武汉的广东省医疗队今天接管了重症病区。
"""


def test_genres_broadcast_teams_told_as_a_story_have_no_day_of_their_own():
    """A team told without a day of its own is part of the running story (已派出), not the broadcast day's
    news; one whose sentence names its day (今天) has that day."""
    analysis = analyse(parse_document(TEAMS, "t.txt"), load_catalogue())
    assert sorted((e.cls, str(e.date)) for e in analysis.events) == [
        ("ExpertTeam", "2021-05-12"), ("ExpertTeam", "None")]


PROXIES = """# 新闻联播 2021-05-12

## 本期节目主要内容

本期节目主要内容：1.领导小组召开会议；2.国家卫生健康委员会印发通知；3.人民日报评论员文章。

## 1. 李明主持召开领导小组会议

央视网消息（新闻联播）：12日，中央应对新冠肺炎疫情工作领导小组组长李明主持召开领导小组会议。
副组长王强出席。
会议指出，要继续加强疫情防控，不能松懈。
会议强调，要有序推进复工复产，稳定就业。

## 2. 国家卫生健康委员会印发通知

央视网消息（新闻联播）：近日，国家卫生健康委员会印发了《关于做好社区防控工作的通知》。
《通知》指出，各地要压实社区防控责任，做好人员排查。

## 3. 人民日报评论员文章：坚持就是胜利

央视网消息（新闻联播）：明天出版的人民日报将发表评论员文章，题目是《坚持就是胜利》。
文章指出，越是关键时刻越要坚持，不能有丝毫放松。
"""


def test_genres_broadcast_proxy_subjects_speak_for_what_the_item_told():
    """会议指出 in a later paragraph is the body whose meeting the item's lead told (领导小组会议: the
    group named in full before it), 《通知》指出 the body that issued it, 文章指出 the paper."""
    analysis = analyse(parse_document(PROXIES, "m.txt"), load_catalogue())
    said = [(s.speaker, analysis.document.quote(s.evidence)[:6]) for s in analysis.statements]
    assert said == [
        ("gov/central-leading-group-covid", "要继续加强疫"),
        ("gov/central-leading-group-covid", "要有序推进复"),
        ("gov/nhc", "各地要压实社"),
        ("org/peoples-daily", "越是关键时刻"),
    ]


CARRIED = """# 新闻联播 2021-05-13

## 本期节目主要内容

本期节目主要内容：1.中国医疗专家组抵达芬兰。

## 1. 中国医疗专家组抵达芬兰

央视网消息（新闻联播）：12日，中国医疗专家组抵达芬兰首都赫尔辛基。
专家组乘坐的飞机还携带了中方捐助的一批医疗物资。
"""


def test_genres_broadcast_supplies_carried_in_a_later_paragraph_go_with_the_team():
    """The item's team, told in one paragraph, carries the supplies a later paragraph tells: they go
    where the team went, on its day."""
    analysis = analyse(parse_document(CARRIED, "c.txt"), load_catalogue())
    aid = [(e.provider, e.recipient, e.date) for e in analysis.events if e.cls == "Aid"]
    assert aid == [("country/CN", "country/FI", dt.date(2021, 5, 12))]


LETTERS = """# 新闻联播 2021-05-13

## 本期节目主要内容

本期节目主要内容：1.多国领导人致电中方。

## 1. 多国领导人致电中方

央视网消息（新闻联播）：近日，一些国家领导人致电致函中国外交部，表达慰问和支持。
芬兰总统尼尼斯托表示，芬兰愿同中方加强合作。
挪威首相索尔贝格说，相信中国一定能够战胜疫情。
"""


def test_genres_broadcast_message_from_senders_named_in_the_next_sentences():
    """一些领导人致电B with the senders unnamed: the item's next sentences each open with one of them
    speaking, and they are the senders of one message."""
    analysis = analyse(parse_document(LETTERS, "l.txt"), load_catalogue())
    (message,) = [e for e in analysis.events if e.cls == "Message"]
    names = {analysis.document.text[m.start:m.end]: m.key for m in analysis.mentions}
    assert set(message.participants) == {"person/sauli-niinisto", "person/erna-solberg", names["中国外交部"]}


INTERVIEW = """# 新闻联播 2021-05-13

## 本期节目主要内容

本期节目主要内容：1.各地复工复产。

## 1. 各地复工复产

央视网消息（新闻联播）：各地有序推进复工复产。
商务部表示，外贸企业复工率稳步提高。
"""


def test_genres_broadcast_words_reported_without_a_day_are_said_on_the_broadcast_day():
    analysis = analyse(parse_document(INTERVIEW, "i.txt"), load_catalogue())
    assert [(s.speaker, s.date) for s in analysis.statements] == [("gov/mofcom", dt.date(2021, 5, 13))]
