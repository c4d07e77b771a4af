"""Lesson 07's views: the cold/heat planner with its session timer, and the evidence table."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import ipywidgets as w

from widgets.planner.model import (
    CONTENT,
    Advice,
    Line,
    PackSession,
    load_evidence,
    onset_hours,
    plan,
)
from widgets.ui import (
    PALETTE,
    action_button,
    disclaimer,
    message,
    show_message,
    stylesheet,
    tick,
)

_NAMES = {"heat": "Heat", "cold": "Cold"}


def _line_html(line: Line) -> str:
    return (
        f"<li>{escape(line.text)} "
        '<span class="bsc-source">(Source: '
        f"{escape(line.source)})</span></li>"
    )


class HeatColdPlanner(w.VBox):
    """Ask when the pain started and which cautions apply; show what fits and time a session.

    Parameters
    ----------
    clock : callable, optional
        Monotonic clock for the session timer (tests pass a fake one).

    Notes
    -----
    Call :meth:`refresh` to bring the session display up to the clock; a hidden ``Tick`` calls it
    once a second while a session runs.
    """

    def __init__(self, *, clock: Callable[[], float] | None = None) -> None:
        super().__init__()
        self.add_class("bsc-tool")
        self.add_class("bsc-planner")
        self._session = PackSession(CONTENT.heat_minutes, **({"clock": clock} if clock else {}))
        style = {"description_width": "initial"}
        self._amount = w.Text(
            value="", description="The pain started this long ago",
            placeholder="e.g. 2", continuous_update=False, style=style,
            layout=w.Layout(width="22em"),
        )  # fmt: skip
        self._unit = w.Dropdown(
            options=[("hours ago", "hours"), ("days ago", "days")], value="hours",
            description="Unit", style=style, layout=w.Layout(width="12em"),
        )  # fmt: skip
        self._onset_msg = message()
        self._show = w.Button(
            description="Show what fits", icon="check", tooltip="Show what the sources suggest now"
        )
        self._show.on_click(lambda _: self.update())
        self._cautions = {
            c.id: w.Checkbox(
                value=False,
                description=c.label,
                indent=False,
                style=style,
                layout=w.Layout(width="auto"),
            )  # fmt: skip
            for c in CONTENT.cautions
        }
        for box in self._cautions.values():
            box.observe(lambda _: self.update(), names="value")
        for field in (self._amount, self._unit):
            field.observe(lambda _: self.update(), names="value")
        cautions_box = w.VBox(
            [w.HTML("<strong>Tick any that apply to you:</strong>"), *self._cautions.values()]
        )
        self._advice = w.HTML()
        self._advice.add_class("bsc-planner-advice")

        self._pack = w.ToggleButtons(
            options=[("Heat", "heat"), ("Cold", "cold")], value="heat",
            description="Pack", tooltips=["Time a heat session", "Time a cold session"],
        )  # fmt: skip
        self._pack.observe(lambda _: self._choose_pack(), names="value")
        self._digits = w.HTML()
        self._digits.add_class("bsc-planner-session")
        self._session_msg = message()
        self._start = self._button(
            "Start session", "play", "Start timing a session", self._do_start
        )
        self._pause = self._button("Pause", "pause", "Stop the clock for now", self._session.pause)
        self._resume = self._button("Resume", "play", "Carry on", self._session.resume)
        self._reset = self._button(
            "Reset", "undo", "Stop and go back to the start", self._session.reset
        )
        self._tick = tick("Session tick", self.refresh)
        session_box = w.VBox(
            [
                w.HTML("<h3 class='bsc-subheading bsc-question-words'>Time a session</h3>"),
                self._pack,
                self._digits,
                w.HBox(
                    [self._start, self._pause, self._resume, self._reset],
                    layout=w.Layout(flex_flow="row wrap"),
                ),
                self._session_msg,
                self._tick,
            ]
        )
        self.children = [
            stylesheet(),
            w.HBox([self._amount, self._unit, self._show], layout=w.Layout(flex_flow="row wrap")),
            self._onset_msg,
            cautions_box,
            self._advice,
            session_box,
            disclaimer(),
        ]
        self._advice_now: Advice | None = None
        self.update()

    def _button(self, text: str, icon: str, tip: str, action) -> w.Button:
        return action_button(text, icon, tip, action, self._session_msg, self.refresh)

    # -- advice ---------------------------------------------------------------------------

    @property
    def cautions(self) -> list[str]:
        """The ids of the cautions ticked."""
        return [cid for cid, box in self._cautions.items() if box.value]

    def update(self) -> Advice | None:
        """Read the fields, show the advice (or a message), and fit the session to it."""
        ticked = self.cautions
        try:
            hours = onset_hours(self._amount.value, self._unit.value)
        except ValueError as exc:
            hours = None
            empty = not self._amount.value.strip()
            show_message(self._onset_msg, str(exc), "info" if empty else "error")
        else:
            show_message(self._onset_msg, "")
        # The session limits depend only on the cautions, so they apply before an onset is typed.
        current = plan(hours if hours is not None else 0, ticked)
        self._advice_now = current if hours is not None else None
        self._advice.value = self._advice_html(current) if hours is not None else ""
        self._fit_session(current)
        return self._advice_now

    def _advice_html(self, advice: Advice) -> str:
        packs = "".join(self._pack_html(advice.pack(p)) for p in ("heat", "cold"))
        return (
            '<div class="bsc-panel bsc-panel-side bsc-border-info">'
            '<p class="bsc-planner-headline bsc-lead" role="status">'
            f"{escape(advice.headline)}</p>"
            '<ul class="bsc-list">'
            f"{''.join(_line_html(x) for x in advice.lines)}</ul>"
            f'<div class="bsc-split">{packs}</div></div>'
        )

    def _pack_html(self, pack) -> str:
        name = _NAMES[pack.pack]
        if pack.usable:
            tone, verdict = (
                "self-care",
                f"{name}: up to {pack.minutes} minutes a session",
            )
        else:
            tone, verdict = (
                "emergency",
                f"{name}: not for you now, unless a clinician advises it",
            )
        return (
            f'<div class="bsc-planner-{pack.pack} bsc-panel bsc-pack bsc-border-{tone}">'
            f'<p class="bsc-pack-verdict {PALETTE[tone]}">'
            f"{'✓' if pack.usable else '✗'} {escape(verdict)}</p>"
            '<ul class="bsc-list">'
            f"{''.join(_line_html(x) for x in pack.lines)}</ul></div>"
        )

    # -- session --------------------------------------------------------------------------

    def _fit_session(self, advice: Advice) -> None:
        pack = advice.pack(self._pack.value)
        if pack.usable and self._session.state == "idle" and self._session.minutes != pack.minutes:
            self._session.minutes = pack.minutes
        self.refresh()

    def _choose_pack(self) -> None:
        self._session.reset()
        show_message(self._session_msg, "")
        self.update()

    def _current(self) -> Advice:
        return plan(self._advice_now.hours if self._advice_now else 0, self.cautions)

    def _do_start(self) -> None:
        pack = self._current().pack(self._pack.value)
        if not pack.usable:
            raise ValueError(
                f"With the cautions you ticked, do not time a {pack.pack} session: "
                "ask a clinician first."
            )
        self._session.minutes = pack.minutes
        self._session.start()

    def refresh(self) -> str:
        """Bring the session display up to the clock; returns the session's state."""
        s = self._session
        state = s.state
        pack = self._current().pack(self._pack.value)
        name = _NAMES[self._pack.value]
        if not pack.usable and state == "idle":
            caption = f"{name} is not advised with the cautions you ticked."
        elif state == "done":
            caption = f"Time is up: take the {name.lower()} pack off and let your skin recover."
        elif state == "paused":
            caption = "Paused"
        elif state == "running":
            caption = f"left of this {name.lower()} session"
        else:
            caption = f"A {name.lower()} session of {s.length_text()}. Wrap the pack first."
        tone = PALETTE["self-care"] if state == "done" else PALETTE["muted"]
        self._digits.value = (
            '<div class="bsc-row">'
            '<span class="bsc-digits bsc-planner-digits" role="timer">'
            f"{s.clock_text()}</span>"
            f'<span class="bsc-planner-state {tone}" role="status">'
            f"{escape(caption)}</span></div>"
        )
        self._start.disabled = state in ("running", "paused") or not pack.usable
        self._start.description = "Start again" if state == "done" else "Start session"
        self._pause.disabled = state != "running"
        self._resume.disabled = state != "paused"
        self._reset.disabled = state == "idle"
        running = state == "running"
        if self._tick.playing != running:
            self._tick.playing = running
        return state


