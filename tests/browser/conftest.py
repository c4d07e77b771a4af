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

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.paths import NOTEBOOKS, REPO
from tests.support.servers import (
    CHROMIUM_ARGS,
    chromium_executable,
    serve_voila,
    server_env,
    start_jupyter,
    stop,
    watched_page,
)


@pytest.fixture(scope="session")
def voila(tmp_path_factory):
    """Base URL (``http://127.0.0.1:PORT``) of a Voila server serving ``notebooks/``."""
    with serve_voila(NOTEBOOKS, tmp_path_factory.mktemp("voila") / "voila.log") as (base, _):
        yield base


@pytest.fixture(scope="session")
def playwright_driver():
    """The one Playwright of a test process (a second sync_playwright() in the same process
    fails: "Sync API inside the asyncio loop"): fixtures that need a browser of their own, such
    as the static site's offline one, launch it from here."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright_driver):
    executable = chromium_executable()
    try:
        b = playwright_driver.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
    except Exception as exc:  # never skip silently: say how to get a browser
        pytest.fail(
            "No Chromium to drive. Install Debian's (apt-get install -y chromium), set "
            f"CHROMIUM_PATH, or run 'playwright install chromium'. ({exc})"
        )
    yield b
    b.close()


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    """A Chromium page whose console errors, page errors and outside requests fail the test."""
    yield from watched_page(context)


def pytest_collection_modifyitems(items):
    # Everything in this folder drives a browser: mark it so `-m browser` selects the layer.
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)
        # make test runs `-m serial` and `-m quiet` as two processes at once: never both.
        if item.get_closest_marker("serial") and item.get_closest_marker("quiet"):
            raise pytest.UsageError(f"{item.nodeid} is marked both serial and quiet")


if not shutil.which("voila", path=os.path.dirname(sys.executable)):
    raise RuntimeError("Voila is not installed in this environment: run `make test` to set it up.")


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
