"""The two namespaces the graph mints terms in.

``JISHI`` is the ontology (``ontology/jishi.ttl``); ``JID`` holds resources
(``jid:actor/…``, ``jid:event/…``, ``jid:statement/…``, ``jid:doc/…``).
"""
from __future__ import annotations

from rdflib import Namespace

JISHI = Namespace("https://w3id.org/jishi/ontology#")
JID = Namespace("https://w3id.org/jishi/id/")
WD = Namespace("http://www.wikidata.org/entity/")
