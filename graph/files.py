"""Reading saved graphs and writing files atomically.

Everything after ``emit`` works on a saved ``graph.ttl``; every writer goes
through :func:`write_atomic` so that an interrupted run never leaves a
half-written file where a good one stood.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import rdflib


def write_atomic(path: str | os.PathLike, data: str | bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename.

    Text is written as UTF-8. Returns the final path.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _umask() -> int:
    """The process's umask (read by setting it, then restoring it)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def load_graph(path: str | os.PathLike, fast: bool = True) -> rdflib.Graph:
    """Load a saved graph; ``fast`` holds it in the Oxigraph store (oxrdflib).

    rdflib's default memory store is an order of magnitude slower to parse and
    query, so it is only used when asked for (benchmarks compare the two).
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such graph file (run `jishi build` first)")
    graph = rdflib.Graph(store="Oxigraph") if fast else rdflib.Graph()
    fmt = rdflib.util.guess_format(str(path)) or "turtle"
    graph.parse(str(path), format=fmt)
    return graph
