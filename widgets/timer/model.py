"""The sitting timer's model, in one import: the schedule, its presets and durations.

Each part does one job in its own module; this module re-exports their public names so that
``from widgets.timer.model import ...`` keeps working:

* :mod:`widgets.timer.schedule`: :class:`SittingSchedule`, the state machine, and what it reports.
* :mod:`widgets.timer.presets`: the schedules a learner picks from (data: ``timer_presets.toml``).
* :mod:`widgets.timer.durations`: reading, checking and writing durations.
"""

from widgets.timer.durations import (
    BREAK_SECONDS_RANGE,
    DEFAULT_MAX_SNOOZES,
    DEFAULT_SNOOZE_MINUTES,
    SIT_MINUTES_RANGE,
    SNOOZE_MINUTES_RANGE,
    check_break_minutes,
    check_sit_minutes,
    check_snooze_minutes,
    format_clock,
    format_duration,
    parse_minutes,
)
from widgets.timer.presets import MICRO_PRESETS, PRESETS, Preset, load_presets, preset
from widgets.timer.schedule import (
    STATE_WORDS,
    STATES,
    MicroStatus,
    SittingSchedule,
    Status,
    Tally,
)

__all__ = [
    "BREAK_SECONDS_RANGE",
    "DEFAULT_MAX_SNOOZES",
    "DEFAULT_SNOOZE_MINUTES",
    "MICRO_PRESETS",
    "PRESETS",
    "SIT_MINUTES_RANGE",
    "SNOOZE_MINUTES_RANGE",
    "STATES",
    "STATE_WORDS",
    "MicroStatus",
    "Preset",
    "SittingSchedule",
    "Status",
    "Tally",
    "check_break_minutes",
    "check_sit_minutes",
    "check_snooze_minutes",
    "format_clock",
    "format_duration",
    "load_presets",
    "parse_minutes",
    "preset",
]
