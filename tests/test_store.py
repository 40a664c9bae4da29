"""graph/store.py: the store a build saves beside its graph, used by query and serve only while it holds that graph."""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import socket
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

import graph.store
from graph.cli import main
from graph.pipeline import build
from graph.query import named_queries, open_store, parse_store, select
from graph.serve import start_server
from graph.store import STAMP, STORE, fresh_store, open_saved, update_copy, write_store

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
EXTRA = '\n<https://w3id.org/jishi/id/extra> <http://www.w3.org/2000/01/rdf-schema#label> "added by hand" .\n'
"""A triple a user appends to graph.ttl: the saved store does not hold it."""
ADDED = 'SELECT ?s WHERE { ?s ?p "added by hand" }'


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory, seeds_dir) -> Path:
    """The seed corpus built once, with its store; tests copy it before changing anything."""
    return build([seeds_dir], tmp_path_factory.mktemp("store"), progress=False, network=False).graph_path.parent


@pytest.fixture
def outdir(seed_build, tmp_path) -> Path:
    """A copy of the seed build that a test may change (file times kept, as ``cp -p`` does)."""
    return Path(shutil.copytree(seed_build, tmp_path / "out"))


def _rows(store, query: str) -> list[dict]:
    """The rows in a fixed order, each GROUP_CONCAT list sorted: SPARQL leaves the order of both to the engine."""
    return sorted(({k: _joined(v) for k, v in row.items()} for row in select(query, store)), key=repr)


def _joined(value: object) -> object:
    """A value the named queries join with 、 or a space, as a sorted tuple of its parts; any other as it is."""
    return tuple(sorted(re.split("[、 ]", value))) if isinstance(value, str) else value


def test_store_build_writes_store_and_stamp(seed_build):
    assert (seed_build / STORE).is_dir()
    assert fresh_store(seed_build / "graph.ttl") == (seed_build / STORE, None)


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_store_answers_as_the_turtle_parse_does(seed_build, name):
    text = named_queries()[name].text
    saved, parsed = open_saved(seed_build / STORE), parse_store(seed_build / "graph.ttl")
    assert _rows(saved, text) == _rows(parsed, text)


def test_store_holds_every_triple_of_the_graph(seed_build):
    saved, parsed = open_saved(seed_build / STORE), parse_store(seed_build / "graph.ttl")
    assert select(COUNT, saved)[0]["n"] == select(COUNT, parsed)[0]["n"] > 10_000
    assert set(saved) == set(parsed)


def test_store_loaded_in_parts_holds_every_triple_of_the_graph(seed_build, tmp_path, monkeypatch):
    graph_path = Path(shutil.copy(seed_build / "graph.ttl", tmp_path / "graph.ttl"))
    monkeypatch.setattr(graph.store, "LOAD_PART_BYTES", 2_000)  # the seeds' graph in hundreds of parts
    write_store(graph_path)
    saved, parsed = open_saved(tmp_path / STORE), parse_store(graph_path)
    assert set(saved) == set(parsed)
    assert fresh_store(graph_path) == (tmp_path / STORE, None)


def test_store_graph_edited_by_hand_is_parsed_with_a_note(outdir):
    graph = outdir / "graph.ttl"
    with graph.open("a", encoding="utf-8") as handle:
        handle.write(EXTRA)
    notes: list[str] = []
    store = open_store(graph, notes)
    assert select(ADDED, store) == [{"s": "https://w3id.org/jishi/id/extra"}]
    assert len(notes) == 1 and "built from another graph.ttl" in notes[0]


def test_store_graph_of_the_same_size_and_time_but_other_bytes_is_trusted_by_its_stamp(outdir):
    """Size and time decide without reading the graph: a same-sized edit with its time put back goes unseen.

    This shows the store, not the file, answers on the fast path; the next test shows a touched file is hashed.
    """
    graph = outdir / "graph.ttl"
    before = graph.stat()
    data = graph.read_bytes()
    graph.write_bytes(data.replace(b"PhoneCall", b"PhoneCalm"))
    os.utime(graph, ns=(before.st_atime_ns, before.st_mtime_ns))
    calls = "SELECT (COUNT(*) AS ?n) WHERE { ?e a jishi:PhoneCall }"
    assert select(calls, open_store(graph))[0]["n"] > 0
    assert select(calls, parse_store(graph))[0]["n"] == 0


def test_store_touched_graph_with_the_same_bytes_keeps_its_store(outdir):
    graph = outdir / "graph.ttl"
    os.utime(graph)
    assert fresh_store(graph) == (outdir / STORE, None)


