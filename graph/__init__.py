"""jishi (纪事): a knowledge graph of diplomacy and public health from Chinese reporting.

>>> from graph import build, load            # doctest: +SKIP
>>> report = build(["seeds"], "out")         # doctest: +SKIP
>>> g = load("out/graph.ttl")                # doctest: +SKIP

``build`` is imported on first use, so that reading a saved graph does not
load the extraction stages; ``JISHI`` and ``JID`` too, so that a command that
only asks the saved store (``jishi query``, ``jishi serve``) does not load rdflib
(a sixth of a second of CPU, which every query paid).
"""
from .files import load_graph as load

__all__ = ["build", "load", "JISHI", "JID"]


def __getattr__(name: str):
    if name == "build":
        from .pipeline import build
        return build
    if name in ("JISHI", "JID"):
        from . import ns
        return getattr(ns, name)
    raise AttributeError(f"module 'graph' has no attribute {name!r}")
