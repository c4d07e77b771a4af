"""The symptom self-check in a real Voila page (lesson 06), driven like a learner would."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.harness import open_page
from widgets.selfcheck import TIERS

pytestmark = pytest.mark.browser

NOTEBOOK = "06-symptoms-and-when-to-get-help.ipynb"


def answer_yes(page, qid: str) -> None:
    """Tick "Yes" for one question (its radio group carries the class bsc-q-<id>)."""
    page.locator(f".bsc-q-{qid}").get_by_label("Yes").check()


def test_emergency_then_start_again_and_self_care(voila, page):
    open_page(page, voila, NOTEBOOK)
    tool = page.locator(".bsc-selfcheck")
    step = tool.locator(".bsc-step")
    expect(step).to_contain_text("Step 1 of 4")
    expect(page.get_by_role("img", name="Four coloured bands")).to_be_visible()

    answer_yes(page, "both_legs")
    tool.get_by_role("button", name="Next").click()
    panel = tool.locator(".bsc-result.bsc-result-emergency")
    expect(panel).to_be_visible()
    expect(panel.get_by_role("alert")).to_contain_text(TIERS["emergency"].advice)
    expect(panel).to_contain_text("You said you have pain, tingling, weakness or numbness")
    expect(tool).to_contain_text("This is education, not a diagnosis")

    tool.get_by_role("button", name="Start again").click()
    expect(step).to_contain_text("Step 1 of 4")
    expect(page.locator(".bsc-q-both_legs").get_by_label("No")).to_be_checked()
    for n in (2, 3, 4):
        tool.get_by_role("button", name="Next").click()
        expect(step).to_contain_text(f"Step {n} of 4")
    answer_yes(page, "worse_bending")
    answer_yes(page, "sudden_after_effort")
    tool.get_by_role("button", name="See my result").click()
    panel = tool.locator(".bsc-result.bsc-result-self-care")
    expect(panel).to_be_visible()
    expect(panel).to_contain_text(TIERS["self-care"].advice)
    expect(panel).to_contain_text("typical of a muscle spasm")
    expect(tool.locator(".bsc-result-emergency")).to_have_count(0)
    expect(tool.get_by_role("alert")).to_have_count(0)


def test_a_typed_bad_number_shows_a_message_in_the_page(voila, page):
    open_page(page, voila, NOTEBOOK)
    tool = page.locator(".bsc-selfcheck")
    for _ in range(2):
        tool.get_by_role("button", name="Next").click()
    weeks = tool.get_by_label("Weeks with this pain")
    weeks.fill("-3")
    weeks.press("Enter")
    expect(tool).to_contain_text("Weeks with this pain must be a number from 0 to 520")
    weeks.fill("7")
    weeks.press("Enter")
    tool.get_by_role("button", name="Next").click()
    tool.get_by_role("button", name="See my result").click()
    panel = tool.locator(".bsc-result.bsc-result-see-doctor")
    expect(panel).to_contain_text("You said you have had this pain for 7 weeks")
