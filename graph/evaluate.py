"""Score a built graph against gold annotations (``docs/EVALUATE.md`` describes the gold format).

>>> from graph import load                                                  # doctest: +SKIP
>>> from graph.evaluate import evaluate, format_table                       # doctest: +SKIP
>>> print(format_table(evaluate(load("out/graph.ttl"), "gold", "seeds")))   # doctest: +SKIP

The gold holds, per document, the actors, events and statements a reader finds
in it (``<document file name>.gold.json``). The graph is read only through the
contract's vocabulary (:mod:`graph.ns`), so any graph that follows it can be
scored, not only one that jishi wrote.

Matching rules (they follow the project's shared scorer, ``kg_eval.py``):

- names are compared after Traditional→Simplified conversion (OpenCC ``t2s``)
  and with white space removed; a gold actor is found on a node when one of
  the node's ``rdfs:label``/``skos:altLabel``/``skos:prefLabel`` equals the
  gold name or one of its ``aliases_in_doc``;
- an event matches when the class is the same, the date fits (an ``approx``
  gold date admits the ten days up to it; a null gold date admits any) and at
  least half of the gold participants are found among the predicted ones;
  *strict* wants the exact date (null for null) and exactly the gold participants;
- a statement matches when a predicted speaker carries the gold speaker's name
  and the gold evidence lies inside the statement's text or one of its quotes;
  *strict* also wants the same date;
- only predictions with evidence in a document count for that document.

Where the shared scorer pairs gold and predicted items greedily, in an order
that depends on Python's string hashing (its statement F1 moves with
``PYTHONHASHSEED``), this module pairs them by a maximum matching: as many
pairs as the rules allow, each gold item trying its best candidates first
(most participants found, then document order). The result is the same on
every run, and never lower than a greedy pairing.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

import rdflib
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from .errors import JishiError
from .ns import JISHI

__all__ = ["ActorScore", "DocumentScore", "Evaluation", "GoldDocument", "GoldFormatError", "GraphView",
           "Score", "check_evidence", "cross_document_merging", "evaluate", "format_table", "normalise",
           "read_gold", "read_gold_dir", "read_graph", "score_document", "summary_line", "to_json"]

EVENT_CLASSES = ("PhoneCall", "Meeting", "Message", "VideoConference", "Summit",
                 "PressConference", "Aid", "ExpertTeam", "InfoSharing")
"""The event classes the gold annotates, in the order used when a node has several."""
ACTOR_CLASSES = ("Person", "Country", "GovernmentBody", "InternationalOrganization", "Organization")
APPROX_DAYS = 10
"""An approximate gold date (日前, 近日) admits a predicted date up to this many days earlier."""
NAME_PROPERTIES = (RDFS.label, SKOS.altLabel, SKOS.prefLabel)
_BASE = str(JISHI)
"""The ontology's IRI prefix: class and property IRIs minus it are their local names."""
_SPACE = re.compile(r"\s+")


class GoldFormatError(JishiError, ValueError):
    """A gold file that cannot be read as the gold format."""


# ---------------------------------------------------------------- names and dates

@cache
def _t2s():
    """OpenCC's phrase-level Traditional → Simplified converter (built once)."""
    import opencc

    return opencc.OpenCC("t2s")


@cache
def normalise(text: str) -> str:
    """The form names and quotes are compared in: Simplified script, no white space.

    >>> normalise("譚德塞 ")
    '谭德塞'
    """
    return _SPACE.sub("", _t2s().convert(text))


