"""Tests for graph.fold (which nodes a large page draws as one group node) and its page half, templates/fold.js."""
from __future__ import annotations

import networkx as nx
import pytest
import rdflib

from graph import fold, layout, viz
from graph.fold import fold_note, folds


def _net(statements: dict[str, int], events: list[tuple[str, tuple[str, ...]]], orphans: int = 0) -> nx.Graph:
    """People with ``statements[name]`` statements each, events ``(class, parties)``, and actors linked to nothing."""
    net = nx.Graph()
    for name, count in statements.items():
        net.add_node(name, kind="actor", cls="Person", label=name)
        for i in range(count):
            net.add_node(f"s:{name}:{i}", kind="statement", cls="Statement", label="表示")
            net.add_edge(f"s:{name}:{i}", name)
    for i, (cls, parties) in enumerate(events):
        net.add_node(f"e{i}", kind="event", cls=cls, label=cls)
        for party in parties:
            net.add_node(party, kind="actor", cls="Person", label=party) if party not in net else None
            net.add_edge(f"e{i}", party)
    for i in range(orphans):
        net.add_node(f"lone{i}", kind="actor", cls="Organization", label=f"组织{i}")
    return net


def no_country(actor: str) -> str:
    return ""


def test_fold_nothing_when_the_page_fits():
    net = _net({"王毅": 3}, [("PhoneCall", ("王毅", "普京"))])
    assert folds(net, no_country, limit=6) == []


def test_fold_actors_linked_to_nothing_are_not_counted():
    """Six nodes drawn at opening (王毅, three statements, a call, 普京) and fifty lone actors the page hides."""
    net = _net({"王毅": 3}, [("PhoneCall", ("王毅", "普京"))], orphans=50)
    assert folds(net, no_country, limit=6) == []


def test_fold_statements_by_speaker_of_two_or_more():
    net = _net({"王毅": 3, "赵立坚": 1}, [])  # six nodes; four once 王毅's three statements are one
    found = folds(net, no_country, limit=4)
    assert [(f["id"], f["label"], f["members"], f["count"]) for f in found] == [
        ("fold:said:王毅", "王毅 言论 ×3", ["s:王毅:0", "s:王毅:1", "s:王毅:2"], 3)]


def test_fold_events_of_one_class_with_the_same_parties():
    net = _net({}, [("PressConference", ("外交部",)), ("PressConference", ("外交部",)),
                    ("PhoneCall", ("外交部",)), ("PressConference", ("外交部", "卫健委"))])
    found = folds(net, no_country, limit=2)
    assert [(f["label"], f["members"]) for f in found] == [("PressConference 外交部 ×2", ["e0", "e1"])]


def test_fold_minor_actors_by_class_and_country_only_when_still_over():
    """Three people with one call each to 王毅; two of them are American. 王毅 has two calls left, so is not minor."""
    net = _net({"拜登": 2}, [("PhoneCall", ("王毅", "拜登")), ("Meeting", ("王毅", "布林肯")),
                            ("Message", ("王毅", "马克龙"))])
    countries = {"拜登": "美国", "布林肯": "美国", "马克龙": "法国"}.get
    found = folds(net, lambda actor: countries(actor) or "", limit=6)
    by_id = {f["id"]: f for f in found}
    assert sorted(by_id) == ["fold:actors:Person:美国", "fold:said:拜登"]
    group = by_id["fold:actors:Person:美国"]
    assert group["members"] == ["布林肯", "拜登", "fold:said:拜登"]
    assert group["count"] == 4  # two people and 拜登's two statements
    assert by_id["fold:said:拜登"]["parent"] == "fold:actors:Person:美国"
    assert folds(net, lambda actor: countries(actor) or "", limit=8) == [by_id["fold:said:拜登"] | {"parent": None}]


def test_fold_note_counts_what_is_folded():
    net = _net({"王毅": 3}, [("PhoneCall", ("王毅", "普京")), ("PhoneCall", ("王毅", "普京"))])
    note = fold_note(net, folds(net, no_country, limit=4))
    assert note.startswith("7 nodes are too many to draw at once: 2 events, 3 statements are folded into 2 group nodes")


