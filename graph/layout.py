"""Positions for the network page, computed in Python before the page is written.

>>> import networkx as nx
>>> net = nx.Graph([("习近平", "普京")])
>>> nx.set_node_attributes(net, "actor", "kind")
>>> sorted(layout(net, net))
['习近平', '普京']

Why in Python: vis-network's physics does not settle beyond about a thousand
nodes, and while it runs the page is frozen (about 7 s for the thousand nodes of
the seed graph, again at each return to the view). Above :data:`LAYOUT_LIMIT`
nodes, so on every page, the page gets fixed positions and its physics is off.
"""
from __future__ import annotations

import hashlib
import math

import networkx as nx

__all__ = ["LAYOUT_LIMIT", "LAYOUT_SEED", "layout"]

LAYOUT_LIMIT = 0
"""Above this many nodes the layout is computed in Python and physics is off: every page opens laid out."""
LAYOUT_SEED = 7


def layout(net: nx.Graph, skeleton: nx.Graph) -> dict[str, tuple[float, float]]:
    """Positions for graphs too large for the browser's physics to settle; empty otherwise.

    A force layout of every node costs O(n²) per iteration in networkx, so
    only the actors are laid out, on ``skeleton`` (the actor–actor network of
    ``net``, or ``net`` itself when it holds only actors): its largest
    component with networkx ``spring_layout`` (seeded) in the middle, the
    smaller components and lone actors each laid out on their own and set
    around it on a sunflower spiral (so they neither fly off nor pile up).
    Each event or statement is then placed at the centre of the actors it
    links, nudged by a fixed offset drawn from its IRI: linear in the number
    of facts, and an event lands between its participants.
    """
    if net.number_of_nodes() <= LAYOUT_LIMIT:
        return {}
    anchors = [n for n, kind in net.nodes(data="kind") if kind == "actor"]
    unit = 60.0
    pos: dict[str, tuple[float, float]] = {}
    parts = sorted((sorted(c) for c in nx.connected_components(skeleton)), key=lambda c: (-len(c), c))
    core = unit * math.sqrt(net.number_of_nodes() * len(parts[0]) / max(len(anchors), 1)) if parts else 0.0
    for index, part in enumerate(parts):
        radius = core if index == 0 else unit * math.sqrt(len(part))
        centre = (0.0, 0.0) if index == 0 else _spiral(index, core + unit, 2.5 * unit)
        pos.update(_spring(skeleton.subgraph(part), radius, centre))
    for node in sorted(set(net) - set(pos)):
        pos[node] = _near_anchors(node, [pos[o] for o in sorted(net[node]) if o in pos], unit)
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in pos.items()}


def _spring(part: nx.Graph, scale: float, centre: tuple[float, float]) -> dict[str, tuple[float, float]]:
    """networkx's seeded spring layout of one component, nodes and edges in sorted order."""
    if part.number_of_nodes() == 1:
        return {next(iter(part)): centre}
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(part.nodes))
    ordered.add_edges_from(sorted(tuple(sorted((a, b))) + (d,) for a, b, d in part.edges(data=True)))
    found = nx.spring_layout(ordered, seed=LAYOUT_SEED, scale=scale, center=centre)
    return {n: (float(x), float(y)) for n, (x, y) in found.items()}


def _spiral(index: int, start: float, step: float) -> tuple[float, float]:
    """The ``index``-th point of a sunflower spiral beyond radius ``start`` (golden-angle turns)."""
    radius = start + step * math.sqrt(index)
    turn = index * math.pi * (3 - math.sqrt(5))
    return radius * math.cos(turn), radius * math.sin(turn)


def _near_anchors(node: str, anchors: list[tuple[float, float]], unit: float) -> tuple[float, float]:
    """The centre of ``anchors`` plus an offset fixed by ``node``'s IRI (the origin if it has none)."""
    digest = hashlib.sha1(node.encode("utf-8")).digest()
    turn = int.from_bytes(digest[:4], "big") / 2**32 * 2 * math.pi
    radius = unit * (0.4 + int.from_bytes(digest[4:6], "big") / 2**16)
    x = sum(a[0] for a in anchors) / len(anchors) if anchors else 0.0
    y = sum(a[1] for a in anchors) / len(anchors) if anchors else 0.0
    return x + radius * math.cos(turn), y + radius * math.sin(turn)