def test_store_same_size_other_bytes_and_other_time_is_stale(outdir):
    graph = outdir / "graph.ttl"
    graph.write_bytes(graph.read_bytes().replace(b"PhoneCall", b"PhoneCalm"))
    folder, why = fresh_store(graph)
    assert folder is None and "built from another" in why


@pytest.mark.parametrize("stamp", [None, "not json", '{"graph": "graph.ttl"}'])
def test_store_without_a_readable_stamp_is_not_used(outdir, stamp):
    (outdir / STAMP).unlink()
    if stamp is not None:
        (outdir / STAMP).write_text(stamp, encoding="utf-8")
    notes: list[str] = []
    assert select(COUNT, open_store(outdir / "graph.ttl", notes))[0]["n"] > 10_000
    assert len(notes) == 1 and f"no readable {STAMP}" in notes[0]


def test_store_damaged_store_is_passed_over(outdir):
    for entry in (outdir / STORE).iterdir():
        entry.write_bytes(b"not RocksDB")
    notes: list[str] = []
    assert select(COUNT, open_store(outdir / "graph.ttl", notes))[0]["n"] > 10_000
    assert len(notes) == 1 and "cannot be opened" in notes[0]


def test_store_no_store_build_removes_the_earlier_store(outdir, seeds_dir):
    build([seeds_dir / "000_88ab725de4594ffc.txt"], outdir, progress=False, network=False, store=False)
    assert not (outdir / STORE).exists() and not (outdir / STAMP).exists()
    assert fresh_store(outdir / "graph.ttl") == (None, None)


def test_store_cli_query_notes_a_stale_store_on_stderr(outdir):
    with (outdir / "graph.ttl").open("a", encoding="utf-8") as handle:
        handle.write(EXTRA)
    result = CliRunner().invoke(main, ["query", "-e", ADDED, "--graph", str(outdir / "graph.ttl")])
    assert result.exit_code == 0, result.output
    assert "jid:extra" in result.stdout
    assert "note: " in result.stderr and "parsing" in result.stderr


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _count(server) -> str:
    url = server.endpoint + "?" + urllib.parse.urlencode({"query": COUNT})
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def test_store_serve_starts_on_the_saved_store_and_leaves_it(outdir):
    with start_server(outdir / "graph.ttl", port=_free_port(), timeout=30) as server:
        args = server.process.args
        assert args[args.index("--location") + 1] == str(outdir / STORE)
        assert "serve-read-only" in args
        assert '"value":"' in _count(server)
    assert fresh_store(outdir / "graph.ttl") == (outdir / STORE, None)


def test_store_serve_loads_a_stale_graph_into_a_temporary_store(outdir):
    with (outdir / "graph.ttl").open("a", encoding="utf-8") as handle:
        handle.write(EXTRA)
    notes: list[str] = []
    with start_server(outdir / "graph.ttl", port=_free_port(), timeout=30, notes=notes) as server:
        args = server.process.args
        assert args[args.index("--location") + 1] != str(outdir / STORE)
        url = server.endpoint + "?" + urllib.parse.urlencode({"query": ADDED})
        with urllib.request.urlopen(url, timeout=10) as response:
            assert "https://w3id.org/jishi/id/extra" in response.read().decode("utf-8")
    assert len(notes) == 1 and "built from another" in notes[0]


def test_store_serve_passes_a_damaged_store_over(outdir):
    for entry in (outdir / STORE).iterdir():
        entry.write_bytes(b"not RocksDB")
    notes: list[str] = []
    with start_server(outdir / "graph.ttl", port=_free_port(), timeout=30, notes=notes) as server:
        args = server.process.args
        assert args[args.index("--location") + 1] != str(outdir / STORE)
        assert '"value":"' in _count(server)
    assert len(notes) == 1 and "cannot be opened" in notes[0]


@pytest.fixture
def no_bulk_load(monkeypatch) -> None:
    """Let every change update the store (a seed document is a large part of the seed graph); never load whole."""
    monkeypatch.setattr(graph.store, "UPDATE_LIMIT", 1000.0)

    def refused(graph_path: Path, target: Path) -> None:
        raise AssertionError(f"{graph_path} was loaded whole")

    return lambda: monkeypatch.setattr(graph.store, "_bulk_load", refused)


