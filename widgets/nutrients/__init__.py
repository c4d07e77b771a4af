"""The nutrient checklist: daily targets, what a day's food gives, and which foods would help.

The model (:mod:`widgets.nutrients.model`) is re-exported here; the view is
``widgets.NutrientChecklist`` (:mod:`widgets.nutrients.view`).
"""

from widgets._lazy import lazy_views
from widgets.nutrients import model
from widgets.nutrients.model import *  # noqa: F403

_VIEWS = {"NutrientChecklist": "widgets.nutrients.view"}

#: The model's names (listed once, in the model's modules) and the view.
__all__ = sorted([*model.__all__, *_VIEWS])

__getattr__, __dir__ = lazy_views(__name__, _VIEWS, globals())
