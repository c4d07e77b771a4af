"""Progress that follows the learner, in a real browser: quiz scores and tool settings kept in
this browser's localStorage, shown on the home page's course map, wiped by "Clear my progress",
never trusted when edited by hand, and never needed for a tool to work.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.browser.harness import assert_not_injected, forgive_shutdown_beacon, open_page
from tests.course import DASHBOARD, HOME, lesson_file, visited_line
from widgets.quiz import load_quiz

pytestmark = pytest.mark.browser

LESSON_03 = lesson_file("03")
LESSON_04 = lesson_file("04")
TIMEOUT = 15_000


def stored(page) -> dict:
    text = page.evaluate("localStorage.getItem('bsc-progress')")
    return json.loads(text) if text else {}


def wait_until_stored(page, path: str, value) -> None:
    """Wait until the record holds ``value`` at ``path`` ("settings.timer"; ``None``: nothing
    there): the kernel's answer travels back to the browser before it is written."""
    page.wait_for_function(
        """([path, value]) => {
             let part = JSON.parse(localStorage.getItem('bsc-progress') || '{}');
             for (const key of path.split('.')) { part = part ? part[key] : undefined; }
             return value === null ? part === undefined
                                   : JSON.stringify(part) === JSON.stringify(value);
           }""",
        arg=[path, value],
        timeout=TIMEOUT,
    )


def open_checklist_tab(page) -> None:
    page.get_by_role("button", name="Nutrient checklist").click()
    expect(page.locator(".bsc-nutrients")).to_be_visible(timeout=TIMEOUT)


def test_the_timer_schedule_follows_the_learner_to_the_dashboard_and_back(voila, page):
    open_page(page, voila, LESSON_03)
    page.get_by_label("Schedule").select_option(label="Every 20 min, 2 min move")
    page.get_by_label("Micro-pauses too").select_option(index=1)
    wait_until_stored(page, "settings.timer", {"preset": "physio-20", "micro": "stretchly-micro"})

    open_page(page, voila, DASHBOARD)
    timer = page.locator(".bsc-timer")
    expect(timer.get_by_label("Schedule")).to_have_value(
        "Every 20 min, 2 min move", timeout=TIMEOUT
    )
    expect(timer.locator(".bsc-timer-source")).to_contain_text("Sit for 20 min, then move for 2")
    expect(timer.get_by_label("Micro-pauses too")).not_to_have_value("Off")

    # Own times, typed on the dashboard, are what lesson 03 opens with next time.
    timer.get_by_label("Schedule").select_option(label="Custom: choose your own times")
    for label, value in (("Sit for (minutes)", "25"), ("Move for (minutes", "45 s")):
        field = timer.get_by_label(label)
        field.fill(value)
        field.press("Tab")
    timer.get_by_role("button", name="Use these times").click()
    wait_until_stored(
        page,
        "settings.timer",
        {"preset": "custom", "micro": "stretchly-micro", "sit": 25, "break": 0.75},
    )

    open_page(page, voila, LESSON_03)
    expect(page.get_by_label("Schedule")).to_have_value(
        "Custom: choose your own times", timeout=TIMEOUT
    )
    expect(page.get_by_label("Sit for (minutes)")).to_have_value("25")
    expect(page.get_by_label("Move for (minutes")).to_have_value("45 s")
    expect(page.locator(".bsc-timer-source")).to_contain_text("Sit for 25 min, then move for 45 s")
    expect(page.locator(".bsc-timer-countdown .bsc-timer-digits")).to_have_text("25:00")
    forgive_shutdown_beacon(page)


def test_age_and_sex_follow_the_learner_but_the_foods_do_not(voila, page):
    open_page(page, voila, LESSON_04)
    tool = page.locator(".bsc-nutrients")
    tool.get_by_label("Sex").select_option(label="Male")
    age = tool.get_by_label("Age (years)")
    age.fill("62")
    age.press("Enter")
    tool.locator(".bsc-food-banana").get_by_role("checkbox").check()
    wait_until_stored(page, "settings.profile", {"age": 62, "sex": "male"})

    open_page(page, voila, DASHBOARD)
    open_checklist_tab(page)
    tool = page.locator(".bsc-nutrients")
    expect(tool.get_by_label("Age (years)")).to_have_value("62", timeout=TIMEOUT)
    expect(tool.get_by_label("Sex")).to_have_value("Male")
    expect(tool).to_contain_text("Targets for: male, 62 years")
    expect(tool.locator(".bsc-food-banana").get_by_role("checkbox")).not_to_be_checked()
    record = stored(page)
    assert set(record) == {"visited", "settings"}, record
    assert record["settings"] == {"profile": {"age": 62, "sex": "male"}}
    forgive_shutdown_beacon(page)


