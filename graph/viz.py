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

import csv
import hashlib
import html
import importlib.util
import json
import math
import os
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import rdflib
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from .export._common import FORMULA_STARTS, class_label, country_of, label_in, local, reading_order
from .files import write_atomic
from .fold import fold_note, folds
from .layout import Shape, actor_shapes, layout
from .ns import JISHI, ONTOLOGY, WD, event_classes, term_label

if TYPE_CHECKING:
    import networkx as nx

    from .cache import Memo
    from .network import Network

__all__ = ["actor_network", "class_colours", "class_styles", "event_network", "network_data", "render_network",
           "role_words", "script_json", "sentence_around", "write_network"]

DEFAULT_TITLE = "jishi 纪事 — network"
PARTIES_MAX = 3
"""An event label names at most this many parties, then "…"."""
PARTY_ROLES = frozenset({"participant", "provider", "recipient", "speaker"})
"""Roles that make an actor a party a label names."""
SENTENCE_ENDS = "。！？!?\n"
CONTEXT_MAX = 200
"""At most this many characters of a sentence are shown on either side of its quote."""
WIKIDATA_PAGE = "https://www.wikidata.org/wiki/"
ROLE_WORDS = ONTOLOGY.parent / "lexicon" / "role_words.csv"

ACTOR_CLASSES = ("Person", "Country", "GovernmentBody", "InternationalOrganization", "Organization", "Actor")
EVENT_CLASSES = event_classes() + ("Event",)
"""The ontology's event classes in its order (so each keeps its style and legend place), then the bare class."""
STATEMENT_CLASS = "Statement"
SHARED_ROLES = ("participant", "provider", "recipient")
"""Roles that make an actor take part in an event (``requestedBy`` alone does not)."""
ROLE_PROPERTIES = ("participant", "provider", "recipient", "requestedBy")
EDGE_ROLES = ROLE_PROPERTIES + ("speaker", "during")
TO_ACTOR = ("recipient",)
"""Roles whose edge points from the event to the actor (the receiver); the others point to the fact."""
STYLES = {
    "Person": ("#0072B2", "dot"), "Country": ("#E69F00", "square"), "GovernmentBody": ("#009E73", "hexagon"),
    "InternationalOrganization": ("#CC79A7", "star"), "Organization": ("#56B4E9", "triangleDown"),
    "Actor": ("#999999", "dot"),
    "PhoneCall": ("#D55E00", "diamond"), "Meeting": ("#0072B2", "diamond"), "Message": ("#F0E442", "diamond"),
    "VideoConference": ("#009E73", "diamond"), "Summit": ("#CC79A7", "diamond"),
    "PressConference": ("#999999", "diamond"), "Aid": ("#E69F00", "triangle"), "ExpertTeam": ("#56B4E9", "triangle"),
    "InfoSharing": ("#000000", "triangle"), "Visit": ("#D55E00", "triangle"), "Event": ("#999999", "triangle"),
    "Statement": ("#BBBBBB", "triangleDown"),
}
"""Colour and shape of each class: the Okabe–Ito colours, which readers with any common colour-vision
deficiency can tell apart, and a shape per class, so that classes sharing a colour differ in shape and
actors (round, square, star) look unlike events (diamond, triangle)."""
UNKNOWN_COLOUR = "#777777"
SHAPES = {"actor": "dot", "event": "diamond", "statement": "triangleDown"}
"""The shape of a class that :data:`STYLES` does not list, by kind."""
_VIS_DIR = "templates/lib/vis-9.1.2"
T = TypeVar("T")
_DETAIL_FIELDS = ("role", "affiliation", "affiliation_label", "verb", "text")
"""A node's fields the details panel shows as they are, when set."""
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def event_network(graph: rdflib.Graph) -> nx.Graph:
    """The actors, events and statements of ``graph`` as one networkx graph.

    Nodes are IRIs (``str``) with attributes ``kind`` ("actor", "event",
    "statement"), ``cls`` (the most specific jishi class), ``label``,
    ``names`` (every label and altLabel), ``date`` (ISO string or None),
    ``approx`` (the date is approximate), ``evidence`` (``(document, start,
    end, quote)`` tuples), for actors ``role``, ``affiliation`` (IRI),
    ``affiliation_label`` and ``wikidata`` (entity IRIs), for statements
    ``verb`` and ``text``. Edges carry ``roles``: the properties that link the
    two nodes. ``net.graph["documents"]`` maps each document IRI to its
    ``id``, ``title``, ``date`` and ``source`` (a web address or "").

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
    import networkx as nx

    net = nx.Graph(documents=_documents(facts))
    for node in sorted(kinds):
        kind, cls = kinds[node]
        net.add_node(str(node), **_node_attributes(facts, node, kind, cls))
    for node in sorted(kinds):
        for role, other in _links(facts, node, kinds[node][0]):
            if other in kinds:
                _add_role(net, str(node), str(other), role)
    return net


def actor_network(graph: rdflib.Graph | nx.Graph | Network) -> nx.Graph | Network:
    """Actor–actor network: two actors linked by the events they share.

    ``graph`` is the rdflib graph, or an :func:`event_network` already built (or the
    :class:`graph.network.Network` a build makes; the actor network is then one too).
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
    net = event_network(graph) if isinstance(graph, rdflib.Graph) else graph
    actors = type(net)()
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


