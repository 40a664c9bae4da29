"""Graph → networkx views → one offline, self-contained interactive HTML page.

>>> from graph import load                                   # doctest: +SKIP
>>> from graph.viz import write_network                      # doctest: +SKIP
>>> write_network(load("out/graph.ttl"), "out/network.html")  # doctest: +SKIP

Two views of the same graph go into the page:

- the *event network* (:func:`event_network`): actors, events and statements,
  an event linked to its participants, a statement to its speaker and to the
  event it was said in;
- the *actor network* (:func:`actor_network`): two actors linked by the events
  they share, weighted by how many.

Why our own page and not pyvis's: the design names pyvis, but every one of its
page modes fails the brief. ``cdn_resources="in_line"`` still loads Bootstrap
from a CDN and ``"local"`` loads vis-network from one, so no mode works
offline; ``write_html`` writes without an encoding; with ``select_menu`` node
ids go into the page unescaped and a title containing "href" is set with
``innerHTML``; its physics does not settle beyond about a thousand nodes; and
it has had no release since February 2023. pyvis is kept for one thing only:
the vis-network 9.1.2 standalone build (JS and CSS, Apache-2.0/MIT) that its
wheel ships, which :func:`write_network` inlines, so the project vendors no
480 kB minified file of its own. Everything else is ours: the template in
``graph/templates/``, the layout (:mod:`graph.layout`, computed in Python
with networkx for large graphs, physics switched off), the UTF-8 atomic
write, and the escaping.

Safety with untrusted text: all document text travels as JSON inside
``<script type="application/json">`` with ``<``, ``>``, ``&``, U+2028 and
U+2029 written as ``\\uXXXX``, is read with ``JSON.parse``, and is put on the
page only through ``textContent`` or the canvas, never ``innerHTML``. A
Content-Security-Policy forbids every network request.
"""
from __future__ import annotations

import html
import json
import math
import os
import re
from collections import defaultdict
from functools import cache, lru_cache
from importlib import resources
from itertools import combinations
from pathlib import Path

import networkx as nx
import rdflib
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from .export._common import LANG_ORDER, local
from .files import write_atomic
from .layout import layout
from .ns import JISHI, event_classes

__all__ = ["actor_network", "class_colours", "event_network", "network_data", "render_network", "script_json",
           "write_network"]

DEFAULT_TITLE = "jishi 纪事 — network"
QUOTE_MAX = 240
EVIDENCE_MAX = 3
NAMES_MAX = 8

ACTOR_CLASSES = ("Person", "Country", "GovernmentBody", "InternationalOrganization", "Organization", "Actor")
EVENT_CLASSES = event_classes() + ("Event",)
"""The ontology's event classes in its order (so each keeps its colour and legend place), then the bare class."""
STATEMENT_CLASS = "Statement"
SHARED_ROLES = ("participant", "provider", "recipient")
"""Roles that make an actor take part in an event (``requestedBy`` alone does not)."""
ROLE_PROPERTIES = ("participant", "provider", "recipient", "requestedBy")
PALETTE = ("#e15759", "#4e79a7", "#f28e2b", "#76b7b2", "#59a14f", "#bab0ac", "#edc948", "#b07aa1",
           "#ff9da7", "#9c755f", "#17becf", "#bcbd22", "#8c564b", "#1f77b4", "#d62728", "#7f7f7f",
           "#6b6ecf", "#e7969c")
SHAPES = {"actor": "dot", "event": "diamond", "statement": "triangle"}
_VIS_DIR = "templates/lib/vis-9.1.2"
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def event_network(graph: rdflib.Graph) -> nx.Graph:
    """The actors, events and statements of ``graph`` as one networkx graph.

    Nodes are IRIs (``str``) with attributes ``kind`` ("actor", "event",
    "statement"), ``cls`` (the most specific jishi class), ``label``,
    ``names`` (every label and altLabel), ``date`` (ISO string or None),
    ``details`` (lines for a tooltip) and ``evidence`` (``(quote, source)``
    pairs). Edges carry ``roles``: the properties that link the two nodes.

    Examples
    --------
    >>> g = rdflib.Graph().parse(data='''
    ... @prefix jishi: <https://w3id.org/jishi/ontology#> .
    ... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    ... <urn:a> a jishi:Person ; rdfs:label "谭德塞"@zh-Hans .
    ... <urn:e> a jishi:PhoneCall ; jishi:participant <urn:a> .''', format="turtle")
    >>> sorted(event_network(g).nodes(data="kind"))
    [('urn:a', 'actor'), ('urn:e', 'event')]
    """
    facts = _Facts(graph)
    kinds = _classify(graph, facts)
    docs = _documents(facts)
    net = nx.Graph()
    for node in sorted(kinds):
        kind, cls = kinds[node]
        net.add_node(str(node), **_node_attributes(facts, node, kind, cls, docs))
    for node in sorted(kinds):
        for role, other in _links(facts, node, kinds[node][0]):
            if other in kinds:
                _add_role(net, str(node), str(other), role)
    return net


