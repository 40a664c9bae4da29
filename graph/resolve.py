"""Resolution: every document's findings → one node per real actor, event and statement.

Reads every ``Analysis`` (mentions, actors, events, statements) and returns a
:class:`~graph.model.Resolved` corpus:

* actors: one per key, labelled from the catalogue when it knows the key, else
  from what the documents taught (name, role, affiliation); every surface met
  in a document becomes an alternative label in the document's script;
* events: candidates of the same class with the same participants are one
  event when their dates agree (an approximate date, 日前/近日, agrees with
  any exact date in the days before it), however many documents tell them;
* statements: the same speaker saying the same words is one statement.

Keys are stable digests of content, never counters, so IRIs survive reruns.
"""
from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field

from .catalogue import Catalogue
from .model import (Actor, ActorInfo, Analysis, Document, DocumentInfo, Event, EventCandidate, Resolved, Span,
                    Statement, StatementCandidate)
from .texts import SpilledTexts

APPROX_WINDOW = dt.timedelta(days=10)
_SPACE = re.compile(r"\s+")


def digest(*parts: object) -> str:
    """A short stable digest of ``parts`` for keys that have no natural name."""
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _sorted_unique(items) -> tuple:
    return tuple(sorted(set(items)))


# --- actors -----------------------------------------------------------------

@dataclass
class _ActorFacts:
    """What the corpus says about one actor key, gathered before deciding."""

    classes: Counter = field(default_factory=Counter)
    names: Counter = field(default_factory=Counter)
    roles: Counter = field(default_factory=Counter)
    affiliations: Counter = field(default_factory=Counter)
    surfaces: set = field(default_factory=set)
    first_mentions: dict = field(default_factory=dict)


ActorRow = tuple[str, tuple, tuple, tuple, tuple, tuple, tuple[int, int] | None]
"""One document's facts of one actor key: its classes, names, roles and affiliations as (value, count)
pairs, its surfaces as (label, language) pairs, and the ``raw`` range of its first mention (None if unnamed)."""


@dataclass(frozen=True, slots=True)
class Findings:
    """What resolution takes of one document's :class:`~graph.model.Analysis`, and nothing else.

    The analysis cache (:mod:`graph.cache`) keeps this, not the analysis: a
    rebuild reads every cached document, and an analysis holds every mention and
    block as an object and the text twice, while resolution needs the mentions
    only added up per actor key (:func:`findings`). Its mentions folded here,
    a document costs a rebuild a few tuples to read and add, not a pass over
    every mention (67,654 on the 10 MB corpus).
    """

    document: DocumentInfo
    raw: str
    notes: tuple[str, ...]
    actors: tuple[ActorRow, ...]
    events: tuple[EventCandidate, ...]
    statements: tuple[StatementCandidate, ...]


def findings(analysis: Analysis, catalogue: Catalogue) -> Findings:
    """``analysis`` with its mentions and actor infos folded into one row per actor key, in the order first met."""
    doc = analysis.document
    facts: dict[str, _ActorFacts] = defaultdict(_ActorFacts)
    _add_actor_facts(facts, analysis, catalogue)
    rows = []
    for key, entry in facts.items():
        first = entry.first_mentions.get(doc.id)
        rows.append((key, tuple(entry.classes.items()), tuple(entry.names.items()), tuple(entry.roles.items()),
                     tuple(entry.affiliations.items()), tuple(sorted(entry.surfaces)),
                     (first.start, first.end) if first else None))
    return Findings(DocumentInfo(doc.id, doc.meta), doc.raw, tuple(doc.notes), tuple(rows), analysis.events,
                    analysis.statements)


def _add_actor_facts(facts: dict[str, _ActorFacts], analysis: Analysis, catalogue: Catalogue) -> None:
    """Add one document's classes, names, roles and surfaces of every key to ``facts``.

    A surface the catalogue gives to several actors (巴方: Pakistan or
    Brazil) is not kept as an alternative label: resolved in context it names
    one of them, but as a label it would name both. What is added does not
    depend on the order documents come in. Each mention's ``raw`` range is
    looked up once and a :class:`Span` made only for a document's first mention
    of a key.
    """
    doc = analysis.document
    raw_range = doc.offsets.raw_range
    for mention in analysis.mentions:
        if mention.key is None:
            continue
        entry = facts[mention.key]
        entry.classes[mention.cls] += 1
        start, end = raw_range(mention.start, mention.end)
        if doc.id not in entry.first_mentions:
            entry.first_mentions[doc.id] = Span(doc.id, start, end)
        surface = doc.raw[start:end]
        if surface and not _SPACE.search(surface) and len(catalogue.keys_for(mention.surface)) <= 1:
            entry.surfaces.add((surface, doc.meta.language))
        if mention.role:
            entry.roles[mention.role] += 1
        if mention.affiliation:
            entry.affiliations[mention.affiliation] += 1
    for info in analysis.actors:
        _learn(facts[info.key], info)
    for key in _referenced_keys(analysis):
        facts[key]


