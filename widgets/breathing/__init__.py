"""The breathing pacer of lesson 05: paced breathing at about 6 breaths a minute.

The timing model (:mod:`widgets.breathing.model`) is plain Python and is imported here; the view,
:class:`~widgets.breathing.view.BreathingPacer` (an ``anywidget``), is imported only when asked for.
"""

from importlib import import_module

from widgets.breathing.model import (
    BREATH_SECONDS,
    IN_SECONDS,
    MAX_MINUTES,
    MIN_MINUTES,
    OUT_SECONDS,
    PHASE_WORDS,
    SMALLEST,
    Phase,
    breaths_in,
    breaths_per_minute,
    check_minutes,
    counts_text,
    phase_at,
)

_VIEWS = ("BreathingPacer",)

__all__ = [
    "BREATH_SECONDS",
    "IN_SECONDS",
    "MAX_MINUTES",
    "MIN_MINUTES",
    "OUT_SECONDS",
    "PHASE_WORDS",
    "SMALLEST",
    "BreathingPacer",
    "Phase",
    "breaths_in",
    "breaths_per_minute",
    "check_minutes",
    "counts_text",
    "phase_at",
]


def __getattr__(name):
    if name in _VIEWS:
        return getattr(import_module("widgets.breathing.view"), name)
    raise AttributeError(f"module 'widgets.breathing' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_VIEWS))
