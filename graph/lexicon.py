"""Reading the word lists of ``ontology/lexicon/`` (YAML), with libyaml's parser where PyYAML has it.

Every process that analyses documents reads them once: a build's workers each,
and a rebuild that analyses one document in its own process. PyYAML's parser
in Python takes about 50 ms for them; ``CSafeLoader`` (libyaml's parser, the
same safe constructors, so the same values) about 7 ms.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""The safe loader, on libyaml when PyYAML was built with it (wheels are)."""


def read_yaml(path: Path) -> Any:
    """The YAML document in ``path`` (UTF-8), as ``yaml.safe_load`` reads it: plain data, no Python objects."""
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_LOADER)
