"""Press-conference transcripts: speaker labels, turns, timestamps.

A turn runs from its speaker's label (``罗照辉:``, ``路透社记者：``) to the next label,
timestamp or rule line (``*****`` before the questions asked after the conference), on its timestamp's day, else the document's. The lines between the first
timestamp and the first label are the host's unlabelled opening. A written
question-and-answer text (问：… 答：…) is read this way too (see ``graph.structure``).

``speaker``    a speaker's label, ``speaker`` set;
``turn``       the words of a turn, ``speaker`` set;
``timestamp``  a time-stamp line (``2020-03-26 10:01:21``);
``heading``/``paragraph`` the preamble.
"""
from __future__ import annotations

import datetime as dt

from ..dates import parse_partial
from ..model import Block, Document
from .layout import Line, cues, is_rule, pattern, skip_blanks, text_block

__all__ = ["NAMES", "split"]

NAMES = ("transcript",)


def split(lines: list[Line], document: Document) -> list[Block]:
    """Speaker labels, turns, timestamps and the preamble of a press-conference transcript."""
    timestamp = pattern(cues()["timestamp"])
    stamps = [_stamp_date(line) for line in lines if timestamp.match(line.text)]
    date = document.meta.date or (stamps[0] if stamps else None)
    blocks: list[Block] = []
    speaker: str | None = None
    words: list[tuple[int, int]] = []
    opening: list[Line] | None = None   # lines after the first timestamp, before any label
    for line in lines:
        label = None if timestamp.match(line.text) else _speaker_label(line)
        if label is not None and opening:
            blocks += _turn([(o.start, o.end) for o in opening], cues()["opening_speaker"], date)
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
            start = skip_blanks(document.text, after, line.end)
            words = [(start, line.end)] if start < line.end else []
        elif is_rule(line.text):
            blocks += _turn(words, speaker, date)
            speaker, words = None, []
        elif speaker is not None and _numbered_line(line):
            blocks += _turn(words, speaker, date) + [text_block(line, date)]
            speaker, words = None, []
        elif speaker is not None:
            words.append((line.start, line.end))
        elif opening is not None:
            opening.append(line)
        else:
            blocks.append(text_block(line, date))
    blocks += [text_block(line, date) for line in opening or ()]
    return blocks + _turn(words, speaker, date)


def _speaker_label(line: Line) -> tuple[str, int] | None:
    """The speaker's name and the position after the colon, when the line opens a turn."""
    layout = cues()
    colon = _colon(line)
    name = line.text[:colon].strip() if colon is not None else ""
    if not name or len(name) > layout["speaker_max_length"]:
        return None
    if any(c in layout["speaker_forbidden"] for c in name) or any(w in name for w in layout["not_speaker"]):
        return None
    has_role = name.endswith(tuple(layout["speaker_roles"]))
    if not has_role and (len(name) > layout["speaker_name_max_length"]
                         or any(c in layout["speaker_title_marks"] + layout["speaker_number_marks"] for c in name)):
        return None
    return name, line.start + colon + 1


def _colon(line: Line) -> int | None:
    """Where the first colon of a line stands, if it has one."""
    positions = [line.text.find(c) for c in cues()["colons"] if c in line.text]
    return min(positions) if positions else None


def _numbered_line(line: Line) -> bool:
    """Whether a line opens like a label with digits and no role word (8:20pm，…; 4月15日：…): the
    writer's timeline or a note, which ends the turn before it, not a speaker's words."""
    layout = cues()
    colon = _colon(line)
    name = line.text[:colon].strip() if colon is not None else ""
    return (0 < len(name) <= layout["speaker_name_max_length"] and not name.endswith(tuple(layout["speaker_roles"]))
            and any(c in layout["speaker_number_marks"] for c in name))


def _stamp_date(line: Line) -> dt.date | None:
    """The date of a timestamp line (its first word)."""
    partial = parse_partial(line.text.split()[0])
    return partial.on(None) if partial else None


def _turn(words: list[tuple[int, int]], speaker: str | None, date: dt.date | None) -> list[Block]:
    """The turn block over a speaker's lines (none when the label had no words after it)."""
    if speaker is None or not words:
        return []
    return [Block("turn", words[0][0], words[-1][1], date, speaker=speaker)]
