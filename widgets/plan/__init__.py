"""My back-care plan (lesson 09): the learner's choices as a one-page plan to download."""

from widgets._lazy import lazy_views
from widgets.plan.model import BackCarePlan, build_plan, check_goal, md_escape

__all__ = [
    "BackCarePlan",
    "MyBackCarePlan",
    "build_plan",
    "check_goal",
    "md_escape",
]

__getattr__, __dir__ = lazy_views(__name__, {"MyBackCarePlan": "widgets.plan.view"}, globals())
