"""Numbered chronologies: ``（N）M月D日，…`` items under ``一、``/``（一）`` headings.

A white paper or a report lists what happened day by day, each item opening with
its number and its day, under section headings that often state the period
(``（2019年12月27日至2020年1月19日）``). An item's day rarely states its year: the
year is carried from item to item and rolled over when the months go back
(``12月27日`` … ``1月3日``: the next year), as in a chronicle. Words such as
``当日起``/``同日`` inside an item count from the item's day (``graph.events``).

``section``  a section heading, or a line that only states a period;
``item``     an item, with the day it opens with (:func:`item_day`);
``None``     any other line: the item above it goes on when no blank line
             parts them, else ordinary text.

Cues are in ``ontology/lexicon/chronology.yaml``.

>>> classify(["一、迅即应对", "（1）12月27日，甲市报告病例。", "病例随后转院。", "（2）1月3日，乙国通报。"])
['section', 'item', None, 'item']
>>> item_day("（2）1月3日至14日，乙国通报。")
'1月3日'
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import yaml

__all__ = ["classify", "item_day", "item_start"]

LEXICON = Path(__file__).resolve().parent.parent.parent / "ontology" / "lexicon" / "chronology.yaml"


@cache
def _cues() -> dict:
    """The chronology layout cues, read once, patterns compiled."""
    with LEXICON.open(encoding="utf-8") as handle:
        cues = yaml.safe_load(handle)
    for key in ("item", "section", "period"):
        cues[key] = re.compile(cues[key])
    return cues


def classify(lines: Sequence[str]) -> list[str | None]:
    """The block kind of each line of a numbered chronology (None: an item goes on, or plain text)."""
    return [_kind(line) for line in lines]


def _kind(line: str) -> str | None:
    """``item``, ``section`` or None for one stripped line."""
    cues = _cues()
    if cues["item"].match(line):
        return "item"
    if cues["period"].match(line):
        return "section"
    if cues["section"].match(line) and len(line) <= cues["section_max_length"] and "。" not in line:
        return "section"
    return None


def item_day(line: str) -> str | None:
    """The day an item opens with, as written (``12月27日``), or None for another line."""
    match = _cues()["item"].match(line)
    return match.group("date") if match else None


def item_start(line: str) -> int:
    """Where the item's own words begin: after its number, at its day (0 for another line)."""
    match = _cues()["item"].match(line)
    return match.start("date") if match else 0
