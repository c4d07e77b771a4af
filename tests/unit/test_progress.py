"""The progress record's rules: which pages count as lessons, and how a stored record is cleaned."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import NOTEBOOKS, REPO
from widgets.progress import LESSONS, STORAGE_KEY, lesson_number, parse_progress


def test_lessons_are_numbered_01_to_09_in_order():
    assert [x.number for x in LESSONS] == [f"{i:02d}" for i in range(1, 10)]
    assert len({x.file for x in LESSONS}) == len(LESSONS)


def test_every_lesson_notebook_is_in_the_list():
    on_disk = {p.name for p in NOTEBOOKS.glob("0[1-9]-*.ipynb")}
    assert on_disk <= {x.file for x in LESSONS}


@pytest.mark.parametrize(
    ("path", "number"),
    [
        ("/voila/render/03-sitting-and-posture.ipynb", "03"),
        ("06-symptoms-and-when-to-get-help.ipynb", "06"),
        ("/voila/render/04-food-and-muscles.ipynb?theme=dark", "04"),
        ("/voila/render/00-start-here.ipynb", None),
        ("/voila/render/dashboard.ipynb", None),
        ("/voila/render/42-not-a-lesson.ipynb", None),
        ("/voila/render/03-sitting-and-posture.py", None),
        ("", None),
    ],
)
def test_lesson_number(path, number):
    assert lesson_number(path) == number


@pytest.mark.parametrize(
    ("text", "visited"),
    [
        (None, []),
        ("", []),
        ("not json", []),
        ("[1, 2]", []),
        ('{"visited": "03"}', []),
        ('{"visited": ["04", "03", "03"]}', ["03", "04"]),
        ('{"visited": ["03", 4, null, "99", "<img src=x>", "00"]}', ["03"]),
        ('{"visited": ["01"], "answers": {"saddle_numbness": true}}', ["01"]),
    ],
)
def test_parse_progress_keeps_only_known_lessons(text, visited):
    assert parse_progress(text) == {"visited": visited}


@given(st.text() | st.from_regex(r'\{"visited": \[.*\]\}', fullmatch=True))
def test_parse_progress_never_fails(text):
    result = parse_progress(text)
    assert set(result) == {"visited"}
    assert set(result["visited"]) <= {x.number for x in LESSONS}


def test_template_and_widget_use_the_same_storage_key():
    template = (REPO / "share/jupyter/voila/templates/course/index.html.j2").read_text()
    assert f"'{STORAGE_KEY}'" in template
    assert json.dumps(STORAGE_KEY) == '"bsc-progress"'


def test_the_widget_sends_lessons_only_and_keeps_no_learner_state():
    from widgets import CourseProgress

    progress = CourseProgress()
    synced = set(progress.keys) - {k for k in progress.keys if k.startswith("_")}
    assert synced - {"layout", "tabbable", "tooltip"} == {"lessons", "storage_key"}
    assert [x["number"] for x in progress.lessons] == [x.number for x in LESSONS]
    assert "localStorage.removeItem" in progress._esm
