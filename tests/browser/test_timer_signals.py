"""The break reminder reaches a learner working in another window (issue 14).

The situation: the learner presses Start, then brings another page to the front and works there.
The course's page is hidden. When the sitting time runs out, the hidden page must say so by its
tab title, a chime and (when allowed) a system notification, on time, and nothing before.

How the tests see it: an init script, run before the page's own scripts, records every
``Notification`` the page constructs, every Web Audio oscillator it starts and every
``document.title`` it writes, each with ``Date.now()``. The page writes the moment it was told
the break falls due on its reminder element (``data-due-ms``), so a test compares the two.

Hiding the page: Playwright keeps every page it drives "visible" (its pages behave as active
foreground tabs, even headful), so the test does what a browser does for a background tab that
it can: a second page is brought to the front, and the course page is told it is hidden
(``document.hidden`` true, ``visibilityState`` "hidden", a ``visibilitychange`` event).

The fast tests use a test-only notebook whose timer clock runs ``SPEED`` times faster, with the
schedule told so (``clock_speed``), so the moment handed to the page is still a real moment: a
3-minute sitting time falls due after ``180 / SPEED`` real seconds. One test runs in real time on
the learner's own lesson page: a 3-minute custom sitting time, page hidden, signals within 5 s.
"""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect

from tests.browser.harness import open_page
from tests.browser.test_timer import use_short_schedule
from tests.course import lesson_file
from tests.support.servers import serve_voila, watch
from tests.support.timer import RECORDER, SPEED, fast_notebook, set_visibility

pytestmark = pytest.mark.browser

SIT_SECONDS = 180 / SPEED  # 6 s of real time
SNOOZE_SECONDS = 300 / SPEED  # 10 s
ON_TIME_MS = 2000
REMINDER = ".bsc-signals"


@pytest.fixture(scope="module")
def fast_voila(tmp_path_factory):
    """A Voila serving one test notebook whose timer's clock runs SPEED times faster."""
    folder = tmp_path_factory.mktemp("fast-reminder")
    fast_notebook(folder)
    with serve_voila(folder, folder / "voila.log") as (base, _):
        yield base


def course_page(browser, base: str, permission: str | None, notebook="fast-reminder.ipynb"):
    """A context and a recorded page on ``notebook``; ``permission`` "granted" / "denied" / None."""
    ctx = browser.new_context(
        viewport={"width": 1280, "height": 900},
        permissions=["notifications"] if permission == "granted" else [],
    )
    ctx.add_init_script(RECORDER)
    page = ctx.new_page()
    page.course_log = watch(page)
    if permission == "prompt":
        ctx.grant_permissions(["notifications"])  # what the learner's "Allow" will mean
        ctx.add_init_script("window.__prompt = {answer: 'granted'};")
    if permission == "denied":
        cdp = ctx.new_cdp_session(page)
        cdp.send(
            "Browser.setPermission",
            {"permission": {"name": "notifications"}, "setting": permission, "origin": base},
        )
    open_page(page, base, notebook)
    return ctx, page


@pytest.fixture
def pages(browser):
    """Opens course pages (``pages(base, permission)``); closes them, failing on page errors."""
    opened = []

    def make(base, permission=None, notebook="fast-reminder.ipynb"):
        ctx, page = course_page(browser, base, permission, notebook)
        opened.append((ctx, page))
        return page

    yield make
    problems = []
    for ctx, page in opened:
        problems += page.course_log.problems()
        ctx.close()
    assert not problems, "the page did what a learner's page must not:\n" + "\n".join(problems)


def record(page) -> dict:
    return page.evaluate("window.__bsc")


def due_ms(page) -> int:
    value = page.locator(REMINDER).get_attribute("data-due-ms")
    assert value, "the page was given no due moment"
    return int(value)


def press(page, name: str) -> None:
    page.get_by_role("button", name=re.compile(rf"^\W*{re.escape(name)}$")).click()


def start(page) -> int:
    """Press Start; return the due moment the page was handed (ms since the epoch)."""
    press(page, "Start")
    expect(page.locator(".bsc-timer-state")).to_contain_text("Sitting")
    expect(page.locator(REMINDER)).not_to_have_attribute("data-due-ms", "")
    return due_ms(page)


