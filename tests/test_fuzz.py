"""Fuzzing read → analyse → resolve → emit → parse (hypothesis): no input file, however broken, breaks a build.

Each example is a batch of one to three files. A file is either random bytes or a document
from a small grammar of what jishi reads — YAML front matter with random keys and values
(dates, impossible dates, odd years, small YAML anchors), ``key ==>`` headers and stray
``==>``, dated headings, sentences of catalogue actors with trigger words and reporting
verbs, random unicode, NULs and control characters — encoded in one of the encodings
Chinese reporting comes in, then possibly cut or spliced with random bytes. Properties:

* reading a file gives a Document or refuses it with ``UnreadableDocument`` and a reason;
  no other exception escapes, and the Document's offsets map its text into its raw text;
* analysis, resolution and emission raise nothing;
* the Turtle parses in rdflib and in pyoxigraph, both to as many triples as were emitted;
* every evidence quote is the raw text of its document at its offsets;
* the network page is written from the parsed graph.

CI runs ``JISHI_FUZZ_EXAMPLES`` examples (default 100, the same ones every run); the long
run with a random seed is ``benchmarks/fuzz.py``.
"""
from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from graph import emit, read, resolve, viz
from graph.catalogue import load_catalogue
from graph.ns import JISHI
from graph.pipeline import analyse

LEXICON = Path(__file__).resolve().parent.parent / "ontology" / "lexicon"
EXAMPLES = int(os.environ.get("JISHI_FUZZ_EXAMPLES", "100"))
LONG_RUN = os.environ.get("JISHI_FUZZ_SEED") is not None
FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not LONG_RUN,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
REGEX_SIGNS = set("[](){}^$?*+\\.")


def _plain_words(path: Path, column: str) -> list[str]:
    """The words of a lexicon column: entries, and the branches of ``a|b`` patterns, that are no regex."""
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        entries = [row[column] for row in rows if row[column] and not REGEX_SIGNS & set(row[column])]
    return sorted({word for entry in entries for word in entry.split("|")})


CATALOGUE = load_catalogue()
NAMES = sorted({n for a in CATALOGUE.actors.values() for n in (a.zh_hans, a.zh_hant, a.role) if n})
TRIGGERS = _plain_words(LEXICON / "event_triggers.csv", "trigger")
VERBS = _plain_words(LEXICON / "reporting_verbs.csv", "verb")
META_KEYS = ["title", "date", "time", "url", "link", "source_url", "author", "标题", "日期", "时间", "链接", "作者"]
ODD_VALUES = ["2020-02-30", "0000-01-01", "0001-01-01", "9999-12-31", "10000-01-01", "2020-03-17 10:00:00",
              "&a [1, 2]", "*a", "[*a, *a]", "{}", "[]", "~", "null", "yes", "'2020-03-17'", "!!binary AAAA",
              "http://例子.中国/a b?c=d#e", "50%.txt", "mailto:x", "//no-scheme", "<script>x</script>", "\"未闭合"]
NOISE = ["\x00", "\x00\x00", "\r\n", "\r", "\u2028", "\ufeff", "\u200b", "\u0301", "\u202e", "\t", "\x1b[31m",
         "==>", " ==> ", "---", "　", "……", "“", "”", "——", "#", "\ud7ff", "\U0001f600", "\uffff"]
PRINTABLE = st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=20)
"""Any unicode but control characters and lone surrogates: a few controls make a short file binary."""


def _years() -> st.SearchStrategy[int]:
    """Mostly the years of the corpus, sometimes any year a text could write (0 and 10000 among them)."""
    return st.one_of(st.integers(2019, 2021), st.integers(0, 12000), st.sampled_from([0, 1, 9999, 10000]))


@st.composite
def date_text(draw) -> str:
    """A date as the documents write it, in or out of range (2月30日, 13月, year 0)."""
    year, month, day = draw(_years()), draw(st.integers(0, 13)), draw(st.integers(0, 32))
    forms = [f"{year}年{month}月{day}日", f"{year:04d}年{month:02d}月{day:02d}日", f"{month}月{day}日", f"{day}日",
             f"{year:04d}-{month:02d}-{day:02d}", f"{year}-{month}-{day}", f"{year}年", f"{year}年{month}月",
             f"{month}月{day}日至{day + 2}日", f"{year}年{month}月{day}日至{month + 1}月{day}日", "今天", "昨日",
             "周二", "上周五", "当天", f"{year}年{month}月{day}日{day}时", f"{year:04d}-{month:02d}-{day:02d} {day}:30"]
    return draw(st.sampled_from(forms))