def _date(value: object) -> dt.date | None:
    """An ISO date from a literal or gold value (its first ten characters), or None."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


# ---------------------------------------------------------------- gold

@dataclass(frozen=True)
class GoldActor:
    """An actor of the gold, with every name it goes by (normalised)."""

    name: str
    cls: str
    names: frozenset[str]


@dataclass(frozen=True)
class GoldEvent:
    """An event of the gold."""

    cls: str
    date: dt.date | None
    approx: bool
    participants: tuple[str, ...]
    evidence: str

    def describe(self) -> str:
        """One line for reports: class, date, participants, evidence."""
        return f"{self.cls} {self.date or '-'} [{', '.join(self.participants)}] | {self.evidence}"


@dataclass(frozen=True)
class GoldStatement:
    """A statement of the gold."""

    speaker: str
    date: dt.date | None
    evidence: str

    def describe(self) -> str:
        """One line for reports: speaker and evidence."""
        return f"{self.speaker} {self.date or '-'} | {self.evidence}"


@dataclass(frozen=True)
class GoldDocument:
    """The gold of one document: what a reader finds in it."""

    doc: str
    actors: tuple[GoldActor, ...]
    events: tuple[GoldEvent, ...]
    statements: tuple[GoldStatement, ...]

    @cached_property
    def _aliases(self) -> dict[str, frozenset[str]]:
        """Normalised gold name → every normalised name of that actor."""
        aliases: dict[str, frozenset[str]] = {}
        for actor in self.actors:
            key = normalise(actor.name)
            aliases[key] = aliases.get(key, frozenset({key})) | actor.names
        return aliases

    def names_of(self, gold_name: str) -> frozenset[str]:
        """Every normalised name of the gold actor called ``gold_name`` (just that name if none is)."""
        key = normalise(gold_name)
        return self._aliases.get(key, frozenset({key}))


def read_gold(path: str | Path) -> GoldDocument:
    """Read one ``*.gold.json`` file.

    Raises
    ------
    GoldFormatError
        When the file is not JSON or lacks its ``doc`` name.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
        return _gold_document(data)
    except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
        raise GoldFormatError(f"{path}: not a gold file ({type(exc).__name__}: {exc})") from exc


def _gold_document(data: dict) -> GoldDocument:
    """A GoldDocument from the parsed JSON."""
    actors = tuple(
        GoldActor(a["name"], a.get("type", ""),
                  frozenset(normalise(n) for n in [a["name"], *a.get("aliases_in_doc", [])]))
        for a in data.get("actors", []))
    events = tuple(
        GoldEvent(e["type"], _date(e.get("date")), bool(e.get("approx")),
                  tuple(e.get("participants", [])), e.get("evidence", ""))
        for e in data.get("events", []))
    statements = tuple(GoldStatement(s["speaker"], _date(s.get("date")), s["evidence"])
                       for s in data.get("statements", []))
    return GoldDocument(data["doc"], actors, events, statements)


def read_gold_dir(folder: str | Path) -> list[GoldDocument]:
    """Every ``*.gold.json`` in ``folder``, by file name.

    Raises
    ------
    GoldFormatError
        When the folder holds no gold file, or one cannot be read.
    """
    paths = sorted(Path(folder).glob("*.gold.json"))
    if not paths:
        raise GoldFormatError(f"{folder}: no *.gold.json files")
    return [read_gold(p) for p in paths]


# ---------------------------------------------------------------- graph

@dataclass(frozen=True)
class Evidence:
    """One evidence node: where in which document a fact is told."""

    node: str
    doc: str | None
    quote: str | None
    start: int | None
    end: int | None


