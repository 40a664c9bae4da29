"""The Wikidata view shared by QuickStatements, Wikibase JSON and the reconciliation table."""
from __future__ import annotations

import rdflib

from graph.export._wikidata import class_item, class_items, linked_events

TWO_PARENTS = """
@prefix jishi: <https://w3id.org/jishi/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
jishi:PhoneCall rdfs:subClassOf jishi:Person, jishi:Meeting .
"""


def test_wikidata_class_item_tie_between_parents_goes_by_iri():
    """A class with no QID of its own under two parents as deep as each other (Meeting under Event,
    Person under Actor), both with one: the first by IRI wins, whatever the set order of the run."""
    graph = rdflib.Graph().parse(data=TWO_PARENTS, format="turtle")
    assert class_item(graph, "PhoneCall") == class_items()["Meeting"]


def test_wikidata_class_item_falls_back_to_a_superclass():
    graph = rdflib.Graph()
    assert class_item(graph, "PhoneCall") == class_items()["Event"]


NAMED_SOURCE = """
@prefix jishi: <https://w3id.org/jishi/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://w3id.org/jishi/id/doc/a.txt> a jishi:Document ; dcterms:source "人民网" ; dcterms:title "标题"@zh-Hans .
<https://w3id.org/jishi/id/doc/b.txt> a jishi:Document ; dcterms:source <https://example.org/b> ; dcterms:title "标题乙"@zh-Hans .
<https://w3id.org/jishi/id/actor/person/xi-jinping> a jishi:Person ; skos:exactMatch wd:Q15031 .
<https://w3id.org/jishi/id/event/e1> a jishi:PhoneCall ; jishi:date "2020-03-19"^^xsd:date ;
    jishi:participant <https://w3id.org/jishi/id/actor/person/xi-jinping> ; jishi:evidence <https://w3id.org/jishi/id/evidence/a.txt/0-1> , <https://w3id.org/jishi/id/evidence/b.txt/0-1> .
<https://w3id.org/jishi/id/evidence/a.txt/0-1> jishi:document <https://w3id.org/jishi/id/doc/a.txt> .
<https://w3id.org/jishi/id/evidence/b.txt/0-1> jishi:document <https://w3id.org/jishi/id/doc/b.txt> .
"""


def test_wikidata_source_named_as_text_is_no_reference_url():
    """A document that only names its source (``人民网``) gives its title as a reference, never a URL."""
    graph = rdflib.Graph().parse(data=NAMED_SOURCE, format="turtle")
    [event] = linked_events(graph)
    assert {(s.url, s.title) for s in event.sources} == {(None, "标题"), ("https://example.org/b", "标题乙")}