#: Each verdict's mark and tone (its cell's tint is the class bsc-verdict-<verdict>).
_VERDICTS = {
    "recommended": ("✓", PALETTE["self-care"]),
    "option": ("~", PALETTE["see-doctor"]),
    "against": ("✗", PALETTE["emergency"]),
    "unclear": ("?", PALETTE["info"]),
    "not-covered": ("–", PALETTE["muted"]),
}


class EvidenceTable(w.VBox):
    """The treatments of lesson 07 against what each guideline says, in words and colour."""

    def __init__(self) -> None:
        super().__init__()
        self.add_class("bsc-tool")
        self.add_class("bsc-evidence")
        data = load_evidence()
        head = "".join(f'<th scope="col">{escape(c)}</th>' for c in data.columns)
        rows = []
        for row in data.rows:
            cells = []
            for cell in row.cells:
                mark, tone = _VERDICTS[cell.verdict]
                cells.append(
                    f'<td class="bsc-verdict-{cell.verdict}">'
                    f'<strong class="{tone}">{mark} {escape(data.verdicts[cell.verdict])}'
                    f"</strong><br>{escape(cell.text)}<br>"
                    '<span class="bsc-verdict-source">'
                    f"{escape(cell.source)}</span></td>"
                )
            rows.append(f'<tr><th scope="row">{escape(row.treatment)}</th>{"".join(cells)}</tr>')
        key = " · ".join(
            f'<span class="{_VERDICTS[v][1]}"><strong>{_VERDICTS[v][0]}</strong> {escape(t)}</span>'
            for v, t in data.verdicts.items()
        )
        self._table = w.HTML(
            '<div class="bsc-scroll"><table class="bsc-evidence-table"><caption>'
            "What the guidelines say about each treatment for low back pain "
            "(pain under 12 weeks, unless a cell says chronic). "
            f"Key: {key}</caption><thead><tr><th scope='col'>Treatment</th>{head}"
            f"</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
        )
        self.children = [stylesheet(), self._table]
