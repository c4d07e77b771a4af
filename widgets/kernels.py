"""The Voila server's kernel manager for the course: ``widgets.kernels.CourseKernelManager``.

Voila (``make serve``, voila.json) keeps preheated kernels for the home page and the dashboard:
each has already run its notebook, so the page arrives at once. A pooled kernel is never culled
while it waits, but it does not look busy either: when a learner finally takes one, it may have
been idle for far longer than ``cull_idle_timeout``, and until the learner's browser opens the
kernel's websocket (a second or two later) it has no connection. A cull pass in that window shut
such a kernel down, and the page never came alive (measured with a 3 s timeout: three pages out
of three). Jupyter Server's rule is "idle for longer than the timeout, and no connection".

This manager adds one rule before it: a kernel that no browser has ever connected to, found
idle past the timeout, is given one full timeout more from that moment (once). A page that
connects is then culled by the usual rule after its tab closes; a kernel whose browser never came
is culled one timeout later than before (10 minutes rather than 5 with the course's settings).

Importing this module (Voila does, for voila.json's ``multi_kernel_manager_class``) also makes a
page Voila cannot render end with a message instead of loading forever (``widgets.render_guard``).
"""

from __future__ import annotations

from datetime import timedelta

from jupyter_server._tz import utcnow
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager

from widgets import render_guard

render_guard.install()


class CourseKernelManager(AsyncMappingKernelManager):
    """Jupyter Server's kernel manager, with a reprieve for kernels no browser has connected to yet.

    Configured by ``VoilaConfiguration.multi_kernel_manager_class`` in voila.json; every
    ``MappingKernelManager`` setting (cull timeout and interval, ...) applies to it unchanged.
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        #: Kernels a browser has opened a websocket to, at least once.
        self._connected_once: set[str] = set()
        #: Kernels already given their one extra timeout.
        self._reprieved: set[str] = set()

    def notify_connect(self, kernel_id: str) -> None:
        self._connected_once.add(kernel_id)
        super().notify_connect(kernel_id)

    def _would_cull_unconnected(self, kernel_id: str) -> bool:
        kernel = self._kernels.get(kernel_id)
        if kernel is None or not hasattr(kernel, "last_activity"):
            return False
        if getattr(kernel, "execution_state", None) == "dead":
            return False  # dead kernels go at once, as before
        if kernel_id in self._connected_once or self._kernel_connections.get(kernel_id, 0):
            return False
        timeout = kernel.kernel_spec.metadata.get("cull_idle_timeout", self.cull_idle_timeout)
        return utcnow() - kernel.last_activity > timedelta(seconds=timeout)

    async def cull_kernel_if_idle(self, kernel_id: str):
        if kernel_id not in self._reprieved and self._would_cull_unconnected(kernel_id):
            self._reprieved.add(kernel_id)
            self._kernels[kernel_id].last_activity = utcnow()
            self.log.info(
                "Kernel %s has had no browser yet (a page may be opening it): "
                "keeping it for one more idle timeout.",
                kernel_id,
            )
            return None
        return await super().cull_kernel_if_idle(kernel_id)

    async def _remove_kernel_when_ready(self, kernel_id, kernel_awaitable):
        await super()._remove_kernel_when_ready(kernel_id, kernel_awaitable)
        self._connected_once.discard(kernel_id)
        self._reprieved.discard(kernel_id)