def _merge_actor_rows(facts: dict[str, _ActorFacts], found: Findings) -> None:
    """Add one document's folded rows to ``facts``: what :func:`_add_actor_facts` adds for it, by adding counts."""
    doc_id = found.document.id
    for key, classes, names, roles, affiliations, surfaces, first in found.actors:
        entry = facts[key]
        for counter, pairs in ((entry.classes, classes), (entry.names, names), (entry.roles, roles),
                               (entry.affiliations, affiliations)):
            for value, count in pairs:
                counter[value] += count
        entry.surfaces.update(surfaces)
        if first is not None:
            entry.first_mentions[doc_id] = Span(doc_id, *first)


def _learn(entry: _ActorFacts, info: ActorInfo) -> None:
    entry.classes[info.cls] += 1
    entry.names[info.name] += 1
    if info.role:
        entry.roles[info.role] += 1
    if info.affiliation:
        entry.affiliations[info.affiliation] += 1


def _referenced_keys(analysis: Analysis):
    for event in analysis.events:
        yield from event.participants
        yield from (k for k in (event.requested_by, event.provider, event.recipient) if k)
    for statement in analysis.statements:
        yield statement.speaker


def _most_common(counter: Counter) -> str | None:
    """The most frequent value, ties broken by the value itself (deterministic)."""
    if not counter:
        return None
    return min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def _name_from_key(key: str) -> str:
    return key.split("/", 1)[-1]


def _class_from_key(key: str) -> str:
    prefix = key.split("/", 1)[0]
    return {"country": "Country", "person": "Person", "gov": "GovernmentBody"}.get(prefix, "Organization")


def _first_mentions(entry: _ActorFacts) -> tuple[Span, ...]:
    """Where each document first names the actor: provenance for the node without a triple per mention."""
    return tuple(entry.first_mentions[doc_id] for doc_id in sorted(entry.first_mentions))


def _catalogue_actor(key: str, entry: _ActorFacts, catalogue: Catalogue) -> Actor:
    known = catalogue.actors[key]
    labels = [(known.zh_hans, "zh-Hans")]
    labels += [(label, lang) for label, lang in ((known.zh_hant, "zh-Hant"), (known.en, "en")) if label]
    alts = {(alias, "zh-Hans") for alias in known.aliases}
    alts |= entry.surfaces
    alts -= set(labels)
    return Actor(
        key=key, cls=known.cls, labels=tuple(labels), alt_labels=_sorted_unique(alts),
        role=known.role or _most_common(entry.roles),
        affiliation=known.affiliation or _most_common(entry.affiliations),
        iso_code=known.iso or None, wikidata=known.wikidata or None,
        evidence=_first_mentions(entry),
    )


def _discovered_actor(key: str, entry: _ActorFacts) -> Actor:
    name = _most_common(entry.names) or _name_from_key(key)
    labels = ((name, "zh-Hans"),)
    return Actor(
        key=key, cls=_most_common(entry.classes) or _class_from_key(key), labels=labels,
        alt_labels=_sorted_unique(entry.surfaces - set(labels)),
        role=_most_common(entry.roles), affiliation=_most_common(entry.affiliations),
        evidence=_first_mentions(entry),
    )


def resolve_actors(facts: dict[str, _ActorFacts], catalogue: Catalogue) -> tuple[Actor, ...]:
    """One :class:`Actor` per key met in the corpus (``facts``), plus the actors they are affiliated with."""
    actors: dict[str, Actor] = {}
    pending = sorted(facts)
    while pending:
        key = pending.pop()
        if key in actors:
            continue
        entry = facts.get(key) or _ActorFacts()
        actor = (_catalogue_actor(key, entry, catalogue) if key in catalogue.actors
                 else _discovered_actor(key, entry))
        actors[key] = actor
        if actor.affiliation and actor.affiliation not in actors:
            pending.append(actor.affiliation)
    return tuple(actors[k] for k in sorted(actors))


# --- events -----------------------------------------------------------------

def _agree(a: EventCandidate, b_date: dt.date | None, b_approx: bool) -> bool:
    """Whether two tellings' dates can be the same day."""
    if a.date is None or b_date is None:
        return a.date is None and b_date is None
    if a.date == b_date:
        return True
    if a.approx and not b_approx:
        return dt.timedelta(0) <= a.date - b_date <= APPROX_WINDOW
    if b_approx and not a.approx:
        return dt.timedelta(0) <= b_date - a.date <= APPROX_WINDOW
    return a.approx and b_approx and abs(a.date - b_date) <= APPROX_WINDOW


