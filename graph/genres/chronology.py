"""Numbered chronologies: ``（N）M月D日，…`` items under ``一、``/``（一）`` headings.

A white paper or a report lists what happened day by day, each item opening with
its number and its day, under section headings that often state the period
(``（2019年12月27日至2020年1月19日）``). An item's day rarely states its year: the
year is carried from item to item and rolled over when the months go back
(``12月27日`` … ``1月3日``: the next year), as in a chronicle. Words such as
``当日起``/``同日`` inside an item count from the item's day (``graph.events``).

``section``  a section heading, or a line that only states a period, a year (2021年) or a month (一月);
``item``     an item, with the day it opens with (:func:`item_day`); under a month heading, an item
             may open with its day alone (``12日，…``), its month the heading's;
``None``     any other line: the item above it goes on when no blank line
             parts them, else ordinary text.

Cues are in ``ontology/lexicon/chronology.yaml``.

>>> classify(["一、迅即应对", "（1）12月27日，甲市报告病例。", "病例随后转院。", "（2）1月3日，乙国通报。"])
['section', 'item', None, 'item']
>>> item_day("（2）1月3日至14日，乙国通报。")
'1月3日'
>>> classify(["一月", "12日，甲国同乙国通电话。", "二月", "3日，丙国援助丁国。"])
['section', 'item', 'section', 'item']
>>> classify(["12日，甲国同乙国通电话。"])
[None]
"""
from __future__ import annotations

from collections.abc import Sequence
import datetime as dt
from dataclasses import replace
from functools import cache

from ..dates import PartialDate, first_stated, number, parse_partial
from ..model import Block, Document
from .layout import Calendar, Line, genre_cues, text_block

__all__ = ["NAMES", "classify", "item_day", "item_start", "split"]

NAMES = ("chronology",)



@cache
def _cues() -> dict:
    """The chronology layout cues, read once, patterns compiled."""
    return genre_cues("chronology", ("item", "section", "period", "year_heading", "month_heading", "day_item",
                                     "title_year", "title_period", "period_separator"))


def classify(lines: Sequence[str]) -> list[str | None]:
    """The block kind of each line of a numbered chronology (None: an item goes on, or plain text).
    A day alone (``12日，…``) opens an item only once a month heading has been seen: elsewhere it is
    an article's paragraph counting from its dateline."""
    kinds: list[str | None] = []
    under_month = False
    for line in lines:
        kinds.append(_kind(line, under_month))
        under_month = under_month or _cues()["month_heading"].match(line) is not None
    return kinds


def _kind(line: str, under_month: bool = False) -> str | None:
    """``item``, ``section`` or None for one stripped line (``under_month``: a month heading is above it)."""
    cues = _cues()
    if cues["item"].match(line) or (under_month and cues["day_item"].match(line)):
        return "item"
    if cues["period"].match(line) or cues["year_heading"].match(line) or cues["month_heading"].match(line):
        return "section"
    if cues["section"].match(line) and len(line) <= cues["section_max_length"] and "。" not in line:
        return "section"
    return None


def item_day(line: str) -> str | None:
    """The day an item opens with, as written (``12月27日``, or ``12日`` under a month heading), or None."""
    match = _cues()["item"].match(line)
    if match:
        return match.group("date")
    alone = _cues()["day_item"].match(line)
    return alone.group("day") + "日" if alone else None


def item_start(line: str) -> int:
    """Where the item's own words begin: after its number, at its day (0 for another line)."""
    match = _cues()["item"].match(line)
    return match.start("date") if match else 0


def _item_partial(calendar: Calendar, day: str) -> PartialDate | None:
    """What an item's day says: a month and day as written, or a day alone in the month the calendar
    has reached (the month heading above it)."""
    partial = parse_partial(day)
    if partial is None and calendar.month is not None and day.endswith("日"):
        return PartialDate(None, calendar.month, int(day[:-1]))
    return partial


def _carry_month(calendar: Calendar, text: str) -> None:
    """Move the calendar to the month a month heading names (一月 after 十二月: the next year)."""
    month = _cues()["month_heading"].match(text)
    if month is not None:
        calendar.date_of(PartialDate(None, number(month.group("month")), None))


