"""The cold/heat planner's model: what the sources suggest now, and a timed pack session.

The advice comes from ``widgets/data/heat_cold.toml`` (health-facts.md §2.3–2.4); the evidence
table of lesson 07 from ``widgets/data/evidence.toml``. The session timer counts on the shared
stopwatch (:class:`widgets.clock.Stopwatch`, the sitting timer's clock too): a session is "done",
take the pack off now, once the stopwatch has counted its length.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from widgets.clock import Stopwatch
from widgets.content import ContentError, load_toml, require, require_source
from widgets.timer.durations import format_clock, format_duration

HEAT_COLD_FILE = "heat_cold.toml"
EVIDENCE_FILE = "evidence.toml"
UNITS = {"hours": 1.0, "days": 24.0}
#: The planner is for a new or recent spasm; a year is the longest "ago" it takes.
MAX_HOURS = 365 * 24
#: Penn State's window for ice after a first-ever new injury (health-facts.md §2.4).
EARLY_HOURS = 48
#: From two weeks on, the NHS's "should start to ease within 2 weeks" applies.
LATER_HOURS = 14 * 24
PACKS = ("heat", "cold")
EFFECTS = ("avoid", "shorter", "tip")
VERDICTS = ("recommended", "option", "against", "unclear", "not-covered")


@dataclass(frozen=True)
class Line:
    """A sentence the planner shows, and its source."""

    text: str
    source: str


@dataclass(frozen=True)
class Caution:
    """Something about the learner that changes how heat or cold may be used.

    Attributes
    ----------
    id, label : str
        Identifier and the checkbox's text.
    heat, cold : str
        The effect on each pack: ``"avoid"``, ``"shorter"`` (about ``minutes``) or ``"tip"``.
    minutes : int
        The shorter session length, where ``"shorter"`` applies.
    heat_line, cold_line : Line
        What to say about each pack, with the source.
    """

    id: str
    label: str
    heat: str
    cold: str
    minutes: int
    heat_line: Line
    cold_line: Line

    def effect(self, pack: str) -> str:
        """The effect on ``pack`` ("heat" or "cold")."""
        return self.heat if pack == "heat" else self.cold

    def line(self, pack: str) -> Line:
        """What to say about ``pack``."""
        return self.heat_line if pack == "heat" else self.cold_line


@dataclass(frozen=True)
class PackAdvice:
    """What the sources suggest for one kind of pack, given the cautions ticked.

    Attributes
    ----------
    pack : str
        ``"heat"`` or ``"cold"``.
    usable : bool
        False when a caution says not to use it (on that area, or without a clinician's advice).
    minutes : int
        The longest session to time (0 when not usable).
    lines : tuple of Line
        What to say, general advice first, then each caution's.
    """

    pack: str
    usable: bool
    minutes: int
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Advice:
    """The planner's answer for one onset time and set of cautions.

    Attributes
    ----------
    hours : float
        How long ago the pain started, in hours.
    headline : str
        One sentence summing up what fits now.
    lines : tuple of Line
        The evidence, then the early-days or later note when it applies, then the safety lines.
    heat, cold : PackAdvice
        Each pack's advice.
    """

    hours: float
    headline: str
    lines: tuple[Line, ...]
    heat: PackAdvice
    cold: PackAdvice

    def pack(self, pack: str) -> PackAdvice:
        """The advice for ``pack`` ("heat" or "cold")."""
        return self.heat if pack == "heat" else self.cold


@dataclass(frozen=True)
class PlannerContent:
    """Everything ``heat_cold.toml`` holds."""

    evidence: Line
    early: Line
    later: Line
    barrier: Line
    sleep: Line
    heat: Line
    cold: Line
    heat_minutes: int
    cold_minutes: int
    cautions: tuple[Caution, ...]


def _line(data: dict, key: str, file: str) -> Line:
    entry = require(data, key, dict, file=file, where="the file")
    where = f"[{key}]"
    return Line(
        require(entry, "text", str, file=file, where=where),
        require_source(entry, file=file, where=where),
    )


def _minutes(entry: dict, file: str, where: str) -> int:
    minutes = require(entry, "minutes", int, file=file, where=where)
    if not 3 <= minutes <= 30:
        raise ContentError(f"{file}: {where}: minutes must be from 3 to 30.")
    return minutes


def load_planner(data: dict | None = None) -> PlannerContent:
    """Read and check ``heat_cold.toml`` (or ``data``, parsed from such a file).

    Raises
    ------
    ContentError
        If a section, field, source or effect is missing or wrong.
    """
    file = HEAT_COLD_FILE
    data = load_toml(file) if data is None else data
    lines = {
        k: _line(data, k, file)
        for k in ("evidence", "early", "later", "barrier", "sleep", "heat", "cold")
    }
    cautions = []
    for n, entry in enumerate(require(data, "caution", list, file=file, where="the file"), 1):
        where = f"caution {entry.get('id', f'#{n}')!r}"
        fields = {
            k: require(entry, k, str, file=file, where=where)
            for k in ("id", "label", "heat", "cold")
        }
        for pack in PACKS:
            if fields[pack] not in EFFECTS:
                raise ContentError(f"{file}: {where}: {pack} must be one of {', '.join(EFFECTS)}.")
        pack_lines = {
            pack: Line(
                require(entry, f"text_{pack}", str, file=file, where=where),
                require(entry, f"source_{pack}", str, file=file, where=where),
            )
            for pack in PACKS
        }
        cautions.append(
            Caution(
                **fields,
                minutes=_minutes(entry, file, where),
                heat_line=pack_lines["heat"],
                cold_line=pack_lines["cold"],
            )
        )
    ids = [c.id for c in cautions]
    if len(ids) != len(set(ids)):
        raise ContentError(f"{file}: a caution id is used twice.")
    return PlannerContent(
        **lines,
        heat_minutes=_minutes(
            require(data, "heat", dict, file=file, where="the file"), file, "[heat]"
        ),
        cold_minutes=_minutes(
            require(data, "cold", dict, file=file, where="the file"), file, "[cold]"
        ),
        cautions=tuple(cautions),
    )


CONTENT = load_planner()
#: The cautions a learner can tick, by id.
CAUTIONS = {c.id: c for c in CONTENT.cautions}


def onset_hours(amount: object, unit: str = "hours") -> float:
    """How long ago the pain started, in hours, from what a learner typed.

    Parameters
    ----------
    amount : str or number
        ``"2"``, ``"1.5"``, ``5``; a comma works as a decimal point.
    unit : str
        ``"hours"`` or ``"days"``.

    Raises
    ------
    ValueError
        If the amount is empty, not a number, negative or more than a year.
    """
    if unit not in UNITS:
        raise ValueError(f"Choose hours or days, not {unit!r}.")
    if isinstance(amount, bool):
        raise ValueError("Type how long ago the pain started as a number, like 2.")
    if isinstance(amount, str):
        text = amount.strip().replace(",", ".")
        if not text:
            raise ValueError(
                "Type how long ago the pain started, for example 2 (hours) or 5 (days)."
            )
        try:
            number = float(text)
        except ValueError:
            raise ValueError(
                f"Type how long ago the pain started as a number, like 2, not {amount.strip()!r}."
            ) from None
    elif isinstance(amount, int | float):
        number = float(amount)
    else:
        raise ValueError("Type how long ago the pain started as a number, like 2.")
    if not math.isfinite(number):
        raise ValueError("Type how long ago the pain started as an ordinary number, like 2.")
    if number < 0:
        raise ValueError("The time since the pain started cannot be negative.")
    hours = number * UNITS[unit]
    if hours > MAX_HOURS:
        raise ValueError(
            "This planner is for a new or recent spasm (up to a year ago). Pain that has lasted "
            "this long needs a GP or physiotherapist's advice."
        )
    return hours


def _pack(pack: str, cautions: list[Caution]) -> PackAdvice:
    base = CONTENT.heat if pack == "heat" else CONTENT.cold
    minutes = CONTENT.heat_minutes if pack == "heat" else CONTENT.cold_minutes
    usable = True
    lines = [base]
    for c in cautions:
        effect = c.effect(pack)
        if effect == "avoid":
            usable = False
        elif effect == "shorter":
            minutes = min(minutes, c.minutes)
        lines.append(c.line(pack))
    return PackAdvice(pack, usable, minutes if usable else 0, tuple(lines))


def plan(hours: float, cautions: Iterable[str] = ()) -> Advice:
    """What the sources suggest ``hours`` after the pain started, with these cautions ticked.

    Parameters
    ----------
    hours : float
        Time since the pain started, 0 to a year (see :func:`onset_hours`).
    cautions : iterable of str
        Ids from :data:`CAUTIONS`.

    Raises
    ------
    ValueError
        If ``hours`` is out of range or a caution is unknown.
    """
    if isinstance(hours, bool) or not isinstance(hours, int | float) or not math.isfinite(hours):
        raise ValueError("The time since the pain started must be a number of hours.")
    onset_hours(hours, "hours")
    chosen = []
    for cid in cautions:
        if cid not in CAUTIONS:
            raise ValueError(f"There is no caution called {cid!r}.")
        if CAUTIONS[cid] not in chosen:
            chosen.append(CAUTIONS[cid])
    chosen.sort(key=CONTENT.cautions.index)
    heat, cold = _pack("heat", chosen), _pack("cold", chosen)
    lines = [CONTENT.evidence]
    if hours < EARLY_HOURS:
        lines.append(CONTENT.early)
    if hours >= LATER_HOURS:
        lines.append(CONTENT.later)
    lines += [CONTENT.barrier, CONTENT.sleep]
    when = _ago(hours)
    if heat.usable and cold.usable:
        headline = (
            f"Pain that started {when}: heat has the better evidence; cold is an option if it "
            "feels better."
        )
    elif heat.usable:
        headline = f"Pain that started {when}: heat, with care; not cold (see the cautions)."
    elif cold.usable:
        headline = f"Pain that started {when}: not heat on that area; cold is an option, with care."
    else:
        headline = (
            f"Pain that started {when}: with the cautions you ticked, ask a doctor, nurse or "
            "physiotherapist before using heat or cold."
        )
    return Advice(hours=float(hours), headline=headline, lines=tuple(lines), heat=heat, cold=cold)


def _ago(hours: float) -> str:
    if hours < 1:
        return "less than an hour ago"
    if hours < 48:
        n = round(hours)
        return f"about {n} hour{'s' if n != 1 else ''} ago"
    days = round(hours / 24)
    return f"about {days} days ago"


class PackSession:
    """A timed heat or cold session, on the shared stopwatch (:class:`widgets.clock.Stopwatch`).

    Parameters
    ----------
    minutes : float
        Session length, 3 to 30 minutes.
    clock : callable, optional
        Monotonic clock (default :func:`time.monotonic`); tests pass a fake one.

    Notes
    -----
    The session is "done" once the stopwatch has counted its length, whether anybody looked at
    that moment or not; nothing sleeps, the time left is read from the clock.
    """

    STATES = ("idle", "running", "paused", "done")

    def __init__(self, minutes: float = 20, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._minutes = self._check(minutes)
        self._watch = Stopwatch(clock)
        self._started = False

    @staticmethod
    def _check(minutes: object) -> float:
        if isinstance(minutes, bool) or not isinstance(minutes, int | float):
            raise ValueError("A session is a number of minutes, like 15.")
        if not 3 <= minutes <= 30:
            raise ValueError("A heat or cold session is 3 to 30 minutes.")
        return float(minutes)

    @property
    def minutes(self) -> float:
        """The session length in minutes."""
        return self._minutes

    @minutes.setter
    def minutes(self, value: float) -> None:
        self._minutes = self._check(value)

    def _read(self) -> tuple[str, float]:
        """(state, seconds left) from one reading of the clock."""
        length = self._minutes * 60
        if not self._started:
            return "idle", length
        left = max(0.0, length - self._watch.elapsed())
        if left <= 0:
            return "done", 0.0
        return ("running" if self._watch.running else "paused"), left

    @property
    def state(self) -> str:
        """``"idle"``, ``"running"``, ``"paused"`` or ``"done"``."""
        return self._read()[0]

    @property
    def seconds_left(self) -> float:
        """Seconds of the session left; never negative, frozen while paused."""
        return self._read()[1]

    def start(self) -> None:
        """Start (or restart) the session from its full length."""
        self._watch.start()
        self._started = True

    def pause(self) -> None:
        """Stop the clock; ``ValueError`` unless running."""
        if self.state != "running":
            raise ValueError("The session is not running.")
        self._watch.pause()

    def resume(self) -> None:
        """Carry on after a pause; ``ValueError`` unless paused."""
        if self.state != "paused":
            raise ValueError("The session is not paused.")
        self._watch.resume()

    def reset(self) -> None:
        """Back to the start, not running."""
        self._watch.reset()
        self._started = False

    def clock_text(self) -> str:
        """The time left as ``mm:ss``."""
        return format_clock(self.seconds_left)

    def length_text(self) -> str:
        """The session length in words ("15 min")."""
        return format_duration(self.minutes * 60)


@dataclass(frozen=True)
class EvidenceCell:
    """One guideline's verdict on one treatment."""

    verdict: str
    text: str
    source: str


@dataclass(frozen=True)
class EvidenceRow:
    """One treatment and the verdict of each column."""

    id: str
    treatment: str
    cells: tuple[EvidenceCell, ...]


@dataclass(frozen=True)
class EvidenceTableData:
    """The evidence table: column names, the word for each verdict, and the rows."""

    columns: tuple[str, ...]
    verdicts: dict[str, str]
    rows: tuple[EvidenceRow, ...]


def load_evidence(data: dict | None = None) -> EvidenceTableData:
    """Read and check ``evidence.toml`` (or ``data``, parsed from such a file).

    Raises
    ------
    ContentError
        If a row has the wrong number of cells, a cell an unknown verdict, or a field is missing.
    """
    file = EVIDENCE_FILE
    data = load_toml(file) if data is None else data
    columns = tuple(require(data, "columns", list, file=file, where="the file"))
    verdicts = require(data, "verdicts", dict, file=file, where="the file")
    if set(verdicts) != set(VERDICTS):
        raise ContentError(f"{file}: [verdicts] must name exactly: {', '.join(VERDICTS)}.")
    rows = []
    for n, entry in enumerate(require(data, "row", list, file=file, where="the file"), 1):
        where = f"row {entry.get('id', f'#{n}')!r}"
        cells = require(entry, "cells", list, file=file, where=where)
        if len(cells) != len(columns):
            raise ContentError(f"{file}: {where}: needs {len(columns)} cells, has {len(cells)}.")
        parsed = []
        for cell in cells:
            verdict = require(cell, "verdict", str, file=file, where=where)
            if verdict not in VERDICTS:
                raise ContentError(f"{file}: {where}: unknown verdict {verdict!r}.")
            parsed.append(
                EvidenceCell(
                    verdict,
                    require(cell, "text", str, file=file, where=where),
                    require_source(cell, file=file, where=where),
                )
            )
        rows.append(
            EvidenceRow(
                require(entry, "id", str, file=file, where=where),
                require(entry, "treatment", str, file=file, where=where),
                tuple(parsed),
            )
        )
    if len({r.id for r in rows}) != len(rows):
        raise ContentError(f"{file}: a row id is used twice.")
    return EvidenceTableData(columns, dict(verdicts), tuple(rows))
