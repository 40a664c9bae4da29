"""Statements: who said what, when, and during which event.

Reads ``document.text`` and ``document.meta``, ``blocks``, ``mentions`` and
``events``; fills ``statements``. Words come from
``ontology/lexicon/reporting_verbs.csv`` and ``statement_cues.csv``.

Three formulas are modelled:

* a reporting clause, ``<speaker> [adverbs] <verb>，<content>``, in any block
  (习近平强调，…; 外交部发言人表示… → the body; 他说，… → the last named
  person; ``…，并强调…`` carries the speaker of its sentence). The content runs
  over the following sentences until the next reporting clause or the end of
  the block;
* a transcript turn: one statement of the turn's speaker (a reporter's
  question belongs to the outlet), said at the transcript's press conference;
* a compilation passage: the paragraphs before a ``——`` attribution line are
  the words of the actor that line names, said on the occasion it names.

``StatementCandidate.text`` is the content in the matching view (Simplified);
``evidence`` is the raw span of exactly that content.

Examples
--------
>>> from graph.model import Analysis, Block, Document, Mention
>>> from graph.catalogue import load_catalogue
>>> text = "王华表示，两国合作前景广阔。"
>>> doc = Document("d", text, text, tuple(range(len(text))))
>>> analysis = Analysis(doc, blocks=(Block("paragraph", 0, len(text)),),
...                     mentions=(Mention(0, 2, "王华", "person/王华", "Person"),))
>>> [(s.speaker, s.verb, s.text) for s in extract_statements(analysis, load_catalogue()).statements]
[('person/王华', '表示', '两国合作前景广阔。')]
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from .catalogue import Catalogue
from .dates import DateSpan, anaphoric, counted_from_told, find_date_spans
from .model import Analysis, Block, Document, Mention, Span, StatementCandidate

__all__ = ["extract_statements"]

SENTENCE_END = "。！？!?\n"
QUESTION_MARKS = "？?"
CLAUSE_END = SENTENCE_END + "，,；;：:"
ENUMERATION = "、"
TRIM = " \t\r\n\u3000，,；;：:、"
MAX_CHAIN_GAP = 20
MIN_PASSAGE_PREFIX = 10
PRONOUN_LOOKBACK = 600
NOT_DIRECT_START = "了过着的得地明服"
SPEECH_BLOCKS = ("bullet", "paragraph", "turn")
OUTLET_CLASSES = ("Organization", "InternationalOrganization")
DATED_BLOCKS = ("bullet", "turn", "speech")
DATED_GENRES = ("broadcast",)
PROSE_GENRES = ("article", "broadcast", "text")
REPORTED_TEXT_GENRES = ("speech",)  # a news report may follow the text: its paragraphs are prose
SELF_NAMING_GENRES = ("broadcast",)  # read out a body's directives, where it names itself (…要按照党中央部署)
ACT_LIST_GENRES = ("chronicle",)  # genres whose sentences list acts one by one (感谢…，呼吁…)
FRAMING_GENRES = ("article", "text")  # news prose that frames one speaker's words anew inside a sentence (…，又指…)
SENTENCE_FRAMED_GENRES = ("text",)  # prose (Hong Kong news) that frames each sentence of indirect words anew (…。她又指，…)
SENTENCE_FRAMED_SCRIPTS = ("zh-Hant",)  # ... in Traditional script, as the Hong Kong, Taiwan and Macau press writes
HEADLINE_BLOCK = "headline"
REPORTER_LOOKBACK = 80
LEAD_SYMBOLS = "◆●■□▲△○◇·•*-—－ \t\u3000”」』"
QUOTES = {"”": "“", "」": "「", "』": "『"}
OPENING_QUOTES = frozenset(QUOTES.values())  # looked up per character: a set, not a fresh view of the dict
CLOSING_OF = {opening: closing for closing, opening in QUOTES.items()}
MAX_SUBJECT_OFFSET = 2
MAX_NAME = 4  # characters of a person's name after a title (郦英杰, 戴维森, 欧阳某某)
NAME_CHECK_DAY = dt.date(2020, 6, 15)  # any day: relative words (周一, 昨日) are dates against any reference
MAX_PROXY_GAP = 8
MIN_SHORT_FORM = 3
JOINT_MARKS = ("、", "和", "及", "与", "以及")
MAX_JOINT_TAIL = 4
MAX_TITLE_PROXY = 6
PAREN_END = re.compile(r"[（(][^（()）]*[）)]$")
MAX_BARE_TOPIC = 2
MAX_ADDRESSEE = 4  # characters of the one told before the words (告诉本台记者，)
MAX_SHORT_NAME = 2  # characters of a person's short form in later sentences (刘 for 刘家献, 林郑 for 林郑月娥)
MAX_FRAME_SUBJECT = 20  # characters before the verb of a sentence that only frames words (报道又指，, 丙区议会主席陈某则表示，)
MAX_ASKED_LEAD = 4  # characters before the writer's question frame in a clause (她今早就被问到)
MAX_ASKED_WORD = 4
MAX_FRAME_LEAD = 4  # characters of one word before an inner frame's verb (但是, 同时, 进一步)
INNER_FRAME_MARKS = "，,；;"  # marks after which an inner frame opens a clause of the words (…，又指…)
MAX_FRAGMENT = 4  # characters left before the next clause's subject: a determiner, a mark, a given name (另一, 「史丹利)
GLOSS_OPENS = "（("
NAME_DOTS = "·・‧•"  # a middle dot between a foreigner's given and family names (彼得・纳瓦罗)
GLOSS = re.compile(r"（[^（）]*）|\([^()]*\)")


@dataclass(frozen=True)
class Verb:
    """One reporting verb of ``reporting_verbs.csv``."""

    word: str
    direct: bool
    min_direct: int
    own_subject: bool


def _cue(name: str):
    """A :class:`Cues` field filled from the rows of one cue of ``statement_cues.csv``."""
    return field(default=(), metadata={"cue": name})


@dataclass(frozen=True)
class Cues:
    """The word lists the stage reads, loaded once per call; a list marked :func:`_cue` is the
    rows of ``statement_cues.csv`` with that cue, longest first."""

    verbs: dict[str, Verb]
    pattern: re.Pattern
    turn_verb: str
    passage_verb: str
    openers: str
    reporter: tuple[str, ...]
    possessive: str
    not_name: str
    titles: tuple[str, ...]
    pronouns: tuple[str, ...] = _cue("pronoun")
    objects: tuple[str, ...] = _cue("object")  # with the requests: the name after one is its object too
    requests: tuple[str, ...] = _cue("request")
    breaks: tuple[str, ...] = _cue("break")
    adverbs: tuple[str, ...] = _cue("adverb")
    proxies: tuple[str, ...] = _cue("proxy")
    documents: tuple[str, ...] = _cue("document")
    groups: tuple[str, ...] = _cue("group")
    hearsay: tuple[str, ...] = _cue("hearsay")
    self_words: tuple[str, ...] = _cue("self")
    topics: tuple[str, ...] = _cue("topic")
    venues: tuple[str, ...] = _cue("venue")
    sources: tuple[str, ...] = _cue("source")
    frames: tuple[str, ...] = _cue("frame")
    anonymous: tuple[str, ...] = _cue("anonymous")
    appraisals: tuple[str, ...] = _cue("appraisal")
    roles: tuple[str, ...] = _cue("role")
    answers: tuple[str, ...] = _cue("answer")
    questions: tuple[str, ...] = _cue("question")
    followups: tuple[str, ...] = _cue("followup")
    recalled: tuple[str, ...] = _cue("recalled")
    nominal: tuple[str, ...] = _cue("nominal")
    unsaid: tuple[str, ...] = _cue("unsaid")
    noticed: tuple[str, ...] = _cue("noticed")
    acts: tuple[str, ...] = _cue("act")
    hosts: tuple[str, ...] = _cue("host")
    relays: tuple[str, ...] = _cue("relay")
    quoting: tuple[str, ...] = _cue("quoting")
    undated: tuple[str, ...] = _cue("undated")
    bound: tuple[str, ...] = _cue("bound")
    earlier: tuple[str, ...] = _cue("earlier")
    anaphoric: tuple[str, ...] = _cue("anaphoric")
    prose_verbs: tuple[str, ...] = _cue("prose_verb")
    list_ends: tuple[str, ...] = _cue("list_end")
    publishing: tuple[str, ...] = _cue("publishing")
    addressed: tuple[str, ...] = _cue("addressed")
    its: tuple[str, ...] = _cue("its")
    modifiers: tuple[str, ...] = _cue("modifier")
    frame_opens: tuple[str, ...] = _cue("frame_open")
    frame_closes: tuple[str, ...] = _cue("frame_close")
    not_its: tuple[str, ...] = _cue("not_its")
    naming: tuple[str, ...] = _cue("naming")
    passive: tuple[str, ...] = _cue("passive")
    units: tuple[str, ...] = _cue("unit")
    issued: tuple[str, ...] = _cue("issued")
    writer_opens: tuple[str, ...] = _cue("writer_opens")
    connectives: tuple[str, ...] = _cue("connective")
    voices: tuple[str, ...] = _cue("voice")
    indefinites: tuple[str, ...] = _cue("indefinite")
    associates: tuple[str, ...] = _cue("associate")
    with_others: tuple[str, ...] = _cue("with_others")
    not_frames: tuple[str, ...] = _cue("not_frame")
    asked: tuple[str, ...] = _cue("asked")
    she: tuple[str, ...] = _cue("she")
    woman: tuple[str, ...] = _cue("woman")
    man: tuple[str, ...] = _cue("man")
    wife: tuple[str, ...] = _cue("wife")
    inner_frames: tuple[str, ...] = _cue("inner_frame")
    led_frames: tuple[str, ...] = _cue("led_frame")
    frame_leads: tuple[str, ...] = _cue("frame_lead")
    speech_nouns: tuple[str, ...] = _cue("speech_noun")
    subordinates: tuple[str, ...] = _cue("subordinate")
    unit_conjunctions: tuple[str, ...] = _cue("unit_conjunction")
    told_elsewhere: tuple[str, ...] = _cue("told_elsewhere")
    someone: tuple[str, ...] = _cue("someone")
    surnames: str = ""  # common family names (quoted_names.csv), for a bare name the actor stage did not link
    remark_negations: tuple[str, ...] = _cue("remark_negation")
    remark_manners: tuple[str, ...] = _cue("remark_manner")
    remarks: tuple[str, ...] = _cue("remark")
    led_remarks: tuple[str, ...] = _cue("led_remark")
    women: frozenset[str] = frozenset()  # catalogue persons who are women (person_genders.csv)
    catalogued: frozenset[str] = frozenset()  # every catalogue person's key


class Clause(NamedTuple):
    """A reporting clause found in the text, before its content end is known.

    A named tuple, like :class:`_Subject`: many are built per document, several
    times faster than frozen dataclasses.
    """

    verb: str
    start: int          # where the reporting clause begins (its subject, or its clause)
    origin: int         # where the sentence that names the speaker begins its subject
    content: int        # where the content begins
    speaker: str | None  # None: a speaker the stage does not name (双方表示); only a boundary
    own_subject: bool
    country: bool
    opener: bool
    block: int
    stop: int | None = None  # where the content ends when a quote before the verb holds it
    appraisal: bool = False  # the content is X对Y表示赞赏's 对Y表示赞赏
    also: tuple[str, ...] = ()  # bodies named with the speaker that say the words with it (A、B表示)


_CUES_BY_ROOT: dict[Path, Cues] = {}


def load_cues(catalogue: Catalogue) -> Cues:
    """The stage's word lists, from the catalogue's lexicon files.

    Built once per catalogue root: the catalogue reads each lexicon file once
    per process, so a root's lists do not change while it runs.
    """
    root = Path(catalogue.root)
    if root not in _CUES_BY_ROOT:
        _CUES_BY_ROOT[root] = _build_cues(catalogue)
    return _CUES_BY_ROOT[root]


def _build_cues(catalogue: Catalogue) -> Cues:
    """The stage's word lists, read from the catalogue's lexicon files."""
    rows = catalogue.lexicon("reporting_verbs")
    verbs = {r["verb"].strip(): r for r in rows}
    speech = {w: Verb(w, r["direct"].strip() == "yes", int(r["min_direct"] or 0),
                      r["subject"].strip() == "own")
              for w, r in verbs.items() if r["use"].strip() == "speech"}
    by_use = {r["use"].strip(): w for w, r in verbs.items()}
    cue_rows = catalogue.lexicon("statement_cues")

    def words(cue: str) -> tuple[str, ...]:
        return tuple(sorted((r["word"] for r in cue_rows if r["cue"].strip() == cue), key=len, reverse=True))

    pattern = re.compile("|".join(re.escape(w) for w in sorted(speech, key=len, reverse=True)))
    listed = {f.name: words(f.metadata["cue"]) for f in fields(Cues) if "cue" in f.metadata}
    listed["objects"] = _longest_first(listed["objects"], listed["requests"])
    return Cues(
        verbs=speech, pattern=pattern, turn_verb=by_use.get("turn", "发言"),
        passage_verb=by_use.get("passage", "讲话"), openers="".join(words("opener")),
        reporter=tuple(r["cue"].strip() for r in catalogue.lexicon("media") if r.get("cue", "").strip()),
        possessive=next(iter(words("possessive")), "的"), not_name="".join(words("not_name")),
        titles=tuple(sorted({r["title"].strip() for r in catalogue.lexicon("titles")}, key=len, reverse=True)),
        women=frozenset(r["key"].strip() for r in catalogue.lexicon("person_genders") if r["gender"].strip() == "female"),
        catalogued=frozenset(k for k, actor in catalogue.actors.items() if actor.cls == "Person"),
        surnames="".join(r["word"] for r in catalogue.lexicon("quoted_names") if r["cue"] == "surname"),
        **listed,
    )


def extract_statements(analysis: Analysis, catalogue: Catalogue) -> Analysis:
    """Find every statement of one document.

    Parameters
    ----------
    analysis : Analysis
        A document with its blocks, mentions and events.
    catalogue : Catalogue
        Only its lexicons are read.

    Returns
    -------
    Analysis
        The same analysis with ``statements`` filled, sorted by position.

    Examples
    --------
    >>> from graph.model import Analysis, Block, Document, Mention
    >>> from graph.catalogue import load_catalogue
    >>> text = "赵丽强调，要加强沟通。"
    >>> doc = Document("d", text, text, tuple(range(len(text))))
    >>> a = Analysis(doc, blocks=(Block("bullet", 0, len(text)),),
    ...              mentions=(Mention(0, 2, "赵丽", "person/赵丽", "Person"),))
    >>> extract_statements(a, load_catalogue()).statements[0].verb
    '强调'
    """
    cues = load_cues(catalogue)
    text = _Text(analysis, catalogue)
    found = list(_turn_statements(text, cues))
    found += _speech_statements(text)
    clauses = _reporting_clauses(text, cues)
    found += _clause_statements(text, clauses, cues)
    found += _passage_statements(text, clauses, cues)
    found.sort(key=lambda s: (s.evidence.start, s.evidence.end, s.speaker, s.verb))
    return replace(analysis, statements=tuple(found))


class _Text:
    """The document's matching view with its blocks and mentions, indexed for look-ups."""

    def __init__(self, analysis: Analysis, catalogue: Catalogue | None = None):
        self.catalogue = catalogue
        self.analysis = analysis
        self.doc: Document = analysis.document
        self.s = analysis.document.text
        blocks = analysis.blocks or (Block("paragraph", 0, len(self.s)),)
        self.blocks: tuple[Block, ...] = tuple(sorted(blocks, key=lambda b: (b.start, b.end)))
        self.mentions: tuple[Mention, ...] = tuple(sorted(analysis.mentions, key=lambda m: (m.start, -m.end)))
        self.starts = [m.start for m in self.mentions]
        self.affiliations: dict[str, set[str]] = {}
        for m in self.mentions:
            if m.key and m.affiliation:
                self.affiliations.setdefault(m.key, set()).add(m.affiliation)
        self.person_keys = {m.key for m in self.mentions if m.cls == "Person"}
        self.attribution_of = {(b.start, b.end): line for passage, line in _passages(self.blocks) for b in passage}
        self._raw_blocks: dict[tuple[int, int], Span | None] = {}
        self._named: dict[int, set[str]] = {}
        self._raw_bounds: list[tuple[int, int]] | None = None
        self.event_starts = sorted((e.evidence.start, i) for i, e in enumerate(analysis.events))
        self.headlines = [b.end for b in self.blocks if b.kind == HEADLINE_BLOCK]
        self.headline_starts = [analysis.document.offsets[b.start] for b in self.blocks if b.kind == HEADLINE_BLOCK]
        self.turn_speakers: dict[int, str | None] = {}
        self.turn_starts = {b.start for b in self.blocks if b.kind == "turn"}

    def story_start(self, pos: int, block_start: int) -> int:
        """Where the story holding ``pos`` begins: a broadcast item's body, after its headline (its
        paragraphs tell one story, and 会议指出 in one points back to the meeting of another), else
        the block."""
        i = bisect_left(self.headlines, pos + 1) - 1
        return self.headlines[i] if i >= 0 and self.headlines[i] < block_start else block_start

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions lying inside ``[start, end)``, outermost first, without overlaps."""
        found: list[Mention] = []
        for index in range(bisect_left(self.starts, start), len(self.mentions)):
            m = self.mentions[index]
            if m.start >= end:
                break
            if m.end <= end and (not found or m.start >= found[-1].end):
                found.append(m)
        return found

    def named_around(self, evidence: Span) -> set[str]:
        """The actor keys named in the block that holds a piece of evidence (remembered: asked per statement)."""
        if evidence.start not in self._named:
            self._named[evidence.start] = self._named_in_block_at(evidence.start)
        return self._named[evidence.start]

    def _named_in_block_at(self, raw_start: int) -> set[str]:
        """The actor keys named in the first block whose raw range holds ``raw_start``."""
        if self._raw_bounds is None:
            self._raw_bounds = [(span.start, span.end) if span is not None else (0, 0)
                                for span in map(self.raw_block, self.blocks)]
        for block, (start, end) in zip(self.blocks, self._raw_bounds):
            if start <= raw_start < end:
                return {m.key for m in self.mentions_in(block.start, block.end) if m.key}
        return set()

    def raw_block(self, block: Block) -> Span | None:
        """A block's range in ``raw``, for comparing with event evidence (computed once per block)."""
        bounds = (block.start, block.end)
        if bounds not in self._raw_blocks:
            self._raw_blocks[bounds] = self.doc.raw_span(block.start, block.end) if block.end > block.start else None
        return self._raw_blocks[bounds]