def network_data(graph: rdflib.Graph | nx.Graph | Network, texts: Mapping[str, str] | None = None,
                 memo: Memo | None = None) -> dict:
    """Everything the page shows, as plain JSON-ready data (sorted, deterministic).

    Keys: ``events`` and ``actors`` (each ``{"nodes", "edges", "physics"}`` in
    vis-network's item format plus our fields ``kind``, ``cls``, ``date``,
    ``search`` and ``detail``, what the details panel shows), ``legend``,
    ``types`` (fact classes with counts), ``actorClasses``, ``dates`` (first
    and last date), ``documents`` (what an evidence cites), ``roles`` (the
    ontology's labels of the role properties), ``roleWords`` (a role's words
    in one event class, :func:`role_words`), ``formulaStarts`` (what a
    CSV cell must not start with), ``folds`` (groups of the event view drawn
    as one node on a large page, :func:`graph.fold.folds`) and ``foldNote``
    (what they hold). ``texts`` maps a document identifier to
    its text, so that each evidence is shown in its full sentence; without
    it, or when a quote is not found where the graph says, the quote alone.
    ``graph`` is the rdflib graph, or the event network a build makes of its
    resolved facts (:func:`graph.resolved_net.event_network_of`, which names
    each actor's country in ``net.graph["countries"]``). A ``memo`` keeps
    layouts and script conversions between builds (:class:`graph.cache.Memo`):
    the data are the same with it or without.

    Examples
    --------
    >>> g = rdflib.Graph().parse(data='''
    ... @prefix jishi: <https://w3id.org/jishi/ontology#> .
    ... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    ... <urn:a> a jishi:Person ; rdfs:label "谭德塞"@zh-Hans .''', format="turtle")
    >>> "譚德塞" in network_data(g)["events"]["nodes"][0]["search"]
    True
    """
    return _page_data(graph, texts or {}, memo, _node_item)


def _page_data(graph: rdflib.Graph | nx.Graph | Network, texts: Mapping[str, str], memo: Memo | None,
               node_item: Callable[[str, dict, int, tuple[float, float] | None, _Page], T]) -> dict:
    """:func:`network_data`, each view's nodes made by ``node_item`` (a dict, or the page's JSON of it)."""
    net = event_network(graph) if isinstance(graph, rdflib.Graph) else graph
    actors = actor_network(net)
    styles = class_styles(net)
    documents = net.graph["documents"]
    page = _Page(styles, _canvas_labels(net), documents, texts, memo)
    shapes = actor_shapes(actors, memo)
    folded = folds(net, (lambda actor: _country_name(graph, actor)) if isinstance(graph, rdflib.Graph)
                   else net.graph["countries"].__getitem__)
    return {
        "folds": folded,
        "foldNote": fold_note(net, folded),
        "events": _view(net, shapes, _event_edges(net), page, node_item),
        "actors": _view(actors, shapes, _actor_edges(actors), page, node_item),
        "legend": [{"cls": cls, "kind": kind, "color": colour, "shape": shape, "label": class_label(cls, "zh-Hans")}
                   for (kind, cls), (colour, shape) in styles.items()],
        "types": _class_counts(net, lambda kind: kind != "actor", EVENT_CLASSES + (STATEMENT_CLASS,)),
        "actorClasses": _class_counts(net, lambda kind: kind == "actor", ACTOR_CLASSES),
        "dates": _date_range(net),
        "documents": documents,
        "roles": {role: term_label(JISHI[role], "zh-Hans") or role for role in EDGE_ROLES},
        "roleWords": role_words(),
        "formulaStarts": list(FORMULA_STARTS),
    }


