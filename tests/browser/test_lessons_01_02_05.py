"""Lessons 01, 02 and 05 in a real Voila page (that they render clean with their quiz:
test_pages.py): the quiz, the cause explorer and the breathing pacer work when driven like a
learner would."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.harness import open_page
from tests.course import lesson_file
from widgets.causes import CAUSES
from widgets.quiz import load_quiz

pytestmark = pytest.mark.browser


def test_lesson_01_shows_the_labelled_muscle_diagram(voila, page):
    open_page(page, voila, lesson_file("01"))
    diagram = page.get_by_role("img", name="Two drawings of the trunk")
    expect(diagram).to_be_visible()
    assert diagram.evaluate("img => img.complete && img.naturalWidth > 0")


def test_quiz_answered_wrong_then_right(voila, page):
    quiz_data = load_quiz("01")
    q = next(q for q in quiz_data.questions if q.kind == "single")
    wrong = next(o for o in q.options if not o.correct)
    right = q.option(q.right_ids[0])
    open_page(page, voila, lesson_file("01"))
    box = page.locator(f".bsc-quiz-{q.id}")
    feedback = box.locator(".bsc-quiz-feedback")

    box.get_by_role("button", name="Check").click()
    expect(feedback).to_contain_text("Choose an answer first")

    box.get_by_label(wrong.text).check()
    box.get_by_role("button", name="Check").click()
    expect(feedback).to_contain_text("Not right this time.")
    expect(feedback).to_contain_text(wrong.feedback)
    expect(feedback).to_contain_text(f"Re-read {q.section} above")

    box.get_by_label(right.text).check()
    expect(feedback).to_be_empty()  # a changed answer must be checked again
    box.get_by_role("button", name="Check").click()
    expect(feedback).to_contain_text("Correct.")
    expect(feedback).to_contain_text(right.feedback)
    total = len(quiz_data.questions)
    expect(page.locator(".bsc-quiz-score")).to_contain_text(f"1 of {total} right")


def test_multiple_choice_partly_right_then_try_again(voila, page):
    q = next(q for q in load_quiz("01").questions if q.kind == "multiple")
    open_page(page, voila, lesson_file("01"))
    box = page.locator(f".bsc-quiz-{q.id}")
    box.get_by_label(q.option(q.right_ids[0]).text).check()
    box.get_by_role("button", name="Check").click()
    expect(box.locator(".bsc-quiz-feedback")).to_contain_text("Partly right")
    page.locator(".bsc-quiz").get_by_role("button", name="Try again").click()
    expect(box.locator(".bsc-quiz-feedback")).to_be_empty()
    expect(box.get_by_label(q.option(q.right_ids[0]).text)).not_to_be_checked()


def test_cause_explorer_draws_the_map_for_the_ticked_causes(voila, page):
    open_page(page, voila, lesson_file("02"))
    tool = page.locator(".bsc-causes")
    expect(tool.locator(".bsc-causes-map")).to_contain_text("Tick what applies to your week")

    tool.get_by_label(CAUSES["sitting"].label).check()
    tool.get_by_label(CAUSES["stress"].label).check()
    card = tool.locator('.bsc-causes-lesson-on[data-lesson="03"]')
    expect(card).to_be_visible()
    expect(card.locator("a")).to_have_attribute("href", lesson_file("03"))
    expect(tool.locator('.bsc-causes-lesson-on[data-lesson="05"]')).to_be_visible()
    expect(tool.locator(".bsc-causes-link")).to_have_count(2)
    expect(tool.locator(".bsc-causes-details")).to_contain_text("not a proven way to prevent")

    tool.get_by_label(CAUSES["falls"].label).check()
    expect(tool.get_by_role("alert")).to_contain_text("call 999 or 911")

    tool.get_by_role("button", name="Clear my ticks").click()
    expect(tool.locator(".bsc-causes-link")).to_have_count(0)
    expect(tool.get_by_role("alert")).to_have_count(0)


def test_a_lesson_card_opens_its_lesson(voila, page):
    open_page(page, voila, lesson_file("02"))
    tool = page.locator(".bsc-causes")
    tool.get_by_label(CAUSES["nutrients"].label).check()
    tool.locator('.bsc-causes-lesson-on[data-lesson="04"] a').click()
    page.wait_for_url("**/voila/render/04-food-and-muscles.ipynb", timeout=60_000)
    expect(page.locator("h1").first).to_be_visible(timeout=60_000)
    # Leaving a Voila page asks the server to shut its kernel down, and Voila 0.5 answers that
    # request with 403 (reported to the lead). Only that request's two traces are forgiven here.
    log = page.course_log
    shutdown = [
        r for r in log.failed_responses if r.startswith("403 ") and "/voila/api/shutdown/" in r
    ]
    assert len(shutdown) <= 1
    for r in shutdown:
        log.failed_responses.remove(r)
        forbidden = "Failed to load resource: the server responded with a status of 403 (Forbidden)"
        if forbidden in log.console_errors:
            log.console_errors.remove(forbidden)


def circle_width(page) -> float:
    return page.locator(".bsc-pacer-circle").evaluate("el => el.getBoundingClientRect().width")


def test_breathing_pacer_starts_grows_and_stops(voila, page):
    open_page(page, voila, lesson_file("05"))
    pacer = page.locator(".bsc-pacer")
    phase = pacer.locator(".bsc-pacer-phase")
    expect(phase).to_have_attribute("aria-live", "polite")
    expect(phase).to_contain_text("Press Start")
    expect(pacer.locator(".bsc-pacer-progress")).to_have_text("Breaths: 0 of 18")
    pacer.get_by_label("Minutes").select_option("1")
    expect(pacer.locator(".bsc-pacer-progress")).to_have_text("Breaths: 0 of 6")

    before = circle_width(page)
    pacer.get_by_role("button", name="Start").click()
    expect(phase).to_have_text("Breathe in…")
    expect(pacer.get_by_role("button", name="Start")).to_be_disabled()
    expect(pacer.get_by_label("Minutes")).to_be_disabled()
    page.wait_for_timeout(2000)
    during = circle_width(page)
    assert during > before * 1.3, f"the circle did not grow: {before} -> {during}"
    expect(pacer.locator(".bsc-pacer-count")).to_contain_text("1 2")
    expect(phase).to_have_text("Breathe out…", timeout=8000)

    pacer.get_by_role("button", name="Stop").click()
    expect(phase).to_contain_text("Stopped")
    expect(pacer.get_by_role("button", name="Start")).to_be_enabled()
    expect(pacer.get_by_role("button", name="Start")).to_be_focused()
    assert circle_width(page) == pytest.approx(before, rel=0.05)


def test_breathing_pacer_keeps_still_with_reduced_motion(voila, page):
    page.emulate_media(reduced_motion="reduce")
    open_page(page, voila, lesson_file("05"))
    pacer = page.locator(".bsc-pacer")
    pacer.get_by_role("button", name="Start").click()
    expect(pacer.locator(".bsc-pacer-phase")).to_have_text("Breathe in…")
    first = circle_width(page)
    page.wait_for_timeout(2000)
    assert circle_width(page) == pytest.approx(first, abs=0.5)
    expect(pacer.locator(".bsc-pacer-count")).to_contain_text("1 2")  # the words set the pace
    pacer.get_by_role("button", name="Stop").click()
