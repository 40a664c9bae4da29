"""Named SPARQL queries on the seed graph replicated ×100: Oxigraph against rdflib's default store.

Builds the seed graph, writes it ``--copies`` times with every resource IRI
renamed per copy (``jid:c7/actor/…``), so the graph is that many times larger
with the same shape, and loads it into an in-memory Oxigraph store (what
``jishi query`` uses) and into rdflib's default in-memory store. Every named
query in ``queries/`` then runs ``--repeat`` times on each, results fully read;
the script prints load times, the median time per query on each engine, the
ratio rdflib / Oxigraph, and whether both return the same number of rows.

    .venv/bin/python benchmarks/bench_queries.py [--copies 100] [--repeat 5] [--rdflib-repeat 3]
"""
from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

JID = "https://w3id.org/jishi/id/"


def seed_graph(workdir: Path) -> Path:
    """Build the seed corpus once; returns the Turtle file."""
    from graph.pipeline import build

    return build([ROOT / "seeds"], workdir / "seed", progress=False).graph_path


def replicate(graph_path: Path, copies: int, out: Path) -> int:
    """Write ``copies`` renamed copies of the graph as N-Triples; returns the number of triples."""
    import pyoxigraph as ox

    triples = list(ox.parse(path=str(graph_path), format=ox.RdfFormat.TURTLE))

    def rename(term, prefix):
        if isinstance(term, ox.NamedNode) and term.value.startswith(JID):
            return ox.NamedNode(prefix + term.value[len(JID):])
        return term

    with out.open("wb") as handle:
        for copy in range(copies):
            prefix = f"{JID}c{copy}/"
            handle.write(ox.serialize((ox.Triple(rename(t.subject, prefix), t.predicate, rename(t.object, prefix))
                                       for t in triples), format=ox.RdfFormat.N_TRIPLES))
    return len(triples) * copies


def timed(function, repeat: int) -> tuple[float, int]:
    """Median seconds of ``repeat`` calls, and the result size of the last."""
    times, size = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        size = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), size


def timed_with_limit(function, repeat: int, limit: float) -> tuple[float, int] | str:
    """:func:`timed` in a forked child (sharing the loaded graph), stopped after ``limit`` seconds.

    rdflib's engine takes many minutes on some queries at this size; a query
    that runs out of time is reported as "stopped" (its ratio is then a lower
    bound), one that raises as "error: <exception>".
    """
    context = multiprocessing.get_context("fork")
    results = context.Queue()

    def child_main() -> None:
        try:
            results.put(timed(function, repeat))
        except Exception as exc:  # reported in the table, the benchmark goes on
            results.put(f"error: {type(exc).__name__}: {exc}"[:80])

    child = context.Process(target=child_main)
    child.start()
    deadline = time.monotonic() + limit * repeat
    while time.monotonic() < deadline and results.empty() and child.is_alive():
        time.sleep(0.05)
    if results.empty():
        child.kill()
        child.join()
        return "stopped"
    outcome = results.get()
    child.join()
    return outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=100, help="how many copies of the seed graph (default 100)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query on Oxigraph (default 5)")
    parser.add_argument("--rdflib-repeat", type=int, default=1, help="runs per query on rdflib (default 1)")
    parser.add_argument("--rdflib-limit", type=float, default=120,
                        help="seconds a query may take on rdflib before it is stopped (default 120)")
    args = parser.parse_args()

    import pyoxigraph as ox
    import rdflib

    from graph.query import PREFIXES, named_queries

    with tempfile.TemporaryDirectory(prefix="jishi-bench-") as tmp:
        workdir = Path(tmp)
        data = workdir / "replicated.nt"
        n = replicate(seed_graph(workdir), args.copies, data)
        print(f"graph: seed graph x {args.copies} = {n:,} triples")

        start = time.perf_counter()
        store = ox.Store()
        store.bulk_load(path=str(data), format=ox.RdfFormat.N_TRIPLES)
        print(f"load: oxigraph {time.perf_counter() - start:.1f} s", end="", flush=True)
        start = time.perf_counter()
        graph = rdflib.Graph()
        graph.parse(str(data), format="nt")
        print(f", rdflib {time.perf_counter() - start:.1f} s")

        header = f"{'query':<26} {'rows':>7} {'oxigraph ms':>12} {'rdflib ms':>12} {'ratio':>8}  same rows"
        print(header)
        print("-" * len(header))
        ratios, bounds = [], 0
        for name, query in named_queries().items():
            ox_time, ox_rows = timed(lambda: len(list(store.query(query.text, prefixes=PREFIXES))), args.repeat)
            rdflib_run = timed_with_limit(lambda: len(list(graph.query(query.text, initNs=PREFIXES))),
                                          args.rdflib_repeat, args.rdflib_limit)
            if rdflib_run == "stopped":
                bounds += 1
                ratio = args.rdflib_limit / ox_time
                ratios.append(ratio)
                print(f"{name:<26} {ox_rows:>7} {ox_time * 1000:>12.1f} {'> ' + str(int(args.rdflib_limit * 1000)):>12}"
                      f" {'>' + format(ratio, '.0f'):>7}x  (rdflib stopped)", flush=True)
                continue
            if isinstance(rdflib_run, str):
                print(f"{name:<26} {ox_rows:>7} {ox_time * 1000:>12.1f} {'-':>12} {'-':>8}  rdflib {rdflib_run}",
                      flush=True)
                continue
            rd_time, rd_rows = rdflib_run
            ratio = rd_time / ox_time if ox_time else float("inf")
            ratios.append(ratio)
            print(f"{name:<26} {ox_rows:>7} {ox_time * 1000:>12.1f} {rd_time * 1000:>12.1f} {ratio:>7.0f}x  "
                  f"{'yes' if ox_rows == rd_rows else f'no (rdflib {rd_rows})'}", flush=True)
        print(f"median ratio rdflib / oxigraph: {statistics.median(ratios):.0f}x "
              f"(min {min(ratios):.0f}x, max {max(ratios):.0f}x; {bounds} lower bounds where rdflib was stopped)")


if __name__ == "__main__":
    main()
