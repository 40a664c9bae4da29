"""News articles and plain text: sub-headlines and paragraphs.

Every block is on the day of the article's wire dateline (``新华社北京5月18日电``), else its
metadata date: the day its 日前 and bare days (``16日``) count from. ``text`` is the genre of a
document no other genre's cues claim; it is read the same way.
"""
from __future__ import annotations

from ..model import Block, Document
from .layout import Line, dateline_date, text_block

__all__ = ["NAMES", "split"]

NAMES = ("article", "text")


def split(lines: list[Line], document: Document) -> list[Block]:
    """Sub-headlines and paragraphs, all on the day of the article's dateline, else its metadata date."""
    date = dateline_date(lines, document) or document.meta.date
    return [text_block(line, date) for line in lines]
