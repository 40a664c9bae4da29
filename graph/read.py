"""Read stage: bytes on disk → :class:`graph.model.Document`.

Reads: a file path. Fills: ``Document`` (``raw``, ``text``, ``offsets``, ``meta``).

* ``raw`` is the file decoded (UTF-8 with or without BOM, GB18030/GBK, Big5,
  UTF-16/32) with a leading BOM dropped and nothing else changed; evidence
  offsets point into it.
* ``text`` is the *matching view*: the same characters converted to Simplified
  script one for one (OpenCC ``t2s``), minus what a reader would not see as
  content: YAML front matter, Word ``[bookmark: _Toc…]`` artefacts, running
  page headers, and the newlines of a sentence that a page break cut in two
  (``…纪事 中\\n\\n国外交部…`` reads ``…纪事 中国外交部…``). Characters are only
  substituted or dropped, never inserted, so ``offsets[i]`` (the index in
  ``raw`` of ``text[i]``) is strictly increasing.
* ``meta`` is what the document says about itself (front matter, ``key ==>``
  headers, a title line, a press-conference preamble), its script and genre.

Cue words and patterns live in ``ontology/lexicon/document_cues.yaml`` and
``ontology/lexicon/genre_cues.csv``.

>>> doc = parse_document("外交部發言人表示，中方願同各方加強合作。", "demo.txt")
>>> doc.text
'外交部发言人表示，中方愿同各方加强合作。'
>>> doc.meta.language
'zh-Hant'
"""
from __future__ import annotations

import codecs
import csv
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from bisect import bisect_left
from functools import cache
from itertools import compress, pairwise
from pathlib import Path

import yaml

from .genres import FALLBACK, NAMES as GENRES
from .model import DocMeta, Document

__all__ = ["UnreadableDocument", "find_documents", "read_document", "parse_document"]

SUFFIXES = (".txt", ".md")
LEXICON = Path(__file__).resolve().parent.parent / "ontology" / "lexicon"
# Encodings charset-normalizer may choose from: the ones Chinese reporting comes in.
CANDIDATE_ENCODINGS = ["utf_8", "gb18030", "big5", "big5hkscs", "utf_16_le", "utf_16_be"]
# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# Below this share of plausible characters a decoding is not text.
MIN_PLAUSIBLE = 0.75
# Above this share of control characters a file is binary.
MAX_CONTROL = 0.01
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Turns a "dropped" byte mask into a "kept" one.
FLIP = bytes.maketrans(b"\x00\x01", b"\x01\x00")
BMP = range(0x10000)
KEPT_RUN = re.compile(rb"\x01+")
HEADER_ARROW = "==>"


