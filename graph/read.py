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
import errno
import os
import re
import stat
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import cache
from itertools import pairwise, zip_longest
from pathlib import Path
from typing import NamedTuple

import ahocorasick_rs
import yaml

from .genres import FALLBACK, NAMES as GENRES
from .lexicon import read_yaml
from .model import DocMeta, Document, Offsets, Skipped

__all__ = ["UnreadableDocument", "find_documents", "survey_documents", "read_document", "parse_document"]

SUFFIXES = (".txt", ".md")
# Document types a corpus folder may hold that jishi cannot read: named in the summary, not passed over.
UNSUPPORTED_SUFFIXES = (".pdf", ".doc", ".docx", ".odt", ".rtf", ".wps", ".html", ".htm", ".xhtml", ".epub")
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
# Up to this share of NUL bytes, a file that is UTF-8 once they are dropped is text with stray NULs
# (UTF-16 text has a NUL in every other byte of its ASCII, binary data fails as UTF-8).
MAX_STRAY_NUL = 0.05
MAX_CHARS = 2_000_000
VARIANT_TABLES = ("HKVariantsRev.txt",)  # OpenCC files: regional variant → standard Traditional form
"""The longest document read, in characters (the longest real document is under 50,000). Every stage
is linear or n log n in a document's length, but one file of 50 MB still ties a core up for minutes and
is no single article: it is refused with a message asking to split it (``jishi build --max-chars``)."""
# No encoding jishi reads takes more bytes than this for one character (UTF-32, GB18030).
MAX_BYTES_PER_CHAR = 4
# Bytes an encoding may have cut off the end of a file that ends inside a character.
TRUNCATION_REASONS = ("unexpected end of data", "incomplete multibyte sequence", "truncated data")
# Front matter nested deeper than this is no metadata (and YAML's composer would recurse until it fails).
MAX_FRONT_MATTER_DEPTH = 20
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Turns a "dropped" byte mask into a "kept" one.
FLIP = bytes.maketrans(b"\x00\x01", b"\x01\x00")
BMP = range(0x10000)
KEPT_RUN = re.compile(rb"\x01+")
HEADER_ARROW = "==>"
# Characters of a document searched at once for repeated page headers: bounds the matches held in memory.
QUOTE_CHUNK = 8192


class UnreadableDocument(Exception):
    """A file that cannot be read as a document; ``reason`` says why, for the build summary."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = Path(path)
        self.reason = reason


class _Decoded(NamedTuple):
    """A file's text, the encoding it was read in, and the repairs reading it took."""

    text: str
    encoding: str
    notes: tuple[str, ...] = ()


# ---------------------------------------------------------------- finding files

def find_documents(paths: list[Path]) -> list[Path]:
    """The documents under ``paths`` (see :func:`survey_documents`), without the reasons for the rest.

    >>> find_documents([])
    []
    """
    return survey_documents(paths)[0]


def survey_documents(paths: list[Path]) -> tuple[list[Path], list[Skipped]]:
    """The documents under ``paths``, and every path that is none with the reason why.

    A path given by name is a document or skipped with its reason (missing, a
    dangling link or link loop, a FIFO or other special file, an unsupported type
    such as ``.pdf``). In a folder, searched recursively, ``.txt`` and ``.md``
    files are documents; hidden files and folders, files of other types and
    folders are passed over in silence, except the same faults as above, folders
    that cannot be listed, links to folders (not followed) and files of a
    document type jishi cannot read (``.pdf``, ``.docx``, ``.html`` …), which are
    skipped with their reason. Nothing is opened here: a FIFO is never read.

    Parameters
    ----------
    paths : list of Path
        Files and folders.

    Returns
    -------
    documents : list of Path
        Sorted, each file once (however many of ``paths`` reach it).
    skipped : list of Skipped
        In the order found, each path once.

    Examples
    --------
    >>> survey_documents([Path("no/such/folder")])
    ([], [Skipped(path='no/such/folder', reason='no such file or folder')])
    """
    found: dict[Path, Path] = {}
    skipped: dict[str, Skipped] = {}
    for path in map(Path, paths):
        if path.is_dir():
            entries = [(file, _found_reason(file) if reason is None else reason)
                       for file, reason in _walk(path)]
        else:
            entries = [(path, _given_reason(path))]
        for file, reason in entries:
            if reason is None:
                found.setdefault(file.resolve(), file)
            elif reason:
                skipped.setdefault(str(file), Skipped(str(file), reason))
    return sorted(found.values(), key=str), list(skipped.values())