# --- reporting clauses --------------------------------------------------------

def _reporting_clauses(text: _Text, cues: Cues) -> list[Clause]:
    """Every reporting clause of the speech blocks, in text order, inner ones dropped."""
    clauses: list[Clause] = []
    for index, block in enumerate(text.blocks):
        if block.kind not in SPEECH_BLOCKS:
            continue
        start = _body_start(text, block)
        question = _question_turn(cues, block)
        for match in cues.pattern.finditer(text.s, start, block.end):
            clause = _clause_at(text, cues, index, start, match)
            if clause is not None and (clause.opener or not question or clause.verb not in cues.recalled):
                clauses.append(clause)
    return _drop_inner(text, cues, clauses)


def _question_turn(cues: Cues, block: Block) -> bool:
    """Whether a block is a reporter's question. Its words are the outlet's; an actor named inside
    speaks through a claim (蓬佩奥称，…; A表示将采购…), not through praise with its object
    (世卫组织赞扬中国的经验。请问…: a gesture the question recalls)."""
    label = (block.speaker or "").strip()
    return block.kind == "turn" and bool(label) and (
        label in cues.questions or label in cues.followups or _ends_with(label, cues.reporter) is not None)


def _body_start(text: _Text, block: Block) -> int:
    """Where a block's own words start: after a turn's ``name:`` label."""
    if block.kind == "turn" and block.speaker:
        label_end = _label_end(text, block)
        if label_end is not None:
            return label_end
    return block.start


def _label_end(text: _Text, block: Block) -> int | None:
    """The end of ``speaker:`` at the head of a turn block, when the block includes it."""
    head = text.s[block.start:block.end]
    stripped = head.lstrip(" \t\u3000\n")
    if not (block.speaker and stripped.startswith(block.speaker)
            and stripped[len(block.speaker):len(block.speaker) + 1] in (":", "：")):
        return None
    after = block.start + (len(head) - len(stripped)) + len(block.speaker)
    while after < block.end and text.s[after] in ":： \t\u3000\n":
        after += 1
    return after


def _clause_at(text: _Text, cues: Cues, index: int, block_start: int, match: re.Match) -> Clause | None:
    """The reporting clause whose verb is ``match``, or None when the verb is not speech here."""
    verb = cues.verbs[match.group()]
    if not _verb_here(text, cues, verb, match.start()):
        return None
    block = text.blocks[index]
    content, opener = _content_start(text.s, _past_object(text.s, cues, verb, match.end()), block.end, cues.openers)
    at = match.start()
    quote = _quote_before(text.s, at, block_start)
    stop = None
    appraisal = None if opener else _appraisal_start(text.s, cues, at, content, block_start, block.end)
    if appraisal is not None:
        content = at = appraisal
    elif quote is not None and (content >= block.end or text.s[content] in SENTENCE_END):
        content, stop = quote
    elif content >= block.end or text.s[content] in SENTENCE_END:
        return None
    elif not opener and not _direct_ok(text.s, verb, content, block.end, cues.acts):
        return None
    elif not opener and _time_frame(text.s, cues, at, content, block_start, block.end):
        return None
    elif quote is not None:
        content = quote[0]
    if _told_elsewhere(text.s, cues, at, content):
        return None
    found = _speaker(text, cues, verb, at, block_start)
    if found is None:
        return None
    return Clause(verb.word, found.start, found.origin, content, found.key, found.own,
                  found.cls == "Country", opener, index, stop, appraisal is not None, found.also)


def _told_elsewhere(s: str, cues: Cues, at: int, content: int) -> bool:
    """Whether a word right before the verb points its words elsewhere, so that what follows is the
    writer's: words told before (甲自己这么认为，乙也这么认为), or the aim of an act (用上一堆官腔去回应，…).
    A colon or a quotation mark after the verb still opens the words (甲这样说：「…」; 以例子来解释，「…」)."""
    if not _ends_with(s[max(0, at - MAX_ASKED_WORD):at], cues.told_elsewhere):
        return False
    return not (s[content:content + 1] in OPENING_QUOTES or s[content - 1:content] in "：:")


def _time_frame(s: str, cues: Cues, at: int, content: int, block_start: int, end: int) -> bool:
    """Whether the verb stands in a clause that only dates what follows (在塔利班称击落一架飞机后，
    美军表示…; 在美国宣布制裁之际): the clause opens with 在 and closes with 后/时/之际; what is
    said there is background, reported elsewhere if at all."""
    opening = s[_clause_start(s, at, block_start):at].lstrip(LEAD_SYMBOLS)
    closing = s[content:_clause_end(s, content, end)]
    return bool(_starts_with(opening, cues.frame_opens)) and _ends_with(closing, cues.frame_closes) is not None


def _past_object(s: str, cues: Cues, verb: Verb, pos: int) -> int:
    """Past the object a verb names before the words it reports: the document of a publishing verb
    (教育部发布通知，…; A发布《…方案》，到2022年…: the words are the document's, told after its
    name), the short addressee of a telling verb (他告诉记者，…; 告诉患者，…)."""
    if verb.word in cues.addressed:
        run = _forward_to(s, pos, min(len(s), pos + MAX_ADDRESSEE + 1), CLAUSE_END)
        return run if run > pos and s[run:run + 1] in cues.openers else pos
    if verb.word not in cues.publishing:
        return pos
    if s.startswith("《", pos) and s.find("》", pos) > pos:
        after = s.find("》", pos) + 1
        return after if s[after:after + 1] in cues.openers else pos
    document = _starts_with(s[pos:pos + MAX_TITLE_PROXY], cues.documents)
    return pos + len(document) if document and s[pos + len(document):pos + len(document) + 1] in cues.openers else pos


def _verb_here(text: _Text, cues: Cues, verb: Verb, at: int) -> bool:
    """Whether a reporting verb can report words where it stands.

    After the possessive particle it is a noun (按照通知的要求, 公布的数据); a verb of
    naming names (被美军称为“空中网络”), after a passive marker its subject is spoken of, not
    speaking (X被指隐瞒疫情); a prose verb
    (要求, 通报, 发布) reports words only in running news prose: in a chronicle item or a
    transcript it names an act (…召开会议，部署…，要求…; 在会上通报有关情况).
    """
    if text.s.startswith(cues.possessive, at - len(cues.possessive)) or text.s.startswith(cues.naming, at):
        return False
    if _ends_with(text.s[max(0, at - 2):at], cues.passive):
        return False
    return verb.word not in cues.prose_verbs or text.doc.meta.genre in PROSE_GENRES


def _quote_before(s: str, at: int, block_start: int) -> tuple[int, int] | None:
    """The quotation a speaker follows (“…。”王华说。): its inside, when the verb's clause opens with it
    and the quotation opens its own sentence. A quotation held by a frame before it (A指：「…」B說，;
    措施在「…？」B回應指) is the frame's words, not the speaker's after it."""
    clause = _clause_start(s, at, block_start)
    prefix = s[clause:at].lstrip(" \t\u3000")
    if not prefix or prefix[0] not in QUOTES:
        return None
    close = at - len(prefix)
    open_ = s.rfind(QUOTES[prefix[0]], block_start, close)
    if open_ < 0 or not _opens_sentence(s, open_, block_start):
        return None
    return open_ + 1, close


def _opens_sentence(s: str, at: int, floor: int) -> bool:
    """Whether ``at`` opens a sentence: only lead symbols, spaces and closing quotation marks
    between it and the end of the sentence before (or the block's start)."""
    before = s[floor:at].rstrip(LEAD_SYMBOLS + "\n")
    return not before or before[-1] in SENTENCE_END


def _content_start(s: str, pos: int, end: int, openers: str) -> tuple[int, bool]:
    """Skip the punctuation between a verb and its content; say whether there was any. An opening
    quotation mark belongs to the content (表示，“三不”，也就是…: the quoted words start it)."""
    start = pos
    while pos < end and s[pos] in openers:
        pos += 1
    if pos > start and s[pos - 1] in OPENING_QUOTES:
        return pos - 1, True
    return pos, pos > start


def _direct_ok(s: str, verb: Verb, content: int, end: int, acts: tuple[str, ...] = ()) -> bool:
    """Whether content may follow the verb with no punctuation (强调要…, not 介绍了…, not 表示慰问;
    not 宣布向世卫组织捐款: a marker of whom an act is done to opens an act, not words)."""
    if not verb.direct or s[content] in NOT_DIRECT_START or s.startswith(acts, content):
        return False
    stop = content
    while stop < end and s[stop] not in CLAUSE_END:
        stop += 1
    return stop - content >= verb.min_direct


class _Subject(NamedTuple):
    """Who a reporting clause names as speaker; ``key`` None for a speaker left unnamed (双方)."""

    key: str | None
    start: int
    origin: int
    own: bool = True
    cls: str | None = None
    also: tuple[str, ...] = ()


_NOT_SPEECH = _Subject(None, -1, -1)


def _appraisal_start(s: str, cues: Cues, at: int, after: int, block_start: int, end: int) -> int | None:
    """Where ``X对Y表示赞赏`` starts its content (at 对), or None for another construction.

    The verb is followed by an appraisal (赞赏, 感谢) and its clause names
    what is appraised after a topic word; the content is that whole phrase.
    """
    if not _has_any(s[at:_clause_end(s, after, end)], cues.appraisals):
        return None
    clause = _clause_start(s, at, block_start)
    found = [s.rfind(word, clause, at) for word in cues.topics]
    start = max(found, default=-1)
    return start if start >= clause else None


def _has_any(s: str, words: tuple[str, ...]) -> bool:
    """Whether any of ``words`` occurs in ``s``."""
    return any(w in s for w in words)


def _speaker(text: _Text, cues: Cues, verb: Verb, at: int, block_start: int) -> _Subject | None:
    """The speaker of a verb at ``at``; None when the verb does not report speech there.

    The subject is looked for in the verb's own clause (a pronoun, a name
    chain not marked as an object, a proxy noun); a clause holding only
    adverbs before the verb carries the subject that opens an earlier clause
    of the same sentence; a verb that needs its own subject carries it only
    after an adverb that marks the speaker going on (…，又称…; …，并指…).
    After a quoting word (A引述B指，…) the one quoted speaks: B, or nobody named; unless A is a
    person, who speaks himself.
    """
    clause = _clause_start(text.s, at, block_start)
    prefix = text.s[clause:at]
    if _starts_with(prefix.lstrip(LEAD_SYMBOLS), cues.hearsay):
        return None
    quoted = _after_quoting(text.s, clause, at, cues)
    if quoted is not None:
        quoter = _quoting_person(text, cues, clause, quoted, block_start)
        if quoter is not None:
            return quoter
        found = _clause_subject(text, cues, quoted, at, block_start, verb=verb)
        return None if found is _NOT_SPEECH else found
    its = _its_owner(prefix, cues)
    own = None if its else _clause_subject(text, cues, clause, at, block_start, verb=verb)
    if own is _NOT_SPEECH:
        return None
    if own is not None:
        return own
    if not its and (_strip_adverbs(prefix, cues.adverbs) or (verb.own_subject and not prefix.strip(" \t\u3000"))):
        return None
    sentence = _sentence_start(text.s, at, block_start)
    if sentence == clause and not prefix.strip(LEAD_SYMBOLS):
        return _act_sentence_speaker(text, cues, clause, block_start)
    pos = clause
    while pos > sentence:
        previous = _clause_start(text.s, pos - 1, block_start)
        found = _clause_subject(text, cues, previous, pos - 1, block_start, at_start=True)
        if found is _NOT_SPEECH:
            return None
        if found is not None:
            return _Subject(found.key, clause, found.origin, False, found.cls)
        pos = previous
    return None


