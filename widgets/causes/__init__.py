"""The cause explorer: tick what applies to your week and see which lessons address it.

The model (:mod:`widgets.causes.model`) is plain Python and is imported here; the view,
:class:`~widgets.causes.view.CauseExplorer`, is imported only when asked for.
"""

from importlib import import_module

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

_VIEWS = ("CauseExplorer",)

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


def __getattr__(name):
    if name in _VIEWS:
        return getattr(import_module("widgets.causes.view"), name)
    raise AttributeError(f"module 'widgets.causes' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_VIEWS))
