"""QuickStatements V1 commands: new items for linked events, labels and aliases for linked actors.

>>> from graph import load                                                      # doctest: +SKIP
>>> write_quickstatements(load("out/graph.ttl"), Path("out/graph.qs")).counts    # doctest: +SKIP
{'events': 41, 'actors': 97, 'lines': 1203}

Which events qualify, and the retrieval date, are explained in
:mod:`graph.export._wikidata`. Each event becomes::

    CREATE
    LAST	Lzh-hans	"习近平、普京通电话"
    LAST	Dzh-hans	"2020-03-19 通电话"
    LAST	P31	Q1656682	S854	"https://…"	S813	+2024-05-01T00:00:00Z/11	S1476	zh-hans:"…"
    LAST	P710	Q15031	S854	"https://…"	…	!S1476	zh-hant:"…"
    LAST	P585	+2020-03-19T00:00:00Z/11	S854	…

Every claim carries one reference per citing document (``S…`` opens the
first, ``!S…`` each further one). Each linked actor gets ``L``/``A`` lines in
zh-hans, zh-hant and en. ``L`` *replaces* an item's label in that language:
review those lines before running them on an item that already has labels.

QuickStatements V1 has no escape character: a value is everything between
its first and last double quote and may not hold a tab or a line break, so
whitespace runs (including newlines) in names and titles become one space.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import rdflib

from ..files import write_atomic
from ._common import Exported, export_date
from ._wikidata import (
    P_INSTANCE_OF, P_PARTICIPANT, P_POINT_IN_TIME, P_REFERENCE_URL, P_RETRIEVED, P_TITLE,
    Source, WikidataActor, WikidataEvent, linked_actors, linked_events,
)

__all__ = ["quickstatements", "qs_string", "qs_time", "write_quickstatements"]


def qs_string(text: str) -> str:
    """A QuickStatements string value: double-quoted, whitespace runs (tabs, newlines) as one space.

    >>> qs_string("北京\\n分部")
    '"北京 分部"'
    """
    return '"' + " ".join(text.split()) + '"'


def qs_time(day: dt.date) -> str:
    """A day-precision time value: ``+2020-03-19T00:00:00Z/11`` (without ``/11`` it would mean a year)."""
    return f"+{day.isoformat()}T00:00:00Z/11"


def _references(sources: tuple[Source, ...], retrieved: dt.date) -> list[str]:
    fields: list[str] = []
    for source in sources:
        snaks = []
        if source.url:
            snaks += [f"S{P_REFERENCE_URL[1:]}", qs_string(source.url)]
        snaks += [f"S{P_RETRIEVED[1:]}", qs_time(retrieved)]
        if source.title:
            snaks += [f"S{P_TITLE[1:]}", f"{source.title_lang}:{qs_string(source.title)}"]
        if fields:
            snaks[0] = "!" + snaks[0]
        fields += snaks
    return fields


def _event_lines(event: WikidataEvent, retrieved: dt.date) -> list[str]:
    refs = _references(event.sources, retrieved)
    lines = ["CREATE"]
    for lang, text in sorted(event.labels.items()):
        lines.append(f"LAST\tL{lang}\t{qs_string(text)}")
    for lang, text in sorted(event.descriptions.items()):
        lines.append(f"LAST\tD{lang}\t{qs_string(text)}")
    claims = [(P_INSTANCE_OF, event.instance_of)] if event.instance_of else []
    claims += [(P_PARTICIPANT, q) for q in event.participants]
    if event.date:
        claims.append((P_POINT_IN_TIME, qs_time(event.date)))
    lines += ["\t".join(["LAST", prop, value, *refs]) for prop, value in claims]
    return lines


def _actor_lines(actor: WikidataActor) -> list[str]:
    lines = [f"{actor.qid}\tL{lang}\t{qs_string(text)}" for lang, text in sorted(actor.labels.items())]
    lines += [f"{actor.qid}\tA{lang}\t{qs_string(alias)}"
              for lang, aliases in sorted(actor.aliases.items()) for alias in aliases
              if " ".join(alias.split())]
    return lines


def quickstatements(graph: rdflib.Graph, retrieved: dt.date | None = None) -> tuple[str, dict[str, int]]:
    """The V1 commands for ``graph`` and counts (events, actors, lines)."""
    retrieved = retrieved or export_date()
    events, actors = linked_events(graph), linked_actors(graph)
    lines = [line for e in events for line in _event_lines(e, retrieved)]
    lines += [line for a in actors for line in _actor_lines(a)]
    return "\n".join(lines) + ("\n" if lines else ""), {"events": len(events), "actors": len(actors),
                                                        "lines": len(lines)}


def write_quickstatements(graph: rdflib.Graph, out: Path, retrieved: dt.date | None = None) -> Exported:
    """Write the QuickStatements V1 commands for ``graph`` to ``out`` (UTF-8, one command per line)."""
    text, counts = quickstatements(graph, retrieved)
    path = write_atomic(out, text)
    return Exported("quickstatements", path, counts, (path,))

