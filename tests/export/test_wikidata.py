"""The Wikidata view shared by QuickStatements, Wikibase JSON and the reconciliation table."""
from __future__ import annotations

import rdflib

from graph.export._wikidata import class_item, class_items

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