def _country_name(graph: rdflib.Graph, actor: str) -> str:
    """The zh-Hans name of the country an actor is or belongs to (blank if none): actor folds are by country."""
    country = country_of(graph, rdflib.URIRef(actor))
    return "" if country is None else label_in(graph, country, "zh-Hans") or local(country)


def render_network(graph: rdflib.Graph | nx.Graph | Network, title: str = DEFAULT_TITLE, texts: Mapping[str, str] | None = None,
                   memo: Memo | None = None) -> str:
    """The complete HTML page for ``graph``: template, inlined vis-network, our JS and CSS, the data."""
    return b"".join(piece.encode("utf-8") if isinstance(piece, str) else piece
                    for piece in _page(graph, title, texts, memo)).decode("utf-8")


def _page(graph: rdflib.Graph | nx.Graph | Network, title: str, texts: Mapping[str, str] | None,
          memo: Memo | None) -> list[str | bytes]:
    """:func:`render_network`'s page in pieces, text or UTF-8 (the nodes' JSON, kept so in the memo)."""
    data = _page_data(graph, texts or {}, memo, _node_json)
    data["title"] = title
    details = _take_details(data)
    values = {
        "title": [html.escape(title)],
        "vis_css": [_inline(_vis_asset("vis-network.css"), "style")],
        "vis_js": [_inline(_vis_asset("vis-network.min.js"), "script")],
        "page_css": [_inline(_template("network.css"), "style")],
        "page_js": [_inline(_template("fold.js") + _template("network.js"), "script")],
        "data": _page_json(data),
        "details": [details],
    }
    pieces: list[str | bytes] = []
    for index, part in enumerate(re.split(r"\{\{ (\w+) \}\}", _template("network.html"))):
        pieces += values[part] if index % 2 else [part]
    return pieces


def _take_details(data: dict) -> bytes:
    """Put each view's nodes into ``data`` as their JSON, and return their details' JSON (node id → detail).

    The details (every evidence in its sentence) are most of a large page; the
    page parses them only when a details panel first opens, so it opens sooner,
    from a script of their own.
    """
    details = {}
    for view in ("events", "actors"):
        nodes = data[view]["nodes"]
        data[view]["nodes"] = b"[" + b",".join([node.item for node in nodes]) + b"]"
        details.update((node.id, node.detail) for node in nodes)
    return b"{" + b",".join([details[node] for node in sorted(details)]) + b"}"


def write_network(graph: rdflib.Graph | nx.Graph | Network, path: str | os.PathLike, title: str = DEFAULT_TITLE,
                  texts: Mapping[str, str] | None = None, memo: Memo | None = None) -> Path:
    """Write the interactive page for ``graph`` to ``path`` (UTF-8, atomically) and return the path.

    The page is one file that works with no network at all. ``texts``
    (document identifier → text) lets the page show each quote in its sentence;
    ``memo`` keeps what a rebuild need not compute again (see :func:`network_data`).

    Examples
    --------
    >>> from graph import load                                        # doctest: +SKIP
    >>> write_network(load("out/graph.ttl"), "out/network.html")      # doctest: +SKIP
    PosixPath('out/network.html')
    """
    return write_atomic(path, _page(graph, title, texts, memo))


