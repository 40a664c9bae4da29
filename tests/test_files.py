"""Atomic writes never leave a half-written file, nor a set of files half replaced; saved graphs load."""
import os
import subprocess
import sys

import pytest
import rdflib

from graph.files import load_graph, output_set, remove_stale, write_atomic


def test_files_write_atomic_replaces_whole_file(tmp_path):
    target = tmp_path / "out" / "graph.ttl"
    write_atomic(target, "旧内容")
    write_atomic(target, "新内容")
    assert target.read_text(encoding="utf-8") == "新内容"
    assert os.listdir(target.parent) == ["graph.ttl"]


def test_files_write_atomic_keeps_old_file_when_writing_fails(tmp_path, monkeypatch):
    target = tmp_path / "graph.ttl"
    write_atomic(target, "完整的旧图")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_atomic(target, "新图")
    assert target.read_text(encoding="utf-8") == "完整的旧图"
    assert os.listdir(tmp_path) == ["graph.ttl"]


def test_files_write_atomic_writes_pieces_one_after_another(tmp_path):
    target = write_atomic(tmp_path / "graph.ttl", (piece for piece in ["<a>\n", "    rdfs:label \"图\" .\n", b"#"]))
    assert target.read_bytes() == '<a>\n    rdfs:label "图" .\n#'.encode("utf-8")


def test_files_write_atomic_keeps_old_file_when_a_piece_fails(tmp_path):
    target = write_atomic(tmp_path / "graph.ttl", "完整的旧图")

    def pieces():
        yield "新图的开头"
        raise RuntimeError("emit failed")

    with pytest.raises(RuntimeError):
        write_atomic(target, pieces())
    assert target.read_text(encoding="utf-8") == "完整的旧图"
    assert os.listdir(tmp_path) == ["graph.ttl"]


def test_files_load_graph_reads_turtle_and_names_missing_file(tmp_path):
    path = tmp_path / "g.ttl"
    path.write_text('<https://w3id.org/jishi/id/a> <http://www.w3.org/2000/01/rdf-schema#label> "中国"@zh-Hans .\n',
                    encoding="utf-8")
    assert len(load_graph(path)) == 1
    with pytest.raises(FileNotFoundError, match="nothere.ttl"):
        load_graph(tmp_path / "nothere.ttl")


def test_files_load_graph_fast_reads_what_rdflib_reads(tmp_path, monkeypatch):
    """The fast load parses with Oxigraph's own parser, and must give the triples rdflib's parser gives."""
    path = tmp_path / "g.ttl"
    path.write_text('@prefix jid: <https://w3id.org/jishi/id/> .\n'
                    'jid:a <http://www.w3.org/2000/01/rdf-schema#label> "中国"@zh-Hans, "中國"@zh-Hant ;\n'
                    '    <https://w3id.org/jishi/ontology#date> "2020-03-19"^^<http://www.w3.org/2001/XMLSchema#date> .\n',
                    encoding="utf-8")
    parsed = []
    real_parse = rdflib.Graph.parse
    monkeypatch.setattr(rdflib.Graph, "parse",
                        lambda self, source, format=None, **kw: parsed.append(format) or real_parse(self, source, format=format, **kw))
    fast = {(s.n3(), p.n3(), o.n3()) for s, p, o in load_graph(path)}
    slow = {(s.n3(), p.n3(), o.n3()) for s, p, o in load_graph(path, fast=False)}
    assert parsed == ["ox-turtle", "turtle"]
    assert len(fast) == 3 and fast == {(s, p, o.replace("@zh-Hans", "@zh-hans").replace("@zh-Hant", "@zh-hant"))
                                       for s, p, o in slow}


def test_files_write_atomic_gives_ordinary_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        target = write_atomic(tmp_path / "graph.ttl", "图")
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o644


SET = ("graph.ttl", "network.html")


