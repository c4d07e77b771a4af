"""The browser harness: a real Voila server and a real Chromium driven by Playwright.

How a browser test uses it::

    import pytest
    pytestmark = pytest.mark.browser

    def test_something(voila, page):
        from tests.browser.harness import open_page  # (at the top of the module)
        open_page(page, voila, "03-sitting-and-posture.ipynb")   # waits until every widget is drawn
        page.get_by_role("button", name="Start").click()
        expect(page.locator(".bsc-timer-state")).to_contain_text("Sitting")

* ``voila`` (session) is the base URL of one Voila server serving ``notebooks/`` with the repo's
  ``voila.json`` and the course template, started on a free loopback port and stopped by its pid.
* ``page`` is a fresh Chromium page (1280×900) that records every console error, page error and
  request to a host other than the loopback server. When the test ends, any of those fails it, with
  the list. A test that must allow something can call ``page.course_log.clear()``.
* ``tests.browser.harness.open_page(page, base, notebook, theme=None)`` navigates and waits for
  ``<body data-course-ready="true">``, which the course's Voila template sets once every widget
  output is drawn (the spinner leaving is not enough).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import NOTEBOOKS, REPO

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


@pytest.fixture(scope="session")
def voila(tmp_path_factory):
    """Base URL (``http://127.0.0.1:PORT``) of a Voila server serving ``notebooks/``."""
    with serve_voila(NOTEBOOKS, tmp_path_factory.mktemp("voila") / "voila.log") as (base, _):
        yield base


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = chromium_executable()
    with sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        except Exception as exc:  # never skip silently: say how to get a browser
            pytest.fail(
                "No Chromium to drive. Install Debian's (apt-get install -y chromium), set "
                f"CHROMIUM_PATH, or run 'playwright install chromium'. ({exc})"
            )
        yield b
        b.close()


@dataclass
class CourseLog:
    """What a page did that a learner's page must not do."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)
    failed_responses: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return (
            [f"console error: {m}" for m in self.console_errors]
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


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    """A Chromium page whose console errors, page errors and outside requests fail the test."""
    pg = context.new_page()
    pg.course_log = watch(pg)
    yield pg
    problems = pg.course_log.problems()
    pg.close()
    assert not problems, "the page did what a learner's page must not:\n" + "\n".join(problems)


def pytest_collection_modifyitems(items):
    # Everything in this folder drives a browser: mark it so `-m browser` selects the layer.
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


if not shutil.which("voila", path=os.path.dirname(sys.executable)):
    raise RuntimeError("Voila is not installed in this environment: run `make test` to set it up.")


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


@pytest.fixture(scope="session")
def notebook_copy(tmp_path_factory) -> Path:
    """A throw-away copy of notebooks/: Jupyter saves what it runs; the repo must stay clean."""
    folder = tmp_path_factory.mktemp("course") / "notebooks"
    shutil.copytree(NOTEBOOKS, folder, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    return folder


@pytest.fixture(scope="session")
def lab(notebook_copy, tmp_path_factory):
    """(base URL, token) of a JupyterLab set up as `make lab` and Binder set it up.

    Its root holds ``notebooks/`` (a copy), and the course's workspace (lab/workspace.json) is
    imported, so ``/lab`` opens the home page beside the file browser.
    """
    here = tmp_path_factory.mktemp("lab")
    workspaces = here / "workspaces"
    subprocess.run(
        [sys.executable, "-m", "jupyter", "lab", "workspaces", "import",
         f"--WorkspaceImportApp.workspaces_dir={workspaces}", str(REPO / "lab" / "workspace.json")],
        check=True, capture_output=True, env=server_env(),
    )  # fmt: skip
    proc, base, token = start_jupyter(
        "lab", notebook_copy.parent, here / "log", f"--LabApp.workspaces_dir={workspaces}"
    )
    yield base, token
    stop(proc)


@pytest.fixture(scope="session")
def notebook7(notebook_copy, tmp_path_factory):
    """(base URL, token) of a Jupyter Notebook 7 serving a copy of the notebooks."""
    proc, base, token = start_jupyter(
        "notebook", notebook_copy, tmp_path_factory.mktemp("nb") / "log"
    )
    yield base, token
    stop(proc)
