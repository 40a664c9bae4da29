"""Libraries that only one command needs, installed as extras of the package rather than with it.

``make run`` installs what ``jishi build`` and the everyday commands need, so a new
user is not kept waiting for (or made to store) a plotting stack or a Wikibase client
they may never use. The command that needs one of these checks for it first and,
when it is missing, says in one line which extra brings it.
"""
from __future__ import annotations

import importlib.util


class MissingExtra(RuntimeError):
    """An optional library a command needs is not installed; the message says how to install it."""


def require(module: str, extra: str, purpose: str) -> None:
    """Raise :class:`MissingExtra` unless ``module`` can be imported.

    ``extra`` is the name in ``[project.optional-dependencies]`` that installs it;
    ``purpose`` names the command or feature, so the message tells the user what
    they asked for and how to get it, before any work is done.
    """
    if importlib.util.find_spec(module) is None:
        raise MissingExtra(f"{purpose} needs {module}, which is not installed: "
                           f"pip install 'jishi[{extra}]' (in a clone: .venv/bin/pip install -e '.[{extra}]')")
