"""An event table for analysts: one CSV row per event and pair of parties (the ICEWS/GDELT/POLECAT shape).

>>> from graph import load                                                       # doctest: +SKIP
>>> write_events_csv(load("out/graph.ttl"), Path("out/events.csv")).counts       # doctest: +SKIP
{'rows': 1204, 'events': 873}

Political-event datasets are dyadic: each row says *source did X to target on
day D*, with both parties' countries and a CAMEO/PLOVER code, so a table joins
analyses in pandas or R without reading RDF. The graph's events are n-ary, so:

- **Directed** events (the graph states both ``jishi:provider`` and
  ``jishi:recipient``: Aid, ExpertTeam, InfoSharing, Message) give one row per
  provider → recipient pair; the source is the giver, sender or notifier.
- **Undirected** events (PhoneCall, Meeting, Summit, Visit …) give one row per
  unordered pair of parties, the pair in IRI order (source IRI < target IRI),
  so the output is byte-identical from run to run.
- An event with a single party gives one row with the target blank, so no
  event is dropped in silence.

A party's country is the party itself when it is a ``jishi:Country``, else the
first country reached through ``jishi:affiliation`` (a minister → the
ministry → China); blank when the graph does not say. CAMEO and PLOVER codes
per class are data, in ``ontology/lexicon/event_codes.csv``.
"""
from __future__ import annotations

import csv
import functools
import io
import itertools
from pathlib import Path

import rdflib
from rdflib.namespace import DCTERMS, RDF

from ..files import write_atomic
from ..ns import JISHI
from ._common import Exported, country_of, label_in, most_specific, neutralise, superclasses

__all__ = ["CODES", "COLUMNS", "event_codes", "event_rows", "write_events_csv"]

CODES = Path(__file__).resolve().parents[2] / "ontology" / "lexicon" / "event_codes.csv"
COLUMNS = ("event_iri", "date", "date_precision",
           "source_iri", "source_label", "source_country", "source_iso",
           "event_class", "cameo", "cameo_label", "plover", "plover_label", "plover_mode",
           "target_iri", "target_label", "target_country", "target_iso",
           "requested_by_iri", "requested_by_label", "document_iri", "document_title", "quote")
"""The header, in the ICEWS order: when, who, did what, to whom, then provenance."""
PARTY_COLUMNS = ("iri", "label", "country", "iso")
CODE_COLUMNS = ("cameo", "cameo_label", "plover", "plover_label", "plover_mode")
MULTI = "; "
"""Joins several values in one cell (an event requested by two parties)."""

Party = rdflib.term.Node | None


@functools.lru_cache(maxsize=1)
def event_codes() -> dict[str, dict[str, str]]:
    """Event class local name → its CAMEO code and label, PLOVER type, label and mode, from ``event_codes.csv``."""
    with CODES.open(encoding="utf-8", newline="") as handle:
        return {row["class"]: {c: row[c] for c in CODE_COLUMNS} for row in csv.DictReader(handle)}


def write_events_csv(graph: rdflib.Graph, out: Path) -> Exported:
    """Write the event table of ``graph`` to ``out`` (UTF-8, header, every cell neutralised)."""
    rows = event_rows(graph)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows([neutralise(row[c]) for c in COLUMNS] for row in rows)
    path = write_atomic(out, buf.getvalue())
    return Exported("events-csv", path, {"rows": len(rows), "events": len({r["event_iri"] for r in rows})},
                    (path,))


def event_rows(graph: rdflib.Graph) -> list[dict[str, str]]:
    """Every event × dyad as a dict keyed by :data:`COLUMNS`, sorted by date (undated last), event, pair."""
    tree = superclasses(graph)
    known: dict[Party, tuple[str, ...]] = {}

    def party(side: str, node: Party) -> dict[str, str]:
        if node not in known:
            known[node] = _party_values(graph, node)
        return {f"{side}_{c}": v for c, v in zip(PARTY_COLUMNS, known[node])}

    rows = [{**cells, **party("source", source), **party("target", target)}
            for event in _events(graph, tree) for cells in [_event_cells(graph, event, tree)]
            for source, target in _dyads(graph, event)]
    return sorted(rows, key=lambda r: (r["date"] == "", r["date"], r["event_iri"], r["source_iri"],
                                       r["target_iri"]))


