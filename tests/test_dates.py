"""Tests for graph/dates.py: Chinese date expressions, written as small invented sentences."""
from __future__ import annotations

import datetime as dt

import pytest

from graph.dates import (
    PartialDate, anaphoric, counted_from_told, era_year, find_date_spans, find_dates, infer_year, last_told,
    latest_year, parse_chinese_date, parse_partial,
)

D = dt.date


@pytest.mark.parametrize(("text", "year", "expected"), [
    ("2021年5月6日", None, D(2021, 5, 6)),
    ("5月6日", 2021, D(2021, 5, 6)),
    ("5月6号", 2021, D(2021, 5, 6)),
    ("2021年05月06日", None, D(2021, 5, 6)),
    ("2021-05-06", None, D(2021, 5, 6)),
    ("5月6日", None, None),
    ("2021年5月", None, None),
    ("5月6日，某某出席会议", 2021, None),
])
def test_dates_parse_chinese_date(text, year, expected):
    assert parse_chinese_date(text, year) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("2018年11月", PartialDate(2018, 11, None)),
    ("2018年11月底", PartialDate(2018, 11, 30, approx=True)),
    ("2月中旬", PartialDate(None, 2, 15, approx=True)),
    ("7月8日至10日", PartialDate(None, 7, 8)),
    ("7月8日 会议", None),
    ("7月8日（星期一）", PartialDate(None, 7, 8)),
])
def test_dates_parse_partial(text, expected):
    assert parse_partial(text) == expected


def test_dates_parse_partial_end_of_february_in_a_leap_year():
    assert parse_partial("2024年2月底").on(None) == D(2024, 2, 29)


@pytest.mark.parametrize(("month", "day", "reference", "expected"), [
    (12, 28, D(2021, 2, 10), 2020),
    (1, 5, D(2021, 2, 10), 2021),
    (2, 20, D(2021, 2, 10), 2021),
    (1, 2, D(2020, 12, 30), 2021),
    (2, 20, D(2020, 10, 22), 2020),   # recalled in October: the February before, though the next is closer
    (3, 1, D(2020, 11, 30), 2020),
    (5, 18, D(2020, 2, 6), 2020),     # within one year the closer day still wins: a plan for May
])
def test_dates_infer_year_closest_to_reference(month, day, reference, expected):
    assert infer_year(month, day, reference) == expected


def test_dates_find_dates_with_default_year():
    text = "双方于6月2日签署协议，8月9日生效。"
    assert find_dates(text, 2019) == [(3, 7, D(2019, 6, 2)), (12, 16, D(2019, 8, 9))]


def test_dates_find_dates_explicit_year_wins():
    assert find_dates("2017年6月2日签署", 2019) == [(0, 9, D(2017, 6, 2))]


@pytest.mark.parametrize(("text", "start_end", "first", "last"), [
    ("代表团于7月8日至10日访问", (4, 12), D(2019, 7, 8), D(2019, 7, 10)),
    ("11月29日至12月2日举行", (0, 12), D(2019, 11, 29), D(2019, 12, 2)),
    ("12月30日至1月2日举行", (0, 11), D(2019, 12, 30), D(2020, 1, 2)),
])
def test_dates_find_date_spans_ranges(text, start_end, first, last):
    span = find_date_spans(text, default_year=2019)[0]
    assert ((span.start, span.end), span.date, span.end_date) == (start_end, first, last)


def test_dates_find_date_spans_relative_words():
    reference = D(2019, 5, 20)
    spans = find_date_spans("总理日前会见来宾，次日离京。", reference=reference)
    assert [(s.start, s.end, s.date, s.approx) for s in spans] == [
        (2, 4, D(2019, 5, 20), True), (9, 11, D(2019, 5, 21), False)]


