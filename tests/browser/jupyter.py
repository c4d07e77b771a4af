"""Driving JupyterLab and Notebook 7 the way a learner does: open a lesson, Run → Run All Cells."""

from __future__ import annotations

import contextlib
import re

import nbformat

#: A view's call in a lesson cell (``SittingTimer()``, ``Quiz("03")``) is the last line of the cell.
VIEW_CALL = re.compile(r"^[A-Z]\w*\(.*\)\s*$")
#: What a widget looks like when the front end could not draw it: its Python repr.
WIDGET_REPR = re.compile(r"^\s*[A-Z]\w*\((children|value|layout|description|options)=", re.M)


def expected_widgets(path) -> int:
    """How many code cells of a notebook end with a call that shows a view."""
    nb = nbformat.read(path, as_version=4)
    return sum(
        1
        for c in nb.cells
        if c.cell_type == "code" and c.source.strip() and VIEW_CALL.match(c.source.splitlines()[-1])
    )


def run_all(page, timeout: float = 120_000) -> None:
    """Run every cell from the menu bar and wait until each code cell has an execution count.

    The menu is used as a learner would; a click that lands before the kernel is connected does
    nothing, so it is repeated (up to five times) until the prompts show that cells ran.
    """
    page.wait_for_selector(".jp-Notebook", timeout=timeout)
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=timeout)
    started = """() => [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
                   .some(e => /\\[(\\*|\\d+)\\]/.test(e.textContent))"""
    finished = """() => [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
                    .every(e => /\\[\\d+\\]/.test(e.textContent))"""
    has_code = page.locator(".jp-CodeCell").count() > 0
    for _ in range(5):
        dialog = page.locator(".jp-Dialog")
        if dialog.count():
            text = dialog.first.inner_text()
            # On a busy server JupyterLab can open a notebook before it has the kernel list and ask
            # which kernel to use; a learner accepts the offered Python 3, and so does the test.
            if "Select Kernel" in text and "Python 3" in text:
                dialog.locator(".jp-mod-accept").first.click()
                continue
            raise AssertionError(f"JupyterLab shows a dialog: {text[:300]!r}")
        try:  # a dialog that opens meanwhile blocks the clicks: the next round deals with it
            page.locator(".jp-Notebook").first.click(position={"x": 5, "y": 5}, timeout=10_000)
            page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click(timeout=10_000)
            page.locator(".lm-Menu-itemLabel").get_by_text("Run All Cells", exact=True).click(
                timeout=10_000
            )
        except Exception:
            if not page.locator(".jp-Dialog").count():
                page.keyboard.press("Escape")  # close a menu left open
            continue
        if not has_code:
            return
        try:
            page.wait_for_function(started, timeout=15_000)
            break
        except Exception:  # the kernel was not ready: try the menu again
            continue
    page.wait_for_function(finished, timeout=timeout)
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=timeout)


def notebook_problems(page, expected: int) -> list[str]:
    """What is wrong with a notebook after Run All: errors, undrawn widgets, widget reprs."""
    # JupyterLab gives a drawn widget's output area no mime-type attribute: count the output areas
    # that hold a widget view. Views are drawn after the kernel goes idle, which can take seconds
    # on a busy machine, so wait for them (an undrawn widget is reported below, with the count).
    drawn_css = ".jp-OutputArea-output:has(> .jupyter-widgets)"
    with contextlib.suppress(Exception):
        page.wait_for_function(
            "([css, n]) => document.querySelectorAll(css).length >= n",
            arg=[drawn_css, expected],
            timeout=30_000,
        )
    problems = []
    errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    if errors.count():
        problems.append(f"{errors.count()} error output(s): {errors.first.inner_text()[:300]}")
    if "Error displaying widget" in page.locator(".jp-Notebook").inner_text():
        problems.append("'Error displaying widget' is shown")
    for out in page.locator(".jp-OutputArea-output[data-mime-type='text/plain']").all():
        if WIDGET_REPR.search(out.inner_text()):
            problems.append(f"a widget shows as text: {out.inner_text()[:120]!r}")
    drawn = page.locator(drawn_css).count()
    if drawn < expected:
        problems.append(f"{drawn} widget output(s) drawn, expected {expected}")
    return problems


def forgive_early_image_404s(page, base: str, images_dir) -> None:
    """JupyterLab first asks for a markdown image relative to /lab (a 404) before it resolves the
    path against the notebook's folder: forgive only that first try, for an image that exists in
    ``images_dir`` (the caller checks that every image was then drawn)."""
    log = page.course_log
    for name in (p.name for p in images_dir.glob("*.svg")):
        early = f"404 {base}/images/{name}"
        if early in log.failed_responses:
            log.failed_responses.remove(early)
            log.console_errors.remove(
                "Failed to load resource: the server responded with a status of 404 (Not Found)"
            )
