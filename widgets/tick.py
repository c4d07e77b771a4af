"""The display tick a live tool redraws on: :class:`Tick`.

The timer, the routine and the planner show a countdown that the kernel computes from its own
clock. Something has to ask for a redraw once a second: this widget, whose page side adds one to
:attr:`Tick.value` every :attr:`Tick.interval` ms while :attr:`Tick.playing`. It replaces a
hidden ``ipywidgets.Play``, which kept ticking while a Voila page was being left (after Voila had
closed the page's kernel connection) and logged an error at every tick; this one stops as soon as
the page is left (see ``tick.js``).

The tick is never a measure of time: a hidden tab's timers are throttled, so ticks may come a
minute apart. Tools read the time from their clock at every tick.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import anywidget
import traitlets

_HERE = Path(__file__).parent


class Tick(anywidget.AnyWidget):
    """A hidden once-a-second (by default) redraw signal for a live tool.

    Parameters
    ----------
    on_tick : callable, optional
        Called with no argument at every tick the page sends.
    interval : int
        Milliseconds between ticks (at least 100).
    """

    _esm = _HERE / "tick.js"
    value = traitlets.Int(0).tag(sync=True)
    playing = traitlets.Bool(False).tag(sync=True)
    interval = traitlets.Int(1000).tag(sync=True)
    #: What the tick is for ("Timer tick"): for whoever reads the widget tree, never shown.
    description = traitlets.Unicode("")

    def __init__(self, on_tick: Callable[[], None] | None = None, interval: int = 1000, **kwargs):
        super().__init__(interval=interval, **kwargs)
        self.layout.display = "none"
        if on_tick is not None:
            self.observe(lambda _: on_tick(), names="value")