@pytest.mark.parametrize("text", ["司长早前到访挪威。", "总统不久前在记者会上说。", "部长较早前表示。"])
def test_dates_find_date_spans_earlier_is_the_reference_day_approximately(text):
    # the Hong Kong press's 早前/不久前 ("earlier"): on or before the reference day
    spans = find_date_spans(text, reference=D(2019, 5, 20))
    assert [(s.date, s.approx) for s in spans] == [(D(2019, 5, 20), True)]


def test_dates_find_date_spans_relative_words_need_a_reference():
    assert find_date_spans("总理日前会见来宾") == []


def test_dates_find_date_spans_day_before_is_not_a_relative_word():
    spans = find_date_spans("5月14日前完成", reference=D(2019, 5, 20))
    assert [(s.start, s.end, s.date) for s in spans] == [(0, 5, D(2019, 5, 14))]


@pytest.mark.parametrize(("text", "reference", "expected"), [
    ("通报称，19日全省无新增病例", D(2019, 5, 20), [D(2019, 5, 19)]),
    ("通报称，29日举行会议", D(2019, 5, 2), [D(2019, 4, 29)]),
    ("通报称，将于22日举行会议", D(2019, 5, 20), [D(2019, 5, 22)]),
    ("已连续9日无新增病例", D(2019, 5, 20), []),
    ("须在3日内完成", D(2019, 5, 20), []),
    ("截至18日24时", D(2019, 5, 20), [D(2019, 5, 18)]),
])
def test_dates_find_date_spans_bare_days(text, reference, expected):
    assert [s.date for s in find_date_spans(text, reference=reference)] == expected


@pytest.mark.parametrize(("text", "reference", "expected"), [
    ("芬兰卫生部本月中旬派出专家组。", dt.date(2020, 2, 26), dt.date(2020, 2, 15)),
    ("挪威政府上月底发表报告。", dt.date(2020, 3, 10), dt.date(2020, 2, 29)),
    ("芬兰上个月初宣布新措施。", dt.date(2020, 1, 20), dt.date(2019, 12, 1)),
    ("首批疫苗将在本月底前运抵。", dt.date(2021, 1, 22), dt.date(2021, 1, 31)),
])
def test_dates_find_date_spans_part_of_a_month_named_by_a_month_word(text, reference, expected):
    """本月中旬, 上月底: a day of the month the word counts from the reference, approximate."""
    assert [(s.date, s.approx) for s in find_date_spans(text, reference=reference)] == [(expected, True)]


def test_dates_find_date_spans_month_day_takes_year_from_reference():
    spans = find_date_spans("12月29日开始", default_year=2030, reference=D(2020, 1, 10))
    assert spans[0].date == D(2019, 12, 29)


def test_dates_find_date_spans_without_year_has_no_date():
    spans = find_date_spans("6月2日签署")
    assert [(s.start, s.end, s.date) for s in spans] == [(0, 4, None)]


def test_dates_find_date_spans_month_part_is_approximate():
    span = find_date_spans("2019年3月初启动")[0]
    assert (span.date, span.approx, span.year_given) == (D(2019, 3, 1), True, True)


def test_dates_era_year():
    assert era_year("本文讨论新冠肺炎疫情") == 2020
    assert era_year("本文讨论流感") is None


def test_dates_era_year_short_forms():
    assert era_year("两国合作研发新冠疫苗") == 2020
    assert era_year("新型冠状病毒感染病例增加") == 2020


def test_dates_latest_year():
    assert latest_year("2018年3月5日和2019年1月2日，以及6月1日") == 2019
    assert latest_year("6月1日") is None


def test_dates_latest_year_from_a_bare_month():
    assert latest_year("讲话选编（2018年9月—11月）\n要加强交流。") == 2018


