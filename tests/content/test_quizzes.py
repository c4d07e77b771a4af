"""The quiz files are complete, test understanding, and point at real lesson sections; every
lesson cites its sources.

* ``widgets/data/quizzes/NN.toml``: 3 to 5 questions per lesson (the final review, 09, at least 8
  across lessons 01-08, of both kinds); at least three options a question; exactly one right option
  for a single-choice question and at least one for a multiple-choice one; feedback on every option
  that says why, not only a verdict; unique ids; each question's ``section`` is a heading of its
  lesson.
* A learner who guesses does no better than chance. Computed from the order the quiz shows (the
  model's order, which the view draws, see tests/views/test_quiz_view.py): no position holds more
  than a third of the single-choice answers, always picking the same position scores at most a
  third of any quiz, the right options of a multiple-choice question are mixed with wrong ones, and
  the right answer is the longest (or the shortest) option in at most a third of the questions.
* Every lesson notebook (``notebooks/NN-*.ipynb`` except the home page) ends with a "Sources"
  section whose links are well-formed http(s) URLs.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import replace
from urllib.parse import urlsplit

import nbformat
import pytest

from tests.course import LESSON_NUMBERS
from tests.course import QUIZ_LESSONS as COURSE_QUIZ_LESSONS
from tests.support.paths import NOTEBOOKS, REPO
from widgets.content import load_toml
from widgets.quiz import grade, load_quiz

QUIZ_DIR = REPO / "widgets" / "data" / "quizzes"
QUIZ_LESSONS = sorted(p.stem for p in QUIZ_DIR.glob("*.toml"))
LESSON_PAGES = sorted(
    p for p in NOTEBOOKS.glob("[0-9][0-9]-*.ipynb") if not p.name.startswith("00")
)
#: Lessons whose notebooks show their quiz: those of the course manifest that name Quiz.
WITH_QUIZ_CELL = COURSE_QUIZ_LESSONS
#: The final review of the whole course.
FINAL = "09"

HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.M)
MD_LINK = re.compile(r"\[[^\]]*\]\(\s*<?([^)\s>]+)>?[^)]*\)")
AUTOLINK = re.compile(r"<((?:https?|ftp|file|mailto)[^>\s]*|[a-z][a-z0-9+.-]*:[^>\s]*)>", re.I)
BARE_URL = re.compile(r"(?<![<(\"'])\bhttps?://[^\s)>\]]+")


def markdown(path) -> str:
    nb = nbformat.read(path, as_version=4)
    return "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def lesson_page(number: str):
    pages = list(NOTEBOOKS.glob(f"{number}-*.ipynb"))
    return pages[0] if pages else None


def sources_section(text: str) -> str | None:
    """The text under the "Sources" heading, up to the next heading or horizontal rule."""
    match = re.search(r"^#{2,3}\s+Sources\s*$", text, re.M)
    if not match:
        return None
    rest = text[match.end() :]
    end = re.search(r"^(#{1,3}\s|---\s*$)", rest, re.M)
    return rest[: end.start()] if end else rest


def well_formed(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and "." in parts.netloc and " " not in url


def test_there_is_a_quiz_for_every_lesson_of_the_course():
    assert [f"{n:02d}" for n in range(1, len(LESSON_NUMBERS) + 1)] == LESSON_NUMBERS
    assert LESSON_NUMBERS == QUIZ_LESSONS, "one quiz file per lesson of course.toml, and no other"
    assert COURSE_QUIZ_LESSONS == QUIZ_LESSONS, "every lesson names Quiz among its tools"


@pytest.mark.parametrize("lesson", QUIZ_LESSONS)
def test_quiz_has_three_to_five_questions_with_one_or_more_right_options(lesson):
    quiz = load_quiz(lesson)
    if lesson == FINAL:
        assert len(quiz.questions) >= 8, "the final review is a real end-of-course check"
    else:
        assert 3 <= len(quiz.questions) <= 5
    for q in quiz.questions:
        right = [o for o in q.options if o.correct]
        if q.kind == "single":
            assert len(right) == 1, f"{q.id}: a single-choice question has exactly one answer"
        else:
            assert len(right) >= 1, f"{q.id}: no right option"
            assert len(right) < len(q.options), f"{q.id}: ticking every box must not be right"
        assert len(q.options) >= 3, f"{q.id}: a question needs at least three options"


def test_the_final_review_covers_lessons_01_to_08_with_both_kinds():
    quiz = load_quiz(FINAL)
    named = {n for q in quiz.questions for n in re.findall(r"\bLessons? (\d\d)", q.text)}
    named |= {n for q in quiz.questions for n in re.findall(r"\band (\d\d)\b", q.text)}
    assert named >= {f"{n:02d}" for n in range(1, 9)}, sorted(named)
    kinds = Counter(q.kind for q in quiz.questions)
    assert kinds["single"] >= 3 and kinds["multiple"] >= 3, kinds


# --- guessing does no better than chance ------------------------------------------------------


def single_choice():
    return [q for lesson in QUIZ_LESSONS for q in load_quiz(lesson).questions if q.kind == "single"]


def right_position(q) -> int:
    return next(i for i, o in enumerate(q.options) if o.correct)


def giveaway_positions(questions) -> list[str]:
    """Positions (1 = first shown) that hold more than a third of the right answers."""
    counts = Counter(right_position(q) + 1 for q in questions)
    limit = math.ceil(len(questions) / 3)
    return [f"position {p}: {n} of {len(questions)}" for p, n in counts.items() if n > limit]


def test_right_answers_are_spread_over_the_positions():
    questions = single_choice()
    assert len(questions) >= 30
    assert giveaway_positions(questions) == []


def test_the_spread_check_fails_on_a_giveaway_order():
    questions = single_choice()
    first = [
        replace(q, options=(q.options[right_position(q)], *(o for o in q.options if not o.correct)))
        for q in questions
    ]
    assert giveaway_positions(first) == [f"position 1: {len(first)} of {len(first)}"]


def fixed_position_score(quiz, position: int) -> int:
    """How many questions a learner gets right who always picks only the option at `position`."""
    return sum(
        1
        for q in quiz.questions
        if position < len(q.options) and grade(q, [q.options[position].id]).correct
    )


@pytest.mark.parametrize("lesson", QUIZ_LESSONS)
def test_always_picking_the_same_position_scores_at_most_a_third(lesson):
    quiz = load_quiz(lesson)
    most = max(len(q.options) for q in quiz.questions)
    scores = [fixed_position_score(quiz, p) for p in range(most)]
    assert max(scores) <= len(quiz.questions) / 3, f"scores by position: {scores}"


def test_multiple_choice_right_options_are_mixed_with_wrong_ones():
    multiple = [
        q for lesson in QUIZ_LESSONS for q in load_quiz(lesson).questions if q.kind == "multiple"
    ]
    assert len(multiple) >= 8
    for q in multiple:
        marks = "".join("R" if o.correct else "w" for o in q.options)
        assert "wR" in marks, f"{q.id}: the right options come first ({marks})"
    starts_right = sum(q.options[0].correct for q in multiple)
    assert starts_right <= len(multiple) / 3, f"{starts_right} of {len(multiple)} start right"


def test_the_right_answer_is_not_systematically_the_longest_or_shortest():
    questions = single_choice()
    limit = math.ceil(len(questions) / 3)
    for pick in (max, min):
        hits = [
            q.id
            for q in questions
            if len(q.options[right_position(q)].text) == pick(len(o.text) for o in q.options)
        ]
        assert len(hits) <= limit, f"right answer is the {pick.__name__} option in {hits}"


# --- feedback that says why -------------------------------------------------------------------

#: A verdict at the start of a feedback ("Yes.", "No:", "Not on its own.", "Right: ...").
VERDICT = re.compile(
    r"^(?:yes|no|right|correct|wrong|not quite|not right|not on its own|not fast enough|too slow)"
    r"[.:;!]\s*",
    re.I,
)


def reason(feedback: str) -> str:
    """The feedback without its leading verdict."""
    return VERDICT.sub("", feedback.strip(), count=1)


def test_reason_strips_only_the_verdict():
    assert reason("Yes: an emergency.") == "an emergency."
    assert (
        reason("No, it is the other way round: tense first.")
        == "No, it is the other way round: tense first."
    )
    assert reason("Right. Heat has the better evidence.") == "Heat has the better evidence."


@pytest.mark.parametrize("lesson", QUIZ_LESSONS)
def test_every_option_has_feedback_and_every_question_a_source_and_section(lesson):
    raw = load_toml(f"quizzes/{lesson}.toml")
    for q in raw["question"]:
        for field in ("text", "section", "source"):
            assert isinstance(q.get(field), str) and q[field].strip(), f"{q['id']}: {field}"
        for o in q["option"]:
            assert isinstance(o.get("feedback"), str), f"{q['id']} option {o['id']}"
            why = reason(o["feedback"])
            assert len(why.split()) >= 6 and why.strip().lower() != o["text"].strip().lower(), (
                f"{q['id']} option {o['id']}: feedback must say why, not only give a verdict"
            )


@pytest.mark.parametrize("lesson", QUIZ_LESSONS)
def test_ids_are_unique(lesson):
    quiz = load_quiz(lesson)
    ids = [q.id for q in quiz.questions]
    assert len(ids) == len(set(ids))
    for q in quiz.questions:
        option_ids = [o.id for o in q.options]
        assert len(option_ids) == len(set(option_ids)), q.id


@pytest.mark.parametrize("lesson", QUIZ_LESSONS)
def test_each_question_points_to_a_section_of_its_lesson(lesson):
    page = lesson_page(lesson)
    assert page is not None, f"lesson {lesson} has a quiz but no notebook"
    headings = {h.strip() for h in HEADING.findall(markdown(page))}
    for q in load_quiz(lesson).questions:
        assert q.section in headings, f"{q.id}: '{q.section}' is not a heading of {page.name}"


@pytest.mark.parametrize("lesson", WITH_QUIZ_CELL)
def test_the_lesson_shows_its_quiz_under_check(lesson):
    nb = nbformat.read(lesson_page(lesson), as_version=4)
    sources = [c.source for c in nb.cells]
    call = next(i for i, s in enumerate(sources) if f'Quiz("{lesson}")' in s)
    assert nb.cells[call].cell_type == "code"
    assert "## Check" in sources[call - 1]


# --- every lesson: a Sources section with well-formed links --------------------------------


@pytest.mark.parametrize("path", LESSON_PAGES, ids=[p.name for p in LESSON_PAGES])
def test_lesson_has_a_sources_section_with_well_formed_links(path):
    section = sources_section(markdown(path))
    assert section is not None, f"{path.name}: no '## Sources' section"
    urls = [u for u in MD_LINK.findall(section) if ":" in u]
    urls += AUTOLINK.findall(section) + BARE_URL.findall(section)
    assert urls, f"{path.name}: the Sources section links to nothing"
    bad = [u for u in urls if not well_formed(u)]
    assert not bad, f"{path.name}: malformed source links: {bad}"


def test_the_sources_checker_can_fail():
    text = "## Sources\n\n1. A <https://ok.example.org/x>\n2. B <htp:/broken>\n\n---\n[home](x)"
    section = sources_section(text)
    urls = AUTOLINK.findall(section)
    assert urls == ["https://ok.example.org/x", "htp:/broken"]
    assert [well_formed(u) for u in urls] == [True, False]
    assert sources_section("# Title\n\nNo sources here.") is None
