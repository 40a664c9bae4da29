"""Reading saved graphs and writing files atomically, one by one or as a set.

Everything after ``emit`` works on a saved ``graph.ttl``; every writer goes
through :func:`write_atomic` so that an interrupted run never leaves a
half-written file where a good one stood. ``jishi build`` writes files that
belong together (the graph and the page that shows it) through
:func:`output_set`, so that they are replaced together or not at all.

Temporaries carry ``jishi`` and the id of the process that made them, so the
next build can tell its own leftovers (from a run that was killed) from the
files of a run still going, and removes only those.
"""
from __future__ import annotations

import contextlib
import glob
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import GraphFileError, OutputPathError

if TYPE_CHECKING:
    import rdflib

OURS = ".jishi-"
"""How the temporary folders of :func:`output_set` begin; nothing a user names begins so."""
_STAGE = re.compile(r"\.jishi-(?P<of>.*)-(?P<kind>new|old)-(?P<pid>\d+)-[^-]+")
"""A sibling folder of an output folder: a set being written (new) or the set it replaced (old)."""
_IN_PLACE = re.compile(r"\.jishi-stage-(?P<pid>\d+)-[^-]+")
"""A set being written inside an output folder that cannot be swapped (a mount point, the current folder)."""
_TEMP_FILE = re.compile(r"\..*\.jishi-(?P<pid>\d+)-[^.]+\.tmp")
"""A file being written by :func:`write_atomic`."""
_LEGACY_TEMP = r"\.{name}\.[a-z0-9_]{{8}}\.tmp"
"""What :func:`write_atomic` named its temporaries before they carried a process id."""
MAX_REASON = 200
"""Characters of a parser's message kept in a one-line error."""


def write_atomic(path: str | os.PathLike, data: str | bytes | Iterable[str]) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename.

    Text is written as UTF-8. ``data`` may also be pieces of text, written one by
    one as they come, so that a large graph never stands in memory as one text.
    Returns the final path.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    pieces = [data] if isinstance(data, (str, bytes)) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name[:100]}.jishi-{os.getpid()}-", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            for piece in pieces:
                handle.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


@contextlib.contextmanager
def output_set(outdir: str | os.PathLike, names: Collection[str]) -> Iterator[Path]:
    """A folder to write a set of files into; on leaving, they replace ``outdir``'s files of ``names`` at once.

    The set is written into a new hidden folder beside ``outdir``, which then
    takes ``outdir``'s place by rename: a reader sees the old set or the new one,
    never a new ``graph.ttl`` next to a stale ``network.html``, and a run killed
    at any point leaves the old set as it was. Other entries of ``outdir`` (an
    export, the user's notes) are moved into the new folder. Where ``outdir`` can
    not be renamed (a mount point, the current folder, a parent that is not
    writable) the set is written inside it, the old files of ``names`` are
    removed and the new ones renamed in: never mixed, though for a moment absent.
    An error inside the block leaves ``outdir`` untouched. Leftovers of a killed
    run are removed first (:func:`remove_stale`).

    >>> with output_set("out", ["graph.ttl"]) as folder:          # doctest: +SKIP
    ...     write_atomic(folder / "graph.ttl", "@prefix jishi: <https://w3id.org/jishi/ontology#> .\\n")
    """
    real = Path(outdir).resolve()
    real.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(real, names)
    stage = _stage_folder(real)
    try:
        yield stage
        if stage.parent == real:
            _replace_in_place(stage, real, names)
        elif real.exists():
            _swap(stage, real, names)
        else:
            os.rename(stage, real)
        _fsync_folder(real.parent)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _stage_folder(real: Path) -> Path:
    """A new, empty folder for the set: beside ``real`` when ``real`` can be swapped, else inside it."""
    mode = stat.S_IMODE(real.stat().st_mode) if real.is_dir() else 0o777 & ~_umask()
    if not (real.is_mount() or _holds_cwd(real)):
        with contextlib.suppress(OSError):
            return _new_folder(real.parent, f"{OURS}{real.name}-new-{os.getpid()}-", mode)
    real.mkdir(exist_ok=True)
    return _new_folder(real, f"{OURS}stage-{os.getpid()}-", mode)