@pytest.mark.parametrize(("text", "expected"), [
    ("周二，甲国总统与乙国总理通电话", [D(2020, 2, 18)]),   # the reference is Wednesday 2020-02-19
    ("甲国外长星期三抵达", [D(2020, 2, 19)]),
    ("丙市上周五起封城", [D(2020, 2, 14)]),
    ("会议定于下周一举行", [D(2020, 2, 24)]),
    ("甲国总统将于周五访问乙国", [D(2020, 2, 21)]),           # a day to come after a word of the future
    ("会议定于周三举行", [D(2020, 2, 19)]),                   # the reference's own weekday: that day
    ("甲国总统周五访问乙国", [D(2020, 2, 14)]),
    ("每周一例会", []),
    ("隔离两周一律免费", []),
    ("甲国3月3日（周二）宣布", [D(2020, 3, 3)]),
])
def test_dates_find_date_spans_weekdays(text, expected):
    assert [s.date for s in find_date_spans(text, reference=D(2020, 2, 19))] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("卫生署署长昨表示", [D(2020, 2, 18)]),
    ("甲国大使前日抵港", [D(2020, 2, 17)]),
    ("目前日本境内", []),
    ("丙市今早宣布", [D(2020, 2, 19)]),
])
def test_dates_find_date_spans_hong_kong_relative_words(text, expected):
    assert [s.date for s in find_date_spans(text, reference=D(2020, 2, 19))] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("甲国外长去年8月3日访问乙国", [D(2019, 8, 3)]),          # the reference is 2020-11-10
    ("今年1月28日，甲国宣布封城", [D(2020, 1, 28)]),
    ("上月19日，乙市市长出席会议", [D(2020, 10, 19)]),
    ("新规本月3日起实施", [D(2020, 11, 3)]),
    ("截至上月30日，累计确诊10宗", [D(2020, 10, 30)]),
    ("下月1日起恢复通关", [D(2020, 12, 1)]),
    ("丙市市长今午宣布", [D(2020, 11, 10)]),
])
def test_dates_find_date_spans_year_and_month_words(text, expected):
    assert [s.date for s in find_date_spans(text, reference=D(2020, 11, 10))] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("当地时间8日至9日，甲国外长访问乙国", [(D(2020, 11, 8), D(2020, 11, 9))]),   # the reference is 2020-11-10
    ("丙国海军于5日到7日在东海举行演习", [(D(2020, 11, 5), D(2020, 11, 7))]),
    ("，10月30日至2日，两国举行会谈", [(D(2020, 10, 30), D(2020, 11, 2))]),
    ("，30日至2日，两国举行会谈", [(D(2020, 10, 30), D(2020, 11, 2))]),           # runs into the next month
    ("，8日，甲国外长访问乙国", [(D(2020, 11, 8), None)]),
])
def test_dates_bare_day_range_is_one_span(text, expected):
    """Two bare days joined by 至 make one range from the first, as a month-day range does."""
    assert [(s.date, s.end_date) for s in find_date_spans(text, reference=D(2020, 11, 10))] == expected


def test_dates_era_year_hong_kong_name_of_the_epidemic():
    assert era_year("武汉肺炎疫情持续") == 2020


@pytest.mark.parametrize(("text", "reference", "expected"), [
    ("二〇二一年八月三日，某甲国外长访问某乙国", None, [(0, 9, D(2021, 8, 3))]),
    ("一九九九年十二月三十一日，某城举行庆典", None, [(0, 12, D(1999, 12, 31))]),
    ("某市卫生局于二月三日发布通告", D(2021, 2, 10), [(6, 10, D(2021, 2, 3))]),
    ("双方于三月十九日签署协议", D(2021, 4, 1), [(3, 8, D(2021, 3, 19))]),
    ("某代表团十二月三十一日抵达", D(2022, 1, 5), [(4, 11, D(2021, 12, 31))]),
    ("某甲部长十月二十日会见某乙大使", D(2021, 10, 22), [(4, 9, D(2021, 10, 20))]),
    ("某甲部长于二十三日会见某乙大使", D(2021, 10, 25), [(5, 9, D(2021, 10, 23))]),
    ("会议持续至十七日结束", D(2021, 10, 20), [(5, 8, D(2021, 10, 17))]),
    ("某乙国上月二十日宣布", D(2021, 10, 5), [(5, 8, D(2021, 9, 20))]),
    ("某店自三月廿五日起暂停营业", D(2021, 4, 1), [(3, 8, D(2021, 3, 25))]),
])
def test_dates_find_date_spans_in_chinese_numerals(text, reference, expected):
    spans = find_date_spans(text, default_year=None, reference=reference)
    assert [(s.start, s.end, s.date) for s in spans] == expected


