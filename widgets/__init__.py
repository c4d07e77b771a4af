"""Back Spasm Course: the interactive tools the lessons use.

The public views are imported lazily, so that ``import widgets`` stays cheap for a page that
needs one tool (a kernel only pays for what its page shows).
"""

from importlib import import_module

_VIEWS = {
    "SittingTimer": "widgets.timer.view",
    "NutrientChecklist": "widgets.nutrients.view",
    "SymptomCheck": "widgets.selfcheck.view",
    "Quiz": "widgets.quiz.view",
    "Dashboard": "widgets.dashboard",
    "CourseProgress": "widgets.progress.view",
    "HeatColdPlanner": "widgets.planner.view",
    "EvidenceTable": "widgets.planner.view",
    "GuidedRoutine": "widgets.routine.view",
    "MyBackCarePlan": "widgets.plan.view",
}

__all__ = sorted(_VIEWS)


def __getattr__(name):
    if name in _VIEWS:
        return getattr(import_module(_VIEWS[name]), name)
    raise AttributeError(f"module 'widgets' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_VIEWS))