def _after_quoting(s: str, start: int, at: int, cues: Cues) -> int | None:
    """The position after the last quoting word (引述) between ``start`` and the verb at ``at``, if any."""
    found = [s.rfind(word, start, at) + len(word) for word in cues.quoting if s.rfind(word, start, at) >= 0]
    return max(found) if found else None


def _quoting_person(text: _Text, cues: Cues, clause: int, quoted: int, block_start: int) -> _Subject | None:
    """The person who quotes another before the verb (甲引述乙指，…; 甲在记者会引述乙的研究指出，…): the
    words are 甲's, told with 乙 as their source. An outlet quoting (甲社引述乙指) only relays 乙."""
    word = _ends_with(text.s[clause:quoted], cues.quoting) or ""
    found = _clause_subject(text, cues, clause, quoted - len(word), block_start, at_start=True)
    return found if found is not None and found is not _NOT_SPEECH and found.key and found.cls == "Person" else None


def _its_owner(prefix: str, cues: Cues) -> bool:
    """Whether a clause opens with a possessive pronoun (其官网…指出, 其发言人表示): what it names
    belongs to the subject of the clause before, who speaks through it (其中, 其他 are no such)."""
    body = prefix.lstrip(LEAD_SYMBOLS)
    return bool(_starts_with(body, cues.its)) and not _starts_with(body, cues.not_its)


def _clause_subject(text: _Text, cues: Cues, start: int, end: int, block_start: int,
                    verb: Verb | None = None, at_start: bool = False) -> _Subject | None:
    """The subject of the clause ``[start, end)``; None when the clause names none.

    ``verb`` is given for the verb's own clause (the words between subject and
    verb are then checked); ``at_start`` asks for a subject opening the clause
    (an earlier clause of the sentence: its later names are objects).
    """
    lead = _past_leads(text.s, start, end)
    body = text.s[lead:end]
    if verb is None and _ends_with(PAREN_END.sub("", body.rstrip()), cues.sources):
        return None
    noticed = _starts_with(body, cues.noticed)
    if noticed and verb is not None:
        return _clause_subject(text, cues, lead + len(noticed), end, block_start, verb=verb)
    if _starts_with(body, cues.self_words):
        return _NOT_SPEECH
    pronoun = body[len(_starts_with(body, cues.connectives) or ""):]
    if _pronoun_at(pronoun, cues):
        if _modifies_speaker(pronoun[len(_starts_with(pronoun, cues.pronouns) or ""):], cues):
            return _Subject(None, lead, lead)  # 他的朋友透露: the friend speaks, not he
        woman = pronoun.startswith(cues.she)
        return _Subject(_last_person_subject(text, cues, lead, block_start, woman), lead, lead, cls="Person")
    if _starts_with(body, cues.groups):
        return _Subject(None, lead, lead)
    for chain in _chains(text, cues, start, end):
        if at_start and (_past_titles(text.s, cues, lead, chain[0].start) - lead > MAX_SUBJECT_OFFSET
                         or _is_object(text.s, start, chain[0], cues)):
            break
        if _is_object(text.s, start, chain[0], cues):
            continue
        head = _chain_head(chain, cues)
        tail = text.s[head.end:end]
        if verb is not None and not _tail_ok(tail, verb, cues):
            return _NOT_SPEECH
        titled = _titled_speaker(text, cues, head, end) if verb is not None and head.cls != "Person" else None
        if titled is not None:
            return _Subject(titled.key, chain[0].start, chain[0].start, cls=titled.cls)
        if verb is not None and (_modifies_speaker(tail, cues) or _names_others(tail, cues) or head.cls != "Person" and (
                not text.mentions_in(head.end, end) and _qualifies_speaker(tail, cues))):
            return _Subject(None, chain[0].start, chain[0].start)
        if verb is not None and head.cls == "Country" and not text.mentions_in(head.end, end) \
                and not _speaks_for_country(tail, cues):
            return _Subject(None, chain[0].start, chain[0].start)
        if any(g in tail for g in cues.groups + cues.someone):
            return _Subject(None, chain[0].start, chain[0].start)
        if (head.cls != "Person" or _anonymous(head, cues)) and _starts_with(text.s[lead:chain[0].start], cues.indefinites):
            return _Subject(None, chain[0].start, chain[0].start)  # 一名甲國官員稱: someone unnamed
        return _Subject(_speaking_for(head, chain, cues), chain[0].start, chain[0].start, cls=head.cls,
                        also=_joint_bodies(text, cues, chain, head, end))
    proxy = _starts_with(body, cues.proxies) or _title_proxy(body, cues)
    if proxy:
        key = _proxy_owner(text, cues, proxy, lead, block_start) or _previous_sentence_subject(
            text, cues, lead, block_start)
        return _Subject(key, lead, lead, also=_joint_issuers(text, cues, proxy, lead, block_start) if key else ())
    short = _short_name_owner(text, cues, lead, end) if verb is not None else None
    return _Subject(short, lead, lead, cls="Person") if short else None


def _short_name_owner(text: _Text, cues: Cues, lead: int, end: int) -> str | None:
    """The person a short form before the verb stands for (…劉家獻指出，…。劉指，… / 但張表示，…): news
    prose names a person in full once, then by surname or by the first characters of the name. The
    short form is the whole subject, adverbs and a leading connective aside, and starts the name of
    the last person named before it."""
    body = text.s[lead:end]
    body = body[len(_starts_with(body, cues.connectives) or ""):]
    short = _strip_adverbs_end(body, cues.adverbs)
    if not 1 <= len(short) <= MAX_SHORT_NAME or not all("\u4e00" <= c <= "\u9fff" for c in short):
        return None
    if short[0] in cues.not_name or _starts_with(short, cues.pronouns + cues.self_words):
        return None
    persons = [m for m in text.mentions_in(0, lead) if m.cls == "Person" and m.key and not _anonymous(m, cues)]
    return next((m.key for m in reversed(persons) if len(m.surface) > len(short) and m.surface.startswith(short)),
                None)


def _joint_bodies(text: _Text, cues: Cues, chain: list[Mention], head: Mention, end: int) -> tuple[str, ...]:
    """The other bodies a body speaks with when they are listed as one subject (A、B和C介绍,
    A和B表示): each says the words. Persons are not listed, nor bodies followed by more of a title
    before the verb (A和B其他组织副代表呼吁: the last name is the speaker's office); a word that
    closes the list may lead longer words (A、B等二十三个部门联合印发)."""
    if head.cls == "Person":
        return ()
    listed = [m for m, after in zip(chain, chain[1:]) if text.s[m.end:after.start] == ENUMERATION]
    position = head.end
    for mention in text.mentions_in(head.end, end):
        if text.s[position:mention.start] not in JOINT_MARKS:
            break
        listed.append(mention)
        position = mention.end
    if end - position > MAX_JOINT_TAIL and not text.s.startswith(cues.list_ends, position):
        return ()
    return tuple(dict.fromkeys(m.key for m in listed if m.key and m.cls != "Person" and m.key != head.key))


def _tail_ok(tail: str, verb: Verb, cues: Cues) -> bool:
    """Whether the words between a subject and its verb leave the subject speaking.

    A venue right before the verb (…新闻发布会通报) speaks for nobody, an
    outlet relaying a report (新华社报道称) is no speaker, nor one asking someone else to speak
    (甲要求乙方澄清); a
    verb that needs its own subject loses it behind a topic (发言人就个别媒体称…); a light verb or
    的 just before it makes the verb a noun (对A进行无端指责, 政客的指责); a negation just before it says the
    words were not said (甲至今未有回应，…; 甲尚未透露，…).
    """
    before_verb = _strip_adverbs_end(tail, cues.adverbs)
    if _ends_with(before_verb, cues.venues) or _ends_with(before_verb, cues.relays):
        return False
    if _ends_with(before_verb, cues.nominal) or _ends_with(before_verb, cues.unsaid):
        return False  # 政客的指责: a noun; 甲至今未有回应，…: nothing said, the writer goes on
    if _has_any(tail, cues.requests):
        return False  # 甲要求乙澄清: what 甲 asks of 乙, no words
    return not (verb.own_subject and any(t in tail for t in cues.topics))


def _qualifies_speaker(tail: str, cues: Cues) -> bool:
    """Whether the words between a named actor and its verb are the speaker's own noun, so the actor
    only qualifies a speaker the stage has no node for: a unit of it (美国海军表示, 某国主流传媒称) or a
    person named after a title the actor stage did not link (A国在台协会处长郦某指, 德国评论作家长某指出).
    """
    before_verb = _strip_adverbs_end(tail, cues.adverbs)
    if any(c in CLAUSE_END for c in before_verb):
        return False
    if _ends_with(before_verb, cues.units):
        return not any(c in cues.not_name for c in before_verb)  # 对媒体表示: the media are addressed
    return _titled_name(before_verb, cues)


def _titled_name(before_verb: str, cues: Cues) -> bool:
    """Whether the words before a verb end with a title and what may be a person's name after it
    (乙协会处长郦某, 大律师苏某): a person named where the actor stage linked no one."""
    found = [(before_verb.rfind(t), t) for t in cues.titles if t in before_verb]
    if not found:
        return False
    at, title = max(found, key=lambda f: (f[0] + len(f[1]), len(f[1])))
    return _name_like(before_verb[at + len(title):], cues)


def _speaks_for_country(tail: str, cues: Cues) -> bool:
    """Whether the words between a country and its verb leave the country speaking: nothing but a
    time, adverbs or an object (法國周一表示, 法國回應表示), its voice and what follows it (政府, 當局, 官方: 以國政府周六
    宣布, 埃及政府已宣布, 英國政府的一名發言人說) an office held for it (俄國總理周一宣布) or an unnamed official of it (甲國官員對媒體表示, as
    外交部发言人 speaks for the ministry). Any other noun there is the speaker, one the actor stage
    did not name (甲國廣播電台說, 乙國疫情指揮中心表示, 丙國網媒指, 甲國瑜周五稱 for a person whose
    name starts like a country's): no node, no statement."""
    if tail.startswith(cues.possessive):
        return True  # 甲國的報告顯示, 甲國的學者認為: :func:`_modifies_speaker` decides
    phrase = tail[:next((i for i, c in enumerate(tail) if c in cues.not_name or c in CLAUSE_END), len(tail))]
    cuts = [phrase.find(word) for word in cues.objects if word in phrase]
    cuts += [span.start for span in find_date_spans(phrase, reference=NAME_CHECK_DAY)[:1]]
    phrase = _strip_adverbs_end(phrase[:min(cuts, default=len(phrase))], cues.adverbs).strip(" \t\u3000")
    return not phrase or bool(_starts_with(phrase, cues.voices)) or phrase in cues.titles \
        or _ends_with(phrase, cues.anonymous) is not None


def _titled_speaker(text: _Text, cues: Cues, head: Mention, end: int) -> Mention | None:
    """A named person after a title right before the verb, past a unit name the name chain did not join
    (甲国在乙协会处长郦某指: 郦某, not 甲国; 甲大学第一医院呼吸和危重症医学科主任王某称): the head of the
    subject is the person, when no other actor stands between."""
    persons = [m for m in text.mentions_in(head.end, end) if m.cls == "Person" and m.key]
    if not persons or any(c in CLAUSE_END for c in text.s[head.end:end]):
        return None
    person = persons[-1]
    if _strip_adverbs_end(text.s[person.end:end], cues.adverbs) or _anonymous(person, cues):
        return None
    if text.mentions_in(head.end, person.start):
        return None  # 中方赞赏联合国秘书长古某提出: another actor between, the person is an object's
    return person if _ends_with(text.s[head.end:person.start], cues.titles) else None


def _modifies_speaker(tail: str, cues: Cues) -> bool:
    """Whether a named actor only qualifies, with 的, the noun that speaks (移民甲国的港人王某在乙国…指; 甲国的
    学者认为; 王某的朋友透露): the speaker is that noun, not the actor; an unnamed official (甲国的发言人表示) or a
    text the actor issued (甲国的报告显示) still speaks for it."""
    if not tail.startswith(cues.possessive):
        return False
    phrase = tail[len(cues.possessive):]
    cut = next((i for i, c in enumerate(phrase) if c in cues.not_name or c in CLAUSE_END), len(phrase))
    phrase = _strip_adverbs_end(phrase[:cut], cues.adverbs).rstrip("》”」』")  # 甲国的《紧急通知》称
    return bool(phrase) and not _ends_with(phrase, cues.anonymous) and not _ends_with(phrase, cues.issued)


def _names_others(tail: str, cues: Cues) -> bool:
    """Whether the words between a named actor and its verb make the speakers other people: people tied
    to the actor (甲某支持者认为, 甲某前队友表示; not 甲某向选民表示, where they are addressed), or an
    unnamed group counted with it (甲某等多名专家指出, 包括甲某在内的多名医护人员表示). No one named says
    the words, as with 一名甲国官员称."""
    before_verb = _strip_adverbs_end(tail, cues.adverbs)
    if any(c in CLAUSE_END for c in before_verb):
        return False
    associate = _ends_with(before_verb, cues.associates)
    if associate:
        return not _has_any(before_verb[:-len(associate)], cues.objects)  # 甲某向选民表示: they are addressed
    for word in cues.with_others:
        at = before_verb.find(word)
        rest = before_verb[at + len(word):] if at >= 0 else ""
        rest = rest[len(cues.possessive):] if rest.startswith(cues.possessive) else rest
        if _starts_with(rest, cues.indefinites):
            return True
    return False


def _name_like(rest: str, cues: Cues) -> bool:
    """Whether the words after a title, right before a verb, may be a person's name: two to four
    characters of Chinese script holding no date (周一, 昨日), adverb or preposition (在, 于: 总统在白宫表示)."""
    if not 2 <= len(rest) <= MAX_NAME or not all("\u4e00" <= c <= "\u9fff" or c == "·" for c in rest):
        return False
    if any(c in cues.not_name for c in rest) or _starts_with(rest, cues.adverbs):
        return False
    return not find_date_spans(rest, reference=NAME_CHECK_DAY)


def _pronoun_at(body: str, cues: Cues) -> bool:
    """Whether a clause opens with a singular third-person pronoun (他, not 他们)."""
    for pronoun in cues.pronouns:
        if body.startswith(pronoun) and not body[len(pronoun):].startswith("们"):
            return True
    return False


def _chains(text: _Text, cues: Cues, start: int, end: int) -> list[list[Mention]]:
    """Mentions of ``[start, end)`` grouped into name chains (中国 国家主席 习近平)."""
    chains: list[list[Mention]] = []
    for mention in text.mentions_in(start, end):
        if chains and _joins(chains[-1][-1], text.s[chains[-1][-1].end:mention.start], cues, mention):
            chains[-1].append(mention)
        else:
            chains.append([mention])
    return chains


