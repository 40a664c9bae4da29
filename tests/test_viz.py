"""Tests for graph.viz: the networkx views, the page data, and the page in a real browser.

The fixture is a small hand-made graph: three people, a country, a phone
call, a condolence message, a statement, and an organisation whose name is
an XSS payload (as a hostile document could make it).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import rdflib

from graph import viz

ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
XSS_NAME = "<script>alert(1)</script><img src=x onerror=alert(2)>"

FIXTURE = """
@prefix jishi: <https://w3id.org/jishi/ontology#> .
@base <https://w3id.org/jishi/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

<doc/a> a jishi:Document ; dcterms:identifier "a.txt" ; dcterms:title "测试纪事" .
<doc/b> a jishi:Document ; dcterms:identifier "b.txt" .

<actor/person/tedros> a jishi:Person ; rdfs:label "谭德塞"@zh-Hans, "Tedros"@en ;
    skos:altLabel "谭德赛"@zh-Hans ; jishi:role "总干事"@zh-Hans ; jishi:affiliation <actor/org/who> .
<actor/person/wang> a jishi:Person ; rdfs:label "王毅"@zh-Hans .
<actor/person/lin> a jishi:Person ; rdfs:label "林鄭月娥"@zh-Hant .
<actor/country/IT> a jishi:Country ; rdfs:label "意大利"@zh-Hans, "義大利"@zh-Hant ; jishi:isoCode "IT" .
<actor/org/who> a jishi:InternationalOrganization ; rdfs:label "世界卫生组织"@zh-Hans ; skos:altLabel "世卫组织"@zh-Hans .
<actor/org/xss> a jishi:Organization ; rdfs:label "%(xss)s"@zh-Hans .

<event/call1> a jishi:PhoneCall ; rdfs:label "PhoneCall 2020-03-19 王毅–谭德塞"@zh-Hans ;
    jishi:date "2020-03-19"^^xsd:date ;
    jishi:participant <actor/person/wang>, <actor/person/tedros> ; jishi:requestedBy <actor/person/tedros> ;
    jishi:evidence <evidence/e1>, <evidence/e2> .
<evidence/e1> a jishi:Evidence ; jishi:document <doc/a> ; jishi:quote "王毅同谭德塞通电话" ;
    jishi:start 10 ; jishi:end 19 .
<evidence/e2> a jishi:Evidence ; jishi:document <doc/b> ; jishi:quote "%(xss)s通电话" ;
    jishi:start 0 ; jishi:end 60 .

<event/msg1> a jishi:Message ; rdfs:label "Message 2020-03-10 王毅–意大利"@zh-Hans ;
    jishi:date "2020-03-10"^^xsd:date ;
    jishi:participant <actor/person/wang>, <actor/country/IT>, <actor/org/xss> ;
    jishi:provider <actor/person/wang> ; jishi:recipient <actor/country/IT> ;
    jishi:evidence <evidence/e3> .
<evidence/e3> a jishi:Evidence ; jishi:document <doc/a> ; jishi:quote "王毅致电意大利外长" ;
    jishi:start 30 ; jishi:end 39 .

<event/call2> a jishi:PhoneCall ; jishi:date "2020-04-02"^^xsd:date ;
    jishi:participant <actor/person/wang>, <actor/person/tedros> .

<statement/s1> a jishi:Statement ; jishi:speaker <actor/person/tedros> ;
    jishi:text "中方的努力为世界争取了时间"@zh-Hans ; jishi:reportingVerb "表示"@zh-Hans ;
    jishi:date "2020-03-19"^^xsd:date ; jishi:during <event/call1> ; jishi:evidence <evidence/e4> .
<evidence/e4> a jishi:Evidence ; jishi:document <doc/a> ; jishi:quote "谭德塞表示" ;
    jishi:start 20 ; jishi:end 25 .
