"""The course manifest (widgets/data/course.toml) and everything that lists lessons agree.

A learner follows the footers from lesson to lesson, opens lessons from the home page's course map
and sees the lessons they visited ticked there. Each of these comes from the manifest; these tests
fail when a notebook, the home page, the Voila template's visit recorder or a test's list says
something else (a footer left pointing at the old next lesson, a lesson missing from the map, a
lesson the recorder would never record).
"""

from __future__ import annotations

import ast
import json
import re
import tomllib

import jinja2
import nbformat
import pytest

from tests.course import HOME, LESSON_NUMBERS, LESSONS, PAGES
from tests.support.paths import NOTEBOOKS, REPO
from tools.write_footers import FOOTER_ID, stale
from tools.write_home import home_notebook
from widgets.course import COURSE

MANIFEST = REPO / "widgets" / "data" / "course.toml"
TEMPLATE = REPO / "share" / "jupyter" / "voila" / "templates" / "course"
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+\.ipynb)\)")


def notebook(lesson):
    return nbformat.read(NOTEBOOKS / lesson.file, as_version=4)


def shown_tools(nb) -> list[str]:
    """The name each code cell's last line calls (``Quiz("03")`` -> ``Quiz``), in page order."""
    names = []
    for cell in nb.cells:
        if cell.cell_type == "code" and cell.source.strip():
            call = ast.parse(cell.source.strip().splitlines()[-1], mode="eval").body
            assert isinstance(call, ast.Call) and isinstance(call.func, ast.Name), cell.source
            names.append(call.func.id)
    return names


def test_the_notebooks_folder_holds_the_courses_pages_and_no_other():
    assert sorted(p.name for p in NOTEBOOKS.glob("*.ipynb")) == PAGES


@pytest.mark.parametrize("lesson", LESSONS, ids=LESSON_NUMBERS)
def test_a_lesson_marked_available_exists(lesson):
    assert lesson.available == (NOTEBOOKS / lesson.file).exists(), lesson.file


@pytest.mark.parametrize("lesson", LESSONS, ids=LESSON_NUMBERS)
def test_the_lessons_heading_is_the_manifests(lesson):
    first = notebook(lesson).cells[0]
    assert first.cell_type == "markdown"
    assert first.source.splitlines()[0] == f"# {lesson.heading}"


@pytest.mark.parametrize("lesson", LESSONS, ids=LESSON_NUMBERS)
def test_the_lesson_shows_the_tools_the_manifest_lists(lesson):
    assert shown_tools(notebook(lesson)) == list(lesson.tools)
    if lesson.quiz_file:
        code = [c.source for c in notebook(lesson).cells if c.cell_type == "code"]
        assert any(s.rstrip().endswith(f'Quiz("{lesson.number}")') for s in code)
        assert (REPO / "widgets" / "data" / lesson.quiz_file).exists(), lesson.quiz_file


@pytest.mark.parametrize("lesson", LESSONS, ids=LESSON_NUMBERS)
def test_the_lesson_ends_with_the_manifests_footer(lesson):
    last = notebook(lesson).cells[-1]
    assert last.cell_type == "markdown" and last.get("id") == FOOTER_ID
    assert last.source == COURSE.footer(lesson.number), (
        f"{lesson.file}: the footer is not the course manifest's: run `make course`"
    )
    before, after = COURSE.neighbours(lesson.number)
    links = LINK.findall(last.source)
    expected = [(f"← {x.heading}", x.file) for x in (before,) if x]
    expected += [("Course home", HOME)] + [(f"{x.heading} →", x.file) for x in (after,) if x]
    assert links == expected


def test_no_footer_is_left_anywhere_else_in_a_lesson():
    for lesson in LESSONS:
        cells = notebook(lesson).cells[:-1]
        text = "\n".join(c.source for c in cells if c.cell_type == "markdown")
        assert "[Course home](" not in text, f"{lesson.file} has a second footer"


