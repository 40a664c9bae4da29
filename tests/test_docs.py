"""README.md and docs/*.md: every SPARQL snippet and `jishi query` line runs on the seed graph and returns rows.

A snippet is a fenced ```sparql block, or a line of a ```sh block that runs ``jishi query``.
The line before a fence may mark it, in an HTML comment the rendered page does not show:

- ``<!-- snippet: trig -->``: the query reads named graphs, so it runs on the TriG export of the seeds;
- ``<!-- snippet: not run: REASON -->``: it needs what a test cannot give (a running server). Keep these few.
"""
from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.query import open_store, select

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
MARKER = re.compile(r"<!--\s*snippet:\s*(?P<mark>trig|not run:[^>]*?)\s*-->")
FENCE = re.compile(r"^```(?P<lang>\w*)\s*$")


@dataclass(frozen=True)
class Snippet:
    """One runnable piece of a document: SPARQL text, or the arguments of a `jishi query` line."""

    where: str
    kind: str
    text: str
    mark: str = ""


def snippets(path: Path) -> list[Snippet]:
    """The ```sparql blocks and the `jishi query` lines of ```sh blocks in one Markdown file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    out, i = [], 0
    while i < len(lines):
        fence = FENCE.match(lines[i])
        if not fence:
            i += 1
            continue
        end = next(j for j in range(i + 1, len(lines)) if lines[j].startswith("```"))
        marker = MARKER.search(lines[i - 1]) if i else None
        mark = marker.group("mark") if marker else ""
        where = f"{path.relative_to(ROOT)}:{i + 1}"
        if fence.group("lang") == "sparql":
            out.append(Snippet(where, "sparql", "\n".join(lines[i + 1:end]), mark))
        elif fence.group("lang") == "sh":
            out += [Snippet(where, "command", command, mark) for command in _query_commands(lines[i + 1:end])]
        i = end + 1
    return out


def _query_commands(block: list[str]) -> list[str]:
    """The `jishi query …` command lines of a shell block, continuation lines joined."""
    text = re.sub(r"\\\n\s*", " ", "\n".join(block))
    return [line for line in text.splitlines() if re.match(r"\s*(\S*/)?jishi\s+query\b", line)]


ALL = [snippet for path in DOCS for snippet in snippets(path)]


@pytest.fixture(scope="module")
def stores(seed_graph_file, tmp_path_factory) -> dict[str, object]:
    """The seed graph in Oxigraph, as Turtle (default graph) and as its TriG export (one graph per document)."""
    from graph.export import export

    trig = tmp_path_factory.mktemp("docs") / "graph.trig"
    export("trig", seed_graph_file, trig)
    return {"": open_store(seed_graph_file), "trig": open_store(trig)}


def test_docs_snippets_are_found():
    readme = [s for s in ALL if s.where.startswith("README.md")]
    assert {s.kind for s in readme} == {"sparql", "command"}
    assert any("--param" in s.text for s in readme)
    skipped = [s for s in ALL if s.mark.startswith("not run")]
    assert len(skipped) <= 2, skipped


@pytest.mark.parametrize("snippet", [s for s in ALL if s.kind == "sparql"], ids=lambda s: s.where)
def test_docs_sparql_snippet_returns_rows(snippet, stores):
    if snippet.mark.startswith("not run"):
        pytest.skip(snippet.mark)
    assert select(snippet.text, stores[snippet.mark]), f"{snippet.where}: no rows"


@pytest.mark.parametrize("snippet", [s for s in ALL if s.kind == "command"], ids=lambda s: s.where)
def test_docs_query_command_returns_rows(snippet, seed_graph_file):
    if snippet.mark.startswith("not run"):
        pytest.skip(snippet.mark)
    args = shlex.split(snippet.text, comments=True)[1:]
    if "--graph" in args:
        at = args.index("--graph")
        del args[at:at + 2]
    result = CliRunner().invoke(main, [*args, "--graph", str(seed_graph_file)])
    assert result.exit_code == 0, f"{snippet.where}: {snippet.text}\n{result.output}"
    counted = re.search(r"^\((\d+) rows?\)$", result.output, re.M)
    rows = int(counted.group(1)) if counted else len(result.output.strip().splitlines()) - 1  # csv/tsv: a header
    assert rows > 0, f"{snippet.where}: {snippet.text}: no rows"
