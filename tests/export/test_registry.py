"""The export front door: every registered format runs through `export()` and `jishi export`, deterministically."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.export import FORMATS, export, exporter


def _bytes(path) -> dict[str, bytes]:
    files = sorted(path.rglob("*")) if path.is_dir() else [path]
    return {f.name: f.read_bytes() for f in files if f.is_file()}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_registry_every_format_is_byte_stable(fixture_path, tmp_path, monkeypatch, fmt):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1714521600")
    first = export(fmt, fixture_path, tmp_path / "a" / f"out.{fmt}")
    second = export(fmt, fixture_path, tmp_path / "b" / f"out.{fmt}")
    assert first.fmt == fmt and first.counts and all(n >= 0 for n in first.counts.values())
    assert _bytes(first.path) == _bytes(second.path) != {}


def test_registry_unknown_format_lists_the_known_ones():
    with pytest.raises(ValueError, match="neo4j-csv"):
        exporter("xlsx")


def test_registry_cli_export(fixture_path, tmp_path):
    out = tmp_path / "graph.gexf"
    result = CliRunner().invoke(main, ["export", "gexf", "--graph", str(fixture_path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("gexf: ") and str(out) in result.output
    assert out.is_file()


def test_registry_cli_missing_graph(tmp_path):
    result = CliRunner().invoke(main, ["export", "cypher", "--graph", str(tmp_path / "none.ttl"),
                                       "-o", str(tmp_path / "g.cypher")])
    assert result.exit_code == 1 and "no such graph file" in result.output
