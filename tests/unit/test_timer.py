"""The sitting timer's model: every transition driven by a fake clock, no sleeping, no drift."""

from __future__ import annotations

import contextlib
import math
from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.clock import FakeClock
from widgets.timer import (
    MICRO_PRESETS,
    PRESETS,
    STATE_WORDS,
    STATES,
    SittingSchedule,
    format_clock,
    format_duration,
    parse_minutes,
    preset,
)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def schedule(clock: FakeClock, sit: float = 30, brk: float = 3, **kw) -> SittingSchedule:
    return SittingSchedule(
        sit_minutes=sit, break_minutes=brk, clock=clock, wall_clock=clock.wall, **kw
    )


# -- transitions -------------------------------------------------------------------------------


def test_starts_idle_with_the_full_sitting_time(clock):
    s = schedule(clock)
    assert s.state == "idle"
    assert s.seconds_until_break == 30 * 60
    assert s.breaks_taken == 0
    clock.advance(3600)
    assert s.state == "idle" and s.seconds_until_break == 30 * 60


def test_sitting_counts_down_from_the_clock(clock):
    s = schedule(clock)
    s.start()
    assert s.state == "sitting"
    clock.advance(61.5)
    assert s.seconds_until_break == pytest.approx(30 * 60 - 61.5)


def test_sitting_becomes_break_due_by_itself_and_never_goes_negative(clock):
    s = schedule(clock)
    s.start()
    clock.advance(30 * 60 - 0.001)
    assert s.state == "sitting"
    clock.advance(0.001)
    assert s.state == "break-due"
    assert s.seconds_until_break == 0
    clock.advance(5000)
    assert s.state == "break-due"
    assert s.seconds_until_break == 0


def test_full_cycle_idle_sitting_due_break_sitting(clock):
    s = schedule(clock, sit=30, brk=3)
    seen = [s.state]
    s.start()
    seen.append(s.state)
    clock.advance(30 * 60)
    seen.append(s.state)
    s.start_break()
    seen.append(s.state)
    assert s.seconds_left_in_break == 180
    clock.advance(100)
    assert s.seconds_left_in_break == 80
    s.end_break()
    seen.append(s.state)
    assert seen == ["idle", "sitting", "break-due", "on-break", "sitting"]
    assert s.seconds_until_break == 30 * 60
    assert s.breaks_taken == 1


def test_a_break_ends_by_itself_at_the_exact_moment_its_time_is_over(clock):
    s = schedule(clock, sit=30, brk=3)
    s.start()
    clock.advance(30 * 60)
    s.start_break()
    clock.advance(180 + 50)  # nobody looked for 50 s after the break ended
    assert s.state == "sitting"
    # The new block started when the break ended, not when someone looked.
    assert s.seconds_until_break == 30 * 60 - 50
    assert s.seconds_left_in_break == 180  # the next break's length


def test_pause_freezes_and_paused_time_does_not_count(clock):
    s = schedule(clock)
    s.start()
    clock.advance(600)
    s.pause()
    assert s.state == "paused"
    frozen = s.seconds_until_break
    clock.advance(4 * 3600)
    assert s.seconds_until_break == frozen == 20 * 60
    s.resume()
    assert s.state == "sitting"
    clock.advance(60)
    assert s.seconds_until_break == 19 * 60
    assert s.tally().sitting_seconds == 660


def test_pause_while_due_resumes_due(clock):
    s = schedule(clock)
    s.start()
    clock.advance(31 * 60)
    s.pause()
    assert s.state == "paused"
    assert s.status().paused_from == "break-due"
    clock.advance(600)
    s.resume()
    assert s.state == "break-due"


def test_pause_during_a_break_freezes_the_break_countdown(clock):
    s = schedule(clock, brk=3)
    s.start()
    s.start_break()
    clock.advance(60)
    s.pause()
    clock.advance(1000)
    assert s.state == "paused"
    assert s.seconds_left_in_break == 120
    s.resume()
    assert s.state == "on-break"
    clock.advance(120)
    assert s.state == "sitting"