def _value() -> st.SearchStrategy[str]:
    return st.one_of(date_text(), st.sampled_from(ODD_VALUES), st.sampled_from(NAMES), PRINTABLE,
                     st.integers(-10**12, 10**12).map(str))


@st.composite
def front_matter(draw) -> str:
    """YAML front matter: random keys (the metadata keys among them) and values; sometimes left open."""
    keys = st.one_of(st.sampled_from(META_KEYS), PRINTABLE.filter(bool))
    fields = draw(st.lists(st.tuples(keys, _value()), max_size=6))
    body = "\n".join(f"{key}: {value}" for key, value in fields)
    return f"---\n{body}\n" + draw(st.sampled_from(["---\n", "--- \r\n", "", "...\n"]))


@st.composite
def arrow_header(draw) -> str:
    """A ``key ==> value`` header of a scraped article, or a line with ``==>`` somewhere in it."""
    key = draw(st.one_of(st.sampled_from(META_KEYS), PRINTABLE))
    return draw(st.sampled_from([f"{key} ==> {draw(_value())}", f"{draw(_value())} ==> ", f"==> {key}",
                                 f"{key}==>{key}==>"]))


@st.composite
def heading(draw) -> str:
    prefix = draw(st.sampled_from(["", "## ", "# ", "一、", "（三）", "◆", "——", "【新华社】"]))
    return prefix + draw(date_text()) + draw(st.sampled_from(["", "，", " 星期二", "电"]))


@st.composite
def sentence(draw) -> str:
    """A clause of the genre: actors, a date, a trigger word or a reporting verb, quoted words."""
    actor = st.sampled_from(NAMES)
    trigger, verb = st.sampled_from(TRIGGERS), st.sampled_from(VERBS)
    shape = draw(st.integers(0, 4))
    if shape == 0:
        return f"{draw(actor)}{draw(date_text())}同{draw(actor)}{draw(trigger)}。"
    if shape == 1:
        return f"{draw(date_text())}，{draw(actor)}与{draw(actor)}举行{draw(trigger)}。"
    if shape == 2:
        return f"{draw(actor)}{draw(verb)}，“{draw(st.text(max_size=20))}”。"
    if shape == 3:
        return f"{draw(actor)}：{draw(st.text(max_size=30))}"
    return f"{draw(actor)}向{draw(actor)}{draw(trigger)}{draw(verb)}"


@st.composite
def genre_line(draw) -> str:
    """A line that marks a genre: a speaker's turn, a dateline, a chronicle bullet, an attribution, a stamp."""
    name, day = draw(st.sampled_from(NAMES)), draw(date_text())
    return draw(st.sampled_from([f"{name}：", f"{name}:{draw(sentence())}", "问：", "答：", f"◆{draw(sentence())}",
                                 f"新华社北京{day}电（记者 {name}）", f"——{day}，{name}在会见时", f"{day}",
                                 "[bookmark: _Toc123]", "content ==> ", f"主持人：{name}", "（完）"]))


def _piece() -> st.SearchStrategy[str]:
    """Mostly clauses of the genre; now and then a heading, a header, noise or any unicode at all."""
    return st.one_of(sentence(), sentence(), sentence(), sentence(), heading(), genre_line(), date_text(),
                     PRINTABLE, st.one_of(arrow_header(), st.sampled_from(NOISE), st.text(max_size=20)))