def hide(page):
    """Bring another page to the front and tell the course page it is hidden."""
    other = page.context.new_page()
    other.goto("about:blank")
    other.bring_to_front()
    set_visibility(page, hidden=True)
    assert page.evaluate("document.hidden") is True
    return other


def come_back(page, other) -> None:
    page.bring_to_front()
    other.close()
    set_visibility(page, hidden=False)


def wait_until(moment_ms: float) -> None:
    time.sleep(max(0.0, moment_ms / 1000 - time.time()))


def due_titles(rec: dict) -> list[dict]:
    return [t for t in rec["titles"] if t["title"].startswith("Time to move: stand up")]


def allow_notifications(page) -> None:
    """What the learner does once: tick the notification switch (the browser allows it)."""
    reminder = page.locator(REMINDER)
    box = reminder.get_by_label("System notification")
    expect(box).to_be_enabled()
    box.check()
    expect(reminder.locator(".bsc-signal-notify-note")).to_contain_text("On: a notification")


def assert_on_time(events: list[dict], due: int, what: str, late_ms: int = ON_TIME_MS) -> int:
    assert events, f"no {what} arrived"
    lateness = events[0]["at"] - due
    assert 0 <= lateness <= late_ms, f"the {what} came {lateness} ms after the due moment"
    return lateness


# -- granted: all three signals in a hidden page -------------------------------------------------


def assert_title_and_chime_without_notification(page) -> None:
    """Start, hide the page: the title and the chime arrive on time, and no notification."""
    due = start(page)
    other = hide(page)
    wait_until(due + ON_TIME_MS + 500)
    rec = record(page)
    assert_on_time(due_titles(rec), due, "title")
    assert_on_time(rec["tones"], due, "chime")
    assert rec["notes"] == []
    come_back(page, other)


def test_a_hidden_page_signals_by_title_sound_and_notification_on_time(fast_voila, pages):
    page = pages(fast_voila, "granted")
    allow_notifications(page)
    due = start(page)
    assert abs(due / 1000 - (time.time() + SIT_SECONDS)) < 2, "the moment is a real moment"
    expect(page).to_have_title(re.compile(r"^1 min · "))
    other = hide(page)
    wait_until(due - 1000)
    early = record(page)
    assert not due_titles(early) and not early["tones"] and not early["notes"], "nothing early"

    wait_until(due + ON_TIME_MS + 500)
    rec = record(page)
    title = due_titles(rec)
    assert_on_time(title, due, "title")
    assert title[0]["hidden"], "the title changed while the page was hidden"
    assert_on_time(rec["tones"], due, "chime")
    assert {t["state"] for t in rec["tones"]} == {"running"}, "the Start click armed the sound"
    assert_on_time(rec["notes"], due, "notification")
    note = rec["notes"][0]
    assert note["hidden"] and not rec["noteErrors"]
    assert note["title"] == "Time to move: stand up (short walk)"
    assert "Stand up and move for 20 s. Try: Short walk." in note["body"]
    assert len(rec["notes"]) == 1 and len(rec["tones"]) == 2, "one chime (two notes), once"
    assert page.title().startswith("Time to move: stand up · ")

    # The kernel heard the moment had come: the alert is drawn before the learner comes back,
    # and when they do, it has the focus and is announced.
    come_back(page, other)
    alert = page.locator(".bsc-timer-alert [role='alert']")
    expect(alert).to_be_visible()
    expect(alert).to_be_focused()
    expect(alert).to_contain_text("Time to move")
    expect(alert).to_contain_text("Try: Short walk")
    assert page.title().startswith("Time to move: stand up"), (
        "the call stays until the learner acts"
    )
    page.get_by_role("button", name="I'm taking my break").click()
    expect(page).to_have_title(re.compile(r"^On a break · "))


# -- denied, sound off, pause, snooze ------------------------------------------------------------


