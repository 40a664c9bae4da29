"""A cache of per-document analyses, so that a rebuild analyses only the documents that changed.

Resolution takes the per-document :class:`~graph.model.Analysis` as its input,
and analysis is nearly all of a build's time; an analysis depends only on the
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
import stat
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .model import Analysis

PACKAGE = Path(__file__).resolve().parent
ONTOLOGY = PACKAGE.parent / "ontology"
CACHE = Path(".cache") / "analyses"
"""The cache's folder inside a build's output folder."""
_CHUNK = 1 << 20


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
        version = version or code_version()
        parent = Path(outdir) / CACHE
        if parent.is_dir():
            for old in parent.iterdir():
                if old.name != version[:32]:
                    shutil.rmtree(old, ignore_errors=True)
        return cls(parent / version[:32])

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

    def get(self, key: str) -> Analysis | None:
        """The analysis stored under ``key``, or None when there is none or it cannot be read back."""
        try:
            with self._entry(key).open("rb") as handle:
                analysis = pickle.load(handle)
        except Exception:  # none stored, or a damaged entry (any unpickling error): analysed again
            return None
        return analysis if isinstance(analysis, Analysis) else None

    def put(self, key: str, analysis: Analysis) -> None:
        """Store ``analysis`` under ``key``, whole or not at all; a cache that cannot be written is passed over.

        No fsync: an entry that a power cut leaves damaged is read as missing.
        """
        entry = self._entry(key)
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{key[:16]}.", suffix=".tmp", dir=entry.parent)
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(analysis, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, entry)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"