@pytest.mark.parametrize("text", [
    "某公司须在三日内完成整改",
    "某市十日来无新增病例",
    "该省已连续三日无新增病例",
    "某团队三日后返回某城",
    "，五日训练结束后，某队返回",
    "至一日，某甲仍未回复",
    "某人在五日的行程中访问三地",
    "某国三月将举行选举",
])
def test_dates_chinese_numeral_lengths_are_not_dates(text):
    assert find_date_spans(text, reference=D(2021, 5, 20)) == []


def test_dates_parse_chinese_date_in_chinese_numerals():
    assert parse_chinese_date("二〇二〇年八月三十日") == D(2020, 8, 30)
    assert parse_chinese_date("三月十九日", 2021) == D(2021, 3, 19)


@pytest.mark.parametrize(("text", "reference", "expected"), [
    ("甲国外长上周四抵达乙国", D(2020, 2, 16), [D(2020, 2, 13)]),      # a Sunday paper: the week opens the next day
    ("丙市上周六宣布封城", D(2020, 12, 27), [D(2020, 12, 26)]),
    ("丙市上周六宣布封城", D(2020, 12, 28), [D(2020, 12, 26)]),         # the Monday after: the same Saturday
    ("甲国外长本周二抵达乙国", D(2020, 2, 16), [D(2020, 2, 18)]),
    ("会议原本周日举行", D(2020, 8, 28), [D(2020, 8, 23)]),             # 原本 "originally", then a bare 周日
])
def test_dates_find_date_spans_week_words(text, reference, expected):
    assert [s.date for s in find_date_spans(text, reference=reference)] == expected


@pytest.mark.parametrize(("text", "reference", "expected"), [
    ("丙国周三（12日）起禁止入境", D(2020, 2, 11), [(2, 9, D(2020, 2, 12), False)]),   # a day to come, stated
    ("甲国大使日前（22日）表示", D(2020, 3, 25), [(4, 11, D(2020, 3, 22), False)]),    # stated, so not approximate
    ("截至上周六（26日），累计确诊10宗", D(2020, 12, 27), [(2, 10, D(2020, 12, 26), False)]),
    ("乙市市长昨日（8日）宣布", D(2020, 7, 9), [(4, 10, D(2020, 7, 8), False)]),
])
def test_dates_find_date_spans_day_in_brackets_restates(text, reference, expected):
    """A date in brackets right after a weekday or relative word is one span with it, and gives the day."""
    assert [(s.start, s.end, s.date, s.approx) for s in find_date_spans(text, reference=reference)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("6月22日，甲国外长会见乙国大使。同日，丙国总理致电丁国总理", D(2020, 6, 22)),
    ("甲国外长周一抵达乙国。次日，两国外长会谈", D(2020, 6, 30)),        # the reference is Wednesday 2020-07-01
    ("丙市市长今早宣布封城，他前一天致函丁市", D(2020, 6, 30)),           # a relative word names the day told
    ("丙市市长宣布封城，当天晚上丁市跟进", None),                         # no day told before: unknown
])
def test_dates_counted_from_told(text, expected):
    reference = D(2020, 7, 1)
    span = [s for s in find_date_spans(text, reference=reference) if anaphoric(s, text)][-1]
    assert counted_from_told(text, span, reference) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("甲国外长周一抵达乙国，次日两国外长会谈。", D(2020, 6, 29)),         # 次日 points back: Monday is the last told
    ("丙市市长今早宣布封城，近日将解封。", D(2020, 7, 1)),                # 近日 only bounds a day
    ("6月22日，甲国外长会见乙国大使，讨论7月的会议。", D(2020, 6, 22)),   # a month is no day
    ("丙市市长近日宣布封城。", None),
])
def test_dates_last_told(text, expected):
    """The last day a text writes, as the day its later sentences go on telling (the reference is 2020-07-01)."""
    told = last_told(text, D(2020, 7, 1))
    assert (told and told.date) == expected


