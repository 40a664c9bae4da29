"""What every export shares: the result record, local names, and the ontology's class tree.

The class tree comes from ``ontology/jishi.ttl`` (plus any ``rdfs:subClassOf``
triples in the exported graph itself), so a class added to the ontology is
exported with its superclass labels without a code change.
"""
from __future__ import annotations

import datetime as dt
import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import rdflib
from rdflib.namespace import RDF, RDFS

from ..ns import JISHI, term_label

ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology" / "jishi.ttl"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a CSV cell as a formula (OWASP, CSV injection)."""
LANG_ORDER = {"zh-hans": 0, "zh-hant": 1, "en": 2}
"""The order a reader of Chinese wants labels in; other languages follow."""


def neutralise(cell: str) -> str:
    """A CSV cell a spreadsheet will show as text: a leading ``= + - @`` (or tab, CR) gets an apostrophe.

    A quote or a name from a document (``=HYPERLINK(…)``, ``+86 …``, ``@某某``) would
    otherwise run as a formula when the file is opened in Excel or LibreOffice
    (OWASP's advice for CSV injection). Numbers are written as numbers, never
    through this, so a negative count stays a number.

    >>> neutralise("=HYPERLINK(1)"), neutralise("习近平")
    ("'=HYPERLINK(1)", '习近平')
    """
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


@dataclass(frozen=True)
class Exported:
    """What one export wrote: the format, the main path, every file, and counts."""

    fmt: str
    path: Path
    counts: dict[str, int] = field(default_factory=dict)
    files: tuple[Path, ...] = ()

    def summary(self) -> str:
        """One line for the CLI, e.g. ``cypher: 12 nodes, 30 relationships → out/graph.cypher``."""
        counts = ", ".join(f"{n} {what}" for what, n in self.counts.items())
        return f"{self.fmt}: {counts} → {self.path}"


def export_date() -> dt.date:
    """Today (UTC), or the day of ``SOURCE_DATE_EPOCH`` when it is set (the reproducible-builds convention)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    now = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return now.date()


def local(term: rdflib.term.Node) -> str:
    """The last segment of an IRI (after ``#`` or ``/``): ``jishi:PhoneCall`` → ``PhoneCall``."""
    return re.split(r"[#/]", str(term))[-1]


def is_jishi(term: rdflib.term.Node) -> bool:
    """Whether ``term`` is a term of the jishi ontology (other vocabularies are not exported as classes)."""
    return isinstance(term, rdflib.URIRef) and str(term).startswith(str(JISHI))


@functools.lru_cache(maxsize=1)
def ontology() -> rdflib.Graph:
    """The project ontology, parsed once (empty when the file is missing)."""
    graph = rdflib.Graph()
    if ONTOLOGY.is_file():
        graph.parse(ONTOLOGY, format="turtle")
    return graph


def superclasses(graph: rdflib.Graph) -> dict[rdflib.URIRef, frozenset[rdflib.URIRef]]:
    """Each jishi class → itself and every jishi superclass (ontology ∪ the graph's own axioms)."""
    parents: dict[rdflib.URIRef, set[rdflib.URIRef]] = {}
    for source in (ontology(), graph):
        for sub, sup in source.subject_objects(RDFS.subClassOf):
            if is_jishi(sub) and is_jishi(sup):
                parents.setdefault(sub, set()).add(sup)
    closure: dict[rdflib.URIRef, frozenset[rdflib.URIRef]] = {}
    for cls in parents:
        seen, todo = {cls}, [cls]
        while todo:
            for sup in parents.get(todo.pop(), ()):
                if sup not in seen:
                    seen.add(sup)
                    todo.append(sup)
        closure[cls] = frozenset(seen)
    return closure


def classes_of(graph: rdflib.Graph, node: rdflib.term.Node) -> set[rdflib.URIRef]:
    """The jishi classes of ``node``: its rdf:types and their superclasses."""
    tree = superclasses(graph)
    found: set[rdflib.URIRef] = set()
    for cls in graph.objects(node, RDF.type):
        if is_jishi(cls):
            found |= tree.get(cls, frozenset({cls}))
    return found


def most_specific(classes: set[rdflib.URIRef], graph: rdflib.Graph,
                  tree: dict[rdflib.URIRef, frozenset[rdflib.URIRef]] | None = None) -> str:
    """The local name of the class with the most superclasses (ties: first by name).

    ``tree`` is :func:`superclasses` of ``graph``, for a caller that asks about many nodes.
    """
    tree = superclasses(graph) if tree is None else tree
    return min((-len(tree.get(c, ())), local(c)) for c in classes)[1] if classes else ""


def reading_order(text: str, language: str | None) -> tuple[int, str]:
    """The sort key of a label in the order a reader of Chinese wants: zh-Hans, zh-Hant, en, others, then by text."""
    return LANG_ORDER.get((language or "").lower(), 3), text


def sorted_labels(graph: rdflib.Graph, node: rdflib.term.Node,
                  predicate: rdflib.URIRef = RDFS.label) -> list[rdflib.Literal]:
    """Literal values of ``predicate`` in reading order: zh-Hans, zh-Hant, en, others, then by text."""
    found = [o for o in graph.objects(node, predicate) if isinstance(o, rdflib.Literal)]
    return sorted(found, key=lambda lit: (LANG_ORDER.get((lit.language or "").lower(), 3),
                                          lit.language or "", str(lit)))


def label_in(graph: rdflib.Graph, node: rdflib.term.Node, lang: str) -> str | None:
    """The first ``rdfs:label`` of ``node`` in ``lang`` (case-insensitive tag), or None."""
    for lit in sorted_labels(graph, node):
        if (lit.language or "").lower() == lang.lower():
            return str(lit)
    return None


@functools.cache
def class_label(cls: str, lang: str) -> str:
    """The ontology's label of ``jishi:<cls>`` in ``lang`` (the class name when it has none).

    Kept per class: the page names every event's class on its canvas (830 look-ups in the graph
    of the ontology for a 10 MB corpus, 0.03 CPU-s, for its ten classes).
    """
    return term_label(JISHI[cls], lang) or cls


def country_of(graph: rdflib.Graph, actor: rdflib.term.Node) -> rdflib.term.Node | None:
    """The actor if it is a Country, else the first Country up its ``jishi:affiliation`` chain (breadth first).

    Shared by the event table (a party's country) and the network page (actor folds by country).
    """
    seen, todo = {actor}, [actor]
    while todo:
        node = todo.pop(0)
        if (node, RDF.type, JISHI.Country) in graph:
            return node
        for parent in sorted(set(graph.objects(node, JISHI.affiliation)), key=str):
            if parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return None
