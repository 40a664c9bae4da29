"""README.md and docs/*.md: every SPARQL snippet and `jishi query` line returns rows; every other shell line works.

A snippet is a fenced ```sparql block, or a line of a ```sh block that runs ``jishi query``; every
```sh block is also run as a whole, line by line, in a scratch folder where ``out/graph.ttl`` is the
seed graph (see :func:`workdir`): each ``jishi`` command must exit 0 and write the files its ``-o``
names; ``oxigraph`` lines run too. What a test cannot run is listed, with why, in :data:`NOT_RUN`.
The line before a fence may mark it, in an HTML comment the rendered page does not show:

- ``<!-- snippet: trig -->``: the query reads named graphs, so it runs on the TriG export of the seeds;
- ``<!-- snippet: not run: REASON -->``: the whole block needs what a test cannot give. Keep these few.
"""
from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
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
            out.append(Snippet(where, "shell", "\n".join(lines[i + 1:end]), mark))
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
    assert {s.kind for s in readme} == {"sparql", "command", "shell"}
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


# ---- every shell block, run line by line ------------------------------------------------------

NOT_RUN = (
    (r"^make\b", "sets up .venv with pip, or runs this very suite or the benchmarks"),
    (r"^(\S*/)?python\b", "runs a benchmark or the long fuzz run: minutes of work whose output is a measurement"),
    (r"^neo4j-admin\b", "needs a Neo4j installation; tests/export/ checks the CSV files it imports"),
    (r"^cypher-shell\b", "needs a running Neo4j server; tests/export/ runs the same Cypher on FalkorDB"),
    (r"^fuseki-server\b", "needs Apache Jena Fuseki (Java), which the project does not install"),
    (r"^curl\b", "needs `jishi serve` running; tests/test_serve.py sends these requests to it"),
    (r"^(\S*/)?(jishi|oxigraph) serve\b", "serves until stopped; tests/test_serve.py runs jishi serve in a thread"),
    (r"--scheduler tcp://HOST", "needs a running Dask cluster; HOST is its address, for the reader to fill in"),
    (r"--cluster local", "starts a Dask LocalCluster of worker processes; tests/test_cluster.py does, on a small corpus"),
    (r"^(\S*/)?jishi evaluate\b", "scores against gold files, which live outside the repository (and ../shared/eval/gold"
                                  " holds gold this project keeps unseen); tests/test_evaluate.py scores constructed gold"),
    (r"\[|\bOUTDIR\b", "a synopsis: [PATH ...] and OUTDIR stand for the reader's own"),
)
"""(pattern, why) for shell lines no test runs. A line that matches none must run."""
RUNS = re.compile(r"^(\S*/)?(jishi|oxigraph)\b|^cd\b")


def shell_lines(text: str) -> list[str]:
    """The commands of a shell block: continuations joined, comment lines dropped, ``&&`` chains split."""
    joined = re.sub(r"\\\n\s*", " ", text)
    return [part.strip() for line in joined.splitlines() if line.strip() and not line.lstrip().startswith("#")
            for part in line.split("&&")]


def not_run(line: str) -> str:
    """Why a test does not run ``line``; empty when it does."""
    return next((why for pattern, why in NOT_RUN if re.search(pattern, line)), "")


SHELL = [s for s in ALL if s.kind == "shell"]


@pytest.fixture
def workdir(seed_graph_file, tmp_path, monkeypatch) -> Path:
    """A scratch folder laid out as the docs assume: out/graph.ttl (the seed graph), seeds/, and small inputs.

    ``reprints/``, ``reprint.txt`` and ``mydocs/`` stand for the reader's own documents: one seed document
    each, so the build lines run in seconds.
    """
    root = tmp_path / "repo"
    (root / "out").mkdir(parents=True)
    shutil.copy(seed_graph_file, root / "out" / "graph.ttl")
    (root / "seeds").symlink_to(ROOT / "seeds")
    one = sorted((ROOT / "seeds").glob("*.txt"))[0]
    for folder in ("reprints", "mydocs"):
        (root / folder).mkdir()
        shutil.copy(one, root / folder / one.name)
    shutil.copy(one, root / "reprint.txt")
    monkeypatch.chdir(root)
    return root


def test_docs_shell_lines_run_or_say_why():
    """Every shell line is run, or matches one reason of NOT_RUN; and those stay few."""
    lines = [line for s in SHELL if not s.mark for line in shell_lines(s.text)]
    unknown = [line for line in lines if not RUNS.match(line) and not not_run(line)]
    assert unknown == [], "run these in test_docs_shell_block_works, or add them to NOT_RUN with why"
    skipped = [line for line in lines if not_run(line)]
    assert len(skipped) <= 25 and len(skipped) < len(lines) / 2, skipped


@pytest.mark.parametrize("snippet", SHELL, ids=lambda s: s.where)
def test_docs_shell_block_works(snippet, workdir, monkeypatch):
    """Each line of the block in order, in one scratch folder: a jishi command exits 0 and writes what -o names."""
    if snippet.mark.startswith("not run"):
        pytest.skip(snippet.mark)
    lines = [line for line in shell_lines(snippet.text) if not not_run(line)]
    if not any(not line.startswith("cd ") for line in lines):  # nothing to run but a change of folder
        pytest.skip("; ".join(sorted({not_run(line) for line in shell_lines(snippet.text)} - {""})))
    for line in lines:
        args = shlex.split(line, comments=True)
        if args[0] == "cd":
            workdir = workdir / args[1]
            monkeypatch.chdir(workdir)
            continue
        _run(args, workdir, f"{snippet.where}: {line}")


def _run(args: list[str], cwd: Path, where: str) -> None:
    """Run one command line of the docs in ``cwd`` and check what it wrote."""
    program = Path(args[0]).name
    if program == "jishi":
        result = CliRunner().invoke(main, args[1:], catch_exceptions=False)
        assert result.exit_code == 0, f"{where}\n{result.output}"
    else:
        found = shutil.which(program, path=str(Path(sys.executable).parent))
        assert found, f"{where}: {program} is not installed in the virtual environment"
        done = subprocess.run([found, *args[1:]], cwd=cwd, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, f"{where}\n{done.stderr}"
    for flag in ("-o", "--out", "--location", "--plot"):
        if flag in args:
            written = cwd / args[args.index(flag) + 1]
            assert written.exists() and (written.stat().st_size > 0 if written.is_file() else any(written.iterdir())), \
                f"{where}: {written} not written"
