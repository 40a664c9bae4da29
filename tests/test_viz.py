"""Tests for graph.viz: the networkx views, the page data, and the page in a real browser.

The fixture is a small hand-made graph: three people, a country, a phone
call, a condolence message, a statement, and an organisation whose name is
an XSS payload (as a hostile document could make it).
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from urllib.parse import unquote

import pytest
import rdflib

from graph import viz
from graph.cache import Memo

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


DOC_A = "背景介绍如下。昨天，王毅同谭德塞通电话。谭德塞表示中方努力。王毅致电意大利外长。"
"""The text of a.txt, written so that each evidence's offsets in FIXTURE point at its quote."""


def _nodes(graph, texts=None) -> dict[str, dict]:
    return {n["id"]: n for n in viz.network_data(graph, texts)["events"]["nodes"]}


def test_viz_page_from_the_memo_shows_a_quote_in_its_edited_sentence(small_graph, tmp_path):
    """A node's JSON is kept under its document's text too: the same quote at the same place, its sentence edited
    after it, is shown in the new sentence, as a page drawn without the memo shows it."""
    first = Memo.open(tmp_path, version="a" * 64)
    viz.render_network(small_graph, texts={"a.txt": DOC_A}, memo=first)
    first.save()
    edited = DOC_A.replace("中方努力。", "中方作出了努力。")  # after the quote 谭德塞表示 (20-25), which stays in place
    page = viz.render_network(small_graph, texts={"a.txt": edited}, memo=Memo.open(tmp_path, version="a" * 64))
    assert page == viz.render_network(small_graph, texts={"a.txt": edited})
    assert "谭德塞表示中方作出了努力。" in page and "谭德塞表示中方努力。" not in page


@pytest.mark.parametrize("node, label", [
    ("event/call1", "通电话 王毅–谭德塞 03-19"),   # 通电话: jishi:PhoneCall's zh-Hans label; equal degree, then by name
    ("event/msg1", f"函电 王毅–{XSS_NAME}–意大利 03-10"),  # the provider first, the recipient last
    ("statement/s1", "谭德塞 表示 03-19"),
    ("actor/person/wang", "王毅"),
])
def test_viz_labels_name_the_parties(small_graph, node, label):
    assert _nodes(small_graph)[f"https://w3id.org/jishi/id/{node}"]["label"] == label


def test_viz_labels_keep_the_year_outside_the_main_one(small_graph):
    g = _with(small_graph, """<https://w3id.org/jishi/id/event/old> a jishi:Meeting ; jishi:date "2019-12-31"^^xsd:date ;
    jishi:participant <https://w3id.org/jishi/id/actor/person/wang> .""")
    nodes = _nodes(g)
    assert nodes["https://w3id.org/jishi/id/event/old"]["label"] == "会见会谈 王毅 2019-12-31"
    assert nodes["https://w3id.org/jishi/id/event/call1"]["label"].endswith(" 03-19")


def test_viz_evidence_in_its_sentence(small_graph):
    evidence = _nodes(small_graph, {"a.txt": DOC_A})["https://w3id.org/jishi/id/event/call1"]["detail"]["evidence"]
    first, second = evidence
    assert first == {"doc": "https://w3id.org/jishi/id/doc/a", "sentence": "昨天，王毅同谭德塞通电话。", "at": [3, 12]}
    assert second["sentence"] == f"{XSS_NAME}通电话" and second["at"] == [0, len(XSS_NAME) + 3]  # b.txt: no text given


def test_viz_evidence_quote_alone_when_text_differs(small_graph):
    changed = DOC_A.replace("王毅同", "王毅与")
    evidence = _nodes(small_graph, {"a.txt": changed})["https://w3id.org/jishi/id/event/call1"]["detail"]["evidence"]
    assert evidence[0]["sentence"] == "王毅同谭德塞通电话"


@pytest.mark.parametrize("text, start, end, sentence", [
    ("甲。乙说：“丙。”丁。", 2, 8, "乙说：“丙。"),              # a quote that ends at a full stop ends its sentence there…
    ("甲。乙说话了。丁", 2, 7, "乙说话了。"),
    ("\n  王毅通电话\n下一行", 3, 8, "王毅通电话"),                  # …lines end sentences, blanks are dropped
    ("长" * 500 + "王毅" + "长" * 500, 500, 502, "长" * 200 + "王毅" + "长" * 200),
    ("甲。" + "长" * 500 + "王毅" + "长" * 500 + "。乙", 502, 504, "长" * 200 + "王毅" + "长" * 200),  # far marks
    ("。" + "长" * 200 + "王毅" + "长" * 200 + "。", 201, 203, "长" * 200 + "王毅" + "长" * 200),  # marks just past the limits
    ("。" + "长" * 199 + "王毅" + "长" * 198 + "。", 200, 202, "长" * 199 + "王毅" + "长" * 198 + "。"),  # just inside
])
def test_viz_sentence_around(text, start, end, sentence):
    found, left = viz.sentence_around(text, start, end)
    assert found == sentence
    assert text[left:left + len(found)] == found


