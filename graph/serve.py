"""A read-only SPARQL 1.1 Protocol endpoint over a saved graph, for any SPARQL client.

The server is Oxigraph's own (the ``oxigraph`` command from the PyPI package
of that name): it implements the SPARQL 1.1 Protocol (GET and POST queries,
content negotiation of the result formats) and, in ``serve-read-only`` mode,
refuses updates. It serves the store the build saved beside the graph
(``store/``, see :mod:`graph.store`) when that store holds this graph file, so
a large graph is up in seconds; otherwise the graph is first loaded into a
throw-away database folder, removed again when the server stops, whether by
Ctrl-C (SIGINT), SIGTERM or SIGHUP. Each query has a time limit (``--timeout-s`` of the server): Oxigraph
checks it while it evaluates and answers "The SPARQL operation has been
cancelled" once it is spent.

>>> from graph.serve import start_server
>>> with start_server("out/graph.ttl", port=7878) as server:   # doctest: +SKIP
...     print(server.endpoint)
http://127.0.0.1:7878/query
"""
from __future__ import annotations

import errno
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from .errors import GraphFileError, JishiError
from .files import check_graph_file, oxigraph_format
from .store import usable_store

__all__ = ["Server", "ServerError", "start_server", "serve", "oxigraph_command", "QUERY_TIMEOUT"]

READY_QUERY = "ASK { ?s ?p ?o }"
QUERY_TIMEOUT = 30
"""Seconds a query may run before the server cancels it (``jishi serve --timeout``)."""
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
"""Signals that end ``serve`` cleanly: Ctrl-C, a service manager's stop, a closed terminal. SIGINT is
set too because a shell starts a background job with it ignored, and ``kill -INT`` should still stop it."""
_QUIET_RUST = {"RUST_BACKTRACE": "0"}
"""The ``oxigraph`` command prints a Rust stack trace under its errors when RUST_BACKTRACE is set."""


class ServerError(JishiError, RuntimeError):
    """The server could not start, or stopped by itself: the port, the binary, or its own message."""


def oxigraph_command() -> str:
    """The ``oxigraph`` executable: beside this Python (a virtual environment), else on PATH."""
    beside = Path(sys.executable).with_name("oxigraph")
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise ServerError("the `oxigraph` server is not installed: pip install oxigraph")


