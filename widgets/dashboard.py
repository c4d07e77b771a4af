"""The app page: the three tools on one page, in tabs: ``widgets.Dashboard``.

The tabs are a row of toggle buttons over an ``ipywidgets.Stack`` rather than ``ipywidgets.Tab``:
Lumino's tab bar cannot be reached with the Tab key and its inactive labels miss AA contrast,
while buttons are focusable, operable with Enter or Space, and say which one is pressed.

A learner keeps this page open all day, so it must load fast. Only the first tab's tool (the
sitting timer, the one used all day) is built up front; the nutrient checklist and the symptom
self-check are built the first time their tab is chosen. The tabs are the course manifest's
(``widgets/data/course.toml``, ``[[dashboard.tool]]``). A kernel that never shows a tab never
pays for it, and the page is ready as soon as the timer is drawn.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

import ipywidgets as w

from widgets.course import COURSE
from widgets.ui import stylesheet

#: The dashboard's tools in tab order (title, view, what it does): the course manifest's.
TOOLS = COURSE.tools


def _builder(view: str) -> Callable[[], w.Widget]:
    # ``widgets`` imports each view only when it is asked for (a tab not chosen costs nothing).
    return lambda: getattr(import_module("widgets"), view)()


class Dashboard(w.VBox):
    """The sitting timer, nutrient checklist and symptom self-check, one tab each.

    Parameters
    ----------
    builders : sequence of callables, optional
        One per tab, each returning the tab's tool; by default the three course tools. Tests pass
        cheap stand-ins to check that a tab is built once, on first selection.

    Attributes
    ----------
    tools : list
        The tool shown in each tab, or ``None`` for a tab not chosen yet.

    Examples
    --------
    >>> from widgets import Dashboard
    >>> Dashboard()  # doctest: +SKIP
    """

    def __init__(self, builders=None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.add_class("bsc-tool")
        self.add_class("bsc-dashboard")
        self._builders = list(builders or [_builder(tool.view) for tool in TOOLS])
        self.tools: list[w.Widget | None] = [None] * len(self._builders)
        self._panes = [w.VBox() for _ in self._builders]
        for i, pane in enumerate(self._panes):
            pane.add_class("bsc-dashboard-pane")
            pane.add_class(f"bsc-dashboard-pane-{i}")
        titles = [tool.title for tool in TOOLS[: len(self._panes)]]
        self._tabs = w.ToggleButtons(
            options=titles,
            index=0,
            description="Tool",
            tooltips=[f"Show the {t.title.lower()}: it {t.what}" for t in TOOLS],
            style={"button_width": "auto"},
        )
        self._tabs.add_class("bsc-dashboard-tabs")
        self._stack = w.Stack(children=self._panes, selected_index=0)
        self._stack.add_class("bsc-dashboard-stack")
        self._tabs.observe(self._on_select, names="index")
        self._build(0)
        self.children = [stylesheet(), self._tabs, self._stack]

    def _on_select(self, change) -> None:
        if change["new"] is not None:
            self._build(change["new"])
            self._stack.selected_index = change["new"]

    def _build(self, index: int) -> None:
        if self.tools[index] is None:
            self.tools[index] = self._builders[index]()
            self._panes[index].children = [self.tools[index]]

    def select(self, index: int) -> None:
        """Show tab ``index`` (0 timer, 1 checklist, 2 self-check), building its tool if needed."""
        if not 0 <= index < len(self._panes):
            raise ValueError(
                f"There are {len(self._panes)} tabs: choose 0 to {len(self._panes) - 1}."
            )
        self._tabs.index = index
