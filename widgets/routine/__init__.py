"""The guided core and flexibility routine (lesson 08)."""

from widgets._lazy import lazy_views
from widgets.routine.model import EXERCISES, Routine

__all__ = [
    "EXERCISES",
    "GuidedRoutine",
    "Routine",
]

__getattr__, __dir__ = lazy_views(__name__, {"GuidedRoutine": "widgets.routine.view"}, globals())
