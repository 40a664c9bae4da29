"""A read-only SPARQL 1.1 Protocol endpoint over a saved graph, for any SPARQL client.

The server is Oxigraph's own (the ``oxigraph`` command from the PyPI package
of that name): it implements the SPARQL 1.1 Protocol (GET and POST queries,
content negotiation of the result formats) and, in ``serve-read-only`` mode,
refuses updates. The graph is first loaded into a throw-away database folder,
removed again when the server stops.

>>> from graph.serve import start_server
>>> with start_server("out/graph.ttl", port=7878) as server:   # doctest: +SKIP
...     print(server.endpoint)
http://127.0.0.1:7878/query
"""
from __future__ import annotations

import os
import shutil
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

__all__ = ["Server", "start_server", "serve", "oxigraph_command"]

READY_QUERY = "ASK { ?s ?p ?o }"


def oxigraph_command() -> str:
    """The ``oxigraph`` executable: beside this Python (a virtual environment), else on PATH."""
    beside = Path(sys.executable).with_name("oxigraph")
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise RuntimeError("the `oxigraph` server is not installed: pip install oxigraph")


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
                 timeout: float = 60.0) -> Server:
    """Load ``graph_path`` into a temporary Oxigraph database and serve it read-only on ``host:port``.

    Returns once the endpoint answers a query; raises ``RuntimeError`` if the
    port is taken, or with the server's own message if it exits first, or if it
    does not answer within ``timeout`` seconds.
    """
    graph = Path(graph_path)
    if not graph.is_file():
        raise FileNotFoundError(f"{graph}: no such graph file (run `jishi build` first)")
    if not _port_free(host, port):
        raise RuntimeError(f"{host}:{port} is already in use; choose another --port")
    workdir = tempfile.TemporaryDirectory(prefix="jishi-serve-")
    database = Path(workdir.name) / "db"
    try:
        _load(graph, database)
        log = open(Path(workdir.name) / "server.log", "wb")
        process = subprocess.Popen(
            [oxigraph_command(), "serve-read-only", "--location", str(database), "--bind", f"{host}:{port}"],
            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
        )
        log.close()
    except BaseException:
        workdir.cleanup()
        raise
    server = Server(host, port, process, workdir)
    _wait_until_ready(server, timeout)
    return server


def serve(graph_path: str | os.PathLike, host: str = "127.0.0.1", port: int = 7878) -> None:
    """Serve until interrupted (Ctrl-C); what ``jishi serve`` runs."""
    with start_server(graph_path, host, port) as server:
        print(f"SPARQL endpoint: {server.endpoint} (read-only; query page at http://{host}:{port}/); "
              "Ctrl-C stops", flush=True)
        try:
            server.process.wait()
        except KeyboardInterrupt:
            pass


def _port_free(host: str, port: int) -> bool:
    """Whether ``host:port`` can be bound, so that readiness is never confused with another server."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def _load(graph: Path, database: Path) -> None:
    """``oxigraph load``: bulk-load the graph file into a new database folder."""
    done = subprocess.run([oxigraph_command(), "load", "--location", str(database), "--file", str(graph)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"oxigraph could not load {graph}: {done.stderr.strip()}")


def _wait_until_ready(server: Server, timeout: float) -> None:
    """Poll the endpoint until it answers; fail with the server's log if it exits or stays silent."""
    url = server.endpoint + "?" + urllib.parse.urlencode({"query": READY_QUERY})
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            message = server.log.read_text(errors="replace").strip()
            server.stop()
            raise RuntimeError(f"the SPARQL server stopped: {message}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    server.stop()
    raise RuntimeError(f"the SPARQL server did not answer on {server.endpoint} within {timeout:.0f} s")
