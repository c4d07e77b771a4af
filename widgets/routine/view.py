"""The guided routine's view: the current exercise with its picture, and a hold/rest timer."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable

import ipywidgets as w

from widgets.routine.model import CONTENT, Routine, RoutineStatus
from widgets.tick import Tick
from widgets.timer.model import format_clock
from widgets.timer.pictures import stretch_svg
from widgets.ui import PALETTE, disclaimer, message, show_message

_TEXT = "#1a1a1a"


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


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
    Call :meth:`refresh` to bring the display up to the clock; a hidden ``Play`` calls it once a
    second while the routine runs.
    """

    def __init__(
        self,
        exercises: Iterable[str] | None = None,
        *,
        clock: Callable[[], float] | None = None,
    ) -> None:
        super().__init__()
        self.add_class("bsc-routine")
        self._routine = Routine(exercises, **({"clock": clock} if clock else {}))
        self._intro = w.HTML(
            f'<p style="line-height:1.4;margin:0.3em 0;color:{_TEXT}">'
            f"{_esc(CONTENT.start.text)} "
            f'<span style="color:{PALETTE["muted"]};font-size:0.85em">(Source: '
            f"{_esc(CONTENT.start.source)})</span></p>"
            f'<p role="note" style="line-height:1.4;margin:0.3em 0;color:{PALETTE["emergency"]}">'
            f"<strong>⚠ {_esc(CONTENT.caution.text)}</strong> "
            f'<span style="color:{PALETTE["muted"]};font-size:0.85em">(Source: '
            f"{_esc(CONTENT.caution.source)})</span></p>"
        )
        self._exercise = w.HTML()
        self._exercise.add_class("bsc-routine-exercise")
        self._timer = w.HTML()
        self._timer.add_class("bsc-routine-timer")
        self._progress = w.IntProgress(
            value=0, min=0, max=len(self._routine.exercises), description="Exercises done",
            style={"description_width": "initial"},
        )  # fmt: skip
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
        self._msg = message()
        self._tick = Tick(on_tick=self.refresh)  # the page asks for a redraw each second
        self.children = [
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

    def _button(self, text: str, icon: str, tip: str, action) -> w.Button:
        b = w.Button(description=text, icon=icon, tooltip=tip)
        b.on_click(lambda _: self._act(action))
        return b

    @property
    def routine(self) -> Routine:
        """The model this view shows."""
        return self._routine

    def _start_or_resume(self) -> None:
        if self._routine.state == "paused":
            self._routine.resume()
        else:
            self._routine.start()

    def _act(self, action) -> None:
        try:
            action()
        except ValueError as exc:
            show_message(self._msg, str(exc))
        else:
            show_message(self._msg, "")
        self.refresh()

    def refresh(self) -> RoutineStatus:
        """Bring the display up to the clock; returns what was shown."""
        st = self._routine.status()
        ex = st.exercise
        count = len(self._routine.exercises)
        muted = PALETTE["muted"]
        self._exercise.value = (
            '<div style="display:flex;gap:1em;align-items:flex-start;flex-wrap:wrap;'
            f'color:{_TEXT}">'
            f"{stretch_svg(ex.picture, ex.name)}"
            '<div style="flex:1;min-width:16em">'
            f'<p style="margin:0;color:{muted}">Exercise {st.index + 1} of {count}</p>'
            '<h3 class="bsc-routine-name" style="margin:0.2em 0;font-size:1.3em">'
            f"{_esc(ex.name)}</h3>"
            f'<p style="line-height:1.4;margin:0.3em 0">{_esc(ex.how)}</p>'
            f'<p style="line-height:1.4;margin:0.3em 0"><strong>Dose from the source:</strong> '
            f"{_esc(ex.dose)}</p>"
            f'<p style="line-height:1.4;margin:0.3em 0"><strong>This routine:</strong> '
            f"{_esc(ex.count)} Hold {ex.hold_seconds} s, relax {self._routine.rest_seconds:g} s "
            "between holds (the rest is the course's choice).</p>"
            f'<p style="line-height:1.4;margin:0;font-size:0.85em;color:{muted}">'
            f"Source: {_esc(ex.source)} Timing: {_esc(ex.timing_source)}</p>"
            "</div></div>"
        )
        if st.state == "done":
            words, colour = "Well done: routine finished", PALETTE["self-care"]
        elif st.state == "idle":
            words, colour = "Press Start when you are in position", muted
        elif st.phase == "hold":
            words, colour = f"Hold — {st.rep} of {ex.reps}", PALETTE["info"]
        else:
            nxt = "next exercise" if st.rep == ex.reps else f"hold {st.rep + 1} of {ex.reps}"
            words, colour = f"Relax — then {nxt}", PALETTE["self-care"]
        if st.state == "paused":
            words = f"Paused ({words})"
        seconds = st.seconds_left if st.state in ("running", "paused") else 0
        digits = format_clock(seconds) if st.state != "idle" else format_clock(ex.hold_seconds)
        self._timer.value = (
            '<div style="display:flex;align-items:baseline;gap:0.6em;flex-wrap:wrap">'
            '<span class="bsc-routine-digits" role="timer" '
            'style="font-size:2.4em;font-weight:bold;'
            f'font-variant-numeric:tabular-nums;color:{_TEXT}">{digits}</span>'
            f'<span class="bsc-routine-state" role="status" aria-live="polite" '
            f'style="font-size:1.2em;color:{colour}">{_esc(words)}</span></div>'
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
