"""graph/turtle_diff.py: the subject blocks two of emit's graph files differ in, read in one pass."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

import graph.turtle_diff
from graph.turtle_diff import NotComparable, diff

HEAD = "@prefix jid: <https://w3id.org/jishi/id/> .\n@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"
A = "jid:a\n    rdf:type jid:X ;\n    jid:p \"甲\""
B = "jid:b\n    rdf:type jid:X"
B2 = "jid:b\n    rdf:type jid:Y"
C = "jid:c\n    jid:p \"第一行\\n第二行\""


def _graph(folder: Path, name: str, *blocks: str, head: str = HEAD) -> Path:
    """A file in emit's layout: the prefixes, then the blocks, each ended by " ." and apart by an empty line."""
    path = folder / name
    path.write_bytes((head + "\n".join(f"{block} .\n" for block in blocks)).encode("utf-8"))
    return path


def test_turtle_diff_names_the_blocks_gone_added_and_changed(tmp_path):
    old = _graph(tmp_path, "old.ttl", A, B)
    new = _graph(tmp_path, "new.ttl", A, B2, C)
    change = diff(old, new, limit=10_000)
    assert change.gone == [f"{B} .".encode()]
    assert change.added == [f"{B2} .".encode(), f"{C} .".encode("utf-8")]
    assert change.header == HEAD.encode()


def test_turtle_diff_a_block_that_went_is_gone(tmp_path):
    change = diff(_graph(tmp_path, "old.ttl", A, B, C), _graph(tmp_path, "new.ttl", A, C), limit=10_000)
    assert (change.gone, change.added) == ([f"{B} .".encode()], [])


def test_turtle_diff_same_files_differ_in_nothing_and_hash_as_hashlib_does(tmp_path):
    old, new = _graph(tmp_path, "old.ttl", A, B, C), _graph(tmp_path, "new.ttl", A, B, C)
    change = diff(old, new, limit=0)
    assert (change.gone, change.added) == ([], [])
    assert change.old_sha256 == change.new_sha256 == hashlib.sha256(old.read_bytes()).hexdigest()


def test_turtle_diff_last_block_matches_the_same_block_followed_by_others(tmp_path):
    """The file's closing line break is not part of its last block, so a block that is last in one file only is unchanged."""
    change = diff(_graph(tmp_path, "old.ttl", A, B), _graph(tmp_path, "new.ttl", A, B, C), limit=10_000)
    assert (change.gone, change.added) == ([], [f"{C} .".encode()])


def test_turtle_diff_blocks_cut_by_chunks_are_read_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(graph.turtle_diff, "_CHUNK", 3)
    change = diff(_graph(tmp_path, "old.ttl", A, B), _graph(tmp_path, "new.ttl", A, B2, C), limit=10_000)
    assert change.gone == [f"{B} .".encode()]
    assert change.added == [f"{B2} .".encode(), f"{C} .".encode("utf-8")]


def test_turtle_diff_turtle_of_blocks_parses_to_their_triples(tmp_path):
    import pyoxigraph as ox

    change = diff(_graph(tmp_path, "old.ttl", A), _graph(tmp_path, "new.ttl", A, B2, C), limit=10_000)
    triples = {(q.subject.value, q.predicate.value, q.object.value)
               for q in ox.parse(change.turtle(change.added), format=ox.RdfFormat.TURTLE)}
    jid, rdf_type = "https://w3id.org/jishi/id/", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    assert triples == {(jid + "b", rdf_type, jid + "Y"), (jid + "c", jid + "p", "第一行\n第二行")}


@pytest.mark.parametrize("old_blocks, new_blocks", [
    ((B, A), (A, B)),        # out of order
    ((A, B), (A, A, B)),     # a subject twice
])
def test_turtle_diff_file_not_in_emit_order_is_not_comparable(tmp_path, old_blocks, new_blocks):
    with pytest.raises(NotComparable, match="not in order"):
        diff(_graph(tmp_path, "old.ttl", *old_blocks), _graph(tmp_path, "new.ttl", *new_blocks), limit=10_000)


def test_turtle_diff_other_prefixes_are_not_comparable(tmp_path):
    other = HEAD.replace("jid:", "id:")
    with pytest.raises(NotComparable, match="prefixes"):
        diff(_graph(tmp_path, "old.ttl", A), _graph(tmp_path, "new.ttl", A, head=other), limit=10_000)


def test_turtle_diff_past_the_limit_is_not_comparable(tmp_path):
    old, new = _graph(tmp_path, "old.ttl", A), _graph(tmp_path, "new.ttl", A, B, C)
    added = len(f"{B} .".encode()) + len(f"{C} .".encode("utf-8"))
    assert len(diff(old, new, limit=added).added) == 2
    with pytest.raises(NotComparable, match="more than"):
        diff(old, new, limit=added - 1)


def test_turtle_diff_parts_hold_whole_blocks_each_under_the_prefixes(tmp_path):
    path = _graph(tmp_path, "g.ttl", A, B, C)
    digest = hashlib.sha256()
    parts = list(graph.turtle_diff.parts(path, 1, digest))
    assert parts == [f"{HEAD}{block} .\n".encode("utf-8") for block in (A, B, C)]
    assert digest.hexdigest() == hashlib.sha256(path.read_bytes()).hexdigest()


def test_turtle_diff_parts_of_a_larger_size_are_the_file_itself(tmp_path):
    path = _graph(tmp_path, "g.ttl", A, B, C)
    assert list(graph.turtle_diff.parts(path, 10_000, hashlib.sha256())) == [path.read_bytes()]
    two = list(graph.turtle_diff.parts(path, len(f"{A} .{B} .".encode("utf-8")), hashlib.sha256()))
    assert two == [f"{HEAD}{A} .\n\n{B} .\n".encode("utf-8"), f"{HEAD}{C} .\n".encode("utf-8")]