def test_denied_the_switch_says_so_and_title_and_sound_still_work(fast_voila, pages):
    page = pages(fast_voila, "denied")
    reminder = page.locator(REMINDER)
    expect(reminder.locator(".bsc-signal-notify")).to_have_attribute("data-permission", "denied")
    expect(reminder.get_by_label("System notification")).to_be_disabled()
    expect(reminder.get_by_role("button", name="Allow notifications")).to_be_hidden()
    expect(reminder.locator(".bsc-signal-notify-note")).to_contain_text(
        "Your browser blocks notifications from this site"
    )
    expect(reminder.locator(".bsc-signal-notify-note")).to_contain_text(
        "The tab title and the sound still work."
    )
    assert_title_and_chime_without_notification(page)


def test_not_asked_yet_the_button_is_the_only_way_to_turn_notifications_on(fast_voila, pages):
    page = pages(fast_voila, "prompt")
    reminder = page.locator(REMINDER)
    expect(reminder.locator(".bsc-signal-notify")).to_have_attribute("data-permission", "default")
    expect(reminder.get_by_label("System notification")).to_be_disabled()
    expect(reminder.get_by_label("System notification")).not_to_be_checked()
    expect(reminder.get_by_role("button", name="Allow notifications")).to_be_visible()
    expect(reminder.locator(".bsc-signal-notify-note")).to_contain_text("Press Allow notifications")
    due = start(page)
    assert record(page)["asked"] == [], "neither the page nor Start asks for permission"
    reminder.get_by_role("button", name="Allow notifications").click()
    expect(reminder.get_by_label("System notification")).to_be_checked()
    asked = record(page)["asked"]
    assert len(asked) == 1 and asked[0]["byClick"], "asked once, from the learner's click"
    expect(reminder.locator(".bsc-signal-notify-note")).to_contain_text("On: a notification")
    wait_until(due + ON_TIME_MS)
    assert_on_time(record(page)["notes"], due, "notification")
    expect(reminder.get_by_role("button", name="Allow notifications")).to_be_hidden()


def test_sound_off_no_chime(fast_voila, pages):
    page = pages(fast_voila, "granted")
    page.locator(REMINDER).get_by_label("Sound").uncheck()
    due = start(page)
    other = hide(page)
    wait_until(due + ON_TIME_MS + 500)
    rec = record(page)
    assert_on_time(due_titles(rec), due, "title")
    assert rec["tones"] == []
    come_back(page, other)
    page.locator(REMINDER).get_by_role("button", name="Test sound").click()
    page.wait_for_function("window.__bsc.tones.length > 0")


def test_pause_nothing_fires(fast_voila, pages):
    page = pages(fast_voila, "granted")
    allow_notifications(page)
    due = start(page)
    press(page, "Pause")
    expect(page.locator(REMINDER)).to_have_attribute("data-due-ms", "")
    expect(page).to_have_title(re.compile(r"^Paused · "))
    other = hide(page)
    wait_until(due + ON_TIME_MS + 1000)
    rec = record(page)
    assert not due_titles(rec) and rec["tones"] == [] and rec["notes"] == []
    come_back(page, other)
    expect(page.locator(".bsc-timer-alert")).to_be_hidden()


def test_snooze_fires_again_at_the_new_moment(fast_voila, pages):
    page = pages(fast_voila, "granted")
    allow_notifications(page)
    due = start(page)
    wait_until(due + ON_TIME_MS)
    alert = page.locator(".bsc-timer-alert")
    expect(alert).to_be_visible()
    assert len(record(page)["notes"]) == 1
    alert.get_by_role("button", name="Snooze 5 min").click()
    expect(page.locator(".bsc-timer-state")).to_contain_text("Sitting")
    expect(page.locator(REMINDER)).not_to_have_attribute("data-due-ms", str(due))
    snoozed = due_ms(page)
    assert abs(snoozed / 1000 - (time.time() + SNOOZE_SECONDS)) < 2
    expect(page).to_have_title(re.compile(r"^1 min · "))
    other = hide(page)
    wait_until(snoozed - 1000)
    rec = record(page)
    assert len(rec["notes"]) == 1 and len(rec["tones"]) == 2, "nothing before the new moment"
    wait_until(snoozed + ON_TIME_MS + 500)
    rec = record(page)
    assert_on_time(rec["notes"][1:], snoozed, "second notification")
    assert_on_time(rec["tones"][2:], snoozed, "second chime")
    assert_on_time([t for t in due_titles(rec) if t["at"] > snoozed - 1000], snoozed, "title")
    come_back(page, other)