def _holds_cwd(real: Path) -> bool:
    """Whether this process stands in ``real`` (so, most likely, does the shell that started it)."""
    try:
        return Path.cwd().is_relative_to(real)
    except FileNotFoundError:  # the current folder was removed
        return False


def _new_folder(parent: Path, prefix: str, mode: int) -> Path:
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    os.chmod(folder, mode)
    return folder


def _swap(stage: Path, real: Path, names: Collection[str]) -> None:
    """Put ``stage`` where ``real`` is; move the entries of ``real`` that are not in the set across."""
    old = Path(tempfile.mkdtemp(prefix=f"{OURS}{real.name}-old-{os.getpid()}-", dir=real.parent))
    try:
        os.rename(real, old)  # onto the empty folder just made: a name no other run holds
    except BaseException:
        old.rmdir()
        raise
    try:
        os.rename(stage, real)
    except BaseException:
        os.rename(old, real)
        raise
    _carry_over(old, real, names)
    shutil.rmtree(old)


def _carry_over(old: Path, real: Path, names: Collection[str]) -> None:
    """Move what the user keeps in an output folder from its old self into its new one."""
    for entry in sorted(os.listdir(old)):
        if entry not in names and not (real / entry).exists():
            os.rename(old / entry, real / entry)


def _replace_in_place(stage: Path, real: Path, names: Collection[str]) -> None:
    """Within one folder: remove every old file (or folder: a store) of the set, then rename the new ones in."""
    for name in names:
        old = real / name
        shutil.rmtree(old) if old.is_dir() and not old.is_symlink() else old.unlink(missing_ok=True)
    for entry in sorted(os.listdir(stage)):
        os.rename(stage / entry, real / entry)


def remove_stale(real: Path, names: Collection[str]) -> list[Path]:
    """Remove what killed runs left beside and inside the output folder ``real``; return what went.

    Only names of ours count, and only those of a process that no longer runs
    (a build still writing keeps its own). A set that was swapped out when the
    run died gives back the user's entries it held, or, when ``real`` is gone,
    becomes ``real`` again.
    """
    removed = []
    for entry in sorted(real.parent.glob(f"{glob.escape(OURS + real.name)}-*")):
        match = _STAGE.fullmatch(entry.name)
        if not match or match["of"] != real.name or _running(int(match["pid"])):
            continue
        if match["kind"] == "old" and not real.exists():
            os.rename(entry, real)
            continue
        if match["kind"] == "old":
            _carry_over(entry, real, names)
        shutil.rmtree(entry, ignore_errors=True)
        removed.append(entry)
    if real.is_dir():
        legacy = re.compile("|".join(_LEGACY_TEMP.format(name=re.escape(name)) for name in names))
        for entry in sorted(real.iterdir()):
            match = _IN_PLACE.fullmatch(entry.name) or _TEMP_FILE.fullmatch(entry.name)
            if (match and not _running(int(match["pid"]))) or legacy.fullmatch(entry.name):
                shutil.rmtree(entry, ignore_errors=True) if entry.is_dir() else entry.unlink(missing_ok=True)
                removed.append(entry)
    return removed


