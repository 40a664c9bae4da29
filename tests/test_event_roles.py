"""The rows of ontology/lexicon/event_roles.yaml, run on their own constructed sentences.

Every example must give the provider and recipient its row states with all rows in force, and
another reading when its own row is left out (so the sentence shows that row at work, not another).
Sentences go through the whole pipeline (fixture ``analyse_without`` of conftest).
"""
from __future__ import annotations

import pytest
import yaml

from graph.catalogue import DEFAULT_ROOT

ROWS = yaml.safe_load((DEFAULT_ROOT / "lexicon" / "event_roles.yaml").read_text(encoding="utf-8"))["roles"]
EXAMPLES = [(row["name"], example) for row in ROWS for example in row["examples"]]


def test_every_role_row_has_two_examples():
    assert all(len(row["examples"]) >= 2 for row in ROWS)


@pytest.mark.parametrize("name, example", EXAMPLES, ids=[f"{n}-{i}" for i, (n, _) in enumerate(EXAMPLES)])
def test_role_row_example_gives_its_sides(analyse_without, name, example):
    classes = next(row["classes"] for row in ROWS if row["name"] == name)
    expected = [tuple(sides) for sides in example["events"]] if "events" in example else \
        [] if example.get("none") else [(example["provider"], example["recipient"])]

    def sides(without: str | None) -> list[tuple[str | None, str | None]]:
        analysis = analyse_without(example["text"], "roles" if without else None, without)
        return [(e.provider, e.recipient) for e in analysis.events if e.cls in classes]

    assert sides(None) == expected
    assert sides(name) != expected
