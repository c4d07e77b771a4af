"""The timing of the breathing pacer, as plain functions (lesson 05).

The NHS relaxed-breathing exercise: breathe in slowly counting from one to five, then let the
breath out counting from one to five, without pausing or holding the breath; practise for three to
five minutes (Leicestershire Partnership NHS Trust, from the NHS *Yellow Book*). At one count a
second that is a 10-second breath, about 6 breaths a minute (arithmetic, not a figure from the
source). ``pacer.js`` mirrors these functions in the browser, where the animation runs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

#: Counts (seconds) breathing in, and breathing out: one count a second.
IN_SECONDS = 5
OUT_SECONDS = 5
BREATH_SECONDS = IN_SECONDS + OUT_SECONDS
#: The session lengths a learner can choose, in minutes.
MIN_MINUTES, MAX_MINUTES = 1, 5
#: The circle's size, as a fraction of its largest: smallest at the end of a breath out.
SMALLEST = 0.4

PHASE_WORDS = {"in": "Breathe in…", "out": "Breathe out…", "done": "Well done. Breathe normally."}


@dataclass(frozen=True)
class Phase:
    """Where a session is at a moment.

    Attributes
    ----------
    name : str
        ``"in"``, ``"out"`` or ``"done"`` (the session is over).
    count : int
        The count being spoken, 1 to 5 (0 when done).
    progress : float
        How far through this breath in or out, 0 to 1 (1 when done).
    breaths_done : int
        Whole breaths (in and out) finished so far.
    scale : float
        The circle's size, from :data:`SMALLEST` (empty lungs) to 1 (full).
    """

    name: str
    count: int
    progress: float
    breaths_done: int
    scale: float

    @property
    def words(self) -> str:
        """What the pacer says: "Breathe in…", "Breathe out…" or the closing line."""
        return PHASE_WORDS[self.name]


def check_minutes(minutes: object) -> int:
    """A session length in whole minutes, 1 to 5.

    Raises
    ------
    ValueError
        If ``minutes`` is not a whole number from 1 to 5, with a sentence a learner can read.
    """
    if isinstance(minutes, bool) or not isinstance(minutes, int | float | str):
        raise ValueError("Choose a number of minutes from 1 to 5.")
    try:
        value = float(str(minutes).strip())
    except ValueError:
        raise ValueError("Choose a number of minutes from 1 to 5.") from None
    if not math.isfinite(value) or value != int(value):
        raise ValueError("Choose a whole number of minutes, from 1 to 5.")
    if not MIN_MINUTES <= value <= MAX_MINUTES:
        raise ValueError(
            f"Choose from {MIN_MINUTES} to {MAX_MINUTES} minutes: the NHS suggests three to five."
        )
    return int(value)


def breaths_in(minutes: object) -> int:
    """How many whole breaths a session of ``minutes`` holds (6 a minute)."""
    return check_minutes(minutes) * 60 // BREATH_SECONDS


def breaths_per_minute() -> float:
    """Breaths a minute at the pacer's pace: 6."""
    return 60 / BREATH_SECONDS


def _ease(x: float) -> float:
    """Smooth start and finish (the same cosine curve as CSS ``ease-in-out`` roughly)."""
    return (1 - math.cos(math.pi * x)) / 2


def phase_at(seconds: float, minutes: object = 5) -> Phase:
    """The phase, count, progress and circle size ``seconds`` after pressing Start.

    Parameters
    ----------
    seconds : float
        Time since the session started; must not be negative.
    minutes : int
        The session's length (1 to 5); at its end the phase is ``"done"``.

    Raises
    ------
    ValueError
        If ``seconds`` is negative or not a number, or ``minutes`` is out of range.
    """
    total = check_minutes(minutes) * 60
    if isinstance(seconds, bool) or not isinstance(seconds, int | float):
        raise ValueError("The time must be a number of seconds.")
    if not math.isfinite(seconds) or seconds < 0:
        raise ValueError("The time since the start cannot be negative.")
    if seconds >= total:
        return Phase("done", 0, 1.0, total // BREATH_SECONDS, SMALLEST)
    breaths, into = divmod(seconds, BREATH_SECONDS)
    if into < IN_SECONDS:
        progress = into / IN_SECONDS
        name, count = "in", int(into) + 1
        scale = SMALLEST + (1 - SMALLEST) * _ease(progress)
    else:
        progress = (into - IN_SECONDS) / OUT_SECONDS
        name, count = "out", int(into - IN_SECONDS) + 1
        scale = 1 - (1 - SMALLEST) * _ease(progress)
    return Phase(name, count, progress, int(breaths), scale)


def counts_text(phase: Phase) -> str:
    """The counts spoken so far in this breath in or out: ``"1 2 3"``; empty when done."""
    return " ".join(str(i) for i in range(1, phase.count + 1))
