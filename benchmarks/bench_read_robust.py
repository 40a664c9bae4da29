"""Time the build on hostile single documents: how long before each is built or refused.

Issue 9 found a file of 100,000 short lines taking 23 s just to read (a quadratic search for running
page headers), a 50 MB file not finishing in 540 s, and 488 bytes of YAML front matter growing to
4.8 GB. Each case below is written to a temporary folder and built alone, in this process
(``jobs=1``), with the network page left out; the script prints the wall time, the CPU time and the
first line of the summary (built, or the skip reason). The goal is well under 10 s for each on the
project's 2-core machine. ``--profile NAME`` prints where one case spends its time.

    .venv/bin/python benchmarks/bench_read_robust.py [--only NAME ...] [--profile NAME]
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Sentences written for this benchmark (no corpus text): prose with actors, a date and an event.
PROSE = ("3月{n}日，外交部发言人表示，中方愿同各方加强合作。",
         "国家主席习近平同法国总统马克龙通电话，双方交换意见",
         "世界卫生组织专家组抵达北京。",
         "会议举行")


def many_short_lines(count: int) -> Callable[[], bytes]:
    """``count`` short lines of prose, some cut without closing punctuation (page-break repair runs)."""
    def make() -> bytes:
        lines = (PROSE[n % len(PROSE)].format(n=n % 28 + 1) for n in range(count))
        return "\n\n".join(lines).encode("utf-8")
    return make


def one_line(chars: int) -> Callable[[], bytes]:
    """One line of ``chars`` characters of prose, no line break."""
    def make() -> bytes:
        text = "".join(PROSE[n % len(PROSE)].format(n=n % 28 + 1) for n in range(chars // 10 + 1))
        return text[:chars].encode("utf-8")
    return make


def ascii_line(chars: int) -> Callable[[], bytes]:
    """One line of ``chars`` ASCII characters: small enough in bytes to be read, then refused by its length."""
    def make() -> bytes:
        return (b"meeting " * (chars // 8 + 1))[:chars]
    return make


def repeated_header_lines(count: int) -> Callable[[], bytes]:
    """Lines that all look like running page headers cutting a sentence: every line is searched for."""
    def make() -> bytes:
        return "".join(f"外交部发言人表示中方愿\n\n第{n}页国际合作纪事\n\n同各方加强合作\n\n" for n in range(count // 3)).encode()
    return make


def alias_bomb() -> bytes:
    """YAML front matter of nine aliases of nine aliases (billion laughs)."""
    levels = "".join(f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi"))
    return f"---\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n{levels}title: *i\n---\n会议举行。\n".encode()


def big_file(megabytes: int) -> Callable[[], bytes]:
    """A single file of ``megabytes`` MB of prose lines."""
    def make() -> bytes:
        line = "外交部发言人表示，中方愿同各方加强合作。\n".encode()
        return line * (megabytes * 1_000_000 // len(line))
    return make


CASES: dict[str, Callable[[], bytes]] = {
    "100k_short_lines": many_short_lines(100_000),
    "5M_char_line": one_line(5_000_000),
    "5M_ascii_line": ascii_line(5_000_000),
    "1.9M_char_line": one_line(1_900_000),
    "90k_header_lines": repeated_header_lines(90_000),
    "alias_bomb": alias_bomb,
    "50MB_file": big_file(50),
}


def run(name: str, folder: Path, profile: bool) -> None:
    """Write one case, build it alone, print its times and outcome."""
    from graph.pipeline import build

    path = folder / f"{name}.txt"
    path.write_bytes(CASES[name]())
    profiler = cProfile.Profile() if profile else None
    wall, cpu = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    report = build([path], folder / "out", progress=False, network=False, jobs=1)
    if profiler:
        profiler.disable()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    outcome = (report.skipped[0].reason if report.skipped
               else f"built ({report.summary().splitlines()[0]}, {report.triples} triples)")
    print(f"{name:18} {path.stat().st_size / 1e6:7.1f} MB  wall {wall:6.2f} s  cpu {cpu:6.2f} s  {outcome[:90]}",
          flush=True)
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", choices=sorted(CASES), help="Run these cases only.")
    parser.add_argument("--profile", choices=sorted(CASES), help="Run this case under cProfile.")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from graph.catalogue import load_catalogue

    load_catalogue()   # loaded once, outside the timings, as a worker process receives it
    names = [args.profile] if args.profile else (args.only or list(CASES))
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            case_folder = Path(tmp) / name
            case_folder.mkdir()
            run(name, case_folder, profile=bool(args.profile))


if __name__ == "__main__":
    main()