def test_viz_documents_cited(small_graph):
    documents = viz.network_data(small_graph)["documents"]
    assert documents["https://w3id.org/jishi/id/doc/a"] == {"id": "a.txt", "title": "测试纪事", "date": "", "source": ""}


def test_viz_actor_details(small_graph):
    detail = _nodes(small_graph)["https://w3id.org/jishi/id/actor/person/tedros"]["detail"]
    assert detail["role"] == "总干事"
    assert detail["affiliation"] == "https://w3id.org/jishi/id/actor/org/who"
    assert detail["scripts"] == ["谭德塞", "譚德塞"]  # Simplified, Traditional
    assert detail["names"] == ["Tedros", "谭德塞", "谭德赛"]


@pytest.mark.parametrize("a, b, source, arrows", [
    ("event/msg1", "actor/person/wang", "actor/person/wang", "to"),       # provider → event
    ("event/msg1", "actor/country/IT", "event/msg1", "to"),              # event → recipient
    ("event/call1", "actor/person/tedros", "actor/person/tedros", "to"),  # requestedBy (and participant)
    ("event/call1", "actor/person/wang", "actor/person/wang", ""),        # a participant only: no arrow
])
def test_viz_edges_point_from_giver_to_receiver(small_graph, a, b, source, arrows):
    edges = viz.network_data(small_graph)["events"]["edges"]
    ends = {f"https://w3id.org/jishi/id/{x}" for x in (a, b)}
    edge = next(e for e in edges if {e["from"], e["to"]} == ends)
    assert edge["from"] == f"https://w3id.org/jishi/id/{source}"
    assert edge["arrows"] == arrows


def test_viz_edges_keep_every_role(small_graph):
    """谭德塞 asked for call1 and took part in it: the edge says both, and is drawn as the request."""
    edges = viz.network_data(small_graph)["events"]["edges"]
    ends = {"https://w3id.org/jishi/id/event/call1", "https://w3id.org/jishi/id/actor/person/tedros"}
    edge = next(e for e in edges if {e["from"], e["to"]} == ends)
    assert edge["roles"] == ["participant", "requestedBy"] and edge["role"] == "requestedBy"



def test_viz_event_edges_come_sorted_by_their_ends_and_point_by_role_whatever_the_names():
    """Edges given out of order; an actor's IRI sorting after its fact's must not turn an edge round."""
    import networkx as nx

    net = nx.Graph()
    net.add_nodes_from([("z/giver", {"kind": "actor"}), ("z/taker", {"kind": "actor"}), ("a/aid", {"kind": "event"}),
                        ("m/said", {"kind": "statement"}), ("b/actor", {"kind": "actor"})])
    net.add_edge("m/said", "a/aid", roles=["during"])
    net.add_edge("a/aid", "z/taker", roles=["participant", "recipient"])
    net.add_edge("z/giver", "a/aid", roles=["provider"])
    net.add_edge("m/said", "b/actor", roles=["speaker"])
    got = [(e["from"], e["to"], e["role"], e["arrows"], e["dashes"]) for e in viz._event_edges(net)]
    assert got == [("m/said", "a/aid", "during", "to", True),        # ends (a/aid, m/said): statement → event
                   ("z/giver", "a/aid", "provider", "to", False),    # (a/aid, z/giver)
                   ("a/aid", "z/taker", "recipient", "to", False),   # (a/aid, z/taker)
                   ("b/actor", "m/said", "speaker", "to", False)]    # (b/actor, m/said)

def test_viz_page_is_self_contained(page):
    text = page.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text)
    assert "<link" not in text
    assert len(re.findall(r"^<script", text, re.M)) == 4


def test_viz_page_details_in_a_script_of_their_own(page):
    """The page data holds no node's details; the details script has each node's, with its evidence."""
    text = page.read_text(encoding="utf-8")
    details = json.loads(re.search(r'<script type="application/json" id="details-data">(.*?)</script>', text, re.S).group(1))
    nodes = _script_data(text)["events"]["nodes"]
    assert all("detail" not in n for n in nodes)
    assert set(details) == {n["id"] for n in nodes}
    assert [ev["doc"] for ev in details["https://w3id.org/jishi/id/event/call1"]["evidence"]] == [
        "https://w3id.org/jishi/id/doc/a", "https://w3id.org/jishi/id/doc/b"]


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


