"""graph/lexicon.py: the word lists read as yaml.safe_load reads them, and no more than plain data."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from graph.lexicon import read_yaml

LEXICON = Path(__file__).resolve().parent.parent / "ontology" / "lexicon"


@pytest.mark.parametrize("path", sorted(LEXICON.glob("*.yaml")), ids=lambda path: path.name)
def test_lexicon_every_word_list_reads_as_safe_load_reads_it(path):
    assert read_yaml(path) == yaml.safe_load(path.read_text(encoding="utf-8"))


def test_lexicon_reads_text_dates_and_lists(tmp_path):
    path = tmp_path / "words.yaml"
    path.write_text("verbs: [表示, 指出]\nday: 2020-03-17\nnote: '2020-03-17'\n", encoding="utf-8")
    assert read_yaml(path) == {"verbs": ["表示", "指出"], "day": dt.date(2020, 3, 17), "note": "2020-03-17"}


def test_lexicon_python_objects_are_refused(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("x: !!python/object/apply:os.getcwd []\n", encoding="utf-8")
    with pytest.raises(yaml.constructor.ConstructorError):
        read_yaml(path)