@dataclass
class Server:
    """A running endpoint; stop it with :meth:`stop` or use it as a context manager."""

    host: str
    port: int
    process: subprocess.Popen
    workdir: tempfile.TemporaryDirectory
    log: Path = field(init=False)

    def __post_init__(self) -> None:
        self.log = Path(self.workdir.name) / "server.log"

    def log_tail(self, lines: int = 3) -> str:
        """The last lines the server wrote, on one line: why it stopped."""
        text = self.log.read_text(errors="replace") if self.log.is_file() else ""
        return " | ".join(text.strip().splitlines()[-lines:]) or "no message"

    @property
    def endpoint(self) -> str:
        """The SPARQL query endpoint (``/query``); ``/`` serves a YASGUI page."""
        return f"http://{self.host}:{self.port}/query"

    def stop(self) -> None:
        """Stop the server and remove its database folder."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.workdir.cleanup()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def start_server(graph_path: str | os.PathLike, host: str = "127.0.0.1", port: int = 7878,
                 timeout: float = 60.0, query_timeout: int = QUERY_TIMEOUT,
                 notes: list[str] | None = None) -> Server:
    """Serve ``graph_path`` read-only on ``host:port``: from its build's saved store, else a temporary one.

    When the saved store beside the graph does not hold this graph file, the
    file is loaded into a temporary Oxigraph database and why the saved store
    was passed over is appended to ``notes``. Returns once the endpoint answers a query. Each query is cancelled after
    ``query_timeout`` seconds. Raises ``FileNotFoundError`` or
    :class:`~graph.errors.GraphFileError` for a missing, empty or unparseable
    graph, :class:`ServerError` if the port is taken, if the server exits first
    (with its own message), or if it does not answer within ``timeout`` seconds.
    """
    graph = check_graph_file(graph_path)
    _check_port(host, port)
    saved, why_not = usable_store(graph)
    if why_not and notes is not None:
        notes.append(why_not)
    workdir = tempfile.TemporaryDirectory(prefix="jishi-serve-")  # the log, and the database if none is saved
    database = saved or Path(workdir.name) / "db"
    try:
        if saved is None:
            _load(graph, database)
        log = open(Path(workdir.name) / "server.log", "wb")
        process = subprocess.Popen(
            [oxigraph_command(), "serve-read-only", "--location", str(database), "--bind", f"{host}:{port}",
             "--timeout-s", str(query_timeout)],
            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, env=os.environ | _QUIET_RUST,
        )
        log.close()
    except BaseException:
        workdir.cleanup()
        raise
    server = Server(host, port, process, workdir)
    try:
        _wait_until_ready(server, timeout)
    except BaseException:  # also Ctrl-C or SIGTERM while waiting: no server or database left behind
        server.stop()
        raise
    return server


def serve(graph_path: str | os.PathLike, host: str = "127.0.0.1", port: int = 7878,
          query_timeout: int = QUERY_TIMEOUT) -> None:
    """Serve until Ctrl-C, SIGTERM or SIGHUP, then stop the server and remove its database; ``jishi serve``.

    Raises :class:`ServerError` with the server's log if it stops by itself.
    """
    previous = {signum: signal.signal(signum, _interrupt) for signum in STOP_SIGNALS}
    notes: list[str] = []
    try:
        with start_server(graph_path, host, port, query_timeout=query_timeout, notes=notes) as server:
            for note in notes:
                print(f"note: {note}", file=sys.stderr, flush=True)
            print(f"SPARQL endpoint: {server.endpoint} (read-only; query page at http://{host}:{port}/; "
                  f"queries time out after {query_timeout} s); Ctrl-C stops", flush=True)
            code = server.process.wait()
            if code != -signal.SIGINT:  # Ctrl-C in a terminal reaches the server too: a normal stop
                raise ServerError(f"the SPARQL server stopped by itself (exit status {code}): "
                                  f"{server.log_tail()}")
    except KeyboardInterrupt:
        pass
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _interrupt(signum: int, frame) -> None:
    """A stop signal, raised as Ctrl-C is, so that the ``with`` block stops the server and cleans up.

    Further stop signals are ignored from here on: a second Ctrl-C or SIGTERM
    must not cut the clean-up short (``serve`` restores the handlers after it).
    """
    for stop in STOP_SIGNALS:
        signal.signal(stop, signal.SIG_IGN)
    raise KeyboardInterrupt(signal.Signals(signum).name)


def _check_port(host: str, port: int) -> None:
    """Fail unless ``host:port`` can be bound, so that readiness is never confused with another server.

    SO_REUSEADDR, as the server itself binds: a port whose last connections are
    still in TIME_WAIT (a server just stopped) is free for it.
    """
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise ServerError(f"{host}:{port} is already in use; choose another --port") from exc
            raise ServerError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc


def _load(graph: Path, database: Path) -> None:
    """``oxigraph load``: bulk-load the graph file into a new database folder.

    The format is given, not guessed from the extension (``oxigraph load``
    stops on a name it does not know); its parse error becomes a
    :class:`GraphFileError` that names the file, line and column.
    """
    fmt = oxigraph_format(graph)
    done = subprocess.run([oxigraph_command(), "load", "--location", str(database), "--format", fmt.media_type,
                           "--file", str(graph)], capture_output=True, text=True, env=os.environ | _QUIET_RUST)
    failed = re.search(rf"^Error while loading file {re.escape(str(graph))}: (.+)$", done.stderr, re.M)
    if done.returncode != 0 or failed:
        reason = failed.group(1) if failed else (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise GraphFileError(graph, f"cannot be loaded as {fmt.name}: {reason}")


def _wait_until_ready(server: Server, timeout: float) -> None:
    """Poll the endpoint until it answers; fail with the server's log if it exits or stays silent."""
    url = server.endpoint + "?" + urllib.parse.urlencode({"query": READY_QUERY})
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise ServerError(f"the SPARQL server stopped: {server.log_tail()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    raise ServerError(f"the SPARQL server did not answer on {server.endpoint} within {timeout:.0f} s")
