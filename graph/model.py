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
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol, overload

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


def _by_fields(value: object) -> tuple[type, tuple]:
    """Pickle a frozen slotted dataclass as its class and its fields in order, which ``__init__`` takes.

    The dataclass default restores such a value field by field through
    ``object.__setattr__`` in Python; a build with nothing changed reads every
    span and candidate back from its cache (20,720 on the 10 MB corpus), and
    calling the class unpickles them in under half the time.
    """
    return type(value), tuple(getattr(value, name) for name in value.__slots__)


@dataclass(frozen=True, slots=True)
class Span:
    """A range of ``Document.raw``: the provenance of one fact.

    With slots: a large corpus holds millions, each without a ``__dict__`` of its own.
    """

    doc_id: str
    start: int
    end: int

    __reduce__ = _by_fields


class Offsets(Sequence[int]):
    """Where each character of a matching view stands in ``raw``, held as runs, not one int per character.

    The matching view keeps ``raw`` in a few long runs (it only drops page-break damage and
    line artefacts), so two arrays, the view index and the ``raw`` index where each run
    starts, map any position by a bisect. One Python int per character held 36 bytes per
    character in every document until the graph was written, most of a large build's memory,
    and travelled back from every worker process. ``offsets[i]`` is the index in ``raw`` of
    ``text[i]``, strictly increasing, as the tuple it replaces was.
    """

    __slots__ = ("_view", "_raw", "_length")

    def __init__(self, runs: Iterable[tuple[int, int]]) -> None:
        """``runs``: the ``(start, end)`` ranges of ``raw`` the view keeps, in order, not overlapping."""
        self._view, self._raw = array("q"), array("q")
        length = 0
        for start, end in runs:
            if end <= start:
                continue
            if self._raw and self._raw[-1] + length - self._view[-1] == start:
                length += end - start  # continues the last run
                continue
            if self._raw and start < self._raw[-1] + length - self._view[-1]:
                raise ValueError(f"runs out of order at {start}")
            self._view.append(length)
            self._raw.append(start)
            length += end - start
        self._length = length

    @classmethod
    def of(cls, positions: Iterable[int]) -> Offsets:
        """The offsets of a strictly increasing sequence of ``raw`` positions (one per view character)."""
        if isinstance(positions, Offsets):
            return positions
        return cls((position, position + 1) for position in positions)

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[int, ...]: ...

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(self._length)))
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(f"offset {index} outside a view of {self._length} characters")
        run = bisect.bisect_right(self._view, index) - 1
        return self._raw[run] + index - self._view[run]

    def raw_range(self, start: int, end: int) -> tuple[int, int]:
        """The ``raw`` range from ``self[start]`` to ``self[end - 1] + 1``: one look-up when both fall in one run.

        Resolution maps every mention of every document through it, cached or not.
        """
        if not 0 <= start < end <= self._length:
            raise IndexError(f"range {start}:{end} outside a view of {self._length} characters")
        run = bisect.bisect_right(self._view, start) - 1
        if run + 1 == len(self._view) or end <= self._view[run + 1]:
            return self._raw[run] + start - self._view[run], self._raw[run] + end - self._view[run]
        return self._raw[run] + start - self._view[run], self[end - 1] + 1

    def __iter__(self) -> Iterator[int]:
        ends = [*self._view[1:], self._length]
        for view, raw, end in zip(self._view, self._raw, ends):
            yield from range(raw, raw + end - view)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Offsets):
            return (self._length, self._view, self._raw) == (other._length, other._view, other._raw)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self._length, self._view.tobytes(), self._raw.tobytes()))

    def __repr__(self) -> str:
        return f"Offsets({len(self._view)} runs over {self._length} characters)"

    def bisect_left(self, position: int) -> int:
        """The first view index whose ``raw`` index is ``position`` or after (``bisect_left`` on the list)."""
        run = bisect.bisect_right(self._raw, position) - 1
        if run < 0:
            return 0
        index = self._view[run] + position - self._raw[run]
        end = self._view[run + 1] if run + 1 < len(self._view) else self._length
        return min(index, end)


@dataclass(frozen=True)
class Document:
    """One input file.

    ``offsets[i]`` is the index in ``raw`` of ``text[i]``; it is strictly
    increasing, because the matching view only substitutes or drops characters.
    Given as any sequence of ints (``tuple(range(len(text)))`` for a view that is
    ``raw`` itself), it is held as :class:`Offsets`.
    ``notes`` are the repairs reading made (stray NUL bytes dropped, a cut last
    character dropped, front matter ignored), each a phrase for the build summary.
    """

    id: str
    raw: str
    text: str
    offsets: Offsets
    meta: DocMeta = field(default_factory=DocMeta)
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "offsets", Offsets.of(self.offsets))

    def raw_span(self, start: int, end: int) -> Span:
        """The ``raw`` range covering ``text[start:end]`` (``end`` exclusive)."""
        if end <= start:
            raise ValueError(f"empty range {start}:{end} in {self.id}")
        return Span(self.id, *self.offsets.raw_range(start, end))

    def quote(self, span: Span) -> str:
        """The document's own text for a span: what evidence shows a reader."""
        return self.raw[span.start:span.end]

    def text_range(self, start: int, end: int) -> tuple[int, int] | None:
        """The ``text`` range of what ``raw[start:end]`` kept, the inverse of :meth:`raw_span`.

        A name another tool found in ``raw`` is looked up in the matching view through it;
        None when the matching view keeps nothing of that range (a repaired page break).
        """
        lo = self.offsets.bisect_left(start)
        hi = self.offsets.bisect_left(end)
        return (lo, hi) if lo < hi else None


@dataclass(frozen=True)
class DocumentInfo:
    """What the graph says of a document besides its quotes: its id and metadata, not its text.

    A build keeps this of every document until the graph is written, and the
    text on disk (:class:`graph.texts.SpilledTexts`); a :class:`Document` serves too.
    """

    id: str
    meta: DocMeta = field(default_factory=DocMeta)


class Quotes(Protocol):
    """Where evidence quotes are read: the documents' ``raw`` text by :class:`Span`."""

    def quote(self, span: Span) -> str: ...


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


@dataclass(frozen=True, slots=True)
class EventCandidate:
    """An event as one sentence tells it. Participants are actor keys.

    ``assumed_date``: the date is the day of the paragraph or headline the event is told in (an
    article's own date), not one its sentence states; another telling's stated date overrides it.
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

    __reduce__ = _by_fields


@dataclass(frozen=True, slots=True)
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

    __reduce__ = _by_fields


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
    """The whole corpus after resolution: what ``emit`` turns into RDF.

    ``texts``: where the evidence quotes are read; None when ``documents`` are
    whole :class:`Document` objects, which hold their text.
    """

    documents: tuple[Document | DocumentInfo, ...]
    actors: tuple[Actor, ...]
    events: tuple[Event, ...]
    statements: tuple[Statement, ...]
    texts: Quotes | None = None
