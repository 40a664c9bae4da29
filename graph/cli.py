"""The ``jishi`` command: thin click wrappers, one library call each.

Each command parses its arguments, calls one function of the package and
prints a summary, so a notebook can do the same with the same call.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .extras import MissingExtra, require

DEFAULT_GRAPH = Path("out/graph.ttl")
YEARS = (1900, 2099)  # the years a user may give a yearless document (--year, --date)
MAX_CHARS_HELP = "2,000,000"  # graph.read.MAX_CHARS, written out so that `--help` need not load the read stage
GRAPH_OPTION = click.option(
    "--graph", "graph_path", type=click.Path(path_type=Path), default=DEFAULT_GRAPH,
    show_default=True, help="The Turtle graph written by `jishi build`.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="jishi")
def main() -> None:
    """jishi (纪事): a knowledge graph of who did what with whom, and who said what,
    built from Chinese reporting on diplomacy and public health."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--out", "outdir", type=click.Path(path_type=Path), default=Path("out"),
              show_default=True, help="Folder for graph.ttl and network.html.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar (default: on a terminal, for more than a few files).")
@click.option("--network/--no-network", default=True, show_default=True,
              help="Also write OUTDIR/network.html, the interactive view.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes for the documents (default: one per core).")
@click.option("--year", type=click.IntRange(*YEARS), default=None,
              help="Year of the documents that state no date of their own (no metadata date).")
@click.option("--date", "day", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Date (YYYY-MM-DD) of the documents that state no date of their own: "
                   "their 今天, 周二, 17日 count from it.")
@click.option("--max-chars", type=click.IntRange(min=1), default=None,
              help=f"Longest document read, in characters (default {MAX_CHARS_HELP}); "
                   "a longer one is skipped with a note to split it.")
def build(paths: tuple[Path, ...], outdir: Path, progress: bool | None, network: bool,
          jobs: int | None, year: int | None, day, max_chars: int | None) -> None:
    """Build the graph from files and folders (.txt, .md; default: seeds/).

    Writes OUTDIR/graph.ttl (Turtle) and OUTDIR/network.html, and prints a
    summary: documents, actors by class, events, statements, triples, the
    documents repaired and the paths skipped, each with the reason, and the
    documents whose year cannot be known (give them one with --year or --date).
    """
    from .pipeline import DateHint
    from .pipeline import build as run_build
    from .read import MAX_CHARS

    if year is not None and day is not None:
        raise click.UsageError("give --year or --date, not both")
    if day is not None and not YEARS[0] <= day.year <= YEARS[1]:
        raise click.BadParameter(f"{day:%Y-%m-%d}: the year must be within {YEARS[0]}-{YEARS[1]}", param_hint="--date")
    hint = DateHint(date=day.date() if day else None, year=year)
    report = run_build(list(paths) or [Path("seeds")], outdir, progress=progress, network=network, jobs=jobs,
                       hint=hint, max_chars=max_chars or MAX_CHARS)
    click.echo(report.summary())
    if not report.documents:
        sys.exit(1)


def _load(graph_path: Path):
    """The saved graph, or a one-line error (not a traceback) when there is none."""
    from .files import load_graph

    try:
        return load_graph(graph_path)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from exc


def _require(module: str, extra: str, purpose: str) -> None:
    """Stop in one line, before any work, when an optional library the command needs is missing."""
    try:
        require(module, extra, purpose)
    except MissingExtra as exc:
        raise click.ClickException(str(exc)) from exc


@main.command()
@click.argument("graph_path", type=click.Path(path_type=Path), default=DEFAULT_GRAPH)
def validate(graph_path: Path) -> None:
    """Check GRAPH against the SHACL shapes in ontology/shapes.ttl (exit 1 if it fails)."""
    from .validate import validate as run_validate

    conforms, report = run_validate(graph_path)
    click.echo(report)
    sys.exit(0 if conforms else 1)


@main.command()
@GRAPH_OPTION
@click.option("-o", "--out", "out_path", type=click.Path(path_type=Path), default=Path("out/network.html"),
              show_default=True, help="The HTML page to write.")
@click.option("--title", default=None, help="Title shown on the page.")
def viz(graph_path: Path, out_path: Path, title: str | None) -> None:
    """Write the interactive network of GRAPH as one self-contained HTML page.

    The page works offline: actors, events and statements coloured by class,
    filters by type and date, search by name in Simplified or Traditional
    script, and a second view of the actor–actor network.
    """
    from .viz import DEFAULT_TITLE, write_network

    path = write_network(_load(graph_path), out_path, title or DEFAULT_TITLE)
    click.echo(f"wrote: {path} ({path.stat().st_size // 1024} kB)")


@main.command()
@GRAPH_OPTION
@click.option("--plot", "plot_dir", type=click.Path(path_type=Path), default=None,
              help="Also write PNG charts (timeline.png, top_actors.png) into this folder.")
