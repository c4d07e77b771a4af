"""The quiz model: loading checks and grading, without widgets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.support.data import changed
from widgets.content import ContentError
from widgets.quiz import build, grade, load_quiz, score, score_line


def option(oid: str, correct: bool) -> dict:
    return {
        "id": oid,
        "text": f"Answer {oid}",
        "correct": correct,
        "feedback": f"Why {oid} is {'right' if correct else 'wrong'}.",
    }


RAW = {
    "lesson": "01",
    "title": "Check what you learned",
    "question": [
        {
            "id": "one",
            "kind": "single",
            "text": "Pick one.",
            "section": "Part one",
            "source": "A source.",
            "option": [option("a", True), option("b", False), option("c", False)],
        },
        {
            "id": "many",
            "kind": "multiple",
            "text": "Pick all that are true.",
            "section": "Part two",
            "source": "A source.",
            "option": [option("a", True), option("b", True), option("c", True), option("d", False)],
        },
    ],
}
QUIZ = build(RAW)
SINGLE, MULTIPLE = QUIZ.questions


def test_single_choice_right_and_wrong():
    right = grade(SINGLE, "a")
    assert right.correct and not right.partial and right.summary == "Correct."
    assert [o.id for o, _ in right.feedback] == ["a"]
    assert right.feedback[0][1] == "Why a is right."
    wrong = grade(SINGLE, "b")
    assert not wrong.correct and not wrong.partial
    assert wrong.wrong == ("b",) and wrong.missed == 1
    assert wrong.summary == "Not right this time."
    assert wrong.feedback[0][1] == "Why b is wrong."


def test_single_choice_accepts_a_one_item_list():
    assert grade(SINGLE, ["a"]).correct


def test_multiple_choice_needs_every_right_option_and_no_wrong_one():
    assert grade(MULTIPLE, ["c", "a", "b"]).correct
    assert grade(MULTIPLE, ["c", "a", "b"]).chosen == ("a", "b", "c")  # shown order
    with_wrong = grade(MULTIPLE, ["a", "b", "c", "d"])
    assert not with_wrong.correct and not with_wrong.partial
    assert with_wrong.wrong == ("d",) and with_wrong.missed == 0
    assert "one or more of your answers is wrong" in with_wrong.summary


def test_partial_answer_is_neither_right_nor_wrong_and_says_how_many():
    g = grade(MULTIPLE, ["a", "c"])
    assert not g.correct and g.partial
    assert (g.found, g.missed, g.wrong) == (2, 1, ())
    assert "found 2 of 3 right answers" in g.summary
    assert [o.id for o, _ in g.feedback] == ["a", "c"]


def test_only_wrong_options_is_not_partial():
    g = grade(MULTIPLE, ["d"])
    assert not g.correct and not g.partial and g.found == 0


@pytest.mark.parametrize("chosen", [None, "", "  ", [], ()])
def test_nothing_chosen_is_a_readable_error(chosen):
    with pytest.raises(ValueError, match="Choose an answer first"):
        grade(SINGLE, chosen)


@pytest.mark.parametrize("chosen", ["z", ["a", "z"], ["A"]])
def test_unknown_option_ids_are_value_errors_naming_the_id(chosen):
    with pytest.raises(ValueError, match="has no answer") as info:
        grade(MULTIPLE, chosen)
    assert "Its answers are: a, b, c, d." in str(info.value)


def test_non_text_ids_are_value_errors():
    with pytest.raises(ValueError, match="must be one of the options"):
        grade(MULTIPLE, [1])


def test_two_answers_to_a_single_choice_question_are_refused():
    with pytest.raises(ValueError, match="choose only one"):
        grade(SINGLE, ["a", "b"])


def test_the_same_answer_twice_is_refused():
    with pytest.raises(ValueError, match="only once"):
        grade(MULTIPLE, ["a", "a"])


@given(st.sets(st.sampled_from(["a", "b", "c", "d"]), min_size=1))
def test_grading_any_subset_of_a_multiple_choice_question(picked):
    g = grade(MULTIPLE, picked)
    right = {"a", "b", "c"}
    assert g.correct == (picked == right)
    assert g.found + g.missed == len(right)
    assert set(g.wrong) == picked - right
    assert g.partial == (bool(picked & right) and picked < right)
    assert len(g.feedback) == len(picked)


def test_score_counts_unchecked_questions_in_the_total_only():
    right = grade(SINGLE, "a")
    wrong = grade(SINGLE, "c")
    assert score([right, wrong, None, right]) == (2, 4)
    assert score([]) == (0, 0)
    assert score_line(2, 4) == "2 of 4 right"


# --- loading ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda r: r["question"][0]["option"][1].update(correct=True), "exactly one right"),
        (lambda r: [o.update(correct=False) for o in r["question"][1]["option"]], "no option"),
        (lambda r: r["question"][0].update(kind="essay"), "kind must be"),
        (lambda r: r["question"][0]["option"][1].update(id="a"), "option ids must be unique"),
        (lambda r: r["question"][0]["option"][1].update(text="Answer a"), "same text"),
        (lambda r: r["question"][0]["option"][0].pop("feedback"), "'feedback' is missing"),
        (lambda r: r["question"][0]["option"][0].update(feedback="  "), "'feedback' is empty"),
        (lambda r: r["question"][0]["option"][0].update(correct="yes"), "must be bool"),
        (lambda r: r["question"][0].pop("section"), "'section' is missing"),
        (lambda r: r["question"][0].pop("source"), "'source' is missing"),
        (lambda r: r["question"][0].update(option=[option("a", True)]), "at least two"),
        (lambda r: r["question"][1].update(id="one"), "question ids must be unique"),
        (lambda r: r["question"][1].update(id="Two Words"), "lower-case"),
        (lambda r: r.update(question=[]), "no questions"),
        (lambda r: r.update(lesson="1"), "two digits"),
    ],
)
def test_bad_quiz_files_fail_with_a_message_naming_the_problem(change, message):
    with pytest.raises(ContentError, match=message) as info:
        build(changed(RAW, change), "quizzes/01.toml")
    assert str(info.value).startswith("quizzes/01.toml")


def test_load_quiz_reads_the_lesson_file():
    quiz = load_quiz("01")
    assert quiz.lesson == "01" and quiz.questions
    assert quiz.question(quiz.questions[0].id) is quiz.questions[0]
    with pytest.raises(ValueError, match="no question"):
        quiz.question("nope")


@pytest.mark.parametrize("lesson", ["1", "x1", "001", "", "../01"])
def test_load_quiz_wants_two_digits(lesson):
    with pytest.raises(ValueError, match="two digits"):
        load_quiz(lesson)


def test_a_missing_quiz_file_is_a_content_error():
    with pytest.raises(ContentError, match="quizzes/98.toml: the data file is missing"):
        load_quiz("98")
