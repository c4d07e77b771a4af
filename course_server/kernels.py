"""The Voila server's kernel manager for the course: ``course_server.kernels.CourseKernelManager``.

Voila (``make serve``, voila.json) keeps preheated kernels for the home page and the dashboard:
each has already run its notebook, so the page arrives at once. A pooled kernel is never culled
while it waits, but it does not look busy either: when a learner finally takes one, it may have
been idle for far longer than ``cull_idle_timeout``, and until the learner's browser opens the
kernel's websocket (a second or two later) it has no connection. A cull pass in that window shut
such a kernel down, and the page never came alive (measured with a 3 s timeout: three pages out
of three). Jupyter Server's rule is "idle for longer than the timeout, and no connection".

This manager adds one rule before it (:class:`Reprieves`): a kernel that no browser has ever
connected to, found idle past the timeout, is given one full timeout more from that moment
(once). A page that connects is then culled by the usual rule after its tab closes; a kernel whose
browser never came is culled one timeout later than before (10 minutes rather than 5 with the
course's settings).

Importing this module (Voila does, for voila.json's ``multi_kernel_manager_class``) also makes a
page Voila cannot render end with a message instead of loading forever
(:mod:`course_server.render_guard`).

Jupyter Server API used, all public: ``notify_connect`` and ``cull_kernel_if_idle`` /
``cull_kernels`` (overridden, each calling the original), ``get_kernel``, ``kernel_model`` (the
REST API's view of a kernel: last activity, execution state, connections) and
``list_kernel_ids``. Nothing private is read or written. What has no public form: a hook for "a
kernel was removed", so the manager forgets removed kernels at the end of each cull pass
(``cull_kernels``) instead; and a kernel spec's own ``cull_idle_timeout`` (``metadata``) is read
the way Jupyter Server's culler reads it. Tested with jupyter_server 2.21 (pyproject.toml pins
``>=2.21,<3``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager

from course_server import render_guard

render_guard.install()


def utcnow() -> datetime:
    """Now, timezone-aware in UTC (what Jupyter Server's ``last_activity`` is compared with)."""
    return datetime.now(UTC)


def _as_datetime(value: datetime | str) -> datetime:
    """A kernel model's ``last_activity``: a datetime, or its ISO 8601 text (``...Z``)."""
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


class Reprieves:
    """The reprieve rule, apart from any server: which kernels a cull pass must spare.

    A kernel is spared once: the first cull pass that finds it idle past ``timeout`` with no
    browser ever connected grants it one more full ``timeout`` from that moment. A kernel a
    browser has connected to, a dead kernel, or one whose reprieve has run out is left to Jupyter
    Server's own rule.
    """

    def __init__(self) -> None:
        #: Kernels a browser has opened a websocket to, at least once.
        self.connected_once: set[str] = set()
        #: Kernels given their one extra timeout, and when.
        self.granted: dict[str, datetime] = {}

    def connect(self, kernel_id: str) -> None:
        """Note that a browser connected to ``kernel_id``."""
        self.connected_once.add(kernel_id)

    def spare(self, kernel_id: str, model: Mapping, timeout: float, now: datetime) -> bool:
        """Whether the cull pass at ``now`` must leave this kernel alone.

        Parameters
        ----------
        kernel_id : str
            The kernel's id.
        model : mapping
            The kernel as Jupyter Server's REST API shows it: ``last_activity`` (datetime or ISO
            text), ``execution_state`` and ``connections``.
        timeout : float
            The idle timeout in seconds that applies to this kernel.
        now : datetime
            The moment of the cull pass (timezone-aware, UTC).

        Returns
        -------
        bool
            True while the kernel's one reprieve lasts; False when the usual rule applies.
        """
        if model.get("execution_state") == "dead":
            return False  # dead kernels go at once, as before
        if kernel_id in self.connected_once or model.get("connections", 0):
            return False
        granted = self.granted.get(kernel_id)
        if granted is not None:
            return now - granted <= timedelta(seconds=timeout)
        last = model.get("last_activity")
        if last is None or now - _as_datetime(last) <= timedelta(seconds=timeout):
            return False
        self.granted[kernel_id] = now
        return True

    def keep_only(self, kernel_ids: Iterable[str]) -> None:
        """Forget every kernel not in ``kernel_ids`` (the kernels still running)."""
        live = set(kernel_ids)
        self.connected_once &= live
        self.granted = {k: t for k, t in self.granted.items() if k in live}


class CourseKernelManager(AsyncMappingKernelManager):
    """Jupyter Server's kernel manager, with a reprieve for kernels no browser has connected to yet.

    Configured by ``VoilaConfiguration.multi_kernel_manager_class`` in voila.json; every
    ``MappingKernelManager`` setting (cull timeout and interval, ...) applies to it unchanged.
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.reprieves = Reprieves()

    def notify_connect(self, kernel_id: str) -> None:
        """Note the connection for the reprieve rule, then count it as Jupyter Server does."""
        self.reprieves.connect(kernel_id)
        super().notify_connect(kernel_id)

    def _spared(self, kernel_id: str) -> bool:
        kernel = self.get_kernel(kernel_id)
        try:
            model = self.kernel_model(kernel_id)
        except AttributeError:
            return False  # activity not watched yet (no last_activity): nothing to cull either
        timeout = kernel.kernel_spec.metadata.get("cull_idle_timeout", self.cull_idle_timeout)
        first = kernel_id not in self.reprieves.granted
        spared = self.reprieves.spare(kernel_id, model, timeout, utcnow())
        if spared and first:
            self.log.info(
                "Kernel %s has had no browser yet (a page may be opening it): "
                "keeping it for one more idle timeout.",
                kernel_id,
            )
        return spared

    async def cull_kernel_if_idle(self, kernel_id: str):
        """Spare a kernel no browser has reached yet (once); otherwise Jupyter Server's rule."""
        if self._spared(kernel_id):
            return None
        return await super().cull_kernel_if_idle(kernel_id)

    async def cull_kernels(self):
        """One cull pass, then forget the kernels that are gone."""
        await super().cull_kernels()
        self.reprieves.keep_only(self.list_kernel_ids())