# ---- the page in a real browser -------------------------------------------------------------
# Chromium at 1400x900 with every request but the page's own aborted and recorded. The seed page
# is built from the seed graph and the seed documents; the expected answers come from reading
# the documents in seeds/ (cited in each test), not from the page.

SCREENSHOTS = os.environ.get("JISHI_SCREENSHOTS")
"""Set to refresh the committed screenshots tests/artifacts/details.png and timeline.png."""
XI_MARCH_CALLS = {"古特雷斯", "孔特", "桑切斯", "普京", "塞西", "马克龙", "约翰逊", "托卡耶夫", "博索纳罗", "杜达",
                  "默克尔", "萨勒曼", "特朗普"}
"""Xi Jinping's phone calls of March 2020 told in the seeds: 004 (——3月12日，习近平同联合国秘书长古特雷斯通电话 …
——3月27日，习近平同美国总统特朗普通电话) and 001 under 3月12日 … 3月27日 name the same thirteen."""


@pytest.fixture(scope="module")
def seed_page(seed_graph_file, seed_documents, tmp_path_factory) -> Path:
    from graph import load

    texts = {name: doc.raw for name, doc in seed_documents.items()}
    return viz.write_network(load(seed_graph_file), tmp_path_factory.mktemp("seed_page") / "network.html",
                             texts=texts)


@pytest.fixture(scope="module")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@contextmanager
def _tab(browser, page: Path, state: str = "", init: str = ""):
    """A fresh tab on ``page`` (with ``state`` as its URL fragment, ``init`` run before the page's own scripts);
    on leaving, nothing went wrong in it.

    Nothing left the page (every request is recorded, and all but the page's own aborted),
    no script error was logged, and no dialog opened (an injected alert would open one).
    """
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    url = page.resolve().as_uri()
    requests, errors, dialogs = [], [], []
    tab.route("**/*", lambda route: route.continue_() if route.request.url.split("#")[0] == url else route.abort())
    tab.on("request", lambda r: requests.append(r.url.split("#")[0]))
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    if init:
        tab.add_init_script(init)
    try:
        tab.goto(url + state)
        tab.wait_for_function("window.jishi !== undefined")
        yield tab
        assert requests == [url]
        assert errors == []
        assert dialogs == []
    finally:
        context.close()


def _search(tab, text: str) -> None:
    """Type into the search box and wait until the list shows that search (the page waits for typing to stop)."""
    tab.fill("[data-testid=search]", text)
    tab.wait_for_function("text => window.jishi.state.searched === text", arg=text)


def _rows(tab) -> list[str]:
    return tab.locator("[data-testid=result-row] .label").all_text_contents()


def _row(tab, label: str):
    return tab.locator("[data-testid=result-row]", has_text=label)


def _only(tab, cls: str) -> None:
    tab.click(f"[data-testid=type-filter] button[aria-label^='Only {cls} ']")


@pytest.mark.slow
def test_viz_page_task_phone_calls_of_march(browser, seed_page):
    """Task 1: every phone call between 习近平 and another leader in March 2020, and who asked for it."""
    with _tab(browser, seed_page) as tab:
        _only(tab, "PhoneCall")
        tab.fill("#date-from", "2020-03-01")
        tab.fill("#date-to", "2020-03-31")
        _search(tab, "习近平")
        dated = [r for r in tab.locator("[data-testid=result-row]").all_inner_texts() if "undated" not in r]
        calls = [label for label in _rows(tab) if label.startswith("通电话 ")]
        undated = tab.locator("[data-testid=result-row]", has_text="undated").count()
        counts = tab.text_content("#results-count")
        tab.uncheck("#undated")
        without = tab.locator("[data-testid=result-row]", has_text="undated").count()
        tab.check("#undated")
        _row(tab, "通电话 习近平–普京 03-19").click()
        details = tab.inner_text("[data-testid=details]")
    counterparts = {re.match(r"通电话 习近平–(\S+) 03-\d\d$", label).group(1) for label in calls if "03-" in label}
    assert counterparts == XI_MARCH_CALLS
    assert all(row.startswith("2020-03-") for row in dated if "通电话" in row)
    assert undated >= 1 and f"({undated} undated)" in counts  # undated calls are kept, and counted
    assert without == 0
    assert "应约方 requestedBy: 普京" in details  # 000: 习近平应约同俄罗斯总统普京通电话
    assert "习近平 Person" in details and "普京 Person" in details  # the requester takes part too


