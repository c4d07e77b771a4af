"""Driving JupyterLab and Notebook 7 the way a learner does: open a lesson, Run → Run All Cells."""

from __future__ import annotations

import contextlib
import re
import time

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


#: JupyterLab's own console message when a kernel it was restoring debugger state for goes away:
#: it follows a kernel change (the "Select Kernel" dialog accepted), never the course's code.
DEBUGGER_RESTORE = "Could not restore the debugger state"
PROMPTS = """() => {
  const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
    .map(e => e.textContent);
  const indicator = document.querySelector('.jp-Notebook-ExecutionIndicator');
  return {started: prompts.some(t => /\\[(\\*|\\d+)\\]/.test(t)),
          done: prompts.filter(t => /\\[\\d+\\]/.test(t)).length,
          total: prompts.length,
          status: indicator ? indicator.dataset.status : null};
}"""


def _kernel_dialog(page) -> bool:
    """Accept JupyterLab's "Select Kernel" dialog (Python 3), as a learner does; True if one was
    there. Any other dialog fails the test with its text."""
    dialog = page.locator(".jp-Dialog")
    if not dialog.count():
        return False
    text = dialog.first.inner_text()
    # On a busy server JupyterLab can open a notebook before it has the kernel list and ask
    # which kernel to use; a learner accepts the offered Python 3, and so does the test.
    if "Select Kernel" in text and "Python 3" in text:
        dialog.locator(".jp-mod-accept").first.click()
        page.course_log.forgive(DEBUGGER_RESTORE)
        return True
    raise AssertionError(f"JupyterLab shows a dialog: {text[:300]!r}")


def _click_run_all(page) -> bool:
    """Run → Run All Cells from the menu bar; False if a dialog or a closed menu got in the way."""
    try:
        page.locator(".jp-Notebook").first.click(position={"x": 5, "y": 5}, timeout=10_000)
        page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click(timeout=10_000)
        page.locator(".lm-Menu-itemLabel").get_by_text("Run All Cells", exact=True).click(
            timeout=10_000
        )
        return True
    except Exception:
        if not page.locator(".jp-Dialog").count():
            page.keyboard.press("Escape")  # close a menu left open
        return False


def run_all(page, timeout: float = 120_000, stall_s: float = 20.0) -> None:
    """Run every cell from the menu bar and wait until each code cell has an execution count.

    The menu is used as a learner would; a click that lands before the kernel is connected does
    nothing, so it is repeated (up to five times) until the prompts show that cells ran.

    A learner whose run stopped half-way (cells left at ``[*]`` while the kernel sits idle, which
    happens when JupyterLab replaces the kernel the run was sent to: a "Select Kernel" dialog
    accepted on a busy server) presses Run All again; so does this, twice at most, after
    ``stall_s`` seconds of an idle kernel with unfinished cells. A kernel that stays busy is never
    interrupted: it fails the test at ``timeout``. JupyterLab's debugger message about the replaced
    kernel (DEBUGGER_RESTORE) is forgiven only when a kernel dialog was accepted or a run stalled;
    a dialog about a dead kernel fails the test with its text.
    """
    page.wait_for_selector(".jp-Notebook", timeout=timeout)
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=timeout)
    has_code = page.locator(".jp-CodeCell").count() > 0
    for _ in range(5):
        if _kernel_dialog(page) or not _click_run_all(page):
            continue
        if not has_code:
            return
        try:
            page.wait_for_function(f"({PROMPTS})().started", timeout=15_000)
            break
        except Exception:  # the kernel was not ready: try the menu again
            continue
    deadline = time.monotonic() + timeout / 1000
    idle_since, reruns, last_done = None, 0, -1
    while True:
        state = page.evaluate(PROMPTS)
        if state["total"] and state["done"] == state["total"]:
            break
        now = time.monotonic()
        if _kernel_dialog(page):
            idle_since = None
        elif state["status"] == "idle" and state["done"] == last_done:
            idle_since = idle_since or now
            if now - idle_since > stall_s and reruns < 2:
                print(f"run_all: {state['done']} of {state['total']} cells ran and the kernel "
                      f"is idle; Run All again")  # fmt: skip
                reruns += 1
                idle_since = None
                page.course_log.forgive(DEBUGGER_RESTORE)  # the run's kernel went away
                _click_run_all(page)
        else:
            idle_since = None
        last_done = state["done"]
        if now > deadline:
            raise AssertionError(
                f"Run All did not finish in {timeout / 1000:.0f} s: {state['done']} of "
                f"{state['total']} cells ran, kernel {state['status']}, {reruns} rerun(s)"
            )
        page.wait_for_timeout(1000)
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
