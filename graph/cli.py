"""The ``jishi`` command: thin click wrappers, one library call each.

Each command parses its arguments, calls one function of the package and
prints a summary, so a notebook can do the same with the same call.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

DEFAULT_GRAPH = Path("out/graph.ttl")
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
def build(paths: tuple[Path, ...], outdir: Path, progress: bool | None) -> None:
    """Build the graph from files and folders (.txt, .md; default: seeds/).

    Writes OUTDIR/graph.ttl (Turtle) and OUTDIR/network.html, and prints a
    summary: documents, actors by class, events, statements, triples, and the
    files that were skipped with the reason.
    """
    from .pipeline import build as run_build

    report = run_build(list(paths) or [Path("seeds")], outdir, progress=progress)
    click.echo(report.summary())
    if not report.documents:
        sys.exit(1)


@main.command()
@click.argument("graph_path", type=click.Path(path_type=Path), default=DEFAULT_GRAPH)
def validate(graph_path: Path) -> None:
    """Check GRAPH against the SHACL shapes in ontology/shapes.ttl (exit 1 if it fails)."""
    from .validate import validate as run_validate

    conforms, report = run_validate(graph_path)
    click.echo(report)
    sys.exit(0 if conforms else 1)


if __name__ == "__main__":
    main()