""" % {"xss": XSS_NAME.replace('"', '\\"')}


@pytest.fixture(scope="module")
def small_graph() -> rdflib.Graph:
    return rdflib.Graph().parse(data=FIXTURE, format="turtle")


@pytest.fixture(scope="module")
def page(small_graph, tmp_path_factory) -> Path:
    return viz.write_network(small_graph, tmp_path_factory.mktemp("viz") / "network.html", title="测试 <b>网络</b>")


def _script_data(text: str) -> dict:
    found = re.search(r'<script type="application/json" id="data">(.*?)</script>', text, re.S)
    return json.loads(found.group(1))


@pytest.mark.parametrize("kind, count", [("actor", 6), ("event", 3), ("statement", 1)])
def test_viz_event_network_nodes(small_graph, kind, count):
    net = viz.event_network(small_graph)
    assert sum(1 for _, k in net.nodes(data="kind") if k == kind) == count


def test_viz_event_network_roles_merged(small_graph):
    net = viz.event_network(small_graph)
    roles = net.edges["https://w3id.org/jishi/id/event/msg1", "https://w3id.org/jishi/id/actor/person/wang"]["roles"]
    assert roles == ("participant", "provider")


def test_viz_actor_network_weights(small_graph):
    actors = viz.actor_network(small_graph)
    wang, tedros = "https://w3id.org/jishi/id/actor/person/wang", "https://w3id.org/jishi/id/actor/person/tedros"
    assert actors.number_of_nodes() == 6
    assert actors.edges[wang, tedros]["weight"] == 2
    assert actors.edges[wang, tedros]["events"] == ["https://w3id.org/jishi/id/event/call1",
                                                    "https://w3id.org/jishi/id/event/call2"]
    assert actors.degree("https://w3id.org/jishi/id/actor/person/lin") == 0


@pytest.mark.parametrize("query, label", [("譚德塞", "谭德塞"), ("林郑月娥", "林鄭月娥"), ("义大利", "意大利")])
def test_viz_search_index_both_scripts(small_graph, query, label):
    nodes = viz.network_data(small_graph)["events"]["nodes"]
    hits = [n["label"] for n in nodes if n["kind"] == "actor" and any(query in s for s in n["search"])]
    assert hits == [label]


def test_viz_event_labels_type_and_date(small_graph):
    nodes = {n["id"]: n for n in viz.network_data(small_graph)["events"]["nodes"]}
    assert nodes["https://w3id.org/jishi/id/event/call1"]["label"] == "PhoneCall\n2020-03-19"


def test_viz_tooltip_has_quote_and_source(small_graph):
    nodes = {n["id"]: n for n in viz.network_data(small_graph)["events"]["nodes"]}
    evidence = nodes["https://w3id.org/jishi/id/event/call1"]["info"]["evidence"]
    assert {"quote": "王毅同谭德塞通电话", "source": "a.txt — 测试纪事"} in evidence


def test_viz_page_is_self_contained(page):
    text = page.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text)
    assert "<link" not in text
    assert len(re.findall(r"^<script", text, re.M)) == 3


def test_viz_page_escapes_document_text(page):
    text = page.read_text(encoding="utf-8")
    assert "<script>alert(1)" not in text
    assert "<img src=x" not in text
    assert "<b>网络</b>" not in text
    assert XSS_NAME in [n["label"] for n in _script_data(text)["events"]["nodes"]]


def test_viz_page_is_deterministic(small_graph):
    assert viz.render_network(small_graph) == viz.render_network(small_graph)


def test_viz_script_json_escapes():
    assert viz.script_json({"a": "</script>&\u2028"}) == '{"a":"\\u003c/script\\u003e\\u0026\\u2028"}'


def _hover(tab, node_id: str) -> dict:
    """Move the mouse onto a node; return the tooltip's text and how many img/script elements it holds."""
    point = tab.evaluate("""id => {
        const n = window.jishi.network;
        const p = n.canvasToDOM(n.getPosition(id));
        const box = document.querySelector('#network canvas').getBoundingClientRect();
        return {x: box.left + p.x, y: box.top + p.y};
    }""", node_id)
    tab.mouse.move(point["x"], point["y"])
    tab.wait_for_selector("div.vis-tooltip", state="visible")
    return tab.evaluate("""() => {
        const tip = document.querySelector('div.vis-tooltip');
        return {text: tip.textContent, elements: tip.querySelectorAll('img, script').length};
    }""")


