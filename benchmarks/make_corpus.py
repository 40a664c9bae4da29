"""Make a benchmark corpus of N MB whose events are distinct, from the seeds and the wild corpus.

Copying a document unchanged makes every copy tell the same events, which resolution merges: such a
corpus measures analysis but not the cost of many distinct events. Here copy 0 of every source document
is the document itself and each further copy is varied:

* every year is shifted by the copy's number of years (a multiple of four, so 2月29日 stays a real day;
  +4, -4, +8, -8, … keeps 2020's documents within 1900-2099 for 24 copies), in ``2020年``,
  ``二〇二〇年``, ``2020-03-14`` and the file name's ``20200314``: month-days without a year follow the
  document's shifted date;
* the catalogue's persons swap names (each copy its own permutation within the class Person, in both
  scripts), so the same day's call gets other parties too.

Documents are taken in a shuffled order (``--seed``) so that a small corpus mixes both genres; the same
arguments always give the same files.

    .venv/bin/python benchmarks/make_corpus.py 50 /tmp/corpus50 [--seed 1]
"""
from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WILD = ROOT.parent / "shared" / "corpus" / "wild"
"""The wild corpus beside the project (``../shared/corpus/wild``); ``--wild`` names another place."""
PERSONS = ROOT / "ontology" / "actors" / "persons.csv"

_ARABIC_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?=年|[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}(?!\d))")
"""A year written in digits: ``2020年``, ``2020-03-14``, ``2020/3/14`` and a file name's ``20200314``."""
_HAN_DIGITS = "〇一二三四五六七八九"
_HAN_YEAR = re.compile(f"([{_HAN_DIGITS}]{{4}})(?=年)")
"""A year written in Chinese numerals: ``二〇二〇年``."""
_HAN_VALUE = {c: str(i) for i, c in enumerate(_HAN_DIGITS)} | {"零": "0"}


def year_shift(copy: int) -> int:
    """Years added to copy ``copy``: 0, +4, -4, +8, -8, …"""
    step = (copy + 1) // 2 * 4
    return step if copy % 2 else -step


def shift_years(text: str, years: int) -> str:
    """``text`` with every year written in digits or Chinese numerals moved by ``years``.

    >>> shift_years("2020年3月14日，二〇二〇年；2020-03-14 mfa_20200314_1", 4)
    '2024年3月14日，二〇二四年；2024-03-14 mfa_20240314_1'
    """
    if not years:
        return text
    text = _ARABIC_YEAR.sub(lambda m: str(int(m.group(1)) + years), text)
    return _HAN_YEAR.sub(lambda m: _han(int("".join(_HAN_VALUE[c] for c in m.group(1))) + years), text)


def _han(year: int) -> str:
    return "".join(_HAN_DIGITS[int(d)] for d in f"{year:04d}")


def _person_names() -> list[tuple[str, str]]:
    """(Simplified, Traditional) names of the catalogue's persons, two characters or more."""
    with PERSONS.open(encoding="utf-8", newline="") as handle:
        rows = [(row["zh_hans"], row["zh_hant"] or row["zh_hans"]) for row in csv.DictReader(handle)]
    return sorted({row for row in rows if len(row[0]) >= 2 and len(row[1]) >= 2})


def name_swapper(copy: int, seed: int, names: list[tuple[str, str]]) -> Callable[[str], str]:
    """A function that gives every person name of ``names`` another person's name, the same for the whole copy."""
    if copy == 0:
        return lambda text: text
    others = names[:]
    random.Random(f"{seed}/{copy}").shuffle(others)
    mapping: dict[str, str] = {}
    for (hans, hant), (new_hans, new_hant) in zip(names, others):
        mapping.setdefault(hans, new_hans)
        mapping.setdefault(hant, new_hant)
    pattern = re.compile("|".join(map(re.escape, sorted(mapping, key=lambda n: (-len(n), n)))))
    return lambda text: pattern.sub(lambda m: mapping[m.group()], text)


def source_documents(seed: int, wild: Path = WILD) -> list[Path]:
    """The seeds and the wild documents, in an order shuffled by ``seed``."""
    if not wild.is_dir():
        raise SystemExit(f"{wild}: no such folder (the wild corpus; give its place with --wild)")
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted(wild.rglob("*.txt"), key=lambda p: p.name)
    random.Random(seed).shuffle(paths)
    return paths


def varied_copies(megabytes: float, seed: int, wild: Path = WILD) -> Iterator[tuple[str, str]]:
    """(file name, text) of the corpus's documents until their UTF-8 size reaches ``megabytes``."""
    sources = [(path.name, path.read_text(encoding="utf-8-sig", errors="replace"))
               for path in source_documents(seed, wild)]
    names = _person_names()
    size, copy = 0, 0
    while True:
        swap, years = name_swapper(copy, seed, names), year_shift(copy)
        for name, text in sources:
            if size >= megabytes * 1_000_000:
                return
            varied = swap(shift_years(text, years))
            size += len(varied.encode("utf-8"))
            yield f"c{copy:02d}_{shift_years(name, years)}", varied
        copy += 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("megabytes", type=float, help="size of the corpus in MB of UTF-8 text")
    parser.add_argument("outdir", type=Path, help="folder to write the documents into (created)")
    parser.add_argument("--seed", type=int, default=1, help="order of the documents and the name permutations")
    parser.add_argument("--wild", type=Path, default=WILD, help=f"the wild corpus (default: {WILD})")
    args = parser.parse_args(argv)
    args.outdir.mkdir(parents=True, exist_ok=True)
    count = size = 0
    for name, text in varied_copies(args.megabytes, args.seed, args.wild):
        data = text.encode("utf-8")
        (args.outdir / name).write_bytes(data)
        count, size = count + 1, size + len(data)
    print(f"{count} documents, {size / 1e6:.1f} MB in {args.outdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