def test_break_taken_early_counts(clock):
    s = schedule(clock)
    s.start()
    clock.advance(300)
    s.start_break()
    assert s.state == "on-break"
    assert s.breaks_taken == 1


def test_reset_goes_idle_and_keeps_the_tally(clock):
    s = schedule(clock)
    s.start()
    clock.advance(600)
    s.start_break()
    s.end_break()
    clock.advance(120)
    s.reset()
    assert s.state == "idle"
    assert s.seconds_until_break == 30 * 60
    t = s.tally()
    assert t.blocks == (600, 120)
    assert t.breaks_taken == 1
    s.start()
    assert s.state == "sitting"


@pytest.mark.parametrize(
    "setup, action, words",
    [
        ([], "pause", "not running"),
        ([], "resume", "not paused"),
        ([], "start_break", "Start the timer first"),
        ([], "end_break", "not on a break"),
        ([], "snooze", "No break is due"),
        (["start"], "start", "already running"),
        (["start"], "end_break", "not on a break"),
        (["start"], "resume", "not paused"),
        (["start", "start_break"], "start_break", "already on a break"),
        (["start", "pause"], "pause", "not running"),
        (["start", "pause"], "snooze", "paused"),
    ],
)
def test_actions_out_of_turn_say_why(clock, setup, action, words):
    s = schedule(clock)
    for step in setup:
        getattr(s, step)()
    before = s.status()
    with pytest.raises(ValueError, match=words):
        getattr(s, action)()
    assert s.status() == before


# -- snoozing ----------------------------------------------------------------------------------


def test_snooze_pushes_the_break_back_five_minutes_from_now(clock):
    s = schedule(clock)
    s.start()
    clock.advance(32 * 60)  # the break has been due for 2 minutes
    s.snooze()
    assert s.state == "sitting"
    assert s.seconds_until_break == 5 * 60
    clock.advance(5 * 60)
    assert s.state == "break-due"
    assert s.tally().snoozes == 1


def test_snooze_is_allowed_once_like_stretchly(clock):
    s = schedule(clock)
    assert s.max_snoozes == 1
    s.start()
    clock.advance(30 * 60)
    assert s.snoozes_left == 1
    s.snooze(minutes=5)
    assert s.snoozes_left == 0  # already spent while the snoozed time runs
    clock.advance(5 * 60)
    assert s.snoozes_left == 0
    with pytest.raises(ValueError, match="already been put off once"):
        s.snooze()
    assert s.state == "break-due"


def test_the_snooze_allowance_starts_again_with_each_block(clock):
    s = schedule(clock)
    s.start()
    clock.advance(30 * 60)
    s.snooze()
    clock.advance(5 * 60)
    s.start_break()
    s.end_break()
    clock.advance(30 * 60)
    assert s.snoozes_left == 1
    s.snooze()


def test_more_snoozes_when_configured(clock):
    s = schedule(clock, max_snoozes=3)
    s.start()
    for _ in range(3):
        clock.advance(30 * 60)
        s.snooze(minutes=1)
        clock.advance(60)
    with pytest.raises(ValueError, match="3 times"):
        s.snooze()


def test_no_snoozing_when_switched_off(clock):
    s = schedule(clock, max_snoozes=0)
    s.start()
    clock.advance(30 * 60)
    with pytest.raises(ValueError, match="switched off"):
        s.snooze()


@pytest.mark.parametrize("minutes", [0, 0.5, 31, -5, math.nan, "5", None, True])
def test_snooze_minutes_are_checked(clock, minutes):
    s = schedule(clock)
    s.start()
    clock.advance(30 * 60)
    with pytest.raises(ValueError):
        s.snooze(minutes=minutes)
    assert s.state == "break-due"
    assert s.snoozes_left == 1


# -- settings ----------------------------------------------------------------------------------

BAD = [2, 121, 0.2, -1, math.nan, math.inf, "abc", None, True]
BAD_BREAK = [0.2, 31, -1, 0, 0.33, math.nan, math.inf, -math.inf, "abc", "3", None, True, [3]]


