"""The course in JupyterLab: every lesson runs from the menu and shows its tools as widgets."""

import json
import subprocess
import sys

import pytest

from tests.browser.jupyter import expected_widgets, notebook_problems, run_all
from tests.conftest import NOTEBOOKS

PAGES = sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))


@pytest.mark.parametrize("notebook", PAGES)
def test_lesson_runs_in_lab(lab, page, notebook):
    base, token = lab
    page.goto(f"{base}/lab/tree/{notebook}?token={token}&reset", wait_until="domcontentloaded")
    run_all(page)
    problems = notebook_problems(page, expected_widgets(NOTEBOOKS / notebook))
    assert problems == []


def labextensions() -> dict[str, str]:
    """{extension name: status line} from ``jupyter labextension list``."""
    out = subprocess.run(
        [sys.executable, "-m", "jupyter", "labextension", "list"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    found = {}
    for line in (out.stdout + out.stderr).splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[1].startswith("v"):
            found[parts[0]] = line
    return found


def test_widget_front_end_matches_the_kernel_side():
    import ipywidgets
    from jupyterlab_widgets import __version__ as lab_widgets

    # ipywidgets 8 pairs with jupyterlab_widgets 3 (widget protocol 2); 7 with 1.
    assert int(ipywidgets.__version__.split(".")[0]) == 8
    assert int(lab_widgets.split(".")[0]) == 3, lab_widgets
    extensions = labextensions()
    for needed in ("@jupyter-widgets/jupyterlab-manager", "anywidget"):
        assert needed in extensions, f"{needed} is not installed: {sorted(extensions)}"
        assert "enabled" in extensions[needed] and "OK" in extensions[needed], extensions[needed]


def test_anywidget_front_end_matches_the_python_side():
    import anywidget

    extensions = labextensions()
    assert anywidget.__version__ in extensions["anywidget"], (
        f"anywidget {anywidget.__version__} vs {extensions['anywidget']}"
    )
    json.dumps(extensions)  # the listing parsed into plain strings
