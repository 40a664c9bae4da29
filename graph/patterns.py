"""Faster scanning with the same regular expressions: a look-ahead for a match's first characters.

Python's regex engine skips quickly to a possible match only when a pattern
begins with a literal or with an alternation of single literals. A pattern
that begins otherwise (an alternation of trigger phrases, a date behind a
look-behind) is tried in full at every position of a document. Put behind a
one-character class of the characters a match can begin with, it is tried
only where one of them stands, and it matches exactly what it matched before.

>>> behind_first_chars(r"(?<!\\d)(?:1[0-2]|0?[1-9])月").pattern
'(?=[0123456789])(?:(?<!\\\\d)(?:1[0-2]|0?[1-9])月)'
>>> first_chars(r"\\w+") is None
True
"""
from __future__ import annotations

import re
from re import _constants, _parser

__all__ = ["first_chars", "behind_first_chars", "behind"]

# A character class in a pattern is read only when it names at most this many characters.
MAX_CLASS = 1000
ZERO_WIDTH = (_constants.ASSERT, _constants.ASSERT_NOT, _constants.AT)
REPEATS = (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT)


def first_chars(pattern: str) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can begin with; None when they cannot be known.

    The answer may name a character no match begins with, never miss one: parts
    of a pattern this reading does not follow (``\\w``, ``.``, a negated class,
    case-insensitive flags), or a pattern that can match the empty string, give None.
    """
    parsed = _parser.parse(pattern)
    if parsed.state.flags & re.IGNORECASE:
        return None
    found = _first(list(parsed))
    if found is None or found[1] or not found[0]:
        return None
    return frozenset(found[0])


def behind(chars: frozenset[str] | None, pattern: str) -> re.Pattern:
    """``pattern`` compiled behind a look-ahead for ``chars`` (as it is when ``chars`` is None)."""
    if not chars:
        return re.compile(pattern)
    return re.compile("(?=[{}])(?:{})".format("".join(re.escape(c) for c in sorted(chars)), pattern))


def behind_first_chars(pattern: str) -> re.Pattern:
    """``pattern`` compiled behind a look-ahead for its :func:`first_chars`."""
    return behind(first_chars(pattern), pattern)


def _first(items: list) -> tuple[set[str], bool] | None:
    """(characters the sequence ``items`` can begin with, whether it can match empty), or None."""
    chars: set[str] = set()
    for op, av in items:
        if op in ZERO_WIDTH:
            continue
        part = _first_of(op, av)
        if part is None:
            return None
        chars |= part[0]
        if not part[1]:
            return chars, False
    return chars, True


def _first_of(op, av) -> tuple[set[str], bool] | None:
    """:func:`_first` for one element of a parsed pattern."""
    if op is _constants.LITERAL:
        return {chr(av)}, False
    if op is _constants.IN:
        chars = _class_chars(av)
        return (chars, False) if chars is not None else None
    if op is _constants.SUBPATTERN:
        return _first(list(av[3])) if not av[1] and not av[2] else None
    if op is _constants.BRANCH:
        parts = [_first(list(alternative)) for alternative in av[1]]
        if None in parts:
            return None
        return set().union(*(p[0] for p in parts)), any(p[1] for p in parts)
    if op in REPEATS:
        low, _high, item = av
        part = _first(list(item))
        return None if part is None else (part[0], part[1] or low == 0)
    return None


def _class_chars(items: list) -> set[str] | None:
    """The characters of a positive class of literals and small ranges, else None."""
    chars: set[str] = set()
    for op, av in items:
        if op is _constants.LITERAL:
            chars.add(chr(av))
        elif op is _constants.RANGE and av[1] - av[0] < MAX_CLASS:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        else:
            return None
    return chars if len(chars) <= MAX_CLASS else None