@lru_cache(maxsize=1)
def role_words() -> dict[str, dict[str, dict[str, str]]]:
    """Event class → role → its words on the page (``zh``, ``en``), from ``ontology/lexicon/role_words.csv``.

    A message's provider is its sender, an aid's its giver: the ontology's one
    label per property (提供方) reads oddly for some classes.

    >>> role_words()["Message"]["provider"]
    {'zh': '发送方', 'en': 'sender'}
    """
    found: dict[str, dict[str, dict[str, str]]] = defaultdict(dict)
    with ROLE_WORDS.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            found[row["class"]][row["role"]] = {"zh": row["zh-Hans"], "en": row["en"]}
    return dict(found)


def script_json(data: object) -> str:
    """``data`` as JSON that is safe inside a ``<script>`` element.

    ``<``, ``>`` and ``&`` become ``\\u003c`` … so no text can close the
    element or open a comment; U+2028/9 are escaped for old JS parsers.

    >>> script_json({"label": "</script><b>"})
    '{"label":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for mark, escaped in _JSON_ESCAPES.items():  # str.replace: a page's 15 MB in a third of a regex's time
        text = text.replace(mark, escaped)
    return text


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


def _documents(facts: _Facts) -> dict[str, dict]:
    """Document IRI → what the details panel cites: identifier, title, date and source link."""
    found = {}
    for doc in sorted(node for node, cls in facts.typed() if cls == JISHI.Document):
        source = facts.value(doc, DCTERMS.source)
        date = facts.value(doc, DCTERMS.date)
        title = facts.value(doc, DCTERMS.title)
        found[str(doc)] = {
            "id": str(facts.value(doc, DCTERMS.identifier) or local(doc)),
            "title": str(title) if title is not None else "",
            "date": str(date) if date is not None else "",
            "source": _link(source),
        }
    return found


def _link(term: rdflib.term.Node | None) -> str:
    """A web address the page may link to (http or https), else the empty string."""
    text = str(term) if isinstance(term, rdflib.URIRef) else ""
    return text if re.match(r"https?://", text) else ""


def _labels(facts: _Facts, node: rdflib.term.Node) -> list[rdflib.Literal]:
    """rdfs:label literals in the order a reader of Chinese wants them: zh-Hans, zh-Hant, en, others."""
    found = [o for o in facts.objects(node, RDFS.label) if isinstance(o, rdflib.Literal)]
    return sorted(found, key=lambda lit: reading_order(str(lit), lit.language))


def _node_attributes(facts: _Facts, node: rdflib.URIRef, kind: str, cls: str) -> dict:
    labels = _labels(facts, node)
    alts = sorted(str(o) for o in facts.objects(node, SKOS.altLabel))
    date = facts.value(node, JISHI.date)
    approx = facts.value(node, JISHI.dateApprox)
    return {
        "kind": kind, "cls": cls, "names": sorted({str(lit) for lit in labels} | set(alts)),
        "label": str(labels[0]) if labels else local(node),
        "date": str(date) if date is not None else None,
        "approx": bool(approx is not None and approx.toPython()),
        "evidence": _evidence(facts, node),
        **_own_facts(facts, node, kind),
    }


def _own_facts(facts: _Facts, node: rdflib.URIRef, kind: str) -> dict:
    """What the details panel says of an actor (role, affiliation, Wikidata) or a statement (verb, words)."""
    if kind == "actor":
        affiliation = facts.value(node, JISHI.affiliation)
        return {
            "role": _text(facts.value(node, JISHI.role)),
            "affiliation": str(affiliation) if affiliation is not None else None,
            "affiliation_label": str(_labels(facts, affiliation)[0]) if affiliation is not None
            and _labels(facts, affiliation) else None,
            "wikidata": sorted(str(o) for o in facts.objects(node, SKOS.exactMatch) if str(o).startswith(str(WD))),
        }
    if kind == "statement":
        return {"verb": _text(facts.value(node, JISHI.reportingVerb)), "text": _text(facts.value(node, JISHI.text))}
    return {}


def _text(term: rdflib.term.Node | None) -> str | None:
    return str(term) if term is not None else None


def _evidence(facts: _Facts, node: rdflib.URIRef) -> list[tuple[str, int, int, str]]:
    """(document IRI, start, end, quote) of every evidence, sorted by document then offset."""
    found = []
    for ev in facts.objects(node, JISHI.evidence):
        doc, start, end = (facts.value(ev, JISHI[p]) for p in ("document", "start", "end"))
        quote = facts.value(ev, JISHI.quote)
        found.append((str(doc) if doc is not None else "", int(start) if start is not None else -1,
                      int(end) if end is not None else -1, str(quote or "")))
    return sorted(found)


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

def class_styles(net: nx.Graph | Network) -> dict[tuple[str, str], tuple[str, str]]:
    """(kind, class) → (colour, shape) of the classes in ``net``, in the contract's order.

    A class keeps its style across graphs (:data:`STYLES`); a class the
    ontology does not know gets grey and its kind's shape.
    """
    order = ([("actor", c) for c in ACTOR_CLASSES] + [("event", c) for c in EVENT_CLASSES]
             + [("statement", STATEMENT_CLASS)])
    present = {(d["kind"], d["cls"]) for _, d in net.nodes(data=True)}
    ranked = [k for k in order if k in present] + sorted(present - set(order))
    return {(kind, cls): STYLES.get(cls, (UNKNOWN_COLOUR, SHAPES[kind])) for kind, cls in ranked}


def class_colours(net: nx.Graph | Network) -> dict[tuple[str, str], str]:
    """(kind, class) → colour: the colours of :func:`class_styles` (charts use them too)."""
    return {key: colour for key, (colour, _) in class_styles(net).items()}


@dataclass(frozen=True)
class _Page:
    """What every node of the page is drawn with."""

    styles: dict[tuple[str, str], tuple[str, str]]
    labels: dict[str, str]
    documents: dict[str, dict]
    texts: Mapping[str, str]
    memo: Memo | None
    digests: dict[str, bytes] = field(default_factory=dict)

    def digest(self, doc: str) -> bytes:
        """A SHA-256 of the text an evidence of document ``doc`` is shown in (empty if none): its sentence's source."""
        found = self.digests.get(doc)
        if found is None:
            raw = self.texts.get(self.documents.get(doc, {}).get("id", ""))
            found = b"" if raw is None else hashlib.sha256(raw.encode("utf-8", "surrogatepass")).digest()
            self.digests[doc] = found
        return found