@pytest.mark.slow
def test_viz_page_task_evidence_of_an_event(browser, seed_page):
    """Task 2: the sentences behind the 03-19 call, their documents, selectable and copied."""
    with _tab(browser, seed_page) as tab:
        _search(tab, "普京")
        _row(tab, "通电话 习近平–普京 03-19").click()
        evidence = tab.locator("[data-testid=evidence]")
        texts = evidence.all_inner_texts()
        marks = tab.locator("[data-testid=evidence] mark").all_text_contents()
        source = tab.get_attribute("[data-testid=evidence] a", "href")
        selectable = tab.evaluate("getComputedStyle(document.querySelector('[data-testid=evidence] p')).userSelect")
        tab.click("#copy")
        tab.wait_for_function("document.querySelector('#copy').textContent.startsWith('Copied')")
        copied = tab.evaluate("navigator.clipboard.readText()")
        if SCREENSHOTS:
            tab.screenshot(path=str(ARTIFACTS / "details.png"))
    assert len(texts) == 3
    # 000 and 001 (◆ bullets under 3月19日) and 004 (——3月19日，…): one evidence from each document.
    assert "◆中国国家主席习近平应约同俄罗斯总统普京通电话。" in texts[0]
    assert "中国发布新冠肺炎疫情影响信息 推进疫情防控国际合作纪事" in texts[0]
    assert "◆中國國家主席習近平應約同俄羅斯總統普京通電話。" in texts[1]
    assert "【留稿不要刪】新華社防疫紀事【留稿不要刪】 · 2020-04-07" in texts[1]
    assert "——3月19日，习近平同俄罗斯总统普京通电话" in texts[2] and "004_057ea572d0f1fc7d.txt" in texts[2]
    assert marks == ["中国国家主席习近平应约同俄罗斯总统普京通电话", "中國國家主席習近平應約同俄羅斯總統普京通電話",
                     "习近平同俄罗斯总统普京通电话"]
    assert source.startswith("https://web.archive.org/web/20210712041756/https://www.hkcnews.com/article/28683/")
    assert selectable != "none"
    assert "◆中國國家主席習近平應約同俄羅斯總統普京通電話。" in copied and "应约方 requestedBy" in copied


@pytest.mark.slow
def test_viz_page_task_search_in_either_script(browser, seed_page):
    """Task 3: 譚德塞 finds 谭德塞; his panel gives both scripts, role and affiliation (001: 世衛總幹事譚德塞)."""
    with _tab(browser, seed_page) as tab:
        _search(tab, "譚德塞")
        labels = _rows(tab)
        tab.locator("[data-testid=result-row]").filter(has_text=re.compile(r"^\S*谭德塞$")).first.click()
        details = tab.inner_text("[data-testid=details]")
    assert "谭德塞" in labels
    assert all("谭德塞" in label for label in labels)
    assert "简/繁: 谭德塞 / 譚德塞" in details
    assert "人物 Person" in details and "Role 职务: 总干事" in details and "Affiliation 隶属: 世界卫生组织" in details
    assert "Events 事件" in details and "Statements 言论" in details


@pytest.mark.slow
def test_viz_page_task_who_gave_to_whom(browser, seed_page):
    """Task 4: only Aid; arrows and role labels from giver to receiver; no actor left unlinked."""
    with _tab(browser, seed_page) as tab:
        _only(tab, "Aid")
        shown = tab.evaluate("""() => {
            const j = window.jishi, ids = new Set(j.visibleNodeIds());
            const facts = j.nodes.get([...ids]).filter(n => n.kind !== 'actor');
            const lone = j.nodes.get([...ids]).filter(n => n.kind === 'actor' &&
                !j.edges.get().some(e => (e.from === n.id && ids.has(e.to)) || (e.to === n.id && ids.has(e.from))));
            const edges = j.edges.get().filter(e => ids.has(e.from) && ids.has(e.to));
            return {classes: [...new Set(facts.map(n => n.cls))], lone: lone.length,
                    labels: [...new Set(edges.map(e => e.label))].sort(),
                    arrows: edges.every(e => e.arrows && e.arrows.to.enabled)};
        }""")
        counts = tab.text_content("#results-count")
        _row(tab, "援助 中国→意大利 03-18").click()
        details = tab.inner_text("[data-testid=details]")
    assert shown["classes"] == ["Aid"]
    assert shown["lone"] == 0
    assert shown["labels"] == ["受援方", "援助方"]  # an Aid's provider and recipient, in role_words.csv
    assert shown["arrows"]
    assert re.search(r"\(\d+ undated\)", counts)
    # 000 under 3月18日: ◆第二批中国抗疫医疗专家组抵达意大利，随机携带了…9吨中方捐助…
    assert "中国 (援助方 giver) → 意大利 (受援方 recipient)" in details


