"""Servers and browsers for tests and benchmarks: Voila and Jupyter started as `make` starts them.

Shared by ``tests/browser`` (its conftest turns these into fixtures) and ``benchmarks/``; it imports
neither. Every server runs in its own process group, so :func:`stop` ends it with its kernels.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import psutil
import pytest

from tests.support.paths import REPO

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}


def chromium_executable() -> str | None:
    """CHROMIUM_PATH, else Debian's chromium; None: Playwright's own download, if installed."""
    for candidate in (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_http(url: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited early with code {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


def server_env() -> dict[str, str]:
    """The environment `make serve` gives Voila: nothing added. The course template must be found
    where `make` installed it (the environment's share/jupyter), not through JUPYTER_PATH."""
    env = dict(os.environ)
    env.pop("JUPYTER_PATH", None)
    return env


def stop(proc: subprocess.Popen) -> None:
    """Stop a server and its kernels: it was started in its own process group."""
    if proc.poll() is not None:
        return
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=5)


@contextlib.contextmanager
def serve_voila(folder: Path, log: Path, *extra: str, ready_path: str = "/"):
    """Run Voila on ``folder`` as `make serve` does (repo's voila.json, course template).

    Yields ``(base URL, process)`` once ``ready_path`` answers; stops it and its kernels afterwards.
    ``extra`` command-line settings override voila.json (a short cull timeout, say).
    """
    port = free_port()
    cmd = [
        sys.executable, "-m", "voila", str(folder), "--no-browser",
        f"--port={port}", "--Voila.ip=127.0.0.1", *extra,
    ]  # fmt: skip
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            cmd, cwd=REPO, env=server_env(), stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        try:
            wait_for_http(base + ready_path, proc, timeout=120)
        except RuntimeError as exc:
            pytest.fail(f"Voila did not start: {exc}\n{log.read_text(errors='replace')[-3000:]}")
        yield base, proc
    finally:
        stop(proc)


@dataclass
class CourseLog:
    """What a page did that a learner's page must not do."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)
    failed_responses: list[str] = field(default_factory=list)
    #: Console messages a test has a stated reason to accept (substrings; see ``forgive``).
    forgiven: list[str] = field(default_factory=list)

    def forgive(self, text: str) -> None:
        """Accept console errors containing ``text`` from now on (the caller says why)."""
        self.forgiven.append(text)

    def problems(self) -> list[str]:
        console = [m for m in self.console_errors if not any(f in m for f in self.forgiven)]
        return (
            [f"console error: {m}" for m in console]
            + [f"page error: {m}" for m in self.page_errors]
            + [f"request to a non-loopback host: {u}" for u in self.outside_requests]
            + [f"failed response: {r}" for r in self.failed_responses]
        )

    def clear(self) -> None:
        self.console_errors.clear()
        self.page_errors.clear()
        self.outside_requests.clear()
        self.failed_responses.clear()


def is_outside(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "chrome-extension"):
        return False
    return (parts.hostname or "") not in LOOPBACK


def watch(page) -> CourseLog:
    """Record console errors, uncaught page errors and requests that leave the machine."""
    log = CourseLog()
    page.on("console", lambda m: m.type == "error" and log.console_errors.append(m.text))
    page.on("pageerror", lambda e: log.page_errors.append(str(e)))
    page.on("request", lambda r: is_outside(r.url) and log.outside_requests.append(r.url))
    page.on(
        "response",
        lambda r: r.status >= 400 and log.failed_responses.append(f"{r.status} {r.url}"),
    )
    return log


def watched_page(context):
    """Yield a new page of ``context`` whose console errors, page errors and outside requests
    fail the test when it is done (the body of every ``page`` fixture)."""
    pg = context.new_page()
    pg.course_log = watch(pg)
    yield pg
    problems = pg.course_log.problems()
    pg.close()
    assert not problems, "the page did what a learner's page must not:\n" + "\n".join(problems)


def is_kernel(proc: psutil.Process) -> bool:
    """Whether ``proc`` is an IPython kernel (a server's child started by ipykernel)."""
    try:
        return "ipykernel_launcher" in " ".join(proc.cmdline())
    except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
        return False


def start_jupyter(app: str, folder: Path, log: Path, *extra: str, env: dict | None = None):
    """Start ``jupyter lab`` or ``jupyter notebook`` on ``folder``: (process, base URL, token).

    ``env`` adds environment variables (e.g. ``JUPYTER_CONFIG_PATH`` for settings postBuild wrote).
    """
    import secrets

    port, token = free_port(), secrets.token_hex(16)
    cmd = [
        sys.executable, "-m", "jupyter", app, "--no-browser", f"--port={port}",
        "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={folder}", "--LabApp.news_url=",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate", *extra,
    ]  # fmt: skip
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            cmd, cwd=REPO, env={**server_env(), **(env or {})}, stdout=out,
            stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{base}/api/status?token={token}", proc, timeout=90)
    except RuntimeError as exc:
        stop(proc)
        pytest.fail(
            f"jupyter {app} did not start: {exc}\n{log.read_text(errors='replace')[-3000:]}"
        )
    return proc, base, token