def is_a_sentence(text: str) -> bool:
    return text[:1].isupper() and text.rstrip().endswith(".") and "Traceback" not in text


@pytest.mark.parametrize("value", BAD, ids=repr)
def test_bad_sitting_times_are_refused_with_a_sentence(value):
    with pytest.raises(ValueError) as info:
        SittingSchedule(sit_minutes=value)
    assert is_a_sentence(str(info.value)), str(info.value)
    assert "sitting" in str(info.value)


@pytest.mark.parametrize("value", BAD_BREAK, ids=repr)
def test_bad_break_times_are_refused_with_a_sentence(value):
    with pytest.raises(ValueError) as info:
        SittingSchedule(break_minutes=value)
    assert is_a_sentence(str(info.value)), str(info.value)
    assert "break" in str(info.value)


@pytest.mark.parametrize("sit, brk", [(3, 1 / 3), (120, 30), (3.5, 0.5), (45, 10), (30, 20 / 60)])
def test_the_limits_themselves_are_allowed(sit, brk, clock):
    s = schedule(clock, sit=sit, brk=brk)
    assert s.sit_seconds == pytest.approx(sit * 60)
    assert s.break_seconds == pytest.approx(brk * 60)


@pytest.mark.parametrize("value", BAD, ids=repr)
def test_setting_a_bad_time_changes_nothing(clock, value):
    s = schedule(clock)
    with pytest.raises(ValueError):
        s.sit_minutes = value
    with pytest.raises(ValueError):
        s.configure(value, 3)
    with pytest.raises(ValueError):
        s.configure(30, value if value != 2 else 31)
    assert (s.sit_minutes, s.break_minutes) == (30, 3)


def test_changing_the_sitting_time_applies_to_the_running_block(clock):
    s = schedule(clock)
    s.start()
    clock.advance(10 * 60)
    s.sit_minutes = 20
    assert s.seconds_until_break == 10 * 60
    s.sit_minutes = 5
    assert s.state == "break-due"


@pytest.mark.parametrize("count", [-1, 4, 1.0, True, "1"])
def test_max_snoozes_is_checked(count):
    with pytest.raises(ValueError, match="snoozes"):
        SittingSchedule(max_snoozes=count)


# -- presets -----------------------------------------------------------------------------------


def test_presets_are_the_ones_the_course_promises():
    table = {p.id: (p.label, p.sit_minutes, p.break_minutes) for p in PRESETS}
    assert PRESETS[0].id == "course"
    assert table["course"] == ("Every 30 min, 3 min move", 30, 3)
    assert table["physio-20"] == ("Every 20 min, 2 min move", 20, 2)
    assert table["stretchly"][1:] == (30, 5) and "Stretchly" in table["stretchly"][0]
    assert table["workrave"][1:] == (45, 10) and "Workrave" in table["workrave"][0]
    micro = {p.id: (p.sit_minutes, round(p.break_minutes * 60)) for p in MICRO_PRESETS}
    assert micro == {"stretchly-micro": (10, 20), "workrave-micro": (3, 30)}


@pytest.mark.parametrize("p", PRESETS + MICRO_PRESETS, ids=lambda p: p.id)
def test_every_preset_is_valid_and_has_a_source(p, clock):
    s = schedule(clock, sit=p.sit_minutes, brk=p.break_minutes)
    assert s.sit_seconds == p.sit_minutes * 60
    assert len(p.source) > 20 and p.note
    assert preset(p.id) is p


def test_use_switches_preset_and_unknown_presets_are_refused(clock):
    s = schedule(clock)
    s.use("workrave")
    assert (s.sit_minutes, s.break_minutes) == (45, 10)
    with pytest.raises(ValueError, match="no schedule called"):
        s.use("every-minute")


# -- today, and midnight -----------------------------------------------------------------------


