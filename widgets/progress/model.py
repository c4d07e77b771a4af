"""The course's lessons and the shape of the progress record the browser keeps.

The browser side (``progress.js`` and the course template) does the reading and writing; this
module states the same rules in Python, where they are tested. The lessons are the course
manifest's (``widgets/data/course.toml``, read by :mod:`widgets.course`).
"""

from __future__ import annotations

import json
import re

from widgets.course import LESSONS, Lesson

__all__ = [
    "LESSONS",
    "MAX_QUESTIONS",
    "STORAGE_KEY",
    "Lesson",
    "clean_quiz_score",
    "lesson_number",
    "parse_progress",
]

#: The ``localStorage`` key; the course template writes it, ``progress.js`` reads and clears it.
STORAGE_KEY = "bsc-progress"

_LESSON_FILE = re.compile(r"(?:^|/)(\d\d)-[a-z0-9]+(?:-[a-z0-9]+)*\.ipynb$")


_NUMBERS = frozenset(lesson.number for lesson in LESSONS)


def lesson_number(path: str) -> str | None:
    """The lesson number a page address or file name belongs to, or ``None`` if not a lesson.

    >>> lesson_number("/voila/render/03-sitting-and-posture.ipynb")
    '03'
    >>> lesson_number("dashboard.ipynb") is None
    True
    """
    match = _LESSON_FILE.search(path.split("?", 1)[0].split("#", 1)[0])
    if match and match.group(1) in _NUMBERS and match.group(1) != "00":
        return match.group(1)
    return None


#: More questions than any quiz could have: a stored total above this is not a real score.
MAX_QUESTIONS = 50


def _whole(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value


def clean_quiz_score(entry: object, total: int | None = None) -> tuple[int, int] | None:
    """``(right, total)`` from a stored quiz entry ``{"right": 4, "total": 5}``, or ``None``.

    ``None`` for anything that is not a sound score: not a dict, not whole numbers, more right
    than asked, a total above :data:`MAX_QUESTIONS`, or (when ``total`` is given) a score from a
    quiz with a different number of questions.

    >>> clean_quiz_score({"right": 4, "total": 5})
    (4, 5)
    >>> clean_quiz_score({"right": 6, "total": 5}) is None
    True
    """
    if not isinstance(entry, dict):
        return None
    right, out_of = _whole(entry.get("right")), _whole(entry.get("total"))
    if right is None or out_of is None or not 0 <= right <= out_of or not out_of >= 1:
        return None
    if out_of > MAX_QUESTIONS or (total is not None and out_of != total):
        return None
    return right, out_of


def parse_progress(text: str | None) -> dict:
    """The progress record kept in the browser, cleaned for the course map.

    ``{"visited": ["03", ...], "quiz": {"03": {"right": 4, "total": 5}, ...}}``. Anything the
    record should not hold (unknown lesson numbers, wrong types, broken JSON, a record edited by
    hand) is dropped rather than trusted: the result only ever names lessons of the course,
    sorted, once each, with sound scores. Tool settings (``"settings"``) are not part of the map;
    each tool checks its own when it reads them.
    """
    try:
        record = json.loads(text) if text else {}
    except (TypeError, ValueError):
        record = {}
    if not isinstance(record, dict):
        record = {}
    visited = record.get("visited", [])
    if not isinstance(visited, list):
        visited = []
    quizzes = record.get("quiz", {})
    if not isinstance(quizzes, dict):
        quizzes = {}
    scores = {}
    for number in sorted(_NUMBERS):
        score = clean_quiz_score(quizzes.get(number))
        if score is not None:
            scores[number] = {"right": score[0], "total": score[1]}
    return {
        "visited": sorted({v for v in visited if isinstance(v, str) and v in _NUMBERS}),
        "quiz": scores,
    }
