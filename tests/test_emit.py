"""Turtle output: readable by two independent parsers, escaped, byte-stable."""
import datetime as dt
from dataclasses import replace

import pyoxigraph
import pytest
import rdflib
from rdflib.namespace import DCTERMS

from graph.emit import PREFIXES, emit, emit_blocks, fewest_triples, iri, literal, to_turtle, turtle_chunks
from graph.model import Actor, DocMeta, Document, DocumentInfo, Event, Resolved, Span, Statement
from graph.texts import SpilledTexts
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


def test_emit_turtle_writes_one_sorted_block_per_subject_type_first():
    triples = [("<b>", "jishi:x", "1"), ("<a>", "rdfs:label", '"乙"'), ("<a>", "rdf:type", "jishi:C"),
               ("<a>", "rdfs:label", '"乙"'), ("<a>", "rdfs:label", '"甲"'), ("<a>", "dcterms:title", '"题"')]
    prefixes = "".join(f"@prefix {name}: <{ns}> .\n" for name, ns in PREFIXES.items())
    assert to_turtle(triples) == prefixes + (
        '<a>\n    rdf:type jishi:C ;\n    dcterms:title "题" ;\n    rdfs:label "乙" ;\n    rdfs:label "甲" .\n'
        "\n<b>\n    jishi:x 1 .\n")
    assert to_turtle([]) == prefixes


def test_emit_blocks_come_one_per_subject_in_sorted_order_and_write_as_to_turtle():
    blocks = list(emit_blocks(_resolved()))
    subjects = [s for s, _ in blocks]
    assert subjects == sorted(set(subjects))
    assert "".join(turtle_chunks(blocks)) == to_turtle(emit(_resolved()))


def test_emit_orders_the_quotes_of_a_document_whose_path_begins_another_by_iri():
    """Evidence IRIs of ``x`` and ``x/1`` interleave: x/0-4, then x/1/2-3, then x/5-9."""
    x, x1 = Document("x", "甲乙丙丁戊己庚辛壬癸", "甲乙丙丁戊己庚辛壬癸", range(10)), Document("x/1", "子丑寅卯", "子丑寅卯", range(4))
    event = Event("e1", "Visit", None, False, (), (Span("x", 5, 9), Span("x/1", 2, 3), Span("x", 0, 4)))
    subjects = [s for s, _ in emit_blocks(Resolved((x, x1), (), (event,), ()))]
    evidence = [s.split("/id/evidence/")[1] for s in subjects if "/id/evidence/" in s]
    assert evidence == ["x/0-4>", "x/1/2-3>", "x/5-9>"]


class _Memo:
    """A memo in a dict, counting what it had to compute."""

    def __init__(self) -> None:
        self.kept: dict = {}
        self.computed = 0

    def get(self, kind, key, compute):
        if (kind, key) not in self.kept:
            self.computed += 1
            self.kept[kind, key] = compute()
        return self.kept[kind, key]


def _two_documents() -> Resolved:
    """The test document and a copy of it under another name, each with its quotes."""
    resolved = _resolved()
    doc = resolved.documents[0]
    copy = replace(doc, id="c.txt")
    event = resolved.events[0]
    told_again = replace(event, evidence=(*event.evidence, Span("c.txt", 0, 9), Span("c.txt", 10, 12)))
    return Resolved((doc, copy), resolved.actors, (told_again,), resolved.statements)


def test_emit_with_a_memo_writes_each_documents_evidence_whole_and_the_same_turtle():
    memo = _Memo()
    blocks = list(emit_blocks(_two_documents(), memo))
    assert memo.computed == 2  # one piece of Turtle for each document's quotes
    assert "".join(turtle_chunks(blocks)) == to_turtle(emit(_two_documents()))
    assert "".join(turtle_chunks(emit_blocks(_two_documents(), memo))) == to_turtle(emit(_two_documents()))
    assert memo.computed == 2  # the second time, both from the memo


def test_emit_memo_writes_again_the_document_whose_quotes_changed():
    memo = _Memo()
    list(emit_blocks(_two_documents(), memo))
    changed = _two_documents()
    changed = replace(changed, events=(replace(changed.events[0], evidence=changed.events[0].evidence[:-1]),))
    assert "".join(turtle_chunks(emit_blocks(changed, memo))) == to_turtle(emit(changed))
    assert memo.computed == 3  # c.txt lost its quote 10-12; a b.txt's quotes came from the memo


def test_emit_memo_leaves_nested_documents_subject_by_subject():
    x, x1 = Document("x", "甲乙丙丁戊己庚辛壬癸", "甲乙丙丁戊己庚辛壬癸", range(10)), Document("x/1", "子丑寅卯", "子丑寅卯", range(4))
    event = Event("e1", "Visit", None, False, (), (Span("x", 5, 9), Span("x/1", 2, 3), Span("x", 0, 4)))
    resolved, memo = Resolved((x, x1), (), (event,), ()), _Memo()
    assert "".join(turtle_chunks(emit_blocks(resolved, memo))) == to_turtle(emit(resolved))
    assert memo.computed == 0


