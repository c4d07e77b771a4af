"""The cause explorer: tick what applies to your week and see which lessons address it.

The model (:mod:`widgets.causes.model`) is plain Python and is imported here; the view,
:class:`~widgets.causes.view.CauseExplorer`, is imported only when asked for.
"""

from widgets._lazy import lazy_views
from widgets.causes.model import (
    CAUSE_MAP,
    CAUSES,
    LESSONS,
    Cause,
    CauseMap,
    Lesson,
    build,
    load_causes,
)

__all__ = [
    "CAUSES",
    "CAUSE_MAP",
    "LESSONS",
    "Cause",
    "CauseExplorer",
    "CauseMap",
    "Lesson",
    "build",
    "load_causes",
]


__getattr__, __dir__ = lazy_views(__name__, {"CauseExplorer": "widgets.causes.view"}, globals())
