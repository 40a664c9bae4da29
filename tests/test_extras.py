"""graph.extras: a command that needs an optional library says which extra installs it."""
from __future__ import annotations

import sys

import pytest

from graph.extras import MissingExtra, require


def test_extras_require_passes_for_an_installed_module():
    require("yaml", "none", "reading front matter")


def test_extras_require_names_the_extra_and_the_command(monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # what `import matplotlib` sees when it is not installed
    with pytest.raises(MissingExtra) as caught:
        require("matplotlib", "plot", "jishi stats --plot")
    assert str(caught.value) == ("jishi stats --plot needs matplotlib, which is not installed: "
                                 "pip install 'jishi[plot]' (in a clone: .venv/bin/pip install -e '.[plot]')")
