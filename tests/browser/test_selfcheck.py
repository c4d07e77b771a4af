"""The symptom self-check in a real Voila page (lesson 06), driven like a learner would.

The page never answers for the learner: nothing is ticked until they choose, so every test here
chooses an answer for each question it passes.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.harness import (
    answer_step,
    axe_report,
    choose,
    open_page,
    selfcheck_questions,
    walk_to_result,
)
from tests.browser.test_app import ARTIFACTS
from tests.course import lesson_file
from widgets.selfcheck import QUESTIONS, TIERS

pytestmark = pytest.mark.browser

NOTEBOOK = lesson_file("06")


def active(page) -> dict:
    """What has the keyboard focus: its question id (if any), tag, type, value and label."""
    return page.evaluate(
        """() => { const e = document.activeElement;
             const q = e.closest('[class*="bsc-q-"]');
             const cls = q ? [...q.classList].find(c => c.startsWith('bsc-q-')) : null;
             return {qid: cls ? cls.slice(6) : null, tag: e.tagName, type: e.type || '',
                     value: e.value || '', text: (e.innerText || '').trim(),
                     checked: !!e.checked}; }"""
    )


def tab_to(page, test, limit: int = 60) -> dict:
    """Press Tab until ``test(active)`` holds; return that element's description."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = active(page)
        if test(now):
            return now
    raise AssertionError(f"Tab never reached the element; last was {now}")


def is_button(name: str):
    return lambda a: a["tag"] == "BUTTON" and a["text"] == name


def test_nothing_is_ticked_and_a_screen_reader_hears_each_question_unanswered(voila, page):
    open_page(page, voila, NOTEBOOK)
    tool = page.locator(".bsc-selfcheck")
    expect(tool.locator(".bsc-step")).to_contain_text("Step 1 of 4")
    expect(page.get_by_role("img", name="Four coloured bands")).to_be_visible()
    assert tool.locator("input[type=radio]:checked").count() == 0
    assert tool.locator("input[type=radio]").count() == 2 * len(
        [q for q in QUESTIONS.values() if not q.is_number]
    )
    group = tool.get_by_role("group", name=QUESTIONS["both_legs"].text)
    expect(group).to_be_visible()
    tree = group.aria_snapshot()
    assert 'radio "No"' in tree and 'radio "Yes"' in tree
    assert "checked" not in tree, tree
    assert page.evaluate(
        """() => { const r = document.querySelectorAll('.bsc-q-both_legs input[type=radio]');
             return r.length === 2 && r[0].name === r[1].name && r[0].name !== ''
                 && r[0].required; }"""
    ), "one named, required radio group per question"
    choose(page, "both_legs", yes=False)
    tree = group.aria_snapshot()
    assert 'radio "No" [checked]' in tree and 'radio "Yes" [checked]' not in tree, tree


