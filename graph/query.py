"""SPARQL over a saved graph, executed by Oxigraph; named queries live in ``queries/*.rq``.

rdflib's own SPARQL engine takes seconds on joins with OPTIONAL and FILTER;
Oxigraph (through ``pyoxigraph``) answers the same queries in milliseconds, so
every query runs on an Oxigraph store: the one the build saved beside the graph
(:mod:`graph.store`), or one loaded into memory straight from the Turtle file. The contract's prefixes (``jishi:``, ``jid:``, ``rdfs:``,
``skos:``, ``dcterms:``, ``xsd:``, ``wd:``, plus ``rdf:`` and ``owl:``) are bound, so a
query needs no PREFIX lines.

A named query may take parameters. Its header declares each one on a line
``# param: NAME TYPE [= DEFAULT] — what it is`` (TYPE ``name``: any label of an
actor, in either script, compared with ``STR()``; TYPE ``date``: ``YYYY-MM-DD``,
bound as ``xsd:date``), and its body holds one line ``VALUES (?NAME …) { (…) }``
with the defaults, so the file runs unchanged on any SPARQL endpoint. ``jishi
query NAME --param NAME=VALUE`` replaces that row with RDF terms that pyoxigraph
serialises (quotes, backslashes and newlines escaped), so a value stays one
literal whatever it holds; a parameter without a default is ``UNDEF``.
Oxigraph's own ``substitutions=`` was not used: it binds only variables the
SELECT projects, and folds ``BOUND(?from)`` to false before it substitutes.

>>> from graph.query import open_store, select
>>> store = open_store("out/graph.ttl")                          # doctest: +SKIP
>>> rows = select('''SELECT ?date WHERE {
...     ?call a jishi:PhoneCall ; jishi:date ?date ;
...           jishi:participant/rdfs:label "普京"@zh-Hans }''', store)  # doctest: +SKIP
>>> rows[0]["date"]                                              # doctest: +SKIP
'2020-03-19'
"""
from __future__ import annotations

import datetime
import os
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import GraphFileError, JishiError, QueryFileError
from .files import check_graph_file, oxigraph_format, parse_reason
from .store import open_saved, usable_store

if TYPE_CHECKING:
    import pyoxigraph

QUERIES_DIR = Path(__file__).resolve().parent.parent / "queries"
PREFIXES = {
    "jishi": "https://w3id.org/jishi/ontology#",
    "jid": "https://w3id.org/jishi/id/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "wd": "http://www.wikidata.org/entity/",
}
FORMATS = ("table", "csv", "tsv", "json", "xml")
MAX_CELL = 60
"""Display columns a table cell is cut to (wide characters count two)."""

PARAM_TYPES = ("name", "date")
"""Types a query parameter may have: a name (any label, either script) or a calendar day."""

__all__ = ["PREFIXES", "FORMATS", "PARAM_TYPES", "QuerySyntaxError", "ParameterError", "Parameter", "NamedQuery",
           "named_queries", "query_text", "parameters", "bind", "open_store", "select", "run", "answer",
           "list_queries", "format_results", "format_table"]


class QuerySyntaxError(JishiError, ValueError):
    """A SPARQL syntax error, with its 1-based line and column and the offending line shown."""

    def __init__(self, detail: str, line: int, column: int, query: str) -> None:
        self.detail, self.line, self.column = detail, line, column
        lines = query.splitlines() or [""]
        source = lines[line - 1] if 0 < line <= len(lines) else ""
        caret = " " * _width(source[:max(column - 1, 0)]) + "^"
        super().__init__(f"SPARQL syntax error at line {line}, column {column}: {detail}\n  {source}\n  {caret}")


class ParameterError(JishiError, ValueError):
    """A ``--param`` the query does not declare, a value not of its type, or a query without its VALUES line."""


@dataclass(frozen=True)
class Parameter:
    """One parameter a query declares in its header: ``# param: NAME TYPE [= DEFAULT] — what it is``."""

    name: str
    type: str
    default: str | None
    doc: str

    def describe(self) -> str:
        """``person: name = 习近平`` — how ``jishi query --list`` shows it."""
        return f"{self.name}: {self.type}" + (f" = {self.default}" if self.default is not None else "")


@dataclass(frozen=True)
class NamedQuery:
    """One file of ``queries/``: its name (file stem), the question it answers, its parameters and its text."""

    name: str
    path: Path
    title: str
    text: str
    parameters: tuple[Parameter, ...] = ()


