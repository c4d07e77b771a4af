"""The guided routine's model, on a fake clock."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.clock import FakeClock
from tests.support.data import changed
from widgets.content import ContentError, load_toml
from widgets.routine.model import CONTENT, EXERCISES, Routine, load_routine
from widgets.timer.data import load_stretches


def two(clock):
    return Routine(["knee-to-chest", "bridge"], clock=clock)


def test_exercises_reuse_stretches_toml():
    _, stretches = load_stretches()
    by_id = {s.id: s for s in stretches}
    for ex in CONTENT.exercises:
        s = by_id[ex.id]
        assert (ex.name, ex.how, ex.dose, ex.picture, ex.source) == (
            s.name, s.how, s.dose, s.picture, s.source,
        )  # fmt: skip
        assert ex.timing_source.strip()


def test_knee_to_chest_timing_matches_the_mayo_dose():
    ex = EXERCISES["knee-to-chest"]
    assert (ex.hold_seconds, ex.reps) == (5, 3)
    assert "Mayo" in ex.timing_source


def test_the_timeline_walks_hold_rest_hold_then_next_exercise():
    clock = FakeClock()
    r = two(clock)
    assert r.total_seconds == 3 * 5 + 5 * 4 + 7 * 5  # holds + rests (none after the last hold)
    r.start()
    s = r.status()
    assert (s.state, s.index, s.rep, s.phase, s.seconds_left) == ("running", 0, 1, "hold", 5)
    clock.now += 5
    assert (r.status().phase, r.status().rep) == ("rest", 1)
    clock.now += 5
    assert (r.status().phase, r.status().rep) == ("hold", 2)
    clock.now += 20  # the rest of knee-to-chest: hold, rest, hold, rest
    s = r.status()
    assert (s.index, s.exercise.id, s.rep, s.phase) == (1, "bridge", 1, "hold")
    clock.now += r.total_seconds
    assert r.state == "done"


def test_pause_freezes_and_resume_carries_on():
    clock = FakeClock()
    r = two(clock)
    r.start()
    clock.now += 3
    r.pause()
    clock.now += 500
    assert r.state == "paused" and r.status().seconds_left == pytest.approx(2)
    r.resume()
    clock.now += 1
    assert r.status().seconds_left == pytest.approx(1)


def test_skip_goes_to_the_next_exercise_and_from_the_last_finishes():
    clock = FakeClock()
    r = two(clock)
    r.start()
    r.skip()
    s = r.status()
    assert (s.index, s.rep, s.phase, s.seconds_left) == (1, 1, "hold", 4)
    assert s.state == "running"
    r.skip()
    assert r.state == "done"
    r.skip()
    assert r.state == "done"


def test_back_restarts_the_exercise_or_goes_to_the_one_before():
    clock = FakeClock()
    r = two(clock)
    r.start()
    clock.now += 32  # 2 s into the bridge
    assert r.status().index == 1
    r.back()
    assert r.status().index == 1 and r.status().seconds_left == 4
    r.back()  # right at its start: to the exercise before
    assert r.status().index == 0 and r.status().rep == 1
    r.back()  # the first exercise has none before it
    assert r.status().index == 0


def test_skip_while_idle_previews_and_start_begins_there():
    clock = FakeClock()
    r = two(clock)
    r.skip()
    assert r.state == "idle" and r.status().index == 1
    r.start()
    assert r.status().index == 1 and r.state == "running"
    r.reset()
    assert r.state == "idle" and r.status().index == 0


def test_start_again_after_done_begins_at_the_first_exercise():
    clock = FakeClock()
    r = two(clock)
    r.start()
    clock.now += 1000
    assert r.state == "done"
    r.start()
    assert r.status().index == 0 and r.state == "running"


def test_wrong_actions_and_bad_settings_raise_value_errors():
    r = Routine(clock=FakeClock())
    with pytest.raises(ValueError, match="not running"):
        r.pause()
    with pytest.raises(ValueError, match="not paused"):
        r.resume()
    r.start()
    with pytest.raises(ValueError, match="already going"):
        r.start()
    with pytest.raises(ValueError, match="no exercise"):
        Routine(["handstand"])
    with pytest.raises(ValueError, match="at least one"):
        Routine([])
    with pytest.raises(ValueError, match="1 to 60"):
        Routine(rest_seconds=0)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["tick", "start", "pause", "resume", "skip", "back", "reset"])))
def test_any_sequence_of_actions_keeps_the_status_sane(actions):
    clock = FakeClock()
    r = Routine(["pelvic-tilt", "bird-dog"], clock=clock)
    for action in actions:
        if action == "tick":
            clock.now += 3.5
        else:
            with contextlib.suppress(ValueError):
                getattr(r, action)()
        s = r.status()
        assert s.state in ("idle", "running", "paused", "done")
        assert 0 <= s.index < 2 and 1 <= s.rep <= s.exercise.reps
        assert 0 <= s.seconds_left <= max(s.exercise.hold_seconds, r.rest_seconds)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["step"][0].update(stretch="handstand"), "no exercise 'handstand'"),
        (lambda d: d["step"][1].pop("source"), "source"),
    ],
)
def test_routine_data_errors_name_the_problem(change, message):
    with pytest.raises(ContentError, match=message):
        load_routine(changed(load_toml("routine.toml"), change))
