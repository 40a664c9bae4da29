"""A cache of per-document analyses, so that a rebuild analyses only the documents that changed.

Resolution takes what it needs of each per-document :class:`~graph.model.Analysis`
(:class:`graph.resolve.Findings`: the mentions already added up per actor, the
event and statement candidates, the text once), and that is what an entry holds;
analysis is nearly all of a build's time, and a rebuild reads every entry; an analysis depends only on the
document's bytes, on what the build calls it (path and id), on the user's date
hint and size limit, and on the version of jishi: its code (``graph/``), its
catalogue and lexicon (``ontology/``) and the Python that runs it. The key of an
entry is a SHA-256 over all of these, so a changed document, word list or
module is analysed again, and the graph built with the cache is the graph a
clean build writes.

Entries live in ``OUTDIR/.cache/analyses/VERSION/`` (one folder per version of
jishi; a build removes the folders of other versions). They are pickles, written
through a temporary file and a rename; the cache is trusted local data, like the
code beside it: never point a build at a cache folder someone else can write.
An entry that cannot be read back (cut short, damaged, of another layout) is
analysed again, never an error.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import shutil
import sqlite3
import stat
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import TypeVar

from .resolve import Findings

PACKAGE = Path(__file__).resolve().parent
ONTOLOGY = PACKAGE.parent / "ontology"
CACHE = Path(".cache") / "analyses"
"""The cache's folder inside a build's output folder."""
PAGE_CACHE = Path(".cache") / "page"
"""The folder of the page's :class:`Memo` inside a build's output folder."""
TURTLE_CACHE = Path(".cache") / "turtle"
"""The folder of the graph's :class:`DiskMemo` (each document's evidence as Turtle) inside a build's output folder."""
CATALOGUE_CACHE = Path(".cache") / "catalogue"
"""The folder of the catalogue's :class:`Memo` (the actor tables as read and converted) inside a build's output folder."""
PAGE_LIBRARIES = ("networkx", "numpy", "scipy", "opencc-python-reimplemented")
"""Installed libraries whose results the page memo keeps (spring layouts, script conversion): part of its version."""
MEMO_REWRITE_SHARE = 1 / 16
"""A :class:`Memo` kind is written again when more than this share of the entries a build used were
computed by it or kept ones went unused: a few hundred of a page's 14,000 nodes."""
_CHUNK = 1 << 20
T = TypeVar("T")


def _version_folder(parent: Path, version: str) -> Path:
    """``parent``'s folder for ``version``; the folders of other versions are removed, so a cache never piles up."""
    if parent.is_dir():
        for old in parent.iterdir():
            if old.name != version[:32]:
                shutil.rmtree(old, ignore_errors=True)
    return parent / version[:32]


def code_version() -> str:
    """A hash of everything besides the document that decides its analysis: the sources and data of jishi.

    Computed once per build (a few hundred small files). Installed libraries are
    not part of it: after upgrading one that analysis uses (jieba, OpenCC), build once with ``--no-cache``.
    """
    digest = hashlib.sha256(sys.version.encode("utf-8"))
    for root in (PACKAGE, ONTOLOGY):
        for path in sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                data = path.read_bytes()
                digest.update(f"\0{path.relative_to(root.parent).as_posix()}\0{len(data)}\0".encode())
                digest.update(data)
    return digest.hexdigest()


@dataclass(frozen=True)
class AnalysisCache:
    """The entries of one version of jishi, in ``folder``."""

    folder: Path

    @classmethod
    def open(cls, outdir: str | os.PathLike, version: str | None = None) -> AnalysisCache:
        """The cache of ``outdir`` for this version of jishi; the folders of other versions are removed."""
        return cls(_version_folder(Path(outdir) / CACHE, version or code_version()))

    @property
    def version(self) -> str:
        """The version of jishi the entries are of (its code version, shortened): other caches key on it too."""
        return self.folder.name

    def key(self, path: Path, doc_id: str, settings: str, max_bytes: int) -> str | None:
        """The entry's key for the file at ``path``, or None if it cannot be read or is too large to be built.

        ``settings`` is what else the build analyses with (date hint, size limit).
        """
        digest = hashlib.sha256(f"{path}\0{doc_id}\0{settings}\0".encode("utf-8", "surrogateescape"))
        try:
            info = path.stat()
            if not stat.S_ISREG(info.st_mode) or info.st_size > max_bytes:  # a FIFO would block the read
                return None
            with path.open("rb") as handle:
                while chunk := handle.read(_CHUNK):
                    digest.update(chunk)
        except OSError:  # the analysis itself reports why the file cannot be read
            return None
        return digest.hexdigest()

    def holds(self, key: str) -> bool:
        """Whether an entry is stored under ``key`` (it may still turn out unreadable: see :meth:`get`)."""
        return self._entry(key).is_file()

    def get(self, key: str) -> Findings | None:
        """The findings stored under ``key``, or None when there is none or it cannot be read back
        (an entry of an older layout, a whole ``Analysis``, included)."""
        try:
            with self._entry(key).open("rb") as handle:
                found = pickle.load(handle)
        except Exception:  # none stored, or a damaged entry (any unpickling error): analysed again
            return None
        return found if isinstance(found, Findings) else None

    def put(self, key: str, found: Findings) -> None:
        """Store ``found`` under ``key``, whole or not at all; a cache that cannot be written is passed over.

        No fsync: an entry that a power cut leaves damaged is read as missing.
        """
        _write_pickle(self._entry(key), found)

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"


