"""The shared stopwatch, on a fake clock."""

from __future__ import annotations

import pytest

from tests.support.clock import FakeClock
from widgets.clock import Stopwatch


def test_counts_only_while_running():
    clock = FakeClock()
    w = Stopwatch(clock)
    assert w.elapsed() == 0 and not w.running
    w.start()
    clock.advance(30)
    assert w.elapsed() == pytest.approx(30) and w.running
    w.pause()
    clock.advance(600)
    assert w.elapsed() == pytest.approx(30) and not w.running
    w.resume()
    clock.advance(5)
    assert w.elapsed() == pytest.approx(35)


def test_reading_late_or_often_gives_the_same_count():
    clock = FakeClock()
    w = Stopwatch(clock)
    w.start()
    clock.advance(12.5)
    readings = [w.elapsed() for _ in range(5)]
    assert readings == [pytest.approx(12.5)] * 5
    assert w.elapsed(at=clock.now - 2.5) == pytest.approx(10)


def test_start_counts_from_zero_and_reset_stops():
    clock = FakeClock()
    w = Stopwatch(clock)
    w.start()
    clock.advance(40)
    w.start()
    clock.advance(1)
    assert w.elapsed() == pytest.approx(1)
    w.reset()
    clock.advance(100)
    assert w.elapsed() == 0 and not w.running


def test_set_moves_the_count_and_keeps_running_or_not():
    clock = FakeClock()
    w = Stopwatch(clock)
    w.set(20)
    clock.advance(9)
    assert w.elapsed() == 20 and not w.running
    w.resume()
    clock.advance(3)
    w.set(50)
    clock.advance(2)
    assert w.elapsed() == pytest.approx(52)


def test_pause_and_resume_twice_change_nothing_more():
    clock = FakeClock()
    w = Stopwatch(clock)
    w.start()
    clock.advance(10)
    w.pause()
    w.pause()
    clock.advance(10)
    w.resume()
    w.resume()
    clock.advance(10)
    assert w.elapsed() == pytest.approx(20)


def test_reaches_says_when_a_count_falls_due():
    clock = FakeClock(start=100.0)
    w = Stopwatch(clock)
    assert w.reaches(60) is None
    w.start()
    clock.advance(10)
    w.pause()
    clock.advance(50)
    w.resume()  # at 160, 10 s counted
    assert w.reaches(60) == pytest.approx(210)
