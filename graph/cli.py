"""The ``jishi`` command: thin click wrappers, one library call each.

Each command parses its arguments, calls one function of the package and
prints a summary, so a notebook can do the same with the same call. Errors of
input (a missing or unparseable graph, an unwritable output folder, a bad
query) are turned into one line in one place, :class:`JishiGroup`.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .extras import MissingExtra, require

DEFAULT_GRAPH = Path("out/graph.ttl")
YEARS = (1900, 2099)  # the years a user may give a yearless document (--year, --date)
_built_here = False
"""Whether ``jishi build`` ran to the end on this machine's processes (:meth:`JishiGroup.main` ends faster then)."""
MAX_CHARS_HELP = "2,000,000"  # graph.read.MAX_CHARS, written out so that `--help` need not load the read stage
GRAPH_OPTION = click.option(
    "--graph", "graph_path", type=click.Path(path_type=Path), default=DEFAULT_GRAPH,
    show_default=True, help="The Turtle graph written by `jishi build`.",
)


class JishiGroup(click.Group):
    """The ``jishi`` command group: bad input ends a command in one line, not a traceback.

    Errors of input (:class:`graph.errors.JishiError`) and of the file system
    (``OSError``: no such file, permission denied, disk full) are shown as
    ``Error: <file>: <reason>`` with exit status 1; anything else as one line
    that says it is unexpected. ``jishi --debug COMMAND`` lets every error
    through with its traceback.
    """

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:
            if ctx.params.get("debug"):
                raise
            raise click.ClickException(one_line(exc)) from exc

    def main(self, args=None, *rest, **options):
        """Run a command; a build run as the program (``args`` read from ``sys.argv``) that succeeded ends its
        process without freeing what it built object by object.

        Freeing the resolved facts and collecting them at the interpreter's exit took 0.2-0.45 s
        of a 2-3 s rebuild's wall (adding one document to a 10 MB corpus, load 8-10). Everything a
        build writes is closed and renamed by then, and its processes joined; only the standard
        streams are flushed here. Called with ``args`` (a test's runner, a notebook) it returns as ever.
        """
        try:
            return super().main(args, *rest, **options)
        except SystemExit as done:
            if args is None and done.code in (0, None) and _built_here:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(0)
            raise


def one_line(exc: Exception) -> str:
    """The message ``jishi`` prints for an error: its file and reason, on one line.

    >>> one_line(PermissionError(13, "Permission denied", "out/graph.ttl"))
    'out/graph.ttl: Permission denied'
    """
    from .errors import JishiError

    if isinstance(exc, OSError) and exc.filename is not None and exc.strerror:
        where = exc.filename2 if exc.filename2 is not None else exc.filename  # a rename: the file named by the user
        return f"{where}: {exc.strerror}"
    if isinstance(exc, (JishiError, OSError)):
        return str(exc)
    first = (str(exc).splitlines() or [""])[0]
    return f"unexpected {type(exc).__name__}: {first} (run `jishi --debug ...` for the traceback)"


class OutputPath(click.Path):
    """A ``-o`` path checked when the arguments are read, before any work starts.

    ``kind`` is ``"folder"`` (it must be, or be creatable as, a writable
    folder), ``"file"`` (not a folder, in a writable or creatable folder) or
    ``"any"`` (a file or a folder, depending on another option: only the
    folder it goes into is checked).
    """

    def __init__(self, kind: str) -> None:
        super().__init__(path_type=Path)
        self.kind = kind

    def convert(self, value, param, ctx) -> Path:
        from .errors import OutputPathError
        from .files import check_output_file, check_output_folder

        path = super().convert(value, param, ctx)
        try:
            if self.kind == "folder":
                check_output_folder(path)
            elif self.kind == "file":
                check_output_file(path)
            else:
                check_output_folder(path.parent)
        except OutputPathError as exc:
            self.fail(str(exc), param, ctx)
        return path


