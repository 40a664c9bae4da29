"""graph/query.py and queries/*.rq on the seed graph: the named queries find what the documents say."""
from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.query import (FORMATS, PREFIXES, ParameterError, QuerySyntaxError, answer, bind, format_table,
                         named_queries, open_store, parameters, run, select)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def store(seed_graph_file):
    return open_store(seed_graph_file)


def named(store, name: str, **params: str) -> list[dict]:
    return select(named_queries()[name].text, store, params)


# -- the named queries -------------------------------------------------------------------------------

def test_query_named_queries_have_headers():
    queries = named_queries()
    assert len(queries) >= 12
    for query in queries.values():
        assert query.text.startswith("# "), query.name
        assert len(query.title) > 20, query.name


def test_query_person_phone_calls(store):
    # 000: "◆中国国家主席习近平应约同意大利总理孔特通电话" (3月16日), "…应约同俄罗斯总统普京通电话" (3月19日)
    march = named(store, "person_phone_calls", **{"from": "2020-03-01", "to": "2020-03-31"})
    rows = {(r["date"], r["counterpart"]): r for r in march}
    putin = rows[("2020-03-19", "普京")]
    assert putin["country"] == "俄罗斯"
    assert putin["requested_by"] == "普京"
    assert rows[("2020-03-16", "孔特")]["country"] == "意大利"
    assert all(date.startswith("2020-03") for date, _ in rows)
    # 001 under 1月22日: "◆中國國家主席習近平應約同法國總統馬克龍通電話": outside March, there with no limit
    assert ("2020-01-22", "马克龙") not in rows
    assert any(r.get("date") == "2020-01-22" and r["counterpart"] == "马克龙" for r in named(store, "person_phone_calls"))


@pytest.mark.parametrize("name", ["默克尔", "默克爾"])
def test_query_person_phone_calls_of_merkel(store, name):
    # 001 under 1月22日: "習近平應約同德國總理默克爾通電話"; under 2月9日: "國務院總理李克強應約同德國總理默克爾通電話";
    # under 3月25日: "習近平同德國總理默克爾通電話" (004: "——3月25日，习近平同德国总理默克尔通电话"), not 应约
    rows = named(store, "person_phone_calls", person=name)
    assert [(r["date"], r["counterpart"], r.get("requested_by")) for r in rows] == [
        ("2020-01-22", "习近平", "默克尔"), ("2020-02-09", "李克强", "默克尔"), ("2020-03-25", "习近平", None)]
    march = named(store, "person_phone_calls", person=name, **{"from": "2020-03-01", "to": "2020-03-31"})
    assert [(r["date"], r["counterpart"]) for r in march] == [("2020-03-25", "习近平")]


def test_query_requested_events(store):
    # 001: "◆中國國家主席習近平應約同法國總統馬克龍通電話" under 1月22日
    rows = named(store, "requested_events")
    assert any(r.get("date") == "2020-01-22" and r["type"] == "PhoneCall" and r["requested_by"] == "马克龙"
               and "习近平" in r.get("others", "") for r in rows)


def test_query_messages(store):
    # 000: "中国国家主席习近平日前致电韩国总统文在寅，就近期韩国发生新冠肺炎疫情…表示诚挚慰问"
    rows = named(store, "messages")
    to_moon = [r for r in rows if r.get("sender") == "习近平" and r.get("recipient") == "文在寅"]
    assert to_moon
    assert any("文在寅" in r["quote"] for r in to_moon)


def test_query_aid_by_recipient_country(store):
    # 002: China sent medical teams and supplies to 伊朗、伊拉克、意大利、塞尔维亚、柬埔寨
    rows = {r["country"]: r for r in named(store, "aid_by_recipient_country")}
    assert rows["意大利"]["aid_events"] >= 1
    assert "中国" in rows["意大利"]["providers"]