@dataclass(frozen=True)
class _NodeJSON:
    """One node's JSON on the page (UTF-8): its vis-network item, and ``"id":detail`` for the details' script."""

    id: str
    item: bytes
    detail: bytes


def _view(net: nx.Graph | Network, shapes: list[Shape], edges: list[dict], page: _Page,
          node_item: Callable[[str, dict, int, tuple[float, float] | None, _Page], T]) -> dict:
    """One view's vis-network items; ``shapes`` are the actor network's components, laid out once for both views."""
    positions = layout(net, shapes)
    degree = dict(net.degree())
    nodes = [node_item(node, data, degree[node], positions.get(node), page)
             for node, data in sorted(net.nodes(data=True))]
    return {"nodes": nodes, "edges": edges, "physics": not positions}


def _node_item(node: str, data: dict, degree: int, position: tuple[float, float] | None, page: _Page) -> dict:
    """One node as vis-network draws it, with what the page's filters, search and panel read."""
    kind = data["kind"]
    colour, shape = page.styles[(kind, data["cls"])]
    item = {
        "id": node, "kind": kind, "cls": data["cls"], "date": data["date"], "approx": data["approx"],
        "label": page.labels[node], "shape": shape, "color": colour,
        "size": round(_size(kind, degree), 1), "font": {"size": _font_size(kind, degree)},
        "search": _search_index(data, page.memo), "detail": _detail(data, page.documents, page.texts, page.memo),
    }
    if position is not None:
        item["x"], item["y"] = position
    return item


