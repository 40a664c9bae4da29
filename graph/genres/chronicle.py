"""Chronicles (大事记): day headings, each followed by ``◆`` items.

A chronicle carries the year of its last year heading down to its day headings and rolls it over
when the months jump back (``12月`` → ``1月``: the next year; forward by half a year or more in a
newest-first chronicle: the year before). Without a year heading, the first day takes the year
closest to ``meta.date``. An item runs from after its ``◆`` to the next item or heading, so lines
broken by a page break stay in it.

``heading``  a title, or a month heading (``2020年1月``; ``2019年12月底`` carries an approximate date);
``day``      a day heading (``3月14日``, ``2020年1月3日``, ``1月3日至14日``);
``bullet``   an item, dated by the heading above it;
``paragraph`` any other line.
"""
from __future__ import annotations

from dataclasses import replace

from ..dates import parse_partial
from ..model import Block, Document
from .layout import Calendar, Line, is_rule, skip_blanks, text_block, words

__all__ = ["NAMES", "split"]

NAMES = ("chronicle",)


def split(lines: list[Line], document: Document) -> list[Block]:
    """Headings, day headings, items and paragraphs of a chronicle, dated by the headings above them."""
    calendar = Calendar.of(document)
    blocks: list[Block] = []
    date, approx = document.meta.date, False
    bullet: Block | None = None
    for line in lines:
        partial = parse_partial(line.text)
        marker = _bullet_marker(line.text)
        if partial is not None or marker is not None or is_rule(line.text):
            if bullet is not None:
                blocks.append(bullet)
            bullet = None
        if partial is not None:
            date, approx = calendar.date_of(partial), partial.approx
            kind = "day" if partial.day is not None and not partial.approx else "heading"
            blocks.append(Block(kind, line.start, line.end, date, approx))
        elif marker is not None:
            start = skip_blanks(document.text, line.start + len(marker), line.end)
            bullet = Block("bullet", start, line.end, date, approx)
        elif is_rule(line.text):
            date, approx = document.meta.date, False
        elif bullet is not None:
            bullet = replace(bullet, end=line.end)
        else:
            blocks.append(text_block(line, date, approx))
    if bullet is not None:
        blocks.append(bullet)
    return blocks


def _bullet_marker(text: str) -> str | None:
    """The marker a chronicle item opens with, if any."""
    markers = words("bullet_markers")
    if not text.startswith(markers):
        return None
    return next(m for m in markers if text.startswith(m))
