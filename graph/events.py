"""Blocks + Mentions → EventCandidates: who did what with whom, and when.

Reads ``document.text``, ``document.meta``, ``blocks`` and ``mentions``; fills
``events``.

The texts are formulaic, so the stage models the formulas rather than the
sentences. A trigger word of ``ontology/lexicon/event_triggers.csv`` names the
class and the *shape* of the formula around it; the cues of
``ontology/lexicon/event_cues.yaml`` (connectors, markers, 应约, 日前, 将 …) find
the parties:

* ``bilateral`` — ``A应约同B通电话``, ``A会见B``: one event per counterpart;
* ``message`` — ``A就…向B致慰问电``, ``A复信B``: provider A, recipient B;
* ``gathering`` — ``中日韩举行…视频会议``, ``…特别峰会``: every named party;
* ``press`` — ``X召开新闻发布会``: the organiser (and invited speakers);
* ``aid`` / ``team`` / ``info`` — ``A向B提供…物资``, ``专家组抵达B``,
  ``A向B通报疫情信息``: provider (China when unnamed) and recipient;
* ``visit`` — ``A对B进行国事访问``: the visitor and the host country.

Each formula is a module of ``graph/formulas/`` that registers itself with the
cues it reads; this module finds the triggers, runs the formula a trigger's
shape names, and dates and merges what the formulas draft. The helpers below
that several formulas share stay here, and the formulas reach them as ``ev._…``.

Actor names joined only by a title (``意大利总理孔特``) form one *phrase* whose
last name is the participant: the most specific named actor.

>>> from graph.model import Analysis, Document, Mention
>>> text = "习近平应约同孔特通电话。"
>>> doc = Document("d", text, text, tuple(range(len(text))))
>>> ms = (Mention(0, 3, "习近平", "person/习近平", "Person"), Mention(6, 8, "孔特", "person/孔特", "Person"))
>>> from graph.catalogue import load_catalogue
>>> [(e.cls, e.participants, e.requested_by) for e in
...  extract_events(Analysis(doc, mentions=ms), load_catalogue()).events]
[('PhoneCall', ('person/习近平', 'person/孔特'), 'person/孔特')]
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import NamedTuple

from . import formulas
from .catalogue import Catalogue, holds_office, lexicon_file
from .dates import DateSpan, anaphoric, counted_from_told, find_date_spans, last_told, told_days, told_within
from .lexicon import read_yaml
from .model import Analysis, Block, EventCandidate, Mention
from .ns import event_classes
from .patterns import behind, first_chars
from .resolve import APPROX_WINDOW  # the bound of an approximate date, as resolve agrees dates

__all__ = ["extract_events"]

TRIGGERS = "event_triggers"
TITLES = "titles"
CITIES = "cities"
OFFICE_MARKS = "office_marks"
OFFICE_TERMS = "office_terms"
VERBS = "reporting_verbs"
CUES_FILE = "event_cues.yaml"
VETOES_FILE = "event_vetoes.yaml"
PARTY_RULES_FILE = "party_rules.yaml"
ROLES_FILE = "event_roles.yaml"
MAX_EVIDENCE = 60
EVIDENCE_TRIM = " \t\u3000◆●■•·—-*>#"
GATHERING_CLASSES = ("VideoConference", "Summit", "PressConference")
MEETING_CLASSES = ("VideoConference", "Summit", "Meeting")
CALL_CLASSES = ("PhoneCall",)
RANGE_WORD = "至"
SUMMARY_BLOCK = "summary"
HEADLINE_BLOCK = "headline"
PARAGRAPH_BLOCK = "paragraph"
WHOLE_DOCUMENT = -2
HELPER_GAP = 1
PERSON_KEY = "person/"


# --------------------------------------------------------------------------- lexicon

@dataclass(frozen=True)
class _Trigger:
    """One row of event_triggers.csv: a word pattern, its class and formula shape."""

    cls: str
    pattern: re.Pattern
    shape: str
    requires: re.Pattern | None


@dataclass(frozen=True)
class _Veto:
    """One row of event_vetoes.yaml: where a cue tells that a trigger's act did not take place."""

    name: str
    where: str
    cue: re.Pattern | None
    then: re.Pattern | None
    unless: re.Pattern | None
    classes: frozenset[str]


def _read_vetoes(path: Path) -> tuple[_Veto, ...]:
    """The rows of the vetoes file, compiled."""
    rows = read_yaml(path)["vetoes"]

    def compiled(row: dict, key: str) -> re.Pattern | None:
        return re.compile(row[key]) if row.get(key) else None

    return tuple(_Veto(row["name"], row["where"], compiled(row, "cue"), compiled(row, "then"),
                       compiled(row, "unless"), frozenset(row.get("classes") or ())) for row in rows)


class _Term(NamedTuple):
    """One row of office_terms.csv: a person holds the offices of his country from ``start`` until ``end``."""

    person: str
    country: str
    offices: frozenset[str]
    start: dt.date
    end: dt.date | None

    def holds(self, country: str, office: str, day: dt.date) -> bool:
        """True when this person held ``office`` of ``country`` on ``day``."""
        return (self.country == country and office in self.offices and self.start <= day
                and (self.end is None or day < self.end))


def _read_terms(catalogue: Catalogue) -> tuple[_Term, ...]:
    """The rows of office_terms.csv whose person the catalogue knows, with the person's country."""
    actors = catalogue.actors
    return tuple(_Term(r["person"], actors[r["person"]].affiliation or "", frozenset(r["offices"].split("|")),
                       dt.date.fromisoformat(r["start"]), dt.date.fromisoformat(r["end"]) if r.get("end") else None)
                 for r in catalogue.lexicon(OFFICE_TERMS) if r.get("person") in actors)


@dataclass(frozen=True)
class _Lexicon:
    """Trigger rows, their combined pattern, and the cue words."""

    triggers: tuple[_Trigger, ...]
    combined: re.Pattern
    starting: dict[str, tuple[_Trigger, ...]]
    anywhere: tuple[_Trigger, ...]
    not_before: re.Pattern
    not_after: re.Pattern
    unnamed_many: re.Pattern
    cues: dict
    sentence: re.Pattern
    clause_breaks: frozenset
    phrase_breaks: re.Pattern
    object_verbs: tuple[str, ...]
    titles: re.Pattern
    maybe_date: re.Pattern
    bare_day: re.Pattern
    max_gap: int
    breaks: re.Pattern
    request: re.Pattern
    speech: re.Pattern
    source_report: re.Pattern
    longest_verb: int
    summary: re.Pattern
    other_time: re.Pattern
    later_time: re.Pattern
    period_opens: re.Pattern
    dateline: re.Pattern
    column_tag: re.Pattern
    date_lead: re.Pattern
    held_lead: re.Pattern
    capital: re.Pattern
    cities: dict[str, str] = field(default_factory=dict)
    city_pattern: re.Pattern = re.compile("(?!)")
    vetoes: tuple[_Veto, ...] = ()
    party_rules: dict[str, dict] = field(default_factory=dict)
    roles: dict[str, dict] = field(default_factory=dict)
    formulas: dict[str, formulas.Formula] = field(default_factory=dict)
    office_marks: tuple[str, ...] = ()
    office_terms: tuple[_Term, ...] = ()


