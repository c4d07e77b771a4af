"""The sitting timer and the desk set-up check, as widgets.

The two views are ``widgets.SittingTimer`` and ``widgets.timer.PostureCheck``.

The views only display. When a break is due, how long is left and today's tally are all worked
out by :class:`widgets.timer.model.SittingSchedule` from its clock. The display is refreshed by a
browser-driven tick (a hidden :class:`widgets.tick.Tick` that steps its value once a second
while the timer runs): no thread, no sleep, no loop in the kernel. A tick that comes late (a
hidden tab) or not at all only delays the display; the next refresh shows the right time.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import ipywidgets as w
from ipywidgets.widgets.widget_bool import CheckboxStyle
from ipywidgets.widgets.widget_button import ButtonStyle
from ipywidgets.widgets.widget_string import HTMLStyle

from widgets.progress.memory import BrowserMemory
from widgets.timer.data import Note, PostureItem, Stretch, load_posture, load_stretches
from widgets.timer.model import (
    DEFAULT_SNOOZE_MINUTES,
    MICRO_PRESETS,
    PRESETS,
    STATE_WORDS,
    SittingSchedule,
    Status,
    check_break_minutes,
    check_sit_minutes,
    format_clock,
    format_duration,
    parse_minutes,
    preset,
)
from widgets.timer.pictures import posture_svg, stretch_svg
from widgets.timer.signals import DUE_TITLE, BreakSignals
from widgets.ui import (
    PALETTE,
    action_button,
    disclaimer,
    message,
    run_action,
    show_message,
    stylesheet,
    tick,
)

CUSTOM = "custom"
OFF = "off"
#: States in which the clock runs, so the display needs its tick.
RUNNING = ("sitting", "break-due", "on-break")

_PLACES = {"standing": "at your desk: no kit needed", "floor": "on the floor: a mat or carpet"}


def _minutes_text(minutes: float) -> str:
    """A schedule time as a learner would type it: "30", "2.5" or "20 s"."""
    seconds = round(minutes * 60)
    if seconds < 60 or seconds % 60 and seconds < 600 and seconds % 30:
        return f"{seconds} s"
    return f"{minutes:g}" if minutes == round(minutes, 2) else f"{round(minutes, 2):g}"


def _schedule_words(sit_minutes: float, break_minutes: float) -> str:
    return (
        f"Sit for {format_duration(sit_minutes * 60)}, "
        f"then move for {format_duration(break_minutes * 60)}."
    )


class SittingTimer(w.VBox):
    """A sitting timer that says when to get up, suggests a movement, and keeps today's tally.

    Parameters
    ----------
    schedule : SittingSchedule, optional
        The model to show; by default a new one with the course's schedule (30 min / 3 min).
    clock : callable, optional
        Monotonic clock for a new schedule (tests pass a fake one); ignored with ``schedule``.
    wall_clock : callable, optional
        Wall clock for a new schedule's "today"; ignored with ``schedule``.

    Notes
    -----
    Call :meth:`refresh` to bring the display up to the clock; the browser's tick calls it once
    a second while the timer runs. The break reminder itself does not wait for that tick: at
    every transition the schedule's due moment goes to a
    :class:`~widgets.timer.signals.BreakSignals`, which signals it from the page (tab title,
    chime, system notification) even in a hidden tab, and asks for a refresh when it does.

    The movement suggested for a break fits a desk: standing up and walking lightly, or standing
    (the laboratory studies' and the physiotherapists' breaks). Floor exercises join the list
    only when the learner ticks that there is room for one.

    The chosen schedule and micro-pause cycle, the reminder's three switches and the floor room
    are remembered in the learner's own browser
    (:class:`~widgets.progress.memory.BrowserMemory`), so lesson 03 and the dashboard open with
    what the learner chose; the running timer and its tally are kept only in this object.
    """

    def __init__(
        self,
        schedule: SittingSchedule | None = None,
        *,
        clock: Callable[[], float] | None = None,
        wall_clock: Callable[[], object] | None = None,
    ) -> None:
        super().__init__()
        if schedule is None:
            course = PRESETS[0]
            options = {k: v for k, v in (("clock", clock), ("wall_clock", wall_clock)) if v}
            schedule = SittingSchedule(course.sit_minutes, course.break_minutes, **options)
        self._schedule = schedule
        # Children whose layout never changes share one layout and style: fewer widget models
        # for the page to create, so it is ready sooner.
        self._shared = {
            "html": {"layout": w.Layout(), "style": HTMLStyle()},
            "button": {"layout": w.Layout(), "style": ButtonStyle()},
        }
        self._caution, self._stretches = load_stretches()
        self.add_class("bsc-tool")
        self.add_class("bsc-timer")

        self._build_settings()
        self._build_display()
        self._build_alert()
        self._build_break_panel()
        self._build_micro()
        self._tally = self._html()
        self._tally.add_class("bsc-timer-tally")
        # The page asks for a redraw once a second (a hidden Tick; the time comes from the clock).
        self._tick = tick("Timer tick", self.refresh)
        self.memory = BrowserMemory("settings", "timer", self._restore)
        self._build_signals()

        self.children = [
            stylesheet(),
            self._settings,
            self._state,
            self._countdown,
            self._progress,
            self._controls,
            self._action_msg,
            self._alert,
            self._break_panel,
            self._signals,
            self._room,
            self._micro_box,
            self._tally,
            self._tick,
            disclaimer(),
            self.memory,
            self.reminders,
        ]
        self.refresh()

    # -- building ---------------------------------------------------------------------------

    def _html(self) -> w.HTML:
        return w.HTML(**self._shared["html"])

    def _button(self, **kwargs) -> w.Button:
        return w.Button(**kwargs, **self._shared["button"])

    def _build_settings(self) -> None:
        options = [(p.label, p.id) for p in PRESETS] + [("Custom: choose your own times", CUSTOM)]
        current = self._matching_preset()
        self._preset = w.Dropdown(
            options=options, value=current, description="Schedule",
            style={"description_width": "initial"},
            layout=w.Layout(width="max-content", max_width="100%"),
        )  # fmt: skip
        self._preset.observe(self._on_preset, names="value")
        field_style = {"description_width": "initial"}
        self._sit_field = w.Text(
            value=_minutes_text(self._schedule.sit_minutes), description="Sit for (minutes)",
            placeholder="3 to 120, e.g. 30", continuous_update=False, style=field_style,
        )  # fmt: skip
        self._break_field = w.Text(
            value=_minutes_text(self._schedule.break_minutes),
            description="Move for (minutes, or seconds with s)",
            placeholder="e.g. 3, or 20 s", continuous_update=False, style=field_style,
        )  # fmt: skip
        self._sit_msg = message()
        self._break_msg = message()
        self._apply = self._button(
            description="Use these times", icon="check",
            tooltip="Use the sitting and break times typed above",
        )  # fmt: skip
        self._apply.on_click(lambda _: self._apply_custom())
        for field in (self._sit_field, self._break_field):
            field.observe(lambda _: self._apply_custom(), names="value")
        self._custom = w.VBox(
            [
                w.HBox([self._sit_field, self._sit_msg], layout=w.Layout(flex_flow="row wrap")),
                w.HBox([self._break_field, self._break_msg], layout=w.Layout(flex_flow="row wrap")),
                self._apply,
            ],
            layout=w.Layout(display="flex" if current == CUSTOM else "none"),
        )
        self._custom.add_class("bsc-timer-custom")
        self._source = self._html()
        self._source.add_class("bsc-timer-source")
        self._show_source()
        self._settings = w.VBox([self._preset, self._custom, self._source])

    def _build_display(self) -> None:
        self._state = self._html()
        self._state.add_class("bsc-timer-state")
        self._countdown = self._html()
        self._countdown.add_class("bsc-timer-countdown")
        self._progress = w.FloatProgress(
            value=0, min=0, max=1, description="Progress",
            layout=w.Layout(width="min(100%, 32em)"),
        )  # fmt: skip
        self._progress.add_class("bsc-timer-progress")

        def button(text: str, icon: str, tip: str, action) -> w.Button:
            shared = self._shared["button"]
            return action_button(text, icon, tip, action, self._action_msg, self.refresh, **shared)

        self._action_msg = message()
        s = self._schedule
        self._start = button("Start", "play", "Start timing your sitting", s.start)
        self._pause = button("Pause", "pause", "Stop the clock for now", s.pause)
        self._resume = button("Resume", "play", "Carry on where you paused", s.resume)
        self._reset = button("Reset", "undo", "Stop and go back to the start", s.reset)
        self._break_now = button(
            "Take a break now", "walking", "Start a break early", s.start_break
        )
        self._controls = w.HBox(
            [self._start, self._pause, self._resume, self._reset, self._break_now],
            layout=w.Layout(flex_flow="row wrap"),
        )
        self._controls.add_class("bsc-timer-controls")

    def _build_alert(self) -> None:
        self._alert_text = self._html()
        self._took_break = self._button(
            description="I'm taking my break", icon="walking", button_style="success",
            tooltip="Start the break countdown; it counts as a break taken today",
        )  # fmt: skip
        self._took_break.on_click(lambda _: self._act(self._schedule.start_break))
        self._snooze = self._button(
            description=f"Snooze {DEFAULT_SNOOZE_MINUTES:g} min", icon="clock",
            tooltip=f"Put this break off by {DEFAULT_SNOOZE_MINUTES:g} minutes (once)",
        )  # fmt: skip
        self._snooze.on_click(lambda _: self._act(self._schedule.snooze, DEFAULT_SNOOZE_MINUTES))
        self._alert = w.VBox(
            [self._alert_text, w.HBox([self._took_break, self._snooze])],
            layout=w.Layout(display="none"),
        )
        self._alert.add_class("bsc-timer-alert")

    def _build_break_panel(self) -> None:
        self._break_text = self._html()
        self._end_break = self._button(
            description="Back to sitting", icon="chair",
            tooltip="End the break now and start the next sitting block",
        )  # fmt: skip
        self._end_break.on_click(lambda _: self._act(self._schedule.end_break))
        self._break_panel = w.VBox(
            [self._break_text, self._end_break], layout=w.Layout(display="none")
        )
        self._break_panel.add_class("bsc-timer-break")

    def _build_signals(self) -> None:
        self._signals = BreakSignals(on_due=self.refresh)
        self._room = w.Checkbox(
            value=False, indent=False, layout=w.Layout(width="auto", max_width="100%"),
            description="Room for floor exercises",
            tooltip="Tick if you have room to lie on a mat or carpet: breaks then suggest "
            "floor exercises too",
        )  # fmt: skip
        self._room.add_class("bsc-timer-room")
        self._room.observe(lambda _: self._on_room(), names="value")
        for name in ("title_on", "sound_on", "notify_on"):
            self._signals.observe(lambda _: self._remember_reminders(), names=name)
        self.reminders = BrowserMemory("settings", "timer-reminders", self._restore_reminders)

    def _build_micro(self) -> None:
        options = [("Off", OFF)] + [(p.label, p.id) for p in MICRO_PRESETS]
        self._micro_choice = w.Dropdown(
            options=options, value=self._schedule.micro.id if self._schedule.micro else OFF,
            description="Micro-pauses too",
            style={"description_width": "initial"},
            layout=w.Layout(width="max-content", max_width="100%"),
        )  # fmt: skip
        self._micro_choice.observe(self._on_micro, names="value")
        self._micro_note = self._html()
        self._micro_note.add_class("bsc-timer-nudge")
        self._micro_done = w.Button(
            description="Done", tooltip="I took the micro-pause",
            layout=w.Layout(display="none"),
        )  # fmt: skip
        self._micro_done.on_click(lambda _: self._micro_pause_taken())
        self._micro_box = w.VBox([self._micro_choice, w.HBox([self._micro_note, self._micro_done])])

    # -- reading the model ------------------------------------------------------------------

    @property
    def schedule(self) -> SittingSchedule:
        """The model this view shows."""
        return self._schedule

    @property
    def movements(self) -> tuple[Stretch, ...]:
        """The movements breaks suggest, in turn: standing ones, and floor ones given room."""
        if self._room.value:
            return self._stretches
        return tuple(s for s in self._stretches if s.place == "standing")

    def suggestion(self, status: Status | None = None) -> Stretch:
        """The movement to suggest for the break that is due (or running)."""
        status = status or self._schedule.status()
        taken = status.tally.breaks_taken
        on_break = status.state == "on-break" or status.paused_from == "on-break"
        index = taken - 1 if on_break and taken else taken
        moves = self.movements
        return moves[index % len(moves)]

    def _next_suggestion(self, status: Status) -> Stretch:
        """The movement for the next break to fall due (after the running one, on a break)."""
        moves = self.movements
        return moves[status.tally.breaks_taken % len(moves)]

    def refresh(self) -> Status:
        """Bring everything shown up to the model's clock; returns what was shown."""
        st = self._schedule.status()
        self._show_state(st)
        self._show_countdown(st)
        self._show_buttons(st)
        self._show_alert(st)
        self._show_break(st)
        self._show_micro(st)
        self._show_tally(st)
        self._show_signals(st)
        running = st.state in RUNNING
        if self._tick.playing != running:
            self._tick.playing = running
        return st

    def _show_signals(self, st: Status) -> None:
        """Hand the page the due moment (it changes only at a transition) and what to say."""
        due = self._schedule.due_epoch
        move = self._next_suggestion(st)
        body = (
            f"You have sat for {format_duration(self._schedule.sit_seconds)}. Stand up and move "
            f"for {format_duration(self._schedule.break_seconds)}. Try: {move.name}. {move.how}"
        )
        signals = self._signals
        with signals.hold_sync():  # one message, and only for what changed
            signals.due_ms = None if due is None else float(round(due * 1000))
            signals.state = st.state
            signals.heading = f"{DUE_TITLE} ({move.name.lower()})"
            signals.body = body

    def _show_state(self, st: Status) -> None:
        words = STATE_WORDS[st.state]
        if st.state == "paused":
            words += {
                "sitting": " (sitting time stopped)",
                "break-due": " (your break is due)",
                "on-break": " (break time stopped)",
            }.get(st.paused_from or "", "")
        tone = {
            "break-due": PALETTE["emergency"],
            "on-break": PALETTE["self-care"],
            "paused": PALETTE["muted"],
        }.get(st.state, PALETTE["info"])
        self._state.value = (
            f'<p role="status" aria-live="polite" class="bsc-p bsc-state-line {tone}">'
            f"<strong>State:</strong> {escape(words)}</p>"
        )

    def _show_countdown(self, st: Status) -> None:
        inner = st.paused_from if st.state == "paused" else st.state
        if inner == "on-break":
            seconds, caption = st.seconds_left_in_break, "left of your break"
            done = 1 - st.seconds_left_in_break / self._schedule.break_seconds
            label, bar = "Break", "success"
        elif inner == "idle":
            seconds, caption = st.seconds_until_break, "of sitting before your first break"
            done, label, bar = 0.0, "Sitting", ""
        else:
            seconds = st.seconds_until_break
            caption = "your break is due now" if inner == "break-due" else "until your break"
            total = st.seconds_sitting + st.seconds_until_break
            done = st.seconds_sitting / total if total else 1.0
            label, bar = "Sitting", "danger" if inner == "break-due" else "info"
        self._countdown.value = (
            '<div class="bsc-row">'
            '<span class="bsc-digits bsc-timer-digits" role="timer">'
            f"{format_clock(seconds)}</span>"
            f'<span class="{PALETTE["muted"]}">{escape(caption)}</span></div>'
        )
        self._progress.value = min(1.0, max(0.0, done))
        self._progress.description = label
        self._progress.bar_style = bar

    def _show_buttons(self, st: Status) -> None:
        state = st.state
        self._start.disabled = state != "idle"
        self._pause.disabled = state not in RUNNING
        self._resume.disabled = state != "paused"
        self._reset.disabled = state == "idle"
        self._break_now.disabled = state not in ("sitting", "break-due")
        self._snooze.disabled = st.snoozes_left <= 0

    def _show_alert(self, st: Status) -> None:
        if st.state != "break-due":
            self._alert.layout.display = "none"
            self._alert_text.value = ""
            return
        s = self._schedule
        move = self.suggestion(st)
        snooze_note = (
            f"You can put it off once by {DEFAULT_SNOOZE_MINUTES:g} minutes."
            if st.snoozes_left
            else "You have already put this break off once: take it now."
        )
        sat = st.seconds_sitting + (self._schedule.seconds_until_due() or 0.0)
        self._alert_text.value = (
            '<div role="alert" tabindex="-1" class="bsc-panel bsc-panel-thick bsc-panel-emergency">'
            f'<p class="bsc-alert-title {PALETTE["emergency"]}">'
            "⚠ Time to move: your break is due</p>"
            "<p class='bsc-p'>You have sat for "
            f"{escape(format_duration(sat))}. Stand up and move for "
            f"{escape(format_duration(s.break_seconds))}. {escape(snooze_note)}</p>"
            f"{self._movement_html(move)}</div>"
        )
        self._alert.layout.display = "flex"

    def _movement_html(self, move: Stretch) -> str:
        caution = (
            f'<p class="bsc-p bsc-source">{escape(self._caution.text)}</p>'
            if move.place == "floor"
            else ""
        )
        return (
            '<div class="bsc-timer-stretch bsc-split">'
            f"{stretch_svg(move.picture, move.name)}"
            '<div class="bsc-grow">'
            '<p class="bsc-p-tight bsc-state-words"><strong>Try: '
            f'<span class="bsc-timer-stretch-name">{escape(move.name)}</span></strong> '
            f'<span class="{PALETTE["muted"]}">({escape(_PLACES[move.place])})</span></p>'
            f'<p class="bsc-p">{escape(move.how)}</p>'
            '<p class="bsc-p"><strong>How much:</strong> '
            f"{escape(move.dose)}</p>"
            f"{caution}"
            f'<p class="bsc-p-tight bsc-source">Source: {escape(move.source)}</p>'
            "</div></div>"
        )

    def _show_break(self, st: Status) -> None:
        on_break = st.state == "on-break" or st.paused_from == "on-break"
        if not on_break:
            self._break_panel.layout.display = "none"
            self._break_text.value = ""
            return
        self._break_text.value = (
            '<div class="bsc-panel bsc-panel-self-care">'
            f'<p class="bsc-p-tight bsc-pack-verdict {PALETTE["self-care"]}">'
            "On your break: the next sitting block starts by itself when the break time is "
            "over.</p>"
            f"{self._movement_html(self.suggestion(st))}</div>"
        )
        self._break_panel.layout.display = "flex"

    def _show_tally(self, st: Status) -> None:
        t = st.tally
        blocks = len(t.blocks)
        text = (
            f"<strong>Today:</strong> "
            f'<span class="bsc-tally-blocks">{blocks} sitting block{"s" * (blocks != 1)}</span>'
            f" · "
            f'<span class="bsc-tally-breaks">{t.breaks_taken} '
            f"break{'s' * (t.breaks_taken != 1)} taken</span> · "
            f'<span class="bsc-tally-longest">longest stretch sitting '
            f"{escape(format_duration(t.longest_seconds))}</span> · "
            f"{escape(format_duration(t.sitting_seconds))} sitting in all"
        )
        self._tally.value = (
            f'<div class="bsc-tally"><p class="bsc-p">{text}</p>{self._tally_chart(t.blocks)}</div>'
        )

    def _tally_chart(self, blocks: tuple[float, ...]) -> str:
        """Bars of today's last sitting blocks, with a dashed line at the sitting limit."""
        if not blocks:
            return ""
        shown = blocks[-8:]
        limit = self._schedule.sit_seconds
        scale = max(max(shown), limit)
        width, bar_w, row = 360, 250, 18
        height = row * len(shown) + 6
        minutes = ", ".join(format_duration(b) for b in shown)
        label = f"Sitting blocks today, oldest first: {minutes}."
        out = [
            f'<svg role="img" aria-label="{escape(label)}" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">'
            f"<title>{escape(label)}</title>"
        ]
        longest = max(shown)
        for i, seconds in enumerate(shown):
            y = 3 + i * row
            length = max(2.0, bar_w * seconds / scale)
            fill = "bsc-fill-emergency" if seconds > limit else "bsc-fill-info"
            mark = " (longest)" if seconds == longest and len(shown) > 1 else ""
            out.append(
                f'<rect class="{fill}" x="0" y="{y}" width="{length:.1f}" height="{row - 5}" '
                'rx="2"/>'
                f'<text class="bsc-fill-text" x="{length + 4:.1f}" y="{y + row - 8}" '
                f'font-size="11" font-family="sans-serif">{escape(format_duration(seconds))}'
                f"{mark}</text>"
            )
        x = bar_w * limit / scale
        out.append(
            f'<line class="bsc-stroke-muted" x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height}" '
            'stroke-dasharray="3 3"/></svg>'
        )
        return "".join(out)

    # -- micro-pauses ------------------------------------------------------------------------

    def _on_micro(self, change) -> None:
        self._schedule.use_micro(None if change["new"] == OFF else change["new"])
        self._remember()
        self.refresh()

    def _micro_pause_taken(self) -> None:
        self._act(self._schedule.take_micro_pause)

    def _show_micro(self, st: Status) -> None:
        """Show the micro-pause cycle the model runs on the block's sitting time."""
        ms = st.micro
        if ms is None:
            self._micro_note.value = ""
            self._micro_done.layout.display = "none"
            return
        if ms.state == "break-due":
            note = (
                "Micro-pause: take "
                f"{format_duration(ms.preset.break_minutes * 60)} away from the screen; stand "
                "up or change position, then press Done."
            )
        elif ms.state == "on-break":
            note = f"Micro-pause: {format_clock(ms.seconds_left_in_pause)} left."
        elif ms.state == "idle" and st.state == "on-break":
            note = "Micro-pauses start again when your break is over."
        elif ms.state == "idle":
            note = "Micro-pauses start with the timer."
        else:
            note = f"Next micro-pause in {format_clock(ms.seconds_until_pause)}."
        self._micro_note.value = (
            f'<span role="status" class="{PALETTE["info"]}">{escape(note)}</span>'
        )
        self._micro_done.layout.display = "inline-flex" if ms.state == "break-due" else "none"

    # -- reacting ----------------------------------------------------------------------------

    def _act(self, action, *args) -> None:
        run_action(self._action_msg, action, *args)
        self.refresh()

    def _matching_preset(self) -> str:
        s = self._schedule
        for p in PRESETS:
            if (p.sit_minutes, p.break_minutes) == (s.sit_minutes, s.break_minutes):
                return p.id
        return CUSTOM

    def _show_source(self) -> None:
        s = self._schedule
        chosen = self._preset.value
        words = _schedule_words(s.sit_minutes, s.break_minutes)
        if chosen == CUSTOM:
            detail = "Your own times."
        else:
            p = preset(chosen)
            detail = f"{p.note} Source: {p.source}"
        self._source.value = (
            f'<p class="bsc-p bsc-note"><strong>{escape(words)}</strong> {escape(detail)}</p>'
        )

    def _on_preset(self, change) -> None:
        if change["new"] == CUSTOM:
            self._custom.layout.display = "flex"
        else:
            self._custom.layout.display = "none"
            show_message(self._sit_msg, "")
            show_message(self._break_msg, "")
            self._schedule.use(change["new"])
            self._sit_field.value = _minutes_text(self._schedule.sit_minutes)
            self._break_field.value = _minutes_text(self._schedule.break_minutes)
            self._remember()
        self._show_source()
        self.refresh()

    def _apply_custom(self) -> None:
        """Check both typed times; use them only if both are good. Nothing typed is lost."""
        if self._preset.value != CUSTOM:
            return
        values = {}
        for key, field, area, check, what in (
            ("sit", self._sit_field, self._sit_msg, check_sit_minutes, "sitting time"),
            ("break", self._break_field, self._break_msg, check_break_minutes, "break time"),
        ):
            try:
                values[key] = check(parse_minutes(field.value, what))
            except ValueError as exc:
                show_message(area, str(exc))
            else:
                show_message(area, "")
        if len(values) == 2:
            self._schedule.configure(values["sit"], values["break"])
            show_message(self._break_msg, "Using these times.", "ok")
            self._remember()
        self._show_source()
        self.refresh()

    # -- remembered in the browser ----------------------------------------------------------

    def settings(self) -> dict:
        """What the browser keeps: ``{"preset": id, "micro": id}``, plus the minutes if custom."""
        kept: dict = {"preset": self._preset.value, "micro": self._micro_choice.value}
        if self._preset.value == CUSTOM:
            kept["sit"] = self._schedule.sit_minutes
            kept["break"] = self._schedule.break_minutes
        return kept

    def _remember(self) -> None:
        self.memory.remember(self.settings())

    def reminder_settings(self) -> dict:
        """What the browser keeps of the reminder: the three switches and the floor room."""
        return {**self._signals.switches(), "room": self._room.value}

    def _remember_reminders(self) -> None:
        self.reminders.remember(self.reminder_settings())

    def _on_room(self) -> None:
        self._remember_reminders()
        self.refresh()

    def _restore_reminders(self, stored: dict) -> None:
        """Put back the switches kept in the browser; values that are not true/false are ignored."""
        self._signals.restore(stored)
        if isinstance(stored.get("room"), bool):
            self._room.value = stored["room"]

    def _restore(self, stored: dict) -> None:
        """Put back the settings kept in the browser; a value that fails the checks is ignored."""
        micro = stored.get("micro")
        if isinstance(micro, str) and micro in [OFF, *(p.id for p in MICRO_PRESETS)]:
            self._micro_choice.value = micro
        chosen = stored.get("preset")
        if isinstance(chosen, str) and chosen in [p.id for p in PRESETS]:
            self._preset.value = chosen
        elif chosen == CUSTOM:
            try:
                sit = check_sit_minutes(stored.get("sit"))
                brk = check_break_minutes(stored.get("break"))
            except ValueError:
                pass  # a record edited by hand: keep the course schedule
            else:
                self._sit_field.value = _minutes_text(sit)
                self._break_field.value = _minutes_text(brk)
                self._preset.value = CUSTOM
                self._apply_custom()
                show_message(self._break_msg, "")
        if stored and stored != self.settings():
            self._remember()  # what could not be used is replaced by what is shown


