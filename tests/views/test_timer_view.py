"""The sitting timer and posture check, built without a kernel: click, advance a fake clock,
refresh, and read what a learner would see."""

from __future__ import annotations

import html
import re
from datetime import datetime

import ipywidgets as w
import pytest

import widgets
from tests.support.clock import FakeClock
from widgets.tick import Tick
from widgets.timer import PostureCheck, SittingSchedule, SittingTimer
from widgets.timer.data import load_posture, load_stretches
from widgets.ui import DISCLAIMER, PALETTE

_, STRETCHES = load_stretches()
_, POSTURE = load_posture()


def text(widget) -> str:
    """What a learner reads in an HTML widget: tags stripped, entities decoded, spaces folded."""
    plain = re.sub(r"<title>.*?</title>", "", widget.value, flags=re.S)
    plain = html.unescape(re.sub(r"<[^>]+>", " ", plain))
    return " ".join(plain.split())


def shown(widget) -> bool:
    return widget.layout.display != "none"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def timer(clock) -> SittingTimer:
    return SittingTimer(clock=clock, wall_clock=clock.wall)


def countdown(timer) -> str:
    return re.search(r"\d+:\d\d(:\d\d)?", text(timer._countdown)).group(0)


def advance(timer, clock, seconds) -> None:
    clock.advance(seconds)
    timer.refresh()


# -- building ----------------------------------------------------------------------------------


def test_builds_without_a_kernel_with_the_course_default(timer):
    assert isinstance(timer, w.VBox)
    assert countdown(timer) == "30:00"
    assert "Not started" in text(timer._state)
    assert timer._preset.value == "course"
    assert "Sit for 30 min, then move for 3 min" in text(timer._source)
    assert "Solomon" in text(timer._source)
    assert not timer._start.disabled
    assert all(b.disabled for b in (timer._pause, timer._resume, timer._reset, timer._break_now))
    assert not shown(timer._alert) and not shown(timer._break_panel)
    assert timer._tick.playing is False


def test_public_names_and_css_classes(timer):
    assert widgets.SittingTimer is SittingTimer
    for widget, cls in (
        (timer, "bsc-timer"),
        (timer._countdown, "bsc-timer-countdown"),
        (timer._state, "bsc-timer-state"),
        (timer._alert, "bsc-timer-alert"),
        (timer._tally, "bsc-timer-tally"),
    ):
        assert cls in widget._dom_classes


def test_the_tick_is_a_one_second_tick_that_is_hidden(timer):
    tick = timer._tick
    assert isinstance(tick, Tick)
    assert tick.interval == 1000
    assert tick.layout.display == "none"
    assert tick in timer.children


def test_every_control_is_labelled(timer):
    buttons = [timer._start, timer._pause, timer._resume, timer._reset, timer._break_now,
               timer._took_break, timer._snooze, timer._end_break, timer._apply]  # fmt: skip
    for b in buttons:
        assert b.description and b.tooltip
    for field in (timer._preset, timer._sit_field, timer._break_field, timer._micro_choice):
        assert field.description


def test_shows_the_disclaimer(timer):
    assert any(
        isinstance(c, w.HTML) and DISCLAIMER in html.unescape(c.value) for c in timer.children
    )


# -- running -----------------------------------------------------------------------------------


def test_start_then_the_countdown_follows_the_clock(timer, clock):
    timer._start.click()
    assert "Sitting" in text(timer._state)
    assert timer._tick.playing is True
    advance(timer, clock, 61)
    assert countdown(timer) == "28:59"
    assert "until your break" in text(timer._countdown)
    assert timer._progress.value == pytest.approx(61 / 1800)
    assert timer._start.disabled and not timer._pause.disabled


def test_a_browser_tick_refreshes_the_display(timer, clock):
    timer._start.click()
    clock.advance(125)
    assert countdown(timer) == "30:00"  # nothing has asked the display to catch up yet
    timer._tick.value = 1  # what the Play widget does in the browser each second
    assert countdown(timer) == "27:55"


def test_pause_freezes_and_resume_carries_on(timer, clock):
    timer._start.click()
    advance(timer, clock, 300)
    timer._pause.click()
    assert "Paused" in text(timer._state)
    assert timer._tick.playing is False
    advance(timer, clock, 900)
    assert countdown(timer) == "25:00"
    assert not timer._resume.disabled and timer._pause.disabled
    timer._resume.click()
    advance(timer, clock, 60)
    assert countdown(timer) == "24:00"
    assert "Sitting" in text(timer._state)


def test_reset_goes_back_to_the_start(timer, clock):
    timer._start.click()
    advance(timer, clock, 300)
    timer._reset.click()
    assert countdown(timer) == "30:00"
    assert "Not started" in text(timer._state)
    assert "1 sitting block" in text(timer._tally)


# -- the break ---------------------------------------------------------------------------------


