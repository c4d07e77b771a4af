"""The harness can fail: a broken notebook, an outside request and a console error are each caught.

A second Voila with the course's settings serves three deliberately bad notebooks (temp folder).
"""

import nbformat
import pytest

from tests.browser.harness import open_page, page_problems
from tests.support.servers import serve_voila, watch

BAD = {
    "raises.ipynb": [
        ("markdown", "# Raises"),
        ("code", "raise RuntimeError('deliberately broken')"),
    ],
    "outside.ipynb": [
        ("markdown", '# Outside\n\n<img src="https://example.invalid/pixel.png" alt="pixel">'),
    ],
    "console.ipynb": [
        ("markdown", "# Console"),
        ("code", "from IPython.display import Javascript\nJavascript(\"console.error('boom')\")"),
    ],
}


@pytest.fixture(scope="module")
def bad_voila(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad-notebooks")
    for name, cells in BAD.items():
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
        nb.cells = [
            nbformat.v4.new_markdown_cell(src)
            if kind == "markdown"
            else nbformat.v4.new_code_cell(src)
            for kind, src in cells
        ]
        nbformat.write(nb, folder / name)
    with serve_voila(folder, folder / "voila.log") as (base, _):
        yield base


@pytest.fixture
def bad_page(context):
    pg = context.new_page()
    pg.course_log = watch(pg)
    yield pg
    pg.close()


def test_a_raising_cell_is_caught(bad_voila, bad_page):
    open_page(bad_page, bad_voila, "raises.ipynb")
    assert any("error when executing cell" in p for p in page_problems(bad_page))


def test_an_outside_request_is_caught(bad_voila, bad_page):
    open_page(bad_page, bad_voila, "outside.ipynb")
    bad_page.wait_for_timeout(500)
    assert any("example.invalid" in u for u in bad_page.course_log.outside_requests)


def test_a_console_error_is_caught(bad_voila, bad_page):
    open_page(bad_page, bad_voila, "console.ipynb")
    bad_page.wait_for_timeout(500)
    assert "boom" in bad_page.course_log.console_errors


# --- run_all: a run that stopped half-way (a stand-in page, no browser) ---------------------------


class ScriptedLab:
    """A stand-in for a JupyterLab page: each read of the prompts gives the next scripted state
    (the last one repeats); Run All clicks are counted, and a click can start the next script."""

    def __init__(self, scripts):
        from tests.support.servers import CourseLog

        self.scripts, self.clicks, self.course_log = list(scripts), 0, CourseLog()
        self.states = self.scripts.pop(0)

    def click_run_all(self):
        self.clicks += 1
        if self.clicks > 1 and self.scripts:
            self.states = self.scripts.pop(0)
        return True

    def evaluate(self, _js):
        return self.states.pop(0) if len(self.states) > 1 else self.states[0]

    def wait_for_selector(self, *a, **k):
        pass

    def wait_for_function(self, *a, **k):
        pass

    def wait_for_timeout(self, ms):
        import time

        time.sleep(0.005)

    def locator(self, _css):
        return type("L", (), {"count": lambda self: 1})()


def state(done, status, total=10):
    return {"started": True, "done": done, "total": total, "status": status}


@pytest.fixture
def scripted(monkeypatch):
    from tests.browser import jupyter

    def make(*scripts):
        lab = ScriptedLab(scripts)
        monkeypatch.setattr(jupyter, "_kernel_dialog", lambda page: False)
        monkeypatch.setattr(jupyter, "_click_run_all", lambda page: page.click_run_all())
        return lab

    return make


def test_a_run_left_half_done_by_an_idle_kernel_is_run_again(scripted):
    from tests.browser.jupyter import DEBUGGER_RESTORE, run_all

    lab = scripted([state(3, "busy"), state(3, "idle")], [state(6, "busy"), state(10, "idle")])
    lab.course_log.console_errors.append(f"{DEBUGGER_RESTORE}: Canceled future")
    run_all(lab, timeout=5_000, stall_s=0.05)
    assert lab.clicks == 2  # the learner's Run All, then one more after the stall
    assert lab.course_log.problems() == []  # JupyterLab's message about the lost kernel


def test_a_busy_kernel_is_never_run_again_and_fails_at_the_timeout(scripted):
    from tests.browser.jupyter import DEBUGGER_RESTORE, run_all

    lab = scripted([state(3, "busy")])
    lab.course_log.console_errors.append(f"{DEBUGGER_RESTORE}: Canceled future")
    with pytest.raises(AssertionError, match="3 of 10 cells ran, kernel busy, 0 rerun"):
        run_all(lab, timeout=300, stall_s=0.05)
    assert lab.clicks == 1
    assert lab.course_log.problems() != []  # not forgiven: nothing replaced the kernel


def test_a_run_that_stalls_for_good_fails_after_two_more_tries(scripted):
    from tests.browser.jupyter import run_all

    lab = scripted([state(3, "idle")])
    with pytest.raises(AssertionError, match="3 of 10 cells ran, kernel idle, 2 rerun"):
        run_all(lab, timeout=1_000, stall_s=0.05)
    assert lab.clicks == 3
