"""graph/formulas: the registry of event formulas, and the load-time checks of the trigger rows."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from graph import events, formulas
from graph.catalogue import DEFAULT_ROOT, load_catalogue
from graph.ns import event_classes

CUES = DEFAULT_ROOT / "lexicon" / "event_cues.yaml"


def _load(rows: tuple[tuple[str, str, str, str], ...]):
    events._load_lexicon.cache_clear()
    return events._load_lexicon(Path(CUES), rows, (), ())


def test_registry_every_formula_reads_only_cues_that_exist():
    cues = yaml.safe_load(CUES.read_text(encoding="utf-8"))
    for formula in formulas.formulas().values():
        assert set(formula.cues) <= set(cues), formula.shape


def test_registry_knows_every_shape_and_class_of_the_trigger_rows():
    rows = load_catalogue().lexicon("event_triggers")
    assert {row["shape"] for row in rows} <= set(formulas.formulas())
    assert {row["class"] for row in rows} <= set(event_classes())


@pytest.mark.parametrize("row, error", [
    (("Visitt", "访问", "visit", ""), ValueError),
    (("Trip", "出访", "visit", ""), ValueError),
    (("Visit", "访问", "journey", ""), KeyError),
])
def test_registry_unknown_class_or_shape_fails_at_load(row, error):
    with pytest.raises(error):
        _load((row,))


def test_registry_a_shape_is_registered_once():
    formulas.formulas()
    with pytest.raises(ValueError, match="registered twice"):
        formulas.register("visit")(lambda ctx, hit: [])


def test_registry_a_new_shape_needs_its_cues(monkeypatch):
    monkeypatch.setitem(formulas._REGISTRY, "test_shape",
                        formulas.Formula("test_shape", lambda ctx, hit: [], cues=("no_such_cue",)))
    with pytest.raises(ValueError, match="no_such_cue"):
        _load((("Visit", "访问", "test_shape", ""),))
    events._load_lexicon.cache_clear()


@pytest.mark.parametrize("shape, module", [
    ("bilateral", "bilateral"), ("message", "message"), ("gathering", "gathering"), ("press", "press"),
    ("aid", "transfer"), ("team", "transfer"), ("info", "info"), ("visit", "visit"),
])
def test_registry_each_shape_comes_from_its_own_module(shape, module):
    assert formulas.formula(shape).read.__module__ == f"graph.formulas.{module}"


def test_registry_the_events_stage_files_no_formula_itself():
    assert not any(formula.read.__module__ == events.__name__ for formula in formulas.formulas().values())


FIRST_ASKED_BY_THREADS = """
import threading
from graph import formulas
start, seen = threading.Barrier(8), []
def ask():
    start.wait()
    seen.append(len(formulas.formulas()))
threads = [threading.Thread(target=ask) for _ in range(8)]
for t in threads: t.start()
for t in threads: t.join()
print(sorted(set(seen)))
"""


def test_registry_threads_asking_first_all_see_every_formula():
    """A thread that asked while another was importing the modules found the registry empty
    (the first seed failed with "unknown event shape" on a Dask cluster of worker threads)."""
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", FIRST_ASKED_BY_THREADS], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parents[2]).stdout
    assert out.strip() == f"[{len(formulas.formulas())}]"