@lru_cache(maxsize=8)
def _load_lexicon(cues_path: Path, rows: tuple[tuple[str, str, str, str], ...],
                  titles: tuple[str, ...], verbs: tuple[str, ...]) -> _Lexicon:
    """Compile the trigger rows and read the cues (cached per file)."""
    cues = read_yaml(cues_path)
    triggers = tuple(
        _Trigger(cls, re.compile(trigger), shape, re.compile(requires) if requires else None)
        for cls, trigger, shape, requires in rows)
    used = _formulas_of(triggers, cues)
    firsts = [first_chars(t.pattern.pattern) for t in triggers]
    combined = behind(None if None in firsts else frozenset().union(*firsts),
                       "|".join(f"(?:{t.pattern.pattern})" for t in triggers))
    breaks = re.escape(cues["sentence_breaks"].replace("\\n", "\n"))
    titles = titles + tuple(cues["office_words"])
    return _Lexicon(
        triggers=triggers, combined=combined, cues=cues,
        starting=_by_first_char(triggers, firsts),
        anywhere=tuple(t for t, f in zip(triggers, firsts) if f is None),
        not_before=_words_outside(tuple(cues["not_event_before"]), tuple(cues["not_event_before_within"])),
        not_after=_words_pattern(tuple(cues["not_event_after"])),
        unnamed_many=re.compile(cues["unnamed_many"]),
        sentence=re.compile(f"[^{breaks}]+"),
        clause_breaks=frozenset(cues["clause_breaks"]),
        phrase_breaks=_words_pattern(tuple(cues["phrase_breaks"])),
        object_verbs=tuple(cues["object_verbs"]),
        titles=re.compile("|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True)) or "(?!)"),
        maybe_date=re.compile(cues["maybe_date"]),
        bare_day=re.compile(cues["bare_day"]),
        max_gap=2 * max((len(t) for t in titles), default=0) + cues["phrase_rest"],
        breaks=re.compile("[{}]".format(re.escape(cues["clause_breaks"] + cues["sentence_breaks"].replace("\\n", "\n")))),
        request=re.compile(cues["request_pattern"]),
        speech=re.compile("(?:{})[{}]".format(
            "|".join(re.escape(v) for v in sorted(verbs, key=len, reverse=True)) or "(?!)",
            re.escape(cues["speech_openers"]))),
        source_report=re.compile("(?:{})[{}]".format(
            "|".join(re.escape(w) for w in cues["source_words"]), re.escape(cues["speech_openers"]))),
        longest_verb=max((len(v) for v in verbs), default=0),
        summary=re.compile(cues["summary_pattern"]),
        other_time=re.compile(cues["other_time"]),
        later_time=re.compile(cues["later_time"]),
        period_opens=re.compile(cues["period_opens"]),
        dateline=re.compile(cues["dateline"], re.MULTILINE),
        column_tag=re.compile(cues["column_tag"], re.MULTILINE),
        date_lead=re.compile(cues["date_clause_ignored"]),
        held_lead=re.compile(cues["held_after_lead"]),
        capital=re.compile(cues["capital_after_country"]),
        formulas=used,
    )


def _formulas_of(triggers: tuple[_Trigger, ...], cues: dict) -> dict[str, formulas.Formula]:
    """The formulas the trigger rows name, checked: a class the ontology lacks, a shape nobody
    registered, or a cue a formula reads that the cues file lacks fails here, at load time."""
    known = event_classes()
    used = {}
    for trigger in triggers:
        if trigger.cls not in known:
            raise ValueError(f"event trigger {trigger.pattern.pattern!r}: class {trigger.cls!r} is not an "
                             f"event class of ontology/jishi.ttl ({', '.join(known)})")
        used[trigger.shape] = formulas.formula(trigger.shape)
    for formula in used.values():
        missing = [cue for cue in formula.cues if cue not in cues]
        if missing:
            raise ValueError(f"event formula {formula.shape!r} reads cues missing from {CUES_FILE}: {missing}")
    return used


def _by_first_char(triggers: tuple[_Trigger, ...], firsts: list[frozenset[str] | None]
                   ) -> dict[str, tuple[_Trigger, ...]]:
    """For each character a trigger can begin with, the triggers (in order) that may match there."""
    chars = set().union(*(f for f in firsts if f))
    return {c: tuple(t for t, f in zip(triggers, firsts) if f is None or c in f) for c in chars}


_LEXICON_BY_ROOT: dict[Path, _Lexicon] = {}


def _lexicon(catalogue: Catalogue) -> _Lexicon:
    """The lexicon of this catalogue's root, built once per root.

    The catalogue reads each lexicon file once per process and the cues file
    is read once per process too, so a root's lexicon does not change while it runs.
    """
    root = Path(catalogue.root)
    if root not in _LEXICON_BY_ROOT:
        _LEXICON_BY_ROOT[root] = _read_lexicon(catalogue)
    return _LEXICON_BY_ROOT[root]


def _read_lexicon(catalogue: Catalogue) -> _Lexicon:
    """The lexicon of this catalogue's root (the package's own when the root lacks it)."""
    rows = tuple((r["class"], r["trigger"], r["shape"], r.get("requires") or "")
                 for r in catalogue.lexicon(TRIGGERS))
    titles = tuple(r["title"] for r in catalogue.lexicon(TITLES) if r.get("title"))
    verbs = tuple(r["verb"] for r in catalogue.lexicon(VERBS) if r.get("verb") and r.get("use") == "speech")
    lexicon = _load_lexicon(lexicon_file(catalogue.root, CUES_FILE), rows, titles, verbs)
    cities = {r["city"]: r["country"] for r in catalogue.lexicon(CITIES) if r.get("city") and r.get("country")}
    longest_first = "|".join(re.escape(c) for c in sorted(cities, key=len, reverse=True))
    return replace(lexicon, cities=cities, city_pattern=re.compile(longest_first or "(?!)"),
                   vetoes=_read_vetoes(lexicon_file(catalogue.root, VETOES_FILE)),
                   party_rules=_rows_by_name(lexicon_file(catalogue.root, PARTY_RULES_FILE), "rules"),
                   roles=_rows_by_name(lexicon_file(catalogue.root, ROLES_FILE), "roles"),
                   office_marks=tuple(r["mark"] for r in catalogue.lexicon(OFFICE_MARKS)),
                   office_terms=_read_terms(catalogue))


def _rows_by_name(path: Path, key: str) -> dict[str, dict]:
    """The rows under ``key`` of a rules file (party rules, role rows) by name: the code asks for a row by
    its name, so a row left out (as the tests do, to see what it changes) turns its rule off."""
    return {row["name"]: row for row in read_yaml(path)[key]}


# --------------------------------------------------------------------------- phrases

class _Phrase(NamedTuple):
    """Actor names joined only by titles (意大利总理孔特); ``keys`` are its last name's actors.

    A named tuple, like the other many-per-document records here: built
    several times faster than a frozen dataclass.
    """

    start: int
    end: int
    keys: tuple[str, ...]
    cls: str = ""


def _phrases(text: str, mentions: tuple[Mention, ...], lex: _Lexicon) -> list[_Phrase]:
    """Group the mentions into phrases; phrases without a resolved name are dropped."""
    groups: list[list[Mention]] = []
    group: list[Mention] = []
    end = -1
    max_gap = lex.max_gap
    for mention in sorted(mentions, key=_reading_order):
        start = mention.start
        if group and (start < end or (start - end <= max_gap and _joins(text, group, end, mention, lex))):
            group.append(mention)
            if mention.end > end:
                end = mention.end
        else:
            group = [mention]
            groups.append(group)
            end = mention.end
    return [phrase for phrase in map(_phrase_of, groups) if phrase.keys]


def _reading_order(mention: Mention) -> tuple[int, int]:
    """Mentions by start, the longer first where two start together."""
    return mention.start, -mention.end


def _joins(text: str, group: list[Mention], end: int, mention: Mention, lex: _Lexicon) -> bool:
    """True when ``mention``, starting after the phrase's ``end``, continues it: a person after
    a title, or an organisation written right after its country (美国盖茨基金会). A bracketed aside
    in the title is no break, whatever it holds (医管局总行政经理（病人安全及风险管理）张三; row
    ``aside_in_title`` of party_rules.yaml)."""
    gap = text[end:mention.start]
    if mention.cls != "Person":
        return gap == "" and group[-1].cls == "Country" and mention.cls != "Country"
    bare = re.sub(lex.cues["phrase_aside"], "", gap)
    if lex.phrase_breaks.search(bare if "aside_in_title" in lex.party_rules else gap):
        return False
    gap = bare
    return len(lex.titles.sub("", gap)) <= lex.cues["phrase_rest"] or _title_chain(gap, group[-1], mention, lex)


def _title_chain(gap: str, actor: Mention, person: Mention, lex: _Lexicon) -> bool:
    """True when ``gap`` is a unit and a title (外交事务 负责人) between an actor and a person the actors stage
    read as that actor's (row ``title_chain`` of party_rules.yaml): the title chain names the person."""
    rule = lex.party_rules.get("title_chain")
    if rule is None or not actor.key or person.affiliation != actor.key:
        return False
    title = max((m for m in lex.titles.finditer(gap) if m.end() == len(gap)), key=lambda m: -m.start(), default=None)
    return title is not None and title.start() <= rule["unit_rest"]


def _phrase_of(group: list[Mention]) -> _Phrase:
    """The phrase of a group: its actors are the resolved mention(s) that end it."""
    if len(group) == 1:
        only = group[0]
        return _Phrase(only.start, only.end, (only.key,), only.cls) if only.key else _Phrase(only.start, only.end, ())
    keyed = [m for m in group if m.key]
    start, end = group[0].start, max(m.end for m in group)
    if not keyed:
        return _Phrase(start, end, ())
    last_end = max(m.end for m in keyed)
    first_start = min(m.start for m in keyed if m.end == last_end)
    heads = [m for m in keyed if m.end == last_end and m.start == first_start]
    return _Phrase(start, end, tuple(dict.fromkeys(m.key for m in heads)), heads[0].cls)


# --------------------------------------------------------------------------- context

@dataclass
class _Context:
    """One document being read: text, phrases, sentences, blocks and what earlier events taught."""

    analysis: Analysis
    lex: _Lexicon
    phrases: list[_Phrase]
    phrase_starts: list[int]
    sentences: list[tuple[int, int]]
    sentence_starts: list[int]
    blocks: list[Block]
    block_starts: list[int]
    breaks: list[int] = field(default_factory=list)
    classes: dict[str, str] = field(default_factory=dict)
    affiliations: dict[str, str] = field(default_factory=dict)
    last_subject: tuple[str, ...] = ()
    team_recipient: dict[int, tuple[str, ...]] = field(default_factory=dict)
    team_provider: dict[int, tuple[str, ...]] = field(default_factory=dict)
    team_when: dict[int, _When] = field(default_factory=dict)
    block_cache: dict[int, Block | None] = field(default_factory=dict)
    triggers: list[tuple[int, str]] = field(default_factory=list)
    trigger_spans: list[tuple[int, int]] = field(default_factory=list)
    """The spans of the triggers found, in text order."""
    listed: set[tuple[int, int]] = field(default_factory=set)
    """The evidence spans of gatherings told as items of one list (A出席甲峰会和乙外长会议): not one retold."""
    podium: dict[str, tuple[str, ...]] = field(default_factory=dict)
    titled_only: frozenset[str] = frozenset()
    holders: _Holders | None = None
    headlines: list[int] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.analysis.document.text

    def item_at(self, pos: int) -> tuple[int, int] | None:
        """The broadcast item holding ``pos``: from its headline to the next (None outside items,
        and in documents without headlines)."""
        i = bisect.bisect_right(self.headlines, pos) - 1
        if i < 0:
            return None
        return self.headlines[i], self.headlines[i + 1] if i + 1 < len(self.headlines) else len(self.text)

    @cached_property
    def lead_news(self) -> tuple[dt.date, dt.date] | None:
        """The paper's day and the day an article's lead tells its news of, when that is not the
        paper's own (美國國務卿甲到訪倫敦，周二分別與乙和丙會晤; 丁昨日宣布捐贈…): the first day its first
        sentence writes, a few days before the paper's at most (``lead_days`` of event_cues.yaml).
        Read once a document, not for each event (see :func:`_lead_day`)."""
        lead = next((b for b in self.blocks if b.kind == PARAGRAPH_BLOCK), None)
        genre = self.analysis.document.meta.genre
        if lead is None or lead.date is None or genre not in self.lex.cues["lead_dated_genres"]:
            return None
        sentence = self.sentence_at(lead.start)
        first = self.text[lead.start:min(sentence[1], lead.end)]
        told = next(iter(told_days(first, lead.date)), None)
        if told is None or self.lex.period_opens.match(first, told.end):
            return None
        return (lead.date, told.date) if 0 < (lead.date - told.date).days <= self.lex.cues["lead_days"] else None

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """The sentence span holding ``pos``."""
        i = bisect.bisect_right(self.sentence_starts, pos) - 1
        return self.sentences[max(i, 0)]

    def clause_at(self, pos: int, sent: tuple[int, int]) -> tuple[int, int]:
        """The clause (between commas, semicolons, colons) holding ``pos`` inside ``sent``."""
        i = bisect.bisect_left(self.breaks, pos)
        start = self.breaks[i - 1] + 1 if i > 0 else 0
        end = self.breaks[i] if i < len(self.breaks) else len(self.text)
        return max(start, sent[0]), min(end, sent[1])

    def phrases_in(self, start: int, end: int) -> list[_Phrase]:
        """Phrases lying wholly inside ``start:end``."""
        i = bisect.bisect_left(self.phrase_starts, start)
        found = []
        while i < len(self.phrases) and self.phrases[i].start < end:
            if self.phrases[i].end <= end:
                found.append(self.phrases[i])
            i += 1
        return found

    def inside_phrase(self, pos: int) -> bool:
        """True when ``pos`` falls inside a phrase (a marker there is part of a name)."""
        i = bisect.bisect_right(self.phrase_starts, pos) - 1
        return i >= 0 and self.phrases[i].start <= pos < self.phrases[i].end

    def block_at(self, pos: int) -> Block | None:
        """The innermost block holding ``pos`` (asked several times per trigger, so remembered)."""
        if pos not in self.block_cache:
            self.block_cache[pos] = self._innermost_block(pos)
        return self.block_cache[pos]

    def _innermost_block(self, pos: int) -> Block | None:
        """The innermost block holding ``pos``, among the 50 starting last before it."""
        i = bisect.bisect_right(self.block_starts, pos) - 1
        best = None
        for block in reversed(self.blocks[max(0, i - 50):i + 1]):
            if best is not None and pos - block.start + 1 >= best.end - best.start:
                break  # blocks further back that hold pos are no shorter
            if block.start <= pos < block.end and (best is None or block.end - block.start < best.end - best.start):
                best = block
        return best


def _context(analysis: Analysis, lex: _Lexicon, catalogue: Catalogue) -> _Context:
    """Precompute the lookups one document needs."""
    text = analysis.document.text
    phrases = _outside(_phrases(text, analysis.mentions, lex),
                       _datelines(text, lex) + _column_tags(text, lex))
    sentences = _after_labels([(m.start(), m.end()) for m in lex.sentence.finditer(text)] or [(0, len(text))],
                              analysis.blocks)
    phrases = _with_pair_words(text, _not_classes(text, _not_tellers(text, phrases, lex), lex), sentences, lex)
    blocks = sorted(analysis.blocks, key=lambda b: (b.start, -b.end))
    classes = {m.key: m.cls for m in analysis.mentions if m.key}
    affiliations = {key: catalogue.actors[key].affiliation for key in _with_parents(classes, catalogue)
                    if key in catalogue.actors and catalogue.actors[key].affiliation}
    affiliations.update({a.key: a.affiliation for a in analysis.actors if a.affiliation})
    affiliations.update({m.key: m.affiliation for m in analysis.mentions if m.key and m.affiliation})
    titled_only = _titled_only(analysis, catalogue)
    holders = _Holders(_roles(analysis, catalogue), affiliations, titled_only)
    phrases = _pair_offices(text, phrases, sentences, analysis.mentions, holders, lex, analysis.document.meta.date)
    breaks = [m.start() for m in lex.breaks.finditer(text)]
    return _Context(analysis, lex, phrases, [p.start for p in phrases], sentences,
                    [s for s, _ in sentences], blocks, [b.start for b in blocks], breaks, classes, affiliations,
                    titled_only=titled_only, holders=holders,
                    headlines=[b.start for b in blocks if b.kind == HEADLINE_BLOCK])


def _roles(analysis: Analysis, catalogue: Catalogue) -> dict[str, str]:
    """Each person's office as the document gives it (its title there), else as the catalogue does."""
    roles = {m.key: catalogue.actors[m.key].role for m in analysis.mentions
             if m.cls == "Person" and m.key in catalogue.actors and catalogue.actors[m.key].role}
    roles.update({a.key: a.role for a in analysis.actors if a.cls == "Person" and a.role})
    roles.update({m.key: m.role for m in analysis.mentions if m.cls == "Person" and m.key and m.role})
    return roles


class _Holders(NamedTuple):
    """What tells who holds an office: persons' roles and sides, and those the text only titles."""

    roles: dict[str, str]
    affiliations: dict[str, str]
    titled_only: frozenset[str]


def _pair_offices(text: str, phrases: list[_Phrase], sentences: list[tuple[int, int]],
                  mentions: tuple[Mention, ...], holders: _Holders, lex: _Lexicon,
                  day: dt.date | None) -> list[_Phrase]:
    """The phrases with the two sides of a pair's office (中美元首, 两国外长, 中印两国防长) given as the
    two office holders, when the sentence or the one before names exactly one holder of that office
    for each side, else when office_terms.csv knows its one holder on the document's ``day`` and the
    sentence writes no other year (row ``pair_office_holders`` of party_rules.yaml); else the sides stay
    the countries."""
    rule = lex.party_rules.get("pair_office_holders")
    if rule is None:
        return phrases
    offices = re.compile(f"(?:{'|'.join(lex.cues['pair_words'])})?({'|'.join(rule['offices'])})")
    other_year = re.compile(rule["other_year"])
    by_end: dict[int, list[int]] = {}
    for i, phrase in enumerate(phrases):
        by_end.setdefault(phrase.end, []).append(i)
    starts = [s for s, _ in sentences]
    changed = {}
    for end, found in by_end.items():
        office = offices.match(text, end)
        sides = _pair_sides(phrases, found, by_end)
        if office is None or sides is None:
            continue
        n = max(bisect.bisect_right(starts, end) - 1, 0)
        window = (sentences[max(n - 1, 0)][0], sentences[n][1])
        written = {int(y) for y in other_year.findall(text, *sentences[n])}
        when = day if day is not None and written <= {day.year} else None
        persons = [_holder(mentions, phrases[i].keys[0], rule["offices"][office.group(1)], window, holders,
                           lex.office_marks) or _term_holder(lex.office_terms, phrases[i].keys[0], office.group(1), when)
                   for i in sides]
        if all(persons):
            changed.update({i: phrases[i]._replace(keys=(key,), cls="Person") for i, key in zip(sides, persons)})
    return [changed.get(i, p) for i, p in enumerate(phrases)]


def _holders_at_gathering(ctx: _Context, hit: _Hit, keys: tuple[str, ...]) -> tuple[str, ...]:
    """The parties of a gathering named by an office (中国—东盟特别外长会, 中国—东盟领导人会议) with each country
    named before it in its clause given as the one holder of that office of that country whom its sentence or
    the next names (…特别外长会于某日举行。王毅同东盟国家外长…: 王毅, not 中国; row ``pair_office_holders``,
    setting gathering_offices), unless a person of that country is a party already or a mark of another office
    (副外长级会议) stands before the office word."""
    rule = ctx.lex.party_rules.get("pair_office_holders")
    countries = [p for p in ctx.phrases_in(hit.clause[0], hit.start) if p.cls == "Country" and p.keys[0] in keys]
    if rule is None or ctx.holders is None or not countries:
        return keys
    office = re.compile("|".join(rule["gathering_offices"])).search(ctx.text, countries[-1].end, hit.end)
    if office is None or ctx.text.endswith(ctx.lex.office_marks, 0, office.start()):
        return keys
    n = bisect.bisect_right(ctx.sentence_starts, hit.start) - 1
    window = (ctx.sentences[n][0], ctx.sentences[min(n + 1, len(ctx.sentences) - 1)][1])
    acting = {ctx.affiliations.get(k) for k in keys if ctx.classes.get(k) == "Person"}
    named = {p.keys[0]: _holder(ctx.analysis.mentions, p.keys[0], rule["offices"][office.group(0)], window,
                                ctx.holders, ctx.lex.office_marks)
             for p in countries if p.keys[0] not in acting}
    return tuple(dict.fromkeys(named.get(k) or k for k in keys))


def _term_holder(terms: tuple[_Term, ...], country: str, office: str, day: dt.date | None) -> str | None:
    """The one person office_terms.csv says held ``office`` of ``country`` on ``day`` (None without a day)."""
    found = {t.person for t in terms if day is not None and t.holds(country, office, day)}
    return found.pop() if len(found) == 1 else None


def _pair_sides(phrases: list[_Phrase], ending: list[int], by_end: dict[int, list[int]]) -> list[int] | None:
    """The two country phrases a pair's office follows: a pair word's two sides (one span), or a joint
    form's two adjacent countries (中美); None for anything else."""
    if len(ending) == 2 and phrases[ending[0]].start == phrases[ending[1]].start:
        sides = ending
    elif len(ending) == 1 and len(by_end.get(phrases[ending[0]].start, ())) == 1:
        sides = [by_end[phrases[ending[0]].start][0], ending[0]]
    else:
        return None
    return sides if all(phrases[i].cls == "Country" and len(phrases[i].keys) == 1 for i in sides) else None


def _holder(mentions: tuple[Mention, ...], side: str, titles: list[str], window: tuple[int, int],
            holders: _Holders, marks: tuple[str, ...]) -> str | None:
    """The one person named in ``window`` who holds one of ``titles`` (his office ends with it, no mark of another
    office before it: a 副总统 is no 元首) and who is ``side``'s."""
    found = {m.key for m in mentions
             if m.cls == "Person" and m.key and window[0] <= m.start < window[1] and m.key not in holders.titled_only
             and (m.affiliation or holders.affiliations.get(m.key)) == side
             and any(holds_office(holders.roles.get(m.key, ""), title, marks) for title in titles)}
    return found.pop() if len(found) == 1 else None


def _not_tellers(text: str, phrases: list[_Phrase], lex: _Lexicon) -> list[_Phrase]:
    """The phrases without the organisations that only tell what their sentence reports (甲社指，…;
    甲台新闻报道，…; 据甲台报道，…): an outlet reporting an act is never a party to it, however a formula
    reads the sentence (the first name, the names before a trigger, every name of the sentence)."""
    cues = lex.cues
    classes = frozenset(cues["teller_classes"])
    return [p for k, p in enumerate(phrases)
            if not (p.cls in classes and _tells(text, p, phrases[k + 1] if k + 1 < len(phrases) else None, lex))]


def _tells(text: str, phrase: _Phrase, following: _Phrase | None, lex: _Lexicon) -> bool:
    """True when ``phrase`` opens a report: a reporting verb or a source word with its opener follows it in its
    clause within ``teller_gap`` characters and before the next name, or its clause opens with a credit opener."""
    cues = lex.cues
    opening = text[max(0, phrase.start - MAX_EVIDENCE):phrase.start]
    opening = opening[max((m.end() for m in lex.breaks.finditer(opening)), default=0):]
    if opening.lstrip(EVIDENCE_TRIM).startswith(tuple(cues["credit_openers"])):
        return True
    end = phrase.end + cues["teller_gap"] + lex.longest_verb + 1
    if following is not None:
        end = min(end, following.start + lex.longest_verb + 1)
    window = text[phrase.end:end]
    match = lex.speech.search(window) or lex.source_report.search(window)
    return match is not None and match.start() <= cues["teller_gap"] and not lex.breaks.search(window, 0, match.start())


def _not_classes(text: str, phrases: list[_Phrase], lex: _Lexicon) -> list[_Phrase]:
    """The phrases without a country or body that only says where a counted class of people comes from
    (七名甲国议员致函B, 甲国19名前部长联名致函B, 会晤一批甲国异见人士, 千名乙局员工致函B; row
    ``class_of_people`` of party_rules.yaml): the people are not named and the country or body did not
    act, so neither is a party. A body the count follows (甲国国会209名议员) stays: the text names it as
    the whole its members belong to."""
    rule = lex.party_rules.get("class_of_people")
    if rule is None:
        return phrases
    return [p for p in phrases if not (p.cls != "Person" and _counted_people(text, p, rule, p.cls == "Country"))]


def _counted_people(text: str, phrase: _Phrase, rule: dict, count_after: bool = True) -> bool:
    """True when a count stands right before ``phrase`` (or right after it, with ``count_after``) and a
    word of people follows within ``people_gap`` characters of its clause (七名 甲国 联邦参议员; 甲国 19名 前部长)."""
    before = _rule_cue(f"(?:{rule['count']})$").search(text[max(0, phrase.start - rule["people_gap"]):phrase.start])
    after = _rule_cue(rule["count"]).match(text, phrase.end) if count_after else None
    if before is None and after is None:
        return False
    start = after.end() if after is not None else phrase.end
    return _rule_cue(_people_within(rule)).match(text, start) is not None


def _people_within(rule: dict) -> str:
    """The pattern of a word of people within ``people_gap`` characters of its clause (row ``class_of_people``)."""
    return f"[^{rule['breaks']}]{{0,{rule['people_gap']}}}?(?:{rule['people']})"


def _class_written(written: str, lex: _Lexicon) -> bool:
    """True when a subject written without a name is a counted class of people (七名甲国议员): row
    ``class_of_people`` of party_rules.yaml; no name of an earlier clause stands in for it."""
    rule = lex.party_rules.get("class_of_people")
    return rule is not None and _rule_cue(f"(?:{rule['count']})" + _people_within(rule)).search(written) is not None


def _with_pair_words(text: str, phrases: list[_Phrase], sentences: list[tuple[int, int]],
                     lex: _Lexicon) -> list[_Phrase]:
    """The phrases, and one per side for each pair word (两国, 双方; cue ``pair_words``) that stands for two
    sides its sentence named in earlier clauses (中方向土方援助…，并安排两国专家…; 为帮助A、B…，C向两国派遣…),
    or, when its sentence names nobody before it, the sentence before (中方支持德方…。两国专家已进行了视频交流),
    so a formula reads each side as a party. Only when exactly two countries or bodies stand there; a
    pair word right after a name (中土两国) is the joint form the actors stage reads."""
    pattern = _words_pattern(tuple(lex.cues["pair_words"]))
    starts = [p.start for p in phrases]
    added = []
    for n, (start, end) in enumerate(sentences):
        for found in pattern.finditer(text, start, end):
            i = bisect.bisect_right(starts, found.start()) - 1
            if i >= 0 and phrases[i].end >= found.start():
                continue
            clause = max(start, *(text.rfind(c, start, found.start()) + 1 for c in lex.clause_breaks))
            sides = _sides(phrases[bisect.bisect_left(starts, start):i + 1], clause)
            if not sides and n > 0 and not phrases[bisect.bisect_left(starts, start):i + 1]:
                before = sentences[n - 1]
                sides = _sides(phrases[bisect.bisect_left(starts, before[0]):bisect.bisect_left(starts, start)], start)
            if len(sides) == 2:
                added += [_Phrase(found.start(), found.end(), (key,), cls) for key, cls in sides.items()]
    return sorted(phrases + added, key=lambda p: p.start) if added else phrases


def _sides(phrases: list[_Phrase], end: int) -> dict[str, str]:
    """The countries and bodies (key -> class) named in ``phrases`` before ``end``."""
    return {p.keys[0]: p.cls for p in phrases if p.end <= end and p.cls != "Person"}


def _after_labels(sentences: list[tuple[int, int]], blocks) -> list[tuple[int, int]]:
    """The sentences with each transcript turn's words cut from its label (``《某报》记者：A同B举行会晤``):
    the speaker or questioner who opens a turn tells the events in it and is no party to them."""
    cuts = sorted(b.start for b in blocks if b.kind == "turn")
    if not cuts:
        return sentences
    split = []
    for start, end in sentences:
        i = bisect.bisect_right(cuts, start)
        while i < len(cuts) and cuts[i] < end:
            split.append((start, cuts[i]))
            start = cuts[i]
            i += 1
        split.append((start, end))
    return split


def _title_end(text: str, mention: Mention, lex: _Lexicon) -> str:
    """The title a mention's surface ends with ('' when it ends with a name)."""
    for found in lex.titles.finditer(text, mention.start, mention.end):
        if found.end() == mention.end:
            return found.group(0)
    return ""


def _titled_only(analysis: Analysis, catalogue: Catalogue) -> frozenset[str]:
    """Persons the document never names, only titles (意大利总理 with no 孔特 anywhere): a reader of
    the document knows only the side they speak for, so that side stands as the participant."""
    text = analysis.document.text
    titled: dict[str, bool] = {}
    for mention in analysis.mentions:
        if mention.cls != "Person" or not mention.key:
            continue
        known = catalogue.actors.get(mention.key)
        names = {known.zh_hans, *known.aliases} if known else {mention.key.split("/", 1)[-1]}
        named = any(name and name in text[mention.start:mention.end] for name in names)
        titled[mention.key] = titled.get(mention.key, True) and not named
    return frozenset(key for key, only in titled.items() if only)


def _with_parents(keys, catalogue: Catalogue) -> set[str]:
    """The keys and the catalogue bodies they belong to, up the chain (武汉市 → 湖北省 → 中国)."""
    found = set()
    for key in keys:
        while key and key not in found:
            found.add(key)
            key = catalogue.actors[key].affiliation if key in catalogue.actors else None
    return found


def _affiliations_up(ctx: _Context, key: str) -> Iterator[str]:
    """The keys above ``key`` by catalogue affiliation, nearest first (武汉市 → 湖北省 → 中国), stopping at a loop."""
    seen = {key}
    while (key := ctx.affiliations.get(key)) and key not in seen:
        seen.add(key)
        yield key


def _country_above(ctx: _Context, key: str) -> str | None:
    """The country a key is or lies in, up its affiliations (武汉市 → 湖北省 → 中国; a minister → his country)."""
    prefix = ctx.lex.cues["country_prefix"]
    return next((k for k in (key, *_affiliations_up(ctx, key)) if k and k.startswith(prefix)), None)


def _within(ctx: _Context, key: str, country: str) -> bool:
    """True when ``key`` is a place or body inside ``country`` (by catalogue affiliation)."""
    return any(k == country for k in _affiliations_up(ctx, key))


def _datelines(text: str, lex: _Lexicon) -> list[tuple[int, int]]:
    """The spans of wire datelines and source lines opening a line (新华社北京5月18日电（记者 某某）,
    某某网消息（某栏目）：)."""
    if "电" not in text and "消息" not in text:
        return []
    return [m.span() for m in lex.dateline.finditer(text)]


def _column_tags(text: str, lex: _Lexicon) -> list[tuple[int, int]]:
    """The spans of column tags opening a line (【武汉肺炎大爆发】甲国与乙国元首通电话): a column's
    name, whose places are no party to the headline's event."""
    if "【" not in text:
        return []
    return [m.span() for m in lex.column_tag.finditer(text)]


def _outside(phrases: list[_Phrase], spans: list[tuple[int, int]]) -> list[_Phrase]:
    """The phrases outside ``spans``: the outlet and reporter of a dateline are no party to what it reports."""
    if not spans:
        return phrases
    return [p for p in phrases if not any(start <= p.start < end for start, end in spans)]


def _find(ctx: _Context, words, start: int, end: int, last: bool = False) -> tuple[int, int] | None:
    """The first (or last) occurrence of any of ``words`` in ``start:end`` outside names: (start, end).

    Where several words begin at one place, the first occurrence is the shortest
    and the last the longest.
    """
    if last:
        return _find_last(ctx, words, start, end)
    pattern = _words_pattern(tuple(words))
    found = pattern.search(ctx.text, start, end)
    while found and ctx.inside_phrase(found.start()):
        found = pattern.search(ctx.text, found.start() + 1, end)
    return found.span() if found else None


def _find_last(ctx: _Context, words, start: int, end: int) -> tuple[int, int] | None:
    """The last occurrence of any of ``words`` in ``start:end`` outside names, searched from the end."""
    text = ctx.text
    best = None
    for word in words:
        pos = text.rfind(word, start, end)
        while pos != -1 and ctx.inside_phrase(pos):
            pos = text.rfind(word, start, pos + len(word) - 1)
        if pos != -1 and (best is None or (pos, pos + len(word)) > best):
            best = (pos, pos + len(word))
    return best


@lru_cache(maxsize=256)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern:
    """Any of ``words``, shortest first, so a search gives the first occurrence of the shortest."""
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len)) or "(?!)")


