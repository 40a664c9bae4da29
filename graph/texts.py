"""The documents' text kept on disk while a build resolves and writes its graph.

Evidence quotes are slices of each document's ``raw`` text, written when the
graph is; holding every document's text in memory until then costs two bytes or
more per character of the whole corpus (a 1 GB corpus: about 700 MB). A build
instead writes each document's text, as it is analysed, to one temporary file in
UTF-32 (four bytes per character, so a character offset is a byte offset) and
reads a quote back with one ``pread``: memory holds only where each document starts.

>>> from graph.model import Span
>>> with SpilledTexts() as texts:
...     texts.add("a.txt", "习近平同普京通电话。")
...     texts.quote(Span("a.txt", 0, 3))
'习近平'
"""
from __future__ import annotations

import os
import tempfile
from types import TracebackType

from .model import Span

_ENCODING = "utf-32-le"
_WIDTH = 4
"""Bytes per character in the spill file."""


class SpilledTexts:
    """Documents' ``raw`` text in a temporary file (removed on :meth:`close`), quoted by :class:`Span`."""

    def __init__(self, folder: str | os.PathLike | None = None) -> None:
        """``folder``: where the temporary file goes (default: the system's temporary folder)."""
        self._file = tempfile.TemporaryFile(dir=folder)
        self._starts: dict[str, tuple[int, int]] = {}
        self._size = 0

    def add(self, doc_id: str, raw: str) -> None:
        """Keep ``raw`` as the text of ``doc_id``; a document's text is written once."""
        data = raw.encode(_ENCODING, "surrogatepass")
        self._file.write(data)
        self._starts[doc_id] = (self._size, len(raw))
        self._size += len(data)

    def quote(self, span: Span) -> str:
        """The document's text for ``span``, as ``Document.quote`` gives it."""
        start, length = self._starts[span.doc_id]
        first, last = min(span.start, length), min(span.end, length)
        if last <= first:
            return ""
        self._file.flush()
        data = os.pread(self._file.fileno(), (last - first) * _WIDTH, start + first * _WIDTH)
        return data.decode(_ENCODING, "surrogatepass")

    def text(self, doc_id: str) -> str:
        """The whole text of ``doc_id``."""
        return self.quote(Span(doc_id, 0, self._starts[doc_id][1]))

    def flush(self) -> None:
        """Write out what is buffered, so that a process forked now reads every text from the file as it is."""
        self._file.flush()

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> SpilledTexts:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()
