"""ontology/jishi.ttl and ontology/context.jsonld implement the public vocabulary of the contract."""
from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology"
JISHI = rdflib.Namespace("https://w3id.org/jishi/ontology#")
SCHEMA = rdflib.Namespace("https://schema.org/")
SEM = rdflib.Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
OA = rdflib.Namespace("http://www.w3.org/ns/oa#")

# The contract's terms (ONTOLOGY_CONTRACT.md), written out so the test needs nothing beside the repository.
ACTOR_CLASSES = ["Person", "Country", "GovernmentBody", "InternationalOrganization", "Organization"]
EVENT_CLASSES = ["PhoneCall", "Meeting", "Message", "VideoConference", "Summit", "PressConference", "Aid",
                 "ExpertTeam", "InfoSharing", "Visit"]
CLASSES = ["Document", "Actor", *ACTOR_CLASSES, "Event", *EVENT_CLASSES, "Statement", "Evidence"]
OBJECT_PROPERTIES = ["affiliation", "participant", "requestedBy", "provider", "recipient", "speaker", "during",
                     "evidence", "document"]
DATATYPE_PROPERTIES = ["genre", "role", "isoCode", "date", "dateApprox", "text", "reportingVerb", "quote",
                       "start", "end"]
PROPERTIES = OBJECT_PROPERTIES + DATATYPE_PROPERTIES


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY / "jishi.ttl", format="turtle")


@pytest.fixture(scope="module")
def context() -> dict:
    return json.loads((ONTOLOGY / "context.jsonld").read_text(encoding="utf-8"))["@context"]


def test_ontology_declares_itself(ontology):
    assert (rdflib.URIRef("https://w3id.org/jishi/ontology"), RDF.type, OWL.Ontology) in ontology


def test_ontology_read_by_a_second_parser():
    triples = list(ox.parse(path=str(ONTOLOGY / "jishi.ttl"), format=ox.RdfFormat.TURTLE))
    assert len(triples) == len(rdflib.Graph().parse(ONTOLOGY / "jishi.ttl", format="turtle"))


@pytest.mark.parametrize("name", CLASSES)
def test_ontology_defines_class(ontology, name):
    assert (JISHI[name], RDF.type, OWL.Class) in ontology


@pytest.mark.parametrize("name, kind", [(p, OWL.ObjectProperty) for p in OBJECT_PROPERTIES]
                         + [(p, OWL.DatatypeProperty) for p in DATATYPE_PROPERTIES])
def test_ontology_defines_property(ontology, name, kind):
    assert (JISHI[name], RDF.type, kind) in ontology
    assert ontology.value(JISHI[name], RDFS.domain) is not None


@pytest.mark.parametrize("name", CLASSES + PROPERTIES)
def test_ontology_term_has_labels_and_comment(ontology, name):
    langs = {label.language for label in ontology.objects(JISHI[name], RDFS.label)}
    assert {"zh-Hans", "en"} <= langs
    comment = ontology.value(JISHI[name], RDFS.comment)
    assert comment is not None and len(str(comment)) > 10


def test_ontology_every_jishi_term_is_documented(ontology):
    """Terms added beyond the contract get the same labels and comment."""
    defined = {s for s in ontology.subjects(RDF.type, None) if str(s).startswith(str(JISHI))}
    undocumented = [s for s in defined if ontology.value(s, RDFS.comment) is None]
    assert defined and not undocumented


@pytest.mark.parametrize("name, parent", [(c, "Actor") for c in ACTOR_CLASSES] + [(c, "Event") for c in EVENT_CLASSES])
def test_ontology_subclass_of_contract_class(ontology, name, parent):
    assert (JISHI[name], RDFS.subClassOf, JISHI[parent]) in ontology


@pytest.mark.parametrize("name, aligned", [
    ("Person", SCHEMA.Person),
    ("Country", SCHEMA.Country),
    ("GovernmentBody", SCHEMA.GovernmentOrganization),
    ("InternationalOrganization", SCHEMA.Organization),
    ("Organization", SCHEMA.Organization),
    ("Event", SCHEMA.Event),
    ("Event", SEM.Event),
    ("Actor", SEM.Actor),
    ("Actor", PROV.Agent),
    ("Document", PROV.Entity),
    ("Evidence", PROV.Entity),
    ("Evidence", OA.TextQuoteSelector),
    ("Evidence", OA.TextPositionSelector),
])
def test_ontology_class_alignment(ontology, name, aligned):
    assert (JISHI[name], RDFS.subClassOf, aligned) in ontology


@pytest.mark.parametrize("name, aligned", [
    ("participant", SEM.hasActor),
    ("date", SEM.hasTimeStamp),
    ("provider", JISHI.participant),
    ("recipient", JISHI.participant),
    ("quote", OA.exact),
    ("start", OA.start),
    ("end", OA.end),
    ("document", OA.hasSource),
    ("document", PROV.wasQuotedFrom),
    ("speaker", PROV.wasAttributedTo),
    ("isoCode", SKOS.notation),
])
def test_ontology_property_alignment(ontology, name, aligned):
    assert (JISHI[name], RDFS.subPropertyOf, aligned) in ontology


@pytest.mark.parametrize("name, datatype", [("date", XSD.date), ("start", XSD.integer), ("end", XSD.integer),
                                            ("dateApprox", XSD.boolean)])
def test_ontology_datatype_ranges(ontology, name, datatype):
    assert ontology.value(JISHI[name], RDFS.range) == datatype


@pytest.mark.parametrize("name", CLASSES + PROPERTIES)
def test_ontology_context_maps_term(context, name):
    entry = context[name]
    target = entry if isinstance(entry, str) else entry["@id"]
    assert target == f"jishi:{name}"


@pytest.mark.parametrize("name", OBJECT_PROPERTIES)
def test_ontology_context_object_properties_are_ids(context, name):
    assert context[name]["@type"] == "@id"


def test_ontology_context_expands_a_statement(context):
    doc = {
        "@context": context,
        "@id": "jid:statement/s1",
        "@type": "Statement",
        "speaker": "jid:actor/person/wang-yi",
        "text": "中方愿同各方加强合作",
        "date": "2020-03-19",
        "evidence": {"@id": "jid:evidence/a.txt/3-13", "quote": "中方愿同各方加强合作", "start": 3, "end": 13},
    }
    g = rdflib.Graph().parse(data=json.dumps(doc, ensure_ascii=False), format="json-ld")
    jid = rdflib.Namespace("https://w3id.org/jishi/id/")
    statement, evidence = jid["statement/s1"], jid["evidence/a.txt/3-13"]
    assert (statement, RDF.type, JISHI.Statement) in g
    assert (statement, JISHI.speaker, jid["actor/person/wang-yi"]) in g
    assert (statement, JISHI.text, rdflib.Literal("中方愿同各方加强合作", lang="zh-Hans")) in g
    assert (statement, JISHI.date, rdflib.Literal("2020-03-19", datatype=XSD.date)) in g
    assert (evidence, JISHI.start, rdflib.Literal(3, datatype=XSD.integer)) in g