def _words_outside(words: tuple[str, ...], within: tuple[str, ...]) -> re.Pattern:
    """Any of ``words`` (group 1), or one of ``within``, the longer words that hold one of them but say
    something else (志愿 holds 愿 and is no wish): tried first at each place, a word of ``within``
    hides the word it holds from a scan (:func:`_found_outside`)."""
    held = "|".join(re.escape(w) for w in sorted(within, key=len, reverse=True))
    return re.compile((f"(?:{held})|" if held else "") + f"({_words_pattern(words).pattern})")


def _found_outside(pattern: re.Pattern, text: str, start: int, end: int) -> bool:
    """True when a word of :func:`_words_outside`'s ``words`` stands in ``text[start:end]`` outside
    the longer words that hold it."""
    return any(m.group(1) for m in pattern.finditer(text, start, end))


# --------------------------------------------------------------------------- trigger

class _Hit(NamedTuple):
    """A trigger found in a sentence."""

    trigger: _Trigger
    start: int
    end: int
    sent: tuple[int, int]
    clause: tuple[int, int]


class _Draft(NamedTuple):
    """An event before its date: participants, sides and the text range that states it.

    ``later_leg`` marks a later stop of a tour told with one date (1月4日至9日，A出访B、C和D): the
    date written is the first stop's, so a later one is only bounded by the last day of the range
    (an approximate date), or unknown when no range is written.
    """

    cls: str
    participants: tuple[str, ...]
    start: int
    end: int
    requested_by: str | None = None
    provider: str | None = None
    recipient: str | None = None
    later_leg: bool = False


