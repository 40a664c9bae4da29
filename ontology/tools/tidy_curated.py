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


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Return the header and rows of one curated CSV."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def with_traditional(row: dict[str, str], to_traditional: opencc.OpenCC) -> dict[str, str]:
    """Fill ``zh_hant`` from ``zh_hans`` when the curator left it empty."""
    if row["zh_hant"]:
        return row
    return {**row, "zh_hant": to_traditional.convert(row["zh_hans"])}


def write_rows(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    """Write rows back with LF line ends and minimal quoting."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def tidy(path: Path, to_traditional: opencc.OpenCC) -> int:
    """Sort one file by key and fill its Traditional labels; return its row count."""
    header, rows = read_rows(path)
    tidied = sorted((with_traditional(row, to_traditional) for row in rows), key=lambda r: r["key"])
    write_rows(path, header, tidied)
    return len(tidied)


def main() -> int:
    """Tidy every curated file that exists."""
    to_traditional = opencc.OpenCC("s2hk")
    for name in CURATED:
        path = ACTORS / name
        if path.exists():
            print(f"{name}: {tidy(path, to_traditional)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
