"""The Wikidata view shared by QuickStatements, Wikibase JSON and the reconciliation table.

An event goes to Wikidata only when it can be stated fully and cited:

- every ``jishi:participant`` is linked (``skos:exactMatch wd:Q…``): an item
  naming only some participants would say something false by omission;
- at least one of its documents can be cited, by URL (``P854``) or title
  (``P1476``); a document with neither is not a reference anyone can check.

Dates are stated at day precision (``/11``) only when exact: an event whose
date is bounded (``jishi:dateApprox``) gets no ``P585``.

The retrieval date (``P813``) is the day of the export: the day the claims
were taken from the sources. ``SOURCE_DATE_EPOCH`` (the reproducible-builds
convention) fixes it, so two exports can be byte-identical.
"""
from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import rdflib
from rdflib.namespace import DCTERMS, RDF, SKOS

from ..ns import JISHI, WD
from ._common import class_label, classes_of, label_in, local, most_specific, sorted_labels, superclasses

CLASSES_FILE = Path(__file__).resolve().parents[2] / "ontology" / "export" / "wikidata_classes.csv"
LANGUAGES = ("zh-hans", "zh-hant", "en")
"""The Wikidata language codes exported (lower case, as Wikidata writes them)."""
P_INSTANCE_OF, P_PARTICIPANT, P_POINT_IN_TIME = "P31", "P710", "P585"
P_REFERENCE_URL, P_RETRIEVED, P_TITLE = "P854", "P813", "P1476"


@dataclass(frozen=True)
class Source:
    """One citable document: URL and/or title (with its Wikidata language code)."""

    url: str | None
    title: str | None
    title_lang: str


@dataclass(frozen=True)
class WikidataEvent:
    """An event ready for Wikidata: labels and descriptions by language, P31, date, participants, sources."""

    iri: str
    cls: str
    instance_of: str
    labels: dict[str, str]
    descriptions: dict[str, str]
    date: dt.date | None
    participants: tuple[str, ...]
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class WikidataActor:
    """A linked actor: its QID, one label per language and its aliases per language."""

    iri: str
    qid: str
    labels: dict[str, str]
    aliases: dict[str, tuple[str, ...]]


def wikidata_code(lang: str | None) -> str | None:
    """``zh-Hans`` → ``zh-hans``; None for languages not exported."""
    code = (lang or "").lower()
    return code if code in LANGUAGES else None


def class_items() -> dict[str, str]:
    """jishi class name → Wikidata QID, from ``ontology/export/wikidata_classes.csv``."""
    with CLASSES_FILE.open(encoding="utf-8", newline="") as handle:
        return {row["class"]: row["wikidata"] for row in csv.DictReader(handle) if row["wikidata"]}


def class_item(graph: rdflib.Graph, cls: str) -> str | None:
    """The QID for ``cls``, or for its nearest superclass that has one."""
    items = class_items()
    if cls in items:
        return items[cls]
    tree = superclasses(graph)
    for sup in sorted(tree.get(JISHI[cls], frozenset()), key=lambda c: (-len(tree.get(c, ())), str(c))):
        if local(sup) in items:
            return items[local(sup)]
    return None


def qid(graph: rdflib.Graph, node: rdflib.term.Node) -> str | None:
    """The Wikidata QID ``node`` is linked to (the first by number if several)."""
    found = sorted((str(o)[len(str(WD)):] for o in graph.objects(node, SKOS.exactMatch)
                    if str(o).startswith(str(WD))), key=lambda q: (len(q), q))
    return found[0] if found else None


def _source(graph: rdflib.Graph, doc: rdflib.term.Node) -> Source | None:
    """A reference for Wikidata: the document's web address (never a source it only names) and its title."""
    url = graph.value(doc, DCTERMS.source)
    url = url if isinstance(url, rdflib.URIRef) else None
    title = graph.value(doc, DCTERMS.title)
    if url is None and title is None:
        return None
    lang = wikidata_code(getattr(title, "language", None)) or wikidata_code(graph.value(doc, DCTERMS.language)) \
        or "zh-hans"
    return Source(str(url) if url is not None else None, " ".join(str(title).split()) if title else None, lang)