class UnreadableDocument(Exception):
    """A file that cannot be read as a document; ``reason`` says why, for the build summary."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = Path(path)
        self.reason = reason


# ---------------------------------------------------------------- finding files

def find_documents(paths: list[Path]) -> list[Path]:
    """List the documents under ``paths``: ``.txt`` and ``.md`` files, folders searched recursively.

    Parameters
    ----------
    paths : list of Path
        Files and folders; missing ones are left for the caller to report.

    Returns
    -------
    list of Path
        Sorted, each file once (however many of ``paths`` reach it), hidden files and folders left out.

    Examples
    --------
    >>> find_documents([])
    []
    """
    found: dict[Path, Path] = {}
    for path in map(Path, paths):
        candidates = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in candidates:
            if _is_document(file, path):
                found.setdefault(file.resolve(), file)
    return sorted(found.values(), key=lambda p: str(p))


def _is_document(file: Path, root: Path) -> bool:
    """A regular, visible file with a document suffix (hidden parts below ``root`` exclude it)."""
    parts = file.relative_to(root).parts if file != root else ()
    return (file.is_file() and file.suffix.lower() in SUFFIXES
            and not any(part.startswith(".") for part in parts))


# ---------------------------------------------------------------- reading

def read_document(path: Path) -> Document:
    """Read one file into a :class:`~graph.model.Document`.

    Parameters
    ----------
    path : Path
        A ``.txt`` or ``.md`` file in any encoding Chinese reporting comes in.

    Returns
    -------
    Document
        ``id`` is the file name; see the module docstring for ``raw``, ``text`` and ``offsets``.

    Raises
    ------
    UnreadableDocument
        The file is missing or unreadable, empty, binary, truncated or in no known encoding.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_bytes("外交部发言人表示。".encode("gbk"))
    >>> doc = read_document(folder / "a.txt")
    >>> doc.id, doc.raw, doc.meta.encoding
    ('a.txt', '外交部发言人表示。', 'gb18030')
    """
    path = Path(path)
    raw, encoding = _decode(_read_bytes(path), path)
    return parse_document(raw, path.name, encoding)


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, or an UnreadableDocument saying why there are none."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableDocument(path, "no such file") from None
    except IsADirectoryError:
        raise UnreadableDocument(path, "a folder, not a file") from None
    except OSError as exc:
        raise UnreadableDocument(path, f"cannot be read ({exc.strerror or exc})") from None
    if not data:
        raise UnreadableDocument(path, "empty file (0 bytes)")
    return data


def _decode(data: bytes, path: Path) -> tuple[str, str]:
    """Decode ``data``: a BOM decides, else strict UTF-8, else the most plausible charset-normalizer guess."""
    text, encoding = _decode_bom(data, path) or _decode_utf8(data, path) or _decode_guess(data, path)
    if not text.strip():
        raise UnreadableDocument(path, "empty file (only whitespace)")
    if len(CONTROL.findall(text)) > MAX_CONTROL * len(text):
        raise UnreadableDocument(path, f"binary file (control characters when read as {encoding})")
    return text, encoding


def _decode_bom(data: bytes, path: Path) -> tuple[str, str] | None:
    """Decode by the byte-order mark, if there is one; the mark itself is dropped."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise UnreadableDocument(path, f"truncated or damaged {encoding} text ({exc.reason})") from None
    return None


def _decode_utf8(data: bytes, path: Path) -> tuple[str, str] | None:
    """Strict UTF-8, the common case; a file cut inside its last character is truncated."""
    if b"\x00" in data:
        return None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.end == len(data) and exc.start > 0:
            raise UnreadableDocument(path, "truncated UTF-8 text (the file ends inside a character)") from None
        return None


def _decode_guess(data: bytes, path: Path) -> tuple[str, str]:
    """Ask charset-normalizer, then keep the candidate that reads most like Chinese text."""
    from charset_normalizer import from_bytes

    candidates = [(str(match), match.encoding) for match in from_bytes(data, cp_isolation=CANDIDATE_ENCODINGS)]
    scored = sorted(((_plausibility(text), -rank, text, enc) for rank, (text, enc) in enumerate(candidates)),
                    reverse=True)
    if scored and scored[0][0] >= MIN_PLAUSIBLE:
        return scored[0][2], scored[0][3].replace("_", "-")
    truncated = _truncated_encoding(data)
    if truncated:
        raise UnreadableDocument(path, f"truncated {truncated} text (the file ends inside a character)")
    if b"\x00" in data or CONTROL.search(data[:4096].decode("latin-1")):
        raise UnreadableDocument(path, "binary file (not text in any known encoding)")
    raise UnreadableDocument(path, "undecodable text (not UTF-8, GB18030, Big5 or UTF-16)")


def _truncated_encoding(data: bytes) -> str | None:
    """The encoding in which ``data`` is plausible text cut inside its last character, if any."""
    for encoding in ("gb18030", "big5", "utf-16-le", "utf-16-be"):
        try:
            data.decode(encoding)
        except UnicodeDecodeError as exc:
            if exc.end >= len(data) - 1 and exc.start >= len(data) - 4 and exc.start > 0:
                head = data[:exc.start].decode(encoding, errors="replace")
                if _plausibility(head) >= MIN_PLAUSIBLE:
                    return encoding
    return None


