"""GraphML and GEXF for Gephi, yEd and Cytoscape: the actor–event network with labels and dates.

>>> from graph import load                                          # doctest: +SKIP
>>> write_gexf(load("out/graph.ttl"), Path("out/graph.gexf")).counts  # doctest: +SKIP
{'nodes': 992, 'edges': 1310}

The network is the one the interactive page draws (:func:`graph.viz.event_network`),
so what a user sees in ``network.html`` is what opens in Gephi:

- nodes: every actor, event and statement, keyed by IRI, with ``label``
  (zh-Hans first), ``kind`` (actor/event/statement), ``cls`` (Person,
  PhoneCall …), ``date`` (ISO ``YYYY-MM-DD``, events and statements), ``names``
  (every label and alias, ``;``-separated), ``wikidata`` (QID, when linked)
  and ``evidence`` (how many quotes support it);
- edges: an event to each actor in it, a statement to its speaker and to the
  event it was said in, with ``roles`` (``participant;requestedBy`` …).

GraphML and GEXF hold only scalar attributes, so lists are joined with ``;``
and attributes a node lacks are left out rather than written empty.
"""
from __future__ import annotations

import io
import re
from pathlib import Path

import networkx as nx
import rdflib
from rdflib.namespace import SKOS

from ..files import write_atomic
from ..ns import WD
from ._common import Exported, export_date

__all__ = ["actor_event_network", "write_gexf", "write_graphml"]


def actor_event_network(graph: rdflib.Graph) -> nx.Graph:
    """The event network of ``graph`` with scalar attributes only, ready for GraphML and GEXF.

    Examples
    --------
    >>> g = rdflib.Graph().parse(data='''
    ... @prefix jishi: <https://w3id.org/jishi/ontology#> .
    ... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    ... <urn:a> a jishi:Person ; rdfs:label "谭德塞"@zh-Hans .
    ... <urn:e> a jishi:PhoneCall ; jishi:participant <urn:a> .''', format="turtle")
    >>> actor_event_network(g).edges["urn:e", "urn:a"]["roles"]
    'participant'
    """
    from ..viz import event_network

    rich = event_network(graph)
    net = nx.Graph()
    for node, data in sorted(rich.nodes(data=True)):
        net.add_node(node, **_node_attributes(graph, node, data))
    for a, b, data in sorted(rich.edges(data=True)):
        net.add_edge(a, b, roles=";".join(sorted(data.get("roles", ()))))
    return net


def _node_attributes(graph: rdflib.Graph, node: str, data: dict) -> dict[str, str | int]:
    attrs: dict[str, str | int] = {
        "label": data["label"], "kind": data["kind"], "cls": data["cls"],
        "evidence": len(data.get("evidence", ())),
    }
    if data.get("date"):
        attrs["date"] = data["date"]
    if data.get("names"):
        attrs["names"] = ";".join(data["names"])
    qids = sorted(str(o)[len(str(WD)):] for o in graph.objects(rdflib.URIRef(node), SKOS.exactMatch)
                  if str(o).startswith(str(WD)))
    if qids:
        attrs["wikidata"] = ";".join(qids)
    return attrs


def _serialized(write, net: nx.Graph) -> str:
    """What a networkx writer produces for ``net``, as text (the writers only take files or handles)."""
    buf = io.BytesIO()
    write(net, buf)
    return buf.getvalue().decode("utf-8")


def write_graphml(graph: rdflib.Graph, out: Path) -> Exported:
    """Write the actor–event network as GraphML (networkx's writer, UTF-8)."""
    net = actor_event_network(graph)
    path = write_atomic(out, _serialized(lambda n, f: nx.write_graphml(n, f, encoding="utf-8"), net))
    return Exported("graphml", path, {"nodes": net.number_of_nodes(), "edges": net.number_of_edges()}, (path,))


def write_gexf(graph: rdflib.Graph, out: Path) -> Exported:
    """Write the actor–event network as GEXF 1.2 for Gephi (networkx's writer, UTF-8).

    networkx stamps ``lastmodifieddate`` with the clock; it is set to
    :func:`~graph.export._common.export_date` so ``SOURCE_DATE_EPOCH`` makes the file byte-stable.
    """
    net = actor_event_network(graph)
    text = _serialized(lambda n, f: nx.write_gexf(n, f, encoding="utf-8"), net)
    text = re.sub(r'lastmodifieddate="[^"]*"', f'lastmodifieddate="{export_date().isoformat()}"', text, count=1)
    path = write_atomic(out, text)
    return Exported("gexf", path, {"nodes": net.number_of_nodes(), "edges": net.number_of_edges()}, (path,))
