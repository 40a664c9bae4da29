"""Errors of input a user can fix, each a single line that names the file (or option) and the reason.

The ``jishi`` command prints these, and the operating system's errors of
reading and writing files, as ``Error: <file>: <reason>`` with no traceback;
``jishi --debug`` shows the traceback. Library callers catch :class:`JishiError`
to tell bad input from a bug.

>>> from graph.errors import GraphFileError
>>> str(GraphFileError("out/graph.ttl", "empty file, not a graph"))
'out/graph.ttl: empty file, not a graph'
"""
from __future__ import annotations

import os

__all__ = ["JishiError", "GraphFileError", "QueryFileError", "OutputPathError"]


class JishiError(Exception):
    """Bad input (a file, a query, an option value): the message says which and why, in one line."""


class _PathError(JishiError):
    """An error about one path; kept apart from the reason so callers can read either."""

    def __init__(self, path: str | os.PathLike, reason: str) -> None:
        self.path, self.reason = path, reason
        super().__init__(f"{path}: {reason}")


class GraphFileError(_PathError):
    """A saved graph that cannot be loaded: empty, not UTF-8, or not parseable in its format."""


class QueryFileError(_PathError):
    """A SPARQL query file that is not UTF-8 text."""


class OutputPathError(_PathError):
    """An output file or folder that cannot be created or written to."""
