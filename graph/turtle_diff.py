"""The subject blocks in which two graph files written by jishi differ, found in one pass over both.

:func:`graph.emit.turtle_chunks` writes the prefixes, then one block per
subject in sorted order, the blocks apart by one empty line (a literal never
holds a raw line break: emit escapes it). Two such files compare as two sorted
lists merge: a block whose subject only one file has, or whose text differs, is
a change; every other block holds the same triples in both. Both files are
read in chunks and compared as they come, so memory holds one block of each
and the blocks that differ, which after one document is added to a large
corpus are few. The store of an earlier build is brought up to date with them
(:func:`graph.store.write_store`) instead of being loaded again.

A file not in that layout (subjects out of order or twice, other prefixes), or
a change too large to be worth it, is reported as :class:`NotComparable`; the
caller then loads the whole graph.

>>> import tempfile, pathlib
>>> head = "@prefix jid: <https://w3id.org/jishi/id/> .\\n"
>>> with tempfile.TemporaryDirectory() as tmp:
...     old, new = pathlib.Path(tmp, "old.ttl"), pathlib.Path(tmp, "new.ttl")
...     _ = old.write_text(head + "jid:a\\n    jid:p 1 .\\n\\njid:b\\n    jid:p 2 .\\n")
...     _ = new.write_text(head + "jid:a\\n    jid:p 1 .\\n\\njid:b\\n    jid:p 3 .\\n\\njid:c\\n    jid:p 4 .\\n")
...     change = diff(old, new, limit=1000)
>>> change.gone, change.added
([b'jid:b\\n    jid:p 2 .'], [b'jid:b\\n    jid:p 3 .', b'jid:c\\n    jid:p 4 .'])
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

_CHUNK = 1 << 20
_BETWEEN = b"\n\n"
_PREFIX = b"@prefix "


class NotComparable(Exception):
    """The two files are not both in jishi's layout, or differ in more than the caller's limit."""


@dataclass
class Diff:
    """What changed from one graph file to the next, and the SHA-256 of each file as it was read."""

    header: bytes
    """The prefix lines, the same in both files."""
    gone: list[bytes] = field(default_factory=list)
    """The blocks of the old file that the new one does not hold as they are."""
    added: list[bytes] = field(default_factory=list)
    """The blocks of the new file that the old one does not hold as they are."""
    old_sha256: str = ""
    new_sha256: str = ""

    def turtle(self, blocks: list[bytes]) -> bytes:
        """``blocks`` (:attr:`gone` or :attr:`added`) as a Turtle document of their own."""
        return self.header + b"\n".join(blocks) + b"\n"


def diff(old: Path, new: Path, limit: int) -> Diff:
    """The blocks in which ``old`` and ``new`` differ; :class:`NotComparable` past ``limit`` bytes of them."""
    old_hash, new_hash = hashlib.sha256(), hashlib.sha256()
    with old.open("rb") as old_file, new.open("rb") as new_file:
        old_head, old_blocks = _read(old_file, old_hash)
        new_head, new_blocks = _read(new_file, new_hash)
        if old_head != new_head:
            raise NotComparable("the prefixes differ")
        change = Diff(new_head)
        _merge(_ascending(old_blocks), _ascending(new_blocks), change, limit)
    change.old_sha256, change.new_sha256 = old_hash.hexdigest(), new_hash.hexdigest()
    return change


def parts(path: Path, size: int, digest: hashlib._Hash) -> Iterator[bytes]:
    """``path`` (a graph file written by jishi) as Turtle documents of whole blocks, each with the prefix
    lines and about ``size`` bytes of blocks (more when one block is larger); the file also goes into ``digest``.

    For loaders whose memory grows with what one call is given (:func:`graph.store.write_store`).
    """
    with path.open("rb") as handle:
        header, blocks = _read(handle, digest)
        part: list[bytes] = []
        held = 0
        for block in blocks:
            part.append(block)
            held += len(block)
            if held >= size:
                yield header + b"\n\n".join(part) + b"\n"
                part, held = [], 0
        if part:
            yield header + b"\n\n".join(part) + b"\n"


def _merge(old: Iterator[tuple[bytes, bytes]], new: Iterator[tuple[bytes, bytes]], change: Diff, limit: int) -> None:
    """Walk both sorted lists of (subject, block) side by side, noting into ``change`` each block only one holds."""
    size = 0
    a, b = next(old, None), next(new, None)
    while a is not None or b is not None:
        if b is None or (a is not None and a[0] < b[0]):
            change.gone.append(a[1])
            size += len(a[1])
            a = next(old, None)
        elif a is None or b[0] < a[0]:
            change.added.append(b[1])
            size += len(b[1])
            b = next(new, None)
        else:
            if a[1] != b[1]:
                change.gone.append(a[1])
                change.added.append(b[1])
                size += len(a[1]) + len(b[1])
            a, b = next(old, None), next(new, None)
        if size > limit:
            raise NotComparable(f"they differ in more than {limit} bytes")


def _read(handle: BinaryIO, digest: hashlib._Hash) -> tuple[bytes, Iterator[bytes]]:
    """The file's prefix lines, and its blocks as they are read (each chunk also goes into ``digest``)."""
    pieces = _pieces(handle, digest)
    first = next(pieces, b"")
    end = 0
    while first.startswith(_PREFIX, end) and (line_end := first.find(b"\n", end)) >= 0:
        end = line_end + 1
    rest = first[end:]
    return first[:end], _chained(rest, pieces) if rest else pieces


def _chained(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    yield first
    yield from rest


def _pieces(handle: BinaryIO, digest: hashlib._Hash) -> Iterator[bytes]:
    """The file's text cut at every empty line; the file's last line break is not part of its last piece."""
    rest = b""
    while chunk := handle.read(_CHUNK):
        digest.update(chunk)
        parts = (rest + chunk).split(_BETWEEN)
        rest = parts.pop()
        yield from parts
    if rest:
        yield rest.removesuffix(b"\n")


def _ascending(blocks: Iterator[bytes]) -> Iterator[tuple[bytes, bytes]]:
    """Each block with its subject, while each subject sorts after the one before (emit writes them so)."""
    last = b""
    for block in blocks:
        subject = block.partition(b"\n")[0]
        if subject <= last:
            raise NotComparable("its subjects are not in order, or one is there twice")
        last = subject
        yield subject, block
