"""graph/formulas/visit.py: visits made, one sentence each, with invented names and countries.

The rows of event_vetoes.yaml for visits run on their own sentences in tests/test_event_vetoes.py."""
from __future__ import annotations

import datetime as dt

import pytest

from graph.catalogue import load_catalogue
from graph.events import extract_events
from graph.model import Analysis, Block, DocMeta, Document, Mention

ACTORS = {
    "张三": ("person/张三", "Person", "country/JIA"),
    "李四": ("person/李四", "Person", "country/YI"),
    "王五": ("person/王五", "Person", "country/JIA"),
    "甲国": ("country/JIA", "Country", None),
    "乙国": ("country/YI", "Country", None),
    "丙国": ("country/BING", "Country", None),
    "甲国电视台": ("org/甲国电视台", "Organization", None),
    "甲国外交部": ("gov/甲国外交部", "GovernmentBody", "country/JIA"),
    "甲城": ("gov/甲城", "GovernmentBody", "gov/甲省"),
    "甲省": ("gov/甲省", "GovernmentBody", "country/JIA"),
}
DAY = dt.date(2020, 5, 2)


def _mentions(text: str) -> tuple[Mention, ...]:
    """Every occurrence of a known surface, longest first, without overlaps."""
    taken: set[int] = set()
    found = []
    for surface in sorted(ACTORS, key=len, reverse=True):
        key, cls, affiliation = ACTORS[surface]
        pos = text.find(surface)
        while pos != -1:
            span = set(range(pos, pos + len(surface)))
            if not span & taken:
                taken |= span
                found.append(Mention(pos, pos + len(surface), surface, key, cls, affiliation=affiliation))
            pos = text.find(surface, pos + 1)
    return tuple(sorted(found, key=lambda m: m.start))


def _visits(text: str, genre: str = "chronicle") -> list[tuple]:
    """(participants, date, requested_by) of every Visit extracted from a one-block document dated DAY."""
    document = Document("t.txt", text, text, tuple(range(len(text))), DocMeta(date=DAY, genre=genre))
    analysis = Analysis(document=document, blocks=(Block("bullet", 0, len(text), date=DAY),),
                        mentions=_mentions(text))
    events = extract_events(analysis, load_catalogue()).events
    return [(set(e.participants), e.date, e.requested_by) for e in events if e.cls == "Visit"]


@pytest.mark.parametrize("text, participants, day", [
    ("甲国总统张三1日抵达乙国首都进行国事访问。", {"person/张三", "country/YI"}, dt.date(2020, 5, 1)),
    ("甲国总统张三对乙国进行正式访问。", {"person/张三", "country/YI"}, DAY),
    ("当地时间1日，甲国总统张三抵达乙国，开始对乙国的工作访问。", {"person/张三", "country/YI"}, dt.date(2020, 5, 1)),
    ("甲国总统张三访问了乙国。", {"person/张三", "country/YI"}, DAY),
    ("乙国总统李四访华。", {"person/李四", "country/CN"}, DAY),
    ("乙国总统李四来华进行国事访问。", {"person/李四", "country/CN"}, DAY),
    ("甲国总统张三会见正在甲国访问的乙国总统李四。", {"person/李四", "country/JIA"}, DAY),
    ("甲国外交部代表团到访乙国。", {"gov/甲国外交部", "country/YI"}, DAY),
    ("王五：今天，甲国总统张三已经启程，开始对乙国的正式访问。", {"person/张三", "country/YI"}, DAY),
    ("甲国外交部发言人王五说，乙国总统李四访问了丙国。", {"person/李四", "country/BING"}, None),
])
def test_visit_told(text, participants, day):
    assert [(p, d) for p, d, _ in _visits(text)] == [(participants, day)]


def test_visit_one_per_host_country():
    found = _visits("甲国总统张三出访乙国、丙国。")
    assert sorted(sorted(p) for p, _, _ in found) == [["country/BING", "person/张三"], ["country/YI", "person/张三"]]


@pytest.mark.parametrize("text, first, later", [
    ("4月20日至25日，甲国总统张三出访乙国、丙国。", (dt.date(2020, 4, 20), False), (dt.date(2020, 4, 25), True)),
    ("今天，甲国总统张三启程，开始对乙国、丙国的正式访问。", (DAY, False), (None, False)),
])
def test_visit_tour_dates_only_its_first_stop(text, first, later):
    document = Document("t.txt", text, text, tuple(range(len(text))), DocMeta(date=DAY, genre="chronicle"))
    analysis = Analysis(document=document, blocks=(Block("bullet", 0, len(text), date=DAY),), mentions=_mentions(text))
    dates = {e.participants[-1]: (e.date, e.approx) for e in extract_events(analysis, load_catalogue()).events}
    assert dates == {"country/YI": first, "country/BING": later}


def test_visit_requested_by_the_host():
    assert _visits("应乙国总统李四邀请，甲国总统张三对乙国进行国事访问。") == [
        ({"person/张三", "country/YI"}, DAY, "person/李四")]


def test_visit_told_twice_is_one():
    text = "甲国总统张三对乙国进行国事访问。乙国媒体报道，甲国总统张三访问了乙国。"
    assert len(_visits(text)) == 1


def test_visit_told_first_with_an_approximate_day_is_the_one_told_with_its_day():
    """日前 only bounds the day (on or before the block's day): the telling with the day fixes it."""
    text = "甲国总统张三日前访问了乙国。甲国总统张三4月28日对乙国进行了国事访问。"
    assert _visits(text) == [({"person/张三", "country/YI"}, dt.date(2020, 4, 28), None)]


@pytest.mark.parametrize("text", [
    "张三将于下月访问乙国。",
    "甲国总统张三将访问乙国。",
    "甲国总统张三拟于年内对乙国进行正式访问。",
    "甲国总统张三是否会访问乙国？",
    "甲国总统张三曾多次访问乙国。",
    "甲国电视台访问了乙国总统李四。",
    "甲国总统张三访问了一所学校。",
    "甲国总统张三访问甲国。",
    "甲省甲城医院的医生在甲国接受了访问。",
    "甲省甲城代表团对甲国进行访问。",
    "乙国总统李四出版了访华见闻。",
    "乙国访华团参观了甲国一所学校。",
])
def test_visit_not_told(text):
    assert _visits(text) == []
