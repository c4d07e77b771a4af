"""The break reminder that reaches a learner in another window: ``BreakSignals``.

A sitting timer is kept open all day in a tab nobody looks at, and Chromium throttles a hidden
tab's timers (a chain of ticks, such as the display's once-a-second ``Tick``, may run only once a
minute after a few minutes hidden). So the signal is not left to the kernel's display tick. At
every transition the kernel hands this widget the due moment as an absolute wall-clock time
(:attr:`due_ms`, from :attr:`widgets.timer.model.SittingSchedule.due_epoch`), and the page
schedules the signal itself with **one** ``setTimeout`` for that moment. A single timer set for a
moment is not a chain, so a hidden tab still fires it on time (Chromium aligns it to the next
second at worst). The kernel's model stays the single source of truth: the page only signals
what the kernel said would happen, and tells the kernel when it did, so the alert is drawn
before the learner comes back.

The three signals, each with a switch the learner sees (and the timer remembers in this
browser, :class:`~widgets.progress.memory.BrowserMemory`):

* the tab title: the minutes left while sitting, then "Time to move: stand up · …" until the
  learner acts; on by default;
* a short chime made in the page with Web Audio (no audio file from anywhere), with a "Test
  sound" button; a browser plays sound only after a click on the page, so the first click on the
  timer (Start) arms it; on by default;
* a system notification (Notification API): off until the learner presses "Allow notifications",
  the only place the permission prompt comes from; where the browser refuses (denied, not a
  secure context such as a plain-http class server, no Notification API) the switch says so in
  words and the other two signals carry on.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import anywidget
import traitlets

_HERE = Path(__file__).parent

#: What the tab title says when a break is due (the page's own title follows it).
DUE_TITLE = "Time to move: stand up"


class BreakSignals(anywidget.AnyWidget):
    """The page side of the sitting timer's reminder: title, chime and system notification.

    Attributes
    ----------
    due_ms : float or None
        The moment the next break falls due, in milliseconds since the epoch (the browser's
        ``Date.now()`` scale), or None when nothing is scheduled (idle, paused).
    state : str
        The timer's state as last shown (``"idle"``, ``"sitting"``, ``"break-due"`` ...).
    heading, body : str
        The notification's title and text: what to do and which movement.
    title_on, sound_on, notify_on : bool
        The learner's switches. ``notify_on`` only takes effect once the browser has granted
        permission.
    notify_state : str
        What the browser says about notifications (set by the page): ``"unknown"`` (not drawn
        yet), ``"default"`` (not asked), ``"granted"``, ``"denied"``, ``"insecure"`` (not a secure
        context) or ``"unsupported"``.
    sound_ready : bool
        True once a click on the page has let the chime play.
    fired : int
        How many due moments the page has signalled (set by the page).
    """

    _esm = (_HERE / "signals.js").read_text(encoding="utf-8")
    _css = (_HERE / "signals.css").read_text(encoding="utf-8")

    due_ms = traitlets.Float(None, allow_none=True).tag(sync=True)
    state = traitlets.Unicode("idle").tag(sync=True)
    due_title = traitlets.Unicode(DUE_TITLE).tag(sync=True)
    heading = traitlets.Unicode(DUE_TITLE).tag(sync=True)
    body = traitlets.Unicode("").tag(sync=True)
    title_on = traitlets.Bool(True).tag(sync=True)
    sound_on = traitlets.Bool(True).tag(sync=True)
    notify_on = traitlets.Bool(False).tag(sync=True)
    notify_state = traitlets.Unicode("unknown").tag(sync=True)
    sound_ready = traitlets.Bool(False).tag(sync=True)
    fired = traitlets.Int(0).tag(sync=True)

    def __init__(self, on_due: Callable[[], None] | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.add_class("bsc-signals-widget")
        self._on_due = on_due
        self.on_msg(self._on_message)

    def _on_message(self, _widget, content, _buffers) -> None:
        # The page says the due moment has come: refresh now, so the alert is already drawn
        # when the learner comes back (the display's own tick may be throttled). The message
        # carries no data the kernel trusts: it only triggers a refresh from the kernel's clock.
        if isinstance(content, dict) and content.get("event") == "due" and self._on_due:
            self._on_due()

    def switches(self) -> dict:
        """The learner's three switches, as the browser remembers them."""
        return {"title": self.title_on, "sound": self.sound_on, "notify": self.notify_on}

    def restore(self, stored: dict) -> None:
        """Put back switches kept in the browser; anything but a true/false value is ignored."""
        for key, trait in (("title", "title_on"), ("sound", "sound_on"), ("notify", "notify_on")):
            value = stored.get(key)
            if isinstance(value, bool):
                setattr(self, trait, value)