class PostureCheck(w.VBox):
    """The desk set-up checklist beside a diagram of a seated person.

    Ticking an item lights up its part of the diagram (and says so in the diagram's text
    alternative). Nothing ticked is stored anywhere but in this object.
    """

    def __init__(self) -> None:
        super().__init__()
        self.add_class("bsc-tool")
        self.add_class("bsc-posture")
        about, items = load_posture()
        self._items: tuple[PostureItem, ...] = items
        self._about = w.HTML(self._note_html(about))
        self._boxes: dict[str, w.Checkbox] = {}
        rows = []
        # One layout and style shared by all the rows: fewer widget models for the page to load.
        box_layout, box_style = w.Layout(width="auto"), CheckboxStyle()
        detail_layout, detail_style = w.Layout(), HTMLStyle()
        for item in items:
            box = w.Checkbox(
                value=False, description=item.label, indent=False,
                layout=box_layout, style=box_style,
            )  # fmt: skip
            box.observe(lambda _: self.refresh(), names="value")
            box.add_class("bsc-posture-item")
            self._boxes[item.id] = box
            detail = w.HTML(
                '<p class="bsc-posture-detail">'
                f"{escape(item.detail)} "
                f'<span class="{PALETTE["muted"]}">Source: {escape(item.source)}</span></p>',
                layout=detail_layout,
                style=detail_style,
            )
            rows += [box, detail]
        self._diagram = w.HTML()
        self._diagram.add_class("bsc-posture-diagram")
        self._count = w.HTML()
        self._count.add_class("bsc-posture-count")
        self._clear = w.Button(
            description="Clear all ticks", icon="undo", tooltip="Untick every item"
        )
        self._clear.on_click(lambda _: self._clear_all())
        checklist = w.VBox(rows, layout=w.Layout(flex="1 1 22em", min_width="18em"))
        figure = w.VBox(
            [self._diagram, self._count, self._clear],
            layout=w.Layout(flex="1 1 24em", min_width="18em", margin="0 0 0 1em"),
        )
        self.children = [
            stylesheet(),
            self._about,
            w.HBox([checklist, figure], layout=w.Layout(flex_flow="row wrap")),
        ]
        self.refresh()

    @staticmethod
    def _note_html(note: Note) -> str:
        return (
            f'<p class="bsc-p">{escape(note.text)} '
            '<span class="bsc-source">Source: '
            f"{escape(note.source)}</span></p>"
        )

    @property
    def checked(self) -> set[str]:
        """The ids of the items ticked."""
        return {item_id for item_id, box in self._boxes.items() if box.value}

    def lit_parts(self) -> frozenset[str]:
        """The diagram parts lit up: a part lights when every item naming it is ticked."""
        parts = {item.part for item in self._items}
        return frozenset(
            part
            for part in parts
            if all(self._boxes[i.id].value for i in self._items if i.part == part)
        )

    def refresh(self) -> None:
        """Redraw the diagram and the count from the ticks."""
        self._diagram.value = posture_svg(self.lit_parts())
        done, total = len(self.checked), len(self._items)
        tone = PALETTE["self-care"] if done == total else PALETTE["info"]
        extra = " Your set-up matches the whole list." if done == total else ""
        self._count.value = (
            f'<p role="status" class="bsc-p {tone}">'
            f"<strong>{done} of {total}</strong> checked.{extra}</p>"
        )

    def _clear_all(self) -> None:
        for box in self._boxes.values():
            box.value = False
        self.refresh()