def test_keyboard_only_journey_skim_then_answer_to_an_urgent_result(voila, page):
    """A keyboard learner who first skims (Tab to Next, Enter), then answers with Space and the
    arrow keys, and reaches a same-day result for band-like pain."""
    open_page(page, voila, NOTEBOOK)
    tool = page.locator(".bsc-selfcheck")
    step = tool.locator(".bsc-step")
    first = tab_to(page, lambda a: a["qid"] is not None)
    assert (first["qid"], first["value"], first["checked"]) == ("both_legs", "no", False)

    # The skim: straight on to Next and Enter, with nothing answered.
    tab_to(page, is_button("Next"))
    page.keyboard.press("Enter")
    message = tool.locator(".bsc-selfcheck-missing")
    expect(message).to_contain_text("9 questions on this step have no answer yet")
    for qid in selfcheck_questions(0):
        expect(message).to_contain_text(QUESTIONS[qid].text)
    expect(step).to_contain_text("Step 1 of 4")
    expect(tool.locator(".bsc-result-panel")).to_have_count(0)
    page.wait_for_function("document.activeElement.closest('.bsc-q-both_legs') !== null")
    assert active(page)["qid"] == "both_legs"
    expect(tool.locator(".bsc-q-both_legs .bsc-yesno-missing")).to_contain_text(
        "Please answer this question"
    )
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "selfcheck-unanswered.png"))
    serious, rest = axe_report(page)
    print("\n".join(rest))
    assert serious == [], "\n".join(serious)

    # The arrow keys stay inside one question: Right ticks Yes here, Left takes it back to No.
    page.keyboard.press("ArrowRight")
    expect(tool.locator(".bsc-q-both_legs").get_by_label("Yes", exact=True)).to_be_checked()
    page.keyboard.press("ArrowLeft")
    expect(tool.locator(".bsc-q-both_legs").get_by_label("No", exact=True)).to_be_checked()
    assert tool.locator(".bsc-q-saddle_numbness input:checked").count() == 0
    # The rest of step 1 by Tab and Space ("No"), then Next by Enter.
    for qid in selfcheck_questions(0)[1:]:
        page.keyboard.press("Tab")
        assert active(page)["qid"] == qid
        page.keyboard.press("Space")
        expect(tool.locator(f".bsc-q-{qid}").get_by_label("No", exact=True)).to_be_checked()
    expect(message).to_have_count(0)
    tab_to(page, is_button("Next"))
    page.keyboard.press("Enter")
    expect(step).to_contain_text("Step 2 of 4")
    # The focus moves on with the step, to its first question.
    page.wait_for_function("document.activeElement.closest('.bsc-q-fever') !== null")

    for qid in selfcheck_questions(1):
        assert active(page)["qid"] == qid
        page.keyboard.press("ArrowRight" if qid == "band_pain" else "Space")
        page.keyboard.press("Tab")
    expect(tool.locator(".bsc-q-band_pain").get_by_label("Yes", exact=True)).to_be_checked()
    assert is_button("Back")(active(page))
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(step).to_contain_text("Step 3 of 4")

    page.wait_for_function("document.activeElement.closest('.bsc-q-pain_weeks') !== null")
    page.keyboard.type("1")
    for qid in selfcheck_questions(2):
        page.keyboard.press("Tab")
        if active(page)["qid"] == "age":
            page.keyboard.press("Tab")  # age may stay empty
        assert active(page)["qid"] == qid, (qid, active(page))
        page.keyboard.press("Space")
    tab_to(page, is_button("Next"))
    page.keyboard.press("Enter")
    expect(step).to_contain_text("Step 4 of 4")

    page.wait_for_function("document.activeElement.closest('.bsc-q-worse_bending') !== null")
    for qid in selfcheck_questions(3):
        assert active(page)["qid"] == qid
        page.keyboard.press("Space")
        page.keyboard.press("Tab")
    tab_to(page, is_button("See my result"))
    page.keyboard.press("Enter")
    panel = tool.locator(".bsc-result.bsc-result-urgent")
    expect(panel).to_be_visible()
    expect(panel).to_contain_text(TIERS["urgent"].advice)
    expect(panel).to_contain_text("You said the pain wraps around your body like a band")
    page.wait_for_function("document.activeElement.innerText.trim() === 'Change my answers'")
    page.screenshot(path=str(ARTIFACTS / "selfcheck-keyboard-urgent.png"))
    serious, rest = axe_report(page)
    assert serious == [], "\n".join(serious)

    # "Change my answers" keeps them; "Start again" (Tab, Enter) clears them to unanswered.
    page.keyboard.press("Enter")
    expect(step).to_contain_text("Step 4 of 4")
    expect(tool.locator(".bsc-q-worse_bending").get_by_label("No", exact=True)).to_be_checked()
    page.wait_for_function("document.activeElement.closest('.bsc-q-worse_bending') !== null")
    tab_to(page, is_button("See my result"))
    page.keyboard.press("Enter")
    expect(panel).to_be_visible()
    page.wait_for_function("document.activeElement.innerText.trim() === 'Change my answers'")
    page.keyboard.press("Tab")
    assert is_button("Start again")(active(page))
    page.keyboard.press("Enter")
    expect(step).to_contain_text("Step 1 of 4")
    page.wait_for_function("document.activeElement.closest('.bsc-q-both_legs') !== null")
    assert tool.locator("input[type=radio]:checked").count() == 0


