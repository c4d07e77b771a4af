"""Text a learner should never read: promises of lessons "coming later", and the course's internal
sourcing language ("reference sheet", "health-facts", "§", "No source in this course…", "the points
of NG59 we hold"). The claim is said with its evidence, or left out.

Checked over the markdown of every notebook, every string of every data file the tools show (the
quizzes, the evidence table, the planner, the cause explorer, the nutrients…), and the cause
explorer's lesson map as drawn.
"""

from __future__ import annotations

import re
import tomllib

import nbformat
import pytest

from tests.support.paths import NOTEBOOKS, REPO
from widgets.causes import CauseExplorer

DATA = REPO / "widgets" / "data"
DATA_FILES = sorted(DATA.rglob("*.toml"))
NOTEBOOK_FILES = sorted(NOTEBOOKS.glob("*.ipynb"))

NEVER = re.compile(
    r"coming later|coming soon|not written yet|reference sheet|health-facts|§"
    r"|no source in this course|no source the course uses|we hold"
    # the authors' provenance tags: [S] own document, [S2] secondary copy, [C], [W], [GK]
    r"|\[(?:S|S2|S/S2|C|W|GK)(?:[,:;][^\]]*)?\]",
    re.I,
)


def strings(value, where: str = ""):
    """Every string in a parsed TOML value, with the key path it sits at."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from strings(item, f"{where}.{key}" if where else key)
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield from strings(item, f"{where}[{n}]")
    elif isinstance(value, str):
        yield where, value


def offending(pairs) -> list[str]:
    return [f"{where}: {m.group(0)!r}" for where, text in pairs if (m := NEVER.search(text))]


@pytest.mark.parametrize("path", NOTEBOOK_FILES, ids=[p.name for p in NOTEBOOK_FILES])
def test_no_notebook_shows_placeholder_or_sourcing_language(path):
    nb = nbformat.read(path, as_version=4)
    cells = [(f"cell {n}", c.source) for n, c in enumerate(nb.cells) if c.cell_type == "markdown"]
    assert offending(cells) == []


@pytest.mark.parametrize("path", DATA_FILES, ids=[str(p.relative_to(DATA)) for p in DATA_FILES])
def test_no_data_file_shows_placeholder_or_sourcing_language(path):
    with path.open("rb") as f:
        data = tomllib.load(f)
    assert offending(strings(data)) == []


def test_the_cause_map_promises_no_lesson_that_is_coming():
    explorer = CauseExplorer()
    drawn = " ".join(str(getattr(c, "value", "")) for c in explorer.children)
    assert "<svg" in drawn and "Lesson 08" in drawn
    assert not NEVER.search(drawn)


def test_the_checker_catches_each_phrase():
    samples = [
        ("a", "Lesson 07 (coming later) will cover treatment."),
        ("b", "Lessons that are not written yet say coming soon."),
        ("c", "See health-facts.md §2."),
        ("d", "Not in the points of NG59 we hold"),
        ("e", "No source in this course links diet to spasms."),
        ("f", "The course's reference sheet found nothing."),
        ("g", "The back pain guidelines do not list supplements among their treatments."),
        ("h", "Mayo Clinic [S]; NHS [S2]; tip [GK]."),
        ("i", "See [Course home](00-start-here.ipynb)."),
    ]
    wanted = ["a", "b", "c", "d", "e", "f", "h"]
    assert [line.split(":")[0] for line in offending(samples)] == wanted
    assert list(strings({"x": [{"y": "§"}]})) == [("x[0].y", "§")]