def test_tally_counts_blocks_breaks_and_the_longest_stretch(clock):
    s = schedule(clock, sit=30, brk=3)
    s.start()
    clock.advance(30 * 60)
    clock.advance(7 * 60)  # ignored the alert for 7 minutes
    s.start_break()
    clock.advance(3 * 60)  # the break ends by itself
    clock.advance(20 * 60)
    s.pause()
    clock.advance(15 * 60)  # paused: not sitting
    s.resume()
    clock.advance(5 * 60)
    t = s.tally()
    assert t.blocks == (37 * 60, 25 * 60)
    assert t.longest_seconds == 37 * 60
    assert t.sitting_seconds == 62 * 60
    assert t.breaks_taken == 1 == s.breaks_taken
    assert t.day == clock.wall().date()


def test_today_rolls_over_at_local_midnight():
    clock = FakeClock(wall=datetime(2024, 5, 1, 23, 50))
    s = schedule(clock, sit=30, brk=3)
    s.start()
    clock.advance(5 * 60)
    s.start_break()  # 23:55, yesterday's break
    clock.advance(3 * 60)  # the next block starts at 23:58
    assert s.tally().breaks_taken == 1
    clock.advance(12 * 60)  # 00:10
    t = s.tally()
    assert t.day == datetime(2024, 5, 2).date()
    assert t.breaks_taken == 0 == s.breaks_taken
    # Only the 10 minutes after midnight count today, as one block.
    assert t.blocks == (10 * 60,)
    assert t.sitting_seconds == 10 * 60
    # The countdown itself is not affected by the date.
    assert s.seconds_until_break == 30 * 60 - 12 * 60


def test_a_block_that_ended_yesterday_is_not_in_today():
    clock = FakeClock(wall=datetime(2024, 5, 1, 22, 0))
    s = schedule(clock)
    s.start()
    clock.advance(20 * 60)
    s.reset()
    clock.advance(3 * 3600)  # 01:20 next day
    assert s.tally().blocks == ()
    s.start()
    assert s.tally().blocks == (0,)


def test_changing_the_wall_clock_does_not_change_durations(clock):
    s = schedule(clock)
    s.start()
    clock.advance(300)
    clock.wall0 -= timedelta(hours=5)  # someone sets the computer's clock back
    assert s.seconds_until_break == 25 * 60


def test_wall_clock_may_be_epoch_seconds():
    s = SittingSchedule(clock=lambda: 50.0, wall_clock=lambda: 1_714_550_400.0)
    assert s.tally().day == datetime.fromtimestamp(1_714_550_400.0).date()


def test_the_default_clocks_are_the_real_ones():
    import time

    s = SittingSchedule()
    assert s.clock is time.monotonic and s.wall_clock is time.time
    s.start()
    assert 0 < s.seconds_until_break <= 30 * 60


# -- reading never changes anything; no drift --------------------------------------------------

ACTIONS = ["start", "pause", "resume", "reset", "start_break", "end_break", "snooze"]


script_steps = st.lists(
    st.tuples(st.floats(min_value=0, max_value=400, allow_nan=False), st.sampled_from(ACTIONS)),
    min_size=1,
    max_size=25,
)


@settings(max_examples=150, deadline=None)
@given(data=st.data(), script=script_steps)
def test_reading_at_random_times_never_changes_what_is_reported(data, script):
    # Two identical schedules follow the same actions at the same clock times; one is also read
    # (as a refresh would) at random moments in between. At every checkpoint they must agree.
    quiet, busy = FakeClock(), FakeClock()
    a = schedule(quiet, sit=3, brk=1 / 3)
    b = schedule(busy, sit=3, brk=1 / 3)
    t = quiet.now
    for gap, action in script:
        reads = data.draw(st.lists(st.floats(0, 1, allow_nan=False), max_size=6))
        for fraction in sorted(reads):
            busy.now = t + gap * fraction
            b.status()
            b.tally()
        t += gap
        quiet.now = busy.now = t
        assert a.status() == b.status()
        for s in (a, b):
            with contextlib.suppress(ValueError):
                getattr(s, action)()
        assert a.status() == b.status()
        assert a.status().state in STATES
        assert a.seconds_until_break >= 0 and a.seconds_left_in_break >= 0


