"""widgets.Quiz without a kernel: answer through the widgets, read the feedback they show."""

from __future__ import annotations

import html
import re

import ipywidgets as w
import pytest

from tests.course import QUIZ_LESSONS
from widgets import Quiz
from widgets.quiz import build, load_quiz
from widgets.ui import PALETTE

LESSONS = QUIZ_LESSONS


def text_of(widget: w.HTML) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", widget.value)).split())


def right_ids(quiz: Quiz, qid: str) -> list[str]:
    return list(quiz.quiz.question(qid).right_ids)


def answer(quiz: Quiz, qid: str, ids) -> None:
    control = quiz._controls[qid]
    if isinstance(control, w.RadioButtons):
        (control.value,) = ids
    else:
        q = quiz.quiz.question(qid)
        for option, box in zip(q.options, control, strict=True):
            box.value = option.id in ids


def first(quiz: Quiz, kind: str):
    return next(q for q in quiz.quiz.questions if q.kind == kind)


@pytest.fixture
def quiz() -> Quiz:
    return Quiz("01")


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_lesson_quiz_builds_with_its_classes(lesson):
    quiz = Quiz(lesson)
    data = load_quiz(lesson)
    assert "bsc-quiz" in quiz._dom_classes
    boxes = [c for c in quiz.children if "bsc-quiz-question" in getattr(c, "_dom_classes", ())]
    assert len(boxes) == len(data.questions)
    assert all("bsc-quiz-feedback" in f._dom_classes for f in quiz._feedback.values())
    assert "bsc-quiz-score" in quiz._score._dom_classes
    assert text_of(quiz._score) == f"Score: 0 of {len(data.questions)} right (0 of " + (
        f"{len(data.questions)} checked)"
    )


def test_single_choice_is_radio_buttons_and_multiple_is_checkboxes(quiz):
    for q in quiz.quiz.questions:
        control = quiz._controls[q.id]
        if q.kind == "single":
            assert isinstance(control, w.RadioButtons)
            assert control.value is None  # nothing picked for the learner
            assert [label for label, _ in control.options] == [o.text for o in q.options]
        else:
            assert all(isinstance(b, w.Checkbox) and not b.value for b in control)
            assert [b.description for b in control] == [o.text for o in q.options]


def test_every_button_is_labelled(quiz):
    for button in [*quiz._check.values(), quiz._retry]:
        assert button.description and button.tooltip


def test_a_right_answer_says_correct_in_words_icon_and_colour(quiz):
    q = first(quiz, "single")
    answer(quiz, q.id, right_ids(quiz, q.id))
    quiz._check[q.id].click()
    shown = text_of(quiz._feedback[q.id])
    assert "✓" in shown and "Correct." in shown
    assert q.option(q.right_ids[0]).feedback in shown
    assert PALETTE["self-care"] in quiz._feedback[q.id].value
    assert "Re-read" not in shown
    assert text_of(quiz._score).startswith("Score: 1 of 5 right")
    assert quiz.grades[q.id].correct


def test_a_wrong_answer_says_why_and_which_section_to_reread(quiz):
    q = first(quiz, "single")
    wrong = next(o for o in q.options if not o.correct)
    answer(quiz, q.id, [wrong.id])
    quiz._check[q.id].click()
    shown = text_of(quiz._feedback[q.id])
    assert "✗" in shown and "Not right this time." in shown
    assert wrong.feedback in shown
    assert f"Re-read {q.section} above" in shown
    assert PALETTE["emergency"] in quiz._feedback[q.id].value
    assert text_of(quiz._score).startswith("Score: 0 of 5 right (1 of 5 checked)")


def test_a_partial_multiple_choice_answer_says_partly_right(quiz):
    q = first(quiz, "multiple")
    some = right_ids(quiz, q.id)[:1]
    answer(quiz, q.id, some)
    quiz._check[q.id].click()
    shown = text_of(quiz._feedback[q.id])
    assert "Partly right" in shown and f"of {len(q.right_ids)} right answers" in shown
    assert "Re-read" in shown


