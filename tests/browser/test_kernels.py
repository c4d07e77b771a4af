"""Kernels on the course's own Voila servers: preheated pages, and kernels that go away.

voila.json keeps preheated kernels for the home page and the dashboard, culls idle kernels of
closed tabs (the unload beacon is refused: voila issue 1458), and uses IPC sockets so a burst of
learners cannot race for TCP ports. These tests run Voila with short cull times so that what
takes minutes in a classroom takes seconds here.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import psutil
import pytest
from playwright.sync_api import expect

from tests.browser.harness import open_page
from tests.course import lesson_file
from tests.support.paths import NOTEBOOKS, REPO
from tests.support.servers import is_kernel, serve_voila

# Timing against the server (pools, culling, output deadlines): run alone (see the Makefile).
pytestmark = [pytest.mark.browser, pytest.mark.serial]

POOLS = json.loads((REPO / "voila.json").read_text())["VoilaKernelManager"]["kernel_pools_config"]
POOLED = {name: pool["pool_size"] for name, pool in POOLS.items() if name != "default"}


def kernels_of(proc) -> dict[int, psutil.Process]:
    return {p.pid: p for p in psutil.Process(proc.pid).children(recursive=True) if is_kernel(p)}


def wait_for_pools(proc, log: Path, timeout: float = 120) -> dict[int, psutil.Process]:
    """Wait until Voila says every pool is full; return the pool's kernels."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = log.read_text(errors="replace")
        if all(f"Kernel pool of {name} is filled" in text for name in POOLED):
            kernels = kernels_of(proc)
            if len(kernels) >= sum(POOLED.values()):
                return kernels
        time.sleep(0.5)
    raise AssertionError(f"the pools {POOLED} were not filled within {timeout} s")


def test_a_closed_page_kernel_is_culled_and_the_pools_are_kept(browser, tmp_path):
    """A 6 s cull timeout: a lesson page's kernel stays while its tab is open and goes once it
    is closed; the preheated kernels waiting in the pools are never culled."""
    log = tmp_path / "voila.log"
    settings = (
        "--MappingKernelManager.cull_idle_timeout=6",
        "--MappingKernelManager.cull_interval=2",
    )
    with serve_voila(NOTEBOOKS, log, *settings) as (base, proc):
        pools = wait_for_pools(proc, log)
        assert len(pools) == sum(POOLED.values()), "one kernel per pooled page, no more"
        context = browser.new_context()
        pg = context.new_page()
        open_page(pg, base, lesson_file("03"))
        new = [p for pid, p in kernels_of(proc).items() if pid not in pools]
        assert len(new) == 1, new
        connection = json.loads(Path(new[0].cmdline()[-1]).read_text())
        assert connection["transport"] == "ipc", "voila.json asks for IPC: no TCP ports to race for"
        pg.wait_for_timeout(10_000)  # open and idle for longer than the timeout: kept
        assert new[0].is_running(), "a kernel whose page is still open was culled"
        context.close()  # the unload beacon may fail (voila 1458): culling must do it
        gone, alive = psutil.wait_procs(new, timeout=45)
        assert not alive, "the closed page's kernel was not culled within 45 s"
        assert all(p.is_running() for p in pools.values()), "a preheated kernel was culled"
    text = log.read_text(errors="replace")
    assert "Address already in use" not in text


def test_a_page_taken_from_a_long_waiting_pool_comes_alive(browser, tmp_path):
    """The home page and the dashboard come from the pool. A pooled kernel that waited longer
    than the cull timeout has no browser connected for a moment after a learner takes it: with
    Jupyter Server's culling alone it was shut down in that moment and the page stayed dead
    (3 of 3 here). course_server.kernels.CourseKernelManager gives it time for the browser to come.
    The page's script is delayed so that the moment always spans a cull pass."""
    log = tmp_path / "voila.log"
    settings = (
        "--MappingKernelManager.cull_idle_timeout=6",
        "--MappingKernelManager.cull_interval=1",
    )
    with serve_voila(NOTEBOOKS, log, *settings) as (base, proc):
        wait_for_pools(proc, log)
        time.sleep(10)  # every pooled kernel is now idle for longer than the timeout
        context = browser.new_context()
        page = context.new_page()

        def slow_network(route):
            # A slow school network: the page's script (which opens the kernel's websocket)
            # arrives 2.5 s late, so the moment without a connection surely spans a cull pass
            # (every 1 s), and still ends well within the one extra timeout (6 s).
            time.sleep(2.5)
            route.continue_()

        page.route("**/voila.js*", slow_network)
        for name in POOLED:
            start = time.monotonic()
            open_page(page, base, name)
            assert time.monotonic() - start < 30
        # The dashboard's kernel answers, seconds after the page came: it is alive.
        page.wait_for_timeout(4_000)
        page.get_by_label("Schedule").select_option(label="Every 20 min, 2 min move")
        expect(page.locator(".bsc-timer-source")).to_contain_text("Sit for 20 min", timeout=10_000)
        context.close()
    text = log.read_text(errors="replace")
    for name in POOLED:
        assert re.search(rf"Using pre-heated kernel: \S+ for {re.escape(name)}", text), name
    assert "keeping it for one more idle timeout" in text
