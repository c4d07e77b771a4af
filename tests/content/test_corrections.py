"""Treatment and nutrition facts stated exactly, in the lesson, the data file and the quiz together
(each of these was once wrong or missing):

* drugs: the ACP puts non-drug treatment first and gives NSAIDs or muscle relaxants as equal
  options; NICE gives oral NSAIDs at the lowest dose for the shortest time, never paracetamol alone;
* acupuncture: ACP low-quality evidence under 12 weeks but moderate-quality for chronic pain; NICE
  do not offer;
* massage (ACP Recommendation 1; NICE only with exercise); opioids; steroid tablets; scans; belts,
  corsets and TENS; the physiotherapist; acute versus chronic (12 weeks); sciatica;
* slow breathing: the effect on felt stress did not reach statistical significance;
* potassium: no upper limit because one was not determined;
* magnesium: the Cochrane review was of cramps in older adults;
* quiz 05 tests only what lesson 05 teaches (no steroid tablets).
"""

from __future__ import annotations

import re

import nbformat
import pytest

from tests.support.paths import NOTEBOOKS
from widgets.content import load_toml
from widgets.planner.model import load_evidence
from widgets.quiz import load_quiz


def lesson(number: str) -> str:
    (path,) = NOTEBOOKS.glob(f"{number}-*.ipynb")
    nb = nbformat.read(path, as_version=4)
    return " ".join(" ".join(c.source.split()) for c in nb.cells if c.cell_type == "markdown")


def quiz_text(number: str) -> str:
    return " ".join(
        f"{q.text} " + " ".join(f"{o.text} {o.feedback}" for o in q.options)
        for q in load_quiz(number).questions
    )


def cell(row_id: str, column: int):
    row = next(r for r in load_evidence().rows if r.id == row_id)
    return row.cells[column]


ACP, NICE = 0, 1


def test_lesson_07_states_the_drug_advice_of_both_guidelines():
    text = lesson("07")
    assert "both guidelines put" not in text
    assert "puts treatments **without medicine** first" in text
    assert re.search(r"\*\*NSAID\*\*.*\*\*or\*\* a prescription \*\*skeletal muscle relaxant", text)
    assert "equal options" in text
    assert "**lowest effective dose for the shortest possible time**" in text
    assert "NICE says do not offer it alone" in text
    assert (
        "equal options" in cell("nsaids", ACP).text
        and "equal options" in cell("relaxants", ACP).text
    )
    right = next(q for q in load_quiz("07").questions if q.id == "medicine").options
    assert "muscle relaxant" in next(o.text for o in right if o.correct)


def test_acupuncture_gives_both_guidelines_and_both_acp_grades():
    text = lesson("07")
    assert "for chronic pain, with **moderate-quality evidence**" in text
    assert "NICE says do not offer it" in text
    assert "moderate-quality for chronic pain" in cell("acupuncture", ACP).text
    assert cell("acupuncture", NICE).verdict == "against"
    q = next(q for q in load_quiz("07").questions if q.id == "acupuncture")
    right = next(o for o in q.options if o.correct)
    assert "moderate quality for chronic pain" in right.feedback


@pytest.mark.parametrize(
    ("words", "row"),
    [
        ("**Massage:**", "massage"),
        ("**Opioids:**", "opioids"),
        ("**Steroid tablets:**", "steroids"),
        ("**A scan.** NICE says do not routinely offer imaging", "imaging"),
        ("NICE says do not offer belts or corsets", "belts-tens"),
    ],
)
def test_lesson_07_and_its_table_cover_what_a_clinician_would_add(words, row):
    assert words in lesson("07")
    assert any(
        c.verdict != "not-covered"
        for c in next(r for r in load_evidence().rows if r.id == row).cells
    )


def test_lesson_07_explains_acute_chronic_sciatica_and_the_physiotherapist():
    text = lesson("07")
    assert "## Acute, chronic and sciatica" in text and "## Seeing a physiotherapist" in text
    assert "**under 12 weeks**" in text and "**12 weeks or more**" in text
    assert "**down one leg**" in text and "**TENS**" in text
    assert 'src="images/lesson07-heat-cold.svg"' in text
    assert (NOTEBOOKS / "images" / "lesson07-heat-cold.svg").exists()


def test_the_heat_and_cold_picture_is_labelled_and_gives_the_times():
    svg = (NOTEBOOKS / "images" / "lesson07-heat-cold.svg").read_text()
    assert 'role="img"' in svg and 'aria-labelledby="hc-title hc-desc"' in svg
    assert "<title" in svg and "<desc" in svg
    for words in ("15 to 20 minutes", "about 15 minutes", "no higher than medium", "towel"):
        assert words in svg, words


def test_slow_breathing_is_not_called_a_small_effect():
    for text in (lesson("05"), quiz_text("05"), lesson("09"), quiz_text("09")):
        assert "small, uncertain" not in text
    assert "did not reach statistical significance" in lesson("05")
    assert "not statistically significant" in quiz_text("05")


def test_potassium_has_no_upper_limit_because_none_was_determined():
    limits = load_toml("nutrients.toml")["upper_limits"]
    potassium = next(u for u in limits if u["nutrient"] == "potassium")
    assert "could not determine" in potassium["message"]
    assert "There is no upper limit for potassium" not in potassium["message"]
    assert "could not be determined" in lesson("04")


@pytest.mark.parametrize("number", ["02", "04", "09"])
def test_the_magnesium_review_is_of_cramps_in_older_adults(number):
    text = lesson(number)
    for sentence in re.findall(r"[^.]*Cochrane review[^.]*magnesium[^.]*\.", text):
        assert "older adults" in sentence, sentence
    for q in load_quiz(number).questions:
        for o in q.options:
            for sentence in re.findall(r"[^.]*magnesium[^.]*cramps[^.]*\.", o.feedback):
                assert "older adults" in sentence, (q.id, sentence)


def test_quiz_05_tests_only_what_lesson_05_teaches():
    assert "steroid" not in quiz_text("05").lower()
    assert "steroid" not in lesson("05").lower()
