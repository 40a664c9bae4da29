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

import datetime as dt
import re
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import NamedTuple

import yaml

from .dates import (PartialDate, era_year, find_date_spans, first_stated, infer_year, latest_year,
                    parse_chinese_date, parse_partial)
from .genres import broadcast, chronology, speech
from .model import Analysis, Block, Document

__all__ = ["split_structure"]

LEXICON = Path(__file__).resolve().parent.parent / "ontology" / "lexicon" / "structure.yaml"
ROLLOVER_MONTHS = 6


class _Line(NamedTuple):
    """One non-blank line: ``text`` is ``Document.text[start:end]``, surrounding blanks stripped.

    A named tuple: one per line of every document, built several times faster than a frozen dataclass.
    """

    number: int
    start: int
    end: int
    text: str


@cache
def _cues() -> dict:
    """The layout cues, read once."""
    with LEXICON.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@cache
def _words(cue: str) -> tuple[str, ...]:
    """A word list of the layout cues as a tuple, in its order (for ``str.startswith``)."""
    return tuple(_cues()[cue])


@cache
def _pattern(source: str) -> re.Pattern:
    """A layout cue's pattern, compiled once."""
    return re.compile(source)


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
    lines = _lines(document.text)
    front, body = _front_matter(lines)
    splitter = _SPLITTERS.get(document.meta.genre, _split_article)
    if splitter is _split_article and _is_interview(body):
        splitter = _split_transcript
    return replace(analysis, document=document, blocks=tuple(front + splitter(body, document)))


def _with_year(document: Document) -> Document:
    """The document with ``meta.year`` set when it has no date: the user's year, else the text's
    (see the module docstring), so the later stages date month-day dates with it too."""
    meta = document.meta
    if meta.date is not None or meta.year is not None:
        return document
    return replace(document, meta=replace(meta, year=_fallback_year(document)))


def _is_interview(lines: list[_Line]) -> bool:
    """True for a written question-and-answer text (问：… 答：…): its answers are turns, like a transcript's."""
    cues = _cues()
    labels = tuple(f"{label}{colon}" for label in cues["interview_labels"] for colon in cues["colons"])
    return sum(line.text.startswith(labels) for line in lines) >= cues["interview_min_labels"]


def _lines(text: str) -> list[_Line]:
    """The non-blank lines of ``text`` with their stripped positions and line numbers."""
    lines, position = [], 0
    for number, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        if stripped:
            start = position + len(raw) - len(raw.lstrip())
            lines.append(_Line(number, start, start + len(stripped), stripped))
        position += len(raw) + 1
    return lines


def _front_matter(lines: list[_Line]) -> tuple[list[Block], list[_Line]]:
    """Blocks for YAML front matter or ``key ==>`` headers at the top, and the remaining lines."""
    if lines and _is_rule(lines[0].text) and lines[0].text.startswith("-"):
        closing = next((i for i, line in enumerate(lines[1:], 1) if line.text == lines[0].text), None)
        if closing is not None:
            return [Block("meta", lines[0].start, lines[closing].end)], lines[closing + 1:]
    blocks, index = [], 0
    header = _pattern(_cues()["header_key"])
    while index < len(lines) and header.match(lines[index].text):
        last = index
        while (last + 1 < len(lines) and lines[last + 1].number == lines[last].number + 1
               and not header.match(lines[last + 1].text)):
            last += 1
        blocks.append(Block("meta", lines[index].start, lines[last].end))
        index = last + 1
    return blocks, lines[index:]


def _is_rule(text: str) -> bool:
    """A horizontal rule: three or more rule characters and nothing else."""
    return len(text) >= 3 and all(char in _cues()["rule_chars"] for char in text)


def _is_heading(text: str) -> bool:
    """A Markdown heading, or a short line that does not end like a sentence."""
    cues = _cues()
    if text.startswith(cues["markdown_heading"]):
        return True
    return len(text) <= cues["heading_max_length"] and text[-1] not in cues["sentence_final"]


def _text_block(line: _Line, date: dt.date | None, approx: bool = False) -> Block:
    """A heading or paragraph block for a line outside any larger unit."""
    kind = "heading" if _is_heading(line.text) else "paragraph"
    return Block(kind, line.start, line.end, date, approx)


