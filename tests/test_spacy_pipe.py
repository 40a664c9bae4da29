"""Tests for graph.spacy_pipe: jishi as a spaCy component, against `jishi build` and with entities from a ruler."""
from __future__ import annotations

import datetime as dt
import importlib.metadata
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy", reason="spaCy is the optional extra jishi[spacy]: pip install -e '.[spacy]'")

from rdflib import Graph, Namespace, URIRef  # noqa: E402
from rdflib.namespace import RDF  # noqa: E402

from graph import pipeline  # noqa: E402
from graph.model import ACTOR_CLASSES  # noqa: E402
from graph.spacy_pipe import make_jishi  # noqa: E402  (importing registers the factory, as the entry point does)

ROOT = Path(__file__).resolve().parent.parent
JISHI = Namespace("https://w3id.org/jishi/ontology#")
ID = "https://w3id.org/jishi/id/"
PHONE_CALL = "2020年3月5日，国务委员兼外长王毅同罗森伯格通电话。罗森伯格表示，感谢中方支持。"
"""A constructed report; 罗森伯格 is an invented foreign minister no catalogue lists."""


@pytest.fixture(scope="module")
def nlp():
    blank = spacy.blank("zh")
    blank.add_pipe("jishi")
    return blank


def with_ruler(patterns: list[dict], config: dict | None = None):
    """A blank pipeline with an EntityRuler before jishi, standing in for a statistical model."""
    nlp = spacy.blank("zh")
    nlp.add_pipe("entity_ruler").add_patterns(patterns)
    nlp.add_pipe("jishi", config=config or {})
    return nlp


def parties(event) -> set[tuple[str, str]]:
    return {(p.name, p.role) for p in event.parties}


# ---------------------------------------------------------------- tokens and spans

def test_spacy_pipe_blank_zh_segments_per_character():
    nlp = spacy.blank("zh")
    assert nlp.tokenizer.segmenter == "char"
    assert [t.text for t in nlp("外长王毅")] == ["外", "长", "王", "毅"]


@pytest.mark.parametrize("text, expected", [
    ("2020年3月5日，国务委员兼外长王毅同意大利外长迪马约通电话。",
     [("王毅", "Person", "person/wang-yi"), ("意大利", "Country", "country/IT"),
      ("迪马约", "Person", "person/luigi-di-maio")]),
])
def test_spacy_pipe_actor_spans_have_class_and_iri(nlp, text, expected):
    doc = nlp(text)
    assert [(s.text, s.label_, s.kb_id_) for s in doc.spans["jishi_actors"]] == [
        (name, cls, ID + "actor/" + key) for name, cls, key in expected]


def test_spacy_pipe_facts_carry_evidence_spans(nlp):
    doc = nlp("2020年3月5日，国务委员兼外长王毅同意大利外长迪马约通电话。迪马约表示，感谢中方支持。")
    [event] = doc._.jishi_events
    assert (event.cls, event.date) == ("PhoneCall", dt.date(2020, 3, 5))
    assert parties(event) == {("王毅", "participant"), ("迪马约", "participant")}
    assert event.evidence[0].span.text == doc.text[event.evidence[0].start:event.evidence[0].end]
    assert "通电话" in event.evidence[0].span.text
    [statement] = doc._.jishi_statements
    assert (statement.speaker.name, statement.speaker.role, statement.verb) == ("迪马约", "speaker", "表示")
    assert statement.text == "感谢中方支持。"
    assert statement.during == event.iri
    assert statement.evidence[0].span.text == "感谢中方支持。"


@pytest.mark.parametrize("text, names, call", [
    ("\ufeff2020年3月5日，国务委员兼外长王毅同意大利外长迪马约通电话。",  # a leading BOM the reader drops
     ["王毅", "意大利", "迪马约"], "国务委员兼外长王毅同意大利外长迪马约通电话"),
    ("2020年3月5日，國務委員兼外長王毅同義大利外長迪馬約通電話。",  # Traditional script: matched Simplified
     ["王毅", "義大利", "迪馬約"], "國務委員兼外長王毅同義大利外長迪馬約通電話"),
    ("◆2020年3月5日，国务委员兼外长王毅同意大利外长迪马约通\n\n电话。",  # a page break the reader repairs
     ["王毅", "意大利", "迪马约"], "国务委员兼外长王毅同意大利外长迪马约通\n\n电话"),
])
def test_spacy_pipe_offsets_point_into_doc_text(nlp, text, names, call):
    doc = nlp(text)
    [event] = doc._.jishi_events
    assert doc.text[event.evidence[0].start:event.evidence[0].end] == call == event.evidence[0].span.text
    assert [s.text for s in doc.spans["jishi_actors"]] == names


