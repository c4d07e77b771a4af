"""A tool whose output reaches Voila late, on every run: a loaded classroom server on demand.

On a busy server a cell's ``execute_reply`` reaches Voila on time while the cell's output stream
lags behind. Voila's executor (nbclient) waits ``VoilaExecutor.iopub_timeout`` seconds after the
reply for the stream to go idle, then logs "Timeout waiting for IOPub output" and moves on: what
comes later is not on the page (issue 20).

To reproduce that on purpose the output must leave the kernel *after* the reply. Two simpler tricks
do not do it: ipykernel flushes the output stream before it sends ``execute_reply``, so stalling the
stream during the cell delays the reply as well; and a display from a thread or an asyncio callback
races the kernel's idle status (if it comes after idle, nbclient has stopped listening without any
timeout). ipykernel calls ``kernel.post_handler_hook()`` after it has sent the reply and before it
publishes idle, in the same context (so a display there still belongs to the cell). ``LateTool``
waits there ``DELAY_S`` seconds and only then displays its button: the reply is on time, the button
and the idle status follow ``DELAY_S`` later, in that order, every time. With an ``iopub_timeout``
below ``DELAY_S`` the page loses the button; with the course's (voila.json) it waits for it.
"""

from __future__ import annotations

import time

import ipywidgets
from IPython import get_ipython
from IPython.display import display

#: Longer than nbclient's default iopub_timeout (4 s), far below the course's.
DELAY_S = 6


class LateTool:
    """Shows a button ``DELAY_S`` seconds after the kernel has answered the cell."""

    def __init__(self, description: str = "Late tool") -> None:
        self.widget = ipywidgets.Button(description=description)

    def _ipython_display_(self) -> None:
        kernel = get_ipython().kernel
        hook = kernel.post_handler_hook

        def after_the_reply() -> None:
            kernel.post_handler_hook = hook  # once: later cells are left alone
            hook()
            time.sleep(DELAY_S)
            display(self.widget)

        kernel.post_handler_hook = after_the_reply
