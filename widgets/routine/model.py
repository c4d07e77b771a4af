"""The guided routine's model: a set of exercises walked through as timed holds and rests.

The exercises are those of ``stretches.toml`` (name, how-to, dose, picture, source: reused, not
copied); ``routine.toml`` picks them and gives the timer's numbers from each source's dose.

Nothing sleeps. The routine is a timeline (hold, rest, hold, rest ... for each exercise in turn);
where the learner is on it is always ``banked + clock() - started``, so a late or missing display
refresh cannot make it drift. Skip and Back move along the timeline to the start of an exercise.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from widgets.clock import Stopwatch
from widgets.content import ContentError, load_toml, require, require_source
from widgets.timer.data import Note, load_stretches

FILE = "routine.toml"
STATES = ("idle", "running", "paused", "done")
#: Back within this many seconds of an exercise's start goes to the exercise before it.
BACK_GRACE = 2.0


@dataclass(frozen=True)
class Exercise:
    """One exercise of the routine, with its timing.

    Attributes
    ----------
    id, name, how, dose, picture, source : str
        From ``stretches.toml``: the exercise as the source describes it.
    hold_seconds : int
        How long each hold lasts.
    reps : int
        How many holds.
    count : str
        How the reps are counted ("6 holds, alternating sides").
    timing_source : str
        Where the hold and reps come from.
    """

    id: str
    name: str
    how: str
    dose: str
    picture: str
    source: str
    hold_seconds: int
    reps: int
    count: str
    timing_source: str


@dataclass(frozen=True)
class RoutineContent:
    """What ``routine.toml`` holds: the exercises, the rest between holds and two notes."""

    exercises: tuple[Exercise, ...]
    rest_seconds: int
    rest_source: str
    caution: Note
    start: Note


def _note(data: dict, key: str) -> Note:
    entry = require(data, key, dict, file=FILE, where="the file")
    return Note(
        require(entry, "text", str, file=FILE, where=f"[{key}]"),
        require_source(entry, file=FILE, where=f"[{key}]"),
    )


def load_routine(data: dict | None = None) -> RoutineContent:
    """Read and check ``routine.toml`` (or ``data``, parsed from such a file).

    Raises
    ------
    ContentError
        If a step names an exercise ``stretches.toml`` lacks, or a number or field is wrong.
    """
    data = load_toml(FILE) if data is None else data
    _, stretches = load_stretches()
    by_id = {s.id: s for s in stretches}
    rest = require(data, "rest_seconds", int, file=FILE, where="the file")
    if not 1 <= rest <= 60:
        raise ContentError(f"{FILE}: rest_seconds must be from 1 to 60.")
    exercises = []
    for n, entry in enumerate(require(data, "step", list, file=FILE, where="the file"), 1):
        where = f"step {entry.get('stretch', f'#{n}')!r}"
        sid = require(entry, "stretch", str, file=FILE, where=where)
        if sid not in by_id:
            raise ContentError(f"{FILE}: {where}: stretches.toml has no exercise '{sid}'.")
        hold = require(entry, "hold_seconds", int, file=FILE, where=where)
        reps = require(entry, "reps", int, file=FILE, where=where)
        if not 1 <= hold <= 60 or not 1 <= reps <= 30:
            raise ContentError(f"{FILE}: {where}: hold 1-60 s and 1-30 reps, please.")
        s = by_id[sid]
        exercises.append(
            Exercise(
                s.id, s.name, s.how, s.dose, s.picture, s.source, hold, reps,
                require(entry, "count", str, file=FILE, where=where),
                require_source(entry, file=FILE, where=where),
            )
        )  # fmt: skip
    if not exercises:
        raise ContentError(f"{FILE}: there are no steps.")
    if len({e.id for e in exercises}) != len(exercises):
        raise ContentError(f"{FILE}: an exercise appears twice.")
    return RoutineContent(
        exercises=tuple(exercises),
        rest_seconds=rest,
        rest_source=require(data, "rest_source", str, file=FILE, where="the file"),
        caution=_note(data, "caution"),
        start=_note(data, "start"),
    )


CONTENT = load_routine()
#: The routine's exercises, by id, in order.
EXERCISES = {e.id: e for e in CONTENT.exercises}


@dataclass(frozen=True)
class RoutineStatus:
    """Where the learner is, read from the clock once.

    Attributes
    ----------
    state : str
        One of :data:`STATES`.
    index : int
        Which exercise (0-based) is current; on "done", the last one.
    exercise : Exercise
        The current exercise.
    rep : int
        The current hold (1-based).
    phase : str
        ``"hold"`` or ``"rest"``.
    seconds_left : float
        Seconds left in the current hold or rest; never negative.
    """

    state: str
    index: int
    exercise: Exercise
    rep: int
    phase: str
    seconds_left: float


@dataclass(frozen=True)
class _Step:
    index: int
    rep: int
    phase: str
    start: float
    seconds: float


class Routine:
    """Walk through exercises: hold N s, rest M s, for each rep, then the next exercise.

    Parameters
    ----------
    exercises : iterable of str, optional
        Exercise ids from :data:`EXERCISES`, in the order to do them; default all of them.
    rest_seconds : float, optional
        Pause between holds; default the routine's (5 s, the course's choice).
    clock : callable, optional
        Monotonic clock (default :func:`time.monotonic`); tests pass a fake one.

    Raises
    ------
    ValueError
        If an id is unknown, the list is empty, or ``rest_seconds`` is out of 1 to 60.
    """

    def __init__(
        self,
        exercises: Iterable[str] | None = None,
        *,
        rest_seconds: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        ids = list(EXERCISES) if exercises is None else list(exercises)
        unknown = [i for i in ids if i not in EXERCISES]
        if unknown:
            raise ValueError(f"The routine has no exercise called {unknown[0]!r}.")
        if not ids:
            raise ValueError("Choose at least one exercise for the routine.")
        rest = CONTENT.rest_seconds if rest_seconds is None else rest_seconds
        if isinstance(rest, bool) or not isinstance(rest, int | float) or not 1 <= rest <= 60:
            raise ValueError("The rest between holds must be 1 to 60 seconds.")
        self._exercises = tuple(EXERCISES[i] for i in ids)
        self._rest = float(rest)
        self._clock = clock
        self._steps: list[_Step] = []
        self._starts: list[float] = []
        t = 0.0
        for i, ex in enumerate(self._exercises):
            self._starts.append(t)
            for rep in range(1, ex.reps + 1):
                self._steps.append(_Step(i, rep, "hold", t, ex.hold_seconds))
                t += ex.hold_seconds
                last = i == len(self._exercises) - 1 and rep == ex.reps
                if not last:
                    self._steps.append(_Step(i, rep, "rest", t, self._rest))
                    t += self._rest
        self._total = t
        self._phase = "idle"  # idle | running | paused (done is worked out from the clock)
        # The position in the routine, in seconds: it runs only while the phase is "running".
        self._watch = Stopwatch(clock)

    @property
    def exercises(self) -> tuple[Exercise, ...]:
        """The exercises, in order."""
        return self._exercises

    @property
    def rest_seconds(self) -> float:
        """The pause between holds, in seconds."""
        return self._rest

    @property
    def total_seconds(self) -> float:
        """The whole routine's length in seconds."""
        return self._total

    def _position(self, now: float) -> float:
        return min(self._watch.elapsed(now), self._total)

    def _set_position(self, now: float, position: float) -> None:
        self._watch.set(max(0.0, min(position, self._total)), now)

    def status(self) -> RoutineStatus:
        """Where the learner is now."""
        pos = self._position(self._clock())
        if pos >= self._total and self._phase != "idle":
            last = self._steps[-1]
            return RoutineStatus(
                "done", last.index, self._exercises[last.index], last.rep, "hold", 0.0
            )
        step = self._steps[0]
        for s in self._steps:
            if s.start <= pos:
                step = s
            else:
                break
        left = max(0.0, step.start + step.seconds - pos)
        return RoutineStatus(
            self._phase, step.index, self._exercises[step.index], step.rep, step.phase, left
        )

    @property
    def state(self) -> str:
        """``"idle"``, ``"running"``, ``"paused"`` or ``"done"``."""
        return self.status().state

    def start(self) -> None:
        """Start from the exercise shown (from the beginning once the routine is done).

        Raises
        ------
        ValueError
            If already running or paused.
        """
        state = self.state
        if state in ("running", "paused"):
            raise ValueError("The routine is already going. Use Pause, or Back to repeat.")
        now = self._clock()
        self._set_position(now, 0.0 if state == "done" else self._watch.elapsed(now))
        self._watch.resume(now)
        self._phase = "running"

    def pause(self) -> None:
        """Stop the clock; ``ValueError`` unless running."""
        if self.state != "running":
            raise ValueError("The routine is not running.")
        now = self._clock()
        self._watch.pause(now)
        self._set_position(now, self._position(now))
        self._phase = "paused"

    def resume(self) -> None:
        """Carry on after a pause; ``ValueError`` unless paused."""
        if self.state != "paused":
            raise ValueError("The routine is not paused.")
        self._watch.resume(self._clock())
        self._phase = "running"

    def reset(self) -> None:
        """Back to the first exercise, not running."""
        self._phase = "idle"
        self._watch.reset()

    def _move(self, position: float) -> None:
        now = self._clock()
        if self.state == "done":
            self._phase = "paused"
            self._watch.pause(now)
        self._set_position(now, position)

    def skip(self) -> None:
        """Go to the start of the next exercise (from the last one, finish the routine)."""
        st = self.status()
        if st.state == "done":
            return
        nxt = st.index + 1
        if nxt >= len(self._exercises):
            self._move(self._total)
            if self._phase == "idle":
                self._phase = "paused"
        else:
            self._move(self._starts[nxt])

    def back(self) -> None:
        """Go to the start of this exercise, or of the one before if it has only just begun."""
        now = self._clock()
        st = self.status()
        pos = self._position(now)
        index = st.index
        if st.state != "done" and pos - self._starts[index] < BACK_GRACE and index > 0:
            index -= 1
        self._move(self._starts[index])
