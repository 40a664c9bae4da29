"""Tests for graph/patterns.py: first characters of a pattern, and the look-ahead that uses them."""
from __future__ import annotations

import re

import pytest

from graph.patterns import behind_first_chars, first_chars


@pytest.mark.parametrize("pattern,chars", [
    ("会谈|会见|通电话", {"会", "通"}),
    ("(?:通报|分享)(?=[^，。]{0,9}信息)", {"通", "分"}),
    ("(?<!\\d)(?:1[0-2]|0?[1-9])月", set("0123456789")),
    ("(?:中方)?致电", {"中", "致"}),
    ("[甲乙]丙", {"甲", "乙"}),
])
def test_patterns_first_chars(pattern: str, chars: set[str]) -> None:
    assert first_chars(pattern) == chars


@pytest.mark.parametrize("pattern", [r"\w+会", "(?i)ab", "[^，]会", "a?", ".会", "(?i:a)b"])
def test_patterns_first_chars_unknown(pattern: str) -> None:
    assert first_chars(pattern) is None


@pytest.mark.parametrize("pattern", [
    "峰会|(?:电视电话|视频)[^，。]{0,8}?会议?|(?:通报|分享)(?=[^，。]{0,9}信息)",
    "(?<!\\d)(?:(?:(?:19|20)\\d{2}年)?(?:1[0-2]|0?[1-9])月(?:3[01]|[12]\\d|0?[1-9])日)",
    "会谈|\\w会",
])
def test_patterns_behind_first_chars_same_matches(pattern: str) -> None:
    text = "3月12日，甲国同乙国举行视频会议。2020年1月3日，双方通报疫情信息并通电话。峰会12日举行，第二次会谈"
    plain = [m.span() for m in re.finditer(pattern, text)]
    assert plain
    assert [m.span() for m in behind_first_chars(pattern).finditer(text)] == plain
