"""The sitting timer in a real Voila page driven by Chromium.

The timer's time comes from the kernel's monotonic clock, which a browser test cannot move. So:

1. On the learner's page (``03-sitting-and-posture.ipynb``) with a short custom schedule:
   start → the countdown decreases with real time → pause freezes it → resume carries on.
2. The same page with the browser's timers stopped for a while (Playwright's ``page.clock``,
   installed before navigation, paused, plus a ``visibilitychange`` to hidden): no tick reaches the
   kernel, the display stays frozen, and when the timers run again the countdown is right to within
   2 s of the real time elapsed (it is computed from the clock, not from counting ticks).
3. A break taken early on the learner's page ends by itself after its 20 s and is counted in the
   tally (about 25 s of real time).
4. The alert: a test-only notebook, written to a temporary folder and served by a second Voila,
   builds the timer with a clock that runs 12 times faster (``clock=lambda: time.monotonic() *
   12``, and ``clock_speed=12`` so the moment handed to the page's reminder is still a real
   one), the injection point the view offers for tests. Nothing is added to the learner's pages,
   yet the real widget, the real browser tick and the real kernel show the alert within ~15 s.
"""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect

from tests.browser.harness import open_page, page_problems
from tests.course import lesson_file
from tests.support.servers import serve_voila
from tests.support.timer import set_visibility, write_fast_timer_notebook

pytestmark = pytest.mark.browser

LESSON = lesson_file("03")
DIGITS = ".bsc-timer-countdown .bsc-timer-digits"


def seconds_shown(page) -> int:
    """The countdown as seconds (``mm:ss`` or ``h:mm:ss``)."""
    text = page.inner_text(DIGITS).strip()
    assert re.fullmatch(r"\d+:\d\d(:\d\d)?", text), text
    total = 0
    for part in text.split(":"):
        total = total * 60 + int(part)
    return total


def use_short_schedule(page, sit: str = "3", move: str = "20 s") -> None:
    """Pick a custom schedule the way a learner does: the Schedule list, two fields, a button."""
    page.get_by_label("Schedule").select_option(label="Custom: choose your own times")
    for label, value in (("Sit for (minutes)", sit), ("Move for (minutes", move)):
        field = page.get_by_label(label)
        field.fill(value)
        field.press("Tab")
    page.get_by_role("button", name="Use these times").click()
    expect(page.locator(".bsc-timer-source")).to_contain_text("Sit for 3 min, then move for 20 s")
    expect(page.locator(DIGITS)).to_have_text("03:00")


def start(page) -> None:
    page.get_by_role("button", name=re.compile(r"^\W*Start$")).click()
    expect(page.locator(".bsc-timer-state")).to_contain_text("Sitting")


def test_countdown_runs_pauses_and_resumes(voila, page):
    open_page(page, voila, LESSON)
    assert page_problems(page) == []
    use_short_schedule(page)
    start(page)
    expect(page.locator(DIGITS)).not_to_have_text("03:00", timeout=5000)
    first, t0 = seconds_shown(page), time.monotonic()
    time.sleep(3)
    second, t1 = seconds_shown(page), time.monotonic()
    assert 2 <= first - second <= 4 + (t1 - t0 - 3), (first, second)

    page.get_by_role("button", name="Pause").click()
    expect(page.locator(".bsc-timer-state")).to_contain_text("Paused")
    frozen = seconds_shown(page)
    time.sleep(3)
    assert seconds_shown(page) == frozen
    expect(page.get_by_role("button", name="Pause")).to_be_disabled()

    page.get_by_role("button", name="Resume").click()
    expect(page.locator(".bsc-timer-state")).to_contain_text("Sitting")
    time.sleep(3)
    assert 1 <= frozen - seconds_shown(page) <= 5


