"""The symptom self-check: which tier of help a set of answers points to, and why.

The model (:mod:`widgets.selfcheck.rules`) is plain Python; the view,
:class:`widgets.selfcheck.view.SymptomCheck`, is imported only when a page asks for it.
"""

from widgets.selfcheck.rules import (
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
    "LEVELS",
    "QUESTIONS",
    "RULES",
    "SOURCES",
    "TIERS",
    "AnswerError",
    "Assessment",
    "Question",
    "Rule",
    "Source",
    "Tier",
    "assess",
    "check_answers",
    "parse_number",
]
