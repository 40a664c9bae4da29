"""Normalise the hand-curated actor files in ``ontology/actors/``.

Curators type rows in any order and may leave ``zh_hant`` empty.  This tool
sorts each file by key, fills an empty ``zh_hant`` with the OpenCC ``s2hk``
conversion of ``zh_hans`` (Hong Kong forms, as in the Traditional sources of this genre), and
rewrites the file with the shared header and consistent quoting.  It is
idempotent: running it twice changes nothing.

Run from the repository root::

    .venv/bin/python ontology/tools/tidy_curated.py
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import opencc

TOOLS = Path(__file__).resolve().parent
ACTORS = TOOLS.parent / "actors"
CURATED = ("organizations.csv", "government.csv", "persons.csv")
NAME_FIXES = TOOLS / "hant_name_fixes.csv"


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Return the header and rows of one curated CSV."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def read_name_fixes(path: Path) -> dict[str, str]:
    """Characters OpenCC picks for words that are wrong inside personal names.

    OpenCC converts 里 to 裏 ("inside"), 范 to 範 and 于 to 於, which is right
    for words but wrong for surnames and transliterations (鮑里索夫, 范平明).
    """
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["converted"]: row["in_names"] for row in csv.DictReader(handle)}


def traditional_label(row: dict[str, str], to_traditional: opencc.OpenCC, name_fixes: dict[str, str]) -> str:
    """Convert ``zh_hans`` to Traditional, keeping name characters for persons."""
    label = to_traditional.convert(row["zh_hans"])
    if row["class"] != "Person":
        return label
    return "".join(name_fixes.get(char, char) for char in label)


def with_traditional(row: dict[str, str], to_traditional: opencc.OpenCC, name_fixes: dict[str, str]) -> dict[str, str]:
    """Fill ``zh_hant`` from ``zh_hans`` when the curator left it empty."""
    if row["zh_hant"]:
        return row
    return {**row, "zh_hant": traditional_label(row, to_traditional, name_fixes)}


def write_rows(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    """Write rows back with LF line ends and minimal quoting."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def tidy(path: Path, to_traditional: opencc.OpenCC, name_fixes: dict[str, str]) -> int:
    """Sort one file by key and fill its Traditional labels; return its row count."""
    header, rows = read_rows(path)
    filled = (with_traditional(row, to_traditional, name_fixes) for row in rows)
    tidied = sorted(filled, key=lambda r: r["key"])
    write_rows(path, header, tidied)
    return len(tidied)


def main() -> int:
    """Tidy every curated file that exists."""
    to_traditional = opencc.OpenCC("s2hk")
    name_fixes = read_name_fixes(NAME_FIXES)
    for name in CURATED:
        path = ACTORS / name
        if path.exists():
            print(f"{name}: {tidy(path, to_traditional, name_fixes)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
