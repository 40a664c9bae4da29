"""graph/serve.py: the seed graph served as a read-only SPARQL 1.1 Protocol endpoint, queried over HTTP."""
from __future__ import annotations

import socket
import urllib.error
import urllib.parse
import urllib.request

import pytest
from SPARQLWrapper import CSV, JSON, SPARQLWrapper

from graph.serve import start_server

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
    from graph.pipeline import build

    return build([seeds_dir], tmp_path_factory.mktemp("serve"), progress=False).graph_path


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
    with pytest.raises(RuntimeError, match="already in use"):
        start_server(seed_graph_file, port=server.port, timeout=15)


def test_serve_missing_graph(tmp_path):
    with pytest.raises(FileNotFoundError):
        start_server(tmp_path / "none.ttl", port=_free_port())
