"""Neo4j exports: CSV files read back with Python's csv module, and the Cypher script run twice on FalkorDB Lite.

FalkorDB Lite is a real openCypher engine that runs embedded (no server). It
accepts every statement of the script except ``CREATE CONSTRAINT``, whose
syntax is Neo4j's own (FalkorDB creates constraints with ``GRAPH.CONSTRAINT``),
so the test skips that line and creates a plain index on ``Resource.iri`` instead.
"""
from __future__ import annotations

import csv
import re

import pytest
import rdflib

from graph.export import export
from graph.files import write_atomic
from graph.export._common import ontology
from graph.export.neo4j import (
    array_delimiter, cypher_statements, cypher_string, property_graph,
)

from .conftest import CALL, ODD_NAME, PUTIN, XI

JID = "https://w3id.org/jishi/id/"


def expected_label_counts(graph: rdflib.Graph) -> dict[str, int]:
    """Label → node count, computed from the RDF with SPARQL (types and their jishi superclasses)."""
    union = rdflib.Graph()
    for triple in graph:
        union.add(triple)
    for triple in ontology().triples((None, rdflib.RDFS.subClassOf, None)):
        union.add(triple)
    rows = union.query("""
        SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {
          ?s a ?t . ?t rdfs:subClassOf* ?c .
          FILTER(STRSTARTS(STR(?c), "https://w3id.org/jishi/ontology#"))
        } GROUP BY ?c""")
    counts = {str(c).split("#")[-1]: int(n) for c, n in rows}
    nodes = union.query(f"""
        SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{
          {{ ?x ?p ?o }} UNION {{ ?s ?p ?x . FILTER(isIRI(?x) && STRSTARTS(STR(?x), "{JID}")) }}
          FILTER(?p != rdfs:subClassOf)
        }}""")
    counts["Resource"] = int(next(iter(nodes))[0])
    return counts


def expected_relationship_counts(graph: rdflib.Graph) -> dict[str, int]:
    """Relationship type → count: triples whose object is a jid: IRI, by predicate."""
    rows = graph.query(f"""
        SELECT ?p (COUNT(*) AS ?n) WHERE {{
          ?s ?p ?o . FILTER(isIRI(?o) && STRSTARTS(STR(?o), "{JID}"))
        }} GROUP BY ?p""")
    return {re.sub("([A-Z])", r"_\1", str(p).split("#")[-1]).upper(): int(n) for p, n in rows}


@pytest.mark.parametrize("text", ["奥'布莱恩\\研究所\"甲\", 北京\n分部", "tab\there", "\u2028"])
def test_neo4j_cypher_string_escapes(text):
    literal = cypher_string(text)
    assert literal.startswith("'") and literal.endswith("'")
    inner = literal[1:-1]
    assert "\n" not in inner and "\t" not in inner and "\u2028" not in inner
    assert "'" not in inner.replace("\\'", "")


def test_neo4j_property_graph_labels_and_names(fixture_graph):
    nodes = {n.iri: n for n in property_graph(fixture_graph).nodes}
    xi = nodes[XI]
    assert xi.labels == ("Resource", "Actor", "Person")
    assert (xi.props["name"], xi.props["name_zh_hant"], xi.props["name_en"]) == ("习近平", "習近平", "Xi Jinping")
    assert xi.props["wikidata"] == "Q15031"
    assert nodes[CALL].labels == ("Resource", "Event", "PhoneCall")
    assert str(nodes[CALL].props["date"]) == "2020-03-19"


def test_neo4j_csv_files_read_back(fixture_path, fixture_graph, tmp_path):
    result = export("neo4j-csv", fixture_path, tmp_path / "neo4j")
    folder = tmp_path / "neo4j"
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "neo4j-admin database import full neo4j" in readme
    assert "--array-delimiter=';'" in readme and "--multiline-fields=true" in readme
    node_rows, labels = {}, {}
    for path in sorted(folder.glob("nodes_*.csv")):
        assert f"--nodes={path.name}" in readme
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            assert reader.fieldnames[:2] == ["iri:ID(Resource)", ":LABEL"]
            for row in reader:
                node_rows[row["iri:ID(Resource)"]] = row
                for label in row[":LABEL"].split(";"):
                    labels[label] = labels.get(label, 0) + 1
    assert labels == expected_label_counts(fixture_graph)
    odd = node_rows[JID + "actor/org/odd"]
    assert odd["name"] == ODD_NAME
    assert odd["aliases:string[]"] == 'O\'Brien, "Institute"'
    assert node_rows[PUTIN]["aliases:string[]"].split(";") == ["弗拉基米尔·普京", "普丁"]
    assert node_rows[CALL]["date:date"] == "2020-03-19"
    rel_counts = {}
    for path in sorted(folder.glob("rels_*.csv")):
        assert f"--relationships={path.name}" in readme
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            assert reader.fieldnames == [":START_ID(Resource)", ":END_ID(Resource)", ":TYPE"]
            for row in reader:
                assert row[":START_ID(Resource)"] in node_rows and row[":END_ID(Resource)"] in node_rows
                rel_counts[row[":TYPE"]] = rel_counts.get(row[":TYPE"], 0) + 1
    assert rel_counts == expected_relationship_counts(fixture_graph)
    assert result.counts["nodes"] == len(node_rows)


