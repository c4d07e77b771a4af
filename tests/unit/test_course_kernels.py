"""The course kernel manager's reprieve rule, with fake kernels and no server.

The situation: a learner takes a kernel that waited in Voila's pool for longer than the idle
timeout. Until the learner's browser opens its websocket (a second or two), the kernel has no
connection, so Jupyter Server's culler would shut it down and the page would never come alive.
The course's manager spares such a kernel for one more timeout, once.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest

from course_server import kernels
from course_server.kernels import CourseKernelManager, Reprieves

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
TIMEOUT = 300


def model(idle_s: float, state: str = "idle", connections: int = 0, now: datetime = T0):
    return {
        "last_activity": now - timedelta(seconds=idle_s),
        "execution_state": state,
        "connections": connections,
    }


def test_a_never_connected_kernel_idle_past_the_timeout_is_spared_for_one_more_timeout():
    r = Reprieves()
    assert r.spare("k", model(TIMEOUT + 60), TIMEOUT, T0)
    later = T0 + timedelta(seconds=TIMEOUT)
    assert r.spare("k", model(TIMEOUT + 60 + TIMEOUT, now=later), TIMEOUT, later)
    after = T0 + timedelta(seconds=TIMEOUT + 1)
    assert not r.spare("k", model(2 * TIMEOUT + 61, now=after), TIMEOUT, after), "only once"


def test_a_kernel_within_its_timeout_needs_no_reprieve_and_keeps_it_for_later():
    r = Reprieves()
    assert not r.spare("k", model(TIMEOUT - 1), TIMEOUT, T0)
    assert "k" not in r.granted
    later = T0 + timedelta(seconds=10)
    assert r.spare("k", model(TIMEOUT + 9, now=later), TIMEOUT, later)


@pytest.mark.parametrize(
    "m",
    [model(TIMEOUT + 60, state="dead"), model(TIMEOUT + 60, connections=1)],
    ids=["dead", "connected-now"],
)
def test_dead_and_connected_kernels_follow_the_usual_rule(m):
    assert not Reprieves().spare("k", m, TIMEOUT, T0)


def test_a_kernel_a_browser_connected_to_once_is_not_spared_after_its_tab_closes():
    r = Reprieves()
    r.connect("k")
    assert not r.spare("k", model(TIMEOUT + 60, connections=0), TIMEOUT, T0)


def test_the_iso_text_of_the_rest_model_reads_like_a_datetime():
    text = (T0 - timedelta(seconds=TIMEOUT + 5)).isoformat().replace("+00:00", "Z")
    assert Reprieves().spare("k", {"last_activity": text, "connections": 0}, TIMEOUT, T0)


def test_removed_kernels_are_forgotten():
    r = Reprieves()
    r.connect("gone")
    r.connect("live")
    r.spare("old", model(TIMEOUT + 1), TIMEOUT, T0)
    r.keep_only(["live"])
    assert r.connected_once == {"live"} and r.granted == {}


# --- the manager itself, with Jupyter Server's own culling rule behind it -----------------------


class FakeKernel:
    """What Jupyter Server's culler reads of a kernel manager, and nothing more."""

    def __init__(self, idle_s: float, now: datetime):
        self.kernel_name = "python3"
        self.kernel_spec = SimpleNamespace(metadata={})
        self.execution_state = "idle"
        self.last_activity = now - timedelta(seconds=idle_s)


class Recording(CourseKernelManager):
    """The course manager whose shutdowns are only written down."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.shut_down: list[str] = []

    async def shutdown_kernel(self, kernel_id, *args, **kwargs):
        self.shut_down.append(kernel_id)
        self._kernels.pop(kernel_id, None)


@pytest.fixture
def manager(monkeypatch):
    now = [T0]
    monkeypatch.setattr(kernels, "utcnow", lambda: now[0])
    m = Recording(cull_idle_timeout=TIMEOUT)
    m.now = now
    return m


def add(manager, kernel_id, idle_s):
    # Jupyter Server's own table of kernels: the one place the test reaches into, so that its real
    # culling rule (super().cull_kernel_if_idle) runs on the fake kernel.
    manager._kernels[kernel_id] = FakeKernel(idle_s, manager.now[0])


def test_the_manager_keeps_a_long_pooled_kernel_until_its_browser_connects(manager):
    add(manager, "pooled", idle_s=3 * TIMEOUT)
    asyncio.run(manager.cull_kernels())
    assert manager.shut_down == [], "culled before the learner's browser could connect"
    manager.notify_connect("pooled")
    manager.now[0] += timedelta(seconds=2 * TIMEOUT)
    manager.notify_disconnect("pooled")  # the tab closes; nothing happened since
    asyncio.run(manager.cull_kernels())
    assert manager.shut_down == ["pooled"]
    assert "pooled" not in manager.reprieves.connected_once, "forgotten once removed"


def test_the_manager_culls_a_kernel_whose_browser_never_came_one_timeout_later(manager):
    add(manager, "orphan", idle_s=TIMEOUT + 1)
    asyncio.run(manager.cull_kernels())
    manager.now[0] += timedelta(seconds=TIMEOUT - 1)
    asyncio.run(manager.cull_kernels())
    assert manager.shut_down == []
    manager.now[0] += timedelta(seconds=2)
    asyncio.run(manager.cull_kernels())
    assert manager.shut_down == ["orphan"] and manager.reprieves.granted == {}


def test_the_stock_rule_still_culls_a_dead_kernel_at_once(manager):
    add(manager, "dead", idle_s=1)
    manager._kernels["dead"].execution_state = "dead"
    asyncio.run(manager.cull_kernels())
    assert manager.shut_down == ["dead"]