@dataclass
class GraphView:
    """The parts of a graph the gold speaks about, indexed once (nodes as IRI strings)."""

    names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    labels: dict[str, list[tuple[bool, str]]] = field(default_factory=lambda: defaultdict(list))
    types: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    doc_by_id: dict[str, str] = field(default_factory=dict)
    id_by_doc: dict[str, str] = field(default_factory=dict)
    dates: dict[str, dt.date] = field(default_factory=dict)
    participants: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    speakers: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    texts: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    evidence_of: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    evidence: dict[str, Evidence] = field(default_factory=dict)
    told: dict[str, list[tuple[int, str]]] = field(default_factory=lambda: defaultdict(list))
    """Document node → (first offset, node) of everything told in it, in document order."""
    bearers: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    """Normalised name → the nodes that carry it."""

    def event_class(self, node: str) -> str | None:
        """The gold event class of ``node``, or None for other nodes."""
        return next((c for c in EVENT_CLASSES if c in self.types.get(node, ())), None)

    def is_actor(self, node: str) -> bool:
        """Whether ``node`` belongs to one of the actor classes."""
        return any(c in self.types.get(node, ()) for c in ACTOR_CLASSES)

    def told_in(self, doc: str, keep: Callable[[str], bool]) -> list[str]:
        """The nodes that ``keep`` accepts with evidence in ``doc``, in the order the document tells them."""
        return [node for _, node in self.told.get(doc, ()) if keep(node)]

    def carries(self, node: str, names: frozenset[str]) -> bool:
        """Whether one of ``node``'s labels is one of ``names``."""
        return not names.isdisjoint(self.names.get(node, ()))

    def label(self, node: str) -> str:
        """A readable name of ``node``: its Simplified label, another label, or its IRI's end."""
        return min(self.labels[node])[1] if self.labels.get(node) else node.rsplit("/", 1)[-1]


def read_graph(graph: rdflib.Graph) -> GraphView:
    """Index ``graph`` in one pass over its triples."""
    view = GraphView()
    evidence_parts: dict[str, dict[str, object]] = defaultdict(dict)
    for s, p, o in graph:
        subject = str(s)
        if p in NAME_PROPERTIES:
            view.names[subject].add(normalise(str(o)))
            if p == RDFS.label:
                language = str(getattr(o, "language", None) or "").lower()  # Oxigraph writes zh-hans
                view.labels[subject].append((language != "zh-hans", str(o)))
        elif p == RDF.type and str(o).startswith(_BASE):
            view.types[subject].add(str(o)[len(_BASE):])
        elif p == DCTERMS.identifier:
            view.id_by_doc[subject] = str(o)
        elif p == JISHI.date and _date(o) is not None:
            view.dates[subject] = min(view.dates.get(subject, dt.date.max), _date(o))
        elif p == JISHI.participant:
            view.participants[subject].append(str(o))
        elif p == JISHI.speaker:
            view.speakers[subject].append(str(o))
        elif p == JISHI.text:
            view.texts[subject].append(str(o))
        elif p == JISHI.evidence:
            view.evidence_of[subject].append(str(o))
        elif p in (JISHI.document, JISHI.quote, JISHI.start, JISHI.end):
            evidence_parts[subject][str(p)[len(_BASE):]] = o
    view.doc_by_id = {name: node for node, name in sorted(view.id_by_doc.items())
                      if "Document" in view.types.get(node, ())}
    for node in {e for nodes in view.evidence_of.values() for e in nodes}:
        parts = evidence_parts.get(node, {})
        view.evidence[node] = Evidence(
            node, str(parts["document"]) if "document" in parts else None,
            str(parts["quote"]) if "quote" in parts else None,
            _int(parts.get("start")), _int(parts.get("end")))
    for nodes in (*view.participants.values(), *view.speakers.values(), *view.evidence_of.values(),
                  *view.texts.values()):
        nodes.sort()
    _index(view)
    return view


def _index(view: GraphView) -> None:
    """Fill ``view.told`` and ``view.bearers`` from what :func:`read_graph` collected."""
    for node, evidence in view.evidence_of.items():
        first: dict[str, int] = {}
        for ev in (view.evidence[e] for e in evidence):
            if ev.doc is not None:
                start = ev.start if ev.start is not None else -1
                first[ev.doc] = min(first.get(ev.doc, start), start)
        for doc, start in first.items():
            view.told[doc].append((start, node))
    for told in view.told.values():
        told.sort()
    for node, names in view.names.items():
        for name in names:
            view.bearers[name].add(node)


def _int(value: object) -> int | None:
    """An offset literal as an int, or None."""
    try:
        return int(str(value)) if value is not None else None
    except ValueError:
        return None


# ---------------------------------------------------------------- matching

