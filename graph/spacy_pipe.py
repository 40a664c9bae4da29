"""jishi as a spaCy pipeline component, for users who already work with spaCy ``Doc`` objects.

>>> import spacy                                   # doctest: +SKIP
>>> nlp = spacy.blank("zh")                        # doctest: +SKIP
>>> nlp.add_pipe("jishi")                          # doctest: +SKIP
>>> doc = nlp("2020年3月5日，国务委员兼外长王毅同意大利外长迪马约通电话。")  # doctest: +SKIP
>>> [(s.text, s.label_) for s in doc.spans["jishi_actors"]]                  # doctest: +SKIP
[('王毅', 'Person'), ('意大利', 'Country'), ('迪马约', 'Person')]
>>> [(e.cls, str(e.date), [p.name for p in e.parties]) for e in doc._.jishi_events]  # doctest: +SKIP
[('PhoneCall', '2020-03-05', ['王毅', '迪马约'])]

The component is registered under the name ``jishi`` through the ``spacy_factories`` entry
point, so ``add_pipe("jishi")`` needs no import. It runs the same per-document stages and
the same resolution as ``jishi build`` on the Doc's text (read as a file with that content
would be), so a Doc gets the actors, events and statements a graph built from that file holds:

* ``doc.spans["jishi_actors"]``: one span per mention, ``label_`` the actor class,
  ``kb_id_`` the actor's IRI in the graph;
* ``doc._.jishi_actors``, ``doc._.jishi_events``, ``doc._.jishi_statements``: the resolved
  facts as :class:`JishiActor`, :class:`JishiEvent`, :class:`JishiStatement`, each evidence
  with its character offsets in ``doc.text`` and the spaCy ``Span`` over them.

The facts are kept in ``doc._.jishi`` as plain data (strings, numbers, lists), so a Doc
still serialises (``Doc.to_bytes``, ``nlp.pipe(n_process=…)``); the three attributes above
are read from it. Entities already on the Doc (a user's statistical model, an EntityRuler
placed before ``jishi``) whose label ``ontology/lexicon/entity_labels.csv`` lists are
offered to the actors stage as candidates: a name the catalogue and the rules do not know
becomes an actor that events and statements can then name.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from . import emit, pipeline, read, resolve
from .catalogue import Catalogue, load_catalogue
from .cli import YEARS
from .model import Document, Mention, ProposedName, Resolved, Span

__all__ = ["JishiActor", "JishiComponent", "JishiEvent", "JishiStatement", "Party", "Evidence", "make_jishi"]

SPANS_KEY = "jishi_actors"
STORE = "jishi"
DOC_ID = "doc"
"""The name of a Doc's text in its facts' evidence (a build uses the file name; none appears on the Doc)."""
ROLES = (("participants", "participant"), ("requested_by", "requestedBy"),
         ("provider", "provider"), ("recipient", "recipient"))
"""An event's fields that name actors, and the role (the ontology's property) each gives."""


@dataclass(frozen=True)
class Evidence:
    """Where a fact is told: offsets in ``doc.text``, and the tokens over them (None if none align)."""

    start: int
    end: int
    span: SpacySpan | None


@dataclass(frozen=True)
class JishiActor:
    """An actor of the graph: its IRI, key, class, name, role and affiliation (an actor key)."""

    iri: str
    key: str
    cls: str
    name: str
    role: str | None
    affiliation: str | None


@dataclass(frozen=True)
class Party:
    """An actor in one role of a fact: participant, requestedBy, provider, recipient or speaker."""

    iri: str
    key: str
    cls: str
    name: str
    role: str


@dataclass(frozen=True)
class JishiEvent:
    """An event of the graph, with its parties and evidence."""

    iri: str
    cls: str
    date: dt.date | None
    approx: bool
    parties: tuple[Party, ...]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class JishiStatement:
    """A statement of the graph: who said it (``speaker``, role speaker), with which verb, what, when,
    during which event (its IRI), and where."""

    iri: str
    speaker: Party
    verb: str
    text: str
    date: dt.date | None
    during: str | None
    evidence: tuple[Evidence, ...]


class JishiComponent:
    """Runs jishi's analysis on each Doc and writes the results onto it (see the module docstring)."""

    def __init__(self, catalogue: Catalogue, labels: dict[str, str], spans_key: str,
                 hint: pipeline.DateHint) -> None:
        self.catalogue = catalogue
        self.labels = labels
        self.spans_key = spans_key
        self.hint = hint

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text  # spaCy joins the tokens again on every read
        document = self.hint.apply(read.parse_document(text, DOC_ID))
        shift = len(text) - len(document.raw)  # a leading BOM the reader drops
        analysis = pipeline.analyse(document, self.catalogue, self.proposed(doc, document, shift))
        resolved = resolve.resolve([analysis], self.catalogue)
        doc.spans[self.spans_key] = _actor_spans(doc, analysis.document, analysis.mentions, resolved, shift)
        doc._.set(STORE, _store(resolved, shift))
        return doc

    def proposed(self, doc: Doc, document: Document, shift: int) -> list[ProposedName]:
        """The Doc's entities with a label in ``self.labels``, as positions in the matching view."""
        names = []
        for ent in doc.ents:
            cls = self.labels.get(ent.label_)
            found = document.text_range(ent.start_char - shift, ent.end_char - shift) if cls else None
            if found is not None:
                names.append(ProposedName(found[0], found[1], cls))
        return names