def _hits(ctx: _Context) -> list[_Hit]:
    """Every trigger occurrence whose required words are in its clause."""
    hits = []
    text = ctx.text
    for match in ctx.lex.combined.finditer(text):
        sent = ctx.sentence_at(match.start())
        clause = ctx.clause_at(match.start(), sent)
        for trigger in ctx.lex.starting.get(text[match.start()], ctx.lex.anywhere):
            found = trigger.pattern.match(text, match.start())
            if not found:
                continue
            if trigger.requires and not trigger.requires.search(text, clause[0], clause[1]) \
                    and _team_subject_clause(ctx, trigger, found.start(), sent, clause) is None:
                continue
            if _team_word_only_topic(ctx, trigger, found, clause):
                continue
            hits.append(_Hit(trigger, found.start(), found.end(), sent, clause))
            break
    return [h for i, h in enumerate(hits) if not _only_medium(h, hits[max(0, i - 3):i] + hits[i + 1:i + 4], ctx.lex)]


def _team_word_only_topic(ctx: _Context, trigger: _Trigger, found: re.Match, clause: tuple[int, int]) -> bool:
    """True when a verb of going (前往, 抵达) has its team word only after it, as part of what is done there
    (甲前往某医院了解…医务人员防护保障): no team goes. The team goes when its word stands before the verb
    (医疗队抵达B), after it as whom the verb's place received (抵达B的医疗队), or a send word precedes."""
    if trigger.shape != "team" or trigger.requires is None or found.group(0) not in ctx.lex.cues["team_movers"]:
        return False
    text = ctx.text
    if trigger.requires.search(text, clause[0], found.start()) or _find(ctx, ctx.lex.cues["send_words"], clause[0], found.start()):
        return False
    team = trigger.requires.search(text, found.end(), clause[1])
    return team is not None and "的" not in text[found.end():team.start()]


def _team_subject_clause(ctx: _Context, trigger: _Trigger, start: int, sent: tuple[int, int],
                         clause: tuple[int, int]) -> tuple[int, int] | None:
    """The clause that names the team of a trigger whose own clause has no subject: the clause before,
    when the trigger opens its clause (…专家组今天从A启程，赴B协助…), or the clause after, when the
    trigger's clause only frames a time (自2月29日抵达B以来，中国专家团…); None otherwise."""
    if trigger.shape != "team" or trigger.requires is None:
        return None
    lead = ctx.text[clause[0]:start].strip(EVIDENCE_TRIM)
    if not lead and clause[0] > sent[0]:
        near = ctx.clause_at(clause[0] - 1, sent)
    elif _time_frame(ctx, lead, ctx.text[start:clause[1]]) and clause[1] < sent[1]:
        near = ctx.clause_at(clause[1] + 1, sent)
    else:
        return None
    return near if trigger.requires.search(ctx.text, near[0], near[1]) else None


def _time_frame(ctx: _Context, lead: str, rest: str) -> bool:
    """True for a clause that only says when (自…以来, 在…后): it opens with a frame word, holds
    no name before the trigger, and closes with the frame's end word."""
    cues = ctx.lex.cues
    return (lead.startswith(tuple(cues["frame_openers"])) and rest.rstrip(EVIDENCE_TRIM).endswith(tuple(cues["frame_closers"]))
            and not ctx.lex.clause_breaks & set(lead))


def _only_medium(hit: _Hit, around: list[_Hit], lex: _Lexicon) -> bool:
    """True for a video link that is only how another event of its clause was held
    (通过视频连线参加…通报会, 在…世界卫生大会视频会议开幕式上致辞), or how a summit of its
    sentence was held (以视频方式会见…，共同主持…领导人会晤): one meeting, one event."""
    return hit.trigger.cls == "VideoConference" and any(
        (h.clause == hit.clause and h.trigger.cls in lex.cues["medium_of"])
        or (h.sent == hit.sent and h.trigger.cls in lex.cues["medium_of_sentence"]) for h in around)


def _planned(ctx: _Context, hit: _Hit) -> bool:
    """True when the clause says the action is planned or promised (将派遣, 愿提供, …将于…举行),
    the sentence is a directive (要继续…，及时与各国分享信息) or a question, or aid is only thanked for."""
    cues = ctx.lex.cues
    if _found_outside(ctx.lex.not_before, ctx.text, hit.clause[0], hit.start):
        return True
    if ctx.text[hit.sent[0]:hit.start].lstrip(EVIDENCE_TRIM).startswith(tuple(cues["directive_openers"])):
        return True
    if ctx.lex.not_after.search(ctx.text, hit.end, hit.clause[1]):
        return True
    if _asked(ctx, hit) or _only_thanked(ctx, hit) or _wish_carried(ctx, hit):
        return True
    return _modal_jiang(ctx.text[hit.clause[0]:hit.start], ctx.text[hit.start:hit.end], cues)


def _wish_carried(ctx: _Context, hit: _Hit) -> bool:
    """True when a clause without a subject of its own goes on with a wish or plan of an
    earlier clause (中方愿在…的同时，同A分享信息): the act is offered, not told as done."""
    return _find(ctx, ctx.lex.cues["wish_carried"], hit.sent[0], hit.clause[0]) is not None and _subjectless(ctx, hit)


def _asked(ctx: _Context, hit: _Hit) -> bool:
    """True when the sentence is a question (中方是否会向B提供…？): asked, not told."""
    cues = ctx.lex.cues
    end = hit.sent[1]
    if end < len(ctx.text) and ctx.text[end] in cues["question_marks"]:
        return True
    return _find(ctx, cues["question_words"], hit.sent[0], hit.sent[1]) is not None


def _only_thanked(ctx: _Context, hit: _Hit) -> bool:
    """True for aid named only as what someone thanks for (对中方援助表示感谢): a thanks word
    after the aid word in its clause, and no arrival verb telling a delivery."""
    cues = ctx.lex.cues
    if hit.trigger.shape != "aid" or _find(ctx, cues["thanks_after"], hit.end, hit.clause[1]) is None:
        return False
    return _find(ctx, cues["arrival_verbs"], hit.clause[0], hit.clause[1]) is None


def _quoted(ctx: _Context, hit: _Hit) -> bool:
    """True for a transfer told inside someone's quoted words, a quotation opened after a comma or colon
    (正如A所说，“用全国物资支援B…”): the speaker's saying, not the report of a delivery; a quoted name
    (实施“某某援助项目”) is no quotation of words."""
    opened = ctx.text.rfind("“", hit.sent[0], hit.start)
    if opened <= hit.sent[0] or ctx.text[opened - 1] not in ctx.lex.cues["quote_openers"]:
        return False
    return ctx.text.find("”", opened, hit.start) < 0


def _counted(ctx: _Context, hit: _Hit) -> bool:
    """True when the clause counts acts (26次通电话, 多次通话, 多批物资): a summary, not one event."""
    return bool(ctx.lex.summary.search(ctx.text, hit.clause[0], hit.clause[1]))


def _team_purpose(ctx: _Context, hit: _Hit) -> bool:
    """True for an aid word closing a clause that tells a team setting out (派出医疗队前往B援助,
    派出…医护人员援助B): it says what the team went for; the team is the event, not a separate delivery."""
    if hit.trigger.cls != "Aid" or ctx.text[hit.start:hit.end] not in ctx.lex.cues["team_purpose"]:
        return False
    rest = ctx.text[hit.end:hit.clause[1]]
    for phrase in reversed(ctx.phrases_in(hit.end, hit.clause[1])):
        rest = rest[:phrase.start - hit.end] + rest[phrase.end - hit.end:]
    if rest.strip(EVIDENCE_TRIM + "、和及"):
        return False
    return any(cls == "ExpertTeam" and hit.clause[0] <= pos < hit.start for pos, cls in ctx.triggers)


def _vetoed(ctx: _Context, hit: _Hit) -> bool:
    """True when a row of event_vetoes.yaml (other than the date row) says the act did not take place."""
    return any(_veto_fires(ctx, hit, veto) for veto in ctx.lex.vetoes
               if veto.where != "future" and (not veto.classes or hit.trigger.cls in veto.classes))


def _veto_fires(ctx: _Context, hit: _Hit, veto: _Veto) -> bool:
    """True when ``veto``'s cue stands where the row says, and nothing in the clause cancels it."""
    text, (start, end) = ctx.text, hit.clause
    if veto.unless and veto.unless.search(text, start, end):
        return False
    if veto.where == "before":
        return bool(veto.cue.search(text, start, hit.start))
    if veto.where == "after":
        return bool(veto.cue.match(text, hit.end, end))
    if veto.where == "onward":
        return bool(veto.cue.match(text, hit.end, hit.sent[1]))
    if veto.where == "around":
        return bool(veto.cue.search(text, start, hit.start) and veto.then.search(text, hit.end, end))
    if veto.where == "carried":
        return bool(veto.cue.search(text, hit.sent[0], start)) and _subjectless(ctx, hit)
    if veto.where == "sentence":
        return bool(veto.cue.search(text, hit.sent[0], hit.start)
                    and not (veto.unless and veto.unless.search(text, hit.sent[0], hit.start)))
    return False


