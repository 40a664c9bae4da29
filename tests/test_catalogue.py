"""Tests for graph.catalogue: loading actors, surfaces, X方 forms and lexicons."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph.catalogue import DEFAULT_ROOT, Catalogue, CatalogueActor, load_catalogue

FIXTURE = Path(__file__).parent / "data" / "catalogue"


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue(FIXTURE)


@pytest.mark.parametrize("key, cls, name", [
    ("country/IT", "Country", "意大利"),
    ("org/who", "InternationalOrganization", "世界卫生组织"),
    ("person/xi-jinping", "Person", "习近平"),
])
def test_catalogue_loads_actors(catalogue, key, cls, name):
    actor = catalogue.actors[key]
    assert isinstance(actor, CatalogueActor)
    assert (actor.cls, actor.zh_hans) == (cls, name)


@pytest.mark.parametrize("surface, keys", [
    ("世卫组织", ("org/who",)),          # alias
    ("WHO", ("org/who",)),               # English name
    ("意大利", ("country/IT",)),
    ("义大利", ("country/IT",)),         # Traditional alias 義大利, converted
    ("中方", ("country/CN",)),           # generated from the abbreviation 中
    ("巴方", ("country/PK", "country/BR")),  # ambiguous
    ("中", ()),                          # a single character is never a surface
])
def test_catalogue_keys_for(catalogue, surface, keys):
    assert catalogue.keys_for(surface) == keys


def test_catalogue_person_role_and_affiliation(catalogue):
    hun_sen = catalogue.actors["person/hun-sen"]
    assert (hun_sen.role, hun_sen.affiliation) == ("首相", "country/KH")


def test_catalogue_abbreviations(catalogue):
    assert catalogue.abbreviations["巴"] == ("country/PK", "country/BR")
    assert catalogue.abbreviations["欧"] == ("org/eu",)


@pytest.mark.parametrize("name, column, value", [
    ("titles", "title", "总统"),
    ("org_suffixes", "suffix", "大学"),
    ("name_boundaries", "word", "通电话"),
])
def test_catalogue_lexicon_falls_back_to_package(catalogue, name, column, value):
    assert value in {row[column] for row in catalogue.lexicon(name)}


def test_catalogue_lexicon_missing_raises(catalogue):
    with pytest.raises(FileNotFoundError):
        catalogue.lexicon("no_such_lexicon")


def test_catalogue_default_is_cached():
    assert load_catalogue() is load_catalogue(DEFAULT_ROOT)


def test_catalogue_default_loads_names_and_side_forms():
    from graph.catalogue import _load
    fresh = _load(DEFAULT_ROOT)
    assert "country/IT" in fresh.actors
    assert "country/CN" in fresh.keys_for("中国")
