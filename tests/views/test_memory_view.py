"""What the tools remember in the learner's browser, driven as the browser drives it.

``BrowserMemory.set_state`` is what the widget comm calls when the browser has read the record:
these tests hand it what a browser could hold (good, stale, hostile) and read what the tool shows
and what it asks the browser to keep.
"""

from __future__ import annotations

import ipywidgets as w
import pytest

from widgets.nutrients.view import NutrientChecklist
from widgets.progress.memory import BrowserMemory
from widgets.quiz.view import Quiz
from widgets.selfcheck.view import SymptomCheck
from widgets.timer.view import SittingTimer

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    1e308,
    -5,
    True,
    None,
    [1, 2],
    {"nested": "dict"},
    "30",
]


def browser_loads(memory: BrowserMemory, stored: dict) -> None:
    """What the browser sends once it has read the tool's entry."""
    memory.set_state({"value": stored, "loaded": True})


def descendants(widget: w.Widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from descendants(child)


# --- BrowserMemory -----------------------------------------------------------------------------


def test_memory_syncs_only_its_place_in_the_record():
    memory = BrowserMemory("settings", "timer", lambda stored: None)
    assert (memory.section, memory.name, memory.storage_key) == (
        "settings",
        "timer",
        "bsc-progress",
    )
    assert memory.layout.display == "none", "an invisible helper, not a control"
    assert "localStorage" in memory._esm
    with pytest.raises(ValueError, match="section"):
        BrowserMemory("visited", "03", lambda stored: None)


def test_restore_is_called_once_with_what_the_browser_read():
    seen = []
    memory = BrowserMemory("quiz", "03", seen.append)
    browser_loads(memory, {"right": 1, "total": 5})
    assert seen == [{"right": 1, "total": 5}]
    memory.set_state({"loaded": True})  # a second view of the same model: no second restore
    assert len(seen) == 1


def test_a_choice_made_before_the_browser_read_wins():
    seen = []
    memory = BrowserMemory("settings", "timer", seen.append)
    memory.remember({"preset": "physio-20"})
    assert memory.value == {}, "nothing is sent before the browser has read its entry"
    browser_loads(memory, {"preset": "workrave"})
    assert seen == [], "the stored value must not undo the learner's newer choice"
    assert memory.value == {"preset": "physio-20"}


def test_a_restore_that_fails_does_not_break_the_page():
    def broken(stored):
        raise KeyError("missed by a check")

    memory = BrowserMemory("settings", "timer", broken)
    browser_loads(memory, {"x": 1})  # logged, not raised
    assert memory.loaded


# --- the sitting timer ---------------------------------------------------------------------------


def test_timer_restores_a_preset_and_a_micro_pause_cycle():
    timer = SittingTimer()
    browser_loads(timer.memory, {"preset": "workrave", "micro": "stretchly-micro"})
    assert (timer.schedule.sit_minutes, timer.schedule.break_minutes) == (45, 10)
    assert timer._preset.value == "workrave"
    assert timer._micro_choice.value == "stretchly-micro"


def test_timer_restores_custom_times_into_the_fields():
    timer = SittingTimer()
    browser_loads(timer.memory, {"preset": "custom", "sit": 25, "break": 0.5, "micro": "off"})
    assert (timer.schedule.sit_minutes, timer.schedule.break_minutes) == (25, 0.5)
    assert (timer._sit_field.value, timer._break_field.value) == ("25", "30 s")
    assert timer._custom.layout.display == "flex"


def test_timer_remembers_what_the_learner_chooses():
    timer = SittingTimer()
    browser_loads(timer.memory, {})
    assert timer.memory.value == {}, "opening the page writes nothing"
    timer._preset.value = "physio-20"
    assert timer.memory.value == {"preset": "physio-20", "micro": "off"}
    timer._preset.value = "custom"
    timer._sit_field.value = "40"
    timer._break_field.value = "4"
    assert timer.memory.value == {"preset": "custom", "micro": "off", "sit": 40, "break": 4}
    timer._sit_field.value = "500"  # refused with a message: the good times stay remembered
    assert timer.memory.value["sit"] == 40
    timer._micro_choice.value = "stretchly-micro"
    assert timer.memory.value["micro"] == "stretchly-micro"


@pytest.mark.parametrize("bad", HOSTILE)
def test_timer_ignores_stored_values_that_fail_its_checks(bad):
    timer = SittingTimer()
    browser_loads(timer.memory, {"preset": "custom", "sit": bad, "break": bad, "micro": bad})
    assert (timer.schedule.sit_minutes, timer.schedule.break_minutes) == (30, 3)
    assert timer._preset.value == "course"
    assert timer._micro_choice.value == "off"
    assert timer.memory.value == {"preset": "course", "micro": "off"}, "junk is replaced"


def test_timer_ignores_an_unknown_preset():
    timer = SittingTimer()
    browser_loads(timer.memory, {"preset": "<b>every second</b>"})
    assert timer._preset.value == "course"


# --- the nutrient checklist ----------------------------------------------------------------------


def test_checklist_restores_age_and_sex_and_their_targets():
    checklist = NutrientChecklist()
    browser_loads(checklist.memory, {"age": 62, "sex": "male"})
    assert (checklist._age.value, checklist._sex.value) == ("62", "male")
    assert checklist.targets["magnesium"] == 420
    assert checklist.targets["calcium"] == 1000


def test_checklist_remembers_age_and_sex_but_not_food_or_pregnancy():
    checklist = NutrientChecklist()
    browser_loads(checklist.memory, {})
    checklist._age.value = "30"
    checklist._status.value = "pregnant"
    first = next(iter(checklist._ticks.values()))
    first.value = True
    assert checklist.memory.value == {"age": 30, "sex": "female"}
    checklist._age.value = "abc"  # refused: the last good age stays remembered
    assert checklist.memory.value == {"age": 30, "sex": "female"}


@pytest.mark.parametrize("bad", HOSTILE + [13, 121, 35.5])
def test_checklist_forgets_stored_values_that_fail_its_checks(bad):
    checklist = NutrientChecklist()
    browser_loads(checklist.memory, {"age": bad, "sex": "male"})
    assert (checklist._age.value, checklist._sex.value) == ("35", "female")
    assert checklist.memory.value == {}
    checklist = NutrientChecklist()
    browser_loads(checklist.memory, {"age": 40, "sex": bad})
    assert checklist._sex.value == "female"


# --- quizzes -------------------------------------------------------------------------------------


def answer_right(quiz: Quiz, how_many: int) -> None:
    for q in quiz.quiz.questions[:how_many]:
        control = quiz._controls[q.id]
        if isinstance(control, w.RadioButtons):
            control.value = q.right_ids[0]
        else:
            for option, box in zip(q.options, control, strict=True):
                box.value = option.id in q.right_ids
        quiz.check(q.id)


def test_quiz_shows_and_keeps_the_best_score():
    quiz = Quiz("03")
    total = len(quiz.quiz.questions)
    browser_loads(quiz.memory, {"right": 2, "total": total})
    assert quiz.best == 2
    assert f"Your best in this browser: 2 of {total} right" in quiz._score.value
    answer_right(quiz, 1)
    assert quiz.memory.value == {"right": 2, "total": total}, "a lower score does not replace it"
    answer_right(quiz, 3)
    assert quiz.memory.value == {"right": 3, "total": total}
    quiz._on_retry()
    assert quiz.best == 3, "trying again keeps the best"
    assert f"best in this browser: 3 of {total}" in quiz._score.value


@pytest.mark.parametrize(
    "stored",
    [{"right": 99, "total": 5}, {"right": 1, "total": 50}, {"right": "<b>", "total": 5}, {"x": 1}],
)
def test_quiz_forgets_a_score_that_is_not_one_of_its_own(stored):
    quiz = Quiz("03")
    browser_loads(quiz.memory, stored)
    assert quiz.best is None
    assert "best" not in quiz._score.value
    assert quiz.memory.value == {}


def test_an_unanswered_quiz_writes_nothing():
    quiz = Quiz("05")
    browser_loads(quiz.memory, {})
    assert quiz.memory.value == {}


# --- the self-check keeps nothing ---------------------------------------------------------------


def test_the_self_check_has_no_memory():
    check = SymptomCheck()
    assert not any(isinstance(x, BrowserMemory) for x in descendants(check))
