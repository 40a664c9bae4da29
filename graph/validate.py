"""SHACL checks of a built graph against ``ontology/shapes.ttl``.

The shapes are self-contained (they target every concrete class by name and
test types through ``rdf:type`` values), so validation runs without RDFS
inference and without mixing the ontology into the data: a seed-sized graph
is checked in seconds.

>>> from graph.validate import validate
>>> conforms, report = validate("out/graph.ttl")   # doctest: +SKIP
>>> print(report)                                  # doctest: +SKIP
conforms: 1234 focus nodes checked
"""
from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import rdflib
from rdflib.namespace import RDF, SH

from .errors import GraphFileError
from .files import load_graph

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"
ONTOLOGY_PATH = ONTOLOGY_DIR / "jishi.ttl"
MAX_LINES = 50

__all__ = ["validate", "validate_graph", "load_shapes", "Violation", "SHAPES_PATH", "ONTOLOGY_PATH"]


@dataclass(frozen=True, order=True)
class Violation:
    """One SHACL result, reduced to what a person needs to find and fix it."""

    node: str
    path: str
    message: str
    severity: str = "Violation"

    def line(self) -> str:
        return f"{self.severity}: {self.node} {self.path}: {self.message}"


def validate(graph_path: str | os.PathLike, shapes: str | os.PathLike | None = None) -> tuple[bool, str]:
    """Check a saved graph against the SHACL shapes.

    Parameters
    ----------
    graph_path : path of a graph file (Turtle, or any format rdflib guesses).
    shapes : shapes file; default ``ontology/shapes.ttl``.

    Returns
    -------
    (conforms, report) : ``report`` is ``"conforms: N focus nodes checked"``,
        or a count of violations followed by at most 50 of them
        (``node path: message``), grouped by message.

    Examples
    --------
    >>> validate("out/graph.ttl")[0]      # doctest: +SKIP
    True
    """
    try:
        graph = load_graph(graph_path, fast=False)
    except (OSError, GraphFileError) as exc:  # a graph that cannot be read fails validation, with the reason
        return False, str(exc)
    conforms, violations, checked = validate_graph(graph, shapes)
    return conforms, format_report(violations, checked)


def validate_graph(graph: rdflib.Graph, shapes: str | os.PathLike | rdflib.Graph | None = None
                   ) -> tuple[bool, list[Violation], int]:
    """Check an in-memory graph; returns (conforms, sorted violations, focus nodes checked).

    SHACL Core constraints are checked by pyshacl; ``sh:sparql`` constraints
    are run here, once per shape over the whole graph (see :func:`sparql_violations`).

    Examples
    --------
    >>> g = rdflib.Graph().parse(data='''
    ...   @prefix jishi: <https://w3id.org/jishi/ontology#> .
    ...   <urn:x:e> a jishi:PhoneCall .''', format="turtle")
    >>> conforms, violations, _ = validate_graph(g)
    >>> conforms, violations[0].path
    (False, 'jishi:evidence')
    """
    from pyshacl import validate as shacl_validate

    shapes_graph = shapes if isinstance(shapes, rdflib.Graph) else load_shapes(shapes)
    core_shapes, constraints = split_sparql_constraints(shapes_graph)
    _, results, text = shacl_validate(
        graph, shacl_graph=core_shapes, inference="none", advanced=False,
        abort_on_first=False, allow_warnings=False, meta_shacl=False,
    )
    if not isinstance(results, rdflib.Graph):
        raise ValueError(f"the shapes could not be applied: {text}")
    violations = _violations(results, graph)
    violations += sparql_violations(graph, shapes_graph, constraints)
    return not violations, sorted(violations), count_focus_nodes(graph, shapes_graph)


def load_shapes(shapes: str | os.PathLike | None = None) -> rdflib.Graph:
    """The shapes graph (default ``ontology/shapes.ttl``)."""
    return rdflib.Graph().parse(str(shapes or SHAPES_PATH), format="turtle")


def split_sparql_constraints(shapes_graph: rdflib.Graph
                             ) -> tuple[rdflib.Graph, list[tuple[rdflib.term.Node, rdflib.term.Node]]]:
    """A copy of the shapes without their ``sh:sparql`` links, and the (shape, constraint) pairs removed.

    pyshacl runs a SPARQL constraint once per focus node, tens of
    milliseconds each, which makes a seed graph take minutes; run once per
    shape instead, the same constraint takes well under a second.
    """
    constraints = sorted(shapes_graph.subject_objects(SH.sparql))
    core = rdflib.Graph()
    for triple in shapes_graph:
        if triple[1] != SH.sparql:
            core.add(triple)
    return core, constraints


