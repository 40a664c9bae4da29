"""The ordered stages of a build; no extraction logic lives here.

read → structure → actors → events → statements (per document), then
resolve (whole corpus) → emit (RDF) → write. A file that cannot be read is
reported in the summary and the rest of the corpus is still built.
"""
from __future__ import annotations

import datetime as dt
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from tqdm import tqdm

from . import actors, emit, events, read, resolve, statements, structure
from .catalogue import Catalogue, load_catalogue
from .files import load_graph, output_set, write_atomic
from .model import Analysis, Document, ProposedName, Resolved, Skipped

GRAPH = "graph.ttl"
NETWORK = "network.html"
OUTPUTS = (GRAPH, NETWORK)
"""What a build writes into its output folder; a build replaces all of them (see ``build``)."""
PROGRESS_MIN_FILES = 20
PARALLEL_MIN_FILES = 8
UNDATED_SHOWN = 5


@dataclass(frozen=True)
class DateHint:
    """What the user says of the documents that state no date of their own (``jishi build --date/--year``).

    A republished text with no metadata and no year in it cannot be dated from itself: its
    ``3月17日`` could be any year, its ``周二`` any week.
    """

    date: dt.date | None = None
    year: int | None = None

    def apply(self, document: Document) -> Document:
        """The document with the user's date (or year) when its metadata gives no date."""
        meta = document.meta
        if meta.date is not None:
            return document
        if self.date is not None:
            return replace(document, meta=replace(meta, date=self.date))
        if self.year is not None:
            return replace(document, meta=replace(meta, year=self.year))
        return document


@dataclass
class BuildReport:
    """What a build did, for the command line and for notebooks."""

    graph_path: Path | None
    resolved: Resolved
    triples: int
    skipped: list[Skipped] = field(default_factory=list)
    extra_outputs: list[Path] = field(default_factory=list)
    undated: list[str] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return len(self.resolved.documents)

    def summary(self) -> str:
        """A few lines a person reads after a build."""
        lines = [
            f"documents: {self.documents}",
            f"actors: {_tally(self.resolved.actors)}",
            f"events: {_tally(self.resolved.events)}",
            f"statements: {len(self.resolved.statements)}",
            f"triples: {self.triples}",
            ("wrote: " + ", ".join(emit.display_name(str(p)) for p in [self.graph_path, *self.extra_outputs])
             if self.graph_path else "wrote: nothing (no readable document; earlier output left as it was)"),
        ]
        lines += [f"skipped: {emit.display_name(s.path)}: {s.reason}" for s in self.skipped]
        if self.undated:
            shown = ", ".join(map(emit.display_name, self.undated[:UNDATED_SHOWN]))
            shown += " …" if len(self.undated) > UNDATED_SHOWN else ""
            lines.append(f"no year: {len(self.undated)} documents state no date or year ({shown}); their "
                         "month-day dates are left undated: give --year YYYY or --date YYYY-MM-DD")
        return "\n".join(lines)


def _tally(facts: tuple) -> str:
    """``12 (Country 3, Person 9)``: how many, and how many of each class."""
    by_class = Counter(fact.cls for fact in facts)
    return "{} ({})".format(len(facts), ", ".join(f"{k} {v}" for k, v in sorted(by_class.items())))


def _undated(analyses: list[Analysis]) -> list[str]:
    """The documents whose year could not be known (no date, no year in the text, none given)."""
    return [a.document.id for a in analyses if a.document.meta.date is None and a.document.meta.year is None]


def analyse(document: Document, catalogue: Catalogue, proposed: Iterable[ProposedName] = ()) -> Analysis:
    """Run the per-document stages on one decoded document.

    ``proposed``: names another tool found in it (the spaCy component passes a model's entities).
    """
    analysis = Analysis(document=document)
    analysis = structure.split_structure(analysis)
    analysis = actors.find_mentions(analysis, catalogue, proposed)
    analysis = events.extract_events(analysis, catalogue)
    return statements.extract_statements(analysis, catalogue)