def actor_network(graph: rdflib.Graph | nx.Graph) -> nx.Graph:
    """Actor–actor network: two actors linked by the events they share.

    ``graph`` is the rdflib graph, or an :func:`event_network` already built.
    Every actor is a node (with the attributes of :func:`event_network`);
    an edge's ``weight`` is the number of shared events and ``events`` lists them.

    Examples
    --------
    >>> g = rdflib.Graph().parse(data='''
    ... @prefix jishi: <https://w3id.org/jishi/ontology#> .
    ... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    ... <urn:a> a jishi:Person ; rdfs:label "习近平"@zh-Hans .
    ... <urn:b> a jishi:Person ; rdfs:label "普京"@zh-Hans .
    ... <urn:e1> a jishi:PhoneCall ; jishi:participant <urn:a>, <urn:b> .
    ... <urn:e2> a jishi:Message ; jishi:participant <urn:a>, <urn:b> .''', format="turtle")
    >>> actor_network(g).edges["urn:a", "urn:b"]["weight"]
    2
    """
    net = graph if isinstance(graph, nx.Graph) else event_network(graph)
    actors = nx.Graph()
    actors.add_nodes_from((n, d) for n, d in sorted(net.nodes(data=True)) if d["kind"] == "actor")
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    for node, data in sorted(net.nodes(data=True)):
        if data["kind"] != "event":
            continue
        members = sorted(o for o in net[node]
                         if net.nodes[o]["kind"] == "actor" and set(net[node][o]["roles"]) & set(SHARED_ROLES))
        for pair in combinations(members, 2):
            shared[pair].append(node)
    for (a, b), events in sorted(shared.items()):
        actors.add_edge(a, b, weight=len(events), events=events)
    return actors


def network_data(graph: rdflib.Graph) -> dict:
    """Everything the page shows, as plain JSON-ready data (sorted, deterministic).

    Keys: ``events`` and ``actors`` (each ``{"nodes", "edges", "physics"}`` in
    vis-network's item format plus our fields ``kind``, ``cls``, ``date``,
    ``search`` and ``info``), ``legend``, ``types`` (fact classes with counts)
    and ``dates`` (first and last date).

    Examples
    --------
    >>> g = rdflib.Graph().parse(data='''
    ... @prefix jishi: <https://w3id.org/jishi/ontology#> .
    ... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    ... <urn:a> a jishi:Person ; rdfs:label "谭德塞"@zh-Hans .''', format="turtle")
    >>> "譚德塞" in network_data(g)["events"]["nodes"][0]["search"]
    True
    """
    net = event_network(graph)
    actors = actor_network(net)
    colours = class_colours(net)
    return {
        "events": _view(net, actors, colours, _event_edges(net)),
        "actors": _view(actors, actors, colours, _actor_edges(actors)),
        "legend": [{"cls": cls, "kind": kind, "color": colour, "shape": SHAPES[kind]}
                   for (kind, cls), colour in colours.items()],
        "types": _fact_types(net),
        "dates": _date_range(net),
    }


def render_network(graph: rdflib.Graph, title: str = DEFAULT_TITLE) -> str:
    """The complete HTML page for ``graph``: template, inlined vis-network, our JS and CSS, the data."""
    data = network_data(graph)
    data["title"] = title
    values = {
        "title": html.escape(title),
        "vis_css": _inline(_vis_asset("vis-network.css"), "style"),
        "vis_js": _inline(_vis_asset("vis-network.min.js"), "script"),
        "page_css": _inline(_template("network.css"), "style"),
        "page_js": _inline(_template("network.js"), "script"),
        "data": script_json(data),
    }
    return re.sub(r"\{\{ (\w+) \}\}", lambda m: values[m.group(1)], _template("network.html"))