@st.composite
def document_text(draw) -> str:
    """Front matter or headers, then lines of pieces; sometimes a running header repeated between them."""
    head = draw(st.one_of(st.just(""), front_matter(), arrow_header().map(lambda h: h + "\n")))
    pieces = draw(st.lists(_piece(), min_size=draw(st.sampled_from([0, 1, 1, 1])), max_size=25))
    joins = draw(st.lists(st.sampled_from(["\n", "", "\n\n", "\r\n"]), min_size=len(pieces), max_size=len(pieces)))
    running = draw(st.one_of(st.just(""), heading(), st.sampled_from(NAMES)))
    every = draw(st.integers(2, 6))
    return head + "".join(p + j + (f"\n{running}\n" if running and i % every == 0 else "")
                          for i, (p, j) in enumerate(zip(pieces, joins, strict=True)))


@st.composite
def mutated(draw, data: bytes) -> bytes:
    """The bytes cut short, or with random bytes put in or taken out here and there."""
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(data)))
        change = draw(st.sampled_from(["cut", "insert", "delete"]))
        if change == "cut":
            data = data[:at]
        elif change == "insert":
            data = data[:at] + draw(st.binary(min_size=1, max_size=4)) + data[at:]
        else:
            data = data[:at] + data[at + 1:]
    return data


@st.composite
def document_bytes(draw) -> bytes:
    """A file's bytes: a grammar document in some encoding, perhaps damaged, or random bytes."""
    if draw(st.integers(0, 7)) == 0:
        return draw(st.binary(max_size=600))
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "gb18030", "big5", "utf-16"]))
    data = draw(document_text()).encode(encoding, errors="replace")
    return draw(mutated(data)) if draw(st.integers(0, 2)) == 0 else data


BATCH = st.lists(st.tuples(document_bytes(), st.sampled_from([".txt", ".md"])), min_size=1, max_size=3)


def _read(path: Path) -> read.Document | None:
    """The document, or None when the reader refuses it with a reason (no other exception may escape)."""
    try:
        document = read.read_document(path)
    except read.UnreadableDocument as refused:
        assert refused.reason.strip(), f"{path.name}: refused without a reason"
        event(f"refused: {refused.reason.split('(')[0].strip()}")
        return None
    assert len(document.text) == len(document.offsets)
    assert all(a < b for a, b in zip(document.offsets, document.offsets[1:]))
    assert not document.offsets or 0 <= document.offsets[0] and document.offsets[-1] < len(document.raw)
    return document


def _check_graph(turtle: str, emitted: int, documents: dict[str, read.Document]) -> rdflib.Graph:
    """Both parsers read the Turtle to the emitted triples; evidence quotes the raw text at its offsets."""
    graph = rdflib.Graph().parse(data=turtle, format="turtle")
    oxigraph_triples = set(ox.parse(turtle.encode("utf-8"), format=ox.RdfFormat.TURTLE))
    assert len(graph) == len(oxigraph_triples) == emitted
    by_iri = {emit.doc_iri(doc_id).strip("<>"): doc for doc_id, doc in documents.items()}
    for kind in ("event", "statement"):
        found = {s for s in graph.subjects() if f"/id/{kind}/" in str(s)}
        event(f"{kind}s: {min(len(found), 3)}" + ("+" if len(found) >= 3 else ""))
    for evidence in graph.subjects(rdflib.RDF.type, JISHI.Evidence):
        raw = by_iri[str(graph.value(evidence, JISHI.document))].raw
        start, end = int(graph.value(evidence, JISHI.start)), int(graph.value(evidence, JISHI.end))
        assert 0 <= start < end <= len(raw)
        assert str(graph.value(evidence, JISHI.quote)) == raw[start:end]
    return graph


def check_batch(files: list[tuple[bytes, str]]) -> None:
    """Read, analyse, resolve, emit and draw one batch of files; check the properties of the module docstring."""
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for index, (data, suffix) in enumerate(files):
            paths.append(Path(folder) / f"fuzz{index}{suffix}")
            paths[-1].write_bytes(data)
        documents = {doc.id: doc for doc in map(_read, paths) if doc is not None}
        analyses = [analyse(doc, CATALOGUE) for doc in documents.values()]
        triples = emit.emit(resolve.resolve(analyses, CATALOGUE))
        graph = _check_graph(emit.to_turtle(triples), len(triples), documents)
        viz.write_network(graph, Path(folder) / "network.html")


@pytest.mark.slow
@FUZZ_SETTINGS
@given(BATCH)
def test_fuzz_read_analyse_emit_parse(files):
    check_batch(files)
