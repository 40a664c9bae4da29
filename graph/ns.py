"""The namespaces the graph uses.

``JISHI`` is the ontology (``ontology/jishi.ttl``), a closed namespace in the
manner of rdflib's own vocabularies: a term it does not define raises an
error instead of quietly minting a predicate nobody queries, so a typo such as
a misspelt ``particpant`` fails at once. ``tests/test_ns.py`` checks that the terms
listed here are exactly the terms ``jishi.ttl`` defines.

``JID`` holds resources (``jid:actor/…``, ``jid:event/…``, ``jid:statement/…``,
``jid:doc/…``) and is open: its local names are minted from keys.

>>> JISHI.PhoneCall
rdflib.term.URIRef('https://w3id.org/jishi/ontology#PhoneCall')
>>> JISHI["speaker"] == JISHI.speaker
True
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = ["JISHI", "JID", "WD"]


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
