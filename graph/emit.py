"""Resolved facts → RDF triples → deterministic Turtle.

The only module that mints IRIs and triples. IRIs come from stable keys
(catalogue keys, document file names, content digests), never from counters.

Turtle is written here rather than by rdflib's serializer: rdflib needs
seconds per hundred thousand triples and its output is not byte-stable when
nodes are shared, while sorted triples written line by line are both fast and
byte-identical from run to run. Evidence nodes are IRIs (not blank nodes) for
the same reason. Any rdflib or Oxigraph parser reads the result.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import heapq
import itertools
import operator
import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from pyoxigraph import NamedNode
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from . import ns
from .model import Actor, Document, DocumentInfo, Event, Quotes, Resolved, Span, Statement

JID = str(ns.JID)
PREFIXES = {
    "jishi": str(ns.JISHI),
    "jid": JID,
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "xsd": str(XSD),
    "wd": str(ns.WD),
}

Triple = tuple[str, str, str]
"""(subject, predicate, object), each already written in Turtle syntax."""
SubjectBlock = tuple[str, list[tuple[str, str]]]
"""A subject and its (predicate, object) pairs, sorted: what Turtle writes as one block."""


@dataclass(frozen=True)
class Written:
    """Subject blocks already written as Turtle (one document's evidence, kept by a memo), and their triple count."""

    turtle: str
    triples: int


class TurtleMemo(Protocol):
    """Where written Turtle is kept between builds (:class:`graph.cache.DiskMemo`)."""

    def get(self, kind: str, key: Hashable, compute: Callable[[], Written]) -> Written: ...

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_TO_ESCAPE = re.compile("[" + re.escape("".join(_ESCAPES)) + "]")
"""What a Turtle string may not hold as it is. Found by a regex, not ``str.translate`` with a table:
on Chinese text that looks up every character in a dict (6 of 38 s of resolve and emit at 50 MB)."""
_UCSCHAR = ("\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef"
            + "".join(f"{chr(plane << 16)}-{chr((plane << 16) + 0xFFFD)}" for plane in range(1, 14))
            + "\U000e1000-\U000efffd")
"""RFC 3987 ``ucschar``: the characters beyond ASCII an IRI may hold as they are (CJK among them).

Left out: C1 controls, private use, non-characters, surrogates and language tags;
Oxigraph rejects an IRI holding any of them."""
_IRI_UNSAFE = re.compile(f"[^A-Za-z0-9\\-._~!$&'()*+,;=:@/{_UCSCHAR}]")
"""What a path under ``jid:`` may not hold as it is: RFC 3987 ``ipchar`` and ``/`` pass; ``%`` is
encoded too, so that two names (``a b.txt``, ``a%20b.txt``) never share an IRI."""
_WEB_UNSAFE = re.compile(f"[^A-Za-z0-9\\-._~!$&'()*+,;=:@/?%{_UCSCHAR}]")
"""What the path, query or fragment of a web address may not hold: as ``_IRI_UNSAFE``, but ``?``
and an escape the address already has (``%E6%96%B0``) stay."""
_STRAY_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
"""A ``%`` that opens no escape (``增长100%.txt``, an address cut off in ``%E5%A``): IRI parsers reject it."""
_WEB_ADDRESS = re.compile(r"(?i)(https?://)([^/?#]+)([^#]*)(?:#(.*))?", re.DOTALL)
"""An absolute http(s) address: scheme, authority, path and query, fragment."""
_NAME_BYTE = range(0xDC80, 0xDD00)
"""Where Python puts the bytes of a file name that is not UTF-8 (``surrogateescape``)."""


def _percent(match: re.Match) -> str:
    """One character as percent-escapes of its UTF-8 bytes; a byte of a non-UTF-8 file name as itself.

    A name's stray byte ``\\xe4`` becomes ``%E4`` (its own byte, as the file
    system holds it), so two different names still give two different IRIs.
    """
    code = ord(match.group())
    if code in _NAME_BYTE:
        return f"%{code - 0xDC00:02X}"
    return "".join(f"%{byte:02X}" for byte in match.group().encode("utf-8", "surrogatepass"))


@functools.lru_cache(maxsize=1 << 16)
def _iri_path(path: str) -> str:
    """``path`` with every character RFC 3987 does not allow there percent-encoded (cached: keys repeat)."""
    return _IRI_UNSAFE.sub(_percent, path)


def iri(path: str) -> str:
    """A resource IRI under ``jid:``, as Turtle; characters an IRI may not hold are percent-encoded.

    Chinese names stay readable (IRIs allow them); delimiters, brackets, spaces,
    controls, ``%`` itself and the characters RFC 3987 leaves out are encoded, so
    a discovered name or a file name (``报告[1].txt``, ``增长100%.txt``, a name
    that is not UTF-8) can never break the Turtle, and two different names
    never share an IRI.

    >>> iri("doc/报告 [1] 100%.txt")
    '<https://w3id.org/jishi/id/doc/报告%20%5B1%5D%20100%25.txt>'
    """
    return f"<{JID}{_iri_path(path)}>"


def web_iri(address: str) -> str | None:
    """A document's web address as a Turtle IRI, or None when it is no absolute http(s) address.

    Characters an IRI may not hold are percent-encoded part by part (a ``#``
    inside the fragment, a space or ``<`` anywhere); an authority that no
    encoding can mend (``http://[bad``, a port that is not a number) makes it
    no address, as do other schemes (``javascript:``, ``file:``) and relative
    paths. The result is checked with Oxigraph's RFC 3987 parser, the one that
    loads the graph.

    >>> web_iri("https://example.org/新闻 1?q=100%")
    '<https://example.org/新闻%201?q=100%25>'
    >>> web_iri("/news/1.html") is None
    True
    """
    match = _WEB_ADDRESS.fullmatch(address.strip())
    if not match:
        return None
    scheme, authority, rest, fragment = match.groups()
    encoded = scheme + authority + _web_part(rest)
    if fragment is not None:
        encoded += "#" + _web_part(fragment.replace("#", "%23"))
    try:
        NamedNode(encoded)
    except ValueError:
        return None
    return f"<{encoded}>"


def _web_part(text: str) -> str:
    return _WEB_UNSAFE.sub(_percent, _STRAY_PERCENT.sub("%25", text))


def source_term(value: str) -> str:
    """``dcterms:source`` of a document: its web address as an IRI, anything else as the text it is.

    >>> source_term("人民网")
    '"人民网"'
    """
    return web_iri(value) or literal(value)


def display_name(name: str) -> str:
    """A file name, or a message quoting one, as text that can be written: bytes not UTF-8 as ``\\xNN``.

    Python holds such a name with surrogate characters, which no UTF-8 file or
    terminal accepts.

    >>> display_name("报告\\udce4.txt")
    '报告\\\\xe4.txt'
    """
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate no file name holds: shown as Python writes it
        return name.encode("utf-8", "backslashreplace").decode("utf-8")


def literal(value: object, lang: str | None = None) -> str:
    """A Turtle literal: strings (optionally language-tagged), dates, integers, booleans."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return f'"{value.isoformat()}"^^xsd:date'
    text = _TO_ESCAPE.sub(lambda m: _ESCAPES[m.group()], str(value))
    return f'"{text}"@{lang}' if lang else f'"{text}"'


def actor_iri(key: str) -> str:
    return iri("actor/" + key)


def doc_iri(doc_id: str) -> str:
    return iri("doc/" + doc_id)


def evidence_iri(span: Span) -> str:
    """The IRI of one quote: its document's encoded name (cached) and the offsets, which need no encoding."""
    return f"<{JID}{_iri_path('evidence/' + span.doc_id)}/{span.start}-{span.end}>"


def _document_triples(doc: Document | DocumentInfo) -> Iterator[Triple]:
    s = doc_iri(doc.id)
    meta = doc.meta
    yield s, "rdf:type", "jishi:Document"
    yield s, "dcterms:identifier", literal(display_name(doc.id))
    yield s, "dcterms:language", literal(meta.language)
    yield s, "jishi:genre", literal(meta.genre)
    if meta.title:
        yield s, "dcterms:title", literal(meta.title, meta.language)
    if meta.date:
        yield s, "dcterms:date", literal(meta.date)
    if meta.source:
        yield s, "dcterms:source", source_term(meta.source)
    if meta.author:
        yield s, "dcterms:creator", literal(meta.author, meta.language)


def _evidence_links(subject: str, spans: Iterable[Span]) -> Iterator[Triple]:
    """A fact's links to its quotes; the quotes' own triples are the evidence subjects' (:func:`_evidence_blocks`)."""
    for span in spans:
        yield subject, "jishi:evidence", evidence_iri(span)


def _evidence_triples(span: Span, quotes: Quotes) -> Iterator[Triple]:
    ev = evidence_iri(span)
    yield ev, "rdf:type", "jishi:Evidence"
    yield ev, "jishi:document", doc_iri(span.doc_id)
    yield ev, "jishi:quote", literal(quotes.quote(span))
    yield ev, "jishi:start", literal(span.start)
    yield ev, "jishi:end", literal(span.end)


def _actor_triples(actor: Actor) -> Iterator[Triple]:
    s = actor_iri(actor.key)
    yield s, "rdf:type", ns.class_term(actor.cls)
    for label, lang in actor.labels:
        yield s, "rdfs:label", literal(label, lang)
    for label, lang in actor.alt_labels:
        yield s, "skos:altLabel", literal(label, lang)
    if actor.role:
        yield s, "jishi:role", literal(actor.role, "zh-Hans")
    if actor.affiliation:
        yield s, "jishi:affiliation", actor_iri(actor.affiliation)
    if actor.iso_code:
        yield s, "jishi:isoCode", literal(actor.iso_code)
    if actor.wikidata:
        yield s, "skos:exactMatch", f"wd:{actor.wikidata}"
    yield from _evidence_links(s, actor.evidence)


def event_label(event: Event, names: dict[str, str]) -> str:
    """A human label such as ``PhoneCall 2020-03-19 习近平–普京``."""
    who = "–".join(names.get(k, k) for k in event.participants)
    when = event.date.isoformat() if event.date else "?"
    return f"{event.cls} {when} {who}".strip()


def _event_triples(event: Event, names: dict[str, str]) -> Iterator[Triple]:
    s = iri("event/" + event.key)
    yield s, "rdf:type", ns.class_term(event.cls)
    yield s, "rdfs:label", literal(event_label(event, names), "zh-Hans")
    if event.date:
        yield s, "jishi:date", literal(event.date)
    if event.approx:
        yield s, "jishi:dateApprox", literal(True)
    for key in event.participants:
        yield s, "jishi:participant", actor_iri(key)
    for prop in ("requested_by", "provider", "recipient"):
        key = getattr(event, prop)
        if key:
            yield s, "jishi:" + {"requested_by": "requestedBy"}.get(prop, prop), actor_iri(key)
    yield from _evidence_links(s, event.evidence)


def _statement_triples(statement: Statement) -> Iterator[Triple]:
    s = iri("statement/" + statement.key)
    yield s, "rdf:type", "jishi:Statement"
    yield s, "jishi:speaker", actor_iri(statement.speaker)
    yield s, "jishi:text", literal(statement.text, "zh-Hans")
    yield s, "jishi:reportingVerb", literal(statement.verb, "zh-Hans")
    if statement.date:
        yield s, "jishi:date", literal(statement.date)
    if statement.during:
        yield s, "jishi:during", iri("event/" + statement.during)
    yield from _evidence_links(s, statement.evidence)


class _DocumentQuotes:
    """Quotes read from whole :class:`Document` objects (a corpus resolved without spilled texts)."""

    def __init__(self, documents: Iterable[Document | DocumentInfo]) -> None:
        self._documents = {doc.id: doc for doc in documents}

    def quote(self, span: Span) -> str:
        document = self._documents[span.doc_id]
        if not isinstance(document, Document):
            raise ValueError(f"{span.doc_id}: no text to quote (resolved without texts)")
        return document.quote(span)


def quotes_of(resolved: Resolved) -> Quotes:
    """Where the evidence quotes of ``resolved`` are read: its spilled texts, else its whole documents."""
    return resolved.texts if resolved.texts is not None else _DocumentQuotes(resolved.documents)


def emit_blocks(resolved: Resolved, memo: TurtleMemo | None = None) -> Iterator[SubjectBlock | Written]:
    """Every subject of the corpus with its sorted (predicate, object) pairs, none twice, in sorted order.

    One subject at a time: each kind of fact (documents, actors, events,
    statements, evidence) is sorted by its IRI, the kinds are merged, and a
    subject's triples are made when it is written; an evidence quote is read
    then (from ``resolved.texts``). Memory holds the resolved facts and one
    subject's triples, never the graph.

    With a ``memo``, each document's evidence comes as one :class:`Written`
    piece, taken from the memo when an earlier build wrote the same quotes:
    its Turtle depends only on the document's id, the offsets and the quotes,
    which are the key (adding one document to a corpus leaves the other
    documents' evidence, most of the graph's subjects, as it was).
    """
    quotes = quotes_of(resolved)
    names = {a.key: a.labels[0][0] for a in resolved.actors}
    kinds = [
        _sorted_subjects(((doc_iri(doc.id), doc) for doc in resolved.documents), _document_triples),
        _sorted_subjects(((actor_iri(a.key), a) for a in resolved.actors), _actor_triples),
        _sorted_subjects(((iri("event/" + e.key), e) for e in resolved.events),
                         functools.partial(_event_triples, names=names)),
        _sorted_subjects(((iri("statement/" + s.key), s) for s in resolved.statements), _statement_triples),
        _evidence_subjects(resolved, quotes, memo),
    ]
    merged = heapq.merge(*kinds, key=operator.itemgetter(0))
    for subject, makers in itertools.groupby(merged, key=operator.itemgetter(0)):
        made = [make for _, make in makers]
        if isinstance(made[0], Written):  # a document's evidence: its subjects are no other fact's
            yield made[0]
            continue
        pairs = {(p, o) for make in made for _, p, o in make()}
        yield subject, sorted(pairs, key=_order)


_Maker = Callable[[], Iterable[Triple]]
"""The triples of one subject, made when it is written."""


def _sorted_subjects(items: Iterable[tuple[str, object]],
                     triples: Callable[[Any], Iterable[Triple]]) -> Iterator[tuple[str, _Maker]]:
    """``(subject, maker)`` for facts given as ``(subject, fact)``, sorted by subject."""
    for subject, fact in sorted(items, key=operator.itemgetter(0)):
        yield subject, functools.partial(triples, fact)


def _evidence_subjects(resolved: Resolved, quotes: Quotes,
                       memo: TurtleMemo | None = None) -> Iterator[tuple[str, _Maker | Written]]:
    """The quotes of every fact, each once, sorted by IRI; a few documents' at a time.

    An evidence IRI is its document's path and the offsets. Documents are taken
    in the order of their paths; those whose path begins another's (``a/``,
    ``a/b/``) are merged together, all others follow one another in IRI order,
    each written whole with a ``memo`` (under its first IRI: :func:`emit_blocks`).
    """
    by_document: dict[str, list[Span]] = defaultdict(list)
    for fact in itertools.chain(resolved.actors, resolved.events, resolved.statements):
        for span in fact.evidence:
            by_document[span.doc_id].append(span)
    paths = sorted((_iri_path("evidence/" + doc_id) + "/", doc_id) for doc_id in by_document)
    for group in _nested(paths):
        if memo is not None and len(group) == 1:
            yield _written_evidence(group[0], _by_iri(by_document.pop(group[0])), quotes, memo)
            continue
        streams = [_document_evidence(by_document.pop(doc_id), quotes) for doc_id in group]
        yield from heapq.merge(*streams, key=operator.itemgetter(0))


def _written_evidence(doc_id: str, evidence: list[tuple[str, Span]], quotes: Quotes,
                      memo: TurtleMemo) -> tuple[str, Written]:
    """One document's evidence subjects as one piece of Turtle, from ``memo`` when it holds the same quotes.

    The key's quotes are cut from one read of the document's text up to its last quote (a
    read of spilled texts per quote was 3% of a rebuild's profiled CPU on the 10 MB corpus).
    """
    text = quotes.quote(Span(doc_id, 0, max(span.end for _, span in evidence)))
    key = hashlib.sha256("\0".join([doc_id, *(f"{s.start}-{s.end}\0{text[s.start:s.end]}" for _, s in evidence)])
                         .encode("utf-8", "surrogatepass")).hexdigest()

    def write() -> Written:
        blocks = [(subject, sorted({(p, o) for _, p, o in _evidence_triples(span, quotes)}, key=_order))
                  for subject, span in evidence]
        return Written("\n".join(_block_turtle(*block) for block in blocks), sum(len(pairs) for _, pairs in blocks))
    return evidence[0][0], memo.get("evidence", key, write)


def _nested(paths: list[tuple[str, str]]) -> Iterator[list[str]]:
    """Document ids in runs whose paths begin with the run's first path (sorted, so a run is contiguous)."""
    run: list[str] = []
    head = ""
    for path, doc_id in paths:
        if run and not path.startswith(head):
            yield run
            run = []
        if not run:
            head = path
        run.append(doc_id)
    if run:
        yield run


def _document_evidence(spans: list[Span], quotes: Quotes) -> Iterator[tuple[str, _Maker]]:
    """One document's quotes, each once, sorted by IRI."""
    for subject, span in _by_iri(spans):
        yield subject, functools.partial(_evidence_triples, span, quotes)


def _by_iri(spans: list[Span]) -> list[tuple[str, Span]]:
    """One document's quotes, each once, with their IRIs, sorted by IRI."""
    unique = {(span.start, span.end): span for span in spans}
    return sorted((evidence_iri(span), span) for span in unique.values())


def fewest_triples(resolved: Resolved) -> int:
    """A lower bound of the triples ``resolved`` is written as, counted without making them.

    For deciding early what only the graph's size decides (whether a build draws its page:
    :func:`graph.pipeline.build`). Every document has four triples at least
    (:func:`_document_triples`), every fact its type, every quote five
    (:func:`_evidence_triples`) and a link from a fact that cites it.
    """
    facts = (*resolved.actors, *resolved.events, *resolved.statements)
    quotes = {(span.doc_id, span.start, span.end) for fact in facts for span in fact.evidence}
    return 4 * len(resolved.documents) + len(facts) + 6 * len(quotes)


def emit(resolved: Resolved) -> list[Triple]:
    """All triples of the corpus, sorted (by subject, ``rdf:type`` first) and without duplicates."""
    return [(s, p, o) for s, pairs in emit_blocks(resolved) for p, o in pairs]


def _order(pair: tuple[str, str]) -> tuple:
    p, o = pair
    return (p != "rdf:type", p, o)


def turtle_chunks(blocks: Iterable[SubjectBlock | Written]) -> Iterator[str]:
    """The Turtle of ``blocks`` in pieces, the prefixes then one subject block each, in their order.

    Joined they are byte-identical for the same input; written one by one (see
    :func:`graph.files.write_atomic`) they never stand in memory as one text.
    """
    yield "\n".join(f"@prefix {name}: <{ns}> ." for name, ns in PREFIXES.items()) + "\n"
    between = ""
    for block in blocks:
        yield between + (block.turtle if isinstance(block, Written) else _block_turtle(*block))
        between = "\n"


def _block_turtle(subject: str, pairs: list[tuple[str, str]]) -> str:
    """One subject's block of Turtle."""
    body = " ;\n".join(f"    {p} {o}" for p, o in pairs)
    return f"{subject}\n{body} .\n"


def to_turtle(triples: Iterable[Triple]) -> str:
    """Triples as Turtle, one subject block each (sorted, ``rdf:type`` first); byte-identical for the same input."""
    subjects: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for s, p, o in triples:
        subjects[s].add((p, o))
    return "".join(turtle_chunks((s, sorted(subjects[s], key=_order)) for s in sorted(subjects)))
