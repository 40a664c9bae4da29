"""graph/cache.py: a rebuild analyses only what changed, and writes the graph a clean build writes."""
from __future__ import annotations

import contextlib
import pickle
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

import graph.layout
import graph.viz
import graph.pipeline
from graph.cache import CACHE, CATALOGUE_CACHE, PAGE_CACHE, TURTLE_CACHE, AnalysisCache, DiskMemo, Memo
from graph.catalogue import load_catalogue
from graph.pipeline import DateHint, build
from graph.read import read_document
from graph.resolve import Findings

SEEDS = ["000_88ab725de4594ffc.txt", "001_8486d6720058fcd3.txt", "002_214cb19a08ba0256.txt"]


@pytest.fixture
def analysed(monkeypatch) -> list[str]:
    """The ids of the documents analysed (in this process: the builds here run with jobs=1)."""
    seen: list[str] = []
    real = graph.pipeline.analyse

    def counting(document, catalogue, proposed=()):
        seen.append(document.id)
        return real(document, catalogue, proposed)

    monkeypatch.setattr(graph.pipeline, "analyse", counting)
    return seen


@pytest.fixture
def corpus(tmp_path, seeds_dir) -> Path:
    """Two seed documents in a folder of their own; tests add the third."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in SEEDS[:2]:
        shutil.copy(seeds_dir / name, docs / name)
    return docs


def _build(docs: Path, out: Path, **options) -> bytes:
    build([docs], out, progress=False, network=False, store=False, jobs=1, **options)
    return (out / "graph.ttl").read_bytes()


def _entries(out: Path) -> list[Path]:
    return sorted((out / CACHE).rglob("*.pickle"))


def _written(folder: Path) -> dict[Path, int]:
    """When each pickle under ``folder`` was last written: a build that leaves them alone keeps it."""
    return {entry: entry.stat().st_mtime_ns for entry in folder.rglob("*.pickle")}


def test_cache_adding_a_document_analyses_only_it_and_gives_the_clean_graph(corpus, seeds_dir, tmp_path, analysed):
    _build(corpus, tmp_path / "out")
    assert sorted(analysed) == SEEDS[:2] and len(_entries(tmp_path / "out")) == 2
    shutil.copy(seeds_dir / SEEDS[2], corpus / SEEDS[2])
    analysed.clear()
    cached = _build(corpus, tmp_path / "out")
    assert analysed == [SEEDS[2]]
    clean = _build(corpus, tmp_path / "clean", cache=False)
    assert cached == clean
    assert not (tmp_path / "clean" / CACHE).exists()


def test_cache_rebuild_takes_the_catalogue_from_its_memo(corpus, tmp_path, monkeypatch):
    first = _build(corpus, tmp_path / "out")
    (memo,) = (tmp_path / "out" / CATALOGUE_CACHE).glob("*/catalogue.pickle")
    read: list[str] = []
    real = graph.pipeline.load_catalogue
    monkeypatch.setattr(graph.pipeline, "load_catalogue", lambda: read.append("tables") or real())
    assert _build(corpus, tmp_path / "out") == first and read == []  # the actor tables not read again
    memo.write_bytes(b"not a pickle")
    assert _build(corpus, tmp_path / "out") == first and read == ["tables"]  # a damaged memo: read again
    assert _build(corpus, tmp_path / "clean", cache=False) == first and read == ["tables"] * 2
    assert not (tmp_path / "clean" / CATALOGUE_CACHE).exists()


def test_cache_changed_document_is_analysed_again(corpus, tmp_path, analysed):
    first = _build(corpus, tmp_path / "out")
    text = (corpus / SEEDS[0]).read_text(encoding="utf-8")
    (corpus / SEEDS[0]).write_text(text.replace("中韩", "中日"), encoding="utf-8")
    analysed.clear()
    cached = _build(corpus, tmp_path / "out")
    assert analysed == [SEEDS[0]]
    assert cached != first
    assert cached == _build(corpus, tmp_path / "clean", cache=False)


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05K\x01."])  # empty, garbage, a pickled 1
def test_cache_damaged_entry_is_analysed_again(corpus, tmp_path, analysed, damage):
    first = _build(corpus, tmp_path / "out")
    for entry in _entries(tmp_path / "out"):
        entry.write_bytes(damage)
    analysed.clear()
    assert _build(corpus, tmp_path / "out") == first
    assert sorted(analysed) == SEEDS[:2]
    analysed.clear()
    _build(corpus, tmp_path / "out")  # the entries were written again
    assert analysed == []


def test_cache_entry_of_the_old_layout_is_analysed_again(corpus, tmp_path, analysed):
    """Entries once held a whole Analysis; one left under a current key is not taken for findings."""
    first = _build(corpus, tmp_path / "out")
    catalogue = load_catalogue()
    for name in SEEDS[:2]:
        key = next(entry for entry in _entries(tmp_path / "out") if _holds(entry, name))
        key.write_bytes(pickle.dumps(graph.pipeline.analyse(read_document(corpus / name), catalogue)))
    analysed.clear()
    assert _build(corpus, tmp_path / "out") == first
    assert sorted(analysed) == SEEDS[:2]
    assert all(isinstance(pickle.loads(entry.read_bytes()), Findings) for entry in _entries(tmp_path / "out"))


def _holds(entry: Path, name: str) -> bool:
    """Whether the cache entry at ``entry`` is the document ``name``'s."""
    return pickle.loads(entry.read_bytes()).document.id == name