def _fallback_year(document: Document) -> int | None:
    """The year of month-day dates in a document with no metadata date (see the module docstring)."""
    return document.meta.year or latest_year(document.text) or era_year(document.text)


# --- chronicle ---------------------------------------------------------------------------------


class _Calendar:
    """The year and month a chronicle has reached, carried from heading to heading."""

    def __init__(self, anchor: dt.date | None, fallback: int | None):
        self.anchor, self.fallback = anchor, fallback
        self.year: int | None = None
        self.month: int | None = None

    def date_of(self, partial: PartialDate) -> dt.date | None:
        """The heading's date (None for a bare month), advancing the carried year and month."""
        year = self._year(partial)
        self.year, self.month = year, partial.month
        return partial.on(year)

    def _year(self, partial: PartialDate) -> int | None:
        """The heading's own year, else the carried one (rolled over), else one from the anchor."""
        if partial.year is not None:
            return partial.year
        if self.year is not None and self.month is not None:
            if self.month - partial.month >= ROLLOVER_MONTHS:
                return self.year + 1
            if partial.month - self.month >= ROLLOVER_MONTHS:
                return self.year - 1
            return self.year
        if self.anchor is not None:
            return infer_year(partial.month, partial.day or 15, self.anchor)
        return self.fallback


def _bullet_marker(text: str) -> str | None:
    """The marker a chronicle item opens with, if any."""
    markers = _words("bullet_markers")
    if not text.startswith(markers):
        return None
    return next(m for m in markers if text.startswith(m))


def _split_chronicle(lines: list[_Line], document: Document) -> list[Block]:
    """Headings, day headings, items and paragraphs of a chronicle, dated by the headings above them."""
    calendar = _Calendar(document.meta.date, None if document.meta.date else _fallback_year(document))
    blocks: list[Block] = []
    date, approx = document.meta.date, False
    bullet: Block | None = None
    for line in lines:
        partial = parse_partial(line.text)
        marker = _bullet_marker(line.text)
        if partial is not None or marker is not None or _is_rule(line.text):
            if bullet is not None:
                blocks.append(bullet)
            bullet = None
        if partial is not None:
            date, approx = calendar.date_of(partial), partial.approx
            kind = "day" if partial.day is not None and not partial.approx else "heading"
            blocks.append(Block(kind, line.start, line.end, date, approx))
        elif marker is not None:
            start = _skip_blanks(document.text, line.start + len(marker), line.end)
            bullet = Block("bullet", start, line.end, date, approx)
        elif _is_rule(line.text):
            date, approx = document.meta.date, False
        elif bullet is not None:
            bullet = replace(bullet, end=line.end)
        else:
            blocks.append(_text_block(line, date, approx))
    if bullet is not None:
        blocks.append(bullet)
    return blocks


def _skip_blanks(text: str, start: int, end: int) -> int:
    """The first non-blank position in ``text[start:end]`` (``end`` when all blank)."""
    while start < end and text[start].isspace():
        start += 1
    return start


# --- transcript --------------------------------------------------------------------------------


def _speaker_label(line: _Line) -> tuple[str, int] | None:
    """The speaker's name and the position after the colon, when the line opens a turn."""
    cues = _cues()
    positions = [line.text.find(c) for c in cues["colons"] if c in line.text]
    if not positions:
        return None
    colon = min(positions)
    name = line.text[:colon].strip()
    if not name or len(name) > cues["speaker_max_length"]:
        return None
    if any(c in cues["speaker_forbidden"] for c in name) or any(w in name for w in cues["not_speaker"]):
        return None
    has_role = name.endswith(tuple(cues["speaker_roles"]))
    if not has_role and (len(name) > cues["speaker_name_max_length"]
                         or any(c in cues["speaker_title_marks"] for c in name)):
        return None
    return name, line.start + colon + 1