@pytest.mark.slow
def test_viz_page_in_browser(page, chromium):
    from playwright.sync_api import sync_playwright

    url = page.resolve().as_uri()
    errors, dialogs, requests = [], [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        try:
            tab = browser.new_page(viewport={"width": 1280, "height": 800})
            tab.route("**/*", lambda route: route.continue_() if route.request.url == url else route.abort())
            tab.on("request", lambda r: requests.append(r.url))
            tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            tab.on("pageerror", lambda e: errors.append(str(e)))
            tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            tab.goto(url)
            tab.wait_for_function("window.jishi !== undefined")
            drawn = tab.evaluate("window.jishi.network.body.nodeIndices.length")
            shown = tab.evaluate("window.jishi.visibleNodeIds().length")
            tab.evaluate("window.jishi.setTypes(['PhoneCall'])")
            filtered = tab.evaluate("window.jishi.visibleNodeIds().length")
            tab.evaluate("window.jishi.setTypes(['PhoneCall', 'Message', 'Statement'])")
            tab.fill("#date-from", "2020-03-15")
            tab.fill("#date-to", "2020-03-31")
            dated = tab.evaluate("window.jishi.visibleNodeIds().length")
            tab.evaluate("window.jishi.setDates('', '')")
            tab.fill("#search", "譚德塞")
            found = tab.evaluate("window.jishi.network.getSelectedNodes()")
            tab.fill("#search", "")
            tab.evaluate("window.jishi.setView('actors')")
            actors_drawn = tab.evaluate("window.jishi.network.body.nodeIndices.length")
            tab.evaluate("window.jishi.setView('events')")
            tab.wait_for_timeout(1500)
            tab.evaluate("window.jishi.network.fit()")
            tooltip = _hover(tab, "https://w3id.org/jishi/id/event/call1")
            ARTIFACTS.mkdir(exist_ok=True)
            tab.screenshot(path=str(ARTIFACTS / "network.png"))
            injected = tab.evaluate("document.querySelectorAll('img[src=x], img[src=\"x\"]').length")
        finally:
            browser.close()
    assert drawn == shown == 10
    assert filtered == 2 + 4  # two calls, their two people, and the two actors linked to no fact
    assert dated == 2 + 2 + 2  # the 03-19 call and statement, 王毅 and 谭德塞, and the two unlinked actors
    assert found[0] == "https://w3id.org/jishi/id/actor/person/tedros"
    assert actors_drawn == 4  # the actors who share an event: 王毅, 谭德塞, 意大利 and the XSS organisation
    assert errors == []
    assert dialogs == []
    assert injected == 0
    assert "王毅同谭德塞通电话" in tooltip["text"] and "<img src=x" in tooltip["text"]
    assert tooltip["elements"] == 0
    assert requests == [url]


def test_viz_legend_lists_visit_with_its_own_colour(small_graph):
    """A Visit (王毅 to Italy) is an event of the ontology: it gets a kind, a legend entry and a fixed colour."""
    g = rdflib.Graph()
    for triple in small_graph:
        g.add(triple)
    g.parse(data="""
@prefix jishi: <https://w3id.org/jishi/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://w3id.org/jishi/id/event/visit1> a jishi:Visit ; jishi:date "2020-04-03"^^xsd:date ;
    jishi:participant <https://w3id.org/jishi/id/actor/person/wang> , <https://w3id.org/jishi/id/actor/country/IT> .
""", format="turtle")
    data = viz.network_data(g)
    legend = {entry["cls"]: entry for entry in data["legend"]}
    assert legend["Visit"]["kind"] == "event" and legend["Visit"]["shape"] == "diamond"
    colours = [entry["color"] for entry in data["legend"]]
    assert len(set(colours)) == len(colours)
    assert {"cls": "Visit", "count": 1} in data["types"]