def test_when_the_break_is_due_an_unmistakable_alert_appears(timer, clock):
    timer._start.click()
    advance(timer, clock, 30 * 60)
    assert shown(timer._alert)
    assert 'role="alert"' in timer._alert_text.value
    words = text(timer._alert_text)
    assert "Time to move" in words
    assert f"Try: {STRETCHES[0].name}" in words
    assert STRETCHES[0].dose in words and "Source:" in words
    assert "<svg" in timer._alert_text.value  # the movement's picture
    assert (
        PALETTE["emergency"] in timer._alert_text.value
    )  # coloured as well as worded (tone class)
    assert "Break due" in text(timer._state)
    assert countdown(timer) == "00:00"
    assert timer._progress.bar_style == "danger"
    assert timer._took_break.description == "I'm taking my break"
    assert timer._snooze.description == "Snooze 5 min" and not timer._snooze.disabled


def test_snooze_once_then_it_is_refused(timer, clock):
    timer._start.click()
    advance(timer, clock, 30 * 60)
    timer._snooze.click()
    assert not shown(timer._alert)
    assert countdown(timer) == "05:00"
    advance(timer, clock, 5 * 60)
    assert shown(timer._alert)
    assert timer._snooze.disabled
    assert "already put this break off once" in text(timer._alert_text)
    timer._snooze.click()  # a stale click is answered in words, not with a traceback
    assert "put off once" in text(timer._action_msg)
    assert shown(timer._alert)


def test_taking_the_break_counts_it_and_counts_down_the_break(timer, clock):
    timer._start.click()
    advance(timer, clock, 31 * 60)
    timer._took_break.click()
    assert not shown(timer._alert)
    assert shown(timer._break_panel)
    assert "On a break" in text(timer._state)
    assert countdown(timer) == "03:00"
    assert "left of your break" in text(timer._countdown)
    assert STRETCHES[0].name in text(timer._break_text)
    advance(timer, clock, 100)
    assert countdown(timer) == "01:20"
    assert timer._progress.bar_style == "success"
    assert "1 break taken" in text(timer._tally)


def test_the_break_ends_by_itself_and_the_tally_adds_up(timer, clock):
    timer._start.click()
    advance(timer, clock, 31 * 60)
    timer._took_break.click()
    advance(timer, clock, 3 * 60 + 10)  # the display was not refreshed when the break ended
    assert "Sitting" in text(timer._state)
    assert not shown(timer._break_panel)
    assert countdown(timer) == "29:50"
    tally = text(timer._tally)
    assert "2 sitting blocks" in tally
    assert "1 break taken" in tally
    assert "longest stretch sitting 31 min" in tally
    assert "31 min 10 s" not in tally and "31 min sitting in all" in tally
    assert 'aria-label="Sitting blocks today, oldest first: 31 min, 10 s."' in timer._tally.value


def test_back_to_sitting_ends_the_break_early_and_the_next_move_is_different(timer, clock):
    timer._start.click()
    advance(timer, clock, 30 * 60)
    first = re.search(r"Try: (.+?) \(", text(timer._alert_text)).group(1)
    timer._took_break.click()
    timer._end_break.click()
    assert "Sitting" in text(timer._state) and countdown(timer) == "30:00"
    advance(timer, clock, 30 * 60)
    second = re.search(r"Try: (.+?) \(", text(timer._alert_text)).group(1)
    desk = [m.name for m in STRETCHES if m.place == "standing"]
    assert (first, second) == (desk[0], desk[1]) == ("Short walk", "Stand up")


def test_take_a_break_early(timer, clock):
    timer._start.click()
    advance(timer, clock, 60)
    timer._break_now.click()
    assert "On a break" in text(timer._state)
    assert "1 break taken" in text(timer._tally)


def test_a_button_clicked_out_of_turn_shows_a_message(timer):
    timer._resume.click()  # disabled in the page; a stale click must still be harmless
    assert "not paused" in text(timer._action_msg)
    assert 'role="alert"' in timer._action_msg.value
    timer._start.click()
    assert text(timer._action_msg) == ""


def test_the_tally_rolls_over_at_midnight():
    clock = FakeClock(wall=datetime(2024, 5, 1, 23, 40))
    timer = SittingTimer(clock=clock, wall_clock=clock.wall)
    timer._start.click()
    advance(timer, clock, 10 * 60)
    timer._break_now.click()
    timer._end_break.click()
    assert "1 break taken" in text(timer._tally)
    advance(timer, clock, 20 * 60)  # 00:10
    tally = text(timer._tally)
    assert "0 breaks taken" in tally and "1 sitting block" in tally
    assert "10 min sitting in all" in tally