def named_queries(directory: str | os.PathLike | None = None) -> dict[str, NamedQuery]:
    """The named queries, by name, in name order.

    The title is the first sentence of the file's leading ``#`` comment header.

    Examples
    --------
    >>> "timeline_by_day" in named_queries()
    True
    """
    out = {}
    for path in sorted(Path(directory or QUERIES_DIR).glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        out[path.stem] = NamedQuery(path.stem, path, _title(text), text, parameters(text))
    return out


_PARAM_LINE = re.compile(r"#\s*param:\s*(?P<body>.*)")
_PARAM = re.compile(r"(?P<name>[A-Za-z_]\w*)\s+(?P<type>\w+)(?:\s*=\s*(?P<default>[^—]*?))?\s*(?:—\s*(?P<doc>.*))?")
_VALUES_LINE = re.compile(r"^[ \t]*VALUES[ \t]*\((?P<variables>[^)\n]*)\)[ \t]*\{(?P<row>[^\n]*)\}[ \t]*$", re.M)


def parameters(text: str) -> tuple[Parameter, ...]:
    """The parameters a query's leading ``#`` header declares, in order.

    Examples
    --------
    >>> parameters("# Calls.\\n# param: person name = 习近平 — who\\n# param: from date\\nSELECT ...")
    (Parameter(name='person', type='name', default='习近平', doc='who'), Parameter(name='from', type='date', default=None, doc=''))
    """
    out = []
    for line in _header(text):
        declared = _PARAM_LINE.fullmatch(line.strip())
        if not declared:
            continue
        match = _PARAM.fullmatch(declared.group("body").strip())
        if not match or match.group("type") not in PARAM_TYPES:
            raise ParameterError(f"{line.strip()!r}: expected '# param: NAME TYPE [= DEFAULT] — what it is' "
                                 f"with TYPE one of {', '.join(PARAM_TYPES)}")
        out.append(Parameter(match.group("name"), match.group("type"), match.group("default") or None,
                             match.group("doc") or ""))
    return tuple(out)


def bind(text: str, values: Mapping[str, str]) -> str:
    """The query with its parameters bound: ``values`` over the declared defaults, in its VALUES line.

    The new row is made of terms pyoxigraph serialises, never of the values' text, so a
    value holding quotes, braces or newlines stays one literal. A query that declares no
    parameters is returned as it is when no value is given.

    Raises
    ------
    ParameterError
        For a parameter the query does not declare (naming those it does), a value not of
        its type, or a query that declares parameters but has no VALUES line of them.
    """
    declared = parameters(text)
    names = [p.name for p in declared]
    unknown = [name for name in values if name not in names]
    if unknown:
        offered = f"it declares {', '.join(names)}" if names else "it declares none"
        raise ParameterError(f"unknown parameter {unknown[0]!r} for this query; {offered}")
    if not declared:
        return text
    slot = next((m for m in _VALUES_LINE.finditer(text) if m.group("variables").split() == [f"?{n}" for n in names]),
                None)
    if slot is None:
        raise ParameterError(f"the query declares parameters {', '.join(names)} but has no line "
                             f"'VALUES ({' '.join('?' + n for n in names)}) {{ (…) }}' to bind them in")
    terms = [_term(p, values.get(p.name, p.default)) for p in declared]
    row = "(" + " ".join(str(term) if term is not None else "UNDEF" for term in terms) + ")"
    return text[:slot.start("row")] + " " + row + " " + text[slot.end("row"):]


def _term(parameter: Parameter, value: str | None):
    """The RDF term a parameter's value stands for, or None (UNDEF) when it has no value."""
    import pyoxigraph as ox

    if value is None:
        return None
    if not value.strip():
        raise ParameterError(f"parameter {parameter.name}: empty value")
    if not value.isascii() and not _is_unicode(value):
        raise ParameterError(f"parameter {parameter.name}: {value!r} is not valid text (bytes the locale cannot decode)")
    if parameter.type == "date":
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) or not _is_day(value):
            raise ParameterError(f"parameter {parameter.name}: {value!r} is not a date (YYYY-MM-DD)")
        return ox.Literal(value, datatype=ox.NamedNode(PREFIXES["xsd"] + "date"))
    return ox.Literal(value.strip())


