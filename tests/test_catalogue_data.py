"""Checks on the actor data in ontology/actors/ (the files, not the loader).

The loader (graph.catalogue) trusts these files; these tests keep them sound:
exact header, unique keys, known classes, resolvable affiliations, well-formed
Wikidata ids, and no name shared by two actors unless it is listed as a known
ambiguity in ontology/tools/known_ambiguous.csv.
"""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology"
ACTORS = ONTOLOGY / "actors"
HEADER = ["key", "class", "zh_hans", "zh_hant", "en", "aliases", "role",
          "affiliation", "iso", "wikidata", "source"]
CLASSES = {"Person", "Country", "GovernmentBody", "InternationalOrganization", "Organization"}
ACTOR_FILES = ["countries.csv", "organizations.csv", "government.csv", "persons.csv"]


def read_table(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


@pytest.fixture(scope="module")
def tables() -> dict[str, list[dict[str, str]]]:
    return {name: read_table(ACTORS / name)[1] for name in ACTOR_FILES}


@pytest.fixture(scope="module")
def rows(tables) -> list[dict[str, str]]:
    return [row for table in tables.values() for row in table]


@pytest.fixture(scope="module")
def by_key(rows) -> dict[str, dict[str, str]]:
    return {row["key"]: row for row in rows}


@pytest.mark.parametrize("name", ACTOR_FILES)
def test_catalogue_data_header_is_exact(name):
    header, _ = read_table(ACTORS / name)
    assert header == HEADER


@pytest.mark.parametrize("name", ACTOR_FILES)
def test_catalogue_data_rows_sorted_by_key(tables, name):
    keys = [row["key"] for row in tables[name]]
    assert keys == sorted(keys)


def test_catalogue_data_keys_unique(rows):
    keys = [row["key"] for row in rows]
    assert len(keys) == len(set(keys))


def test_catalogue_data_classes_valid(rows):
    assert {row["class"] for row in rows} <= CLASSES


def test_catalogue_data_key_prefix_matches_class(rows):
    prefixes = {"Person": "person/", "Country": "country/", "GovernmentBody": "gov/",
                "InternationalOrganization": "org/", "Organization": "org/"}
    wrong = [row["key"] for row in rows if not row["key"].startswith(prefixes[row["class"]])]
    assert wrong == []


def test_catalogue_data_every_row_has_names(rows):
    missing = [row["key"] for row in rows if not (row["zh_hans"] and row["zh_hant"] and row["en"])]
    assert missing == []


def test_catalogue_data_affiliations_exist(rows, by_key):
    dangling = [(row["key"], row["affiliation"]) for row in rows
                if row["affiliation"] and row["affiliation"] not in by_key]
    assert dangling == []


def test_catalogue_data_persons_have_role_and_affiliation(tables):
    incomplete = [row["key"] for row in tables["persons.csv"] if not (row["role"] and row["affiliation"])]
    assert incomplete == []


def test_catalogue_data_wikidata_ids_well_formed(rows):
    bad = [row["wikidata"] for row in rows if row["wikidata"] and not re.fullmatch(r"Q\d+", row["wikidata"])]
    assert bad == []


def test_catalogue_data_wikidata_ids_unique(rows):
    ids = [row["wikidata"] for row in rows if row["wikidata"]]
    assert len(ids) == len(set(ids))


def test_catalogue_data_no_single_character_alias(rows):
    short = [(row["key"], alias) for row in rows for alias in row["aliases"].split("|")
             if alias and len(alias) < 2]
    assert short == []


def test_catalogue_data_countries_cover_cldr(tables):
    countries = tables["countries.csv"]
    assert len(countries) >= 240
    assert all(re.fullmatch(r"[A-Z]{2}", row["iso"]) and row["key"] == f"country/{row['iso']}"
               for row in countries)


@pytest.mark.parametrize("key, field, expected", [
    ("country/IT", "zh_hant", "義大利"),
    ("country/IT", "zh_hans", "意大利"),
    ("country/CN", "wikidata", "Q148"),
])
def test_catalogue_data_country_values(by_key, key, field, expected):
    assert by_key[key][field] == expected


@pytest.mark.parametrize("key, alias", [
    ("country/BA", "波黑"),
    ("country/SA", "沙特"),
    ("country/AE", "阿联酋"),
    ("country/IT", "义大利"),
    ("org/who", "世卫组织"),
    ("gov/nhc", "国家卫健委"),
    ("person/tedros", "谭德赛"),
])
def test_catalogue_data_aliases_present(by_key, key, alias):
    assert alias in by_key[key]["aliases"].split("|")


def test_catalogue_data_regions_and_organisations_are_not_countries(by_key):
    assert not {"country/EU", "country/UN", "country/ZZ", "country/001"} & set(by_key)


def test_catalogue_data_persons_breadth(tables):
    assert len(tables["persons.csv"]) >= 150


def test_catalogue_data_abbreviations_point_at_actors(by_key):
    header, table = read_table(ACTORS / "abbreviations.csv")
    assert header == ["abbr", "keys"]
    assert all(len(row["abbr"]) == 1 for row in table)
    dangling = [key for row in table for key in row["keys"].split("|") if key not in by_key]
    assert dangling == []


def test_catalogue_data_shared_names_are_known(rows):
    owners: dict[str, set[str]] = {}
    for row in rows:
        for name in [row["zh_hans"], *row["aliases"].split("|")]:
            if name:
                owners.setdefault(name, set()).add(row["key"])
    shared = {name: keys for name, keys in owners.items() if len(keys) > 1}
    _, known = read_table(ONTOLOGY / "tools" / "known_ambiguous.csv")
    assert shared == {row["surface"]: set(row["keys"].split("|")) for row in known}


def test_catalogue_data_person_genders_name_catalogue_persons(tables):
    # the statements stage reads an unlisted catalogue person as a man: a listed key must be a person
    persons = {row["key"] for row in tables["persons.csv"]}
    lines = (ONTOLOGY / "lexicon" / "person_genders.csv").read_text(encoding="utf-8").splitlines()
    listed = list(csv.DictReader(line for line in lines if not line.startswith("#")))
    assert listed and all(row["key"] in persons and row["gender"] in ("female", "male") for row in listed)
    assert len({row["key"] for row in listed}) == len(listed)


def test_catalogue_data_office_terms_name_catalogue_persons_and_the_rules_offices(tables):
    # the pair rule (party_rules.yaml, pair_office_holders) reads a term's country from its person's affiliation
    import datetime as dt

    import yaml
    persons = {row["key"]: row for row in tables["persons.csv"]}
    rules = yaml.safe_load((ONTOLOGY / "lexicon" / "party_rules.yaml").read_text(encoding="utf-8"))["rules"]
    offices = next(rule["offices"] for rule in rules if rule["name"] == "pair_office_holders")
    lines = (ONTOLOGY / "lexicon" / "office_terms.csv").read_text(encoding="utf-8").splitlines()
    terms = list(csv.DictReader(line for line in lines if not line.startswith("#")))
    assert terms and all(row["person"] in persons and persons[row["person"]]["affiliation"] for row in terms)
    assert all(set(row["offices"].split("|")) <= set(offices) for row in terms)
    assert all(not row["end"] or dt.date.fromisoformat(row["start"]) < dt.date.fromisoformat(row["end"])
               for row in terms)