def _max_pairs(candidates: Sequence[Sequence[str]]) -> dict[int, str]:
    """A maximum matching of gold items (by index) to predictions.

    ``candidates[i]`` lists the predictions gold item ``i`` may pair with, best
    first. Gold items are placed in order, each on its best free candidate;
    when none is free, earlier pairings are moved to other candidates of theirs
    if that frees one (Kuhn's augmenting paths). So the number of pairs is the
    largest possible, and the choice is the same on every run.

    >>> _max_pairs([["a", "b"], ["a"]])
    {0: 'b', 1: 'a'}
    """
    owner: dict[str, int] = {}
    for item, options in enumerate(candidates):
        free = next((pred for pred in options if pred not in owner), None)
        path = [(item, free)] if free is not None else _augmenting_path(item, candidates, owner)
        for gold, pred in path:
            owner[pred] = gold
    return dict(sorted((gold, pred) for pred, gold in owner.items()))


def _augmenting_path(item: int, candidates: Sequence[Sequence[str]],
                     owner: dict[str, int]) -> list[tuple[int, str]]:
    """The (gold, prediction) pairs to set so that ``item`` gets a prediction; [] when none can be freed.

    A depth-first search written with an explicit stack, so that long chains of
    reassignments cannot reach Python's recursion limit.
    """
    seen: set[str] = set()
    stack: list[tuple[int, int]] = [(item, 0)]  # (gold item, next candidate index to try)
    chosen: list[str] = []
    while stack:
        gold, index = stack[-1]
        options = candidates[gold]
        while index < len(options) and options[index] in seen:
            index += 1
        if index == len(options):
            stack.pop()
            if chosen:
                chosen.pop()
            continue
        pred = options[index]
        stack[-1] = (gold, index + 1)
        seen.add(pred)
        chosen.append(pred)
        if pred not in owner:
            return [(stack[i][0], chosen[i]) for i in range(len(stack))]
        stack.append((owner[pred], 0))
    return []


def _event_hits(gold: GoldEvent, node: str, view: GraphView, doc: GoldDocument) -> tuple[int, bool]:
    """How many gold participants the prediction has, and whether it has any participant the gold lacks."""
    parts = view.participants.get(node, [])
    wanted = [doc.names_of(name) for name in gold.participants]
    hits = sum(any(view.carries(p, names) for p in parts) for names in wanted)
    extra = any(not any(view.carries(p, names) for names in wanted) for p in parts)
    return hits, extra


def _date_fits(gold: GoldEvent, predicted: dt.date | None, strict: bool) -> bool:
    """Whether a predicted date fits the gold date (see the module docstring)."""
    if gold.date is None:
        return predicted is None or not strict
    if predicted is None:
        return False
    if strict or not gold.approx:
        return predicted == gold.date
    return dt.timedelta(0) <= gold.date - predicted <= dt.timedelta(days=APPROX_DAYS)


def _event_candidates(gold: GoldEvent, preds: Sequence[str], view: GraphView,
                      doc: GoldDocument, strict: bool) -> list[str]:
    """The predictions ``gold`` may pair with, most participants found first, then in document order."""
    ranked = []
    for order, node in enumerate(preds):
        if view.event_class(node) != gold.cls or not _date_fits(gold, view.dates.get(node), strict):
            continue
        hits, extra = _event_hits(gold, node, view, doc)
        need = len(gold.participants)
        if strict:
            ok = hits == need and not extra
        else:
            ok = hits >= max(1, (need + 1) // 2) or not need
        if ok:
            ranked.append((-hits, order, node))
    return [node for _, _, node in sorted(ranked)]


def _statement_candidates(gold: GoldStatement, preds: Sequence[str], view: GraphView,
                          doc: GoldDocument, strict: bool) -> list[str]:
    """The predictions ``gold`` may pair with, in document order."""
    needle, speaker = normalise(gold.evidence), doc.names_of(gold.speaker)
    return [node for node in preds
            if needle in _statement_text(node, view)
            and any(view.carries(s, speaker) for s in view.speakers.get(node, []))
            and (not strict or view.dates.get(node) == gold.date)]


def _statement_text(node: str, view: GraphView) -> str:
    """A statement's text and every quote of it, normalised: where gold evidence is looked for."""
    parts = view.texts.get(node, []) + [view.evidence[e].quote for e in view.evidence_of.get(node, [])]
    return "\n".join(normalise(p) for p in parts if p is not None)


# ---------------------------------------------------------------- scores

@dataclass(frozen=True)
class Score:
    """Counts of one comparison and the precision, recall and F1 they give."""

    tp: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        """Matched predictions over predictions (0 when nothing was predicted)."""
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """Matched gold items over gold items (0 when the gold is empty)."""
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.predicted + other.predicted, self.gold + other.gold)

    def rounded(self) -> tuple[float, float, float]:
        """(P, R, F1) to three places, as reports print them."""
        return round(self.precision, 3), round(self.recall, 3), round(self.f1, 3)


