"""The page's network as plain dicts: the part of ``networkx.Graph`` that drawing the page reads.

>>> net = Network(documents={})
>>> net.add_nodes_from([("a", {"kind": "actor"}), ("e", {"kind": "event"})])
>>> net.add_edges_from([("e", "a", {"roles": ("participant",)})])
>>> net["a"]["e"], net.degree("a"), sorted(net.nodes(data="kind"))
({'roles': ('participant',)}, 1, [('a', 'actor'), ('e', 'event')])

Why not networkx: a build draws its page from its resolved facts
(:mod:`graph.resolved_net`) in a process of its own, and that process is the
longest path of a rebuild; importing networkx took 0.08-0.11 CPU-s of it and
filling a ``networkx.Graph`` with 13,000 nodes and edges another 0.03, yet the
page reads nodes, their attributes and their neighbours only (its spring layouts
come from the page memo; a component not kept there is laid out by networkx,
imported then). :class:`Network` keeps networkx's order: nodes in the order
added, each node's neighbours in the order its edges were added, edges (each
once) in node order, so the page's functions read the same from either, and a
page drawn from a ``Network`` is byte for byte the one drawn from a
``networkx.Graph`` of the same nodes and edges (a test checks it on the seeds).
"""
from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator
from typing import Any

__all__ = ["Network", "components"]


class _Nodes(dict):
    """Node → attributes, also callable as networkx's node view: ``nodes(data=True)``, ``nodes(data="kind")``."""

    def __call__(self, data: bool | str = False) -> Iterable:
        if data is False:
            return iter(self)
        if data is True:
            return self.items()
        return ((node, attributes.get(data)) for node, attributes in self.items())


class Network:
    """An undirected graph without self-loops: nodes with attributes, edges with attributes, ``graph`` attributes."""

    def __init__(self, **attributes: Any) -> None:
        self.graph: dict[str, Any] = dict(attributes)
        self.nodes = _Nodes()
        self._adj: dict[Hashable, dict[Hashable, dict]] = {}

    def add_nodes_from(self, nodes: Iterable[tuple[Hashable, dict]]) -> None:
        """Add each (node, attributes), or update the attributes of a node already there."""
        for node, attributes in nodes:
            if node in self.nodes:
                self.nodes[node].update(attributes)
            else:
                self.nodes[node] = dict(attributes)
                self._adj[node] = {}

    def add_edge(self, a: Hashable, b: Hashable, **attributes: Any) -> None:
        """Link ``a`` and ``b`` (added without attributes if new), or update the attributes of their link."""
        if a == b:
            raise ValueError(f"a Network has no self-loops: {a!r}")
        self.add_nodes_from((node, {}) for node in (a, b) if node not in self.nodes)
        link = self._adj[a].get(b, {})
        link.update(attributes)
        self._adj[a][b] = self._adj[b][a] = link

    def add_edges_from(self, edges: Iterable[tuple[Hashable, Hashable, dict]]) -> None:
        for a, b, attributes in edges:
            self.add_edge(a, b, **attributes)

    def __getitem__(self, node: Hashable) -> dict[Hashable, dict]:
        """The neighbours of ``node``, each with the attributes of their link."""
        return self._adj[node]

    def __iter__(self) -> Iterator[Hashable]:
        return iter(self.nodes)

    def __len__(self) -> int:
        return len(self.nodes)

    def __contains__(self, node: object) -> bool:
        return node in self.nodes

    def number_of_nodes(self) -> int:
        return len(self.nodes)

    def degree(self, node: Hashable | None = None) -> int | Iterable[tuple[Hashable, int]]:
        """How many neighbours ``node`` has; without one, (node, degree) of every node."""
        if node is not None:
            return len(self._adj[node])
        return ((node, len(neighbours)) for node, neighbours in self._adj.items())

    def edges(self, data: bool = False) -> Iterator[tuple]:
        """Each link once, as (node, neighbour) or with ``data`` (node, neighbour, attributes), in node order."""
        seen: set[Hashable] = set()
        for node, neighbours in self._adj.items():
            for other, link in neighbours.items():
                if other not in seen:
                    yield (node, other, link) if data else (node, other)
            seen.add(node)


def components(net: Any) -> list[list[Hashable]]:
    """The connected components of ``net`` (a :class:`Network` or a ``networkx.Graph``), each sorted."""
    found, seen = [], set()
    for start in net:
        if start in seen:
            continue
        part, todo = [start], [start]
        seen.add(start)
        while todo:
            for other in net[todo.pop()]:
                if other not in seen:
                    seen.add(other)
                    part.append(other)
                    todo.append(other)
        found.append(sorted(part))
    return found
