"""Wikibase item JSON for the events QuickStatements would create, for private Wikibase instances.

>>> from graph import load                                                        # doctest: +SKIP
>>> write_wikibase_json(load("out/graph.ttl"), Path("out/wikibase.json")).counts   # doctest: +SKIP
{'items': 41}

The JSON is built by wikibaseintegrator, offline: its datatype classes
(``Item``, ``Time``, ``URL``, ``MonolingualText``) make the snaks and
``ItemEntity.get_json()`` the item, exactly as ``item.write()`` would send it,
with no network call. Which events qualify is explained in
:mod:`graph.export._wikidata`; references and dates are those of the
QuickStatements export. The file holds ``{"items": [{"iri": …, "entity": …}]}``
so each new item can be traced back to its jishi IRI. Property and class IDs
are Wikidata's (P31, P710, P585, P854, P813, P1476): map them to your
instance's own IDs before writing.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import rdflib

from ..extras import require
from ..files import write_atomic
from ._common import Exported, export_date
from ._wikidata import (
    P_INSTANCE_OF, P_PARTICIPANT, P_POINT_IN_TIME, P_REFERENCE_URL, P_RETRIEVED, P_TITLE,
    Source, WikidataEvent, linked_events,
)

__all__ = ["item_json", "write_wikibase_json"]

DAY = 11
"""Wikibase time precision for a day."""


def _time(day: dt.date) -> str:
    return f"+{day.isoformat()}T00:00:00Z"


def _references(sources: tuple[Source, ...], retrieved: dt.date):
    from wikibaseintegrator import datatypes
    from wikibaseintegrator.models import Reference

    refs = []
    for source in sources:
        ref = Reference()
        if source.url:
            ref.add(datatypes.URL(prop_nr=P_REFERENCE_URL, value=source.url))
        ref.add(datatypes.Time(prop_nr=P_RETRIEVED, time=_time(retrieved), precision=DAY))
        if source.title:
            ref.add(datatypes.MonolingualText(prop_nr=P_TITLE, text=source.title, language=source.title_lang))
        refs.append(ref)
    return refs


def item_json(event: WikidataEvent, retrieved: dt.date) -> dict:
    """The Wikibase JSON of a new item for ``event`` (no ``id``: the instance assigns one)."""
    from wikibaseintegrator.datatypes import Item, Time
    from wikibaseintegrator.entities import ItemEntity
    from wikibaseintegrator.wbi_enums import ActionIfExists

    item = ItemEntity()
    for lang, text in sorted(event.labels.items()):
        item.labels.set(lang, text)
    for lang, text in sorted(event.descriptions.items()):
        item.descriptions.set(lang, text)
    if event.instance_of:
        item.claims.add(Item(prop_nr=P_INSTANCE_OF, value=event.instance_of,
                             references=_references(event.sources, retrieved)))
    participants = [Item(prop_nr=P_PARTICIPANT, value=qid, references=_references(event.sources, retrieved))
                    for qid in event.participants]
    item.claims.add(participants, action_if_exists=ActionIfExists.FORCE_APPEND)
    if event.date:
        item.claims.add(Time(prop_nr=P_POINT_IN_TIME, time=_time(event.date), precision=DAY,
                             references=_references(event.sources, retrieved)))
    return item.get_json()


def write_wikibase_json(graph: rdflib.Graph, out: Path, retrieved: dt.date | None = None) -> Exported:
    """Write the Wikibase item JSON of every event that qualifies to ``out``."""
    require("wikibaseintegrator", "wikibase", "jishi export wikibase-json")
    retrieved = retrieved or export_date()
    items = [{"iri": e.iri, "entity": item_json(e, retrieved)} for e in linked_events(graph)]
    path = write_atomic(out, json.dumps({"items": items}, ensure_ascii=False, indent=1) + "\n")
    return Exported("wikibase-json", path, {"items": len(items)}, (path,))
