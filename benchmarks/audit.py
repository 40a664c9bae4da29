"""Sample events and statements of a built graph, with their source context, into a CSV for a person to judge.

Precision can only be measured by reading: gold files cover a handful of documents, while users build
thousands. This script draws a deterministic random sample (same graph, same ``--seed`` → same rows) and
puts beside each fact what the graph states and the text it was read from, so a reader can mark it.

    .venv/bin/python benchmarks/audit.py out/graph.ttl --docs seeds --events 100 --statements 80 \\
        --seed 1 -o audit.csv

Documents are named in the graph by file name (``jid:doc/<file name>``); ``--docs`` gives the folders to
find those files in (searched recursively, as ``jishi build`` does). An event told by several documents is
shown with its first evidence (by document, then offset); ``evidences`` says how many there are.

Columns: ``kind`` (event | statement), ``iri``, ``doc``, ``doc_date``, ``class``, ``date``, ``approx``,
``participants``, ``provider``, ``recipient``, ``requested_by`` (events), ``speaker``, ``verb``, ``during``,
``text`` (statements), ``evidences``, ``start``, ``end``, ``quote`` (the evidence as the graph holds it),
``sentence`` (the sentence(s) around it), ``context`` (about 100 characters either side, the quote in
【】; line breaks shown as ⏎), ``problem`` (the document was not found, or its text does not match the
quote), then ``verdict`` and ``note``, left empty for the reader.

Verdicts, events: ``right`` (a real event of its class, right date, right and complete participants and
roles), ``wrong participant``, ``missing participant``, ``wrong date``, ``not an event``. Statements:
``right``, ``wrong speaker``, ``runs past the words``, ``not a statement``.

``--carry JUDGED.csv`` (repeatable; the first file that has a fact wins) fills ``verdict`` and ``note`` of
each drawn fact that a judged audit already read: the same event (document, offsets, class, date, approx and
every party and role) or the same statement (document, offsets, speaker). A rebuilt graph is then judged
only where it changed, and a fact keeps one verdict from audit to audit:

    .venv/bin/python benchmarks/audit.py out/graph.ttl --docs wild300 --carry docs/audit/judged.csv -o new.csv

``--tally`` reads a judged CSV back and prints the share of each verdict:

    .venv/bin/python benchmarks/audit.py --tally docs/audit/judged.csv

With ``--by-source`` it also prints them for each source, a document's file name up to its first ``_``
(``hkcnews_20200327_28338.txt`` → ``hkcnews``), since genres differ and a mixed figure hides which one fails.

Cells that a spreadsheet would run as a formula (starting with ``= + - @``, tab or carriage return) are
written with a leading apostrophe.
"""
from __future__ import annotations

import argparse
import csv
import io
import random
import sys
from dataclasses import dataclass
from pathlib import Path

import rdflib
from rdflib.namespace import DCTERMS, RDF, RDFS

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from graph import read  # noqa: E402
from graph.export._common import neutralise, sorted_labels, superclasses  # noqa: E402
from graph.files import load_graph, write_atomic  # noqa: E402
from graph.ns import JISHI  # noqa: E402

COLUMNS = ("kind", "iri", "doc", "doc_date", "class", "date", "approx", "participants", "provider", "recipient",
           "requested_by", "speaker", "verb", "during", "text", "evidences", "start", "end", "quote", "sentence",
           "context", "problem", "verdict", "note")
EVENT_VERDICTS = ("right", "wrong participant", "missing participant", "wrong date", "not an event")
STATEMENT_VERDICTS = ("right", "wrong speaker", "runs past the words", "not a statement")
AROUND = 100
"""Characters of context shown on either side of the evidence."""
SENTENCE_ENDS = "。！？!?\n"
SENTENCE_MAX = 300
"""A sentence reaches at most this far beyond the evidence (transcripts can run long without a full stop)."""
CARRY_KEYS = {"event": ("doc", "start", "end", "class", "date", "approx", "participants", "provider", "recipient",
                        "requested_by"),
              "statement": ("doc", "start", "end", "speaker")}
