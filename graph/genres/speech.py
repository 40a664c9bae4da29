"""Speeches, letters and signed articles printed as their own text.

Such a text is its author's words from the salutation to the closing formula,
so each of its paragraphs is one statement of the author, on the day the
text gives (its date line, else its signature's date). What surrounds the
words only frames them: a title and an occasion line naming the kind of text
(``——在…上的致辞``, ``…复信``), a date line, a byline naming the author, and
sometimes a news report of the text after it (a wire dateline), which is read
as an ordinary article.

``heading``     the title and date lines, the salutation, closings and signature;
``occasion``    the line naming the gathering the speech was given at (``——在…会议上的致辞``) or the
                letter (``某某给…的复信``): the author took part in what it names, on the text's day;
``byline``      the line naming the author;
``speech``      a paragraph of the author's words;
``None``        a line of the news report after the text (or of a text with no words found).

Cues are in ``ontology/lexicon/speech.yaml``.

>>> layout = describe(["携手抗疫", "——在某组织特别会议上的致辞", "（2020年4月3日，北京）",
...                    "中华人民共和国主席 王明德", "尊敬的主席先生：", "疫情是共同的挑战。", "谢谢大家。"])
>>> layout.kinds
['heading', 'occasion', 'heading', 'byline', 'heading', 'speech', 'heading']
>>> (layout.author, layout.verb, layout.date_line)
('王明德', '致辞', 2)
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from ..model import Block, Document
from .layout import Line, dateline_date, fallback_year, genre_cues, leading_date, text_block

__all__ = ["NAMES", "Layout", "describe", "split"]

NAMES = ("speech",)



@dataclass
class Layout:
    """What a speech's lines are, and what frames its words.

    ``author`` is the surface name of the author (None when the text names none in its head),
    ``verb`` the kind of text (致辞, 复信), ``date_line`` the index of the line that dates the text.
    """

    kinds: list[str | None] = field(default_factory=list)
    author: str | None = None
    verb: str | None = None
    date_line: int | None = None


@cache
def _cues() -> dict:
    """The speech layout cues, read once, patterns compiled; kinds longest first."""
    cues = dict(genre_cues("speech", ("byline", "salutation", "date_line", "report_opening", "name_phrase", "occasion",
                                      "closing_wish", "letter_title")))
    cues["kinds"] = dict(sorted(cues["kinds"].items(), key=lambda item: -len(item[0])))
    return cues


def describe(lines: Sequence[str]) -> Layout:
    """The layout of a speech or letter given its non-blank, stripped lines."""
    cues = _cues()
    head = min(cues["head_lines"], len(lines))
    layout = Layout(kinds=[None] * len(lines))
    layout.verb, title_author = _kind_of_text(lines[:head])
    start = _words_start(lines, head)
    end = _report_start(lines, start)
    _mark_head(lines, layout, start)
    if layout.author is None:
        layout.author = title_author
    _mark_words(lines, layout, start, end)
    return layout


def _kind_of_text(head: Sequence[str]) -> tuple[str | None, str | None]:
    """The verb of the first heading naming a kind of text, and the author that heading names first
    (a sentence of the words that mentions a speech is no heading)."""
    for line in head:
        if line.endswith(("。", "！", "？", "：", ":")):
            continue
        for word, verb in _cues()["kinds"].items():
            at = line.find(word)
            if at >= 0:
                return verb, _named_first(line[:at])
    return None, None


def _named_first(text: str) -> str | None:
    """The name a heading opens with before its occasion (王明德在…上的讲话 → 王明德)."""
    cues = _cues()
    stops = [text.find(word) for word in cues["author_before"] if text.find(word) > 0]
    name = text[:min(stops)].strip("#—－- \u3000") if stops else ""
    return name if cues["name_phrase"].match(name) else None


def _words_start(lines: Sequence[str], head: int) -> int:
    """The first line of the author's words: the salutation's, else the first after the head lines that
    frame them (title, occasion, date line, byline)."""
    cues = _cues()
    salutation = next((i for i, line in enumerate(lines[:head + 2]) if cues["salutation"].match(line)), None)
    if salutation is not None:
        return salutation
    start = 0
    while start < head and _is_frame(lines[start]):
        start += 1
    return start


def _is_frame(line: str) -> bool:
    """A short head line with no sentence end: a title, occasion, date line or byline."""
    return len(line) <= _cues()["byline_max_length"] and not line.endswith(("。", "！", "？"))


def _report_start(lines: Sequence[str], start: int) -> int:
    """Where a news report of the text begins (its wire dateline), else the end."""
    pattern = _cues()["report_opening"]
    return next((i for i in range(start, len(lines)) if pattern.match(lines[i])), len(lines))


def _mark_head(lines: Sequence[str], layout: Layout, start: int) -> None:
    """Head lines: a date line, a byline with its author, the occasion line, a report's sentence
    (新华社…电 …复信…。 then 复信全文如下：) as ordinary text, headings otherwise."""
    cues = _cues()
    for i in range(start):
        layout.kinds[i] = "heading"
        if _is_report_sentence(lines[i]):
            layout.kinds[i] = None
        elif _names_the_text(lines[i]):
            layout.kinds[i] = "occasion"
        elif cues["date_line"].match(lines[i]) and layout.date_line is None:
            layout.date_line = i
        elif layout.author is None and i > 0 and _is_byline(lines[i]):
            layout.kinds[i] = "byline"
            layout.author = cues["byline"].match(lines[i]).group("name")


def _names_the_text(line: str) -> bool:
    """A head line naming the text and its occasion (——在…会议上的致辞, 某某给…的复信): what it
    names (a gathering addressed, a letter sent) happened on the text's day, with the author."""
    cues = _cues()
    return (not line.endswith(("。", "！", "？", "：", ":")) and any(word in line for word in cues["kinds"])
            and (cues["occasion"].search(line) is not None or cues["letter_title"].search(line) is not None))


