"""The breathing pacer of lesson 05: paced breathing at about 6 breaths a minute.

The timing model (:mod:`widgets.breathing.model`) is plain Python and is imported here; the view,
:class:`~widgets.breathing.view.BreathingPacer` (an ``anywidget``), is imported only when asked for.
"""

from widgets._lazy import lazy_views
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


__getattr__, __dir__ = lazy_views(__name__, {"BreathingPacer": "widgets.breathing.view"}, globals())
