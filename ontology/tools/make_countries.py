"""Generate ``ontology/actors/countries.csv`` from CLDR territory names.

The names come from CLDR through Babel (``zh_Hans``, ``zh_Hant`` and ``en``), so
the list of countries and territories is complete and reproducible rather than
typed by hand.  Three small curated files in this folder are merged in:

* ``country_aliases.csv`` (``iso,aliases``): press short forms and official long
  forms (波黑, 沙特, 阿联酋, 大韩民国 ...).
* ``country_wikidata.csv`` (``iso,wikidata``): Wikidata items known for sure.
* ``country_alias_stoplist.csv`` (``alias``): names derived from the Traditional
  CLDR name that are ordinary words or place names in Simplified text
  (狮子山, 东加 ...) and so must not become aliases.

Run from the repository root (Babel comes with the ``tools`` extra)::

    .venv/bin/pip install -e '.[tools]'
    .venv/bin/python ontology/tools/make_countries.py
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import opencc

try:
    import babel
    from babel import Locale
    from babel.core import get_cldr_version
except ModuleNotFoundError:  # a maintainer's tool: Babel is not installed with jishi itself
    sys.exit("make_countries.py needs Babel (CLDR names), which is not installed: "
             ".venv/bin/pip install -e '.[tools]'")

HEADER = (
    "key",
    "class",
    "zh_hans",
    "zh_hant",
    "en",
    "aliases",
    "role",
    "affiliation",
    "iso",
    "wikidata",
    "source",
)

# CLDR territory codes that are not countries or territories: the EU and the
# euro area are organisations, UN is an organisation, QO is a grouping of
# islands, XA/XB are pseudo-locales and ZZ is "unknown region".
NOT_TERRITORIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})

TOOLS = Path(__file__).resolve().parent
ACTORS = TOOLS.parent / "actors"


def is_territory_code(code: str) -> bool:
    """Tell whether a CLDR territory code names a country or territory.

    Numeric codes (001, 150 ...) are UN M49 regions, not places one talks to.
    """
    return len(code) == 2 and code.isascii() and code.isalpha() and code not in NOT_TERRITORIES


def territory_names(locale: str) -> dict[str, str]:
    """Return ``{ISO alpha-2: name}`` for one CLDR locale, territories only."""
    names = Locale.parse(locale).territories
    return {code: name for code, name in names.items() if is_territory_code(code)}


def read_column_file(path: Path, key: str, value: str) -> dict[str, str]:
    """Read a two-column curated CSV into a dict, so data stays out of code."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {row[key]: row[value] for row in csv.DictReader(handle)}


def read_stoplist(path: Path) -> frozenset[str]:
    """Read the aliases that must never be emitted."""
    with path.open(encoding="utf-8", newline="") as handle:
        return frozenset(row["alias"] for row in csv.DictReader(handle))


def merge_aliases(canonical: str, candidates: list[str], stoplist: frozenset[str]) -> list[str]:
    """Keep each alias once, in order, without the canonical name or stopped words."""
    kept: list[str] = []
    for alias in candidates:
        if alias and alias != canonical and alias not in stoplist and alias not in kept:
            kept.append(alias)
    return kept


def source_label(curated: bool) -> str:
    """Name the CLDR and Babel versions a row was generated from."""
    label = f"CLDR {get_cldr_version()} via Babel {babel.__version__}"
    return f"{label}; curated aliases" if curated else label


def country_row(
    iso: str,
    names: tuple[str, str, str],
    curated: list[str],
    wikidata: str,
    stoplist: frozenset[str],
    to_simplified: opencc.OpenCC,
) -> dict[str, str]:
    """Build one catalogue row; the Traditional name, in Simplified, is an alias.

    Taiwan and Hong Kong usage (义大利, 纽西兰, 寮国) reaches the matcher that
    way once a Traditional document is converted to Simplified.
    """
    hans, hant, english = names
    derived = to_simplified.convert(hant)
    aliases = merge_aliases(hans, curated + [derived], stoplist)
    return {
        "key": f"country/{iso}",
        "class": "Country",
        "zh_hans": hans,
        "zh_hant": hant,
        "en": english,
        "aliases": "|".join(aliases),
        "role": "",
        "affiliation": "",
        "iso": iso,
        "wikidata": wikidata,
        "source": source_label(bool(curated)),
    }


def country_rows() -> list[dict[str, str]]:
    """Assemble every country and territory row, sorted by key."""
    hans = territory_names("zh_Hans")
    hant = territory_names("zh_Hant")
    english = territory_names("en")
    curated = read_column_file(TOOLS / "country_aliases.csv", "iso", "aliases")
    wikidata = read_column_file(TOOLS / "country_wikidata.csv", "iso", "wikidata")
    stoplist = read_stoplist(TOOLS / "country_alias_stoplist.csv")
    to_simplified = opencc.OpenCC("t2s")
    rows = [
        country_row(
            iso,
            (hans[iso], hant.get(iso, hans[iso]), english.get(iso, "")),
            [a for a in curated.get(iso, "").split("|") if a],
            wikidata.get(iso, ""),
            stoplist,
            to_simplified,
        )
        for iso in hans
    ]
    return sorted(rows, key=lambda row: row["key"])


def write_rows(rows: list[dict[str, str]], path: Path) -> None:
    """Write catalogue rows with the shared header, UTF-8, LF line ends."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=HEADER, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main() -> int:
    """Regenerate countries.csv and report how many rows were written."""
    rows = country_rows()
    write_rows(rows, ACTORS / "countries.csv")
    print(f"wrote {len(rows)} rows to {ACTORS / 'countries.csv'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
