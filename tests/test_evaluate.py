"""graph/evaluate.py and ``jishi evaluate``: scores worked out by hand on small invented documents.

The fixture: three documents about invented actors (林素秋, foreign minister of
北陆国; 白安德, prime minister of 南岛国; 青禾基金会; 紫山大学).

a.txt (Simplified) — gold: a call, an aid delivery 日前 (approx 2020-03-05), a
meeting with no date; two statements. The graph has:
  P1 the call, right (also told by b.txt);
  P2 the aid dated 2020-02-28: six days before the approx gold date, so lenient only;
  P3 a meeting dated 2020-03-02 with 林素秋 alone: lenient (gold date null, 1 of 2
     participants is half), not strict (strict wants no date and both);
  P4 a second call between the two countries: extra.
  Q1 林素秋's statement, right; Q2 白安德's, dated a day early (lenient only);
  Q3 a statement of 北陆国 the gold lacks (extra; its evidence offsets are wrong).
b.txt (Traditional) — gold: the same call, which the graph holds as P1.
c.txt — gold: a message and a statement; the graph does not hold the document.

白安德's node carries only 白總理 (Traditional) and an English label: the gold's
aliases 白总理 (a.txt) and 白總理 (b.txt) find it after conversion. 南岛国 is on two nodes (split);
青禾基金会 has the wrong class; 紫山大学 is on no node.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from rdflib import RDF, RDFS, SKOS, Literal, URIRef
from rdflib.namespace import DCTERMS

from graph.cli import main
from graph.evaluate import GoldFormatError, evaluate, format_table, normalise, to_json
from graph.ns import JID, JISHI

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("JISHI_SHARED", ROOT.parent / "shared"))

TEXT_A = ("3月2日，北陆国外长林素秋应约同南岛国总理白安德通电话。林素秋表示，北陆国愿同南岛国加强合作。"
          "白安德感谢北陆国的支持。两人此前曾多次会晤。日前，青禾基金会向南岛国捐赠了一批口罩。")
TEXT_B = "3月2日，北陸國外長林素秋與南島國總理白安德通電話。"

GOLD_A = {
    "doc": "a.txt", "source": "test", "script": "zh-Hans", "scope": "whole",
    "actors": [
        {"name": "林素秋", "type": "Person", "aliases_in_doc": ["林素秋"]},
        {"name": "白安德", "type": "Person", "aliases_in_doc": ["白安德", "白总理"]},
        {"name": "北陆国", "type": "Country", "aliases_in_doc": ["北陆国"]},
        {"name": "南岛国", "type": "Country", "aliases_in_doc": ["南岛国"]},
        {"name": "青禾基金会", "type": "Organization", "aliases_in_doc": ["青禾基金会"]},
        {"name": "紫山大学", "type": "Organization", "aliases_in_doc": ["紫山大学"]},
    ],
    "events": [
        {"type": "PhoneCall", "date": "2020-03-02", "approx": False, "participants": ["林素秋", "白安德"],
         "requested_by": "白安德", "evidence": "林素秋应约同南岛国总理白安德通电话"},
        {"type": "Aid", "date": "2020-03-05", "approx": True, "participants": ["青禾基金会", "南岛国"],
         "evidence": "青禾基金会向南岛国捐赠了一批口罩"},
        {"type": "Meeting", "date": None, "approx": False, "participants": ["林素秋", "白安德"],
         "evidence": "两人此前曾多次会晤"},
    ],
    "statements": [
        {"speaker": "林素秋", "date": "2020-03-02", "verb": "表示", "evidence": "北陆国愿同南岛国加强合作"},
        {"speaker": "白安德", "date": "2020-03-02", "verb": "感谢", "evidence": "北陆国的支持"},
    ],
}
GOLD_B = {
    "doc": "b.txt", "source": "test", "script": "zh-Hant", "scope": "whole",
    "actors": [{"name": "林素秋", "type": "Person", "aliases_in_doc": ["林素秋"]},
               {"name": "白安德", "type": "Person", "aliases_in_doc": ["白安德", "白總理"]}],
    "events": [{"type": "PhoneCall", "date": "2020-03-02", "approx": False, "participants": ["林素秋", "白安德"],
                "evidence": "林素秋與南島國總理白安德通電話"}],
    "statements": [],
}
GOLD_C = {
    "doc": "c.txt", "source": "test", "script": "zh-Hans", "scope": "whole", "actors": [],
    "events": [{"type": "Message", "date": "2020-04-01", "approx": False, "participants": ["林素秋", "白安德"],
                "evidence": "林素秋致电白安德"}],
    "statements": [{"speaker": "林素秋", "date": "2020-04-01", "verb": "表示", "evidence": "愿继续合作"}],
}


def _node(path: str) -> URIRef:
    return JID[path]


def _actor(g: rdflib.Graph, path: str, cls: str, *labels: tuple[object, str]) -> URIRef:
    node = _node(path)
    g.add((node, RDF.type, JISHI[cls]))
    for prop, label in labels:
        g.add((node, prop, Literal(label, lang="zh-Hans")))
    return node


def _evidence(g: rdflib.Graph, node: URIRef, doc: str, text: str, quote: str, shift: int = 0) -> None:
    """Evidence of ``node``: ``quote`` at its place in ``text`` (moved by ``shift`` to make it wrong)."""
    start = text.index(quote) + shift
    ev = _node(f"evidence/{doc}/{start}")
    g.add((node, JISHI.evidence, ev))
    g.add((ev, RDF.type, JISHI.Evidence))
    g.add((ev, JISHI.document, _node(f"doc/{doc}")))
    g.add((ev, JISHI.quote, Literal(quote)))
    g.add((ev, JISHI.start, Literal(start)))
    g.add((ev, JISHI.end, Literal(start + len(quote))))


def _fact(g: rdflib.Graph, path: str, cls: str, date: str | None, prop: URIRef, actors: list[URIRef]) -> URIRef:
    node = _node(path)
    g.add((node, RDF.type, JISHI[cls]))
    if date:
        g.add((node, JISHI.date, Literal(date, datatype=rdflib.XSD.date)))
    for actor in actors:
        g.add((node, prop, actor))
    return node


def fixture_graph() -> rdflib.Graph:
    """The graph described in the module docstring."""
    g = rdflib.Graph()
    for doc in ("a.txt", "b.txt"):
        g.add((_node(f"doc/{doc}"), RDF.type, JISHI.Document))
        g.add((_node(f"doc/{doc}"), DCTERMS.identifier, Literal(doc)))
    lin = _actor(g, "actor/lin", "Person", (RDFS.label, "林素秋"))
    bai = _actor(g, "actor/bai", "Person", (SKOS.altLabel, "白總理"))
    g.add((bai, RDFS.label, Literal("Bai Ande", lang="en")))
    beilu = _actor(g, "actor/beilu", "Country", (RDFS.label, "北陆国"))
    g.add((beilu, RDFS.label, Literal("Beilu", lang="en")))
    nandao = _actor(g, "actor/nandao", "Country", (RDFS.label, "南岛国"))
    _actor(g, "actor/nandao-gov", "GovernmentBody", (SKOS.altLabel, "南岛国"))
    qinghe = _actor(g, "actor/qinghe", "InternationalOrganization", (RDFS.label, "青禾基金会"))
    p1 = _fact(g, "event/p1", "PhoneCall", "2020-03-02", JISHI.participant, [lin, bai])
    _evidence(g, p1, "a.txt", TEXT_A, "林素秋应约同南岛国总理白安德通电话")
    _evidence(g, p1, "b.txt", TEXT_B, "林素秋與南島國總理白安德通電話")
    p2 = _fact(g, "event/p2", "Aid", "2020-02-28", JISHI.participant, [qinghe, nandao])
    _evidence(g, p2, "a.txt", TEXT_A, "青禾基金会向南岛国捐赠了一批口罩")
    p3 = _fact(g, "event/p3", "Meeting", "2020-03-02", JISHI.participant, [lin])
    _evidence(g, p3, "a.txt", TEXT_A, "两人此前曾多次会晤")
    p4 = _fact(g, "event/p4", "PhoneCall", "2020-03-02", JISHI.participant, [beilu, nandao])
    _evidence(g, p4, "a.txt", TEXT_A, "通电话")
    for path, speaker, date, content, shift in (("q1", lin, "2020-03-02", "北陆国愿同南岛国加强合作", 0),
                                                ("q2", bai, "2020-03-01", "感谢北陆国的支持", 0),
                                                ("q3", beilu, "2020-03-02", "加强合作", 1)):
        node = _fact(g, f"statement/{path}", "Statement", date, JISHI.speaker, [speaker])
        g.add((node, JISHI.text, Literal(content)))
        _evidence(g, node, "a.txt", TEXT_A, content, shift)
    return g


@pytest.fixture(scope="module")
def gold_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("gold")
    for gold in (GOLD_A, GOLD_B, GOLD_C):
        (folder / f"{gold['doc']}.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def docs_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("docs")
    (folder / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\xef\xbb\xbf" + TEXT_B.encode("utf-8"))  # a BOM does not move offsets
    return folder


@pytest.fixture(scope="module")
def result(gold_dir, docs_dir):
    return evaluate(fixture_graph(), gold_dir, docs_dir)


def test_evaluate_normalise_converts_script_and_drops_spaces():
    assert normalise("白總理 林 素秋\n") == "白总理林素秋"


def test_evaluate_events_lenient_and_strict(result):
    # a: P1, P2, P3 pair; P4 is extra. b: P1 pairs. c: nothing predicted.
    assert result.total("events").rounded() == (0.8, 0.8, 0.8)  # 4 of 5 predicted, 4 of 5 gold
    # strict: only the call, in a and in b: 2 of 5 both ways.
    assert result.total("events_strict").rounded() == (0.4, 0.4, 0.4)
    a = result.documents[0]
    assert a.events.rounded() == (0.75, 1.0, 0.857)  # F1 = 2·0.75·1/1.75
    assert a.events_strict.rounded() == (0.25, 0.333, 0.286)  # F1 = 2/7


def test_evaluate_events_per_class(result):
    per_class = result.per_class()
    assert per_class["PhoneCall"].rounded() == (0.667, 1.0, 0.8)  # 2 pairs, 3 predicted (a: 2, b: 1), 2 gold
    assert per_class["Aid"].rounded() == per_class["Meeting"].rounded() == (1.0, 1.0, 1.0)
    assert (per_class["Message"].gold, per_class["Message"].predicted) == (1, 0)


def test_evaluate_statements_lenient_and_strict(result):
    assert result.total("statements").rounded() == (0.667, 0.667, 0.667)  # 2 of 3 predicted, 2 of 3 gold
    assert result.total("statements_strict").rounded() == (0.333, 0.333, 0.333)  # Q2's date is a day early


def test_evaluate_actors_found_typed_split(result):
    actors = result.actors
    assert (actors.gold, actors.found, actors.typed, actors.split) == (8, 7, 6, 1)  # a: 6 5 4 1; b: 2 2 2 0
    assert actors.missed == ("紫山大学",)


def test_evaluate_cross_document_and_evidence(result):
    assert (result.merged, result.retold) == (1, 1)
    assert result.evidence_exact == (7, 8)  # Q3's offsets are one character off
    assert result.inexact_evidence == (f"a.txt {TEXT_A.index('加强合作') + 1}-{TEXT_A.index('加强合作') + 5} | 加强合作",)


def test_evaluate_missing_document_counts_its_gold(result):
    c = result.documents[2]
    assert not c.in_graph
    assert (c.events.gold, c.events.predicted, c.statements.gold) == (1, 0, 1)


def test_evaluate_missed_and_extra(result):
    a = result.documents[0]
    assert a.missed_events == ()
    assert a.extra_events == ("PhoneCall 2020-03-02 [北陆国, 南岛国] | 通电话",)
    assert a.extra_statements == ("北陆国 2020-03-02 | 加强合作",)
    assert result.documents[2].missed_events == ("Message 2020-04-01 [林素秋, 白安德] | 林素秋致电白安德",)


def test_evaluate_pairs_as_many_as_the_rules_allow(tmp_path):
    """G1 (林素秋, 白安德) may pair with M1 (both) or M2 (白安德 only); G2 (林素秋, 北陆国) only with M1.
    Taking M1 for G1 because it has more participants would leave G2 alone: both must pair."""
    g = rdflib.Graph()
    g.add((_node("doc/d.txt"), RDF.type, JISHI.Document))
    g.add((_node("doc/d.txt"), DCTERMS.identifier, Literal("d.txt")))
    lin = _actor(g, "actor/lin", "Person", (RDFS.label, "林素秋"))
    bai = _actor(g, "actor/bai", "Person", (RDFS.label, "白安德"))
    text = "林素秋会见白安德。白安德会见了来访者。"
    m1 = _fact(g, "event/m1", "Meeting", "2020-05-01", JISHI.participant, [lin, bai])
    _evidence(g, m1, "d.txt", text, "林素秋会见白安德")
    m2 = _fact(g, "event/m2", "Meeting", "2020-05-01", JISHI.participant, [bai])
    _evidence(g, m2, "d.txt", text, "白安德会见了来访者")
    events = [{"type": "Meeting", "date": "2020-05-01", "participants": ["林素秋", "白安德"], "evidence": "x"},
              {"type": "Meeting", "date": "2020-05-01", "participants": ["林素秋", "北陆国"], "evidence": "y"}]
    (tmp_path / "d.txt.gold.json").write_text(json.dumps({"doc": "d.txt", "events": events, "statements": []}),
                                              encoding="utf-8")
    assert evaluate(g, tmp_path).total("events").rounded() == (1.0, 1.0, 1.0)


def test_evaluate_cli_table_and_json(tmp_path, gold_dir, docs_dir):
    graph_path = tmp_path / "graph.ttl"
    fixture_graph().serialize(graph_path, format="turtle")
    table = CliRunner().invoke(main, ["evaluate", str(graph_path), str(gold_dir), "--docs", str(docs_dir), "-v"])
    assert table.exit_code == 0, table.output
    assert table.output.splitlines()[-1] == (
        "events F1 0.8 (P 0.8 R 0.8) strict F1 0.4 | statements F1 0.667 (P 0.667 R 0.667) strict F1 0.333 | "
        "actors recall 0.875 typed 0.75 split 1 | cross-doc merged 1/1 evidence_exact 7/8")
    assert "    missed actor: 紫山大学" in table.output
    assert "    extra event: PhoneCall 2020-03-02 [北陆国, 南岛国] | 通电话" in table.output  # Simplified labels
    report = json.loads(CliRunner().invoke(main, ["evaluate", str(graph_path), str(gold_dir),
                                                  "--format", "json"]).output)
    assert report["summary"]["events"]["f1"] == 0.8
    assert report["summary"]["actors"] == {"gold": 8, "found": 7, "typed": 6, "split": 1,
                                           "recall": 0.875, "typed_recall": 0.75}
    assert "evidence_exact" not in report["summary"]


def test_evaluate_cli_reports_bad_gold(tmp_path):
    graph_path = tmp_path / "graph.ttl"
    fixture_graph().serialize(graph_path, format="turtle")
    empty = CliRunner().invoke(main, ["evaluate", str(graph_path), str(tmp_path)])
    assert empty.exit_code == 1 and "no *.gold.json" in empty.output
    (tmp_path / "x.txt.gold.json").write_text("{not json", encoding="utf-8")
    broken = CliRunner().invoke(main, ["evaluate", str(graph_path), str(tmp_path)])
    assert broken.exit_code == 1 and "x.txt.gold.json: not a gold file" in broken.output
    with pytest.raises(GoldFormatError):
        evaluate(fixture_graph(), tmp_path)


def test_evaluate_output_same_under_any_hash_seed(tmp_path, gold_dir, docs_dir):
    graph_path = tmp_path / "graph.ttl"
    fixture_graph().serialize(graph_path, format="turtle")
    command = [sys.executable, "-m", "graph.cli", "evaluate", str(graph_path), str(gold_dir),
               "--docs", str(docs_dir), "--verbose", "--format", "json"]
    outputs = {subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(outputs) == 1


# -- the seed corpus ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_graph_file(tmp_path_factory, seeds_dir) -> Path:
    """The seed corpus built once for this module."""
    from graph.pipeline import build

    return build([seeds_dir], tmp_path_factory.mktemp("evaluate"), progress=False, network=False).graph_path


def _zh_label(g: rdflib.Graph, node) -> str:
    labels = sorted(g.objects(node, RDFS.label), key=lambda lab: (lab.language != "zh-Hans", str(lab)))
    return str(labels[0])


def _gold_from_graph(g: rdflib.Graph, doc, name: str) -> dict:
    """A gold file that says exactly what the graph says about one document (read with plain rdflib)."""
    def quote(node) -> str:
        quotes = [(int(g.value(ev, JISHI.start)), str(g.value(ev, JISHI.quote)))
                  for ev in g.objects(node, JISHI.evidence) if g.value(ev, JISHI.document) == doc]
        return min(quotes)[1] if quotes else ""

    def date(node) -> str | None:
        value = g.value(node, JISHI.date)
        return str(value) if value is not None else None

    classes = ("PhoneCall", "Meeting", "Message", "VideoConference", "Summit", "PressConference", "Aid",
               "ExpertTeam", "InfoSharing")
    events = [{"type": cls, "date": date(e), "approx": False, "evidence": quote(e),
               "participants": [_zh_label(g, p) for p in g.objects(e, JISHI.participant)]}
              for cls in classes for e in g.subjects(RDF.type, JISHI[cls]) if quote(e)]
    statements = [{"speaker": _zh_label(g, g.value(s, JISHI.speaker)), "date": date(s), "evidence": quote(s)}
                  for s in g.subjects(RDF.type, JISHI.Statement) if quote(s)]
    actors = [{"name": _zh_label(g, a), "type": cls, "aliases_in_doc": []}
              for cls in ("Person", "Country", "GovernmentBody", "InternationalOrganization", "Organization")
              for a in g.subjects(RDF.type, JISHI[cls]) if quote(a)]
    return {"doc": name, "actors": actors, "events": events, "statements": statements}


def test_evaluate_seed_graph_scores_itself_perfectly(seed_graph_file, seeds_dir, tmp_path):
    """Gold written from the seed graph itself must score 1 everywhere: the scorer reads the graph
    as jishi writes it (Traditional quotes, offsets, labels). The project's gold is not in this
    repository; agreement with it is checked by the next test where it is present."""
    g = rdflib.Graph().parse(seed_graph_file)
    for doc, name in g.subject_objects(DCTERMS.identifier):
        gold = _gold_from_graph(g, doc, str(name))
        (tmp_path / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    result = evaluate(g, tmp_path, seeds_dir)
    for score in ("events", "events_strict", "statements", "statements_strict"):
        assert result.total(score).rounded() == (1.0, 1.0, 1.0), score
    assert result.total("events").gold > 300 and result.total("statements").gold > 250
    assert result.actors.found == result.actors.typed == result.actors.gold
    assert result.evidence_exact[0] == result.evidence_exact[1]


@pytest.mark.skipif(not (SHARED / "tools" / "kg_eval.py").is_file() or not (SHARED / "eval" / "gold").is_dir(),
                    reason="the shared scorer and seed gold are not beside this repository (set JISHI_SHARED)")
def test_evaluate_seed_scores_agree_with_shared_scorer(seed_graph_file, tmp_path):
    """On the seeds and their gold, each figure is within 0.01 of the shared scorer's."""
    subprocess.run([sys.executable, str(SHARED / "tools" / "kg_eval.py"), str(seed_graph_file),
                    str(SHARED / "eval" / "gold"), "--json", str(tmp_path / "kg_eval.json")],
                   capture_output=True, check=True)
    theirs = json.loads((tmp_path / "kg_eval.json").read_text(encoding="utf-8"))["summary"]
    ours = evaluate(rdflib.Graph().parse(seed_graph_file), SHARED / "eval" / "gold")
    for key in ("events", "events_strict", "statements"):
        assert ours.total(key).rounded() == pytest.approx(tuple(theirs[key]), abs=0.01), key
    actors = ours.actors
    assert actors.found / actors.gold == pytest.approx(theirs["actors_recall"], abs=0.01)
    assert actors.typed / actors.gold == pytest.approx(theirs["actors_typed_recall"], abs=0.01)
    assert (ours.merged, ours.retold) == tuple(theirs["cross_doc_events_merged"])