def _walk(root: Path) -> list[tuple[Path, str | None]]:
    """Every path below ``root``, sorted, with a reason for the folders that could not be listed.

    Hidden folders are not entered and links to folders not followed; a folder
    that cannot be listed (no permission) is named, where ``Path.rglob`` passed
    over it in silence.
    """
    entries: dict[Path, str | None] = {}

    def unlisted(exc: OSError) -> None:
        entries[Path(exc.filename)] = f"folder cannot be listed ({exc.strerror or exc})"

    for folder, folders, files in os.walk(root, onerror=unlisted):
        entries.update((Path(folder, name), None) for name in folders + files)
        folders[:] = [name for name in folders if not name.startswith(".")]
    return sorted(entries.items())


def _given_reason(path: Path) -> str | None:
    """Why a path given by name is no document (None: it is one)."""
    mode, reason = _file_mode(path)
    if reason:
        return reason
    if not stat.S_ISREG(mode):
        return f"not a regular file ({_file_kind(mode)})"
    return None if path.suffix.lower() in SUFFIXES else _unsupported(path)


def _found_reason(file: Path) -> str | None:
    """Why a path found in a folder is no document: None for a document, "" to pass over it.

    Only ``file``'s own name can be hidden: :func:`_walk` enters no hidden folder
    (``Path.relative_to`` on every file was 2% of a rebuild's CPU under cProfile).
    """
    if file.name.startswith("."):
        return ""
    mode, reason = _file_mode(file)
    if reason:
        return reason
    if stat.S_ISDIR(mode):
        return "a link to a folder, not followed (give the folder itself)" if file.is_symlink() else ""
    if not stat.S_ISREG(mode):
        return f"not a regular file ({_file_kind(mode)})"
    suffix = file.suffix.lower()
    return None if suffix in SUFFIXES else _unsupported(file) if suffix in UNSUPPORTED_SUFFIXES else ""


def _file_mode(path: Path) -> tuple[int, str]:
    """The file type bits of what ``path`` leads to, or why it leads nowhere (a missing file, a bad link)."""
    try:
        return path.stat().st_mode, ""
    except FileNotFoundError:
        return 0, _missing_reason(path)
    except OSError as exc:
        return 0, _oserror_reason(exc)


def _unsupported(path: Path) -> str:
    """The reason for a file of a type jishi does not read."""
    kind = f"{path.suffix} files" if path.suffix else "files without an extension"
    return f"unsupported type ({kind}; jishi reads .txt and .md: save it as text)"


# ---------------------------------------------------------------- reading

def read_document(path: Path, max_chars: int = MAX_CHARS) -> Document:
    """Read one file into a :class:`~graph.model.Document`.

    Parameters
    ----------
    path : Path
        A ``.txt`` or ``.md`` file in any encoding Chinese reporting comes in.
    max_chars : int
        The longest document read; a longer one is refused (see :data:`MAX_CHARS`).

    Returns
    -------
    Document
        ``id`` is the file name; see the module docstring for ``raw``, ``text`` and ``offsets``.

    Raises
    ------
    UnreadableDocument
        The file is missing, no regular file, unreadable, empty, binary, over ``max_chars`` or in no
        known encoding. Stray NUL bytes and a last character cut in two are repaired instead, and
        said in ``Document.notes``.

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
    decoded = _decode(_read_bytes(path, max_chars), path)
    if len(decoded.text) > max_chars:
        raise UnreadableDocument(path, f"{len(decoded.text):,} characters, over the limit of {max_chars:,} "
                                       "per document (split it)")
    return parse_document(decoded.text, path.name, decoded.encoding, decoded.notes)


def _read_bytes(path: Path, max_chars: int) -> bytes:
    """The file's bytes, or an UnreadableDocument saying why there are none.

    The file is opened without blocking and checked to be a regular file before
    anything is read: reading a FIFO would wait for a writer forever, a device
    would never end. A file too large for ``max_chars`` in any encoding is
    refused from its size, before it is read.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise UnreadableDocument(path, _missing_reason(path)) from None
    except OSError as exc:
        raise UnreadableDocument(path, _oserror_reason(exc)) from None
    with os.fdopen(fd, "rb") as handle:
        mode, size = os.fstat(fd).st_mode, os.fstat(fd).st_size
        if stat.S_ISDIR(mode):
            raise UnreadableDocument(path, "a folder, not a file")
        if not stat.S_ISREG(mode):
            raise UnreadableDocument(path, f"not a regular file ({_file_kind(mode)})")
        if size > max_chars * MAX_BYTES_PER_CHAR:
            raise UnreadableDocument(path, f"{size:,} bytes, more than the limit of {max_chars:,} characters "
                                           "per document allows (split it)")
        try:
            data = handle.read()
        except OSError as exc:
            raise UnreadableDocument(path, _oserror_reason(exc)) from None
    if not data:
        raise UnreadableDocument(path, "empty file (0 bytes)")
    return data