def test_a_quiz_score_shows_on_the_course_map_and_clearing_forgets_everything(voila, page):
    quiz = load_quiz("03")
    total = len(quiz.questions)
    q = next(q for q in quiz.questions if q.kind == "single")
    open_page(page, voila, LESSON_03)
    page.get_by_label("Schedule").select_option(label="Every 20 min, 2 min move")
    box = page.locator(f".bsc-quiz-{q.id}")
    box.get_by_label(q.option(q.right_ids[0]).text).check()
    box.get_by_role("button", name="Check").click()
    expect(box.locator(".bsc-quiz-feedback")).to_contain_text("Correct.")
    expect(page.locator(".bsc-quiz-score")).to_contain_text(
        f"Your best in this browser: 1 of {total} right"
    )
    wait_until_stored(page, "quiz.03", {"right": 1, "total": total})
    wait_until_stored(page, "settings.timer.preset", "physio-20")

    open_page(page, voila, HOME)
    lesson = page.locator(".bsc-progress-lesson[data-lesson='03']")
    expect(lesson).to_contain_text("(visited)")
    expect(lesson).to_contain_text(f"quiz: best 1 of {total} right")
    expect(page.locator(".bsc-progress-summary")).to_contain_text("1 quiz answered")
    expect(page.locator(".bsc-progress-note")).to_contain_text("sitting-timer schedule")

    page.get_by_role("button", name="Clear my progress").click()
    expect(page.locator(".bsc-progress-summary")).to_contain_text(visited_line(0))
    expect(lesson).not_to_contain_text("quiz")
    assert page.evaluate("localStorage.getItem('bsc-progress')") is None

    open_page(page, voila, LESSON_03)  # the timer and the quiz start afresh
    expect(page.get_by_label("Schedule")).to_have_value("Every 30 min, 3 min move")
    expect(page.locator(".bsc-quiz-score")).not_to_contain_text("best")
    assert stored(page) == {"visited": ["03"]}
    forgive_shutdown_beacon(page)


HOSTILE = "<img src=x onerror=window.__pwned=1>"


def test_a_hand_edited_record_is_checked_not_trusted(voila, page):
    open_page(page, voila, HOME)
    page.evaluate(
        """(bad) => localStorage.setItem('bsc-progress', JSON.stringify({
             visited: 'all',
             quiz: {'03': {right: 99, total: 5}, '04': {right: bad, total: 5}, '05': bad},
             settings: {
               timer: {preset: 'custom', sit: 1e308, break: bad, micro: [bad]},
               profile: {age: bad, sex: bad},
             },
           }))""",
        HOSTILE,
    )
    open_page(page, voila, HOME)
    expect(page.locator(".bsc-progress-summary")).to_contain_text(
        f"{visited_line(0)}, 0 quizzes answered"
    )
    assert_not_injected(page)

    open_page(page, voila, DASHBOARD)
    timer = page.locator(".bsc-timer")
    expect(timer.locator(".bsc-timer-source")).to_contain_text("Sit for 30 min, then move for 3")
    wait_until_stored(page, "settings.timer", {"preset": "course", "micro": "off"})
    open_checklist_tab(page)
    expect(page.locator(".bsc-nutrients").get_by_label("Age (years)")).to_have_value("35")
    assert_not_injected(page)

    open_page(page, voila, LESSON_03)
    expect(page.locator(".bsc-quiz-score")).not_to_contain_text("best")
    wait_until_stored(page, "quiz.03", None)  # not a score of this quiz: forgotten
    assert_not_injected(page)
    forgive_shutdown_beacon(page)


def test_the_tools_work_where_the_browser_keeps_nothing(voila, page):
    """Storage blocked (strict privacy settings): the tools work, the home page says so."""
    page.add_init_script(
        """Object.defineProperty(window, 'localStorage', {
             get() { throw new DOMException('blocked', 'SecurityError'); } });"""
    )
    open_page(page, voila, LESSON_03)
    page.get_by_label("Schedule").select_option(label="Every 20 min, 2 min move")
    expect(page.locator(".bsc-timer-source")).to_contain_text("Sit for 20 min, then move for 2")
    q = next(q for q in load_quiz("03").questions if q.kind == "single")
    box = page.locator(f".bsc-quiz-{q.id}")
    box.get_by_label(q.option(q.right_ids[0]).text).check()
    box.get_by_role("button", name="Check").click()
    expect(box.locator(".bsc-quiz-feedback")).to_contain_text("Correct.")
    expect(page.locator(".bsc-quiz-score")).not_to_contain_text("best in this browser")

    open_page(page, voila, HOME)
    expect(page.locator(".bsc-progress-summary")).to_contain_text(
        "does not allow the course to keep your progress"
    )
    expect(page.get_by_role("button", name="Clear my progress")).to_be_disabled()
    forgive_shutdown_beacon(page)
