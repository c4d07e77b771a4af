"""Durations as a learner types and reads them: parse, check the allowed ranges, format.

Plain functions, no state: the sitting timer's fields and the other timed tools use them.
"""

from __future__ import annotations

import math
import re

SIT_MINUTES_RANGE = (3.0, 120.0)
#: 20 seconds (Stretchly's mini break) to 30 minutes.
BREAK_SECONDS_RANGE = (20.0, 1800.0)
SNOOZE_MINUTES_RANGE = (1.0, 30.0)
#: Stretchly lets a break be postponed once (reference sheet, section 4.3).
DEFAULT_MAX_SNOOZES = 1
DEFAULT_SNOOZE_MINUTES = 5.0

# Float minutes such as 1/3 must pass the 20-second floor even after rounding.
_EPSILON = 1e-9


def read_number(value: object, what: str, example: str) -> float:
    """``value`` as a finite float, or a ValueError a learner can read."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"The {what} must be a number of minutes, like {example}, not {value!r}.")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"The {what} must be an ordinary number of minutes, like {example}.")
    return number


def check_sit_minutes(value: object) -> float:
    """Return ``value`` as minutes of sitting, if it is a number from 3 to 120.

    Raises
    ------
    ValueError
        With a sentence saying what is allowed.
    """
    minutes = read_number(value, "sitting time", "30")
    low, high = SIT_MINUTES_RANGE
    if not low - _EPSILON <= minutes <= high + _EPSILON:
        raise ValueError(
            f"Choose a sitting time from {low:g} to {high:g} minutes (you gave {minutes:g})."
        )
    return minutes


def check_break_minutes(value: object) -> float:
    """Return ``value`` as minutes of break, if it is from 20 seconds (1/3 minute) to 30 minutes.

    Raises
    ------
    ValueError
        With a sentence saying what is allowed.
    """
    minutes = read_number(value, "break time", "3")
    low, high = BREAK_SECONDS_RANGE
    if not low - _EPSILON <= minutes * 60 <= high + _EPSILON:
        raise ValueError(
            f"Choose a break from 20 seconds to {high / 60:g} minutes "
            f"(you gave {format_duration(minutes * 60)})."
        )
    return minutes


def check_snooze_minutes(value: object) -> float:
    """Return ``value`` as minutes to put a break off, if it is from 1 to 30.

    Raises
    ------
    ValueError
        With a sentence saying what is allowed.
    """
    minutes = read_number(value, "snooze time", "5")
    low, high = SNOOZE_MINUTES_RANGE
    if not low <= minutes <= high:
        raise ValueError(
            f"A break can be put off by {low:g} to {high:g} minutes (you gave {minutes:g})."
        )
    return minutes


_DURATION = re.compile(
    r"^\s*(?:(?P<mm>\d+):(?P<ss>[0-5]\d)"
    r"|(?P<num>\d+(?:[.,]\d*)?|[.,]\d+)\s*(?P<unit>s|sec|secs|seconds?|m|min|mins|minutes?)?)\s*$",
    re.IGNORECASE,
)


def parse_minutes(text: str, what: str = "time") -> float:
    """Read what a learner typed as a duration in minutes.

    Accepts ``"30"`` or ``"2.5"`` (minutes), ``"20 s"`` / ``"20 seconds"``, ``"3 min"`` and
    ``"1:30"`` (minutes:seconds). Only the form is checked here; the range is checked by
    :func:`check_sit_minutes` / :func:`check_break_minutes`.

    Raises
    ------
    ValueError
        If the text is empty or not a duration, with an example of what works.
    """
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"Type the {what}, for example 30 (minutes) or 20 s (seconds).")
    match = _DURATION.match(text)
    if not match:
        raise ValueError(
            f"The {what} must be a number of minutes such as 30, or seconds such as 20 s, "
            f"not {text.strip()!r}."
        )
    if match["mm"] is not None:
        return int(match["mm"]) + int(match["ss"]) / 60
    number = float(match["num"].replace(",", "."))
    unit = (match["unit"] or "min").lower()
    return number / 60 if unit.startswith("s") else number


def format_clock(seconds: float) -> str:
    """``seconds`` as a countdown, ``mm:ss`` (``h:mm:ss`` past an hour), rounded up.

    A countdown rounds up so that it shows 00:00 only when the time is really over.
    """
    total = max(0, math.ceil(seconds - 1e-6))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def format_duration(seconds: float) -> str:
    """``seconds`` in words a learner reads: "20 s", "2 min 30 s", "25 min", "1 h 05 min"."""
    total = max(0, round(seconds))
    if total < 60:
        return f"{total} s"
    if total < 600:
        minutes, secs = divmod(total, 60)
        return f"{minutes} min {secs} s" if secs else f"{minutes} min"
    minutes = round(total / 60)
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"
