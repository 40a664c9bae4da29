"""The per-document analysis on a Dask cluster, for corpora beyond one machine.

A :class:`DaskEngine` is an :data:`graph.pipeline.Engine`: ``jishi build
--scheduler tcp://HOST:8786`` (an existing cluster) or ``--cluster local`` (a
``LocalCluster`` of ``--workers`` processes on this machine) hands it to the
build in place of the local process pool. The documents are split into
partitions in the corpus's order and mapped over the workers; each worker reads
its documents itself, from the path the client resolved (so the corpus must be
on a file system every worker sees under the same path), and sends back their
analyses. The client takes the results partition by partition in the corpus's
order, so resolution and emit, which run on the client as in a local build,
see exactly what a local build sees: the graph is byte-identical.

Failures stay per document, as in the local pool: a document that cannot be
read or analysed is skipped with the same reason (the worker runs the same
:func:`graph.pipeline._analyse_path`); a partition whose worker dies (out of
memory, a crash in C) is tried again document by document, and only a document
that kills its worker each time is skipped, as the process "ended abruptly".

>>> DaskEngine(workers=3).describe()
'a local Dask cluster of 3 worker processes'
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from . import pipeline
from .model import Skipped
from .resolve import Findings

if TYPE_CHECKING:
    from distributed import Client, Future

PARTITIONS_PER_THREAD = 4
"""Partitions per worker thread: enough that a slow partition does not leave the others idle at the end."""
PARTITION_MAX = 32
"""Most documents in one partition, so results come back (and leave the workers' memory) steadily."""

Item = tuple[str, Path]
"""A document as the user gave it (shown in the summary) and as the workers open it (absolute)."""


@dataclass(frozen=True)
class DaskEngine:
    """Analyse the documents on the Dask cluster at ``scheduler``, or on a new local one of ``workers`` processes.

    ``processes=False`` runs a local cluster's workers as threads of this process
    (quick to start; for tests, as the analysis holds the GIL).
    """

    scheduler: str | None = None
    workers: int = 2
    processes: bool = True

    def describe(self) -> str:
        """Where the analysis runs, in words for the build's summary."""
        if self.scheduler:
            return f"the Dask cluster at {self.scheduler}"
        return f"a local Dask cluster of {self.workers} worker {'processes' if self.processes else 'threads'}"

    def __call__(self, files: list[Path], task: pipeline._Task) -> Iterator[Findings | Skipped]:
        """One result per file, in the files' order (see :data:`graph.pipeline.Engine`)."""
        with self._client() as client:
            yield from analyse_on(client, files, task)

    @contextmanager
    def _client(self) -> Iterator[Client]:
        """A client of the named scheduler, or of a local cluster that lives as long as the client."""
        from distributed import Client, LocalCluster

        if self.scheduler:
            with Client(self.scheduler) as client:
                yield client
            return
        with (LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=self.processes,
                           dashboard_address=None) as cluster,
              Client(cluster) as client):
            yield client


def analyse_on(client: Client, files: list[Path], task: pipeline._Task) -> Iterator[Findings | Skipped]:
    """The analyses of ``files`` made on ``client``'s workers, in the files' order.

    The task (catalogue, date hint, ids) goes to every worker once, not with every partition;
    the analyses the build's cache waits for are stored in it as they come back.
    """
    items = [(str(path), Path(path).absolute()) for path in files]
    shared = client.scatter(_for_workers(task), broadcast=True, hash=False)
    parts = partitions(items, sum(client.nthreads().values()))
    futures = client.map(analyse_partition, parts, task=shared, pure=False)
    paths = iter(files)
    for part, future in zip(parts, futures, strict=True):
        outcome = _partition_outcome(client, part, future, shared)
        yield from (task.keep(path, result) for result, path in zip(outcome, paths))  # outcome first: it ends first
        future.release()


def _for_workers(task: pipeline._Task) -> pipeline._Task:
    """The task with its document ids keyed by the absolute paths the workers open, and no cache.

    The cache (:mod:`graph.cache`) is a folder of the client's output, which a
    worker on another machine may not see: the client stores what comes back.
    """
    return replace(task, ids={Path(path).absolute(): name for path, name in task.ids.items()}, cache=None, keys={})


def partitions(items: list[Item], threads: int) -> list[list[Item]]:
    """``items`` cut into runs of equal length, in order: about :data:`PARTITIONS_PER_THREAD` per thread.

    >>> [len(p) for p in partitions([("a", Path("/a"))] * 10, threads=1)]
    [3, 3, 3, 1]
    """
    size = min(PARTITION_MAX, max(1, -(-len(items) // (PARTITIONS_PER_THREAD * max(threads, 1)))))
    return [items[start:start + size] for start in range(0, len(items), size)]


def analyse_partition(part: list[Item], task: pipeline._Task) -> list[Findings | Skipped]:
    """On a worker: each document of the partition read and analysed, or the reason it was skipped."""
    return [_as_given(given, pipeline._analyse_path(where, task)) for given, where in part]


def _as_given(given: str, result: Findings | Skipped) -> Findings | Skipped:
    """A skipped document named by the path the user gave, as a local build names it."""
    return Skipped(given, result.reason) if isinstance(result, Skipped) else result


def _partition_outcome(client: Client, part: list[Item], future: Future,
                       task: Future) -> list[Findings | Skipped]:
    """A partition's results; if its worker died (or they could not be sent back), each document alone."""
    try:
        return future.result()
    except Exception:  # KilledWorker, or a result that cannot be unpickled: find out which document did it
        return [_alone(client, item, task) for item in part]


def _alone(client: Client, item: Item, task: Future) -> Findings | Skipped:
    """One document as a task of its own: skipped if it kills the worker that runs it."""
    from distributed import KilledWorker

    future = client.submit(analyse_partition, [item], task=task, pure=False)
    try:
        return future.result()[0]
    except KilledWorker:
        return Skipped(item[0], pipeline.ENDED_ABRUPTLY)
    except Exception as exc:  # a fault in sending the result back is this document's, as in the local pool
        return pipeline._fault(Path(item[0]), exc)
    finally:
        future.release()