def _events(graph: rdflib.Graph, tree: dict) -> set[rdflib.term.Node]:
    """The subjects typed with ``jishi:Event`` or any of its subclasses (``tree``: :func:`superclasses`)."""
    return {s for s, cls in graph.subject_objects(RDF.type) if JISHI.Event in tree.get(cls, {cls})}


def _dyads(graph: rdflib.Graph, event: rdflib.term.Node) -> list[tuple[Party, Party]]:
    """The (source, target) pairs of ``event``: provider → recipient, else unordered pairs in IRI order."""
    providers, recipients = _sorted(graph.objects(event, JISHI.provider)), _sorted(graph.objects(event, JISHI.recipient))
    directed = [(p, r) for p in providers for r in recipients if p != r]
    if directed:
        return directed
    parties = _sorted({*graph.objects(event, JISHI.participant), *providers, *recipients})
    if len(parties) >= 2:
        return list(itertools.combinations(parties, 2))
    return [(parties[0] if parties else None, None)]


def _sorted(nodes) -> list[rdflib.term.Node]:
    """Nodes in IRI order, duplicates dropped."""
    return sorted(set(nodes), key=str)


def _event_cells(graph: rdflib.Graph, event: rdflib.term.Node, tree: dict) -> dict[str, str]:
    """The cells that do not depend on the pair: class and codes, date, requester, first evidence."""
    cls = most_specific({t for t in graph.objects(event, RDF.type) if str(t).startswith(str(JISHI))}, graph, tree)
    codes = event_codes().get(cls, dict.fromkeys(CODE_COLUMNS, ""))
    date = graph.value(event, JISHI.date)
    requesters = _sorted(graph.objects(event, JISHI.requestedBy))
    document, quote = _first_evidence(graph, event)
    return {"event_iri": str(event), "event_class": cls, **codes,
            "date": str(date) if date is not None else "", "date_precision": _precision(graph, event, date),
            "requested_by_iri": MULTI.join(str(r) for r in requesters),
            "requested_by_label": MULTI.join(_label(graph, r) for r in requesters),
            "document_iri": str(document) if document is not None else "",
            "document_title": _title(graph, document), "quote": quote}


def _precision(graph: rdflib.Graph, event: rdflib.term.Node, date: rdflib.term.Node | None) -> str:
    """``day``, ``approx`` (``jishi:dateApprox true``: the text only bounds the day) or ``undated``."""
    if date is None:
        return "undated"
    approx = graph.value(event, JISHI.dateApprox)
    return "approx" if approx is not None and approx.toPython() is True else "day"


def _first_evidence(graph: rdflib.Graph, event: rdflib.term.Node) -> tuple[rdflib.term.Node | None, str]:
    """The document and quote of the event's first evidence, by document IRI and then offset."""
    def order(evidence: rdflib.term.Node) -> tuple[str, int, str]:
        start = graph.value(evidence, JISHI.start)
        return str(graph.value(evidence, JISHI.document) or ""), int(start) if start is not None else 0, str(evidence)

    evidence = sorted(graph.objects(event, JISHI.evidence), key=order)
    if not evidence:
        return None, ""
    return graph.value(evidence[0], JISHI.document), str(graph.value(evidence[0], JISHI.quote) or "")


def _title(graph: rdflib.Graph, document: rdflib.term.Node | None) -> str:
    """A document's title (the first in reading order), or its identifier when it has none."""
    if document is None:
        return ""
    titles = sorted(graph.objects(document, DCTERMS.title), key=str)
    return str(titles[0] if titles else graph.value(document, DCTERMS.identifier) or "")


def _party_values(graph: rdflib.Graph, party: Party) -> tuple[str, ...]:
    """A party's :data:`PARTY_COLUMNS` values: IRI, zh-Hans label, country label and ISO code (blank for none)."""
    if party is None:
        return ("",) * len(PARTY_COLUMNS)
    country = country_of(graph, party)
    return (str(party), _label(graph, party), _label(graph, country) if country is not None else "",
            str(graph.value(country, JISHI.isoCode) or "") if country is not None else "")


def _label(graph: rdflib.Graph, node: rdflib.term.Node) -> str:
    """The zh-Hans label (the name the documents use), else any label, else empty."""
    return label_in(graph, node, "zh-Hans") or str(graph.value(node, rdflib.RDFS.label) or "")