# -- schedules ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "choice, clock_text", [("physio-20", "20:00"), ("stretchly", "30:00"), ("workrave", "45:00")]
)
def test_picking_a_preset_changes_the_schedule(timer, choice, clock_text):
    timer._preset.value = choice
    assert countdown(timer) == clock_text
    assert not shown(timer._custom)
    assert "Source:" in text(timer._source)


def test_a_custom_schedule(timer, clock):
    timer._preset.value = "custom"
    assert shown(timer._custom)
    timer._sit_field.value = "3"
    timer._break_field.value = "20 s"
    timer._apply.click()
    assert (timer.schedule.sit_minutes, round(timer.schedule.break_seconds)) == (3, 20)
    assert countdown(timer) == "03:00"
    assert "Sit for 3 min, then move for 20 s" in text(timer._source)
    timer._start.click()
    advance(timer, clock, 180)
    assert shown(timer._alert)
    timer._took_break.click()
    assert countdown(timer) == "00:20"


@pytest.mark.parametrize(
    "sit, words",
    [
        ("2", "from 3 to 120"),
        ("121", "from 3 to 120"),
        ("0.2", "from 3 to 120"),
        ("-1", "must be a number"),
        ("nan", "must be a number"),
        ("inf", "must be a number"),
        ("abc", "must be a number"),
        ("", "Type the sitting time"),
    ],
)
def test_bad_custom_sitting_time_shows_a_message_and_keeps_the_rest(timer, sit, words):
    timer._preset.value = "custom"
    timer._break_field.value = "2"
    timer._sit_field.value = sit
    timer._apply.click()
    assert words in text(timer._sit_msg)
    assert "Traceback" not in timer._sit_msg.value
    assert timer._break_field.value == "2" and timer._sit_field.value == sit
    assert timer.schedule.sit_minutes == 30  # nothing changed


@pytest.mark.parametrize("brk", ["10 s", "31", "0", "-1", "abc", "nan", ""])
def test_bad_custom_break_shows_a_message_next_to_the_field(timer, brk):
    timer._preset.value = "custom"
    timer._sit_field.value = "25"
    timer._break_field.value = brk
    timer._apply.click()
    assert text(timer._break_msg)
    assert "✓" not in text(timer._break_msg)
    assert text(timer._sit_msg) == ""
    assert timer.schedule.break_minutes == 3
    assert timer._sit_field.value == "25"


def test_a_schedule_can_be_injected():
    clock = FakeClock()
    s = SittingSchedule(sit_minutes=45, break_minutes=10, clock=clock, wall_clock=clock.wall)
    timer = SittingTimer(s)
    assert timer.schedule is s
    assert timer._preset.value == "workrave"
    s2 = SittingSchedule(sit_minutes=7, break_minutes=1, clock=clock, wall_clock=clock.wall)
    assert SittingTimer(s2)._preset.value == "custom"


# -- micro-pauses ------------------------------------------------------------------------------


def test_micro_pauses_nudge_gently_and_follow_the_main_timer(timer, clock):
    timer._micro_choice.value = "stretchly-micro"
    assert "start with the timer" in text(timer._micro_note)
    timer._start.click()
    advance(timer, clock, 10 * 60)
    assert "Micro-pause: take 20 s" in text(timer._micro_note)
    assert 'role="alert"' not in timer._micro_note.value  # a nudge, not an alarm
    assert shown(timer._micro_done)
    assert not shown(timer._alert)
    timer._micro_done.click()
    assert "00:20 left" in text(timer._micro_note)
    advance(timer, clock, 25)
    assert "Next micro-pause in 09:55" in text(timer._micro_note)
    timer._pause.click()
    advance(timer, clock, 600)
    assert "09:55" in text(timer._micro_note)
    timer._resume.click()
    timer._break_now.click()
    assert "start again when your break is over" in text(timer._micro_note)
    advance(timer, clock, 3 * 60)
    assert "Next micro-pause in 10:00" in text(timer._micro_note)
    timer._micro_choice.value = "off"
    assert text(timer._micro_note) == ""


# -- posture check -----------------------------------------------------------------------------


@pytest.fixture
def posture() -> PostureCheck:
    return PostureCheck()


def test_posture_check_builds_with_every_item(posture):
    assert widgets.timer.PostureCheck is PostureCheck
    assert "bsc-posture" in posture._dom_classes
    assert [b.description for b in posture._boxes.values()] == [i.label for i in POSTURE]
    assert "0 of 11" in text(posture._count)
    assert "bsc-part-on" not in posture._diagram.value
    assert "no single" in text(posture._about)


def test_ticking_lights_up_the_part(posture):
    posture._boxes["feet"].value = True
    posture._boxes["back"].value = True
    svg = posture._diagram.value
    assert 'class="bsc-part bsc-part-feet bsc-part-on"' in svg
    assert 'class="bsc-part bsc-part-back bsc-part-on"' in svg
    assert 'class="bsc-part bsc-part-head"' in svg
    assert "2 of 11" in text(posture._count)
    assert posture.checked == {"feet", "back"}
    assert "2 of 11 parts" in svg  # the text alternative says so too


