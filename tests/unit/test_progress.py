"""The progress record's rules: which pages count as lessons, and how a stored record is cleaned."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.course import LESSON_FILES
from tests.support.paths import NOTEBOOKS, REPO
from widgets.progress import LESSONS, STORAGE_KEY, lesson_number, parse_progress
from widgets.progress.model import MAX_QUESTIONS, clean_quiz_score


def test_lessons_are_numbered_from_01_in_order():
    assert [x.number for x in LESSONS] == [f"{i:02d}" for i in range(1, len(LESSONS) + 1)]
    assert len({x.file for x in LESSONS}) == len(LESSONS)
    assert [x.file for x in LESSONS] == LESSON_FILES, "the course manifest's lessons"


def test_every_lesson_notebook_is_in_the_list():
    on_disk = {p.name for p in NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")} - {"00-start-here.ipynb"}
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
    assert parse_progress(text)["visited"] == visited


@pytest.mark.parametrize(
    ("entry", "total", "expected"),
    [
        ({"right": 4, "total": 5}, None, (4, 5)),
        ({"right": 0, "total": 5}, 5, (0, 5)),
        ({"right": 5, "total": 5}, 6, None),  # a quiz that has since changed
        ({"right": 6, "total": 5}, None, None),
        ({"right": -1, "total": 5}, None, None),
        ({"right": 1, "total": 0}, None, None),
        ({"right": 1, "total": MAX_QUESTIONS + 1}, None, None),
        ({"right": True, "total": 5}, None, None),
        ({"right": 4.0, "total": 5}, None, None),
        ({"right": "4", "total": "5"}, None, None),
        ({"right": 4}, None, None),
        ([4, 5], None, None),
        ("<img src=x>", None, None),
        (None, None, None),
    ],
)
def test_clean_quiz_score(entry, total, expected):
    assert clean_quiz_score(entry, total) == expected


def test_parse_progress_keeps_sound_scores_of_known_lessons_only():
    record = {
        "visited": ["03"],
        "quiz": {
            "03": {"right": 4, "total": 5},
            "04": {"right": 9, "total": 5},
            "99": {"right": 1, "total": 1},
            "05": "<script>",
        },
        "settings": {"timer": {"preset": "course"}},
        "answers": {"saddle_numbness": True},
    }
    assert parse_progress(json.dumps(record)) == {
        "visited": ["03"],
        "quiz": {"03": {"right": 4, "total": 5}},
    }
    assert parse_progress('{"quiz": [1, 2]}')["quiz"] == {}


@given(
    st.text()
    | st.from_regex(r'\{"visited": \[.*\]\}', fullmatch=True)
    | st.from_regex(
        r'\{"quiz": \{"\d\d": \{"right": -?\d{1,3}, "total": \d{1,3}\}\}\}', fullmatch=True
    )
)
def test_parse_progress_never_fails(text):
    result = parse_progress(text)
    assert set(result) == {"visited", "quiz"}
    assert set(result["visited"]) <= {x.number for x in LESSONS}
    for number, score in result["quiz"].items():
        assert number in {x.number for x in LESSONS}
        assert 0 <= score["right"] <= score["total"] <= MAX_QUESTIONS


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
