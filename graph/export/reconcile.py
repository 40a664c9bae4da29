"""A reconciliation table of every actor, for OpenRefine's Wikidata reconciliation service.

>>> from graph import load                                                   # doctest: +SKIP
>>> write_reconcile(load("out/graph.ttl"), Path("out/reconcile.csv")).counts  # doctest: +SKIP
{'actors': 356, 'linked': 97, 'unlinked': 259}

Columns: ``label`` (zh-Hans name), ``class`` (jishi class), ``type`` (its
Wikidata class, to reconcile against), ``country`` (the actor itself for a
country, else the country reached through ``jishi:affiliation``, zh-Hans),
``wikidata`` (the QID of ``skos:exactMatch``, or empty: the rows to
reconcile), then ``label_en``, ``label_zh_hant`` (extra evidence for the
matcher) and ``iri`` (to join the results back). Linked actors stay in the
table so a reviewer sees what is already matched.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

import rdflib

from ..files import write_atomic
from ..ns import JISHI
from ._common import Exported, classes_of, label_in, most_specific, neutralise, sorted_labels
from ._wikidata import class_item, qid

__all__ = ["COLUMNS", "reconcile_rows", "write_reconcile"]

COLUMNS = ("label", "class", "type", "country", "wikidata", "label_en", "label_zh_hant", "iri")
MAX_HOPS = 3
"""How many ``jishi:affiliation`` links to follow to a country (person → ministry → country)."""


def _name(graph: rdflib.Graph, node: rdflib.term.Node) -> str:
    labels = sorted_labels(graph, node)
    return str(labels[0]) if labels else str(node)


def _country(graph: rdflib.Graph, node: rdflib.term.Node) -> str:
    """The zh-Hans name of the country ``node`` is or belongs to, or empty."""
    seen = set()
    for _ in range(MAX_HOPS + 1):
        if node is None or node in seen:
            return ""
        if JISHI.Country in classes_of(graph, node):
            return _name(graph, node)
        seen.add(node)
        node = graph.value(node, JISHI.affiliation)
    return ""


def reconcile_rows(graph: rdflib.Graph) -> list[dict[str, str]]:
    """One row per actor, sorted: unlinked first (they are the work), then by class and label."""
    rows = []
    for node in sorted(set(graph.subjects(rdflib.RDF.type, None)), key=str):
        classes = classes_of(graph, node)
        if JISHI.Actor not in classes:
            continue
        cls = most_specific(classes, graph)
        rows.append({
            "label": _name(graph, node), "class": cls, "type": class_item(graph, cls) or "",
            "country": _country(graph, node), "wikidata": qid(graph, node) or "",
            "label_en": label_in(graph, node, "en") or "", "label_zh_hant": label_in(graph, node, "zh-Hant") or "",
            "iri": str(node),
        })
    return sorted(rows, key=lambda r: (r["wikidata"] != "", r["class"], r["label"], r["iri"]))


def write_reconcile(graph: rdflib.Graph, out: Path) -> Exported:
    """Write the reconciliation CSV (UTF-8, header row, every value quoted and neutralised) to ``out``."""
    rows = reconcile_rows(graph)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writeheader()
    writer.writerows({key: neutralise(value) for key, value in row.items()} for row in rows)
    path = write_atomic(out, buf.getvalue())
    linked = sum(1 for r in rows if r["wikidata"])
    return Exported("reconcile", path, {"actors": len(rows), "linked": linked, "unlinked": len(rows) - linked},
                    (path,))
