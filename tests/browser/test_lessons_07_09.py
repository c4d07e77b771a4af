"""Lessons 07, 08 and 09 in a real Voila page (that they render clean with their quiz:
test_pages.py): the cold/heat planner answers,
the guided routine walks through exercises with Skip, and the plan downloads as a file whose text
is checked (including that free text stays text)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.harness import open_page
from tests.course import lesson_file
from tests.support.paths import REPO

pytestmark = pytest.mark.browser


def test_planner_answers_for_two_hours_and_five_days(voila, page):
    open_page(page, voila, lesson_file("07"))
    headline = page.locator(".bsc-planner-headline")
    field = page.get_by_label("The pain started this long ago")
    field.fill("2")
    field.press("Tab")
    expect(headline).to_contain_text("about 2 hours ago")
    expect(page.locator(".bsc-planner-advice")).to_contain_text("one centre's practice")
    expect(page.locator(".bsc-planner-heat")).to_contain_text("up to 20 minutes")

    page.get_by_label("Unit").select_option(label="days ago")
    field.fill("5")
    field.press("Tab")
    expect(headline).to_contain_text("about 5 days ago")
    expect(page.locator(".bsc-planner-advice")).not_to_contain_text("48 hours")

    page.get_by_label("The area feels numb or tingly").check()
    expect(page.locator(".bsc-planner-heat")).to_contain_text("not for you now")

    field.fill("soon")
    field.press("Tab")
    expect(page.locator(".bsc-planner .bsc-message-error")).to_contain_text("as a number")
    expect(page.get_by_label("The area feels numb or tingly")).to_be_checked()


def test_planner_session_starts_and_counts_down(voila, page):
    open_page(page, voila, lesson_file("07"))
    digits = page.locator(".bsc-planner-digits")
    expect(digits).to_have_text("20:00")
    page.get_by_role("button", name="Start session").click()
    expect(page.locator(".bsc-planner-state")).to_contain_text("left of this heat session")
    expect(digits).not_to_have_text("20:00", timeout=5000)
    page.get_by_role("button", name="Pause").click()
    expect(page.locator(".bsc-planner-state")).to_have_text("Paused")


def test_evidence_table_shows_worded_verdicts(voila, page):
    open_page(page, voila, lesson_file("07"))
    table = page.locator(".bsc-evidence table")
    expect(table).to_contain_text("Acupuncture")
    expect(table.locator("td.bsc-verdict-against").first).to_contain_text("Not recommended")


def test_routine_walks_through_two_exercises(voila, page):
    open_page(page, voila, lesson_file("08"))
    name = page.locator(".bsc-routine-name")
    state = page.locator(".bsc-routine-state")
    expect(name).to_have_text("Knee-to-chest")
    page.get_by_role("button", name="Start", exact=True).click()
    expect(state).to_contain_text("Hold — 1 of 3")
    # the browser's tick moves the timer on by itself
    expect(page.locator(".bsc-routine-digits")).not_to_have_text("00:05", timeout=5000)
    page.get_by_role("button", name="Skip").click()
    expect(name).to_have_text("Knee rolls")
    expect(page.locator(".bsc-routine-exercise")).to_contain_text("Exercise 2 of 6")
    page.get_by_role("button", name="Skip").click()
    expect(name).to_have_text("Pelvic tilt")
    page.get_by_role("button", name="Back").click()
    expect(name).to_have_text("Knee rolls")
    expect(page.locator(".bsc-routine svg").first).to_be_visible()


def download(page, link: str, path) -> tuple[str, str]:
    """Click the download link ``link``: the name it suggests, and the text saved at ``path``."""
    with page.expect_download() as info:
        page.get_by_role("link", name=link).click()
    file = info.value
    file.save_as(path)
    return file.suggested_filename, path.read_text(encoding="utf-8")


def test_plan_downloads_as_markdown_and_html(voila, page, tmp_path):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_page(page, voila, lesson_file("09"))
    goal = page.get_by_label("My goal (optional)")
    goal.fill("<script>alert(1)</script> Walk *every* day")
    goal.press("Tab")
    expect(page.locator(".bsc-plan-goal")).to_contain_text("<script>alert(1)</script> Walk")
    page.get_by_label("Sitting schedule").select_option(label="Every 20 min, 2 min move")
    expect(page.locator(".bsc-plan-preview")).to_contain_text("Every 20 min, 2 min move")

    name, text = download(page, "Download as Markdown", tmp_path / "plan.md")
    assert name == "my-back-care-plan.md"
    assert text.startswith("# My back-care plan")
    assert "**My goal:** \\<script\\>alert(1)\\</script\\> Walk \\*every\\* day" in text
    assert "Every 20 min, 2 min move" in text and "Emergency: get help now" in text
    assert "education, not a diagnosis" in text

    name, page_text = download(page, "Download as a web page", tmp_path / "plan.html")
    assert name == "my-back-care-plan.html"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page_text
    assert "<script" not in page_text
    assert dialogs == [], "the learner's text ran as a script"


def test_lesson_07_shows_when_and_how_long_for_heat_or_cold(voila, page):
    open_page(page, voila, lesson_file("07"))
    picture = page.get_by_role("img", name=re.compile("^Heat or cold: when and for how long"))
    expect(picture).to_be_visible()
    assert picture.evaluate("img => img.complete && img.naturalWidth > 0")
    picture.scroll_into_view_if_needed()
    (REPO / "test-artifacts").mkdir(exist_ok=True)
    page.screenshot(path=str(REPO / "test-artifacts" / "lesson07-heat-cold.png"))