@pytest.fixture
def two_seeds(tmp_path, seeds_dir) -> Path:
    """A folder of the first two seed documents; tests add others."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for path in sorted(seeds_dir.glob("*.txt"))[:2]:
        shutil.copy(path, docs / path.name)
    return docs


_NAMED = 'SELECT ?d WHERE {{ ?d <http://purl.org/dc/terms/identifier> "{}" }}'
"""The document of that name."""


def _holds_its_graph(out: Path) -> bool:
    """Whether ``out``'s store is fresh and holds exactly the triples of ``out/graph.ttl``."""
    saved, parsed = open_saved(out / STORE), parse_store(out / "graph.ttl")
    return fresh_store(out / "graph.ttl") == (out / STORE, None) and set(saved) == set(parsed)


def test_store_adding_a_document_updates_the_earlier_store_to_the_new_graph(two_seeds, seeds_dir, tmp_path,
                                                                            no_bulk_load):
    out = tmp_path / "out"
    build([two_seeds], out, progress=False, network=False, jobs=1)
    added = sorted(seeds_dir.glob("*.txt"))[2]
    shutil.copy(added, two_seeds / added.name)
    no_bulk_load()
    build([two_seeds], out, progress=False, network=False, jobs=1)
    assert _holds_its_graph(out)
    assert len(select(_NAMED.format(added.name), open_saved(out / STORE))) == 1


def test_store_removing_a_document_updates_the_earlier_store(two_seeds, tmp_path, no_bulk_load):
    out = tmp_path / "out"
    build([two_seeds], out, progress=False, network=False, jobs=1)
    removed = sorted(two_seeds.iterdir())[1]
    removed.unlink()
    no_bulk_load()
    build([two_seeds], out, progress=False, network=False, jobs=1)
    assert _holds_its_graph(out)
    assert select(_NAMED.format(removed.name), open_saved(out / STORE)) == []


def test_store_earlier_store_of_another_graph_is_not_updated(outdir, seeds_dir, tmp_path, monkeypatch):
    """A graph.ttl edited by hand since its store was loaded (its hash differs from the stamp's) is loaded whole."""
    monkeypatch.setattr(graph.store, "UPDATE_LIMIT", 1000.0)
    graph_file = outdir / "graph.ttl"
    before = graph_file.stat()
    graph_file.write_bytes(graph_file.read_bytes().replace(b"PhoneCall", b"PhoneCalm"))
    os.utime(graph_file, ns=(before.st_atime_ns, before.st_mtime_ns))  # even with its size and time kept
    whole = build([seeds_dir], tmp_path / "whole", progress=False, network=False, jobs=1, store=False).graph_path
    assert update_copy(graph_file, whole, tmp_path / "copy") is None and not (tmp_path / "copy").exists()
    build([seeds_dir], outdir, progress=False, network=False, jobs=1)
    assert _holds_its_graph(outdir)


def test_store_update_copy_of_graphs_too_far_apart_leaves_nothing(two_seeds, seeds_dir, tmp_path, monkeypatch):
    small = build([two_seeds], tmp_path / "small", progress=False, network=False, jobs=1).graph_path
    whole = build([seeds_dir], tmp_path / "whole", progress=False, network=False, jobs=1, store=False).graph_path
    target = tmp_path / "copy"
    monkeypatch.setattr(graph.store, "UPDATE_LIMIT", 0.01)
    assert update_copy(small, whole, target) is None and not target.exists()
    monkeypatch.setattr(graph.store, "UPDATE_LIMIT", 1000.0)
    assert update_copy(small, whole, target) == hashlib.sha256(whole.read_bytes()).hexdigest()
    assert set(ox.Store.read_only(str(target))) == set(parse_store(whole))


def test_store_update_copy_passes_blank_nodes_over(tmp_path, monkeypatch):
    """A blank node changed between two graphs cannot be found again in the store to be removed: loaded whole."""
    monkeypatch.setattr(graph.store, "UPDATE_LIMIT", 1000.0)
    head = "@prefix jid: <https://w3id.org/jishi/id/> .\n"
    old, new = tmp_path / "old" / "graph.ttl", tmp_path / "new" / "graph.ttl"
    old.parent.mkdir()
    new.parent.mkdir()
    old.write_text(head + "jid:a\n    jid:p [ jid:q 1 ] .\n", encoding="utf-8")
    new.write_text(head + "jid:a\n    jid:p [ jid:q 2 ] .\n", encoding="utf-8")
    write_store(old)
    assert update_copy(old, new, tmp_path / "copy") is None and not (tmp_path / "copy").exists()
    new.write_text(head + "jid:a\n    jid:p jid:b .\n", encoding="utf-8")
    assert update_copy(old, new, tmp_path / "copy") is None
