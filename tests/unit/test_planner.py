"""The cold/heat planner's model: onset validation, advice rules, and the timed session."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.support.clock import FakeClock
from tests.support.data import changed
from widgets.content import ContentError, load_toml
from widgets.planner.model import (
    CAUTIONS,
    CONTENT,
    PackSession,
    load_evidence,
    load_planner,
    onset_hours,
    plan,
)


@pytest.mark.parametrize(
    ("amount", "unit", "hours"),
    [
        ("2", "hours", 2),
        ("5", "days", 120),
        (" 1,5 ", "hours", 1.5),
        (0, "hours", 0),
        (3, "days", 72),
    ],
)
def test_onset_hours_reads_what_a_learner_types(amount, unit, hours):
    assert onset_hours(amount, unit) == pytest.approx(hours)


@pytest.mark.parametrize(
    ("amount", "unit", "words"),
    [
        ("", "hours", "Type how long ago"),
        ("abc", "hours", "as a number"),
        ("-1", "hours", "cannot be negative"),
        ("400", "days", "up to a year"),
        ("nan", "hours", "ordinary number"),
        (True, "hours", "as a number"),
        ("2", "weeks", "hours or days"),
    ],
)
def test_onset_hours_rejects_bad_input_with_a_sentence(amount, unit, words):
    with pytest.raises(ValueError, match=words):
        onset_hours(amount, unit)


@given(st.text(max_size=12))
def test_onset_hours_either_answers_or_raises_value_error(text):
    try:
        hours = onset_hours(text, "days")
    except ValueError as exc:
        assert str(exc)
    else:
        assert 0 <= hours <= 365 * 24


def test_two_hours_in_shows_the_penn_state_note_as_one_centres_practice():
    advice = plan(2)
    texts = " ".join(line.text for line in advice.lines)
    assert "heat has the better evidence" in advice.headline
    assert "one centre's practice" in texts
    assert advice.heat.usable and advice.cold.usable
    assert advice.heat.minutes == 20 and advice.cold.minutes == 15


def test_five_days_in_drops_the_48_hour_note_and_keeps_the_evidence():
    advice = plan(5 * 24)
    texts = " ".join(line.text for line in advice.lines)
    assert "48 hours" not in texts
    assert "Heat has the better evidence" in texts
    assert "about 5 days ago" in advice.headline


def test_after_two_weeks_the_see_a_gp_note_appears():
    texts = " ".join(line.text for line in plan(15 * 24).lines)
    assert "GP" in texts


def test_every_plan_carries_the_barrier_and_sleep_rules_and_sources():
    advice = plan(30)
    assert CONTENT.barrier in advice.lines and CONTENT.sleep in advice.lines
    for line in advice.lines + advice.heat.lines + advice.cold.lines:
        assert line.source.strip()


def test_numbness_rules_out_heat_and_shortens_cold():
    advice = plan(2, ["numbness"])
    assert not advice.heat.usable and advice.heat.minutes == 0
    assert advice.cold.usable and advice.cold.minutes == 10
    assert "not heat" in advice.headline


def test_diabetes_shortens_both_to_about_ten_minutes_as_a_cautious_tip():
    advice = plan(50, ["diabetes"])
    assert advice.heat.minutes == 10 and advice.cold.minutes == 10
    assert any("cautious tip" in line.text for line in advice.heat.lines)


def test_circulation_means_ice_only_on_a_clinicians_advice():
    advice = plan(2, ["circulation"])
    assert not advice.cold.usable and advice.heat.usable
    assert any("physiotherapist or doctor" in line.text for line in advice.cold.lines)


def test_numbness_and_circulation_together_send_to_a_clinician():
    advice = plan(2, ["numbness", "circulation"])
    assert not advice.heat.usable and not advice.cold.usable
    assert "ask a doctor" in advice.headline


def test_plan_rejects_unknown_cautions_and_bad_hours():
    with pytest.raises(ValueError, match="no caution"):
        plan(2, ["broken-leg"])
    with pytest.raises(ValueError):
        plan(-3)
    with pytest.raises(ValueError):
        plan("2")


def test_every_caution_has_a_label():
    assert set(CAUTIONS) == {"numbness", "diabetes", "circulation", "broken-skin"}


def test_session_counts_down_from_the_clock_and_ends():
    clock = FakeClock()
    s = PackSession(15, clock=clock)
    assert s.state == "idle" and s.seconds_left == 900
    s.start()
    clock.now += 60
    assert s.state == "running" and s.seconds_left == pytest.approx(840)
    assert s.clock_text() == "14:00"
    s.pause()
    clock.now += 500
    assert s.state == "paused" and s.seconds_left == pytest.approx(840)
    s.resume()
    clock.now += 840
    assert s.state == "done" and s.seconds_left == 0
    s.start()
    assert s.state == "running" and s.seconds_left == pytest.approx(900)


def test_session_rejects_bad_lengths_and_wrong_actions():
    with pytest.raises(ValueError, match="3 to 30"):
        PackSession(45)
    with pytest.raises(ValueError, match="number of minutes"):
        PackSession("15")
    s = PackSession(10, clock=FakeClock())
    with pytest.raises(ValueError, match="not running"):
        s.pause()
    with pytest.raises(ValueError, match="not paused"):
        s.resume()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["caution"][0].update(heat="maybe"), "heat must be one of"),
        (lambda d: d["barrier"].pop("source"), "source"),
    ],
)
def test_planner_data_errors_name_the_problem(change, message):
    with pytest.raises(ContentError, match=message):
        load_planner(changed(load_toml("heat_cold.toml"), change))


def test_evidence_table_has_every_treatment_of_the_lesson_and_a_source_per_cell():
    table = load_evidence()
    ids = {r.id for r in table.rows}
    assert {"heat", "cold", "nsaids", "paracetamol", "relaxants", "acupuncture"} <= ids
    assert {"manipulation", "stay-active", "exercise"} <= ids
    for row in table.rows:
        assert len(row.cells) == len(table.columns)
        assert all(cell.source.strip() for cell in row.cells)
    acupuncture = next(r for r in table.rows if r.id == "acupuncture")
    assert [c.verdict for c in acupuncture.cells[:2]] == ["option", "against"]


def test_evidence_data_errors_name_the_problem():
    data = load_toml("evidence.toml")
    data["row"][0]["cells"].pop()
    with pytest.raises(ContentError, match="needs 3 cells"):
        load_evidence(data)


def test_a_session_that_ran_out_unseen_reads_done_and_stays_done():
    """A learner starts a 15-minute cold pack and switches tab: the page does not refresh. When
    they come back 40 minutes later the session must say the time is up (not "running", not a
    break), show 00:00, refuse Pause, and offer a fresh start of the full length."""
    clock = FakeClock()
    s = PackSession(15, clock=clock)
    s.start()
    clock.now += 40 * 60
    assert s.state == "done" and s.seconds_left == 0 and s.clock_text() == "00:00"
    with pytest.raises(ValueError, match="not running"):
        s.pause()
    with pytest.raises(ValueError, match="not paused"):
        s.resume()
    clock.now += 3 * 3600
    assert s.state == "done"
    s.start()
    assert s.state == "running" and s.clock_text() == "15:00"


def test_a_paused_session_keeps_its_time_and_runs_out_only_after_resuming():
    clock = FakeClock()
    s = PackSession(3, clock=clock)
    s.start()
    clock.now += 170
    s.pause()
    clock.now += 3600
    assert s.state == "paused" and s.seconds_left == pytest.approx(10)
    s.resume()
    clock.now += 10
    assert s.state == "done"
    s.reset()
    assert s.state == "idle" and s.seconds_left == 180