def test_all_ticked_then_cleared(posture):
    for box in posture._boxes.values():
        box.value = True
    assert "matches the whole list" in text(posture._count)
    assert posture._diagram.value.count("bsc-part-on") == 11
    posture._clear.click()
    assert posture.checked == set()
    assert "bsc-part-on" not in posture._diagram.value


# -- the reminder in the page -------------------------------------------------------------------


def due_ms(clock, after: float) -> int:
    return round((clock.wall().timestamp() + after) * 1000)


def test_the_page_gets_the_due_moment_at_each_transition(timer, clock):
    signals = timer._signals
    assert signals.due_ms is None and signals.state == "idle"
    timer._start.click()
    assert signals.due_ms == due_ms(clock, 30 * 60)
    assert signals.state == "sitting"
    first = signals.due_ms
    advance(timer, clock, 60)  # a display tick does not move the moment
    assert signals.due_ms == first
    timer._pause.click()
    assert signals.due_ms is None and signals.state == "paused"
    advance(timer, clock, 60)
    timer._resume.click()
    assert signals.due_ms == due_ms(clock, 29 * 60)
    advance(timer, clock, 29 * 60)
    assert signals.state == "break-due"
    timer._snooze.click()
    assert signals.due_ms == due_ms(clock, 5 * 60)
    timer._break_now.click()
    assert signals.due_ms == due_ms(clock, 3 * 60 + 30 * 60)
    timer._reset.click()
    assert signals.due_ms is None and signals.state == "idle"


def test_a_settings_change_hands_over_a_new_moment(timer, clock):
    timer._start.click()
    advance(timer, clock, 5 * 60)
    timer._preset.value = "physio-20"
    assert timer._signals.due_ms == due_ms(clock, 15 * 60)


def test_the_notification_says_what_to_do_and_which_movement(timer, clock):
    timer._start.click()
    signals = timer._signals
    assert signals.heading == "Time to move: stand up (short walk)"
    assert "Stand up and move for 3 min. Try: Short walk." in signals.body
    assert signals.due_title == "Time to move: stand up"
    timer._break_now.click()  # the break running now has its walk; the next one is different
    assert signals.heading == "Time to move: stand up (stand up)"


def test_the_page_saying_the_moment_came_draws_the_alert_at_once(timer, clock):
    timer._start.click()
    clock.advance(30 * 60)
    assert not shown(timer._alert), "nothing has refreshed the display yet"
    timer._signals._on_message(timer._signals, {"event": "due"}, [])
    assert shown(timer._alert)
    alert = timer._alert_text.value
    assert 'role="alert"' in alert and 'tabindex="-1"' in alert
    clock.advance(7)
    timer.refresh()
    assert timer._alert_text.value == alert, "a steady alert: redrawn, it would lose focus"
    timer._signals._on_message(timer._signals, {"event": "junk"}, [])  # ignored


def test_desk_breaks_by_default_and_floor_ones_only_with_room(timer, clock):
    assert {m.place for m in timer.movements} == {"standing"}
    timer._start.click()
    advance(timer, clock, 30 * 60)
    words = text(timer._alert_text)
    assert "Try: Short walk (at your desk: no kit needed)" in words
    assert "[S" not in words, "no provenance tags for learners"
    timer._room.value = True
    assert [m.name for m in timer.movements[:2]] == ["Short walk", "Knee rolls"]
    assert any(m.place == "floor" for m in timer.movements)
    assert "on the floor" not in text(timer._alert_text)
    timer._took_break.click()
    timer._end_break.click()
    advance(timer, clock, 30 * 60)
    words = text(timer._alert_text)
    assert "Try: Knee rolls (on the floor: a mat or carpet)" in words
    assert "Only stretch as far as feels comfortable" in words


def test_the_switches_and_the_room_are_remembered_in_this_browser(timer):
    memory = timer.reminders
    assert (memory.section, memory.name) == ("settings", "timer-reminders")
    memory.set_state({"value": {"title": False, "sound": "loud", "room": True}, "loaded": True})
    assert timer._signals.title_on is False
    assert timer._signals.sound_on is True, "junk is ignored"
    assert timer._room.value is True
    timer._signals.notify_on = True  # the page sets it once the browser allowed notifications
    assert memory.value == {"title": False, "sound": True, "notify": True, "room": True}


def test_micro_pauses_count_from_the_end_of_the_break_even_if_nobody_looked(timer, clock):
    timer._micro_choice.value = "stretchly-micro"
    timer._start.click()
    timer._break_now.click()
    advance(timer, clock, 3 * 60 + 90)  # the break ended 90 s before this refresh
    assert "Next micro-pause in 08:30" in text(timer._micro_note)
