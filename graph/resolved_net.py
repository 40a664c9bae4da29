"""The page's event network made from a build's resolved facts, without reading the Turtle back.

>>> import datetime as dt
>>> from graph.model import Actor, DocumentInfo, Event, Resolved, Span
>>> wang = Actor("person/wang-yi", "Person", (("王毅", "zh-Hans"),))
>>> call = Event("e1", "PhoneCall", dt.date(2020, 3, 19), False, ("person/wang-yi",), ())
>>> net = event_network_of(Resolved((DocumentInfo("a.txt"),), (wang,), (call,), ()))
>>> sorted(net.nodes(data="label"))[0][1]
'王毅'

Why: a build used to write ``graph.ttl``, parse it again into rdflib and read
every triple back (:func:`graph.viz.event_network`) to draw ``network.html``;
on a 10 MB corpus that took 3.3 of the page's 6 CPU-s, and adding one document
paid it again. The resolved facts are what the Turtle is written from
(:mod:`graph.emit`), so the same network comes from them directly: the same
nodes (IRIs as emit mints them), the same attributes (labels, dates, evidence
with the quotes the graph holds), the same edges. ``net.graph["countries"]``
names each actor's country (what :func:`graph.viz.network_data` folds minor
actors by), as :func:`graph.export._common.country_of` finds it in the graph.
A test checks, on the seeds, that this network equals the one read from the
graph the same build writes, attribute for attribute.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from . import emit
from .export._common import local, reading_order
from .model import Actor, Document, DocumentInfo, Event, Quotes, Resolved, Span, Statement
from .network import Network
from .ns import WD
from .viz import ACTOR_CLASSES, EVENT_CLASSES, ROLE_PROPERTIES

__all__ = ["event_network_of"]


def event_network_of(resolved: Resolved, texts: Mapping[str, str] | None = None,
                     actor_evidence: bool = True) -> Network:
    """The network :func:`graph.viz.event_network` reads from the graph ``resolved`` is written as.

    Quotes are cut from ``texts`` (each document's whole text by its id) when the
    caller holds them already, else read from ``resolved.texts`` (or the documents).
    Without ``actor_evidence`` an actor's ``evidence`` is left empty: the page shows
    none (an actor's details are its names and links), so a build's page network leaves
    out the cutting and sorting of most quotes (19,875 of 30,868 on a 10 MB corpus, 0.045 CPU-s).
    """
    quotes = emit.quotes_of(resolved) if texts is None else _Sliced(texts)
    actors = {_iri(emit.actor_iri(a.key)): a for a in resolved.actors if a.cls in ACTOR_CLASSES}
    events = {_iri(emit.iri("event/" + e.key)): e for e in resolved.events if e.cls in EVENT_CLASSES}
    statements = {_iri(emit.iri("statement/" + s.key)): s for s in resolved.statements}
    net = Network(documents=_documents(resolved.documents), countries=_countries(actors))
    known = _Known(actors, quotes, {a.key: a.labels[0][0] for a in resolved.actors},
                   {doc.id: _iri(emit.doc_iri(doc.id)) for doc in resolved.documents}, actor_evidence)
    nodes = {**actors, **events, **statements}
    order = sorted(nodes)
    net.add_nodes_from((node, _attributes(node, nodes[node], known)) for node in order)
    net.add_edges_from(_edges(order, nodes))
    return net


@dataclass(frozen=True)
class _Known:
    """What every node's attributes are made with: the actors by node, the quotes, each actor key's first
    name (for event labels) and each document's node, made once rather than for each of 30,000 quotes."""

    actors: dict[str, Actor]
    quotes: Quotes
    names: dict[str, str]
    documents: dict[str, str]
    actor_evidence: bool = True

    def document(self, doc_id: str) -> str:
        """The node of the document ``doc_id``."""
        return self.documents.get(doc_id) or _iri(emit.doc_iri(doc_id))


def _edges(order: list[str], nodes: dict[str, Actor | Event | Statement]) -> list[tuple[str, str, dict]]:
    """Every link between two of ``nodes`` as (node, other, {"roles": every role that links them, sorted}).

    Pairs come in the order their first link is met going through ``order``, as
    each was once added to the network link by link (13,000 networkx look-ups),
    so the network's neighbours are in the same order.
    """
    roles: dict[tuple[str, str], set[str]] = {}
    for node in order:
        for role, other in _links(nodes[node]):
            if other in nodes:
                pair = (other, node) if (other, node) in roles else (node, other)
                roles.setdefault(pair, set()).add(role)
    return [(node, other, {"roles": tuple(sorted(found))}) for (node, other), found in roles.items()]


class _Sliced:
    """Quotes cut from whole texts held in memory, as :meth:`graph.texts.SpilledTexts.quote` reads them."""

    def __init__(self, texts: Mapping[str, str]) -> None:
        self._texts = texts

    def quote(self, span: Span) -> str:
        return self._texts[span.doc_id][span.start:span.end]


def _iri(term: str) -> str:
    """The IRI of a Turtle IRI term as emit writes it (``<…>``, or ``wd:Q…``)."""
    return WD + term[3:] if term.startswith("wd:") else term[1:-1]


def _documents(documents: Iterable[Document | DocumentInfo]) -> dict[str, dict]:
    """Document IRI → identifier, title, date and web address, as :func:`graph.viz.event_network` reads them."""
    found = {}
    for doc in documents:
        meta = doc.meta
        source = emit.web_iri(meta.source) if meta.source else None
        link = _iri(source) if source else ""
        found[_iri(emit.doc_iri(doc.id))] = {
            "id": emit.display_name(doc.id), "title": meta.title or "",
            "date": meta.date.isoformat() if meta.date else "",
            "source": link if re.match(r"https?://", link) else "",
        }
    return dict(sorted(found.items()))


def _labels(actor: Actor) -> list[str]:
    """An actor's labels in the order a reader of Chinese wants them (as :func:`graph.viz._labels`)."""
    return [text for text, _ in sorted(set(actor.labels), key=lambda pair: reading_order(*pair))]


def _attributes(node: str, fact: Actor | Event | Statement, known: _Known) -> dict:
    """The attributes of ``node``, the node of ``fact`` (see :func:`graph.viz.event_network`)."""
    evidence = _evidence(fact, known) if known.actor_evidence or not isinstance(fact, Actor) else []
    if isinstance(fact, Actor):
        labels = _labels(fact)
        affiliation = _iri(emit.actor_iri(fact.affiliation)) if fact.affiliation else None
        owner = known.actors.get(affiliation) if affiliation else None
        return {"kind": "actor", "cls": fact.cls, "names": sorted(set(labels) | {t for t, _ in fact.alt_labels}),
                "label": labels[0] if labels else local(node), "date": None, "approx": False,
                "evidence": evidence, "role": fact.role or None, "affiliation": affiliation,
                "affiliation_label": _labels(owner)[0] if owner is not None and owner.labels else None,
                "wikidata": [WD + fact.wikidata] if fact.wikidata else []}
    date = fact.date.isoformat() if fact.date else None
    if isinstance(fact, Event):
        label = emit.event_label(fact, known.names)
        return {"kind": "event", "cls": fact.cls, "names": [label], "label": label, "date": date,
                "approx": bool(fact.approx), "evidence": evidence}
    return {"kind": "statement", "cls": "Statement", "names": [],
            "label": local(node), "date": date, "approx": False,
            "evidence": evidence, "verb": fact.verb, "text": fact.text}


def _evidence(fact: Actor | Event | Statement, known: _Known) -> list[tuple[str, int, int, str]]:
    """(document node, start, end, quote) of each of ``fact``'s evidence spans, once each, in order."""
    spans = {(span.doc_id, span.start, span.end): span for span in fact.evidence}
    return sorted((known.document(doc_id), start, end, known.quotes.quote(span))
                  for (doc_id, start, end), span in spans.items())


def _links(fact: Actor | Event | Statement) -> Iterable[tuple[str, str]]:
    """(role, other node) pairs leaving a fact, as the graph links them."""
    if isinstance(fact, Event):
        keys = {"participant": fact.participants, "provider": (fact.provider,), "recipient": (fact.recipient,),
                "requestedBy": (fact.requested_by,)}
        for role in ROLE_PROPERTIES:
            for key in keys[role]:
                if key:
                    yield role, _iri(emit.actor_iri(key))
    elif isinstance(fact, Statement):
        yield "speaker", _iri(emit.actor_iri(fact.speaker))
        if fact.during:
            yield "during", _iri(emit.iri("event/" + fact.during))


def _countries(actors: dict[str, Actor]) -> dict[str, str]:
    """Each actor's country's zh-Hans name: itself if a Country, else the first up its affiliations ("" if none)."""
    found = {}
    for node in actors:
        seen, at = {node}, node
        while at in actors and actors[at].cls != "Country" and actors[at].affiliation:
            at = _iri(emit.actor_iri(actors[at].affiliation))
            if at in seen:
                break
            seen.add(at)
        country = actors.get(at)
        if country is None or country.cls != "Country":
            found[node] = ""
            continue
        names = sorted(text for text, lang in country.labels if lang.lower() == "zh-hans")
        found[node] = names[0] if names else local(_iri(emit.actor_iri(country.key)))
    return found
