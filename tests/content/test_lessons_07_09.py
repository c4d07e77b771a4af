"""Lessons 07–09: their data files validate and carry sources, and their pages hold what the
issue asks for (tools, quiz under "Check", disclaimer, sources, links only to pages that exist)."""

from __future__ import annotations

import re

import nbformat
import pytest

from tests.support.paths import NOTEBOOKS
from widgets.content import load_toml
from widgets.planner.model import load_evidence, load_planner
from widgets.routine.model import load_routine

PAGES = {
    "07": ("07-treating-a-spasm.ipynb", ["HeatColdPlanner()", "EvidenceTable()", 'Quiz("07")']),
    "08": ("08-preventing-the-next-one.ipynb", ["GuidedRoutine()", 'Quiz("08")']),
    "09": ("09-review.ipynb", ['Quiz("09")', "MyBackCarePlan()"]),
}
LINK = re.compile(r"\]\(([^)\s]+\.ipynb)\)")


def cells(number):
    return nbformat.read(NOTEBOOKS / PAGES[number][0], as_version=4).cells


def test_data_files_load_and_every_fact_has_a_source():
    planner = load_planner()
    for line in (planner.evidence, planner.early, planner.barrier, planner.sleep, planner.heat):
        assert line.source.strip()
    for caution in planner.cautions:
        assert caution.heat_line.source.strip() and caution.cold_line.source.strip()
    assert all(c.source for row in load_evidence().rows for c in row.cells)
    routine = load_routine()
    assert all(e.timing_source for e in routine.exercises)
    assert routine.caution.source and routine.start.source


def test_weak_sources_are_only_cautious_tips():
    data = load_toml("heat_cold.toml")
    for caution in data["caution"]:
        for pack in ("heat", "cold"):
            if "[W]" in caution[f"source_{pack}"]:
                assert caution[f"text_{pack}"].startswith("A cautious tip"), caution["id"]


def test_the_48_hour_ice_rule_is_presented_as_one_centres_practice():
    early = load_planner().early
    assert "one centre's practice" in early.text and "Penn State" in early.source


@pytest.mark.parametrize("number", list(PAGES))
def test_page_shows_its_tools_and_quiz_under_check(number):
    sources = [c.source for c in cells(number)]
    code = [s for c, s in zip(cells(number), sources, strict=True) if c.cell_type == "code"]
    for call in PAGES[number][1]:
        assert any(s.strip().endswith(call) for s in code), call
    quiz_at = next(i for i, s in enumerate(sources) if f'Quiz("{number}")' in s)
    assert "## Check" in sources[quiz_at - 1]


@pytest.mark.parametrize("number", list(PAGES))
def test_page_links_only_to_pages_that_exist_and_goes_home(number):
    text = "\n".join(c.source for c in cells(number) if c.cell_type == "markdown")
    links = LINK.findall(text)
    assert "00-start-here.ipynb" in links
    for link in links:
        assert (NOTEBOOKS / link).exists(), link


def test_lesson_07_teaches_the_corrections_of_the_seed_text():
    text = "\n".join(c.source for c in cells("07"))
    assert "do not stay in bed" in text.lower() or "avoid long bed rest" in text
    assert "not a rule from the" in text and "Paracetamol on its own" in text
    assert "NICE says do not offer" in text