def test_cache_no_cache_analyses_everything_and_leaves_the_cache_alone(corpus, tmp_path, analysed):
    _build(corpus, tmp_path / "out")
    before = _written(tmp_path / "out" / CACHE)
    analysed.clear()
    _build(corpus, tmp_path / "out", cache=False)
    assert sorted(analysed) == SEEDS[:2]
    assert _written(tmp_path / "out" / CACHE) == before


def test_cache_another_date_hint_is_another_entry(corpus, tmp_path, analysed):
    _build(corpus, tmp_path / "out")
    analysed.clear()
    _build(corpus, tmp_path / "out", hint=DateHint(year=2021))
    assert sorted(analysed) == SEEDS[:2]


def test_cache_another_version_of_jishi_starts_afresh(tmp_path):
    old = AnalysisCache.open(tmp_path, version="a" * 64)
    old.folder.mkdir(parents=True)
    new = AnalysisCache.open(tmp_path, version="b" * 64)
    assert not old.folder.exists() and new.folder != old.folder


def test_cache_same_bytes_under_another_name_is_another_entry(tmp_path):
    cache = AnalysisCache(tmp_path)
    (tmp_path / "a.txt").write_text("内容", encoding="utf-8")
    (tmp_path / "b.txt").write_text("内容", encoding="utf-8")
    key_a = cache.key(tmp_path / "a.txt", "a.txt", "", 100)
    assert key_a is not None and key_a != cache.key(tmp_path / "b.txt", "b.txt", "", 100)
    assert cache.key(tmp_path / "a.txt", "a.txt", "", 3) is None  # larger than the build reads


@pytest.fixture
def springs(monkeypatch, drawn_here) -> list[list[str]]:
    """The nodes of each component laid out by networkx's spring layout (the page's costly part)."""
    laid: list[list[str]] = []
    real = graph.layout._spring

    def counting(nodes, edges):
        laid.append(nodes)
        return real(nodes, edges)

    monkeypatch.setattr(graph.layout, "_spring", counting)
    return laid


def _page(docs: Path, out: Path, **options) -> bytes:
    build([docs], out, progress=False, store=False, jobs=1, **options)
    return (out / "network.html").read_bytes()


@pytest.fixture
def nodes_made(monkeypatch, drawn_here) -> list[str]:
    """The page's nodes whose JSON was made, not read back from the page memo."""
    made: list[str] = []
    real = graph.viz._node_item

    def counting(node, data, degree, position, page):
        made.append(node)
        return real(node, data, degree, position, page)

    monkeypatch.setattr(graph.viz, "_node_item", counting)
    return made