@settings(max_examples=60, deadline=None)
@given(gaps=st.lists(st.floats(min_value=0.01, max_value=240, allow_nan=False), min_size=5))
def test_an_hour_of_irregular_ticks_does_not_drift(gaps):
    # A learner sits for an hour (sit limit 120 min so no break interrupts); the display ticks at
    # random intervals, including long gaps (a hidden tab). The countdown at every tick must be
    # exactly the sitting limit minus the true time since start.
    clock = FakeClock(start=12_345.678)
    s = schedule(clock, sit=120, brk=3)
    s.start()
    started = clock.now
    worst = 0.0
    while clock.now - started < 3600:
        for gap in gaps:
            clock.advance(gap)
            expected = 120 * 60 - (clock.now - started)
            worst = max(worst, abs(s.seconds_until_break - expected))
            if clock.now - started >= 3600:
                break
    clock.now = started + 3600
    assert s.seconds_until_break == pytest.approx(60 * 60, abs=1e-9)
    assert worst == 0.0, f"the countdown drifted by {worst} s"


def test_drift_over_an_hour_of_cycles_with_late_ticks():
    # The same hour with breaks: ticks every 0.7 to 95 s; the learner starts each break at the
    # first tick after it is due. At every tick the countdown must match a replay computed from
    # the true times alone.
    import random

    rng = random.Random(20240501)
    clock = FakeClock()
    s = schedule(clock, sit=20, brk=2)
    s.start()
    block_start, break_start, worst = clock.now, None, 0.0
    end = clock.now + 3600
    while clock.now < end:
        clock.advance(rng.uniform(0.7, 95))
        if break_start is not None and clock.now >= break_start + 120:
            block_start, break_start = break_start + 120, None
        if break_start is None:
            expected = max(0.0, 20 * 60 - (clock.now - block_start))
            worst = max(worst, abs(s.seconds_until_break - expected))
            if expected == 0:
                assert s.state == "break-due"
                s.start_break()
                break_start = clock.now
        else:
            worst = max(worst, abs(s.seconds_left_in_break - (break_start + 120 - clock.now)))
    assert s.breaks_taken >= 2
    assert worst < 1e-9, f"the countdown drifted by {worst} s"


# -- reading what a learner types --------------------------------------------------------------


@pytest.mark.parametrize(
    "text, minutes",
    [
        ("30", 30),
        (" 2.5 ", 2.5),
        ("2,5", 2.5),
        ("20 s", 1 / 3),
        ("20s", 1 / 3),
        ("20 seconds", 1 / 3),
        ("3 min", 3),
        ("45 minutes", 45),
        ("1:30", 1.5),
        ("0:20", 1 / 3),
    ],
)
def test_parse_minutes_reads_what_learners_type(text, minutes):
    assert parse_minutes(text) == pytest.approx(minutes)


@pytest.mark.parametrize("text", ["", "   ", "abc", "thirty", "-5", "1:75", "5 hours", "nan"])
def test_parse_minutes_refuses_other_text_with_an_example(text):
    with pytest.raises(ValueError) as info:
        parse_minutes(text, "sitting time")
    assert "sitting time" in str(info.value)
    assert is_a_sentence(str(info.value))


@pytest.mark.parametrize(
    "seconds, shown",
    [
        (1800, "30:00"),
        (59.2, "01:00"),
        (0.4, "00:01"),
        (0, "00:00"),
        (-3, "00:00"),
        (3725, "1:02:05"),
    ],
)
def test_format_clock_rounds_up(seconds, shown):
    assert format_clock(seconds) == shown


@pytest.mark.parametrize(
    "seconds, words",
    [(20, "20 s"), (150, "2 min 30 s"), (180, "3 min"), (1500, "25 min"), (3900, "1 h 05 min")],
)
def test_format_duration(seconds, words):
    assert format_duration(seconds) == words


def test_every_state_has_words():
    assert set(STATE_WORDS) == set(STATES)


