"""Tests for graph.model: the mapping between a document's raw text and its matching view."""
from __future__ import annotations

import pytest

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
