"""The ordered stages of a build; no extraction logic lives here.

read → structure → actors → events → statements (per document), then
resolve (whole corpus) → emit (RDF) → write. Every failure of one document is
that document's: a path that is no document, a file that cannot be read, a fault
while analysing one (even one that ends its worker process) is reported in the
summary with its reason, and the rest of the corpus is still built.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import gc
import itertools
import os
import sys
from collections import Counter, deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import emit, read, resolve
from .cache import CATALOGUE_CACHE, AnalysisCache, DiskMemo, Memo
from .catalogue import DEFAULT_ROOT, Catalogue, load_catalogue
from .files import output_set, write_atomic
from .forked import Forked
from .model import Analysis, Document, DocumentInfo, ProposedName, Resolved, Skipped
from .resolve import Findings
from .store import STAMP, STORE, write_store
from .texts import SpilledTexts

GRAPH = "graph.ttl"
NETWORK = "network.html"
OUTPUTS = (GRAPH, NETWORK, STORE, STAMP)
"""What a build writes into its output folder; a build replaces all of them (see ``build``)."""
NETWORK_MAX_TRIPLES = 1_000_000
"""The largest graph a build draws as ``network.html`` (the wild corpus, 42 MB: 751,000 triples): the page
is made from all of the graph's facts at once (a networkx network of every node, then its JSON), so its
memory grows with the graph while the rest of the build's does not."""
PROGRESS_MIN_FILES = 20
PARALLEL_MIN_FILES = 8
IN_FLIGHT_PER_JOB = 8
"""Files handed to a worker process ahead of the result given next: enough to keep it busy, few enough to hold."""
UNDATED_SHOWN = 5
GC_YOUNG_THRESHOLD = 50_000
"""Allocations between two collections of the youngest generation during a build (Python's default: 700).

A build makes millions of objects that live until it ends (resolved facts, the
resolver's tables) and little cyclic garbage; at the default, the collector walks
the growing heap again and again (adding one document to a 10 MB corpus: 2.0 -> 1.9
CPU-s in the main process; 2.15 -> 1.85 while every analysis was held at once)."""
ENDED_ABRUPTLY = "the process analysing it ended abruptly (out of memory, or a crash inside a library); please report it"


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
    repaired: list[Skipped] = field(default_factory=list)
    """Documents built after a repair (``path``, and the repair as ``reason``)."""
    not_drawn: int | None = None
    """The graph's triples when it was too large to draw as ``network.html`` (see ``NETWORK_MAX_TRIPLES``)."""

    @property
    def documents(self) -> int:
        return len(self.resolved.documents)

    def summary(self) -> str:
        """A few lines a person reads after a build; a name that is not UTF-8 is shown with ``\\xNN`` escapes.

        Such a name (and a reason that quotes it) would otherwise hold surrogates,
        which a UTF-8 terminal or log file refuses.
        """
        lines = [
            f"documents: {self.documents}{self._counts()}",
            f"actors: {_tally(self.resolved.actors)}",
            f"events: {_tally(self.resolved.events)}",
            f"statements: {len(self.resolved.statements)}",
            f"triples: {self.triples}",
            ("wrote: " + ", ".join(str(p) for p in [self.graph_path, *self.extra_outputs])
             if self.graph_path else "wrote: nothing (no readable document; earlier output left as it was)"),
        ]
        if self.not_drawn is not None:
            lines.append(f"not written at this scale: {NETWORK} ({self.not_drawn:,} triples, over the "
                         f"{NETWORK_MAX_TRIPLES:,} a page is drawn from: drawing loads the whole graph into memory)")
        lines += [f"repaired: {r.path}: {r.reason}" for r in self.repaired]
        lines += [f"skipped: {s.path}: {s.reason}" for s in self.skipped]
        if self.undated:
            shown = ", ".join(self.undated[:UNDATED_SHOWN])
            shown += " …" if len(self.undated) > UNDATED_SHOWN else ""
            lines.append(f"no year: {len(self.undated)} documents state no date or year ({shown}); their "
                         "month-day dates are left undated: give --year YYYY or --date YYYY-MM-DD")
        return emit.display_name("\n".join(lines))


    def _counts(self) -> str:
        """`` (1 repaired; 2 skipped, listed below)``: what became of the paths that were not plainly built."""
        parts = [f"{len(self.repaired)} repaired"] if self.repaired else []
        parts += [f"{len(self.skipped)} skipped"] if self.skipped else []
        return f" ({'; '.join(parts)}, listed below)" if parts else ""