def test_cache_page_after_adding_a_document_is_the_clean_page(corpus, seeds_dir, tmp_path, springs, nodes_made):
    """Only what the new document changed is laid out and made again; the rest comes from the layout cache and
    the page memo, and the page is the clean build's."""
    _page(corpus, tmp_path / "out")
    shutil.copy(seeds_dir / SEEDS[2], corpus / SEEDS[2])
    springs.clear()
    nodes_made.clear()
    rebuilt = _page(corpus, tmp_path / "out")
    laid_again, remade = list(springs), set(nodes_made)
    springs.clear()
    nodes_made.clear()
    assert rebuilt == _page(corpus, tmp_path / "clean", cache=False)
    assert len(laid_again) < len(springs)  # only the components the new document changed were laid out again
    assert remade and len(remade) < len(set(nodes_made)) / 2  # the others' JSON spliced in from the memo
    springs.clear()
    nodes_made.clear()
    assert _page(corpus, tmp_path / "out") == rebuilt and springs == [] and nodes_made == []  # nothing changed


def _shift_layouts(out: Path) -> None:
    """Move every kept shape: a page drawn from the memo then shows it."""
    (memo,) = (out / PAGE_CACHE).glob("*/layouts.pickle")
    kept = pickle.loads(memo.read_bytes())
    memo.write_bytes(pickle.dumps({key: {n: (x + 0.5, y) for n, (x, y) in shape.items()}
                                   for key, shape in kept.items()}))


def test_cache_no_cache_draws_the_page_without_the_memo(corpus, tmp_path):
    first = _page(corpus, tmp_path / "out")
    _shift_layouts(tmp_path / "out")
    memo = _written(tmp_path / "out" / PAGE_CACHE)
    assert _page(corpus, tmp_path / "out", cache=False) == first
    assert _written(tmp_path / "out" / PAGE_CACHE) == memo
    assert _page(corpus, tmp_path / "out") != first  # with the cache, the (shifted) memo is what is drawn


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05K\x01."])
def test_cache_damaged_page_memo_is_computed_again(corpus, tmp_path, damage):
    first = _page(corpus, tmp_path / "out")
    for entry in (tmp_path / "out" / PAGE_CACHE).rglob("*.pickle"):
        entry.write_bytes(damage)
    assert _page(corpus, tmp_path / "out") == first


def test_cache_page_memo_keeps_what_this_build_used(tmp_path):
    memo = Memo.open(tmp_path, version="a" * 64)
    assert memo.get("scripts", ("臺灣", "t2s"), lambda: "台湾") == "台湾"
    assert memo.get("scripts", ("陳", "t2s"), lambda: "陈") == "陈"
    memo.save()
    later = Memo.open(tmp_path, version="a" * 64)
    assert later.get("scripts", ("臺灣", "t2s"), lambda: "computed") == "台湾"
    later.save()
    assert Memo.open(tmp_path, version="a" * 64).get("scripts", ("陳", "t2s"), lambda: "computed") == "computed"
    other = Memo.open(tmp_path, version="b" * 64)
    assert other.get("scripts", ("臺灣", "t2s"), lambda: "computed") == "computed"
    other.save()
    assert [p.name for p in (tmp_path / PAGE_CACHE).iterdir()] == [other.folder.name]


def test_cache_memo_is_written_again_only_when_enough_changed(tmp_path):
    """A build that computes one entry of 32 leaves the kept ones as they are (that entry is computed again when next
    wanted); one that computes three, more than a sixteenth, writes what it used."""
    first = Memo.open(tmp_path, version="a" * 64)
    for number in range(32):
        first.get("search", number, lambda number=number: [str(number)])
    first.save()
    (written,) = (tmp_path / PAGE_CACHE).glob("*/search.pickle")
    kept = written.read_bytes()
    later = Memo.open(tmp_path, version="a" * 64)
    for number in range(33):
        later.get("search", number, lambda: ["computed"])
    later.save()
    assert written.read_bytes() == kept
    again = Memo.open(tmp_path, version="a" * 64)
    assert [again.get("search", number, lambda: ["computed"]) for number in (31, 32, 33, 34)] \
        == [["31"], ["computed"], ["computed"], ["computed"]]
    again.save()
    assert written.read_bytes() != kept
    assert Memo.open(tmp_path, version="a" * 64).get("search", 33, lambda: ["again"]) == ["computed"]


