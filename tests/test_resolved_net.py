"""Tests for graph.resolved_net: the page's network from resolved facts is the one read from the graph.

The build draws ``network.html`` from its resolved facts instead of parsing the
Turtle it just wrote; the page must not change, so the network must be the one
:func:`graph.viz.event_network` reads from that Turtle, node for node.
"""
from __future__ import annotations

import datetime as dt

import networkx as nx
import pytest
import rdflib

from graph import emit, pipeline, resolved_net, viz
from graph.files import load_graph
from graph.model import Actor, DocMeta, Document, Event, Resolved, Span, Statement

RAW = "国家主席习近平同意大利总理孔特通电话。孔特表示，意方感谢中方援助。"


def _document(doc_id: str, meta: DocMeta) -> Document:
    return Document(doc_id, RAW, RAW, tuple(range(len(RAW))), meta)


@pytest.fixture(scope="module")
def resolved() -> Resolved:
    """Two documents (one with a web address, one with a source that is none), a country, a person affiliated
    to it, one with no label of the reader's languages, a call with a requester, an aid, a statement in the call."""
    call, said, aid = Span("a.txt", 0, 19), Span("a.txt", 19, 33), Span("b 1.txt", 24, 33)
    return Resolved(
        (_document("a.txt", DocMeta(title="通电话", date=dt.date(2020, 3, 19), source="https://example.org/新闻 1")),
         _document("b 1.txt", DocMeta(source="人民网"))),
        (Actor("country/IT", "Country", (("Italia", "it"), ("意大利", "zh-Hans"), ("義大利", "zh-Hant")),
               wikidata="Q38", evidence=(call,)),
         Actor("person/conte", "Person", (("Giuseppe Conte", "en"), ("孔特", "zh-Hans")), (("孔蒂", "zh-Hans"),),
               role="总理", affiliation="country/IT", evidence=(call, call)),
         Actor("person/xi", "Person", (("习近平", "zh-Hans"),), role="国家主席"),
         Actor("org/x", "Organization", (("Xyz", "fr"),), affiliation="person/conte")),
        (Event("call", "PhoneCall", dt.date(2020, 3, 19), False, ("person/conte", "person/xi"), (call,),
               requested_by="person/conte"),
         Event("aid", "Aid", dt.date(2020, 3, 20), True, ("country/IT",), (aid, aid), provider="person/xi",
               recipient="country/IT")),
        (Statement("s1", "person/conte", "表示", "意方感谢中方援助", dt.date(2020, 3, 19), (said,), during="call"),),
    )


@pytest.fixture(scope="module")
def graph_of(resolved) -> rdflib.Graph:
    """The Turtle ``resolved`` is written as, read back by rdflib."""
    return rdflib.Graph().parse(data="".join(emit.turtle_chunks(emit.emit_blocks(resolved))), format="turtle")


def _same_network(made: nx.Graph, read: nx.Graph) -> None:
    assert list(made.nodes) == list(read.nodes)
    assert dict(made.nodes(data=True)) == dict(read.nodes(data=True))
    assert [(a, b, d) for a, b, d in made.edges(data=True)] == [(a, b, d) for a, b, d in read.edges(data=True)]
    assert made.graph["documents"] == read.graph["documents"]


def test_resolved_net_equals_the_graph_read_back(resolved, graph_of):
    _same_network(resolved_net.event_network_of(resolved), viz.event_network(graph_of))


def test_resolved_net_names_countries_as_the_graph_does(resolved, graph_of):
    countries = resolved_net.event_network_of(resolved).graph["countries"]
    assert countries["https://w3id.org/jishi/id/actor/person/conte"] == "意大利"  # affiliated to Italy
    assert countries["https://w3id.org/jishi/id/actor/org/x"] == "意大利"  # through Conte
    assert countries["https://w3id.org/jishi/id/actor/person/xi"] == ""
    assert countries == {actor: viz._country_name(graph_of, actor) for actor in countries}


def test_resolved_net_reads_what_emit_writes(resolved):
    net = resolved_net.event_network_of(resolved)
    conte = net.nodes["https://w3id.org/jishi/id/actor/person/conte"]
    assert conte["label"] == "孔特" and conte["names"] == ["Giuseppe Conte", "孔特", "孔蒂"]
    assert conte["affiliation_label"] == "意大利"
    assert len(conte["evidence"]) == 1  # the same quote twice is one evidence
    assert net.nodes["https://w3id.org/jishi/id/actor/org/x"]["label"] == "Xyz"
    documents = net.graph["documents"]
    assert documents["https://w3id.org/jishi/id/doc/a.txt"]["source"] == "https://example.org/新闻%201"
    assert documents["https://w3id.org/jishi/id/doc/b%201.txt"]["source"] == ""
    assert net["https://w3id.org/jishi/id/event/aid"]["https://w3id.org/jishi/id/actor/country/IT"][
        "roles"] == ("participant", "recipient")


def test_resolved_net_gives_the_seed_page_its_network(seeds_dir, tmp_path, monkeypatch, drawn_here):
    """On the seeds: the network the build draws equals the one read from the graph it writes, but for the actors'
    evidence, which it leaves out; the page drawn from either is the same."""
    made = {}
    real = resolved_net.event_network_of
    monkeypatch.setattr(resolved_net, "event_network_of",
                        lambda *args, **options: made.setdefault("net", real(*args, **options)))
    report = pipeline.build([seeds_dir], tmp_path / "out", progress=False, store=False, cache=False)
    graph = load_graph(report.graph_path)
    read = viz.event_network(graph)
    actors = [node for node, kind in read.nodes(data="kind") if kind == "actor"]
    assert all(made["net"].nodes[node]["evidence"] == [] for node in actors)
    assert any(read.nodes[node]["evidence"] for node in actors)
    texts = pipeline.document_texts([seeds_dir])
    assert viz.render_network(made["net"], texts=texts) == viz.render_network(graph, texts=texts)
    for node in actors:
        read.nodes[node]["evidence"] = []
    _same_network(made["net"], read)


def test_resolved_net_leaves_out_actor_evidence_when_asked(resolved):
    without = resolved_net.event_network_of(resolved, actor_evidence=False)
    assert without.nodes["https://w3id.org/jishi/id/actor/person/conte"]["evidence"] == []
    assert without.nodes["https://w3id.org/jishi/id/event/aid"]["evidence"] \
        == resolved_net.event_network_of(resolved).nodes["https://w3id.org/jishi/id/event/aid"]["evidence"] != []


def test_resolved_net_quotes_cut_from_held_texts_are_the_quotes_read(resolved):
    held = {doc.id: doc.raw for doc in resolved.documents}
    _same_network(resolved_net.event_network_of(resolved, held), resolved_net.event_network_of(resolved))
    assert resolved_net.event_network_of(resolved, held).nodes["https://w3id.org/jishi/id/event/aid"]["evidence"] \
        == [("https://w3id.org/jishi/id/doc/b%201.txt", 24, 33, "意方感谢中方援助。")]