def _subjectless(ctx: _Context, hit: _Hit) -> bool:
    """True for a clause that names no subject of its own before its trigger, or opens with a marker of
    the other side, after a conjunction or not (…，并会见B / …，向B提供 / A周四访问中国，并与B会晤): it goes
    on with the subject of an earlier clause."""
    if _subjects(ctx, hit):
        return False
    opening = ctx.text[hit.clause[0]:hit.start].lstrip(EVIDENCE_TRIM)
    conjunction = next((c for c in ctx.lex.cues["clause_conjunctions"] if opening.startswith(c)), "")
    return not ctx.phrases_in(hit.clause[0], hit.start) or opening[len(conjunction):].startswith(
        tuple(ctx.lex.cues["to_markers"] + ctx.lex.cues["with_connectors"]))


def _after_the_day(ctx: _Context, hit: _Hit, date: dt.date | None) -> bool:
    """True when the event is dated after the day its document or block speaks of: it is told before it
    took place (定于5月30日会见), and a plan is no event (row ``future`` of event_vetoes.yaml).
    A chronology item's day is that of its first event, not the day it was written (cue
    ``told_after_genres``): its 次日 is a later event told after the fact."""
    if date is None or not any(veto.where == "future" for veto in ctx.lex.vetoes):
        return False
    meta = ctx.analysis.document.meta
    block = ctx.block_at(hit.start)
    dated_block = block is not None and block.date and meta.genre not in ctx.lex.cues["told_after_genres"]
    told = (block.date if dated_block else None) or meta.date
    return told is not None and date > told


def _modal_jiang(before: str, trigger: str, cues: dict) -> bool:
    """True when a 将 before the trigger means "will" rather than marking an object."""
    modal = cues["modal"]
    pos = before.find(modal)
    while pos != -1:
        rest = before[pos + len(modal):]
        if rest == "" or rest.startswith(tuple(cues["modal_followers"])) or rest.startswith(trigger):
            return True
        pos = before.find(modal, pos + 1)
    return False


# --------------------------------------------------------------------------- parties talked about

def _own_parties(ctx: _Context, hit: _Hit, drafts: list[_Draft]) -> tuple[list[_Draft], frozenset[str]]:
    """The drafts without the names their sentence only talks about (the rows of party_rules.yaml that say
    ``where``), whichever formula took them; a draft left with fewer parties than it needs, or without its
    giver or receiver, goes. Also those said to be absent (惟未见A), whom no other telling of the act may
    bring back as its parties (see :func:`_merge`)."""
    dropped, absent = _talked_about(ctx, hit)
    if not dropped:
        return drafts, absent
    needed = ctx.lex.cues["min_parties"].get(hit.trigger.cls, 1) if hit.trigger.shape in ("gathering", "press") else 2
    kept = []
    for draft in drafts:
        if not dropped & set(draft.participants):
            kept.append(draft)
            continue
        participants = tuple(k for k in draft.participants if k not in dropped)
        if len(participants) < needed or {draft.provider, draft.recipient} & dropped:
            continue
        requested_by = None if draft.requested_by in dropped else draft.requested_by
        kept.append(draft._replace(participants=participants, requested_by=requested_by))
    return kept, absent


def _talked_about(ctx: _Context, hit: _Hit) -> tuple[set[str], frozenset[str]]:
    """The actors the trigger's sentence names only where a party rule says it talks about them, and those a
    ``whole_sentence`` rule catches anywhere in it (惟未见A，…都由A主持: said to be absent, A is no party however
    the sentence names A again); and, apart, the latter alone."""
    rules = [row for row in ctx.lex.party_rules.values()
             if "where" in row and (not row.get("classes") or hit.trigger.cls in row["classes"])]
    if not rules:
        return set(), frozenset()
    about: set[str] = set()
    named: set[str] = set()
    absent: set[str] = set()
    for phrase in ctx.phrases_in(*hit.sent):
        fired = [row for row in rules if _rule_fires(ctx, hit, row, phrase)]
        (about if fired else named).update(phrase.keys)
        if any(row.get("whole_sentence") for row in fired):
            absent.update(phrase.keys)
    return (about - named) | absent, frozenset(absent)


def _rule_fires(ctx: _Context, hit: _Hit, row: dict, phrase: _Phrase) -> bool:
    """True when ``phrase`` stands where the rule ``row`` says the sentence only talks about it."""
    text, where, cue = ctx.text, row["where"], _rule_cue(row["cue"])
    if "name_classes" in row and phrase.cls not in row["name_classes"]:
        return False
    clause = ctx.clause_at(phrase.start, hit.sent)
    if where == "before":
        named_act = clause == hit.clause and phrase.end <= hit.start  # 未出席A—B视频会议: the name names the act
        return (not named_act or row.get("naming_act", False)) and bool(cue.search(text, clause[0], phrase.start))
    if where == "after":
        found = cue.match(text, phrase.end, clause[1])
        return found is not None and not phrase.end <= hit.start < found.end()
    if where == "after_trigger":
        return phrase.start >= hit.end and bool(cue.search(text, max(clause[0], hit.end), phrase.start))
    if where == "said_before":
        return clause[1] <= hit.clause[0] and bool(cue.match(text, phrase.end, clause[1])) and not (
            "unless" in row and _rule_cue(row["unless"]).search(text, hit.clause[0], hit.start))
    if where == "title":
        return any(found.start() < phrase.start and phrase.end < found.end()
                   and found.end() - found.start() - 2 > phrase.end - phrase.start
                   and not found.start() <= hit.start < found.end()
                   for found in cue.finditer(text, hit.sent[0], hit.sent[1]))
    raise ValueError(f"{PARTY_RULES_FILE}: row {row['name']!r}: unknown where {where!r}")


@lru_cache(maxsize=64)
def _rule_cue(pattern: str) -> re.Pattern:
    """A party rule's cue, compiled once."""
    return re.compile(pattern)


# --------------------------------------------------------------------------- sides

def _keys(phrases: list[_Phrase]) -> tuple[str, ...]:
    """The actor keys of phrases, in order, without repeats."""
    return tuple(dict.fromkeys(k for p in phrases for k in p.keys))


def _subjects(ctx: _Context, hit: _Hit) -> list[_Phrase]:
    """The clause's subject: names before its first subject-ending marker (A在北京同B…).

    A person closing the list is the subject alone: what precedes are his offices
    (中共中央政治局委员、中央外办主任杨洁篪); so are persons touching him, who share one written
    form (中美元首 given as its two holders).
    """
    start = hit.clause[0]
    cut = _find(ctx, ctx.lex.cues["subject_ends"], start, hit.start)
    subjects = ctx.phrases_in(start, cut[0] if cut else hit.start)
    if not subjects or subjects[-1].cls != "Person":
        return subjects
    first = len(subjects) - 1
    while first > 0 and subjects[first - 1].cls == "Person" and subjects[first - 1].end >= subjects[first].start:
        first -= 1
    return subjects[first:]


def _subject_keys(ctx: _Context, hit: _Hit) -> tuple[str, ...]:
    """The subject's actors: the clause's, else the sentence's first name, else the last subject met.

    The last subject is carried over only when the clause writes no subject at
    all (``——3月21日，就塞尔维亚…致慰问电``), never over an unrecognised name.
    The sentence's first name is no subject when it only reports what follows
    (甲台指，就A与B的通话，…; 甲国传媒报道，在A与B通电话前，…), nor when the clause
    writes a subject of many it does not name before its marker of the other side, behind an adverb or not
    (…一个中国原则，许多国家致函B; 截至目前，已有60国致函B: not the speaker).
    """
    subjects = _subjects(ctx, hit)
    if subjects:
        return _keys(subjects)
    cut = _find(ctx, ctx.lex.cues["subject_ends"], hit.clause[0], hit.start)
    written = ctx.text[hit.clause[0]:cut[0] if cut else hit.start].strip(EVIDENCE_TRIM)
    marker = _find(ctx, ctx.lex.cues["to_markers"], hit.clause[0], hit.start)
    if ctx.lex.unnamed_many.search(ctx.text, hit.clause[0], marker[0] if marker else hit.start) \
            or _class_written(written, ctx.lex):
        return ()
    pronoun = _pronoun_subject(ctx, hit, written)
    if pronoun is not None:
        return pronoun
    earlier = [p for p in ctx.phrases_in(hit.sent[0], hit.clause[0])
               if not _credited(ctx, hit, p) and not _reporter(ctx, p)]
    if earlier:
        return (_clause_openers(ctx, hit, earlier) or earlier)[0].keys
    return ctx.last_subject if not written else ()


def _clause_openers(ctx: _Context, hit: _Hit, phrases: list[_Phrase]) -> list[_Phrase]:
    """The phrases that open their clause: subjects, where a name inside a clause is its object or place
    (访问B期间，A同C会见，同D会谈: A goes on, not B, the country visited; 应B邀请，A…，并与C会谈; row
    ``clause_opener_goes_on`` of party_rules.yaml); none without the row."""
    if "clause_opener_goes_on" not in ctx.lex.party_rules:
        return []
    return [p for p in phrases
            if not ctx.text[ctx.clause_at(p.start, hit.sent)[0]:p.start].strip(EVIDENCE_TRIM)]


def _pronoun_subject(ctx: _Context, hit: _Hit, written: str) -> tuple[str, ...] | None:
    """A subject written as a pronoun (她上周与B会面; X称，他与B会谈): the person it stands for, the last
    person named before it in the sentence, the one who speaks included (row ``pronoun_subject`` of
    party_rules.yaml); () when the sentence names none, so no body or country of an earlier clause
    stands in for it. None when the subject is no pronoun."""
    rule = ctx.lex.party_rules.get("pronoun_subject")
    if rule is None or not written.startswith(tuple(rule["pronouns"])):
        return None
    persons = [p for p in ctx.phrases_in(hit.sent[0], hit.clause[0]) if p.cls == "Person"]
    return persons[-1].keys if persons else ()


def _objects(ctx: _Context, pos: int, end: int) -> list[_Phrase]:
    """Names right after a verb (抵达意大利, 会见B、C): the first within the gap, then its list."""
    found: list[_Phrase] = []
    for phrase in ctx.phrases_in(pos, end):
        gap = ctx.text[(found[-1].end if found else pos):phrase.start]
        if found:
            gap = ctx.lex.capital.sub("", gap)
            if gap not in ("、", "和", "及", "与", "") and not _title_into(ctx, found[-1].end, phrase):
                break
        elif len(ctx.lex.titles.sub("", re.sub(ctx.lex.cues["object_gap_words"], "", gap))) > ctx.lex.cues["object_gap"] \
                or ctx.lex.clause_breaks & set(gap):
            break
        found.append(phrase)
    return _absorb_offices(ctx, found)


def _absorb_offices(ctx: _Context, phrases: list[_Phrase]) -> list[_Phrase]:
    """Drop a body listed only as the office of the person after it.

    ``老挝人民革命党中央总书记、国家主席本扬`` is one counterpart, 本扬, not two.
    """
    kept: list[_Phrase] = []
    person: _Phrase | None = None
    for phrase, following in reversed(list(zip(phrases, phrases[1:] + [None]))):
        if following is not None and phrase.cls != "Person" and person is not None:
            gap = ctx.lex.titles.sub("", ctx.text[phrase.end:following.start]).replace("、", "")
            if len(gap) <= ctx.lex.cues["phrase_rest"] and ctx.lex.titles.search(ctx.text, phrase.end, following.start) \
                    or _title_into(ctx, phrase.end, following) or _office_described(ctx, phrase, following):
                continue
        person = phrase if phrase.cls == "Person" else None
        kept.insert(0, phrase)
    return kept


def _office_described(ctx: _Context, phrase: _Phrase, person: _Phrase) -> bool:
    """True when a body is named only as whose office a person holds, described with 的 and ending in a
    title, in the gap or the person's phrase (甲党的外交事务主管、政治局委员张三; 甲国的卫生部长李四): the person
    is the party, not the body."""
    gap = ctx.text[phrase.end:person.start]
    return bool(re.fullmatch(ctx.lex.cues["office_described"], gap)) \
        and ctx.lex.titles.search(ctx.text, phrase.end, person.end) is not None


def _title_into(ctx: _Context, pos: int, phrase: _Phrase) -> bool:
    """True when a title written at ``pos`` runs into ``phrase``, a person's (中国常驻联合国代表张军: the
    title holds 联合国, so the person's phrase starts inside it); the name before is the person's office."""
    title = ctx.lex.titles.match(ctx.text, pos)
    return phrase.cls == "Person" and title is not None and phrase.start < title.end() <= phrase.end


def _after_marker(ctx: _Context, markers, start: int, hit: _Hit) -> list[_Phrase] | None:
    """Names between the last of ``markers`` in ``start:trigger`` and the trigger, up to a colon or semicolon
    after the marker (向内地捐赠的有：A，捐款…；B捐款…: B gives to 内地, it does not receive; a comma may
    stand inside a list of receivers: 向80多个国家，以及A、B提供); None: no marker."""
    marker = _find(ctx, markers, start, hit.start, last=True)
    while marker is not None and (_in_word(ctx, marker[0]) or _companions(ctx, marker[1], hit.start)):
        marker = _find(ctx, markers, start, marker[0], last=True)
    if marker is None:
        return None
    stop = re.compile(ctx.lex.cues["marker_stops"]).search(ctx.text, marker[1], hit.start)
    return _absorb_offices(ctx, ctx.phrases_in(marker[1], stop.start() if stop else hit.start))


