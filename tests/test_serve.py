"""graph/serve.py: the seed graph served as a read-only SPARQL 1.1 Protocol endpoint, queried over HTTP."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from SPARQLWrapper import CSV, JSON, SPARQLWrapper

from graph.query import named_queries, open_store, select
from graph.serve import ServerError, start_server

CALL = """
PREFIX jishi: <https://w3id.org/jishi/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
SELECT ?name WHERE {
  ?call a jishi:PhoneCall ; jishi:date "2020-03-19"^^xsd:date ; jishi:participant/rdfs:label ?name .
  FILTER (langMatches(lang(?name), "zh-Hans"))
}"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def seed_graph_file(tmp_path_factory, seeds_dir):
    """The seed graph without a saved store, so that serve loads it into a temporary one (test_store: the saved)."""
    from graph.pipeline import build

    return build([seeds_dir], tmp_path_factory.mktemp("serve"), progress=False, store=False).graph_path


@pytest.fixture(scope="module")
def server(seed_graph_file):
    with start_server(seed_graph_file, host="127.0.0.1", port=_free_port(), timeout=30) as running:
        yield running


def _client(server, fmt) -> SPARQLWrapper:
    client = SPARQLWrapper(server.endpoint)
    client.setTimeout(10)
    client.setReturnFormat(fmt)
    return client


def test_serve_answers_sparql_json(server):
    # 000: "◆中国国家主席习近平应约同俄罗斯总统普京通电话" (3月19日)
    client = _client(server, JSON)
    client.setQuery(CALL)
    names = {b["name"]["value"] for b in client.queryAndConvert()["results"]["bindings"]}
    assert {"习近平", "普京"} <= names


def test_serve_answers_post_and_csv(server):
    client = _client(server, CSV)
    client.setMethod("POST")
    client.setQuery(CALL)
    text = client.queryAndConvert().decode("utf-8")
    assert text.splitlines()[0] == "name" and "普京" in text


def test_serve_refuses_updates(server):
    base = server.endpoint.removesuffix("/query")
    request = urllib.request.Request(
        base + "/update", data=urllib.parse.urlencode({"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}).encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code in (403, 404, 405)


def test_serve_port_in_use_is_reported(server, seed_graph_file):
    with pytest.raises(ServerError, match="already in use"):
        start_server(seed_graph_file, port=server.port, timeout=15)


def test_serve_missing_graph(tmp_path):
    with pytest.raises(FileNotFoundError):
        start_server(tmp_path / "none.ttl", port=_free_port())


@pytest.fixture(scope="module")
def seed_store(seed_graph_file):
    """The same graph in an in-memory store, as `jishi query` reads it."""
    return open_store(seed_graph_file)


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_serve_answers_each_named_query_as_written(server, seed_store, name):
    # The endpoint binds no prefixes: a named query must declare its own (HTTP 400 otherwise), and
    # the endpoint must find the rows `jishi query` finds; every named query has some on the seeds.
    client = _client(server, JSON)
    client.setQuery(named_queries()[name].text)
    rows = client.queryAndConvert()["results"]["bindings"]
    assert len(rows) == len(select(named_queries()[name].text, seed_store)) > 0


def test_serve_named_query_finds_a_seed_fact(server):
    # 000: "◆中国国家主席习近平应约同俄罗斯总统普京通电话" (3月19日)
    client = _client(server, JSON)
    client.setQuery(named_queries()["person_phone_calls"].text)
    rows = client.queryAndConvert()["results"]["bindings"]
    assert ("2020-03-19", "普京") in {(r.get("date", {}).get("value"), r["counterpart"]["value"]) for r in rows}


CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"
"""Every pair of triples: some 10^8 rows on the seed graph, far more than a second's work."""


def test_serve_cancels_a_query_past_its_timeout(seed_graph_file):
    with start_server(seed_graph_file, port=_free_port(), timeout=30, query_timeout=1) as running:
        request = urllib.request.Request(running.endpoint, data=urllib.parse.urlencode({"query": CROSS_JOIN}).encode(),
                                         headers={"Content-Type": "application/x-www-form-urlencoded",
                                                  "Accept": "application/sparql-results+json"})
        try:
            with urllib.request.urlopen(request, timeout=120) as response:  # a bound, not a timing: a hang fails
                body = response.read().decode("utf-8", errors="replace")
        except urllib.error.HTTPError as refused:
            body = refused.read().decode("utf-8", errors="replace")
        assert "cancelled" in body and '"value"' not in body  # no count came back
        assert running.process.poll() is None  # the server goes on answering


# ---------------------------------------------------------------- `jishi serve` stops cleanly

def _start_cli_server(graph: Path, tmp_path: Path) -> tuple[subprocess.Popen, int]:
    """``jishi serve`` as its own process, its temporary store under tmp_path; returns it and the Oxigraph pid."""
    process = subprocess.Popen([sys.executable, "-m", "graph.cli", "serve", "--graph", str(graph),
                                "--port", str(_free_port())],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               env=os.environ | {"TMPDIR": str(tmp_path)})
    first = process.stdout.readline()  # printed once the endpoint answers
    assert first.startswith("SPARQL endpoint: "), first + process.stdout.read()
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()
    assert len(children) == 1
    return process, int(children[0])


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="finds the server's child process through /proc")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_serve_stops_child_and_removes_store_on_signal(seed_graph_file, tmp_path, signum):
    process, child = _start_cli_server(seed_graph_file, tmp_path)
    try:
        assert list(tmp_path.glob("jishi-serve-*/db"))
        process.send_signal(signum)
        assert process.wait(timeout=60) == 0
        deadline = time.monotonic() + 30
        while not _gone(child) and time.monotonic() < deadline:  # reaped by jishi before it exits
            time.sleep(0.1)
        assert _gone(child)
        assert not list(tmp_path.glob("jishi-serve-*"))
    finally:  # before the fix the server outlived jishi: end it here, not in later tests
        if process.poll() is None:
            process.kill()
        if not _gone(child):
            os.kill(child, signal.SIGKILL)


@pytest.mark.parametrize("host", ["999.1.1.1", "192.0.2.1"])  # no such address; one this machine does not have
def test_serve_address_that_cannot_be_listened_on_is_not_called_in_use(seed_graph_file, host):
    with pytest.raises(ServerError, match=f"cannot listen on {host}:"):
        start_server(seed_graph_file, host=host, port=_free_port(), timeout=15)


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="finds the server's child process through /proc")
def test_serve_second_signal_does_not_cut_the_clean_up_short(seed_graph_file, tmp_path):
    process, child = _start_cli_server(seed_graph_file, tmp_path)
    try:
        process.send_signal(signal.SIGTERM)
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=60) == 0
        assert not list(tmp_path.glob("jishi-serve-*"))
    finally:
        if process.poll() is None:
            process.kill()
        if not _gone(child):
            os.kill(child, signal.SIGKILL)