def _joins(before: Mention, gap: str, cues: Cues, after: Mention) -> bool:
    """Whether the words between two mentions are a title (joins) rather than a predicate.

    After a person, an enumeration comma starts another actor (谭德塞、联合国…官员). A
    conjunction inside the unit a title names (甲大学媒体与传播系副教授王某, 乙局流行病和统计部主任)
    breaks nothing when a title ends the gap and a person follows it.
    """
    gap = GLOSS.sub("", gap)  # a gloss in brackets inside a title (总经理（质素及标准）) is no predicate
    if len(gap) > MAX_CHAIN_GAP or any(c in CLAUSE_END for c in gap):
        return False
    if before.cls == "Person" and any(c in ENUMERATION for c in gap):
        return False
    breaks = cues.breaks + cues.objects
    if not any(b in gap for b in breaks):
        return True
    return before.cls != "Person" and after.cls == "Person" and _unit_of_title(gap, cues)


def _unit_of_title(gap: str, cues: Cues) -> bool:
    """Whether a gap is a unit name and a title, its only break words conjunctions of the unit's
    name (制造业和贸易顾问, 外交及安全政策高级代表), maybe with a given name written before a
    middle dot (顾问彼得・ in 顾问彼得・纳瓦罗)."""
    heads = [gap[:len(gap) - 1 - given] for given in range(1, MAX_NAME + 1)] if gap[-1:] in NAME_DOTS else [gap]
    unit = next((head for head in heads if _ends_with(head, cues.titles) is not None), None)
    if unit is None:
        return False
    for word in cues.unit_conjunctions:
        unit = unit.replace(word, "")
    return not any(b in unit for b in cues.breaks + cues.objects)


def _chain_head(chain: list[Mention], cues: Cues) -> Mention:
    """The actor a name chain stands for: its last named person, else its last name.

    The head of a Chinese noun phrase comes last: 俄罗斯总统新闻秘书佩斯科夫 is 佩斯科夫.
    """
    return next((m for m in reversed(chain) if m.cls == "Person" and not _anonymous(m, cues)), chain[-1])


def _anonymous(mention: Mention, cues: Cues) -> bool:
    """A person mention that names no one: an office's spokesperson or official (外交部发言人)."""
    return mention.surface.endswith(cues.anonymous)


def _speaking_for(head: Mention, chain: list[Mention], cues: Cues) -> str | None:
    """The key a statement is credited to: an unnamed official speaks for the body."""
    if head.cls != "Person" or not _anonymous(head, cues):
        return head.key
    body = next((m.key for m in reversed(chain) if m.cls != "Person" and m.key), None)
    return body or head.affiliation


def _is_object(s: str, clause_start: int, mention: Mention, cues: Cues) -> bool:
    """Whether the words right before a name make it an addressee or object (向习近平, 同孔特), or the
    publication the words were printed in (在《甲报》撰文, the title mark inside the name or not).

    A frame word (针对) ends like an object marker (对) but governs the whole
    clause, so the name after it may still be the speaker.
    """
    before = s[clause_start:mention.start].rstrip(" \t\u3000") + ("《" if s.startswith("《", mention.start) else "")
    return not _ends_with(before, cues.frames) and _ends_with(before, cues.objects) is not None


def _last_person_subject(text: _Text, cues: Cues, before: int, block_start: int,
                         woman: bool | None = None) -> str | None:
    """The person a pronoun stands for: the last named person before it, inside its own turn
    in a transcript (the person before a turn is someone else's), passing over persons named as
    the object of a verb or marker (A向B主席致以祝福。他表示… → A), persons who only qualify a
    noun (A是B团队成员。他说… → A) and persons named inside someone's reported words, after the
    verb of their sentence (A又說，B與C通話。他稱… → A: the one who speaks goes on); none when a
    person the actor stage did not link spoke after every named one (A表示，…。大律师苏某认为，…。他指出…).
    ``woman`` says which pronoun it is (她: True, 他: False): persons known to be of the other sex
    are passed over (A女士表示，…。B先生说，…。她认为… → A)."""
    floor = max(0, before - PRONOUN_LOOKBACK)
    if block_start in text.turn_starts:
        floor = max(floor, block_start)
    persons = [m for m in text.mentions_in(floor, before) if m.cls == "Person" and m.key
               and _is_woman(text, cues, m) in (None, woman)]
    unlinked = _last_unlinked_speaker(text, cues, floor, before)
    for mention in reversed(persons):
        if mention.start < unlinked:
            return None
        if text.s.startswith(cues.modifiers, mention.end) or _passed_over(text, cues, mention, floor, before):
            continue
        sentence = _sentence_start(text.s, mention.start, floor)
        if _reports_words(text.s, cues, sentence, mention.start) and not _relays_to(text, cues, mention, sentence):
            continue
        clause = _clause_start(text.s, mention.start, floor)
        chain = next((c for c in _chains(text, cues, clause, mention.end) if mention in c), [mention])
        if not _is_object(text.s, clause, chain[0], cues):
            return mention.key
    return persons[-1].key if persons and persons[-1].start >= unlinked else None


def _relays_to(text: _Text, cues: Cues, mention: Mention, sentence: int) -> bool:
    """Whether a person named after a frame of his sentence speaks in turn, relayed by a report, not
    by a person (报道续称，研究员甲说，…。他表示… → 甲): his clause frames words, and no person and no
    pronoun stands before him in the sentence."""
    clause = _clause_start(text.s, mention.start, sentence)
    if not _reports_words(text.s, cues, mention.end, _clause_end(text.s, mention.end, len(text.s)) + 1):
        return False
    if any(m.cls == "Person" for m in text.mentions_in(sentence, clause)):
        return False
    return not any(p in text.s[sentence:clause] for p in cues.pronouns)


def _passed_over(text: _Text, cues: Cues, mention: Mention, floor: int, before: int) -> bool:
    """Whether a person named before a pronoun is only talked about, not its referent: one named inside
    quotation marks that close before the pronoun (甲说：「…乙也说过…」。他指… → 甲: someone's words
    name him), or one named after the person who opens its clause (甲会见乙。他表示… → 甲; 甲指乙是…:
    the object or topic of that person's act or words; the pronoun goes on with the subject)."""
    return _in_closed_quotation(text, mention.start, before) or _after_clause_subject(text, cues, mention, floor)


def _in_closed_quotation(text: _Text, at: int, before: int) -> bool:
    """Whether ``at`` stands inside a quotation opened in its block that closes before ``before``."""
    block = next((b for b in text.blocks if b.start <= at < b.end), None)
    if block is None or not _quoted(text.s, block.start, at):
        return False
    return _closing_mark(text.s, at, min(before, block.end)) is not None


def _after_clause_subject(text: _Text, cues: Cues, mention: Mention, floor: int) -> bool:
    """Whether a named person, not the mention, opens the mention's clause as its subject (甲会见乙, 甲称赞乙,
    美国总统甲谈及乙主席): the mention is that person's object or topic."""
    clause = _clause_start(text.s, mention.start, floor)
    chains = _chains(text, cues, clause, mention.start)
    if not chains or mention.start > 0 and text.s[mention.start - 1] in GLOSS_OPENS:
        return False  # 成员甲（Jane Doe）: a gloss of the name before, the same person
    body = text.s[clause:mention.start].lstrip(LEAD_SYMBOLS)
    lead = mention.start - len(body) + len(_starts_with(body, cues.connectives) or "")
    first = chains[0]
    head = _chain_head(first, cues)
    return (first[0].start - lead <= MAX_SUBJECT_OFFSET and head.cls == "Person" and bool(head.key)
            and not _anonymous(head, cues) and not head.surface.endswith(cues.titles)  # 甲国总统大选的…: no one named
            and head.key != mention.key and not _is_object(text.s, clause, first[0], cues))


def _is_woman(text: _Text, cues: Cues, mention: Mention) -> bool | None:
    """Whether a person is a woman, as far as the text or the catalogue tells (None: unknown), for a
    pronoun (他, 她) to pass over persons of the other sex: a form of address right after the name or
    ending it (王女士, 李先生), a wife's (戴某夫人, 陈太太: only ending the name, as 甲夫人乙 is 甲's
    wife), else the catalogue, whose persons are men unless listed as women."""
    surface, after = mention.surface, text.s[mention.end:mention.end + 2]
    if surface.endswith(cues.woman + cues.wife) or after.startswith(cues.woman):
        return True
    if surface.endswith(cues.man) or after.startswith(cues.man):
        return False
    if mention.key in cues.women:
        return True
    return False if mention.key in cues.catalogued else None


def _last_unlinked_speaker(text: _Text, cues: Cues, floor: int, before: int) -> int:
    """Where the last frame before ``before`` opens whose speaker is a person the actor stage did not
    link (…大律师苏某认为，…。他指出… / 主席吴某则表示，…。她认为… / 陈某某形容教会…。他又说…): a pronoun after
    it stands for that person, not for a person named before; -1 when none. The person is named after
    a title right before the verb, or by a bare name of a family name and one or two characters that
    opens the clause and that the document writes again right before a verb (a word is seldom so), or after a title ending the clause before the verb's, which
    holds no subject of its own (助理指挥官游某，当晚在现场表示，…)."""
    last = -1
    for match in cues.pattern.finditer(text.s, floor, before):
        clause = _clause_start(text.s, match.start(), floor)
        if any(m.cls == "Person" for m in text.mentions_in(clause, match.start())):
            continue
        subject = _strip_adverbs_end(text.s[_past_leads(text.s, clause, match.start()):match.start()], cues.adverbs)
        opened = text.s[match.end():match.end() + 1] in tuple(cues.openers)
        if (opened and _titled_name(subject, cues)) or _bare_name(text, cues, subject, clause) \
                or _titled_clause_before(text, cues, subject, clause, floor):
            last = clause
    return last


def _bare_name(text: _Text, cues: Cues, subject: str, clause: int) -> bool:
    """Whether the whole subject of a clause is a person's bare name the actor stage did not link: a
    family name and one or two more characters of Chinese script, none a mark of a phrase (在, 对),
    not a short form of a person named before (林郑), written twice in the document right before a verb."""
    subject = subject[len(_starts_with(subject, cues.connectives) or ""):]
    if not 2 <= len(subject) <= MAX_SHORT_NAME + 1 or subject[0] not in cues.surnames:
        return False
    if not all("\u4e00" <= c <= "\u9fff" for c in subject) or any(c in cues.not_name for c in subject):
        return False
    if _starts_with(subject, cues.pronouns + cues.self_words + cues.adverbs) or find_date_spans(
            subject, reference=NAME_CHECK_DAY):
        return False
    if any(m.surface.startswith(subject) for m in text.mentions_in(0, clause) if m.cls == "Person"):
        return False
    return sum(1 for at in _occurrences(text.s, subject) if cues.pattern.match(text.s, at + len(subject))) >= 2


def _occurrences(s: str, word: str):
    """Every position of ``word`` in ``s``."""
    at = s.find(word)
    while at >= 0:
        yield at
        at = s.find(word, at + 1)


def _titled_clause_before(text: _Text, cues: Cues, subject: str, clause: int, floor: int) -> bool:
    """Whether a verb with no subject of its own (当晚在现场表示) follows a clause of its sentence that
    ends with a title and a name of a family name the actor stage did not link (助理指挥官游某，; not
    接获医生求助，: a title, then no name)."""
    if not clause > floor or text.s[clause - 1] in SENTENCE_END:
        return False
    if subject and not _name_free(subject, cues):
        return False
    previous = _clause_start(text.s, clause - 1, floor)
    if any(m.cls == "Person" for m in text.mentions_in(previous, clause - 1)):
        return False
    words = text.s[previous:clause - 1]
    return _titled_name(words, cues) and _ends_with(words, cues.titles) is None and any(
        _name_like(words[at + len(title):], cues) and words[at + len(title)] in cues.surnames
        for title in cues.titles for at in (words.rfind(title),) if at >= 0)


def _name_free(words: str, cues: Cues) -> bool:
    """Whether the words before a verb hold no subject: a time, a place after 在, adverbs (当晚在现场)."""
    return bool(find_date_spans(words, reference=NAME_CHECK_DAY)) or words.startswith(tuple(cues.not_name)) \
        or not _strip_adverbs(words, cues.adverbs)


def _proxy_owner(text: _Text, cues: Cues, proxy: str, before: int, block_start: int) -> str | None:
    """The actor whose meeting or report a proxy noun names, told earlier in the story:
    中共中央政治局会议。会议指出 → 中共中央政治局; a document's title (A发表《…报告》。报告指出 → A, the
    subject of the clause that issues it); a body's short form before the noun (A组长B主持召开领导小组会议:
    领导小组 ends the name of A)."""
    floor = text.story_start(before, block_start)
    named = _told_proxy(text.s, proxy, floor, before, first=floor < block_start)
    if named is None:
        return None
    if _in_title(text.s, named, floor):
        issued = _clause_start(text.s, named, floor)
        found = _clause_subject(text, cues, issued, named, floor, at_start=True)
        return found.key if found is not None and found is not _NOT_SPEECH else None
    short = _short_form_owner(text, text.mentions_in(floor, named), named)
    if short is not None:
        return short
    mentions = text.mentions_in(max(floor, named - MAX_PROXY_GAP - 40), named)
    if mentions:
        last = mentions[-1]
        gap = text.s[last.end:named]
        if len(gap) <= MAX_PROXY_GAP and not any(c in CLAUSE_END for c in gap):
            return last.key
    return _sentence_subject(text, cues, named, floor) if floor < block_start else None


def _joint_issuers(text: _Text, cues: Cues, proxy: str, before: int, block_start: int) -> tuple[str, ...]:
    """The other bodies that issued a document with its owner (A、B近日发布《…意见》。《意见》强调 →
    A and B), read where :func:`_proxy_owner` found its title."""
    floor = text.story_start(before, block_start)
    named = _told_proxy(text.s, proxy, floor, before, first=floor < block_start)
    if named is None or not _in_title(text.s, named, floor):
        return ()
    opening = text.s.rfind("《", floor, named)
    found = _clause_subject(text, cues, _clause_start(text.s, opening, floor), opening, floor, at_start=True)
    return found.also if found is not None and found is not _NOT_SPEECH else ()


def _sentence_subject(text: _Text, cues: Cues, pos: int, floor: int) -> str | None:
    """The subject opening the sentence that holds ``pos`` (A印发了《…》，并发出通知 → A)."""
    pos, end = _sentence_start(text.s, pos, floor), pos
    while pos < end:
        stop = _clause_end(text.s, pos, end)
        found = _clause_subject(text, cues, pos, stop, floor, at_start=True)
        if found is _NOT_SPEECH:
            return None
        if found is not None:
            return found.key
        pos = stop + 1
    return None


