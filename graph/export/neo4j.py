"""Neo4j: CSV files for ``neo4j-admin database import full`` and an idempotent Cypher script.

>>> from graph import load                                               # doctest: +SKIP
>>> write_cypher(load("out/graph.ttl"), Path("out/graph.cypher")).counts  # doctest: +SKIP
{'nodes': 812, 'relationships': 1930}

Both targets share one property-graph view of the RDF (:func:`property_graph`):

- **Nodes**: every subject, and every IRI object under ``jid:``. Each has the
  label ``Resource`` (its unique key is ``iri``), the local names of its jishi
  classes, and those classes' jishi superclasses from ``ontology/jishi.ttl``
  (a PhoneCall is also an ``Event``, a Person also an ``Actor``).
- **Properties**: literal values, keyed by the predicate's local name
  (``date``, ``quote``, ``start``, ``role``, ``title`` …). ``rdfs:label``
  becomes ``name_zh_hans``/``name_zh_hant``/``name_en`` (language kept in
  the key; ``label`` when untagged) and ``name`` (zh-Hans first; for nodes without a label, the
  title, identifier or quote, so every node has a caption in Bloom);
  ``skos:altLabel`` becomes the array ``aliases``. IRI objects that are not
  nodes (a source URL, a Wikidata item) become strings; ``skos:exactMatch
  wd:Q15031`` becomes ``wikidata: "Q15031"``. A key holding more than one
  value on any node is an array on every node, so a column has one type.
- **Relationships**: every IRI-valued triple between two nodes, typed by the
  predicate in UPPER_SNAKE case (``PARTICIPANT``, ``REQUESTED_BY``, ``SPEAKER``,
  ``EVIDENCE``, ``DOCUMENT``, ``DURING``, ``AFFILIATION``).
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import rdflib
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from ..files import write_atomic
from ..ns import JID, WD
from ._common import Exported, LANG_ORDER, is_jishi, local, neutralise, superclasses

__all__ = ["Node", "PropertyGraph", "Relationship", "array_delimiter", "cypher_script", "cypher_statements",
           "cypher_string", "import_command", "node_files", "property_graph", "relationship_files",
           "write_cypher", "write_neo4j_csv"]

BATCH = 500
"""Rows per UNWIND statement: large enough to be fast, small enough for any transaction size."""
ARRAY_DELIMITERS = (";", "|", "\u001f")
"""``;`` as the issue asks; the next one only if some array value itself holds a ``;``."""
NAME_FALLBACKS = ("title", "identifier", "quote", "text")
_INT_TYPES = {XSD.integer, XSD.int, XSD.long, XSD.short, XSD.nonNegativeInteger, XSD.positiveInteger}
_FLOAT_TYPES = {XSD.decimal, XSD.double, XSD.float}
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_CYPHER_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}

Value = str | int | float | bool | dt.date


@dataclass(frozen=True)
class Node:
    """One property-graph node: its IRI, labels (``Resource`` first) and properties."""

    iri: str
    labels: tuple[str, ...]
    props: dict[str, Value | list[Value]]


@dataclass(frozen=True)
class Relationship:
    """A typed relationship from ``start`` to ``end`` (both node IRIs); it has no properties."""

    start: str
    type: str
    end: str


@dataclass(frozen=True)
class PropertyGraph:
    """Nodes and relationships sorted by IRI, and each property key's Neo4j type (``string[]``, ``date`` …)."""

    nodes: list[Node]
    relationships: list[Relationship]
    types: dict[str, str]


def property_graph(graph: rdflib.Graph) -> PropertyGraph:
    """The Neo4j view of ``graph`` described in the module docstring.

    Examples
    --------
    >>> g = rdflib.Graph().parse(data='''
    ... @prefix jishi: <https://w3id.org/jishi/ontology#> .
    ... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    ... <https://w3id.org/jishi/id/actor/a> a jishi:Person ; rdfs:label "谭德塞"@zh-Hans .''', format="turtle")
    >>> node = property_graph(g).nodes[0]
    >>> node.labels, node.props["name"], node.props["name_zh_hans"]
    (('Resource', 'Actor', 'Person'), '谭德塞', '谭德塞')
    """
    subjects = {s for s in graph.subjects() if isinstance(s, (rdflib.URIRef, rdflib.BNode))}
    is_node = _node_test(subjects)
    values: dict[str, dict[str, list]] = {_id(s): {} for s in subjects}
    rels: set[Relationship] = set()
    for s, p, o in graph:
        if p == RDF.type and is_jishi(o):
            continue
        if is_node(o):
            values.setdefault(_id(o), {})
            rels.add(Relationship(_id(s), _rel_type(p), _id(o)))
        else:
            values[_id(s)].setdefault(_prop_key(p, o), []).append(_value(p, o))
    types = _column_types(values)
    labels = _labels(graph, subjects)
    nodes = [Node(iri, labels.get(iri, ("Resource",)), _props(props, types))
             for iri, props in sorted(values.items())]
    if any("name" in n.props for n in nodes):
        types["name"] = "string"
    return PropertyGraph(nodes, sorted(rels, key=lambda r: (r.type, r.start, r.end)), types)