def _tally(facts: tuple) -> str:
    """``12 (Country 3, Person 9)``: how many, and how many of each class."""
    by_class = Counter(fact.cls for fact in facts)
    return "{} ({})".format(len(facts), ", ".join(f"{k} {v}" for k, v in sorted(by_class.items())))


def _undated(documents: Iterable[Document | DocumentInfo]) -> list[str]:
    """The documents whose year could not be known (no date, no year in the text, none given)."""
    return [doc.id for doc in documents if doc.meta.date is None and doc.meta.year is None]


def analyse(document: Document, catalogue: Catalogue, proposed: Iterable[ProposedName] = ()) -> Analysis:
    """Run the per-document stages on one decoded document.

    ``proposed``: names another tool found in it (the spaCy component passes a model's entities).
    The stages are imported on the first analysis, not with the build: a rebuild that takes every
    document but one from the cache analyses that one in a worker, which imports them meanwhile.
    """
    from . import actors, events, statements, structure

    analysis = Analysis(document=document)
    analysis = structure.split_structure(analysis)
    analysis = actors.find_mentions(analysis, catalogue, proposed)
    analysis = events.extract_events(analysis, catalogue)
    return statements.extract_statements(analysis, catalogue)


@dataclass(frozen=True)
class _Task:
    """What every document of a build is analysed with: the catalogue, the user's date hint, the size limit."""

    catalogue: Catalogue
    hint: DateHint = DateHint()
    max_chars: int = read.MAX_CHARS
    ids: dict[Path, str] = field(default_factory=dict)
    """Document ids other than the file's name: for files that share a name (:func:`document_ids`)."""
    cache: AnalysisCache | None = None
    keys: dict[Path, str] = field(default_factory=dict)
    """The cache key of each file to analyse; its findings are stored under it."""

    def settings(self) -> str:
        """What besides the file and the version of jishi decides an analysis: part of its cache key."""
        return f"{self.hint!r}\0{self.max_chars}"

    def keep(self, path: Path, result: Findings | Skipped) -> Findings | Skipped:
        """``result``, stored in the cache first when it is findings the cache waits for (``path`` in ``keys``)."""
        if self.cache is not None and path in self.keys and isinstance(result, Findings):
            self.cache.put(self.keys[path], result)
        return result


def document_ids(files: list[Path]) -> dict[Path, str]:
    """Ids for the files whose names other files of the corpus share: the path below their common folder.

    A document's id is its file name, and its IRI and its evidence IRIs are made
    from it; two ``x.txt`` from different folders would become one document
    whose quotes point into either text. Each file of such a group is told
    apart by its path from the folder the group shares (``a/x.txt``,
    ``b/x.txt``), whatever order the paths were given in; other files keep
    their name.

    >>> document_ids([Path("语料/甲/x.txt"), Path("语料/乙/x.txt"), Path("语料/y.txt")])
    {PosixPath('语料/甲/x.txt'): '甲/x.txt', PosixPath('语料/乙/x.txt'): '乙/x.txt'}
    """
    groups: dict[str, list[Path]] = {}
    for path in files:
        groups.setdefault(path.name, []).append(path)
    ids = {}
    for group in groups.values():
        if len(group) > 1:
            root = os.path.commonpath([path.absolute().parent for path in group])
            ids.update({path: path.absolute().relative_to(root).as_posix() for path in group})
    return ids


def document_texts(paths: list[Path]) -> dict[str, str]:
    """The text of every document under ``paths``, by the identifier a build gives it.

    For a page written from a saved graph (``jishi viz --documents``), so that
    its evidence is shown in whole sentences as the build's own page shows it.
    A file that cannot be read is left out: its quotes are then shown alone.
    """
    files = read.find_documents(paths)
    ids = document_ids(files)
    texts = {}
    for path in files:
        try:
            texts[emit.display_name(ids.get(path, path.name))] = read.read_document(path).raw
        except read.UnreadableDocument:
            continue
    return texts