def test_query_expert_teams(store):
    # 002: "从2月27日向伊朗派出首支医疗专家组以来"
    rows = named(store, "expert_teams")
    assert any(r.get("destination") == "伊朗" and r.get("sent_by") == "中国" and r.get("date") == "2020-02-27"
               for r in rows)


def test_query_who_statements(store):
    # 001: "世界衛生組織總幹事譚德塞在社交媒體表示，感謝中國政府的配合與透明"
    rows = named(store, "who_statements")
    tedros = [r for r in rows if r["speaker"] == "谭德塞"]
    assert any("感谢中国政府的配合与透明" in r["text"] for r in tedros)
    assert all(r["document"].endswith(".txt") for r in rows)
    assert named(store, "who_statements", body="世界衛生組織") == rows


def test_query_who_statements_of_another_body(store):
    # 001 under 1月16日: "外交部發言人表示，中方積極向世界衛生組織等國際組織以及有關國家通報相關疫情信息"
    rows = named(store, "who_statements", body="外交部")
    assert any(r.get("date") == "2020-01-16" and r["text"].startswith("中方积极向世界卫生组织等国际组织") for r in rows)
    assert not any(r["speaker"] == "谭德塞" for r in rows)


def test_query_praise_by_country(store):
    # 004: "普京表示，中国向遭受疫情的国家及时伸出援助之手，为国际社会树立了良好典范"
    rows = {r["country"]: r for r in named(store, "praise_by_country")}
    assert "普京" in rows["俄罗斯"]["speakers"]
    assert rows["俄罗斯"]["statements"] >= 1


def test_query_press_conferences(store):
    # 003: "今天上午，国新办举行新闻发布会，外交部副部长罗照辉、科技部副部长徐南平…"
    rows = named(store, "press_conferences")
    briefing = [r for r in rows if r.get("date") == "2020-03-26" and "罗照辉" in r.get("speakers", "")]
    assert briefing
    assert briefing[0]["statements"] >= 3


def test_query_most_active_actors(store):
    rows = named(store, "most_active_actors")
    top = [r["actor_name"] for r in rows[:5]]
    assert "习近平" in top
    assert rows == sorted(rows, key=lambda r: -r["events"])


def test_query_event_evidence_points_into_the_documents(store, seeds_dir):
    rows = named(store, "event_evidence")
    documents = {r["document"] for r in rows}
    assert {"000_88ab725de4594ffc.txt", "001_8486d6720058fcd3.txt", "004_057ea572d0f1fc7d.txt"} <= documents
    for r in rows:
        raw = (seeds_dir / r["document"]).read_text(encoding="utf-8-sig")
        assert raw[r["start"]:r["end"]] == r["quote"]
        assert "普京" in r["quote"]


def test_query_multi_document_events(store):
    rows = named(store, "multi_document_events")
    putin = [r for r in rows if r["label"].startswith("PhoneCall 2020-03-19") and "普京" in r["label"]]
    assert putin and putin[0]["documents"] >= 3
    assert all(r["documents"] > 1 for r in rows)


def test_query_timeline_by_day(store):
    rows = {(r["date"], r["type"]): r["events"] for r in named(store, "timeline_by_day")}
    assert rows[("2020-03-19", "PhoneCall")] >= 1
    assert list(rows) == sorted(rows)
    # 000 under 3月19日: "…应约同俄罗斯总统普京通电话"; the day alone, with the same count
    day = {(r["date"], r["type"]): r["events"] for r in named(store, "timeline_by_day", **{"from": "2020-03-19",
                                                                                          "to": "2020-03-19"})}
    assert day == {key: n for key, n in rows.items() if key[0] == "2020-03-19"}
    assert len(day) < len(rows)


def test_query_info_sharing(store):
    # 004: "中方…及时向世卫组织以及包括美国在内的有关国家通报疫情信息"
    rows = named(store, "info_sharing")
    assert any(r.get("sender") == "中国" and r.get("receiver") == "世界卫生组织" for r in rows)


