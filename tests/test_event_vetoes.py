"""The rows of ontology/lexicon/event_vetoes.yaml, run on their own constructed sentences.

Every ``vetoed`` sentence must tell no event with all rows in force, and must tell one when its
own row is left out (so the sentence shows that row at work, not another); every ``kept``
sentence must still tell an event. Sentences go through the whole pipeline.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

import graph.events as events
from graph.catalogue import DEFAULT_ROOT, load_catalogue
from graph.model import DocMeta, Document
from graph.pipeline import analyse

ROWS = yaml.safe_load((DEFAULT_ROOT / "lexicon" / "event_vetoes.yaml").read_text(encoding="utf-8"))["vetoes"]
DAY = dt.date(2020, 5, 2)


def _told(text: str, without: str | None = None) -> list[str]:
    """The classes of the events the pipeline finds in ``text`` (an article of DAY), optionally
    with the veto row named ``without`` left out."""
    catalogue = load_catalogue()
    lexicon = events._lexicon(catalogue)
    root = Path(catalogue.root)
    if without is not None:
        events._LEXICON_BY_ROOT[root] = replace(lexicon, vetoes=tuple(v for v in lexicon.vetoes if v.name != without))
    try:
        document = Document("v.txt", text, text, tuple(range(len(text))), DocMeta(date=DAY, genre="article"))
        return [e.cls for e in analyse(document, catalogue).events]
    finally:
        events._LEXICON_BY_ROOT[root] = lexicon


def test_every_row_has_two_vetoed_sentences():
    assert all(len(row["vetoed"]) >= 2 for row in ROWS)


@pytest.mark.parametrize("name, text", [(row["name"], text) for row in ROWS for text in row["vetoed"]])
def test_vetoed_sentence_tells_no_event(name, text):
    assert _told(text) == []
    assert _told(text, without=name) != []


@pytest.mark.parametrize("name, text", [(row["name"], text) for row in ROWS for text in row.get("kept", ())])
def test_kept_sentence_tells_an_event(name, text):
    assert _told(text) != []
