"""How the build grows with the corpus: CPU, wall, memory and triples for corpora of distinct events.

For each size a corpus is made with ``make_corpus.py`` (same seed, so the same files every run) and
built in a fresh process, so that each figure is that build's alone: the graph only (no page, no store,
no analysis cache, whose figures are another matter). CPU seconds count the worker
processes (``RUSAGE_SELF`` + ``RUSAGE_CHILDREN``); peak RSS is that of the main process and of the
largest worker (``ru_maxrss``). ``jieba.lcut`` over the same text, in its own process of the same
run, gives the reference: on a shared machine absolute figures drift with the load, ratios much less.

    .venv/bin/python benchmarks/bench_scale.py 10 50 [--jobs 2] [--keep DIR]
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import WILD, varied_copies  # noqa: E402


def _usage() -> tuple[float, float, float]:
    """(CPU seconds of this process and its finished children, peak RSS of self, of the largest child) in MB."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
    return cpu, me.ru_maxrss / 1024, kids.ru_maxrss / 1024


def measure_build(corpus: Path, outdir: Path, jobs: int | None) -> dict:
    """Build ``corpus`` in this process (run as a child of the driver): CPU, wall, peak RSS, triples."""
    sys.path.insert(0, str(ROOT))
    from graph.pipeline import build

    cpu0, _, _ = _usage()
    wall0 = time.perf_counter()
    report = build([corpus], outdir, progress=False, network=False, jobs=jobs, store=False, cache=False)
    wall = time.perf_counter() - wall0
    cpu, main_rss, worker_rss = _usage()
    return {"cpu": cpu - cpu0, "wall": wall, "main_rss": main_rss, "worker_rss": worker_rss,
            "triples": report.triples, "documents": report.documents}


def measure_jieba(corpus: Path) -> dict:
    """CPU seconds of ``jieba.lcut`` over every document of ``corpus`` (dictionary loading left out)."""
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    texts = [path.read_text(encoding="utf-8") for path in sorted(corpus.iterdir())]
    start = time.process_time()
    for text in texts:
        jieba.lcut(text)
    return {"cpu": time.process_time() - start, "chars": sum(map(len, texts))}


def _child(*args: str) -> dict:
    """Run one measurement in a fresh interpreter and read its JSON answer."""
    done = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def write_corpus(megabytes: float, folder: Path, seed: int, wild: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in varied_copies(megabytes, seed, wild):
        (folder / name).write_text(text, encoding="utf-8")


def run_size(megabytes: float, work: Path, args: argparse.Namespace) -> str:
    """One row of the table: make the corpus, build it, run jieba over it."""
    corpus = work / f"corpus{megabytes:g}"
    if not corpus.exists():
        write_corpus(megabytes, corpus, args.seed, args.wild)
    jobs_args = ["--jobs", str(args.jobs)] if args.jobs else []
    build = _child("--build", str(corpus), str(work / f"out{megabytes:g}"), *jobs_args)
    jieba = _child("--jieba", str(corpus))
    chars = jieba["chars"]
    return (f"{megabytes:6g} MB {build['documents']:7d} docs | CPU {build['cpu']:8.1f} s "
            f"({build['cpu'] / megabytes:5.2f} s/MB) | wall {build['wall']:7.1f} s | "
            f"{chars / build['cpu']:9,.0f} chars/CPU-s | CPU ratio to jieba {jieba['cpu'] / build['cpu']:5.2f} | "
            f"peak RSS main {build['main_rss']:7,.0f} MB, worker {build['worker_rss']:6,.0f} MB | "
            f"triples {build['triples']:,}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", type=float, nargs="*", default=[10.0, 50.0], help="corpus sizes in MB")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: one per core)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (see make_corpus.py)")
    parser.add_argument("--wild", type=Path, default=WILD, help=f"the wild corpus (default: {WILD})")
    parser.add_argument("--keep", type=Path, default=None,
                        help="folder for the corpora and graphs, reused by later runs (default: a temporary one)")
    parser.add_argument("--build", nargs=2, type=Path, metavar=("CORPUS", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--jieba", type=Path, metavar="CORPUS", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.build:
        print(json.dumps(measure_build(*args.build, args.jobs)))
        return 0
    if args.jieba:
        print(json.dumps(measure_jieba(args.jieba)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        for megabytes in args.sizes:
            print(run_size(megabytes, work, args), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
