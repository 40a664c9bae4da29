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

from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDFS, DefinedNamespace

__all__ = ["JISHI", "JID", "WD", "ONTOLOGY", "event_classes", "class_term"]

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
    onto = Graph().parse(data=text, format="turtle")
    prefix = str(JISHI)
    below = {str(c)[len(prefix):] for c in onto.transitive_subjects(RDFS.subClassOf, JISHI.Event)
             if str(c).startswith(prefix) and c != JISHI.Event}
    for name in below:
        JISHI[name]  # noqa: B018 - fails loudly on a class the closed namespace lacks
    return tuple(sorted(below, key=lambda name: text.find(f"\njishi:{name}\n")))


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
