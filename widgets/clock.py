"""A stopwatch on an injected clock: the one pause/resume clock the timed tools build on.

The sitting timer (:class:`widgets.timer.SittingSchedule`), the guided routine
(:class:`widgets.routine.model.Routine`) and the heat/cold session
(:class:`widgets.planner.model.PackSession`) all count seconds that run only while something is
going and stop while it is paused. They count them here. Nothing sleeps: the count is worked out
from the clock whenever it is read (``banked + clock() - since``), so a display that refreshes
late, or a hidden browser tab that does not refresh at all, cannot make it drift.
"""

from __future__ import annotations

import time
from collections.abc import Callable


class Stopwatch:
    """Seconds counted on ``clock`` while running; paused time does not count.

    Parameters
    ----------
    clock : callable, optional
        Returns seconds from a monotonic clock; default :func:`time.monotonic`. Tests pass a fake.

    Notes
    -----
    Every method takes an optional ``at``: the clock reading to act at (default: read the clock
    now). A model that has already read the clock passes it, so that one action sees one moment,
    and an event that happened by itself (a break that ran out) can be placed at the exact moment
    it happened rather than when somebody looked.

    Examples
    --------
    >>> now = [0.0]
    >>> w = Stopwatch(clock=lambda: now[0])
    >>> w.start(); now[0] = 10; w.pause(); now[0] = 100
    >>> w.elapsed()
    10.0
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._banked = 0.0  # seconds counted before the current run
        self._since: float | None = None  # clock reading the current run began; None: stopped

    @property
    def clock(self) -> Callable[[], float]:
        """The clock the seconds are counted on."""
        return self._clock

    @property
    def running(self) -> bool:
        """Whether the stopwatch is counting."""
        return self._since is not None

    def _at(self, at: float | None) -> float:
        return self._clock() if at is None else at

    def elapsed(self, at: float | None = None) -> float:
        """Seconds counted up to ``at`` (default now)."""
        if self._since is None:
            return self._banked
        return self._banked + (self._at(at) - self._since)

    def start(self, at: float | None = None) -> None:
        """Count from zero, starting at ``at`` (default now)."""
        self._banked, self._since = 0.0, self._at(at)

    def pause(self, at: float | None = None) -> None:
        """Stop counting at ``at``, keeping the count (no effect when stopped)."""
        if self._since is not None:
            now = self._at(at)
            self._banked += now - self._since
            self._since = None

    def resume(self, at: float | None = None) -> None:
        """Carry on counting from ``at`` (no effect when running)."""
        if self._since is None:
            self._since = self._at(at)

    def set(self, seconds: float, at: float | None = None) -> None:
        """Make the count ``seconds`` at ``at``, running or not as before (to skip or go back)."""
        self._banked = float(seconds)
        if self._since is not None:
            self._since = self._at(at)

    def reset(self) -> None:
        """Stop, and count zero."""
        self._banked, self._since = 0.0, None

    def reaches(self, seconds: float) -> float | None:
        """The clock reading at which the count reaches ``seconds``, or None when stopped."""
        if self._since is None:
            return None
        return self._since + (seconds - self._banked)

    def __repr__(self) -> str:
        """``Stopwatch(running, elapsed=12.0)``: the state and the count, for a debugger."""
        state = "running" if self.running else "stopped"
        return f"Stopwatch({state}, elapsed={self.elapsed():.1f})"
