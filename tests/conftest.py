"""Shared fixtures: paths and the seed corpus read once per session. Add more fixtures here."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

import graph.events as events
from graph import forked, read
from graph.catalogue import load_catalogue
from graph.model import Analysis, DocMeta, Document
from graph.pipeline import analyse

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
"""Names a Chromium or Chrome binary has on PATH (Debian, Ubuntu, Google's package)."""
GET_BROWSER = ("sudo apt-get install chromium fonts-wqy-microhei (or `sudo make browser`), "
               "or set JISHI_CHROMIUM to a Chromium or Chrome binary")
RULE_DAY = dt.date(2020, 5, 2)
"""The day of the article each constructed rule sentence is read as."""


@pytest.fixture(scope="session")
def analyse_without() -> Callable[..., Analysis]:
    """``analyse_without(text, field=None, name=None)``: ``text`` read as an article of RULE_DAY through the
    whole pipeline, with the row ``name`` of the events lexicon's rule ``field`` (``vetoes``,
    ``party_rules``, ``roles``) left out, so a rule row's example can show what that row changes."""
    def run(text: str, field: str | None = None, name: str | None = None) -> Analysis:
        catalogue = load_catalogue()
        lexicon = events._lexicon(catalogue)
        root = Path(catalogue.root)
        if field is not None:
            rows = getattr(lexicon, field)
            kept = ({k: v for k, v in rows.items() if k != name} if isinstance(rows, dict)
                    else tuple(row for row in rows if row.name != name))
            events._LEXICON_BY_ROOT[root] = replace(lexicon, **{field: kept})
        try:
            document = Document("rule.txt", text, text, tuple(range(len(text))),
                                DocMeta(date=RULE_DAY, genre="article"))
            return analyse(document, catalogue)
        finally:
            events._LEXICON_BY_ROOT[root] = lexicon
    return run


@pytest.fixture
def forkable() -> None:
    """Skip a test of a forked process where :func:`graph.forked.can_fork` rightly refuses one: a thread left
    running by an earlier test of the same worker (Dask's offload thread, which ``tests/test_cluster.py``
    starts, lives as long as the process) made such tests fail or pass by how the tests were shared out."""
    if not forked.can_fork():
        others = ", ".join(sorted(t.name for t in threading.enumerate() if t is not threading.main_thread()))
        pytest.skip(f"no fork here: fork is missing or another thread runs ({others or 'none'})")


@pytest.fixture
def drawn_here(monkeypatch) -> None:
    """A build's page drawn in the test's own process, not a forked one (:mod:`graph.forked`),
    so that what a test records of its drawing is seen here."""
    monkeypatch.setattr(forked, "can_fork", lambda: False)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The folder of seed documents (input only, never edited)."""
    return SEEDS


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """tests/data: byte-level test files described in its README."""
    return DATA


@pytest.fixture(scope="session")
def seed_documents() -> dict[str, Document]:
    """Every seed read once, by document id (file name)."""
    return {path.name: read.read_document(path) for path in read.find_documents([SEEDS])}


@pytest.fixture(scope="session")
def seed_graph_file(tmp_path_factory) -> Path:
    """The seed corpus built once per session (per worker under xdist), with no saved store: graph.ttl's path."""
    from graph.pipeline import build

    return build([SEEDS], tmp_path_factory.mktemp("seed_graph"), progress=False, network=False,
                 store=False).graph_path


@pytest.fixture(scope="session")
def chromium() -> Path:
    """The browser for the browser tests: $JISHI_CHROMIUM, else the first of BROWSERS on PATH.

    Without one the test is skipped with a message that says what to install, so
    `make test` runs for a user who cannot install system packages. CI installs
    Chromium (`make browser`), so there a missing browser fails instead of hiding
    the test.
    """
    named = os.environ.get("JISHI_CHROMIUM")
    found = shutil.which(named) if named else next(filter(None, map(shutil.which, BROWSERS)), None)
    if found:
        return Path(found)
    looked = f"JISHI_CHROMIUM={named} is not an executable" if named else f"none of {', '.join(BROWSERS)} is on PATH"
    if os.environ.get("CI"):
        pytest.fail(f"no Chromium in CI ({looked}); .ci/run installs it with `make browser`")
    pytest.skip(f"no Chromium for the browser test ({looked}): {GET_BROWSER}")