def split(lines: list[Line], document: Document) -> list[Block]:
    """Sections and numbered items of a chronology.

    Each item is dated by the day it opens with, its year carried from item to item
    and rolled over when the months go back (as a chronicle's day headings), never back a
    year when they leap ahead (2月 … 12月: the items keep the order of time); a heading
    that states a year (``（2019年12月27日至2020年1月19日）``) sets the year carried on.
    A line right under an item (no blank line between) goes on the item; after a blank
    line, it is a paragraph of its own (an article that quotes a chronology goes on).
    """
    calendar = Calendar.of(document)
    calendar.forward = True
    blocks: list[Block] = []
    item: Block | None = None
    period: tuple[PartialDate, PartialDate] | None = None
    last_number = -1
    for line, kind in zip(lines, classify([line.text for line in lines])):
        goes_on = kind is None and line.number == last_number + 1
        last_number = line.number
        if item is not None and not goes_on:
            blocks.append(item)
            item = None
        if kind == "section":
            _carry_stated_year(calendar, line.text)
            _carry_month(calendar, line.text)
            blocks.append(Block("section", line.start, line.end))
        elif kind == "item":
            partial = _item_partial(calendar, item_day(line.text))
            date = _within(calendar, period, partial) if partial else None
            item = Block("bullet", line.start + item_start(line.text), line.end, date)
        elif item is not None:
            item = replace(item, end=line.end)
        else:
            if not blocks:
                _carry_title_year(calendar, line.text)
                period = _title_period(line.text)
            blocks.append(text_block(line, document.meta.date))
    return blocks + ([item] if item is not None else [])


def _carry_stated_year(calendar: Calendar, text: str) -> None:
    """Set the calendar to the first date or month with its own year that a heading states, if any;
    a heading that is only a year (2021年) sets the year, its first item the month."""
    stated = first_stated(text)
    if stated is not None:
        calendar.year, calendar.month = stated.year, stated.month
    elif _cues()["year_heading"].match(text):
        calendar.year, calendar.month = int(text[:4]), None


def _title_period(text: str) -> tuple[PartialDate, PartialDate] | None:
    """The first and last month of the period a title ends with in brackets, both with their years
    (某某大事记（2021年12月至2022年1月）), or None."""
    cues = _cues()
    period = cues["title_period"].search(text)
    if period is None:
        return None
    parts = cues["period_separator"].split(period.group("period"), maxsplit=1)
    bounds = first_stated(parts[0]), first_stated(parts[-1]) if len(parts) == 2 else None
    return bounds if None not in bounds else None


def _within(calendar: Calendar, period: tuple[PartialDate, PartialDate] | None,
            partial: PartialDate) -> dt.date | None:
    """The item's day, moved into the period its title states when one year alone puts it there: a
    chronology grouped by theme starts each section over in time (二、物资援助 goes back to 12月31日
    after 一、… reached 1月3日), which the carried year takes for the next December. A year the item
    writes itself stays, as :meth:`PartialDate.on` keeps it (and a 29 February has no other year)."""
    date = calendar.date_of(partial)
    if period is None or date is None or partial.year is not None:
        return date
    start, end = period
    years = [year for year in range(start.year, end.year + 1)
             if (start.year, start.month) <= (year, date.month) <= (end.year, end.month)]
    if date.year in years or len(years) != 1:
        return date
    calendar.year = years[0]
    return partial.on(years[0])


def _carry_title_year(calendar: Calendar, text: str) -> None:
    """The year a title opens with (2020年某某大事记) or ends with in brackets (某某大事记（2021年）), or the
    start of the period it ends with in brackets (某某大事记（2021年12月至2022年1月）), for the items
    before a heading states one."""
    cues = _cues()
    period = cues["title_period"].search(text)
    start = first_stated(period.group("period")) if period else None
    if start is not None:
        calendar.year, calendar.month = start.year, start.month
        return
    match = cues["title_year"].search(text)
    if match and first_stated(text) is None:
        calendar.year, calendar.month = int(match.group("year")), None