def write_network(graph: rdflib.Graph, path: str | os.PathLike, title: str = DEFAULT_TITLE) -> Path:
    """Write the interactive page for ``graph`` to ``path`` (UTF-8, atomically) and return the path.

    The page is one file that works with no network at all.

    Examples
    --------
    >>> from graph import load                                        # doctest: +SKIP
    >>> write_network(load("out/graph.ttl"), "out/network.html")      # doctest: +SKIP
    PosixPath('out/network.html')
    """
    return write_atomic(path, render_network(graph, title))


def script_json(data: object) -> str:
    """``data`` as JSON that is safe inside a ``<script>`` element.

    ``<``, ``>`` and ``&`` become ``\\u003c`` … so no text can close the
    element or open a comment; U+2028/9 are escaped for old JS parsers.

    >>> script_json({"label": "</script><b>"})
    '{"label":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group(0)], text)


# ---- reading the rdflib graph -------------------------------------------------------------

class _Facts:
    """Every triple of the graph in a dict, read in one pass.

    One scan of the store and then dict lookups is several times faster
    than a store query per node and property, and the page needs them all.
    """

    def __init__(self, graph: rdflib.Graph) -> None:
        self._spo: dict = defaultdict(lambda: defaultdict(list))
        for s, p, o in graph.triples((None, None, None)):
            self._spo[s][p].append(o)

    def objects(self, subject: rdflib.term.Node, predicate: rdflib.URIRef) -> list[rdflib.term.Node]:
        return self._spo[subject][predicate] if subject in self._spo else []

    def value(self, subject: rdflib.term.Node, predicate: rdflib.URIRef) -> rdflib.term.Node | None:
        found = self.objects(subject, predicate)
        return min(found) if found else None

    def typed(self):
        """(node, class) for every rdf:type triple."""
        for subject, props in self._spo.items():
            for cls in props.get(RDF.type, ()):
                yield subject, cls


def _classify(graph: rdflib.Graph, facts: _Facts) -> dict[rdflib.URIRef, tuple[str, str]]:
    """Each actor, event and statement node → (kind, most specific jishi class name)."""
    known = {**{c: "actor" for c in _subclasses(graph, "Actor", ACTOR_CLASSES)},
             **{c: "event" for c in _subclasses(graph, "Event", EVENT_CLASSES)},
             STATEMENT_CLASS: "statement"}
    found: dict[rdflib.URIRef, tuple[str, str]] = {}
    for node, cls in facts.typed():
        name = local(cls)
        if not isinstance(node, rdflib.URIRef) or name not in known or not str(cls).startswith(str(JISHI)):
            continue
        current = found.get(node)
        if current is None or _more_specific(name, current[1]):
            found[node] = (known[name], name)
    return found


def _subclasses(graph: rdflib.Graph, root: str, defaults: tuple[str, ...]) -> set[str]:
    """The contract's classes under ``root`` plus any the graph's own ontology adds."""
    below = {local(c) for c in graph.transitive_subjects(RDFS.subClassOf, JISHI[root])
             if str(c).startswith(str(JISHI))}
    return set(defaults) | below


def _more_specific(name: str, than: str) -> bool:
    """A subclass beats Actor/Event; between two subclasses the first by name wins, so order never matters."""
    generic = ("Actor", "Event")
    return (name in generic, name) < (than in generic, than)


def _documents(facts: _Facts) -> dict[rdflib.term.Node, str]:
    """Document node → how a reader names it: identifier, and the title when there is one."""
    names = {}
    for doc in sorted(node for node, cls in facts.typed() if cls == JISHI.Document):
        ident = facts.value(doc, DCTERMS.identifier) or local(doc)
        title = facts.value(doc, DCTERMS.title)
        names[doc] = f"{ident} — {title}" if title else str(ident)
    return names


def _labels(facts: _Facts, node: rdflib.term.Node) -> list[rdflib.Literal]:
    """rdfs:label literals in the order a reader of Chinese wants them: zh-Hans, zh-Hant, en, others."""
    found = [o for o in facts.objects(node, RDFS.label) if isinstance(o, rdflib.Literal)]
    return sorted(found, key=lambda lit: (LANG_ORDER.get((lit.language or "").lower(), 3), str(lit)))


def _node_attributes(facts: _Facts, node: rdflib.URIRef, kind: str, cls: str,
                     docs: dict[rdflib.term.Node, str]) -> dict:
    labels = _labels(facts, node)
    alts = sorted(str(o) for o in facts.objects(node, SKOS.altLabel))
    names = sorted({str(lit) for lit in labels} | set(alts))
    date = facts.value(node, JISHI.date)
    attrs = {
        "kind": kind, "cls": cls, "names": names,
        "label": str(labels[0]) if labels else local(node),
        "date": str(date) if date is not None else None,
        "evidence": _evidence(facts, node, docs),
    }
    attrs["details"] = _details(facts, node, kind, attrs)
    return attrs


def _details(facts: _Facts, node: rdflib.URIRef, kind: str, attrs: dict) -> list[str]:
    """Tooltip lines other than the heading and the evidence."""
    lines = []
    if kind == "actor":
        others = [n for n in attrs["names"] if n != attrs["label"]]
        if others:
            lines.append("、".join(others[:NAMES_MAX]) + (" …" if len(others) > NAMES_MAX else ""))
        role = facts.value(node, JISHI.role)
        if role is not None:
            lines.append(f"role: {role}")
    else:
        if attrs["date"]:
            approx = facts.value(node, JISHI.dateApprox)
            lines.append(f"date: {attrs['date']}" + (" (approx.)" if approx is not None and approx.toPython() else ""))
        if kind == "statement":
            verb = facts.value(node, JISHI.reportingVerb)
            text = facts.value(node, JISHI.text)
            if verb is not None:
                lines.append(f"verb: {verb}")
            if text is not None:
                lines.append(_clip(str(text)))
        elif attrs["names"]:
            lines.append(attrs["label"])
    return lines


def _evidence(facts: _Facts, node: rdflib.URIRef, docs: dict[rdflib.term.Node, str]) -> list[tuple[str, str]]:
    """(quote, source document) pairs, sorted by document then offset."""
    found = []
    for ev in facts.objects(node, JISHI.evidence):
        doc = facts.value(ev, JISHI.document)
        quote = facts.value(ev, JISHI.quote)
        start = facts.value(ev, JISHI.start)
        source = docs.get(doc, local(doc) if doc is not None else "")
        found.append((source, int(start) if start is not None else -1, str(quote or "")))
    return [(quote, source) for source, _, quote in sorted(found)]


def _links(facts: _Facts, node: rdflib.URIRef, kind: str):
    """(role, other node) pairs leaving ``node``."""
    if kind == "event":
        for prop in ROLE_PROPERTIES:
            for other in facts.objects(node, JISHI[prop]):
                yield prop, other
    elif kind == "statement":
        for other in facts.objects(node, JISHI.speaker):
            yield "speaker", other
        for other in facts.objects(node, JISHI.during):
            yield "during", other


def _add_role(net: nx.Graph, a: str, b: str, role: str) -> None:
    roles = set(net.edges[a, b]["roles"]) if net.has_edge(a, b) else set()
    net.add_edge(a, b, roles=tuple(sorted(roles | {role})))


# ---- shaping the page data -----------------------------------------------------------------

def class_colours(net: nx.Graph) -> dict[tuple[str, str], str]:
    """(kind, class) → colour, in the contract's order so a class keeps its colour across graphs."""
    order = ([("actor", c) for c in ACTOR_CLASSES] + [("event", c) for c in EVENT_CLASSES]
             + [("statement", STATEMENT_CLASS)])
    present = {(d["kind"], d["cls"]) for _, d in net.nodes(data=True)}
    ranked = [k for k in order if k in present] + sorted(present - set(order))
    fixed = {k: PALETTE[i % len(PALETTE)] for i, k in enumerate(order)}
    extra = iter(PALETTE[len(order) % len(PALETTE):] + PALETTE)
    return {k: fixed.get(k) or next(extra) for k in ranked}


