"""Data classes that flow between the pipeline's stages.

Every stage reads one of these and returns a new one (``dataclasses.replace``);
nothing here imports another module of the package, so every stage can depend
on it without cycles.

Two coordinate systems exist and must never be mixed up:

* ``Document.raw`` is the file decoded to ``str`` (BOM dropped, nothing else
  changed unless ``Document.notes`` says so: stray NULs or a cut last character
  dropped). Evidence offsets (:class:`Span`) always point into ``raw``.
* ``Document.text`` is the *matching view*: Simplified script, page-break damage
  repaired. Blocks and mentions carry positions in ``text``;
  ``Document.raw_span`` maps a ``text`` range back to a :class:`Span` in ``raw``.
"""
from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field

ACTOR_CLASSES = ("Person", "Country", "GovernmentBody", "InternationalOrganization", "Organization")


@dataclass(frozen=True)
class DocMeta:
    """What a document says about itself (front matter, headers, preamble).

    ``year``: for a document without ``date``, the year of its month-day dates: the one the
    user gave (``jishi build --year``), else the one the structure stage reads from its text;
    None when no year can be known.
    """

    title: str | None = None
    date: dt.date | None = None
    source: str | None = None
    author: str | None = None
    language: str = "zh-Hans"
    genre: str = "text"
    encoding: str = "utf-8"
    year: int | None = None


@dataclass(frozen=True)
class Span:
    """A range of ``Document.raw``: the provenance of one fact."""

    doc_id: str
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    """One input file.

    ``offsets[i]`` is the index in ``raw`` of ``text[i]``; it is strictly
    increasing, because the matching view only substitutes or drops characters.
    ``notes`` are the repairs reading made (stray NUL bytes dropped, a cut last
    character dropped, front matter ignored), each a phrase for the build summary.
    """

    id: str
    raw: str
    text: str
    offsets: tuple[int, ...]
    meta: DocMeta = field(default_factory=DocMeta)
    notes: tuple[str, ...] = ()

    def raw_span(self, start: int, end: int) -> Span:
        """The ``raw`` range covering ``text[start:end]`` (``end`` exclusive)."""
        if end <= start:
            raise ValueError(f"empty range {start}:{end} in {self.id}")
        return Span(self.id, self.offsets[start], self.offsets[end - 1] + 1)

    def quote(self, span: Span) -> str:
        """The document's own text for a span: what evidence shows a reader."""
        return self.raw[span.start:span.end]

    def text_range(self, start: int, end: int) -> tuple[int, int] | None:
        """The ``text`` range of what ``raw[start:end]`` kept, the inverse of :meth:`raw_span`.

        A name another tool found in ``raw`` is looked up in the matching view through it;
        None when the matching view keeps nothing of that range (a repaired page break).
        """
        lo = bisect.bisect_left(self.offsets, start)
        hi = bisect.bisect_left(self.offsets, end)
        return (lo, hi) if lo < hi else None


@dataclass(frozen=True)
class Block:
    """A structural unit of a document, positions in ``Document.text``.

    ``kind`` is one of heading, day, bullet, paragraph, turn, attribution,
    section, summary, headline, byline, speech, occasion (see ``graph.structure``). ``date``
    is the day the block speaks of (carried down from headings, or from the
    metadata), ``approx`` when only bounded. ``speaker`` is the surface name of a
    transcript turn's speaker or a speech's author (also on its occasion line), or the occasion/speaker line
    of a compilation passage. ``attribution`` is a compilation passage's source
    line, or the kind of text a speech's paragraph belongs to (致辞, 复信).
    """

    kind: str
    start: int
    end: int
    date: dt.date | None = None
    approx: bool = False
    speaker: str | None = None
    attribution: str | None = None


@dataclass(frozen=True)
class Mention:
    """A name of an actor found in ``Document.text``.

    ``key`` is the stable actor key (catalogue key such as ``country/IT`` or a
    discovered key such as ``person/孔特``); ``None`` when the mention could
    not be resolved (e.g. an ambiguous 巴方).
    """

    start: int
    end: int
    surface: str
    key: str | None
    cls: str
    role: str | None = None
    affiliation: str | None = None


@dataclass(frozen=True)
class ProposedName:
    """A name another tool found in a document (a statistical model's or an EntityRuler's
    entity, through ``graph.spacy_pipe``), offered to the actors stage as a candidate.

    Positions in ``Document.text``; ``cls`` is the actor class the name would have.
    """

    start: int
    end: int
    cls: str


@dataclass(frozen=True)
class ActorInfo:
    """What the text teaches about an actor that the catalogue may not know."""

    key: str
    cls: str
    name: str
    role: str | None = None
    affiliation: str | None = None


@dataclass(frozen=True)
class EventCandidate:
    """An event as one sentence tells it. Participants are actor keys.

    ``assumed_date``: the date is the day of the paragraph the event is told in (an article's
    own date), not one its sentence states; another telling's stated date overrides it.
    """

    cls: str
    date: dt.date | None
    approx: bool
    participants: tuple[str, ...]
    evidence: Span
    requested_by: str | None = None
    provider: str | None = None
    recipient: str | None = None
    date_end: dt.date | None = None
    assumed_date: bool = False


@dataclass(frozen=True)
class StatementCandidate:
    """Reported speech as one passage tells it.

    ``during`` is the index of an :class:`EventCandidate` of the same analysis.
    """

    speaker: str
    verb: str
    text: str
    date: dt.date | None
    evidence: Span
    during: int | None = None


@dataclass(frozen=True)
class Analysis:
    """Everything the per-document stages found in one document."""

    document: Document
    blocks: tuple[Block, ...] = ()
    mentions: tuple[Mention, ...] = ()
    actors: tuple[ActorInfo, ...] = ()
    events: tuple[EventCandidate, ...] = ()
    statements: tuple[StatementCandidate, ...] = ()


@dataclass(frozen=True)
class Actor:
    """One real-world actor after resolution across all documents."""

    key: str
    cls: str
    labels: tuple[tuple[str, str], ...]
    alt_labels: tuple[tuple[str, str], ...] = ()
    role: str | None = None
    affiliation: str | None = None
    iso_code: str | None = None
    wikidata: str | None = None
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Event:
    """One real-world event, however many documents tell it."""

    key: str
    cls: str
    date: dt.date | None
    approx: bool
    participants: tuple[str, ...]
    evidence: tuple[Span, ...]
    requested_by: str | None = None
    provider: str | None = None
    recipient: str | None = None
    label: str = ""


@dataclass(frozen=True)
class Statement:
    """One statement, however many passages repeat it."""

    key: str
    speaker: str
    verb: str
    text: str
    date: dt.date | None
    evidence: tuple[Span, ...]
    during: str | None = None


@dataclass(frozen=True)
class Skipped:
    """A file that could not be read, and why: shown in the build summary."""

    path: str
    reason: str


@dataclass(frozen=True)
class Resolved:
    """The whole corpus after resolution: what ``emit`` turns into RDF."""

    documents: tuple[Document, ...]
    actors: tuple[Actor, ...]
    events: tuple[Event, ...]
    statements: tuple[Statement, ...]
