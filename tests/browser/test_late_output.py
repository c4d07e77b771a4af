"""A tool whose output comes late: the page says so, or (with the course's settings) waits for it.

Issue 20: with 30 learners opening the dashboard at once on 2 cores, a page's output stream lagged
more than Voila's executor waits after a cell's reply (nbclient's ``iopub_timeout``, 4 s by
default), and a learner got the page without its tool, silently. Here the lag is made on purpose
and every time: ``late_output/late-tool.ipynb`` shows a tool whose output leaves the kernel 6 s
after the kernel answered the cell (``late_output/late_tool.py`` explains how), then a tool that
comes at once.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.harness import (
    READY,
    axe_report,
    forgive_shutdown_beacon,
    open_page,
    page_problems,
)
from tests.support.paths import REPO
from tests.support.servers import serve_voila, start_jupyter, stop

# Timing against the server (pools, culling, output deadlines): run alone (see the Makefile).
pytestmark = [pytest.mark.browser, pytest.mark.serial]

LATE = Path(__file__).parent / "late_output"
NOTEBOOK = "late-tool.ipynb"
MESSAGE = "This tool did not load — reload the page."
TIMEOUT_LOG = "Timeout waiting for IOPub output"
#: The cell (Voila's 1-based numbering) whose output comes late.
LATE_CELL = 2


def kernel_id(page) -> str:
    return json.loads(page.locator("#jupyter-config-data").text_content())["kernelId"]


def test_a_tool_whose_output_comes_too_late_says_it_did_not_load(page, tmp_path):
    """A server that waits 1 s for a cell's output (the lag here is 6 s): the late tool's place
    says it did not load, with a Reload button a keyboard reaches; the rest of the page works."""
    log = tmp_path / "voila.log"
    with serve_voila(LATE, log, "--VoilaExecutor.iopub_timeout=1") as (base, _):
        open_page(page, base, NOTEBOOK)
        notice = page.get_by_role("alert")
        expect(notice).to_have_count(1)
        expect(notice).to_have_text(MESSAGE + "Reload")
        # In the late tool's own place, not somewhere else on the page.
        expect(page.locator(f'[cell-index="{LATE_CELL}"] [role="alert"]')).to_have_count(1)
        expect(page.get_by_role("button", name="Late tool")).to_have_count(0)
        expect(page.get_by_role("button", name="On-time tool")).to_be_visible()
        assert page.get_attribute("body", "data-course-missing") == "1"
        assert page_problems(page) == ["1 tool(s) did not load"]
        serious, _ = axe_report(page)
        assert serious == [], "\n".join(serious)
        reload = notice.get_by_role("button", name="Reload")
        expect(reload).to_be_visible()
        before = kernel_id(page)
        reload.focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        page.wait_for_selector(READY, state="attached")
        assert kernel_id(page) != before, "Reload did not load the page again"
        forgive_shutdown_beacon(page)  # leaving the first page: Voila 0.5 refuses its beacon
    assert TIMEOUT_LOG in log.read_text(errors="replace")


def test_with_the_course_settings_the_late_tool_is_on_the_page(page, tmp_path):
    """voila.json's iopub_timeout outlasts the 6 s lag (nbclient's default 4 s would not): the
    same page is complete, with no notice, and the executor never gave up."""
    log = tmp_path / "voila.log"
    with serve_voila(LATE, log) as (base, _):
        open_page(page, base, NOTEBOOK)
        expect(page.get_by_role("button", name="Late tool")).to_be_visible()
        expect(page.get_by_role("button", name="On-time tool")).to_be_visible()
        expect(page.locator(".bsc-tool-missing")).to_have_count(0)
        assert page.get_attribute("body", "data-course-missing") == "0"
        assert page_problems(page) == []
    assert TIMEOUT_LOG not in log.read_text(errors="replace")


def run_postbuild_python(prefix: Path) -> Path:
    """Run the Python blocks postBuild runs on Binder, with ``sys.prefix`` pointed at ``prefix``;
    return the config folder they wrote (``prefix/etc/jupyter``, where Binder's server reads)."""
    blocks = re.findall(r"<<'PY'\n(.*?)\nPY\n", (REPO / "postBuild").read_text(), re.S)
    assert blocks, "postBuild runs no Python block"
    for script in blocks:
        runner = f"import sys\nsys.prefix = {str(prefix)!r}\n" + script
        subprocess.run([sys.executable, "-c", runner], cwd=REPO, check=True, timeout=60)
    return prefix / "etc" / "jupyter"


def test_as_a_jupyter_server_extension_the_late_tool_is_on_the_page(page, tmp_path):
    """On Binder Voila runs inside the Jupyter server (``?urlpath=voila/render/...``) and takes the
    executor's settings from the server's config, not from voila.json: with what postBuild
    writes, the same late tool is on the page (without it, nbclient's 4 s drops it)."""
    config = run_postbuild_python(tmp_path / "prefix")
    written = json.loads((config / "jupyter_server_config.json").read_text())
    voila = json.loads((REPO / "voila.json").read_text())
    assert written["VoilaExecutor"] == voila["VoilaExecutor"]
    log = tmp_path / "server.log"
    proc, base, token = start_jupyter("server", LATE, log, env={"JUPYTER_CONFIG_PATH": str(config)})
    try:
        page.goto(f"{base}/voila/render/{NOTEBOOK}?token={token}", wait_until="domcontentloaded")
        page.wait_for_selector(READY, state="attached", timeout=90_000)
        expect(page.get_by_role("button", name="Late tool")).to_be_visible()
        expect(page.locator(".bsc-tool-missing")).to_have_count(0)
        assert page_problems(page) == []
    finally:
        stop(proc)
    assert TIMEOUT_LOG not in log.read_text(errors="replace")
