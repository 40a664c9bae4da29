"""RDF formats for triple stores: N-Triples, JSON-LD (with a compact context) and TriG (one graph per document).

>>> from graph import load                                         # doctest: +SKIP
>>> write_trig(load("out/graph.ttl"), Path("out/graph.trig")).counts  # doctest: +SKIP
{'quads': 20412, 'graphs': 5}

TriG layout (:func:`named_graphs`): each ``jishi:Document`` names a graph (its
own IRI is the graph name) that holds what that document tells:

- every triple about an evidence node whose ``jishi:document`` is that document;
- the ``?fact jishi:evidence ?evidence`` link to it;
- every other triple about that fact (its class, label, date, participants,
  speaker, text …), so one graph alone says what the document says. A fact
  told by three documents is repeated in their three graphs.

Everything else (documents' own descriptions, actors, facts without
evidence) is in the default graph. The union of all graphs is exactly the
source graph, which is what a provenance-aware store needs: ``GRAPH ?doc``
asks what one source says, the default graph plus any graph asks what is known.
"""
from __future__ import annotations

import json
from pathlib import Path

import rdflib
from rdflib.namespace import RDF

from ..emit import PREFIXES
from ..files import write_atomic
from ..ns import JISHI
from ._common import Exported, is_jishi, local, ontology

__all__ = ["jsonld_context", "named_graphs", "write_jsonld", "write_ntriples", "write_trig"]

CONTEXT_FILE = Path(__file__).resolve().parents[2] / "ontology" / "context.jsonld"
EXTRA_TERMS = {
    "label": {"@id": "rdfs:label", "@container": "@language"},
    "altLabel": {"@id": "skos:altLabel"},
    "exactMatch": {"@id": "skos:exactMatch", "@type": "@id"},
    "identifier": "dcterms:identifier",
    "title": "dcterms:title",
    "source": {"@id": "dcterms:source", "@type": "@id"},
    "language": "dcterms:language",
}
"""Terms outside the jishi namespace; jishi's own come from the ontology's property declarations."""


def write_ntriples(graph: rdflib.Graph, out: Path) -> Exported:
    """Write ``graph`` as N-Triples, one triple per line, lines sorted so the file is byte-stable."""
    lines = sorted({line for line in graph.serialize(format="nt").splitlines() if line.strip()})
    path = write_atomic(out, "\n".join(lines) + "\n")
    return Exported("ntriples", path, {"triples": len(lines)}, (path,))


def jsonld_context() -> dict:
    """The JSON-LD ``@context`` for the contract's terms.

    ``ontology/context.jsonld`` is used when it exists. Otherwise the context
    is built from the prefixes and from ``ontology/jishi.ttl``: every jishi
    object property is typed ``@id`` and every datatype property with an XSD
    range gets that ``@type``, so a date stays an ``xsd:date`` after a round trip.
    """
    if CONTEXT_FILE.is_file():
        data = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))
        return data.get("@context", data)
    context: dict = dict(PREFIXES)
    onto = ontology()
    owl = rdflib.Namespace("http://www.w3.org/2002/07/owl#")
    for prop in sorted(set(onto.subjects(RDF.type, owl.ObjectProperty))):
        if is_jishi(prop):
            context[local(prop)] = {"@id": f"jishi:{local(prop)}", "@type": "@id"}
    for prop in sorted(set(onto.subjects(RDF.type, owl.DatatypeProperty))):
        if is_jishi(prop):
            context[local(prop)] = _datatype_term(local(prop), onto.value(prop, rdflib.RDFS.range))
    context.update(EXTRA_TERMS)
    return context


def _datatype_term(name: str, rng: rdflib.term.Node | None) -> str | dict:
    """A typed term for an XSD range other than string (so dates and integers keep their type)."""
    xsd = str(rdflib.XSD)
    if rng is None or not str(rng).startswith(xsd) or rng == rdflib.XSD.string:
        return f"jishi:{name}"
    return {"@id": f"jishi:{name}", "@type": f"xsd:{str(rng)[len(xsd):]}"}


def write_jsonld(graph: rdflib.Graph, out: Path) -> Exported:
    """Write ``graph`` as compacted JSON-LD, and its context beside it as ``<name>.context.jsonld``.

    The context is also embedded in the document, so the file reads offline
    without fetching anything; the separate file is for tools and for
    re-compacting other data the same way.
    """
    context = jsonld_context()
    data = json.loads(graph.serialize(format="json-ld", context=context, auto_compact=True))
    data["@context"] = context
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    path = write_atomic(out, text)
    ctx_path = write_atomic(out.with_name(out.name.removesuffix(".jsonld") + ".context.jsonld"),
                            json.dumps({"@context": context}, ensure_ascii=False, indent=2) + "\n")
    return Exported("jsonld", path, {"triples": len(graph)}, (path, ctx_path))


def named_graphs(graph: rdflib.Graph) -> dict[rdflib.term.Node | None, set[tuple]]:
    """Graph name (a document IRI, or None for the default graph) → its triples (see the module docstring)."""
    evidence_doc = {ev: doc for ev, doc in graph.subject_objects(JISHI.document)}
    fact_docs: dict[rdflib.term.Node, set] = {}
    for fact, ev in graph.subject_objects(JISHI.evidence):
        if ev in evidence_doc:
            fact_docs.setdefault(fact, set()).add(evidence_doc[ev])
    graphs: dict[rdflib.term.Node | None, set[tuple]] = {None: set()}
    for s, p, o in graph:
        if s in evidence_doc:
            names = {evidence_doc[s]}
        elif p == JISHI.evidence and o in evidence_doc:
            names = {evidence_doc[o]}
        elif s in fact_docs:
            names = fact_docs[s]
        else:
            names = {None}
        for name in names:
            graphs.setdefault(name, set()).add((s, p, o))
    return graphs


def _line(triple: tuple) -> str:
    """One triple in N-Triples-compatible Turtle syntax (full IRIs; rdflib's escaping)."""
    return " ".join(term.n3() for term in triple) + " ."


def write_trig(graph: rdflib.Graph, out: Path) -> Exported:
    """Write ``graph`` as TriG with one named graph per document, triples sorted within each graph.

    Written line by line rather than by a serializer: pyoxigraph lower-cases
    language tags and rdflib's TriG writer is slow on large graphs, while
    sorted lines of full IRIs are fast, byte-stable and read by any TriG parser.
    """
    graphs = named_graphs(graph)
    blocks = ["\n".join(sorted(_line(t) for t in graphs[None]))]
    for name in sorted((n for n in graphs if n is not None), key=str):
        body = "\n".join("    " + _line(t) for t in sorted(graphs[name], key=_line))
        blocks.append(f"{name.n3()} {{\n{body}\n}}")
    path = write_atomic(out, "\n\n".join(blocks) + "\n")
    counts = {"quads": sum(len(t) for t in graphs.values()), "graphs": len(graphs) - 1}
    return Exported("trig", path, counts, (path,))