def _split_transcript(lines: list[_Line], document: Document) -> list[Block]:
    """Speaker labels, turns, timestamps and the preamble of a press-conference transcript."""
    timestamp = _pattern(_cues()["timestamp"])
    stamps = [_stamp_date(line) for line in lines if timestamp.match(line.text)]
    date = document.meta.date or (stamps[0] if stamps else None)
    blocks: list[Block] = []
    speaker: str | None = None
    words: list[tuple[int, int]] = []
    opening: list[_Line] | None = None   # lines after the first timestamp, before any label
    for line in lines:
        label = None if timestamp.match(line.text) else _speaker_label(line)
        if label is not None and opening:
            blocks += _turn([(o.start, o.end) for o in opening], _cues()["opening_speaker"], date)
        if label is not None:
            opening = None
        if timestamp.match(line.text) or label is not None:
            blocks += _turn(words, speaker, date)
            speaker, words = None, []
        if timestamp.match(line.text):
            date = _stamp_date(line) or date
            blocks.append(Block("timestamp", line.start, line.end, date))
            opening = [] if opening is None and not any(b.kind == "speaker" for b in blocks) else opening
        elif label is not None:
            speaker, after = label
            blocks.append(Block("speaker", line.start, line.start + len(speaker), date, speaker=speaker))
            start = _skip_blanks(document.text, after, line.end)
            words = [(start, line.end)] if start < line.end else []
        elif speaker is not None:
            words.append((line.start, line.end))
        elif opening is not None:
            opening.append(line)
        else:
            blocks.append(_text_block(line, date))
    blocks += [_text_block(line, date) for line in opening or ()]
    return blocks + _turn(words, speaker, date)


def _stamp_date(line: _Line) -> dt.date | None:
    """The date of a timestamp line (its first word)."""
    partial = parse_partial(line.text.split()[0])
    return partial.on(None) if partial else None


def _turn(words: list[tuple[int, int]], speaker: str | None, date: dt.date | None) -> list[Block]:
    """The turn block over a speaker's lines (none when the label had no words after it)."""
    if speaker is None or not words:
        return []
    return [Block("turn", words[0][0], words[-1][1], date, speaker=speaker)]


# --- article and plain text --------------------------------------------------------------------


def _split_article(lines: list[_Line], document: Document) -> list[Block]:
    """Sub-headlines and paragraphs, all on the day of the article's dateline, else its metadata date."""
    date = _dateline_date(lines, document) or document.meta.date
    return [_text_block(line, date) for line in lines]


def _dateline_date(lines: list[_Line], document: Document) -> dt.date | None:
    """The day of a wire dateline near the top (新华社北京5月18日电).

    The dateline is the day the story was filed, which its 日前 and bare days
    (16日) count from; a page's metadata time is often the next morning's. Its
    year is the one closest to the metadata date, else the document's fallback
    year (a full date elsewhere, else an era word).
    """
    cues = _cues()
    for line in lines[:cues["dateline_lines"]]:
        match = _pattern(cues["dateline"]).search(line.text)
        if match:
            anchor = document.meta.date
            return parse_chinese_date(match.group("date"), None if anchor else _fallback_year(document), anchor)
    return None


# --- compilation -------------------------------------------------------------------------------


def _strip_artefacts(line: _Line, text: str) -> _Line | None:
    """The line without leading word-export artefacts (``[bookmark: _Toc4450]``), None if nothing is left."""
    artefact = _pattern(r"\s*" + _cues()["artefact"])
    start = line.start
    while match := artefact.match(text, start, line.end):
        start = match.end()
    start = _skip_blanks(text, start, line.end)
    return line._replace(start=start, text=text[start:line.end]) if start < line.end else None


def _attribution_text(text: str) -> str | None:
    """What follows the dashes of an attribution line, or None for another line."""
    dashes = _words("attribution_dashes")
    dash = next((d for d in dashes if text.startswith(d)), None) if text.startswith(dashes) else None
    return text[len(dash):].lstrip("—─- \u3000") if dash else None


def _is_section(text: str) -> bool:
    """A numbered section heading: 一、… or （一）…, short and without a full stop."""
    cues = _cues()
    return (_pattern(cues["section_heading"]).match(text) is not None
            and len(text) <= cues["section_max_length"] and "。" not in text)


def _split_compilation(lines: list[_Line], document: Document) -> list[Block]:
    """Sections, passages and the attributions that date the passages before them."""
    fallback = None if document.meta.date else _fallback_year(document)
    blocks: list[Block] = []
    pending: list[_Line] = []
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
            date, approx = _leading_date(attribution, document.meta.date, fallback)
            blocks += [Block("paragraph", p.start, p.end, date, approx, attribution=attribution) for p in pending]
            pending = []
            blocks.append(Block("attribution", start, line.end, date, approx, attribution=attribution))
        else:
            pending.append(line)
    return blocks + [Block("paragraph", p.start, p.end) for p in pending]