def test_dates_a_day_ahead_is_not_the_day_before():
    assert find_date_spans("甲国外长提前一天抵达", reference=D(2020, 7, 1)) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("某甲部长一月底访问某乙国", [(D(2020, 1, 31), True)]),             # the reference is 2020-05-13
    ("二〇一九年十二月初，某城出现病例", [(D(2019, 12, 1), True)]),
    ("某乙国三月中旬封关", [(D(2020, 3, 15), True)]),
    ("某村五月初五赛龙舟", []),                                         # a lunar day, not the beginning of May
    ("某国三月将举行选举", []),
])
def test_dates_find_date_spans_part_of_a_month_in_chinese_numerals(text, expected):
    """一月底, 三月中旬: a part of a month written in Chinese numerals is approximate, as 1月底 is."""
    assert [(s.date, s.approx) for s in find_date_spans(text, reference=D(2020, 5, 13))] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("某甲部长刚刚结束对某乙国的访问", [(D(2020, 5, 13), True)]),
    ("某市长在最近的记者会上说", [(D(2020, 5, 13), True)]),
    ("某乙国近期向某丙国捐赠口罩", [(D(2020, 5, 13), True)]),
    ("两国建交刚刚28天后，某甲访问某乙", []),                          # "just 28 days after": a quantity
])
def test_dates_find_date_spans_words_that_only_bound_the_day(text, expected):
    assert [(s.date, s.approx) for s in find_date_spans(text, reference=D(2020, 5, 13))] == expected


@pytest.mark.parametrize(("text", "reference", "expected"), [
    ("某甲总统上周在记者会上说", D(2020, 4, 14), [(D(2020, 4, 12), True)]),      # a Tuesday: last week ended Sunday
    ("某甲总统上星期抵达某乙国", D(2020, 4, 14), [(D(2020, 4, 12), True)]),
    ("某甲总统上周末抵达某乙国", D(2020, 4, 14), [(D(2020, 4, 12), True)]),
    ("某甲总统本周抵达某乙国", D(2020, 4, 14), [(D(2020, 4, 14), True)]),        # this week, up to the paper's day
    ("某乙国本周末举行选举", D(2020, 4, 14), [(D(2020, 4, 19), True)]),           # a weekend to come
    ("某甲总统上周五抵达某乙国", D(2020, 4, 14), [(D(2020, 4, 10), False)]),     # a day of the week: exact
])
def test_dates_find_date_spans_week_word_alone_bounds_the_day(text, reference, expected):
    assert [(s.date, s.approx) for s in find_date_spans(text, reference=reference)] == expected


@pytest.mark.parametrize(("text", "told_before", "expected"), [
    ("同年7月1日，某部作出通报", "2004年4月，某地发生事故。", [D(2004, 7, 1)]),
    ("2019年6月，某甲宣布；同年7月1日，某部作出通报", "", [D(2019, 7, 1)]),
    ("同年7月1日，某部作出通报", "某地发生事故。", [None]),                    # no year written: unknown
])
def test_dates_find_date_spans_same_year_carries_the_year_written_before(text, told_before, expected):
    spans = find_date_spans(text, reference=D(2020, 3, 14), told_before=told_before)
    assert [s.date for s in spans if "7月1日" in text[s.start:s.end]] == expected
