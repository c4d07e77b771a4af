"""A classroom opening a page at once: simulated learners, one Chromium observer, the server.

Each scenario is a fresh Voila (the repository's ``voila.json`` plus the scenario's own flags and
config), so that one scenario's kernels and pools cannot slow the next. While the burst runs, a
sampler thread records the memory of the server and of every kernel; afterwards the benchmark
counts kernels that died and the log lines that say why (e.g. "Address already in use"), and the
times Voila's executor gave up waiting for a cell's output (nbclient's ``Timeout waiting for IOPub
output``: the page is then served without that output). Every server also runs
``IOPUB_PROBE_PY``, which logs how long each cell's output stream took to go idle after the cell's
``execute_reply``: the figure ``VoilaExecutor.iopub_timeout`` must stay above.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from benchmarks import notebooks as nbs
from benchmarks.report import POD_MB
from benchmarks.server import VoilaServer, iopub_timeouts, iopub_waits, kernel_trouble
from benchmarks.stats import median, percentile, summary

#: A ``voila.py`` that makes Tornado gzip its responses. Voila 0.5.13 applies
#: ``Voila.tornado_settings`` after the Tornado application is built, so ``compress_response``
#: set there is silently ignored; adding the transform when the application is built works.
GZIP_PY = '''\
"""Compress Voila's responses (gzip): Voila.tornado_settings cannot, see benchmarks/README.md."""
import tornado.web

_build = tornado.web.Application.__init__


def _build_with_gzip(self, *args, **kwargs):
    _build(self, *args, **kwargs)
    if tornado.web.GZipContentEncoding not in self.transforms:
        self.add_transform(tornado.web.GZipContentEncoding)


tornado.web.Application.__init__ = _build_with_gzip
'''

#: A ``voila.py`` that logs, for every cell Voila runs, the seconds between the cell's
#: ``execute_reply`` and the end of its output (the kernel's idle status) or the executor's
#: timeout. nbclient waits with ``asyncio.wait_for(outputs, iopub_timeout)`` right after the
#: reply; the probe times that one call (nbclient.client's only ``wait_for``), nothing else.
IOPUB_PROBE_PY = '''\
"""Log how late each cell's output goes idle after its execute_reply (benchmarks/README.md)."""
import asyncio
import sys
import time
import types

import nbclient.client


async def _timed_wait_for(awaitable, timeout):
    start = time.monotonic()
    outcome = "idle"
    try:
        return await asyncio.wait_for(awaitable, timeout)
    except asyncio.TimeoutError:
        outcome = "timeout"
        raise
    finally:
        waited = time.monotonic() - start
        print(f"bsc-iopub-wait {waited:.3f} {outcome}", file=sys.stderr, flush=True)


