"""The end-of-lesson quizzes: questions with feedback on every answer.

The model (:mod:`widgets.quiz.model`) loads and grades without widgets and is imported here; the
view, :class:`~widgets.quiz.view.Quiz`, is imported only when asked for.
"""

from importlib import import_module

from widgets.quiz.model import (
    KINDS,
    Grade,
    Option,
    Question,
    QuizData,
    build,
    grade,
    load_quiz,
    score,
    score_line,
)

_VIEWS = ("Quiz",)

__all__ = [
    "KINDS",
    "Grade",
    "Option",
    "Question",
    "Quiz",
    "QuizData",
    "build",
    "grade",
    "load_quiz",
    "score",
    "score_line",
]


def __getattr__(name):
    if name in _VIEWS:
        return getattr(import_module("widgets.quiz.view"), name)
    raise AttributeError(f"module 'widgets.quiz' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_VIEWS))