def _title_proxy(body: str, cues: Cues) -> str | None:
    """The word a short title of a document kind stands for when it opens a clause (《通知》指出 → 通知):
    the document told before under its full title (A印发《关于…的通知》). Other short titles are
    outlets (《时代》指出), not proxies."""
    close = body.find("》", 0, MAX_TITLE_PROXY + 2)
    if not body.startswith("《") or close <= 1 or not body[1:close].endswith(cues.documents):
        return None
    return body[1:close]


def _told_proxy(s: str, proxy: str, floor: int, before: int, first: bool = False) -> int | None:
    """Where before ``before`` the proxy noun names its thing (召开…会议), not where it stands again as
    a subject opening a clause (会议指出): the last such place in a block, the first in a broadcast
    item, whose lead tells the meeting before its words quote other meetings (…常委会会议精神)."""
    places = [m.start() for m in re.finditer(re.escape(proxy), s[floor:before])]
    told = [floor + p for p in places if s[floor:floor + p].rstrip(LEAD_SYMBOLS + "《")[-1:] not in CLAUSE_END]
    if not told:
        return None
    return told[0] if first else told[-1]


def _in_title(s: str, pos: int, floor: int) -> bool:
    """Whether ``pos`` lies inside a title mark 《…》 opened after ``floor``."""
    opened = s.rfind("《", floor, pos)
    return opened >= 0 and s.rfind("》", opened, pos) < 0


def _short_form_owner(text: _Text, mentions: list[Mention], named: int) -> str | None:
    """The body whose name ends with the words right before ``named`` (领导小组会议: 领导小组 ends
    中央应对疫情工作领导小组), the longest such ending of two or more characters, last named first."""
    best, length = None, MIN_SHORT_FORM - 1
    for mention in reversed(mentions):
        if mention.cls == "Person" or not mention.key:
            continue
        shared = _common_ending(mention.surface, text.s[max(0, named - len(mention.surface)):named])
        if shared > length and shared < len(mention.surface):
            best, length = mention.key, shared
    return best


def _common_ending(a: str, b: str) -> int:
    """How many characters two strings share at their ends."""
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _previous_sentence_subject(text: _Text, cues: Cues, before: int, block_start: int) -> str | None:
    """The body a proxy noun (会议, 报告) stands for: the subject of the sentence before."""
    found = _previous_sentence_speaker(text, cues, before, block_start)
    return found.key if found is not None else None


def _act_sentence_speaker(text: _Text, cues: Cues, before: int, block_start: int) -> _Subject | None:
    """Who speaks through a verb that opens its sentence: the subject of the sentence before when
    that sentence tells an act (…领导小组印发《意见》。要求各地区各部门…); after a sentence
    that reports words (A表示，…。感谢中方…) the verb is inside those words."""
    end = _sentence_start(text.s, before, block_start)
    if end <= block_start or _reports_words(text.s, cues, _sentence_start(text.s, end - 1, block_start), end):
        return None
    return _previous_sentence_speaker(text, cues, before, block_start)


def _reports_words(s: str, cues: Cues, start: int, end: int) -> bool:
    """Whether ``[start, end)`` holds a reporting verb with the punctuation that opens words (表示，)."""
    return any(s[m.end():m.end() + 1] in cues.openers and s[m.end():m.end() + 1]
               for m in cues.pattern.finditer(s, start, end))


def _previous_sentence_speaker(text: _Text, cues: Cues, before: int, block_start: int) -> _Subject | None:
    """The subject of the sentence before ``before`` in its block (a carried subject: ``own`` False)."""
    end = _sentence_start(text.s, before, block_start)
    if end <= block_start:
        return None
    pos = _sentence_start(text.s, end - 1, block_start)
    while pos < end - 1:
        stop = _clause_end(text.s, pos, end)
        found = _clause_subject(text, cues, pos, stop, block_start, at_start=True)
        if found is not None and found is not _NOT_SPEECH:
            return _Subject(found.key, before, found.origin, False, found.cls, found.also)
        pos = stop + 1
    return None


def _back_to(s: str, at: int, floor: int, stops: str) -> int:
    """Where the unit holding ``at`` begins: after the last of ``stops`` before it (not before ``floor``)."""
    pos = at
    while pos > floor and s[pos - 1] not in stops:
        pos -= 1
    return pos


def _forward_to(s: str, at: int, ceiling: int, stops: str) -> int:
    """Where the unit holding ``at`` ends: at the first of ``stops`` from it (not after ``ceiling``)."""
    pos = at
    while pos < ceiling and s[pos] not in stops:
        pos += 1
    return pos


def _clause_start(s: str, at: int, floor: int) -> int:
    return _back_to(s, at, floor, CLAUSE_END)


def _clause_end(s: str, at: int, ceiling: int) -> int:
    return _forward_to(s, at, ceiling, CLAUSE_END)


def _sentence_start(s: str, at: int, floor: int) -> int:
    return _back_to(s, at, floor, SENTENCE_END)


def _starts_with(s: str, words: tuple[str, ...]) -> str | None:
    """The longest of ``words`` that ``s`` starts with (words are sorted longest first)."""
    if not s.startswith(words):
        return None
    return next(w for w in words if s.startswith(w))


def _past_titles(s: str, cues: Cues, start: int, name: int) -> int:
    """Where the words before a name at ``name`` begin once the titles heading it are set aside
    (国家主席习近平, 国务委员兼外长王毅: the name opens its clause as the subject, its title before it)."""
    opening = s[start:name]
    while title := _ends_with(opening, cues.titles):
        opening = opening[:-len(title)]
    return start + len(opening)


def _past_leads(s: str, start: int, end: int) -> int:
    """Where ``[start, end)`` begins past the marks and spaces that lead a line or close a quotation
    (``LEAD_SYMBOLS``): a subject, a frame or a pronoun is looked for there."""
    span = s[start:end]
    return start + len(span) - len(span.lstrip(LEAD_SYMBOLS))


@lru_cache(maxsize=None)
def _longest_first(*groups: tuple[str, ...]) -> tuple[str, ...]:
    """The words of several cue lists in one tuple, longest first, as :func:`_starts_with` reads them."""
    return tuple(sorted({w for group in groups for w in group}, key=len, reverse=True))


def _ends_with(s: str, words: tuple[str, ...]) -> str | None:
    """The longest of ``words`` that ``s`` ends with."""
    if not s.endswith(words):
        return None
    return next(w for w in words if s.endswith(w))


def _strip_adverbs_end(tail: str, adverbs: tuple[str, ...]) -> str:
    """The words before a verb without the adverbs that end them (新闻发布会 in 新闻发布会再次)."""
    rest = tail.strip(" \t\u3000")
    while rest and (word := _ends_with(rest, adverbs)):
        rest = rest[:-len(word)]
    return rest


def _strip_adverbs(prefix: str, adverbs: tuple[str, ...]) -> str:
    """What is left of a clause prefix once adverbs are removed (empty: the clause only continues)."""
    rest = prefix.strip(" \t\u3000")
    changed = True
    while rest and changed:
        word = _starts_with(rest, adverbs)
        changed = word is not None
        rest = rest[len(word):] if word else rest
    return rest


def _drop_inner(text: _Text, cues: Cues, clauses: list[Clause]) -> list[Clause]:
    """Drop clauses that are words of the statement before them.

    * a clause opening the content of the one before (谭德塞表示，感谢中国…), or
      carrying a subject named in its first sentence (…表示，联合国感谢…，赞赏…);
    * a clause with its own subject and no punctuation before its content, in
      the first sentence (up to a semicolon) of the previous statement's content
      (古特雷斯表示，联合国感谢中方…);
    * a country speaking inside someone's words (默克尔表示，…。德方感谢中方…),
      inside a transcript turn or inside a compilation's attributed passage;
    * outside a chronicle, the same speaker carried on in the first sentence of the words
      (王华表示，…，同时呼吁…: one statement);
    * the body the previous speaker heads or belongs to, named, speaking inside that
      speaker's words (古特雷斯表示，…。联合国赞赏中方…: the secretary-general speaks for it;
      not 声明说, a proxy for it).
    """
    kept: list[Clause] = []
    for clause in sorted(clauses, key=lambda c: (c.start, c.content)):
        previous = kept[-1] if kept and kept[-1].block == clause.block else None
        first_sentence = range(previous.content, _first_words_end(text, cues, previous)) if previous else range(0)
        if previous and (clause.start <= previous.content
                         or (not clause.own_subject and clause.origin in first_sentence)):
            continue
        anew = previous is not None and clause.start in first_sentence and _frames_anew(text, cues, clause, previous)
        if clause.own_subject and not clause.opener and clause.start in first_sentence and not anew:
            continue
        if previous and _goes_on(text, clause, previous) and clause.start in first_sentence and not anew:
            continue
        if clause.country and (previous or _inside_words(text, text.blocks[clause.block])):
            continue
        if previous and clause.start in first_sentence and _at_one_remove(text, cues, clause, previous):
            continue
        if previous and _quoted(text.s, previous.content, clause.start):
            continue
        if previous and previous.speaker and clause.speaker in _own_bodies(text, previous.speaker) \
                and _named_at(text, clause):
            continue
        kept.append(clause)
    return kept


def _at_one_remove(text: _Text, cues: Cues, clause: Clause, previous: Clause) -> bool:
    """Whether a clause with a speaker of its own, inside the first sentence of a person's words in
    Hong Kong prose (genre text in Traditional script, as :func:`_unquoted_words_end` reads it), only
    tells what that person reports another said (甲聲稱，乙說，…; 甲表示，乙也認為，…): the words are the
    person's account, not the other's statement. Only when punctuation opens the person's words
    (甲宣佈不領取…，乙也表示，…: the act ends where 乙 speaks), and not when the other's words open with
    a quotation mark (甲說，乙回應說「…」: the writer quotes the other directly), nor after the writer's
    own question frame (甲表示，…，被問到…，乙說，…: 乙 answers), nor when the other is one of the
    person's joint speakers (甲和乙說，…，乙更說，…: 乙 goes on in his own right)."""
    meta = text.doc.meta
    return (meta.genre in SENTENCE_FRAMED_GENRES and meta.language in SENTENCE_FRAMED_SCRIPTS
            and clause.own_subject and previous.opener and previous.speaker in text.person_keys
            and clause.speaker not in _joint_speakers(text, previous)
            and text.s[clause.content:clause.content + 1] not in OPENING_QUOTES
            and not _after_quotation(text.s, previous.content, clause.start)
            and _asked_inside(text.s, cues, previous.content, clause.start) == clause.start)


def _joint_speakers(text: _Text, clause: Clause) -> tuple[str | None, ...]:
    """The speaker and the others named with it as one subject (甲和乙說, 甲與乙表示, 甲、乙指): they say
    the words together, so one of them framing words anew in their first sentence (甲和乙說，…，乙更說，…)
    speaks in its own right, not at one remove."""
    joint: list[str | None] = []
    before: Mention | None = None
    for mention in text.mentions_in(clause.start, clause.content):
        if before is not None and text.s[before.end:mention.start] not in JOINT_MARKS:
            if clause.speaker in joint:
                break
            joint = []
        joint.append(mention.key)
        before = mention
    return tuple(joint) if clause.speaker in joint else (clause.speaker,)


def _after_quotation(s: str, start: int, at: int) -> bool:
    """Whether words opening with a quotation at ``start`` have closed it before ``at``
    (甲說，「…」，被乙反駁…: what follows the quotation is the writer's)."""
    return s[start:start + 1] in OPENING_QUOTES and not _quoted(s, start, at)


def _quoted(s: str, start: int, at: int) -> bool:
    """Whether ``at`` stands inside a quotation opened after ``start`` (甲說，「…乙值得各國感謝…」):
    a verb there is part of the words quoted."""
    depth = 0
    for char in s[start:at]:
        depth = _quote_depth(depth, char)
    return depth > 0


def _closing_mark(s: str, at: int, end: int) -> int | None:
    """Where the quotation that ``at`` stands inside closes: the first closing mark before ``end``
    with no opening one before it; None when there is none."""
    for pos in range(at, end):
        if s[pos] in OPENING_QUOTES:
            return None
        if s[pos] in QUOTES:
            return pos
    return None


def _inside_quotation_end(s: str, clause: Clause, block_start: int, end: int) -> int:
    """Where the words end when the verb stands inside a quotation opened before it in its block
    and not reported by a verb (醫生說得好：「…但認為…」。他們…): the quotation is someone's words the
    verb is part of, so what follows its closing mark is no longer them."""
    if not _quoted(s, block_start, clause.start):
        return end
    close = _closing_mark(s, clause.content, end)
    return end if close is None else close


def _first_words_end(text: _Text, cues: Cues, clause: Clause) -> int:
    """The end of the first sentence (or semicolon item) of a clause's content, or of its clause when
    a frame word opens it (针对A表示将采购…，B称…: A's words are the frame's topic, B speaks after them)."""
    if _framed(text, cues, clause):
        return _clause_end(text.s, clause.content, len(text.s))
    return _first_item_end(text.s, clause.content)


def _framed(text: _Text, cues: Cues, clause: Clause) -> bool:
    """Whether a frame word (针对) stands right before the clause's speaker in its clause."""
    opening = _clause_start(text.s, clause.start, text.blocks[clause.block].start)
    return _ends_with(text.s[opening:clause.start].strip(LEAD_SYMBOLS), cues.frames) is not None


def _own_bodies(text: _Text, key: str) -> set[str]:
    """The bodies a speaker belongs to, as the document's mentions or the catalogue tell."""
    return (text.affiliations.get(key, set()) | {_parent(text, key)}) - {None}


def _goes_on(text: _Text, clause: Clause, previous: Clause) -> bool:
    """Whether a clause only goes on with the previous speaker's words: the same speaker carried
    over a comma (王华表示，…，同时呼吁…; …，并要求…), one quotation as a report tells it. A
    chronicle's items list each act of a sentence on its own (回信，感谢…，呼吁…)."""
    return (not clause.own_subject and clause.speaker == previous.speaker
            and text.doc.meta.genre not in ACT_LIST_GENRES)


def _frames_anew(text: _Text, cues: Cues, clause: Clause, previous: Clause) -> bool:
    """Whether a clause inside the first sentence of the previous speaker's words frames a new
    stretch of that speaker's words (甲表示，…，又指…; …，认为…; …，他强调…): news prose frames
    each stretch anew, within a sentence too, so the words before end there and the words after are
    a statement of their own. Not next to an appraisal, which names an object, not words (甲感谢…，特别
    感谢…: one gesture; 甲感谢乙的援助，网民…，并认为…: the writer has gone on), nor words
    that open with another person as their subject (甲指，乙外长用…形容…，又强调…: 乙 may go on) or
    frame someone's words themselves (甲称，…，乙反驳，表示…; …向丙表示「…」，又说…: the one framed
    there may go on)."""
    return (text.doc.meta.genre in FRAMING_GENRES and clause.speaker is not None
            and clause.speaker == previous.speaker and not {clause.verb, previous.verb} & set(cues.appraisals)
            and not _other_person_opens(text, cues, previous)
            and not _reports_words(text.s, cues, previous.content, clause.start))


