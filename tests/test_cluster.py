"""The Dask engine: the same graph and the same skipped list as a build on this machine."""
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("distributed", reason="the Dask engine needs the [dask] extra: pip install -e '.[dask]'")

from graph.cli import main  # noqa: E402
from graph.catalogue import load_catalogue  # noqa: E402
from graph.cluster import DaskEngine, _partition_outcome, analyse_partition, partitions  # noqa: E402
from graph.model import Skipped  # noqa: E402
from graph.pipeline import _Task, build  # noqa: E402

# Two workers as threads of the test process: a cluster starts in about a second, and the
# documents still go through partitions, scatter, map and gather as on a real cluster.
TWO_WORKERS = DaskEngine(workers=2, processes=False)


@pytest.fixture(scope="module")
def corpus_with_bad_files(tmp_path_factory, seeds_dir, data_dir) -> Path:
    """The seeds, two files that cannot be read, and one that is built after a repair."""
    folder = tmp_path_factory.mktemp("dask_corpus")
    for seed in sorted(seeds_dir.glob("*.txt")):
        shutil.copyfile(seed, folder / seed.name)
    for name in ("binary.txt", "empty.txt", "truncated.txt"):
        shutil.copyfile(data_dir / name, folder / name)
    return folder


@pytest.fixture(scope="module")
def both_builds(corpus_with_bad_files, tmp_path_factory):
    """The corpus built on this machine and on a two-worker Dask cluster."""
    local_out, dask_out = tmp_path_factory.mktemp("local"), tmp_path_factory.mktemp("dask")
    local = build([corpus_with_bad_files], local_out, network=False, store=False, jobs=1)
    distributed = build([corpus_with_bad_files], dask_out, network=False, store=False, engine=TWO_WORKERS)
    return (local, local_out), (distributed, dask_out)


def test_cluster_build_writes_the_local_graph_byte_for_byte(both_builds, seeds_dir):
    (local, local_out), (distributed, dask_out) = both_builds
    assert distributed.documents == local.documents == len(list(seeds_dir.glob("*.txt"))) + 1
    assert (dask_out / "graph.ttl").read_bytes() == (local_out / "graph.ttl").read_bytes()


def test_cluster_build_skips_and_repairs_the_files_a_local_build_does(both_builds, corpus_with_bad_files):
    (local, _), (distributed, _) = both_builds
    assert [(s.path, s.reason.split(" (")[0]) for s in distributed.skipped] == [
        (str(corpus_with_bad_files / "binary.txt"), "binary file"),
        (str(corpus_with_bad_files / "empty.txt"), "empty file")]
    assert distributed.skipped == local.skipped
    assert [r.path for r in distributed.repaired] == [str(corpus_with_bad_files / "truncated.txt")]
    assert distributed.repaired == local.repaired
    assert _without_output(distributed.summary()) == _without_output(local.summary())


def _without_output(summary: str) -> list[str]:
    """The summary's lines but the one naming the output folder, which differs between the two builds."""
    return [line for line in summary.splitlines() if not line.startswith("wrote: ")]


def test_cluster_relative_paths_are_named_as_given(tmp_path, monkeypatch, data_dir):
    """Workers open the absolute path, but the summary names a skipped file as the user typed it."""
    (tmp_path / "docs").mkdir()
    shutil.copyfile(data_dir / "gbk.txt", tmp_path / "docs" / "gbk.txt")
    shutil.copyfile(data_dir / "empty.txt", tmp_path / "docs" / "empty.txt")
    monkeypatch.chdir(tmp_path)
    report = build([Path("docs")], Path("out"), network=False, store=False, engine=TWO_WORKERS)
    assert report.documents == 1
    assert [(s.path, s.reason.split(" (")[0]) for s in report.skipped] == [("docs/empty.txt", "empty file")]


def test_cluster_partitions_keep_order_and_cover_every_file():
    items = [(str(n), Path(f"/{n}")) for n in range(100)]
    parts = partitions(items, threads=2)
    assert [item for part in parts for item in part] == items
    assert [len(part) for part in parts] == [13] * 7 + [9]   # 100 / (4 partitions x 2 threads), rounded up


def test_cluster_options_are_checked_before_any_work(tmp_path):
    runner = CliRunner()
    both = runner.invoke(main, ["build", "-o", str(tmp_path), "--cluster", "local", "--scheduler", "tcp://x:8786"])
    assert both.exit_code == 2 and "give --scheduler or --cluster, not both" in both.output
    alone = runner.invoke(main, ["build", "-o", str(tmp_path), "--workers", "2"])
    assert alone.exit_code == 2 and "--workers is for --cluster local" in alone.output
    jobs = runner.invoke(main, ["build", "-o", str(tmp_path), "--cluster", "local", "-j", "2"])
    assert jobs.exit_code == 2 and "-j/--jobs is for a build on this machine" in jobs.output


def test_cluster_build_fills_the_cache_a_local_rebuild_reads(corpus_with_bad_files, tmp_path, monkeypatch):
    """Workers may not see the output folder: the client stores their analyses in the build's cache."""
    from graph import pipeline

    first = build([corpus_with_bad_files], tmp_path, network=False, store=False, engine=TWO_WORKERS)
    graph = (tmp_path / "graph.ttl").read_bytes()

    def unreachable(document, catalogue):
        raise AssertionError(f"{document.id} analysed again")

    monkeypatch.setattr(pipeline, "analyse", unreachable)
    again = build([corpus_with_bad_files], tmp_path, network=False, store=False, jobs=1)
    assert (again.documents, again.skipped) == (first.documents, first.skipped)
    assert (tmp_path / "graph.ttl").read_bytes() == graph


class _Ran:
    """A finished task of :class:`_ClusterThatLosesAWorker`: its result, or the worker's death."""

    def __init__(self, part, task, dies: bool) -> None:
        self.part, self.task, self.dies = part, task, dies

    def result(self):
        from distributed import KilledWorker

        if self.dies:
            raise KilledWorker("analyse_partition", None, 3)
        return analyse_partition(self.part, self.task)

    def release(self) -> None:
        """Nothing is held: the task ran when it was submitted."""


class _ClusterThatLosesAWorker:
    """Stands in for a client whose worker dies on every task holding the document ``deadly``."""

    def __init__(self, deadly: str) -> None:
        self.deadly = deadly

    def submit(self, function, part, task, pure):
        return _Ran(part, task, any(given.endswith(self.deadly) for given, _ in part))


def test_cluster_a_worker_that_dies_costs_only_its_document(tmp_path, data_dir):
    """The partition whose worker died is retried document by document; only the deadly one is skipped."""
    for name in ("gbk.txt", "big5.txt", "utf16_bom.txt"):
        shutil.copyfile(data_dir / name, tmp_path / name)
    part = [(str(tmp_path / name), tmp_path / name) for name in ("gbk.txt", "big5.txt", "utf16_bom.txt")]
    client = _ClusterThatLosesAWorker("big5.txt")
    task = _Task(load_catalogue())
    outcome = _partition_outcome(client, part, client.submit(analyse_partition, part, task, False), task)
    assert [r.path if isinstance(r, Skipped) else r.document.id for r in outcome] == [
        "gbk.txt", str(tmp_path / "big5.txt"), "utf16_bom.txt"]
    assert outcome[1].reason.startswith("the process analysing it ended abruptly")
