"""The notebooks run top to bottom on the seed graph and stay reviewable.

Each notebook is a jupytext pair: the percent-format ``.py`` is the source
that is reviewed and diffed, the ``.ipynb`` is committed with no outputs.
The run uses the ``.py`` (nbclient, the ``python3`` kernel of this venv) on a
seed graph built into a temporary folder, which the notebooks find through
``JISHI_GRAPH`` (and write into ``JISHI_OUT``).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
NAMES = ["01_sparql", "02_network"]
KNOWN_ACTOR = "习近平"  # named in four of the five seed documents


@pytest.fixture(scope="module")
def seed_graph_path(tmp_path_factory) -> Path:
    from graph import build

    outdir = tmp_path_factory.mktemp("seed_graph")
    return build([ROOT / "seeds"], outdir, network=False).graph_path


def _sources(notebook) -> list[tuple[str, str]]:
    return [(cell.cell_type, cell.source) for cell in notebook.cells]


def _run(name: str, graph_path: Path, outdir: Path, monkeypatch) -> str:
    """Execute the notebook; return the text of every output, in order."""
    import jupytext
    from nbclient import NotebookClient

    monkeypatch.setenv("JISHI_GRAPH", str(graph_path))
    monkeypatch.setenv("JISHI_OUT", str(outdir))
    notebook = jupytext.read(NOTEBOOKS / f"{name}.py")
    NotebookClient(notebook, kernel_name="python3", timeout=300,
                   resources={"metadata": {"path": str(ROOT)}}).execute()
    texts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            texts.append(output.get("text", "") or output.get("data", {}).get("text/plain", ""))
    return "\n".join(texts)


@pytest.mark.parametrize("name", NAMES)
def test_notebooks_pairs_in_sync(name):
    import jupytext
    import nbformat

    paired = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    assert _sources(jupytext.read(NOTEBOOKS / f"{name}.py")) == _sources(paired)


@pytest.mark.parametrize("name", NAMES)
def test_notebooks_outputs_stripped(name):
    import nbformat

    notebook = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code and all(cell.outputs == [] and cell.execution_count is None for cell in code)


@pytest.mark.slow
def test_notebooks_sparql_runs(seed_graph_path, tmp_path, monkeypatch):
    text = _run("01_sparql", seed_graph_path, tmp_path, monkeypatch)
    triples = int(re.search(r"(\d+) triples in", text).group(1))
    calls = int(re.search(rf"(\d+) calls of {KNOWN_ACTOR}", text).group(1))
    assert triples > 1000
    assert calls > 0
    assert "001_8486d6720058fcd3.txt  zh-Hant" in text


@pytest.mark.slow
def test_notebooks_network_runs(seed_graph_path, tmp_path, monkeypatch):
    text = _run("02_network", seed_graph_path, tmp_path, monkeypatch)
    actors = int(re.search(r"(\d+) actors, \d+ ties", text).group(1))
    assert actors > 0
    assert KNOWN_ACTOR in text
    assert (tmp_path / "network.html").stat().st_size > 100_000
    assert (tmp_path / "plots" / "timeline.png").is_file()
