"""Positions for the network page, computed in Python before the page is written.

>>> import networkx as nx
>>> net = nx.Graph([("习近平", "普京")])
>>> nx.set_node_attributes(net, "actor", "kind")
>>> sorted(layout(net, actor_shapes(net)))
['习近平', '普京']

Why in Python: vis-network's physics does not settle beyond about a thousand
nodes, and while it runs the page is frozen (about 7 s for the thousand nodes of
the seed graph, again at each return to the view). Above :data:`LAYOUT_LIMIT`
nodes, so on every page, the page gets fixed positions and its physics is off.
"""
from __future__ import annotations

import hashlib
import math
from typing import TYPE_CHECKING, Any

from .network import components

if TYPE_CHECKING:
    from .cache import Memo

__all__ = ["LAYOUT_LIMIT", "LAYOUT_SEED", "Shape", "actor_shapes", "layout"]

LAYOUT_LIMIT = 0
"""Above this many nodes the layout is computed in Python and physics is off: every page opens laid out."""
LAYOUT_SEED = 7


Shape = dict[str, tuple[float, float]]
"""One component's positions at unit scale around the origin."""


def actor_shapes(skeleton: Any, memo: Memo | None = None) -> list[Shape]:
    """Each component of the actor network laid out once, largest first (ties by members).

    The spring layout is most of what drawing the page costs; both views of the
    page scale the same shapes (:func:`layout`), so it runs once per page. A
    component's shape depends on its nodes and weighted edges alone, so with a
    ``memo`` (kept between builds) only a component that changed is laid out again.
    """
    parts = sorted(components(skeleton), key=lambda c: (-len(c), c))
    return [_shape(skeleton, part, memo) for part in parts]


def _shape(skeleton: Any, nodes: list[str], memo: Memo | None) -> Shape:
    """The shape of the component of ``skeleton`` made of ``nodes`` (sorted): a lone node at the origin, else its
    spring layout, from ``memo`` when kept there."""
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    edges = sorted((a, b, link) for a in nodes for b, link in skeleton[a].items() if a < b)
    if memo is None:
        return _spring(nodes, edges)
    content = repr((nodes, [(a, b, d.get("weight")) for a, b, d in edges])).encode("utf-8", "surrogatepass")
    return memo.get("layouts", hashlib.sha256(content).digest(), lambda: _spring(nodes, edges))


def layout(net: Any, shapes: list[Shape]) -> dict[str, tuple[float, float]]:
    """Positions for graphs too large for the browser's physics to settle; empty otherwise.

    A force layout of every node costs O(n²) per iteration in networkx, so
    only the actors are laid out (``shapes``, from :func:`actor_shapes` of the
    actor–actor network): the largest component in the middle, scaled to the
    number of nodes ``net`` draws, the smaller components and lone actors each
    set around it on a sunflower spiral (so they neither fly off nor pile up).
    Each event or statement is then placed at the centre of the actors it
    links, nudged by a fixed offset drawn from its IRI: linear in the number
    of facts, and an event lands between its participants.
    """
    if net.number_of_nodes() <= LAYOUT_LIMIT:
        return {}
    anchors = [n for n, kind in net.nodes(data="kind") if kind == "actor"]
    unit = 60.0
    pos: dict[str, tuple[float, float]] = {}
    core = unit * math.sqrt(net.number_of_nodes() * len(shapes[0]) / max(len(anchors), 1)) if shapes else 0.0
    for index, shape in enumerate(shapes):
        radius = core if index == 0 else unit * math.sqrt(len(shape))
        cx, cy = (0.0, 0.0) if index == 0 else _spiral(index, core + unit, 2.5 * unit)
        pos.update({n: (cx + radius * x, cy + radius * y) for n, (x, y) in shape.items()})
    for node in sorted(set(net) - set(pos)):
        pos[node] = _near_anchors(node, [pos[o] for o in sorted(net[node]) if o in pos], unit)
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in pos.items()}


def _spring(nodes: list[str], edges: list[tuple[str, str, dict]]) -> Shape:
    """networkx's seeded spring layout of one component at unit scale, nodes and edges in sorted order.

    networkx is imported here, for a component the page memo does not keep: most rebuilds need none.
    """
    import networkx as nx

    ordered = nx.Graph()
    ordered.add_nodes_from(nodes)
    ordered.add_edges_from(edges)
    found = nx.spring_layout(ordered, seed=LAYOUT_SEED)
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