def test_query_statements_by_speaker(store):
    rows = named(store, "statements_by_speaker")
    assert rows[0]["speaker"] == "习近平"
    assert "强调" in rows[0]["verbs"]
    assert rows[0]["first"] <= rows[0]["last"]


def test_query_documents(store):
    rows = {r["file"]: r for r in named(store, "documents")}
    assert len(rows) == 5
    assert rows["001_8486d6720058fcd3.txt"]["language"] == "zh-Hant"
    assert rows["002_214cb19a08ba0256.txt"]["genre"] == "transcript"
    assert all(r["events"] > 0 for r in rows.values())


def test_query_event_evidence_of_another_actor_and_day(store):
    # 004: "——3月25日，习近平同德国总理默克尔通电话" under several of Merkel's quotes
    rows = named(store, "event_evidence", actor="默克爾", date="2020-03-25")
    assert "PhoneCall" in {r["type"] for r in rows}
    assert "004_057ea572d0f1fc7d.txt" in {r["document"] for r in rows}


def test_query_actor_names(store):
    # 001 writes 譚德塞 (Traditional); the Simplified documents write 谭德塞
    rows = named(store, "actor_names")
    names = {(r["name"], r["language"].lower()) for r in rows}
    assert ("谭德塞", "zh-hans") in names
    assert ("譚德塞", "zh-hant") in names
    assert {r["class"] for r in rows} == {"Person"}
    assert {(r["name"], r["language"]) for r in named(store, "actor_names", actor="譚德塞")} == \
        {(r["name"], r["language"]) for r in rows}


# -- the engine, formats and errors ------------------------------------------------------------------

CALLS = "SELECT ?date WHERE { ?e a jishi:PhoneCall ; jishi:date ?date } ORDER BY ?date"


@pytest.mark.parametrize("fmt", FORMATS)
def test_query_formats(seed_graph_file, fmt):
    out = answer(CALLS, seed_graph_file, fmt)
    if fmt == "table":
        assert out.splitlines()[0].strip() == "date"
        assert "2020-03-19" in out and out.rstrip().endswith("rows)")
    elif fmt == "json":
        bindings = json.loads(out)["results"]["bindings"]
        assert {"type": "literal", "value": "2020-03-19",
                "datatype": "http://www.w3.org/2001/XMLSchema#date"} in [b["date"] for b in bindings]
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(out)))
        assert rows[0] == ["date"] and ["2020-03-19"] in rows
    elif fmt == "tsv":
        assert out.splitlines()[0] == "?date" and '"2020-03-19"^^<http://www.w3.org/2001/XMLSchema#date>' in out
    else:
        assert out.startswith("<?xml") and "2020-03-19" in out


def test_query_ask_and_construct(store):
    from graph.query import format_results

    assert format_results(run("ASK { ?e a jishi:PhoneCall }", store)) == "true\n"
    turtle = format_results(run("CONSTRUCT { ?e a jishi:Summit } WHERE { ?e a jishi:Summit }", store))
    assert "jishi:Summit" in turtle


@pytest.mark.parametrize("query, line, column, words", [
    ("SELECT ?x WHERE { ?x foo:bar ?y }", 1, 29, "unknown prefix 'foo:'"),
    ("SELECT ?x WHERE {\n  ?x a jishi:Person .\n  FILTER (?x = ) }", 3, None, "expected"),
])
def test_query_syntax_error_has_position(store, query, line, column, words):
    with pytest.raises(QuerySyntaxError) as caught:
        run(query, store)
    error = caught.value
    assert error.line == line
    assert error.column == column if column else 0 < error.column <= len(query.splitlines()[line - 1]) + 1
    assert words in str(error)
    assert f"line {line}, column {error.column}" in str(error)
    assert query.splitlines()[line - 1] in str(error)  # the offending line is shown