"""The cells that make two rows the same fact: everything the graph states that a verdict judges.
A statement's text is its quote, so its offsets stand for it."""
LONG_QUOTE = 400
"""A longer quote is shown in ``context`` and ``sentence`` by its head and tail, so its end stays in view."""


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: document file name and raw character offsets."""

    doc: str
    start: int
    end: int
    quote: str


def _label(graph: rdflib.Graph, node: rdflib.term.Node | None) -> str:
    """The zh-Hans label of an actor or event (the next label in reading order if none), or its IRI."""
    if node is None:
        return ""
    labels = sorted_labels(graph, node)
    return str(labels[0]) if labels else str(node)


def _labels(graph: rdflib.Graph, node: rdflib.term.Node, prop: rdflib.URIRef) -> str:
    return "; ".join(sorted(_label(graph, o) for o in graph.objects(node, prop)))


def _evidences(graph: rdflib.Graph, node: rdflib.term.Node) -> list[Evidence]:
    """Every evidence of a fact, sorted by document and offset."""
    found = []
    for ev in graph.objects(node, JISHI.evidence):
        doc = graph.value(ev, JISHI.document)
        ident = graph.value(doc, DCTERMS.identifier) if doc is not None else None
        name = str(ident) if ident is not None else str(doc).rsplit("/", 1)[-1]
        found.append(Evidence(name, int(graph.value(ev, JISHI.start)), int(graph.value(ev, JISHI.end)),
                              str(graph.value(ev, JISHI.quote) or "")))
    return sorted(found, key=lambda e: (e.doc, e.start, e.end))


def _doc_date(graph: rdflib.Graph, name: str) -> str:
    docs = list(graph.subjects(DCTERMS.identifier, rdflib.Literal(name)))
    value = graph.value(docs[0], DCTERMS.date) if docs else None
    return str(value) if value is not None else ""


def _shorten(text: str) -> str:
    """A long text as head … tail, so both its opening and where it ends can be read."""
    half = LONG_QUOTE // 2
    return text if len(text) <= LONG_QUOTE else f"{text[:half]} …[{len(text) - LONG_QUOTE} characters]… {text[-half:]}"


def _shown(text: str) -> str:
    return text.replace("\r\n", "⏎").replace("\n", "⏎")


def sentence_around(raw: str, start: int, end: int) -> str:
    """The sentence(s) holding ``raw[start:end]``: from after the previous full stop to the next one.

    >>> sentence_around("甲说好。乙同丙通电话。丁来了。", 4, 9)
    '乙同丙通电话。'
    """
    left = max(raw.rfind(ch, max(0, start - SENTENCE_MAX), start) for ch in SENTENCE_ENDS)
    left = left + 1 if left >= 0 else max(0, start - SENTENCE_MAX)
    rights = [i for i in (raw.find(ch, end, end + SENTENCE_MAX) for ch in SENTENCE_ENDS) if i >= 0]
    right = min(rights) + 1 if rights else min(len(raw), end + SENTENCE_MAX)
    while right < len(raw) and raw[right] in "”」』）)":
        right += 1
    return _shown((raw[left:start] + _shorten(raw[start:end]) + raw[end:right]).strip())


def context_around(raw: str, start: int, end: int) -> str:
    """About ``AROUND`` characters either side of the evidence, the evidence itself in 【】.

    >>> context_around("一二三四五", 2, 3)
    '一二【三】四五'
    """
    before = raw[max(0, start - AROUND):start]
    after = raw[end:end + AROUND]
    return _shown(f"{before}【{_shorten(raw[start:end])}】{after}")


class Sources:
    """The document files under the ``--docs`` folders, by file name (as the graph names documents)."""

    def __init__(self, folders: list[Path]):
        self.paths: dict[str, Path] = {}
        for path in read.find_documents(folders) if folders else []:
            self.paths.setdefault(path.name, path)
        self._raw: dict[str, str] = {}

    def raw(self, name: str) -> str | None:
        """The document decoded as ``jishi build`` decodes it (offsets refer to this), or None if not found."""
        if name not in self._raw:
            path = self.paths.get(name)
            self._raw[name] = read.read_document(path).raw if path else None
        return self._raw[name]


def _source_cells(evidence: Evidence | None, sources: Sources) -> dict[str, str]:
    """``quote``, ``sentence``, ``context`` and ``problem`` for one evidence."""
    if evidence is None:
        return {"problem": "no evidence"}
    cells = {"doc": evidence.doc, "start": str(evidence.start), "end": str(evidence.end),
             "quote": _shown(_shorten(evidence.quote))}
    raw = sources.raw(evidence.doc)
    if raw is None:
        return cells | {"problem": "document not found under --docs"}
    if raw[evidence.start:evidence.end] != evidence.quote:
        cells["problem"] = "document text differs from the quote at these offsets"
    return cells | {"sentence": sentence_around(raw, evidence.start, evidence.end),
                    "context": context_around(raw, evidence.start, evidence.end)}


def event_row(graph: rdflib.Graph, node: rdflib.term.Node, cls: str, sources: Sources) -> dict[str, str]:
    """What the graph states about one event, beside the text of its first evidence."""
    evidences = _evidences(graph, node)
    first = evidences[0] if evidences else None
    date = graph.value(node, JISHI.date)
    row = {"kind": "event", "iri": str(node), "class": cls, "date": str(date) if date is not None else "",
           "approx": "yes" if graph.value(node, JISHI.dateApprox) else "",
           "participants": _labels(graph, node, JISHI.participant),
           "provider": _labels(graph, node, JISHI.provider), "recipient": _labels(graph, node, JISHI.recipient),
           "requested_by": _labels(graph, node, JISHI.requestedBy), "evidences": str(len(evidences))}
    row |= _source_cells(first, sources)
    row["doc_date"] = _doc_date(graph, first.doc) if first else ""
    return row


def statement_row(graph: rdflib.Graph, node: rdflib.term.Node, sources: Sources) -> dict[str, str]:
    """What the graph states about one statement, beside the text it was read from."""
    evidences = _evidences(graph, node)
    first = evidences[0] if evidences else None
    date = graph.value(node, JISHI.date)
    during = graph.value(node, JISHI.during)
    row = {"kind": "statement", "iri": str(node), "class": "Statement",
           "date": str(date) if date is not None else "",
           "speaker": _label(graph, graph.value(node, JISHI.speaker)),
           "verb": str(graph.value(node, JISHI.reportingVerb) or ""),
           "during": _label(graph, during) if during is not None else "",
           "text": _shown(_shorten(str(graph.value(node, JISHI.text) or ""))), "evidences": str(len(evidences))}
    row |= _source_cells(first, sources)
    row["doc_date"] = _doc_date(graph, first.doc) if first else ""
    return row


def _event_classes(graph: rdflib.Graph) -> dict[rdflib.term.Node, str]:
    """Every event node → its most specific class name (classes come from the ontology, none are listed here)."""
    tree = superclasses(graph)
    found: dict[rdflib.term.Node, str] = {}
    for node, cls in graph.subject_objects(RDF.type):
        if cls != JISHI.Event and JISHI.Event in tree.get(cls, ()):
            found[node] = str(cls).rsplit("#", 1)[-1]
    return found


def sample_rows(graph: rdflib.Graph, n_events: int, n_statements: int, seed: int,
                sources: Sources) -> list[dict[str, str]]:
    """``n_events`` events and ``n_statements`` statements drawn at random (fixed by ``seed``), events first."""
    rng = random.Random(seed)
    classes = _event_classes(graph)
    events = sorted(classes, key=str)
    statements = sorted(set(graph.subjects(RDF.type, JISHI.Statement)), key=str)
    picked_events = rng.sample(events, min(n_events, len(events)))
    picked_statements = rng.sample(statements, min(n_statements, len(statements)))
    return ([event_row(graph, node, classes[node], sources) for node in picked_events]
            + [statement_row(graph, node, sources) for node in picked_statements])


def to_csv(rows: list[dict[str, str]]) -> str:
    """The rows as CSV text (header, every cell quoted, formula-like cells neutralised)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: neutralise(row.get(k, "")) for k in COLUMNS} for row in rows)
    return buf.getvalue()


