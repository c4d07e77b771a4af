"""The cold/heat planner (lesson 07): what the sources suggest now, and a timed pack session."""

from widgets.planner.model import CAUTIONS, PackSession, load_evidence, onset_hours, plan

__all__ = ["CAUTIONS", "PackSession", "load_evidence", "onset_hours", "plan"]
