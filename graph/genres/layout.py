"""What every genre module cuts documents with: lines, layout cues, dating helpers.

A genre module (``graph.genres.<name>``) turns a document's non-blank lines
(:class:`Line`) into :class:`~graph.model.Block` tuples; the helpers here are
the steps several genres share: a heading or a paragraph for a loose line, a
wire dateline's day, a date a line opens with, the year a chronicle carries
down. Cues are in ``ontology/lexicon/structure.yaml``.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path
from typing import NamedTuple

from ..dates import PartialDate, era_year, find_date_spans, infer_year, latest_year, parse_chinese_date
from ..lexicon import read_yaml
from ..model import Block, Document

__all__ = ["Calendar", "Line", "cues", "genre_cues", "dateline_date", "fallback_year", "is_heading", "is_rule",
           "leading_date", "lines_of", "pattern", "skip_blanks", "text_block", "words"]

LEXICON = Path(__file__).resolve().parent.parent.parent / "ontology" / "lexicon" / "structure.yaml"
ROLLOVER_MONTHS = 6


class Line(NamedTuple):
    """One non-blank line: ``text`` is ``Document.text[start:end]``, surrounding blanks stripped.

    A named tuple: one per line of every document, built several times faster than a frozen dataclass.
    """

    number: int
    start: int
    end: int
    text: str


@cache
def cues() -> dict:
    """The layout cues, read once."""
    return read_yaml(LEXICON)


@cache
def genre_cues(genre: str, patterns: tuple[str, ...] = ()) -> dict:
    """A genre's own layout cues (``ontology/lexicon/<genre>.yaml``), read once, the cues named in
    ``patterns`` compiled. The dict is shared: copy it before changing it."""
    own = read_yaml(LEXICON.parent / f"{genre}.yaml")
    return {key: re.compile(value) if key in patterns else value for key, value in own.items()}


@cache
def words(cue: str) -> tuple[str, ...]:
    """A word list of the layout cues as a tuple, in its order (for ``str.startswith``)."""
    return tuple(cues()[cue])


@cache
def pattern(source: str) -> re.Pattern:
    """A layout cue's pattern, compiled once."""
    return re.compile(source)


def lines_of(text: str) -> list[Line]:
    """The non-blank lines of ``text`` with their stripped positions and line numbers."""
    lines, position = [], 0
    for number, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        if stripped:
            start = position + len(raw) - len(raw.lstrip())
            lines.append(Line(number, start, start + len(stripped), stripped))
        position += len(raw) + 1
    return lines


def is_rule(text: str) -> bool:
    """A horizontal rule: three or more rule characters and nothing else."""
    return len(text) >= 3 and all(char in cues()["rule_chars"] for char in text)


def is_heading(text: str) -> bool:
    """A Markdown heading, or a short line that does not end like a sentence."""
    layout = cues()
    if text.startswith(layout["markdown_heading"]):
        return True
    return len(text) <= layout["heading_max_length"] and text[-1] not in layout["sentence_final"]


def text_block(line: Line, date: dt.date | None, approx: bool = False) -> Block:
    """A heading or paragraph block for a line outside any larger unit."""
    kind = "heading" if is_heading(line.text) else "paragraph"
    return Block(kind, line.start, line.end, date, approx)


def fallback_year(document: Document) -> int | None:
    """The year of month-day dates in a document with no metadata date (see ``graph.structure``)."""
    return document.meta.year or latest_year(document.text) or era_year(document.text)


def skip_blanks(text: str, start: int, end: int) -> int:
    """The first non-blank position in ``text[start:end]`` (``end`` when all blank)."""
    while start < end and text[start].isspace():
        start += 1
    return start


def dateline_date(lines: list[Line], document: Document) -> dt.date | None:
    """The day of a wire dateline near the top (新华社北京5月18日电).

    The dateline is the day the story was filed, which its 日前 and bare days
    (16日) count from; a page's metadata time is often the next morning's. Its
    year is the one closest to the metadata date, else the document's fallback
    year (a full date elsewhere, else an era word).
    """
    layout = cues()
    for line in lines[:layout["dateline_lines"]]:
        match = pattern(layout["dateline"]).search(line.text)
        if match:
            anchor = document.meta.date
            return parse_chinese_date(match.group("date"), None if anchor else fallback_year(document), anchor)
    return None


def leading_date(text: str, anchor: dt.date | None, fallback: int | None) -> tuple[dt.date | None, bool]:
    """The date a line opens with (``3月4日，…``; a range gives its first day)."""
    spans = find_date_spans(text, default_year=fallback, reference=anchor)
    if spans and spans[0].start == 0 and spans[0].date is not None:
        return spans[0].date, spans[0].approx
    return None, False


class Calendar:
    """The year and month a chronicle has reached, carried from heading to heading.

    ``forward`` is for texts told in the order things happened (a chronology): a month far
    ahead of the last one (2月 … 12月) is later in the same year, never the year before.
    """

    def __init__(self, anchor: dt.date | None, fallback: int | None, forward: bool = False):
        self.anchor, self.fallback, self.forward = anchor, fallback, forward
        self.year: int | None = None
        self.month: int | None = None

    @classmethod
    def of(cls, document: Document) -> Calendar:
        """A calendar anchored on the document's date, else on the year its text gives."""
        return cls(document.meta.date, None if document.meta.date else fallback_year(document))

    def date_of(self, partial: PartialDate) -> dt.date | None:
        """The heading's date (None for a bare month), advancing the carried year and month."""
        year = self._year(partial)
        self.year, self.month = year, partial.month
        return partial.on(year)

    def _year(self, partial: PartialDate) -> int | None:
        """The heading's own year, else the carried one (rolled over), else one from the anchor."""
        if partial.year is not None:
            return partial.year
        if self.year is not None and self.month is None:
            return self.year  # a heading that states only the year (2021年): its first item sets the month
        if self.year is not None and self.month is not None:
            if self.month - partial.month >= ROLLOVER_MONTHS:
                return self.year + 1
            if partial.month - self.month >= ROLLOVER_MONTHS and not self.forward:
                return self.year - 1
            return self.year
        if self.anchor is not None:
            return infer_year(partial.month, partial.day or 15, self.anchor)
        return self.fallback
