"""Broadcast scripts (新闻联播): a programme summary, then numbered items.

A day's broadcast lists every item twice before telling it: once in the
programme summary (``本期节目主要内容：1.…；2.…``) and once as the item's
headline (``## 1. 习近平会见…``). The body under the headline tells the same
events again, with their own days (``8日晚``, ``今天``) counted from the
broadcast date. So the header and the source links are no text at all, the
summary retells only headlines, and a headline retells its body:

``meta``      the page header above the summary and the ``> 原文：`` links;
``summary``   the summary heading and line: nothing is extracted from it;
``headline``  an item's ``## N.`` heading: an event told there is kept only
              when its body does not tell it (see ``graph.events``);
``None``      any other line: the item's body, read as ordinary text.

Cues are in ``ontology/lexicon/broadcast.yaml``.

>>> classify(["# 新闻联播 2020-01-28", "## 本期节目主要内容", "本期节目主要内容：1.甲会见乙。",
...           "## 1. 甲会见乙", "央视网消息：甲今天会见乙。", "> 原文：http://x"])
['meta', 'summary', 'summary', 'headline', None, 'meta']
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from ..model import Block, Document
from .layout import Line, genre_cues, text_block

__all__ = ["NAMES", "classify", "split"]

NAMES = ("broadcast",)



@cache
def _cues() -> dict:
    """The broadcast layout cues, read once, patterns compiled."""
    return genre_cues("broadcast", ("headline", "source_line"))


def classify(lines: Sequence[str]) -> list[str | None]:
    """The block kind of each line of a broadcast script (None: ordinary text of an item's body).

    The header runs from the top to the summary; when there is no summary, to the
    first headline (a script cut without its summary still has its items).
    """
    cues = _cues()
    kinds: list[str | None] = []
    in_header = True
    for line in lines:
        stripped = line.lstrip("#").strip()
        if stripped.startswith(cues["summary_opener"]):
            in_header = False
            kinds.append("summary")
        elif cues["headline"].match(line):
            in_header = False
            kinds.append("headline")
        elif in_header or cues["source_line"].match(line):
            kinds.append("meta")
        else:
            kinds.append(None)
    return kinds


def split(lines: list[Line], document: Document) -> list[Block]:
    """Header, summary, item headlines and item bodies of a broadcast script, all on the broadcast day:
    the body's own days (8日晚, 今天) count from it."""
    date = document.meta.date
    kinds = classify([line.text for line in lines])
    return [Block(kind, line.start, line.end, date) if kind else text_block(line, date)
            for line, kind in zip(lines, kinds)]