@pytest.mark.serial  # within 2 s of real time: run alone (see the Makefile)
def test_countdown_is_right_after_the_page_was_hidden(voila, page):
    page.clock.install()  # before navigation, so the page's timers are Playwright's
    open_page(page, voila, LESSON)
    use_short_schedule(page)
    start(page)
    expect(page.locator(DIGITS)).not_to_have_text("03:00", timeout=5000)
    shown_at_start, real_start = seconds_shown(page), time.monotonic()

    # Hide the page and stop its timers: the Play widget cannot tick, as in a frozen tab.
    set_visibility(page, hidden=True)
    page.clock.pause_at(page.evaluate("Date.now()") + 500)
    time.sleep(1.5)  # let a tick already on its way to the kernel come back
    frozen = seconds_shown(page)
    time.sleep(6)
    assert seconds_shown(page) == frozen, "the display changed while no tick could run"

    set_visibility(page, hidden=False)
    page.clock.resume()
    expect(page.locator(DIGITS)).not_to_have_text(
        re.compile("^" + re.escape(page.inner_text(DIGITS).strip()) + "$"), timeout=5000
    )
    elapsed = time.monotonic() - real_start
    expected = shown_at_start - elapsed
    assert abs(seconds_shown(page) - expected) <= 2, (seconds_shown(page), expected)


def test_a_break_ends_by_itself_and_is_counted(voila, page):
    open_page(page, voila, LESSON)
    use_short_schedule(page)
    start(page)
    page.get_by_role("button", name="Take a break now").click()
    expect(page.locator(".bsc-timer-state")).to_contain_text("On a break")
    expect(page.locator(".bsc-timer-break")).to_contain_text("Try:")
    assert seconds_shown(page) <= 20
    expect(page.locator(".bsc-timer-tally")).to_contain_text("1 break taken")
    # Nobody clicks anything: the break's 20 s run out and sitting starts again.
    expect(page.locator(".bsc-timer-state")).to_contain_text("Sitting", timeout=30_000)
    expect(page.locator(".bsc-timer-tally")).to_contain_text("2 sitting blocks")
    expect(page.locator(".bsc-timer-break")).to_be_hidden()


# -- the alert, with a sped-up kernel clock on a test-only page ---------------------------------

SPEED = 12


@pytest.fixture(scope="module")
def fast_voila(tmp_path_factory):
    """A Voila serving one test notebook whose timer's clock runs SPEED times faster."""
    folder = tmp_path_factory.mktemp("fast-timer")
    write_fast_timer_notebook(
        folder / "fast-timer.ipynb", "Test the timer's alert with a fast clock", "", SPEED
    )
    with serve_voila(folder, folder / "voila.log") as (base, _):
        yield base


def test_the_alert_appears_with_a_movement_and_the_tally_counts(fast_voila, page):
    open_page(page, fast_voila, "fast-timer.ipynb")
    use_short_schedule(page)
    start(page)
    alert = page.locator(".bsc-timer-alert")
    expect(alert).to_be_hidden()
    # 3 minutes of the fast clock: 15 s of real time.
    expect(alert).to_be_visible(timeout=30_000)
    expect(alert.get_by_role("alert")).to_contain_text("Time to move")
    expect(alert).to_contain_text("Try: Short walk")
    expect(page.locator(".bsc-timer-state")).to_contain_text("Break due")
    expect(page.locator(DIGITS)).to_have_text("00:00")
    alert.get_by_role("button", name="Snooze 5 min").click()
    expect(alert).to_be_hidden()
    expect(page.locator(".bsc-timer-state")).to_contain_text("Sitting")
    # 5 minutes of the fast clock: 25 s of real time; then the snooze is spent.
    expect(alert).to_be_visible(timeout=40_000)
    expect(alert.get_by_role("button", name="Snooze 5 min")).to_be_disabled()
    alert.get_by_role("button", name="I'm taking my break").click()
    expect(page.locator(".bsc-timer-tally")).to_contain_text("1 break taken")
    expect(page.locator(".bsc-timer-state")).to_contain_text("Sitting", timeout=15_000)
    tally = page.locator(".bsc-timer-tally")
    expect(tally).to_contain_text("2 sitting blocks")
    expect(tally).to_contain_text("longest stretch sitting 8 min")


def test_posture_check_lights_up_the_diagram(voila, page):
    open_page(page, voila, LESSON)
    posture = page.locator(".bsc-posture")
    expect(posture.locator(".bsc-part-on")).to_have_count(0)
    posture.get_by_label("Feet supported").check()
    posture.get_by_label("Lower back supported").check()
    expect(posture.locator(".bsc-part-feet.bsc-part-on")).to_have_count(1)
    expect(posture.locator(".bsc-part-back.bsc-part-on")).to_have_count(1)
    expect(posture.locator(".bsc-posture-count")).to_contain_text("2 of 11")
