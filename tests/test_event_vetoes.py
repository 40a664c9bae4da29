"""The rows of ontology/lexicon/event_vetoes.yaml, run on their own constructed sentences.

Every ``vetoed`` sentence must tell no event with all rows in force, and must tell one when its
own row is left out (so the sentence shows that row at work, not another); every ``kept``
sentence must still tell an event. Sentences go through the whole pipeline (fixture
``analyse_without`` of conftest).
"""
from __future__ import annotations

import pytest
import yaml

from graph.catalogue import DEFAULT_ROOT

ROWS = yaml.safe_load((DEFAULT_ROOT / "lexicon" / "event_vetoes.yaml").read_text(encoding="utf-8"))["vetoes"]


def _told(analyse_without, text: str, without: str | None = None) -> list[str]:
    """The classes of the events the pipeline finds in ``text``, optionally with the veto row named
    ``without`` left out."""
    return [e.cls for e in analyse_without(text, "vetoes" if without else None, without).events]


def test_every_row_has_two_vetoed_sentences():
    assert all(len(row["vetoed"]) >= 2 for row in ROWS)


@pytest.mark.parametrize("name, text", [(row["name"], text) for row in ROWS for text in row["vetoed"]])
def test_vetoed_sentence_tells_no_event(analyse_without, name, text):
    assert _told(analyse_without, text) == []
    assert _told(analyse_without, text, without=name) != []


@pytest.mark.parametrize("name, text", [(row["name"], text) for row in ROWS for text in row.get("kept", ())])
def test_kept_sentence_tells_an_event(analyse_without, name, text):
    assert _told(analyse_without, text) != []