def _plausibility(text: str) -> float:
    """Share of characters a Chinese or Latin text plausibly has: common hanzi weigh 1, rare ones 0.5.

    A wrong decoding of GBK as Big5 (or the reverse) yields rare characters and
    symbols; the right one yields mostly the 3755 commonest hanzi (GB2312 level 1),
    once Traditional characters are taken to Simplified.
    """
    if not text:
        return 0.0
    common = _common_hanzi()
    score = 0.0
    for char, count in Counter(text).items():
        if char.isascii():
            score += count if (char.isprintable() or char in "\t\r\n\f") else 0
        elif char.translate(_char_table()) in common:
            score += count
        elif CJK.match(char):
            score += 0.5 * count
        elif "\u3000" <= char <= "\u303f" or "\uff00" <= char <= "\uffef" or "\u2000" <= char <= "\u206f" \
                or "\u00a0" <= char <= "\u024f" or char in "◆●■□○◇★☆▲△":
            score += count
    return score / len(text)


@cache
def _common_hanzi() -> frozenset[str]:
    """The GB2312 level-1 hanzi: the commonest characters of Chinese text."""
    chars = set()
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            chars.update(bytes((lead, trail)).decode("gb2312", errors="ignore"))
    return frozenset(chars)


# ---------------------------------------------------------------- script

