"""widgets/data/causes.toml: every cause is sourced and mapped; every linked lesson exists."""

from __future__ import annotations

import pytest

from tests.support.paths import NOTEBOOKS
from widgets.causes import CAUSES, LESSONS
from widgets.content import load_toml

RAW = load_toml("causes.toml")
RAW_IDS = [c.get("id", "?") for c in RAW["cause"]]
#: The brief's list of causes, each of which lesson 02 explains and the explorer offers.
EXPECTED = {
    "disuse", "overexertion", "posture", "sitting", "core", "lifting", "nutrients", "stress",
    "falls",
}  # fmt: skip


def test_every_expected_cause_is_there():
    assert set(CAUSES) == EXPECTED


def test_cause_ids_are_unique():
    assert len(RAW_IDS) == len(set(RAW_IDS))


@pytest.mark.parametrize("cause", RAW["cause"], ids=RAW_IDS)
def test_each_cause_has_evidence_a_source_and_at_least_one_lesson(cause):
    for field in ("label", "what", "evidence", "source"):
        assert isinstance(cause.get(field), str) and cause[field].strip(), field
    assert cause["lessons"], "a cause must map to at least one lesson"
    assert all(n in LESSONS for n in cause["lessons"])
    assert "02" not in cause["lessons"], "the explorer is in lesson 02: point elsewhere"


@pytest.mark.parametrize("number", list(LESSONS))
def test_a_linked_lesson_exists_or_is_marked_unavailable(number):
    lesson = LESSONS[number]
    exists = (NOTEBOOKS / lesson.file).exists()
    if lesson.available:
        assert exists, f"{lesson.file} is linked but missing: write it or set available = false"
    else:
        assert not exists, f"{lesson.file} exists now: set available = true in course.toml"


def test_lessons_not_written_yet_are_unavailable():
    missing = [n for n, lesson in LESSONS.items() if not (NOTEBOOKS / lesson.file).exists()]
    assert [n for n, lesson in LESSONS.items() if not lesson.available] == missing


def test_every_lesson_notebook_is_in_the_list():
    pages = {p.name for p in NOTEBOOKS.glob("[0-9][0-9]-*.ipynb") if not p.name.startswith("00")}
    assert pages <= {lesson.file for lesson in LESSONS.values()}


def test_the_evidence_says_plainly_what_the_sources_do_not_support():
    assert "do not list nutrients or supplements" in CAUSES["nutrients"].evidence
    assert "supplements" in CAUSES["nutrients"].evidence
    assert "emergency" in CAUSES["falls"].evidence and CAUSES["falls"].warning
    assert "06" in CAUSES["falls"].lessons
    assert "not a proven" in CAUSES["sitting"].evidence
    assert "not a proven treatment" in CAUSES["stress"].evidence
