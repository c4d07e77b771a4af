"""Leaving a page while a tool is ticking logs no error, however slow the next page is.

The real situation: in a class of 30 on one server, a learner starts the sitting timer in lesson
03 and clicks "Home". Voila's page closes its kernel connection at once (its ``beforeunload``
handler), but the old page stays alive until the next page's first bytes arrive, which on a busy
server takes seconds. The display tick kept running there, and every tick logged "Could not send
widget sync message" (seen under load in the full browser suite). Here the server is made slow on
purpose: the next page's response is held back for a few seconds, long enough for several ticks.
The ``page`` fixture fails the test on any console error.
"""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect

from tests.browser.harness import READY, forgive_shutdown_beacon, open_page

pytestmark = pytest.mark.browser

HOME = "00-start-here.ipynb"
#: How long the next page keeps the learner waiting: at least three ticks of a one-second tick.
SLOW_SERVER_S = 3.5


def leave_for_home_through_a_slow_server(page, base: str) -> None:
    """Click the lesson's Home link while the server holds the home page back."""
    held = []

    def slow(route):
        held.append(route.request.url)
        time.sleep(SLOW_SERVER_S)
        route.continue_()

    page.route(re.compile(r".*/voila/render/00-start-here\.ipynb.*"), slow)
    page.locator(f'#rendered_cells a[href$="{HOME}"]').last.click()
    page.wait_for_selector(READY, state="attached", timeout=90_000)
    assert held, "the home page was not held back: the test did not reproduce the slow server"
    expect(page.locator("h1").first).to_be_visible()
    forgive_shutdown_beacon(page)


def test_leaving_the_running_timer_logs_nothing(voila, page):
    open_page(page, voila, "03-sitting-and-posture.ipynb")
    page.get_by_role("button", name=re.compile(r"^\W*Start$")).click()
    expect(page.locator(".bsc-timer-state")).to_contain_text("Sitting")
    leave_for_home_through_a_slow_server(page, voila)


def test_leaving_a_running_heat_session_logs_nothing(voila, page):
    open_page(page, voila, "07-treating-a-spasm.ipynb")
    page.get_by_role("button", name="Start session").click()
    expect(page.locator(".bsc-planner-digits")).not_to_have_text("20:00", timeout=5000)
    leave_for_home_through_a_slow_server(page, voila)


def test_leaving_the_running_routine_logs_nothing(voila, page):
    open_page(page, voila, "08-preventing-the-next-one.ipynb")
    page.get_by_role("button", name="Start", exact=True).click()
    expect(page.locator(".bsc-routine-digits")).not_to_have_text("00:05", timeout=5000)
    leave_for_home_through_a_slow_server(page, voila)