def test_the_model_imports_no_widget_library():
    import subprocess
    import sys

    code = (
        "import sys, widgets.timer.model, widgets.timer;"
        "print('ipywidgets' in sys.modules or 'IPython' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# -- the due moment handed to the browser --------------------------------------------------------


def epoch(clock: FakeClock, after: float = 0.0) -> float:
    """The wall-clock moment ``after`` seconds from the fake clock's now, as epoch seconds."""
    return clock.wall().timestamp() + after


def test_no_due_moment_while_idle(clock):
    s = schedule(clock)
    assert s.due_epoch is None and s.seconds_until_due() is None
    s.configure(20, 2)
    assert s.due_epoch is None


def test_start_hands_over_now_plus_the_sitting_time(clock):
    s = schedule(clock)
    s.start()
    assert s.due_epoch == pytest.approx(epoch(clock, 30 * 60))
    due = s.due_epoch
    clock.advance(600)
    s.status()  # a display refresh does not move the moment
    assert s.due_epoch == due
    assert s.seconds_until_due() == pytest.approx(20 * 60)


def test_pause_withdraws_the_moment_and_resume_sets_a_later_one(clock):
    s = schedule(clock)
    s.start()
    clock.advance(600)
    s.pause()
    assert s.due_epoch is None and s.seconds_until_due() is None
    clock.advance(300)  # paused time does not count
    s.resume()
    assert s.due_epoch == pytest.approx(epoch(clock, 20 * 60))


def test_snooze_moves_the_moment_to_five_minutes_from_now(clock):
    s = schedule(clock)
    s.start()
    clock.advance(30 * 60 + 40)  # due for 40 s: the moment stays the one it fell due at
    assert s.state == "break-due"
    assert s.due_epoch == pytest.approx(epoch(clock, -40))
    assert s.seconds_until_due() == pytest.approx(-40)
    s.snooze(5)
    assert s.due_epoch == pytest.approx(epoch(clock, 5 * 60))


def test_a_break_hands_over_the_break_plus_the_next_block(clock):
    s = schedule(clock)
    s.start()
    clock.advance(30 * 60)
    s.start_break()
    assert s.due_epoch == pytest.approx(epoch(clock, 3 * 60 + 30 * 60))
    due = s.due_epoch
    clock.advance(3 * 60 + 5)  # the break ends by itself: no transition, the same moment
    assert s.state == "sitting"
    assert s.due_epoch == due
    assert s.seconds_until_due() == pytest.approx(30 * 60 - 5)


def test_ending_a_break_early_starts_the_sitting_time_from_then(clock):
    s = schedule(clock)
    s.start()
    s.start_break()
    clock.advance(30)
    s.end_break()
    assert s.due_epoch == pytest.approx(epoch(clock, 30 * 60))


def test_a_settings_change_moves_the_moment_of_the_running_block(clock):
    s = schedule(clock)
    s.start()
    clock.advance(10 * 60)
    s.configure(20, 2)
    assert s.due_epoch == pytest.approx(epoch(clock, 10 * 60))
    s.sit_minutes = 45
    assert s.due_epoch == pytest.approx(epoch(clock, 35 * 60))
    s.start_break()
    s.break_minutes = 5
    assert s.due_epoch == pytest.approx(epoch(clock, 5 * 60 + 45 * 60))
    s.use("course")
    assert s.due_epoch == pytest.approx(epoch(clock, 3 * 60 + 30 * 60))


def test_a_longer_sitting_time_makes_a_due_break_not_due(clock):
    s = schedule(clock, sit=20, brk=2)
    s.start()
    clock.advance(25 * 60)
    assert s.state == "break-due"
    s.sit_minutes = 30
    assert s.state == "sitting"
    assert s.due_epoch == pytest.approx(epoch(clock, 5 * 60))


def test_reset_withdraws_the_moment(clock):
    s = schedule(clock)
    s.start()
    clock.advance(60)
    s.reset()
    assert s.due_epoch is None


def test_a_sped_up_test_clock_still_hands_over_a_real_moment(clock):
    s = schedule(clock, clock_speed=12)
    s.start()
    assert s.due_epoch == pytest.approx(epoch(clock, 30 * 60 / 12))
    with pytest.raises(ValueError, match="more than 0"):
        schedule(clock, clock_speed=0)


def test_the_moment_is_the_same_whenever_the_transition_is_read(clock):
    """Epoch seconds from a wall clock that gives epoch floats, as the real default does."""
    s = SittingSchedule(30, 3, clock=clock, wall_clock=lambda: 1_700_000_000.0 + clock.now)
    clock.advance(12.25)
    s.start()
    assert s.due_epoch == pytest.approx(1_700_000_000.0 + clock.now + 1800)


# -- micro-pauses from the clock ---------------------------------------------------------------


def micro(s: SittingSchedule):
    return s.status().micro


def test_micro_pauses_are_off_by_default(clock):
    s = schedule(clock)
    assert micro(s) is None
    with pytest.raises(ValueError, match="Micro-pauses are off"):
        s.take_micro_pause()


def test_micro_cycle_runs_on_the_sitting_time(clock):
    s = schedule(clock, micro="stretchly-micro")
    assert micro(s).state == "idle"
    s.start()
    clock.advance(9 * 60)
    assert micro(s).state == "sitting"
    assert micro(s).seconds_until_pause == pytest.approx(60)
    clock.advance(60)
    assert micro(s).state == "break-due"
    with pytest.raises(ValueError, match="No micro-pause is due"):
        schedule(clock, micro="stretchly-micro").take_micro_pause()
    s.take_micro_pause()
    assert micro(s).state == "on-break"
    clock.advance(15)
    assert micro(s).seconds_left_in_pause == pytest.approx(5)
    clock.advance(5 + 60)  # the micro-pause ended by itself 60 s ago
    assert micro(s).state == "sitting"
    assert micro(s).seconds_until_pause == pytest.approx(9 * 60)
    assert s.state == "sitting", "a micro-pause is not the main break"


def test_micro_cycle_freezes_while_paused(clock):
    s = schedule(clock, micro="workrave-micro")
    s.start()
    clock.advance(100)
    s.pause()
    clock.advance(1000)
    assert micro(s).state == "paused"
    assert micro(s).seconds_until_pause == pytest.approx(80)
    s.resume()
    clock.advance(80)
    assert micro(s).state == "break-due"


def test_micro_cycle_restarts_when_the_break_ended_not_when_it_is_looked_at(clock):
    """The drift the design rules out: nobody reads the schedule for 2 minutes after the
    main break ends by itself; the micro cycle still began at the break's last second."""
    s = schedule(clock, micro="stretchly-micro")
    s.start()
    clock.advance(30 * 60)
    s.start_break()
    assert micro(s).state == "idle"
    clock.advance(3 * 60 + 120)
    assert micro(s).state == "sitting"
    assert micro(s).seconds_until_pause == pytest.approx(10 * 60 - 120)
    clock.advance(8 * 60)
    assert micro(s).state == "break-due"


def test_reading_often_or_never_gives_the_same_micro_timing(clock):
    looked, unseen = FakeClock(), FakeClock()
    a = schedule(looked, micro="workrave-micro")
    b = schedule(unseen, micro="workrave-micro")
    for s in (a, b):
        s.start()
    for c, s in ((looked, a), (unseen, b)):
        c.advance(180)
        s.take_micro_pause()
    for _ in range(100):
        looked.advance(2)
        a.status()
    unseen.advance(200)
    assert micro(a) == micro(b)
    # The micro-pause ran from 180 s to 210 s of sitting; at 380 s, 10 s of the cycle are left.
    assert micro(a).seconds_until_pause == pytest.approx(10)


def test_a_micro_cycle_chosen_mid_block_counts_from_then(clock):
    s = schedule(clock)
    s.start()
    clock.advance(7 * 60)
    s.use_micro("workrave-micro")
    assert micro(s).seconds_until_pause == pytest.approx(180)
    s.use_micro(None)
    assert micro(s) is None
    with pytest.raises(ValueError, match="micro-pause cycle"):
        s.use_micro("course")


def test_reset_stops_the_micro_cycle(clock):
    s = schedule(clock, micro="workrave-micro")
    s.start()
    clock.advance(200)
    s.reset()
    assert micro(s).state == "idle"
    s.start()
    assert micro(s).seconds_until_pause == pytest.approx(180)
