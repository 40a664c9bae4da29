"""Load the ``ontology/`` data (actors and lexicons) into lookup tables.

Reads ``ontology/actors/*.csv`` (one row per known actor; columns
``key,class,zh_hans,zh_hant,en,aliases,role,affiliation,iso,wikidata,source``),
``ontology/actors/abbreviations.csv`` (``abbr,keys``: the one-character press
abbreviations behind 中方, 意方, 中日韩) and, on demand, any
``ontology/lexicon/<name>.csv``.

Every surface is stored in Simplified script, because matching runs on the
Simplified view of a document (``Document.text``); Traditional names and
aliases are converted once at load time.

Examples
--------
>>> cat = load_catalogue()
>>> "country/CN" in cat.keys_for("中方")
True
"""
from __future__ import annotations

import csv
import functools
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_ROOT = Path(__file__).resolve().parent.parent / "ontology"
ABBREVIATIONS_FILE = "abbreviations.csv"
ALIAS_SEPARATOR = "|"
SIDE_SUFFIX = "方"

__all__ = ["Catalogue", "CatalogueActor", "holds_office", "load_catalogue"]


@dataclass(frozen=True)
class CatalogueActor:
    """One known actor, as listed in ``ontology/actors/*.csv``."""

    key: str
    cls: str
    zh_hans: str
    zh_hant: str = ""
    en: str = ""
    aliases: tuple[str, ...] = ()
    role: str | None = None
    affiliation: str | None = None
    iso: str | None = None
    wikidata: str | None = None


@dataclass(frozen=True)
class Catalogue:
    """Known actors and the Simplified surfaces that name them.

    ``surfaces`` maps a Simplified surface (name, alias, English name, or a
    generated ``X方`` form) to every key it may stand for; more than one key
    means the surface is ambiguous (巴方: Pakistan or Brazil).
    ``abbreviations`` maps a one-character press abbreviation (中, 意, 巴) to
    its keys; joint forms such as 中日韩 are built from it by the actors stage.
    """

    root: Path
    actors: dict[str, CatalogueActor]
    surfaces: dict[str, tuple[str, ...]]
    abbreviations: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def keys_for(self, surface: str) -> tuple[str, ...]:
        """The keys a Simplified surface may stand for (empty when unknown)."""
        return self.surfaces.get(surface, ())

    def lexicon(self, name: str) -> list[dict]:
        """The rows of ``lexicon/<name>.csv`` under this catalogue's root.

        A root without that file (a small test catalogue) falls back to the
        package's own ``ontology/lexicon``, so fixtures only need actors.
        """
        return [dict(row) for row in _read_lexicon(lexicon_file(self.root, f"{name}.csv"))]


def holds_office(role: str, title: str, marks: tuple[str, ...]) -> bool:
    """Whether one whose office is ``role`` holds the office ``title``: the same, or ending with it (国家主席
    holds 主席), unless a mark of another office stands right before it (副总统, 前总统 do not hold 总统;
    ``marks`` from ``lexicon/office_marks.csv``).

    Examples
    --------
    >>> holds_office("国家主席", "主席", ("副", "前")), holds_office("国家副主席", "主席", ("副", "前"))
    (True, False)
    """
    return role == title or (role.endswith(title) and not role[:-len(title)].endswith(marks))


def load_catalogue(root: Path | None = None) -> Catalogue:
    """Load the catalogue under ``root`` (default: the package's ``ontology/``).

    The default catalogue is loaded once per process.

    Examples
    --------
    >>> load_catalogue().actors["country/IT"].zh_hans
    '意大利'
    """
    if root is None or Path(root).resolve() == DEFAULT_ROOT:
        return _load_default()
    return _load(Path(root))


@functools.lru_cache(maxsize=1)
def _load_default() -> Catalogue:
    """The package's own catalogue, cached because every stage asks for it."""
    return _load(DEFAULT_ROOT)


def _load(root: Path) -> Catalogue:
    """Read every actor table and the abbreviations under ``root``."""
    actors = _read_actors(root / "actors")
    abbreviations = _read_abbreviations(root / "actors" / ABBREVIATIONS_FILE)
    surfaces = _build_surfaces(actors, abbreviations)
    return Catalogue(root=root, actors=actors, surfaces=surfaces, abbreviations=abbreviations)


def _read_actors(folder: Path) -> dict[str, CatalogueActor]:
    """Every row of ``folder/*.csv`` except the abbreviations, as actors by key.

    Traditional names and aliases are converted to Simplified in one batch,
    which keeps loading fast.
    """
    rows = [row for path in sorted(folder.glob("*.csv")) if path.name != ABBREVIATIONS_FILE
            for row in _read_csv(path) if _cell(row, "key")]
    to_simplified = _simplifier([row.get("aliases") or "" for row in rows])
    actors: dict[str, CatalogueActor] = {}
    for row in rows:
        actor = _actor_from_row(row, to_simplified)
        actors.setdefault(actor.key, actor)
    return actors