def _view(net: nx.Graph, skeleton: nx.Graph, colours: dict[tuple[str, str], str], edges: list[dict]) -> dict:
    """One view's vis-network items; ``skeleton`` is the actor network its layout starts from."""
    positions = layout(net, skeleton)
    nodes = [_vis_node(node, data, net.degree(node), colours, positions.get(node))
             for node, data in sorted(net.nodes(data=True))]
    return {"nodes": nodes, "edges": edges, "physics": not positions}


def _vis_node(node: str, data: dict, degree: int, colours: dict, position: tuple[float, float] | None) -> dict:
    kind = data["kind"]
    item = {
        "id": node, "kind": kind, "cls": data["cls"], "date": data["date"],
        "label": _canvas_label(data), "shape": SHAPES[kind],
        "color": colours[(kind, data["cls"])],
        "size": round(_size(kind, degree), 1),
        "search": _search_index(data),
        "info": _info(data, degree),
    }
    if position is not None:
        item["x"], item["y"] = position
    return item


def _canvas_label(data: dict) -> str:
    """Actors by name; events by type and date; statements by reporting verb and date."""
    if data["kind"] == "actor":
        return data["label"]
    head = data["cls"] if data["kind"] == "event" else "Statement"
    return f"{head}\n{data['date'] or '?'}"