def _analyse_path(path: Path, task: _Task) -> Findings | Skipped:
    """One file through every per-document stage, or the reason it was skipped."""
    try:
        document = read.read_document(path, task.max_chars)
        if path in task.ids:
            document = replace(document, id=task.ids[path])
        found = resolve.findings(analyse(task.hint.apply(document), task.catalogue), task.catalogue)
    except read.UnreadableDocument as exc:
        return Skipped(str(path), exc.reason)
    except Exception as exc:  # a fault on one document, read or analysed, must not cost the rest of the corpus
        return _fault(path, exc)
    return task.keep(path, found)  # folded and stored by the worker: that work is spread over the cores


def _fault(path: Path, exc: BaseException) -> Skipped:
    """The summary's line for a fault of jishi's on one document, which the user can report."""
    return Skipped(str(path), f"could not be analysed ({type(exc).__name__}: {exc}); please report it")


_worker_task: _Task | None = None


def _init_worker(task: _Task) -> None:
    """Give a worker process the catalogue, date hint and size limit once, not with every file."""
    global _worker_task
    _worker_task = task


def _analyse_in_worker(path: Path) -> Findings | Skipped:
    assert _worker_task is not None
    return _analyse_path(path, _worker_task)


def _results(files: list[Path], task: _Task, jobs: int, beside: bool = False) -> Iterator[Findings | Skipped]:
    """Per-file results in input order; in ``jobs`` processes when the corpus is large enough, or ``beside``.

    ``beside``: this process has other work meanwhile (reading cached analyses), so even
    one file goes to a worker, started now: adding a document to a 10 MB corpus analysed it
    here after the 1,464 cached ones were read, and its first analysis sets up the lexicon
    (0.18 CPU-s, the document itself 0.003), which the worker does while the cache is read.

    A worker process that ends abruptly (killed for memory, a crash inside a C
    library) breaks its whole pool: the files that pool was analysing are then
    tried one at a time, each in a process of its own, so that only the one
    that ends its process is skipped; the rest go on in a new pool.
    """
    if jobs <= 1 or not files or (len(files) < PARALLEL_MIN_FILES and not beside):
        return (_analyse_path(path, task) for path in files)
    jobs = min(jobs, len(files))
    return _retried(files, task, jobs, _pooled(files, task, jobs))


def _retried(files: list[Path], task: _Task, jobs: int,
             pooled: Generator[Findings | Skipped, None, int]) -> Iterator[Findings | Skipped]:
    """The results of ``pooled`` (``files`` in a pool), then of the files after a break, each suspect alone."""
    remaining = list(files)
    while True:
        done = yield from pooled
        suspects = remaining[done:done + jobs + 1]   # a pool hands each worker one file, and queues one more
        yield from (_alone(path, task) for path in suspects)
        remaining = remaining[done + len(suspects):]
        if not remaining:
            return
        pooled = _pooled(remaining, task, jobs)


def _pooled(files: list[Path], task: _Task, jobs: int) -> Generator[Findings | Skipped, None, int]:
    """Results of ``files`` from a pool of ``jobs`` processes, in order, until the pool breaks;
    the generator returns how many were given.

    The pool starts, and its first files are handed out, when this is called, not
    when the first result is asked for: the caller may read cached analyses meanwhile.
    At most ``IN_FLIGHT_PER_JOB`` files a worker are handed out ahead of the one
    given next, and a result is let go once given: were every file submitted at
    once, each finished result would wait in its future for the whole corpus.
    """
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(task,))
    ahead = iter(files)
    try:
        waiting = deque(pool.submit(_analyse_in_worker, path)
                        for path in itertools.islice(ahead, IN_FLIGHT_PER_JOB * jobs))
    except BaseException:
        pool.shutdown(cancel_futures=True)
        raise
    return _given(pool, files, ahead, waiting)