def _graph_memo(out: Path) -> Path:
    (memo,) = (out / TURTLE_CACHE).glob(f"*/{DiskMemo.FILE}")
    return memo


def _memo_rows(out: Path) -> list[tuple[str, str, bytes]]:
    with contextlib.closing(sqlite3.connect(_graph_memo(out))) as db:
        return db.execute("SELECT kind, key, value FROM entries ORDER BY kind, key").fetchall()


def _tamper_evidence(out: Path) -> None:
    """Change every kept piece of evidence Turtle: a graph written from the memo then shows it."""
    with contextlib.closing(sqlite3.connect(_graph_memo(out))) as db, db:
        for kind, key, value in _memo_rows(out):
            piece = pickle.loads(value)
            db.execute("UPDATE entries SET value = ? WHERE kind = ? AND key = ?",
                       (pickle.dumps(replace(piece, turtle=piece.turtle.replace("jishi:quote", "jishi:kept"))),
                        kind, key))


def test_cache_graph_memo_is_read_by_a_cached_build_and_not_by_no_cache(corpus, tmp_path):
    first = _build(corpus, tmp_path / "out")
    assert len(_memo_rows(tmp_path / "out")) == 2  # one piece of evidence Turtle per document
    _tamper_evidence(tmp_path / "out")
    memo = _memo_rows(tmp_path / "out")
    assert _build(corpus, tmp_path / "out", cache=False) == first
    assert _memo_rows(tmp_path / "out") == memo
    tampered = _build(corpus, tmp_path / "out")
    assert tampered != first and tampered.replace(b"jishi:kept", b"jishi:quote") == first


def test_cache_graph_memo_keeps_only_the_documents_of_the_last_build(corpus, seeds_dir, tmp_path):
    shutil.copy(seeds_dir / SEEDS[2], corpus / SEEDS[2])
    _build(corpus, tmp_path / "out")
    three = _memo_rows(tmp_path / "out")
    (corpus / SEEDS[0]).unlink()
    _build(corpus, tmp_path / "out")
    two = _memo_rows(tmp_path / "out")
    assert len(three) == 3 and len(two) == 2 and set(two) < set(three)


@pytest.mark.parametrize("damage", [b"", b"not a database", b"SQLite format 3\x00" + b"\xff" * 200])
def test_cache_damaged_graph_memo_is_written_again(corpus, tmp_path, damage):
    first = _build(corpus, tmp_path / "out")
    _graph_memo(tmp_path / "out").write_bytes(damage)
    assert _build(corpus, tmp_path / "out") == first
    assert _build(corpus, tmp_path / "out") == first
    assert len(_memo_rows(tmp_path / "out")) == 2


def test_cache_damaged_graph_memo_entry_is_computed_again(corpus, tmp_path):
    first = _build(corpus, tmp_path / "out")
    with contextlib.closing(sqlite3.connect(_graph_memo(tmp_path / "out"))) as db, db:
        db.execute("UPDATE entries SET value = ?", (b"not a pickle",))
    assert _build(corpus, tmp_path / "out") == first
    assert all(value != b"not a pickle" for _, _, value in _memo_rows(tmp_path / "out"))


def test_disk_memo_keeps_only_what_was_saved(tmp_path):
    with DiskMemo.open(tmp_path, version="a" * 64) as memo:
        assert memo.get("evidence", "k1", lambda: "first") == "first"
        memo.save()
    with DiskMemo.open(tmp_path, version="a" * 64) as memo:
        assert memo.get("evidence", "k1", lambda: "computed") == "first"
        assert memo.get("evidence", "k2", lambda: "unsaved") == "unsaved"
        assert memo.get("evidence", "k2", lambda: "computed") == "unsaved"  # this build's own entry
    with DiskMemo.open(tmp_path, version="a" * 64) as memo:
        assert memo.get("evidence", "k2", lambda: "computed") == "computed"
        memo.save()
    with DiskMemo.open(tmp_path, version="a" * 64) as memo:
        assert memo.get("evidence", "k1", lambda: "gone") == "gone"  # not used by the build before