@click.group(cls=JishiGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="jishi")
@click.option("--debug", is_flag=True, help="Show the full traceback of an error instead of one line.")
def main(debug: bool) -> None:
    """jishi (纪事): a knowledge graph of who did what with whom, and who said what,
    built from Chinese reporting on diplomacy and public health."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--out", "outdir", type=OutputPath("folder"), default=Path("out"),
              show_default=True, help="Folder for graph.ttl and network.html.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar (default: on a terminal, for more than a few files).")
@click.option("--network/--no-network", default=True, show_default=True,
              help="Also write OUTDIR/network.html, the interactive view.")
@click.option("--store/--no-store", default=True, show_default=True,
              help="Also bulk-load OUTDIR/store/, the on-disk Oxigraph store that query and serve open.")
@click.option("--cache/--no-cache", default=True, show_default=True,
              help="Take the analyses of unchanged documents, and the page's layouts, from OUTDIR/.cache/ "
                   "(and store new ones there).")
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
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Analyse the documents on the Dask cluster of this scheduler (tcp://HOST:8786); "
                   "the corpus must be on a file system its workers see under the same path.")
@click.option("--cluster", type=click.Choice(["local"]), default=None,
              help="Analyse the documents on a Dask cluster started on this machine (LocalCluster).")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes of --cluster local (default: one per core).")
def build(paths: tuple[Path, ...], outdir: Path, progress: bool | None, network: bool, store: bool,
          cache: bool, jobs: int | None, year: int | None, day, max_chars: int | None,
          scheduler: str | None, cluster: str | None, workers: int | None) -> None:
    """Build the graph from files and folders (.txt, .md; default: seeds/).

    Writes OUTDIR/graph.ttl (Turtle), OUTDIR/network.html and the store
    OUTDIR/store/ (the graph loaded for query and serve), and prints a
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
    engine = _engine(scheduler, cluster, workers, jobs)
    report = run_build(list(paths) or [Path("seeds")], outdir, progress=progress, network=network, store=store,
                       cache=cache, jobs=jobs, hint=hint, max_chars=max_chars or MAX_CHARS, engine=engine)
    click.echo(report.summary())
    if not report.documents:
        sys.exit(1)
    global _built_here
    _built_here = engine is None  # a Dask engine's cluster may still be closing: that process ends as ever


def _engine(scheduler: str | None, cluster: str | None, workers: int | None, jobs: int | None):
    """The Dask engine that ``--scheduler`` or ``--cluster local`` ask for, or None for this machine's processes."""
    if scheduler and cluster:
        raise click.UsageError("give --scheduler or --cluster, not both")
    if workers is not None and not cluster:
        raise click.UsageError("--workers is for --cluster local (an existing cluster has its own workers)")
    if not (scheduler or cluster):
        return None
    if jobs is not None:
        raise click.UsageError("-j/--jobs is for a build on this machine; with Dask the workers analyse")
    _require("distributed", "dask", "jishi build --scheduler/--cluster")
    from .cluster import DaskEngine
    from .pipeline import default_jobs

    engine = DaskEngine(scheduler=scheduler, workers=workers or default_jobs())
    click.echo(f"analysing on {engine.describe()}", err=True)
    return engine


def _load(graph_path: Path):
    """The saved graph, held in the fast (Oxigraph) store."""
    from .files import load_graph

    return load_graph(graph_path)


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
@click.option("-o", "--out", "out_path", type=OutputPath("file"), default=Path("out/network.html"),
              show_default=True, help="The HTML page to write.")
@click.option("--title", default=None, help="Title shown on the page.")
@click.option("--documents", "documents", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="The files or folders the graph was built from: evidence is then shown in whole sentences.")
def viz(graph_path: Path, out_path: Path, title: str | None, documents: tuple[Path, ...]) -> None:
    """Write the interactive network of GRAPH as one self-contained HTML page.

    The page works offline: actors, events and statements by class, a details
    panel with every evidence, a results list (CSV), a timeline to choose dates,
    filters by type and actor class, search in Simplified or Traditional script,
    neighbourhood focus, state in the URL, and a view of the actor–actor network.
    """
    from .pipeline import document_texts
    from .viz import DEFAULT_TITLE, write_network

    texts = document_texts(list(documents)) if documents else None
    path = write_network(_load(graph_path), out_path, title or DEFAULT_TITLE, texts)
    click.echo(f"wrote: {path} ({path.stat().st_size // 1024} kB)")


