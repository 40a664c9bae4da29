"""The registry of event formulas: one shape of sentence each, found by name.

A trigger row of ``ontology/lexicon/event_triggers.csv`` names its event class
and its *shape*; the shape names a formula registered here, which reads the
parties around the trigger. Each formula declares what it reads, as spaCy
components declare ``requires``: the keys of ``ontology/lexicon/event_cues.yaml``
(``cues``). The events stage checks them when it reads the lexicon, so a
trigger row naming an unknown shape or class, or a formula whose cue is
missing, fails at load time rather than quietly finding nothing.

A new shape is one module in this package that calls :func:`register`; every
module here is imported the first time the registry is asked (modules import
``graph.events`` for its shared helpers, so they are not imported before it).

>>> "visit" in formulas()
True
>>> "visit_host_markers" in formulas()["visit"].cues
True
"""
from __future__ import annotations

import importlib
import pkgutil
import threading
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Formula", "formula", "formulas", "register"]


@dataclass(frozen=True)
class Formula:
    """One registered formula: its shape name, the function and the cues it reads.

    ``read`` takes the events stage's document context and a trigger hit and
    returns the drafts of the events told there (none when the sentence does not
    fit the formula).
    """

    shape: str
    read: Callable
    cues: tuple[str, ...] = ()


_REGISTRY: dict[str, Formula] = {}
_LOADED: list[bool] = []
_LOADING = threading.RLock()
"""Held while the modules are imported: another thread asking meanwhile waits instead of finding
the registry empty (Dask workers run as threads). Re-entrant, for a module that asks while imported."""


def register(shape: str, *, cues: tuple[str, ...] = ()) -> Callable:
    """Decorator: file the function as the formula of ``shape``.

    Parameters
    ----------
    shape : the name trigger rows give in their ``shape`` column.
    cues : the keys of ``event_cues.yaml`` the formula reads.

    Raises
    ------
    ValueError
        When another function already holds the shape.

    Examples
    --------
    ``graph/formulas/visit.py`` files the Visit formula::

        @register("visit", cues=("visit_host_markers", …))
        def read_visit(ctx, hit): …
    """
    def add(function: Callable) -> Callable:
        known = _REGISTRY.get(shape)
        if known is not None and known.read is not function:
            raise ValueError(f"event formula {shape!r} is registered twice ({known.read.__module__}, "
                             f"{function.__module__})")
        _REGISTRY[shape] = Formula(shape, function, tuple(cues))
        return function
    return add


def formulas() -> dict[str, Formula]:
    """Every registered formula by shape name, this package's modules imported first."""
    with _LOADING:
        if not _LOADED:
            _LOADED.append(True)
            for module in pkgutil.iter_modules(__path__):
                importlib.import_module(f"{__name__}.{module.name}")
    return dict(sorted(_REGISTRY.items()))


def formula(shape: str) -> Formula:
    """The formula of ``shape``.

    Raises
    ------
    KeyError
        For a shape nobody registered, naming the shapes there are.
    """
    known = formulas()
    if shape not in known:
        raise KeyError(f"unknown event shape {shape!r}; registered: {', '.join(known)}")
    return known[shape]
