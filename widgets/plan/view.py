"""My back-care plan: ask for the learner's choices, show the plan, offer it as downloads.

Voila gives each page a fresh kernel, so the plan cannot read what the learner chose on other
pages: it asks again, with sensible defaults. The downloads are ``data:`` links built in the
page, so no file is written on the server.
"""

from __future__ import annotations

import base64

import ipywidgets as w

from widgets.nutrients import FOODS
from widgets.plan.model import (
    DEFAULT_FOODS,
    FILE_STEM,
    GOAL_MAX,
    BackCarePlan,
    build_plan,
)
from widgets.routine.model import EXERCISES
from widgets.timer.model import PRESETS
from widgets.ui import disclaimer, message, show_message, stylesheet


def data_uri(text: str, mime: str) -> str:
    """``text`` as a base64 ``data:`` URI of type ``mime`` (UTF-8)."""
    encoded = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return f"data:{mime};charset=utf-8;base64,{encoded}"


class MyBackCarePlan(w.VBox):
    """Choose a sitting schedule, foods, exercises and a goal; download the one-page plan."""

    def __init__(self) -> None:
        super().__init__()
        self.add_class("bsc-tool")
        self.add_class("bsc-plan")
        style = {"description_width": "initial"}
        self._goal = w.Textarea(
            value="", description="My goal (optional)", placeholder="e.g. Walk 20 minutes a day",
            continuous_update=False, style=style, layout=w.Layout(width="min(100%, 40em)"),
        )  # fmt: skip
        self._goal_msg = message()
        self._schedule = w.Dropdown(
            options=[(p.label, p.id) for p in PRESETS], value=PRESETS[0].id,
            description="Sitting schedule", style=style, layout=w.Layout(width="max-content"),
        )  # fmt: skip
        self._foods = w.SelectMultiple(
            options=[(f"{f.name} ({f.serving})", fid) for fid, f in FOODS.items()],
            value=DEFAULT_FOODS, rows=8, description="Foods to add",
            style=style, layout=w.Layout(width="min(100%, 40em)"),
        )  # fmt: skip
        self._exercises = {
            xid: w.Checkbox(value=True, description=ex.name, indent=False)
            for xid, ex in EXERCISES.items()
        }
        self._make = w.Button(
            description="Update my plan", icon="sync", tooltip="Build the plan from your choices"
        )
        self._make.on_click(lambda _: self.update())
        for control in (self._goal, self._schedule, self._foods, *self._exercises.values()):
            control.observe(lambda _: self.update(), names="value")
        self._downloads = w.HTML()
        self._downloads.add_class("bsc-plan-downloads")
        self._preview = w.HTML()
        self._preview.add_class("bsc-plan-preview")
        self.children = [
            stylesheet(),
            self._goal,
            self._goal_msg,
            self._schedule,
            w.HTML("<small>Hold Ctrl (or ⌘ on a Mac) to pick more than one food.</small>"),
            self._foods,
            w.HTML("<strong>Exercises from the routine (lesson 08):</strong>"),
            w.VBox(list(self._exercises.values())),
            self._make,
            self._downloads,
            self._preview,
            disclaimer(),
        ]
        self.plan: BackCarePlan | None = None
        self.update()

    def update(self) -> BackCarePlan | None:
        """Build the plan from the controls; on bad input show why and keep the last plan."""
        try:
            plan = build_plan(
                schedule=self._schedule.value,
                foods=self._foods.value,
                exercises=[x for x, box in self._exercises.items() if box.value],
                goal=self._goal.value,
            )
        except ValueError as exc:
            show_message(self._goal_msg, str(exc))
            return self.plan
        left = GOAL_MAX - len(plan.goal)
        show_message(self._goal_msg, f"{left} characters left." if plan.goal else "", "info")
        self.plan = plan
        md_link = data_uri(plan.markdown(), "text/markdown")
        html_link = data_uri(plan.html(), "text/html")
        self._downloads.value = (
            '<p class="bsc-p">'
            f'<a class="bsc-plan-md" href="{md_link}" download="{FILE_STEM}.md">'
            "⬇ Download as Markdown (.md)</a>"
            f'<a class="bsc-plan-html" href="{html_link}" download="{FILE_STEM}.html">'
            "⬇ Download as a web page (.html)</a></p>"
        )
        self._preview.value = f'<div class="bsc-panel bsc-panel-plain">{plan.html_body()}</div>'
        return plan
