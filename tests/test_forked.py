"""graph/forked.py: a step run in a forked process, its failure raised in the parent, or run here without one."""
from __future__ import annotations

import os
import signal
import threading
from pathlib import Path

import pytest

from graph import forked
from graph.forked import Forked, can_fork

pytestmark = pytest.mark.usefixtures("forkable")


def _write_pid(path: Path):
    return lambda: path.write_text(str(os.getpid()), encoding="utf-8")


def test_forked_job_runs_in_another_process_and_is_waited_for(tmp_path):
    step = Forked(_write_pid(tmp_path / "pid"), "the pid")
    assert step.forked
    step.wait()
    assert not step.forked and int((tmp_path / "pid").read_text(encoding="utf-8")) != os.getpid()


def test_forked_job_sees_the_parent_memory_as_it_was_at_the_fork(tmp_path):
    held = {"text": "习近平同普京通电话"}
    step = Forked(lambda: (tmp_path / "out").write_text(held["text"], encoding="utf-8"))
    step.wait()
    assert (tmp_path / "out").read_text(encoding="utf-8") == "习近平同普京通电话"


def test_forked_error_of_the_job_is_raised_by_wait():
    def fails() -> None:
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        Forked(fails).wait()


def test_forked_error_that_cannot_be_sent_arrives_as_its_name_and_message():
    class Local(Exception):  # a class defined in a function cannot be pickled
        pass

    def fails() -> None:
        raise Local("页面坏了")

    with pytest.raises(RuntimeError, match="Local: 页面坏了"):
        Forked(fails).wait()


def test_forked_process_that_is_killed_is_an_error_naming_the_step():
    with pytest.raises(RuntimeError, match="the process drawing network.html ended abruptly"):
        Forked(lambda: os.kill(os.getpid(), signal.SIGKILL), "network.html").wait()


def test_forked_stop_kills_the_job_and_leaves_its_output_unwritten(tmp_path):
    reader, writer = os.pipe()

    def waits_then_writes() -> None:
        os.read(reader, 1)  # never answered: only a kill ends it
        (tmp_path / "late").write_text("written", encoding="utf-8")

    with Forked(waits_then_writes) as step:
        step.stop()
        assert not step.forked
    os.close(writer)
    assert not (tmp_path / "late").exists()


def test_forked_block_left_by_an_error_stops_the_job(tmp_path):
    reader, writer = os.pipe()
    with pytest.raises(ValueError), Forked(lambda: os.read(reader, 1)) as step:
        raise ValueError("the graph could not be written")
    assert not step.forked
    os.close(writer)


def test_forked_without_fork_runs_the_job_here_when_waited_for(tmp_path):
    step = Forked(_write_pid(tmp_path / "pid"), fork=False)
    assert not step.forked and not (tmp_path / "pid").exists()
    step.wait()
    assert int((tmp_path / "pid").read_text(encoding="utf-8")) == os.getpid()


def test_forked_without_fork_a_stopped_job_never_runs(tmp_path):
    with Forked(_write_pid(tmp_path / "pid"), fork=False) as step:
        step.stop()
        step.wait()
    assert not (tmp_path / "pid").exists()


def test_forked_not_while_another_thread_runs(tmp_path):
    """A lock another thread held at the fork would never be released in the child."""
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert not can_fork()
        step = Forked(_write_pid(tmp_path / "pid"))
        assert not step.forked
        step.wait()
    finally:
        release.set()
        other.join()
    assert int((tmp_path / "pid").read_text(encoding="utf-8")) == os.getpid()


def test_forked_child_of_a_parent_already_gone_ends_before_the_job(tmp_path, monkeypatch):
    """A build killed outright must not leave its child writing into an output set the next build removes."""
    monkeypatch.setattr(forked.os, "getppid", lambda: 1)  # as seen by an orphan
    with pytest.raises(RuntimeError, match="ended abruptly"):
        Forked(_write_pid(tmp_path / "pid"), "the pid").wait()
    assert not (tmp_path / "pid").exists()
