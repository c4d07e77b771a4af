"""Small pieces every view shares.

The course stylesheet, the disclaimer, field messages, the browser-driven tick and the
run-an-action-and-say-what-went-wrong runner.

Views import from here rather than re-inventing a message label, a disclaimer or a tick.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from importlib.resources import files

import ipywidgets as w

from widgets.text import DISCLAIMER
from widgets.tick import Tick

__all__ = ["DISCLAIMER", "PALETTE", "disclaimer", "message", "show_message"]


#: The course's tones, each the CSS class that colours text in it (``widgets/course.css``). The
#: colours themselves are built on JupyterLab's theme variables, so every theme is followed.
TONES = ("emergency", "urgent", "see-doctor", "self-care", "info", "muted")
PALETTE = {tone: f"bsc-tone-{tone}" for tone in TONES}

#: The shared stylesheet widget of this kernel (see :func:`stylesheet`).
_SHEET: list[w.HTML] = []


def course_css() -> str:
    """The text of the course stylesheet, ``widgets/course.css``."""
    return files("widgets").joinpath("course.css").read_text(encoding="utf-8")


def stylesheet() -> w.HTML:
    """The course stylesheet as a widget: put it among a view's children.

    Returns
    -------
    ipywidgets.HTML
        One ``<style>`` widget per kernel, shared by every view that shows it, so the CSS
        crosses to the page once however many tools a page has.

    Notes
    -----
    An ``ipywidgets.HTML`` holding a ``<style>`` is drawn the same way by every front end the
    course runs in (Voila, JupyterLab, Notebook 7, Voici / JupyterLite): it needs neither the
    Voila template nor an anywidget front end, and it keeps working when a learner re-runs or
    clears one tool's cell in JupyterLab, since each view shows its own copy of the one model.
    """
    if not _SHEET or _SHEET[0].comm is None:  # closed (a test's close_all): make a new one
        sheet = w.HTML(f"<style>{course_css()}</style>", layout=w.Layout(display="none"))
        sheet.add_class("bsc-stylesheet")
        _SHEET[:] = [sheet]
    return _SHEET[0]


def disclaimer() -> w.HTML:
    """The education-not-diagnosis notice, as a widget."""
    return w.HTML(
        f'<p class="bsc-disclaimer" role="note"><strong>Please note:</strong> '
        f"{html.escape(DISCLAIMER)}</p>"
    )


def message() -> w.HTML:
    """An empty message area to sit next to a field; fill it with :func:`show_message`."""
    return w.HTML("", layout=w.Layout(min_height="0"))


def show_message(area: w.HTML, text: str, kind: str = "error") -> None:
    """Show ``text`` (escaped) in ``area``; ``kind`` is "error", "info" or "ok"; "" clears it."""
    if not text:
        area.value = ""
        return
    role = "alert" if kind == "error" else "status"
    prefix = {"error": "⚠ ", "ok": "✓ "}.get(kind, "")
    area.value = (
        f'<span class="bsc-message bsc-message-{kind}" role="{role}">'
        f"{prefix}{html.escape(text)}</span>"
    )


def run_action(area: w.HTML, action: Callable[..., object], *args: object) -> bool:
    """Run ``action(*args)``; a ``ValueError`` is shown in ``area`` in its own words.

    Parameters
    ----------
    area : ipywidgets.HTML
        The message area under the buttons (:func:`message`); cleared first.
    action : callable
        A model's method; it raises ``ValueError`` with a sentence a learner can read.
    *args
        Passed to ``action``.

    Returns
    -------
    bool
        Whether the action ran without complaint.
    """
    show_message(area, "")
    try:
        action(*args)
    except ValueError as exc:
        show_message(area, str(exc))
        return False
    return True


def action_button(
    description: str,
    icon: str,
    tooltip: str,
    action: Callable[[], object],
    area: w.HTML,
    refresh: Callable[[], object],
    **kwargs,
) -> w.Button:
    """A button that runs a model's ``action``, says in ``area`` why it could not, then refreshes.

    Parameters
    ----------
    description, icon, tooltip : str
        What the button says, its Font Awesome icon and its tooltip.
    action : callable
        The model's method to run (see :func:`run_action`).
    area : ipywidgets.HTML
        The view's message area under its buttons.
    refresh : callable
        The view's redraw, called after every click.
    **kwargs
        More ``ipywidgets.Button`` traits (a shared ``layout``, say).
    """
    button = w.Button(description=description, icon=icon, tooltip=tooltip, **kwargs)

    def click(_button: w.Button) -> None:
        run_action(area, action)
        refresh()

    button.on_click(click)
    return button


def tick(description: str, refresh: Callable[[], object]) -> Tick:
    """A hidden, browser-driven tick that calls ``refresh`` once a second while it plays.

    Parameters
    ----------
    description : str
        What it is for ("Timer tick"); it is never shown.
    refresh : callable
        Called with no argument on every step.

    Returns
    -------
    widgets.tick.Tick
        Set ``playing`` to start or stop it. The kernel never sleeps or loops: the browser's
        clock steps the value, a late step (a hidden tab) only delays the display, and the tick
        stops as soon as the page is left (see :mod:`widgets.tick`).
    """
    return Tick(on_tick=refresh, description=description)