def _analyse_path(path: Path, catalogue: Catalogue, hint: DateHint = DateHint()) -> Analysis | Skipped:
    """One file through every per-document stage, or the reason it was skipped."""
    try:
        return analyse(hint.apply(read.read_document(path)), catalogue)
    except read.UnreadableDocument as exc:
        return Skipped(str(path), exc.reason)
    except Exception as exc:  # a fault on one document, read or analysed, must not cost the rest of the corpus
        return Skipped(str(path), f"could not be analysed ({type(exc).__name__}: {exc}); please report it")


_worker_catalogue: Catalogue | None = None
_worker_hint = DateHint()


def _init_worker(catalogue: Catalogue, hint: DateHint) -> None:
    """Give a worker process the catalogue and the user's date hint once, not with every file."""
    global _worker_catalogue, _worker_hint
    _worker_catalogue, _worker_hint = catalogue, hint


def _analyse_in_worker(path: Path) -> Analysis | Skipped:
    assert _worker_catalogue is not None
    return _analyse_path(path, _worker_catalogue, _worker_hint)


def _results(files: list[Path], catalogue: Catalogue, jobs: int, hint: DateHint) -> Iterator[Analysis | Skipped]:
    """Per-file results in input order; in ``jobs`` processes when the corpus is large enough."""
    if jobs <= 1 or len(files) < PARALLEL_MIN_FILES:
        yield from (_analyse_path(path, catalogue, hint) for path in files)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(catalogue, hint)) as pool:
        yield from pool.map(_analyse_in_worker, files, chunksize=2)


def default_jobs() -> int:
    """One worker process per available core."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def analyse_files(paths: list[Path], catalogue: Catalogue, progress: bool | None = None,
                  jobs: int | None = None, hint: DateHint = DateHint()) -> tuple[list[Analysis], list[Skipped]]:
    """Read and analyse every document under ``paths``; unreadable files are skipped with a reason.

    Documents are independent until resolution, so a large corpus is analysed
    in parallel processes; results keep the input order, so output does not
    depend on scheduling.
    """
    files = read.find_documents(paths)
    show = progress if progress is not None else (sys.stderr.isatty() and len(files) >= PROGRESS_MIN_FILES)
    analyses, skipped = [], []
    results = _results(files, catalogue, default_jobs() if jobs is None else jobs, hint)
    for result in tqdm(results, total=len(files), desc="documents", unit="doc", disable=not show):
        (skipped if isinstance(result, Skipped) else analyses).append(result)
    skipped += [Skipped(str(p), "no such file or folder") for p in paths if not Path(p).exists()]
    return analyses, skipped


def build(paths: list[Path], outdir: Path, progress: bool | None = None,
          catalogue: Catalogue | None = None, network: bool = True, jobs: int | None = None,
          hint: DateHint = DateHint()) -> BuildReport:
    """Build ``outdir/graph.ttl`` from the documents under ``paths``.

    With ``network``, also ``outdir/network.html``, the interactive view that
    reads the graph just written (so it shows exactly what a user loads).
    ``jobs`` worker processes analyse the documents (default: one per core).
    ``hint`` dates the documents that state no date of their own; those that state
    no year either, and get none from ``hint``, are listed in the report.
    When no document could be read nothing is written, so a mistyped path
    never replaces a good graph with an empty one. The files are written as one
    set (:func:`graph.files.output_set`): a run that fails or is killed leaves
    the previous graph and page as they were, and a build without ``network``
    removes the page of an earlier build rather than leave it showing another graph.
    """
    catalogue = catalogue or load_catalogue()
    analyses, skipped = analyse_files(paths, catalogue, progress, jobs, hint)
    resolved = resolve.resolve(analyses, catalogue)
    if not analyses:
        return BuildReport(None, resolved, 0, skipped)
    triples = emit.emit(resolved)
    with output_set(outdir, OUTPUTS) as folder:
        write_atomic(folder / GRAPH, emit.to_turtle(triples))
        if network:
            from .viz import write_network
            write_network(load_graph(folder / GRAPH), folder / NETWORK)
    return BuildReport(Path(outdir) / GRAPH, resolved, len(triples), skipped,
                       [Path(outdir) / NETWORK] if network else [], _undated(analyses))