VIGNETTES = [
    # (what the learner says yes to, the tier, words of the reason the page must show)
    (("leg_weakness_fast",), "emergency", "both your legs are quickly getting weaker"),
    (("one_leg_weakness_fast",), "urgent", "one leg is quickly getting weaker"),
    (("band_pain",), "urgent", "wraps around your body like a band"),
    (("one_leg_symptoms",), "see-doctor", "pins and needles or weakness in one leg"),
    ((), "self-care", "You did not report any of the warning signs"),
]


def test_one_vignette_per_tier_through_the_page(voila, page):
    open_page(page, voila, NOTEBOOK)
    tool = page.locator(".bsc-selfcheck")
    step = tool.locator(".bsc-step")
    for yes, level, words in VIGNETTES:
        panel = walk_to_result(page, yes, level)
        expect(panel).to_contain_text(words)
        role = "alert" if level == "emergency" else "status"
        expect(panel.get_by_role(role)).to_contain_text(TIERS[level].title)
        expect(tool).to_contain_text("This is education, not a diagnosis")
        tool.get_by_role("button", name="Start again").click()
        expect(step).to_contain_text("Step 1 of 4")
        assert tool.locator("input[type=radio]:checked").count() == 0


def test_a_typed_bad_number_shows_a_message_in_the_page(voila, page):
    open_page(page, voila, NOTEBOOK)
    tool = page.locator(".bsc-selfcheck")
    for n in range(2):
        answer_step(page, n)
        tool.get_by_role("button", name="Next").click()
    answer_step(page, 2)
    weeks = tool.get_by_label("Weeks with this pain")
    weeks.fill("-3")
    weeks.press("Enter")
    expect(tool).to_contain_text("Weeks with this pain must be a number from 0 to 520")
    weeks.fill("7")
    weeks.press("Enter")
    tool.get_by_role("button", name="Next").click()
    answer_step(page, 3)
    tool.get_by_role("button", name="See my result").click()
    panel = tool.locator(".bsc-result.bsc-result-see-doctor")
    expect(panel).to_contain_text("You said you have had this pain for 7 weeks")


def test_the_unanswered_message_reads_well_in_the_dark_theme(voila, page):
    open_page(page, voila, NOTEBOOK, theme="dark")
    tool = page.locator(".bsc-selfcheck")
    answer_step(page, 0)
    tool.get_by_role("button", name="Next").click()
    expect(tool.locator(".bsc-step")).to_contain_text("Step 2 of 4")
    choose(page, "fever", yes=False)
    tool.get_by_role("button", name="Next").click()
    message = tool.locator(".bsc-selfcheck-missing")
    expect(message).to_contain_text("10 questions on this step have no answer yet")
    expect(message).not_to_contain_text(QUESTIONS["fever"].text)
    expect(tool.locator(".bsc-q-weight_loss .bsc-yesno-missing")).to_be_visible()
    message.scroll_into_view_if_needed()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "selfcheck-unanswered-dark.png"))
    colour = page.evaluate(
        "getComputedStyle(document.querySelector('.bsc-q-weight_loss legend')).color"
    )
    channels = [int(c) for c in colour[colour.index("(") + 1 : -1].split(",")[:3]]
    assert min(channels) > 150, f"the question is dark text on a dark page: {colour}"
    serious, rest = axe_report(page)
    print("\n".join(rest))
    assert serious == [], "\n".join(serious)
