"""The rows of ontology/lexicon/party_rules.yaml, run on their own constructed sentences.

Every example must tell the events its row gives (each event's parties, by name) with all rows in
force, and what its ``without`` gives when its own row is left out, so the sentence shows that row at
work, not another. Sentences go through the whole pipeline.
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

ROWS = yaml.safe_load((DEFAULT_ROOT / "lexicon" / "party_rules.yaml").read_text(encoding="utf-8"))["rules"]
DAY = dt.date(2020, 5, 2)
EXAMPLES = [(row["name"], example) for row in ROWS for example in row["examples"]]


def _name(key: str) -> str:
    """An actor's catalogue name, or the name written for one the text introduced (person/林守远)."""
    actor = load_catalogue().actors.get(key)
    return actor.zh_hans if actor is not None else key.split("/", 1)[1]


def _told(text: str, without: str | None = None) -> list[list[str]]:
    """The parties of each event the pipeline finds in ``text`` (an article of DAY), by name and sorted,
    optionally with the rule named ``without`` left out."""
    catalogue = load_catalogue()
    lexicon = events._lexicon(catalogue)
    root = Path(catalogue.root)
    if without is not None:
        rules = {name: row for name, row in lexicon.party_rules.items() if name != without}
        events._LEXICON_BY_ROOT[root] = replace(lexicon, party_rules=rules)
    try:
        document = Document("p.txt", text, text, tuple(range(len(text))), DocMeta(date=DAY, genre="article"))
        return sorted(sorted(map(_name, e.participants)) for e in analyse(document, catalogue).events)
    finally:
        events._LEXICON_BY_ROOT[root] = lexicon


def test_every_row_has_two_examples():
    assert all(len(row["examples"]) >= 2 for row in ROWS)


@pytest.mark.parametrize("name, example", EXAMPLES, ids=[f"{n}-{i}" for i, (n, _) in enumerate(EXAMPLES)])
def test_example_gives_its_parties(name, example):
    assert _told(example["text"]) == sorted(sorted(parties) for parties in example["events"])


@pytest.mark.parametrize("name, example", EXAMPLES, ids=[f"{n}-{i}" for i, (n, _) in enumerate(EXAMPLES)])
def test_example_without_its_row(name, example):
    assert _told(example["text"], without=name) == sorted(sorted(parties) for parties in example["without"])