def test_query_table_aligns_wide_characters():
    lines = format_table(["name", "n"], [["习近平", "1"], ["Guterres", "22"]]).splitlines()
    # 习近平 takes 6 display columns and Guterres 8: both second cells start at display column 10
    columns = [len(line[:line.index(cell)]) + sum(1 for ch in line[:line.index(cell)] if ord(ch) > 0x2E80)
               for line, cell in ((lines[2], "1"), (lines[3], "22"))]
    assert columns == [10, 10]


def test_query_cli_named_and_inline(seed_graph_file):
    runner = CliRunner()
    result = runner.invoke(main, ["query", "person_phone_calls", "--graph", str(seed_graph_file)])
    assert result.exit_code == 0, result.output
    assert "普京" in result.output and "俄罗斯" in result.output
    result = runner.invoke(main, ["query", "-e", CALLS, "--graph", str(seed_graph_file), "--format", "csv"])
    assert result.exit_code == 0 and "2020-03-19" in result.output


def test_query_cli_syntax_error(seed_graph_file):
    result = CliRunner().invoke(main, ["query", "-e", "SELECT ?x WHERE { ?x foo:bar ?y }",
                                       "--graph", str(seed_graph_file)])
    assert result.exit_code == 1
    assert "line 1, column 29" in result.output


def test_query_cli_list():
    result = CliRunner().invoke(main, ["query", "--list"])
    assert result.exit_code == 0
    assert all(name in result.output for name in named_queries())
    line = next(line for line in result.output.splitlines() if line.startswith("person_phone_calls"))
    assert line.endswith("person: name = 习近平; from: date; to: date")


def test_query_cli_missing_graph(tmp_path):
    result = CliRunner().invoke(main, ["query", "timeline_by_day", "--graph", str(tmp_path / "none.ttl")])
    assert result.exit_code == 1 and "no such graph file" in result.output


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_query_named_query_declares_the_contract_prefixes_it_uses(name):
    import pyoxigraph as ox

    text = named_queries()[name].text
    ox.Store().query(text)  # no prefixes bound, as on a SPARQL endpoint: an undeclared one is a syntax error
    declared = dict(re.findall(r"^PREFIX\s+([\w-]*):\s*<([^>]*)>", text, re.M))
    assert declared and all(PREFIXES[prefix] == iri for prefix, iri in declared.items())


def test_query_declared_prefix_wins_over_the_bound_one():
    import pyoxigraph as ox

    rows = select("PREFIX jishi: <urn:other#> SELECT (jishi:Event AS ?x) WHERE {}", ox.Store())
    assert rows == [{"x": "urn:other#Event"}]


def test_query_file_not_utf8_is_named_with_the_reason(tmp_path):
    path = tmp_path / "gbk.rq"
    path.write_bytes("SELECT ?名 WHERE {}".encode("gbk"))
    result = CliRunner().invoke(main, ["query", str(path), "--graph", str(tmp_path / "g.ttl")])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {path}: not UTF-8 text")


# -- parameters ---------------------------------------------------------------------------------------

PARAMETRISED = sorted(q.name for q in named_queries().values() if q.parameters)


def test_query_parameters_declared_in_the_header():
    assert {"person_phone_calls", "event_evidence", "actor_names"} <= set(PARAMETRISED)
    declared = named_queries()["person_phone_calls"].parameters
    assert [(p.name, p.type, p.default) for p in declared] == [
        ("person", "name", "习近平"), ("from", "date", None), ("to", "date", None)]


@pytest.mark.parametrize("name", PARAMETRISED)
def test_query_parameters_values_line_holds_the_declared_defaults(store, name):
    # the file run as it is (as on another endpoint) answers what its declared defaults bind, and not nothing
    text = named_queries()[name].text
    as_is = [[str(term) for term in row] for row in store.query(text)]
    assert as_is
    assert as_is == [[str(term) for term in row] for row in store.query(bind(text, {}))]


@pytest.mark.parametrize("line", ["# param: person", "# param: person number = 3", "# param: 9x name"])
def test_query_parameters_malformed_declaration_is_named(line):
    with pytest.raises(ParameterError, match="expected '# param: NAME TYPE"):
        parameters(f"# A query.\n{line}\nSELECT * WHERE {{ ?s ?p ?o }}")