def _missing_reason(path: Path) -> str:
    """Why a path that cannot be opened is not there: no such file, or a link to nothing."""
    if path.is_symlink():
        return f"dangling symbolic link (to {os.readlink(path)}, which does not exist)"
    return "no such file or folder"


def _oserror_reason(exc: OSError) -> str:
    """A reason a person reads for an error of the operating system."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop (the links lead in a circle)"
    if exc.errno == errno.EISDIR:
        return "a folder, not a file"
    return f"cannot be read ({exc.strerror or exc})"


def _file_kind(mode: int) -> str:
    """What a file that is no regular file is (a FIFO, a socket, a device)."""
    kinds = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"))
    return next((name for test, name in kinds if test(mode)), "an unknown kind of file")


def _decode(data: bytes, path: Path) -> _Decoded:
    """Decode ``data``: a BOM decides, else strict UTF-8, else the most plausible charset-normalizer guess."""
    decoded = _decode_bom(data) or _decode_utf8(data) or _decode_guess(data, path)
    if not decoded.text.strip():
        raise UnreadableDocument(path, "empty file (only whitespace)")
    if len(CONTROL.findall(decoded.text)) > MAX_CONTROL * len(decoded.text):
        raise UnreadableDocument(path, f"binary file (control characters when read as {decoded.encoding})")
    return decoded


def _decode_bom(data: bytes) -> _Decoded | None:
    """Decode by the byte-order mark, if there is one; the mark itself is dropped.

    Text damaged other than at its very end is left to the guess, which names the damage.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _decode_cut(data, encoding)
    return None


def _decode_utf8(data: bytes) -> _Decoded | None:
    """Strict UTF-8, the common case, with stray NUL bytes dropped.

    A few NULs in a UTF-8 text are damage (a bad copy, a buggy exporter), not
    a sign of binary data: without them it decodes, and is kept with a note.
    More NULs than :data:`MAX_STRAY_NUL` of the bytes are UTF-16 or binary,
    left to the guess.
    """
    nuls = data.count(b"\x00")
    if nuls > MAX_STRAY_NUL * len(data):
        return None
    decoded = _decode_cut(data.replace(b"\x00", b"") if nuls else data, "utf-8")
    if decoded is None or not nuls:
        return decoded
    dropped = f"{nuls} stray NUL byte{'s' if nuls > 1 else ''} dropped"
    return decoded._replace(notes=(dropped, *decoded.notes))


def _decode_cut(data: bytes, encoding: str) -> _Decoded | None:
    """``data`` in ``encoding``; a file that ends inside a character loses that character, with a note.

    A copy cut short (a download stopped, a disk full) once lost the whole
    document for its last half character. Any other error means ``data`` is not
    in ``encoding``: None.
    """
    try:
        return _Decoded(data.decode(encoding), encoding)
    except UnicodeDecodeError as exc:
        start, reason, end = exc.start, exc.reason, exc.end
    cut = len(data) - start
    if reason not in TRUNCATION_REASONS or end != len(data) or start == 0 or cut >= MAX_BYTES_PER_CHAR:
        return None
    head = data[:start].decode(encoding)
    bytes_cut = "its last byte was" if cut == 1 else f"its last {cut} bytes were"
    return _Decoded(head, encoding, (f"truncated: the file ends inside a character; {bytes_cut} dropped",))


def _decode_guess(data: bytes, path: Path) -> _Decoded:
    """Ask charset-normalizer, then keep the candidate that reads most like Chinese text."""
    from charset_normalizer import from_bytes

    candidates = [(str(match), match.encoding) for match in from_bytes(data, cp_isolation=CANDIDATE_ENCODINGS)]
    scored = sorted(((_plausibility(text), -rank, text, enc) for rank, (text, enc) in enumerate(candidates)),
                    reverse=True)
    if scored and scored[0][0] >= MIN_PLAUSIBLE:
        return _Decoded(scored[0][2], scored[0][3].replace("_", "-"))
    truncated = _truncated(data)
    if truncated:
        return truncated
    if b"\x00" in data or CONTROL.search(data[:4096].decode("latin-1")):
        raise UnreadableDocument(path, "binary file (not text in any known encoding)")
    raise UnreadableDocument(path, "undecodable text (not UTF-8, GB18030, Big5 or UTF-16)")


