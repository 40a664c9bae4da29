"""Chinese date expressions: parse them, find them in a sentence, give them a year.

Shared by the structure stage (day headings, ``——3月4日，…`` attributions) and the
events and statements stages (in-sentence dates). It is a helper, not a stage, so
every stage may import it. The words it relies on (日前, 近日, 当天, 次日, 底, 至 …)
are data in ``ontology/lexicon/dates.yaml``; only the numeric shapes are here.

Forms understood, kept small on purpose:

* a day: ``2020年3月14日``, ``3月14日`` (or ``14号``), ``2020-03-26``; in Chinese numerals
  (``二〇二〇年八月三日``, ``十二月三十一日``) only with month and day, since ``三月`` alone is often a
  length of time;
* a part of a month: ``2019年12月底``, ``3月中旬``: an approximate day;
* a range: ``1月3日至14日``, ``3月29日至4月1日``: ``date`` is the first day, ``end_date`` the last;
* a bare day after a comma or 于/至 …: ``18日``: a day near the reference date (needs ``reference``);
  after a month word (``上月19日``, ``本月3日``) the day of that month; in Chinese numerals (``二十三日``)
  only after the words of ``chinese_day_only_after`` and never before a word of a length
  (``三日内``, ``三日后``), ``一日`` never ("one day", far more often than "the first");
* a year word before a month-day date (``去年8月3日``): the year counted from the reference's;
* a relative word: ``日前``, ``近日``, ``刚刚`` (approximate), ``当天``, ``次日``, ``昨`` …: the reference date moved
  by the word's offset (needs ``reference``);
* a weekday: ``周二``, ``星期二``, ``上周五``: the latest such day on or before the reference, or the
  day of the week a week word names (needs ``reference``); a week word alone (``上周``, ``上周末``): the
  week's last day, approximate.

A date without a year takes the year that puts it closest to the reference date
(``12月30日`` told on 2020-04-07 is 2019-12-30), else ``default_year``, else it has no date.

>>> parse_chinese_date("2020年3月14日")
datetime.date(2020, 3, 14)
>>> [(s.start, s.end, s.date) for s in find_date_spans("习近平日前致电", reference=dt.date(2020, 3, 14))]
[(3, 5, datetime.date(2020, 3, 14))]
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from .lexicon import read_yaml
from .patterns import behind_first_chars, first_chars

__all__ = [
    "PartialDate", "DateSpan", "parse_partial", "parse_chinese_date", "find_date_spans",
    "find_dates", "infer_year", "era_year", "latest_year", "first_stated", "anaphoric", "counted_from_told",
    "told_within", "last_told", "told_days",
]

LEXICON = Path(__file__).resolve().parent.parent / "ontology" / "lexicon" / "dates.yaml"

_YEAR = r"(?P<year>(?:19|20)\d{2})\s*年\s*"
_MONTH = r"(?P<month>1[0-2]|0?[1-9])\s*月\s*"
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])\s*[日号]"
_ISO = r"(?P<iyear>(?:19|20)\d{2})[-/.](?P<imonth>1[0-2]|0?[1-9])[-/.](?P<iday>3[01]|[12]\d|0?[1-9])(?!\d)"
_YEAR_WRITTEN = r"(?<!\d)((?:19|20)\d{2})\s*年"
_BARE_DAY = r"(?<!\d)(?P<day>3[01]|[12]\d|0?[1-9])日"
_CN_DIGITS = "〇零一二三四五六七八九"
_CN_VALUES = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}
_CN_NOT_AFTER = rf"(?<![{_CN_DIGITS}十廿卅\d])"
_CN_TEENS_UP = "(?:三十|卅)一?|(?:二十|廿)[一二三四五六七八九]?|十[一二三四五六七八九]?"
_CN_DAY_NUMBER = f"{_CN_TEENS_UP}|[一二三四五六七八九]"
# A month in Chinese numerals takes a day or a part of a month (一月底, 三月中旬: never a length of time, as 三月
# alone may be), not a lunar day (五月初五); PARTS stands for the parts of dates.yaml.
_CN_DATE = (rf"{_CN_NOT_AFTER}(?:(?P<cyear>(?:一九|二[〇零])[{_CN_DIGITS}]{{2}})\s*年\s*)?"
            rf"(?P<cmonth>十[一二]?|[一二三四五六七八九])\s*月\s*(?:(?P<cday>{_CN_DAY_NUMBER})\s*[日号]|(?P<cpart>PARTS)(?![{_CN_DIGITS}十]))")
_CN_BARE_DAY = rf"{_CN_NOT_AFTER}(?P<day>{_CN_TEENS_UP}|[二三四五六七八九])日"
_RANGE_END = r"\s*(?:{joiners})\s*(?:(?P<month2>1[0-2]|0?[1-9])\s*月\s*)?(?P<day2>3[01]|[12]\d|0?[1-9])\s*[日号]"
_WITHIN = "内"
_WITHIN_EXCEPT = "内地"


class PartialDate(NamedTuple):
    """What a date expression says, before a year is chosen.

    ``day`` is None for a bare month (``2020年1月``); ``approx`` is true for a part of a
    month (``12月底``), whose ``day`` is then the day that stands for it.
    """

    year: int | None
    month: int
    day: int | None
    approx: bool = False

    def on(self, year: int | None) -> dt.date | None:
        """The day in ``year`` (the expression's own year wins), or None without a year or day."""
        chosen = self.year if self.year is not None else year
        if chosen is None or self.day is None:
            return None
        return _safe_date(chosen, self.month, self.day)


class DateSpan(NamedTuple):
    """A date expression found in a text: ``text[start:end]`` says it."""

    start: int
    end: int
    date: dt.date | None
    approx: bool = False
    end_date: dt.date | None = None
    year_given: bool = False

    def moved(self, offset: int) -> "DateSpan":
        """The span found in a piece of a text, placed in the whole, where the piece starts at ``offset``."""
        return self._replace(start=self.start + offset, end=self.end + offset)


@cache
def _lexicon() -> dict:
    """The date words, read once."""
    return read_yaml(LEXICON)


def _alternation(words) -> str:
    """A regex alternation of words, longest first so 下旬 wins over a shorter word."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """The compiled day (Arabic or Chinese numerals), range-end, bare-day and relative-word patterns."""
    lex = _lexicon()
    part = rf"(?P<part>{_alternation(lex['month_parts'])})"
    day_or_part = rf"(?:{_DAY}|{part})"
    cn_date = _CN_DATE.replace("PARTS", _alternation(lex["month_parts"]))
    full = rf"(?<!\d)(?:(?:{_YEAR})?{_MONTH}{day_or_part}?|{_ISO})|{cn_date}"
    range_end = _RANGE_END.format(joiners=_alternation(lex["range_joiners"]))
    relative = _alternation(lex["relative"])
    return behind_first_chars(full), re.compile(range_end), behind_first_chars(_BARE_DAY), re.compile(relative)


def _safe_date(year: int, month: int, day: int) -> dt.date:
    """The date, with the day clamped to the month's length (2月30日 → the last day of February)."""
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _partial_from(match: re.Match) -> PartialDate:
    """The partial date a full-pattern match says."""
    if match.group("cmonth"):
        year = number(match.group("cyear")) if match.group("cyear") else None
        month = number(match.group("cmonth"))
        if match.group("cpart"):
            return PartialDate(year, month, _part_day(match.group("cpart"), year, month), approx=True)
        return PartialDate(year, month, number(match.group("cday")))
    if match.group("iyear"):
        return PartialDate(int(match.group("iyear")), int(match.group("imonth")), int(match.group("iday")))
    year = int(match.group("year")) if match.group("year") else None
    month = int(match.group("month"))
    if match.group("day"):
        return PartialDate(year, month, int(match.group("day")))
    if match.group("part"):
        return PartialDate(year, month, _part_day(match.group("part"), year, month), approx=True)
    return PartialDate(year, month, None)


def number(text: str) -> int:
    """A number written in Arabic or Chinese numerals: 2020, 二〇二〇 (digit by digit), 十二, 三十一, 廿五.

    >>> [number(t) for t in ("08", "二〇二〇", "十", "十二", "三十", "二十三", "廿五", "卅")]
    [8, 2020, 10, 12, 30, 23, 25, 30]
    """
    if text.isascii():
        return int(text)
    text = text.replace("廿", "二十").replace("卅", "三十")
    if "十" not in text:
        return int("".join(str(_CN_VALUES[c]) for c in text))
    tens, _, units = text.partition("十")
    return _CN_VALUES.get(tens, 1) * 10 + (_CN_VALUES[units] if units else 0)


def _part_day(part: str, year: int | None, month: int) -> int:
    """The day standing for a part of a month; "last" needs the year for February."""
    value = _lexicon()["month_parts"][part]
    if value == "last":
        return calendar.monthrange(year or 2001, month)[1]
    return int(value)


# How far into the next calendar year a month-day with no year may fall after the reference day (a
# report of late December telling of 1月2日); further on, it is this year's, told looking back.
LOOK_AHEAD_DAYS = 61


@lru_cache(maxsize=4096)
def infer_year(month: int, day: int, reference: dt.date) -> int:
    """The year that puts month/day closest to ``reference``, next year only within ``LOOK_AHEAD_DAYS``.

    Reporting looks back more than forward: an answer given in October that recalls
    2月下旬 means the February before, not the one to come; within one year the closer
    day wins (a chronicle published in April that opens in December means the December
    before; a briefing of February announcing 5月18日 means this May).

    >>> infer_year(12, 30, dt.date(2020, 4, 7))
    2019
    >>> infer_year(3, 28, dt.date(2020, 3, 26))
    2020
    >>> infer_year(2, 20, dt.date(2020, 10, 22))
    2020
    >>> infer_year(1, 2, dt.date(2020, 12, 30))
    2021
    """
    limit = reference + dt.timedelta(days=LOOK_AHEAD_DAYS)
    years = [y for y in (reference.year - 1, reference.year, reference.year + 1)
             if y <= reference.year or _safe_date(y, month, day) <= limit]
    return min(years, key=lambda y: abs((_safe_date(y, month, day) - reference).days))


def _choose_year(partial: PartialDate, reference: dt.date | None, default_year: int | None) -> int | None:
    """The text's own year, else the one closest to the reference, else the default."""
    if partial.year is not None:
        return partial.year
    if reference is not None and partial.day is not None:
        return infer_year(partial.month, partial.day, reference)
    return default_year


def parse_partial(text: str) -> PartialDate | None:
    """Parse a text that is only a date (a heading such as ``2020年1月`` or ``1月3日至14日``).

    Returns None when anything but a date (or a range from it, or a weekday) is on the line.

    >>> parse_partial("2019年12月底")
    PartialDate(year=2019, month=12, day=31, approx=True)
    >>> parse_partial("3月14日") == PartialDate(None, 3, 14)
    True
    >>> parse_partial("3月14日（星期六）") == PartialDate(None, 3, 14)
    True
    >>> parse_partial("3月14日，习近平") is None
    True
    """
    stripped = text.strip()
    full, range_end, _, _ = _patterns()
    match = full.match(stripped)
    if not match:
        return None
    end = match.end()
    if match.group("day"):
        tail = range_end.match(stripped, end)
        end = tail.end() if tail else end
    rest = stripped[end:].strip()
    return _partial_from(match) if not rest or re.fullmatch(_lexicon()["weekday"], rest) else None


def parse_chinese_date(text: str, year: int | None = None, reference: dt.date | None = None) -> dt.date | None:
    """The day a text that is only a date names (``2020年3月14日``, ``3月14日``, ``2020-03-26``).

    A text without its own year takes the year closest to ``reference``, else ``year``.
    A bare month, or no year at all, gives None.

    >>> parse_chinese_date("3月14日", 2020)
    datetime.date(2020, 3, 14)
    >>> parse_chinese_date("3月14日") is None
    True
    """
    partial = parse_partial(text)
    if partial is None:
        return None
    return partial.on(_choose_year(partial, reference, year))


def find_date_spans(text: str, default_year: int | None = None,
                    reference: dt.date | None = None, told_before: str = "") -> list[DateSpan]:
    """Every date expression in ``text``, in order, non-overlapping.

    Parameters
    ----------
    text : a sentence or block of the matching view.
    default_year : the year of a month-day date when no reference is given.
    reference : the date the text is told on (its block's date): gives the year of
        month-day dates and the day of bare days (``18日``) and relative words (``日前``).
    told_before : the text told right before ``text``, where a month-day after 同年 finds its year.

    Returns
    -------
    DateSpan for each expression; ``date`` is None when no year or day can be known
    (a month-day without year or reference). Bare months (``1月``) are not returned.

    >>> [s.date for s in find_date_spans("1月3日起，至14日", default_year=2020)]
    [datetime.date(2020, 1, 3)]
    >>> s = find_date_spans("3月29日至4月1日，习近平在浙江考察", 2020)[0]
    >>> (s.end, s.date, s.end_date)
    (10, datetime.date(2020, 3, 29), datetime.date(2020, 4, 1))
    """
    if not _may_date(text, reference):
        return []
    spans = _full_dates(text, default_year, reference, told_before)
    if reference is not None:
        spans += _bare_days(text, reference, spans)
        spans += _relative_days(text, reference, spans)
        spans += _weekdays(text, reference, spans)
        spans += _weeks(text, reference, spans)
        spans += _month_word_parts(text, reference, spans)
    return _restated(text, sorted(spans))


def _restated(text: str, spans: list[DateSpan]) -> list[DateSpan]:
    """Spans with a date in brackets right after a weekday, relative word or date joined to it, the bracketed
    date giving the day (周三（12日）, 日前（22日）, 上周六（26日）): the paper states the day, which a counted weekday
    or a word such as 日前 only bounds, and a word before the pair (截至) governs both.

    >>> [(s.start, s.end, s.date, s.approx) for s in find_date_spans("甲日前（22日）称", reference=dt.date(2020, 3, 25))]
    [(1, 8, datetime.date(2020, 3, 22), False)]
    """
    merged: list[DateSpan] = []
    for span in spans:
        before = merged[-1] if merged else None
        if before is not None and span.date is not None and _bracketed(text, before.end, span):
            merged[-1] = span._replace(start=before.start, end=span.end + 1)
        else:
            merged.append(span)
    return merged


def _bracketed(text: str, end: int, span: DateSpan) -> bool:
    """True when ``span`` stands in brackets that open at ``end`` (right after another date)."""
    return any(text[end:span.start] == pair[0] and text.startswith(pair[1], span.end)
               for pair in _lexicon()["restated_in"])


def _may_date(text: str, reference: dt.date | None) -> bool:
    """False only when ``text`` cannot hold a date: no character a numeric date begins with,
    and (with a reference) no relative word, weekday, week or part of a month named by a month word."""
    if _numeric_start().search(text):
        return True
    return reference is not None and bool(_patterns()[3].search(text) or _weekday_pattern().search(text)
                                          or _week_pattern().search(text) or _month_word_part_pattern().search(text))


@cache
def _numeric_start() -> re.Pattern:
    """Any character a full or bare date can begin with (any character, when that cannot be known)."""
    full, _, bare, _ = _patterns()
    firsts = [first_chars(full.pattern), first_chars(bare.pattern), first_chars(_CN_BARE_DAY)]
    if None in firsts:
        return re.compile("(?s:.)")
    return re.compile("[{}]".format("".join(re.escape(c) for c in sorted(set().union(*firsts)))))


def find_dates(text: str, default_year: int | None = None,
               reference: dt.date | None = None) -> list[tuple[int, int, dt.date]]:
    """``(start, end, date)`` for every date expression whose day is known.

    >>> find_dates("3月14日，", 2020)
    [(0, 5, datetime.date(2020, 3, 14))]
    """
    return [(s.start, s.end, s.date) for s in find_date_spans(text, default_year, reference) if s.date]


def _full_dates(text: str, default_year: int | None, reference: dt.date | None,
                told_before: str = "") -> list[DateSpan]:
    """Month-day dates (with their ranges) and ISO dates."""
    full, range_end, _, _ = _patterns()
    spans = []
    for match in full.finditer(text):
        partial = _partial_from(match)
        if partial.day is None:
            continue
        if partial.year is None and text.endswith(tuple(_lexicon()["same_year_words"]), 0, match.start()):
            year = _last_year(told_within(told_before + text[:match.start()], len(told_before) + match.start()))
        else:
            year = _worded_year(text, match.start(), reference) if partial.year is None else None
            year = year or _choose_year(partial, reference, default_year)
        start_date = partial.on(year)
        end, end_date = match.end(), None
        tail = range_end.match(text, end) if match.group("day") else None
        if tail:
            end, end_date = tail.end(), _range_end(start_date, tail)
        spans.append(DateSpan(match.start(), end, start_date, partial.approx, end_date, partial.year is not None))
    return spans


def _last_year(text: str) -> int | None:
    """The last year written in ``text`` (2019年, 2019年6月3日), the one a later 同年 carries on (None when
    none is written: 同年7月1日 is then an unknown day, not the reference's year).

    >>> _last_year("2018年起，2019年6月，甲国")
    2019
    """
    years = re.findall(_YEAR_WRITTEN, text)
    return int(years[-1]) if years else None


def told_within(text: str, start: int) -> str:
    """The text a word at ``start`` looks back over for the day or year it carries on (同日, 同年): as far back as
    the anaphoric window of dates.yaml."""
    return text[max(0, start - _lexicon()["anaphoric"]["window"]):start]


def _worded_year(text: str, start: int, reference: dt.date | None) -> int | None:
    """The year a year word right before ``start`` names (去年8月3日: the reference's year less one)."""
    if reference is None:
        return None
    words = _lexicon()["year_words"]
    word = next((w for w in words if text.endswith(w, 0, start)), None)
    return reference.year + int(words[word]) if word else None


def _range_end(start: dt.date | None, tail: re.Match) -> dt.date | None:
    """The last day of a range whose end ``tail`` matched: a day with no month of its own smaller than the
    start's runs into the next month (10月30日至2日 ends on 11月2日, not a year later)."""
    if start is None:
        return None
    day = int(tail.group("day2"))
    month = int(tail.group("month2")) if tail.group("month2") else start.month % 12 + 1 if day < start.day \
        else start.month
    end = _safe_date(start.year, month, day)
    return end if end >= start else _safe_date(start.year + 1, month, day)  # the range crosses New Year


def _free(start: int, end: int, taken: list[DateSpan]) -> bool:
    """True when ``start:end`` overlaps no span already found."""
    return all(end <= s.start or start >= s.end for s in taken)


class _BareDays(NamedTuple):
    """How bare days of one script of numerals are found: the pattern, the words a day must follow, whether
    the start of a text will do instead, and the words after it that make it a length of time."""

    pattern: re.Pattern
    openers: tuple[str, ...]
    at_start: bool
    lengths: tuple[str, ...]


@cache
def _bare_kinds() -> tuple[_BareDays, _BareDays]:
    """Bare days in Arabic numerals (18日) and in Chinese ones (二十三日), which stand for a length of time
    (三日后, 五日训练) more often, so they need a word such as 于 or 至 before them and no length word after."""
    lex = _lexicon()
    return (_BareDays(_patterns()[2], _day_openers(), True, (_WITHIN,)),
            _BareDays(behind_first_chars(_CN_BARE_DAY), tuple(lex["chinese_day_only_after"]), False,
                      tuple(lex["chinese_day_not_before"])))


def _bare_days(text: str, reference: dt.date, taken: list[DateSpan]) -> list[DateSpan]:
    """``18日`` after a comma (or 于, 至 …): the day of that number closest to the reference; a second
    day joined to it (12日至13日, 30日至2日 running into the next month) ends its range, as after a month-day."""
    range_end = _patterns()[1]
    spans: list[DateSpan] = []
    months = _lexicon()["month_words"]
    for kind, match in ((kind, m) for kind in _bare_kinds() for m in kind.pattern.finditer(text)):
        if not _free(match.start(), match.end(), spans):
            continue  # the end of a range already read (12日至13日)
        month_word = next((w for w in months if text.endswith(w, 0, match.start())), None)
        opened = (kind.at_start and not match.start()) or text.endswith(kind.openers, 0, match.start())
        if not (month_word or opened) or _length_after(text, match.end(), kind.lengths):
            continue
        if not _free(match.start(), match.end(), taken):
            continue
        day = number(match.group("day"))
        date = _day_in_month(reference, int(months[month_word]), day) if month_word else _nearest_day(day, reference)
        end, end_date = match.end(), None
        tail = range_end.match(text, end)
        if tail and _free(end, tail.end(), taken):
            end, end_date = tail.end(), _range_end(date, tail)
        spans.append(DateSpan(match.start(), end, date, end_date=end_date))
    return spans


def _length_after(text: str, end: int, words: tuple[str, ...]) -> bool:
    """True when a word of a length of time follows ``end`` (3日内, 三日后), 内地 ("the mainland") excepted."""
    return text.startswith(words, end) and not text.startswith(_WITHIN_EXCEPT, end)


def _day_in_month(reference: dt.date, shift: int, day: int) -> dt.date:
    """The day of the month ``shift`` months from the reference's (上月19日: shift -1)."""
    index = reference.year * 12 + reference.month - 1 + shift
    return _safe_date(index // 12, index % 12 + 1, day)


@cache
def _day_openers() -> tuple[str, ...]:
    """What a bare day may follow (``day_only_after``), as a tuple for ``str.endswith``."""
    return tuple(_lexicon()["day_only_after"])


@lru_cache(maxsize=4096)
def _nearest_day(day: int, reference: dt.date) -> dt.date:
    """The date with this day of month closest to the reference (its month, the one before or after)."""
    first = reference.replace(day=1)
    months = [(first - dt.timedelta(days=1)).replace(day=1), first,
              (first + dt.timedelta(days=32)).replace(day=1)]
    candidates = [_safe_date(m.year, m.month, day) for m in months]
    return min(candidates, key=lambda d: abs((d - reference).days))


def _relative_days(text: str, reference: dt.date, taken: list[DateSpan]) -> list[DateSpan]:
    """日前, 近日, 当天, 次日 …: the reference moved by the word's offset."""
    _, _, _, relative = _patterns()
    words = _lexicon()["relative"]
    spans = []
    for match in relative.finditer(text):
        word = words[match.group(0)]
        if (not _free(match.start(), match.end(), taken) or _after(text, match.start(), word.get("not_after", ""))
                or _before(text, match.end(), word.get("not_before", ""))):
            continue
        day = reference + dt.timedelta(days=int(word["offset"]))
        spans.append(DateSpan(match.start(), match.end(), day, bool(word["approx"])))
    return spans


@cache
def _month_word_part_pattern() -> re.Pattern:
    """A month word and a part of that month (本月中旬, 上月底, 上个月初)."""
    lex = _lexicon()
    return re.compile(f"(?P<word>{_alternation(lex['month_words'])})(?P<part>{_alternation(lex['month_parts'])})")


def _month_word_parts(text: str, reference: dt.date, taken: list[DateSpan]) -> list[DateSpan]:
    """``本月中旬``, ``上月底``: the part's day of the month the word counts from the reference's, approximate
    as any part of a month is (2019年12月底), not the reference day itself.

    >>> [(s.date, s.approx) for s in find_date_spans("世卫本月中旬派出专家组", reference=dt.date(2020, 2, 26))]
    [(datetime.date(2020, 2, 15), True)]
    >>> [s.date for s in find_date_spans("A上月底发表报告", reference=dt.date(2020, 3, 10))]
    [datetime.date(2020, 2, 29)]
    """
    lex = _lexicon()
    spans = []
    for match in _month_word_part_pattern().finditer(text):
        if not _free(match.start(), match.end(), taken):
            continue
        first = _day_in_month(reference, int(lex["month_words"][match.group("word")]), 1)
        day = _part_day(match.group("part"), first.year, first.month)
        spans.append(DateSpan(match.start(), match.end(), first.replace(day=day), True))
    return spans


def _after(text: str, start: int, chars: str) -> bool:
    """True when the character before ``start`` is one of ``chars``."""
    return start > 0 and text[start - 1] in chars


def _before(text: str, end: int, chars: str) -> bool:
    """True when the character at ``end`` (right after a word) is one of ``chars``."""
    return end < len(text) and text[end] in chars


@cache
def _weekday_pattern() -> re.Pattern:
    """A weekday with the week word before it, if any (上周五, 星期二); a week word closing another word
    (原本周日) is not one."""
    lex = _lexicon()["weekdays"]
    return re.compile("(?P<week>(?<![{}])(?:{}))?(?:{})(?P<day>[{}])".format(
        re.escape(lex["week_not_after"]), _alternation(lex["weeks"]), _alternation(lex["words"]),
        "".join(lex["days"])))


def _weekdays(text: str, reference: dt.date, taken: list[DateSpan]) -> list[DateSpan]:
    """周二, 上周五 …: the day they name, counted from the reference (see ``dates.yaml``).

    >>> [s.date for s in _weekdays("英方周二宣布，上周五抵达", dt.date(2020, 2, 19), [])]
    [datetime.date(2020, 2, 18), datetime.date(2020, 2, 14)]
    >>> [s.date for s in _weekdays("上周四抵达", dt.date(2020, 2, 16), [])]   # a Sunday paper
    [datetime.date(2020, 2, 13)]
    >>> [s.date for s in _weekdays("英方将于周二宣布", dt.date(2020, 2, 19), [])]   # a day to come
    [datetime.date(2020, 2, 25)]
    """
    lex = _lexicon()["weekdays"]
    spans = []
    for match in _weekday_pattern().finditer(text):
        start = match.start()
        if (not _free(start, match.end(), taken) or _after(text, start, lex["not_after"])
                or _restates(text, start, taken)):
            continue
        weekday = lex["days"][match.group("day")]
        if match.group("week") is None and text.endswith(tuple(lex["future_before"]), 0, start):
            day = reference + dt.timedelta(days=(weekday - reference.weekday()) % 7)
        elif match.group("week") is None:
            day = reference - dt.timedelta(days=(reference.weekday() - weekday) % 7)
        else:
            day = _week_monday(reference) + dt.timedelta(days=7 * lex["weeks"][match.group("week")] + weekday)
        spans.append(DateSpan(start, match.end(), day))
    return spans


@cache
def _week_pattern() -> re.Pattern:
    """A week word with no day after it (上周, 本星期, 上周末), not the end of another word (原本周)."""
    lex = _lexicon()["weekdays"]
    return re.compile("(?<![{}])(?P<week>{})个?(?:{})(?P<end>{})?(?![{}])".format(
        re.escape(lex["week_not_after"]), _alternation(lex["bounding_weeks"]), _alternation(lex["words"]),
        _alternation(lex["weekend"]), "".join(lex["days"])))


def _weeks(text: str, reference: dt.date, taken: list[DateSpan]) -> list[DateSpan]:
    """上周, 本周, 上周末 …: the week's last day, or the reference day if that is sooner, approximate, since the text
    only bounds the day by the week (see ``bounding_weeks`` in dates.yaml); a weekend of this week may be to come.

    >>> [(s.date, s.approx) for s in _weeks("甲国上周宣布，本周抵达", dt.date(2020, 2, 19), [])]
    [(datetime.date(2020, 2, 16), True), (datetime.date(2020, 2, 19), True)]
    """
    lex = _lexicon()["weekdays"]
    spans = []
    for match in _week_pattern().finditer(text):
        if not _free(match.start(), match.end(), taken) or _after(text, match.start(), lex["not_after"]):
            continue
        sunday = _week_monday(reference) + dt.timedelta(days=7 * lex["bounding_weeks"][match.group("week")] + 6)
        day = sunday if match.group("end") else min(sunday, reference)
        spans.append(DateSpan(match.start(), match.end(), day, True))
    return spans


def _week_monday(reference: dt.date) -> dt.date:
    """The Monday of the week the week words (上周, 本周) count from: the reference's, or for a Sunday the next
    day's, since a Sunday paper tells the week ahead as this week (its 上周六 is the day before; see dates.yaml)."""
    sunday = reference.weekday() == 6
    return reference - dt.timedelta(days=reference.weekday()) + dt.timedelta(days=7 if sunday else 0)


def _restates(text: str, start: int, taken: list[DateSpan]) -> bool:
    """True when a date ends right before ``start`` (3月3日（周二）, 3月3日周二): the weekday only restates it."""
    return any(text[s.end:start].strip(" （(") == "" and s.end <= start for s in taken)


def anaphoric(span: DateSpan, text: str) -> bool:
    """True when the span is a word pointing back to a day just told (同日, 当天, 次日; ``anaphoric`` in dates.yaml)."""
    return text[span.start:span.end] in _lexicon()["anaphoric"]["words"]


def counted_from_told(text: str, span: DateSpan, reference: dt.date, floor: int = 0) -> dt.date | None:
    """The day an anaphoric ``span`` of ``text`` names, counted from the last day written before it (from
    ``floor`` on, within the window of dates.yaml), or None when none is written there.

    >>> text = "6月22日，甲会见乙。同日，丙致电丁"
    >>> span = find_date_spans(text, reference=dt.date(2020, 7, 1))[-1]
    >>> counted_from_told(text, span, dt.date(2020, 7, 1))
    datetime.date(2020, 6, 22)
    """
    told = last_told(text[max(floor, span.start - _lexicon()["anaphoric"]["window"]):span.start], reference)
    return None if told is None else told.date + (span.date - reference)


def last_told(segment: str, reference: dt.date) -> DateSpan | None:
    """The last day written in ``segment``: a month-day date, weekday or bare day of the month, or a relative
    word that names a day (今早A宣布…，前一天B表示: the day before today); not a part of a month, a word that
    only bounds the day (近日), nor another word pointing back. It is the day a word pointing back counts from,
    and the day a paragraph has reached, which its later sentences that write none go on telling
    (周五，A召见B。C则在记者会上…: Friday's press conference).

    >>> last_told("甲国周五召见乙国大使。", dt.date(2020, 3, 14)).date
    datetime.date(2020, 3, 13)
    """
    told = told_days(segment, reference)
    return told[-1] if told else None


def told_days(segment: str, reference: dt.date) -> list[DateSpan]:
    """The days written in ``segment``, in order, as :func:`last_told` reads them (the first is the day an
    article's lead tells its news of).

    >>> [s.date for s in told_days("甲国周二宣布，乙国昨日回应", dt.date(2020, 3, 19))]
    [datetime.date(2020, 3, 17), datetime.date(2020, 3, 18)]
    """
    lex = _lexicon()["anaphoric"]
    day = _told_day_mark()
    return [s for s in find_date_spans(segment, reference=reference)
            if s.date and not s.approx and not anaphoric(s, segment)
            and (lex["month_mark"] in segment[s.start:s.end] or day.search(segment, s.start, s.end)
                 or segment[s.start:s.end] in _lexicon()["relative"])]


@cache
def _told_day_mark() -> re.Pattern:
    """A weekday or a bare day of the month (``told_day_mark`` of dates.yaml)."""
    return re.compile(_lexicon()["anaphoric"]["told_day_mark"])


def era_year(text: str) -> int | None:
    """The earliest year of an era word (新冠肺炎 → 2020) in the text: a last-resort year.

    >>> era_year("新冠肺炎疫情防控")
    2020
    """
    years = [year for term, year in _lexicon()["era_terms"].items() if term in text]
    return min(years) if years else None


def latest_year(text: str) -> int | None:
    """The latest year a date or month in the text states (2020年3月26日, 2020-03-26, 2020年4月), if any.

    A bare month counts: a compilation's title (``摘编（2020年4月—6月）``) is often the only
    place its year is written.

    >>> latest_year("2019年12月31日至2020年1月3日")
    2020
    >>> latest_year("讲话摘编（2020年4月—6月）")
    2020
    """
    full = _patterns()[0]
    years = [partial.year for partial in map(_partial_from, full.finditer(text)) if partial.year is not None]
    return max(years) if years else None


def first_stated(text: str) -> PartialDate | None:
    """The first date or month in the text that states its own year (a heading's period), if any.

    >>> first_stated("一、开局（2019年12月至2020年1月）")
    PartialDate(year=2019, month=12, day=None, approx=False)
    >>> first_stated("3月5日") is None
    True
    """
    full = _patterns()[0]
    return next((p for p in map(_partial_from, full.finditer(text)) if p.year is not None), None)

