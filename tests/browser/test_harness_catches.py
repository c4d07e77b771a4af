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
