"""The course manifest's lists, for the tests' parameters (read from widgets/data/course.toml).

Every test that walks the lessons, their notebooks or their quizzes takes its list from here, so a
lesson added to the manifest is tested with no test edited, and a test never checks a list of its
own that the course does not have.
"""

from __future__ import annotations

from widgets.course import COURSE, Lesson

HOME = COURSE.home
DASHBOARD = COURSE.dashboard
LESSONS: tuple[Lesson, ...] = COURSE.lessons
#: Lesson numbers in course order (``["01", "02", ...]``).
LESSON_NUMBERS = list(COURSE.numbers)
#: Lesson notebooks in course order (``["01-what-is-a-back-spasm.ipynb", ...]``).
LESSON_FILES = [x.file for x in LESSONS]
#: Numbers of the lessons that end with a quiz (``Quiz`` among their tools).
QUIZ_LESSONS = [x.number for x in LESSONS if x.quiz_file]
#: Notebooks of the lessons that end with a quiz.
QUIZ_FILES = [x.file for x in LESSONS if x.quiz_file]
#: Every page of the course, sorted: the home page, the lessons and the dashboard.
PAGES = sorted([HOME, *LESSON_FILES, DASHBOARD])


def lesson_file(number: str) -> str:
    """The notebook of lesson ``number`` (``"03"`` -> ``"03-sitting-and-posture.ipynb"``)."""
    return COURSE.lesson(number).file


def visited_line(visited: int) -> str:
    """The progress map's summary for ``visited`` lessons: ``"3 of N lessons visited"``."""
    return f"{visited} of {len(LESSONS)} lessons visited"