def _node_test(subjects: set) -> Callable[[rdflib.term.Node], bool]:
    """Nodes are subjects, blank nodes and ``jid:`` IRIs; other IRIs (URLs, Wikidata items) are values."""
    jid = str(JID)

    def is_node(term: rdflib.term.Node) -> bool:
        return term in subjects or isinstance(term, rdflib.BNode) or (
            isinstance(term, rdflib.URIRef) and str(term).startswith(jid))
    return is_node


def _id(term: rdflib.term.Node) -> str:
    """A node's ``iri`` property: the IRI, or ``_:id`` for a blank node."""
    return term.n3() if isinstance(term, rdflib.BNode) else str(term)


def _rel_type(predicate: rdflib.URIRef) -> str:
    """``jishi:requestedBy`` → ``REQUESTED_BY``."""
    name = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", local(predicate))
    return re.sub(r"\W", "_", name).upper()


def _prop_key(predicate: rdflib.URIRef, obj: rdflib.term.Node) -> str:
    if predicate == RDFS.label:
        lang = obj.language if isinstance(obj, rdflib.Literal) else None
        return "name_" + lang.lower().replace("-", "_") if lang else "label"
    if predicate == SKOS.altLabel:
        return "aliases"
    if predicate == SKOS.exactMatch and str(obj).startswith(str(WD)):
        return "wikidata"
    return re.sub(r"\W", "_", local(predicate))


def _value(predicate: rdflib.URIRef, obj: rdflib.term.Node) -> Value:
    if isinstance(obj, rdflib.URIRef):
        return local(obj) if predicate == SKOS.exactMatch and str(obj).startswith(str(WD)) else str(obj)
    if isinstance(obj, rdflib.Literal):
        if obj.datatype == XSD.date and isinstance(obj.toPython(), dt.date):
            return obj.toPython()
        if obj.datatype in _INT_TYPES | _FLOAT_TYPES | {XSD.boolean}:
            python = obj.toPython()
            if isinstance(python, (int, float, bool)):
                return python
    return str(obj)


def _kind(value: Value) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    if isinstance(value, dt.date):
        return "date"
    return "string"


def _column_types(values: dict[str, dict[str, list]]) -> dict[str, str]:
    """Each key → one Neo4j type: mixed kinds become ``string``; multi-valued keys become arrays."""
    kinds: dict[str, set[str]] = {}
    multi: set[str] = {"aliases"}
    for props in values.values():
        for key, vals in props.items():
            kinds.setdefault(key, set()).update(_kind(v) for v in vals)
            if len(set(vals)) > 1:
                multi.add(key)
    return {key: (k.pop() if len(k) == 1 else "string") + ("[]" if key in multi else "")
            for key, k in sorted(kinds.items())}


def _props(raw: dict[str, list], types: dict[str, str]) -> dict[str, Value | list[Value]]:
    props: dict[str, Value | list[Value]] = {}
    for key in sorted(raw):
        kind = types[key]
        vals = sorted(set(raw[key]), key=lambda v: (str(type(v)), str(v)))
        if kind.rstrip("[]") == "string":
            vals = sorted({str(v) for v in vals})
        props[key] = vals if kind.endswith("[]") else vals[0]
    name = _name(props)
    if name is not None:
        props["name"] = name
    return dict(sorted(props.items()))


def _name(props: dict) -> str | None:
    """The caption: the zh-Hans, zh-Hant, en or any other label, then title/identifier/quote/text."""
    langs = sorted((k for k in props if k.startswith("name_")),
                   key=lambda k: (LANG_ORDER.get(k[5:].replace("_", "-"), 3), k))
    for key in langs + [k for k in ("label", *NAME_FALLBACKS) if k in props]:
        return _first(props[key])
    return None


def _first(value: Value | list[Value]) -> str:
    return str(value[0] if isinstance(value, list) else value)


def _labels(graph: rdflib.Graph, subjects: set) -> dict[str, tuple[str, ...]]:
    """Node IRI → ``("Resource", superclasses…, classes…)``, general before specific, then by name."""
    tree = superclasses(graph)
    found: dict[str, set[rdflib.URIRef]] = {}
    for s, cls in graph.subject_objects(RDF.type):
        if s in subjects and is_jishi(cls):
            found.setdefault(_id(s), set()).update(tree.get(cls, frozenset({cls})))
    return {iri: ("Resource", *(local(c) for c in sorted(classes, key=lambda c: (len(tree.get(c, ())), local(c)))))
            for iri, classes in found.items()}