def _given(pool: ProcessPoolExecutor, files: list[Path], ahead: Iterator[Path],
           waiting: deque[Future]) -> Generator[Findings | Skipped, None, int]:
    """The results of ``waiting`` in order, handing ``ahead``'s files out one by one as they go (see :func:`_pooled`)."""
    with pool:
        for done, path in enumerate(files):
            if not waiting or isinstance(waiting[0].exception(), BrokenProcessPool):
                for future in waiting:
                    future.cancel()
                return done
            future = waiting.popleft()
            for following in itertools.islice(ahead, 1):
                with contextlib.suppress(BrokenProcessPool):  # the futures waiting report the break
                    waiting.append(pool.submit(_analyse_in_worker, following))
            yield _outcome(path, future)
            del future
    return len(files)


def _alone(path: Path, task: _Task) -> Findings | Skipped:
    """One file analysed in a process of its own: skipped if that process ends abruptly."""
    with ProcessPoolExecutor(max_workers=1, initializer=_init_worker, initargs=(task,)) as pool:
        future = pool.submit(_analyse_in_worker, path)
        if isinstance(future.exception(), BrokenProcessPool):
            return Skipped(str(path), ENDED_ABRUPTLY)
        return _outcome(path, future)


def _outcome(path: Path, future: Future) -> Findings | Skipped:
    """A finished worker's result; a fault in handing it back (one that cannot be pickled) skips the file."""
    exc = future.exception()
    return _fault(path, exc) if exc is not None else future.result()


Engine = Callable[[list[Path], _Task], Iterable[Findings | Skipped]]
"""Where the documents are analysed: given the files and the task, one result per file, in the files' order.

The default is :func:`_results` (this machine's processes); :class:`graph.cluster.DaskEngine`
runs them on a Dask cluster. Resolution and emit do not depend on which ran them.
"""


