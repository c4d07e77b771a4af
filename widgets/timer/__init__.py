"""The sitting timer: a break schedule that cannot drift, and a desk set-up check.

The model (:mod:`widgets.timer.model`) is plain Python and is imported here; the views,
:class:`~widgets.timer.view.SittingTimer` and :class:`~widgets.timer.view.PostureCheck`, are
imported only when asked for, so that using the model does not load ipywidgets.
"""

from widgets._lazy import lazy_views
from widgets.timer import model
from widgets.timer.model import *  # noqa: F403

_VIEWS = {"SittingTimer": "widgets.timer.view", "PostureCheck": "widgets.timer.view"}

#: The model's names (listed once, in :mod:`widgets.timer.model`) and the views.
__all__ = sorted([*model.__all__, *_VIEWS])

__getattr__, __dir__ = lazy_views(__name__, _VIEWS, globals())
