"""Wikibase item JSON built offline by wikibaseintegrator: labels, claims, day-precision time, references."""
from __future__ import annotations

import datetime as dt
import json
import sys

from click.testing import CliRunner

from graph.cli import main
from graph.export.wikibase import write_wikibase_json

RETRIEVED = dt.date(2024, 5, 1)


def test_wikibase_items(fixture_graph, tmp_path):
    result = write_wikibase_json(fixture_graph, tmp_path / "wb.json", RETRIEVED)
    items = json.loads(result.path.read_text(encoding="utf-8"))["items"]
    assert [i["iri"] for i in items] == ["https://w3id.org/jishi/id/event/call-1"]
    entity = items[0]["entity"]
    assert entity["type"] == "item" and "id" not in entity
    assert entity["labels"]["zh-hans"]["value"] == "习近平、普京通电话"
    participants = [c["mainsnak"]["datavalue"]["value"]["id"] for c in entity["claims"]["P710"]]
    assert participants == ["Q15031", "Q7747"]
    when = entity["claims"]["P585"][0]
    assert when["mainsnak"]["datavalue"]["value"]["time"] == "+2020-03-19T00:00:00Z"
    assert when["mainsnak"]["datavalue"]["value"]["precision"] == 11
    refs = when["references"]
    assert len(refs) == 2
    urls = [s["datavalue"]["value"] for r in refs for s in r["snaks"].get("P854", [])]
    assert urls == ["https://example.org/news/a.html"]
    titles = sorted(s["datavalue"]["value"]["text"] for r in refs for s in r["snaks"]["P1476"])
    assert titles == ["中俄元首通电话", "大事記"]
    retrieved = {s["datavalue"]["value"]["time"] for r in refs for s in r["snaks"]["P813"]}
    assert retrieved == {"+2024-05-01T00:00:00Z"}


def test_wikibase_json_reads_back_into_wikibaseintegrator(fixture_graph, tmp_path):
    from wikibaseintegrator.models import Labels, Snak

    result = write_wikibase_json(fixture_graph, tmp_path / "wb.json", RETRIEVED)
    entity = json.loads(result.path.read_text(encoding="utf-8"))["items"][0]["entity"]
    assert Labels().from_json(entity["labels"]).get("zh-hans").value == "习近平、普京通电话"
    snaks = [c["mainsnak"] for claims in entity["claims"].values() for c in claims]
    snaks += [s for claims in entity["claims"].values() for c in claims for r in c["references"]
              for group in r["snaks"].values() for s in group]
    assert len(snaks) == 4 + 4 * 5
    assert all(Snak().from_json(snak).get_json() == snak for snak in snaks)


def test_wikibase_json_without_wikibaseintegrator_says_how_to_install(fixture_path, tmp_path, monkeypatch):
    """wikibaseintegrator comes with the `wikibase` extra: the export stops in one line and writes nothing."""
    monkeypatch.setitem(sys.modules, "wikibaseintegrator", None)
    out = tmp_path / "wb.json"
    result = CliRunner().invoke(main, ["export", "wikibase-json", "--graph", str(fixture_path), "-o", str(out)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: jishi export wikibase-json needs wikibaseintegrator")
    assert "'.[wikibase]'" in result.output and result.output.count("\n") == 1 and not out.exists()
