"""Atomic writes never leave a half-written file; saved graphs load."""
import os

import pytest

from graph.files import load_graph, write_atomic


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


def test_files_load_graph_reads_turtle_and_names_missing_file(tmp_path):
    path = tmp_path / "g.ttl"
    path.write_text('<https://w3id.org/jishi/id/a> <http://www.w3.org/2000/01/rdf-schema#label> "中国"@zh-Hans .\n',
                    encoding="utf-8")
    assert len(load_graph(path)) == 1
    with pytest.raises(FileNotFoundError, match="nothere.ttl"):
        load_graph(tmp_path / "nothere.ttl")


def test_files_write_atomic_gives_ordinary_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        target = write_atomic(tmp_path / "graph.ttl", "图")
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o644