@main.command()
@GRAPH_OPTION
@click.option("--plot", "plot_dir", type=OutputPath("folder"), default=None,
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
    from .evaluate import evaluate, format_table, to_json

    result = evaluate(_load(graph_path), gold_dir, docs_dir)
    click.echo(to_json(result, verbose) if fmt == "json" else format_table(result, verbose), nl=False)


def _export_formats() -> list[str]:
    """The registered export formats, for the FORMAT choice."""
    from .export import FORMATS

    return list(FORMATS)


@main.command("export")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(_export_formats()))
@GRAPH_OPTION
@click.option("-o", "--out", "out_path", type=OutputPath("any"), required=True,
              help="The file to write (a folder for neo4j-csv).")
def export_command(fmt: str, graph_path: Path, out_path: Path) -> None:
    """Export GRAPH as FORMAT for Neo4j, Wikidata tools, Gephi or triple stores.

    neo4j-csv (folder for neo4j-admin, with README), cypher (Neo4j 5 script,
    safe to rerun), quickstatements (V1), wikibase-json, reconcile (OpenRefine
    CSV), ntriples, jsonld (+ context file), trig (a graph per document),
    graphml, gexf, events-csv (one row per event and pair of parties,
    with CAMEO/PLOVER codes). See docs/EXPORTS.md.
    """
    from .export import export

    try:
        result = export(fmt, graph_path, out_path)
    except MissingExtra as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(result.summary())


@main.command("query")
@click.argument("source", metavar="[FILE.rq | NAME]", required=False)
@click.option("-e", "--expression", help="SPARQL text to run instead of a file.")
@GRAPH_OPTION
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "xml"]), default="table",
              show_default=True, help="An aligned table, or a SPARQL 1.1 results format.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A value for a parameter the query declares (repeatable); see --list.")
@click.option("--list", "list_only", is_flag=True,
              help="List the named queries in queries/ with their parameters and defaults, and exit.")
def query_command(source: str | None, expression: str | None, graph_path: Path, fmt: str, params: tuple[str, ...],
                  list_only: bool) -> None:
    """Run a SPARQL query on GRAPH with Oxigraph: a .rq file, a named query, or -e 'SPARQL'.

    The contract's prefixes (jishi, jid, rdf, rdfs, owl, skos, dcterms, xsd,
    wd) are bound. Example: jishi query -e 'SELECT ?d WHERE { ?e a
    jishi:PhoneCall ; jishi:date ?d }'. Named queries live in queries/
    (jishi query --list; jishi query person_phone_calls --param
    person=默克尔 --param from=2020-03-01 --param to=2020-03-31).
    """
    from .query import answer, list_queries, query_text

    if list_only:
        click.echo(list_queries(), nl=False)
        return
    if (source is None) == (expression is None):
        raise click.UsageError("give a query file or name, or -e 'SPARQL' (one of them)")
    text = expression if expression is not None else query_text(source)
    notes: list[str] = []
    result = answer(text, graph_path, fmt, notes, _param_values(params))
    for note in notes:
        click.echo(f"note: {note}", err=True)
    click.echo(result, nl=False)


def _param_values(params: tuple[str, ...]) -> dict[str, str]:
    """``--param NAME=VALUE`` options as a dict; the value may itself hold ``=``."""
    values = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"{item!r}: expected NAME=VALUE", param_hint="--param")
        values[name.strip()] = value
    return values


@main.command("serve")
@GRAPH_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--timeout", "query_timeout", default=30, show_default=True, type=click.IntRange(min=1),
              help="Seconds a query may run before the server cancels it.")
def serve_command(graph_path: Path, host: str, port: int, query_timeout: int) -> None:
    """Serve GRAPH as a read-only SPARQL 1.1 Protocol endpoint (http://HOST:PORT/query).

    Any SPARQL client can query it (YASGUI at http://HOST:PORT/, SPARQLWrapper,
    Protégé); updates are refused. Queries declare their PREFIX lines (the
    named queries in queries/ do). Uses the Oxigraph server on the store the
    build saved beside GRAPH (store/), or, when that store does not hold GRAPH,
    on a temporary database that Ctrl-C or SIGTERM removes as it stops.
    """
    from .serve import serve

    serve(graph_path, host, port, query_timeout)


if __name__ == "__main__":
    main()