def _other_person_opens(text: _Text, cues: Cues, clause: Clause) -> bool:
    """Whether a clause's words open with a person other than its speaker as their subject
    (甲指，乙外长用…: the clause that goes on after a comma may be 乙's)."""
    head = _opening_subject(text, cues, clause.content)
    return head is not None and head.cls == "Person" and head.key != clause.speaker


def _opening_subject(text: _Text, cues: Cues, start: int) -> Mention | None:
    """The named actor that opens the clause at ``start`` as its subject, if any."""
    stop = _clause_end(text.s, start, len(text.s))
    chain = next(iter(_chains(text, cues, start, stop)), None)
    if chain is None or chain[0].start - start > MAX_SUBJECT_OFFSET:
        return None
    return _chain_head(chain, cues)


def _named_at(text: _Text, clause: Clause) -> bool:
    """Whether a clause opens with its speaker's own name (联合国赞赏…), not a proxy (声明说)."""
    return any(m.start in (clause.start, clause.origin) and m.key == clause.speaker
               for m in text.mentions_in(min(clause.start, clause.origin), clause.content))


def _inside_words(text: _Text, block: Block) -> bool:
    """Whether a block is someone's words already: a transcript turn or an attributed passage."""
    return block.kind == "turn" or (block.start, block.end) in text.attribution_of


def _sentence_end(s: str, at: int) -> int:
    return _forward_to(s, at, len(s), SENTENCE_END)


def _first_item_end(s: str, at: int) -> int:
    """The end of the first sentence, or of its first item when a semicolon lists several
    (新闻稿显示：A…；B赞扬…；B说…: B's words are B's, not the relayer's)."""
    return _forward_to(s, at, len(s), SENTENCE_END + "；;")


def _clause_statements(text: _Text, clauses: list[Clause], cues: Cues) -> list[StatementCandidate]:
    """One statement per reporting clause; content runs to the next clause, the line's or the block's end."""
    found = []
    for i, clause in enumerate(clauses):
        block = text.blocks[clause.block]
        end = block.end
        following = clauses[i + 1] if i + 1 < len(clauses) else None
        if following is not None and following.block == clause.block:
            nearest = min(following.start, following.content)
            end = min(end, nearest, _last_sentence_start(text.s, clause.content, nearest))
        line_end = text.s.find("\n", clause.content, end)
        if line_end >= 0:
            end = line_end
        if clause.stop is not None:
            end = clause.stop
        if _framed(text, cues, clause):
            end = min(end, _clause_end(text.s, clause.content, end))
        if _question_turn(cues, block):
            end = _before_question(text.s, clause.content, end)
        if clause.speaker is None or (clause.appraisal and _bare_appraisal(text, cues, clause, end)):
            continue
        if following is not None and following.block == clause.block and _only_names_next(text.s, clause, following):
            continue
        relayed = block.kind == "turn" and clause.speaker != _turn_speaker_of(text, cues, block)
        if relayed and clause.stop is None:
            end = min(end, _relayed_end(text.s, clause.content, end))
        elif clause.stop is None and text.s[clause.content] in OPENING_QUOTES:
            end = min(end, _quotation_end(text.s, clause.content, end) or end)
        if not relayed and clause.stop is None:
            end = _asked_inside(text.s, cues, clause.content, _writer_resumes(text, cues, clause, end))
            end = _writer_remark(text, cues, clause, end)
            end = _inside_quotation_end(text.s, clause, block.start, end)
            end = _unquoted_words_end(text, cues, clause, end)
        pieces = [(clause.verb, clause.content, end)] if relayed or clause.stop is not None \
            else _framed_pieces(text, cues, clause, end)
        for verb, start, stop in pieces:
            statement = _statement(text, clause.speaker, verb, start, stop, block, relayed=relayed)
            if statement is not None:
                statement = _dated_in_sentence(text, cues, clause, statement)
                found += [statement] + [replace(statement, speaker=key) for key in clause.also]
    return found


def _unquoted_words_end(text: _Text, cues: Cues, clause: Clause, end: int) -> int:
    """Where indirect words end in plain prose (genre text) in Traditional script, as Hong Kong news
    is written: with their first sentence, unless the next sentence goes on with the speaker's speech,
    a quotation (甲指，…。「…」) or the first person (…。我们会…). The writer frames each sentence of
    someone's indirect words anew, so a sentence without a frame is the writer's own: another
    speaker's call, the article's narrative, a columnist's comparison (…。但没有提供更多的细节).
    A news agency's dateline report (article) sums up a speaker's words over several sentences
    (…。这体现了…) and is read as before, and so is plain prose in Simplified script, a mainland
    readout or news story (甲表示，两国是伙伴。乙国抗击疫情…。), which keeps one speaker over several
    sentences with no new frame: the script is the one the read stage finds (``DocMeta.language``),
    the same for a user's corpus as for ours. Words opening with a quotation, or inside one
    (袁又说：「 **…; 「…」他续指，…), end where it closes (:func:`_quotation_end`); a quoted question
    the sentence goes on after (…对吧？」，「…) ends no sentence. A quoted term opening the words or
    a later sentence quotes no sentence of the speaker (甲表示，「五大诉求」缺一不可，…。工会又…;
    …。「乙中心」由丙局拨款…: :func:`_quoted_term`): the writer's sentence goes on after it."""
    s = text.s
    meta = text.doc.meta
    if meta.genre not in SENTENCE_FRAMED_GENRES or meta.language not in SENTENCE_FRAMED_SCRIPTS \
            or (s[clause.content] in OPENING_QUOTES and not _quoted_term(s, clause.content, end)) \
            or s[clause.content - 1] in OPENING_QUOTES or _quoted(s, clause.start, clause.content):
        return end
    for start in _sentence_starts(s, clause.content, end):
        body = _past_leads(s, start, end)
        quoting = s[body:body + 1] in OPENING_QUOTES and not _quoted_term(s, body, end)
        if body < end and not quoting and s[body] not in CLAUSE_END \
                and not _in_first_person(s, cues, body, _forward_to(s, body, end, SENTENCE_END)):
            return start
    return end


def _quoted_term(s: str, start: int, end: int) -> bool:
    """Whether the quotation opening at ``start`` is a term or a phrase the writer's sentence goes on
    after (「政府无能民间自救」希望员工…; 「边境漏洞」说，指…; 「五大诉求」，再加上…): it closes
    before ``end`` with no sentence end right inside or right after its closing mark, so the words
    around it are the writer's indirect ones, not a quotation of the speaker's sentences."""
    close = s.find(CLOSING_OF[s[start]], start, end)
    return close >= 0 and not _closes_sentence(s, close, end)


def _framed_pieces(text: _Text, cues: Cues, clause: Clause, end: int) -> list[tuple[str, int, int]]:
    """A clause's words cut where the writer frames the same speaker's next words inside them
    (甲表示，…，又指…; …，提醒市民…; …，但他坦言…; …，否认…): news prose frames each stretch
    anew, so each stretch is a statement of its own, reported by the verb of its frame. The frames
    the clause stage already reads as clauses end the words before they get here (:func:`_frames_anew`);
    these are the ones it does not: verbs that need their own subject, and words of stance and advice.
    Only in the words' first sentence, where the speaker is still the sentence's subject (…。弟媳是护士，
    建议她…: a later sentence names its own), and not after an appraisal, which names an object, not
    words (甲感谢乙的援助，网民…，并认为…: the writer has gone on). Each piece is (verb, start, end)."""
    pieces, verb, start = [], clause.verb, clause.content
    if text.doc.meta.genre in FRAMING_GENRES and clause.speaker is not None and clause.verb not in cues.appraisals:
        for frame, frame_verb, content in _inner_frames(text, cues, clause, min(end, _sentence_end(text.s, clause.content))):
            pieces.append((verb, start, frame))
            verb, start = frame_verb, content
    return pieces + [(verb, start, end)]


def _inner_frames(text: _Text, cues: Cues, clause: Clause, end: int):
    """Each inner frame of the speaker's words in ``[clause.content, end)``, outside quotation marks:
    (where its clause opens, its verb, where the words it frames start)."""
    depth, piece = 0, clause.content
    for pos in range(clause.content, end):
        depth = _quote_depth(depth, text.s[pos])
        if depth or pos < piece or text.s[pos] not in INNER_FRAME_MARKS:
            continue
        found = _inner_frame_at(text, cues, clause, pos + 1, end)
        if found is not None and _speaker_frames(text, cues, clause, piece, pos + 1):
            yield _after_connective(text.s, cues, piece, pos + 1), found[0], found[1]
            piece = found[1]


def _after_connective(s: str, cues: Cues, piece: int, frame: int) -> int:
    """Where the words before a frame end: before a clause that holds only a connective
    (…，此外，也呼吁…: 此外 opens the frame's words), else at the frame."""
    opening = _clause_start(s, frame - 1, piece)
    return opening if opening > piece and s[opening:frame - 1].strip() in cues.connectives else frame


def _inner_frame_at(text: _Text, cues: Cues, clause: Clause, at: int, end: int) -> tuple[str, int] | None:
    """The verb and content start of a frame opening the clause at ``at`` with no subject but the
    speaker's: lead words (但, 又, 并, 故), at most one pronoun that stands for the speaker, then a verb
    of ``inner_frame`` (提醒, 质疑, 坦言), or of ``led_frame`` (指, 说, 表示) after a lead word or
    pronoun, whose bare form after a comma often has another subject (…求助，指诊所…)."""
    lead = _speaker_lead(text, cues, clause, at, end)
    if lead is None:
        return None
    s, (pos, led, _pronoun) = text.s, lead
    verb = _starts_with(s[pos:end], _longest_first(cues.inner_frames, cues.led_frames))
    if verb is None or (verb in cues.led_frames and not led) or s.startswith(cues.naming, pos):
        return None
    content, opener = _content_start(s, pos + len(verb), end, cues.openers)
    if content >= end or s[content] in CLAUSE_END or (not opener and s[content] in NOT_DIRECT_START):
        return None
    return verb, content


def _speaker_lead(text: _Text, cues: Cues, clause: Clause, at: int, end: int) -> tuple[int, bool, bool] | None:
    """Past the lead words of the clause opening at ``at`` (but, and, also: 但, 并, 亦, 故) and at most one
    pronoun: where its predicate starts, whether any lead word or pronoun stood there, and whether the
    pronoun did; None when the pronoun stands for someone other than the speaker (the clause is that
    person's). A clause whose only subject is the speaker's goes on with the speaker or speaks of him."""
    s, pos, led, pronoun = text.s, at, False, False
    while pos < end and s[pos] in " \t\u3000":
        pos += 1
    while True:
        word = _starts_with(s[pos:pos + MAX_FRAME_LEAD], _longest_first(cues.connectives, cues.adverbs, cues.frame_leads))
        if word is None and not pronoun and _pronoun_at(s[pos:end], cues):
            if _last_person_subject(text, cues, pos, text.blocks[clause.block].start,
                                    s.startswith(cues.she, pos)) != clause.speaker:
                return None
            word, pronoun = s[pos], True
        if word is None:
            return pos, led, pronoun
        pos, led = pos + len(word), True


def _speaker_frames(text: _Text, cues: Cues, clause: Clause, piece: int, frame: int) -> bool:
    """Whether the frame opening at ``frame`` is the speaker's, not another subject's the words name
    before it: not after words someone else is reported to say (…，乙反驳，表示…; …发布的指引建议，…),
    nor after a noun of speech or writing (…收到市民投诉，指…; …取得一份报告，指…，希望…: the text
    says it), nor after a clause whose subject is another person (…王某打电话给她，表示…), nor
    after a clause of condition, concession or time, which the frame's clause completes (…，若没有
    支援，相信…; …，后者出席会议时，进一步解释…)."""
    s = text.s
    if _reports_words(s, cues, piece, frame) or _frame_with_words(s, cues, piece, frame) \
            or any(_ends_with(s[piece:pos], cues.speech_nouns) for pos in range(piece, frame) if s[pos] in CLAUSE_END):
        return False
    before = s[_clause_start(s, frame - 1, piece):frame - 1].strip(LEAD_SYMBOLS)
    if _starts_with(before, cues.subordinates) or _ends_with(before, cues.frame_closes):
        return False
    for opening in {_clause_start(s, frame - 1, piece), piece}:
        head = _opening_subject(text, cues, _past_leads(s, opening, frame))
        if head is not None and head.key != clause.speaker and head.cls == "Person":
            return False
    return True


def _frame_with_words(s: str, cues: Cues, start: int, end: int) -> bool:
    """Whether a verb of an inner frame stands in ``[start, end)`` with the punctuation that opens
    words after it (…指引建议，…): someone's words are reported there, whose subject may go on."""
    verbs = _longest_first(cues.inner_frames, cues.led_frames)
    return any(s.startswith(verb, pos) and s[pos + len(verb):pos + len(verb) + 1] in cues.openers
               and s[pos + len(verb):pos + len(verb) + 1]
               for pos in range(start, end) for verb in verbs if s[pos] == verb[0])


def _only_names_next(s: str, clause: Clause, following: Clause) -> bool:
    """Whether a clause's words are only a fragment opening the next clause (甲社指，另一傳媒乙報說，…;
    甲說：「乙表示，…): what it reports is the next speaker's words, told there. A longer stretch may be
    the speaker's own words that a clause the stage misread cuts short (甲直言，部分人期望乙能…)."""
    stretch = s[clause.content:following.start]
    return following.start >= clause.content and len(stretch) <= MAX_FRAGMENT \
        and not any(c in CLAUSE_END for c in stretch)


def _last_sentence_start(s: str, start: int, at: int) -> int:
    """Where the sentence holding ``at`` begins, when a sentence ends between ``start`` and it (else
    ``at``): the words before the next frame end with their sentence, and what opens the frame's
    sentence is the writer's (…。至於…被追討，周表示，… / …。被問及…時，周稱，…)."""
    starts = list(_sentence_starts(s, start, at + 1))
    return starts[-1] if starts else at