def _dead_pid() -> int:
    """The id of a process that has ended (a killed run's leftovers carry such an id)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _write_old_set(out):
    out.mkdir()
    for name in SET:
        (out / name).write_text(f"旧的 {name}", encoding="utf-8")


def _contents(folder) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()) if p.is_file()}


def test_files_output_set_replaces_the_set_and_keeps_the_users_files(tmp_path):
    out = tmp_path / "out"
    _write_old_set(out)
    (out / "笔记.txt").write_text("我的", encoding="utf-8")
    (out / "neo4j").mkdir()
    (out / "neo4j" / "nodes.csv").write_text("iri\n", encoding="utf-8")
    with output_set(out, SET) as folder:
        write_atomic(folder / "graph.ttl", "新图")
        write_atomic(folder / "network.html", "新页")
    assert _contents(out) == {"graph.ttl": "新图", "network.html": "新页", "笔记.txt": "我的"}
    assert (out / "neo4j" / "nodes.csv").read_text(encoding="utf-8") == "iri\n"
    assert os.listdir(tmp_path) == ["out"]


def test_files_output_set_failing_in_the_second_write_leaves_the_old_set(tmp_path):
    out = tmp_path / "out"
    _write_old_set(out)
    with pytest.raises(OSError, match="disk full"):
        with output_set(out, SET) as folder:
            write_atomic(folder / "graph.ttl", "新图")
            raise OSError("disk full")
    assert _contents(out) == {name: f"旧的 {name}" for name in SET}
    assert os.listdir(tmp_path) == ["out"]


def test_files_output_set_leaves_out_an_old_file_the_new_set_lacks(tmp_path):
    """A build without the page must not leave the page of another graph beside the new one."""
    out = tmp_path / "out"
    _write_old_set(out)
    with output_set(out, SET) as folder:
        write_atomic(folder / "graph.ttl", "新图")
    assert _contents(out) == {"graph.ttl": "新图"}


def test_files_output_set_inside_the_current_folder_replaces_in_place(tmp_path, monkeypatch):
    """The user's shell may stand in the output folder: it is not renamed away from under them."""
    out = tmp_path / "out"
    _write_old_set(out)
    monkeypatch.chdir(out)
    inode = out.stat().st_ino
    with output_set(".", SET) as folder:
        assert folder.parent == out
        write_atomic(folder / "graph.ttl", "新图")
        write_atomic(folder / "network.html", "新页")
    assert _contents(out) == {"graph.ttl": "新图", "network.html": "新页"}
    assert out.stat().st_ino == inode and os.listdir(tmp_path) == ["out"]


def test_files_output_set_removes_what_killed_runs_left(tmp_path):
    """Leftovers of ours from a process that has ended go; those of a running process and the user's stay."""
    out = tmp_path / "out"
    _write_old_set(out)
    dead, alive = _dead_pid(), os.getpid()
    stale = [tmp_path / f".jishi-out-new-{dead}-abcd1234", out / f".jishi-stage-{dead}-abcd1234",
             out / f".graph.ttl.jishi-{dead}-abcd1234.tmp", out / ".graph.ttl.k2j4h5g6.tmp"]
    kept = [tmp_path / f".jishi-out-new-{alive}-abcd1234", out / f".network.html.jishi-{alive}-abcd1234.tmp",
            out / ".graph.ttl.txt", tmp_path / f".jishi-other-new-{dead}-abcd1234"]
    for path in stale + kept:
        path.mkdir() if path.name.startswith(".jishi-") else path.write_bytes(b"x" * 1000)
    with output_set(out, SET) as folder:
        write_atomic(folder / "graph.ttl", "新图")
    assert [p for p in stale if p.exists()] == []
    assert [p for p in kept if not p.exists()] == []


def test_files_output_set_killed_between_the_renames_is_undone_by_the_next_run(tmp_path):
    """Killed after the old folder was moved aside: the next run puts it back as it was."""
    out = tmp_path / "out"
    _write_old_set(out)
    (out / "笔记.txt").write_text("我的", encoding="utf-8")
    aside = tmp_path / f".jishi-out-old-{_dead_pid()}-abcd1234"
    out.rename(aside)
    assert remove_stale(out, SET) == []
    assert not aside.exists()
    assert _contents(out) == {"graph.ttl": "旧的 graph.ttl", "network.html": "旧的 network.html", "笔记.txt": "我的"}


def test_files_output_set_killed_while_moving_the_users_files_gives_them_back(tmp_path):
    """Killed after the new set took the folder's place: the user's files come back, the old set goes."""
    aside = tmp_path / f".jishi-out-old-{_dead_pid()}-abcd1234"
    _write_old_set(aside)
    (aside / "笔记.txt").write_text("我的", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("新图", encoding="utf-8")
    assert remove_stale(out, SET) == [aside]
    assert not aside.exists()
    assert _contents(out) == {"graph.ttl": "新图", "笔记.txt": "我的"}


def test_files_output_set_onto_a_file_fails_and_leaves_nothing_behind(tmp_path):
    (tmp_path / "out").write_text("不是文件夹", encoding="utf-8")
    with pytest.raises(OSError):
        with output_set(tmp_path / "out", SET) as folder:
            write_atomic(folder / "graph.ttl", "新图")
    assert os.listdir(tmp_path) == ["out"]
    assert (tmp_path / "out").read_text(encoding="utf-8") == "不是文件夹"


def test_files_output_set_in_place_replaces_a_folder_of_the_set(tmp_path, monkeypatch):
    """A build's store is a folder: replaced in place, the old one is removed whole, not unlinked (which fails)."""
    out = tmp_path / "out"
    (out / "store").mkdir(parents=True)
    (out / "store" / "old.sst").write_text("旧", encoding="utf-8")
    monkeypatch.chdir(out)
    with output_set(".", ["graph.ttl", "store"]) as folder:
        write_atomic(folder / "graph.ttl", "新图")
        write_atomic(folder / "store" / "new.sst", "新")
    assert sorted(os.listdir(out / "store")) == ["new.sst"]
    assert _contents(out) == {"graph.ttl": "新图"}
