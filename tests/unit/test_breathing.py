"""The breathing pacer's timing: phase at a moment, breaths in a session, minutes checked."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from widgets.breathing import (
    BREATH_SECONDS,
    IN_SECONDS,
    OUT_SECONDS,
    PHASE_WORDS,
    SMALLEST,
    breaths_in,
    breaths_per_minute,
    check_minutes,
    counts_text,
    phase_at,
)

PACER_JS = Path(__file__).resolve().parents[2] / "widgets" / "breathing" / "pacer.js"


def test_the_pace_is_five_in_five_out_about_six_a_minute():
    assert (IN_SECONDS, OUT_SECONDS, BREATH_SECONDS) == (5, 5, 10)
    assert breaths_per_minute() == pytest.approx(6)


@pytest.mark.parametrize("minutes", [1, 2, 3, 4, 5])
def test_breaths_in_a_session(minutes):
    assert breaths_in(minutes) == 6 * minutes


@pytest.mark.parametrize(
    "t, name, count",
    [
        (0, "in", 1),
        (0.99, "in", 1),
        (1, "in", 2),
        (4.999, "in", 5),
        (5, "out", 1),
        (9.5, "out", 5),
        (10, "in", 1),
        (17.2, "out", 3),
    ],
)
def test_phase_and_count_at_a_moment(t, name, count):
    phase = phase_at(t, minutes=1)
    assert (phase.name, phase.count) == (name, count)
    assert phase.words == PHASE_WORDS[name]


def test_the_circle_is_smallest_at_the_start_and_largest_at_the_turn():
    assert phase_at(0).scale == pytest.approx(SMALLEST)
    assert phase_at(IN_SECONDS).scale == pytest.approx(1)
    assert phase_at(BREATH_SECONDS - 1e-9).scale == pytest.approx(SMALLEST, abs=1e-6)
    assert phase_at(2.5).scale == pytest.approx((1 + SMALLEST) / 2)


def test_breaths_done_counts_whole_breaths():
    assert phase_at(9.99, 1).breaths_done == 0
    assert phase_at(10, 1).breaths_done == 1
    assert phase_at(59.9, 1).breaths_done == 5


@pytest.mark.parametrize("minutes", [1, 3, 5])
def test_the_session_ends_after_its_minutes(minutes):
    assert phase_at(minutes * 60 - 0.01, minutes).name == "out"
    done = phase_at(minutes * 60, minutes)
    assert done.name == "done" and done.count == 0
    assert done.breaths_done == breaths_in(minutes)
    assert counts_text(done) == ""


def test_counts_text_lists_the_counts_so_far():
    assert counts_text(phase_at(0)) == "1"
    assert counts_text(phase_at(3.2)) == "1 2 3 4"
    assert counts_text(phase_at(5.5)) == "1"


@given(st.floats(min_value=0, max_value=299.99, allow_nan=False))
def test_phase_is_consistent_at_any_moment(t):
    phase = phase_at(t, 5)
    assert phase.name in ("in", "out")
    assert 1 <= phase.count <= 5
    assert 0 <= phase.progress < 1
    assert SMALLEST - 1e-9 <= phase.scale <= 1 + 1e-9
    assert phase.breaths_done == int(t // BREATH_SECONDS)


@given(st.floats(min_value=0, max_value=4.9), st.floats(min_value=0.01, max_value=0.09))
def test_the_circle_grows_breathing_in_and_shrinks_breathing_out(t, dt):
    assert phase_at(t + dt).scale > phase_at(t).scale
    assert phase_at(t + 5 + dt).scale < phase_at(t + 5).scale


@pytest.mark.parametrize("bad", [-0.1, -60, math.nan, math.inf, "5", None, True])
def test_a_bad_time_is_a_value_error(bad):
    with pytest.raises(ValueError):
        phase_at(bad)


@pytest.mark.parametrize("good, value", [(1, 1), (5, 5), ("3", 3), (" 4 ", 4), (2.0, 2)])
def test_minutes_accepts_whole_numbers_from_one_to_five(good, value):
    assert check_minutes(good) == value


@pytest.mark.parametrize(
    "bad, message",
    [
        (0, "from 1 to 5"),
        (6, "from 1 to 5"),
        (-3, "from 1 to 5"),
        (2.5, "whole number"),
        ("abc", "number of minutes"),
        ("", "number of minutes"),
        (None, "number of minutes"),
        (True, "number of minutes"),
        (math.nan, "whole number"),
        (math.inf, "whole number"),
        ([3], "number of minutes"),
    ],
)
def test_minutes_out_of_range_or_not_a_number_is_a_readable_error(bad, message):
    with pytest.raises(ValueError, match=message):
        check_minutes(bad)
    with pytest.raises(ValueError):
        breaths_in(bad)


def test_the_browser_side_uses_the_same_pace():
    # pacer.js mirrors the model; a change to one must be made to the other.
    js = PACER_JS.read_text()
    constants = dict(re.findall(r"const (\w+) = ([\d.]+);", js))
    assert float(constants["IN_SECONDS"]) == IN_SECONDS
    assert float(constants["OUT_SECONDS"]) == OUT_SECONDS
    assert float(constants["SMALLEST"]) == SMALLEST
    for words in (PHASE_WORDS["in"], PHASE_WORDS["out"], PHASE_WORDS["done"]):
        assert words in js