def fact_key(row: dict[str, str]) -> tuple[str, ...]:
    """What identifies a fact across builds: its kind and the ``CARRY_KEYS`` cells of that kind."""
    kind = row.get("kind", "")
    return (kind, *(row.get(column, "") for column in CARRY_KEYS.get(kind, ())))


def carry_verdicts(rows: list[dict[str, str]], judged: list[dict[str, str]]) -> int:
    """Give each row the verdict and note of a judged row of the same fact; return how many got one.

    Only judged rows count (a row with an empty verdict carries nothing); of several judged rows of
    one fact the first wins, so the most recent audit is passed first.
    """
    known: dict[tuple[str, ...], dict[str, str]] = {}
    for old in judged:
        if old.get("verdict", "").strip():
            known.setdefault(fact_key(old), old)
    carried = 0
    for row in rows:
        old = known.get(fact_key(row))
        if old is not None:
            row["verdict"], row["note"] = old["verdict"], old.get("note", "")
            carried += 1
    return carried


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def tally(rows: list[dict[str, str]]) -> str:
    """The figures of a judged CSV: share of each verdict, for events and for statements.

    Each row carries one verdict (the first that applies, in the order the verdict lists are
    written, ``right`` last in thought: a non-event is not also scored for its date). Events
    read from a document's first line (a transcript's title, 2021年…主持例行记者会) are easy, so
    the events' figures are also given without them.

    >>> print(tally([{"kind": "event", "verdict": "right", "class": "Meeting", "start": "9"},
    ...              {"kind": "event", "verdict": "wrong date", "class": "Meeting", "start": "9"}]))
    events: 2 judged; right 50.0%, wrong participant 0.0%, missing participant 0.0%, wrong date 50.0%, not an event 0.0%
    """
    lines = []
    for kind, verdicts in (("event", EVENT_VERDICTS), ("statement", STATEMENT_VERDICTS)):
        judged = [r for r in rows if r.get("kind") == kind and r.get("verdict", "").strip()]
        if kind == "event":
            lines.append(_shares("events", judged, verdicts))
            plain = [r for r in judged if not (r.get("class") == "PressConference" and r.get("start") == "0")]
            if len(plain) != len(judged):
                lines.append(_shares("events not read from a document's first line", plain, verdicts))
        elif judged:
            lines.append(_shares("statements", judged, verdicts))
    return "\n".join(lines)


