"""The cold/heat planner and evidence table, built without a kernel."""

from __future__ import annotations

from tests.support.clock import FakeClock
from widgets.planner.model import load_evidence
from widgets.planner.view import EvidenceTable, HeatColdPlanner


def test_before_an_onset_is_typed_it_asks_for_one():
    p = HeatColdPlanner(clock=FakeClock())
    assert "Type how long ago" in p._onset_msg.value
    assert p._advice.value == ""


def test_two_hours_ago_shows_both_packs_and_the_48_hour_note():
    p = HeatColdPlanner(clock=FakeClock())
    p._amount.value = "2"
    text = p._advice.value
    assert "about 2 hours ago" in text and "one centre&#x27;s practice" in text
    assert "Heat: up to 20 minutes" in text and "Cold: up to 15 minutes" in text


def test_five_days_ago_via_the_unit_list():
    p = HeatColdPlanner(clock=FakeClock())
    p._unit.value = "days"
    p._amount.value = "5"
    assert "about 5 days ago" in p._advice.value
    assert "48 hours" not in p._advice.value


def test_bad_input_shows_a_message_and_keeps_the_ticks():
    p = HeatColdPlanner(clock=FakeClock())
    p._cautions["diabetes"].value = True
    p._amount.value = "-4"
    assert "cannot be negative" in p._onset_msg.value and "alert" in p._onset_msg.value
    assert p._cautions["diabetes"].value is True
    p._amount.value = "3"
    assert p._onset_msg.value == ""
    assert "up to 10 minutes" in p._advice.value


def test_numbness_blocks_a_heat_session_but_allows_cold():
    p = HeatColdPlanner(clock=FakeClock())
    p._amount.value = "2"
    p._cautions["numbness"].value = True
    assert "Heat: not for you now" in p._advice.value
    assert p._start.disabled
    p._pack.value = "cold"
    assert not p._start.disabled
    assert "10:00" in p._digits.value


def test_a_session_runs_pauses_and_ends_on_the_clock():
    clock = FakeClock()
    p = HeatColdPlanner(clock=clock)
    p._pack.value = "cold"
    p._start.click()
    assert p._tick.playing and not p._pause.disabled
    clock.now += 5 * 60
    p.refresh()
    assert "10:00" in p._digits.value
    p._pause.click()
    clock.now += 100
    p.refresh()
    assert "10:00" in p._digits.value and not p._tick.playing
    p._resume.click()
    clock.now += 10 * 60
    assert p.refresh() == "done"
    assert "Time is up" in p._digits.value and p._start.description == "Start again"


def test_evidence_table_shows_words_not_only_colour():
    t = EvidenceTable()
    html = t._table.value
    assert "✗ Not recommended" in html and "✓ Recommended" in html
    assert "Acupuncture" in html and "Do not offer" in html
    assert html.count("<tr>") == 1 + len(load_evidence().rows) == 15
