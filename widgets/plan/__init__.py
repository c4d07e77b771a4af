"""My back-care plan (lesson 09): the learner's choices as a one-page plan to download."""

from widgets.plan.model import BackCarePlan, build_plan, check_goal, md_escape

__all__ = ["BackCarePlan", "build_plan", "check_goal", "md_escape"]
