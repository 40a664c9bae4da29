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
