"""The genre registry: how a document of each genre is cut into dated blocks.

One module per genre. Each declares ``NAMES`` (the genres it reads, as the read stage
detects them from the rows of ``ontology/lexicon/genre_cues.csv``) and
``split(lines, document) -> list[Block]``, which cuts the document's non-blank lines
(:class:`~graph.genres.layout.Line`) into blocks and dates them; its own layout cues
are in ``ontology/lexicon/<genre>.yaml`` (shared ones in ``structure.yaml``). Adding a
genre is one module listed in :data:`MODULES` and its detection rows in
``genre_cues.csv``.

>>> NAMES[:3]
('chronicle', 'transcript', 'article')
>>> splitter("text") is splitter("article")
True
"""
from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from ..model import Block, Document
from .layout import Line

__all__ = ["FALLBACK", "MODULES", "NAMES", "splitter"]

# In order of precedence when two genres' cues weigh the same in a document.
MODULES = ("chronicle", "transcript", "article", "compilation", "broadcast", "speech", "chronology")
# The genre of a document that no genre's cues claim.
FALLBACK = "text"

Splitter = Callable[[list[Line], Document], list[Block]]

_BY_NAME: dict[str, Splitter] = {
    name: module.split
    for module in (import_module(f"{__name__}.{m}") for m in MODULES)
    for name in module.NAMES
}
NAMES: tuple[str, ...] = tuple(_BY_NAME)


def splitter(genre: str) -> Splitter:
    """The function that cuts documents of ``genre`` into blocks (an unknown genre's: plain text's)."""
    return _BY_NAME.get(genre, _BY_NAME[FALLBACK])
