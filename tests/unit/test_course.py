"""The course manifest's model (widgets.course): its checks, its order and each lesson's footer."""

from __future__ import annotations

import pytest

from tests.support.data import changed
from widgets.content import ContentError, load_toml
from widgets.course import COURSE, build

RAW = load_toml("course.toml")


def test_the_data_builds_to_the_loaded_course():
    assert build(RAW) == COURSE
    assert COURSE.numbers == tuple(f"{n:02d}" for n in range(1, len(COURSE.lessons) + 1))


@pytest.mark.parametrize(
    "change, message",
    [
        # (moved here with the lesson tables from causes.toml)
        (lambda r: r["lesson"][0].update(file="03-other.ipynb"), "must be named '01-"),
        (lambda r: r["lesson"][0].update(available="yes"), "must be bool"),
        (lambda r: r["lesson"].append(dict(r["lesson"][0])), "listed twice"),
        (lambda r: r["lesson"][0].update(number="1"), "two digits"),
        (lambda r: r["lesson"].pop(1), "expected '02'"),
        (lambda r: r["lesson"][0].pop("heading"), "'heading' is missing"),
        (lambda r: r["lesson"][0].update(tools=["Quiz()"]), "the name of a view"),
        (lambda r: r["lesson"][1].update(file=r["lesson"][0]["file"]), "must be named '02-"),
        (lambda r: r.update(lesson=[]), "no lessons"),
        (lambda r: r.update(home="../home.ipynb"), "not a notebook name"),
        (lambda r: r["dashboard"].update(tool=[]), "no tools"),
        (lambda r: r["dashboard"]["tool"][0].pop("what"), "'what' is missing"),
    ],
)
def test_bad_data_fails_with_a_message_naming_the_problem(change, message):
    with pytest.raises(ContentError, match=message) as info:
        build(changed(RAW, change))
    assert str(info.value).startswith("course.toml")


def test_an_unknown_lesson_is_a_readable_value_error():
    with pytest.raises(ValueError, match="no lesson '42'"):
        COURSE.lesson("42")


def test_each_lesson_links_the_one_before_and_after():
    first, last = COURSE.lessons[0], COURSE.lessons[-1]
    assert COURSE.neighbours(first.number) == (None, COURSE.lessons[1])
    assert COURSE.neighbours(last.number) == (COURSE.lessons[-2], None)
    six = COURSE.footer("06")
    assert "Previous: [← Ease stress and muscle tension](05-stress-and-tension.ipynb)" in six
    assert "Next: [Treat a back spasm: what helps →](07-treating-a-spasm.ipynb)" in six
    assert "[Course home](00-start-here.ipynb)" in six
    assert "Previous" not in COURSE.footer(first.number)
    assert "Next" not in COURSE.footer(last.number)


def test_a_lesson_with_a_quiz_names_its_file():
    assert COURSE.lesson("03").quiz_file == "quizzes/03.toml"
    raw = changed(RAW, lambda r: r["lesson"][0].update(tools=["CauseExplorer"]))
    assert build(raw).lesson("01").quiz_file is None


def test_the_dashboard_tools_come_from_the_manifest():
    from widgets.dashboard import TOOLS

    assert [t.view for t in TOOLS] == ["SittingTimer", "NutrientChecklist", "SymptomCheck"]
    assert COURSE.tools == TOOLS
