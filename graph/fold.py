"""Folding for large pages: groups of nodes drawn as one node that opens on click.

>>> import networkx as nx
>>> net = nx.Graph()
>>> net.add_node("wang", kind="actor", cls="Person", label="王毅")
>>> for i in range(3):
...     net.add_node(f"s{i}", kind="statement", cls="Statement", label="表示")
...     net.add_edge(f"s{i}", "wang")
>>> [(f["label"], f["members"]) for f in folds(net, lambda actor: "", limit=2)]
[('王毅 言论 ×3', ['s0', 's1', 's2'])]

Why: a browser draws every node of a vis-network canvas on each frame, and
past a few thousand nodes the page stops answering (the 4,998 documents of
the wild corpus make 27,788 nodes). vis-network's own clustering API works on
nodes already in the network, so every node would first be built in the
browser; folding here, before the page is written, keeps the members out of
the drawing until a fold is opened, and costs one pass over the graph.

Nothing is folded while the nodes the page shows at opening (every node but
the actors linked to nothing, which the page hides) number at most ``limit``.
Beyond it, in this order, each step only while the count is still over:

1. a speaker's statements fold into one node per speaker (``王毅 言论 ×412``),
   and events of one class with the same parties into one node
   (``PressConference 外交部 ×120``);
2. *minor actors*, those with at most one link left on screen besides the fold
   of their own statements, fold into one node per actor class and country
   (``Person · 美国 ×23``), their statement folds inside.

A fold of one member would save nothing, so a group needs two. Folds nest
(an actor group holds its speakers' statement folds), ids are fixed by their
members' IRIs, and everything is sorted: the page stays byte-identical.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

__all__ = ["SCREEN_LIMIT", "fold_note", "folds"]

SCREEN_LIMIT = 2500
"""At most this many nodes on screen at opening before folding starts (vis-network answers within a frame or two)."""
PARTIES_MAX = 3
"""A fold of events names at most this many of its parties, then "…"."""


def folds(net: Any, country: Callable[[str], str], limit: int | None = None) -> list[dict]:
    """The folds of the event network ``net``, outermost last; empty when it fits ``limit``.

    Each fold is ``{"id", "label", "cls", "kind": "fold", "members", "count",
    "parent"}``: ``members`` are node ids or the ids of folds inside it,
    ``count`` the nodes it hides in all, ``parent`` the fold it sits in (or
    None). ``country`` gives an actor's country's name (blank when the graph
    does not say); it is asked only about minor actors, and only when step 2 runs.
    """
    limit = SCREEN_LIMIT if limit is None else limit
    opening = _opening(net)
    if len(opening) <= limit:
        return []
    found = _statement_folds(net) + _event_folds(net)
    if _on_screen(opening, found) > limit:
        found += _actor_folds(net, found, country)
    return found


def fold_note(net: Any, found: list[dict]) -> str:
    """One line for the page saying what is folded, into how many nodes, and how to open them."""
    if not found:
        return ""
    hidden: dict[str, int] = defaultdict(int)
    for fold in found:
        for member in fold["members"]:
            if member in net:
                hidden[net.nodes[member]["kind"]] += 1
    parts = ", ".join(f"{count} {kind}s" for kind, count in sorted(hidden.items()))
    return (f"{len(_opening(net))} nodes are too many to draw at once: {parts} are folded into {len(found)} group nodes "
            f"(labelled ×N, for how many they hold). Click one to open it.")


def _statement_folds(net: Any) -> list[dict]:
    """One fold per speaker of two or more statements."""
    said: dict[str, list[str]] = defaultdict(list)
    for node, data in net.nodes(data=True):
        if data["kind"] == "statement":
            speakers = sorted(o for o in net[node] if net.nodes[o]["kind"] == "actor")
            said[speakers[0] if speakers else ""].append(node)
    return [_fold(f"fold:said:{speaker}", f"{net.nodes[speaker]['label'] if speaker else '?'} 言论 ×{len(found)}",
                  "Statement", found)
            for speaker, found in sorted(said.items()) if len(found) >= 2]


def _event_folds(net: Any) -> list[dict]:
    """One fold per event class and set of parties that two or more events share."""
    groups: dict[tuple[str, tuple[str, ...]], list[str]] = defaultdict(list)
    for node, data in net.nodes(data=True):
        if data["kind"] == "event":
            parties = tuple(sorted(o for o in net[node] if net.nodes[o]["kind"] == "actor"))
            groups[(data["cls"], parties)].append(node)
    found = []
    for (cls, parties), events in sorted(groups.items()):
        if len(events) < 2:
            continue
        names = [net.nodes[p]["label"] for p in parties[:PARTIES_MAX]] + (["…"] if len(parties) > PARTIES_MAX else [])
        found.append(_fold(f"fold:events:{cls}:{_digest(parties)}", f"{cls} {'–'.join(names)} ×{len(events)}".strip(),
                           cls, events))
    return found


def _actor_folds(net: Any, inner: list[dict], country: Callable[[str], str]) -> list[dict]:
    """One fold per actor class and country of the minor actors (see the module docstring); sets their folds' parent."""
    rep = {m: f["id"] for f in inner for m in f["members"]}
    speaker_fold = {f["id"][len("fold:said:"):]: f for f in inner if f["id"].startswith("fold:said:")}
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for node, data in net.nodes(data=True):
        if data["kind"] == "actor" and len({rep.get(o, o) for o in net[node]} - {f"fold:said:{node}"}) <= 1:
            groups[(data["cls"], country(node))].append(node)
    found = []
    for (cls, country), actors in sorted(groups.items()):
        if len(actors) < 2:
            continue
        fold_id = f"fold:actors:{cls}:{country}"
        members = sorted(actors)
        for actor in actors:
            own = speaker_fold.get(actor)
            if own is not None:
                own["parent"] = fold_id
                members.append(own["id"])
            else:
                members += sorted(o for o in net[actor] if net.nodes[o]["kind"] == "statement" and o not in rep)
        fold = _fold(fold_id, f"{cls} · {country or '?'} ×{len(actors)}", cls, members)
        fold["count"] = len(actors) + sum(speaker_fold[a]["count"] for a in actors if a in speaker_fold) \
            + sum(1 for m in members if not m.startswith("fold:") and net.nodes[m]["kind"] == "statement")
        found.append(fold)
    return found


def _fold(fold_id: str, label: str, cls: str, members: Iterable[str]) -> dict:
    members = list(members)
    return {"id": fold_id, "label": label, "cls": cls, "kind": "fold", "members": members, "count": len(members),
            "parent": None}


def _opening(net: Any) -> list[str]:
    """The nodes the page would draw at opening: all but the actors linked to nothing (hidden by default)."""
    return [n for n in net if not (net.nodes[n]["kind"] == "actor" and net.degree(n) == 0)]


def _on_screen(opening: list[str], found: list[dict]) -> int:
    """How many nodes the page draws at opening with ``found`` closed."""
    folded = {m for f in found for m in f["members"]}
    return len([n for n in opening if n not in folded]) + len([f for f in found if f["parent"] is None])


def _digest(parties: tuple[str, ...]) -> str:
    """A short id for a set of parties, fixed by their IRIs."""
    return hashlib.sha1("\n".join(parties).encode("utf-8")).hexdigest()[:12]