@pytest.mark.slow
def test_viz_page_task_actor_network(browser, seed_page):
    """Task 5: the actor view opens readable, keeps its places when a type is switched off and on, and a click
    on the line between two actors lists the events they share."""
    with _tab(browser, seed_page) as tab:
        tab.click("#view-actors")
        readable = tab.evaluate(_LABEL_PIXELS, XI)
        before = tab.evaluate("window.jishi.network.getPositions()")
        tab.click("#types-none")
        emptied = tab.evaluate("window.jishi.visibleNodeIds().length")
        tab.click("#types-all")
        after = tab.evaluate("window.jishi.network.getPositions()")
        pair = _click_edge(tab, XI, PUTIN, ("习近平", "普京"))
        shared = _rows(tab)
        tab.click("#pair-clear")
        all_rows = len(_rows(tab))
    assert "习近平 – 普京" in pair or "普京 – 习近平" in pair
    assert "通电话 习近平–普京 03-19" in shared  # 000, 001, 004: their call of 3月19日
    assert all("习近平" in label and "普京" in label for label in shared)
    assert all_rows > len(shared)
    assert readable >= 10
    assert emptied == 0
    assert after == before and len(after) > 100


XI, PUTIN = "https://w3id.org/jishi/id/actor/person/xi-jinping", "https://w3id.org/jishi/id/actor/person/vladimir-putin"
_EDGE_POINTS = """([a, b]) => {
    const n = window.jishi.network, box = document.querySelector('#network canvas').getBoundingClientRect();
    const edge = n.getConnectedEdges(a).find(id => n.getConnectedEdges(b).includes(id));
    const [p, q] = [n.getPosition(a), n.getPosition(b)], points = [];
    for (let t = 0.3; t <= 0.7; t += 0.02) {
        const dom = n.canvasToDOM({x: p.x + t * (q.x - p.x), y: p.y + t * (q.y - p.y)});
        if (n.getNodeAt(dom) === undefined && n.getEdgeAt(dom) === edge) points.push({x: box.left + dom.x, y: box.top + dom.y});
    }
    return points;
}"""
"""The points of the screen on the edge between two actors and on no node, to click."""


def _click_edge(tab, a: str, b: str, names: tuple[str, str]) -> str:
    """The pair panel after a click on the line between two actors. Where another line passes within a
    pixel or two the click may take that one, so the points along the line are tried in turn until the
    panel names both actors; the text of the last panel shown is returned."""
    pair = ""
    for point in tab.evaluate(_EDGE_POINTS, [a, b]):
        tab.mouse.click(point["x"], point["y"])
        pair = tab.text_content("#pair")
        if all(name in pair for name in names):
            break
    return pair


_LABEL_PIXELS = "id => window.jishi.network.body.nodes[id].options.font.size * window.jishi.network.getScale()"
"""How tall a node's label is drawn on screen, in pixels."""


@pytest.mark.slow
def test_viz_page_task_timeline(browser, seed_page):
    """Task 6: bars per day and per week; dragging across the 03-19 bar sets the range; undated kept, counted."""
    with _tab(browser, seed_page) as tab:
        bar = tab.locator("[data-testid=timeline] rect.bar[data-start='2020-03-19']").bounding_box()
        tab.mouse.move(bar["x"] + 1, bar["y"] + bar["height"] - 1)
        tab.mouse.down()
        tab.mouse.move(bar["x"] + bar["width"] - 1, bar["y"] + bar["height"] - 1, steps=3)
        tab.mouse.up()
        bounds = [tab.input_value("#date-from"), tab.input_value("#date-to")]
        day = int(tab.get_attribute("rect.bar[data-start='2020-03-19']", "data-count"))
        kinds = tab.evaluate("window.jishi.state.rows.filter(n => n.kind === 'event').map(n => n.date || '')")
        undated = int(tab.text_content("#undated-count"))
        note = tab.text_content("#range-note")
        labels = _rows(tab)
        if SCREENSHOTS:
            tab.screenshot(path=str(ARTIFACTS / "timeline.png"))
        tab.select_option("#bin", "week")
        week = int(tab.get_attribute("rect.bar[data-start='2020-03-16']", "data-count"))
        days = tab.evaluate("window.jishi.state.bins.length")
        tab.click("#range-clear")
        tab.uncheck("#undated")
        dropped = tab.evaluate("window.jishi.state.rows.filter(n => !n.date).length")
        dropped_note = tab.text_content("#range-note")
    assert bounds == ["2020-03-19", "2020-03-19"]
    assert set(kinds) == {"2020-03-19", ""}
    assert kinds.count("2020-03-19") == day
    assert kinds.count("") == undated > 0 and f"undated 无日期: {undated} kept" in note
    assert "通电话 习近平–普京 03-19" in labels  # 000: 3月19日 ◆…习近平应约同俄罗斯总统普京通电话
    assert week >= day and days > 0  # the week of Monday 03-16 holds 03-19
    assert dropped == 0 and f"all dates 全部日期 · undated 无日期: {undated} hidden" in dropped_note  # dropped, and said


