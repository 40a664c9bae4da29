"""Every command explains itself and appears in the README (sqlite-utils' docs test)."""
import os
import subprocess
import sys
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


# ---------------------------------------------------------------- bad input: one line, no traceback

GOOD_TURTLE = ('@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n'
               '<https://w3id.org/jishi/id/actor/country/china> rdfs:label "中国"@zh-Hans ;\n'
               '    rdfs:label "China"@en .\n')
BAD_GRAPHS = {  # name: (file content, or None for no file, "dir" for a folder; words of the reason)
    "missing": (None, "no such graph file"),
    "folder": ("dir", "is a folder"),
    "empty": ("", "empty file"),
    "truncated": (GOOD_TURTLE[:GOOD_TURTLE.index(";") + 1], "cannot be"),  # the file ends inside a statement
    "not_turtle": ("<!DOCTYPE html><html><body><p>纪事</p></body></html>\n", "cannot be"),
}


def _bad_graph(tmp_path: Path, kind: str) -> Path:
    content, _ = BAD_GRAPHS[kind]
    path = tmp_path / "graph.ttl"
    if content == "dir":
        path.mkdir()
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    return path


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


COMMANDS = {  # each command that reads a graph, with the arguments it needs besides the graph
    "query": lambda g, out: ["query", "-e", "ASK { ?s ?p ?o }", "--graph", g],
    "stats": lambda g, out: ["stats", "--graph", g],
    "viz": lambda g, out: ["viz", "--graph", g, "-o", str(out / "network.html")],
    "export": lambda g, out: ["export", "ntriples", "--graph", g, "-o", str(out / "graph.nt")],
    "validate": lambda g, out: ["validate", g],
    "evaluate": lambda g, out: ["evaluate", g, str(out)],
    "serve": lambda g, out: ["serve", "--graph", g, "--port", str(_free_port())],
}


@pytest.mark.parametrize("kind", sorted(BAD_GRAPHS))
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_cli_bad_graph_fails_in_one_line_naming_file_and_reason(tmp_path, command, kind):
    graph = _bad_graph(tmp_path, kind)
    result = CliRunner().invoke(main, COMMANDS[command](str(graph), tmp_path))
    lines = result.output.strip().splitlines()
    assert result.exit_code != 0
    assert len(lines) <= 2, result.output  # rdflib may log a warning before the error
    assert str(graph) in lines[-1] and BAD_GRAPHS[kind][1] in lines[-1]
    assert "Traceback" not in result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)


def test_cli_build_run_as_the_program_ends_with_its_summary_written(tmp_path, data_dir, monkeypatch):
    """A build run as the program ends its process without freeing its facts: what it printed still
    arrives whole through a pipe (buffered), as the same build prints it in this process."""
    args = ["build", str(data_dir / "gbk.txt"), "-o", "out", "--no-network", "--no-store"]
    done = subprocess.run([sys.executable, "-m", "graph.cli", *args], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "graph.ttl").is_file()
    monkeypatch.chdir(tmp_path)
    assert done.stdout == CliRunner().invoke(main, args).output
    assert "wrote: " in done.stdout


def test_cli_debug_shows_the_traceback(tmp_path):
    graph = _bad_graph(tmp_path, "not_turtle")
    args = [sys.executable, "-m", "graph.cli"]
    plain = subprocess.run(args + ["stats", "--graph", str(graph)], capture_output=True, text=True)
    debug = subprocess.run(args + ["--debug", "stats", "--graph", str(graph)], capture_output=True, text=True)
    assert plain.returncode == debug.returncode == 1
    lines = plain.stderr.strip().splitlines()
    assert "Traceback" not in plain.stderr and len(lines) <= 2
    assert lines[-1].startswith(f"Error: {graph}: cannot be parsed")
    assert "Traceback" in debug.stderr and "GraphFileError" in debug.stderr


def test_cli_unexpected_error_is_one_line_too(tmp_path, monkeypatch):
    import graph.stats

    def broken(graph):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(graph.stats, "compute_stats", broken)
    path = tmp_path / "graph.ttl"
    path.write_text(GOOD_TURTLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["stats", "--graph", str(path)])
    assert result.exit_code == 1
    assert result.output.strip() == ("Error: unexpected ZeroDivisionError: division by zero "
                                     "(run `jishi --debug ...` for the traceback)")


