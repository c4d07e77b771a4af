"""The sitting timer's schedule: when a break is due, and today's tally of sitting and breaks.

Nothing here sleeps, starts a thread or imports a widget library. Every number is computed from
the injected ``clock`` (a monotonic clock, ``time.monotonic`` by default) at the moment it is
read: elapsed time is always ``clock() - started``. A display that refreshes late, irregularly or
not at all (a hidden browser tab) therefore cannot make the countdown drift; it only shows the
right number later.

The calendar day ("today") comes from a second, wall-clock function (``time.time`` by default),
because a monotonic clock knows durations but not dates. Durations never come from the wall clock,
so changing the computer's clock cannot add or remove sitting time.

The schedules the learner picks from are data (:mod:`widgets.timer.presets`); durations are parsed,
checked and formatted in :mod:`widgets.timer.durations`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from widgets.clock import Stopwatch
from widgets.timer.durations import (
    DEFAULT_MAX_SNOOZES,
    DEFAULT_SNOOZE_MINUTES,
    check_break_minutes,
    check_sit_minutes,
    check_snooze_minutes,
    read_number,
)
from widgets.timer.presets import MICRO_PRESETS, Preset, preset

#: The states, in the order a learner meets them.
STATES = ("idle", "sitting", "break-due", "on-break", "paused")

#: The plain-language name of each state, for a display.
STATE_WORDS = {
    "idle": "Not started",
    "sitting": "Sitting",
    "break-due": "Break due: time to move",
    "on-break": "On a break",
    "paused": "Paused",
}

# Old sitting records are dropped once they are this far before today's midnight.
_KEEP_SECONDS = 2 * 86400


@dataclass(frozen=True)
class Tally:
    """Today's sitting and breaks, as of one moment.

    Attributes
    ----------
    day : datetime.date
        The local calendar day the tally covers (it restarts at local midnight).
    sitting_seconds : float
        Time spent sitting today (paused time and breaks excluded).
    blocks : tuple of float
        Seconds of sitting today in each sitting block, oldest first. A block runs from a start
        (or the end of a break) to the next break or reset.
    breaks_taken : int
        Breaks started today.
    snoozes : int
        Breaks put off today.
    """

    day: object
    sitting_seconds: float
    blocks: tuple[float, ...]
    breaks_taken: int
    snoozes: int

    @property
    def longest_seconds(self) -> float:
        """The longest stretch of sitting today, in seconds (0 with no block)."""
        return max(self.blocks, default=0.0)


@dataclass(frozen=True)
class Status:
    """Everything a display needs, read from the clock once, so the numbers agree.

    Attributes
    ----------
    state : str
        One of :data:`STATES`.
    seconds_until_break : float
        Sitting time left before the next break is due; never negative. Frozen while paused.
        While idle or on a break it is the full sitting time the next block will start with.
    seconds_left_in_break : float
        On a break (or paused during one): the break's own countdown. Otherwise the length of
        the next break.
    seconds_sitting : float
        Sitting time in the current block (0 when idle or on a break).
    snoozes_left : int
        How many more times this sitting block's break can be put off.
    paused_from : str or None
        When paused: the state it was paused from ("sitting", "break-due" or "on-break").
    tally : Tally
        Today's numbers.
    micro : MicroStatus or None
        The micro-pause cycle, or None when micro-pauses are off.
    """

    state: str
    seconds_until_break: float
    seconds_left_in_break: float
    seconds_sitting: float
    snoozes_left: int
    paused_from: str | None
    tally: Tally
    micro: MicroStatus | None = None


@dataclass(frozen=True)
class MicroStatus:
    """The micro-pause cycle as of one moment; it runs on the sitting time of the current block.

    Attributes
    ----------
    state : str
        ``"idle"`` (no sitting block running: not started, or on the main break), ``"sitting"``,
        ``"break-due"`` (a micro-pause is due), ``"on-break"`` (a micro-pause is running) or
        ``"paused"`` (the main timer is paused; the numbers are frozen).
    seconds_until_pause : float
        Sitting time left before the next micro-pause (0 when one is due).
    seconds_left_in_pause : float
        During a micro-pause: its time left. Otherwise the length of a micro-pause.
    preset : Preset
        The micro-pause cycle in use.
    """

    state: str
    seconds_until_pause: float
    seconds_left_in_pause: float
    preset: Preset


def _wall_datetime(value: object) -> datetime:
    if isinstance(value, datetime):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return datetime.fromtimestamp(value)
    raise TypeError("wall_clock must return a datetime or seconds since the epoch.")


class SittingSchedule:
    """A sitting-and-breaks cycle: idle → sitting → break-due → on-break → sitting …, or paused.

    Parameters
    ----------
    sit_minutes : float
        Sitting time before a break is due, 3 to 120 minutes.
    break_minutes : float
        Length of a break, 20 seconds (1/3 minute) to 30 minutes.
    clock : callable, optional
        Returns seconds from a monotonic clock; default :func:`time.monotonic`. Every duration
        comes from it.
    wall_clock : callable, optional
        Returns the local time as a :class:`datetime.datetime` or as epoch seconds; default
        :func:`time.time`. Used only to know which day "today" is.
    max_snoozes : int, optional
        How often one due break may be put off (Stretchly allows once; 0 to 3).
    micro : Preset or str, optional
        A micro-pause cycle (one of :data:`MICRO_PRESETS`, or its id) run on the sitting time of
        each block; default none. See :meth:`use_micro`.
    clock_speed : float, optional
        How many seconds of ``clock`` pass in one real second: 1 for a real clock (the default).
        Only a test that runs a sped-up clock changes it, so that :attr:`due_epoch`, a moment
        handed to a real browser, stays a real moment.

    Raises
    ------
    ValueError
        If a setting is out of range or not a number.

    Notes
    -----
    Sitting becomes "break-due" by itself once the sitting time has passed, and a break ends by
    itself once its time is over (the next sitting block starts at that moment), because the state
    is worked out from the clock whenever it is read. Reading never changes what is reported for a
    given clock time. ``breaks_taken`` counts breaks started today; the tally keeps across
    :meth:`reset` and restarts at local midnight.

    **The due moment for the browser.** A hidden browser tab must be able to signal the break on
    time without asking the kernel, so every transition (start, pause, resume, snooze, a break
    started or ended, a settings change, reset) works out :attr:`due_epoch`: the wall-clock
    moment, in seconds since the epoch, at which the next break falls due if nobody acts. The
    durations come from the monotonic ``clock`` (which has no meaning outside this process), so
    the moment is ``wall now + seconds left``, read once at the transition: ``wall_clock()`` plus
    :meth:`seconds_until_due`. It is computed only at transitions, never on a display refresh,
    so a refresh never moves it, and a transition that happens by itself (sitting becomes due, a
    break runs out and the next block starts) needs no new moment: a break's due moment already
    includes the next block's sitting time. While idle or paused there is no due moment (None).

    Examples
    --------
    >>> now = [0.0]
    >>> s = SittingSchedule(sit_minutes=30, break_minutes=3, clock=lambda: now[0])
    >>> s.start(); now[0] = 30 * 60
    >>> s.state
    'break-due'
    """

    def __init__(
        self,
        sit_minutes: float = 30,
        break_minutes: float = 3,
        *,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], datetime | float] = time.time,
        max_snoozes: int = DEFAULT_MAX_SNOOZES,
        micro: Preset | str | None = None,
        clock_speed: float = 1.0,
    ) -> None:
        self._sit_minutes = check_sit_minutes(sit_minutes)
        self._break_minutes = check_break_minutes(break_minutes)
        if isinstance(max_snoozes, bool) or not isinstance(max_snoozes, int):
            raise ValueError("The number of snoozes allowed must be a whole number from 0 to 3.")
        if not 0 <= max_snoozes <= 3:
            raise ValueError("The number of snoozes allowed must be from 0 to 3.")
        self._max_snoozes = max_snoozes
        speed = read_number(clock_speed, "clock speed", "1")
        if speed <= 0:
            raise ValueError("The clock speed must be more than 0 (1 for a real clock).")
        self._clock_speed = speed
        self._clock = clock
        self._wall_clock = wall_clock
        self._phase = "idle"  # stored phase: idle | sitting | on-break | paused
        self._paused_phase: str | None = None  # sitting | on-break
        # Seconds of the current phase (a sitting block or a break), stopped while paused.
        self._watch = Stopwatch(clock)
        self._extension = 0.0  # sitting seconds added to this block by snoozes
        self._snoozes = 0  # snoozes used on this block's break
        self._block = 0  # number of the current sitting block (0: none yet)
        # Sitting intervals [start, end or None, block]; break and snooze start times.
        self._intervals: list[list] = []
        self._break_times: list[float] = []
        self._snooze_times: list[float] = []
        # Micro-pauses, in sitting seconds of the current block: when the running micro cycle
        # began, and when the micro-pause now running began (None: none running).
        self._micro: Preset | None = None
        self._micro_anchor = 0.0
        self._micro_pause_at: float | None = None
        self._due_epoch: float | None = None
        if micro is not None:
            self.use_micro(micro)

    # -- settings -------------------------------------------------------------------------------

    @property
    def sit_minutes(self) -> float:
        """Sitting time before a break is due, in minutes (3 to 120); setting it validates."""
        return self._sit_minutes

    @sit_minutes.setter
    def sit_minutes(self, value: float) -> None:
        self._change_length("_sit_minutes", check_sit_minutes(value))

    @property
    def break_minutes(self) -> float:
        """Length of a break, in minutes (1/3 to 30); setting it validates."""
        return self._break_minutes

    @break_minutes.setter
    def break_minutes(self, value: float) -> None:
        self._change_length("_break_minutes", check_break_minutes(value))

    def _change_length(self, name: str, minutes: float) -> None:
        """Set the length ``name`` (checked minutes): the time so far is settled first."""
        now = self._clock()
        self._settle(now)
        setattr(self, name, minutes)
        self._mark_due(now)

    @property
    def sit_seconds(self) -> float:
        """Sitting time before a break is due, in seconds."""
        return self._sit_minutes * 60

    @property
    def break_seconds(self) -> float:
        """Length of a break, in seconds."""
        return self._break_minutes * 60

    @property
    def clock(self) -> Callable[[], float]:
        """The monotonic clock every duration comes from."""
        return self._clock

    @property
    def wall_clock(self) -> Callable[[], datetime | float]:
        """The wall clock that says which day "today" is."""
        return self._wall_clock

    @property
    def max_snoozes(self) -> int:
        """How often one due break may be put off."""
        return self._max_snoozes

    def use(self, choice: Preset | str) -> None:
        """Switch to a preset (or a preset id); the running block keeps its sitting time."""
        chosen = preset(choice) if isinstance(choice, str) else choice
        self.configure(chosen.sit_minutes, chosen.break_minutes)

    def configure(self, sit_minutes: float, break_minutes: float) -> None:
        """Set both times at once; neither changes unless both are valid.

        Raises
        ------
        ValueError
            If either is out of range; nothing is changed.
        """
        sit = check_sit_minutes(sit_minutes)
        brk = check_break_minutes(break_minutes)
        now = self._clock()
        self._settle(now)
        self._sit_minutes, self._break_minutes = sit, brk
        self._mark_due(now)

    @property
    def clock_speed(self) -> float:
        """Seconds of :attr:`clock` per real second (1 for a real clock)."""
        return self._clock_speed

    @property
    def micro(self) -> Preset | None:
        """The micro-pause cycle in use, or None."""
        return self._micro

    def use_micro(self, choice: Preset | str | None) -> None:
        """Run a micro-pause cycle (a :data:`MICRO_PRESETS` entry or its id) or none (None).

        The cycle counts the sitting time of each block: it starts with the block (at the exact
        moment a break ends, even if nobody looks), stops with it, and freezes while paused. A
        cycle chosen during a block starts counting from that moment.

        Raises
        ------
        ValueError
            If there is no such micro-pause cycle.
        """
        if choice is None:
            chosen = None
        else:
            chosen = preset(choice) if isinstance(choice, str) else choice
            if chosen not in MICRO_PRESETS:
                names = ", ".join(p.id for p in MICRO_PRESETS)
                raise ValueError(f"Pick a micro-pause cycle from: {names}.")
        now = self._begin_action()
        self._micro = chosen
        self._micro_anchor = self._status(now).seconds_sitting
        self._micro_pause_at = None

    def take_micro_pause(self) -> None:
        """Start the micro-pause that is due; the next cycle counts from its end.

        Raises
        ------
        ValueError
            If micro-pauses are off, or none is due.
        """
        now = self._begin_action()
        st = self._status(now)
        if st.micro is None:
            raise ValueError("Micro-pauses are off. Choose a micro-pause cycle first.")
        if st.micro.state != "break-due":
            raise ValueError("No micro-pause is due yet.")
        self._settle_micro(st.seconds_sitting)
        self._micro_pause_at = st.seconds_sitting

    # -- reading --------------------------------------------------------------------------------

    def status(self) -> Status:
        """Everything about the schedule now, from one reading of the clock."""
        return self._status(self._clock())

    def _status(self, now: float) -> Status:
        self._settle(now)
        phase = self._phase
        inner = self._paused_phase if phase == "paused" else phase
        elapsed = self._watch.elapsed(now)
        due_after = self.sit_seconds + self._extension
        sitting = elapsed if inner == "sitting" else 0.0
        until_break = max(0.0, due_after - elapsed) if inner == "sitting" else self.sit_seconds
        if inner == "on-break":
            left_in_break = max(0.0, self.break_seconds - elapsed)
        else:
            left_in_break = self.break_seconds
        due = inner == "sitting" and elapsed >= due_after
        if phase == "paused":
            state = "paused"
            paused_from = "break-due" if due else self._paused_phase
        else:
            state = "break-due" if due else phase
            paused_from = None
        snoozes_left = max(0, self._max_snoozes - self._snoozes)
        return Status(
            state=state,
            seconds_until_break=until_break,
            seconds_left_in_break=left_in_break,
            seconds_sitting=sitting,
            snoozes_left=snoozes_left,
            paused_from=paused_from,
            tally=self._tally(now),
            micro=self._micro_status(inner, phase == "paused", sitting),
        )

    def _micro_cycle(self, sitting: float) -> tuple[float, float | None]:
        """(cycle start, micro-pause start) in sitting seconds.

        A finished micro-pause is ended at the exact sitting second it ran out, so reading early
        or late gives the same answer.
        """
        anchor, at = self._micro_anchor, self._micro_pause_at
        if self._micro is not None and at is not None:
            ends = at + self._micro.break_minutes * 60
            if sitting >= ends:
                anchor, at = ends, None
        return anchor, at

    def _settle_micro(self, sitting: float) -> None:
        self._micro_anchor, self._micro_pause_at = self._micro_cycle(sitting)

    def _micro_status(self, inner: str | None, paused: bool, sitting: float):
        micro = self._micro
        if micro is None:
            return None
        pause_seconds = micro.break_minutes * 60
        if inner != "sitting":
            return MicroStatus("idle", micro.sit_minutes * 60, pause_seconds, micro)
        anchor, at = self._micro_cycle(sitting)
        if at is not None:
            state, until, left = "on-break", 0.0, at + pause_seconds - sitting
        else:
            until = max(0.0, micro.sit_minutes * 60 - (sitting - anchor))
            state, left = ("break-due" if until <= 0 else "sitting"), pause_seconds
        return MicroStatus("paused" if paused else state, until, left, micro)

    # -- the due moment ---------------------------------------------------------------------

    def seconds_until_due(self) -> float | None:
        """Seconds of :attr:`clock` until the next break is due, if nobody acts.

        Sitting: the sitting time left. Break due: zero or less (how long ago it fell due, as a
        negative number). On a break: the break's time left plus the next block's sitting time.
        Idle or paused: None, because the clock that would make it due is not running.
        """
        return self._until_due(self._clock())

    def _until_due(self, now: float) -> float | None:
        st = self._status(now)
        if st.state in ("idle", "paused"):
            return None
        if st.state == "on-break":
            return st.seconds_left_in_break + self.sit_seconds
        return self.sit_seconds + self._extension - self._watch.elapsed(now)

    @property
    def due_epoch(self) -> float | None:
        """The wall-clock moment (seconds since the epoch) the next break falls due, or None.

        Worked out at the last transition as ``wall_clock() + seconds_until_due() /
        clock_speed`` (see the class notes); a browser schedules its signal for this moment.
        """
        return self._due_epoch

    def _mark_due(self, now: float) -> None:
        until = self._until_due(now)
        if until is None:
            self._due_epoch = None
        else:
            wall = _wall_datetime(self._wall_clock()).timestamp()
            self._due_epoch = wall + until / self._clock_speed

    @property
    def state(self) -> str:
        """``"idle"``, ``"sitting"``, ``"break-due"``, ``"on-break"`` or ``"paused"``."""
        return self.status().state

    @property
    def seconds_until_break(self) -> float:
        """Sitting seconds left before the break is due; never negative, frozen while paused."""
        return self.status().seconds_until_break

    @property
    def seconds_left_in_break(self) -> float:
        """On a break: seconds of it left. Otherwise the length of the next break."""
        return self.status().seconds_left_in_break

    @property
    def breaks_taken(self) -> int:
        """Breaks started today."""
        return self.status().tally.breaks_taken

    @property
    def snoozes_left(self) -> int:
        """How many more times this sitting block's break can be put off."""
        return self.status().snoozes_left

    def tally(self) -> Tally:
        """Today's sitting blocks, breaks and snoozes."""
        return self.status().tally

    # -- actions --------------------------------------------------------------------------------

    def start(self) -> None:
        """Start sitting from idle.

        Raises
        ------
        ValueError
            If the timer is already running or paused.
        """
        now = self._begin_action()
        if self._phase != "idle":
            raise ValueError("The timer is already running. Use Reset to start again from zero.")
        self._start_block(now)
        self._mark_due(now)

    def pause(self) -> None:
        """Stop the clock for now: paused time counts neither as sitting nor as break.

        Raises
        ------
        ValueError
            If the timer is not running.
        """
        now = self._begin_action()
        if self._phase not in ("sitting", "on-break"):
            raise ValueError("The timer is not running, so there is nothing to pause.")
        self._watch.pause(now)
        self._close_interval(now)
        self._paused_phase, self._phase = self._phase, "paused"
        self._mark_due(now)

    def resume(self) -> None:
        """Carry on from where :meth:`pause` stopped.

        Raises
        ------
        ValueError
            If the timer is not paused.
        """
        now = self._begin_action()
        if self._phase != "paused":
            raise ValueError("The timer is not paused, so there is nothing to resume.")
        self._phase, self._paused_phase = self._paused_phase, None
        self._watch.resume(now)
        if self._phase == "sitting":
            self._intervals.append([now, None, self._block])
        self._mark_due(now)

    def reset(self) -> None:
        """Stop and go back to idle; today's tally keeps what already happened."""
        now = self._begin_action()
        self._close_interval(now)
        self._phase, self._paused_phase = "idle", None
        self._watch.reset()
        self._extension = 0.0
        self._snoozes = 0
        self._micro_anchor, self._micro_pause_at = 0.0, None
        self._mark_due(now)

    def start_break(self) -> None:
        """Start a break now (due or early); it counts as a break taken today.

        Raises
        ------
        ValueError
            If the timer has not started, or a break is already running.
        """
        now = self._begin_action()
        inner = self._paused_phase if self._phase == "paused" else self._phase
        if inner == "idle":
            raise ValueError("Start the timer first; then a break can begin.")
        if inner == "on-break":
            raise ValueError("You are already on a break.")
        self._close_interval(now)
        self._break_times.append(now)
        self._phase, self._paused_phase = "on-break", None
        self._watch.start(now)
        self._extension, self._snoozes = 0.0, 0
        self._micro_anchor, self._micro_pause_at = 0.0, None
        self._mark_due(now)

    def end_break(self) -> None:
        """End the break early and start the next sitting block.

        Raises
        ------
        ValueError
            If no break is running (a break also ends by itself when its time is over).
        """
        now = self._begin_action()
        inner = self._paused_phase if self._phase == "paused" else self._phase
        if inner != "on-break":
            raise ValueError("You are not on a break, so there is no break to end.")
        self._start_block(now)
        self._mark_due(now)

    def snooze(self, minutes: float = DEFAULT_SNOOZE_MINUTES) -> None:
        """Put the due break off by ``minutes`` (1 to 30) from now, at most ``max_snoozes`` times.

        Raises
        ------
        ValueError
            If no break is due, the minutes are out of range, or the break was already put off
            as often as allowed.
        """
        extra = check_snooze_minutes(minutes) * 60
        now = self._begin_action()
        status = self._status(now)
        if status.state == "paused":
            raise ValueError("The timer is paused. Resume it before putting a break off.")
        if status.state != "break-due":
            raise ValueError("No break is due yet, so there is nothing to put off.")
        if status.snoozes_left <= 0:
            times = "once" if self._max_snoozes == 1 else f"{self._max_snoozes} times"
            raise ValueError(
                f"This break has already been put off {times}, the most allowed. "
                "Take it now: stand up and move."
                if self._max_snoozes
                else "Snoozing is switched off for this timer. Take your break now."
            )
        self._extension = status.seconds_sitting + extra - self.sit_seconds
        self._snoozes += 1
        self._snooze_times.append(now)
        self._mark_due(now)

    # -- internals ------------------------------------------------------------------------------

    def _begin_action(self) -> float:
        now = self._clock()
        self._settle(now)
        self._prune(now)
        return now

    def _settle(self, now: float) -> None:
        """Make a break that has run its time end at the exact moment it ran out.

        The end is placed at that moment, not at ``now``, so settling early or late, once or
        many times, gives the same result.
        """
        if self._phase != "on-break":
            return
        ends = self._watch.reaches(self.break_seconds)
        if ends is not None and now >= ends:
            self._start_block(ends)

    def _start_block(self, at: float) -> None:
        self._block += 1
        self._phase, self._paused_phase = "sitting", None
        self._watch.start(at)
        self._extension, self._snoozes = 0.0, 0
        self._micro_anchor, self._micro_pause_at = 0.0, None
        self._intervals.append([at, None, self._block])

    def _close_interval(self, now: float) -> None:
        if self._intervals and self._intervals[-1][1] is None:
            self._intervals[-1][1] = now

    def _day_start(self, now: float) -> tuple[float, object]:
        """The monotonic-clock time of today's local midnight, and today's date."""
        wall = _wall_datetime(self._wall_clock())
        midnight = wall.replace(hour=0, minute=0, second=0, microsecond=0)
        since = (wall - midnight) / timedelta(seconds=1)
        return now - since, wall.date()

    def _prune(self, now: float) -> None:
        keep_after = self._day_start(now)[0] - _KEEP_SECONDS
        self._intervals = [iv for iv in self._intervals if iv[1] is None or iv[1] >= keep_after]
        self._break_times = [t for t in self._break_times if t >= keep_after]
        self._snooze_times = [t for t in self._snooze_times if t >= keep_after]

    def _tally(self, now: float) -> Tally:
        start, day = self._day_start(now)
        per_block: dict[int, float] = {}
        for begin, end, block in self._intervals:
            stop = now if end is None else end
            overlap = min(stop, now) - max(begin, start)
            if overlap > 0 or (end is None and begin >= start):
                per_block[block] = per_block.get(block, 0.0) + max(0.0, overlap)
        blocks = tuple(per_block[b] for b in sorted(per_block))
        return Tally(
            day=day,
            sitting_seconds=sum(blocks),
            blocks=blocks,
            breaks_taken=sum(1 for t in self._break_times if start <= t <= now),
            snoozes=sum(1 for t in self._snooze_times if start <= t <= now),
        )

    def __repr__(self) -> str:
        """The settings and the state now, for a debugger."""
        s = self.status()
        return (
            f"SittingSchedule(sit_minutes={self._sit_minutes:g}, "
            f"break_minutes={self._break_minutes:g}, state={s.state!r}, "
            f"seconds_until_break={s.seconds_until_break:.0f})"
        )
