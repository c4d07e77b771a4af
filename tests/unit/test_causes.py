"""The cause explorer's model: which lessons address the ticked causes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.course import LESSON_NUMBERS
from tests.support.data import changed
from widgets.causes import CAUSE_MAP, CAUSES, LESSONS, build
from widgets.content import ContentError, load_toml

RAW = load_toml("causes.toml")
IDS = list(CAUSES)


def test_one_cause_maps_to_its_lessons():
    assert CAUSE_MAP.lessons_for(["sitting"]) == {"03": ("sitting",)}
    assert CAUSE_MAP.lessons_for(["nutrients"]) == {"04": ("nutrients",)}
    assert CAUSE_MAP.lessons_for(["stress"]) == {"05": ("stress",)}
    assert CAUSE_MAP.lessons_for(["falls"]) == {"06": ("falls",)}


def test_causes_sharing_a_lesson_are_grouped_under_it_in_data_order():
    got = CAUSE_MAP.lessons_for(["sitting", "posture", "disuse"])
    assert got == {"03": ("disuse", "posture", "sitting"), "08": ("disuse",)}
    assert list(got) == sorted(got)  # course order


def test_links_are_cause_lesson_pairs_in_data_order():
    assert CAUSE_MAP.links(["core", "sitting"]) == (
        ("sitting", "03"),
        ("core", "01"),
        ("core", "08"),
    )


def test_nothing_ticked_maps_to_nothing():
    assert CAUSE_MAP.lessons_for([]) == {}
    assert CAUSE_MAP.links([]) == ()


def test_repeats_count_once():
    assert CAUSE_MAP.check(["stress", "stress", "sitting"]) == ("sitting", "stress")


def test_unknown_cause_is_a_readable_value_error():
    with pytest.raises(ValueError, match="'gravity' is not one of the causes"):
        CAUSE_MAP.lessons_for(["sitting", "gravity"])


def test_every_lesson_of_the_course_is_listed_in_order():
    assert list(LESSONS) == LESSON_NUMBERS
    assert CAUSE_MAP.mapped_lessons == ("01", "03", "04", "05", "06", "08")


@given(st.sets(st.sampled_from(IDS)))
def test_lessons_for_any_ticks_is_the_union_of_their_lessons(ticked):
    got = CAUSE_MAP.lessons_for(ticked)
    assert set(got) == {n for c in ticked for n in CAUSES[c].lessons}
    for number, causes in got.items():
        assert set(causes) == {c for c in ticked if number in CAUSES[c].lessons}


# --- loading ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda r: r["cause"][0].update(lessons=["42"]), "lesson '42' is not in the list"),
        (lambda r: r["cause"][0].update(lessons=[]), "at least one lesson"),
        (lambda r: r["cause"][0].update(lessons=["03", "03"]), "listed twice"),
        (lambda r: r["cause"][0].pop("source"), "'source' is missing"),
        (lambda r: r["cause"][0].update(evidence=""), "'evidence' is empty"),
        (lambda r: r["cause"][0].update(label="x" * 40), "longer than"),
        (lambda r: r["cause"][1].update(id=r["cause"][0]["id"]), "listed twice"),
        (lambda r: r["cause"][0].update(warning=3), "must be str"),
        (lambda r: r.update(cause=[]), "no causes"),
    ],
)
def test_bad_data_fails_with_a_message_naming_the_problem(change, message):
    with pytest.raises(ContentError, match=message) as info:
        build(changed(RAW, change))
    assert str(info.value).startswith("causes.toml")


def test_the_data_builds_to_the_loaded_map():
    assert build(RAW) == CAUSE_MAP