def _leading_date(text: str, anchor: dt.date | None, fallback: int | None) -> tuple[dt.date | None, bool]:
    """The date an attribution opens with (``3月4日，…``; a range gives its first day)."""
    spans = find_date_spans(text, default_year=fallback, reference=anchor)
    if spans and spans[0].start == 0 and spans[0].date is not None:
        return spans[0].date, spans[0].approx
    return None, False


# --- broadcast script --------------------------------------------------------------------------


def _split_broadcast(lines: list[_Line], document: Document) -> list[Block]:
    """Header, summary, item headlines and item bodies of a broadcast script (``graph.genres.broadcast``),
    all on the broadcast day: the body's own days (8日晚, 今天) count from it."""
    date = document.meta.date
    kinds = broadcast.classify([line.text for line in lines])
    return [Block(kind, line.start, line.end, date) if kind else _text_block(line, date)
            for line, kind in zip(lines, kinds)]


# --- speech, letter, signed article -------------------------------------------------------------


def _split_speech(lines: list[_Line], document: Document) -> list[Block]:
    """The frame and the author's paragraphs of a speech or letter (``graph.genres.speech``), on the day
    its date line gives; a news report after it is an article, on its dateline's day."""
    layout = speech.describe([line.text for line in lines])
    report = [line for line, kind in zip(lines, layout.kinds) if kind is None]
    report_date = _dateline_date(report, document) or document.meta.date
    date = _speech_date(lines, layout.date_line, document) or report_date
    blocks = []
    for line, kind in zip(lines, layout.kinds):
        if kind is None:
            blocks.append(_text_block(line, report_date))
        elif kind == "heading":
            blocks.append(Block("heading", line.start, line.end, date))
        else:
            blocks.append(Block(kind, line.start, line.end, date, speaker=layout.author, attribution=layout.verb))
    return blocks


def _speech_date(lines: list[_Line], index: int | None, document: Document) -> dt.date | None:
    """The day a speech's date line gives (（2020年4月3日，北京）)."""
    if index is None:
        return None
    return _leading_date(lines[index].text.lstrip("（("), document.meta.date, _fallback_year(document))[0]
# --- numbered chronology ------------------------------------------------------------------------


def _split_chronology(lines: list[_Line], document: Document) -> list[Block]:
    """Sections and numbered items of a chronology (``graph.genres.chronology``).

    Each item is dated by the day it opens with, its year carried from item to item
    and rolled over when the months go back (as a chronicle's day headings); a heading
    that states a year (``（2019年12月27日至2020年1月19日）``) sets the year carried on.
    A line right under an item (no blank line between) goes on the item; after a blank
    line, it is a paragraph of its own (an article that quotes a chronology goes on).
    """
    calendar = _Calendar(document.meta.date, None if document.meta.date else _fallback_year(document))
    blocks: list[Block] = []
    item: Block | None = None
    last_number = -1
    for line, kind in zip(lines, chronology.classify([line.text for line in lines])):
        goes_on = kind is None and line.number == last_number + 1
        last_number = line.number
        if item is not None and not goes_on:
            blocks.append(item)
            item = None
        if kind == "section":
            _carry_stated_year(calendar, line.text)
            blocks.append(Block("section", line.start, line.end))
        elif kind == "item":
            partial = parse_partial(chronology.item_day(line.text))
            date = calendar.date_of(partial) if partial else None
            item = Block("bullet", line.start + chronology.item_start(line.text), line.end, date)
        elif item is not None:
            item = replace(item, end=line.end)
        else:
            blocks.append(_text_block(line, document.meta.date))
    return blocks + ([item] if item is not None else [])


def _carry_stated_year(calendar: _Calendar, text: str) -> None:
    """Set the calendar to the first date or month with its own year that a heading states, if any."""
    stated = first_stated(text)
    if stated is not None:
        calendar.year, calendar.month = stated.year, stated.month


_SPLITTERS = {
    "broadcast": _split_broadcast,
    "chronicle": _split_chronicle,
    "chronology": _split_chronology,
    "transcript": _split_transcript,
    "compilation": _split_compilation,
    "article": _split_article,
    "speech": _split_speech,
    "text": _split_article,
}