def _companions(ctx: _Context, start: int, end: int) -> bool:
    """True when the names after a marker act together with the subject (与法国、西班牙等多国部队一道，
    执行…援助任务): a together word closes them, so they are no side the act is done to."""
    return _find(ctx, ctx.lex.cues["together_words"], start, end) is not None


def _in_word(ctx: _Context, pos: int) -> bool:
    """True when the marker at ``pos`` is part of a word (同机, 同时, 共同, 为此): no side follows it."""
    char = ctx.text[pos]
    return any(word.index(char) <= pos and ctx.text.startswith(word, pos - word.index(char))
               for word in ctx.lex.cues["marker_words"] if char in word)


def _requested_by(ctx: _Context, hit: _Hit, counterpart: tuple[str, ...]) -> str | None:
    """Who asked for the event: the counterpart after 应约, or X of 应X邀请/应X倡议."""
    before = ctx.text[hit.sent[0]:hit.start]
    match = ctx.lex.request.search(before)
    if match:
        named = ctx.phrases_in(hit.sent[0] + match.start(1), hit.sent[0] + match.end(1))
        if named:
            return named[0].keys[0]
    if ctx.lex.cues["request_self"] in ctx.text[hit.clause[0]:hit.start] and counterpart:
        return counterpart[0]
    return None


def _evidence_range(ctx: _Context, hit: _Hit, end: int) -> tuple[int, int]:
    """The clause stating the event up to ``end``, trimmed to at most MAX_EVIDENCE characters."""
    start = hit.clause[0]
    while start < end and ctx.text[start] in EVIDENCE_TRIM:
        start += 1
    end = max(end, hit.end)
    if end - start > MAX_EVIDENCE:
        start = max(start, min(hit.start, end - MAX_EVIDENCE))
    return start, end


# --------------------------------------------------------------------------- shared by the formulas

def _role_words(ctx: _Context, hit: _Hit, name: str) -> tuple[str, ...]:
    """The words of role row ``name`` of event_roles.yaml when it applies to the hit's class (none when the
    row is absent: the formula then reads the clause without it)."""
    role = ctx.lex.roles.get(name)
    return tuple(role["words"]) if role is not None and hit.trigger.cls in role["classes"] else ()


def _keys_of(*parts: tuple[str, ...]) -> tuple[str, ...]:
    """Concatenate key tuples without repeats."""
    return tuple(dict.fromkeys(k for part in parts for k in part))


def _credited(ctx: _Context, hit: _Hit, phrase: _Phrase) -> bool:
    """True for a name in a clause that credits a report (据《某报》、某社等媒体援引消息人士称，…;
    新华社报道，…): a source, not the subject of the sentence's act."""
    clause = ctx.clause_at(phrase.start, hit.sent)
    opening = ctx.text[clause[0]:phrase.start].lstrip(EVIDENCE_TRIM)
    return _source(ctx, phrase) or opening.startswith(tuple(ctx.lex.cues["credit_openers"]))


def _reporter(ctx: _Context, phrase: _Phrase) -> bool:
    """True for a name that opens a report of what follows: a reporting verb or a source word,
    then its opener, right after the name (甲台指，…; 甲国传媒报道，…), at most ``reporter_gap``
    characters between them."""
    cues = ctx.lex.cues
    window = ctx.text[phrase.end:phrase.end + cues["reporter_gap"] + ctx.lex.longest_verb + 1]
    match = ctx.lex.speech.search(window) or ctx.lex.source_report.search(window)
    return match is not None and match.start() <= cues["reporter_gap"]


def _speaker_before(ctx: _Context, hit: _Hit, phrase: _Phrase) -> bool:
    """True for a name in an earlier clause that closes with a reporting verb (耿爽称，“中方…，及时向A通报…”;
    B在电话中向C表示，中方…): the speaker, whose words tell the act; the act's subject is in the words."""
    clause = ctx.clause_at(phrase.start, hit.sent)
    if clause[1] >= hit.clause[0] or clause[1] >= len(ctx.text):
        return False
    found = ctx.lex.speech.search(ctx.text, max(clause[0], clause[1] - ctx.lex.longest_verb), clause[1] + 1)
    return found is not None and found.end() == clause[1] + 1


def _source(ctx: _Context, phrase: _Phrase) -> bool:
    """True for the outlet a report is credited to (新华社报道，…), not a party."""
    return ctx.text.startswith(tuple(ctx.lex.cues["source_words"]), phrase.end)


def _briefing_names(ctx: _Context, sentence: tuple[int, int]) -> list[_Phrase]:
    """The first names of a sentence that a briefing verb follows (A及B通报了), with those joined to them."""
    cues = ctx.lex.cues
    named = ctx.phrases_in(*sentence)
    for k, phrase in enumerate(named):
        if re.match(cues["briefer_follow"], ctx.text[phrase.end:phrase.end + 12]):
            joined = [phrase]
            while k > 0 and ctx.text[named[k - 1].end:joined[0].start] in cues["briefer_joins"]:
                k -= 1
                joined.insert(0, named[k])
            return joined
    return []


def _helped_team(ctx: _Context, hit: _Hit) -> tuple[str, ...] | None:
    """The sender of a team named after the verb that says whom it helps (支援荆州的某省医疗队,
    驰援B的A、C两支医疗队): the first name between the 的 closing the verb's object and the team
    word, else a name right before the verb (中国援助B的医疗组); () when no name stands there
    (国内支援B的医疗队: a passing mention of teams nobody sends); None when the clause does not have
    this form."""
    if hit.trigger.shape != "team" or hit.trigger.requires is None \
            or ctx.text[hit.start:hit.end] not in ctx.lex.cues["team_help_verbs"]:
        return None
    team = hit.trigger.requires.search(ctx.text, hit.end, hit.clause[1])
    if team is None or hit.trigger.requires.search(ctx.text, hit.clause[0], hit.start):
        return None
    mark = ctx.text.rfind(ctx.lex.cues["team_owner_after"], hit.end, team.start())
    if mark < 0:
        return None
    named = ctx.phrases_in(mark + 1, team.start())
    if named:
        return named[0].keys
    before = ctx.phrases_in(max(hit.clause[0], hit.start - ctx.lex.cues["team_owner_gap"] - 12), hit.start)
    return before[-1].keys if before and hit.start - before[-1].end <= HELPER_GAP else ()


def _venue(ctx: _Context, phrase: _Phrase) -> bool:
    """True for a place named only as where a gathering is held (…会议在老挝万象举行; 甲今日在某医学院召开记者会):
    not a party."""
    cues = ctx.lex.cues
    if not ctx.text.endswith(cues["venue_marker"], 0, phrase.start):
        return False
    return _find(ctx, cues["venue_verbs"], phrase.end, phrase.end + cues["venue_gap"]) is not None


def _not_giver(ctx: _Context, phrase: _Phrase) -> bool:
    """True for a name that cannot be the giver however near: a transcript turn's speaker
    (耿爽：…) or a body named in an apposition (专家组由X选派的…组成)."""
    cues = ctx.lex.cues
    after = ctx.text[phrase.end:phrase.end + 1]
    return after in cues["speaker_marks"] or ctx.text.endswith(tuple(cues["apposition_before"]), 0, phrase.start)


def _city_after(ctx: _Context, hit: _Hit, pos: int) -> list[_Phrase]:
    """A city of ``cities.csv`` written right after a verb (运抵贝尔格莱德, 抵达努尔苏丹): its country.

    Not when the clause names, after its first name, another party (援助B的物资运抵<city>: B
    receives; that act is told by the aid word)."""
    found = ctx.lex.city_pattern.search(ctx.text, pos, pos + ctx.lex.cues["object_gap"] + 8)
    if found is None or len(ctx.lex.titles.sub("", ctx.text[pos:found.start()])) > ctx.lex.cues["object_gap"]:
        return []
    if ctx.lex.clause_breaks & set(ctx.text[pos:found.start()]):
        return []
    country = ctx.lex.cities[found.group(0)]
    others = {k for p in ctx.phrases_in(hit.clause[0], hit.start)[1:] for k in p.keys}
    if others - {country}:
        return []
    return [_Phrase(found.start(), found.end(), (country,), "Country")]


def _block_id(ctx: _Context, hit: _Hit) -> int:
    """The start of the innermost block holding the trigger (-1: none), or of its broadcast item: a team
    told in one paragraph of an item carries the supplies a later paragraph tells (…抵达罗马。
    医疗团队乘坐的飞机还携带了中方捐助的物资)."""
    item = ctx.item_at(hit.start)
    if item is not None:
        return item[0]
    block = ctx.block_at(hit.start)
    return block.start if block is not None else -1


def _carried_date(ctx: _Context, hit: _Hit, when: _When) -> _When:
    """Supplies a team carries (随机携带…) arrive with it: without a date of their own, the team's."""
    if when.date is not None or hit.trigger.shape != "aid":
        return when
    if ctx.lex.cues["carried_word"] not in ctx.text[hit.clause[0]:hit.end]:
        return when
    return ctx.team_when.get(_block_id(ctx, hit), when)


# --------------------------------------------------------------------------- dates

# Blocks whose day an event takes only for want of one stated (an article's paragraphs and its headline, on
# the paper's day): another telling's stated day overrides it (王毅与蓝韬文通电话 in the headline is the call
# the body dates 周一).
ASSUMED_DAY_BLOCKS = ("paragraph", "heading")

class _When(NamedTuple):
    """An event's date, whether it is approximate, the last day of a range, and whether the date is
    only the day of the paragraph it is told in (see ``EventCandidate.assumed_date``)."""

    date: dt.date | None
    approx: bool = False
    end: dt.date | None = None
    assumed: bool = False


def _when(ctx: _Context, hit: _Hit) -> _When:
    """The event's date, whether it is approximate, and the last day of a range.

    An explicit date before the trigger in the sentence wins (``3月17日，…``,
    ``1月3日起``, ``于2020年3月26日…举行``); relative words (日前, 今天) count from the
    block's date; with no date to count from, a month-day date takes the document's year
    (``meta.year``). Otherwise chronicle-like genres take the block's date; the
    other genres leave it unknown (a transcript's passing mention of a call),
    and so do a count (同…26次通电话) and an action recalled in someone's speech
    (习近平强调，…中方向伊方提供了…).
    """
    cues = ctx.lex.cues
    meta = ctx.analysis.document.meta
    if hit.trigger.shape in cues["thanked_undated"] and _find(ctx, cues["thanks_cues"], hit.clause[0], hit.start):
        return _When(None)
    block = ctx.block_at(hit.start)
    reference = (block.date if block is not None and block.date else None) or meta.date
    prefix = ctx.text[hit.sent[0]:hit.start]
    found = find_date_spans(prefix, meta.year, reference, told_within(ctx.text, hit.sent[0])) \
        if ctx.lex.maybe_date.search(prefix) else ()
    spans = [s for s in found
             if s.date and not prefix[:s.start].endswith(tuple(cues["date_not_event"]))
             and _dates_event(ctx, hit, hit.sent[0] + s.start, hit.sent[0] + s.end)]
    date_end = _range_end(ctx, hit, reference)
    spans = spans or _bare_day(ctx, hit, reference)
    predicate = None if spans else _predicate_date(ctx, hit, meta.year, reference) or _held_on(
        ctx, hit, meta.year, reference)
    if predicate is not None:
        return _When(predicate.date, predicate.approx, predicate.end_date or date_end)
    if spans:
        span = spans[-1]
        if span.approx and _other_time(ctx, prefix[span.end:], reference):
            return _When(None)  # 最近一次是2019年…会见: the vague word only leads to the time the act is of
        if reference is not None and anaphoric(span, prefix):
            earlier = _date_told_before(ctx, hit, block, reference, span)
            if earlier is not None:
                return _When(earlier, False, date_end)
        return _When(span.date, span.approx, span.end_date or date_end)
    if ctx.lex.summary.search(ctx.text, hit.sent[0], hit.clause[1]) or _other_time(ctx, prefix, reference) \
            or _team_named(ctx, hit):
        return _When(None)
    if block is not None and block.kind == "occasion" and block.date:
        return _When(block.date, block.approx)  # the gathering a speech was given at, on the speech's day
    if meta.genre in cues["block_dated_genres"] and block is not None and block.date:
        if hit.trigger.shape in cues["told_as_story"].get(meta.genre, ()):
            return _When(None)
        if ctx.lex.speech.search(ctx.text, hit.sent[0], hit.start):
            return _When(None)
        carried = _paragraph_day(ctx, hit, block)
        if carried is not None:
            return _When(carried, False, date_end, True)
        if ctx.lex.speech.search(ctx.text, block.start, hit.start):
            return _When(None)
        day = None if ctx.lex.later_time.search(ctx.text, hit.sent[0], hit.start) else _lead_day(ctx, block)
        return _When(day or block.date, block.approx, date_end, block.kind in ASSUMED_DAY_BLOCKS)
    return _When(None)