@Language.factory(
    "jishi",
    default_config={"spans_key": SPANS_KEY, "entity_labels": None, "date": None, "year": None},
    assigns=["doc.spans", f"doc._.{STORE}"],
)
def make_jishi(nlp: Language, name: str, spans_key: str, entity_labels: dict[str, str] | None,
               date: str | None, year: int | None) -> JishiComponent:
    """The ``jishi`` component (the entry point's target).

    Parameters
    ----------
    spans_key : str
        The ``doc.spans`` key of the actor mentions (default ``jishi_actors``).
    entity_labels : dict or None
        Entity label → actor class of the entities offered as actor candidates; None reads
        ``ontology/lexicon/entity_labels.csv`` (PERSON, PER, ORG, GPE).
    date, year : str or int, optional
        What ``jishi build --date/--year`` give: the day (YYYY-MM-DD) or the year of texts
        that state none.
    """
    catalogue = load_catalogue()
    labels = entity_labels if entity_labels is not None else {
        row["label"]: row["class"] for row in catalogue.lexicon("entity_labels")}
    return JishiComponent(catalogue, labels, spans_key, _date_hint(date, year))


def _date_hint(date: str | None, year: int | None) -> pipeline.DateHint:
    """The config's date or year, held to what ``jishi build --date/--year`` accept."""
    if date is not None and year is not None:
        raise ValueError("jishi: give the config 'date' or 'year', not both")
    try:
        day = dt.date.fromisoformat(date) if date is not None else None
    except ValueError as exc:
        raise ValueError(f"jishi: config date {date!r} is no day YYYY-MM-DD ({exc})") from None
    given = day.year if day else year
    if given is not None and not YEARS[0] <= given <= YEARS[1]:
        raise ValueError(f"jishi: config {'date' if day else 'year'} {date or year!r}: the year must be within "
                         f"{YEARS[0]}-{YEARS[1]}")
    return pipeline.DateHint(day, year)


# ---------------------------------------------------------------- writing onto the Doc

def _actor_spans(doc: Doc, document: Document, mentions: tuple[Mention, ...], resolved: Resolved,
                 shift: int) -> list[SpacySpan]:
    """One span per mention of a resolved actor, labelled with its class, ``kb_id`` its IRI."""
    classes = {actor.key: actor.cls for actor in resolved.actors}
    spans = []
    for mention in mentions:
        if mention.key not in classes:
            continue
        where = document.raw_span(mention.start, mention.end)
        span = doc.char_span(where.start + shift, where.end + shift, label=classes[mention.key],
                             kb_id=_plain_iri(emit.actor_iri(mention.key)), alignment_mode="expand")
        if span is not None:
            spans.append(span)
    return spans


def _plain_iri(turtle: str) -> str:
    """``<http://…>`` → ``http://…``."""
    return turtle.removeprefix("<").removesuffix(">")


def _store(resolved: Resolved, shift: int) -> dict[str, list]:
    """The resolved facts as plain data that ``Doc.to_bytes`` can write."""
    names = {a.key: a.labels[0][0] for a in resolved.actors}
    classes = {a.key: a.cls for a in resolved.actors}

    def party(key: str, role: str) -> list:
        return [key, classes.get(key, ""), names.get(key, key), role]

    def evidence(spans: tuple[Span, ...]) -> list:
        return [[s.start + shift, s.end + shift] for s in spans]

    return {
        "actors": [[a.key, a.cls, a.labels[0][0], a.role, a.affiliation] for a in resolved.actors],
        "events": [[e.key, e.cls, e.date and e.date.isoformat(), e.approx,
                    [party(k, role) for field, role in ROLES for k in _keys(getattr(e, field))],
                    evidence(e.evidence)] for e in resolved.events],
        "statements": [[s.key, party(s.speaker, "speaker"), s.verb, s.text, s.date and s.date.isoformat(),
                        s.during, evidence(s.evidence)] for s in resolved.statements],
    }


def _keys(value: tuple[str, ...] | str | None) -> tuple[str, ...]:
    """An event field's actor keys: a tuple of participants, or one key, or none."""
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else value


# ---------------------------------------------------------------- reading it back

def _party(row: list) -> Party:
    key, cls, name, role = row
    return Party(_plain_iri(emit.actor_iri(key)), key, cls, name, role)


def _evidence(doc: Doc, rows: list) -> tuple[Evidence, ...]:
    return tuple(Evidence(s, e, doc.char_span(s, e, alignment_mode="expand")) for s, e in rows)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _actors(doc: Doc) -> list[JishiActor]:
    return [JishiActor(_plain_iri(emit.actor_iri(key)), key, cls, name, role, affiliation)
            for key, cls, name, role, affiliation in (doc._.get(STORE) or {}).get("actors", [])]


def _events(doc: Doc) -> list[JishiEvent]:
    return [JishiEvent(_plain_iri(emit.iri("event/" + key)), cls, _date(date), approx,
                       tuple(map(_party, parties)), _evidence(doc, evidence))
            for key, cls, date, approx, parties, evidence in (doc._.get(STORE) or {}).get("events", [])]


def _statements(doc: Doc) -> list[JishiStatement]:
    return [JishiStatement(_plain_iri(emit.iri("statement/" + key)), _party(speaker), verb, text, _date(date),
                           _plain_iri(emit.iri("event/" + during)) if during else None, _evidence(doc, evidence))
            for key, speaker, verb, text, date, during, evidence
            in (doc._.get(STORE) or {}).get("statements", [])]


def _register_extensions() -> None:
    """The Doc attributes the component fills (once per process; a re-import keeps them)."""
    getters: dict[str, Any] = {"jishi_actors": _actors, "jishi_events": _events, "jishi_statements": _statements}
    if not Doc.has_extension(STORE):
        Doc.set_extension(STORE, default=None)
    for name, getter in getters.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, getter=getter)


_register_extensions()
