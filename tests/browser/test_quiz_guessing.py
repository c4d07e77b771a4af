"""A learner who guesses by position, in a real Voila page: on every quiz they pick the first
option of each question (for a multiple-choice question: tick only the first box), press Check,
and read the score. Picking by position must score at most a third, as the page shows it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.harness import open_page
from tests.support.paths import NOTEBOOKS
from widgets.quiz import grade, load_quiz

pytestmark = pytest.mark.browser

LESSONS = sorted(p.name for p in NOTEBOOKS.glob("0[1-9]-*.ipynb"))


@pytest.mark.parametrize("notebook", LESSONS)
def test_always_picking_the_first_option_scores_at_most_a_third(voila, page, notebook):
    quiz = load_quiz(notebook[:2])
    total = len(quiz.questions)
    open_page(page, voila, notebook)
    for n, q in enumerate(quiz.questions, 1):
        box = page.locator(f".bsc-quiz-{q.id}")
        role = "radio" if q.kind == "single" else "checkbox"
        first = box.get_by_role(role).first
        first.scroll_into_view_if_needed()
        first.check()
        box.get_by_role("button", name="Check").click()
        expect(box.locator(".bsc-quiz-feedback")).to_contain_text(
            re.compile(r"Correct\.|Not right this time\.|Partly right|Not quite")
        )
        # What the learner picked is the first option the quiz data lists: the order shown.
        expect(box.locator(".bsc-quiz-feedback")).to_contain_text(q.options[0].text)
        score = page.locator(".bsc-quiz-score")
        if n < total:
            expect(score).to_contain_text(f"({n} of {total} checked)")
        else:
            expect(score).not_to_contain_text("checked")
    score = page.locator(".bsc-quiz-score").inner_text()
    right = int(re.search(rf"(\d+) of {total} right", score).group(1))
    expected = sum(grade(q, [q.options[0].id]).correct for q in quiz.questions)
    assert right == expected, score
    assert right <= total / 3, f"{notebook}: guessing the first option scores {right} of {total}"