def _sources(graph: rdflib.Graph, event: rdflib.term.Node) -> tuple[Source, ...]:
    docs = {graph.value(ev, JISHI.document) for ev in graph.objects(event, JISHI.evidence)}
    found = {_source(graph, doc) for doc in docs if doc is not None}
    return tuple(sorted((s for s in found if s), key=lambda s: (s.url or "", s.title or "", s.title_lang)))


def _names(graph: rdflib.Graph, actors: list[rdflib.term.Node], lang: str) -> list[str] | None:
    names = [label_in(graph, a, lang) for a in actors]
    return None if None in names else names


def _texts(graph: rdflib.Graph, cls: str, actors: list, date: dt.date | None) -> tuple[dict, dict]:
    """Labels and descriptions in zh-hans and en (en only when every participant has an English name)."""
    labels, descriptions = {}, {}
    when = date.isoformat() if date else ""
    zh = _names(graph, actors, "zh-Hans")
    if zh:
        labels["zh-hans"] = "、".join(zh) + class_label(cls, "zh-Hans")
        descriptions["zh-hans"] = f"{when} {class_label(cls, 'zh-Hans')}".strip()
    en = _names(graph, actors, "en")
    if en:
        labels["en"] = f"{class_label(cls, 'en')}: " + " – ".join(en)
        descriptions["en"] = f"{class_label(cls, 'en')} on {when}" if when else class_label(cls, "en")
    return labels, descriptions


def _in_label_order(graph: rdflib.Graph, event: rdflib.term.Node, actors: set) -> list:
    """Participants in the order the event's own label names them (RDF has no order), then by IRI."""
    title = " ".join(str(lit) for lit in sorted_labels(graph, event))

    def position(actor: rdflib.term.Node) -> tuple[int, str]:
        name = label_in(graph, actor, "zh-Hans")
        found = title.find(name) if name else -1
        return (found if found >= 0 else len(title), str(actor))
    return sorted(actors, key=position)


def linked_events(graph: rdflib.Graph) -> list[WikidataEvent]:
    """The events that can go to Wikidata (see the module docstring), sorted by date then IRI."""
    events = []
    event_class = JISHI.Event
    for node in sorted(set(graph.subjects(RDF.type, None)), key=str):
        classes = classes_of(graph, node)
        if event_class not in classes:
            continue
        actors = _in_label_order(graph, node, set(graph.objects(node, JISHI.participant)))
        qids = [qid(graph, a) for a in actors]
        sources = _sources(graph, node)
        if not actors or None in qids or not sources:
            continue
        cls = most_specific(classes, graph)
        date = graph.value(node, JISHI.date)
        approx = graph.value(node, JISHI.dateApprox)
        day = date.toPython() if date is not None and not (approx is not None and approx.toPython()) else None
        day = day if isinstance(day, dt.date) else None
        labels, descriptions = _texts(graph, cls, actors, day)
        events.append(WikidataEvent(str(node), cls, class_item(graph, cls) or "", labels, descriptions, day,
                                    tuple(dict.fromkeys(qids)), sources))
    return sorted(events, key=lambda e: (e.date or dt.date.max, e.iri))


def linked_actors(graph: rdflib.Graph) -> list[WikidataActor]:
    """Actors linked to Wikidata, with their labels and aliases in zh-hans, zh-hant and en."""
    actors = []
    for node in sorted({s for s, o in graph.subject_objects(SKOS.exactMatch) if str(o).startswith(str(WD))}, key=str):
        if JISHI.Actor not in classes_of(graph, node):
            continue
        labels: dict[str, str] = {}
        for lit in sorted_labels(graph, node):
            code = wikidata_code(lit.language)
            if code and code not in labels:
                labels[code] = str(lit)
        aliases: dict[str, set[str]] = {}
        for lit in sorted_labels(graph, node, SKOS.altLabel):
            code = wikidata_code(lit.language)
            if code and str(lit) != labels.get(code):
                aliases.setdefault(code, set()).add(str(lit))
        actors.append(WikidataActor(str(node), qid(graph, node), labels,
                                    {k: tuple(sorted(v)) for k, v in sorted(aliases.items())}))
    return actors
