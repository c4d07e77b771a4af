"""The pages the benchmark serves: the course's notebooks plus two it writes itself.

* ``bench-baseline.ipynb``: one markdown cell and one ``IntSlider``: the smallest page that still
  loads the widget front-end and starts a kernel, so every page's time and memory are compared
  with it.
* ``bench-roundtrip.ipynb``: a slider whose kernel-side observer writes its value into a Label: the
  cheapest possible widget round trip, the yardstick for the tools' interaction latency.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import nbformat

from widgets.course import COURSE

BASELINE = "bench-baseline.ipynb"
ROUNDTRIP = "bench-roundtrip.ipynb"
#: The class of the Label the round-trip notebook updates from the kernel.
ROUNDTRIP_LABEL = "bench-roundtrip-label"
ROUNDTRIP_SLIDER = "bench-roundtrip-slider"
#: The course home page and the dashboard: the course manifest's (widgets/data/course.toml).
HOME = COURSE.home
DASHBOARD = COURSE.dashboard

_KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}


def _notebook(cells: list) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = dict(_KERNELSPEC)
    nb.metadata["language_info"] = {"name": "python"}
    nb.cells = cells
    return nb


def baseline_notebook() -> nbformat.NotebookNode:
    """One markdown cell and one ``IntSlider``: the yardstick page."""
    return _notebook(
        [
            nbformat.v4.new_markdown_cell("# Baseline\n\nOne slider, nothing else."),
            nbformat.v4.new_code_cell("import ipywidgets as w\nw.IntSlider(description='n')"),
        ]
    )


def roundtrip_notebook() -> nbformat.NotebookNode:
    """A slider whose kernel-side observer updates a Label: one widget round trip per move."""
    source = (
        "import ipywidgets as w\n"
        "slider = w.IntSlider(description='n', max=1000)\n"
        "label = w.Label('0')\n"
        f"slider.add_class('{ROUNDTRIP_SLIDER}')\n"
        f"label.add_class('{ROUNDTRIP_LABEL}')\n"
        "slider.observe(lambda change: setattr(label, 'value', str(change['new'])), 'value')\n"
        "w.VBox([slider, label])"
    )
    return _notebook(
        [
            nbformat.v4.new_markdown_cell("# Round trip\n\nA slider echoed by the kernel."),
            nbformat.v4.new_code_cell(source),
        ]
    )


def prepare(notebooks: Path, folder: Path) -> Path:
    """Copy ``notebooks`` (lessons and images) into ``folder/notebooks`` and add the two yardsticks.

    Returns
    -------
    Path
        The folder Voila should serve.
    """
    served = folder / "notebooks"
    shutil.copytree(
        notebooks, served, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
    )
    nbformat.write(baseline_notebook(), served / BASELINE)
    nbformat.write(roundtrip_notebook(), served / ROUNDTRIP)
    return served


@dataclass(frozen=True)
class Page:
    """One course page and what its code cells use."""

    name: str
    #: Public names imported from ``widgets`` in its code cells (e.g. ``("SittingTimer",)``).
    tools: tuple[str, ...]
    code_cells: int

    @property
    def is_tool_page(self) -> bool:
        return bool(self.tools)


_IMPORT = re.compile(r"from\s+widgets(?:\.[\w.]+)?\s+import\s+([\w\s,()]+)")


def tools_in(source: str) -> tuple[str, ...]:
    """The names a code cell imports from the ``widgets`` package, in order, without repeats."""
    names: list[str] = []
    for match in _IMPORT.finditer(source):
        for name in re.split(r"[\s,()]+", match.group(1)):
            if name and name not in names:
                names.append(name)
    return tuple(names)


def discover(notebooks: Path) -> list[Page]:
    """Every ``notebooks/*.ipynb`` (sorted), with the tools its code cells import."""
    pages = []
    for path in sorted(notebooks.glob("*.ipynb")):
        if path.name in (BASELINE, ROUNDTRIP):
            continue
        nb = nbformat.read(path, as_version=4)
        code = [c.source for c in nb.cells if c.cell_type == "code"]
        tools: tuple[str, ...] = ()
        for source in code:
            tools += tuple(t for t in tools_in(source) if t not in tools)
        pages.append(Page(path.name, tools, len(code)))
    return pages


def page_using(pages: list[Page], tool: str, prefer: str) -> Page | None:
    """The page that shows ``tool``: the one whose name starts with ``prefer`` if several do."""
    using = [p for p in pages if tool in p.tools]
    preferred = [p for p in using if p.name.startswith(prefer)]
    return (preferred or using or [None])[0]