PAGE_GRAPH = """
@prefix jishi: <https://w3id.org/jishi/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<urn:a:wang> a jishi:Person ; rdfs:label "王毅"@zh-Hans .
<urn:a:tedros> a jishi:Person ; rdfs:label "谭德塞"@zh-Hans .
<urn:a:it> a jishi:Country ; rdfs:label "意大利"@zh-Hans .
<urn:e:call1> a jishi:PhoneCall ; jishi:date "2020-03-19"^^xsd:date ; jishi:participant <urn:a:wang>, <urn:a:tedros> .
<urn:e:call2> a jishi:PhoneCall ; jishi:date "2020-04-02"^^xsd:date ; jishi:participant <urn:a:wang>, <urn:a:tedros> .
<urn:e:msg> a jishi:Message ; jishi:date "2020-03-10"^^xsd:date ; jishi:participant <urn:a:wang>, <urn:a:it> .
<urn:s:1> a jishi:Statement ; jishi:speaker <urn:a:tedros> ; jishi:during <urn:e:call1> ; jishi:text "中方的努力"@zh-Hans .
"""
CALLS = "fold:events:PhoneCall:" + fold._digest(("urn:a:tedros", "urn:a:wang"))


@pytest.fixture
def folded_page(monkeypatch, tmp_path):
    """The page of PAGE_GRAPH with the screen limit at 3: the two calls of 王毅 and 谭德塞 fold into one node."""
    monkeypatch.setattr(fold, "SCREEN_LIMIT", 3)
    monkeypatch.setattr(layout, "LAYOUT_LIMIT", 3)
    graph = rdflib.Graph().parse(data=PAGE_GRAPH, format="turtle")
    return viz.network_data(graph), viz.write_network(graph, tmp_path / "network.html")


def test_fold_in_page_data(folded_page):
    data, _ = folded_page
    assert [(f["id"], f["label"], f["members"]) for f in data["folds"]] == [
        (CALLS, "PhoneCall 谭德塞–王毅 ×2", ["urn:e:call1", "urn:e:call2"])]
    assert "2 events are folded into 1 group nodes" in data["foldNote"]


@pytest.mark.slow
def test_fold_opens_in_browser(folded_page, chromium):
    from playwright.sync_api import sync_playwright

    url = folded_page[1].resolve().as_uri()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium), args=["--headless", "--no-sandbox"])
        try:
            tab = browser.new_page()
            tab.route("**/*", lambda route: route.continue_() if route.request.url == url else route.abort())
            tab.goto(url)
            tab.wait_for_function("() => window.jishi !== undefined")
            closed = sorted(tab.evaluate("() => window.jishi.visibleNodeIds()"))
            closed_edges = tab.evaluate("() => window.jishi.edges.get().map(e => [e.from, e.to, e.value || 1])")
            note = tab.inner_text("[data-testid=fold-note]")
            tab.evaluate(f"() => window.jishi.openFold('{CALLS}')")
            opened = sorted(tab.evaluate("() => window.jishi.visibleNodeIds()"))
            opened_edges = tab.evaluate("() => window.jishi.edges.length")
            tab.click("#fold-again")
            refolded = len(tab.evaluate("() => window.jishi.visibleNodeIds()"))
            tab.evaluate("() => window.jishi.select('urn:e:call2', true)")
            selected = tab.evaluate("() => [window.jishi.visibleNodeIds().includes('urn:e:call2'), "
                                    "window.jishi.network.getSelectedNodes()]")
        finally:
            browser.close()
    assert closed == sorted([CALLS, "urn:a:wang", "urn:a:tedros", "urn:a:it", "urn:e:msg", "urn:s:1"])
    assert sorted((*sorted(e[:2]), e[2]) for e in closed_edges) == sorted([
        (CALLS, "urn:a:tedros", 2), (CALLS, "urn:a:wang", 2), (CALLS, "urn:s:1", 1),
        ("urn:a:it", "urn:e:msg", 1), ("urn:a:wang", "urn:e:msg", 1), ("urn:a:tedros", "urn:s:1", 1)])
    assert "folded into 1 group nodes" in note
    assert opened == sorted(["urn:e:call1", "urn:e:call2", "urn:a:wang", "urn:a:tedros", "urn:a:it", "urn:e:msg",
                             "urn:s:1"])
    assert opened_edges == 8
    assert refolded == 6
    assert selected == [True, ["urn:e:call2"]]  # choosing a folded event (from the results list) opens its fold
