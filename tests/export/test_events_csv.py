"""The analysts' event table: one row per event and pair of parties, read back with the csv module and pandas.

pandas is a test dependency only (the export writes with the csv module); the
read-back in pandas is what an analyst does, as docs/EXPORTS.md shows it.
"""
from __future__ import annotations

import csv
import re
from collections import Counter

import pytest
import rdflib
from rdflib.namespace import RDFS

from graph.export import export
from graph.export.events_csv import CODES, COLUMNS
from graph.files import write_atomic
from graph.ns import event_classes

from .conftest import CALL, FIXTURE_TTL, JID, ODD_NAME, PUTIN, XI

PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
"""PLOVER's sixteen event types (Schrodt's PLOVER specification)."""
PLOVER_MODES = {"CONSULT": {"visit", "host", "third-party", "multilateral", "phone"},
                "AID": {"economic", "military", "humanitarian", "asylum"}}
"""The modes the PLOVER manual (v0.7b1, tables of CONSULT and AID modes; the crosswalk adds host) gives a type."""

EXTRA_TTL = r'''
@prefix jishi: <https://w3id.org/jishi/ontology#> .
@prefix rdfs:  <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:   <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .

<https://w3id.org/jishi/id/event/aid-1> a jishi:Aid ;
    jishi:participant <https://w3id.org/jishi/id/actor/country/RU> , <https://w3id.org/jishi/id/actor/country/CN> ;
    jishi:provider <https://w3id.org/jishi/id/actor/country/RU> ;
    jishi:recipient <https://w3id.org/jishi/id/actor/country/CN> ;
    jishi:evidence <https://w3id.org/jishi/id/evidence/c.txt/0-9> .

<https://w3id.org/jishi/id/evidence/c.txt/0-9> a jishi:Evidence ;
    jishi:document <https://w3id.org/jishi/id/doc/c.txt> ;
    jishi:quote "=HYPERLINK(\"http://evil.example\",\"俄方援助\")" ;
    jishi:start 0 ;
    jishi:end 9 .

<https://w3id.org/jishi/id/doc/c.txt> a jishi:Document ;
    dcterms:identifier "c.txt" .

<https://w3id.org/jishi/id/event/press-1> a jishi:PressConference ;
    jishi:date "2020-03-21"^^xsd:date ;
    jishi:participant <https://w3id.org/jishi/id/actor/org/hostile> .

<https://w3id.org/jishi/id/actor/org/hostile> a jishi:Organization ;
    rdfs:label "@SUM(1+1)研究会"@zh-Hans .
'''
AID, PRESS = JID + "event/aid-1", JID + "event/press-1"
CN, RU = JID + "actor/country/CN", JID + "actor/country/RU"


def _rows(path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames) == COLUMNS
        return list(reader)


@pytest.fixture()
def rows(tmp_path) -> list[dict[str, str]]:
    """The fixture graph plus a directed Aid with a hostile quote and a one-party press conference, exported."""
    graph_path = write_atomic(tmp_path / "graph.ttl", FIXTURE_TTL + EXTRA_TTL)
    return _rows(export("events-csv", graph_path, tmp_path / "events.csv").path)


def _by_event(rows, iri) -> list[dict[str, str]]:
    return [r for r in rows if r["event_iri"] == iri]


def test_events_csv_every_ontology_event_class_has_codes():
    with CODES.open(encoding="utf-8", newline="") as handle:
        table = {row["class"]: row for row in csv.DictReader(handle)}
    assert set(table) == set(event_classes())
    for cls, row in table.items():
        assert re.fullmatch(r"\d{3}", row["cameo"]) and row["cameo_label"], cls
        assert row["plover"] in PLOVER_TYPES | {""}, cls
        assert bool(row["plover"]) == bool(row["plover_label"]) and row["note"], cls
        assert row["plover_mode"] in PLOVER_MODES.get(row["plover"], set()) | {""}, cls


@pytest.mark.parametrize("cls, cameo, plover, mode", [
    ("PhoneCall", "041", "CONSULT", "phone"),      # CAMEO 041 Discuss by telephone → CONSULT, phone
    ("Visit", "042", "CONSULT", "visit"),           # 042 Make a visit → CONSULT, visit
    ("InfoSharing", "064", "COOPERATE", ""),        # 064 Share intelligence or information → COOPERATE
    ("Aid", "073", "AID", "humanitarian"),          # 073 Provide humanitarian aid → AID
    ("Message", "018", "", ""),                     # 018 Make empathetic comment: PLOVER drops CAMEO 01
    ("PressConference", "010", "", ""),             # 010 Make statement: likewise
])
def test_events_csv_codes_follow_the_crosswalk(cls, cameo, plover, mode):
    """Rows checked against CAMEO 1.1b3 and the PLOVER crosswalk (openeventdata/PLOVER CAMEO2PLOVER-2021.txt)."""
    with CODES.open(encoding="utf-8", newline="") as handle:
        row = next(r for r in csv.DictReader(handle) if r["class"] == cls)
    assert (row["cameo"], row["plover"], row["plover_mode"]) == (cameo, plover, mode)


