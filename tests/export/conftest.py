"""A small hand-written graph in the contract's vocabulary, shared by the export tests.

It holds what exports get wrong: names in three scripts, a name with ``'``,
``\\``, ``"``, a comma and a newline, a phone call with evidence in two
documents, a statement said during it, and documents with and without a URL.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import rdflib

from graph.files import load_graph, write_atomic

FIXTURE_TTL = r'''
@prefix jishi:   <https://w3id.org/jishi/ontology#> .
@prefix jid:     <https://w3id.org/jishi/id/> .
@prefix rdf:     <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos:    <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .
@prefix wd:      <http://www.wikidata.org/entity/> .

<https://w3id.org/jishi/id/doc/a.txt> a jishi:Document ;
    dcterms:identifier "a.txt" ;
    dcterms:title "中俄元首通电话"@zh-Hans ;
    dcterms:date "2020-03-19"^^xsd:date ;
    dcterms:source <https://example.org/news/a.html> ;
    dcterms:language "zh-Hans" ;
    jishi:genre "article" .

<https://w3id.org/jishi/id/doc/b.txt> a jishi:Document ;
    dcterms:identifier "b.txt" ;
    dcterms:title "大事記"@zh-Hant ;
    dcterms:date "2020-03-20"^^xsd:date ;
    dcterms:language "zh-Hant" ;
    jishi:genre "chronicle" .

<https://w3id.org/jishi/id/actor/person/xi-jinping> a jishi:Person ;
    rdfs:label "习近平"@zh-Hans , "習近平"@zh-Hant , "Xi Jinping"@en ;
    skos:altLabel "习主席"@zh-Hans ;
    jishi:role "国家主席"@zh-Hans ;
    jishi:affiliation <https://w3id.org/jishi/id/actor/country/CN> ;
    skos:exactMatch wd:Q15031 .

<https://w3id.org/jishi/id/actor/person/putin> a jishi:Person ;
    rdfs:label "普京"@zh-Hans , "普京"@zh-Hant , "Vladimir Putin"@en ;
    skos:altLabel "普丁"@zh-Hant , "弗拉基米尔·普京"@zh-Hans ;
    jishi:role "总统"@zh-Hans ;
    jishi:affiliation <https://w3id.org/jishi/id/actor/country/RU> ;
    skos:exactMatch wd:Q7747 .

<https://w3id.org/jishi/id/actor/country/CN> a jishi:Country ;
    rdfs:label "中国"@zh-Hans , "中國"@zh-Hant , "China"@en ;
    skos:altLabel "中方"@zh-Hans ;
    jishi:isoCode "CN" ;
    skos:exactMatch wd:Q148 .

<https://w3id.org/jishi/id/actor/country/RU> a jishi:Country ;
    rdfs:label "俄罗斯"@zh-Hans , "俄羅斯"@zh-Hant , "Russia"@en ;
    skos:altLabel "俄方"@zh-Hans ;
    jishi:isoCode "RU" ;
    skos:exactMatch wd:Q159 .

<https://w3id.org/jishi/id/actor/org/odd> a jishi:Organization ;
    rdfs:label "奥'布莱恩\\研究所\"甲\", 北京\n分部"@zh-Hans ;
    skos:altLabel "O'Brien, \"Institute\""@en ;
    jishi:affiliation <https://w3id.org/jishi/id/actor/country/CN> .

<https://w3id.org/jishi/id/event/call-1> a jishi:PhoneCall ;
    rdfs:label "PhoneCall 2020-03-19 习近平–普京"@zh-Hans ;
    jishi:date "2020-03-19"^^xsd:date ;
    jishi:participant <https://w3id.org/jishi/id/actor/person/xi-jinping> ,
        <https://w3id.org/jishi/id/actor/person/putin> ;
    jishi:requestedBy <https://w3id.org/jishi/id/actor/person/putin> ;
    jishi:evidence <https://w3id.org/jishi/id/evidence/a.txt/0-12> ,
        <https://w3id.org/jishi/id/evidence/b.txt/5-16> .

<https://w3id.org/jishi/id/evidence/a.txt/0-12> a jishi:Evidence ;
    jishi:document <https://w3id.org/jishi/id/doc/a.txt> ;
    jishi:quote "习近平应约同普京通电话" ;
    jishi:start 0 ;
    jishi:end 12 .

<https://w3id.org/jishi/id/evidence/b.txt/5-16> a jishi:Evidence ;
    jishi:document <https://w3id.org/jishi/id/doc/b.txt> ;
    jishi:quote "習近平同普京通電話\n雙方" ;
    jishi:start 5 ;
    jishi:end 16 .

<https://w3id.org/jishi/id/event/meet-1> a jishi:Meeting ;
    rdfs:label "Meeting 2020-03-20 习近平–奥'布莱恩"@zh-Hans ;
    jishi:date "2020-03-20"^^xsd:date ;
    jishi:dateApprox true ;
    jishi:participant <https://w3id.org/jishi/id/actor/person/xi-jinping> ,
        <https://w3id.org/jishi/id/actor/org/odd> ;
    jishi:evidence <https://w3id.org/jishi/id/evidence/b.txt/20-30> .

<https://w3id.org/jishi/id/evidence/b.txt/20-30> a jishi:Evidence ;
    jishi:document <https://w3id.org/jishi/id/doc/b.txt> ;
    jishi:quote "日前會見研究所代表" ;
    jishi:start 20 ;
    jishi:end 30 .

<https://w3id.org/jishi/id/statement/s-1> a jishi:Statement ;
    jishi:speaker <https://w3id.org/jishi/id/actor/person/xi-jinping> ;
    jishi:text "中方愿同俄方加强合作，共同应对疫情。"@zh-Hans ;
    jishi:reportingVerb "强调"@zh-Hans ;
    jishi:date "2020-03-19"^^xsd:date ;
    jishi:during <https://w3id.org/jishi/id/event/call-1> ;
    jishi:evidence <https://w3id.org/jishi/id/evidence/a.txt/13-40> .

<https://w3id.org/jishi/id/evidence/a.txt/13-40> a jishi:Evidence ;
    jishi:document <https://w3id.org/jishi/id/doc/a.txt> ;
    jishi:quote "习近平强调，中方愿同俄方加强合作，共同应对疫情。" ;
    jishi:start 13 ;
    jishi:end 40 .
'''

JID = "https://w3id.org/jishi/id/"
XI = JID + "actor/person/xi-jinping"
PUTIN = JID + "actor/person/putin"
CALL = JID + "event/call-1"
ODD_NAME = "奥'布莱恩\\研究所\"甲\", 北京\n分部"


@pytest.fixture()
def fixture_path(tmp_path: Path) -> Path:
    """The fixture graph saved as Turtle, the way `jishi build` leaves graph.ttl."""
    return write_atomic(tmp_path / "graph.ttl", FIXTURE_TTL)


@pytest.fixture()
def fixture_graph(fixture_path: Path) -> rdflib.Graph:
    """The fixture graph loaded as :func:`graph.export.export` loads it (rdflib's store keeps ``zh-Hans``)."""
    return load_graph(fixture_path, fast=False)


@pytest.fixture(scope="session")
def seed_graph_path(tmp_path_factory) -> Path:
    """The seed corpus built once into a temporary folder (slow tests only)."""
    from graph.pipeline import build

    out = tmp_path_factory.mktemp("seed_build")
    build([Path(__file__).resolve().parents[2] / "seeds"], out, progress=False, network=False)
    return out / "graph.ttl"