def _truncated(data: bytes) -> _Decoded | None:
    """``data`` read in the encoding in which it is plausible text cut inside its last character, if any."""
    for encoding in ("gb18030", "big5", "utf-16-le", "utf-16-be"):
        decoded = _decode_cut(data, encoding)
        if decoded is not None and decoded.notes and _plausibility(decoded.text) >= MIN_PLAUSIBLE:
            return decoded
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
    """OpenCC's Traditional→Simplified character table, as a ``str.translate`` table, with the
    Hong Kong variant forms OpenCC's table leaves as they are simplified through their standard
    Traditional form (衞 → 衛 → 卫: Hong Kong writes 衞生署, 食物及衞生局); a variant whose standard
    form has no simplification stays (抬, already simplified, is not taken to 擡).

    The matching view converts character for character, which keeps offsets
    1:1 and is two orders of magnitude faster than OpenCC's phrase
    segmentation (the whole build's largest cost when it was used); phrase
    conversions that differ from their characters' (答覆→答复) only change
    words no stage matches on.
    """
    import opencc

    folder = Path(opencc.__file__).parent / "dictionary"
    table = {ord(source): target for source, target in _opencc_pairs(folder / "TSCharacters.txt")}
    for variants in VARIANT_TABLES:
        for source, target in _opencc_pairs(folder / variants):
            simplified = table.get(ord(target))
            if ord(source) not in table and simplified is not None and simplified != source:
                table[ord(source)] = simplified
    return table