ZERO = Score(0, 0, 0)


@dataclass(frozen=True)
class ActorScore:
    """How many gold actors some node carries the name of, with the right class, and on several nodes."""

    gold: int
    found: int
    typed: int
    split: int
    missed: tuple[str, ...] = ()

    def __add__(self, other: ActorScore) -> ActorScore:
        return ActorScore(self.gold + other.gold, self.found + other.found, self.typed + other.typed,
                          self.split + other.split, self.missed + other.missed)


@dataclass(frozen=True)
class DocumentScore:
    """The scores of one gold document, with what was missed and what was extra (lenient)."""

    doc: str
    in_graph: bool
    events: Score
    events_strict: Score
    statements: Score
    statements_strict: Score
    actors: ActorScore
    per_class: dict[str, Score]
    missed_events: tuple[str, ...]
    extra_events: tuple[str, ...]
    missed_statements: tuple[str, ...]
    extra_statements: tuple[str, ...]
    event_pairs: tuple[tuple[GoldEvent, str], ...] = ()


@dataclass(frozen=True)
class Evaluation:
    """The scores of a graph against a folder of gold files."""

    documents: tuple[DocumentScore, ...]
    merged: int
    retold: int
    evidence_exact: tuple[int, int] | None
    inexact_evidence: tuple[str, ...] = ()

    def total(self, name: str) -> Score:
        """The sum over documents of one score (``events``, ``events_strict``, ``statements``, …)."""
        return sum((getattr(d, name) for d in self.documents), ZERO)

    @property
    def actors(self) -> ActorScore:
        """The actor counts over all documents."""
        return sum((d.actors for d in self.documents), ActorScore(0, 0, 0, 0))

    def per_class(self) -> dict[str, Score]:
        """Lenient event scores per class, over all documents."""
        return {c: sum((d.per_class[c] for d in self.documents), ZERO) for c in EVENT_CLASSES}


def _score_events(gold: GoldDocument, view: GraphView, doc: str | None, strict: bool):
    """Predicted events of the document and their pairing with the gold events."""
    preds = view.told_in(doc, lambda n: view.event_class(n) is not None) if doc else []
    pairs = _max_pairs([_event_candidates(g, preds, view, gold, strict) for g in gold.events])
    return preds, pairs


def _score_statements(gold: GoldDocument, view: GraphView, doc: str | None, strict: bool):
    """Predicted statements of the document and their pairing with the gold statements."""
    preds = view.told_in(doc, lambda n: "Statement" in view.types.get(n, ())) if doc else []
    pairs = _max_pairs([_statement_candidates(g, preds, view, gold, strict) for g in gold.statements])
    return preds, pairs


def _score_actors(gold: GoldDocument, view: GraphView) -> ActorScore:
    """Gold actors found anywhere in the graph (actors are one node per real actor, across documents)."""
    found = typed = split = 0
    missed = []
    for actor in gold.actors:
        nodes = {n for name in actor.names for n in view.bearers.get(name, ()) if view.is_actor(n)}
        if not nodes:
            missed.append(actor.name)
            continue
        found += 1
        typed += any(actor.cls in view.types[n] for n in nodes)
        split += len(nodes) > 1
    return ActorScore(len(gold.actors), found, typed, split, tuple(missed))


