"""Tests for graph/genres/__init__.py: the genre registry."""
from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from graph import genres
from graph.genres.layout import lines_of
from graph.model import DocMeta, Document
from graph.read import detect_genre

CUES = Path(__file__).resolve().parent.parent / "ontology" / "lexicon" / "genre_cues.csv"


def test_genres_registry_reads_every_detected_genre():
    with CUES.open(encoding="utf-8", newline="") as handle:
        detected = {row["genre"] for row in csv.DictReader(handle)}
    assert detected <= set(genres.NAMES)
    assert genres.FALLBACK in genres.NAMES


def test_genres_registry_unknown_genre_reads_as_plain_text():
    assert genres.splitter("no-such-genre") is genres.splitter(genres.FALLBACK)


@pytest.mark.parametrize("text, genre, kinds", [
    ("3月14日\n◆甲国总统致电乙国总统。\n3月15日\n◆丙国捐赠物资。\n3月16日\n◆丁国通报疫情。",
     "chronicle", ["day", "bullet", "day", "bullet", "day", "bullet"]),
    ("王五:\n谢谢主持人。\n赵六:\n请问发言人。\n王五:\n我们注意到了。\n赵六:\n谢谢。",
     "transcript", ["speaker", "turn", "speaker", "turn", "speaker", "turn", "speaker", "turn"]),
])
def test_genres_registry_detected_genre_splits_its_own_way(text, genre, kinds):
    assert detect_genre(text) == genre
    document = Document("d", text, text, tuple(range(len(text))), DocMeta(genre=genre, date=dt.date(2020, 3, 20)))
    blocks = genres.splitter(genre)(lines_of(text), document)
    assert [b.kind for b in blocks] == kinds