def _node_json(node: str, data: dict, degree: int, position: tuple[float, float] | None, page: _Page) -> _NodeJSON:
    """:func:`_node_item` as the page's JSON, kept in the memo under everything it is made from but the position.

    Adding a document to a corpus changes a few nodes of thousands, yet every
    node's item, details (each evidence in its sentence) and JSON were made anew:
    the largest part of a rebuild's page. The position comes last in the item's
    sorted keys (``x``, ``y``), so it is written after the kept text: a layout
    that moves every node still reuses every node's text. The text is kept as
    UTF-8, which the memo reads back and the page is written in as it is.
    """
    def make() -> tuple[bytes, bytes]:
        item = _node_item(node, data, degree, None, page)
        detail = item.pop("detail")
        return script_json(item)[:-1].encode("utf-8"), f"{script_json(node)}:{script_json(detail)}".encode("utf-8")

    head, detail = make() if page.memo is None else page.memo.get("nodes", _node_key(node, data, degree, page), make)
    place = b"}" if position is None else (',"x":%s,"y":%s}' % tuple(map(float.__repr__, position))).encode()
    return _NodeJSON(node, head + place, detail)


def _node_key(node: str, data: dict, degree: int, page: _Page) -> tuple:
    """Everything :func:`_node_json` reads but the position: the node's fields, degree and label, and its
    evidence with a digest of each one's document (the sentence it is shown in is cut from the text)."""
    fields = (data["kind"], data["cls"], data["date"], data["approx"], data["label"], tuple(data["names"]),
              *(data.get(name) for name in _DETAIL_FIELDS), tuple(data.get("wikidata") or ()))
    if data["kind"] == "actor":  # its details show no evidence
        return node, degree, page.labels[node], fields
    evidence = tuple(data["evidence"])
    return node, degree, page.labels[node], fields, evidence, tuple(page.digest(doc) for doc, *_ in evidence)


def _page_json(data: dict) -> list[str | bytes]:
    """:func:`script_json` of ``data`` in pieces, where bytes (in ``data`` or a dict in it) are JSON already made."""
    pieces: list[str | bytes] = ["{"]
    for index, key in enumerate(sorted(data)):
        value = data[key]
        pieces.append(("," if index else "") + script_json(key) + ":")
        if isinstance(value, bytes):
            pieces.append(value)
        elif isinstance(value, dict) and any(isinstance(inner, bytes) for inner in value.values()):
            pieces += _page_json(value)
        else:
            pieces.append(script_json(value))
    pieces.append("}")
    return pieces


def _canvas_labels(net: nx.Graph | Network) -> dict[str, str]:
    """Actors by name; an event by its class's Chinese name, its parties and date ("通电话 习近平–普京 03-19").

    Dates in the year most facts fall in are written month-day, others in
    full; a statement is named by its speaker and reporting verb.
    """
    years = Counter(d["date"][:4] for _, d in net.nodes(data=True) if d["date"])
    main_year = min(years, key=lambda y: (-years[y], y)) if years else ""
    degree = dict(net.degree())  # read once: a networkx degree view made per look-up was half of the labels' time
    labels = {}
    for node, data in net.nodes(data=True):
        if data["kind"] == "actor":
            labels[node] = data["label"]
            continue
        date = data["date"] or ""
        date = date[5:] if date[:4] == main_year else date
        parts = ([class_label(data["cls"], "zh-Hans"), _parties(net, node, degree)] if data["kind"] == "event"
                 else [_parties(net, node, degree), data.get("verb") or ""])
        labels[node] = " ".join(part for part in parts + [date] if part)
    return labels


def _parties(net: nx.Graph | Network, node: str, degree: dict[str, int]) -> str:
    """An event's parties: givers first and "→" before the receivers ("中国→意大利"), the others by degree.

    Between the others "–"; the best-linked actor comes first ("习近平–普京").
    """
    links, attributes = net[node], net.nodes

    def side(other: str) -> int:
        roles = links[other]["roles"]
        return 0 if "provider" in roles or "speaker" in roles else 2 if "recipient" in roles else 1

    everyone = sorted((o for o, link in links.items() if attributes[o]["kind"] == "actor"
                       and not PARTY_ROLES.isdisjoint(link["roles"])),
                      key=lambda o: (side(o), -degree[o], attributes[o]["label"]))
    members = everyone[:PARTIES_MAX]
    text = ""
    for index, other in enumerate(members):
        if index:
            text += "→" if side(members[index - 1]) == 0 and side(other) == 2 else "–"
        text += attributes[other]["label"]
    return text + ("…" if len(everyone) > PARTIES_MAX else "")


