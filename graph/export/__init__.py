"""Exports of a saved jishi graph to the formats other tools read.

>>> from graph.export import export, FORMATS                          # doctest: +SKIP
>>> print(export("cypher", "out/graph.ttl", "out/graph.cypher").summary())  # doctest: +SKIP
cypher: 812 nodes, 1930 relationships → out/graph.cypher

Like rdflib's plugin registry, each format is a name mapped to
``"module:function"`` and the module is imported on first use, so exporting
N-Triples never loads networkx or wikibaseintegrator. Every writer has the
same shape, ``write(graph: rdflib.Graph, out: Path) -> Exported``; to add a
format, add one module, one line in :data:`FORMATS` and one round-trip test.
"""
from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the command line lists FORMATS at start: rdflib is loaded by an export, not by every command
    import rdflib

    from ._common import Exported

__all__ = ["FORMATS", "Exported", "export", "exporter"]

FORMATS: dict[str, str] = {
    "neo4j-csv": "neo4j:write_neo4j_csv",
    "cypher": "neo4j:write_cypher",
    "quickstatements": "quickstatements:write_quickstatements",
    "wikibase-json": "wikibase:write_wikibase_json",
    "reconcile": "reconcile:write_reconcile",
    "ntriples": "rdf:write_ntriples",
    "jsonld": "rdf:write_jsonld",
    "trig": "rdf:write_trig",
    "graphml": "networks:write_graphml",
    "gexf": "networks:write_gexf",
    "events-csv": "events_csv:write_events_csv",
}
"""Format name → ``"module:function"`` inside ``graph.export``."""


def __getattr__(name: str):
    """``Exported``, imported when asked for (it needs rdflib)."""
    if name == "Exported":
        from ._common import Exported
        return Exported
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def exporter(fmt: str) -> Callable[[rdflib.Graph, Path], Exported]:
    """The writer registered for ``fmt``, imported on first use.

    Raises
    ------
    ValueError
        When ``fmt`` is not one of :data:`FORMATS` (the message lists them).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    module_name, function = FORMATS[fmt].split(":")
    module = importlib.import_module(f"{__name__}.{module_name}")
    return getattr(module, function)


def export(fmt: str, graph_path: str | os.PathLike, out: str | os.PathLike) -> Exported:
    """Read the Turtle graph at ``graph_path`` and write it to ``out`` as ``fmt``.

    Parameters
    ----------
    fmt : str
        One of :data:`FORMATS`, e.g. ``"cypher"`` or ``"gexf"``.
    graph_path : path
        A graph written by ``jishi build`` (``out/graph.ttl``).
    out : path
        The file to write (a folder for ``neo4j-csv``).

    Returns
    -------
    Exported
        What was written, with counts for a one-line summary.

    Notes
    -----
    The graph is read into rdflib's own store, not Oxigraph: Oxigraph
    lower-cases language tags (``zh-hans``), and the exports should carry the
    tags as the graph wrote them (``zh-Hans``). Parsing is a small part of an export.
    """
    from ..files import load_graph

    write = exporter(fmt)
    return write(load_graph(graph_path, fast=False), Path(out))
