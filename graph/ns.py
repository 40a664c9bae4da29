"""The namespaces the graph uses.

``JISHI`` is the ontology (``ontology/jishi.ttl``), a closed namespace in the
manner of rdflib's own vocabularies: a term it does not define raises an
error instead of quietly minting a predicate nobody queries, so a typo such as
a misspelt ``particpant`` fails at once. ``tests/test_ns.py`` checks that the terms
listed here are exactly the terms ``jishi.ttl`` defines.

The event classes are the subclasses of ``jishi:Event`` that ``jishi.ttl``
defines (:func:`event_classes`): model, emit, viz and the trigger lexicon take
them from there, so a new class is one ontology entry, and a class the ontology
lacks fails when the lexicon is read or a triple is written.

``JID`` holds resources (``jid:actor/…``, ``jid:event/…``, ``jid:statement/…``,
``jid:doc/…``) and is open: its local names are minted from keys.

>>> JISHI.PhoneCall
rdflib.term.URIRef('https://w3id.org/jishi/ontology#PhoneCall')
>>> JISHI["speaker"] == JISHI.speaker
True
>>> "Visit" in event_classes()
True
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from rdflib import Namespace, URIRef
from rdflib.namespace import RDFS, DefinedNamespace

__all__ = ["JISHI", "JID", "WD", "ONTOLOGY", "event_classes", "class_term", "term_label"]

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology" / "jishi.ttl"


class JISHI(DefinedNamespace):
    """The jishi ontology: classes and properties of ``ontology/jishi.ttl``."""

    _NS = Namespace("https://w3id.org/jishi/ontology#")
    _fail = True

    # Documents
    Document: URIRef
    genre: URIRef
    # Actors
    Actor: URIRef
    Person: URIRef
    Country: URIRef
    GovernmentBody: URIRef
    InternationalOrganization: URIRef
    Organization: URIRef
    role: URIRef
    affiliation: URIRef
    isoCode: URIRef
    # Events
    Event: URIRef
    PhoneCall: URIRef
    Meeting: URIRef
    Message: URIRef
    VideoConference: URIRef
    Summit: URIRef
    PressConference: URIRef
    Aid: URIRef
    ExpertTeam: URIRef
    InfoSharing: URIRef
    Visit: URIRef
    date: URIRef
    dateApprox: URIRef
    participant: URIRef
    requestedBy: URIRef
    provider: URIRef
    recipient: URIRef
    # Statements
    Statement: URIRef
    speaker: URIRef
    text: URIRef
    reportingVerb: URIRef
    during: URIRef
    # Evidence
    Evidence: URIRef
    evidence: URIRef
    document: URIRef
    quote: URIRef
    start: URIRef
    end: URIRef


JID = Namespace("https://w3id.org/jishi/id/")
WD = Namespace("http://www.wikidata.org/entity/")


@lru_cache(maxsize=1)
def event_classes() -> tuple[str, ...]:
    """The event classes of ``ontology/jishi.ttl``, in the order the file defines them.

    Every subclass of ``jishi:Event`` (at any depth) that the file defines; each
    must also be a term of :class:`JISHI`, so the two cannot drift apart.

    Returns
    -------
    Local names such as ``("PhoneCall", "Meeting", …)``.

    Raises
    ------
    AttributeError
        When the ontology defines an event class that :class:`JISHI` lacks.

    Examples
    --------
    >>> event_classes()[:2]
    ('PhoneCall', 'Meeting')
    """
    text = ONTOLOGY.read_text(encoding="utf-8")
    prefix = str(JISHI)
    seen, todo = {prefix + "Event"}, [prefix + "Event"]
    while todo:
        found = _ontology().subclasses.get(todo.pop(), set()) - seen
        seen |= found
        todo += sorted(found)
    below = {iri[len(prefix):] for iri in seen if iri.startswith(prefix) and iri != prefix + "Event"}
    for name in below:
        JISHI[name]  # noqa: B018 - fails loudly on a class the closed namespace lacks
    return tuple(sorted(below, key=lambda name: text.find(f"\njishi:{name}\n")))


def term_label(term: str, lang: str) -> str | None:
    """The ontology's ``rdfs:label`` of the IRI ``term`` in ``lang`` (case-insensitive tag; the first by text), or None.

    >>> term_label(JISHI.PhoneCall, "zh-Hans")
    '通电话'
    """
    found = [text for text, tag in _ontology().labels.get(str(term), ()) if tag.lower() == lang.lower()]
    return min(found) if found else None


class _Ontology(NamedTuple):
    subclasses: dict[str, set[str]]
    """Each class IRI → the IRIs declared ``rdfs:subClassOf`` it."""
    labels: dict[str, list[tuple[str, str]]]
    """Each term IRI → its ``rdfs:label`` texts with their language tags ("" for none)."""


@lru_cache(maxsize=1)
def _ontology() -> _Ontology:
    """What the event classes and the page's class and role names are read from, parsed once by Oxigraph.

    A build draws its page without rdflib reading the ontology: its two parses of
    ``ontology/jishi.ttl`` (for the event classes and for the labels) took 0.02 CPU-s
    of the page's process, Oxigraph's parse a thousandth.
    """
    import pyoxigraph as ox

    subclasses: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for triple in ox.parse(path=str(ONTOLOGY), format=ox.RdfFormat.TURTLE):
        subject, predicate, value = triple.subject, triple.predicate.value, triple.object
        if not isinstance(subject, ox.NamedNode):
            continue
        if predicate == str(RDFS.subClassOf) and isinstance(value, ox.NamedNode):
            subclasses[value.value].add(subject.value)
        elif predicate == str(RDFS.label) and isinstance(value, ox.Literal):
            labels[subject.value].append((value.value, value.language or ""))
    return _Ontology(dict(subclasses), dict(labels))


def class_term(name: str) -> str:
    """``jishi:<name>`` for Turtle, after checking the closed namespace defines ``name``.

    >>> class_term("Visit")
    'jishi:Visit'
    >>> class_term("Vist")
    Traceback (most recent call last):
    ...
    AttributeError: term 'Vist' not in namespace 'https://w3id.org/jishi/ontology#'
    """
    JISHI[name]  # noqa: B018 - raises AttributeError for an unknown term
    return f"jishi:{name}"