def _size(kind: str, degree: int) -> float:
    base = {"actor": 10.0, "event": 8.0, "statement": 6.0}[kind]
    return base + (4.0 if kind == "actor" else 1.5) * math.sqrt(degree)


def _info(data: dict, degree: int) -> dict:
    heading = data["label"] if data["kind"] == "actor" else f"{data['cls']} {data['date'] or ''}".strip()
    evidence = data["evidence"]
    return {
        "heading": heading,
        "lines": ([f"{data['cls']} · {degree} links"] if data["kind"] == "actor" else []) + data["details"],
        "evidence": [{"quote": _clip(q), "source": s} for q, s in evidence[:EVIDENCE_MAX]],
        "more": f"+{len(evidence) - EVIDENCE_MAX} more" if len(evidence) > EVIDENCE_MAX else "",
    }


def _clip(text: str, limit: int = QUOTE_MAX) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _search_index(data: dict) -> list[str]:
    """Every name in both scripts, lower-cased, so 譚德塞 finds 谭德塞 and back."""
    forms = set()
    for name in data["names"] or [data["label"]]:
        forms |= {name, _convert(name, "t2s"), _convert(name, "s2t")}
    return sorted(f.lower() for f in forms)


@cache
def _converter(config: str):
    from opencc import OpenCC

    return OpenCC(config)


@lru_cache(maxsize=65536)
def _convert(text: str, config: str) -> str:
    return _converter(config).convert(text)


def _event_edges(net: nx.Graph) -> list[dict]:
    edges = []
    for a, b, data in sorted(net.edges(data=True), key=lambda e: tuple(sorted(e[:2]))):
        a, b = sorted((a, b), key=lambda n: (net.nodes[n]["kind"] == "actor", n))
        roles = [r for r in data["roles"] if r != "participant"] or list(data["roles"])
        edges.append({"id": f"{a} {b}", "from": a, "to": b, "roles": roles,
                      "dashes": roles == ["during"]})
    return edges


def _actor_edges(actors: nx.Graph) -> list[dict]:
    edges = []
    for a, b, data in sorted(actors.edges(data=True), key=lambda e: tuple(sorted(e[:2]))):
        a, b = sorted((a, b))
        edges.append({"id": f"{a} {b}", "from": a, "to": b, "value": data["weight"],
                      "events": data["events"],
                      "info": {"heading": f"{actors.nodes[a]['label']} – {actors.nodes[b]['label']}",
                               "lines": [f"{data['weight']} shared events"], "evidence": [], "more": ""}})
    return edges


def _fact_types(net: nx.Graph) -> list[dict]:
    counts: dict[str, int] = defaultdict(int)
    for _, data in net.nodes(data=True):
        if data["kind"] != "actor":
            counts[data["cls"]] += 1
    order = {c: i for i, c in enumerate(EVENT_CLASSES + (STATEMENT_CLASS,))}
    return [{"cls": c, "count": counts[c]} for c in sorted(counts, key=lambda c: (order.get(c, len(order)), c))]


def _date_range(net: nx.Graph) -> list[str | None]:
    dates = sorted(d["date"] for _, d in net.nodes(data=True) if d["date"])
    return [dates[0], dates[-1]] if dates else [None, None]


# ---- assets ----------------------------------------------------------------------------------

def _vis_asset(name: str) -> str:
    """A file of the vis-network build that pyvis ships (the only use of pyvis)."""
    try:
        root = resources.files("pyvis")
    except ModuleNotFoundError as exc:
        raise RuntimeError("the network page needs pyvis for its vis-network files: pip install pyvis") from exc
    return (root / _VIS_DIR / name).read_text(encoding="utf-8")


def _template(name: str) -> str:
    return (resources.files("graph") / "templates" / name).read_text(encoding="utf-8")


def _inline(text: str, tag: str) -> str:
    """Refuse an asset that would end its own ``<script>``/``<style>`` element early."""
    if re.search(f"</{tag}|<!--", text, re.IGNORECASE):
        raise ValueError(f"asset cannot be inlined in <{tag}>: it contains </{tag} or <!--")
    return text
