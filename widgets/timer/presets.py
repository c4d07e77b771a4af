"""The sitting timer's schedules, read from ``widgets/data/timer_presets.toml``.

The numbers and their sources are data (each schedule says where it comes from: the course's
reference sheet, sections 4.1 and 4.3); this module only gives them a type and checks them.
"""

from __future__ import annotations

from dataclasses import dataclass

from widgets.content import ContentError, load_toml, require, require_source

FILE = "timer_presets.toml"


@dataclass(frozen=True)
class Preset:
    """A named sitting schedule the learner can pick.

    Attributes
    ----------
    id : str
        Stable identifier (``"course"``, ``"physio-20"`` ...).
    label : str
        What the picker shows.
    sit_minutes, break_minutes : float
        The schedule.
    source : str
        Where the numbers come from.
    note : str
        One sentence on what the schedule is (and is not).
    """

    id: str
    label: str
    sit_minutes: float
    break_minutes: float
    source: str
    note: str


def _read(entry: dict, where: str) -> Preset:
    """One ``[[preset]]`` or ``[[micro]]`` table as a :class:`Preset`."""

    def text(name):
        return require(entry, name, str, file=FILE, where=where)

    sit = require(entry, "sit_minutes", (int, float), file=FILE, where=where)
    if ("break_minutes" in entry) == ("break_seconds" in entry):
        raise ContentError(f"{FILE}: {where}: give break_minutes or break_seconds (one of them).")
    if "break_minutes" in entry:
        brk = require(entry, "break_minutes", (int, float), file=FILE, where=where)
    else:
        brk = require(entry, "break_seconds", (int, float), file=FILE, where=where) / 60
    if sit <= 0 or brk <= 0:
        raise ContentError(f"{FILE}: {where}: sitting and break times must be more than 0.")
    return Preset(
        id=text("id"),
        label=text("label"),
        sit_minutes=sit,
        break_minutes=brk,
        source=require_source(entry, file=FILE, where=where),
        note=text("note"),
    )


def load_presets(data: dict | None = None) -> tuple[tuple[Preset, ...], tuple[Preset, ...]]:
    """Read and check the schedules: ``(long-break presets, micro-pause presets)``.

    Parameters
    ----------
    data : dict, optional
        A parsed file of the same shape (tests pass broken copies); default the course's file.

    Raises
    ------
    ContentError
        If a table is missing, a field is missing or of the wrong kind, or an id is repeated.
    """
    data = load_toml(FILE) if data is None else data
    groups = []
    for table in ("preset", "micro"):
        entries = require(data, table, list, file=FILE, where="the file")
        if not entries:
            raise ContentError(f"{FILE}: the file has no [[{table}]] entry.")
        groups.append(
            tuple(_read(e, f"{table} {e.get('id', i + 1)!r}") for i, e in enumerate(entries))
        )
    ids = [p.id for group in groups for p in group]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise ContentError(f"{FILE}: the schedule id {repeated[0]!r} is used twice.")
    return groups[0], groups[1]


#: The schedules a learner can pick (the first is the course default), and the optional lighter
#: cycles of micro-pauses, each run on its own :class:`~widgets.timer.schedule.SittingSchedule`.
PRESETS, MICRO_PRESETS = load_presets()


def preset(preset_id: str) -> Preset:
    """The preset (long or micro) with this id.

    Raises
    ------
    ValueError
        If there is no such preset.
    """
    for p in PRESETS + MICRO_PRESETS:
        if p.id == preset_id:
            return p
    names = ", ".join(p.id for p in PRESETS + MICRO_PRESETS)
    raise ValueError(f"There is no schedule called {preset_id!r}. Pick one of: {names}.")
