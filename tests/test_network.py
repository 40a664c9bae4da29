"""graph.network: the page's network reads as a networkx.Graph of the same nodes and edges does, in the same order."""
from __future__ import annotations

import networkx as nx
import pytest

from graph.network import Network, components

NODES = [("e2", {"kind": "event"}), ("a", {"kind": "actor"}), ("s", {"kind": "statement"}), ("b", {"kind": "actor"}),
         ("lone", {"kind": "actor"}), ("e1", {"kind": "event"})]
EDGES = [("e2", "b", {"roles": ("participant",)}), ("s", "a", {"roles": ("speaker",)}),
         ("e2", "a", {"roles": ("participant",)}), ("e1", "a", {"roles": ("provider",)}), ("s", "e2", {"roles": ("during",)})]


def _both() -> tuple[Network, nx.Graph]:
    made, real = Network(documents={"d": {}}), nx.Graph(documents={"d": {}})
    for net in (made, real):
        net.add_nodes_from(NODES)
        net.add_edges_from(EDGES)
        net.add_edge("e1", "a", weight=2)  # a link added again keeps its attributes, updated
    return made, real


def test_network_reads_as_networkx_does():
    made, real = _both()
    assert list(made.nodes) == list(real.nodes) and list(made) == list(real) and len(made) == len(real)
    assert list(made.nodes(data=True)) == list(real.nodes(data=True))
    assert list(made.nodes(data="kind")) == list(real.nodes(data="kind"))
    assert made.nodes["a"] == real.nodes["a"] and made.graph == real.graph
    assert all(list(made[node].items()) == list(real[node].items()) for node in real)  # neighbours in order
    assert list(made.edges(data=True)) == list(real.edges(data=True)) and list(made.edges()) == list(real.edges())
    assert dict(made.degree()) == dict(real.degree()) and made.degree("a") == real.degree("a") == 3
    assert made["e1"]["a"] == {"roles": ("provider",), "weight": 2}
    assert "lone" in made and "nobody" not in made and made.number_of_nodes() == 6


def test_network_components_are_networkx_components():
    made, real = _both()
    assert sorted(components(made)) == sorted(sorted(part) for part in nx.connected_components(real)) \
        == [["a", "b", "e1", "e2", "s"], ["lone"]]
    assert components(real) == components(made)


def test_network_refuses_a_self_loop():
    with pytest.raises(ValueError, match="self-loops"):
        Network().add_edge("a", "a")
