"""Compilations of a leader's remarks: numbered sections, passages, and the ``——`` attributions
that date them.

``section``      a numbered section heading (``一、…``, ``（一）…``);
``attribution``  a source line, from after its ``——`` (``3月4日，习近平主持召开…``);
``paragraph``    a passage: the passages before an attribution (back to the previous attribution or
                 section) get its date and its text as ``attribution``.
"""
from __future__ import annotations

from ..model import Block, Document
from .layout import Line, cues, fallback_year, leading_date, pattern, skip_blanks, words

__all__ = ["NAMES", "split"]

NAMES = ("compilation",)


def split(lines: list[Line], document: Document) -> list[Block]:
    """Sections, passages and the attributions that date the passages before them."""
    fallback = None if document.meta.date else fallback_year(document)
    blocks: list[Block] = []
    pending: list[Line] = []
    for raw_line in lines:
        line = _strip_artefacts(raw_line, document.text)
        if line is None:
            continue
        attribution = _attribution_text(line.text)
        if _is_section(line.text):
            blocks += [Block("paragraph", p.start, p.end) for p in pending]
            pending = []
            blocks.append(Block("section", line.start, line.end, document.meta.date))
        elif attribution:
            start = line.end - len(attribution)
            date, approx = leading_date(attribution, document.meta.date, fallback)
            blocks += [Block("paragraph", p.start, p.end, date, approx, attribution=attribution) for p in pending]
            pending = []
            blocks.append(Block("attribution", start, line.end, date, approx, attribution=attribution))
        else:
            pending.append(line)
    return blocks + [Block("paragraph", p.start, p.end) for p in pending]


def _strip_artefacts(line: Line, text: str) -> Line | None:
    """The line without leading word-export artefacts (``[bookmark: _Toc4450]``), None if nothing is left."""
    artefact = pattern(r"\s*" + cues()["artefact"])
    start = line.start
    while match := artefact.match(text, start, line.end):
        start = match.end()
    start = skip_blanks(text, start, line.end)
    return line._replace(start=start, text=text[start:line.end]) if start < line.end else None


def _attribution_text(text: str) -> str | None:
    """What follows the dashes of an attribution line, or None for another line."""
    dashes = words("attribution_dashes")
    dash = next((d for d in dashes if text.startswith(d)), None) if text.startswith(dashes) else None
    return text[len(dash):].lstrip("—─- \u3000") if dash else None


def _is_section(text: str) -> bool:
    """A numbered section heading: 一、… or （一）…, short and without a full stop."""
    layout = cues()
    return (pattern(layout["section_heading"]).match(text) is not None
            and len(text) <= layout["section_max_length"] and "。" not in text)