def _describe_event(node: str, view: GraphView, doc: str) -> str:
    """One line for a predicted event: class, date, participants, quote in ``doc``."""
    parts = ", ".join(sorted(view.label(p) for p in view.participants.get(node, [])))
    return f"{view.event_class(node)} {view.dates.get(node) or '-'} [{parts}] | {_quote(node, view, doc)}"


def _describe_statement(node: str, view: GraphView, doc: str) -> str:
    """One line for a predicted statement: speaker, date, quote in ``doc``."""
    speakers = ", ".join(sorted(view.label(s) for s in view.speakers.get(node, []))) or "?"
    return f"{speakers} {view.dates.get(node) or '-'} | {_quote(node, view, doc)}"


def _quote(node: str, view: GraphView, doc: str) -> str:
    """The first quote of ``node`` in ``doc``."""
    quotes = sorted((ev.start or 0, ev.quote or "") for ev in (view.evidence[e] for e in view.evidence_of[node])
                    if ev.doc == doc)
    return quotes[0][1] if quotes else ""


def score_document(gold: GoldDocument, view: GraphView) -> DocumentScore:
    """Score one gold document against the graph."""
    doc = view.doc_by_id.get(gold.doc)
    ev_preds, ev_pairs = _score_events(gold, view, doc, strict=False)
    _, ev_strict = _score_events(gold, view, doc, strict=True)
    st_preds, st_pairs = _score_statements(gold, view, doc, strict=False)
    _, st_strict = _score_statements(gold, view, doc, strict=True)
    per_class = {}
    for cls in EVENT_CLASSES:
        per_class[cls] = Score(sum(gold.events[i].cls == cls for i in ev_pairs),
                               sum(view.event_class(n) == cls for n in ev_preds),
                               sum(e.cls == cls for e in gold.events))
    paired_events, paired_statements = set(ev_pairs.values()), set(st_pairs.values())
    return DocumentScore(
        doc=gold.doc, in_graph=doc is not None,
        events=Score(len(ev_pairs), len(ev_preds), len(gold.events)),
        events_strict=Score(len(ev_strict), len(ev_preds), len(gold.events)),
        statements=Score(len(st_pairs), len(st_preds), len(gold.statements)),
        statements_strict=Score(len(st_strict), len(st_preds), len(gold.statements)),
        actors=_score_actors(gold, view),
        per_class=per_class,
        missed_events=tuple(e.describe() for i, e in enumerate(gold.events) if i not in ev_pairs),
        extra_events=tuple(_describe_event(n, view, doc) for n in ev_preds if n not in paired_events),
        missed_statements=tuple(s.describe() for i, s in enumerate(gold.statements) if i not in st_pairs),
        extra_statements=tuple(_describe_statement(n, view, doc) for n in st_preds if n not in paired_statements),
        event_pairs=tuple((gold.events[i], node) for i, node in ev_pairs.items()),
    )


def cross_document_merging(documents: Iterable[DocumentScore]) -> tuple[int, int]:
    """Gold events told in several documents (same class, date and participants), and how many
    of them the graph holds as one node (counting lenient pairs of dated gold events)."""
    nodes_by_event: dict[tuple, dict[str, str]] = defaultdict(dict)
    for score in documents:
        for gold, node in score.event_pairs:
            if gold.date is not None:
                key = (gold.cls, gold.date, frozenset(normalise(p) for p in gold.participants))
                nodes_by_event[key][score.doc] = node
    retold = [nodes for nodes in nodes_by_event.values() if len(nodes) > 1]
    return sum(len(set(nodes.values())) == 1 for nodes in retold), len(retold)