def test_emit_reads_quotes_from_spilled_texts_as_from_documents():
    resolved = _resolved()
    with SpilledTexts() as texts:
        texts.add(resolved.documents[0].id, RAW)
        spilled = Resolved(tuple(DocumentInfo(d.id, d.meta) for d in resolved.documents), resolved.actors,
                           resolved.events, resolved.statements, texts)
        assert to_turtle(emit(spilled)) == to_turtle(emit(resolved))


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


def _load_both(text: str) -> tuple[rdflib.Graph, pyoxigraph.Store]:
    """The Turtle parsed by rdflib and by Oxigraph (the parser `jishi query` and `jishi serve` use)."""
    store = pyoxigraph.Store()
    store.load(text.encode("utf-8"), pyoxigraph.RdfFormat.TURTLE)
    return rdflib.Graph().parse(data=text, format="turtle"), store


@pytest.mark.parametrize(("path", "expected"), [
    ("doc/50%.txt", "doc/50%25.txt"),
    ("doc/h#q?.txt", "doc/h%23q%3F.txt"),
    ('doc/x<>"{}|\\^`.txt', "doc/x%3C%3E%22%7B%7D%7C%5C%5E%60.txt"),
    ("doc/tab\there.txt", "doc/tab%09here.txt"),
    ("doc/del\x7f.txt", "doc/del%7F.txt"),                   # DEL: not in RFC 3987
    ("doc/nel\x85.txt", "doc/nel%C2%85.txt"),                # a C1 control: not ucschar
    ("doc/pua\ue000.txt", "doc/pua%EE%80%80.txt"),           # private use: only in a query
    ("doc/non\ufdd0.txt", "doc/non%EF%B7%90.txt"),           # a non-character
    ("doc/bad\udce4\udcff.txt", "doc/bad%E4%FF.txt"),        # bytes of a name that is not UTF-8
    ("doc/新闻·报道~(1)!.txt", "doc/新闻·报道~(1)!.txt"),       # allowed as they are
    ("actor/person/普京 \"x\"", "actor/person/普京%20%22x%22"),
])
def test_emit_iri_encodes_what_rfc3987_does_not_allow(path, expected):
    """Expected values from RFC 3987 (ipchar, ucschar) and the UTF-8 bytes of each character."""
    written = iri(path)
    assert written == f"<https://w3id.org/jishi/id/{expected}>"
    pyoxigraph.NamedNode(written[1:-1])


def test_emit_iri_of_names_that_differ_only_where_encoded_differ():
    names = ["a b.txt", "a%20b.txt", "a\udca0b.txt", "a\xa0b.txt", "a%A0b.txt", "a\udcc2\udca0b.txt"]
    assert len({iri("doc/" + name) for name in names}) == len(names)


@pytest.mark.parametrize(("source", "expected"), [
    ("https://example.org/新闻?id=1", "<https://example.org/新闻?id=1>"),
    ("HTTP://example.org/a b#x#y", "<HTTP://example.org/a%20b#x%23y>"),
    ("https://例子.中国/", "<https://例子.中国/>"),
    ("  https://example.org/ ", "<https://example.org/>"),
    ("人民网", '"人民网"'),
    ("/news/1.html", '"/news/1.html"'),
    ("新华社: 北京", '"新华社: 北京"'),
    ("urn:isbn:7-01", '"urn:isbn:7-01"'),
    ("javascript:alert(1)", '"javascript:alert(1)"'),
    ("file:///etc/passwd", '"file:///etc/passwd"'),
    ("http://[bad/", '"http://[bad/"'),
    ("http://example.org:port/", '"http://example.org:port/"'),
    ("http://exa mple.org/", '"http://exa mple.org/"'),
    ("https://", '"https://"'),
])
def test_emit_source_is_an_http_iri_or_a_literal(source, expected):
    """Only an absolute http(s) address is linked; anything else is kept as the text it is."""
    doc = Document("a.txt", RAW, RAW, tuple(range(len(RAW))), DocMeta(source=source))
    triples = emit(Resolved((doc,), (), (), ()))
    assert [o for _, p, o in triples if p == "dcterms:source"] == [expected]
    g, store = _load_both(to_turtle(triples))
    assert len(g) == len(store) == len(triples) == 5


def test_emit_name_that_is_not_utf8_is_written_with_backslash_escapes():
    """A file name with bytes that are not UTF-8 reaches emit with surrogates, which no UTF-8 text can hold."""
    doc = Document("报告\udce4.txt", RAW, RAW, tuple(range(len(RAW))), DocMeta())
    actor = Actor("person/xi-jinping", "Person", (("习近平", "zh-Hans"),), evidence=(doc.raw_span(0, 3),))
    text = to_turtle(emit(Resolved((doc,), (actor,), (), ())))
    g, store = _load_both(text)
    assert [str(o) for o in g.objects(None, DCTERMS.identifier)] == ["报告\\xe4.txt"]
    assert {str(o) for o in g.objects(None, JISHI.document)} == {"https://w3id.org/jishi/id/doc/报告%E4.txt"}
    assert len(g) == len(store) == 4 + 2 + 6


def test_emit_fewest_triples_counts_what_every_graph_of_the_facts_has_at_least():
    # the document 4 (type, identifier, language, genre), each of the 4 facts its type, each of
    # the 2 quotes its 5 triples and a link: 20; the graph has 36 (title, labels, roles, dates …)
    resolved = _resolved()
    assert fewest_triples(resolved) == 20
    assert len(emit(resolved)) == 36