def test_spacy_pipe_entity_in_traditional_script_gets_the_simplified_key():
    doc = with_ruler([{"label": "PERSON", "pattern": "羅森伯格"}])("2020年3月5日，國務委員兼外長王毅同羅森伯格通電話。")
    [event] = doc._.jishi_events
    assert {p.key for p in event.parties} == {"person/wang-yi", "person/罗森伯格"}


def test_spacy_pipe_year_config_dates_a_text_without_one():
    nlp = spacy.blank("zh")
    nlp.add_pipe("jishi", config={"year": 2020})
    [event] = nlp("3月5日，国务委员兼外长王毅同意大利外长迪马约通电话。")._.jishi_events
    assert event.date == dt.date(2020, 3, 5)


@pytest.mark.parametrize("config", [{"date": "2020-02-30"}, {"date": "9999-12-31"}, {"year": 10000},
                                    {"date": "2020-03-05", "year": 2020}])
def test_spacy_pipe_bad_date_config_is_refused(config):
    with pytest.raises(ValueError, match="jishi: "):
        spacy.blank("zh").add_pipe("jishi", config=config)


def test_spacy_pipe_doc_still_serialises(nlp):
    doc = nlp(PHONE_CALL.replace("罗森伯格", "意大利外长迪马约", 1))
    again = spacy.tokens.Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert _doc_facts(again) == _doc_facts(doc)
    assert [e.evidence[0].span.text for e in again._.jishi_events] == ["国务委员兼外长王毅同意大利外长迪马约通电话"]


# ---------------------------------------------------------------- entities as actor candidates

def test_spacy_pipe_unknown_name_is_no_party_without_entities(nlp):
    doc = nlp(PHONE_CALL)
    assert doc._.jishi_events == []
    assert "罗森伯格" not in {s.text for s in doc.spans["jishi_actors"]}


def test_spacy_pipe_ruler_person_becomes_party_and_speaker():
    doc = with_ruler([{"label": "PERSON", "pattern": "罗森伯格"}])(PHONE_CALL)
    [event] = doc._.jishi_events
    assert (event.cls, event.date) == ("PhoneCall", dt.date(2020, 3, 5))
    assert parties(event) == {("王毅", "participant"), ("罗森伯格", "participant")}
    [statement] = doc._.jishi_statements
    assert (statement.speaker.key, statement.speaker.cls) == ("person/罗森伯格", "Person")
    assert ("罗森伯格", "Person") in {(s.text, s.label_) for s in doc.spans["jishi_actors"]}


@pytest.mark.parametrize("label, expected", [("GPE", ("gov/卡尔维亚", "GovernmentBody")),
                                             ("ORG", ("org/卡尔维亚", "Organization"))])
def test_spacy_pipe_ruler_place_or_body_becomes_provider(label, expected):
    doc = with_ruler([{"label": label, "pattern": "卡尔维亚"}])("2020年3月5日，卡尔维亚向中国捐赠了10万只口罩。")
    [event] = doc._.jishi_events
    provider = next(p for p in event.parties if p.role == "provider")
    assert (provider.key, provider.cls) == expected


@pytest.mark.parametrize("patterns", [
    [{"label": "NORP", "pattern": "罗森伯格"}],  # a label the component leaves out
    [{"label": "LOC", "pattern": "罗森伯格"}],
])
def test_spacy_pipe_unlisted_labels_add_no_actor(patterns):
    assert with_ruler(patterns)(PHONE_CALL)._.jishi_events == []


def test_spacy_pipe_entity_labels_config_replaces_the_list():
    nlp = with_ruler([{"label": "PERSON", "pattern": "罗森伯格"}], {"entity_labels": {"ORG": "Organization"}})
    assert nlp(PHONE_CALL)._.jishi_events == []


def test_spacy_pipe_catalogue_wins_over_a_wrong_entity():
    doc = with_ruler([{"label": "ORG", "pattern": "王毅"}])(PHONE_CALL)
    assert [(s.text, s.label_) for s in doc.spans["jishi_actors"] if s.text == "王毅"] == [("王毅", "Person")]