def _is_unicode(value: str) -> bool:
    """Whether ``value`` is text an RDF literal can hold: no lone surrogates (undecodable bytes of a command line)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _is_day(value: str) -> bool:
    """Whether ``YYYY-MM-DD`` names a day of the calendar (not 2020-02-30)."""
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def query_text(source: str | os.PathLike) -> str:
    """The SPARQL text of a ``.rq`` file, or of a named query given by name (``timeline_by_day``)."""
    path = Path(source)
    if path.is_file():
        try:
            return path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise QueryFileError(path, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    queries = named_queries()
    if str(source) in queries:
        return queries[str(source)].text
    raise FileNotFoundError(f"{source}: neither a file nor a named query (see `jishi query --list`)")


def open_store(graph_path: str | os.PathLike, notes: list[str] | None = None) -> "pyoxigraph.Store":
    """An Oxigraph store holding the graph file: the saved one of its build, else one parsed from it.

    ``jishi build`` leaves the graph bulk-loaded in ``store/`` beside it; when
    that store holds this very file and opens (:func:`graph.store.usable_store`) it is
    opened read-only, which costs the query, not a parse. Otherwise the file is
    parsed into memory (format from its extension; default Turtle), and why the
    saved store was passed over is appended to ``notes``.

    Raises
    ------
    FileNotFoundError, IsADirectoryError
        When there is no file at ``graph_path``.
    GraphFileError
        When the file is empty or Oxigraph cannot parse it (its message, with line and column).
    """
    path = check_graph_file(graph_path)
    saved, why_not = usable_store(path)
    if saved is not None:
        return open_saved(saved)
    if why_not and notes is not None:
        notes.append(why_not)
    return parse_store(path)


def parse_store(path: Path) -> "pyoxigraph.Store":
    """An in-memory Oxigraph store parsed from the graph file ``path``."""
    import pyoxigraph as ox

    fmt = oxigraph_format(path)
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except (SyntaxError, ValueError) as exc:
        raise GraphFileError(path, f"cannot be parsed as {fmt.name}: {parse_reason(exc)}") from exc
    return store


def run(query: str, store: "pyoxigraph.Store", params: Mapping[str, str] | None = None):
    """Execute ``query`` with the contract's prefixes and its parameters bound; returns pyoxigraph's result object.

    ``params`` are values for the parameters the query declares (see :func:`bind`);
    those not given take their defaults.

    Raises
    ------
    QuerySyntaxError
        With the line and column Oxigraph reports, and a clearer message for an unknown prefix.
    ParameterError
        For an undeclared parameter or a value not of its type.
    """
    query = bind(query, params or {})
    try:
        return store.query(query, prefixes=PREFIXES)
    except SyntaxError as exc:
        raise _syntax_error(str(exc), query) from None


def select(query: str, store: "pyoxigraph.Store", params: Mapping[str, str] | None = None) -> list[dict[str, object]]:
    """Run a SELECT query and return its rows as dicts of Python values, for notebooks and tests.

    IRIs become strings, ``xsd:integer``/``decimal``/``double`` numbers, ``xsd:boolean`` bools,
    every other literal its lexical form; unbound variables are absent from the row.
    """
    results = run(query, store, params)
    names = [v.value for v in results.variables]
    return [{name: _python(term) for name, term in zip(names, solution) if term is not None}
            for solution in results]


def answer(query: str, graph_path: str | os.PathLike, fmt: str = "table", notes: list[str] | None = None,
           params: Mapping[str, str] | None = None) -> str:
    """Run SPARQL text on a saved graph and format the result: what ``jishi query`` prints.

    ``notes`` receives why the build's saved store was not used, if it was not (see :func:`open_store`);
    ``params`` binds the query's declared parameters (see :func:`bind`).

    Examples
    --------
    >>> print(answer("SELECT (COUNT(*) AS ?calls) WHERE { ?e a jishi:PhoneCall }",
    ...              "out/graph.ttl"), end="")            # doctest: +SKIP
    calls
    -----
    60
    (1 row)
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    bind(query, params or {})  # a bad parameter is reported before the graph is loaded
    return format_results(run(query, open_store(graph_path, notes), params), fmt)


def list_queries() -> str:
    """The named queries, the question each answers and its parameters with their defaults (``jishi query --list``)."""
    rows = [[q.name, q.title, "; ".join(p.describe() for p in q.parameters)] for q in named_queries().values()]
    return format_table(["name", "answers", "parameters (--param NAME=VALUE)"], rows, max_cell=90)


