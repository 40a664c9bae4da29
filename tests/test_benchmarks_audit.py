"""benchmarks/audit.py on a tiny constructed graph and document (invented names)."""
from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEXT = "前言一句。甲国外长张三同乙国外长李四通电话。张三说，-两国要合作。后记。\n"
CALL = "甲国外长张三同乙国外长李四通电话"
SAID = "-两国要合作"


def _load_audit():
    spec = importlib.util.spec_from_file_location("audit", ROOT / "benchmarks" / "audit.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["audit"] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


audit = _load_audit()


def _iri(path: str) -> str:
    return f"<https://w3id.org/jishi/id/{path}>"


def _evidence(fact: str, quote: str) -> str:
    """Turtle for one evidence of ``fact``, its offsets found in the constructed text."""
    start = TEXT.index(quote)
    end = start + len(quote)
    node = _iri(f"evidence/d1.txt/{start}-{end}")
    return (f'{node} a jishi:Evidence ; jishi:document {_iri("doc/d1.txt")} ; jishi:quote "{quote}" ;'
            f" jishi:start {start} ; jishi:end {end} .\n{_iri(fact)} jishi:evidence {node} .\n")


def _graph(tmp_path: Path) -> Path:
    """One phone call and one statement, as `jishi build` would write them."""
    zs, ls, call = _iri("actor/zs"), _iri("actor/ls"), _iri("event/e1")
    turtle = (
        "@prefix jishi: <https://w3id.org/jishi/ontology#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "@prefix dcterms: <http://purl.org/dc/terms/> .\n"
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        f'{_iri("doc/d1.txt")} a jishi:Document ; dcterms:identifier "d1.txt" ;'
        ' dcterms:date "2020-05-02"^^xsd:date .\n'
        f'{zs} a jishi:Person ; rdfs:label "Zhang"@en, "张三"@zh-Hans .\n'
        f'{ls} a jishi:Person ; rdfs:label "李四"@zh-Hans .\n'
        f'{call} a jishi:PhoneCall ; jishi:date "2020-05-01"^^xsd:date ; jishi:dateApprox true ;'
        f' jishi:participant {zs}, {ls} ; jishi:requestedBy {ls} ; rdfs:label "PhoneCall 2020-05-01 张三–李四"@zh-Hans .\n'
        f'{_iri("statement/s1")} a jishi:Statement ; jishi:speaker {zs} ; jishi:text "{SAID}"@zh-Hans ;'
        f' jishi:reportingVerb "说"@zh-Hans ; jishi:during {call} .\n'
        + _evidence("event/e1", CALL) + _evidence("statement/s1", SAID)
    )
    path = tmp_path / "graph.ttl"
    path.write_text(turtle, encoding="utf-8")
    return path


@pytest.fixture()
def built(tmp_path: Path) -> tuple[Path, Path]:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "d1.txt").write_text(TEXT, encoding="utf-8")
    return _graph(tmp_path), docs


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_benchmarks_audit_rows_state_the_fact_and_its_context(built, tmp_path):
    graph, docs = built
    out = tmp_path / "audit.csv"
    assert audit.main([str(graph), "--docs", str(docs), "--events", "5", "--statements", "5", "-o", str(out)]) == 0
    event, statement = _rows(out)
    assert (event["kind"], event["class"], event["date"], event["approx"]) == ("event", "PhoneCall", "2020-05-01", "yes")
    assert (event["participants"], event["requested_by"], event["doc"], event["doc_date"]) == (
        "张三; 李四", "李四", "d1.txt", "2020-05-02")
    assert event["sentence"] == "甲国外长张三同乙国外长李四通电话。"
    assert event["context"] == "前言一句。【甲国外长张三同乙国外长李四通电话】。张三说，-两国要合作。后记。⏎"
    assert (event["verdict"], event["note"], event["problem"]) == ("", "", "")
    assert (statement["speaker"], statement["verb"], statement["during"]) == ("张三", "说", "PhoneCall 2020-05-01 张三–李四")
    assert statement["text"] == "'-两国要合作"
    assert statement["sentence"] == "张三说，-两国要合作。"


def test_benchmarks_audit_same_seed_same_sample(built, tmp_path):
    graph, docs = built
    outs = [tmp_path / "a.csv", tmp_path / "b.csv"]
    for out in outs:
        audit.main([str(graph), "--docs", str(docs), "--events", "1", "--statements", "1", "--seed", "7",
                    "-o", str(out)])
    assert outs[0].read_bytes() == outs[1].read_bytes()


def test_benchmarks_audit_missing_document_is_a_problem_not_a_crash(built, tmp_path):
    graph, _ = built
    out = tmp_path / "audit.csv"
    audit.main([str(graph), "--events", "1", "--statements", "0", "-o", str(out)])
    (row,) = _rows(out)
    assert row["problem"] == "document not found under --docs"
    assert row["quote"] == CALL


@pytest.mark.parametrize(("cell", "expected"), [("=1+1", "'=1+1"), ("+86", "'+86"), ("@x", "'@x"),
                                                ("习近平", "习近平")])
def test_benchmarks_audit_neutralise(cell, expected):
    assert audit.neutralise(cell) == expected