@pytest.mark.slow
def test_viz_page_opens_readable(browser, seed_page):
    """Laid out before writing, main names legible at the opening zoom, unlinked actors hidden until asked."""
    with _tab(browser, seed_page) as tab:
        physics = tab.evaluate("window.jishi.network.physics.options.enabled")
        scale = tab.evaluate("window.jishi.network.getScale()")
        readable = tab.evaluate(_LABEL_PIXELS, "https://w3id.org/jishi/id/actor/person/xi-jinping")
        busy = tab.text_content("#busy")
        lone = "window.jishi.visibleNodeIds().filter(id => window.jishi.nodes.get(id).kind === 'actor' && " \
               "!window.jishi.edges.get().some(e => e.from === id || e.to === id)).length"
        hidden = tab.evaluate(lone)
        tab.check("#orphans")
        shown = tab.evaluate(lone)
    assert physics is False
    assert scale >= 0.3
    assert readable >= 10
    assert busy == ""
    assert hidden == 0 and shown > 50


@pytest.mark.slow
def test_viz_page_state_in_the_url(browser, seed_page):
    """Filters, focus and selection travel in the URL: a second tab opened on it shows the same view."""
    with _tab(browser, seed_page) as tab:
        _only(tab, "PhoneCall")
        tab.fill("#date-from", "2020-03-01")
        _search(tab, "普京")
        _row(tab, "通电话 习近平–普京 03-19").click()
        tab.click("#focus-1")
        shared = tab.url
        first = tab.evaluate("[...window.jishi.visibleNodeIds()].sort()")
    with _tab(browser, seed_page, "#" + shared.split("#", 1)[1]) as tab:
        second = tab.evaluate("[...window.jishi.visibleNodeIds()].sort()")
        heading = tab.text_content("[data-testid=details] h2")
        types = tab.evaluate("[...window.jishi.state.types]")
        date_from = tab.input_value("#date-from")
        rows = _rows(tab)
        tab.select_option("#focus-steps", "2")
        wider = tab.evaluate("window.jishi.visibleNodeIds().length")
    assert second == first and len(first) == 3  # the call, 习近平 and 普京
    assert heading == "通电话 习近平–普京 03-19"
    assert types == ["PhoneCall"] and date_from == "2020-03-01"
    assert "通电话 习近平–普京 03-19" in rows
    assert wider > len(first)  # two steps: also the other March calls of 习近平 and 普京


@pytest.mark.slow
def test_viz_page_keyboard(browser, seed_page):
    """/ opens the search, Enter goes to the list, arrows move in it, Enter opens the panel, Escape closes it."""
    with _tab(browser, seed_page) as tab:
        tab.click("#title")
        tab.keyboard.press("/")
        tab.keyboard.type("默克尔")
        tab.keyboard.press("Enter")
        first = tab.evaluate("document.activeElement.dataset.id")
        tab.keyboard.press("ArrowDown")
        second = tab.evaluate("document.activeElement.dataset.id")
        tab.keyboard.press("Enter")
        heading = tab.text_content("[data-testid=details] h2")
        label = tab.evaluate("window.jishi.nodes.get(document.activeElement.dataset.id).label")
        tab.focus("[data-testid=details]")
        tab.keyboard.press("Escape")
        hidden = tab.is_hidden("[data-testid=details]")
        labelled = tab.evaluate("""[...document.querySelectorAll('input, select, button, [role=listbox], [role=region]')]
            .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')
                         && !e.getAttribute('aria-labelledby') && !e.textContent.trim()).map(e => e.id)""")
    assert first and second and first != second
    assert heading == label
    assert hidden
    assert labelled == []


