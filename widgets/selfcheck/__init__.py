"""The symptom self-check: which tier of help a set of answers points to, and why.

The model (:mod:`widgets.selfcheck.model`) is plain Python; the view,
:class:`widgets.selfcheck.view.SymptomCheck`, is imported only when a page asks for it.
"""

from widgets._lazy import lazy_views
from widgets.selfcheck.model import (
    LEVELS,
    QUESTIONS,
    RULES,
    SOURCES,
    TIERS,
    AnswerError,
    Assessment,
    Question,
    Rule,
    Source,
    Tier,
    assess,
    check_answers,
    parse_number,
)

__all__ = [
    "AnswerError",
    "Assessment",
    "LEVELS",
    "QUESTIONS",
    "Question",
    "RULES",
    "Rule",
    "SOURCES",
    "Source",
    "SymptomCheck",
    "TIERS",
    "Tier",
    "assess",
    "check_answers",
    "parse_number",
]

__getattr__, __dir__ = lazy_views(__name__, {"SymptomCheck": "widgets.selfcheck.view"}, globals())