# ---------------------------------------------------------------- same results as a build

def _graph_facts(graph: Graph) -> tuple[set, set, set]:
    """Actors, events and statements of a built graph, as comparable tuples."""
    def evidence(node) -> frozenset:
        return frozenset((int(graph.value(ev, JISHI.start)), int(graph.value(ev, JISHI.end)))
                         for ev in graph.objects(node, JISHI.evidence))

    actor_types = {JISHI[c] for c in ACTOR_CLASSES}
    actors = {(str(s), str(t).split("#")[1]) for s, t in graph.subject_objects(RDF.type) if t in actor_types}
    events = set()
    for s, t in graph.subject_objects(RDF.type):
        roles = {(role, str(o)) for role in ("participant", "requestedBy", "provider", "recipient")
                 for o in graph.objects(s, JISHI[role])}
        if str(s).startswith(ID + "event/"):
            date = graph.value(s, JISHI.date)
            events.add((str(s), str(t).split("#")[1], date and date.toPython(), frozenset(roles), evidence(s)))
    statements = {(str(s), str(graph.value(s, JISHI.speaker)), str(graph.value(s, JISHI.text)),
                   str(graph.value(s, JISHI.reportingVerb)), graph.value(s, JISHI.date) and graph.value(s, JISHI.date).toPython(),
                   graph.value(s, JISHI.during) and str(graph.value(s, JISHI.during)), evidence(s))
                  for s in graph.subjects(RDF.type, JISHI.Statement)}
    return actors, events, statements


def _doc_facts(doc) -> tuple[set, set, set]:
    """The same tuples from the component's Doc attributes."""
    def evidence(fact) -> frozenset:
        return frozenset((e.start, e.end) for e in fact.evidence)

    actors = {(a.iri, a.cls) for a in doc._.jishi_actors}
    events = {(e.iri, e.cls, e.date, frozenset((p.role, p.iri) for p in e.parties), evidence(e))
              for e in doc._.jishi_events}
    statements = {(s.iri, s.speaker.iri, s.text, s.verb, s.date, s.during, evidence(s))
                  for s in doc._.jishi_statements}
    return actors, events, statements


@pytest.mark.parametrize("seed", sorted(p.name for p in (ROOT / "seeds").glob("*.txt")))
def test_spacy_pipe_same_facts_as_build(nlp, tmp_path, seeds_dir, seed):
    path = seeds_dir / seed
    report = pipeline.build([path], tmp_path, progress=False, network=False, jobs=1)
    built = _graph_facts(Graph().parse(report.graph_path, format="turtle"))
    doc = nlp(path.read_text(encoding="utf-8"))
    assert built[1], "a seed with no event tests nothing"
    assert _doc_facts(doc) == built
    for span in doc.spans["jishi_actors"]:
        assert (URIRef(span.kb_id_), span.label_) in {(URIRef(i), c) for i, c in built[0]}


# ---------------------------------------------------------------- registration

def test_spacy_pipe_entry_point_declared():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    target = project["project"]["entry-points"]["spacy_factories"]["jishi"]
    module, name = target.split(":")
    assert (module, name) == ("graph.spacy_pipe", make_jishi.__name__)
    assert "spacy>=3.7" in project["project"]["optional-dependencies"]["spacy"]


def test_spacy_pipe_add_pipe_needs_no_import():
    """Through the installed entry point alone, as a user's script would (``add_pipe`` before any import of graph)."""
    installed = {ep.name for ep in importlib.metadata.entry_points(group="spacy_factories")}
    if "jishi" not in installed:
        pytest.skip("jishi was installed before its entry point existed: pip install -e . again")
    script = "import spacy; nlp = spacy.blank('zh'); nlp.add_pipe('jishi'); print(len(nlp('王毅').spans['jishi_actors']))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "1"


def test_spacy_pipe_pipeline_saves_and_loads_with_its_config(tmp_path):
    nlp = with_ruler([{"label": "PERSON", "pattern": "罗森伯格"}], {"year": 2020})
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    [event] = loaded(PHONE_CALL.replace("2020年", ""))._.jishi_events
    assert (event.date, {p.name for p in event.parties}) == (dt.date(2020, 3, 5), {"王毅", "罗森伯格"})