@pytest.mark.slow
def test_viz_page_parses_details_when_first_shown(browser, page):
    """Opening parses the page data only; the details are parsed once, when a panel first opens."""
    count = """(() => { const parse = JSON.parse; window.__parsed = [];
        JSON.parse = function (text) { window.__parsed.push(text.length); return parse.apply(this, arguments); }; })()"""
    with _tab(browser, page, init=count) as tab:
        opened = tab.evaluate("window.__parsed.length")
        tab.evaluate("window.jishi.select('https://w3id.org/jishi/id/event/call1', false)")
        tab.evaluate("window.jishi.select('https://w3id.org/jishi/id/actor/person/wang', false)")
        shown = tab.evaluate("window.__parsed.length")
        heading = tab.text_content("[data-testid=details] h2")
    assert (opened, shown) == (1, 2)
    assert heading == "王毅"


@pytest.mark.slow
def test_viz_page_typing_fast_searches_once(browser, page):
    """Keystrokes closer than the search wait search once, for the whole word, and leave the timeline as drawn."""
    with _tab(browser, page) as tab:
        tab.evaluate("""() => {
            window.__hashes = [];
            const write = history.replaceState.bind(history);
            history.replaceState = (s, t, url) => { window.__hashes.push(url); write(s, t, url); };
            window.__bar = document.querySelector('#timeline-chart rect');
        }""")
        tab.click("[data-testid=search]")
        tab.keyboard.type("谭德塞", delay=30)
        tab.wait_for_function("() => window.jishi.state.searched === '谭德塞'")
        hashes = tab.evaluate("window.__hashes")
        bar_kept = tab.evaluate("window.__bar !== null && window.__bar.isConnected")
        rows = _rows(tab)
    assert [unquote(h) for h in hashes] == ["#q=谭德塞"]
    assert bar_kept
    assert rows[0] == "谭德塞"  # the actor the search finds, then its events and statement


@pytest.fixture(scope="module")
def long_page(small_graph, tmp_path_factory) -> Path:
    """The small graph with 250 more calls between 王毅 and 谭德塞, one a day from 2021-01-01."""
    calls = "".join(f"""<https://w3id.org/jishi/id/event/many{i}> a jishi:PhoneCall ;
    jishi:date "{date.fromordinal(date(2021, 1, 1).toordinal() + i).isoformat()}"^^xsd:date ;
    jishi:participant <https://w3id.org/jishi/id/actor/person/wang> , <https://w3id.org/jishi/id/actor/person/tedros> .
""" for i in range(250))
    return viz.write_network(_with(small_graph, calls), tmp_path_factory.mktemp("long") / "network.html")


@pytest.mark.slow
def test_viz_page_results_drawn_a_hundred_at_a_time(browser, long_page):
    """254 facts: the list draws 100 rows and a "show more" row; more rows come on click or scroll; CSV has all."""
    with _tab(browser, long_page) as tab:
        first = tab.locator("[data-testid=result-row]").count()
        label = tab.text_content("[data-testid=results-more]")
        tab.dispatch_event("[data-testid=results-more]", "click")  # a click without scrolling the list to its end
        second = tab.locator("[data-testid=result-row]").count()
        tab.evaluate("() => { const l = document.getElementById('results'); l.scrollTop = l.scrollHeight; }")
        tab.wait_for_function("() => document.querySelectorAll('[data-testid=result-row]').length > 200")
        third = tab.locator("[data-testid=result-row]").count()
        left = tab.locator("[data-testid=results-more]").count()
        count = tab.text_content("#results-count")
        with tab.expect_download() as got:
            tab.click("#export-csv")
        table = list(csv.reader(io.StringIO(Path(got.value.path()).read_text(encoding="utf-8-sig"))))
    assert (first, second, third, left) == (100, 200, 254, 0)
    assert "154" in label
    assert count.startswith("254 results")  # 3 calls and a message of the fixture, 250 added
    assert len(table) == 1 + 254


@pytest.mark.slow
def test_viz_page_exports(browser, seed_page):
    """The results list as CSV (one row per result, UTF-8) and the view as PNG, saved without any request."""
    with _tab(browser, seed_page) as tab:
        _only(tab, "Summit")
        rows = _rows(tab)
        with tab.expect_download() as got:
            tab.click("#export-csv")
        table = list(csv.reader(io.StringIO(Path(got.value.path()).read_text(encoding="utf-8-sig"))))
        with tab.expect_download() as got:
            tab.click("#export-png")
        png = Path(got.value.path()).read_bytes()
    assert table[0] == ["date", "class", "label", "parties", "evidence", "id"]
    assert [row[2] for row in table[1:]] == rows and {row[1] for row in table[1:]} == {"Summit"}
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 10_000


FORMULA = '=HYPERLINK("http://example.com","点击")'
"""A name a spreadsheet would run as a formula."""