def check_evidence(view: GraphView, docs_dir: str | Path) -> tuple[int, int, tuple[str, ...]]:
    """Evidence whose quote is the document's text at [start, end): (exact, all, the inexact ones).

    The document is decoded as jishi reads it (UTF-8, BOM dropped, nothing else
    changed); evidence of a document missing from ``docs_dir`` counts as inexact.
    """
    texts: dict[str, str | None] = {}
    bad = []
    for node in sorted(view.evidence):
        ev = view.evidence[node]
        name = view.id_by_doc.get(ev.doc) if ev.doc else None
        if name is not None and name not in texts:
            path = Path(docs_dir) / name
            texts[name] = path.read_bytes().decode("utf-8-sig", errors="replace") if path.is_file() else None
        text = texts.get(name) if name is not None else None
        if None in (text, ev.quote, ev.start, ev.end) or text[ev.start:ev.end] != ev.quote:
            bad.append(f"{name or '?'} {ev.start}-{ev.end} | {ev.quote}")
    return len(view.evidence) - len(bad), len(view.evidence), tuple(bad)


def evaluate(graph: rdflib.Graph, gold_dir: str | Path, docs_dir: str | Path | None = None) -> Evaluation:
    """Score ``graph`` against every ``*.gold.json`` in ``gold_dir``.

    Parameters
    ----------
    graph
        A graph in the jishi vocabulary (``graph.load("out/graph.ttl")``).
    gold_dir
        The folder of gold files.
    docs_dir
        The folder of source documents; when given, every evidence quote is
        checked against the document's text at its offsets.

    Raises
    ------
    GoldFormatError
        When ``gold_dir`` holds no gold file or one cannot be read.
    """
    golds = read_gold_dir(gold_dir)
    view = read_graph(graph)
    documents = tuple(score_document(gold, view) for gold in golds)
    merged, retold = cross_document_merging(documents)
    exact, inexact = None, ()
    if docs_dir is not None:
        good, total, inexact = check_evidence(view, docs_dir)
        exact = (good, total)
    return Evaluation(documents, merged, retold, exact, inexact)


# ---------------------------------------------------------------- reports

def _cells(score: Score, f1_only: bool = False) -> list[str]:
    """P, R, F1 (or F1 alone) to three places; dashes when there was nothing to find and nothing was found."""
    figures = score.rounded()[2:] if f1_only else score.rounded()
    if not score.gold and not score.predicted:
        return ["-"] * len(figures)
    return [f"{value:.3f}" for value in figures]


def summary_line(result: Evaluation) -> str:
    """The one-line summary (the same fields and order as the shared scorer's last line)."""
    ev, st, ac = result.total("events"), result.total("statements"), result.actors
    p, r, f = ev.rounded()
    sp, sr, sf = st.rounded()
    line = (f"events F1 {f} (P {p} R {r}) strict F1 {result.total('events_strict').rounded()[2]} | "
            f"statements F1 {sf} (P {sp} R {sr}) strict F1 {result.total('statements_strict').rounded()[2]} | "
            f"actors recall {_ratio(ac.found, ac.gold)} typed {_ratio(ac.typed, ac.gold)} split {ac.split} | "
            f"cross-doc merged {result.merged}/{result.retold}")
    if result.evidence_exact is not None:
        line += f" evidence_exact {result.evidence_exact[0]}/{result.evidence_exact[1]}"
    return line


def _ratio(part: int, whole: int) -> float:
    """part/whole to three places (0 for an empty whole)."""
    return round(part / whole, 3) if whole else 0.0


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    """An aligned text table: the first column left-aligned, the others right-aligned."""
    cells = [list(header)] + [[str(c) for c in row] for row in rows]
    widths = [max(_width(r[i]) for r in cells) for i in range(len(header))]

    def line(row: Sequence[str]) -> str:
        return "  ".join(c + " " * (w - _width(c)) if i == 0 else " " * (w - _width(c)) + c
                         for i, (c, w) in enumerate(zip(row, widths, strict=True))).rstrip()

    return [line(cells[0]), line(["-" * w for w in widths])] + [line(r) for r in cells[1:]]


