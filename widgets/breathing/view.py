"""The breathing pacer of lesson 05: ``BreathingPacer()``.

An ``anywidget``: the animation (a circle that grows for 5 counts in and shrinks for 5 out) runs
in the browser (``pacer.js``), so it stays smooth whatever the kernel is doing. The timing it
mirrors is :mod:`widgets.breathing.model`, where it is tested. Nothing is saved or sent.
"""

from __future__ import annotations

from pathlib import Path

import anywidget
import traitlets

from widgets.breathing.model import MAX_MINUTES, breaths_in, check_minutes

_HERE = Path(__file__).parent


class BreathingPacer(anywidget.AnyWidget):
    """A paced-breathing guide: about 6 breaths a minute for 1 to 5 minutes.

    Shows "Breathe in…" with the counts 1 to 5 while a circle grows, then "Breathe out…" while
    it shrinks. With the browser's reduced-motion setting the circle keeps one size and the
    words carry the pace. Start and Stop are buttons; the phase is announced politely to
    screen readers.

    Parameters
    ----------
    minutes : int, optional
        Session length, 1 to 5 (default 3: the NHS suggests three to five minutes).

    Attributes
    ----------
    running : bool
        True while a session runs (set by the Start and Stop buttons, or from Python).
    minutes : int
        Session length, checked by :func:`widgets.breathing.model.check_minutes`.
    breaths_done : int
        Whole breaths finished in this session, reported by the browser.

    Examples
    --------
    >>> from widgets.breathing import BreathingPacer
    >>> BreathingPacer()  # doctest: +SKIP
    """

    _esm = (_HERE / "pacer.js").read_text(encoding="utf-8")
    _css = (_HERE / "pacer.css").read_text(encoding="utf-8")

    running = traitlets.Bool(False).tag(sync=True)
    minutes = traitlets.Int(3).tag(sync=True)
    breaths_done = traitlets.Int(0).tag(sync=True)

    @traitlets.validate("minutes")
    def _check_minutes(self, proposal):
        try:
            return check_minutes(proposal["value"])
        except ValueError as exc:
            raise traitlets.TraitError(str(exc)) from None

    @traitlets.validate("breaths_done")
    def _check_breaths(self, proposal):
        value = proposal["value"]
        if not 0 <= value <= breaths_in(MAX_MINUTES):
            raise traitlets.TraitError(f"Breaths done must be from 0 to {breaths_in(MAX_MINUTES)}.")
        return value

    @property
    def total_breaths(self) -> int:
        """Breaths in a full session of :attr:`minutes` (6 a minute)."""
        return breaths_in(self.minutes)