@dataclass
class _Cluster:
    """Tellings of one event, with the date they settle on; ``documents`` those it has a telling of."""

    members: list[tuple[int, int, EventCandidate]]
    date: dt.date | None
    approx: bool
    documents: set[int] = field(default_factory=set)

    def add(self, ref: tuple[int, int, EventCandidate]) -> None:
        self.members.append(ref)
        self.documents.add(ref[0])
        candidate = ref[2]
        if self.approx and not candidate.approx:
            self.date, self.approx = candidate.date, False


@dataclass
class _Group:
    """The clusters of one (class, parties, provider, recipient), indexed by their date.

    A telling agrees only with clusters dated within ``APPROX_WINDOW`` of it (see :func:`_agree`),
    so :meth:`place` looks at the clusters of those days alone (a bisect over the sorted dates)
    instead of every cluster of the group: clustering stays n log n however many distinct events
    a corpus holds. Of the clusters that agree, the first made wins, as a walk over them in order would.
    """

    clusters: list[_Cluster] = field(default_factory=list)
    by_date: dict[dt.date | None, list[int]] = field(default_factory=lambda: defaultdict(list))
    dates: list[dt.date] = field(default_factory=list)

    def place(self, ref: tuple[int, int, EventCandidate]) -> None:
        """Add a telling to the first cluster that can hold it, or open a new one."""
        a_index, candidate = ref[0], ref[2]
        for number in sorted(self._near(candidate.date)):
            cluster = self.clusters[number]
            if a_index not in cluster.documents and _agree(candidate, cluster.date, cluster.approx):
                old_date = cluster.date
                cluster.add(ref)
                if cluster.date != old_date:
                    self.by_date[old_date].remove(number)
                    self._index(number)
                return
        self.clusters.append(_Cluster([ref], candidate.date, candidate.approx, {a_index}))
        self._index(len(self.clusters) - 1)

    def _near(self, date: dt.date | None) -> list[int]:
        """The clusters whose date is within the window of ``date`` (those without one for None)."""
        if date is None:
            return self.by_date.get(None, [])
        low = bisect.bisect_left(self.dates, _plus(date, -APPROX_WINDOW))
        high = bisect.bisect_right(self.dates, _plus(date, APPROX_WINDOW))
        return [number for day in self.dates[low:high] for number in self.by_date[day]]

    def _index(self, number: int) -> None:
        date = self.clusters[number].date
        if date is not None and date not in self.by_date:
            bisect.insort(self.dates, date)
        self.by_date[date].append(number)


def _plus(date: dt.date, delta: dt.timedelta) -> dt.date:
    """``date + delta``, held within the calendar (a window at year 1 or 9999 ends there)."""
    try:
        return date + delta
    except OverflowError:
        return dt.date.max if delta > dt.timedelta(0) else dt.date.min


def _cluster_events(told: Sequence[Told]) -> list[_Cluster]:
    """Group tellings of one event across documents.

    The events stage already merged retellings inside a document, so a
    cluster takes at most one candidate per document: two same-day briefings
    of one organiser told in two items stay two events. Direction counts:
    aid from A to B is not aid from B to A.
    """
    groups: dict[tuple, _Group] = defaultdict(_Group)
    for a_index, document in enumerate(told):
        for e_index, candidate in enumerate(document.events):
            key = (candidate.cls, frozenset(candidate.participants), candidate.provider, candidate.recipient)
            groups[key].place((a_index, e_index, candidate))
    return [cluster for key in sorted(groups, key=repr) for cluster in groups[key].clusters]


def _role_of(members, attr: str) -> str | None:
    return _most_common(Counter(getattr(c, attr) for _, _, c in members if getattr(c, attr)))


def _event_from_cluster(cluster: _Cluster, taken: Container[str]) -> Event:
    """The event a cluster tells; its key is a digest of what it is.

    Two events alike in class, day and parties (two briefings of one body on
    one day) get the digest with a running number, in document order.
    """
    first = cluster.members[0][2]
    participants = tuple(sorted(first.participants))
    base = digest(first.cls, cluster.date, first.provider, first.recipient, *participants)
    key, n = base, 1
    while key in taken:
        n += 1
        key = digest(base, n)
    evidence = tuple(sorted({c.evidence for _, _, c in cluster.members},
                            key=lambda s: (s.doc_id, s.start, s.end)))
    return Event(
        key=key, cls=first.cls, date=cluster.date, approx=cluster.approx,
        participants=participants, evidence=evidence,
        requested_by=_role_of(cluster.members, "requested_by"),
        provider=_role_of(cluster.members, "provider"),
        recipient=_role_of(cluster.members, "recipient"),
    )