def _paragraph_day(ctx: _Context, hit: _Hit, block: Block) -> dt.date | None:
    """The day an article's paragraph has reached before the trigger's clause (周五，A召见B。C则在记者会上…;
    D周一与E举行视像峰会。会后的记者会…; 昨早A与B举行会议。…; 直到7月27日，F在记者会被问及…): a later sentence or clause
    that writes no day goes on telling that day, not the paper's, as the date of an earlier clause not taken as the
    act's own (see ``_dates_event``) is still the day the paragraph has reached. Only a day on or before the
    paragraph's own, only in a paragraph (a chronicle's items have their heading's day), not a day a period opens
    on (政府宣布周三凌晨起…: what is in force from then), nor for a sentence that counts a later time (五天后: the act
    is days after that day; 其后 is not counted: the news of that day, see ``later_time`` in event_cues.yaml)."""
    if block.kind != PARAGRAPH_BLOCK or block.date is None:
        return None
    segment = ctx.text[block.start:hit.clause[0]]
    told = last_told(segment, block.date)
    if told is None or told.date > block.date or ctx.lex.period_opens.match(segment, told.end):
        return None
    return None if ctx.lex.later_time.search(ctx.text, hit.sent[0], hit.start) else told.date


def _lead_day(ctx: _Context, block: Block) -> dt.date | None:
    """The day an article's lead tells its news of (:attr:`_Context.lead_news`) for a block that has only the
    paper's day: the headline and the paragraphs that write no day of their own tell that news (甲訪英 in the
    headline, 他其後在聯合記者會說 further down), so their events take it instead of the paper's day, still only
    assumed (a telling that states its day wins)."""
    lead = ctx.lead_news
    if block.kind not in ASSUMED_DAY_BLOCKS or lead is None or block.date != lead[0]:
        return None
    return lead[1]


def _other_time(ctx: _Context, prefix: str, reference: dt.date | None) -> bool:
    """True when the sentence before the trigger writes a time other than its block's day and no day of its own
    (2019年…访问, 似是2016年6月，时任…会见, 两星期前，…召开记者会): the act belongs to that time, so the block's day
    would misdate it. A year is another time only when it is not the block's year."""
    return any(not (match.group("year") and reference is not None and int(match.group("year")) == reference.year)
               for match in ctx.lex.other_time.finditer(prefix))


def _team_named(ctx: _Context, hit: _Hit) -> bool:
    """True for a team named by whom it helps, without 的 and without a verb sending or moving it in its clause
    (A支援B医疗队周三发表声明, 曾担任A援助B医疗队总指挥): the name of a team in passing, whose sending the
    text does not date; the block's day is only the day of what the team does."""
    if hit.trigger.shape != "team" or hit.trigger.requires is None \
            or ctx.text[hit.start:hit.end] not in ctx.lex.cues["team_help_verbs"]:
        return False
    team = hit.trigger.requires.search(ctx.text, hit.end, hit.clause[1])
    if team is None:
        return False
    rest = ctx.text[hit.end:team.start()]
    for phrase in reversed(ctx.phrases_in(hit.end, team.start())):
        rest = rest[:phrase.start - hit.end] + rest[phrase.end - hit.end:]
    moved = _find(ctx, ctx.lex.cues["send_words"] + ctx.lex.cues["team_movers"], hit.clause[0], hit.clause[1])
    return not rest.strip(EVIDENCE_TRIM + "、和及") and moved is None


def _predicate_date(ctx: _Context, hit: _Hit, year: int | None, reference: dt.date | None):
    """The date opening the predicate of a team named by whom it helps (驰援B的A医疗队，从26日开始已
    进驻…; 支援B的A医疗队今天接管…): that name is the sentence's subject, and its predicate, right
    after the team word or in the next clause, tells when the team acted."""
    if not _helped_team(ctx, hit):
        return None
    team = hit.trigger.requires.search(ctx.text, hit.end, hit.clause[1])
    stretches = [(team.end(), hit.clause[1])]
    if hit.clause[1] < hit.sent[1]:
        stretches.append((hit.clause[1] + 1, ctx.clause_at(hit.clause[1] + 1, hit.sent)[1]))
    for start, end in stretches:
        opening = ctx.text[start:end]
        lead = len(opening) - len(opening.lstrip(ctx.lex.cues["date_lead_words"]))
        spans = [span for span in find_date_spans(opening, year, reference) if span.date]
        if spans and spans[0].start == lead:
            return spans[0]
    return None


def _held_on(ctx: _Context, hit: _Hit, year: int | None, reference: dt.date | None) -> DateSpan | None:
    """The date right after a gathering's name when a verb of holding follows it in the clause (峰会于3月12日举行,
    记者会昨天举行, 仪式20日在喀布尔举行): the name is the subject, and the predicate tells when it was held.
    A word pointing back (同日) is left to the rules of a date before the trigger."""
    rest = ctx.text[hit.end:hit.clause[1]]
    lead = ctx.lex.held_lead.match(rest).end()
    spans = [span for span in find_date_spans(rest, year, reference) if span.date]
    if not spans or spans[0].start != lead or anaphoric(spans[0], rest):
        return None
    verbs = ctx.lex.cues["held_verbs"]
    return spans[0] if any(verb in rest[spans[0].end:] for verb in verbs) else None


def _date_told_before(ctx: _Context, hit: _Hit, block: Block | None, reference: dt.date,
                      span: DateSpan) -> dt.date | None:
    """The day 同日/当天/次日 (``span`` of the sentence) names, counted from the last day written before it
    (6月22日，A会见B。同日，C主持…; 3月9日，A捐赠…，物资已于当日运抵; A周一发文…。同一天，B…; A于19日发稿…。B亦在同日
    记者会): in a chronicle item, only inside the item (its heading is the day otherwise); elsewhere, within the
    few paragraphs before."""
    floor = block.start if block is not None and block.kind in ("bullet", "turn") else 0
    return counted_from_told(ctx.text, span.moved(hit.sent[0]), reference, floor)


def _bare_day(ctx: _Context, hit: _Hit, reference: dt.date | None) -> list:
    """``习近平16日同…通电话``: a day of the reference month written right after a name."""
    if reference is None:
        return []
    found = list(ctx.lex.bare_day.finditer(ctx.text, hit.clause[0], hit.start))
    if not found:
        return []
    return [s for s in find_date_spans(ctx.lex.cues["clause_breaks"][0] + found[-1].group(0), reference=reference)
            if s.date]


def _dates_event(ctx: _Context, hit: _Hit, start: int, end: int) -> bool:
    """True when a date stands in the trigger's clause, alone in its own clause (3月12日，…), in the
    clause whose team the trigger's clause goes on telling (专家组今天从A启程，赴B…), or in the clause
    right before a trigger's clause that goes on with its subject (A 2月4日抵达B，与C会晤: the same
    day), unless that clause only reports speech or credits a report (A 2月4日表示，…; 日前某社报道，…)."""
    if start >= hit.clause[0]:
        return True
    clause = ctx.clause_at(start, hit.sent)
    if clause == _team_subject_clause(ctx, hit.trigger, hit.start, hit.sent, hit.clause):
        return True
    rest = ctx.text[clause[0]:start] + ctx.text[end:clause[1]]
    if len(ctx.lex.date_lead.sub("", rest).strip(EVIDENCE_TRIM)) <= ctx.lex.cues["date_clause_rest"]:
        return True
    told = ctx.lex.speech.search(ctx.text, clause[0], hit.clause[0]) or ctx.lex.source_report.search(
        ctx.text, clause[0], hit.clause[0])
    return hit.clause[0] - clause[1] <= 1 and _subjectless(ctx, hit) and not told


def _range_end(ctx: _Context, hit: _Hit, reference: dt.date | None) -> dt.date | None:
    """``（至14日）`` after the trigger: the last day of the event."""
    after = ctx.text[hit.end:hit.clause[1] + 8]
    if RANGE_WORD not in after:
        return None
    for span in find_date_spans(after, reference=reference):
        if span.date and after[:span.start].rstrip("（(").endswith(RANGE_WORD):
            return span.date
    return None


# --------------------------------------------------------------------------- assembly

def _candidate(ctx: _Context, draft: _Draft, when: _When) -> EventCandidate:
    """The candidate for one draft, dated and with its evidence span in ``raw``."""
    date, approx, date_end = when.date, when.approx, when.end
    if draft.later_leg:
        date, approx, date_end = (date_end, True, None) if date_end else (None, False, None)
    return EventCandidate(
        cls=draft.cls, date=date, approx=approx, participants=_most_specific(ctx, draft),
        evidence=ctx.analysis.document.raw_span(draft.start, draft.end),
        requested_by=draft.requested_by, provider=draft.provider, recipient=draft.recipient,
        date_end=date_end if date_end and date and date_end > date else None, assumed_date=when.assumed)


def _most_specific(ctx: _Context, draft: _Draft | EventCandidate) -> tuple[str, ...]:
    """The participants without the country of a named person (习近平 and not also 中国), nor any
    body another participant belongs to (欧盟 beside the head of the 欧盟委员会, 中国 beside 国家卫生健康委),
    unless the body is a joint party beside another body and the participant is its person (``_joint_body``)."""
    sides = tuple(dict.fromkeys(ctx.affiliations.get(k, k) if k in ctx.titled_only else k for k in draft.participants))
    represented = {ctx.affiliations.get(k) for k in sides if ctx.classes.get(k) == "Person"}
    keep = (draft.provider, draft.recipient)
    kept = tuple(k for k in sides
                 if k in keep or not (ctx.classes.get(k) == "Country" and k in represented)
                 and not any(other != k and _within(ctx, other, k)
                             and not (ctx.classes.get(other) == "Person" and _joint_body(ctx, k, sides))
                             for other in sides))
    return kept or sides


def _joint_body(ctx: _Context, key: str, sides: tuple[str, ...]) -> bool:
    """True when the body ``key`` stands beside another body it neither belongs to nor holds (甲署及乙局的
    记者会上，乙局总经理王某表示): the two are joint parties, and one's member speaking there does not
    replace it as he replaces his body alone."""
    def body(k: str) -> bool:
        return ctx.classes.get(k) not in (None, "Country", "Person")
    return body(key) and any(o != key and body(o) and not _within(ctx, o, key) and not _within(ctx, key, o)
                             for o in sides)


def _filed_under(ctx: _Context, hit: _Hit) -> int:
    """The block an event is told in, for merging: its block's start, the whole document
    (WHOLE_DOCUMENT) for a press conference in a transcript, which records one briefing a day
    (今天…首次恢复举行现场例行记者会 told in a turn is the briefing itself; not two sides' joint appearance
    before the press after their talks abroad, 同B会谈并共同会见记者, read by another shape), or a broadcast
    item's headline, whose paragraphs tell one story."""
    if hit.trigger.cls == "PressConference" and hit.trigger.shape == "press" \
            and ctx.analysis.document.meta.genre in ctx.lex.cues["one_briefing_genres"]:
        return WHOLE_DOCUMENT
    item = ctx.item_at(hit.start)
    if item is not None:
        return item[0]
    block = ctx.block_at(hit.start)
    return block.start if block is not None else -1