def _actor_from_row(row: dict, to_simplified: dict[str, str]) -> CatalogueActor:
    """One CSV row as a :class:`CatalogueActor` (aliases converted to Simplified)."""
    aliases_text = to_simplified.get(row.get("aliases") or "", row.get("aliases") or "")
    return CatalogueActor(
        key=_cell(row, "key"), cls=_cell(row, "class"),
        zh_hans=_cell(row, "zh_hans"), zh_hant=_cell(row, "zh_hant"), en=_cell(row, "en"),
        aliases=_split(aliases_text),
        role=_cell(row, "role") or None, affiliation=_cell(row, "affiliation") or None,
        iso=_cell(row, "iso") or None, wikidata=_cell(row, "wikidata") or None,
    )


def _cell(row: dict, column: str) -> str:
    """A CSV cell without surrounding spaces; an absent column or an empty cell is ``""``."""
    return (row.get(column) or "").strip()


def _split(cell: str) -> tuple[str, ...]:
    """The non-empty items of a ``|``-separated cell, without surrounding spaces."""
    return tuple(item.strip() for item in cell.split(ALIAS_SEPARATOR) if item.strip())


def _read_abbreviations(path: Path) -> dict[str, tuple[str, ...]]:
    """``abbr -> keys`` from ``abbreviations.csv`` (keys separated by ``|``)."""
    if not path.exists():
        return {}
    table: dict[str, tuple[str, ...]] = {}
    for row in _read_csv(path):
        abbr = _cell(row, "abbr")
        keys = _split(row.get("keys") or "")
        if abbr and keys:
            table[abbr] = tuple(dict.fromkeys(table.get(abbr, ()) + keys))
    return table


def _build_surfaces(actors: dict[str, CatalogueActor],
                    abbreviations: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """Simplified surface → keys, from names, aliases, English names and ``X方`` forms."""
    hant = _simplifier([a.zh_hant for a in actors.values() if a.zh_hant and a.zh_hant != a.zh_hans])
    table: dict[str, list[str]] = {}
    for actor in actors.values():
        names = (actor.zh_hans, hant.get(actor.zh_hant, actor.zh_hant), actor.en, *actor.aliases)
        for name in names:
            _add_surface(table, name, actor.key)
    for abbr, keys in abbreviations.items():
        for key in keys:
            _add_surface(table, abbr + SIDE_SUFFIX, key)
    return {surface: tuple(keys) for surface, keys in table.items()}


def _add_surface(table: dict[str, list[str]], surface: str, key: str) -> None:
    """Record that ``surface`` may name ``key`` (a single CJK character never does)."""
    surface = surface.strip()
    if len(surface) < 2:
        return
    keys = table.setdefault(surface, [])
    if key not in keys:
        keys.append(key)


def _simplifier(texts: list[str]) -> dict[str, str]:
    """Map each distinct text to its Simplified form, converting all in one call."""
    distinct = sorted({t for t in texts if t and not t.isascii() and "\n" not in t})
    if not distinct:
        return {}
    converted = _t2s().convert("\n".join(distinct)).split("\n")
    if len(converted) != len(distinct):
        converted = [_t2s().convert(t) for t in distinct]
    return dict(zip(distinct, converted, strict=True))


@functools.lru_cache(maxsize=1)
def _t2s():
    """The Traditional → Simplified converter (built once)."""
    import opencc
    return opencc.OpenCC("t2s")


def lexicon_file(root: str | Path, name: str) -> Path:
    """``root/lexicon/<name>``, or the package's own when ``root`` lacks it (a root may keep only its actors)."""
    path = Path(root) / "lexicon" / name
    return path if path.exists() else DEFAULT_ROOT / "lexicon" / name


@functools.lru_cache(maxsize=64)
def _read_lexicon(path: Path) -> tuple[dict, ...]:
    """The rows of one lexicon file (cached: stages ask for the same lists per document)."""
    if not path.exists():
        raise FileNotFoundError(f"no lexicon file {path}")
    return tuple(_read_csv(path))


def _read_csv(path: Path) -> list[dict]:
    """Rows of a UTF-8 CSV file with a header; lines starting with ``#`` are comments."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.lstrip().startswith("#")]
    return [{k: (v or "") for k, v in row.items() if k is not None} for row in csv.DictReader(lines)]