def _width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def format_table(result: Evaluation, verbose: bool = False) -> str:
    """The report as text: per document, per event class, the summary line; with ``verbose``,
    what each document's gold has that the graph lacks and what the graph has that the gold lacks."""
    out = ["per document (P R F1; strict F1; actors found/gold)"]
    rows = []
    for d in result.documents:
        rows.append([d.doc + ("" if d.in_graph else " (not in graph)"),
                     *_cells(d.events), *_cells(d.events_strict, f1_only=True),
                     *_cells(d.statements), *_cells(d.statements_strict, f1_only=True),
                     f"{d.actors.found}/{d.actors.gold}"])
    out += _table(["document", "ev P", "ev R", "ev F1", "strict", "st P", "st R", "st F1", "strict", "actors"],
                  rows)
    out += ["", "per event class (lenient)"]
    out += _table(["class", "P", "R", "F1", "gold", "predicted"],
                  [[c, *_cells(s), s.gold, s.predicted] for c, s in result.per_class().items()])
    if verbose:
        out += _details(result)
    out += ["", summary_line(result)]
    return "\n".join(out) + "\n"


def _details(result: Evaluation) -> list[str]:
    """The verbose part of the table report."""
    out = []
    for d in result.documents:
        lines = [f"    {title}: {item}"
                 for title, items in (("missed event", d.missed_events), ("extra event", d.extra_events),
                                      ("missed statement", d.missed_statements),
                                      ("extra statement", d.extra_statements), ("missed actor", d.actors.missed))
                 for item in items]
        out += ["", f"{d.doc}:", *lines] if lines else []
    if result.inexact_evidence:
        out += ["", "evidence whose quote is not the document's text at its offsets:"]
        out += [f"    {item}" for item in result.inexact_evidence]
    return out


def to_json(result: Evaluation, verbose: bool = False) -> str:
    """The report as JSON: a summary and one record per document (with the lists when ``verbose``)."""
    ac = result.actors
    summary = {
        "events": _score_json(result.total("events")),
        "events_strict": _score_json(result.total("events_strict")),
        "statements": _score_json(result.total("statements")),
        "statements_strict": _score_json(result.total("statements_strict")),
        "actors": {"gold": ac.gold, "found": ac.found, "typed": ac.typed, "split": ac.split,
                   "recall": _ratio(ac.found, ac.gold), "typed_recall": _ratio(ac.typed, ac.gold)},
        "per_class": {c: _score_json(s) for c, s in result.per_class().items()},
        "cross_document_merged": {"merged": result.merged, "retold": result.retold},
    }
    if result.evidence_exact is not None:
        summary["evidence_exact"] = {"exact": result.evidence_exact[0], "total": result.evidence_exact[1]}
    documents = [_document_json(d, verbose) for d in result.documents]
    return json.dumps({"summary": summary, "documents": documents}, ensure_ascii=False, indent=1) + "\n"


def _score_json(score: Score) -> dict[str, float | int]:
    """A Score as a JSON object: counts and rounded figures."""
    p, r, f = score.rounded()
    return {"precision": p, "recall": r, "f1": f, "tp": score.tp, "predicted": score.predicted,
            "gold": score.gold}


def _document_json(d: DocumentScore, verbose: bool) -> dict:
    """One document's record for :func:`to_json`."""
    record = {"doc": d.doc, "in_graph": d.in_graph,
              "events": _score_json(d.events), "events_strict": _score_json(d.events_strict),
              "statements": _score_json(d.statements), "statements_strict": _score_json(d.statements_strict),
              "actors": {"gold": d.actors.gold, "found": d.actors.found, "typed": d.actors.typed,
                         "split": d.actors.split}}
    if verbose:
        record |= {"missed_events": list(d.missed_events), "extra_events": list(d.extra_events),
                   "missed_statements": list(d.missed_statements), "extra_statements": list(d.extra_statements),
                   "missed_actors": list(d.actors.missed)}
    return record
