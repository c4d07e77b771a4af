"""The cold/heat planner (lesson 07): what the sources suggest now, and a timed pack session."""

from widgets._lazy import lazy_views
from widgets.planner.model import CAUTIONS, PackSession, load_evidence, onset_hours, plan

__all__ = [
    "CAUTIONS",
    "EvidenceTable",
    "HeatColdPlanner",
    "PackSession",
    "load_evidence",
    "onset_hours",
    "plan",
]

__getattr__, __dir__ = lazy_views(
    __name__,
    {"HeatColdPlanner": "widgets.planner.view", "EvidenceTable": "widgets.planner.view"},
    globals(),
)
