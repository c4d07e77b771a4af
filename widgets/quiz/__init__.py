"""The end-of-lesson quizzes: questions with feedback on every answer.

The model (:mod:`widgets.quiz.model`) loads and grades without widgets and is imported here; the
view, :class:`~widgets.quiz.view.Quiz`, is imported only when asked for.
"""

from widgets._lazy import lazy_views
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


__getattr__, __dir__ = lazy_views(__name__, {"Quiz": "widgets.quiz.view"}, globals())