def test_a_plain_http_class_server_says_why_and_title_and_sound_still_work(fast_voila, browser):
    """A class server reached by its name over plain http is not a secure context (only https
    and this computer are), so the browser offers no notifications. Chromium maps the made-up
    name ``classroom.test`` to the loopback server, so the page is that insecure page."""
    from tests.support.servers import CHROMIUM_ARGS, chromium_executable

    port = fast_voila.rsplit(":", 1)[1]
    rules = "--host-resolver-rules=MAP classroom.test 127.0.0.1"
    other_browser = browser.browser_type.launch(
        executable_path=chromium_executable(), args=[*CHROMIUM_ARGS, rules]
    )
    try:
        ctx = other_browser.new_context(viewport={"width": 1280, "height": 900})
        ctx.add_init_script(RECORDER)
        page = ctx.new_page()
        log = watch(page)
        open_page(page, f"http://classroom.test:{port}", "fast-reminder.ipynb")
        assert page.evaluate("window.isSecureContext") is False
        reminder = page.locator(REMINDER)
        expect(reminder.locator(".bsc-signal-notify")).to_have_attribute(
            "data-permission", "insecure"
        )
        expect(reminder.get_by_label("System notification")).to_be_disabled()
        expect(reminder.locator(".bsc-signal-notify-note")).to_contain_text(
            "browsers show notifications only for secure pages"
        )
        assert_title_and_chime_without_notification(page)
        problems = log.console_errors + log.page_errors + log.failed_responses
        assert problems == []
    finally:
        other_browser.close()


# -- real time, on the learner's own page --------------------------------------------------------


@pytest.mark.quiet  # three minutes of a hidden page: beside the serial tests (see the Makefile)
def test_a_three_minute_sitting_time_in_real_time_signals_a_hidden_page(voila, pages):
    page = pages(voila, "granted", notebook=lesson_file("03"))
    use_short_schedule(page)  # custom: sit 3 min, move 20 s, as a learner types it
    allow_notifications(page)
    due = start(page)
    assert abs(due / 1000 - (time.time() + 180)) < 2
    other = hide(page)
    wait_until(due - 2000)
    rec = record(page)
    assert not due_titles(rec) and rec["tones"] == [] and rec["notes"] == []
    assert any(re.match(r"^[123] min · ", t["title"]) for t in rec["titles"])
    wait_until(due + 5500)
    rec = record(page)
    for events, what in (
        (due_titles(rec), "title"),
        (rec["tones"], "chime"),
        (rec["notes"], "note"),
    ):
        assert_on_time(events, due, what, late_ms=5000)
    come_back(page, other)
    expect(page.locator(".bsc-timer-alert [role='alert']")).to_be_focused()


# -- the same journey in JupyterLab --------------------------------------------------------------


def test_in_jupyterlab_a_hidden_tab_gets_title_sound_and_notification(lab, notebook_copy, browser):
    from tests.browser.jupyter import run_all
    from tests.browser.test_lab import workspace

    fast_notebook(notebook_copy)
    base, token = lab
    ctx = browser.new_context(
        viewport={"width": 1280, "height": 900}, permissions=["notifications"]
    )
    ctx.add_init_script(RECORDER)
    page = ctx.new_page()
    log = watch(page)
    try:
        page.goto(
            f"{base}/lab/workspaces/{workspace()}/tree/notebooks/fast-reminder.ipynb"
            f"?token={token}&reset",
            wait_until="domcontentloaded",
        )
        run_all(page)
        allow_notifications(page)
        due = start(page)
        expect(page).to_have_title(re.compile(r"^1 min · "))
        other = hide(page)
        wait_until(due - 1000)
        early = record(page)
        assert not due_titles(early) and not early["tones"] and not early["notes"]
        wait_until(due + ON_TIME_MS + 500)
        rec = record(page)
        assert_on_time(due_titles(rec), due, "title")
        assert_on_time(rec["tones"], due, "chime")
        assert_on_time(rec["notes"], due, "notification")
        come_back(page, other)
        expect(page.locator(".bsc-timer-alert [role='alert']")).to_be_focused()
        assert log.problems() == []
    finally:
        ctx.close()