def source_of(doc: str) -> str:
    """The source a document comes from: its file name up to the first ``_`` (the whole name if none).

    >>> source_of("mfa_20200918_987.txt"), source_of("report.txt")
    ('mfa', 'report.txt')
    """
    return doc.split("_", 1)[0]


def tally_by_source(rows: list[dict[str, str]]) -> str:
    """``tally`` of the whole CSV, then of each source's rows (sources in name order), each under a header."""
    sources = sorted({source_of(r.get("doc", "")) for r in rows})
    parts = [tally(rows)] + [f"[{source}]\n" + tally([r for r in rows if source_of(r.get("doc", "")) == source])
                             for source in sources]
    return "\n".join(parts)


def _shares(what: str, judged: list[dict[str, str]], verdicts: tuple[str, ...]) -> str:
    counts = {v: sum(r["verdict"].strip() == v for r in judged) for v in verdicts}
    other = len(judged) - sum(counts.values())
    shares = ", ".join(f"{v} {100 * n / max(1, len(judged)):.1f}%" for v, n in counts.items())
    return f"{what}: {len(judged)} judged; {shares}" + (f" ({other} with another verdict)" if other else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graph", type=Path, help="graph.ttl written by `jishi build`")
    parser.add_argument("--docs", type=Path, action="append", default=[],
                        help="a folder (or file) the graph was built from; repeat for several")
    parser.add_argument("--events", type=int, default=100, help="events to sample (default 100)")
    parser.add_argument("--statements", type=int, default=80, help="statements to sample (default 80)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("-o", "--out", type=Path, default=Path("audit.csv"), help="CSV to write")
    parser.add_argument("--carry", type=Path, action="append", default=[],
                        help="a judged audit CSV whose verdicts and notes the same facts keep; repeat for several,"
                             " most recent first")
    parser.add_argument("--tally", action="store_true",
                        help="GRAPH is instead a judged audit CSV: print the share of each verdict")
    parser.add_argument("--by-source", action="store_true",
                        help="with --tally: also for each source (a file name up to its first _)")
    args = parser.parse_args(argv)
    if args.tally:
        rows = _read_csv(args.graph)
        print(tally_by_source(rows) if args.by_source else tally(rows))
        return 0
    for path in args.carry:
        if not path.is_file():
            parser.error(f"--carry {path}: no such file")
    graph = load_graph(args.graph)
    rows = sample_rows(graph, args.events, args.statements, args.seed, Sources(args.docs))
    carried = carry_verdicts(rows, [row for path in args.carry for row in _read_csv(path)])
    write_atomic(args.out, to_csv(rows))
    n_events = sum(r["kind"] == "event" for r in rows)
    missing = sum(bool(r.get("problem")) for r in rows)
    print(f"wrote: {args.out} ({n_events} events, {len(rows) - n_events} statements"
          + (f"; {missing} rows with a problem, see the problem column" if missing else "")
          + (f"; {carried} verdicts carried over" if args.carry else "") + ")")
    print("verdicts, events: " + " | ".join(EVENT_VERDICTS))
    print("verdicts, statements: " + " | ".join(STATEMENT_VERDICTS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
