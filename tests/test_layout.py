"""Tests for graph.layout: positions computed in Python for graphs too large for the browser's physics."""
from __future__ import annotations

import networkx as nx
import pytest
import rdflib

from graph import layout as layout_module
from graph import viz
from graph.layout import actor_shapes, layout


PAGE_GRAPH = """
@prefix jishi: <https://w3id.org/jishi/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<urn:a> a jishi:Person ; rdfs:label "王毅"@zh-Hans .
<urn:b> a jishi:Person ; rdfs:label "谭德塞"@zh-Hans .
<urn:c> a jishi:Country ; rdfs:label "意大利"@zh-Hans .
<urn:e> a jishi:PhoneCall ; jishi:participant <urn:a>, <urn:b> .
"""


def _star_net() -> tuple[nx.Graph, nx.Graph]:
    """Two actors who share a call, a lone actor, and the call: the event view and its actor skeleton."""
    net = nx.Graph()
    net.add_nodes_from(["a", "b", "lone"], kind="actor")
    net.add_node("call", kind="event")
    net.add_edges_from([("call", "a"), ("call", "b")])
    skeleton = nx.Graph()
    skeleton.add_nodes_from(["a", "b", "lone"], kind="actor")
    skeleton.add_edge("a", "b")
    return net, skeleton


def test_layout_small_graph_left_to_the_browser(monkeypatch):
    monkeypatch.setattr(layout_module, "LAYOUT_LIMIT", 10)
    net, skeleton = _star_net()
    assert layout(net, actor_shapes(skeleton)) == {}


def test_layout_event_between_its_participants(monkeypatch):
    monkeypatch.setattr(layout_module, "LAYOUT_LIMIT", 2)
    net, skeleton = _star_net()
    pos = layout(net, actor_shapes(skeleton))
    assert set(pos) == {"a", "b", "lone", "call"}
    middle = ((pos["a"][0] + pos["b"][0]) / 2, (pos["a"][1] + pos["b"][1]) / 2)
    offset = ((pos["call"][0] - middle[0]) ** 2 + (pos["call"][1] - middle[1]) ** 2) ** 0.5
    assert 0.4 * 60 - 0.1 <= offset <= 1.4 * 60 + 0.1  # the IRI-fixed nudge: 0.4 to 1.4 units


def test_layout_lone_actor_outside_the_main_component(monkeypatch):
    monkeypatch.setattr(layout_module, "LAYOUT_LIMIT", 2)
    net, skeleton = _star_net()
    pos = layout(net, actor_shapes(skeleton))
    radius = max((x * x + y * y) ** 0.5 for n, (x, y) in pos.items() if n in ("a", "b"))
    assert (pos["lone"][0] ** 2 + pos["lone"][1] ** 2) ** 0.5 > radius


@pytest.mark.parametrize("view", ["events", "actors"])
def test_layout_large_graph_page_has_positions_and_no_physics(monkeypatch, view):
    monkeypatch.setattr(layout_module, "LAYOUT_LIMIT", 2)
    graph = rdflib.Graph().parse(data=PAGE_GRAPH, format="turtle")
    data = viz.network_data(graph)[view]
    assert data["physics"] is False
    assert all("x" in n and "y" in n for n in data["nodes"])
    assert viz.network_data(graph)[view] == data
