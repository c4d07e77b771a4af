"""The sitting timer: a break schedule that cannot drift, and a desk set-up check.

The model (:mod:`widgets.timer.model`) is plain Python and is imported here; the views,
:class:`~widgets.timer.view.SittingTimer` and :class:`~widgets.timer.view.PostureCheck`, are
imported only when asked for, so that using the model does not load ipywidgets.
"""

from widgets._lazy import lazy_views
from widgets.timer.model import (
    MICRO_PRESETS,
    PRESETS,
    STATE_WORDS,
    STATES,
    MicroStatus,
    Preset,
    SittingSchedule,
    Status,
    Tally,
    check_break_minutes,
    check_sit_minutes,
    check_snooze_minutes,
    format_clock,
    format_duration,
    parse_minutes,
    preset,
)

__all__ = [
    "MICRO_PRESETS",
    "PRESETS",
    "STATES",
    "STATE_WORDS",
    "MicroStatus",
    "PostureCheck",
    "Preset",
    "SittingSchedule",
    "SittingTimer",
    "Status",
    "Tally",
    "check_break_minutes",
    "check_sit_minutes",
    "check_snooze_minutes",
    "format_clock",
    "format_duration",
    "parse_minutes",
    "preset",
]


__getattr__, __dir__ = lazy_views(
    __name__,
    {"SittingTimer": "widgets.timer.view", "PostureCheck": "widgets.timer.view"},
    globals(),
)