def format_results(results, fmt: str = "table") -> str:
    """Render a pyoxigraph result: an aligned table, or a SPARQL 1.1 results format (csv, tsv, json, xml).

    ASK answers print as ``true``/``false`` in a table; CONSTRUCT/DESCRIBE results as Turtle
    (N-Triples for csv/tsv, JSON-LD for json, RDF/XML for xml).
    """
    import pyoxigraph as ox

    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if isinstance(results, ox.QueryTriples):
        rdf = {"table": ox.RdfFormat.TURTLE, "csv": ox.RdfFormat.N_TRIPLES, "tsv": ox.RdfFormat.N_TRIPLES,
               "json": ox.RdfFormat.JSON_LD, "xml": ox.RdfFormat.RDF_XML}[fmt]
        return ox.serialize(results, format=rdf, prefixes=PREFIXES if fmt == "table" else None).decode("utf-8")
    if fmt == "table":
        if isinstance(results, ox.QueryBoolean):
            return "true\n" if bool(results) else "false\n"
        names = [v.value for v in results.variables]
        rows = [[_display(term) for term in solution] for solution in results]
        return format_table(names, rows)
    sparql = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
              "json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML}[fmt]
    return results.serialize(format=sparql).decode("utf-8")


def format_table(names: list[str], rows: list[list[str]], max_cell: int = MAX_CELL) -> str:
    """An aligned text table; Chinese characters count as two columns, long cells are cut with "…".

    Examples
    --------
    >>> print(format_table(["who", "n"], [["习近平", "3"], ["WHO", "12"]]), end="")
    who     n
    ------  --
    习近平  3
    WHO     12
    (2 rows)
    """
    cells = [[_cut(cell, max_cell) for cell in row] for row in rows]
    widths = [max([_width(name)] + [_width(row[i]) for row in cells]) for i, name in enumerate(names)]
    lines = ["  ".join(_pad(name, w) for name, w in zip(names, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(_pad(cell, w) for cell, w in zip(row, widths)).rstrip() for row in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _title(text: str) -> str:
    """The first sentence of a query's leading ``#`` comment header (parameter lines aside)."""
    header = [line.lstrip("#").strip() for line in _header(text) if not _PARAM_LINE.fullmatch(line.strip())]
    paragraph = " ".join(part for part in header if part)
    match = re.match(r"(.+?[.?])(\s|$)", paragraph)
    return match.group(1) if match else paragraph


def _header(text: str) -> list[str]:
    """The lines of a query's leading ``#`` comment header."""
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line)
    return lines


def _syntax_error(message: str, query: str) -> QuerySyntaxError:
    """Turn Oxigraph's ``error at L:C: expected …`` into a :class:`QuerySyntaxError`."""
    match = re.match(r"error at (\d+):(\d+):\s*(.*)", message, re.S)
    if not match:
        return QuerySyntaxError(message, 0, 0, query)
    line, column, detail = int(match.group(1)), int(match.group(2)), match.group(3)
    if "Prefix not found" in detail:
        source = (query.splitlines() or [""])[line - 1] if line else ""
        prefix = re.search(r"([A-Za-z][\w.-]*)?:[^\s:]*$", source[:max(column - 1, 0)])
        name = prefix.group(1) or "" if prefix else "?"
        detail = f"unknown prefix '{name}:' (bound: {', '.join(PREFIXES)}; declare others with PREFIX)"
    elif len(detail) > 200:
        detail = detail[:200] + "…"
    return QuerySyntaxError(" ".join(detail.split()), line, column, query)


def _python(term) -> object:
    """A pyoxigraph term as a plain Python value (see :func:`select`)."""
    import pyoxigraph as ox

    if not isinstance(term, ox.Literal):
        return term.value
    datatype = term.datatype.value.removeprefix(PREFIXES["xsd"])
    if datatype in ("integer", "int", "long", "nonNegativeInteger"):
        return int(term.value)
    if datatype in ("decimal", "double", "float"):
        return float(term.value)
    if datatype == "boolean":
        return term.value in ("true", "1")
    return term.value


def _display(term) -> str:
    """A table cell: prefixed IRIs (``jid:actor/person/xi-jinping``), literal values, empty if unbound."""
    import pyoxigraph as ox

    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for name, namespace in PREFIXES.items():
            if term.value.startswith(namespace):
                return f"{name}:{term.value[len(namespace):]}"
        return f"<{term.value}>"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return " ".join(term.value.split())


def _width(text: str) -> int:
    """Display columns: East Asian wide and fullwidth characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cut(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` display columns, ending in "…" when cut."""
    if _width(text) <= limit:
        return text
    out, used = [], 0
    for ch in text:
        used += _width(ch)
        if used > limit - 1:
            break
        out.append(ch)
    return "".join(out) + "…"


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
