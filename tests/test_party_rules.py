"""The rows of ontology/lexicon/party_rules.yaml, run on their own constructed sentences.

Every example must tell the events its row gives (each event's parties, by name) with all rows in
force, and what its ``without`` gives when its own row is left out, so the sentence shows that row at
work, not another. Sentences go through the whole pipeline (fixture ``analyse_without`` of conftest).
"""
from __future__ import annotations

import pytest
import yaml

from graph.catalogue import DEFAULT_ROOT, load_catalogue

ROWS = yaml.safe_load((DEFAULT_ROOT / "lexicon" / "party_rules.yaml").read_text(encoding="utf-8"))["rules"]
EXAMPLES = [(row["name"], example) for row in ROWS for example in row["examples"]]


def _name(key: str) -> str:
    """An actor's catalogue name, or the name written for one the text introduced (person/林守远)."""
    actor = load_catalogue().actors.get(key)
    return actor.zh_hans if actor is not None else key.split("/", 1)[1]


def _told(analysis) -> list[list[str]]:
    """The parties of each event of an analysis, by name and sorted."""
    return sorted(sorted(map(_name, e.participants)) for e in analysis.events)


def test_every_row_has_two_examples():
    assert all(len(row["examples"]) >= 2 for row in ROWS)


@pytest.mark.parametrize("name, example", EXAMPLES, ids=[f"{n}-{i}" for i, (n, _) in enumerate(EXAMPLES)])
def test_example_gives_its_parties(analyse_without, name, example):
    assert _told(analyse_without(example["text"])) == sorted(sorted(parties) for parties in example["events"])


@pytest.mark.parametrize("name, example", EXAMPLES, ids=[f"{n}-{i}" for i, (n, _) in enumerate(EXAMPLES)])
def test_example_without_its_row(analyse_without, name, example):
    told = _told(analyse_without(example["text"], "party_rules", name))
    assert told == sorted(sorted(parties) for parties in example["without"])