@pytest.mark.parametrize("values, words", [
    ({"persn": "x"}, "unknown parameter 'persn' for this query; it declares person, from, to"),
    ({"from": "2020-02-30"}, "parameter from: '2020-02-30' is not a date (YYYY-MM-DD)"),
    ({"to": "March"}, "parameter to: 'March' is not a date"),
    ({"person": "  "}, "parameter person: empty value"),
    ({"person": "默克\udcffl"}, "parameter person: '默克\\udcffl' is not valid text"),
])
def test_query_parameters_bad_value_is_one_line(values, words):
    with pytest.raises(ParameterError) as caught:
        bind(named_queries()["person_phone_calls"].text, values)
    assert words in str(caught.value) and "\n" not in str(caught.value)


def test_query_parameters_need_their_values_line():
    text = "# A query.\n# param: person name\nSELECT * WHERE { ?s ?p ?person }"
    with pytest.raises(ParameterError, match=r"no line 'VALUES \(\?person\)"):
        bind(text, {"person": "x"})


def test_query_parameters_on_a_query_that_declares_none():
    with pytest.raises(ParameterError, match="it declares none"):
        bind(CALLS, {"person": "x"})
    assert bind(CALLS, {}) == CALLS


ECHO = "# Echo.\n# param: who name\n# param: day date\nSELECT ?who ?day WHERE {\n  VALUES (?who ?day) { (UNDEF UNDEF) }\n}"
INJECTIONS = ['默克尔" } ; DROP ALL ; #', '默克尔"@zh-Hans) } ?x ?y ?z { (', "> <http://x> <", "默克尔\n} UNION { ?s ?p ?o }",
              '\\" UNDEF ) ( "习近平', "默克尔'''", "默克尔\r\n\t\\u0022"]


@pytest.mark.parametrize("value", INJECTIONS)
def test_query_parameters_a_value_stays_one_literal(store, value):
    # a name no actor has: no rows and no syntax error; bound in a query that echoes it, it comes back whole
    assert named(store, "person_phone_calls", person=value) == []
    assert select(ECHO, store, {"who": value}) == [{"who": value.strip()}]


def test_query_parameters_date_is_a_typed_literal(store):
    assert '"2020-03-25"^^<http://www.w3.org/2001/XMLSchema#date>' in bind(ECHO, {"day": "2020-03-25"})
    row = next(iter(run(ECHO, store, {"day": "2020-03-25"})))
    assert row["day"].datatype.value == PREFIXES["xsd"] + "date"
    assert select(ECHO, store) == [{}]


def test_query_cli_params(seed_graph_file):
    result = CliRunner().invoke(main, ["query", "person_phone_calls", "--graph", str(seed_graph_file), "--format",
                                       "csv", "--param", "person=默克尔", "--param", "from=2020-03-01",
                                       "--param", "to=2020-03-31"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [(r["date"], r["counterpart"]) for r in rows] == [("2020-03-25", "习近平")]


@pytest.mark.parametrize("param, words", [
    ("persn=默克尔", "unknown parameter 'persn' for this query; it declares person, from, to"),
    ("from=2020-3-1", "parameter from: '2020-3-1' is not a date (YYYY-MM-DD)"),
    ("person", "'person': expected NAME=VALUE"),
])
def test_query_cli_bad_param_is_one_line(seed_graph_file, param, words):
    result = CliRunner().invoke(main, ["query", "person_phone_calls", "--graph", str(seed_graph_file),
                                       "--param", param])
    assert result.exit_code in (1, 2) and words in result.output


def test_query_command_line_and_store_do_not_load_rdflib():
    """A query on the saved store costs the query: the command line, the query module and the store need no rdflib."""
    code = "import sys, graph.cli, graph.query, graph.store; print('rdflib' in sys.modules)"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parent.parent).stdout
    assert loaded.strip() == "False"
