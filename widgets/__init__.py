"""Back Spasm Course: the interactive tools the lessons use.

The public views are imported lazily, so that ``import widgets`` stays cheap for a page that
needs one tool (a kernel only pays for what its page shows).
"""

from widgets import _pyodide
from widgets._lazy import lazy_views

# In the static site's browser Python only: keep None trait values on their way to the page.
_pyodide.install()

_VIEWS = {
    "SittingTimer": "widgets.timer.view",
    "PostureCheck": "widgets.timer.view",
    "CauseExplorer": "widgets.causes.view",
    "BreathingPacer": "widgets.breathing.view",
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


__getattr__, __dir__ = lazy_views(__name__, _VIEWS, globals())