@click.option("--top", default=20, show_default=True, help="Rows in each actor table.")
def stats(graph_path: Path, plot_dir: Path | None, top: int) -> None:
    """Print network analytics of GRAPH as tables.

    Actors by degree and betweenness centrality (on the actor–actor network),
    communities, events per type per ISO week, and the busiest days.
    """
    from .stats import compute_stats, format_stats, plot_stats

    if plot_dir is not None:
        _require("matplotlib", "plot", "jishi stats --plot")
    result = compute_stats(_load(graph_path))
    click.echo(format_stats(result, top=top), nl=False)
    if plot_dir is not None:
        written = plot_stats(result, plot_dir)
        click.echo("wrote: " + ", ".join(str(p) for p in written))


@main.command("evaluate")
@click.argument("graph_path", metavar="GRAPH", type=click.Path(path_type=Path))
@click.argument("gold_dir", type=click.Path(path_type=Path, file_okay=False))
@click.option("--docs", "docs_dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Folder of the source documents: check every evidence quote at its offsets.")
@click.option("-v", "--verbose", is_flag=True, help="List what each document's gold has that the graph "
              "lacks (missed) and what the graph has that the gold lacks (extra).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="Aligned tables with a summary line, or JSON.")
def evaluate_command(graph_path: Path, gold_dir: Path, docs_dir: Path | None, verbose: bool, fmt: str) -> None:
    """Score GRAPH against the gold files (*.gold.json) in GOLD_DIR.

    Prints events, statements and actors per document and overall: precision,
    recall and F1 (lenient and strict), events per class, actor recall,
    events merged across documents and, with --docs, exact evidence. The gold
    format and the matching rules are in docs/EVALUATE.md.
    """
    from .evaluate import GoldFormatError, evaluate, format_table, to_json

    try:
        result = evaluate(_load(graph_path), gold_dir, docs_dir)
    except GoldFormatError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(to_json(result, verbose) if fmt == "json" else format_table(result, verbose), nl=False)


def _export_formats() -> list[str]:
    """The registered export formats, for the FORMAT choice."""
    from .export import FORMATS

    return list(FORMATS)


@main.command("export")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(_export_formats()))
@GRAPH_OPTION
@click.option("-o", "--out", "out_path", type=click.Path(path_type=Path), required=True,
              help="The file to write (a folder for neo4j-csv).")
def export_command(fmt: str, graph_path: Path, out_path: Path) -> None:
    """Export GRAPH as FORMAT for Neo4j, Wikidata tools, Gephi or triple stores.

    neo4j-csv (folder for neo4j-admin, with README), cypher (Neo4j 5 script,
    safe to rerun), quickstatements (V1), wikibase-json, reconcile (OpenRefine
    CSV), ntriples, jsonld (+ context file), trig (a graph per document),
    graphml, gexf. See docs/EXPORTS.md.
    """
    from .export import export

    try:
        result = export(fmt, graph_path, out_path)
    except (FileNotFoundError, MissingExtra) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(result.summary())


@main.command("query")
@click.argument("source", metavar="[FILE.rq | NAME]", required=False)
@click.option("-e", "--expression", help="SPARQL text to run instead of a file.")
@GRAPH_OPTION
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "xml"]), default="table",
              show_default=True, help="An aligned table, or a SPARQL 1.1 results format.")
@click.option("--list", "list_only", is_flag=True, help="List the named queries in queries/ and exit.")
def query_command(source: str | None, expression: str | None, graph_path: Path, fmt: str, list_only: bool) -> None:
    """Run a SPARQL query on GRAPH with Oxigraph: a .rq file, a named query, or -e 'SPARQL'.

    The contract's prefixes (jishi, jid, rdf, rdfs, owl, skos, dcterms, xsd,
    wd) are bound. Example: jishi query -e 'SELECT ?d WHERE { ?e a
    jishi:PhoneCall ; jishi:date ?d }'. Named queries live in queries/
    (jishi query --list; jishi query person_phone_calls).
    """
    from .query import QuerySyntaxError, answer, list_queries, query_text

    if list_only:
        click.echo(list_queries(), nl=False)
        return
    if (source is None) == (expression is None):
        raise click.UsageError("give a query file or name, or -e 'SPARQL' (one of them)")
    try:
        text = expression if expression is not None else query_text(source)
        click.echo(answer(text, graph_path, fmt), nl=False)
    except (QuerySyntaxError, FileNotFoundError) as exc:
        raise click.ClickException(str(exc)) from exc


@main.command("serve")
@GRAPH_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=7878, show_default=True, type=int, help="Port to listen on.")
def serve_command(graph_path: Path, host: str, port: int) -> None:
    """Serve GRAPH as a read-only SPARQL 1.1 Protocol endpoint (http://HOST:PORT/query).

    Any SPARQL client can query it (YASGUI at http://HOST:PORT/, SPARQLWrapper,
    Protégé); updates are refused. Uses the Oxigraph server; Ctrl-C stops it.
    """
    from .serve import serve

    try:
        serve(graph_path, host, port)
    except (FileNotFoundError, RuntimeError) as exc:
        raise click.ClickException(str(exc)) from exc


if __name__ == "__main__":
    main()
