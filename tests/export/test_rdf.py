"""RDF exports read back by an independent reader: rdflib reads what pyoxigraph wrote and the other way round."""
from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from graph.export import export
from graph.export.rdf import jsonld_context, named_graphs

from .conftest import CALL, ODD_NAME

JISHI = rdflib.Namespace("https://w3id.org/jishi/ontology#")


def test_rdf_ntriples_read_back_by_pyoxigraph(fixture_path, fixture_graph, tmp_path):
    result = export("ntriples", fixture_path, tmp_path / "graph.nt")
    triples = list(ox.parse(path=str(result.path), format=ox.RdfFormat.N_TRIPLES))
    assert len(triples) == len(fixture_graph) == result.counts["triples"]
    back = rdflib.Graph().parse(result.path, format="nt")
    assert isomorphic(back, fixture_graph)


def test_rdf_ntriples_keeps_difficult_text(fixture_path, tmp_path):
    path = export("ntriples", fixture_path, tmp_path / "graph.nt").path
    labels = {str(o) for o in rdflib.Graph().parse(path, format="nt").objects(None, rdflib.RDFS.label)}
    assert ODD_NAME in labels


@pytest.mark.parametrize("reader", ["pyoxigraph", "rdflib"])
def test_rdf_jsonld_read_back(fixture_path, fixture_graph, tmp_path, reader):
    result = export("jsonld", fixture_path, tmp_path / "graph.jsonld")
    context_file = tmp_path / "graph.context.jsonld"
    assert context_file in result.files
    assert json.loads(context_file.read_text(encoding="utf-8"))["@context"] == jsonld_context()
    if reader == "pyoxigraph":
        triples = list(ox.parse(path=str(result.path), format=ox.RdfFormat.JSON_LD))
        assert len(triples) == len(fixture_graph)
    else:
        back = rdflib.Graph().parse(result.path, format="json-ld")
        assert isomorphic(back, fixture_graph)


def test_rdf_jsonld_is_compact(fixture_path, tmp_path):
    data = json.loads(export("jsonld", fixture_path, tmp_path / "g.jsonld").path.read_text(encoding="utf-8"))
    call = next(node for node in data["@graph"] if node["@id"].endswith("event/call-1"))
    assert not [key for key in call if key.startswith(("http://", "https://"))]
    assert "2020-03-19" in json.dumps(call, ensure_ascii=False)


def test_rdf_trig_union_equals_source(fixture_path, fixture_graph, tmp_path):
    result = export("trig", fixture_path, tmp_path / "graph.trig")
    dataset = rdflib.Dataset()
    dataset.parse(result.path, format="trig")
    union = rdflib.Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    assert isomorphic(union, fixture_graph)
    quads = list(ox.parse(path=str(result.path), format=ox.RdfFormat.TRIG))
    assert len(quads) == result.counts["quads"]
    names = {q.graph_name.value for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)}
    assert names == {"https://w3id.org/jishi/id/doc/a.txt", "https://w3id.org/jishi/id/doc/b.txt"}


def test_rdf_trig_graph_per_document(fixture_graph):
    graphs = named_graphs(fixture_graph)
    doc_a = rdflib.URIRef("https://w3id.org/jishi/id/doc/a.txt")
    doc_b = rdflib.URIRef("https://w3id.org/jishi/id/doc/b.txt")
    call = rdflib.URIRef(CALL)
    # the call is told by both documents: its date is in both graphs, each with only its own evidence
    for doc in (doc_a, doc_b):
        assert (call, JISHI.date, rdflib.Literal("2020-03-19", datatype=rdflib.XSD.date)) in graphs[doc]
        evidence = {o for s, p, o in graphs[doc] if s == call and p == JISHI.evidence}
        assert {fixture_graph.value(ev, JISHI.document) for ev in evidence} == {doc}
    # actors and document descriptions stay in the default graph only
    xi = rdflib.URIRef("https://w3id.org/jishi/id/actor/person/xi-jinping")
    assert all(s != xi for s, _, _ in graphs[doc_a] | graphs[doc_b])
    assert (doc_a, rdflib.RDF.type, JISHI.Document) in graphs[None]


@pytest.mark.slow
@pytest.mark.parametrize("fmt, ox_format", [("ntriples", ox.RdfFormat.N_TRIPLES), ("jsonld", ox.RdfFormat.JSON_LD),
                                            ("trig", ox.RdfFormat.TRIG)])
def test_rdf_seed_graph_read_back(seed_graph_path, tmp_path, fmt, ox_format):
    def triples(path, fmt):
        return {(str(q.subject), str(q.predicate), str(q.object)) for q in ox.parse(path=str(path), format=fmt)}

    path = export(fmt, seed_graph_path, tmp_path / f"seed.{fmt}").path
    assert triples(path, ox_format) == triples(seed_graph_path, ox.RdfFormat.TURTLE)
