"""STRUCTURE stage: cut a document into blocks and date them.

Reads ``analysis.document`` (``text``, ``meta.genre``, ``meta.date``); fills
``analysis.blocks``: :class:`~graph.model.Block` tuples in document order,
non-overlapping, positions in ``Document.text``, blank lines left out.

Block kinds:

``meta``        front matter (YAML between ``---`` lines, ``title ==>`` headers): skip it.
``heading``     a title, a sub-headline, a chronicle's month heading (``2020年1月``; ``2019年12月底``
                carries an approximate date, a bare month none).
``day``         a chronicle's day heading (``3月14日``, ``2020年1月3日``, ``1月3日至14日``).
``bullet``      a chronicle item, from after its ``◆`` to the next item or heading (lines broken by a
                page break stay in the item); a numbered chronology's item (``（3）1月3日，…``), from its day.
``paragraph``   any other line of text.
``speaker``     a transcript speaker's label (``罗照辉:``), ``speaker`` set.
``turn``        the words of a transcript turn, up to the next timestamp or label, ``speaker`` set
                (also in an article or text written as questions and answers, 问：… 答：…).
``timestamp``   a transcript timestamp line (``2020-03-26 10:01:21``).
``section``     a compilation's or a numbered chronology's section heading (``一、…``, ``（一）…``).
``summary``     a broadcast script's programme summary (every item's headline again).
``headline``    a broadcast script's item headline (``## 1. …``), which its body retells.
``byline``      a speech's or letter's line naming its author, ``speaker`` set.
``speech``      a paragraph of a speech's or letter's own words (``graph.genres.speech``), ``speaker``
                set to the author's name and ``attribution`` to the kind of text (致辞, 复信).
``attribution`` a compilation's source line, from after its ``——`` (``3月4日，习近平主持召开…``);
                the passages before it (back to the previous attribution or section) get its
                date and its text as ``attribution``.

Each genre's own cutting lives in its module of ``graph.genres`` (the genre registry); this stage
strips the front matter, picks the genre's module and fills in the year a document needs.

Dates. A chronicle carries the year of its last year heading down to its day headings and
rolls it over when the months jump back (``12月`` → ``1月``: the next year; forward by half a
year or more in a newest-first chronicle: the year before). Without a year heading, the first
day takes the year closest to ``meta.date``. Transcript turns take their timestamp's date, else
``meta.date``; a numbered chronology's items the day they open with, the year carried as in a
chronicle; article and text blocks ``meta.date`` (an article without it: its wire dateline's day,
``新华社北京5月18日电``); compilation passages their attribution's.

When a document states no year at all (no metadata date, no heading, no full date such as
``2020年3月26日``), month-day dates take the latest full year elsewhere in the text, and failing
that the year of the earliest era word in it (``新冠肺炎`` → 2020, ``武汉肺炎`` → 2020,
``ontology/lexicon/dates.yaml``). A year the user gives (``jishi build --year``, set as ``meta.year``
by the pipeline) comes before both. The year chosen is left in ``meta.year`` for the later stages.
Seeds 000 (a chronicle) and 004 (a compilation) name no year anywhere and are dated this way.
A document with neither gets no dates.

>>> import datetime as dt
>>> from graph.model import Analysis, DocMeta, Document
>>> text = "3月14日\\n◆习近平日前致电意大利总统。"
>>> doc = Document("d", text, text, tuple(range(len(text))), DocMeta(genre="chronicle", date=dt.date(2020, 4, 7)))
>>> [(b.kind, text[b.start:b.end], b.date) for b in split_structure(Analysis(doc)).blocks]
[('day', '3月14日', datetime.date(2020, 3, 14)), ('bullet', '习近平日前致电意大利总统。', datetime.date(2020, 3, 14))]
"""
from __future__ import annotations

from dataclasses import replace

from . import genres
from .genres.layout import Line, cues, fallback_year, is_rule, lines_of, pattern
from .model import Analysis, Block, Document

__all__ = ["split_structure"]

INTERVIEW_READ_AS = "transcript"


def split_structure(analysis: Analysis) -> Analysis:
    """Fill ``analysis.blocks`` with the document's dated structural units.

    Parameters
    ----------
    analysis : an Analysis whose ``document`` has its genre and date set by the read stage.

    Returns
    -------
    A new Analysis with ``blocks`` in document order.

    >>> import datetime as dt
    >>> from graph.model import Analysis, DocMeta, Document
    >>> text = "罗照辉:\\n谢谢主持人。"
    >>> doc = Document("d", text, text, tuple(range(len(text))), DocMeta(genre="transcript", date=dt.date(2020, 3, 26)))
    >>> [(b.kind, b.speaker) for b in split_structure(Analysis(doc)).blocks]
    [('speaker', '罗照辉'), ('turn', '罗照辉')]
    """
    document = _with_year(analysis.document)
    front, body = _front_matter(lines_of(document.text))
    splitter = genres.splitter(document.meta.genre)
    if splitter is genres.splitter(genres.FALLBACK) and _is_interview(body):
        splitter = genres.splitter(INTERVIEW_READ_AS)
    return replace(analysis, document=document, blocks=tuple(front + splitter(body, document)))


def _with_year(document: Document) -> Document:
    """The document with ``meta.year`` set when it has no date: the user's year, else the text's
    (see the module docstring), so the later stages date month-day dates with it too."""
    meta = document.meta
    if meta.date is not None or meta.year is not None:
        return document
    return replace(document, meta=replace(meta, year=fallback_year(document)))


def _is_interview(lines: list[Line]) -> bool:
    """True for a written question-and-answer text (问：… 答：…): its answers are turns, like a transcript's."""
    layout = cues()
    labels = tuple(f"{label}{colon}" for label in layout["interview_labels"] for colon in layout["colons"])
    return sum(line.text.startswith(labels) for line in lines) >= layout["interview_min_labels"]


def _front_matter(lines: list[Line]) -> tuple[list[Block], list[Line]]:
    """Blocks for YAML front matter or ``key ==>`` headers at the top, and the remaining lines."""
    if lines and is_rule(lines[0].text) and lines[0].text.startswith("-"):
        closing = next((i for i, line in enumerate(lines[1:], 1) if line.text == lines[0].text), None)
        if closing is not None:
            return [Block("meta", lines[0].start, lines[closing].end)], lines[closing + 1:]
    blocks, index = [], 0
    header = pattern(cues()["header_key"])
    while index < len(lines) and header.match(lines[index].text):
        last = index
        while (last + 1 < len(lines) and lines[last + 1].number == lines[last].number + 1
               and not header.match(lines[last + 1].text)):
            last += 1
        blocks.append(Block("meta", lines[index].start, lines[last].end))
        index = last + 1
    return blocks, lines[index:]
