"""QuickStatements V1: every line checked against the V1 grammar, and the commands for the fixture's phone call."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from graph.export.quickstatements import qs_string, qs_time, quickstatements

RETRIEVED = dt.date(2024, 5, 1)
LANG = r"[a-z]{2,3}(?:-[a-z]+)*"
STRING = r'"[^\t\n]*"'
VALUE = rf"(?:Q\d+|{STRING}|{LANG}:{STRING}|[+-]\d{{4,}}-\d\d-\d\dT00:00:00Z/\d{{1,2}})"
V1_LINE = re.compile(rf"""^(?:
    CREATE
  | (?:LAST|Q\d+)\t[LDA]{LANG}\t{STRING}
  | (?:LAST|Q\d+)\tP\d+\t{VALUE}(?:\tS\d+\t{VALUE}(?:\t!?S\d+\t{VALUE})*)?
)$""", re.VERBOSE)
"""QuickStatements V1: tab-separated; labels/descriptions/aliases as L/D/A + language code; a claim
value then reference pairs, the first ``S…`` opening a reference and each ``!S…`` a further one."""


@pytest.fixture()
def commands(fixture_graph) -> list[str]:
    text, _ = quickstatements(fixture_graph, RETRIEVED)
    return text.splitlines()


def test_quickstatements_every_line_is_v1(commands):
    assert commands
    bad = [line for line in commands if not V1_LINE.match(line)]
    assert bad == []


def test_quickstatements_phone_call(commands):
    start = commands.index("CREATE")
    block = commands[start:start + 9]
    assert 'LAST\tLzh-hans\t"习近平、普京通电话"' in block
    assert 'LAST\tDzh-hans\t"2020-03-19 通电话"' in block
    participants = [line.split("\t")[2] for line in block if line.startswith("LAST\tP710\t")]
    assert participants == ["Q15031", "Q7747"]
    date_line = next(line for line in block if line.startswith("LAST\tP585\t"))
    fields = date_line.split("\t")
    assert fields[2] == "+2020-03-19T00:00:00Z/11"
    refs = fields[3:]
    properties = refs[0::2]
    assert properties[0].startswith("S") and sum(p.startswith("!S") for p in properties) == 1
    assert properties.count("S813") + properties.count("!S813") == 2
    assert '"https://example.org/news/a.html"' in refs
    assert 'zh-hans:"中俄元首通电话"' in refs and 'zh-hant:"大事記"' in refs
    assert {refs[i + 1] for i, p in enumerate(refs) if p.endswith("S813")} == {"+2024-05-01T00:00:00Z/11"}


def test_quickstatements_skips_events_not_fully_linked(commands):
    # the meeting has an unlinked participant (the institute): no CREATE for it
    assert commands.count("CREATE") == 1
    assert not any("奥" in line and "LAST" in line for line in commands)


def test_quickstatements_actor_labels_and_aliases(commands):
    assert 'Q15031\tLzh-hant\t"習近平"' in commands
    assert 'Q15031\tLen\t"Xi Jinping"' in commands
    assert 'Q7747\tAzh-hant\t"普丁"' in commands


@pytest.mark.parametrize("text, expected", [("北京\n分部", '"北京 分部"'), ("a\tb", '"a b"'), ("中国", '"中国"')])
def test_quickstatements_string_values(text, expected):
    assert qs_string(text) == expected


def test_quickstatements_day_precision():
    assert qs_time(dt.date(2020, 3, 19)) == "+2020-03-19T00:00:00Z/11"
