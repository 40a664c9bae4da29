"""Tests for graph.model: the mapping between a document's raw text and its matching view."""
from __future__ import annotations

import bisect
import pickle

import pytest

from graph.model import Document, EventCandidate, Offsets, Span, StatementCandidate
from graph.read import parse_document


@pytest.mark.parametrize("raw, start, end, expected", [
    ("◆中方愿同各方加强视频\n\n会议合作。", 9, 15, "视频会议"),  # the page break inside is dropped from the view
    ("◆中方愿同各方加强视频\n\n会议合作。", 1, 3, "中方"),
    ("◆中方愿同各方加强视频\n\n会议合作。", 11, 13, None),  # the dropped break alone: nothing kept
])
def test_model_text_range_inverts_raw_span(raw, start, end, expected):
    doc = parse_document(raw, "x.txt")
    found = doc.text_range(start, end)
    assert (doc.text[found[0]:found[1]] if found else None) == expected
    if found:
        back = doc.raw_span(*found)
        assert start <= back.start and back.end <= end


PAGE_BROKEN = "◆中方愿同各方加强视频\n\n会议合作，共同\n\n应对疫情。"
"""A bulletin item cut by two page breaks inside its sentence."""


def test_model_offsets_of_a_page_break_skip_the_dropped_characters():
    doc = parse_document("◆中方愿同各方加强视频\n\n会议合作。", "x.txt")
    # raw: 0-10 ◆…频, 11-12 the two newlines of the break, 13-17 会议合作。
    assert list(doc.offsets) == [*range(0, 11), *range(13, 18)]
    assert len(doc.offsets) == len(doc.text) == 16
    assert doc.offsets[10] == 10 and doc.offsets[11] == 13 and doc.offsets[-1] == 17


@pytest.mark.parametrize("positions", [
    [],
    [0, 1, 2, 3],  # the view is raw itself: one run
    [2, 3, 4, 9, 10, 15],  # three runs, the first not at 0
    [0, 2, 4, 6],  # every other character
    [5],
])
def test_model_offsets_map_like_the_list_of_positions(positions):
    offsets = Offsets.of(positions)
    assert len(offsets) == len(positions)
    assert list(offsets) == positions
    assert [offsets[i] for i in range(len(positions))] == positions
    assert [offsets[-i] for i in range(1, len(positions) + 1)] == [positions[-i] for i in range(1, len(positions) + 1)]
    assert offsets[1:3] == tuple(positions[1:3])
    for position in range(-1, (positions[-1] if positions else 0) + 3):
        assert offsets.bisect_left(position) == bisect.bisect_left(positions, position), position


@pytest.mark.parametrize("start, end, expected", [
    (0, 2, (2, 4)),     # inside the first run
    (1, 3, (3, 5)),     # its end
    (2, 4, (4, 10)),    # across the first gap: from 4 to just after 9
    (3, 5, (9, 11)),    # the second run
    (4, 6, (10, 16)),   # across the second gap
    (5, 6, (15, 16)),   # the last character
])
def test_model_offsets_raw_range_spans_from_the_first_to_after_the_last(start, end, expected):
    assert Offsets.of([2, 3, 4, 9, 10, 15]).raw_range(start, end) == expected


@pytest.mark.parametrize("start, end", [(-1, 2), (3, 7), (6, 7)])
def test_model_offsets_raw_range_refuses_a_range_outside_the_view(start, end):
    with pytest.raises(IndexError):
        Offsets.of([2, 3, 4, 9, 10, 15]).raw_range(start, end)


@pytest.mark.parametrize("index", [4, -5])
def test_model_offsets_refuse_an_index_outside_the_view(index):
    with pytest.raises(IndexError):
        Offsets.of([0, 1, 2, 7])[index]


def test_model_offsets_hold_a_run_per_kept_stretch_not_an_int_per_character():
    doc = parse_document(PAGE_BROKEN, "x.txt")
    assert doc.text == "◆中方愿同各方加强视频会议合作，共同应对疫情。"
    # raw: 0-10 ◆…频, 11-12 break, 13-19 会议合作，共同, 20-21 break, 22-26 应对疫情。
    assert list(doc.offsets) == [*range(0, 11), *range(13, 20), *range(22, 27)]
    assert repr(doc.offsets) == "Offsets(3 runs over 23 characters)"
    assert doc.text_range(11, 13) is None and doc.text_range(12, 14) == (11, 12)


def test_model_document_takes_offsets_as_any_sequence_and_pickles_them():
    doc = Document("d", "甲乙丙", "甲丙", (0, 2))
    assert isinstance(doc.offsets, Offsets) and doc.offsets == Offsets([(0, 1), (2, 3)])
    assert doc.raw_span(0, 2).end == 3 and doc.text_range(1, 2) is None
    copy = pickle.loads(pickle.dumps(doc))
    assert copy == doc and list(copy.offsets) == [0, 2]


def test_model_spans_and_candidates_pickle_back_equal_with_every_field():
    """The cache pickles them as class and fields: every field, defaults overridden too, comes back in its place."""
    import datetime as dt

    span = Span("报告.txt", 3, 9)
    event = EventCandidate("Visit", dt.date(2020, 5, 1), True, ("country/中国", "person/甲"), span,
                           requested_by="country/乙", provider="country/丙", recipient="country/丁",
                           date_end=dt.date(2020, 5, 3), assumed_date=True)
    statement = StatementCandidate("person/甲", "表示", "双方同意。", None, Span("b.txt", 0, 5), during=2)
    for value in (span, event, statement):
        copy = pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        assert copy == value and type(copy) is type(value)
    assert pickle.loads(pickle.dumps(event)).recipient == "country/丁"
    assert pickle.loads(pickle.dumps(statement)).during == 2
