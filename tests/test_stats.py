"""Tests for graph.stats and the ``jishi stats`` / ``jishi viz`` commands.

The fixture is a small network whose answers can be worked out by hand:
王毅 calls 谭德塞 and 意大利, writes to 马克龙; 马克龙 meets and calls 普京
(twice together); 世界卫生组织 takes part in nothing. So 王毅 has the most
partners (3) and sits on most shortest paths; 马克龙 is the only bridge to 普京.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner

from graph import stats
from graph.cli import main

FIXTURE = """
@prefix jishi: <https://w3id.org/jishi/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@base <https://w3id.org/jishi/id/> .

<actor/wang> a jishi:Person ; rdfs:label "王毅"@zh-Hans, "Wang Yi"@en .
<actor/tedros> a jishi:Person ; rdfs:label "谭德塞"@zh-Hans .
<actor/IT> a jishi:Country ; rdfs:label "意大利"@zh-Hans .
<actor/macron> a jishi:Person ; rdfs:label "马克龙"@zh-Hans .
<actor/putin> a jishi:Person ; rdfs:label "普京"@zh-Hans .
<actor/who> a jishi:InternationalOrganization ; rdfs:label "世界卫生组织"@zh-Hans .

<event/1> a jishi:PhoneCall ; jishi:date "2020-03-16"^^xsd:date ; jishi:participant <actor/wang>, <actor/tedros> .
<event/2> a jishi:PhoneCall ; jishi:date "2020-03-17"^^xsd:date ; jishi:participant <actor/wang>, <actor/IT> .
<event/3> a jishi:Message ; jishi:date "2020-03-17"^^xsd:date ; jishi:participant <actor/wang>, <actor/macron> .
<event/4> a jishi:Meeting ; jishi:date "2020-03-24"^^xsd:date ; jishi:participant <actor/macron>, <actor/putin> .
<event/5> a jishi:PhoneCall ; jishi:date "2020-03-24"^^xsd:date ; jishi:participant <actor/macron>, <actor/putin> .
"""
ID = "https://w3id.org/jishi/id/"


@pytest.fixture(scope="module")
def small_graph() -> rdflib.Graph:
    return rdflib.Graph().parse(data=FIXTURE, format="turtle")


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("stats") / "graph.ttl"
    path.write_text(FIXTURE, encoding="utf-8")
    return path


def test_stats_ranking_by_partners(small_graph):
    ranking = stats.actor_ranking(small_graph)
    assert [(r.label, r.partners, r.events) for r in ranking[:2]] == [("王毅", 3, 3), ("马克龙", 2, 3)]
    assert ranking[-1].label == "世界卫生组织" and ranking[-1].partners == 0


# Six actors: normalised by the (6-1)(6-2)/2 = 10 pairs of others. 王毅 is on 5 of them, 马克龙 on 3.
@pytest.mark.parametrize("label, betweenness", [("王毅", 5 / 10), ("马克龙", 3 / 10), ("普京", 0.0)])
def test_stats_betweenness(small_graph, label, betweenness):
    ranks = {r.label: r for r in stats.actor_ranking(small_graph)}
    assert ranks[label].betweenness == pytest.approx(betweenness, abs=1e-6)


def test_stats_communities(small_graph):
    groups = stats.communities(small_graph)
    assert groups == [[ID + "actor/IT", ID + "actor/tedros", ID + "actor/wang"],
                      [ID + "actor/macron", ID + "actor/putin"]]


def test_stats_events_per_week(small_graph):
    weeks = stats.events_per_week(small_graph)
    assert list(weeks) == ["2020-W12", "2020-W13"]
    assert weeks["2020-W12"] == {"PhoneCall": 2, "Message": 1}
    assert weeks["2020-W13"] == {"Meeting": 1, "PhoneCall": 1}


def test_stats_busiest_days(small_graph):
    days = stats.busiest_days(small_graph, top=2)
    assert [(day, sum(c.values())) for day, c in days] == [("2020-03-17", 2), ("2020-03-24", 2)]


@pytest.mark.parametrize("rows, expected", [
    ([["王毅", 3], ["WHO", 12]], "王毅        3\nWHO        12"),
    ([["意大利", "Country"]], "意大利  Country"),
])
def test_stats_table_aligns_wide_characters(rows, expected):
    assert stats.table(["actor", "events"], rows).split("\n", 2)[2] == expected


def test_stats_format_has_sections(small_graph):
    text = stats.format_stats(stats.compute_stats(small_graph))
    for heading in ("Actors by degree", "Actors by betweenness", "Communities", "Events per ISO week", "Busiest days"):
        assert heading in text
    assert "2020-W12" in text


def test_stats_plots(small_graph, tmp_path):
    written = stats.plot_stats(stats.compute_stats(small_graph), tmp_path)
    assert [p.name for p in written] == ["timeline.png", "top_actors.png"]
    assert all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and p.stat().st_size > 5000 for p in written)


def test_stats_display_name_falls_back_to_english():
    rank = stats.ActorRank(ID + "actor/wang", "王毅", "Person", 1, 1, 0.0, label_en="Wang Yi")
    assert stats._display_name(rank, None) == "Wang Yi"
    assert stats._display_name(rank, "WenQuanYi Micro Hei") == "王毅"


def test_stats_cli(graph_file, tmp_path):
    result = CliRunner().invoke(main, ["stats", "--graph", str(graph_file), "--plot", str(tmp_path / "plots")])
    assert result.exit_code == 0, result.output
    assert "王毅" in result.output and "2020-W13" in result.output
    assert (tmp_path / "plots" / "timeline.png").is_file()


def test_stats_cli_missing_graph(tmp_path):
    result = CliRunner().invoke(main, ["stats", "--graph", str(tmp_path / "none.ttl")])
    assert result.exit_code == 1
    assert "no such graph file" in result.output


def test_stats_viz_cli(graph_file, tmp_path):
    out = tmp_path / "network.html"
    result = CliRunner().invoke(main, ["viz", "--graph", str(graph_file), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "马克龙" in out.read_text(encoding="utf-8")


def test_stats_cli_plot_without_matplotlib_says_how_to_install(graph_file, tmp_path, monkeypatch):
    """matplotlib comes with the `plot` extra, not with `make run`: one line, before any table is printed."""
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    result = CliRunner().invoke(main, ["stats", "--graph", str(graph_file), "--plot", str(tmp_path / "plots")])
    assert result.exit_code == 1
    assert result.output.startswith("Error: jishi stats --plot needs matplotlib") and "'.[plot]'" in result.output
    assert result.output.count("\n") == 1 and not (tmp_path / "plots").exists()