def _is_report_sentence(line: str) -> bool:
    """A sentence of a report printed before the text it introduces: closed as a sentence and longer
    than a frame line, or parted by a comma (此前，甲致信乙，对…表示感谢。); a title or a byline is neither."""
    return line.endswith(("。", "！", "？")) and (len(line) > _cues()["byline_max_length"] or "，" in line)


def _is_byline(line: str) -> bool:
    """A short line of a title and a name, with no kind-of-text word in it."""
    cues = _cues()
    return (len(line) <= cues["byline_max_length"] and cues["byline"].match(line) is not None
            and not any(word in line for word in cues["kinds"]))


def _mark_words(lines: Sequence[str], layout: Layout, start: int, end: int) -> None:
    """The author's paragraphs from ``start`` to ``end``; the salutation, closings and a signature with
    its date are headings (a signature also names the author when the head did not)."""
    cues = _cues()
    last = end
    if last - start >= 2 and cues["date_line"].match(lines[last - 1]):
        if layout.date_line is None:
            layout.date_line = last - 1
        layout.kinds[last - 1] = "heading"
        last -= 1
        if _is_byline(lines[last - 1]):
            layout.kinds[last - 1] = "byline"
            layout.author = layout.author or cues["byline"].match(lines[last - 1]).group("name")
            last -= 1
    for i in range(start, last):
        line = lines[i]
        closing = line.rstrip("。！!，,") in cues["closings"] or cues["closing_wish"].match(line) is not None
        layout.kinds[i] = "heading" if closing or cues["salutation"].match(line) else "speech"


def split(lines: list[Line], document: Document) -> list[Block]:
    """The frame and the author's paragraphs of a speech or letter, on the day its date line gives;
    a news report after it is an article, on its dateline's day."""
    layout = describe([line.text for line in lines])
    report = [line for line, kind in zip(lines, layout.kinds) if kind is None]
    report_date = dateline_date(report, document) or document.meta.date
    date = _speech_date(lines, layout.date_line, document) or report_date
    blocks = []
    for line, kind in zip(lines, layout.kinds):
        if kind is None:
            blocks.append(text_block(line, report_date))
        elif kind == "heading":
            blocks.append(Block("heading", line.start, line.end, date))
        elif kind == "occasion":
            blocks.append(Block("occasion", line.start, line.end, date, speaker=layout.author))
        else:
            blocks.append(Block(kind, line.start, line.end, date, speaker=layout.author, attribution=layout.verb))
    return blocks


def _speech_date(lines: list[Line], index: int | None, document: Document) -> dt.date | None:
    """The day a speech's date line gives (（2020年4月3日，北京）; 二〇二〇年八月三日 under a signature)."""
    if index is None:
        return None
    match = _cues()["date_line"].match(lines[index].text)
    written = match.group("date") if match else lines[index].text.lstrip("（(")
    return leading_date(written, document.meta.date, fallback_year(document))[0]