def test_a_full_multiple_choice_answer_shows_each_picked_options_feedback(quiz):
    q = first(quiz, "multiple")
    answer(quiz, q.id, right_ids(quiz, q.id))
    quiz._check[q.id].click()
    shown = text_of(quiz._feedback[q.id])
    assert "Correct." in shown
    for oid in q.right_ids:
        assert q.option(oid).feedback in shown


def test_checking_with_nothing_picked_shows_a_message_not_a_traceback(quiz):
    q = quiz.quiz.questions[0]
    quiz._check[q.id].click()
    assert "Choose an answer first" in text_of(quiz._feedback[q.id])
    assert 'role="alert"' in quiz._feedback[q.id].value
    assert quiz.grades[q.id] is None


def test_changing_an_answer_clears_its_feedback_and_its_score(quiz):
    q = first(quiz, "single")
    answer(quiz, q.id, right_ids(quiz, q.id))
    quiz._check[q.id].click()
    other = next(o for o in q.options if not o.correct)
    answer(quiz, q.id, [other.id])
    assert quiz._feedback[q.id].value == ""
    assert quiz.grades[q.id] is None
    assert text_of(quiz._score).startswith("Score: 0 of 5 right")


def test_other_answers_are_kept_when_one_question_is_checked(quiz):
    single, multiple = first(quiz, "single"), first(quiz, "multiple")
    answer(quiz, multiple.id, right_ids(quiz, multiple.id))
    quiz._check[single.id].click()  # nothing picked there: a message, nothing lost elsewhere
    assert quiz.chosen(multiple.id) == multiple.right_ids


def test_all_right_says_well_done_and_try_again_clears_everything(quiz):
    for q in quiz.quiz.questions:
        answer(quiz, q.id, right_ids(quiz, q.id))
        quiz._check[q.id].click()
    assert text_of(quiz._score) == "Score: 5 of 5 right. Well done!"
    quiz._retry.click()
    assert text_of(quiz._score) == "Score: 0 of 5 right (0 of 5 checked)"
    for q in quiz.quiz.questions:
        assert quiz.chosen(q.id) == ()
        assert quiz._feedback[q.id].value == ""
        assert quiz.grades[q.id] is None


def test_text_from_the_data_file_is_escaped():
    raw = {
        "lesson": "01",
        "title": "<i>Title</i>",
        "question": [
            {
                "id": "q",
                "kind": "single",
                "text": "Is <b>this</b> bold?",
                "section": "<script>x</script>",
                "source": "s",
                "option": [
                    {"id": "a", "text": "<em>Yes</em>", "correct": False, "feedback": "No & <no>"},
                    {"id": "b", "text": "No", "correct": True, "feedback": "Right"},
                ],
            }
        ],
    }
    quiz = Quiz(build(raw))
    quiz._controls["q"].value = "a"
    quiz._check["q"].click()
    value = quiz._feedback["q"].value
    assert "<em>Yes</em>" not in value and "&lt;em&gt;Yes&lt;/em&gt;" in value
    assert "<script>" not in value and "No &amp; &lt;no&gt;" in value
    assert "<b>this</b>" not in "".join(c.value for c in quiz._boxes["q"].children[:1])


def test_a_quiz_from_a_bad_lesson_id_is_refused_before_any_widget_is_drawn():
    with pytest.raises(ValueError, match="two digits"):
        Quiz("1")


@pytest.mark.parametrize("lesson", QUIZ_LESSONS)
def test_the_options_are_drawn_in_the_order_the_model_reports(lesson):
    # The content tests judge the position of right answers from the model's order; this is the
    # order the learner sees.
    quiz = Quiz(lesson)
    for q in quiz.quiz.questions:
        control = quiz._controls[q.id]
        if isinstance(control, w.RadioButtons):
            drawn = [label for label, _value in control.options]
            values = [value for _label, value in control.options]
            assert values == [o.id for o in q.options], q.id
        else:
            drawn = [box.description for box in control]
        assert drawn == [o.text for o in q.options], q.id
