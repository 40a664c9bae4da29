"""Find the actors a document names: catalogue matches, then discovery.

Reads ``Analysis.document.text`` (the Simplified matching view) and
``Analysis.blocks``; fills ``Analysis.mentions`` and ``Analysis.actors``.

Finding runs in passes, each over the whole text:

1. catalogue surfaces, longest match first (an Aho-Corasick automaton, so
   long documents stay fast), together with joint forms (中日韩外长 → three countries),
   organisations recognised by their ending (…大学, …医院) and media outlets
   in reporters' speaker lines (路透社记者:);
2. titled persons after an actor (意大利外长迪马约, 世界卫生组织总干事谭德塞),
   the speakers of transcript turns, and the names another tool proposes (a
   spaCy model's entities, where no mention is);
3. in-document links: a name seen with its title is found again bare
   (习近平强调), a bare title stands for the person holding it
   (柬埔寨首相 → 洪森), an ambiguous 巴方 takes the country named nearby.

All words (titles, name boundaries, organisation endings, cues) come from
``ontology/lexicon/``.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from operator import attrgetter
from typing import NamedTuple

import ahocorasick_rs

from .catalogue import Catalogue, holds_office, lexicon_file
from .lexicon import read_yaml
from .model import ActorInfo, Analysis, Block, Mention, ProposedName

__all__ = ["find_mentions"]

PERSON = "Person"
COUNTRY = "Country"
GOVERNMENT_BODY = "GovernmentBody"
ORGANIZATION = "Organization"
_END = ""
NAME_JOINERS = "·・•‧-－"
MAX_NAME = 6
MAX_DOTTED_NAME = 16
MAX_ORG_PREFIX = 16
CHAIN_JOINERS = "、兼"
SOFT = "soft"
NOT_IN_ORG = "no"
COUNTRY_NEED = "country"
COUNTRY_FIRST_NEED = "country_first"
COUNTRY_BEFORE_NEED = "country_before"
KEEP = "keep"
SPEAKER_WINDOW = 8
QUOTED_ADDRESSEE = 4  # characters of an addressee between a speaking verb and its comma (告诉患者，)
MIN_LEADING_ACTOR = 3  # an actor's name this long right after a title opens no person's name
MAX_TITLE_GAP = 8  # characters of a unit name between an actor and a title (事件管理主任, 感染及传染病中心总监)
SHORT_LEAD = 2  # at most this many characters before a conjunction: a word, not a name (专家同复旦大学)
BOOK_TITLE_OPEN = "《〈"
SIDE_SUFFIX = "方"
TURN_BLOCK = "turn"  # a transcript's turn (structure stage): its bare ministry is the host's
STATE = "国"  # ends a country's formal name (以色列国) and opens words of the state (国防, 国内)
POSTED = "驻"  # 驻菲律宾大使: the country after it hosts the post; the person serves another
DAY_MARK = "日"  # closes a day of the month (9月10日中美元首通话): no abbreviation of Japan after a digit
EVENT_CUES = "event_cues.yaml"
"""Where a title going on into another office (``office_of_another``) is written, for the events; read here too,
where a bare title is resolved."""
RESOLVABLE_TITLE_KINDS = {"head", "royal", "minister", "leader"}
CONTEXT_CLASSES = {COUNTRY, "GovernmentBody", "InternationalOrganization", ORGANIZATION}
# A run of characters an organisation's name is made of (Chinese and Latin letters), up to the search's end.
NAME_DASHES = "-－—"
# A dash joins two parts of one name (几内亚人民联盟-彩虹联盟, 中国—世界卫生组织…考察组).
NAME_RUN = re.compile("(?:[\u3400-\u4dbf\u4e00-\u9fff〇A-Za-z]|(?<=[\u3400-\u9fff])[-－—](?=[\u3400-\u9fff]))*\\Z")
BY_START = attrgetter("start")
BY_SPAN = attrgetter("start", "end")
# Priority when two candidates cover the same length: the catalogue knows best, then a word
# that never names an actor (巴黎 is no joint form of 巴 and 黎).
_CATALOGUE, _BLOCKER, _DISCOVERED, _JOINT = 0, 1, 2, 3


class _Candidate(NamedTuple):
    """A possible mention before overlaps are settled (a named tuple: thousands are made per document)."""

    start: int
    end: int
    keys: tuple[str, ...]
    cls: str
    source: int
    parts: tuple[Mention, ...] = ()
    nested: tuple[_Candidate, ...] = ()


@dataclass(frozen=True)
class _WordSet:
    """The catalogue's surfaces, to find in a text.

    The automaton finds the leftmost, longest words of a whole document in one
    call in compiled code, as a walk along a char trie would; ``known`` tells
    the shorter words at a position where the longest may not be taken (a
    Latin word inside a longer Latin word, in ``latin``).
    """

    words: tuple[str, ...]
    automaton: ahocorasick_rs.AhoCorasick
    known: frozenset[str]
    latin: frozenset[str]


@dataclass(frozen=True)
class _Tables:
    """Everything ``find_mentions`` looks words up in, built once per catalogue."""

    surfaces: _WordSet
    surface_candidates: dict[str, tuple[tuple[str, ...], str, int]]
    title_trie: dict
    title_words: tuple[str, ...]
    title_finder: ahocorasick_rs.AhoCorasick
    title_kinds: dict[str, str]
    persons_by_affiliation: dict[str, tuple]
    boundaries: dict
    boundary_modes: dict[str, str]
    longest_boundary: int
    org_boundary_last_chars: frozenset[str]
    org_heads: tuple[str, ...]
    kept_words: tuple[str, ...]
    place_endings: str
    generic_words: re.Pattern
    generic_wholes: frozenset[str]
    office_titles: re.Pattern
    suffixes: dict[str, tuple[str, str, str, tuple[str, ...], str, bool]]
    suffix_words: tuple[str, ...]
    suffix_finder: ahocorasick_rs.AhoCorasick
    joint_re: re.Pattern | None
    media_re: re.Pattern
    titled_outlet_re: re.Pattern
    side_exclusions: tuple[str, ...]
    not_names: tuple[str, ...]
    blocker_words: tuple[str, ...]
    places: frozenset[str]
    state_words: frozenset[str]
    quoted_name_re: re.Pattern
    quoted_not_names: tuple[str, ...]
    familiar_prefixes: tuple[str, ...]
    quoted_adverbs: tuple[str, ...]
    transliteration: frozenset[str]
    only_in_names: frozenset[str]
    glossed_org_words: frozenset[str]
    glossed_roles: tuple[str, ...]
    glossed_endings: tuple[str, ...]
    unit_conjunctions: frozenset[str]
    office_marks: tuple[str, ...]
    office_of_another: re.Pattern


_TABLES: dict[int, tuple[Catalogue, _Tables]] = {}


def find_mentions(analysis: Analysis, catalogue: Catalogue, proposed: Iterable[ProposedName] = ()) -> Analysis:
    """Fill ``analysis.mentions`` and ``analysis.actors`` from the document's text.

    Parameters
    ----------
    analysis : Analysis
        The document (and its blocks, when the structure stage ran).
    catalogue : Catalogue
        Known actors and the lexicons.
    proposed : iterable of ProposedName
        Names another tool found (a user's NER model in a spaCy pipeline); each becomes an
        actor where no mention found here covers any of its characters.

    Returns
    -------
    Analysis
        A copy with ``mentions`` (sorted by start, positions in
        ``document.text``) and ``actors`` (what the text taught about actors).

    Examples
    --------
    >>> from graph.catalogue import load_catalogue
    >>> from graph.model import Analysis, Document
    >>> text = "意大利外长迪马约表示感谢。"
    >>> doc = Document("d", text, text, tuple(range(len(text))))
    >>> result = find_mentions(Analysis(doc), load_catalogue())
    >>> [(m.surface, m.cls, m.role, m.affiliation) for m in result.mentions]
    [('意大利', 'Country', None, None), ('迪马约', 'Person', '外长', 'country/IT')]
    """
    tables = _tables(catalogue)
    text = analysis.document.text
    known = _catalogue_candidates(text, tables)
    others = (_joint_candidates(text, tables, catalogue)
              + _organisation_candidates(text, tables, known) + _media_candidates(text, tables, known)
              + _titled_outlet_candidates(text, tables, known))
    mentions = _foreign_bodies(_settle(known, others, text, tables, catalogue), tables, catalogue)
    mentions = _places_within(mentions, catalogue)
    mentions = _posted_abbreviations(text, mentions, tables, catalogue)
    titles = _titles_in(text, tables)
    mentions = _bodies_of_the_country_named(text, mentions, analysis.blocks, catalogue)
    mentions, infos = _titled_persons(text, mentions, titles, tables, catalogue)
    taken = _taken(text, mentions)
    _mark_blockers(text, taken, catalogue)
    mentions, infos = _speakers(text, analysis.blocks, mentions, infos, taken, catalogue, tables.not_names)
    mentions, infos = _quoted_names(text, mentions, infos, taken, catalogue, tables)
    mentions, infos = _glossed_names(text, mentions, infos, taken, catalogue, tables)
    mentions, infos = _trim_glued_names(text, mentions, infos, tables, catalogue)
    mentions, infos = _proposed_names(text, mentions, infos, taken, catalogue, proposed)
    mentions = _bare_names(text, mentions, infos, taken, tables)
    mentions = _bare_titles(text, mentions, infos, titles, tables, catalogue)
    mentions = _disambiguate(text, mentions, analysis.blocks, catalogue)
    infos += _organisation_infos(mentions, catalogue)
    return replace(analysis, mentions=tuple(sorted(mentions, key=BY_SPAN)),
                   actors=_unique_infos(infos))


# ---------------------------------------------------------------- tables

def _tables(catalogue: Catalogue) -> _Tables:
    """The lookup tables for ``catalogue``, built on first use."""
    cached = _TABLES.get(id(catalogue))
    if cached is None or cached[0] is not catalogue:
        cached = (catalogue, _build_tables(catalogue))
        _TABLES[id(catalogue)] = cached
    return cached[1]


def _build_tables(catalogue: Catalogue) -> _Tables:
    """Tries and patterns from the catalogue and its lexicons."""
    blockers = frozenset(row["word"] for row in catalogue.lexicon("not_actors"))
    boundary_rows = catalogue.lexicon("name_boundaries")
    boundary_modes = {r["word"]: r.get("in_org", "") for r in boundary_rows if r.get("in_org") != KEEP}
    titles = tuple(sorted(((r["title"], r["kind"]) for r in catalogue.lexicon("titles")),
                          key=lambda t: -len(t[0])))
    suffixes = {r["suffix"]: (r["suffix"], r["class"], r["prefix"], tuple(n for n in r["needs"].split("|") if n),
                              r.get("not_followed_by", ""), r.get("country_alone") == "no")
                for r in catalogue.lexicon("org_suffixes")}
    cues = [r["cue"] for r in catalogue.lexicon("joint_cues")]
    media = [r["cue"] for r in catalogue.lexicon("media")]
    abbrs = "".join(sorted(catalogue.abbreviations))
    glossed = catalogue.lexicon("glossed_names")
    joint_re = (re.compile(f"[{re.escape(abbrs)}]{{2,5}}(?=(?:{_alternation(cues)}))")
                if abbrs and cues else None)
    return _Tables(
        surfaces=_word_set(list(catalogue.surfaces) + sorted(blockers)),
        surface_candidates={word: _surface_candidate(word, catalogue, blockers)
                            for word in [*catalogue.surfaces, *blockers]},
        title_trie=_trie([t for t, _ in titles]),
        title_words=tuple(t for t, _ in titles),
        title_finder=ahocorasick_rs.AhoCorasick([t for t, _ in titles]),
        title_kinds=dict(titles),
        persons_by_affiliation=_persons_by_affiliation(catalogue),
        boundaries=_trie(sorted(boundary_modes)),
        boundary_modes=boundary_modes,
        longest_boundary=max(map(len, boundary_modes), default=0),
        org_boundary_last_chars=frozenset(w[-1] for w, mode in boundary_modes.items() if mode != NOT_IN_ORG),
        org_heads=tuple(r["word"] for r in catalogue.lexicon("org_name_heads")),
        place_endings="".join(r["ending"] for r in catalogue.lexicon("place_endings")),
        kept_words=tuple(r["word"] for r in boundary_rows if r.get("in_org") == KEEP),
        generic_words=_any_of([r["word"] for r in catalogue.lexicon("org_generic_words") if r.get("whole") != "yes"]),
        generic_wholes=frozenset(r["word"] for r in catalogue.lexicon("org_generic_words") if r.get("whole") == "yes"),
        office_titles=_any_of([t for t, kind in titles if kind != "expert"]),
        suffixes=suffixes,
        suffix_words=tuple(suffixes),
        suffix_finder=ahocorasick_rs.AhoCorasick(list(suffixes), matchkind=ahocorasick_rs.MatchKind.LeftmostLongest),
        joint_re=joint_re,
        media_re=re.compile(rf"^[ \t\u3000]*(?:[^\s:：,，。《》]{{0,8}}《)?([^\s:：,，。《》]{{2,24}}?)》?"
                            rf"(?:{_alternation(media)})[ \t\u3000]*[:：]", re.MULTILINE),
        titled_outlet_re=_titled_outlet_pattern(catalogue),
        side_exclusions=tuple(w for w in blockers if w.startswith(SIDE_SUFFIX)),
        not_names=tuple(r["word"] for r in catalogue.lexicon("not_names")),
        blocker_words=tuple(sorted(blockers)),
        places=frozenset(r["city"] for r in catalogue.lexicon("cities")),
        state_words=frozenset(r["word"] for r in catalogue.lexicon("state_words")),
        quoted_name_re=_quoted_name_pattern(catalogue),
        quoted_not_names=tuple(r["word"] for r in catalogue.lexicon("quoted_names") if r["cue"] == "not_name"),
        familiar_prefixes=tuple(r["word"] for r in catalogue.lexicon("quoted_names") if r["cue"] == "familiar"),
        quoted_adverbs=tuple(r["word"] for r in catalogue.lexicon("quoted_names") if r["cue"] == "adverb"),
        transliteration=frozenset(r["char"] for r in catalogue.lexicon("transliteration")),
        only_in_names=frozenset(r["char"] for r in catalogue.lexicon("transliteration") if r["only_names"] == "yes"),
        glossed_org_words=frozenset(r["word"] for r in glossed if r["cue"] == "org_word"),
        glossed_roles=tuple(r["word"] for r in glossed if r["cue"] == "role"),
        glossed_endings=tuple(r["word"] for r in glossed if r["cue"] == "not_ending"),
        unit_conjunctions=frozenset(r["word"] for r in catalogue.lexicon("statement_cues")
                                    if r["cue"] == "unit_conjunction"),
        office_marks=tuple(r["mark"] for r in catalogue.lexicon("office_marks")),
        office_of_another=re.compile(read_yaml(lexicon_file(catalogue.root, EVENT_CUES))["office_of_another"]),
    )


def _titled_outlet_pattern(catalogue: Catalogue) -> re.Pattern:
    """A title in 《》 that names an outlet: it ends in an outlet ending other than a document's
    (《甲城邮报》, not 《联合公报》; group 1), or an outlet noun follows it (《甲论》杂志; groups 2, 3)."""
    rows = catalogue.lexicon("titled_outlets")
    words = {cue: _alternation([r["word"] for r in rows if r["cue"] == cue]) for cue in ("ending", "noun")}
    not_documents = "".join(f"(?<!{re.escape(r['word'])})" for r in rows if r["cue"] == "not_ending")
    return re.compile(f"《([^《》\\s]{{1,14}}(?:{words['ending']}){not_documents})》"
                      f"|《([^《》\\s]{{1,14}})》({words['noun']})")


def _persons_by_affiliation(catalogue: Catalogue) -> dict[str, tuple]:
    """Catalogue persons grouped by the actor they belong to (for bare titles)."""
    groups: dict[str, list] = {}
    for actor in catalogue.actors.values():
        if actor.cls == PERSON and actor.affiliation:
            groups.setdefault(actor.affiliation, []).append(actor)
    return {k: tuple(v) for k, v in groups.items()}


def _alternation(words: list[str]) -> str:
    """A regex alternation that tries longer words first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _any_of(words: list[str]) -> re.Pattern:
    """A pattern found wherever one of ``words`` stands (never, for no words)."""
    return re.compile(_alternation(words) if words else "(?!)")


def _trie(words: list[str]) -> dict:
    """A character trie; a node's ``""`` entry holds the word ending there."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = word
    return root


def _word_set(words: list[str]) -> _WordSet:
    """``words`` as an automaton that finds the leftmost, longest words."""
    listed = tuple(sorted(set(words)))
    automaton = ahocorasick_rs.AhoCorasick(listed, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
    return _WordSet(listed, automaton, frozenset(listed), _latin(listed))


def _latin(words: Iterable[str]) -> frozenset[str]:
    """The words that begin or end with a Latin character (their bounds are checked where found)."""
    return frozenset(w for w in words if w[0].isascii() or w[-1].isascii())


def _longest_at(text: str, i: int, trie: dict) -> list[str]:
    """Every trie word starting at ``text[i]``, longest first."""
    node = trie.get(text[i])
    found = []
    j = i + 1
    while node is not None:
        if _END in node:
            found.append(node[_END])
        if j >= len(text):
            break
        node = node.get(text[j])
        j += 1
    return found[::-1]


# ---------------------------------------------------------------- pass 1: candidates

def _catalogue_candidates(text: str, tables: _Tables) -> list[_Candidate]:
    """Longest catalogue (or blocker) match at each position, left to right."""
    known = tables.surface_candidates
    found = _release_state_words(text, _scan(text, tables.surfaces), tables)
    found = _whole_transliterations(text, found, tables)
    return [_Candidate(start, start + len(word), *known[word]) for start, word in found]


def _whole_transliterations(text: str, found: list[tuple[int, str]], tables: _Tables) -> list[tuple[int, str]]:
    """Drop a catalogue person's name met inside a longer transliterated name: a character met
    almost only in transliterations (``transliteration.csv``, only_names) stands right before or
    after it, outside any other match and not opening a title (林德 in 林德迈尔, 比亚 in 索比亚宁; not
    普京 in 俄罗斯普京, where 斯 ends the country, nor 塔米姆 in 塔米姆埃米尔)."""
    starts = {start for start, _ in found}
    ends = {start + len(word) for start, word in found}
    kept = []
    for start, word in found:
        end = start + len(word)
        if tables.surface_candidates[word][1] == PERSON and (
                (start > 0 and start not in ends and text[start - 1] in tables.only_in_names)
                or (end < len(text) and end not in starts and text[end] in tables.only_in_names
                    and _title_at(text, end, tables) is None)):
            continue
        kept.append((start, word))
    return kept


def _release_state_words(text: str, found: list[tuple[int, str]], tables: _Tables) -> list[tuple[int, str]]:
    """A country's formal name ending in 国 gives the 国 back to a word opening with it
    (``state_words.csv``: 以色列国防军 is 以色列 + 国防军) when its short name names the same
    country; the text after the short name is scanned again (国防部 may start there)."""
    known = tables.surface_candidates
    for n, (start, word) in enumerate(found):
        end = start + len(word)
        short = word[:-1]
        if (word.endswith(STATE) and text[end - 1:end + 1] in tables.state_words and short in known
                and known[short][0] == known[word][0]):
            rest = [(at + end - 1, w) for at, w in _scan(text[end - 1:], tables.surfaces)]
            return found[:n] + [(start, short)] + _release_state_words(text, rest, tables)
    return found


def _scan(text: str, words: _WordSet) -> list[tuple[int, str]]:
    """Longest words, left to right, without overlaps, as ``(start, word)``.

    A Latin word must not sit inside a longer Latin word: a shorter word at the
    same place may be taken instead, else the search goes on from the next
    character.
    """
    found: list[tuple[int, str]] = []
    pos: int | None = 0
    while pos is not None:
        pos = _scan_from(text, pos, words, found)
    return found


def _scan_from(text: str, pos: int, words: _WordSet, found: list[tuple[int, str]]) -> int | None:
    """Add the words found from ``pos`` on to ``found`` until the longest word at a
    position may not be taken; return where the search must restart (None: at the end)."""
    rest = text[pos:] if pos else text
    for index, start, _ in words.automaton.find_matches_as_indexes(rest):
        start += pos
        word = words.words[index]
        if word in words.latin and not _fits(text, start, word, None):
            shorter = [text[start:end] for end in range(start + len(word) - 1, start, -1)
                       if text[start:end] in words.known]
            fitting = next((w for w in shorter if _fits(text, start, w, None)), None)
            if fitting is None:
                return start + 1
            found.append((start, fitting))
            return start + len(fitting)
        found.append((start, word))
    return None


def _scan_free(text: str, words: list[str], free: bytearray) -> list[tuple[int, str]]:
    """Longest words, left to right, without overlaps, on positions still ``free`` (``free[i]`` unset).

    Where the longest word may not be taken (its own titled mention holds it),
    a shorter one at the same place may. Every occurrence of a document's few
    words comes from one automaton call, so no search restarts after a word
    that is not taken.
    """
    automaton = ahocorasick_rs.AhoCorasick(words)
    at: dict[int, list[str]] = {}
    for index, start, _ in automaton.find_matches_as_indexes(text, overlapping=True):
        at.setdefault(start, []).append(words[index])
    found: list[tuple[int, str]] = []
    pos = 0
    for start in sorted(at):
        if start < pos:
            continue
        word = next((w for w in sorted(at[start], key=len, reverse=True) if _fits(text, start, w, free)), None)
        if word is not None:
            found.append((start, word))
            pos = start + len(word)
    return found


def _fits(text: str, start: int, word: str, free: bytearray | None) -> bool:
    """Whether ``word`` may be matched at ``start`` (Latin word bounds, positions still free)."""
    if free is not None and free.find(1, start, start + len(word)) >= 0:
        return False
    if word[0].isascii() or word[-1].isascii():
        return _ascii_bounded(text, start, start + len(word))
    return True


def _surface_candidate(word: str, catalogue: Catalogue, blockers: frozenset[str]
                       ) -> tuple[tuple[str, ...], str, int]:
    """Keys, class and source of a surface's candidates: an actor, or a blocker that hides one.

    A blocker wins over a surface spelt the same (西方 is "the West", never Spain's side 西+方).
    """
    keys = () if word in blockers else catalogue.keys_for(word)
    if not keys:
        return (), "", _BLOCKER
    return keys, catalogue.actors[keys[0]].cls, _CATALOGUE


def _ascii_bounded(text: str, start: int, end: int) -> bool:
    """A Latin surface (WHO) must not be part of a longer Latin word."""
    def latin(c: str) -> bool:
        return c.isascii() and c.isalnum()
    if latin(text[start]) and start > 0 and latin(text[start - 1]):
        return False
    return not (latin(text[end - 1]) and end < len(text) and latin(text[end]))


def _joint_candidates(text: str, tables: _Tables, catalogue: Catalogue) -> list[_Candidate]:
    """Joint forms (中意两国, 中日韩外长): one mention per abbreviated country; a day's 日 right after a
    digit opens none (9月10日中美元首通话 is China and the US, on the 10th)."""
    if tables.joint_re is None:
        return []
    found = []
    for match in tables.joint_re.finditer(text):
        start, chars = match.start(), match.group(0)
        if chars.startswith(DAY_MARK) and start > 0 and text[start - 1].isdigit():
            start, chars = start + 1, chars[1:]
        if len(chars) < 2 or len(set(chars)) != len(chars):
            continue
        parts = tuple(_abbreviation_mention(start + k, c, catalogue) for k, c in enumerate(chars))
        found.append(_Candidate(start, match.end(), (), COUNTRY, _JOINT, parts))
    return found


def _abbreviation_mention(start: int, char: str, catalogue: Catalogue) -> Mention:
    """The mention of one abbreviation character (None key when ambiguous)."""
    keys = catalogue.abbreviations[char]
    cls = catalogue.actors[keys[0]].cls if keys[0] in catalogue.actors else COUNTRY
    return Mention(start, start + 1, char, keys[0] if len(keys) == 1 else None, cls)


def _organisation_candidates(text: str, tables: _Tables, known: list[_Candidate]) -> list[_Candidate]:
    """Organisations known by their ending (…大学, …疾控中心) after a clear boundary.

    ``known`` are the catalogue matches: a run that ends with a catalogue name
    is the catalogue's (推进二十国集团) unless a place comes first (上海市卫生健康委).
    A leading country stays in the mention (美国哈佛大学) but not in the key
    (org/哈佛大学), so both names reach the actor; the country keeps a nested
    mention of its own.
    """
    matches = tables.suffix_finder.find_matches_as_indexes(text)
    if not matches:
        return []
    named = [c for c in known if c.source == _CATALOGUE]
    closing = {c.end: c.start for c in named}
    country_at = {c.start: c for c in named if c.cls == COUNTRY}
    countries = {start: c.end for start, c in country_at.items()}
    named_starts = {c.start for c in named}
    named_ends = set(closing)
    country_inside = {pos for c in country_at.values() for pos in range(c.start + 1, c.end)}
    place_starts = sorted(c.start for c in named if c.cls in (COUNTRY, GOVERNMENT_BODY))
    found = []
    for index, suffix_start, end in matches:
        _, cls, prefix_ns, needs, stops, common = tables.suffixes[tables.suffix_words[index]]
        if stops and end < len(text) and text[end] in stops:
            continue
        start = _organisation_start(text, suffix_start, tables, named_ends, named_starts, country_inside)
        if start is not None:
            start = _from_inner_place(text, start, suffix_start, place_starts, tables)
        if start is None or not _own_name(text, start, closing.get(end), tables, start in countries):
            continue
        if not _meets(text, start, suffix_start, needs, countries):
            continue
        if COUNTRY_FIRST_NEED in needs and end in closing:
            continue  # 中国国家药监局: the catalogue's body, with its country before it
        name_start = start if COUNTRY_FIRST_NEED in needs else _drop_country(text, start, suffix_start, countries, tables)
        prefix = text[start:suffix_start]
        if len(prefix) < 2 or _has_title(prefix, tables) or tables.generic_words.search(text, start, end):
            continue
        if _generic_name(text[name_start:suffix_start], common and countries.get(start) == suffix_start, tables):
            continue
        if text[name_start:end] in tables.surface_candidates:
            continue  # 泰国国民力量党: the catalogue's party, its country before it
        key = f"{prefix_ns}/{text[name_start:end]}"
        nested = (country_at[start],) if name_start > start or COUNTRY_FIRST_NEED in needs else ()
        found.append(_Candidate(start, end, (key,), cls, _DISCOVERED, nested=nested))
    return _nest_inner(found, text)


def _from_inner_place(text: str, start: int, end: int, place_starts: list[int], tables: _Tables) -> int:
    """Where a run holding a country or a body after other words starts its name: at the last such
    actor (核可中国天津大学, 有印度学生去中国驻印度大使馆, 走访湖北省人民医院), not at one after 驻
    (美驻古巴使馆 is no Cuban embassy), and not when the words before it close a parent
    organisation (北京大学中国经济研究中心)."""
    lo = bisect.bisect_left(place_starts, start)
    if lo < len(place_starts) and place_starts[lo] == start:
        return start
    hi = bisect.bisect_left(place_starts, end)
    inner = next((p for p in reversed(place_starts[lo:hi]) if not text.endswith(POSTED, 0, p)), None)
    if inner is None or any(suffix in text[start:inner] for suffix in tables.suffix_words):
        return start
    return inner


def _nest_inner(found: list[_Candidate], text: str) -> list[_Candidate]:
    """An organisation inside a longer one from the same start (日本国立传染病研究所 in
    日本国立传染病研究所流感病毒研究中心) keeps a nested mention of its own, unless a dash
    joins it to the rest (人民联盟 in 人民联盟-彩虹联盟 is the first half of one name)."""
    by_start: dict[int, list[_Candidate]] = {}
    for cand in found:
        by_start.setdefault(cand.start, []).append(cand)
    out = []
    for group in by_start.values():
        group.sort(key=lambda c: c.end)
        inner: tuple[_Candidate, ...] = ()
        for cand in group:
            out.append(cand._replace(nested=cand.nested + inner) if inner else cand)
            if text[cand.end:cand.end + 1] not in NAME_DASHES:
                inner = inner + (cand._replace(nested=()),)
    return out


def _own_name(text: str, start: int, catalogue_start: int | None, tables: _Tables,
              leading_country: bool) -> bool:
    """Whether a run is a name of its own rather than a catalogue name with words before it.

    A run that ends with a catalogue name (卫生健康委, 巴斯德研究所) is its own
    only when a place or a country comes first (上海市卫生健康委,
    俄罗斯圣彼得堡巴斯德研究所) or a posting abroad opens it (驻韩美军: the forces posted there),
    not a verb (国家卫生健康委组织中国疾控中心).
    """
    if catalogue_start is None:
        return True
    posted = text.startswith(POSTED, start)
    return catalogue_start > start and (text[catalogue_start - 1] in tables.place_endings or leading_country or posted)


def _meets(text: str, start: int, end: int, needs: tuple[str, ...], countries: dict[int, int]) -> bool:
    """Whether ``text[start:end]`` meets one of an ending's needs (a country's name, a country
    opening it with the body's own words after, or a word in it)."""
    if not needs:
        return True
    return any(_meets_one(text, start, end, need, countries) for need in needs)


def _meets_one(text: str, start: int, end: int, need: str, countries: dict[int, int]) -> bool:
    """Whether ``text[start:end]`` meets one need of an ending (see :func:`_meets`)."""
    if need == COUNTRY_NEED:
        return countries.get(start) == end
    if need in (COUNTRY_FIRST_NEED, COUNTRY_BEFORE_NEED):
        return start in countries and end - countries[start] >= 2 and not text.endswith(SIDE_SUFFIX, 0, countries[start])
    return need in text[start:end]


def _drop_country(text: str, start: int, end: int, countries: dict[int, int], tables: _Tables) -> int:
    """Start after a leading country (美国哈佛大学 → 哈佛大学) unless the name keeps it (中国科学院)."""
    country_end = countries.get(start)
    if country_end is None or end - country_end < 2:
        return start
    if start > 0 and text[start - 1] in BOOK_TITLE_OPEN:
        return start
    if any(head in text[start:country_end + len(head)] for head in tables.org_heads):
        return start
    return country_end


def _generic_name(own: str, country_alone: bool, tables: _Tables) -> bool:
    """Whether the words before an ending make a common noun (航空公司, 选举委员会), or only
    a country stands before an ending that makes a common noun with it (中国公司, 美国大学;
    not 韩国时报, 斐济红十字会)."""
    return own in tables.generic_wholes or country_alone


def _has_title(prefix: str, tables: _Tables) -> bool:
    """Whether an office title sits inside a would-be organisation name (柬埔寨首相直播…组)."""
    return tables.office_titles.search(prefix) is not None


def _organisation_start(text: str, end: int, tables: _Tables, named_ends: set[int],
                        named_starts: set[int], country_inside: set[int]) -> int | None:
    """Where an organisation name ending at ``end`` starts.

    It starts after punctuation, a digit or a boundary word (的, 召开 …). A
    conjunction (和, 与, 应) starts it only between two names: after a name
    (复旦大学和同济医院), before a catalogue name, or after a short word
    (应欧洲呼吸学会, 专家同复旦大学), so 北京协和医院 and 肺生理和传染病医学研究中心 stay whole.
    A boundary word that starts or ends inside a catalogue country's name is part of it (the 及 of
    埃及劳动党, the 也 of 也门政府军): ``country_inside`` holds the positions strictly inside them.
    ``None`` when no boundary is met within ``MAX_ORG_PREFIX`` characters.
    """
    lo = max(0, end - MAX_ORG_PREFIX - 1)
    run = NAME_RUN.search(text, lo, end).start()  # name characters from here to ``end``
    soft: list[tuple[int, int]] = []
    truncated = False
    for i in range(end, run, -1):
        if text[i - 1] not in tables.org_boundary_last_chars:
            continue
        word, mode = _boundary_before(text, i, tables)
        if i in country_inside or i - len(word) in country_inside:
            continue
        if mode == "":
            break
        if mode == SOFT:
            soft.append((i - len(word), i))
    else:
        truncated = run == lo > 0
        i = run
    for before, after in soft:
        if end - after < 2:
            continue
        if before - i <= SHORT_LEAD or after in named_starts or before in named_ends or _ends_with_suffix(text, before, tables):
            return after
    return None if truncated else i


def _inside_kept_word(text: str, start: int, end: int, tables: _Tables) -> bool:
    """Whether ``text[start:end]`` lies inside a word kept whole (应急, 协和).

    Such a word starts at most ``len(keep)`` before ``end`` and at the latest at ``start``.
    """
    return any(text.find(keep, max(0, end - len(keep)), start + len(keep)) >= 0 for keep in tables.kept_words)


def _ends_with_suffix(text: str, pos: int, tables: _Tables) -> bool:
    """Whether an organisation ending (大学, 医院 …) closes right before ``pos``."""
    return any(text.endswith(suffix, 0, pos) for suffix in tables.suffixes)


def _boundary_before(text: str, end: int, tables: _Tables) -> tuple[str, str | None]:
    """The longest boundary word ending right before ``end`` and how it acts on organisation names.

    A word kept whole inside names (应急, 同济) is no boundary.
    """
    for length in range(tables.longest_boundary, 0, -1):
        if length > end:
            continue
        word = text[end - length:end]
        mode = tables.boundary_modes.get(word)
        if mode is None or mode == NOT_IN_ORG:
            continue
        if _inside_kept_word(text, end - length, end, tables):
            return word, None
        return word, mode
    return "", None


def _media_candidates(text: str, tables: _Tables, known: list[_Candidate]) -> list[_Candidate]:
    """Media outlets in reporters' speaker lines (韩联社记者:) not known to the catalogue.

    The mention keeps the whole outlet line (日本朝日新闻), the key drops the
    leading catalogue names (朝日新闻), so both names reach the actor; a name
    in title marks is whole as it stands (巴西《环球报》, 《澳门月刊》), and so is one
    whose rest opens with a name head of ``org_name_heads.csv`` (越南之声, 法国电视二台:
    之声 and 电视二台 name nothing alone).
    """
    starts = {c.start: c.end for c in known if c.source == _CATALOGUE}
    found = []
    for match in tables.media_re.finditer(text):
        start, end = match.start(1), match.end(1)
        name_start = start
        titled = text[start - 1:start] == "《"
        while (not titled and name_start in starts and end - starts[name_start] >= 2
               and not text.startswith(tables.org_heads, starts[name_start])):
            name_start = starts[name_start]
        if starts.get(name_start) == end:
            continue
        found.append(_Candidate(start, end, (f"org/{text[name_start:end]}",), ORGANIZATION, _DISCOVERED))
    return found


def _titled_outlet_candidates(text: str, tables: _Tables, known: list[_Candidate]) -> list[_Candidate]:
    """Newspapers and periodicals in title marks not known to the catalogue (俄罗斯《甲城报》,
    《甲论》杂志), as reports credit them anywhere, not only in reporters' lines.

    A title ending in 报 names a paper unless the ending names a document (公报, 通报); a title
    followed by 杂志/周刊 is that periodical, the noun joined to the key (org/甲论杂志). A title
    the catalogue already names stays the catalogue's.
    """
    spans = {(c.start, c.end) for c in known if c.source == _CATALOGUE}
    found = []
    for match in tables.titled_outlet_re.finditer(text):
        group = 1 if match.group(1) else 2
        start, end = match.start(group), match.end(group)
        if (start, end) in spans or (start - 1, end + 1) in spans or (start - 1, match.end()) in spans:
            continue
        if group == 1:
            found.append(_Candidate(start, end, (f"org/{match.group(1)}",), ORGANIZATION, _DISCOVERED))
        else:
            key = f"org/{match.group(2)}{match.group(3)}"
            found.append(_Candidate(start - 1, match.end(3), (key,), ORGANIZATION, _DISCOVERED))
    return found


def _settle(known: list[_Candidate], others: list[_Candidate], text: str, tables: _Tables,
            catalogue: Catalogue) -> list[Mention]:
    """The mentions of the candidates kept, in text order (see :func:`_non_overlapping`).

    The catalogue matches (``known``, in text order) never overlap one another,
    so only the few ``others`` and the matches they touch need settling; every
    other catalogue match is kept as it is.
    """
    touched = _touched(known, others)
    kept = [c for i, c in enumerate(known) if i not in touched]
    kept += _non_overlapping([known[i] for i in sorted(touched)] + others)
    mentions: list[Mention] = []
    for cand in sorted(kept, key=BY_START):
        if cand.source != _BLOCKER:
            mentions += _mentions_of(cand, text, tables, catalogue)
    return mentions


def _touched(known: list[_Candidate], others: list[_Candidate]) -> set[int]:
    """Indexes of the ``known`` candidates (in text order, no overlaps) that overlap one of ``others``."""
    starts = [c.start for c in known]
    touched: set[int] = set()
    for other in others:
        i = max(bisect.bisect_right(starts, other.start) - 1, 0)
        while i < len(known) and known[i].start < other.end:
            if known[i].end > other.start:
                touched.add(i)
            i += 1
    return touched


def _non_overlapping(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep the longest candidates that do not overlap; blockers keep their place (and vanish later).

    On equal length the catalogue wins, then the earlier candidate.
    """
    taken = bytearray(max((c.end for c in candidates), default=0))
    kept = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.source, c.start)):
        if taken.find(1, cand.start, cand.end) < 0:
            taken[cand.start:cand.end] = b"\x01" * (cand.end - cand.start)
            kept.append(cand)
    return kept


def _mentions_of(cand: _Candidate, text: str, tables: _Tables, catalogue: Catalogue) -> list[Mention]:
    """The mentions a settled candidate stands for (run for every mention: kept to one call).

    Ambiguous keys leave ``key`` None until context decides.
    """
    if cand.source == _BLOCKER:
        return []
    if cand.parts:
        return list(cand.parts)
    start, end, keys = cand.start, _side_end(text, cand, tables), cand.keys
    key = keys[0] if len(keys) == 1 else None
    actor = catalogue.actors.get(key) if key else None
    mention = Mention(start, end, text[start:end], key, cand.cls, actor.role if actor else None,
                      actor.affiliation if actor and actor.cls == PERSON else _opening_country(cand))
    if not cand.nested:
        return [mention]
    return [m for inner in cand.nested for m in _mentions_of(inner, text, tables, catalogue)] + [mention]


def _opening_country(cand: _Candidate) -> str | None:
    """The country a discovered government body's name opens with (俄罗斯联邦海关署 → Russia):
    the body belongs to that country's government."""
    if cand.source != _DISCOVERED or cand.cls != GOVERNMENT_BODY:
        return None
    return next((n.keys[0] for n in cand.nested if n.start == cand.start and n.cls == COUNTRY and len(n.keys) == 1), None)


def _side_end(text: str, cand: _Candidate, tables: _Tables) -> int:
    """世卫组织方: an organisation followed by 方 is that organisation's side (not 世卫组织方面)."""
    if (cand.cls not in (PERSON, COUNTRY) and text.startswith(SIDE_SUFFIX, cand.end)
            and not any(text.startswith(w, cand.end) for w in tables.side_exclusions)):
        return cand.end + 1
    return cand.end


# ---------------------------------------------------------------- pass 2: titled persons

class _Titles(NamedTuple):
    """Where titles stand in one document: found once, looked up for every actor."""

    at: dict[int, str]
    starts: list[int]


def _titles_in(text: str, tables: _Tables) -> _Titles:
    """The longest title starting at each position of ``text`` (one automaton call, overlaps kept)."""
    at: dict[int, str] = {}
    for index, start, end in tables.title_finder.find_matches_as_indexes(text, overlapping=True):
        if end - start > len(at.get(start, "")):
            at[start] = tables.title_words[index]
    return _Titles(at, sorted(at))


def _titled_persons(text: str, mentions: list[Mention], titles: _Titles, tables: _Tables,
                    catalogue: Catalogue) -> tuple[list[Mention], list[ActorInfo]]:
    """Persons named after an actor and a title: 纳米比亚总统根哥布, 外交部副部长罗照辉."""
    by_start = {m.start: m for m in mentions}
    by_end = {m.end: m for m in mentions if m.cls == COUNTRY}
    learned: dict[int, Mention] = {}
    new: list[Mention] = []
    named: set[int] = set()  # where a new person's name starts (a nested country and its body may both lead there)
    infos: list[ActorInfo] = []
    starts = titles.starts
    for m in sorted(mentions, key=BY_START):
        if m.cls not in CONTEXT_CLASSES:
            continue
        nearest = bisect.bisect_left(starts, m.end - 1)  # most actors have no title near them
        if nearest == len(starts) or starts[nearest] > m.end + MAX_TITLE_GAP:
            continue
        chain = _title_after(text, m.end, titles, tables, by_start) or _shared_title(m, titles, tables)
        if chain is None:
            continue
        title, end = chain
        end = _past_unit_gloss(text, end)
        person = by_start.get(end)
        posted = text.endswith(POSTED, 0, m.start)
        serves = _posting_country(m, by_end) if posted else m.key
        if person is not None and person.cls == PERSON:
            person = person if posted else _serving_choice(person, m, catalogue)
            key = person.key if posted or _same_country(person.key, m, catalogue) else f"person/{person.surface}"
            known = catalogue.actors.get(key) if posted else None
            serves = serves or (known.affiliation if known is not None else None) or m.key
            learned[person.start] = replace(person, key=key, role=title, affiliation=serves)
            infos.append(_info_for(key, person.surface, title, serves, catalogue))
            continue
        found = _name_at(text, end, tables, by_start) if end not in named else None
        if found is None or found[0] in named:
            continue
        end, name, inner = found
        title = inner or title
        key = _person_key(name, catalogue)
        named.add(end)
        serves = serves or m.key
        new.append(Mention(end, end + len(name), name, key, PERSON, title, serves))
        infos.append(_info_for(key, name, title, serves, catalogue))
    updated = [learned.get(m.start, m) for m in mentions]
    return updated + new, infos


UNIT_GLOSS = re.compile(r"（[\u4e00-\u9fff及和与、]{2,12}）")


def _past_unit_gloss(text: str, end: int) -> int:
    """Past a bracketed unit right after a title (总行政经理（质素及标准）王某): Hong Kong bodies name the
    field of an office in brackets between the title and the holder's name."""
    gloss = UNIT_GLOSS.match(text, end)
    return gloss.end() if gloss else end


def _serving_choice(person: Mention, context: Mention, catalogue: Catalogue) -> Mention:
    """菲利普 after 比利时国王: of the persons a name may stand for (Belgium's king, France's prime
    minister), the one who serves the country named before the title; several or none, it stays open
    (阿富汗第一副总统萨利赫 is neither Iraq's nor the Maldives' 萨利赫)."""
    here = _country_of(context.key, context.affiliation, catalogue)
    if person.key is not None or here is None:
        return person
    serving = [key for key in catalogue.keys_for(person.surface) if _country_of(key, None, catalogue) == here]
    return replace(person, key=serving[0]) if len(serving) == 1 else person


def _posting_country(host: Mention, countries_by_end: dict[int, Mention]) -> str | None:
    """The country a post abroad belongs to: the one named right before 驻 (中国驻菲律宾大使 → China)."""
    sender = countries_by_end.get(host.start - len(POSTED))
    return sender.key if sender is not None else None


def _same_country(person: str | None, context: Mention, catalogue: Catalogue) -> bool:
    """Whether a catalogue person may be the one a title names after ``context``: not when the
    person serves another country (秘鲁外交部长梅塔 is not Albania's 梅塔)."""
    known = catalogue.actors.get(person) if person else None
    theirs = _country_of(known.affiliation, None, catalogue) if known is not None else None
    here = _country_of(context.key, context.affiliation, catalogue)
    return theirs is None or here is None or theirs == here


def _country_of(key: str | None, affiliation: str | None, catalogue: Catalogue) -> str | None:
    """The country an actor is or belongs to (a ministry → its country), when known."""
    actor = catalogue.actors.get(key) if key else None
    if actor is not None and actor.cls == COUNTRY:
        return key
    parent = (actor.affiliation if actor is not None else None) or affiliation
    parent_actor = catalogue.actors.get(parent) if parent else None
    return parent if parent_actor is not None and parent_actor.cls == COUNTRY else None


def _shared_title(m: Mention, titles: _Titles, tables: _Tables) -> tuple[str, int] | None:
    """A title that begins with a body's last character (埃塞俄比亚卫生部 + 部长 in 卫生部长莉娅):
    the body's head, and the title after it, share that character. Not after a country
    (加拿大 + 大公 in 加拿大公民)."""
    if m.cls == COUNTRY:
        return None
    title = titles.at.get(m.end - 1)
    if title and tables.title_kinds.get(title) == "royal":
        return None  # 港大 + 大公 in 港大公共卫生学院: no grand duke shares a body's last character
    return (title, m.end - 1 + len(title)) if title and len(title) > 1 else None


def _title_after(text: str, pos: int, titles: _Titles, tables: _Tables, by_start: dict[int, Mention]
                 ) -> tuple[str, int] | None:
    """The title right after an actor, or after a short unit name (研究所临床主任, 阿布扎比王储)."""
    return (_title_chain(text, pos, titles, tables, by_start)
            or _unit_title(text, pos, titles, tables, by_start))


def _unit_title(text: str, pos: int, titles: _Titles, tables: _Tables, by_start: dict[int, Mention]
                ) -> tuple[str, int] | None:
    """The title after a short unit name at ``pos`` (研究所 + 临床主任), the unit part of the role.

    The unit may not hold a boundary word, punctuation or another actor; a conjunction inside
    it is no boundary (感染及传染病中心 + 总监).
    """
    for gap in range(1, MAX_TITLE_GAP + 1):
        at = pos + gap
        if at >= len(text) or not _is_cjk(text[at - 1]) or at - 1 in by_start:
            return None
        words = _longest_at(text, at - 1, tables.boundaries)
        if words and (gap == 1 or not set(words) <= tables.unit_conjunctions):
            return None
        chain = _title_chain(text, at, titles, tables, by_start)
        if chain is not None:
            return text[pos:at] + chain[0], chain[1]
    return None


def _title_chain(text: str, pos: int, titles: _Titles, tables: _Tables, by_start: dict[int, Mention]
                 ) -> tuple[str, int] | None:
    """The title (and where it ends) at ``pos``, following 、/兼 chains to the last title, which may
    stand after an actor or a short unit of its own (国民力量党领导人、下议院第一副议长素察).

    A word that is an actor's name is no title there (苏丹 the country, not the sultan).
    """
    title = titles.at.get(pos)
    if title is None or _names_actor(pos, title, by_start):
        return None
    end = pos + len(title)
    while end < len(text) and text[end] in CHAIN_JOINERS:
        nxt = end + 1
        if nxt in by_start and by_start[nxt].cls in CONTEXT_CLASSES:
            nxt = by_start[nxt].end
        following = titles.at.get(nxt)
        if following is None:
            return _unit_title(text, nxt, titles, tables, by_start) or (title, end)
        title, end = following, nxt + len(following)
    return title, end


def _names_actor(pos: int, title: str, by_start: dict[int, Mention]) -> bool:
    """Whether an actor's mention covers the title found at ``pos``."""
    m = by_start.get(pos)
    return m is not None and m.cls in CONTEXT_CLASSES and m.end >= pos + len(title)


def _title_at(text: str, pos: int, tables: _Tables) -> str | None:
    """The longest title starting at ``pos`` (in a name or a title; a document's are in :class:`_Titles`)."""
    if pos >= len(text) or text[pos] not in tables.title_trie:
        return None
    found = _longest_at(text, pos, tables.title_trie)
    return found[0] if found else None


def _name_at(text: str, pos: int, tables: _Tables, by_start: dict[int, Mention]
             ) -> tuple[int, str, str | None] | None:
    """A person's name starting at or after ``pos``: where it starts, the name, and the title
    inside the run that came before it (None when the name opens the run). It ends at a
    boundary word or punctuation.

    A run cut short by another mention or by its length is not trusted. A run that holds a
    title of its own (总统气候问题特使约翰·克里, 主任专员拉扎里尼) names the person after its last
    title. What stands where a name stands but names none (选举, 阿富汗, 莫斯科, 新闻局) is rejected.
    """
    opening = by_start.get(pos)
    if opening is not None and opening.cls in CONTEXT_CLASSES and opening.end - pos >= MIN_LEADING_ACTOR:
        return None  # 阿富汗问题特别代表: a topic, not a name (a short one may open a name: 马里奥)
    i = pos
    limit = pos + MAX_DOTTED_NAME
    while i < len(text) and i < limit:
        char = text[i]
        if char in NAME_JOINERS and i > pos and i + 1 < len(text) and _is_cjk(text[i + 1]):
            i += 1
            continue
        if not _is_cjk(char) or _longest_at(text, i, tables.boundaries):
            break
        if i > pos and i in by_start:
            return None
        i += 1
    else:
        if i < len(text):
            return None
    inner = _last_title(text[pos:i], tables)
    cut = inner[1] if inner else 0
    name = text[pos + cut:i]
    dotted = any(c in NAME_JOINERS for c in name)
    if len(name) < 2 or len(name) > (MAX_DOTTED_NAME if dotted else MAX_NAME):
        return None
    if name.startswith(tables.not_names) or name in tables.places or name.endswith(tables.suffix_words):
        return None
    return None if _names_other_actor(name, tables) else (pos + cut, name, inner[0] if inner else None)


def _last_title(run: str, tables: _Tables) -> tuple[str, int] | None:
    """The title inside a run that ends last (the longest of those), and where it ends."""
    found = [(end, end - start, tables.title_words[index])
             for index, start, end in tables.title_finder.find_matches_as_indexes(run, overlapping=True)]
    if not found:
        return None
    end, _, title = max(found)
    return title, end


def _names_other_actor(name: str, tables: _Tables) -> bool:
    """Whether ``name`` is the catalogue's name of a country or body (阿富汗, 中国政府), not a person's."""
    keys, cls, _ = tables.surface_candidates.get(name, ((), "", _BLOCKER))
    return bool(keys) and cls != PERSON


def _person_key(name: str, catalogue: Catalogue) -> str:
    """The catalogue key of a person named ``name``, else a discovered ``person/<name>`` key."""
    for key in catalogue.keys_for(name):
        if catalogue.actors[key].cls == PERSON:
            return key
    return f"person/{name}"


def _info_for(key: str | None, name: str, role: str | None, affiliation: str | None,
              catalogue: Catalogue) -> ActorInfo:
    """What the text says about a person (its role and affiliation)."""
    actor = catalogue.actors.get(key or "")
    return ActorInfo(key or f"person/{name}", PERSON, actor.zh_hans if actor else name, role, affiliation)


def _taken(text: str, mentions: list[Mention]) -> bytearray:
    """The positions of ``text`` a mention covers (set to 1)."""
    taken = bytearray(len(text))
    for m in mentions:
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    return taken


def _speakers(text: str, blocks: tuple[Block, ...], mentions: list[Mention], infos: list[ActorInfo],
              taken: bytearray, catalogue: Catalogue, not_names: tuple[str, ...]
              ) -> tuple[list[Mention], list[ActorInfo]]:
    """The speakers of transcript turns (罗照辉:), with the role their introduction gave them.

    A label that already holds another actor (韩联社记者:) is not a person, nor is a label
    that only says who asks (记者:, 追问:, listed in ``not_names``). ``taken``
    (the positions the mentions cover) is updated with the speakers added.
    """
    roles = {i.name: i for i in infos}
    added: list[Mention] = []
    new_infos: list[ActorInfo] = []
    for block in blocks:
        if block.kind != TURN_BLOCK or not block.speaker:
            continue
        start = _speaker_position(text, block)
        end = start + len(block.speaker)
        if (start < 0 or any(taken[start:end]) or not _is_person_name(block.speaker)
                or block.speaker.startswith(not_names)):
            continue
        known = roles.get(block.speaker)
        key = known.key if known else _person_key(block.speaker, catalogue)
        role = known.role if known else None
        affiliation = known.affiliation if known else None
        added.append(Mention(start, end, block.speaker, key, PERSON, role, affiliation))
        taken[start:end] = b"\x01" * (end - start)
        if known is None and key not in catalogue.actors:
            new_infos.append(ActorInfo(key, PERSON, block.speaker))
    return mentions + added, infos + new_infos


@dataclass
class _NewPersons:
    """Persons a discovery pass adds: their mentions, and what the text teaches of those the
    catalogue does not know (once per name)."""

    known: set[str]
    mentions: list[Mention] = field(default_factory=list)
    infos: list[ActorInfo] = field(default_factory=list)


def _add_person(found: _NewPersons, name: str, start: int, end: int, taken: bytearray,
                catalogue: Catalogue) -> None:
    """Add the person named at ``start:end`` and mark the characters taken."""
    key = _person_key(name, catalogue)
    found.mentions.append(Mention(start, end, name, key, PERSON))
    taken[start:end] = b"\x01" * (end - start)
    if name not in found.known and key not in catalogue.actors:
        found.known.add(name)
        found.infos.append(ActorInfo(key, PERSON, name))


def _quoted_names(text: str, mentions: list[Mention], infos: list[ActorInfo], taken: bytearray,
                  catalogue: Catalogue, tables: _Tables) -> tuple[list[Mention], list[ActorInfo]]:
    """People a report quotes by their bare name (汪勇说，…; 赵培玉告诉患者，…), as features and
    interviews in news reports do once the person is introduced.

    The name opens a clause (or follows a column heading's 】 with a colon, or an age: 40岁的桑岭是…),
    is two or three characters long and starts with a common family name (``quoted_names.csv``); a run the report writes only once, that starts a word which never
    names anyone (文章说，简单说), that ends like a body (商经局指) or with an adverb (a family
    name alone: 鍾續指), or that lies on a mention already found, is no name; a name
    introduced with an age or an occupation needs no second mention (40岁的桑岭是…。他说，…;
    公交司机李安全一家…). A familiar name (阿辉) stands for the person the report names in full
    (:func:`_familiar_owner`). The person's other
    mentions come from :func:`_bare_names`.
    """
    found = _NewPersons({i.name for i in infos})
    for match in tables.quoted_name_re.finditer(text):
        group = next(g for g in (1, 2, 3, 4) if match.group(g))
        name, start, end = match.group(group), match.start(group), match.end(group)
        if (any(taken[start:end]) or name.startswith(tables.not_names) or name in tables.places
                or name.startswith(tables.quoted_not_names) or (group < 3 and text.count(name) < 2)
                or name.endswith(tables.suffix_words + tables.quoted_adverbs)):
            continue
        owner = _familiar_owner(name, mentions + found.mentions, tables)
        if owner is not None:
            found.mentions.append(Mention(start, end, name, owner, PERSON))
            taken[start:end] = b"\x01" * (end - start)
            continue
        _add_person(found, name, start, end, taken, catalogue)
    return mentions + found.mentions, infos + found.infos


def _familiar_owner(name: str, mentions: list[Mention], tables: _Tables) -> str | None:
    """The person a familiar name stands for (阿辉 for 钱志辉), as Hong Kong reports call a person they
    named in full by 阿 and the last character of the given name: the key of the one person of three
    characters or more, among ``mentions``, whose name ends in that character; None when no one or
    several fit (the familiar name is then a person of its own, often a pseudonym: 阿明（化名）)."""
    prefix = next((p for p in tables.familiar_prefixes if name.startswith(p)), None)
    if prefix is None or len(name) != len(prefix) + 1:
        return None
    keys = {m.key for m in mentions if m.cls == PERSON and m.key and len(m.surface) >= 3
            and m.surface.endswith(name[len(prefix):])}
    return keys.pop() if len(keys) == 1 else None


GLOSSED = re.compile("([\u3400-\u4dbf\u4e00-\u9fff·‧•・－-]{2,24})（([A-Z][a-z][A-Za-z.'-]*(?: [A-Z][a-z][A-Za-z.'-]*){1,3})）")
MAX_GLOSSED_NAME = 5  # characters of a glossed name with no joiner (波恩达兹, 玛莉亚・瑞塔・吉斯蒙多 has joiners)


def _glossed_names(text: str, mentions: list[Mention], infos: list[ActorInfo], taken: bytearray,
                   catalogue: Catalogue, tables: _Tables) -> tuple[list[Mention], list[ActorInfo]]:
    """People named once with their Latin name in brackets (记者庞甲（Anna Pomo）指…), as Hong
    Kong and foreign-news reports introduce foreigners with no title before an actor.

    The name is what follows the last title, role word or boundary word of the run before the
    bracket (a run of at most five characters with none is the name itself); a gloss holding an
    organisation's word (Center, University; ``glossed_names.csv``) or a name with an
    organisation ending names no person. Its other mentions come from :func:`_bare_names`.
    """
    found = _NewPersons({i.name for i in infos})
    for match in GLOSSED.finditer(text):
        if tables.glossed_org_words.intersection(match.group(2).split()):
            continue
        start = _glossed_start(text, match.start(1), match.end(1), tables)
        end = match.end(1)
        name = text[start:end] if start is not None else ""
        if (len(name) < 2 or name[0] in NAME_JOINERS or any(taken[start:end]) or name.startswith(tables.not_names)
                or name in tables.places or name.endswith(tables.suffix_words + tables.glossed_endings) or name in tables.title_kinds
                or _names_other_actor(name, tables)):
            continue
        _add_person(found, name, start, end, taken, catalogue)
    return mentions + found.mentions, infos + found.infos


PROPOSED_KEY_PREFIX = {PERSON: "person", COUNTRY: "country", GOVERNMENT_BODY: "gov",
                       "InternationalOrganization": "org", ORGANIZATION: "org"}
"""The namespace of a discovered actor's key, by class (``resolve`` reads the class back from it)."""


def _proposed_names(text: str, mentions: list[Mention], infos: list[ActorInfo], taken: bytearray,
                    catalogue: Catalogue, proposed: Iterable[ProposedName]) -> tuple[list[Mention], list[ActorInfo]]:
    """The names another tool proposes (a statistical model's PERSON, ORG, GPE entities), each
    where no mention is (``taken``): what the catalogue and the rules found wins, a name
    they could not know (an invented or rare foreigner's, 罗森伯格) becomes an actor.

    A proposed name the catalogue lists (as one actor) takes the catalogue's key and class; a person's
    other bare mentions then come from :func:`_bare_names`, an organisation's info from
    :func:`_organisation_infos`.
    """
    found = _NewPersons({i.name for i in infos})
    others: list[Mention] = []
    for name in sorted(proposed, key=BY_SPAN):
        surface = text[name.start:name.end]
        if not surface.strip() or any(taken[name.start:name.end]):
            continue
        if name.cls == PERSON:
            _add_person(found, surface, name.start, name.end, taken, catalogue)
            continue
        known = catalogue.keys_for(surface)
        key = known[0] if len(known) == 1 else f"{PROPOSED_KEY_PREFIX[name.cls]}/{surface}"
        cls = catalogue.actors[key].cls if key in catalogue.actors else name.cls
        others.append(Mention(name.start, name.end, surface, key, cls))
        taken[name.start:name.end] = b"\x01" * (name.end - name.start)
    return mentions + found.mentions + others, infos + found.infos


def _glossed_start(text: str, lo: int, hi: int, tables: _Tables) -> int | None:
    """Where a glossed name starts in ``text[lo:hi]``: after the last title, role or boundary word
    that ends at least two characters before ``hi``; None when none does (a bare run before a
    gloss is as often a firm, a place or a word: 港龙航空（Cathay Dragon）) or the name is long."""
    for i in range(hi - 2, lo, -1):
        if _introduced_at(text, lo, i, tables):
            joined = any(c in NAME_JOINERS for c in text[i:hi])
            return i if hi - i <= MAX_GLOSSED_NAME or joined else None
    return None


def _introduced_at(text: str, lo: int, i: int, tables: _Tables) -> bool:
    """Whether a role word, a boundary word or a title ends right before ``i`` (and after ``lo``)."""
    for length in range(1, min(i - lo, tables.longest_boundary, 12) + 1):
        word = text[i - length:i]
        if word in tables.glossed_roles or word in tables.boundary_modes or word in tables.title_kinds:
            return True
    return False


def _quoted_name_pattern(catalogue: Catalogue) -> re.Pattern:
    """Family name + one or two characters at a clause start, an adverb of going on (又, 續), a
    speaking verb, at most a short addressee (告诉患者), then the comma or colon that opens the
    words (the shorter name first: 王华又指 is 王华); or a name that a column
    heading introduces with a colon (【抗疫群英谱】赵培玉：…), or that follows an age (40岁的桑岭是…)
    or an occupation or kinship word (重症患者王华是…, 女儿叫赵小青，…)."""
    rows = catalogue.lexicon("quoted_names")
    surnames = "".join(r["word"] for r in rows if r["cue"] == "surname")
    verbs = "|".join(re.escape(r["word"]) for r in sorted(rows, key=lambda r: -len(r["word"])) if r["cue"] == "verb")
    adverbs = "|".join(re.escape(r["word"]) for r in rows if r["cue"] == "adverb")
    ages = "|".join(re.escape(r["word"]) for r in rows if r["cue"] == "age")
    roles = "|".join(re.escape(r["word"]) for r in rows if r["cue"] == "role")
    follows = "".join(r["word"] for r in rows if r["cue"] == "after_age_name")
    return re.compile(f"(?:^|(?<=[。！？!?，,；;：:」”】\\s]))([{surnames}][\u4e00-\u9fff]{{1,2}}?)"
                      f"(?:{adverbs})?(?:{verbs})[\u4e00-\u9fff]{{0,{QUOTED_ADDRESSEE}}}[，,：:]"
                      f"|(?<=】)([{surnames}][\u4e00-\u9fff]{{1,2}})[：:]"
                      f"|(?:\\d+|[一二三四五六七八九十]+)(?:{ages})([{surnames}][\u4e00-\u9fff]{{1,2}}?)(?=[{follows}])"
                      f"|(?:{roles})([{surnames}][\u4e00-\u9fff]{{1,2}}?)(?=[{follows}])", re.M)


def _speaker_position(text: str, block: Block) -> int:
    """Where a turn's speaker label sits: on the line before the turn, or at its start."""
    window = len(block.speaker) + SPEAKER_WINDOW
    before = text.rfind(block.speaker, max(0, block.start - window), block.start)
    return before if before >= 0 else text.find(block.speaker, block.start, block.start + window)


def _is_person_name(surface: str) -> bool:
    """A speaker label that looks like a name (2–8 CJK characters, maybe with a middle dot)."""
    core = "".join(c for c in surface if c not in NAME_JOINERS)
    return 2 <= len(surface) <= 8 and all(_is_cjk(c) for c in core) and bool(core)


def _trim_glued_names(text: str, mentions: list[Mention], infos: list[ActorInfo], tables: _Tables,
                      catalogue: Catalogue) -> tuple[list[Mention], list[ActorInfo]]:
    """A discovered name that is another name with words glued on (张竹君周二, 布林肯很早,
    解振华会面) is that name: the run went past the name into a word no boundary list can
    foresee. What only adds characters of a transliteration is more of the name (林德迈尔 is
    not 林德 with 迈尔 glued on). The other name is one met in the document, a catalogue person's, or one the
    document writes elsewhere as a word of its own (布林肯透露 where 布林肯， or 布林肯表示 occurs).
    """
    names = {m.surface: m for m in mentions if m.cls == PERSON and len(m.surface) >= 2}
    seen: dict[str, tuple[int, ...]] = {}
    out: list[Mention] = []
    renamed: set[str] = set()
    for m in mentions:
        if m.cls != PERSON or not m.key or m.key in catalogue.actors:
            out.append(m)
            continue
        dotted = any(c in NAME_JOINERS for c in m.surface)
        prefix = next((m.surface[:n] for n in range(len(m.surface) - 1, 1, -1)
                       if not set(m.surface[n:]) <= tables.transliteration and (
                           m.surface[:n] in names or _is_catalogue_person(m.surface[:n], catalogue)
                           or (not dotted and _stands_alone(text, m.surface[:n], m.start, tables, seen)))), None)
        if prefix is None:
            out.append(m)
            continue
        renamed.add(m.key)
        if _names_other_actor(prefix, tables):
            continue  # 中国政府 after a title: a country and its government, no person
        other = names.get(prefix)
        key = other.key if other is not None and other.key else _person_key(prefix, catalogue)
        out.append(replace(m, end=m.start + len(prefix), surface=prefix, key=key))
    if not renamed:
        return mentions, infos
    used = {m.key for m in out}
    return out, [i for i in infos if i.key not in renamed or i.key in used]


def _stands_alone(text: str, name: str, here: int, tables: _Tables, seen: dict[str, tuple[int, ...]]) -> bool:
    """Whether ``name`` occurs elsewhere in the text ended as a word: by punctuation or a
    boundary word (布林肯， / 布林肯表示), not inside a longer word (马克 in 马克思).

    ``seen`` keeps the first two such places of each name, so a name met a thousand times
    is looked up once.
    """
    if name not in seen:
        found: list[int] = []
        pos = text.find(name)
        while pos != -1 and len(found) < 2:
            after = pos + len(name)
            if after >= len(text) or not _is_cjk(text[after]) or _longest_at(text, after, tables.boundaries):
                found.append(pos)
            pos = text.find(name, pos + 1)
        seen[name] = tuple(found)
    return any(pos != here for pos in seen[name])


def _is_catalogue_person(name: str, catalogue: Catalogue) -> bool:
    """Whether the catalogue lists a person by this name."""
    return any(catalogue.actors[k].cls == PERSON for k in catalogue.keys_for(name))


# ---------------------------------------------------------------- pass 3: in-document links

def _bare_names(text: str, mentions: list[Mention], infos: list[ActorInfo], taken: bytearray,
                tables: _Tables) -> list[Mention]:
    """A discovered person's name met again without its title (根哥布表示), where no mention is (``taken``)."""
    people = {i.name: i for i in infos if i.cls == PERSON and i.key.startswith("person/")}
    surnames = _surname_forms(infos, tables)
    table = {**surnames, **people}
    if not table:
        return mentions
    added = [Mention(i, i + len(word), word, table[word].key, PERSON, table[word].role, table[word].affiliation)
             for i, word in _scan_free(text, list(table), taken)]
    return mentions + added


def _surname_forms(infos: list[ActorInfo], tables: _Tables) -> dict[str, ActorInfo]:
    """罗部长 for 罗照辉 the 副部长: a Chinese-style name (2–3 characters) with its title."""
    forms: dict[str, list[ActorInfo]] = {}
    for info in infos:
        if info.cls != PERSON or not info.role or not 2 <= len(info.name) <= 3:
            continue
        base = info.role[1:] if info.role.startswith("副") and len(info.role) > 2 else info.role
        for title in {info.role, base}:
            if title in tables.title_kinds:
                forms.setdefault(info.name[0] + title, []).append(info)
    return {form: found[0] for form, found in forms.items() if len({i.key for i in found}) == 1}


def _bare_titles(text: str, mentions: list[Mention], infos: list[ActorInfo], titles: _Titles,
                 tables: _Tables, catalogue: Catalogue) -> list[Mention]:
    """柬埔寨首相 with no name: the person holding that title, when exactly one is known, unless the title
    goes on into another office (美国总统国家安全事务助理, 联合国秘书长发言人: someone else's office; cue
    ``office_of_another`` of event_cues.yaml).

    The country's own mention stays, nested in the person's (as in 美国哈佛大学).
    """
    starts = {m.start for m in mentions}
    holders: dict[tuple[str, str], dict[str, ActorInfo]] = {}
    for info in infos:
        if info.cls == PERSON and info.affiliation and info.role:
            holders.setdefault((info.affiliation, info.role), {})[info.key] = info
    out: list[Mention] = []
    for m in sorted(mentions, key=BY_START):
        title, end = _title_written_after(m, titles) if m.cls in CONTEXT_CLASSES and m.key else (None, m.end)
        holder = (_holder(m.key, title, holders.get((m.key, title), {}), tables, catalogue)
                  if title and _past_unit_gloss(text, end) not in starts
                  and not tables.office_of_another.match(text, end) else None)
        if holder is None:
            out.append(m)
            continue
        out += [m, Mention(m.start, end, text[m.start:end], holder.key, PERSON, title, m.key)]
    return out


def _title_written_after(m: Mention, titles: _Titles) -> tuple[str | None, int]:
    """The title written right after an actor and where it ends; also one that begins with the actor's
    last character, which a body's name and its head's title share (美国卫生部长 is 卫生部 and 部长: the
    minister, not the ministry)."""
    title = titles.at.get(m.end)
    if title:
        return title, m.end + len(title)
    shared = titles.at.get(m.end - 1)
    if shared and len(shared) > 1:
        return shared, m.end - 1 + len(shared)
    return None, m.end


def _holder(affiliation: str, title: str, here: dict[str, ActorInfo], tables: _Tables,
            catalogue: Catalogue) -> ActorInfo | None:
    """The one person with ``title`` at ``affiliation``: named in this document (``here``), else in the catalogue."""
    if len(here) == 1:
        return next(iter(here.values()))
    if here or tables.title_kinds.get(title) not in RESOLVABLE_TITLE_KINDS:
        return None
    known = [a for a in tables.persons_by_affiliation.get(affiliation, ())
             if _same_title(a.role, title, tables.office_marks)]
    if len(known) != 1:
        return None
    return ActorInfo(known[0].key, PERSON, known[0].zh_hans, title, affiliation)


def _same_title(role: str | None, title: str, marks: tuple[str, ...]) -> bool:
    """Whether a catalogue role is the title, either ending with the other (国家主席 ~ 主席; 外交部长 ~ 外长 are
    not merged), unless a mark of another office stands before the shorter (副总统 is not 总统; row office_marks).

    >>> _same_title("总统", "副总统", ("副", "前")), _same_title("副总理兼外长", "外长", ("副", "前"))
    (False, True)
    """
    return bool(role) and (holds_office(role, title, marks) or holds_office(title, role, marks))


def _disambiguate(text: str, mentions: list[Mention], blocks: tuple[Block, ...],
                  catalogue: Catalogue) -> list[Mention]:
    """巴方: the candidate country named in the same line, else in the same block, else in the document's
    title (a readout titled 王毅会见巴基斯坦外长… says 巴方 from then on), else None. A title that names no
    such country leaves it open: a transcript's 伊方 may be Iran though Iraq is named in another answer,
    and a forum's 中阿 is the Arab states."""
    unresolved = [m for m in mentions if m.key is None]
    if not unresolved:
        return mentions
    wanted = {key for m in unresolved for key in _ambiguous_keys(m, catalogue)}
    starts_by_key: dict[str, list[int]] = {}
    for m in sorted(mentions, key=BY_START):
        if m.key in wanted:
            starts_by_key.setdefault(m.key, []).append(m.start)
    return [m if m.key is not None
            else replace(m, key=_nearby_choice(text, m, _ambiguous_keys(m, catalogue), starts_by_key, blocks))
            for m in mentions]


def _ambiguous_keys(m: Mention, catalogue: Catalogue) -> tuple[str, ...]:
    """The keys an unresolved mention may stand for."""
    keys = catalogue.keys_for(m.surface)
    if not keys and m.surface[:1] in catalogue.abbreviations:
        keys = catalogue.abbreviations[m.surface[:1]]
    return keys


def _nearby_choice(text: str, m: Mention, keys: tuple[str, ...], starts_by_key: dict[str, list[int]],
                   blocks: tuple[Block, ...]) -> str | None:
    """The single candidate key that another mention near ``m`` names (same line, else same block, else
    the document's first line, its title)."""
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    scopes = [(line_start, len(text) if line_end < 0 else line_end)]
    scopes += [(b.start, b.end) for b in blocks if b.start <= m.start and m.end <= b.end]
    title_start = len(text) - len(text.lstrip())
    title_end = text.find("\n", title_start)
    scopes.append((title_start, len(text) if title_end < 0 else title_end))
    for lo, hi in scopes:
        named = [k for k in keys if _any_between(starts_by_key.get(k, []), lo, hi)]
        if len(named) == 1:
            return named[0]
    return None


def _any_between(starts: list[int], lo: int, hi: int) -> bool:
    """Whether a sorted list of positions has one in ``[lo, hi)``."""
    i = bisect.bisect_left(starts, lo)
    return i < len(starts) and starts[i] < hi


def _organisation_infos(mentions: list[Mention], catalogue: Catalogue) -> list[ActorInfo]:
    """Discovered organisations and bodies (keys not in the catalogue), with the country a
    foreign ministry belongs to."""
    return [ActorInfo(m.key, m.cls, m.key.split("/", 1)[1], affiliation=m.affiliation)
            for m in mentions if m.key and m.cls != PERSON and m.key not in catalogue.actors]


def _foreign_bodies(mentions: list[Mention], tables: _Tables, catalogue: Catalogue) -> list[Mention]:
    """英国财政部: a catalogue ministry of one country written right after another country is
    that other country's ministry, a discovered body (``gov/英国财政部``, affiliated to it).

    The catalogue's bare 财政部 is China's; the country's own mention stays, nested.
    """
    countries = {m.end: m for m in mentions if m.cls == COUNTRY and m.key}
    out = []
    for m in mentions:
        country = countries.get(m.start)
        actor = catalogue.actors.get(m.key) if m.key and country is not None else None
        if (actor is not None and actor.cls == GOVERNMENT_BODY and actor.affiliation
                and not actor.zh_hans.endswith(tuple(tables.place_endings))
                and catalogue.actors.get(actor.affiliation, actor).cls == COUNTRY
                and actor.affiliation != country.key and not country.surface.endswith(SIDE_SUFFIX)):
            name = country.surface + m.surface
            m = Mention(country.start, m.end, name, f"gov/{name}", GOVERNMENT_BODY, None, country.key)
        out.append(m)
    return out


def _bodies_of_the_country_named(text: str, mentions: list[Mention], blocks: tuple[Block, ...],
                                 catalogue: Catalogue) -> list[Mention]:
    """英国外交部表示…。外交部又强调: a catalogue body of one country written bare is the body of
    another country when the last body of its name in the paragraph was that other country's.

    A writer names a foreign ministry with its country once and then drops the country; the bare
    name is China's only when the catalogue gives it alone. The paragraph is the text between two
    line breaks. Not after its own country (中国外交部), nor in a transcript turn: there the bare name is the host's
    (…菲律宾外交部长对南海…表示关切，外交部对此有何回应: asked of China's ministry).
    """
    turns = [(b.start, b.end) for b in blocks if b.kind == TURN_BLOCK]
    country_ends = {m.end for m in mentions if m.cls == COUNTRY}
    out: list[Mention] = []
    for m in mentions:
        actor = catalogue.actors.get(m.key) if m.key else None
        here = _country_of(m.key, None, catalogue) if actor is not None and actor.cls == GOVERNMENT_BODY else None
        bare = here is not None and m.start not in country_ends and not any(s <= m.start < e for s, e in turns)
        named = _last_of_name(text, m, out) if bare else None
        there = _country_of(named.key, named.affiliation, catalogue) if named is not None else None
        if there is not None and there != here:
            m = replace(m, key=named.key, cls=named.cls, affiliation=named.affiliation)
        out.append(m)
    return out


def _last_of_name(text: str, m: Mention, before: list[Mention]) -> Mention | None:
    """The last body in ``before`` (in text order) in the paragraph of ``m`` that has the name
    ``m`` has, bare or after a country."""
    paragraph = text.rfind("\n", 0, m.start) + 1
    for other in reversed(before):
        if other.end <= paragraph:
            return None
        if other.cls == GOVERNMENT_BODY and other.end <= m.start and (
                other.key == m.key or other.surface.endswith(m.surface)):
            return other
    return None


def _posted_abbreviations(text: str, mentions: list[Mention], tables: _Tables, catalogue: Catalogue
                          ) -> list[Mention]:
    """韩驻日大使, 美驻华使馆: a one-character abbreviation right before 驻 is the country whose post
    it is (the posted person then serves it); not when the character ends another mention (古巴驻华)
    or a word that names no actor (领土驻军, 加勒比驻华使节)."""
    covered = bytearray(len(text))
    for m in mentions:
        covered[m.start:m.end] = b"\x01" * (m.end - m.start)
    added = []
    pos = text.find(POSTED, 1)
    while pos != -1:
        char = text[pos - 1]
        keys = catalogue.abbreviations.get(char, ())
        if keys and not covered[pos - 1] and not text.endswith(tables.blocker_words, 0, pos):
            cls = catalogue.actors[keys[0]].cls if keys[0] in catalogue.actors else COUNTRY
            added.append(Mention(pos - 1, pos, char, keys[0] if len(keys) == 1 else None, cls))
        pos = text.find(POSTED, pos + 1)
    return sorted(mentions + added, key=BY_SPAN) if added else mentions


def _places_within(mentions: list[Mention], catalogue: Catalogue) -> list[Mention]:
    """湖北随州, 湖北武汉: a province written right before one of its cities names the city alone
    (the province is where the city lies, not a second actor)."""
    out: list[Mention] = []
    for m in sorted(mentions, key=BY_SPAN):
        actor = catalogue.actors.get(m.key) if m.key else None
        before = out[-1] if out else None
        if (actor is not None and before is not None and before.end == m.start and before.key
                and actor.cls == GOVERNMENT_BODY and actor.affiliation == before.key
                and catalogue.actors[before.key].cls == GOVERNMENT_BODY):
            out[-1] = replace(m, start=before.start, surface=before.surface + m.surface)
            continue
        out.append(m)
    return out


def _mark_blockers(text: str, taken: bytearray, catalogue: Catalogue) -> None:
    """Mark the words that never name an actor (高福利, 曾光临) as taken, so that a person's
    name met earlier is not found again inside them."""
    for row in catalogue.lexicon("not_actors"):
        word = row.get("word") or ""
        pos = text.find(word) if word else -1
        while pos != -1:
            taken[pos:pos + len(word)] = b"\x01" * len(word)
            pos = text.find(word, pos + 1)


def _unique_infos(infos: list[ActorInfo]) -> tuple[ActorInfo, ...]:
    """One entry per key, sorted; a later entry fills a role or affiliation the first lacked."""
    merged: dict[str, ActorInfo] = {}
    for info in infos:
        first = merged.get(info.key)
        if first is None:
            merged[info.key] = info
        elif first.role is None and info.role:
            merged[info.key] = replace(first, role=info.role, affiliation=first.affiliation or info.affiliation)
    return tuple(merged[k] for k in sorted(merged))


def _is_cjk(char: str) -> bool:
    """A Chinese character (the basic and extension-A blocks, and 〇)."""
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf" or char == "〇"