def _same(a: EventCandidate, b: EventCandidate, same_block: bool, dated_blocks: bool,
          paper_day: dt.date | None = None) -> bool:
    """True when two candidates of one document tell the same event.

    A press conference told again without a date in its block, by the same organiser or with a
    party of the first telling (a transcript host's 欢迎参加X新闻发布会; 欢迎出席…第一场外交部例行记者会
    in the briefing of 外交部 and its spokesman), is the one of the block; one told only near the day
    (最近…举行的一次发布会, approximately dated) is not the block's briefing of that very day.
    A gathering told again (``今天举办的新闻发布会``, ``在…峰会上``) shares a
    participant with its first telling; in a chronicle two bullets are two
    gatherings even on one day and with one organiser, while one bullet
    telling a summit or briefing twice (…主持…峰会。峰会以视频方式举行，…出席)
    tells one. A summit retold without
    a date is the dated one, and so is any event retold without a date by the
    same parties (a headline, a later passing mention), or with only the article's
    own date (周二，A与B通电话 … 就A与B的通话). A gathering with a party of a telling that states its day,
    told again with only the article's day (衛生署昨日召開記者會 … 黃加慶在記者會表示), is that one too; so is one
    told with only the paper's day (``paper_day``) beside one told on the day its paragraph reached (特朗普周六…。
    特朗普在記者會說… ¶ 特朗普在白宮舉行的記者會表示): neither sentence writes a day, the paragraph's day is the one written.
    """
    if a.cls != b.cls:
        return False
    if a.cls in ("PressConference", "Summit") and same_block and (a.date, a.approx) == (b.date, b.approx) and not (
            a.cls == "PressConference" and _strangers(a, b)):
        return True
    if a.cls == "PressConference" and same_block and None in (a.date, b.date) and (
            a.participants[:1] == b.participants[:1] or set(a.participants) & set(b.participants)):
        return True
    if a.cls in GATHERING_CLASSES and set(a.participants) & set(b.participants):
        if a.date == b.date and a.date is not None:
            return same_block or not dated_blocks
        if a.cls == "Summit" and None in (a.date, b.date):
            return True
        if a.assumed_date != b.assumed_date and None not in (a.date, b.date):
            return True
        if _paper_day_only(a, b, paper_day) or _paper_day_only(b, a, paper_day):
            return True
    dates_agree = (a.date == b.date or None in (a.date, b.date) or a.assumed_date != b.assumed_date
                   or _within_bound(a, b) or _within_bound(b, a))
    return dates_agree and set(a.participants) == set(b.participants) and a.provider == b.provider


def _paper_day_only(a: EventCandidate, b: EventCandidate, paper_day: dt.date | None) -> bool:
    """True when ``a`` has only the paper's day and ``b`` a day its paragraph wrote before it: both dates
    assumed (no day in their own sentences), ``b``'s earlier than the paper's."""
    return (a.assumed_date and b.assumed_date and paper_day is not None and a.date == paper_day
            and b.date is not None and b.date < paper_day)


def _retold_by_sides(ctx: _Context, event: EventCandidate, events: list[EventCandidate]) -> bool:
    """True for a meeting or call told only by the countries of its leaders (中俄元首举行视频会晤, 今天中美元首会晤,
    中美双方在会晤中…, 中美元首通电话) when the document also tells, on that day or with no day, a meeting (a
    call) of persons of exactly those countries (习近平主席同普京总统举行视频会晤): the same one, told by its sides."""
    kin = MEETING_CLASSES if event.cls in MEETING_CLASSES else (event.cls,)
    if event.cls not in MEETING_CLASSES + CALL_CLASSES or len(event.participants) < 2 \
            or any(ctx.classes.get(k) != "Country" for k in event.participants):
        return False
    return any(other.cls in kin and other.date is not None and event.date in (None, other.date)
               and {ctx.affiliations.get(k) for k in other.participants if ctx.classes.get(k) == "Person"}
               == set(event.participants) for other in events if other is not event)


def _strangers(a: EventCandidate, b: EventCandidate) -> bool:
    """True for two briefings on one day that each name a person and share no party: a transcript's
    briefing and another spokesman's briefing a question asks about (伊朗外交部发言人X今天在记者会上称)
    are two. A retelling that names only bodies (CGTN对这次发布会…) stays the one of its block."""
    persons = [any(k.startswith(PERSON_KEY) for k in e.participants) for e in (a, b)]
    return all(persons) and not set(a.participants) & set(b.participants)


def _within_bound(loose: EventCandidate, exact: EventCandidate) -> bool:
    """True when ``loose`` only bounds its day (日前, a later stop of a tour: on or before its date) and
    ``exact`` falls in that bound, as the resolve stage agrees dates across documents."""
    if not loose.approx or exact.approx or loose.date is None or exact.date is None:
        return False
    return dt.timedelta(0) <= loose.date - exact.date <= APPROX_WINDOW


def _other_parties(a: EventCandidate, b: EventCandidate) -> bool:
    """True for two multilateral gatherings of one sentence that each name two or more parties,
    neither list holding the other (A-B会议…，C、D、E举行了…会议): two gatherings, not one retold."""
    if a.cls not in GATHERING_CLASSES or min(len(a.participants), len(b.participants)) < 2:
        return False
    first, second = set(a.participants), set(b.participants)
    return not (first <= second or second <= first)


def _other_items(a: EventCandidate, b: EventCandidate, listed: set[tuple[int, int]]) -> bool:
    """True for two items of one list of gatherings (A出席甲组织外长会议和乙联络组外长会议): each is a
    gathering of its own, though both have the same parties."""
    spans = [(e.evidence.start, e.evidence.end) for e in (a, b)]
    return spans[0] != spans[1] and all(span in listed for span in spans)


def _merge(told: list[tuple[EventCandidate, int, bool, int, frozenset[str]]], dated_blocks: bool,
           paper_day: dt.date | None = None, listed: set[tuple[int, int]] = frozenset()) -> list[EventCandidate]:
    """Keep the first telling of each event in the document (``told``: candidate, its block,
    whether it sums up several acts, the start of its sentence, and who its sentence says was absent;
    ``paper_day``: the document's date).

    A gathering told again adds the parties the retelling names, but not one a telling says was absent
    (張三召開記者會時指，李四已… ¶ 張三聯同王五召開記者會，惟未見李四: the briefing is 張三's and 王五's).
    A summary (已向B提供了多批物资) is not a retelling of one dated act to the same side, nor is one item of a
    list of gatherings (``listed``: their evidence spans) another item.
    """
    kept = _Kept()
    for candidate, block, summary, sentence, absent in told:
        for entry in kept.comparable(candidate, block):
            first, first_block, order = entry
            if summary != kept.summary[order] and candidate.date != first.date:
                continue
            if sentence == kept.sentence[order] and (_other_parties(candidate, first)
                                                     or _other_items(candidate, first, listed)):
                continue
            if _same(candidate, first, block == first_block, dated_blocks, paper_day):
                if first.cls in GATHERING_CLASSES:
                    kept.absent[order] |= absent
                    union = tuple(k for k in dict.fromkeys(first.participants + candidate.participants)
                                  if k not in kept.absent[order]) or first.participants
                    entry[0] = first = replace(first, participants=union)
                    kept.index(entry)
                if candidate.date is not None and (first.date is None or first.assumed_date > candidate.assumed_date
                                                   or (first.approx and not candidate.approx)
                                                   or _paper_day_only(first, candidate, paper_day)):
                    entry[0] = replace(candidate, participants=first.participants)
                break
        else:
            kept.add(candidate, block, summary, sentence, absent)
    return [candidate for candidate, _, _ in kept.entries]


class _Kept:
    """The candidates :func:`_merge` keeps, indexed by what :func:`_same` needs two tellings to share.

    Outside gatherings that is the class, the participants and the provider. A
    gathering is the same as another only when they share a participant, or
    both have none, or (press conferences, summits) they stand in one block; so it is
    compared only with those, in the order they were kept.
    """

    def __init__(self) -> None:
        self.entries: list[list] = []
        self.summary: list[bool] = []
        self.sentence: list[int] = []
        self.absent: list[frozenset[str]] = []
        self._by: dict[tuple, list[list]] = {}
        self._filed: dict[int, set[tuple]] = {}

    def comparable(self, candidate: EventCandidate, block: int) -> list[list]:
        """The kept entries ``[candidate, block, order]`` that may tell the same event, in order."""
        found = {id(entry): entry for key in _merge_keys(candidate, block) for entry in self._by.get(key, ())}
        return sorted(found.values(), key=lambda entry: entry[2])

    def add(self, candidate: EventCandidate, block: int, summary: bool = False, sentence: int = -1,
            absent: frozenset[str] = frozenset()) -> None:
        """Keep a new event (``summary``: it sums up several acts; ``sentence``: where its sentence starts;
        ``absent``: who its sentence says was not there)."""
        entry = [candidate, block, len(self.entries)]
        self.entries.append(entry)
        self.summary.append(summary)
        self.sentence.append(sentence)
        self.absent.append(absent)
        self.index(entry)

    def index(self, entry: list) -> None:
        """File an entry under each of its keys (again after a merge adds participants)."""
        filed = self._filed.setdefault(entry[2], set())
        for key in _merge_keys(entry[0], entry[1]):
            if key not in filed:
                filed.add(key)
                self._by.setdefault(key, []).append(entry)


def _merge_keys(candidate: EventCandidate, block: int) -> list[tuple]:
    """The keys under which a candidate is filed and looked up (see :class:`_Kept`)."""
    if candidate.cls not in GATHERING_CLASSES:
        return [(candidate.cls, frozenset(candidate.participants), candidate.provider)]
    keys = [(candidate.cls, "party", key) for key in candidate.participants] or [(candidate.cls, "no party")]
    if candidate.cls in ("PressConference", "Summit"):
        keys.append((candidate.cls, "block", block))
    return keys


def _block_kind(ctx: _Context, pos: int) -> str | None:
    """The kind of the block holding ``pos`` (None outside any block)."""
    block = ctx.block_at(pos)
    return block.kind if block is not None else None


def _untold_headlines(blocks: tuple[Block, ...], told: list[tuple], headlined: list[tuple]) -> list[tuple]:
    """The headline tellings whose item body does not tell the event again.

    A broadcast item's headline (习近平同南非总统通电话) sums up its body, which tells
    the event with its own day (8日晚同拉马福萨通电话): the body's telling is the event,
    and the headline's is kept only when no telling of its class in the item's body
    shares a party with it (a body that names no party, or that the rules could not read).
    """
    starts = sorted(b.start for b in blocks if b.kind == HEADLINE_BLOCK)

    def item(position: int) -> int:
        return bisect.bisect_right(starts, position) - 1

    kept = []
    for telling in headlined:
        candidate, filed = telling[0], telling[1]
        in_body = [t[0] for t in told if t[0].cls == candidate.cls and item(t[1]) == item(filed)]
        if not any(not c.participants or not candidate.participants
                   or set(c.participants) & set(candidate.participants) for c in in_body):
            kept.append(telling)
    return kept


def extract_events(analysis: Analysis, catalogue: Catalogue) -> Analysis:
    """Find the events a document tells.

    Parameters
    ----------
    analysis : a document with its blocks and mentions.
    catalogue : gives the trigger words and cues (``ontology/lexicon``).

    Returns
    -------
    The analysis with ``events`` filled: one :class:`EventCandidate` per event
    told, in text order; planned or promised actions (将派遣, 愿提供) are left out.

    Examples
    --------
    >>> from graph.model import Document, Mention
    >>> from graph.catalogue import load_catalogue
    >>> text = "中方向伊朗提供了一批抗疫物资。"
    >>> doc = Document("d", text, text, tuple(range(len(text))))
    >>> ms = (Mention(0, 2, "中方", "country/CN", "Country"), Mention(3, 5, "伊朗", "country/IR", "Country"))
    >>> [(e.cls, e.provider, e.recipient) for e in extract_events(Analysis(doc, mentions=ms), load_catalogue()).events]
    [('Aid', 'country/CN', 'country/IR')]
    """
    lex = _lexicon(catalogue)
    ctx = _context(analysis, lex, catalogue)
    told = []
    hits = _hits(ctx)
    ctx.triggers = [(h.start, h.trigger.cls) for h in hits]
    ctx.trigger_spans = [(h.start, h.end) for h in hits]
    headlined = []
    for hit in hits:
        kind = _block_kind(ctx, hit.start)
        if kind == SUMMARY_BLOCK:
            continue
        if _planned(ctx, hit) or (hit.trigger.shape == "bilateral" and _counted(ctx, hit)) or _team_purpose(ctx, hit):
            continue
        if hit.trigger.shape in ("aid", "team") and _quoted(ctx, hit):
            continue
        if _vetoed(ctx, hit):
            continue
        drafts, absent = _own_parties(ctx, hit, lex.formulas[hit.trigger.shape].read(ctx, hit))
        if not drafts:
            continue
        when = _carried_date(ctx, hit, _when(ctx, hit))
        if _after_the_day(ctx, hit, when[0]):
            continue
        summary = _counted(ctx, hit) or (hit.trigger.shape in ("aid", "team") and len(drafts) >= lex.cues["summary_list"])
        if hit.trigger.shape == "team":
            ctx.team_when[_block_id(ctx, hit)] = when
        for draft in drafts:
            telling = (_candidate(ctx, draft, when), _filed_under(ctx, hit), summary, hit.sent[0], absent)
            (headlined if kind == HEADLINE_BLOCK else told).append(telling)
        if hit.trigger.shape in ("bilateral", "message"):
            ctx.last_subject = drafts[0].participants[:1]
    told += _untold_headlines(analysis.blocks, told, headlined)
    genre = analysis.document.meta.genre
    dated_blocks = genre in lex.cues["items_apart_genres"]
    merged = [replace(e, participants=_most_specific(ctx, e))
              for e in _merge(told, dated_blocks, analysis.document.meta.date, ctx.listed)]
    return replace(analysis, events=tuple(e for e in merged if not _retold_by_sides(ctx, e, merged)))
