"""graph/validate.py with ontology/shapes.ttl: a well-formed graph conforms, each kind of damage is caught."""
from __future__ import annotations


import pytest
import rdflib
from click.testing import CliRunner

from graph.cli import main
from graph.genres import NAMES as GENRES
from graph.ns import event_classes
from graph.validate import Violation, format_report, validate, validate_graph

# A tiny graph written by hand: 王毅 phones Italy's foreign minister, and says something during the call.
# The quote "王毅同意大利外长通电话" is 11 characters long, so start 0 and end 11.
VALID = """
@base <https://w3id.org/jishi/id/> .
@prefix jishi: <https://w3id.org/jishi/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix wd: <http://www.wikidata.org/entity/> .

<doc/例.txt> a jishi:Document ; dcterms:identifier "例.txt" ; dcterms:language "zh-Hans" ;
    jishi:genre "chronicle" ; dcterms:date "2020-03-13"^^xsd:date .
<actor/country/IT> a jishi:Country ; rdfs:label "意大利"@zh-Hans , "Italy"@en ; jishi:isoCode "IT" ;
    skos:exactMatch wd:Q38 .
<actor/person/王毅> a jishi:Person ; rdfs:label "王毅"@zh-Hans ; skos:altLabel "王毅"@zh-Hant ;
    jishi:role "外长"@zh-Hans .
<actor/person/迪马约> a jishi:Person ; rdfs:label "迪马约"@zh-Hans ; jishi:role "外长"@zh-Hans ;
    jishi:affiliation <actor/country/IT> .
<event/call> a jishi:PhoneCall ; jishi:date "2020-03-13"^^xsd:date ;
    jishi:participant <actor/person/王毅> , <actor/person/迪马约> ; jishi:evidence <evidence/例.txt/0-11> .
<event/aid> a jishi:Aid ; jishi:date "2020-03-13"^^xsd:date ; jishi:dateApprox true ;
    jishi:participant <actor/person/王毅> , <actor/country/IT> ;
    jishi:provider <actor/person/王毅> ; jishi:recipient <actor/country/IT> ;
    jishi:evidence <evidence/例.txt/0-11> .
<evidence/例.txt/0-11> a jishi:Evidence ; jishi:document <doc/例.txt> ; jishi:quote "王毅同意大利外长通电话" ;
    jishi:start 0 ; jishi:end 11 .
<statement/s1> a jishi:Statement ; jishi:speaker <actor/person/王毅> ; jishi:text "中方支持意方抗击疫情"@zh-Hans ;
    jishi:reportingVerb "表示"@zh-Hans ; jishi:date "2020-03-13"^^xsd:date ; jishi:during <event/call> ;
    jishi:evidence <evidence/例.txt/0-11> .
"""

JID = "https://w3id.org/jishi/id/"

# (what is broken, text replaced in VALID, replacement, focus node, path named in the violation)
BROKEN = [
    ("event without evidence", "jishi:participant <actor/person/王毅> , <actor/person/迪马约> ; "
                               "jishi:evidence <evidence/例.txt/0-11> .",
     "jishi:participant <actor/person/王毅> , <actor/person/迪马约> .", "event/call", "jishi:evidence"),
    ("evidence without quote", 'jishi:quote "王毅同意大利外长通电话" ;', "", "evidence/例.txt/0-11", "jishi:quote"),
    ("evidence without document", "jishi:document <doc/例.txt> ;", "", "evidence/例.txt/0-11", "jishi:document"),
    ("evidence with a negative start", "jishi:start 0", "jishi:start -1", "evidence/例.txt/0-11", "jishi:start"),
    ("evidence ending before it starts", "jishi:start 0 ; jishi:end 11", "jishi:start 11 ; jishi:end 0",
     "evidence/例.txt/0-11", "jishi:start"),
    ("quote length differs from the offsets", "jishi:end 11", "jishi:end 12", "evidence/例.txt/0-11", "jishi:quote"),
    ("offsets given as strings", "jishi:end 11", 'jishi:end "11"', "evidence/例.txt/0-11", "jishi:end"),
    ("actor without a zh-Hans label", 'rdfs:label "意大利"@zh-Hans , "Italy"@en', 'rdfs:label "Italy"@en',
     "actor/country/IT", "rdfs:label"),
    ("actor with two zh-Hans labels", 'rdfs:label "迪马约"@zh-Hans', 'rdfs:label "迪马约"@zh-Hans , "迪马尤"@zh-Hans',
     "actor/person/迪马约", "rdfs:label"),
    ("bad genre", 'jishi:genre "chronicle"', 'jishi:genre "novel"', "doc/例.txt", "jishi:genre"),
    ("bad document language", 'dcterms:language "zh-Hans"', 'dcterms:language "zh-CN"', "doc/例.txt",
     "dcterms:language"),
    ("document source as a file IRI", 'dcterms:language "zh-Hans" ;', 'dcterms:language "zh-Hans" ; '
     "dcterms:source <file:///etc/passwd> ;", "doc/例.txt", "dcterms:source"),
    ("document with two sources", 'dcterms:language "zh-Hans" ;', 'dcterms:language "zh-Hans" ; '
     'dcterms:source "人民网" , <https://example.org/a> ;', "doc/例.txt", "dcterms:source"),
    ("document without identifier", 'dcterms:identifier "例.txt" ;', "", "doc/例.txt", "dcterms:identifier"),
    ("event typed only as jishi:Event", "<event/call> a jishi:PhoneCall", "<event/call> a jishi:Event",
     "event/call", "rdf:type"),
    ("event date as a plain string", 'jishi:PhoneCall ; jishi:date "2020-03-13"^^xsd:date',
     'jishi:PhoneCall ; jishi:date "2020年3月13日"', "event/call", "jishi:date"),
    ("event with two dates", 'jishi:PhoneCall ; jishi:date "2020-03-13"^^xsd:date',
     'jishi:PhoneCall ; jishi:date "2020-03-13"^^xsd:date , "2020-03-14"^^xsd:date', "event/call", "jishi:date"),
    ("participant that is not an actor", "jishi:participant <actor/person/王毅> , <actor/person/迪马约> ;",
     "jishi:participant <actor/person/王毅> , <doc/例.txt> ;", "doc/例.txt", "rdf:type"),
    ("recipient not asserted as participant", "jishi:participant <actor/person/王毅> , <actor/country/IT> ;",
     "jishi:participant <actor/person/王毅> ;", "event/aid", "jishi:recipient"),
    ("statement without speaker", "jishi:speaker <actor/person/王毅> ; jishi:text", "jishi:text",
     "statement/s1", "jishi:speaker"),
    ("statement text in English", '"中方支持意方抗击疫情"@zh-Hans', '"China supports Italy"@en', "statement/s1",
     "jishi:text"),
    ("statement during a non-event", "jishi:during <event/call>", "jishi:during <actor/country/IT>",
     "actor/country/IT", "rdf:type"),
]


