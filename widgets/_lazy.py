"""Lazy view exports: a package names its views, and they are imported when first asked for.

``import widgets.timer`` then stays free of ipywidgets, so a page pays only for the views it shows.
"""

from __future__ import annotations

from importlib import import_module


def lazy_views(package: str, views: dict[str, str], namespace: dict):
    """Return a module's ``__getattr__`` and ``__dir__`` that load ``views`` on first use.

    ``views`` maps each public name to the module that defines it; ``namespace`` is the package's
    ``globals()`` (what ``dir()`` lists besides the views).
    """

    def __getattr__(name: str):
        if name in views:
            return getattr(import_module(views[name]), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    def __dir__():
        return sorted(set(namespace) | set(views))

    return __getattr__, __dir__
