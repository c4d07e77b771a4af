"""The guided routine, built without a kernel."""

from __future__ import annotations

from tests.support.clock import FakeClock
from widgets.routine.view import GuidedRoutine


def test_shows_the_first_exercise_its_picture_dose_and_the_stop_rule():
    g = GuidedRoutine(clock=FakeClock())
    assert "Knee-to-chest" in g._exercise.value and "<svg" in g._exercise.value
    assert "Exercise 1 of 6" in g._exercise.value and "Hold 5 seconds" in g._exercise.value
    assert "new numbness" in g._intro.value or "numbness" in g._intro.value
    assert "Press Start" in g._timer.value and g._pause.disabled


def test_start_hold_rest_and_pause_resume():
    clock = FakeClock()
    g = GuidedRoutine(["knee-to-chest", "bridge"], clock=clock)
    g._start.click()
    assert "Hold — 1 of 3" in g._timer.value and g._tick.playing
    clock.now += 6
    g.refresh()
    assert "Relax — then hold 2 of 3" in g._timer.value and "00:04" in g._timer.value
    g._pause.click()
    assert g._start.description == "Resume" and not g._tick.playing
    assert "Paused" in g._timer.value
    g._start.click()
    assert g.routine.state == "running"


def test_skip_and_back_walk_the_exercises():
    g = GuidedRoutine(["knee-to-chest", "bridge"], clock=FakeClock())
    g._start.click()
    g._skip.click()
    assert "Bridge" in g._exercise.value and "Exercise 2 of 2" in g._exercise.value
    assert g._progress.value == 1
    g._back.click()
    assert "Knee-to-chest" in g._exercise.value
    g._skip.click()
    g._skip.click()
    assert "routine finished" in g._timer.value and g._start.description == "Start again"
    assert g._skip.disabled and g._progress.value == 2


def test_a_wrong_action_shows_a_message_not_a_traceback():
    g = GuidedRoutine(clock=FakeClock())
    g._act(g.routine.pause)
    assert "not running" in g._msg.value
    g._start.click()
    assert g._msg.value == ""
