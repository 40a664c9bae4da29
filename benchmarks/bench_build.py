"""Build throughput on the seed corpus replicated to >= 10 MB, against jieba in the same run.

Prints characters per second of the whole build (reading to Turtle written;
the interactive page is left out), the same for ``jieba.lcut`` over the same text, their ratio (build / jieba;
the goal is >= 1.0), and the peak memory of the main process and of the largest worker. ``--profile`` adds the
cProfile functions where the build spends its time.

    .venv/bin/python benchmarks/bench_build.py [--mb 10] [--profile]
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def replicate(seeds: Path, target: Path, megabytes: float) -> list[str]:
    """Copy the seed files under new names until their UTF-8 size reaches ``megabytes``."""
    files = sorted(seeds.glob("*.txt"))
    texts, size, copy = [], 0, 0
    while size < megabytes * 1_000_000:
        for path in files:
            dest = target / f"copy{copy:03d}_{path.name}"
            shutil.copyfile(path, dest)
            data = path.read_bytes()
            size += len(data)
            texts.append(data.decode("utf-8-sig"))
        copy += 1
    return texts


def time_build(corpus: Path, outdir: Path, profile: bool, jobs: int | None) -> float:
    from graph.catalogue import load_catalogue
    from graph.pipeline import build

    load_catalogue()
    profiler = cProfile.Profile() if profile else None
    start = time.perf_counter()
    if profiler:
        profiler.enable()
    report = build([corpus], outdir, progress=False, network=False, jobs=jobs)
    if profiler:
        profiler.disable()
    elapsed = time.perf_counter() - start
    print(report.summary().splitlines()[0], "|", f"triples {report.triples}")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    return elapsed


def time_jieba(texts: list[str]) -> float:
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    start = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="corpus size in MB of UTF-8 text")
    parser.add_argument("--profile", action="store_true",
                        help="print where the build spends its time (in one process: implies --jobs 1)")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: one per core)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        texts = replicate(ROOT / "seeds", corpus, args.mb)
        chars = sum(len(t) for t in texts)
        mbytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        jobs = 1 if args.profile else args.jobs
        build_s = time_build(corpus, Path(tmp) / "out", args.profile, jobs)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        worker_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        jieba_s = time_jieba(texts)
    build_rate, jieba_rate = chars / build_s, chars / jieba_s
    print(f"corpus: {len(texts)} documents, {mbytes:.1f} MB, {chars:,} characters")
    print(f"build:      {build_s:7.2f} s  {build_rate:12,.0f} chars/s  "
          f"(peak memory: main process {peak_mb:,.0f} MB, largest worker {worker_mb:,.0f} MB)")
    print(f"jieba.lcut: {jieba_s:7.2f} s  {jieba_rate:12,.0f} chars/s")
    print(f"ratio build/jieba: {build_rate / jieba_rate:.2f} (goal >= 1.0)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