# ---------------------------------------------------------------- output paths, checked before any work

@pytest.fixture
def in_a_file(tmp_path) -> Path:
    """A path whose parent is a file: no folder can be made there, for root either."""
    blocker = tmp_path / "notes.txt"
    blocker.write_text("纪事", encoding="utf-8")
    return blocker / "out"


def test_cli_build_checks_the_output_folder_before_the_analysis(tmp_path, yearless, in_a_file, monkeypatch):
    import graph.pipeline

    monkeypatch.setattr(graph.pipeline, "build", lambda *a, **k: pytest.fail("the analysis ran"))
    result = CliRunner().invoke(main, ["build", str(yearless), "-o", str(in_a_file)])
    assert result.exit_code == 2
    assert f"{in_a_file}: cannot be created: {in_a_file.parent} is a file, not a folder" in result.output
    assert "Traceback" not in result.output


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only folder")
def test_cli_build_refuses_a_folder_it_cannot_write(tmp_path, yearless):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        result = CliRunner().invoke(main, ["build", str(yearless), "-o", str(locked / "out")])
    finally:
        locked.chmod(0o700)
    assert result.exit_code == 2
    assert f"{locked} is not writable" in result.output


@pytest.mark.parametrize("command", ["viz", "export", "stats --plot"])
def test_cli_output_path_is_checked_before_reading_the_graph(tmp_path, in_a_file, command):
    graph = tmp_path / "graph.ttl"
    graph.write_text(GOOD_TURTLE, encoding="utf-8")
    out = {"viz": ["viz", "-o", str(in_a_file / "n.html")], "export": ["export", "ntriples", "-o", str(in_a_file)],
           "stats --plot": ["stats", "--plot", str(in_a_file)]}[command]
    result = CliRunner().invoke(main, out + ["--graph", str(graph)])
    assert result.exit_code == 2
    assert "is a file, not a folder" in result.output and str(in_a_file.parent) in result.output
    assert "Traceback" not in result.output


def test_cli_viz_refuses_a_folder_as_its_page(tmp_path):
    graph = tmp_path / "graph.ttl"
    graph.write_text(GOOD_TURTLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["viz", "--graph", str(graph), "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert f"{tmp_path}: is a folder; give a file name" in result.output


def test_cli_write_error_names_the_file_asked_for_not_the_temporary(tmp_path):
    graph = tmp_path / "graph.ttl"
    graph.write_text(GOOD_TURTLE, encoding="utf-8")
    taken = tmp_path / "graph.cypher"
    taken.mkdir()
    result = CliRunner().invoke(main, ["export", "cypher", "--graph", str(graph), "-o", str(taken)])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {taken}: Is a directory"


def test_cli_viz_documents_give_whole_sentences(tmp_path):
    """`jishi viz --documents` reads the texts the graph was built from: evidence in its sentence, not the quote alone."""
    import json
    import re

    from graph.pipeline import build

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("2020年3月19日\n◆国家主席习近平应约同俄罗斯总统普京通电话。双方交换意见。\n", encoding="utf-8")
    graph = build([docs], tmp_path / "out", jobs=1, store=False, cache=False, network=False).graph_path
    sentences = {}
    for given in ([], ["--documents", str(docs)]):
        page = tmp_path / "page.html"
        result = CliRunner().invoke(main, ["viz", "--graph", str(graph), "-o", str(page), *given])
        assert result.exit_code == 0, result.output
        text = page.read_text(encoding="utf-8")
        data = json.loads(re.search(r'id="data">(.*?)</script>', text, re.S).group(1))
        details = json.loads(re.search(r'id="details-data">(.*?)</script>', text, re.S).group(1))
        [call] = [n for n in data["events"]["nodes"] if n["cls"] == "PhoneCall"]
        sentences[bool(given)] = details[call["id"]]["evidence"][0]["sentence"]
    assert sentences[True] == "◆国家主席习近平应约同俄罗斯总统普京通电话。"
    assert sentences[False] != sentences[True] and sentences[False] in sentences[True]