# ---- Cypher ----------------------------------------------------------------------------------

def cypher_string(text: str) -> str:
    """``text`` as a single-quoted Cypher string literal, safe for any character.

    >>> print(cypher_string("奥'布莱恩\\\\研究所"))
    '奥\\'布莱恩\\\\研究所'
    """
    out = []
    for ch in text:
        if ch in _CYPHER_ESCAPES:
            out.append(_CYPHER_ESCAPES[ch])
        elif ord(ch) < 0x20 or ch in "\u2028\u2029":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "'" + "".join(out) + "'"


def _cypher_value(value: Value | list[Value]) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_cypher_value(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, dt.date):
        return f"date('{value.isoformat()}')"
    return cypher_string(value)


def _cypher_name(name: str) -> str:
    """A label, type or key, backquoted when it is not a plain identifier."""
    return name if _IDENTIFIER.match(name) else "`" + name.replace("`", "``") + "`"


def _cypher_map(props: dict) -> str:
    """A map literal; keys are always backquoted, since some (``end``) are Cypher keywords."""
    return "{" + ", ".join(f"`{k.replace('`', '``')}`: {_cypher_value(v)}" for k, v in props.items()) + "}"


def _by_labels(pg: PropertyGraph) -> list[tuple[tuple[str, ...], list[Node]]]:
    """Nodes grouped by their label set, groups sorted: Neo4j loads a label set in one statement or file."""
    groups: dict[tuple[str, ...], list[Node]] = {}
    for node in pg.nodes:
        groups.setdefault(node.labels, []).append(node)
    return sorted(groups.items())


def _by_type(pg: PropertyGraph) -> list[tuple[str, list[Relationship]]]:
    """Relationships grouped by type, types sorted: a type is loaded in one statement or file."""
    groups: dict[str, list[Relationship]] = {}
    for rel in pg.relationships:
        groups.setdefault(rel.type, []).append(rel)
    return sorted(groups.items())


def _batches(items: list, size: int = BATCH) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def cypher_script(pg: PropertyGraph) -> str:
    """The Neo4j 5 script for ``pg``: one statement per line, constraint first, MERGE everywhere.

    Each statement is one physical line ending in ``;`` (strings carry their
    newlines as ``\\n``), so any runner can split the script on lines. Running
    it twice changes nothing: nodes are merged on ``iri``, properties set with
    ``+=``, labels set, relationships merged.
    """
    lines = [
        "// jishi graph for Neo4j 5, written by `jishi export cypher`. Safe to run more than once.",
        "// Run: cypher-shell -u neo4j -p <password> -f graph.cypher",
        "CREATE CONSTRAINT jishi_resource_iri IF NOT EXISTS FOR (n:Resource) REQUIRE n.iri IS UNIQUE;",
    ]
    for labels, nodes in _by_labels(pg):
        extra = "".join(":" + _cypher_name(label) for label in labels[1:])
        set_labels = f", n{extra}" if extra else ""
        for batch in _batches(nodes):
            rows = ", ".join(f"{{iri: {cypher_string(n.iri)}, props: {_cypher_map(n.props)}}}" for n in batch)
            lines.append(f"UNWIND [{rows}] AS row MERGE (n:Resource {{iri: row.iri}}) "
                         f"SET n += row.props{set_labels};")
    for rel_type, rels in _by_type(pg):
        for batch in _batches(rels):
            rows = ", ".join(f"{{s: {cypher_string(r.start)}, t: {cypher_string(r.end)}}}" for r in batch)
            lines.append(f"UNWIND [{rows}] AS row MATCH (a:Resource {{iri: row.s}}) "
                         f"MATCH (b:Resource {{iri: row.t}}) MERGE (a)-[:{_cypher_name(rel_type)}]->(b);")
    return "\n".join(lines) + "\n"


def cypher_statements(script: str) -> list[str]:
    """The statements of a script from :func:`cypher_script`, without comments and trailing ``;``."""
    return [line.rstrip().removesuffix(";") for line in script.splitlines()
            if line.strip() and not line.lstrip().startswith("//")]


def write_cypher(graph: rdflib.Graph, out: Path) -> Exported:
    """Write the Cypher script for ``graph`` to ``out`` (see :func:`cypher_script`)."""
    pg = property_graph(graph)
    path = write_atomic(out, cypher_script(pg))
    return Exported("cypher", path, {"nodes": len(pg.nodes), "relationships": len(pg.relationships)}, (path,))


# ---- neo4j-admin CSV -------------------------------------------------------------------------

def array_delimiter(pg: PropertyGraph) -> str:
    """``;`` unless some array value contains one; then the first delimiter that no array value holds."""
    arrays = [v for n in pg.nodes for v in n.props.values() if isinstance(v, list)]
    for delim in ARRAY_DELIMITERS:
        if not any(delim in str(item) for arr in arrays for item in arr):
            return delim
    raise ValueError("every candidate array delimiter occurs inside an array value")