def test_neo4j_csv_array_delimiter_avoids_semicolons(tmp_path):
    g = rdflib.Graph().parse(data="""
        @prefix jishi: <https://w3id.org/jishi/ontology#> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        <https://w3id.org/jishi/id/actor/x> a jishi:Person ; skos:altLabel "甲;乙", "丙" .""", format="turtle")
    assert array_delimiter(property_graph(g)) == "|"
    result = export("neo4j-csv", write_atomic(tmp_path / "g.ttl", g.serialize(format="turtle")), tmp_path / "csv")
    assert "--array-delimiter='U+007C'" in (result.path / "README.md").read_text(encoding="utf-8")
    with (result.path / "nodes_Actor_Person.csv").open(encoding="utf-8", newline="") as handle:
        row = next(csv.DictReader(handle))
    assert row[":LABEL"] == "Resource|Actor|Person"
    assert row["aliases:string[]"].split("|") == ["丙", "甲;乙"]


@pytest.fixture(scope="module")
def falkordb(tmp_path_factory):
    """An embedded FalkorDB Lite server for this module (about 5 s to start)."""
    falkordb_client = pytest.importorskip("redislite.falkordb_client", reason="pip install falkordblite")
    db = falkordb_client.FalkorDB(str(tmp_path_factory.mktemp("falkordb") / "graph.db"))
    yield db
    db.close()


def _load(graph, statements: list[str]) -> None:
    for statement in statements:
        if not statement.startswith("CREATE CONSTRAINT"):
            graph.query(statement)


def _counts(graph, labels, types) -> tuple[dict, dict]:
    nodes = {label: graph.query(f"MATCH (n:{label}) RETURN count(n)").result_set[0][0] for label in labels}
    rels = {t: graph.query(f"MATCH ()-[r:{t}]->() RETURN count(r)").result_set[0][0] for t in types}
    return nodes, rels


def test_neo4j_cypher_runs_twice_on_falkordb(falkordb, fixture_path, fixture_graph, tmp_path):
    out = export("cypher", fixture_path, tmp_path / "graph.cypher").path
    statements = cypher_statements(out.read_text(encoding="utf-8"))
    assert statements[0].startswith("CREATE CONSTRAINT jishi_resource_iri IF NOT EXISTS FOR (n:Resource)")
    graph = falkordb.select_graph("jishi_fixture")
    graph.query("CREATE INDEX FOR (n:Resource) ON (n.iri)")
    labels, types = expected_label_counts(fixture_graph), expected_relationship_counts(fixture_graph)
    _load(graph, statements)
    first = _counts(graph, labels, types)
    _load(graph, statements)
    second = _counts(graph, labels, types)
    assert first == second == (labels, types)
    total = graph.query("MATCH (n) RETURN count(n)").result_set[0][0]
    assert total == labels["Resource"]

    rows = graph.query(
        "MATCH (x:Person {name: '习近平'})<-[:PARTICIPANT]-(e:PhoneCall)-[:PARTICIPANT]->(p:Person {name: '普京'}), "
        "(e)-[:REQUESTED_BY]->(p), (e)-[:EVIDENCE]->(ev)-[:DOCUMENT]->(d:Document) "
        "WHERE e.date = date('2020-03-19') "
        "RETURN d.identifier, ev.quote, ev.start, ev.end, x.wikidata, p.wikidata ORDER BY d.identifier").result_set
    assert rows == [["a.txt", "习近平应约同普京通电话", 0, 12, "Q15031", "Q7747"],
                    ["b.txt", "習近平同普京通電話\n雙方", 5, 16, "Q15031", "Q7747"]]
    odd = graph.query("MATCH (o:Organization) RETURN o.name, o.aliases").result_set
    assert odd == [[ODD_NAME, ['O\'Brien, "Institute"']]]
    said = graph.query("MATCH (s:Statement)-[:SPEAKER]->(:Person {name_en: 'Xi Jinping'}), "
                       "(s)-[:DURING]->(e:PhoneCall) RETURN s.text, s.reportingVerb").result_set
    assert said == [["中方愿同俄方加强合作，共同应对疫情。", "强调"]]


