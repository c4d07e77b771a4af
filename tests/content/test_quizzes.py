"""The quiz files are complete and point at real lesson sections; every lesson cites its sources.

* ``widgets/data/quizzes/NN.toml``: 3 to 5 questions per lesson; exactly one right option for a
  single-choice question and at least one for a multiple-choice one; feedback on every option;
  unique ids; each question's ``section`` is a heading of its lesson.
* Every lesson notebook (``notebooks/NN-*.ipynb`` except the home page) ends with a "Sources"
  section whose links are well-formed http(s) URLs.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import nbformat
import pytest

from tests.conftest import NOTEBOOKS, REPO
from widgets.content import load_toml
from widgets.quiz import load_quiz

QUIZ_DIR = REPO / "widgets" / "data" / "quizzes"
QUIZ_LESSONS = sorted(p.stem for p in QUIZ_DIR.glob("*.toml"))
LESSON_PAGES = sorted(
    p for p in NOTEBOOKS.glob("[0-9][0-9]-*.ipynb") if not p.name.startswith("00")
)
#: Lessons whose notebooks this part of the course wrote with their quiz in place.
WITH_QUIZ_CELL = ["01", "02", "03", "04", "05", "06", "07", "08", "09"]

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


def test_there_is_a_quiz_for_every_lesson_01_to_09():
    assert [f"{n:02d}" for n in range(1, 10)] == QUIZ_LESSONS


@pytest.mark.parametrize("lesson", QUIZ_LESSONS)
def test_quiz_has_three_to_five_questions_with_one_or_more_right_options(lesson):
    quiz = load_quiz(lesson)
    assert 3 <= len(quiz.questions) <= 5
    for q in quiz.questions:
        right = [o for o in q.options if o.correct]
        if q.kind == "single":
            assert len(right) == 1, f"{q.id}: a single-choice question has exactly one answer"
        else:
            assert len(right) >= 1, f"{q.id}: no right option"
        assert len(q.options) >= 2


@pytest.mark.parametrize("lesson", QUIZ_LESSONS)
def test_every_option_has_feedback_and_every_question_a_source_and_section(lesson):
    raw = load_toml(f"quizzes/{lesson}.toml")
    for q in raw["question"]:
        for field in ("text", "section", "source"):
            assert isinstance(q.get(field), str) and q[field].strip(), f"{q['id']}: {field}"
        for o in q["option"]:
            assert isinstance(o.get("feedback"), str) and len(o["feedback"].split()) >= 3, (
                f"{q['id']} option {o['id']}: feedback must say why"
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
