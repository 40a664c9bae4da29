"""Incremental builds: adding one document to a corpus, against the first build (issue 10: under 20%).

Copies CORPUS without its last document, builds it into a fresh folder (an empty cache), adds the
document, builds again into the same folder (every other analysis from the cache) and once more with
nothing changed, then builds the whole corpus clean (``--no-cache``) and checks the rebuilt graph is
byte-identical to it (with the page, that the rebuilt page is too; with the store, that the store the
rebuilds updated holds the same triples as the clean build's). The load average before and after is
printed: on a shared machine CPU seconds grow with it too (cores shared by hyper-threads, caches). Each build is a ``jishi build`` process of its own; CPU counts its workers.
The builds run with jishi's bytecode (compiled once, untimed, before the first), as an installed
jishi runs, even where the environment sets ``PYTHONDONTWRITEBYTECODE``.
``--store``/``--no-store`` and ``--network``/``--no-network`` are passed on, so the store's load (or
update) and the page can be timed as part of each build (as ``jishi build`` writes them by default) or left out.

    .venv/bin/python benchmarks/make_corpus.py 10 /tmp/corpus10
    .venv/bin/python benchmarks/bench_incremental.py /tmp/corpus10 [--no-store] [--no-network]
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def installed_env() -> dict[str, str]:
    """The environment of each build: with jishi's bytecode, compiled once beforehand, as an installed jishi has it.

    A session that sets ``PYTHONDONTWRITEBYTECODE`` would otherwise make every
    build compile jishi's modules from source (about 0.1 CPU-s, 3% of a rebuild).
    """
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "graph")], env=env, check=True)
    return env


def timed_build(docs: Path, out: Path, env: dict[str, str], *options: str) -> tuple[float, float]:
    """Wall and CPU seconds (workers included) of one ``jishi build`` in ``env``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "graph.cli", "build", str(docs), "-o", str(out), "--no-progress",
                    *options], cwd=ROOT, check=True, stdout=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def same_triples(store: Path, other: Path) -> bool:
    """Whether two saved stores hold the same triples."""
    import pyoxigraph as ox

    return set(ox.Store.read_only(str(store))) == set(ox.Store.read_only(str(other)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a folder of documents (benchmarks/make_corpus.py)")
    parser.add_argument("--store", action=argparse.BooleanOptionalAction, default=True,
                        help="let each build bulk-load its store (default) or not")
    parser.add_argument("--network", action=argparse.BooleanOptionalAction, default=True,
                        help="let each build write network.html (default) or not")
    args = parser.parse_args()
    files = sorted(p for p in args.corpus.rglob("*") if p.suffix in (".txt", ".md"))
    store = ([] if args.store else ["--no-store"]) + ([] if args.network else ["--no-network"])
    env = installed_env()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="jishi-bench-incremental-") as tmp:
        docs, work = Path(tmp) / "docs", Path(tmp)
        docs.mkdir()
        for path in files[:-1]:
            shutil.copy(path, docs / path.name)
        megabytes = sum(p.stat().st_size for p in files) / 1e6
        first = timed_build(docs, work / "out", env, *store)
        shutil.copy(files[-1], docs / files[-1].name)
        again = timed_build(docs, work / "out", env, *store)
        unchanged = timed_build(docs, work / "out", env, *store)
        clean = timed_build(docs, work / "clean", env, "--no-cache", *store)
        same = (work / "out" / "graph.ttl").read_bytes() == (work / "clean" / "graph.ttl").read_bytes()
        same_page = (work / "out" / "network.html").read_bytes() == (work / "clean" / "network.html").read_bytes() \
            if args.network else None
        same_store = same_triples(work / "out" / "store", work / "clean" / "store") if args.store else None
        cache_mb = sum(p.stat().st_size for p in (work / "out" / ".cache").rglob("*") if p.is_file()) / 1e6
    print(f"corpus: {len(files)} documents, {megabytes:.1f} MB; store {'on' if args.store else 'off'}, "
          f"page {'on' if args.network else 'off'}; load average {load_before:.1f} before, "
          f"{os.getloadavg()[0]:.1f} after")
    for name, (wall, cpu) in (("first build (empty cache)", first), ("one document added", again),
                              ("again, nothing changed", unchanged), ("clean build (--no-cache)", clean)):
        print(f"{name:28} wall {wall:7.1f} s  CPU {cpu:7.1f} s")
    print(f"added / first: wall {again[0] / first[0]:.0%}, CPU {again[1] / first[1]:.0%}; "
          f"cache {cache_mb:.0f} MB; graph identical to the clean build: {same}"
          + (f"; page identical: {same_page}" if args.network else "")
          + (f"; store holds the clean build's triples: {same_store}" if args.store else ""))


if __name__ == "__main__":
    main()