def test_lesson_06_leads_on_to_lesson_07():
    six = notebook(COURSE.lesson("06")).cells[-1].source
    assert "(07-treating-a-spasm.ipynb)" in six and "Next:" in six


def test_the_footer_writer_finds_nothing_to_do():
    assert stale() == []


def test_the_home_page_is_the_one_the_manifest_writes():
    disk = nbformat.read(NOTEBOOKS / HOME, as_version=4)
    written = home_notebook()
    assert [c.source for c in disk.cells] == [c.source for c in written.cells], (
        "the home page is not what tools/write_home.py writes: run `make course`"
    )
    assert [c.get("id") for c in disk.cells] == [c.get("id") for c in written.cells]


def test_the_home_page_links_every_lesson_in_order_with_its_title():
    text = "\n".join(c.source for c in nbformat.read(NOTEBOOKS / HOME, as_version=4).cells)
    rows = re.findall(r"^\| (\d\d) \| \[([^\]]+)\]\(([^)]+)\) \|", text, re.M)
    assert rows == [(x.number, x.title, x.file) for x in LESSONS if x.available]


def test_the_manifest_lists_each_lesson_number_on_its_own_line():
    # The template's recorder (course_lessons.j2) reads the lines `number = "NN"` of the file,
    # and Jinja reads the file as a template: no Jinja delimiters in it.
    text = MANIFEST.read_text(encoding="utf-8")
    assert re.findall(r'^number = "(\d\d)"$', text, re.M) == LESSON_NUMBERS
    assert not re.search(r"\{[{%#]", text)
    assert [x["number"] for x in tomllib.loads(text)["lesson"]] == LESSON_NUMBERS


def test_the_visit_recorder_reads_the_manifests_lessons():
    assert (TEMPLATE / "course.toml").resolve() == MANIFEST.resolve()
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATE)))
    assert json.loads(env.get_template("course_lessons.j2").render()) == LESSON_NUMBERS
    page = (TEMPLATE / "index.html.j2").read_text(encoding="utf-8")
    assert "var lessons = {% include 'course_lessons.j2' %};" in page
    assert "0[1-9]" not in page, "a hard-coded lesson pattern would miss lesson 10"


def test_the_template_ships_the_manifest_it_reads():
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    shipped = config["tool"]["setuptools"]["data-files"]["share/jupyter/voila/templates/course"]
    for name in ("course.toml", "course_lessons.j2", "index.html.j2"):
        assert f"share/jupyter/voila/templates/course/{name}" in shipped


def test_the_dashboard_shows_the_manifests_tools():
    import ipywidgets

    import widgets
    from widgets import Dashboard

    assert [t.view for t in COURSE.tools] == ["SittingTimer", "NutrientChecklist", "SymptomCheck"]
    for tool in COURSE.tools:
        assert tool.view in widgets.__all__, f"{tool.view} is not a view `widgets` exports"
    dashboard = Dashboard(builders=[ipywidgets.Label] * len(COURSE.tools))
    assert list(dashboard._tabs.options) == [t.title for t in COURSE.tools]
    assert (NOTEBOOKS / COURSE.dashboard).exists()


#: What a hard-coded lesson list looks like in a test: 01..09 spelled out, or a range up to 9.
HARD_CODED = re.compile(
    r"range\(1, ?10\)|0\[1-9\]|\"01\", \"02\", \"03\"|'01', '02', '03'|of 9 lessons"
)


def test_no_test_or_benchmark_keeps_its_own_list_of_lessons():
    found = []
    for path in [*(REPO / "tests").rglob("*.py"), *(REPO / "benchmarks").rglob("*.py")]:
        if path.name == "test_course.py":
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if HARD_CODED.search(line):
                found.append(f"{path.relative_to(REPO)}:{n}: {line.strip()}")
    assert found == [], "take the list from tests/course.py instead"