def resolve_events(told: Sequence[Told]) -> tuple[tuple[Event, ...], dict[tuple[int, int], str]]:
    """Merged events, and the event key each (document, candidate) index went to."""
    events: dict[str, Event] = {}
    where: dict[tuple[int, int], str] = {}
    for cluster in _cluster_events(told):
        event = _event_from_cluster(cluster, events.keys())
        events[event.key] = event
        for a_index, e_index, _ in cluster.members:
            where[(a_index, e_index)] = event.key
    return tuple(events[k] for k in sorted(events)), where


# --- statements -------------------------------------------------------------

def _statement_key(candidate: StatementCandidate) -> str:
    return digest(candidate.speaker, _SPACE.sub("", candidate.text))


def resolve_statements(told: Sequence[Told], event_of: dict[tuple[int, int], str]
                       ) -> tuple[Statement, ...]:
    """Statements merged by speaker and words; ``during`` points at the merged event.

    Most statements are told once (at least 7,300 of the 8,641 of a 10 MB corpus): theirs is that telling's
    event, without a ``Counter`` each (0.02 CPU-s of a rebuild, before the page's fork).
    """
    merged: dict[str, list[tuple[StatementCandidate, str | None]]] = defaultdict(list)
    for a_index, document in enumerate(told):
        for candidate in document.statements:
            during = event_of.get((a_index, candidate.during)) if candidate.during is not None else None
            merged[_statement_key(candidate)].append((candidate, during))
    statements = []
    for key in sorted(merged):
        tellings = merged[key]
        first = tellings[0][0]
        evidence: set[Span] = {c.evidence for c, _ in tellings}
        statements.append(Statement(
            key=key, speaker=first.speaker, verb=first.verb, text=first.text,
            date=min((c.date for c, _ in tellings if c.date), default=None),
            evidence=tuple(sorted(evidence, key=lambda s: (s.doc_id, s.start, s.end))),
            during=_most_common(Counter(d for _, d in tellings if d)) if len(tellings) > 1 else tellings[0][1],
        ))
    return tuple(statements)


@dataclass(frozen=True)
class Told:
    """What resolution keeps of one document until the corpus is complete: its events and statements."""

    doc_id: str
    events: tuple[EventCandidate, ...]
    statements: tuple[StatementCandidate, ...]


class Resolver:
    """Resolution fed one analysis at a time, holding what it needs of each, not the analysis.

    A document's mentions and actor infos are folded into the corpus's actor facts as
    it comes; its events and statements are kept (:class:`Told`), as is its id and
    metadata. With ``texts`` (:class:`graph.texts.SpilledTexts`) its text goes there
    and the resolved corpus holds :class:`~graph.model.DocumentInfo`; without, the
    whole :class:`~graph.model.Document`. The result does not depend on the order
    documents come in: they are taken sorted by id, as :func:`resolve` always did.
    """

    def __init__(self, catalogue: Catalogue, texts: SpilledTexts | None = None) -> None:
        self.catalogue = catalogue
        self.texts = texts
        self._facts: dict[str, _ActorFacts] = defaultdict(_ActorFacts)
        self._told: list[Told] = []
        self._documents: list[Document | DocumentInfo] = []

    def add(self, found: Analysis | Findings) -> None:
        """Take one document's analysis, or its :class:`Findings`, into the corpus.

        Without ``texts`` the whole document is kept, so only an analysis will do.
        """
        document = None
        if isinstance(found, Analysis):
            document, found = found.document, findings(found, self.catalogue)
        elif self.texts is None:
            raise TypeError("a Resolver without texts keeps each whole document: give it the Analysis")
        _merge_actor_rows(self._facts, found)
        self._told.append(Told(found.document.id, found.events, found.statements))
        if self.texts is None:
            self._documents.append(document)
        else:
            self.texts.add(found.document.id, found.raw)
            self._documents.append(found.document)

    def resolved(self) -> Resolved:
        """The corpus taken so far, resolved; its documents sorted by id."""
        order = sorted(range(len(self._told)), key=lambda i: self._told[i].doc_id)
        told = [self._told[i] for i in order]
        events, event_of = resolve_events(told)
        return Resolved(
            documents=tuple(self._documents[i] for i in order),
            actors=resolve_actors(self._facts, self.catalogue),
            events=events,
            statements=resolve_statements(told, event_of),
            texts=self.texts,
        )


def resolve(analyses: Iterable[Analysis], catalogue: Catalogue) -> Resolved:
    """Resolve a whole corpus; the documents keep their input order sorted by id."""
    resolver = Resolver(catalogue)
    for analysis in analyses:
        resolver.add(analysis)
    return resolver.resolved()