@pytest.fixture(scope="module")
def hostile_page(small_graph, tmp_path_factory) -> Path:
    """The small page plus an actor named by a formula, in a call with 王毅."""
    g = _with(small_graph, """<https://w3id.org/jishi/id/actor/org/formula> a jishi:Organization ; rdfs:label %s@zh-Hans .
<https://w3id.org/jishi/id/event/call3> a jishi:PhoneCall ; jishi:date "2020-03-20"^^xsd:date ;
    jishi:participant <https://w3id.org/jishi/id/actor/org/formula>, <https://w3id.org/jishi/id/actor/person/wang> .
""" % json.dumps(FORMULA, ensure_ascii=False))
    return viz.write_network(g, tmp_path_factory.mktemp("hostile") / "network.html", title="测试 <b>网络</b>",
                             texts={"a.txt": DOC_A})


@pytest.mark.slow
def test_viz_page_injected_markup_stays_text(browser, hostile_page):
    """A name and a quote holding <script> and <img onerror> are text everywhere; CSV cells cannot run formulas."""
    with _tab(browser, hostile_page) as tab:
        _search(tab, "<script>")
        rows = _rows(tab)
        _row(tab, "函电").click()
        message = tab.inner_text("[data-testid=details]")
        tab.locator("[data-testid=details] button.link", has_text="<script>").click()
        heading = tab.text_content("[data-testid=details] h2")
        _search(tab, "谭德塞")
        _row(tab, "通电话 王毅–谭德塞 03-19").click()
        evidence = tab.locator("[data-testid=evidence]").all_inner_texts()
        elements = tab.evaluate("[document.querySelectorAll('img').length, document.querySelectorAll('script').length]")
        title = tab.text_content("#title")
        _search(tab, "hyperlink")
        with tab.expect_download() as got:
            tab.click("#export-csv")
        table = list(csv.reader(io.StringIO(Path(got.value.path()).read_text(encoding="utf-8-sig"))))
    assert rows == [XSS_NAME, f"函电 王毅–{XSS_NAME}–意大利 03-10"]
    assert heading == XSS_NAME
    assert "王毅 (发送方 sender) → 意大利 (接收方 recipient)" in message  # a Message's roles, from role_words.csv
    assert evidence[0].startswith("昨天，王毅同谭德塞通电话。") and evidence[1].startswith(XSS_NAME + "通电话")
    assert elements == [0, 4]  # no injected image; the data, the details, vis-network and the page's own script
    assert title == "测试 <b>网络</b>"
    # the actor's row (its name) and the call's (its parties, the formula first): neutralised as the CSV exports do
    assert [row[2:4] for row in table[1:]] == [["'" + FORMULA, ""], [f"通电话 王毅–{FORMULA} 03-20", f"'{FORMULA}; 王毅"]]


def _with(graph: rdflib.Graph, turtle: str) -> rdflib.Graph:
    """A copy of ``graph`` with more triples."""
    g = rdflib.Graph()
    for triple in graph:
        g.add(triple)
    return g.parse(data="""@prefix jishi: <https://w3id.org/jishi/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
""" + turtle, format="turtle")


def test_viz_legend_lists_visit_with_its_own_style(small_graph):
    """A Visit (王毅 to Italy) is an event of the ontology: it gets a kind, a legend entry and a fixed style."""
    g = _with(small_graph, """<https://w3id.org/jishi/id/event/visit1> a jishi:Visit ; jishi:date "2020-04-03"^^xsd:date ;
    jishi:participant <https://w3id.org/jishi/id/actor/person/wang> , <https://w3id.org/jishi/id/actor/country/IT> .""")
    data = viz.network_data(g)
    legend = {entry["cls"]: entry for entry in data["legend"]}
    assert legend["Visit"]["kind"] == "event" and legend["Visit"]["label"] == "访问"
    assert {"cls": "Visit", "count": 1, "label": "访问"} in data["types"]


def test_viz_role_words_name_event_classes_and_roles():
    """Every row of role_words.csv is for an event class of the ontology and a role an edge can carry."""
    words = viz.role_words()
    assert set(words) <= set(viz.EVENT_CLASSES)
    assert {role for roles in words.values() for role in roles} <= set(viz.EDGE_ROLES)
    assert viz.network_data(rdflib.Graph())["roleWords"]["Aid"]["provider"] == {"zh": "援助方", "en": "giver"}


def test_viz_styles_tell_every_class_apart():
    """No two classes share colour and shape; classes that share a colour differ in shape."""
    styles = list(viz.STYLES.values())
    assert len(set(styles)) == len(styles)
    assert set(viz.STYLES) >= set(viz.ACTOR_CLASSES + viz.EVENT_CLASSES + (viz.STATEMENT_CLASS,))
