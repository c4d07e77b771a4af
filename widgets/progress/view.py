"""The home page's course map with what is done: ``widgets.CourseProgress()``.

An ``anywidget`` whose browser side (``progress.js``) reads the lessons visited from the
browser's ``localStorage`` and marks them, and whose "Clear my progress" button wipes them. The
kernel only sends the list of lessons; what the learner did never comes back to it.
"""

from __future__ import annotations

from pathlib import Path

import anywidget
import traitlets

from widgets.progress.model import LESSONS, STORAGE_KEY

_HERE = Path(__file__).parent


class CourseProgress(anywidget.AnyWidget):
    """The course's lessons, each marked "visited" or "not yet", and a "Clear my progress" button.

    Visits are recorded by the course's Voila template when a lesson page opens, in this
    browser only. In JupyterLab nothing is recorded, and the map says so gently (no lesson
    visited yet).

    Attributes
    ----------
    lessons : list of dict
        ``{"number", "title"}`` for every lesson, in order (sent to the browser).
    storage_key : str
        The ``localStorage`` key the visits are kept under.

    Examples
    --------
    >>> from widgets import CourseProgress
    >>> CourseProgress()  # doctest: +SKIP
    """

    _esm = (_HERE / "progress.js").read_text(encoding="utf-8")
    _css = (_HERE / "progress.css").read_text(encoding="utf-8")

    lessons = traitlets.List(traitlets.Dict()).tag(sync=True)
    storage_key = traitlets.Unicode(STORAGE_KEY).tag(sync=True)

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("lessons", [{"number": x.number, "title": x.title} for x in LESSONS])
        super().__init__(**kwargs)
        self.add_class("bsc-progress-widget")