def _running(pid: int) -> bool:
    """Whether a process with this id runs (this one included); one of another user's counts as running."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _fsync_folder(folder: Path) -> None:
    """Make the renames in ``folder`` durable, so that a power cut does not undo half of them."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _umask() -> int:
    """The process's umask (read by setting it, then restoring it)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def load_graph(path: str | os.PathLike, fast: bool = True) -> rdflib.Graph:
    """Load a saved graph; ``fast`` holds it in the Oxigraph store (oxrdflib).

    rdflib's default memory store is an order of magnitude slower to parse and
    query, so it is only used when asked for (benchmarks compare the two).

    Raises
    ------
    FileNotFoundError, IsADirectoryError
        When there is no file at ``path``.
    GraphFileError
        When the file is empty, not UTF-8, or not parseable, with the parser's reason in one line.
    """
    import rdflib  # here, not above: query and serve, which read the saved store, never load it

    path = check_graph_file(path)
    graph = rdflib.Graph(store="Oxigraph") if fast else rdflib.Graph()
    fmt = rdflib.util.guess_format(str(path)) or "turtle"
    if fast:
        fmt = _native_format(fmt)
    try:
        graph.parse(str(path), format=fmt)
    except (SyntaxError, ValueError) as exc:  # rdflib's BadSyntax is a SyntaxError, UnicodeDecodeError a ValueError
        raise GraphFileError(path, f"cannot be parsed as {fmt.title()}: {parse_reason(exc)}") from exc
    return graph


def _native_format(fmt: str) -> str:
    """Oxigraph's own parser for ``fmt`` when oxrdflib has one (``ox-turtle``): it fills the
    Oxigraph store about 7x faster than rdflib's parser (wild graph, 750k triples: 3.2 against
    24.4 CPU-s), which is most of what drawing the page after a build costs."""
    from rdflib import plugin
    from rdflib.parser import Parser

    try:
        plugin.get(f"ox-{fmt}", Parser)
    except plugin.PluginException:
        return fmt
    return f"ox-{fmt}"


def oxigraph_format(path: Path) -> "pyoxigraph.RdfFormat":
    """The Oxigraph format of a graph file, from its extension (Turtle when it names none)."""
    import pyoxigraph as ox

    return ox.RdfFormat.from_extension(path.suffix.lstrip(".")) or ox.RdfFormat.TURTLE


def check_graph_file(path: str | os.PathLike) -> Path:
    """``path`` if it is a non-empty file, else the reason why not.

    Every reader of a graph (rdflib, pyoxigraph, the ``oxigraph`` server)
    words a missing file differently, and reads an empty one as an empty
    graph, so ``query`` and ``serve`` would answer nothing without a word;
    this one check names the file and the reason the same way for all.

    >>> check_graph_file("no/such/graph.ttl")
    Traceback (most recent call last):
    FileNotFoundError: no/such/graph.ttl: no such graph file (run `jishi build` first)
    """
    path = Path(path)
    if path.is_dir():
        raise IsADirectoryError(f"{path}: is a folder, not a graph file")
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such graph file (run `jishi build` first)")
    if path.stat().st_size == 0:
        raise GraphFileError(path, "empty file, not a graph (run `jishi build` again)")
    return path


def parse_reason(exc: BaseException) -> str:
    """A parser's message on one line and cut to :data:`MAX_REASON` characters.

    rdflib quotes the rest of the input after its ``at ^ in:``; the line and
    what was expected come before it.

    >>> parse_reason(SyntaxError("at line 1 of <>:\\nBad syntax (expected directive) at ^ in:\\n'hello'"))
    'at line 1 of <>: Bad syntax (expected directive)'
    """
    message = getattr(exc, "msg", None) if isinstance(exc, SyntaxError) else None  # without "(file, line N)"
    text = " ".join((message if isinstance(message, str) and message else str(exc)).split())
    text = re.sub(r"\s*at \^ in:.*$", "", text)
    return text if len(text) <= MAX_REASON else text[:MAX_REASON] + "…"


def check_output_folder(folder: str | os.PathLike) -> Path:
    """``folder`` if it is, or can be created as, a folder this process can write into.

    Checked before an analysis starts, so that a bad ``-o`` fails at once in one
    line instead of with a traceback after the whole run. Nothing is created:
    the nearest folder that exists must be writable (``os.access`` also sees a
    read-only file system, for root too).

    >>> check_output_folder("README.md/out")
    Traceback (most recent call last):
    graph.errors.OutputPathError: README.md/out: cannot be created: README.md is a file, not a folder
    """
    folder = Path(folder)
    existing = next(p for p in (folder, *folder.parents, Path(".")) if p.exists())
    where = "" if existing == folder else f"cannot be created: {existing} "
    if not existing.is_dir():
        raise OutputPathError(folder, f"{where}is a file, not a folder")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise OutputPathError(folder, f"{where}is not writable")
    return folder


def check_output_file(path: str | os.PathLike) -> Path:
    """``path`` if a file can be written there: not a folder, and its folder writable or creatable."""
    path = Path(path)
    if path.is_dir():
        raise OutputPathError(path, "is a folder; give a file name")
    check_output_folder(path.parent)
    return path
