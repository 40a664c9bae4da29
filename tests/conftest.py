"""Shared fixtures: paths and the seed corpus read once per session. Add more fixtures here."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph import read
from graph.model import Document

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


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