def test_neo4j_cypher_is_deterministic(fixture_path, tmp_path):
    a = export("cypher", fixture_path, tmp_path / "a.cypher").path.read_bytes()
    b = export("cypher", fixture_path, tmp_path / "b.cypher").path.read_bytes()
    assert a == b


@pytest.mark.slow
def test_neo4j_seed_graph_runs_twice_on_falkordb(falkordb, seed_graph_path, tmp_path):
    source = rdflib.Graph().parse(seed_graph_path, format="turtle")
    statements = cypher_statements(export("cypher", seed_graph_path, tmp_path / "seed.cypher").path
                                   .read_text(encoding="utf-8"))
    graph = falkordb.select_graph("jishi_seeds")
    graph.query("CREATE INDEX FOR (n:Resource) ON (n.iri)")
    labels, types = expected_label_counts(source), expected_relationship_counts(source)
    _load(graph, statements)
    _load(graph, statements)
    assert _counts(graph, labels, types) == (labels, types)
    rows = graph.query(
        "MATCH (x:Person {name: '习近平'})<-[:PARTICIPANT]-(e:PhoneCall)-[:PARTICIPANT]->(p:Person {name: '普京'}), "
        "(e)-[:EVIDENCE]->(ev:Evidence)-[:DOCUMENT]->(d:Document) WHERE e.date = date('2020-03-19') "
        "RETURN ev.quote, d.identifier").result_set
    assert rows and all("普京" in quote or "普丁" in quote for quote, _ in rows)


FORMULAS = """
@prefix jishi: <https://w3id.org/jishi/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://w3id.org/jishi/id/actor/x> a jishi:Person ; rdfs:label "=HYPERLINK(\\"http://evil.example\\",\\"点击\\")"@zh-Hans ;
    skos:altLabel "+86 10 1234", "-2+3", "@SUM(A1)", "\\t=1", "\\r=1", "甲" ;
    jishi:evidence <https://w3id.org/jishi/id/evidence/a.txt/0-1> .
<https://w3id.org/jishi/id/evidence/a.txt/0-1> a jishi:Evidence ; jishi:quote "=1+1" ; jishi:start -5 ; jishi:end 1 .
"""


def test_neo4j_csv_text_cells_that_a_spreadsheet_would_run_are_neutralised(tmp_path):
    """OWASP: a text cell opening with = + - @ (or tab, CR) gets a leading apostrophe; numbers stay numbers."""
    g = rdflib.Graph().parse(data=FORMULAS, format="turtle")
    result = export("neo4j-csv", write_atomic(tmp_path / "g.ttl", g.serialize(format="turtle")), tmp_path / "csv")
    with (result.path / "nodes_Actor_Person.csv").open(encoding="utf-8", newline="") as handle:
        person = next(csv.DictReader(handle))
    with (result.path / "nodes_Evidence.csv").open(encoding="utf-8", newline="") as handle:
        evidence = next(csv.DictReader(handle))
    assert person["name"] == "'=HYPERLINK(\"http://evil.example\",\"点击\")"
    assert sorted(person["aliases:string[]"].split(";")) == sorted(
        ["'+86 10 1234", "'-2+3", "'@SUM(A1)", "'\t=1", "'\r=1", "甲"])
    assert (evidence["quote"], evidence["start:long"], evidence["end:long"]) == ("'=1+1", "-5", "1")


def test_neo4j_csv_from_a_document_whose_metadata_looks_like_formulas(tmp_path):
    """A built document's title, author and source end up in cells: none may open as a formula."""
    from graph.export._common import FORMULA_STARTS
    from graph.pipeline import build

    doc = tmp_path / "docs" / "a.md"
    doc.parent.mkdir()
    doc.write_text("---\ntitle: '=HYPERLINK(\"http://evil.example\",\"点击\")'\nauthor: '@记者'\nurl: '-人民网'\n---\n"
                   "2020年3月2日，外交部发言人汪文斌主持例行记者会。\n", encoding="utf-8")
    report = build([doc.parent], tmp_path / "out", network=False, jobs=1)
    result = export("neo4j-csv", report.graph_path, tmp_path / "csv")
    cells = {}
    for path in sorted(result.path.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                cells.update({(row["iri:ID(Resource)"] if "iri:ID(Resource)" in row else path.name, key): value
                              for key, value in row.items() if not re.search(r":(long|double|int)", key)})
    assert [cell for cell in cells.items() if cell[1].startswith(FORMULA_STARTS)] == []
    document = JID + "doc/a.md"
    assert (cells[document, "title"], cells[document, "creator"], cells[document, "source"]) == (
        "'=HYPERLINK(\"http://evil.example\",\"点击\")", "'@记者", "'-人民网")
