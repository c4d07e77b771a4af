"""The guided routine's view: the current exercise with its picture, and a hold/rest timer."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape

import ipywidgets as w

from widgets.routine.model import CONTENT, Routine, RoutineStatus
from widgets.timer.model import format_clock
from widgets.timer.pictures import stretch_svg
from widgets.ui import PALETTE, action_button, disclaimer, message, run_action, stylesheet, tick


class GuidedRoutine(w.VBox):
    """Walk through the core and flexibility routine with Start, Pause, Skip and Back.

    Parameters
    ----------
    exercises : iterable of str, optional
        Exercise ids to include, in order; default the whole routine.
    clock : callable, optional
        Monotonic clock (tests pass a fake one).

    Notes
    -----
    Call :meth:`refresh` to bring the display up to the clock; a hidden ``Tick`` calls it once a
    second while the routine runs.
    """

    def __init__(
        self,
        exercises: Iterable[str] | None = None,
        *,
        clock: Callable[[], float] | None = None,
    ) -> None:
        super().__init__()
        self.add_class("bsc-tool")
        self.add_class("bsc-routine")
        self._routine = Routine(exercises, **({"clock": clock} if clock else {}))
        self._intro = w.HTML(
            '<p class="bsc-p bsc-text">'
            f"{escape(CONTENT.start.text)} "
            '<span class="bsc-source">(Source: '
            f"{escape(CONTENT.start.source)})</span></p>"
            f'<p role="note" class="bsc-p {PALETTE["emergency"]}">'
            f"<strong>⚠ {escape(CONTENT.caution.text)}</strong> "
            '<span class="bsc-source">(Source: '
            f"{escape(CONTENT.caution.source)})</span></p>"
        )
        self._exercise = w.HTML()
        self._exercise.add_class("bsc-routine-exercise")
        self._timer = w.HTML()
        self._timer.add_class("bsc-routine-timer")
        self._progress = w.IntProgress(
            value=0, min=0, max=len(self._routine.exercises), description="Exercises done",
            style={"description_width": "initial"},
        )  # fmt: skip
        self._msg = message()
        self._start = self._button("Start", "play", "Start the routine", self._start_or_resume)
        self._pause = self._button("Pause", "pause", "Stop the clock for now", self._routine.pause)
        self._back = self._button(
            "Back", "step-backward", "Go back to the start of this or the last exercise",
            self._routine.back,
        )  # fmt: skip
        self._skip = self._button(
            "Skip", "step-forward", "Go on to the next exercise", self._routine.skip
        )
        self._reset = self._button(
            "Reset", "undo", "Go back to the first exercise", self._routine.reset
        )
        self._tick = tick("Routine tick", self.refresh)
        self.children = [
            stylesheet(),
            self._intro,
            self._exercise,
            self._timer,
            self._progress,
            w.HBox(
                [self._start, self._pause, self._back, self._skip, self._reset],
                layout=w.Layout(flex_flow="row wrap"),
            ),
            self._msg,
            self._tick,
            disclaimer(),
        ]
        self.refresh()

    def _act(self, action) -> None:
        """Run ``action`` as a button does: say why in the message area if it could not, redraw."""
        run_action(self._msg, action)
        self.refresh()

    def _button(self, text: str, icon: str, tip: str, action) -> w.Button:
        return action_button(text, icon, tip, action, self._msg, self.refresh)

    @property
    def routine(self) -> Routine:
        """The model this view shows."""
        return self._routine

    def _start_or_resume(self) -> None:
        if self._routine.state == "paused":
            self._routine.resume()
        else:
            self._routine.start()

    def refresh(self) -> RoutineStatus:
        """Bring the display up to the clock; returns what was shown."""
        st = self._routine.status()
        ex = st.exercise
        count = len(self._routine.exercises)
        muted = PALETTE["muted"]
        self._exercise.value = (
            '<div class="bsc-split">'
            f"{stretch_svg(ex.picture, ex.name)}"
            '<div class="bsc-grow">'
            f'<p class="bsc-p-tight {muted}">Exercise {st.index + 1} of {count}</p>'
            '<h3 class="bsc-routine-name">'
            f"{escape(ex.name)}</h3>"
            f'<p class="bsc-p">{escape(ex.how)}</p>'
            '<p class="bsc-p"><strong>Dose from the source:</strong> '
            f"{escape(ex.dose)}</p>"
            '<p class="bsc-p"><strong>This routine:</strong> '
            f"{escape(ex.count)} Hold {ex.hold_seconds} s, relax {self._routine.rest_seconds:g} s "
            "between holds (the rest is the course's choice).</p>"
            '<p class="bsc-p-tight bsc-source">'
            f"Source: {escape(ex.source)} Timing: {escape(ex.timing_source)}</p>"
            "</div></div>"
        )
        if st.state == "done":
            words, tone = "Well done: routine finished", PALETTE["self-care"]
        elif st.state == "idle":
            words, tone = "Press Start when you are in position", muted
        elif st.phase == "hold":
            words, tone = f"Hold — {st.rep} of {ex.reps}", PALETTE["info"]
        else:
            nxt = "next exercise" if st.rep == ex.reps else f"hold {st.rep + 1} of {ex.reps}"
            words, tone = f"Relax — then {nxt}", PALETTE["self-care"]
        if st.state == "paused":
            words = f"Paused ({words})"
        seconds = st.seconds_left if st.state in ("running", "paused") else 0
        digits = format_clock(seconds) if st.state != "idle" else format_clock(ex.hold_seconds)
        self._timer.value = (
            '<div class="bsc-row">'
            f'<span class="bsc-digits bsc-routine-digits" role="timer">{digits}</span>'
            f'<span class="bsc-routine-state bsc-state-words {tone}" role="status" '
            f'aria-live="polite">{escape(words)}</span></div>'
        )
        self._progress.value = count if st.state == "done" else st.index
        state = st.state
        self._start.description = {"paused": "Resume", "done": "Start again"}.get(state, "Start")
        self._start.disabled = state == "running"
        self._pause.disabled = state != "running"
        self._skip.disabled = state == "done"
        self._reset.disabled = state == "idle" and st.index == 0
        running = state == "running"
        if self._tick.playing != running:
            self._tick.playing = running
        return st
