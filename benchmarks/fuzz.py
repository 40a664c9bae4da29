"""The long fuzz run: tests/test_fuzz.py with many examples and a fresh random seed.

The suite runs that property test on the same 100 examples every time, so CI stays
repeatable; this runs it on new ones until it fails or has tried ``--examples`` batches:

    .venv/bin/python benchmarks/fuzz.py --examples 20000           # about 40 minutes of one core
    .venv/bin/python benchmarks/fuzz.py --examples 20000 --seed 7  # the same run again

It prints the seed first and, at the end, hypothesis's statistics (how many files were
refused and why, how many batches gave events and statements). On a failure hypothesis
prints the smallest batch it found and a ``@reproduce_failure`` line: turn the batch into
a regression test beside the code it breaks.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=20000, help="batches of files to try (default 20000)")
    parser.add_argument("--seed", type=int, default=None, help="hypothesis seed (default: a new random one)")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**32)
    print(f"fuzz: {args.examples} examples, seed {seed}", flush=True)
    os.environ["JISHI_FUZZ_EXAMPLES"] = str(args.examples)
    os.environ["JISHI_FUZZ_SEED"] = str(seed)
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))  # this tree's graph/, as `python -m pytest` from the tree imports it
    return pytest.main(["-q", "-p", "no:cacheprovider", "tests/test_fuzz.py",
                        f"--hypothesis-seed={seed}", "--hypothesis-show-statistics"])


if __name__ == "__main__":
    sys.exit(main())