@dataclass
class Memo:
    """Pure results of drawing ``network.html`` (or of writing the graph) kept from one build to the next,
    so that a rebuild redoes only what its new facts change.

    Adding one document to a 10 MB corpus changes a few nodes of a page of
    12,600, yet the page was drawn anew: every component of the actor network
    laid out by networkx's spring layout, every name converted to the other
    Chinese script by OpenCC (together most of the page's CPU once the graph
    is no longer parsed back). Both are pure: a component's shape depends only
    on its nodes and weighted edges (seeded, in sorted order:
    :func:`graph.layout.actor_shapes`), a node's search forms only on its names
    and an actor's two scripts on its label, and a node's JSON on the page
    (item and details) on its fields, degree, label and evidence and its
    documents' texts (:mod:`graph.viz`). So each
    ``kind`` of result is a dict from such a key to its value, read from
    ``OUTDIR/.cache/page/VERSION/KIND.pickle`` at the start and written back at
    the end with the entries this build used, when they differ enough (:meth:`save`; the others are dropped: the memo
    holds one page's worth). ``VERSION`` covers jishi's code and data and the
    versions of :data:`PAGE_LIBRARIES`; a page drawn with the memo is byte for
    byte the page drawn without. Like :class:`AnalysisCache`, trusted local data;
    an entry that cannot be read back is computed again. The graph keeps its
    own on disk (:class:`DiskMemo`), as its entries are the size of the graph.
    """

    folder: Path | None = None
    _kept: dict[str, dict] = field(default_factory=dict)
    _used: dict[str, dict] = field(default_factory=dict)
    _computed: Counter[str] = field(default_factory=Counter)

    @classmethod
    def open(cls, outdir: str | os.PathLike, version: str | None = None, where: Path = PAGE_CACHE,
             libraries: tuple[str, ...] = PAGE_LIBRARIES) -> Memo:
        """The memo in ``outdir``/``where`` (the page's by default) for this version of jishi and of ``libraries``."""
        digest = hashlib.sha256((version or code_version()).encode("utf-8"))
        for name in libraries:
            digest.update(f"\0{name}\0{_installed(name)}".encode())
        return cls(_version_folder(Path(outdir) / where, digest.hexdigest()))

    def get(self, kind: str, key: Hashable, compute: Callable[[], T]) -> T:
        """The value kept under ``key`` (kept by an earlier build or this one), else ``compute()``, kept."""
        used = self._used.get(kind)
        if used is None:
            used, self._kept[kind] = self._used.setdefault(kind, {}), self._load(kind)
        if key not in used:
            kept = self._kept[kind]
            if key in kept:
                used[key] = kept[key]
            else:
                used[key] = compute()
                self._computed[kind] += 1
        return used[key]

    def save(self) -> None:
        """Write each kind's entries used by this build (whole or not at all), when they differ enough from those kept.

        A kind is written again only when the entries this build computed and those it left
        unused are more than :data:`MEMO_REWRITE_SHARE` of the entries it used (or it was
        empty): adding one document to a 10 MB corpus made one node of the page's 14,418
        anew and wrote all 20 MB of their JSON again, 0.06-0.08 CPU-s of the page's process,
        to spare the next build 10 µs. A value is a pure function of its key, so an entry
        not written is computed again when next wanted, and the output does not change.
        """
        if self.folder is None:
            return
        for kind, entries in self._used.items():
            computed, kept = self._computed[kind], self._kept[kind]
            unused = len(kept) - (len(entries) - computed)
            if kept and computed + unused <= MEMO_REWRITE_SHARE * len(entries):
                continue
            _write_pickle(self.folder / f"{kind}.pickle", entries)

    def _load(self, kind: str) -> dict:
        if self.folder is None:
            return {}
        try:
            with (self.folder / f"{kind}.pickle").open("rb") as handle:
                found = pickle.load(handle)
        except Exception:  # none kept, or damaged (any unpickling error): computed again
            return {}
        return found if isinstance(found, dict) else {}


