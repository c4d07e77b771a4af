"""The sitting timer's schedules are data (timer_presets.toml), each with its source."""

from __future__ import annotations

import pytest

from tests.support.data import changed
from widgets.content import ContentError, load_toml
from widgets.timer import MICRO_PRESETS, PRESETS, preset
from widgets.timer.presets import load_presets


def test_the_course_default_comes_first_and_every_schedule_has_a_source_and_a_note():
    assert PRESETS[0].id == "course"
    assert (PRESETS[0].sit_minutes, PRESETS[0].break_minutes) == (30, 3)
    for p in PRESETS + MICRO_PRESETS:
        assert p.source.strip() and p.note.strip() and p.label.strip()
        assert preset(p.id) is p


def test_micro_pauses_shorter_than_a_minute_are_given_in_seconds():
    assert preset("stretchly-micro").break_minutes * 60 == pytest.approx(20)
    assert preset("workrave-micro").break_minutes * 60 == pytest.approx(30)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["preset"][0].pop("source"), "source"),
        (lambda d: d["preset"][1].update(id="course"), "used twice"),
        (lambda d: d["micro"][0].update(break_minutes=1), "one of them"),
        (lambda d: d["preset"][0].update(sit_minutes="30"), "sit_minutes"),
        (lambda d: d.update(micro=[]), r"no \[\[micro\]\]"),
    ],
)
def test_a_broken_presets_file_names_the_problem(change, message):
    with pytest.raises(ContentError, match=message):
        load_presets(changed(load_toml("timer_presets.toml"), change))
