"""The OpenRefine reconciliation table: one row per actor, unlinked first, read back with csv."""
from __future__ import annotations

import csv

from graph.export import export
from graph.export.reconcile import COLUMNS

from .conftest import ODD_NAME


def test_reconcile_rows(fixture_path, tmp_path):
    result = export("reconcile", fixture_path, tmp_path / "reconcile.csv")
    with result.path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames) == COLUMNS
        rows = list(reader)
    assert len(rows) == result.counts["actors"] == 5
    first = rows[0]
    assert (first["label"], first["class"], first["type"], first["country"], first["wikidata"]) == (
        ODD_NAME, "Organization", "Q43229", "中国", "")
    by_label = {r["label"]: r for r in rows}
    assert by_label["普京"]["country"] == "俄罗斯" and by_label["普京"]["wikidata"] == "Q7747"
    assert by_label["中国"]["country"] == "中国" and by_label["中国"]["type"] == "Q6256"
    assert by_label["习近平"]["label_en"] == "Xi Jinping"


def test_reconcile_cells_that_a_spreadsheet_would_run_are_neutralised(tmp_path):
    """OpenRefine users open this table in spreadsheets too: a name opening with = + - @ is shown as text."""
    from graph.files import write_atomic

    names = ["=HYPERLINK(\"http://evil.example\")", "+86", "-1", "@x"]
    ttl = "@prefix jishi: <https://w3id.org/jishi/ontology#> .\n" + "".join(
        f'<https://w3id.org/jishi/id/actor/a{n}> a jishi:Organization ; '
        f'<http://www.w3.org/2000/01/rdf-schema#label> "{name.replace(chr(34), chr(92) + chr(34))}"@zh-Hans .\n'
        for n, name in enumerate(names))
    result = export("reconcile", write_atomic(tmp_path / "g.ttl", ttl), tmp_path / "reconcile.csv")
    with result.path.open(encoding="utf-8", newline="") as handle:
        labels = sorted(row["label"] for row in csv.DictReader(handle))
    assert labels == sorted("'" + name for name in names)