def _graph(text: str) -> rdflib.Graph:
    return rdflib.Graph().parse(data=text, format="turtle")


def _broken(old: str, new: str) -> str:
    assert old in VALID, old
    return VALID.replace(old, new, 1)


def test_validate_valid_graph_conforms():
    conforms, violations, checked = validate_graph(_graph(VALID))
    assert violations == []
    assert conforms
    assert checked == 8  # 1 document, 3 actors, 2 events, 1 evidence, 1 statement


@pytest.mark.parametrize("what, old, new, node, path", BROKEN, ids=[case[0] for case in BROKEN])
def test_validate_broken_graph_fails(what, old, new, node, path):
    conforms, violations, _ = validate_graph(_graph(_broken(old, new)))
    assert not conforms
    found = {(v.node, v.path) for v in violations}
    assert (f"<{JID}{node}>", path) in found, violations


@pytest.mark.parametrize("source", ['<https://example.org/新闻?q=1>', '"人民网"', '"/news/1.html"'])
def test_validate_document_source_as_address_or_text_conforms(source):
    conforms, violations, _ = validate_graph(_graph(_broken(
        'dcterms:language "zh-Hans" ;', f'dcterms:language "zh-Hans" ; dcterms:source {source} ;')))
    assert (conforms, violations) == (True, [])


def test_validate_file_report_counts_focus_nodes(tmp_path):
    path = tmp_path / "graph.ttl"
    path.write_text(VALID, encoding="utf-8")
    conforms, report = validate(path)
    assert conforms
    assert report == "conforms: 8 focus nodes checked"


def test_validate_file_report_names_violation(tmp_path):
    path = tmp_path / "graph.ttl"
    path.write_text(_broken('jishi:genre "chronicle"', 'jishi:genre "novel"'), encoding="utf-8")
    conforms, report = validate(path)
    assert not conforms
    assert report.startswith("does not conform: 1 violations")
    assert "jishi:genre" in report and "例.txt" in report


@pytest.mark.parametrize("content, reason", [(None, "no such graph file"), ("<a> <b> .", "cannot be parsed")])
def test_validate_unreadable_file_fails_with_reason(tmp_path, content, reason):
    path = tmp_path / "graph.ttl"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    conforms, report = validate(path)
    assert not conforms
    assert reason in report


def test_validate_report_is_bounded():
    violations = [Violation(f"<urn:n{i:03}>", "jishi:evidence", "an event needs at least one jishi:evidence")
                  for i in range(120)]
    lines = format_report(violations, 120, limit=50).splitlines()
    assert lines[0] == "does not conform: 120 violations in 120 focus nodes"
    assert lines[-1] == "… and 70 more"
    assert len(lines) == 1 + 1 + 50 + 1


@pytest.mark.parametrize("text, code", [(VALID, 0), (_broken("jishi:end 11", "jishi:end 12"), 1)])
def test_validate_cli_exit_code(tmp_path, text, code):
    path = tmp_path / "graph.ttl"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == code, result.output
    assert ("conforms:" in result.output) == (code == 0)


def test_validate_seed_graph_conforms(tmp_path_factory, seeds_dir):
    from graph.pipeline import build

    report = build([seeds_dir], tmp_path_factory.mktemp("seed"), progress=False)
    conforms, text = validate(report.graph_path)
    assert conforms, text


@pytest.mark.parametrize("genre", GENRES)
def test_validate_every_genre_the_reader_gives_conforms(genre):
    """The shapes allow every genre graph.read can give a document (a chronology, a speech …)."""
    conforms, violations, _ = validate_graph(_graph(_broken('jishi:genre "chronicle"', f'jishi:genre "{genre}"')))
    assert violations == [] and conforms


@pytest.mark.parametrize("cls", event_classes())
def test_validate_every_ontology_event_class_conforms(cls):
    """The shapes know every event class of jishi.ttl (a Visit of 王毅 to Italy, a statement during it)."""
    conforms, violations, _ = validate_graph(_graph(_broken("<event/call> a jishi:PhoneCall",
                                                            f"<event/call> a jishi:{cls}")))
    assert violations == [] and conforms