def _writer_resumes(text: _Text, cues: Cues, clause: Clause, end: int) -> int:
    """Where the writer takes over from the speaker's words: before the first sentence after the
    first (outside quotation marks) that opens with another named person (…。乙國外長趙某周日也說 /
    對此表示遺憾), or that speaks of the speaker in the third person, by name or, for a person, by
    pronoun (…。他沒有說… / 王某的研究在…進行 / 按照…，世衛可建議 are the writer's; not in a
    broadcast, which reads out bodies' directives that name their own body), or that opens with
    the writer's own frame (…。被問到…, 翻查資料…). Indirect words may run over several
    sentences (A表示，…。這體現了…): those go on, and so do sentences in the first person
    (…。乙國國王向我們表達慰問) or naming a person before the title, as a speaker does (…。趙某主席親自指揮…)."""
    person = _is_person(text, clause.speaker)
    for start in _sentence_starts(text.s, clause.content, end):
        body = _past_leads(text.s, start, end)
        if (person and _pronoun_at(text.s[body:end], cues)) or _starts_with(text.s[body:end], cues.writer_opens) \
                or _frames_words(text.s, cues, body, end):
            return start
        stop = _forward_to(text.s, body, end, SENTENCE_END)
        if _pronoun_frame_in(text.s, cues, body, stop):
            return start
        if text.s[stop:stop + 1] in QUESTION_MARKS and text.doc.meta.genre in PROSE_GENRES \
                and not _quoted(text.s, clause.content, stop) and _closing_mark(text.s, stop, end) is None:
            return start  # …。那麼，為何…？: news prose quotes a speaker's questions; one told bare is the writer's
        if (person or text.doc.meta.genre not in SELF_NAMING_GENRES) \
                and any(m.key == clause.speaker for m in _outside_quotes(text, body, stop)):
            return start
        chain = next(iter(_chains(text, cues, body, _clause_end(text.s, body, end))), None)
        if chain and chain[0].start - body <= MAX_SUBJECT_OFFSET and not _in_first_person(text.s, cues, body, stop):
            head = _chain_head(chain, cues)
            if head.cls == "Person" and head.key and head.key != clause.speaker and not _anonymous(head, cues) \
                    and not text.s.startswith(cues.modifiers + cues.titles, head.end):
                return start
    return end


def _asked_inside(s: str, cues: Cues, start: int, end: int) -> int:
    """Where the writer's own question frame opens a clause of the words (…，被问到何时开始，…; …，她今早
    被问及…): the words end before it, as they do before such a sentence (:func:`_writer_resumes`);
    a frame inside quotation marks is the speaker's own."""
    depth = 0
    for pos in range(start, end):
        depth = _quote_depth(depth, s[pos])
        if depth or s[pos] not in CLAUSE_END or s[pos] in SENTENCE_END:
            continue
        lead = s[pos + 1:_clause_end(s, pos + 1, min(end, pos + 1 + MAX_ASKED_LEAD + MAX_ASKED_WORD))]
        if any(0 <= lead.find(word) <= MAX_ASKED_LEAD for word in cues.asked):
            return pos + 1
    return end


def _writer_remark(text: _Text, cues: Cues, clause: Clause, end: int) -> int:
    """Where the writer's remark on what the speaker left unsaid opens a clause of indirect words in news
    prose (甲表示，会加强检测，但没有提供更多的细节; …，但她没有透露延长多久; …，未有回应会否…): the
    clause has no subject but the speaker's, a negation and a verb of answering (:func:`_remark_at`), so
    it tells how the speaker answered, not what; the words end before it, or before the clause leading
    to it when that one names the speaker by pronoun (…，但她以…为由，未有交代…). Not when the words
    before it give it another subject and the remark names no one: a named actor opening one of their
    clauses, someone's words they report (甲说，…，警方后来说…，但并没有说明原因), a clause of time or
    condition it completes (甲批评，政府推行措施前，并没有提供指引) (:func:`_speaker_frames`): the one who
    did not say is that other, in the speaker's words. Nor in words opening with or inside a quotation."""
    s = text.s
    if text.doc.meta.genre not in FRAMING_GENRES or text.blocks[clause.block].kind == "turn" \
            or s[clause.content] in OPENING_QUOTES or s[clause.content - 1] in OPENING_QUOTES \
            or _quoted(s, clause.start, clause.content):
        return end
    depth, opening = 0, clause.content
    for pos in range(clause.content, end):
        depth = _quote_depth(depth, s[pos])
        if depth or s[pos] not in INNER_FRAME_MARKS:
            continue
        remark = _remark_at(text, cues, clause, pos + 1, end)
        if remark is not None and (remark or (_speaker_frames(text, cues, clause, clause.content, pos + 1)
                                              and not _other_subject(text, cues, clause, pos))):
            lead = _speaker_lead(text, cues, clause, opening, pos)
            return opening if opening > clause.content and lead is not None and lead[2] else pos + 1
        opening = pos + 1
    return end


def _remark_at(text: _Text, cues: Cues, clause: Clause, at: int, end: int) -> bool | None:
    """Whether the clause at ``at`` is the writer's remark on the speaker's answer: past lead words and
    the speaker's pronoun, a negation (没有, 未有, 并未, 拒绝), perhaps a manner word (正面, 详细), then a
    verb of ``remark`` (回应, 交代, 透露), or of ``led_remark`` (提供) after a lead word or the pronoun,
    which bare often goes on with the speaker's own account of another (…，但就以…作掩饰，没有提供详情).
    None when it is not; else whether the pronoun names the speaker as its subject."""
    lead = _speaker_lead(text, cues, clause, at, end)
    if lead is None:
        return None
    s, (pos, led, pronoun) = text.s, lead
    negation = _starts_with(s[pos:end], cues.remark_negations)
    if negation is None:
        return None
    pos += len(negation)
    pos += len(_starts_with(s[pos:end], cues.remark_manners) or "")
    verb = _starts_with(s[pos:end], _longest_first(cues.remarks, cues.led_remarks))
    return pronoun if verb is not None and (led or verb in cues.remarks) else None


def _other_subject(text: _Text, cues: Cues, clause: Clause, before: int) -> bool:
    """Whether a clause of the speaker's words before ``before`` opens with a named actor other than the
    speaker and the bodies it belongs to (甲说，…，但警方…: the words tell that actor's acts)."""
    own = {clause.speaker} | _own_bodies(text, clause.speaker or "")
    openings = [clause.content] + [pos + 1 for pos in range(clause.content, before) if text.s[pos] in CLAUSE_END]
    for opening in openings:
        head = _opening_subject(text, cues, _past_leads(text.s, opening, before))
        if head is not None and head.key not in own:
            return True
    return False


def _pronoun_frame_in(s: str, cues: Cues, body: int, stop: int) -> bool:
    """Whether a later clause of a sentence opens with a pronoun and a reporting verb (…。至於社區爆發的
    定義，她指要視乎…): the writer frames someone's words there, so the sentence is not the words
    before it; the topic clause before the frame is the writer's lead-in."""
    pos = _forward_to(s, body, stop, CLAUSE_END) + 1
    while pos < stop:
        rest = s[pos:stop].lstrip(LEAD_SYMBOLS)
        if _pronoun_at(rest, cues):
            after = _strip_adverbs(rest[1:], cues.adverbs)
            if cues.pattern.match(after):
                return True
        pos = _forward_to(s, pos, stop, CLAUSE_END) + 1
    return False


def _frames_words(s: str, cues: Cues, body: int, end: int) -> bool:
    """Whether a sentence opens with a frame of its own, a short subject and a reporting verb and
    nothing else before the words (…。劉指，… / 報道又指，… / 該名隊友表示：…): Hong Kong news prose
    frames each sentence of someone's indirect words anew, so the words before it end there, whoever
    speaks next. Not a saying that is part of the words (對我來說，…, 換句話說，…) nor the first person."""
    stop = _clause_end(s, body, end)
    match = cues.pattern.search(s, body, stop)
    if match is None or match.end() != stop or s[stop:stop + 1] not in "，,：:":
        return False
    subject = s[body:match.start()]
    if len(subject) > MAX_FRAME_SUBJECT or any(c in QUOTES or c in OPENING_QUOTES for c in subject):
        return False
    return not _starts_with(subject, cues.self_words) and _ends_with(s[body:stop], cues.not_frames) is None


def _quote_depth(depth: int, char: str) -> int:
    """How many quotations are open after ``char``, given ``depth`` open before it."""
    if char in OPENING_QUOTES:
        return depth + 1
    return max(0, depth - 1) if char in QUOTES else depth


def _in_first_person(s: str, cues: Cues, start: int, end: int) -> bool:
    """Whether a sentence speaks in the first person outside quotation marks (…。西国国王向我们表达
    慰问…): the speaker's own words, told without quotation marks, go on."""
    depth = 0
    for pos in range(start, end):
        depth = _quote_depth(depth, s[pos])
        if depth == 0 and s.startswith(cues.self_words, pos):
            return True
    return False


def _is_person(text: _Text, key: str | None) -> bool:
    """Whether a speaker key names a person (a mention of it in the document says so); looked up in
    the keys indexed once, as a scan of every mention for every clause was quadratic in a document's length."""
    return key in text.person_keys


def _sentence_starts(s: str, start: int, end: int):
    """The starts of the sentences after the first in ``[start, end)``, outside quotation marks."""
    depth = 0
    for pos in range(start, end):
        char = s[pos]
        depth = _quote_depth(depth, char)
        closes = char in QUOTES and depth == 0 and pos > start and s[pos - 1] in SENTENCE_END  # 「…。」被問到…
        if (closes or char in SENTENCE_END and depth == 0) and pos + 1 < end:
            after = pos + 1
            while after < end and s[after] in QUOTES:
                after += 1
            if after < end:
                yield after


def _outside_quotes(text: _Text, start: int, end: int) -> list[Mention]:
    """The mentions of ``[start, end)`` that stand outside quotation marks opened there."""
    found, depth, pos = [], 0, start
    for mention in text.mentions_in(start, end):
        for char in text.s[pos:mention.start]:
            depth = _quote_depth(depth, char)
        pos = mention.start
        if depth == 0:
            found.append(mention)
    return found


def _relayed_end(s: str, start: int, end: int) -> int:
    """Where words a transcript turn relays end: with their sentence (A称，B。 then the turn's own
    comment), or with the quotation they open when it closes a sentence (see :func:`_quotation_end`)."""
    closed = _quotation_end(s, start, end)
    return closed if closed is not None else min(_forward_to(s, start, end, SENTENCE_END) + 1, end)


def _quotation_end(s: str, start: int, end: int) -> int | None:
    """Where words that open with a quotation end when the quotation closes a sentence: after its
    closing mark (称：“B。C。”他没有说… → “B。C。”; what follows is the writer's, or words another
    clause reports). None for a quoted term that the sentence goes on after (表示，“三不”，也就是…)."""
    opening = s[start - 1:start] if s[start:start + 1] not in OPENING_QUOTES else s[start]
    if opening and opening in OPENING_QUOTES:
        close = s.find(CLOSING_OF[opening], start, end)
        if close >= 0 and _closes_sentence(s, close, end):
            return _past_gloss(s, close + 1, end)
    return None


def _closes_sentence(s: str, close: int, end: int) -> bool:
    """Whether the quotation closing at ``close`` ends a sentence: a sentence end right inside its
    closing mark, or right after it or after the gloss that follows it (「…」（I am more concerned）。)."""
    after = _past_gloss(s, close + 1, end)
    return s[close - 1] in SENTENCE_END or s[after:after + 1] in ("", *SENTENCE_END)


def _past_gloss(s: str, pos: int, end: int) -> int:
    """Past a gloss in brackets at ``pos`` that gives the words before it in their own language or
    their source (「我现在更为担心」（I am more concerned）。): it belongs to the quotation."""
    gloss = GLOSS.match(s, pos, end)
    return gloss.end() if gloss else pos


def _before_question(s: str, start: int, end: int) -> int:
    """Where words a reporter relays end: before the first sentence of ``[start, end)`` that asks
    (…称，A。中方对此有何回应？ → A), or before the asking clause of the first sentence
    (…称，A，中方对此有何评论？ → A); the question is the reporter's own."""
    sentence = clause = start
    for pos in range(start, end):
        if s[pos] in QUESTION_MARKS:
            return sentence if sentence > start else (clause if clause > start else end)
        if s[pos] in SENTENCE_END:
            sentence = clause = pos + 1
        elif s[pos] in CLAUSE_END:
            clause = pos + 1
    return end


def _bare_appraisal(text: _Text, cues: Cues, clause: Clause, end: int) -> bool:
    """Whether an appraisal is a gesture the text reports rather than words: it stands alone
    (no sentence follows it in the content) and what it appraises is only an actor's help or
    a pronoun (对中方援助表示感谢, 对此表示感谢), not an action told in a clause
    (对中方及时通报疫情表示赞赏)."""
    content = text.s[clause.content:end].rstrip(TRIM + SENTENCE_END)
    if any(c in SENTENCE_END for c in content):
        return False
    topic = _starts_with(content, cues.topics)
    verb = content.find(clause.verb)
    if topic is None or verb < 0:
        return False
    start, stop = clause.content + len(topic), clause.content + verb
    rest = text.s[start:stop]
    for mention in reversed(text.mentions_in(start, stop)):
        rest = rest[:mention.start - start] + rest[mention.end - start:]
    rest = rest.replace(cues.possessive, "")
    return rest in cues.anaphoric or len(rest) <= MAX_BARE_TOPIC


def _turn_speaker_of(text: _Text, cues: Cues, block: Block) -> str | None:
    """The speaker of a turn block (remembered: asked once per reporting clause inside it)."""
    if block.start not in text.turn_speakers:
        text.turn_speakers[block.start] = _turn_speaker(text, cues, block) if block.speaker else None
    return text.turn_speakers[block.start]


def _dated_in_sentence(text: _Text, cues: Cues, clause: Clause, statement: StatementCandidate) -> StatementCandidate:
    """The statement dated by a date in the speaker's own sentence (3月12日晚，王华表示…; 王华昨天表示…).

    An explicit or relative day there wins over the block's day and over an occasion on
    another day. 日前/近日/此前 only bound the day: in a chronicle item it is the item's day
    (already given); in prose it leaves the day unknown, as does 同日/当天 with no day written
    before it, and a date that bounds a time (截至5月3日, 5月1日以来) is no day of the words.
    """
    block = text.blocks[clause.block]
    if not _dated_block(text, block) and _has_any(text.s[clause.start:clause.content], cues.earlier):
        return replace(statement, date=None, during=None)
    sentence = _sentence_start(text.s, clause.start, block.start)
    prefix = text.s[sentence:clause.content]
    reference = _reference(text, block)
    spans = [span.moved(sentence) for span in find_date_spans(prefix, text.analysis.document.meta.year, reference)
             if span.date and _ends_with(prefix[:span.start].rstrip(), cues.undated) is None
             and not prefix.startswith(cues.bound, span.end)]
    spans = spans or _day_after_speaker(text, clause, block)
    if not spans:
        return statement
    span = spans[-1]
    day = _told_from(text, block, span)
    if span.approx or day is None:
        return statement if _dated_block(text, block) else replace(statement, date=None, during=None)
    during = statement.during
    if during is not None and text.analysis.events[during].date != day:
        during = None
    return replace(statement, date=day, during=during)


def _reference(text: _Text, block: Block) -> dt.date | None:
    """The day relative words count from: the block's, else the document's (a paragraph of an article read
    under an undated heading still tells its 周二 from the day it was published)."""
    return block.date or text.analysis.document.meta.date


