"""graph/ns.py: JISHI is closed, and its terms are exactly the terms of ontology/jishi.ttl."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import RDF, RDFS

from graph.model import ACTOR_CLASSES
from graph.export._common import label_in
from graph.ns import JID, JISHI, WD, class_term, event_classes, term_label

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "graph"


def _ontology_terms() -> set[str]:
    onto = rdflib.Graph().parse(ROOT / "ontology" / "jishi.ttl", format="turtle")
    prefix = str(JISHI._NS)
    return {str(s)[len(prefix):] for s in onto.subjects(RDF.type, None) if str(s).startswith(prefix)}


def _terms_used_in_package() -> set[str]:
    """Every jishi term the package names literally: ``JISHI.x``, ``JISHI["x"]`` and ``"jishi:x"``."""
    pattern = re.compile(r"""JISHI\.([A-Za-z_]\w*)|JISHI\[["'](\w+)["']\]|["']jishi:([A-Za-z]\w*)""")
    used = set()
    for path in PACKAGE.rglob("*.py"):
        for match in pattern.finditer(path.read_text(encoding="utf-8")):
            used.add(next(group for group in match.groups() if group))
    return used


def test_ns_terms_match_ontology():
    assert set(JISHI.__annotations__) == _ontology_terms()


def test_ns_package_uses_only_defined_terms():
    used = _terms_used_in_package()
    assert "evidence" in used  # the scan finds what it should
    assert used - _ontology_terms() == set()


def test_ns_event_classes_are_the_ontology_subclasses_of_event():
    onto = rdflib.Graph().parse(ROOT / "ontology" / "jishi.ttl", format="turtle")
    below = {str(c).split("#")[1] for c in onto.subjects(rdflib.RDFS.subClassOf, JISHI.Event)}
    assert set(event_classes()) == below
    assert event_classes()[0] == "PhoneCall" and "Visit" in event_classes()


@pytest.mark.parametrize("name", ["Visitt", "visit", "Trip"])
def test_ns_unknown_class_fails(name):
    with pytest.raises(AttributeError):
        class_term(name)


@pytest.mark.parametrize("name", ACTOR_CLASSES + event_classes())
def test_ns_model_classes_are_defined(name):
    assert JISHI[name] == rdflib.URIRef(f"https://w3id.org/jishi/ontology#{name}")


@pytest.mark.parametrize("typo", ["particpant", "Phonecall", "evidences"])
def test_ns_unknown_term_fails(typo):
    with pytest.raises(AttributeError):
        getattr(JISHI, typo)


def test_ns_open_namespaces():
    assert JID["actor/person/习近平"] == rdflib.URIRef("https://w3id.org/jishi/id/actor/person/习近平")
    assert WD.Q148 == rdflib.URIRef("http://www.wikidata.org/entity/Q148")


def test_ns_term_labels_are_the_ontology_labels_rdflib_reads():
    """The labels read by Oxigraph (for the page) are the ones rdflib reads, for every term and language tag."""
    onto = rdflib.Graph().parse(ROOT / "ontology" / "jishi.ttl", format="turtle")
    for term in set(onto.subjects(RDFS.label, None)):
        for lang in ("zh-Hans", "zh-hant", "en", "fr"):
            assert term_label(term, lang) == label_in(onto, term, lang), (term, lang)
    assert term_label(JISHI.PhoneCall, "en") == "phone call" and term_label(JISHI.PhoneCall, "fr") is None
