"""Every command explains itself and appears in the README (sqlite-utils' docs test)."""
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import main

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(main.commands))
def test_cli_command_has_help_and_readme_mention(command):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert main.commands[command].help
    assert f"jishi {command}" in README


def test_cli_build_names_skipped_files(tmp_path, data_dir):
    result = CliRunner().invoke(main, ["build", str(data_dir / "gbk.txt"), str(data_dir / "empty.txt"),
                                       "-o", str(tmp_path), "--no-network"])
    assert result.exit_code == 0
    assert "documents: 1" in result.output
    assert "empty.txt: empty file" in result.output
    assert (tmp_path / "graph.ttl").is_file()


def _dates_in(graph_path: Path) -> set[str]:
    """Every jishi:date of the built graph."""
    import rdflib

    graph = rdflib.Graph().parse(graph_path)
    return {str(o) for o in graph.objects(None, rdflib.URIRef("https://w3id.org/jishi/ontology#date"))}


@pytest.fixture
def yearless(tmp_path):
    """A republished text: no metadata, no year, no era word."""
    doc = tmp_path / "docs" / "yearless.txt"
    doc.parent.mkdir()
    doc.write_text("3月17日，国家主席习近平同法国总统马克龙通电话。\n周一，习近平同俄罗斯总统普京通电话。\n",
                   encoding="utf-8")
    return doc


def test_cli_build_says_when_no_year_can_be_known(tmp_path, yearless):
    result = CliRunner().invoke(main, ["build", str(yearless), "-o", str(tmp_path / "out"), "--no-network"])
    assert result.exit_code == 0
    assert "no year: 1 documents state no date or year (yearless.txt)" in result.output
    assert "--year" in result.output
    assert _dates_in(tmp_path / "out" / "graph.ttl") == set()


def test_cli_build_year_dates_a_yearless_document(tmp_path, yearless):
    result = CliRunner().invoke(main, ["build", str(yearless), "-o", str(tmp_path / "out"), "--no-network",
                                       "--year", "2020"])
    assert result.exit_code == 0
    assert "no year" not in result.output
    assert _dates_in(tmp_path / "out" / "graph.ttl") == {"2020-03-17"}   # 周一 needs a day to count from


def test_cli_build_date_is_the_day_relative_words_count_from(tmp_path, yearless):
    result = CliRunner().invoke(main, ["build", str(yearless), "-o", str(tmp_path / "out"), "--no-network",
                                       "--date", "2020-03-18"])            # a Wednesday
    assert result.exit_code == 0
    assert _dates_in(tmp_path / "out" / "graph.ttl") == {"2020-03-17", "2020-03-16"}


@pytest.mark.parametrize("option, value", [("--date", "9999-12-31"), ("--year", "10000")])
def test_cli_build_refuses_a_year_out_of_range(tmp_path, yearless, option, value):
    result = CliRunner().invoke(main, ["build", str(yearless), "-o", str(tmp_path / "out"), option, value])
    assert result.exit_code == 2
    assert option in result.output
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_cli_build_refuses_both_year_and_date(tmp_path, yearless):
    result = CliRunner().invoke(main, ["build", str(yearless), "-o", str(tmp_path / "out"),
                                       "--year", "2020", "--date", "2020-03-18"])
    assert result.exit_code != 0
    assert "not both" in result.output


def test_cli_build_max_chars_skips_a_longer_document_with_the_reason(tmp_path, data_dir):
    result = CliRunner().invoke(main, ["build", str(data_dir / "gbk.txt"), str(data_dir / "gbk_short.txt"),
                                       "-o", str(tmp_path), "--no-network", "--max-chars", "30"])
    assert result.exit_code == 0
    assert "documents: 1 (1 skipped, listed below)" in result.output
    assert "gbk.txt: 45 characters, over the limit of 30 per document (split it)" in result.output


def test_cli_build_help_states_the_default_size_limit():
    from graph.read import MAX_CHARS

    result = CliRunner().invoke(main, ["build", "--help"])
    assert f"(default {MAX_CHARS:,})" in " ".join(result.output.split())