def sparql_violations(graph: rdflib.Graph, shapes_graph: rdflib.Graph,
                      constraints: list[tuple[rdflib.term.Node, rdflib.term.Node]]) -> list[Violation]:
    """Evaluate SHACL-SPARQL constraints, each as one query with ``$this`` unbound.

    Rows are kept when ``$this`` is a focus node of the constraint's shape;
    ``?path`` and ``?value``, when selected, fill the result, and ``{?var}``
    in ``sh:message`` is replaced by the row's value, as SHACL specifies.
    """
    out = []
    for shape, constraint in constraints:
        focus = focus_nodes(graph, shapes_graph, shape)
        query = _prefix_block(shapes_graph, constraint) + str(shapes_graph.value(constraint, SH.select))
        message = str(shapes_graph.value(constraint, SH.message) or "SPARQL constraint not satisfied")
        for row in graph.query(query.replace("$this", "?this")):
            values = row.asdict()
            if values.get("this") not in focus:
                continue
            out.append(Violation(
                node=_short(values["this"], graph),
                path=_short(values.get("path"), graph),
                message=_fill(message, values, graph),
            ))
    return out


def focus_nodes(graph: rdflib.Graph, shapes_graph: rdflib.Graph, shape: rdflib.term.Node | None = None) -> set:
    """The nodes the targets of ``shape`` (default: of every shape) select in ``graph``.

    Classes are matched on ``rdf:type`` alone, as the shapes expect no inference.
    """
    nodes: set = set()
    for cls in shapes_graph.objects(shape, SH.targetClass):
        nodes.update(graph.subjects(RDF.type, cls))
    for prop in shapes_graph.objects(shape, SH.targetSubjectsOf):
        nodes.update(graph.subjects(prop, None))
    for prop in shapes_graph.objects(shape, SH.targetObjectsOf):
        nodes.update(graph.objects(None, prop))
    for node in shapes_graph.objects(shape, SH.targetNode):
        nodes.add(node)
    return nodes


def count_focus_nodes(graph: rdflib.Graph, shapes_graph: rdflib.Graph) -> int:
    """How many distinct nodes the shapes' targets select in ``graph`` (for the report)."""
    return len(focus_nodes(graph, shapes_graph))


def format_report(violations: list[Violation], checked: int, limit: int = MAX_LINES) -> str:
    """A short text report: a count, a tally by message, and at most ``limit`` violations."""
    if not violations:
        return f"conforms: {checked} focus nodes checked"
    tally = Counter(v.message for v in violations)
    lines = [f"does not conform: {len(violations)} violations in {checked} focus nodes"]
    lines += [f"  {n:>5} × {message}" for message, n in tally.most_common()]
    lines += [v.line() for v in violations[:limit]]
    if len(violations) > limit:
        lines.append(f"… and {len(violations) - limit} more")
    return "\n".join(lines)


def _violations(results: rdflib.Graph, data: rdflib.Graph) -> list[Violation]:
    """Read the top-level results of pyshacl's report into :class:`Violation` records.

    Nested results (``sh:detail``, from ``sh:node`` checks) are left out: the
    top-level result already names the node, the path and a specific message.
    """
    out = []
    for result in results.objects(None, SH.result):
        node = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        message = results.value(result, SH.resultMessage)
        severity = results.value(result, SH.resultSeverity)
        out.append(Violation(
            node=_short(node, data),
            path=_short(path, data) if path is not None else "",
            message=str(message) if message is not None else _short(results.value(result, SH.sourceConstraintComponent), data),
            severity=_short(severity, data).removeprefix("sh:") if severity is not None else "Violation",
        ))
    return out


def _prefix_block(shapes_graph: rdflib.Graph, constraint: rdflib.term.Node) -> str:
    """``PREFIX`` lines from the ``sh:declare`` entries that ``sh:prefixes`` names."""
    lines = []
    for owner in shapes_graph.objects(constraint, SH.prefixes):
        for declaration in shapes_graph.objects(owner, SH.declare):
            prefix = shapes_graph.value(declaration, SH.prefix)
            namespace = shapes_graph.value(declaration, SH.namespace)
            lines.append(f"PREFIX {prefix}: <{namespace}>\n")
    return "".join(sorted(lines))


def _fill(message: str, values: dict, data: rdflib.Graph) -> str:
    """Replace ``{?name}`` / ``{$name}`` in a SHACL message by the row's values."""
    def value(match: re.Match) -> str:
        term = values.get(match.group(1))
        if term is None:
            return match.group(0)
        return str(term) if isinstance(term, rdflib.Literal) else _short(term, data)
    return re.sub(r"\{[?$](\w+)\}", value, message)


def _short(term: rdflib.term.Node | None, data: rdflib.Graph) -> str:
    """A prefixed name where one is bound (``jishi:evidence``), else the N3 form."""
    if term is None:
        return ""
    if isinstance(term, rdflib.URIRef):
        try:
            return data.namespace_manager.normalizeUri(term)
        except Exception:  # an IRI that cannot be prefixed is shown whole
            return f"<{term}>"
    return term.n3()
