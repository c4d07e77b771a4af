"""The one fake clock the tests and the benchmarks use: time moves only when a test says so."""

from __future__ import annotations

from datetime import datetime, timedelta


class FakeClock:
    """A monotonic clock and a wall clock that move together, only when told to.

    Pass the instance as a model's ``clock`` (it is callable) and :meth:`wall` as its
    ``wall_clock``. Move it with :meth:`advance` or by setting :attr:`now`.

    Parameters
    ----------
    start : float
        The monotonic reading to begin at (any value: models only use differences).
    wall : datetime
        The local time at ``start``.
    """

    def __init__(self, start: float = 1000.0, wall: datetime = datetime(2024, 5, 1, 9, 0)):
        self.now = start
        self.wall0, self.mono0 = wall, start

    def __call__(self) -> float:
        return self.now

    def wall(self) -> datetime:
        """The local time now: ``wall`` plus the monotonic time passed since ``start``."""
        return self.wall0 + timedelta(seconds=self.now - self.mono0)

    def advance(self, seconds: float) -> None:
        """Let ``seconds`` pass."""
        self.now += seconds