def test_benchmarks_audit_tally_of_a_judged_csv(built, tmp_path, capsys):
    graph, docs = built
    out = tmp_path / "audit.csv"
    audit.main([str(graph), "--docs", str(docs), "-o", str(out)])
    rows = _rows(out)
    rows[0]["verdict"], rows[1]["verdict"] = "missing participant", "right"
    out.write_text(audit.to_csv(rows), encoding="utf-8")
    capsys.readouterr()
    audit.main(["--tally", str(out)])
    assert capsys.readouterr().out.splitlines() == [
        "events: 1 judged; right 0.0%, wrong participant 0.0%, missing participant 100.0%, wrong date 0.0%,"
        " not an event 0.0%",
        "statements: 1 judged; right 100.0%, wrong speaker 0.0%, runs past the words 0.0%, not a statement 0.0%"]


def _judged(tmp_path: Path, rows: list[dict[str, str]]) -> Path:
    path = tmp_path / "judged.csv"
    path.write_text(audit.to_csv(rows), encoding="utf-8")
    return path


def test_benchmarks_audit_carry_keeps_the_verdict_of_the_same_fact(built, tmp_path, capsys):
    graph, docs = built
    call = {"kind": "event", "doc": "d1.txt", "start": "5", "end": "21", "class": "PhoneCall", "date": "2020-05-01",
            "approx": "yes", "participants": "张三; 李四", "requested_by": "李四", "verdict": "wrong date",
            "note": "the call was on 4-30"}
    said = {"kind": "statement", "doc": "d1.txt", "start": "26", "end": "32", "speaker": "张三",
            "verdict": "right", "note": "张三's words"}
    out = tmp_path / "audit.csv"
    assert audit.main([str(graph), "--docs", str(docs), "--carry", str(_judged(tmp_path, [call, said])),
                       "-o", str(out)]) == 0
    assert [(r["verdict"], r["note"]) for r in _rows(out)] == [("wrong date", "the call was on 4-30"),
                                                               ("right", "张三's words")]
    assert "2 verdicts carried over" in capsys.readouterr().out


@pytest.mark.parametrize(("column", "other"), [("date", "2020-05-02"), ("approx", ""), ("requested_by", ""),
                                               ("participants", "张三"), ("start", "4")])
def test_benchmarks_audit_carry_skips_a_fact_that_changed(built, tmp_path, column, other):
    graph, docs = built
    call = {"kind": "event", "doc": "d1.txt", "start": "5", "end": "21", "class": "PhoneCall", "date": "2020-05-01",
            "approx": "yes", "participants": "张三; 李四", "requested_by": "李四", "verdict": "right"}
    out = tmp_path / "audit.csv"
    audit.main([str(graph), "--docs", str(docs), "--statements", "0",
                "--carry", str(_judged(tmp_path, [call | {column: other}])), "-o", str(out)])
    assert _rows(out)[0]["verdict"] == ""


def test_benchmarks_audit_carry_first_file_wins_and_unjudged_rows_carry_nothing(built, tmp_path):
    graph, docs = built
    said = {"kind": "statement", "doc": "d1.txt", "start": "26", "end": "32", "speaker": "张三"}
    newer, older = tmp_path / "newer.csv", tmp_path / "older.csv"
    newer.write_text(audit.to_csv([said | {"verdict": ""}, said | {"verdict": "runs past the words"}]), encoding="utf-8")
    older.write_text(audit.to_csv([said | {"verdict": "right"}]), encoding="utf-8")
    out = tmp_path / "audit.csv"
    audit.main([str(graph), "--docs", str(docs), "--events", "0", "--carry", str(newer), "--carry", str(older),
                "-o", str(out)])
    assert _rows(out)[0]["verdict"] == "runs past the words"


def test_benchmarks_audit_carry_from_a_missing_file_names_it(built, tmp_path, capsys):
    graph, docs = built
    with pytest.raises(SystemExit):
        audit.main([str(graph), "--docs", str(docs), "--carry", str(tmp_path / "nope.csv")])
    assert "nope.csv: no such file" in capsys.readouterr().err


def test_benchmarks_audit_tally_by_source(tmp_path, capsys):
    rows = [{"kind": "event", "doc": "mfa_20200101_1.txt", "verdict": "right", "class": "Meeting", "start": "9"},
            {"kind": "event", "doc": "hkcnews_20200101_2.txt", "verdict": "not an event", "class": "Aid", "start": "5"},
            {"kind": "statement", "doc": "hkcnews_20200101_2.txt", "verdict": "wrong speaker"}]
    judged = _judged(tmp_path, rows)
    audit.main(["--tally", "--by-source", str(judged)])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("events: 2 judged; right 50.0%")
    assert lines[2:] == [
        "[hkcnews]",
        "events: 1 judged; right 0.0%, wrong participant 0.0%, missing participant 0.0%, wrong date 0.0%,"
        " not an event 100.0%",
        "statements: 1 judged; right 0.0%, wrong speaker 100.0%, runs past the words 0.0%, not a statement 0.0%",
        "[mfa]",
        "events: 1 judged; right 100.0%, wrong participant 0.0%, missing participant 0.0%, wrong date 0.0%,"
        " not an event 0.0%"]