def _size(kind: str, degree: int) -> float:
    base = {"actor": 10.0, "event": 8.0, "statement": 5.0}[kind]
    return base + (4.0 if kind == "actor" else 1.5) * math.sqrt(degree)


def _font_size(kind: str, degree: int) -> int:
    """Bigger labels for better-linked actors, so the main names can be read at the opening zoom."""
    if kind != "actor":
        return 11
    return min(14 + 4 * round(math.sqrt(degree)), 48)


def _detail(data: dict, documents: dict[str, dict], texts: Mapping[str, str], memo: Memo | None) -> dict:
    """What the details panel shows beyond the links: names, role, affiliation, words, every evidence."""
    found = {"names": data["names"],
             "evidence": [] if data["kind"] == "actor" else [_evidence_item(ev, documents, texts)
                                                            for ev in data["evidence"]]}
    for key, name in zip(_DETAIL_FIELDS, ("role", "affiliation", "affiliationLabel", "verb", "text")):
        if data.get(key):
            found[name] = data[key]
    if data["kind"] == "actor":
        found["scripts"] = _remember(memo, "scripts", data["label"], lambda: _scripts(data["label"]))
    if data.get("wikidata"):
        found["wikidata"] = [WIKIDATA_PAGE + local(rdflib.URIRef(qid)) for qid in data["wikidata"]]
    return found


def _evidence_item(evidence: tuple[str, int, int, str], documents: dict[str, dict],
                   texts: Mapping[str, str]) -> dict:
    """One evidence as the panel shows it: the sentence around the quote and where the quote sits in it."""
    doc, start, end, quote = evidence
    raw = texts.get(documents.get(doc, {}).get("id", ""))
    if raw is None or start < 0 or raw[start:end] != quote:
        return {"doc": doc, "sentence": quote, "at": [0, len(quote)]}
    sentence, left = sentence_around(raw, start, end)
    return {"doc": doc, "sentence": sentence, "at": [start - left, end - left]}


def sentence_around(raw: str, start: int, end: int) -> tuple[str, int]:
    """The sentence (or sentences) of ``raw`` that hold ``raw[start:end]``, and where it starts in ``raw``.

    A sentence ends at 。！？!? or a line break; at most :data:`CONTEXT_MAX`
    characters are kept on either side of the quote, and outer blanks dropped.

    >>> sentence_around("前文。中国国家主席习近平应约同俄罗斯总统普京通电话。习近平指出", 13, 26)
    ('中国国家主席习近平应约同俄罗斯总统普京通电话。', 3)
    """
    # Marks are looked for only as far as CONTEXT_MAX reaches (a mark farther off changes nothing):
    # one absent from the document (!) was searched for through all of it, for every evidence.
    near, far = max(start - CONTEXT_MAX - 1, 0), end + CONTEXT_MAX + 1
    left = max([raw.rfind(mark, near, start) for mark in SENTENCE_ENDS]) + 1
    ends = [i for i in (raw.find(mark, max(end - 1, start), far) for mark in SENTENCE_ENDS) if i >= 0]
    right = min(ends) + 1 if ends else len(raw)
    left, right = max(left, start - CONTEXT_MAX), min(right, end + CONTEXT_MAX)
    while left < start and raw[left].isspace():
        left += 1
    while right > end and raw[right - 1].isspace():
        right -= 1
    return raw[left:right], left


def _search_index(data: dict, memo: Memo | None) -> list[str]:
    """Every name in both scripts, lower-cased, so 譚德塞 finds 谭德塞 and back."""
    names = tuple(data["names"] or [data["label"]])
    return _remember(memo, "search", names, lambda: sorted(f.lower() for f in {f for n in names for f in _both(n)}))


def _scripts(label: str) -> list[str]:
    """A name in Simplified, then Traditional characters (once if the same)."""
    return list(dict.fromkeys(_both(label)[1:]))


