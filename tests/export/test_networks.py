"""GraphML and GEXF read back by networkx, with the node and edge counts of the actor–event network."""
from __future__ import annotations

import networkx as nx
import pytest

from graph.export import export

from .conftest import CALL, XI

JISHI = "https://w3id.org/jishi/ontology#"


def expected_counts(graph) -> tuple[int, int]:
    """Actors, events and statements, and the distinct pairs linked by a role, speaker or during — by SPARQL."""
    nodes = graph.query(f"""
        SELECT (COUNT(DISTINCT ?n) AS ?c) WHERE {{
          ?n a ?t . FILTER(?t IN (<{JISHI}Person>, <{JISHI}Country>, <{JISHI}Organization>, <{JISHI}PhoneCall>,
                                  <{JISHI}Meeting>, <{JISHI}Statement>)) }}""")
    edges = graph.query(f"""
        SELECT (COUNT(DISTINCT ?pair) AS ?c) WHERE {{
          ?a ?p ?b . FILTER(?p IN (<{JISHI}participant>, <{JISHI}requestedBy>, <{JISHI}provider>,
                                   <{JISHI}recipient>, <{JISHI}speaker>, <{JISHI}during>))
          BIND(CONCAT(STR(?a), " ", STR(?b)) AS ?pair) }}""")
    return int(next(iter(nodes))[0]), int(next(iter(edges))[0])


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_networks_read_back_with_counts(fixture_path, fixture_graph, tmp_path, fmt, read):
    result = export(fmt, fixture_path, tmp_path / f"graph.{fmt}")
    net = read(result.path)
    assert (net.number_of_nodes(), net.number_of_edges()) == expected_counts(fixture_graph)
    assert (result.counts["nodes"], result.counts["edges"]) == expected_counts(fixture_graph)
    call = net.nodes[CALL]
    assert call["label"] == "PhoneCall 2020-03-19 习近平–普京"
    assert call["date"] == "2020-03-19" and call["cls"] == "PhoneCall"
    assert net.nodes[XI]["wikidata"] == "Q15031"
    roles = net.edges[CALL, "https://w3id.org/jishi/id/actor/person/putin"]["roles"]
    assert roles == "participant;requestedBy"


def test_networks_graphml_keeps_difficult_names(fixture_path, tmp_path):
    net = nx.read_graphml(export("graphml", fixture_path, tmp_path / "g.graphml").path)
    assert net.nodes["https://w3id.org/jishi/id/actor/org/odd"]["label"] == "奥'布莱恩\\研究所\"甲\", 北京\n分部"
