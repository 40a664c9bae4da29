"""One step of a build run in a forked process while the build goes on with the next.

Why: after resolution a build writes two outputs that depend only on the
resolved facts: the graph (then its store) and the page (``network.html``).
Written one after the other they are a rebuild's whole second half; adding one
document to a 10 MB corpus spent about 1.2 s on the page and 0.5 s on the graph
and store, on a machine with a core idle. A forked process shares the parent's
memory as it was (copy on write), so the page is drawn from the same resolved
facts without pickling them, and the parent writes the graph meanwhile. Each
output is still written through its own temporary file and rename; what each
writes does not depend on which ran first, so the outputs are byte for byte
those of the serial build.

Where ``fork`` is missing (Windows, and macOS where it is unsafe with system
libraries) or the process runs other threads (a lock held by one at the fork
would never be released in the child), the step runs in this process when it is
waited for: the same output, written later.

>>> steps = []
>>> step = Forked(lambda: steps.append("drawn"), fork=False)
>>> steps, step.wait(), steps
([], None, ['drawn'])
"""
from __future__ import annotations

import contextlib
import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection

PR_SET_PDEATHSIG = 1
"""Linux's ``prctl`` option: the signal a process gets when its parent ends."""
ENDED = "the process drawing {} ended abruptly (out of memory, or a crash inside a library)"


def can_fork() -> bool:
    """Whether a step may run in a forked process here: ``fork`` exists, no other thread runs, and this
    process may have children (a daemonic one, such as a pool's worker, may not)."""
    return ("fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
            and not multiprocessing.current_process().daemon)


class Forked:
    """``job`` started in a forked process (or, without one, run in this process by :meth:`wait`).

    As a context manager, a job neither waited for nor stopped by the end of the block (an error
    came first) is stopped there, so it never writes into output that is being thrown away.
    """

    def __init__(self, job: Callable[[], None], name: str = "a step", fork: bool = True) -> None:
        """Start ``job`` if ``fork`` and :func:`can_fork`; ``name`` says in an error what it was."""
        self._job, self._name = job, name
        self._process: multiprocessing.process.BaseProcess | None = None
        if fork and can_fork():
            for stream in (sys.stdout, sys.stderr):  # else the child would write out its copy of their buffers too
                stream.flush()
            context = multiprocessing.get_context("fork")
            self._reader, writer = context.Pipe(duplex=False)
            self._process = context.Process(target=_run, args=(job, writer, os.getpid()), daemon=True)
            gc.freeze()  # the child's collections then leave the parent's objects, and their memory pages, alone
            try:
                self._process.start()
            finally:
                gc.unfreeze()
            writer.close()

    def __enter__(self) -> Forked:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def forked(self) -> bool:
        """Whether the job runs in a process of its own (until it is waited for or stopped)."""
        return self._process is not None

    def wait(self) -> None:
        """Wait for the job to end; an exception it raised is raised here (the process's own, when it can be sent)."""
        if self._process is None:
            self._job()
            return
        try:
            raised = self._reader.recv()
        except EOFError:  # the process ended without a word: killed
            raised = RuntimeError(ENDED.format(self._name))
        finally:
            self._end(self._process.join)
        if raised is not None:
            raise raised

    def stop(self) -> None:
        """End the job unfinished, its output unwanted: a forked one is killed, one not yet run never runs."""
        self._job = _nothing
        if self._process is not None:
            self._end(self._process.kill)

    def _end(self, how: Callable[[], None]) -> None:
        """End the process ``how`` says, wait for it and let it go."""
        assert self._process is not None
        how()
        self._process.join()
        self._reader.close()
        self._process = None


def _nothing() -> None:
    """What a stopped job that never ran does when waited for."""


def _run(job: Callable[[], None], result: Connection, parent: int) -> None:
    """In the forked process: run ``job`` and send None, or what it raised (a plain error if that cannot be sent).

    The process collects no cyclic garbage: it lives for one step, most of what the step makes
    lives until the step ends, and what dies sooner goes by reference counts. Collecting the
    young objects cost the page's process 0.04 CPU-s of a rebuild's 2.6.
    """
    _end_with(parent)
    gc.disable()
    try:
        job()
        outcome: BaseException | None = None
    except BaseException as exc:  # sent to the parent, which raises it
        outcome = exc
    try:
        result.send(outcome)
    except Exception:  # an exception that cannot be pickled: its type and message still reach the user
        result.send(RuntimeError(f"{type(outcome).__name__}: {outcome}"))


def _end_with(parent: int) -> None:
    """Have this process killed when ``parent`` ends (Linux), and end now if it has already.

    A build killed outright (out of memory, ``kill -9``) would otherwise leave its
    child writing into the folder of an output set that the next build removes, and
    recreating it there.
    """
    with contextlib.suppress(AttributeError, OSError):  # no prctl (not Linux): the check below alone
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)