def default_jobs() -> int:
    """One worker process per available core."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def analyse_files(paths: list[Path], catalogue: Catalogue, take: Callable[[Findings], None],
                  progress: bool | None = None, jobs: int | None = None, hint: DateHint = DateHint(),
                  max_chars: int = read.MAX_CHARS,
                  cache: AnalysisCache | None = None,
                  engine: Engine | None = None) -> tuple[list[Skipped], list[Skipped]]:
    """Read and analyse every document under ``paths``, handing each one's findings to ``take`` as they come.

    Returns every path that was not built with its reason (sorted), and the
    repairs reading made to built documents (``reason`` the repair). Documents
    are independent until resolution, so a large corpus is analysed in parallel
    processes; results come in input order, so output does not depend on
    scheduling, and none is held here once taken (a :class:`graph.resolve.Resolver`
    keeps what it needs of each). With a ``cache`` (:mod:`graph.cache`), a
    document analysed before with the same bytes, name, settings and version
    of jishi is taken from it, and the findings of every new analysis are stored in it
    (:class:`graph.resolve.Findings`: what resolution takes, folded in the worker).
    """
    files, skipped = read.survey_documents(paths)
    show = progress if progress is not None else (sys.stderr.isatty() and len(files) >= PROGRESS_MIN_FILES)
    repaired = []
    task = _Task(catalogue, hint, max_chars, document_ids(files), cache)
    keys = _cache_keys(files, task)
    hits = {path: key for path, key in keys.items() if cache.holds(key)} if cache else {}
    task = replace(task, keys=keys)
    todo = [path for path in files if path not in hits]
    fresh = engine(todo, task) if engine is not None else _results(
        todo, task, default_jobs() if jobs is None else jobs, beside=len(hits) >= PARALLEL_MIN_FILES)
    results = _in_order(files, hits, fresh, task)
    for path, result in zip(files, _progress(results, len(files)) if show else results, strict=True):
        if isinstance(result, Skipped):
            skipped.append(result)
        else:
            take(result)
            repaired += [Skipped(str(path), note) for note in result.notes]
    return sorted(skipped, key=lambda s: s.path), repaired


def _progress(results: Iterator[Findings | Skipped], total: int) -> Iterator[Findings | Skipped]:
    """``results`` behind the documents' progress bar; tqdm is imported only when a bar is shown.

    Its import took 0.02-0.04 s of every rebuild's path to the page's fork (``--no-progress``,
    or output not to a terminal). The bar runs without tqdm's monitor thread: a process running
    another thread is not forked to draw the page beside the graph (:func:`graph.forked.can_fork`),
    and the monitor only tunes how often a stalled bar redraws.
    """
    from tqdm import tqdm

    class Progress(tqdm):
        monitor_interval = 0

    return Progress(results, total=total, desc="documents", unit="doc")


def _cache_keys(files: list[Path], task: _Task) -> dict[Path, str]:
    """The cache key of every file that has one (none without a cache, or for a file that cannot be read)."""
    if task.cache is None:
        return {}
    settings, max_bytes = task.settings(), read.MAX_BYTES_PER_CHAR * task.max_chars
    keys = {path: task.cache.key(path, task.ids.get(path, path.name), settings, max_bytes) for path in files}
    return {path: key for path, key in keys.items() if key is not None}


def _in_order(files: list[Path], hits: dict[Path, str], fresh: Iterator[Findings | Skipped],
              task: _Task) -> Iterator[Findings | Skipped]:
    """The result of every file in input order: from the cache, else the next one analysed.

    Cached findings are read when their turn comes, so a rebuild never holds them all; an
    entry that cannot be read back after all (damaged) is analysed here, and stored again.
    """
    for path in files:
        if path not in hits:
            yield next(fresh)
        elif (found := task.cache.get(hits[path]) if task.cache else None) is not None:
            yield found
        else:
            yield _analyse_path(path, task)


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    """Collect cyclic garbage less often while inside (see :data:`GC_YOUNG_THRESHOLD`), as before after."""
    before = gc.get_threshold()
    gc.set_threshold(GC_YOUNG_THRESHOLD, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


@_fewer_collections()
def build(paths: list[Path], outdir: Path, progress: bool | None = None,
          catalogue: Catalogue | None = None, network: bool = True, jobs: int | None = None,
          hint: DateHint = DateHint(), max_chars: int = read.MAX_CHARS, store: bool = True,
          cache: bool = True, engine: Engine | None = None) -> BuildReport:
    """Build ``outdir/graph.ttl`` from the documents under ``paths``.

    With ``network``, also ``outdir/network.html``, the interactive view that
    reads the graph just written (so it shows exactly what a user loads), with
    the documents' texts so that each quote is shown in its sentence, unless
    the graph has more than ``NETWORK_MAX_TRIPLES`` triples (the summary says so).
    With ``store``, also ``outdir/store/``, the graph bulk-loaded into an
    on-disk Oxigraph store that ``query`` and ``serve`` open instead of
    parsing the graph (see :mod:`graph.store`).
    With ``cache``, the analyses of documents are kept in ``outdir/.cache/`` and a
    document unchanged since an earlier build is not analysed again (see :mod:`graph.cache`),
    and the page keeps its layouts and script conversions for the next build, the graph its
    documents' evidence written as Turtle (:class:`graph.cache.DiskMemo`);
    only with the catalogue of ``ontology/``, which the cache's version covers.
    ``jobs`` worker processes analyse the documents (default: one per core), or
    ``engine`` does (a Dask cluster: :class:`graph.cluster.DaskEngine`).
    ``hint`` dates the documents that state no date of their own; those that state
    no year either, and get none from ``hint``, are listed in the report.
    A document longer than ``max_chars`` characters is skipped (see ``read.MAX_CHARS``).
    When no document could be read nothing is written, so a mistyped path
    never replaces a good graph with an empty one. The files are written as one
    set (:func:`graph.files.output_set`): a run that fails or is killed leaves
    the previous graph, page and store as they were, and a build without ``network``
    (or ``store``) removes the page (store) of an earlier build rather than leave it
    showing another graph.
    """
    cached = AnalysisCache.open(outdir) if cache and catalogue is None else None
    catalogue = catalogue or _catalogue(outdir, cached)
    with SpilledTexts() as texts:
        resolver = resolve.Resolver(catalogue, texts)
        skipped, repaired = analyse_files(paths, catalogue, resolver.add, progress, jobs, hint, max_chars,
                                          cached, engine)
        resolved = resolver.resolved()
        if not resolved.documents:
            return BuildReport(None, resolved, 0, skipped)
        triples = Counter()
        with output_set(outdir, OUTPUTS) as folder:
            def draw() -> None:
                _draw(resolved, texts, folder / NETWORK, Memo.open(outdir, cached.version) if cached else None)

            with _page_beside(draw, resolved, texts, network) as page:
                with DiskMemo.open(outdir, cached.version) if cached else contextlib.nullcontext() as turtle:
                    write_atomic(folder / GRAPH,
                                 emit.turtle_chunks(_counted(emit.emit_blocks(resolved, turtle), triples)))
                    if turtle is not None:
                        turtle.save()
                drawn = network and triples["triples"] <= NETWORK_MAX_TRIPLES
                if not drawn:
                    page.stop()
                if store:
                    write_store(folder / GRAPH, previous=Path(outdir) / GRAPH)
                page.wait()
    extra = [Path(outdir) / NETWORK] if drawn else []
    return BuildReport(Path(outdir) / GRAPH, resolved, triples["triples"], skipped,
                       extra + ([Path(outdir) / STORE] if store else []), _undated(resolved.documents), repaired,
                       triples["triples"] if network and not drawn else None)


def _catalogue(outdir: Path, cached: AnalysisCache | None) -> Catalogue:
    """The package's catalogue, kept in ``outdir``'s memo for this version of jishi and of OpenCC (with a cache).

    Reading the actor tables and converting their aliases to Simplified took 0.05 CPU-s
    of every rebuild before the page's fork; unpickling it takes 0.005. The key is the
    catalogue's folder, which the version (a hash of the files, not of where they are) leaves out.
    """
    if cached is None:
        return load_catalogue()
    memo = Memo.open(outdir, cached.version, CATALOGUE_CACHE, libraries=("opencc-python-reimplemented",))
    catalogue = memo.get("catalogue", str(DEFAULT_ROOT), load_catalogue)
    memo.save()
    return catalogue


def _page_beside(draw: Callable[[], None], resolved: Resolved, texts: SpilledTexts, network: bool) -> Forked:
    """The page, drawn in a forked process while this one writes the graph and its store (:mod:`graph.forked`),
    or here when waited for; never started without ``network`` or for a graph surely too large to draw.

    Whether the page is drawn is known only once the graph is written and its triples
    counted (``NETWORK_MAX_TRIPLES``); a page started for a graph that turns out larger is
    stopped then. :func:`graph.emit.fewest_triples` keeps it from being started for a graph far
    over the limit, whose page would take memory while the graph is written.
    """
    fork = network and emit.fewest_triples(resolved) <= NETWORK_MAX_TRIPLES
    if fork:
        texts.flush()  # the child reads the texts' file: no buffered write of ours may be left for it to repeat
    return Forked(draw, NETWORK, fork=fork)


def _draw(resolved: Resolved, texts: SpilledTexts, path: Path, memo: Memo | None) -> None:
    """Write the page of ``resolved`` to ``path``, from its facts (not the Turtle read back); keep ``memo`` for the next."""
    from .resolved_net import event_network_of
    from .viz import write_network

    whole = {doc.id: texts.text(doc.id) for doc in resolved.documents}
    page_texts = {emit.display_name(doc_id): text for doc_id, text in whole.items()}  # the page's sentences
    write_network(event_network_of(resolved, whole, actor_evidence=False), path, texts=page_texts, memo=memo)
    if memo is not None:
        memo.save()


def _counted(blocks: Iterable[emit.SubjectBlock | emit.Written],
             tally: Counter) -> Iterator[emit.SubjectBlock | emit.Written]:
    """``blocks`` as they are, counting their triples into ``tally["triples"]`` as they pass."""
    for block in blocks:
        tally["triples"] += block.triples if isinstance(block, emit.Written) else len(block[1])
        yield block