nbclient.client.asyncio = types.SimpleNamespace(**{**vars(asyncio), "wait_for": _timed_wait_for})
'''

STUCK_AFTER = 60.0
#: What Voila logs each time a pool has started the kernels it wants.
POOL_FILLED = "Kernel pool of "


@dataclass(frozen=True)
class Scenario:
    """One way of running Voila for a classroom."""

    key: str
    title: str
    flags: tuple[str, ...] = ()
    preheat: bool = False
    #: Seconds the pool waits before starting a replacement for a kernel a learner took.
    fill_delay: float | None = None
    gzip: bool = False
    #: Switch off the pools voila.json keeps (home page, dashboard): Voila with no kernel waiting.
    no_pools: bool = False

    def config(self, target: str, pool: int) -> dict | None:
        """The scenario's extra ``voila.json``: a pool for ``target`` only, if preheating; no pool
        at all for ``no_pools``; nothing (voila.json as it is) otherwise."""
        if self.no_pools:
            return {"VoilaConfiguration": {"preheat_kernel": False}}
        if not self.preheat:
            return None
        # Voila keeps a pool for *every* notebook in the folder unless told otherwise: a pool of
        # 30 for 12 pages would be 360 kernels. Only the page the class opens gets one.
        pools = {"default": {"pool_size": 0}, target: {"pool_size": pool}}
        manager: dict = {"kernel_pools_config": pools}
        if self.fill_delay is not None:
            manager["fill_delay"] = self.fill_delay
        return {"VoilaConfiguration": {"preheat_kernel": True}, "VoilaKernelManager": manager}


#: The reference: voila.json without its small pools, so every learner's kernel starts on demand
#: (one learner alone on it is the "single" every burst is compared with).
BARE = Scenario("bare", "voila.json without its pools: kernels started on demand", no_pools=True)
CONFIGURED = Scenario("configured", "voila.json as it is: pools of 1 (home page) and 2 (dashboard)")
#: How long a pool waits before replacing a kernel a learner took, in the slower-refill scenarios.
#: Voila queues the replacement at once, so a learner beyond the pool waits this long (+ a start).
SLOW_REFILL_S = 15.0
SCENARIOS = {
    s.key: s
    for s in (
        BARE,
        CONFIGURED,
        Scenario(
            "preheat",
            "preheated pool = class size, refill after 1 s (Voila's default)",
            preheat=True,
            # Said outright: the repository's voila.json sets its own refill delay.
            fill_delay=1.0,
        ),
        Scenario(
            "preheat-refill-15s",
            f"preheated pool = class size, refill after {SLOW_REFILL_S:.0f} s",
            preheat=True,
            fill_delay=SLOW_REFILL_S,
        ),
        Scenario(
            "ipc",
            "kernels on IPC sockets instead of TCP ports (no pools)",
            flags=("--KernelManager.transport=ipc",),
            no_pools=True,
        ),
        Scenario("gzip", "gzip-compressed responses (no pools)", gzip=True, no_pools=True),
        Scenario(
            "combined",
            f"preheated pool, refill after {SLOW_REFILL_S:.0f} s, IPC sockets",
            flags=("--KernelManager.transport=ipc",),
            preheat=True,
            fill_delay=SLOW_REFILL_S,
        ),
    )
}


def learner_ratio(
    p95_s: float | None, single_s: float | None, browser_single_s: float | None
) -> float | None:
    """A real learner's p95 time to interactive in the class, divided by one learner's alone.

    Simulated learners stop at the protocol: they do not parse JavaScript or draw widgets. That
    work runs on each learner's own device, so it does not grow with the class; it is the
    difference between one real browser's time and one simulated learner's time, and it is added
    to the simulated p95 before dividing by the real browser's time.

    Parameters
    ----------
    p95_s : float
        The simulated learners' p95 in the burst (seconds).
    single_s : float
        One simulated learner alone on the same page (seconds).
    browser_single_s : float
        One Chromium load of the same page alone (seconds).
    """
    if p95_s is None or single_s is None or not browser_single_s:
        return None
    own_device = max(0.0, browser_single_s - single_s)
    return (p95_s + own_device) / browser_single_s


class Sampler(threading.Thread):
    """Samples the server's and its kernels' resident memory every ``interval`` seconds."""

    def __init__(self, server: VoilaServer, interval: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.server, self.interval = server, interval
        self.peak_kernels_mb = self.peak_total_mb = self.peak_server_mb = 0.0
        self.peak_kernel_count = 0
        self._halt = threading.Event()

    def run(self) -> None:
        while not self._halt.is_set():
            kernels = self.server.kernels()
            total = 0.0
            for proc in kernels.values():
                try:
                    total += proc.memory_info().rss / 2**20
                except psutil.Error:
                    continue
            server = self.server.server_rss_mb() or 0.0
            self.peak_kernels_mb = max(self.peak_kernels_mb, total)
            self.peak_total_mb = max(self.peak_total_mb, total + server)
            self.peak_server_mb = max(self.peak_server_mb, server)
            self.peak_kernel_count = max(self.peak_kernel_count, len(kernels))
            self._halt.wait(self.interval)

    def stop(self) -> None:
        self._halt.set()
        self.join(timeout=5)


def run_learners(spec: dict, workdir: Path, wait: bool = True):
    """Start ``python -m benchmarks.learners`` with ``spec``; the result dict, or the process."""
    path = workdir / f"learners-{time.monotonic_ns()}.json"
    path.write_text(json.dumps(spec))
    proc = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.learners", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
        start_new_session=True,
    )
    return collect(proc, spec) if wait else proc


def collect(proc: subprocess.Popen, spec: dict) -> dict:
    """The learners' results; a crashed or overdue learner process becomes failures, not a crash."""
    try:
        out, err = proc.communicate(timeout=spec["timeout"] + 60)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, 9)
        proc.communicate(timeout=10)
        out, err = "", "the learner process did not finish"
    try:
        return json.loads(out)
    except json.JSONDecodeError:
        failed = {"ok": False, "failure": "harness", "detail": err.strip()[-300:]}
        return {"learners": [dict(failed, index=i) for i in range(spec["learners"])]}


@dataclass
class Burst:
    """What one burst of learners measured."""

    scenario: str
    page: str
    learners: int
    p50_s: float | None = None
    p95_s: float | None = None
    max_s: float | None = None
    failures: dict = field(default_factory=dict)
    failure_details: list = field(default_factory=list)
    dead_kernels: int = 0
    kernel_log: list = field(default_factory=list)
    #: Times Voila's executor stopped waiting for a cell's output (the output is then dropped).
    iopub_timeouts: int = 0
    #: Seconds from a cell's execute_reply to its idle status (IOPUB_PROBE_PY), in this burst.
    iopub_wait_max_s: float | None = None
    iopub_wait_p95_s: float | None = None
    iopub_cells: int = 0
    #: The same before the burst: the pool filling (pages the class is then handed) and any
    #: single-learner runs. A timeout there is a page served without its tool in the burst.
    iopub_timeouts_before: int = 0
    iopub_wait_max_before_s: float | None = None
    peak_kernels_mb: float | None = None
    peak_total_mb: float | None = None
    peak_server_mb: float | None = None
    peak_kernel_count: int = 0
    requests_per_learner: float | None = None
    mb_per_learner: float | None = None
    observer_s: float | None = None
    observer_error: str | None = None
    html_p95_s: float | None = None
    pool_ready_s: float | None = None
    load_before: float | None = None
    skipped: str | None = None


def single_learner(
    server: VoilaServer, page_spec: dict, repeats: int, workdir: Path
) -> list[float]:
    """Ready times of one learner alone, ``repeats`` times, each kernel shut down afterwards."""
    times = []
    for _ in range(repeats):
        result = run_learners(dict(page_spec, learners=1, start_at=time.time()), workdir)
        for learner in result["learners"]:
            if learner.get("ok"):
                times.append(learner["ready_s"])
            if learner.get("kernel_id"):
                server.shutdown_kernel(learner["kernel_id"])
        time.sleep(0.5)
    return times


def burst(
    server: VoilaServer,
    page_spec: dict,
    learners: int,
    browser,
    page: str,
    scenario: str,
    workdir: Path,
    refill_wait: float | None = None,
) -> Burst:
    """``learners`` simulated learners plus one Chromium observer opening ``page`` at once.

    With ``refill_wait`` (preheated pools), memory keeps being sampled after the burst until the
    pool has started a replacement for every kernel taken (at most that many seconds), because
    the replacements are part of what a class costs.
    """
    result = Burst(scenario=scenario, page=page, learners=learners)
    result.load_before = os.getloadavg()[0]
    log_offset = len(server.log_text())
    filled_before = server.log_text().count(POOL_FILLED)
    server.kernels()
    seen_before, alive_before = set(server.seen), set(server.kernels())
    sampler = Sampler(server)
    sampler.start()
    spec = dict(page_spec, learners=learners, start_at=time.time() + 2.0, timeout=STUCK_AFTER)
    proc = run_learners(spec, workdir, wait=False)
    time.sleep(max(0.0, spec["start_at"] - time.time()))
    observed, context, _ = browser.load(server, page, timeout=STUCK_AFTER + 30, keep=True)
    outcome = collect(proc, spec)
    time.sleep(1.0)
    if refill_wait:
        deadline = time.monotonic() + refill_wait
        while time.monotonic() < deadline:
            if server.log_text().count(POOL_FILLED) >= filled_before + learners + 1:
                break
            time.sleep(0.5)
        server.wait_until_quiet(timeout=max(5.0, deadline - time.monotonic()))
    sampler.stop()

    people = outcome["learners"]
    # A learner who never got a working page counts as having waited the whole time limit.
    stats = summary([p["ready_s"] if p.get("ok") else STUCK_AFTER for p in people])
    result.p50_s, result.p95_s, result.max_s = stats["p50"], stats["p95"], stats["max"]
    failed = [p for p in people if not p.get("ok")]
    for p in failed:
        result.failures[p["failure"]] = result.failures.get(p["failure"], 0) + 1
    result.failure_details = sorted({f"{p['failure']}: {p.get('detail')}" for p in failed})[:5]
    result.html_p95_s = summary([p["html_s"] for p in people if p.get("html_s")])["p95"]
    result.requests_per_learner = median([p["requests"] for p in people])
    result.mb_per_learner = median([p["wire_bytes"] / 1e6 for p in people if p.get("wire_bytes")])
    result.observer_s = observed.tti_s
    result.observer_error = observed.error

    candidates = (set(server.seen) - seen_before) | alive_before
    result.dead_kernels = sum(1 for pid in candidates if not _running(server.seen[pid]))
    whole_log = server.log_text()
    before_log, burst_log = whole_log[:log_offset], whole_log[log_offset:]
    result.iopub_timeouts_before = iopub_timeouts(before_log)
    result.iopub_wait_max_before_s = max(iopub_waits(before_log), default=None)
    result.kernel_log = kernel_trouble(burst_log)[:5]
    result.iopub_timeouts = iopub_timeouts(burst_log)
    waits = iopub_waits(burst_log)
    result.iopub_cells = len(waits)
    result.iopub_wait_max_s = max(waits, default=None)
    result.iopub_wait_p95_s = percentile(waits, 95)
    result.peak_kernels_mb = sampler.peak_kernels_mb
    result.peak_total_mb = sampler.peak_total_mb
    result.peak_server_mb = sampler.peak_server_mb
    result.peak_kernel_count = sampler.peak_kernel_count

    browser.finish(server, observed, context)
    return result


def _running(proc: psutil.Process) -> bool:
    try:
        return proc.is_running() and proc.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def run_scenario(
    scenario: Scenario,
    page: str,
    learners: int,
    served: Path,
    repo: Path,
    workdir: Path,
    browser,
    page_spec: dict,
    single_repeats: int = 0,
) -> tuple[Burst, list[float]]:
    """Start a server for ``scenario``, optionally time single learners, run one burst, stop."""
    log = workdir / f"voila-{scenario.key}-{page.replace('.ipynb', '')}-{learners}.log"
    server = VoilaServer(
        served,
        repo,
        log,
        flags=list(scenario.flags),
        # The pool holds a kernel for every learner and for the observer.
        config=scenario.config(page, learners + 1),
        config_py=IOPUB_PROBE_PY + ("\n" + GZIP_PY if scenario.gzip else ""),
    )
    singles: list[float] = []
    try:
        server.start()
        spec = dict(page_spec, base=server.base)
        pool_ready = None
        if scenario.preheat:
            started = time.monotonic()
            if not server.wait_for_log(f"{POOL_FILLED}{page} is filled", timeout=240):
                result = Burst(scenario=scenario.key, page=page, learners=learners)
                result.skipped = "the kernel pool did not fill within 240 s"
                return result, singles
            pool_ready = time.monotonic() - started
        server.wait_until_quiet(timeout=45)
        if single_repeats:
            singles = single_learner(server, spec, single_repeats, workdir)
            server.wait_until_quiet(timeout=15)
        refill = (scenario.fill_delay or 1.0) + 40 if scenario.preheat else None
        result = burst(server, spec, learners, browser, page, scenario.key, workdir, refill)
        result.pool_ready_s = pool_ready
        return result, singles
    finally:
        server.stop()


def classroom_targets(pages, page_rows: list[dict]) -> list[str]:
    """The dashboard if it exists; otherwise the heaviest tool page and the home page."""
    names = [p.name for p in pages]
    if nbs.DASHBOARD in names:
        return [nbs.DASHBOARD]
    tti = {r["page"]: r["tti_s"] or 0 for r in page_rows}
    tools = [p.name for p in pages if p.is_tool_page and p.name != nbs.HOME]
    others = [n for n in names if n != nbs.HOME]
    heaviest = max(tools or others, key=lambda n: tti.get(n, 0), default=None)
    return [n for n in (heaviest, nbs.HOME if nbs.HOME in names else None) if n]


def classroom_runs(
    targets: list[str],
    quick: bool,
    scenarios: list[str] | None = None,
    learners: int = 30,
    bursts: int = 1,
) -> list[tuple[str, str, int, int]]:
    """(scenario, page, learners, single-learner repeats) in order of importance.

    With ``scenarios``, only those, each ``bursts`` times in a row (each burst on a fresh server)
    with ``learners`` learners on the class page: e.g. five 30-learner bursts of ``configured``.
    """
    primary = targets[0]
    if scenarios:
        unknown = [key for key in scenarios if key not in SCENARIOS]
        if unknown:
            raise ValueError(f"unknown scenario(s): {', '.join(unknown)}")
        return [(key, primary, learners, 0) for key in scenarios for _ in range(bursts)]
    if quick:
        return [("bare", primary, 10, 3), ("preheat-refill-15s", primary, 10, 0)]
    runs = [
        ("bare", primary, 10, 3),
        ("bare", primary, 30, 0),
        ("configured", primary, 30, 0),
        ("preheat-refill-15s", primary, 30, 0),
        ("preheat", primary, 30, 0),
        ("preheat", primary, 10, 0),
        ("ipc", primary, 30, 0),
        ("combined", primary, 30, 0),
        ("gzip", primary, 30, 0),
    ]
    for other in targets[1:]:
        runs += [("bare", other, 10, 3), ("bare", other, 30, 0)]
    return runs


def pod_fit(bursts: list[dict]) -> dict | None:
    """What a 2 GB Binder pod holds, from the 10-learner bursts' peak memory (server + kernels)."""
    ten = [
        b
        for b in bursts
        if b["learners"] == 10 and not b.get("skipped") and b.get("peak_kernel_count")
    ]
    if not ten:
        return None
    bare = next((b for b in ten if b["scenario"] == "bare"), ten[0])
    server = bare.get("peak_server_mb") or 0.0
    per_kernel = (bare["peak_total_mb"] - server) / bare["peak_kernel_count"]
    pooled = [b for b in ten if SCENARIOS[b["scenario"]].preheat]
    worst = max(ten, key=lambda b: b["peak_total_mb"])
    no_pool = int((POD_MB - server) // per_kernel)
    # A pool as large as the class refills itself: two kernels per learner once it has.
    with_pool = int((POD_MB - server) // (2 * per_kernel))
    text = (
        f"10 learners (+1 observer) peak at {bare['peak_total_mb']:.0f} MB without a pool"
        + (f", {max(b['peak_total_mb'] for b in pooled):.0f} MB with one" if pooled else "")
        + f"; about {per_kernel:.0f} MB per kernel plus {server:.0f} MB for the server, so one "
        f"2 GB pod holds about {no_pool} learners without a pool, about {with_pool} with a pool "
        "as large as the class"
    )
    return {
        "peak_mb_bare": bare["peak_total_mb"],
        "peak_mb_worst": worst["peak_total_mb"],
        "worst_scenario": worst["scenario"],
        "mb_per_kernel": per_kernel,
        "server_mb": server,
        "learners_per_pod": no_pool,
        "learners_per_pod_with_pool": with_pool,
        "fits": worst["peak_total_mb"] <= POD_MB,
        "summary": text,
    }
