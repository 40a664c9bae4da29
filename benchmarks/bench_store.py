"""The saved store on a large graph: its bulk load, a named query and serve's start, with and without it.

Bulk-loads GRAPH into the store beside it as ``jishi build`` does (unless a fresh one is there), then
times, each in a process of its own: ``jishi query NAME --graph GRAPH`` answered from the store and from
a parse of the Turtle (the store's stamp set aside for the run), and ``jishi serve`` until its endpoint
answers, on the store and on a temporary database loaded from the Turtle. Issue 10's targets, on the
200 MB corpus's graph: a named query under 2 s, serve up in under 5 s.

    .venv/bin/python benchmarks/make_corpus.py 200 /tmp/corpus200
    .venv/bin/jishi build /tmp/corpus200 -o /tmp/out200 --no-network
    .venv/bin/python benchmarks/bench_store.py /tmp/out200/graph.ttl [--query person_phone_calls] [--part-mb 10]

With ``--part-mb`` (a graph copied into an empty folder, so that it is loaded), the load in parts of another size.
"""
from __future__ import annotations

import argparse
import contextlib
import resource
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import graph.store as saved_store  # noqa: E402
from graph.serve import start_server  # noqa: E402
from graph.store import STAMP, fresh_store, write_store  # noqa: E402


def timed(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


@contextlib.contextmanager
def without_store(graph: Path) -> Iterator[None]:
    """The store's stamp set aside, so that query and serve parse the Turtle as for a stale store."""
    stamp = graph.parent / STAMP
    aside = stamp.with_name(STAMP + ".bench")
    stamp.rename(aside)
    try:
        yield
    finally:
        aside.rename(stamp)


def serve_start(graph: Path) -> float:
    """Seconds until ``serve``'s endpoint answers."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    start = time.perf_counter()
    with start_server(graph, port=port, timeout=600):
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph", type=Path, help="a graph.ttl written by jishi build")
    parser.add_argument("--query", default="person_phone_calls", help="the named query to time")
    parser.add_argument("--part-mb", type=float, default=saved_store.LOAD_PART_BYTES / 1e6,
                        help="the bulk load's parts, in MB of Turtle (default: as jishi build; 0: the graph whole)")
    args = parser.parse_args()
    path = args.graph.resolve()
    print(f"graph: {path} ({path.stat().st_size / 1e6:.0f} MB)")
    if fresh_store(path)[0] is None:
        saved_store.LOAD_PART_BYTES = int(args.part_mb * 1e6) or path.stat().st_size + 1
        start, cpu = time.perf_counter(), time.process_time()
        write_store(path)
        print(f"bulk load into the store, parts of {args.part_mb:g} MB (0: whole), and compaction: "
              f"wall {time.perf_counter() - start:.1f} s, CPU {time.process_time() - cpu:.1f} s "
              f"(this process and its threads), peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")
    query = [sys.executable, "-m", "graph.cli", "query", args.query, "--graph", str(path)]
    wall, cpu = timed(query)
    print(f"jishi query {args.query}, from the store: wall {wall:.2f} s, CPU {cpu:.2f} s")
    print(f"serve up on the store: {serve_start(path):.2f} s")
    with without_store(path):
        wall, cpu = timed(query)
        print(f"jishi query {args.query}, parsing the Turtle: wall {wall:.2f} s, CPU {cpu:.2f} s")
        print(f"serve up loading the Turtle: {serve_start(path):.2f} s")


if __name__ == "__main__":
    main()
