"""The on-disk Oxigraph store that ``jishi build`` writes beside its graph, and when it may be used.

Parsing a large ``graph.ttl`` costs far more than answering a query on it (a
100 MB corpus's graph: 43 s to parse, 0.03 s to query), so a build also
bulk-loads the graph into ``OUTDIR/store/`` (a RocksDB folder of Oxigraph)
and records in ``OUTDIR/store.json`` which graph file it holds: its size,
modification time and SHA-256. ``jishi query`` and ``jishi serve`` open the
store read-only when that record still fits the graph file, and parse the
Turtle otherwise (a graph replaced or edited by hand is never answered from the
store of another). The Turtle file stays the interchange format; the store is
a cache of it, made anew by every build (loaded whole, or a copy of the earlier
build's store changed where the graphs differ: :func:`update_copy`), and
written in the same output set (:func:`graph.files.output_set`) so that it is
replaced together with the graph.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import turtle_diff
from .files import write_atomic

if TYPE_CHECKING:
    import pyoxigraph

STORE = "store"
"""The store's folder in a build's output folder."""
STAMP = "store.json"
"""The record of which graph file the store holds, beside it."""
UPDATE_LIMIT = 0.25
"""The most the blocks that differ between two graphs may weigh, as a share of the new graph's bytes, for the
earlier store to be updated rather than the new graph loaded whole (each changed triple costs far more than
a loaded one, but only the changed blocks are parsed)."""

LOAD_PART_BYTES = 10_000_000
"""How much of the graph's Turtle each of Oxigraph's bulk loads is given. Its loader holds what one call
loads, up to about 2 GB: given the 200 MB corpus's 345 MB graph whole, it peaked at 1.84 GB (and most of
the 1 GB build's peak); in parts of 10 MB at 253 MB (20 MB: 450 MB), for about a third more CPU in the load and the compaction
after it (27.8 against 32.9 + 4.2 CPU-s) and a store half as large again on disk (389 against 605 MB). Without
the compaction a named query took 0.67-0.72 s on that store against 0.54-0.55 on the store loaded whole; with it 0.46-0.52."""


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


def write_store(graph: Path, previous: Path | None = None) -> None:
    """Load ``graph`` into ``graph``'s folder's ``store/``; stamp it with the file's digest.

    Called on the staging folder of a build, before the set replaces the old
    one; the stamp is written last, so a store without one is never used.
    ``previous`` is the graph file the set replaces: when its store still holds
    it and the two graphs differ in little (:func:`update_copy`), a copy of that
    store is brought up to date, which after one document added to a large
    corpus costs a small part of loading the whole graph again.
    """
    folder = graph.parent
    digest = update_copy(previous, graph, folder / STORE) if previous is not None else None
    if digest is None:
        digest = _bulk_load(graph, folder / STORE)
    info = graph.stat()
    stamp = Stamp(graph.name, info.st_size, info.st_mtime_ns, digest)
    write_atomic(folder / STAMP, json.dumps(asdict(stamp), indent=1) + "\n")


def _bulk_load(graph: Path, target: Path) -> str:
    """A new store at ``target`` holding every triple of ``graph``, loaded in parts of
    :data:`LOAD_PART_BYTES`; the graph's SHA-256."""
    import pyoxigraph as ox

    digest = hashlib.sha256()
    store = ox.Store(str(target))
    for part in turtle_diff.parts(graph, LOAD_PART_BYTES, digest):
        store.bulk_load(input=part, format=ox.RdfFormat.TURTLE)
    store.optimize()  # compacts what the parts left at many levels: queries as fast as on a store loaded whole
    store.flush()
    del store  # releases RocksDB's files and lock before the folder is renamed
    return digest.hexdigest()


def update_copy(previous: Path, graph: Path, target: Path) -> str | None:
    """A copy of ``previous``'s store at ``target``, changed to hold ``graph``; its SHA-256, or None if not made.

    The copy is a RocksDB checkpoint (hard links to the old store's immutable
    table files, so it costs no copying), and the old store stays as it was
    until the output set replaces it. Made only when the old store holds
    ``previous`` (its stamp names the file and its SHA-256, which the
    comparison checks as it reads the file) and the two graphs are both in emit's layout and differ in at most
    :data:`UPDATE_LIMIT` of the new graph's bytes (:mod:`graph.turtle_diff`);
    then the triples of the blocks that went are removed and those of the
    blocks that came are added. Otherwise, and on any error, nothing is left
    at ``target`` and the caller loads the graph whole.
    """
    source, stamp = previous.parent / STORE, _read_stamp(previous.parent / STAMP)
    if stamp is None or stamp.graph != previous.name or not source.is_dir():
        return None
    try:
        change = turtle_diff.diff(previous, graph, limit=int(graph.stat().st_size * UPDATE_LIMIT))
        triples = _changed_triples(change) if change.old_sha256 == stamp.sha256 else None
        if triples is None:
            return None
        _apply(source, target, *triples)
    except (turtle_diff.NotComparable, OSError, RuntimeError, SyntaxError, ValueError):
        shutil.rmtree(target, ignore_errors=True)
        return None
    return change.new_sha256


def _changed_triples(change: turtle_diff.Diff) -> tuple[set, set] | None:
    """The triples to remove and to add; None when a blank node is among them (each parse names one anew,
    so it could not be found again to be removed; emit writes none)."""
    import pyoxigraph as ox

    gone, added = (set(ox.parse(change.turtle(blocks), format=ox.RdfFormat.TURTLE))
                   for blocks in (change.gone, change.added))
    if any(isinstance(term, ox.BlankNode) for quad in gone | added for term in (quad.subject, quad.object)):
        return None
    return gone - added, added - gone


def _apply(source: Path, target: Path, remove: set, add: set) -> None:
    """A checkpoint of the store at ``source`` made at ``target``, without ``remove`` and with ``add``."""
    import pyoxigraph as ox

    open_saved(source).backup(str(target))
    store = ox.Store(str(target))
    for quad in remove:
        store.remove(quad)
    store.extend(add)
    store.flush()
    del store  # releases RocksDB's files and lock before the folder is renamed


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