def _opencc_pairs(path: Path) -> list[tuple[str, str]]:
    """The one-character conversions of an OpenCC dictionary file (its first target for each)."""
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        source, _, targets = line.partition("\t")
        target = targets.split(" ")[0] if targets else ""
        if len(source) == 1 and len(target) == 1 and source != target:
            pairs.append((source, target))
    return pairs


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
    cues = read_yaml(LEXICON / "document_cues.yaml")
    for key in ("full_date", "period_start", "dateline_author", "not_title", "title_fragment", "artefacts",
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

def parse_document(raw: str, doc_id: str, encoding: str = "utf-8", notes: tuple[str, ...] = ()) -> Document:
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
    notes : tuple of str
        Repairs made while decoding, kept in ``Document.notes`` with those of the front matter.

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
    front, body_start, front_notes = _front_matter(raw)
    simplified = _simplify(raw)
    lines = _lines(raw, simplified, body_start, cues)
    kept = _kept_mask(raw, lines, body_start, cues)
    runs = [run.span() for run in KEPT_RUN.finditer(kept)]
    text = "".join(simplified[start:end] for start, end in runs)
    meta = _describe(raw, text, lines, front, encoding, cues)
    return Document(id=doc_id, raw=raw, text=text, offsets=Offsets(runs), meta=meta, notes=(*notes, *front_notes))


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

class _RefusedFrontMatter(yaml.YAMLError):
    """Front matter that is YAML but not loaded, for the reason given."""


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML's safe loader with three limits: no aliases, no deep nesting, no impossible timestamps.

    Aliases (``*name``) repeat a node by reference: nine aliases of nine aliases
    make 488 bytes stand for billions of strings, which reached 4.8 GB when a
    field was turned into text. Metadata never needs them, so an alias refuses
    the whole front matter. Nesting is capped because YAML's composer recurses
    once per level. A timestamp no calendar has (``2020-02-30``) stays text: the
    safe loader raises ValueError on it, which is no YAMLError, and one mistyped
    date in one file's front matter stopped the whole build.
    """

    _depth = 0

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            raise _RefusedFrontMatter("YAML aliases (*name) are not accepted")
        if self._depth >= MAX_FRONT_MATTER_DEPTH:
            raise _RefusedFrontMatter("nested too deep")
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _timestamp_or_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> dt.date | str:
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


def _front_matter(raw: str) -> tuple[dict, int, tuple[str, ...]]:
    """YAML front matter between ``---`` lines at the very top, where the body starts, and a note
    when the front matter is refused (its fields ignored, its lines still no body)."""
    match = re.match(r"\s*---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|$)", raw, re.S)
    if not match:
        return {}, 0, ()
    try:
        fields = yaml.load(match.group(1), Loader=_FrontMatterLoader)
    except _RefusedFrontMatter as exc:
        return {}, match.end(), (f"front matter ignored: {exc}",)
    except yaml.YAMLError:
        return {}, 0, ()
    return (fields, match.end(), ()) if isinstance(fields, dict) else ({}, 0, ())


def _arrow_headers(raw: str) -> dict[str, str]:
    """``key ==>`` headers of a scraped article: each key's first line of value."""
    headers: dict[str, str] = {}
    if HEADER_ARROW not in raw:
        return headers
    marks = list(re.finditer(rf"(?m)^[ \t]*([^\s=]+)[ \t]*{HEADER_ARROW}[ \t]*", raw))
    for mark, following in zip_longest(marks, marks[1:]):
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
    """A full date in the first lines (国务院新闻办公室于2020年3月26日…举行新闻发布会); a line whose date
    opens a period (（2022年4月1日以来）, 2019年12月27日至…) tells what the text covers, not its day."""
    for line in lines[:cues["preamble_lines"]]:
        match = cues["full_date"].search(line.text)
        if match and cues["period_start"].match(line.text, match.end()):
            continue
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
    header_starts = {line.start for line in headers}
    content = [line for line in lines if line.start not in header_starts]
    for before, after in pairwise(content):
        if _broken(raw, before, after, _header_between(headers, before, after), cues):
            dropped[before.last + 1:after.first] = b"\x01" * (after.first - before.last - 1)
    return dropped.translate(FLIP)


def _header_between(headers: list[_Line], before: _Line, after: _Line) -> bool:
    """Whether a running header stands between two lines (``headers`` in document order): one
    bisection, not a scan of every header for every pair of lines, which was quadratic."""
    index = bisect_left(headers, before.last + 1, key=lambda line: line.start)
    return index < len(headers) and headers[index].start < after.first


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
    candidates = [(index, line) for index, line in enumerate(lines) if _may_be_header(line, cues)]
    frequent = {index for index, line in candidates if _frequent(line, counts, cues)}
    interrupting = [(index, line) for index, line in candidates
                    if index not in frequent and _interrupts(lines, index, cues)]
    quotes = {line.raw_text for _, line in interrupting
              if counts[line.text] < 2 and len(line.raw_text) >= cues["running_header_min_quote_length"]}
    repeated = _found_twice(raw, quotes)
    cutting = {index for index, line in interrupting if counts[line.text] >= 2 or line.raw_text in repeated}
    return [line for index, line in candidates if index in frequent or index in cutting]


def _may_be_header(line: _Line, cues: dict) -> bool:
    """Short enough for a page header and no heading or item of the document's own."""
    return not (len(line.text) > cues["running_header_max_length"] or cues["heading"].match(line.text)
                or cues["item_start"].match(line.text))


def _frequent(line: _Line, counts: Counter, cues: dict) -> bool:
    """A CJK line repeated often that ends no sentence: a page header wherever it stands."""
    return (counts[line.text] >= cues["running_header_min_repeats"] and bool(CJK.search(line.text))
            and len(line.text) >= cues["running_header_min_length"]
            and line.text[-1] not in cues["sentence_final"])


def _found_twice(raw: str, quotes: set[str]) -> set[str]:
    """Those of ``quotes`` that ``raw`` holds at two places or more (a line's own and another).

    One Aho-Corasick pass over ``raw`` for all of them: a ``raw.count`` per line
    made reading quadratic (100,000 short lines took 23 s). The pass goes by
    chunks, each overlapping the next by the longest quote, so that the matches
    held at once stay few even where quotes match at every position (``啊啊啊…``).
    Quotes already seen twice are dropped from the automaton once their further
    matches have cost as much as building it again: the work stays linear in
    ``raw`` and the number of quotes, whether few quotes match often or many never.
    """
    seen: Counter = Counter()
    remaining = sorted(quotes)
    overlap = max(map(len, remaining), default=1) - 1
    automaton = ahocorasick_rs.AhoCorasick(remaining) if remaining else None
    wasted = twice = 0
    for start in range(0, len(raw), QUOTE_CHUNK):
        if automaton is None or twice == len(remaining):
            break
        for index, begin, _ in automaton.find_matches_as_indexes(raw[start:start + QUOTE_CHUNK + overlap],
                                                                 overlapping=True):
            if begin < QUOTE_CHUNK:
                quote = remaining[index]
                seen[quote] += 1
                wasted += seen[quote] > 2
                twice += seen[quote] == 2
        if wasted >= len(remaining):
            remaining = [quote for quote in remaining if seen[quote] < 2]
            automaton = ahocorasick_rs.AhoCorasick(remaining) if remaining else None
            wasted = twice = 0
    return {quote for quote in quotes if seen[quote] >= 2}


def _interrupts(lines: list[_Line], index: int, cues: dict) -> bool:
    """The line stands between the two halves of a sentence cut by a page break."""
    if index == 0 or index + 1 >= len(lines):
        return False
    return _continues(lines[index - 1], lines[index + 1], cues)
