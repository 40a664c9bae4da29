"""Turtle output: readable by two independent parsers, escaped, byte-stable."""
import datetime as dt
from dataclasses import replace

import pyoxigraph
import pytest
import rdflib
from rdflib.namespace import DCTERMS

from graph.emit import emit, iri, literal, to_turtle
from graph.model import Actor, DocMeta, Document, Event, Resolved, Statement
from graph.ns import JISHI

RAW = '习近平同普京通电话。普京说："合作<script>alert(1)</script>"\n'


def _resolved() -> Resolved:
    doc = Document("a b.txt", RAW, RAW, tuple(range(len(RAW))),
                   DocMeta(title='标题 "引号" \\ 反斜杠', date=dt.date(2020, 3, 19),
                           source="https://example.org/新闻?id=1", genre="chronicle"))
    actors = (
        Actor("person/xi-jinping", "Person", (("习近平", "zh-Hans"), ("習近平", "zh-Hant"))),
        Actor('person/普京 "x"', "Person", (("普京", "zh-Hans"),), role="总统"),
    )
    event = Event("e1", "PhoneCall", dt.date(2020, 3, 19), False,
                  ("person/xi-jinping", 'person/普京 "x"'), (doc.raw_span(0, 9),))
    said = Statement("s1", 'person/普京 "x"', "说", RAW[15:], dt.date(2020, 3, 19),
                     (doc.raw_span(15, len(RAW) - 1),), during="e1")
    return Resolved((doc,), actors, (event,), (said,))


def test_emit_turtle_parses_with_rdflib_and_oxigraph():
    triples = emit(_resolved())
    text = to_turtle(triples)
    g = rdflib.Graph().parse(data=text, format="turtle")
    store = pyoxigraph.Store()
    store.load(text.encode("utf-8"), pyoxigraph.RdfFormat.TURTLE)
    assert len(g) == len(triples) == len(store)


def test_emit_keeps_quotes_exact_and_text_escaped():
    g = rdflib.Graph().parse(data=to_turtle(emit(_resolved())), format="turtle")
    quotes = {str(q) for q in g.objects(None, JISHI.quote)}
    assert RAW[0:9] in quotes
    assert RAW[15:len(RAW) - 1] in quotes
    texts = [str(t) for t in g.objects(None, JISHI.text)]
    assert texts == [RAW[15:]]


def test_emit_is_byte_identical_across_runs():
    assert to_turtle(emit(_resolved())) == to_turtle(emit(_resolved()))


def test_emit_iri_encodes_delimiters_but_keeps_chinese():
    assert iri('person/普京 "x"') == "<https://w3id.org/jishi/id/person/普京%20%22x%22>"


def test_emit_literal_forms():
    assert literal(dt.date(2020, 1, 22)) == '"2020-01-22"^^xsd:date'
    assert literal(True) == "true"
    assert literal('a"b\n', "zh-Hans") == '"a\\"b\\n"@zh-Hans'


def test_emit_source_from_front_matter_stays_one_iri():
    """A document's own ``source:`` line is untrusted text: it must not close the IRI and add triples."""
    doc = Document("a.txt", RAW, RAW, tuple(range(len(RAW))),
                   DocMeta(source='https://example.org/a> ; <urn:x> "y', author='记者"甲"'))
    g = rdflib.Graph().parse(data=to_turtle(emit(Resolved((doc,), (), (), ()))), format="turtle")
    assert [str(o) for o in g.objects(None, DCTERMS.source)] == ["https://example.org/a%3E%20;%20%3Curn:x%3E%20%22y"]
    assert [str(o) for o in g.objects(None, DCTERMS.creator)] == ['记者"甲"']
    assert len(g) == 6  # type, identifier, language, genre, source, creator


def test_emit_writes_classes_through_the_closed_namespace():
    """An event class the ontology defines is written; one it lacks fails loudly instead of being minted."""
    resolved = _resolved()
    visit = replace(resolved.events[0], cls="Visit")
    assert ("<https://w3id.org/jishi/id/event/e1>", "rdf:type", "jishi:Visit") in emit(
        replace(resolved, events=(visit,)))
    with pytest.raises(AttributeError, match="Vist"):
        emit(replace(resolved, events=(replace(visit, cls="Vist"),)))


@pytest.mark.parametrize(("doc_id", "source", "expected_source"), [
    ("增长100%.txt", "https://example.org/a%E5%A", "https://example.org/a%E5%25A"),
    ("a%E6%96%B0.txt", "https://example.org/50%off", "https://example.org/50%25off")])
def test_emit_stray_percent_makes_valid_iris(doc_id, source, expected_source):
    """A ``%`` that opens no escape (a file name, an address cut off mid-escape) once made IRIs Oxigraph rejects."""
    doc = Document(doc_id, RAW, RAW, tuple(range(len(RAW))), DocMeta(source=source))
    store = pyoxigraph.Store()
    store.load(to_turtle(emit(Resolved((doc,), (), (), ()))).encode("utf-8"), pyoxigraph.RdfFormat.TURTLE)
    sources = [q.object.value for q in store.quads_for_pattern(None, pyoxigraph.NamedNode(str(DCTERMS.source)), None)]
    assert sources == [expected_source]


@pytest.mark.parametrize("doc_id", ["报告[1].txt", "a b.txt", "a%20b.txt", "增长100%.txt"])
def test_emit_file_names_make_valid_distinct_iris(doc_id):
    """Brackets and a bare % in a file name once made IRIs Oxigraph rejects."""
    doc = Document(doc_id, RAW, RAW, tuple(range(len(RAW))), DocMeta())
    store = pyoxigraph.Store()
    store.load(to_turtle(emit(Resolved((doc,), (), (), ()))).encode("utf-8"), pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == 4  # type, identifier, language, genre


def test_emit_escape_like_file_name_has_its_own_iri():
    assert iri("doc/a b.txt") != iri("doc/a%20b.txt")