def test_events_csv_undirected_call_is_one_row_in_iri_order(rows):
    [call] = _by_event(rows, CALL)
    # putin < xi-jinping by IRI, so the pair is written 普京 → 习近平
    assert (call["source_iri"], call["source_label"], call["source_country"], call["source_iso"]) == \
        (PUTIN, "普京", "俄罗斯", "RU")
    assert (call["target_iri"], call["target_label"], call["target_country"], call["target_iso"]) == \
        (XI, "习近平", "中国", "CN")
    assert (call["event_class"], call["cameo"], call["plover"]) == ("PhoneCall", "041", "CONSULT")
    assert (call["date"], call["date_precision"]) == ("2020-03-19", "day")
    assert (call["requested_by_iri"], call["requested_by_label"]) == (PUTIN, "普京")
    # two evidences (a.txt, b.txt): the first by document is a.txt's
    assert (call["document_iri"], call["document_title"], call["quote"]) == \
        (JID + "doc/a.txt", "中俄元首通电话", "习近平应约同普京通电话")


def test_events_csv_approximate_date_and_country_through_affiliation(rows):
    [meeting] = _by_event(rows, JID + "event/meet-1")
    assert meeting["date_precision"] == "approx"
    odd = meeting if meeting["source_label"] == ODD_NAME else None
    assert odd is not None, "org/odd sorts before person/xi-jinping"
    assert (odd["source_country"], odd["source_iso"]) == ("中国", "CN")
    assert meeting["quote"] == "日前會見研究所代表"


def test_events_csv_directed_aid_goes_provider_to_recipient(rows):
    # RU sorts after CN, so only the provider/recipient roles can put RU first
    [aid] = _by_event(rows, AID)
    assert (aid["source_iri"], aid["source_iso"], aid["target_iri"], aid["target_iso"]) == (RU, "RU", CN, "CN")
    assert (aid["cameo"], aid["plover"], aid["date"], aid["date_precision"]) == ("073", "AID", "", "undated")
    assert aid["document_title"] == "c.txt"  # no title: the identifier stands in


def test_events_csv_hostile_cells_are_neutralised(rows):
    [aid] = _by_event(rows, AID)
    assert aid["quote"] == "'=HYPERLINK(\"http://evil.example\",\"俄方援助\")"
    [press] = _by_event(rows, PRESS)
    assert press["source_label"] == "'@SUM(1+1)研究会"


def test_events_csv_one_party_event_keeps_its_row(rows):
    [press] = _by_event(rows, PRESS)
    assert press["source_iri"] == JID + "actor/org/hostile" and press["target_iri"] == ""
    assert (press["cameo"], press["plover"]) == ("010", "")
    assert (press["source_country"], press["source_iso"]) == ("", "")


def test_events_csv_reads_back_in_pandas(tmp_path):
    """pandas reads the table as docs/EXPORTS.md says: text codes stay text, one row per event and dyad."""
    pd = pytest.importorskip("pandas")
    graph_path = write_atomic(tmp_path / "graph.ttl", FIXTURE_TTL + EXTRA_TTL)
    path = export("events-csv", graph_path, tmp_path / "events.csv").path
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert tuple(frame.columns) == COLUMNS
    assert len(frame) == len(_rows(path)) == 4  # the call, the meeting, the aid, the press conference: one pair each
    assert not frame.duplicated(["event_iri", "source_iri", "target_iri"]).any()
    call = frame[frame["event_iri"] == CALL].iloc[0]
    assert (call["cameo"], call["plover"], call["plover_mode"], call["source_label"]) == ("041", "CONSULT", "phone", "普京")


def test_events_csv_rows_are_sorted_undated_last(rows):
    dates = [r["date"] for r in rows]
    assert dates == ["2020-03-19", "2020-03-20", "2020-03-21", ""]


@pytest.mark.slow
def test_events_csv_seed_graph(seed_graph_path, tmp_path):
    result = export("events-csv", seed_graph_path, tmp_path / "events.csv")
    rows = _rows(result.path)
    source = rdflib.Graph().parse(seed_graph_path, format="turtle")
    events = {str(s) for c in event_classes() for s in source.subjects(rdflib.RDF.type, rdflib.URIRef(
        "https://w3id.org/jishi/ontology#" + c))}
    # one row per event and dyad: every event present, no dyad twice
    assert {r["event_iri"] for r in rows} == events
    dyads = Counter((r["event_iri"], r["source_iri"], r["target_iri"]) for r in rows)
    assert max(dyads.values()) == 1 and result.counts == {"rows": len(rows), "events": len(events)}
    # 000: "中国国家主席习近平应约同俄罗斯总统普京通电话" under 3月19日
    call = [r for r in rows if r["event_class"] == "PhoneCall" and r["date"] == "2020-03-19"
            and {r["source_label"], r["target_label"]} == {"习近平", "普京"}]
    assert call and all(r["requested_by_label"] == "普京" for r in call)
    assert {(r["source_iso"], r["target_iso"]) for r in call} <= {("CN", "RU"), ("RU", "CN")}
    # 004: "佐科表示，感谢中方为印尼抗击疫情提供物资援助": China gives, Indonesia receives
    aid = {(r["source_iso"], r["target_iso"]) for r in rows if r["event_class"] == "Aid"}
    assert ("CN", "ID") in aid and ("ID", "CN") not in aid
    labels = {str(o) for o in source.objects(None, RDFS.label)}
    assert all(r["source_label"] in labels | {""} for r in rows)
