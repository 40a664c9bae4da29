"""Every export carries a Visit: its class comes from the ontology, not from a list in the exporter."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph.export import FORMATS, export
from graph.export._wikidata import class_items
from graph.files import write_atomic

from .conftest import FIXTURE_TTL, JID

# 普京 visits China on 2020-03-20 (a visit invented for the test), told by document a.txt.
VISIT_TTL = FIXTURE_TTL + r'''
<https://w3id.org/jishi/id/event/visit-1> a jishi:Visit ;
    rdfs:label "Visit 2020-03-20 普京–中国"@zh-Hans ;
    jishi:date "2020-03-20"^^xsd:date ;
    jishi:participant <https://w3id.org/jishi/id/actor/person/putin> ,
        <https://w3id.org/jishi/id/actor/country/CN> ;
    jishi:evidence <https://w3id.org/jishi/id/evidence/a.txt/0-12> .
'''
BY_NAME = sorted(set(FORMATS) - {"quickstatements", "wikibase-json", "reconcile"})
"""Formats that write class names; the Wikidata ones write class items instead."""


def _text(path: Path) -> str:
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    return "".join(p.read_text(encoding="utf-8") for p in files)


@pytest.fixture()
def visit_path(tmp_path: Path) -> Path:
    return write_atomic(tmp_path / "graph.ttl", VISIT_TTL)


@pytest.mark.parametrize("fmt", BY_NAME)
def test_visit_export_names_the_class(visit_path, tmp_path, fmt):
    assert "Visit" in _text(Path(export(fmt, visit_path, tmp_path / f"out.{fmt}").path))


def test_visit_neo4j_labels_come_from_the_ontology(visit_path, tmp_path):
    out = Path(export("neo4j-csv", visit_path, tmp_path / "neo4j").path)
    rows = (out / "nodes_Event_Visit.csv").read_text(encoding="utf-8")
    assert f'"{JID}event/visit-1","Resource;Event;Visit"' in rows


def test_visit_wikidata_class_falls_back_to_event(visit_path, tmp_path):
    """No Wikidata item for a visit is listed (none was checked for sure), so a Visit goes up as an event,
    labelled with the ontology's own words for the class."""
    assert "Visit" not in class_items()
    text = _text(Path(export("quickstatements", visit_path, tmp_path / "out.qs").path))
    block = text[text.index('"visit: Vladimir Putin – China"'):]
    assert f"LAST\tP31\t{class_items()['Event']}\t" in block.split("CREATE")[0]