def _csv_text(rows: list[list[str | None]]) -> str:
    """RFC 4180 CSV: every value quoted (``""`` inside), missing values left empty and unquoted."""
    buf = io.StringIO()
    csv.writer(buf, quoting=csv.QUOTE_NOTNULL, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def _csv_value(value: Value | list[Value] | None, delim: str) -> str | None:
    """One cell: numbers, booleans and dates as Neo4j reads them, text neutralised for spreadsheets."""
    if value is None:
        return None
    if isinstance(value, list):
        return delim.join(_csv_value(v, delim) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return neutralise(value) if isinstance(value, str) else str(value)


def _header(key: str, kind: str) -> str:
    return key if kind == "string" else f"{key}:{kind}"


def _file_stem(parts: tuple[str, ...]) -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", "_".join(parts)) or "Resource"


def node_files(pg: PropertyGraph, delim: str) -> dict[str, str]:
    """File name → CSV text, one node file per label group (``nodes_Actor_Person.csv`` …)."""
    files = {}
    for labels, nodes in _by_labels(pg):
        keys = sorted({k for n in nodes for k in n.props})
        header = ["iri:ID(Resource)", ":LABEL"] + [_header(k, pg.types[k]) for k in keys]
        rows = [[n.iri, delim.join(labels)] + [_csv_value(n.props.get(k), delim) for k in keys] for n in nodes]
        files[f"nodes_{_file_stem(labels[1:] or labels)}.csv"] = _csv_text([header, *rows])
    return files


def relationship_files(pg: PropertyGraph) -> dict[str, str]:
    """File name → CSV text, one relationship file per type (``rels_PARTICIPANT.csv`` …)."""
    header = [":START_ID(Resource)", ":END_ID(Resource)", ":TYPE"]
    return {f"rels_{_file_stem((t,))}.csv": _csv_text([header, *([r.start, r.end, r.type] for r in rels)])
            for t, rels in _by_type(pg)}


def import_command(nodes: list[str], rels: list[str], delim: str, database: str = "neo4j") -> str:
    """The ``neo4j-admin`` (5.x) command that loads the files, run from their folder."""
    delim_arg = "';'" if delim == ";" else f"'U+{ord(delim):04X}'"
    parts = [f"neo4j-admin database import full {database} --overwrite-destination",
             f"--array-delimiter={delim_arg} --multiline-fields=true --input-encoding=UTF-8"]
    parts += [f"--nodes={name}" for name in nodes] + [f"--relationships={name}" for name in rels]
    return " \\\n    ".join(parts)


def _readme(nodes: dict[str, str], rels: dict[str, str], delim: str, pg: PropertyGraph) -> str:
    command = import_command(list(nodes), list(rels), delim)
    return f"""# jishi graph for `neo4j-admin database import`

Written by `jishi export neo4j-csv`: {len(pg.nodes)} nodes in {len(nodes)} files (one per label
group) and {len(pg.relationships)} relationships in {len(rels)} files (one per type). UTF-8, every value
quoted (`""` inside a value), array values separated by `{delim if delim != chr(31) else "U+001F"}`, and values
may span lines, hence `--multiline-fields=true`. Every node has the label `Resource` and its
unique `iri`.

Stop the database (or use a new one), then run from this folder (Neo4j 5.19 or later
puts the database name first):

```sh
{command}
```

Then start Neo4j and add the constraint that `MERGE` and lookups by IRI rely on:

```cypher
CREATE CONSTRAINT jishi_resource_iri IF NOT EXISTS FOR (n:Resource) REQUIRE n.iri IS UNIQUE;
```

Example: the phone calls, who took part, and the quotes that support them:

```cypher
MATCH (e:PhoneCall)-[:PARTICIPANT]->(a:Actor), (e)-[:EVIDENCE]->(ev)-[:DOCUMENT]->(d)
RETURN e.date, collect(DISTINCT a.name), ev.quote, d.identifier ORDER BY e.date;
```
"""


def write_neo4j_csv(graph: rdflib.Graph, out: Path) -> Exported:
    """Write node and relationship CSV files and a README with the import command into folder ``out``."""
    pg = property_graph(graph)
    delim = array_delimiter(pg)
    nodes, rels = node_files(pg, delim), relationship_files(pg)
    written = [write_atomic(out / name, text) for name, text in {**nodes, **rels}.items()]
    written.append(write_atomic(out / "README.md", _readme(nodes, rels, delim, pg)))
    counts = {"nodes": len(pg.nodes), "relationships": len(pg.relationships), "files": len(written)}
    return Exported("neo4j-csv", out, counts, tuple(written))