def _told_from(text: _Text, block: Block, span: DateSpan) -> dt.date | None:
    """The day a date ``span`` (in ``text.s``) names: 同日/当天 count from the day written before them
    (上月21日《某报》引述…，某办当日回覆…), within a chronicle item or turn only; None when no day is written there."""
    if not anaphoric(span, text.s):
        return span.date
    floor = block.start if block.kind in DATED_BLOCKS else 0
    return counted_from_told(text.s, span, _reference(text, block), floor)


def _day_after_speaker(text: _Text, clause: Clause, block: Block) -> list:
    """A bare day written right after the speaker's name (南官杓21日接受采访时表示; 众议院17日通过决议，
    谴责…): a day of the reference month, as after a comma (a bare day elsewhere may be a count: 连续10日).
    Its span is in ``text.s``."""
    named = text.mentions_in(min(clause.start, clause.origin), clause.content)
    if not named:
        return []
    speaker = next((m for m in named if m.key == clause.speaker), named[-1])
    tail = text.s[speaker.end:_clause_end(text.s, speaker.end, clause.content)]
    return [span.moved(speaker.end - 1)
            for span in find_date_spans("，" + tail, text.analysis.document.meta.year, _reference(text, block))
            if span.date and span.start == 1]


def _statement(text: _Text, speaker: str, verb: str, start: int, end: int, block: Block,
               occasion: int | None = None, relayed: bool = False) -> StatementCandidate | None:
    """A candidate for the content ``[start, end)`` trimmed of edge punctuation.

    ``occasion`` is the event the words are known to belong to (a turn's
    press conference, a passage's attributed occasion); otherwise it is found
    from where the words stand (see :func:`_occasion`). ``relayed``: the words
    of someone a transcript turn quotes, not of the turn's speaker.
    """
    while start < end and text.s[start] in TRIM:
        start += 1
    while end > start and text.s[end - 1] in TRIM:
        end -= 1
    if end <= start:
        return None
    evidence = text.doc.raw_span(start, end)
    during = occasion if occasion is not None else _occasion(text, speaker, block, evidence.start, relayed)
    return StatementCandidate(speaker=speaker, verb=verb, text=text.s[start:end],
                              date=_said_on(text, block, during, relayed), evidence=evidence, during=during)


def _occasion(text: _Text, speaker: str, block: Block, raw_start: int, relayed: bool = False) -> int | None:
    """The event a reported statement was said in.

    In an attributed passage, the occasion its line names; in a chronicle
    bullet or an article paragraph, the event told earlier in the same block,
    and so for someone a transcript turn quotes when that one took part in it
    (昨天，A同B通电话。A表示…);
    else (not for the quoted) the press conference the speaker took part in,
    when the document tells one that day; else, in prose, the event it is
    about when the speaker takes part in it.
    """
    line = text.attribution_of.get((block.start, block.end))
    if line is not None:
        return _event_in(text, line)
    found = None if block.kind == "turn" and not relayed else _event_before(text, block, raw_start)
    if relayed and found is not None and speaker not in text.analysis.events[found].participants:
        found = None
    if found is None and not relayed:
        found = _briefing_of(text, speaker, block.date)
    if found is None and _prose(text, block):
        found = _lead_event(text, speaker, _story_bounds(text, raw_start))
    return found


def _prose(text: _Text, block: Block) -> bool:
    """Prose tells its words at the event it is about: an article, or the report printed after a
    speech or letter (习近平在复信中表示… goes on reporting the letter the text names)."""
    genre = text.doc.meta.genre
    return genre in PROSE_GENRES or (genre in REPORTED_TEXT_GENRES and block.kind == "paragraph")


def _story_bounds(text: _Text, raw_start: int) -> tuple[int, int]:
    """The raw range of the story a position belongs to: a broadcast script's item (from its
    headline to the next), else the whole document."""
    starts = text.headline_starts
    i = bisect_left(starts, raw_start + 1) - 1
    if i < 0:
        return 0, starts[0] if starts else len(text.doc.raw)
    return starts[i], starts[i + 1] if i + 1 < len(starts) else len(text.doc.raw)


def _lead_event(text: _Text, speaker: str, story: tuple[int, int]) -> int | None:
    """The event a story is about (the first it tells), when the speaker or the body the
    speaker belongs to takes part in it: a later paragraph's 习近平指出 / 谭德塞在开幕式上表示
    goes on reporting that occasion; words of anyone else are quoted from elsewhere. A story
    is an article, or one item of a broadcast script."""
    position = bisect_left(text.event_starts, (story[0],))
    if position >= len(text.event_starts) or text.event_starts[position][0] >= story[1]:
        return None
    index = text.event_starts[position][1]
    parties = set(text.analysis.events[index].participants)
    belongs = {m.affiliation for m in text.mentions if m.key == speaker and m.affiliation}
    belongs |= {_parent(text, key) for key in belongs} - {None}
    return index if speaker in parties or belongs & parties else None


def _parent(text: _Text, key: str) -> str | None:
    """The actor a body belongs to (a minister's ministry -> its country), from the document or
    the catalogue: a minister of a country that takes part speaks at the event too."""
    told = next((a.affiliation for a in text.analysis.actors if a.key == key and a.affiliation), None)
    known = text.catalogue.actors.get(key) if text.catalogue is not None else None
    return told or (known.affiliation if known is not None else None) or None


def _said_on(text: _Text, block: Block, during: int | None, relayed: bool = False) -> dt.date | None:
    """When the words were said: the day of their occasion, of their chronicle item or
    passage, or of their turn; words quoted in an article without an occasion have no known day,
    nor have words a turn quotes, unless their occasion's own day is told."""
    if during is not None:
        day = text.analysis.events[during].date
        return day if day is not None or relayed else block.date
    if relayed:
        return None
    if _dated_block(text, block) or (block.start, block.end) in text.attribution_of:
        return block.date
    return None


def _dated_block(text: _Text, block: Block) -> bool:
    """Whether words in the block were said on the block's day: a chronicle item, a turn, a speech, or
    a paragraph of a broadcast (its interviews and reports speak on the broadcast day)."""
    return block.kind in DATED_BLOCKS or (block.kind == "paragraph" and text.doc.meta.genre in DATED_GENRES)


def _event_before(text: _Text, block: Block, raw_start: int) -> int | None:
    """The event told earlier in the same block: a statement there was said during it."""
    span = text.raw_block(block)
    if span is None:
        return None
    events = text.analysis.events
    for position in range(bisect_left(text.event_starts, (raw_start,)) - 1, -1, -1):
        start, index = text.event_starts[position]
        if start < span.start:
            break
        if events[index].evidence.end <= span.end:
            return index
    return None


def _briefing_of(text: _Text, speaker: str, day: dt.date | None) -> int | None:
    """The press conference, told elsewhere in the document on the same day, that the speaker took part in.

    A participant is one the event names, or one named in the block that
    tells it (国新办举行新闻发布会，外交部副部长罗照辉…介绍了…).
    """
    for index, event in enumerate(text.analysis.events):
        if event.cls == "PressConference" and event.date in (day, None) and (
                speaker in event.participants or speaker in text.named_around(event.evidence)):
            return index
    return None


def _press_conference(text: _Text, day: dt.date | None) -> int | None:
    """The press conference a transcript records: the first one its events tell on the turn's
    day (or undated); a written interview that tells only an earlier one records none."""
    return next((i for i, e in enumerate(text.analysis.events)
                 if e.cls == "PressConference" and (day is None or e.date in (day, None))), None)


# --- transcript turns ------------------------------------------------------------

def _turn_statements(text: _Text, cues: Cues):
    """Each speaker's turn is one statement of that speaker, during the press conference."""
    for block in text.blocks:
        if block.kind != "turn" or not block.speaker:
            continue
        speaker = _turn_speaker(text, cues, block)
        if speaker is None:
            continue
        statement = _statement(text, speaker, cues.turn_verb, _body_start(text, block), block.end,
                               block, _press_conference(text, block.date))
        if statement is not None:
            yield statement


def _speech_statements(text: _Text):
    """Each paragraph of a speech's or letter's own words is one statement of its author."""
    for block in text.blocks:
        if block.kind != "speech" or not block.speaker:
            continue
        author = _author(text, block.speaker)
        statement = _statement(text, author, block.attribution or "", block.start, block.end, block)
        if statement is not None:
            yield statement


def _author(text: _Text, name: str) -> str:
    """The actor key of a speech's author: the actor named so in the text (a person first), else a
    person of that name."""
    named = [m for m in text.mentions if m.key and m.surface in name]
    person = next((m.key for m in named if m.cls == "Person"), None)
    return person or (named[0].key if named else f"person/{name}")


def _turn_speaker(text: _Text, cues: Cues, block: Block) -> str | None:
    """The actor key of a turn's label: a named person, a reporter's outlet, the moderator.

    A reporter speaks for the outlet: an organisation named at the start of
    the label (中央广播电视总台央视记者), else the label without its
    reporter word (日本朝日新闻记者 → 日本朝日新闻), else for a bare 记者 the
    organisation named just before the label (请新华社记者提问). A role label
    (主持人) is the person holding that role in the document; in a 问/答
    transcript 答 is the host (the spokesperson) and 问 the outlet named just before.
    """
    label = block.speaker.strip()
    at = text.s.rfind(label, max(0, block.start - len(label) - 4), block.start + 1)
    inside = text.mentions_in(at, at + len(label)) if at >= 0 else []
    reporter = _ends_with(label, cues.reporter)
    if reporter:
        name, offset = _outlet_name(label[:-len(reporter)])
        outlet = next((m.key for m in inside if m.start == at + offset and m.key and m.cls in OUTLET_CLASSES), None)
        if name:
            return outlet or _catalogued_outlet(text, name) or f"org/{name}"
        return _outlet_before(text, cues, at) or _asker_before(text, cues, block)
    if label in cues.followups:
        return _asker_before(text, cues, block)
    person = next((m.key for m in inside if m.cls == "Person" and m.key), None)
    same = next((m.key for m in text.mentions if m.surface == label and m.key), None)
    if person or same:
        return person or same
    if label in cues.roles:
        return _role_holder(text, label)
    if label in cues.answers:
        return _host(text, cues)
    if label in cues.questions:
        return _outlet_on_line(text, at if at >= 0 else block.start)
    return f"person/{label}"


def _catalogued_outlet(text: _Text, name: str) -> str | None:
    """The catalogue's outlet of that name, when the label's mention was not found where expected:
    one node per outlet, however its reporters are labelled."""
    if text.catalogue is None:
        return None
    keys = text.catalogue.keys_for(name)
    return next((k for k in keys if text.catalogue.actors[k].cls in OUTLET_CLASSES), None)


def _asker_before(text: _Text, cues: Cues, block: Block) -> str | None:
    """Who asks a follow-up question (追问：) or answers the host back under a bare 记者: label:
    the asker of the last question turn before it."""
    for earlier in reversed([b for b in text.blocks if b.kind == "turn" and b.end <= block.start]):
        asker = _turn_speaker_of(text, cues, earlier) if _question_turn(cues, earlier) else None
        if asker is not None:
            return asker
    return None


def _outlet_name(name: str) -> tuple[str, int]:
    """The outlet a reporter label names and where it starts in the label: the title inside
    《》 when there is one (巴西《环球报》 → 环球报: the country only says where it is from)."""
    opening, closing = name.find("《"), name.find("》")
    if 0 <= opening < closing:
        return name[opening + 1:closing], opening + 1
    return name, 0


def _host(text: _Text, cues: Cues) -> str | None:
    """Who answers in a 问/答 transcript: the first person named with a host's role (发言人耿爽),
    else the body whose unnamed host the text names (外交部发言人 → 外交部)."""
    person = next((m.key for m in text.mentions if m.cls == "Person" and m.key and m.role
                   and _ends_with(m.role, cues.hosts)), None)
    return person or next((m.key for m in text.mentions if m.cls != "Person" and m.key
                           and text.s.startswith(cues.hosts, m.end)), None)


def _outlet_on_line(text: _Text, at: int) -> str | None:
    """The outlet named before a 问 label on its own line (（新华社）问：); none for a bare 问."""
    line_start = text.s.rfind("\n", 0, at) + 1
    before = text.mentions_in(line_start, at)
    return next((m.key for m in reversed(before) if m.cls in OUTLET_CLASSES and m.key), None)


def _outlet_before(text: _Text, cues: Cues, at: int) -> str | None:
    """The outlet invited just before a bare reporter label (请新华社记者提问。记者：): an organisation
    followed by the reporter word; any other name before it belongs to the previous answer."""
    before = text.mentions_in(max(0, at - REPORTER_LOOKBACK), max(0, at))
    return next((m.key for m in reversed(before) if m.cls in OUTLET_CLASSES and m.key
                 and text.s.startswith(cues.reporter, m.end)), None)


def _role_holder(text: _Text, role: str) -> str | None:
    """The person a role label stands for: a mention with that role, or the name right after the role."""
    holder = next((m.key for m in text.mentions if m.cls == "Person" and m.role == role and m.key), None)
    if holder:
        return holder
    for m in text.mentions:
        if m.cls == "Person" and m.key and text.s[max(0, m.start - len(role) - 2):m.start].find(role) >= 0:
            return m.key
    return None


# --- compilation passages ------------------------------------------------------

def _passage_statements(text: _Text, clauses: list[Clause], cues: Cues) -> list[StatementCandidate]:
    """The paragraphs before a ``——`` line are the words of the actor that line names."""
    found = []
    speaker = None
    for passage, line in _passages(text.blocks):
        line_speaker = _attribution_speaker(text, cues, line)
        speaker = line_speaker or speaker
        if speaker is None:
            continue
        start, end = passage[0].start, passage[-1].end
        first = min((c.origin for c in clauses if start <= c.start < end), default=end)
        if len(re.sub(r"\W", "", text.s[start:first])) < MIN_PASSAGE_PREFIX:
            continue
        statement = _statement(text, speaker, cues.passage_verb, start, first, passage[0], _event_in(text, line))
        if statement is not None:
            found.append(statement)
    return found


def _passages(blocks: tuple[Block, ...]):
    """``(paragraph blocks, attribution block)`` for each attributed passage of a compilation."""
    current: list[Block] = []
    for block in blocks:
        if block.kind == "attribution":
            if current:
                yield current, block
            current = []
        elif block.kind == "paragraph" and block.attribution:
            current.append(block)
        elif block.kind in ("heading", "section"):
            current = []


def _attribution_speaker(text: _Text, cues: Cues, line: Block) -> str | None:
    """The actor an attribution line names first as subject (——3月4日，习近平主持…)."""
    pos = line.start
    while pos < line.end:
        stop = _clause_end(text.s, pos, line.end)
        found = _clause_subject(text, cues, pos, stop, line.start)
        if found is not None and found.key:
            return found.key
        pos = stop + 1
    return None


def _event_in(text: _Text, line: Block) -> int | None:
    """The event whose evidence lies in an attribution line: the occasion of the passage."""
    span = text.raw_block(line)
    if span is None:
        return None
    return next((i for i, e in enumerate(text.analysis.events)
                 if span.start <= e.evidence.start and e.evidence.end <= span.end), None)
