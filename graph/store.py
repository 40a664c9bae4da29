"""The on-disk Oxigraph store that ``jishi build`` writes beside its graph, and when it may be used.

Parsing a large ``graph.ttl`` costs far more than answering a query on it (a
100 MB corpus's graph: 43 s to parse, 0.03 s to query), so a build also
bulk-loads the graph into ``OUTDIR/store/`` (a RocksDB folder of Oxigraph)
and records in ``OUTDIR/store.json`` which graph file it holds: its size,
modification time and SHA-256. ``jishi query`` and ``jishi serve`` open the
store read-only when that record still fits the graph file, and parse the
Turtle otherwise (a graph replaced or edited by hand is never answered from the
store of another). The Turtle file stays the interchange format; the store is
a cache of it, rebuilt by every build, and written in the same output set
(:func:`graph.files.output_set`) so that it is replaced together with the graph.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .files import write_atomic

if TYPE_CHECKING:
    import pyoxigraph

STORE = "store"
"""The store's folder in a build's output folder."""
STAMP = "store.json"
"""The record of which graph file the store holds, beside it."""


@dataclass(frozen=True)
class Stamp:
    """What identifies the graph file a store was loaded from.

    Size and modification time decide at once in the common cases (unchanged;
    replaced by something of another size); the hash decides when only the time
    differs (a copy with ``cp -r``, a ``touch``), so a copied output folder keeps its store.
    """

    graph: str
    size: int
    mtime_ns: int
    sha256: str


def write_store(graph: Path) -> None:
    """Bulk-load ``graph`` into ``graph``'s folder's ``store/``; stamp it with the file's digest.

    Called on the staging folder of a build, before the set replaces the old
    one; the stamp is written last, so a store without one is never used.
    """
    import pyoxigraph as ox

    folder = graph.parent
    store = ox.Store(str(folder / STORE))
    store.bulk_load(path=str(graph), format=ox.RdfFormat.TURTLE)
    store.flush()
    del store  # releases RocksDB's files and lock before the folder is renamed
    info = graph.stat()
    stamp = Stamp(graph.name, info.st_size, info.st_mtime_ns, _sha256(graph))
    write_atomic(folder / STAMP, json.dumps(asdict(stamp), indent=1) + "\n")


def fresh_store(graph_path: str | os.PathLike) -> tuple[Path | None, str | None]:
    """The store folder that holds ``graph_path`` as it is now, else None and why not (None: no store at all).

    >>> fresh_store("no/such/graph.ttl")
    (None, None)
    """
    graph = Path(graph_path)
    folder, stamp_path = graph.parent / STORE, graph.parent / STAMP
    if not folder.is_dir() and not stamp_path.exists():
        return None, None
    stamp = _read_stamp(stamp_path)
    if stamp is None or not folder.is_dir():
        return None, f"{folder}: incomplete store (no readable {STAMP}); parsing {graph} instead"
    if stamp.graph != graph.name or not _holds(stamp, graph):
        return None, f"{folder}: the store was built from another {graph.name}; parsing {graph} instead"
    return folder, None


def usable_store(graph_path: str | os.PathLike) -> tuple[Path | None, str | None]:
    """As :func:`fresh_store`, and the store must open: a damaged one is passed over with its reason."""
    folder, why_not = fresh_store(graph_path)
    if folder is None:
        return None, why_not
    try:
        open_saved(folder)
    except (OSError, RuntimeError) as exc:  # RocksDB reports a damaged folder as a RuntimeError
        reason = " ".join(str(exc).split())[:200]
        return None, f"{folder}: cannot be opened ({reason}); parsing {graph_path} instead"
    return folder, None


def open_saved(folder: Path) -> "pyoxigraph.Store":
    """The saved store, opened read-only (several readers, and a running ``serve``, may share it)."""
    import pyoxigraph as ox

    return ox.Store.read_only(str(folder))


def _read_stamp(path: Path) -> Stamp | None:
    """The stamp in ``path``, or None when it is missing or not one (a damaged file is no stamp)."""
    try:
        return Stamp(**json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None


def _holds(stamp: Stamp, graph: Path) -> bool:
    """Whether ``graph`` is the file ``stamp`` was taken of: same size, and same time or same bytes."""
    try:
        info = graph.stat()
    except OSError:
        return False
    if info.st_size != stamp.size:
        return False
    return info.st_mtime_ns == stamp.mtime_ns or _sha256(graph) == stamp.sha256


def _sha256(path: Path) -> str:
    """The file's SHA-256, read in chunks by ``hashlib.file_digest`` (a large graph is never held twice)."""
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()