class DiskMemo:
    """A :class:`Memo` whose entries stay on disk, read one at a time: for results as large as the corpus.

    The graph's memo (in ``TURTLE_CACHE``, no libraries in its version) keeps each
    document's evidence written as Turtle, keyed by the quotes it is made from
    (:func:`graph.emit.emit_blocks`): nearly the whole graph. Held in a dict, as the
    page's memo is, it took 4.1-4.5 GB of a 1 GB corpus's build (21 million triples)
    while the graph was written; here each entry is a row of an SQLite file
    (``entries.sqlite``), pickled, fetched when wanted and let go once written, so a
    build holds only the keys it used. Rows computed by a build are committed by
    :meth:`save` with the removal of those it did not use (the memo holds one graph's
    worth), in one transaction: a build that fails before leaves the memo as it was.
    A memo that cannot be read or written (damaged, locked by another build) is
    dropped, its file removed, and its values computed: the graph is the same.
    """

    FILE = "entries.sqlite"

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self._used: set[tuple[str, str]] = set()
        self._db = self._connect() if folder is not None else None

    @classmethod
    def open(cls, outdir: str | os.PathLike, version: str | None = None, where: Path = TURTLE_CACHE) -> DiskMemo:
        """The memo in ``outdir``/``where`` for this version of jishi."""
        digest = hashlib.sha256((version or code_version()).encode("utf-8")).hexdigest()
        return cls(_version_folder(Path(outdir) / where, digest))

    def __enter__(self) -> DiskMemo:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, kind: str, key: str, compute: Callable[[], T]) -> T:
        """The value kept under ``key`` (by an earlier build or this one), else ``compute()``, kept."""
        self._used.add((kind, key))
        row = self._query("SELECT value FROM entries WHERE kind = ? AND key = ?", (kind, key))
        if row:
            try:
                return pickle.loads(row[0][0])
            except Exception:  # a damaged entry (any unpickling error): computed again, and replaced
                pass
        value = compute()
        self._query("INSERT OR REPLACE INTO entries VALUES (?, ?, ?)",
                    (kind, key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)))
        return value

    def save(self) -> None:
        """Commit the entries this build computed and remove those it did not use."""
        unused = [entry for entry in self._query("SELECT kind, key FROM entries") if entry not in self._used]
        if self._db is None:
            return
        try:
            self._db.executemany("DELETE FROM entries WHERE kind = ? AND key = ?", unused)
            self._db.commit()
        except sqlite3.Error:
            self._drop()

    def close(self) -> None:
        """Close the file; entries not saved are rolled back."""
        if self._db is not None:
            self._db.close()
            self._db = None

    def _connect(self) -> sqlite3.Connection | None:
        """The memo's database, created if missing; None, and the file removed, if it cannot be opened."""
        assert self.folder is not None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.folder / self.FILE, timeout=1)
            db.execute("PRAGMA synchronous = OFF")  # no fsync: a memo a power cut damages is dropped
            db.execute("CREATE TABLE IF NOT EXISTS entries (kind TEXT, key TEXT, value BLOB, PRIMARY KEY (kind, key))"
                       " WITHOUT ROWID")
        except (OSError, sqlite3.Error):
            self._remove()
            return None
        return db

    def _query(self, sql: str, parameters: tuple = ()) -> list[tuple]:
        """The rows of ``sql``; none once the memo is dropped, and on any error, which drops it."""
        if self._db is None:
            return []
        try:
            return self._db.execute(sql, parameters).fetchall()
        except sqlite3.Error:
            self._drop()
            return []

    def _drop(self) -> None:
        self.close()
        self._remove()

    def _remove(self) -> None:
        if self.folder is not None:
            with contextlib.suppress(OSError):
                (self.folder / self.FILE).unlink()


def _installed(name: str) -> str:
    """The installed version of a distribution, or "none"."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "none"


def _write_pickle(path: Path, value: object) -> None:
    """Pickle ``value`` to ``path`` through a temporary file and a rename; on an OS error, write nothing."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem[:16]}.", suffix=".tmp", dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