def _both(name: str) -> tuple[str, str, str]:
    """A name as it is, in Simplified and in Traditional characters."""
    return name, _convert(name, "t2s"), _convert(name, "s2t")


def _remember(memo: Memo | None, kind: str, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, through ``memo`` when there is one: OpenCC (pure Python) is a third of the page's CPU."""
    return compute() if memo is None else memo.get(kind, key, compute)


@cache
def _converter(config: str):
    from opencc import OpenCC

    return OpenCC(config)


@lru_cache(maxsize=65536)
def _convert(text: str, config: str) -> str:
    return _converter(config).convert(text)


def _event_edges(net: nx.Graph | Network) -> list[dict]:
    """Actor–fact edges, pointing the way the role reads: giver → event → receiver, requester → event.

    ``roles`` are all the properties that link the two; ``role`` is the one the
    edge is drawn and labelled by (any but ``participant``, when there is one).
    The kinds are read once and each pair ordered by one comparison, not a sort
    and two node look-ups per edge: the 10 MB corpus's page has 13,283 edges.
    """
    kinds = dict(net.nodes(data="kind"))
    edges = []
    for a, b, data in sorted(net.edges(data=True), key=lambda e: (e[0], e[1]) if e[0] <= e[1] else (e[1], e[0])):
        actor, fact = (a, b) if (kinds[a] != "actor", a) < (kinds[b] != "actor", b) else (b, a)
        role = next((r for r in data["roles"] if r != "participant"), data["roles"][0])
        source, target = (fact, actor) if role in TO_ACTOR else (actor, fact)
        if role == "during":
            source, target = sorted((a, b), key=lambda n: kinds[n] != "statement")
        edges.append({"id": f"{a} {b}", "from": source, "to": target, "roles": list(data["roles"]), "role": role,
                      "arrows": "" if role == "participant" else "to", "dashes": role == "during"})
    return edges


def _actor_edges(actors: nx.Graph | Network) -> list[dict]:
    edges = []
    for a, b, data in sorted(actors.edges(data=True), key=lambda e: tuple(sorted(e[:2]))):
        a, b = sorted((a, b))
        edges.append({"id": f"{a} {b}", "from": a, "to": b, "value": data["weight"], "events": data["events"],
                      "title": f"{actors.nodes[a]['label']} – {actors.nodes[b]['label']}: {data['weight']}"})
    return edges


def _class_counts(net: nx.Graph | Network, keep, order: tuple[str, ...]) -> list[dict]:
    """How many nodes of each class pass ``keep(kind)``, in ``order`` then by name, with the class's Chinese name."""
    counts: dict[str, int] = defaultdict(int)
    for _, data in net.nodes(data=True):
        if keep(data["kind"]):
            counts[data["cls"]] += 1
    rank = {c: i for i, c in enumerate(order)}
    return [{"cls": c, "count": counts[c], "label": class_label(c, "zh-Hans")}
            for c in sorted(counts, key=lambda c: (rank.get(c, len(rank)), c))]


def _date_range(net: nx.Graph | Network) -> list[str | None]:
    dates = sorted(d["date"] for _, d in net.nodes(data=True) if d["date"])
    return [dates[0], dates[-1]] if dates else [None, None]


# ---- assets ----------------------------------------------------------------------------------

def _vis_asset(name: str) -> str:
    """A file of the vis-network build that pyvis ships (the only use of pyvis).

    The files are found without importing pyvis: its ``__init__`` imports
    IPython and Jinja, a tenth of a CPU-second, a twentieth of a rebuild.
    """
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the network page needs pyvis for its vis-network files: pip install pyvis")
    return (Path(spec.submodule_search_locations[0]) / _VIS_DIR / name).read_text(encoding="utf-8")


def _template(name: str) -> str:
    return (resources.files("graph") / "templates" / name).read_text(encoding="utf-8")


def _inline(text: str, tag: str) -> str:
    """Refuse an asset that would end its own ``<script>``/``<style>`` element early."""
    if re.search(f"</{tag}|<!--", text, re.IGNORECASE):
        raise ValueError(f"asset cannot be inlined in <{tag}>: it contains </{tag} or <!--")
    return text