@cache
def _char_table() -> dict[int, str]:
    """OpenCC's Traditional→Simplified character table, as a ``str.translate`` table.

    The matching view converts character for character, which keeps offsets
    1:1 and is two orders of magnitude faster than OpenCC's phrase
    segmentation (the whole build's largest cost when it was used); phrase
    conversions that differ from their characters' (答覆→答复) only change
    words no stage matches on.
    """
    import opencc

    path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    table: dict[int, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        source, _, targets = line.partition("\t")
        target = targets.split(" ")[0] if targets else ""
        if len(source) == 1 and len(target) == 1 and source != target:
            table[ord(source)] = target
    return table


def _full_table(changes: dict[int, str | None]) -> dict[int, int | str | None]:
    """``changes`` over every BMP character, the others mapped to themselves.

    ``str.translate`` raises and catches a LookupError for every character
    its table lacks; a table that names every BMP character makes a pass over a
    document about four times faster.
    """
    table: dict[int, int | str | None] = dict(zip(BMP, BMP, strict=True))
    table.update(changes)
    return table


@cache
def _simplifying_table() -> dict[int, int | str | None]:
    """:func:`_char_table` as a full table, for the matching view."""
    return _full_table(_char_table())


@cache
def _hanzi_marker() -> dict[int, str | None]:
    """A table over the BMP that keeps only the CJK characters, as ``-`` where t2s keeps them and
    ``+`` where it changes them, so that one pass and two counts in C measure the script."""
    hanzi = set(map(ord, CJK.findall("".join(map(chr, BMP)))))
    table: dict[int, str | None] = dict.fromkeys(BMP)
    table.update(dict.fromkeys(hanzi, "-"))
    table.update(dict.fromkeys(hanzi.intersection(_char_table()), "+"))
    return table


def _simplify(raw: str) -> str:
    """``raw`` in Simplified script, one character for one."""
    return raw.translate(_simplifying_table())


def _language(raw: str, cues: dict) -> str:
    """zh-Hant when t2s changes more than a small share of the CJK characters, else zh-Hans."""
    marks = raw.translate(_hanzi_marker())
    changed = marks.count("+")
    hanzi = changed + marks.count("-")
    if not hanzi:
        return "zh-Hans"
    return "zh-Hant" if changed / hanzi > cues["traditional_share"] else "zh-Hans"


# ---------------------------------------------------------------- cues (data)

@cache
def _cues() -> dict:
    """``document_cues.yaml`` with its patterns compiled."""
    cues = yaml.safe_load((LEXICON / "document_cues.yaml").read_text(encoding="utf-8"))
    for key in ("full_date", "dateline_author", "not_title", "title_fragment", "artefacts",
                "continuation_start", "heading", "item_start", "prose_line", "clause_punctuation"):
        cues[key] = re.compile(cues[key])
    return cues


@cache
def _genre_cues() -> tuple[tuple[str, str, re.Pattern, float, int], ...]:
    """Rows of ``genre_cues.csv``: (genre, cue, pattern, weight, min_count)."""
    with (LEXICON / "genre_cues.csv").open(encoding="utf-8", newline="") as handle:
        return tuple((row["genre"], row["cue"], re.compile(row["pattern"]), float(row["weight"]),
                      int(row["min_count"])) for row in csv.DictReader(handle))


# ---------------------------------------------------------------- document

def parse_document(raw: str, doc_id: str, encoding: str = "utf-8") -> Document:
    """Build a :class:`~graph.model.Document` from already decoded text.

    What :func:`read_document` does after decoding; handy for tests of later stages.

    Parameters
    ----------
    raw : str
        The decoded document (a leading BOM is dropped).
    doc_id : str
        The document's identifier, normally its file name.
    encoding : str
        Recorded in ``meta.encoding``.

    Returns
    -------
    Document

    Examples
    --------
    >>> doc = parse_document("◆中方愿同各方加强视频\\n\\n会议合作。", "x.txt")
    >>> doc.text
    '◆中方愿同各方加强视频会议合作。'
    >>> doc.raw[doc.offsets[11]]
    '会'
    """
    raw = raw.removeprefix("\ufeff")
    cues = _cues()
    front, body_start = _front_matter(raw)
    simplified = _simplify(raw)
    lines = _lines(raw, simplified, body_start, cues)
    kept = _kept_mask(raw, lines, body_start, cues)
    keep = list(compress(range(len(raw)), kept))
    text = "".join(simplified[run.start():run.end()] for run in KEPT_RUN.finditer(kept))
    meta = _describe(raw, text, lines, front, encoding, cues)
    return Document(id=doc_id, raw=raw, text=text, offsets=tuple(keep), meta=meta)


@dataclass
class _Line:
    """One line of ``raw``: its bounds, and its content (artefacts dropped, stripped) in both scripts."""

    start: int
    end: int
    first: int
    last: int
    text: str
    raw_text: str
    indented: bool


def _lines(raw: str, simplified: str, body_start: int, cues: dict) -> list[_Line]:
    """The body's lines with content; artefacts are left out of their content."""
    dropped = _artefact_positions(raw, body_start, cues)
    ordered = sorted(dropped)
    lines = []
    start = body_start
    for line in raw[body_start:].split("\n"):
        end = start + len(line)
        before = bisect_left(ordered, start)
        found = _line_with_artefacts(raw, simplified, start, end, dropped) \
            if before < len(ordered) and ordered[before] < end else _plain_line(simplified, start, end, line)
        if found:
            lines.append(found)
        start = end + 1
    return lines


def _plain_line(simplified: str, start: int, end: int, line: str) -> _Line | None:
    """A line without artefacts: its content is one slice, so no per-character work."""
    stripped = line.strip()
    if not stripped:
        return None
    first = start + len(line) - len(line.lstrip())
    last = first + len(stripped) - 1
    return _Line(start, end, first, last, simplified[first:last + 1], stripped, line[0].isspace())


def _line_with_artefacts(raw: str, simplified: str, start: int, end: int, dropped: set[int]) -> _Line | None:
    """A line of a document with artefacts: its content is what is left between them."""
    kept = [i for i in range(start, end) if i not in dropped]
    content = [i for i in kept if not raw[i].isspace()]
    if not content:
        return None
    first, last = content[0], content[-1]
    inside = [i for i in kept if first <= i <= last]
    return _Line(start, end, first, last, "".join(simplified[i] for i in inside),
                 "".join(raw[i] for i in inside), raw[kept[0]].isspace())


def _artefact_positions(raw: str, body_start: int, cues: dict) -> set[int]:
    """Positions of export artefacts such as ``[bookmark: _Toc4450]``."""
    return {i for m in cues["artefacts"].finditer(raw, body_start) for i in range(m.start(), m.end())}


# ---------------------------------------------------------------- front matter and headers

class _FrontMatterLoader(yaml.SafeLoader):
    """YAML's safe loader, except that a timestamp no calendar has (``2020-02-30``) stays text.

    The safe loader raises ValueError on such a value, which is no YAMLError:
    one mistyped date in one file's front matter stopped the whole build.
    """


def _timestamp_or_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> dt.date | str:
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


def _front_matter(raw: str) -> tuple[dict, int]:
    """YAML front matter between ``---`` lines at the very top, and where the body starts."""
    match = re.match(r"\s*---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|$)", raw, re.S)
    if not match:
        return {}, 0
    try:
        fields = yaml.load(match.group(1), Loader=_FrontMatterLoader)
    except yaml.YAMLError:
        return {}, 0
    return (fields, match.end()) if isinstance(fields, dict) else ({}, 0)


def _arrow_headers(raw: str) -> dict[str, str]:
    """``key ==>`` headers of a scraped article: each key's first line of value."""
    headers: dict[str, str] = {}
    if HEADER_ARROW not in raw:
        return headers
    marks = list(re.finditer(rf"(?m)^[ \t]*([^\s=]+)[ \t]*{HEADER_ARROW}[ \t]*", raw))
    for mark, following in zip(marks, marks[1:] + [None], strict=True):
        value = raw[mark.end():following.start() if following else len(raw)].strip()
        headers.setdefault(mark.group(1).lower(), value.split("\n", 1)[0].strip())
    return headers


def _field(fields: dict, name: str, cues: dict) -> str | dt.date | None:
    """The first of a DocMeta field's keys that has a value.

    YAML reads an unquoted ``2020-03-01`` as a date; only the ``date`` field
    keeps it as one. Any other field is text, so that ``author: 2020-03-01``
    is a string (not a date the writers cannot quote).
    """
    for key in cues["meta_keys"][name]:
        value = fields.get(key)
        if value not in (None, ""):
            return value if isinstance(value, dt.date) and name == "date" else str(value).strip()
    return None


def _as_date(value: str | dt.date | None, cues: dict) -> dt.date | None:
    """A date from a metadata value (a date, ``2020-04-07``, ``2020年03月26日11:31``).

    A year outside ``date_years`` is a placeholder, not a date (publishing tools
    write ``0001-01-01`` for "no date" and ``9999-12-31`` for "never"); taken as
    the document's date it would date every event of the text to year 1.
    """
    date = _date_value(value, cues)
    low, high = cues["date_years"]
    return date if date is not None and low <= date.year <= high else None


def _date_value(value: str | dt.date | None, cues: dict) -> dt.date | None:
    """The date a metadata value or a line spells out, whatever its year."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    match = cues["full_date"].search(value or "")
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups() if g is not None)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# ---------------------------------------------------------------- metadata

def _describe(raw: str, text: str, lines: list[_Line], front: dict,
              encoding: str, cues: dict) -> DocMeta:
    """Everything the document says about itself, plus its script and genre."""
    headers = _arrow_headers(raw) if front == {} else {}
    fields = {**headers, **front}
    return DocMeta(
        title=_title(fields, lines, cues),
        date=_as_date(_field(fields, "date", cues), cues) or _preamble_date(lines, cues),
        source=_source(_field(fields, "source", cues)),
        author=_field(fields, "author", cues) or _dateline_author(lines, cues),
        language=_language(raw, cues),
        genre=detect_genre(text),
        encoding=encoding,
    )


def _source(value: str | dt.date | None) -> str | None:
    """The document's source as it names it: a web address, or a name such as ``人民网``.

    Emit links an absolute http(s) address and writes anything else as text,
    so a relative path or ``新华社: 北京`` is kept without breaking the Turtle.
    """
    return value if isinstance(value, str) else None


def _title(fields: dict, lines: list[_Line], cues: dict) -> str | None:
    """The metadata title, else the first Markdown heading, else a short first line."""
    title = _field(fields, "title", cues)
    if title:
        return str(title)
    body = [line for line in lines if not re.match(r"[^\s=]+[ \t]*==>", line.raw_text)]
    for line in body:
        if line.raw_text.startswith("# "):
            return line.raw_text[2:].strip()
    if not body:
        return None
    first = cues["title_fragment"].sub("", body[0].raw_text)
    if (len(first) > cues["title_max_length"] or first[-1] in cues["sentence_final"]
            or cues["not_title"].match(body[0].text)):
        return None
    return first


def _preamble_date(lines: list[_Line], cues: dict) -> dt.date | None:
    """A full date in the first lines (国务院新闻办公室于2020年3月26日…举行新闻发布会)."""
    for line in lines[:cues["preamble_lines"]]:
        date = _as_date(line.text, cues)
        if date:
            return date
    return None


def _dateline_author(lines: list[_Line], cues: dict) -> str | None:
    """The byline in brackets after a dateline (人民网北京3月26日电 （朱紫阳）)."""
    for line in lines[:cues["preamble_lines"] + 4]:
        match = cues["dateline_author"].search(line.raw_text)
        if match:
            return match.group(1)
    return None


def detect_genre(text: str) -> str:
    """The genre whose cue lines weigh most in ``text`` (Simplified), else ``"text"``.

    >>> detect_genre("3月14日\\n◆甲\\n3月15日\\n◆乙\\n3月16日\\n◆丙")
    'chronicle'
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    scores = Counter()
    for genre, _cue, pattern, weight, min_count in _genre_cues():
        count = sum(1 for line in lines if pattern.search(line))
        if count >= min_count:
            scores[genre] += weight * count
    if not scores:
        return FALLBACK
    return max(scores, key=lambda genre: (scores[genre], -GENRES.index(genre)))


# ---------------------------------------------------------------- matching view

def _kept_mask(raw: str, lines: list[_Line], body_start: int, cues: dict) -> bytearray:
    """One byte per position of ``raw``: 1 where the matching view keeps it."""
    dropped = bytearray(len(raw))
    dropped[:body_start] = b"\x01" * body_start
    for i in _artefact_positions(raw, body_start, cues):
        dropped[i] = 1
    headers = _running_headers(raw, lines, cues)
    for line in headers:
        dropped[line.start:line.end] = b"\x01" * (line.end - line.start)
    content = [line for line in lines if line not in headers]
    for before, after in pairwise(content):
        if _broken(raw, before, after, any(before.last < h.start < after.first for h in headers), cues):
            dropped[before.last + 1:after.first] = b"\x01" * (after.first - before.last - 1)
    return dropped.translate(FLIP)


def _broken(raw: str, before: _Line, after: _Line, header_between: bool, cues: dict) -> bool:
    """Whether ``after`` continues a sentence that a page break cut at the end of ``before``."""
    gap = raw[before.last + 1:after.first]
    if not header_between and gap.count("\n") < 2:
        return False
    return _continues(before, after, cues)


def _continues(before: _Line, after: _Line, cues: dict) -> bool:
    """``before`` is prose cut without closing punctuation and ``after`` reads on from it."""
    if (before.text[-1] in cues["sentence_final"] or cues["heading"].match(before.text)
            or not cues["prose_line"].search(before.text)):
        return False
    if (after.indented or not cues["continuation_start"].match(after.text)
            or cues["heading"].match(after.text) or cues["item_start"].match(after.text)):
        return False
    standalone = len(after.text) < cues["standalone_max_length"] and not cues["clause_punctuation"].search(after.text)
    return not standalone


def _running_headers(raw: str, lines: list[_Line], cues: dict) -> list[_Line]:
    """Lines a page layout repeated into the text (page headers), found by repetition.

    A short line is a running header when it repeats verbatim (as a line, or
    inside another line) and interrupts a sentence cut by the page break, or
    when it is a CJK line repeated often that opens no structural unit.
    """
    counts = Counter(line.text for line in lines)
    headers = []
    for index, line in enumerate(lines):
        if len(line.text) > cues["running_header_max_length"] or cues["heading"].match(line.text) \
                or cues["item_start"].match(line.text):
            continue
        if counts[line.text] >= cues["running_header_min_repeats"] and CJK.search(line.text) \
                and len(line.text) >= cues["running_header_min_length"] and line.text[-1] not in cues["sentence_final"]:
            headers.append(line)
        elif _repeated(raw, line, counts, cues) and _interrupts(lines, index, cues):
            headers.append(line)
    return headers


def _repeated(raw: str, line: _Line, counts: Counter, cues: dict) -> bool:
    """The line's text appears elsewhere in the document too."""
    if counts[line.text] >= 2:
        return True
    return len(line.raw_text) >= cues["running_header_min_quote_length"] and raw.count(line.raw_text) >= 2


def _interrupts(lines: list[_Line], index: int, cues: dict) -> bool:
    """The line stands between the two halves of a sentence cut by a page break."""
    if index == 0 or index + 1 >= len(lines):
        return False
    return _continues(lines[index - 1], lines[index + 1], cues)
