"""The cause explorer without a kernel: tick causes, read the map and the notes."""

from __future__ import annotations

import dataclasses
import html
import re
from xml.etree import ElementTree

import pytest

from widgets.causes import CAUSE_MAP, CAUSES, CauseExplorer, build
from widgets.causes.view import map_svg
from widgets.content import load_toml
from widgets.ui import DISCLAIMER

SVG = "{http://www.w3.org/2000/svg}"


def text_of(value: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", value)).split())


def parse(value: str) -> ElementTree.Element:
    """The map's <svg> element; the markup must be well-formed XML (nothing half-drawn)."""
    root = ElementTree.fromstring(value.replace("<svg ", f'<svg xmlns="{SVG[1:-1]}" ', 1))
    svg = root.find(f".//{SVG}svg")
    assert svg is not None, "no <svg> in the map"
    return svg


def links(view: CauseExplorer) -> set[tuple[str, str]]:
    root = parse(view._map.value)
    return {
        (p.get("data-cause"), p.get("data-lesson"))
        for p in root.iter(f"{SVG}path")
        if p.get("class") == "bsc-causes-link"
    }


def cards(view: CauseExplorer) -> dict[str, ElementTree.Element]:
    root = parse(view._map.value)
    return {g.get("data-lesson"): g for g in root.iter(f"{SVG}g") if g.get("data-lesson")}


def highlighted(view: CauseExplorer) -> set[str]:
    return {n for n, g in cards(view).items() if "bsc-causes-lesson-on" in g.get("class")}


@pytest.fixture
def view() -> CauseExplorer:
    return CauseExplorer()


def test_builds_with_a_checkbox_per_cause_and_nothing_ticked(view):
    assert "bsc-causes" in view._dom_classes
    assert [b.description for b in view._boxes.values()] == [c.label for c in CAUSES.values()]
    assert view.chosen == ()
    assert links(view) == set()
    assert highlighted(view) == set()
    assert "Tick what applies to your week" in text_of(view._map.value)
    assert "Tick a cause above" in text_of(view._details.value)
    assert view._warning.value == ""


def test_every_control_is_labelled_and_the_disclaimer_is_shown(view):
    assert all(b.description and b.tooltip for b in view._boxes.values())
    assert view._clear.description and view._clear.tooltip
    assert any(DISCLAIMER in getattr(c, "value", "") for c in view.children)


def test_ticking_long_sitting_links_it_to_lesson_03(view):
    view._boxes["sitting"].value = True
    assert view.chosen == ("sitting",)
    assert links(view) == {("sitting", "03")}
    assert highlighted(view) == {"03"}
    assert "Long spells of sitting" in text_of(view._map.value)
    notes = text_of(view._details.value)
    assert CAUSES["sitting"].evidence in notes
    assert "not a proven way to prevent back spasms" in notes
    assert "Lesson 03: Sit well, and get up often" in notes
    assert 'href="03-sitting-and-posture.ipynb"' in view._details.value


def test_several_ticks_draw_one_line_per_cause_and_lesson(view):
    for cid in ("stress", "core", "nutrients"):
        view._boxes[cid].value = True
    assert links(view) == {("core", "01"), ("core", "08"), ("nutrients", "04"), ("stress", "05")}
    assert highlighted(view) == {"01", "04", "05", "08"}
    notes = text_of(view._details.value)
    assert "do not list nutrients or supplements among their treatments" in notes


def test_available_lessons_are_links_and_missing_ones_say_coming_soon():
    # Every lesson exists now: mark 08 as not written yet to see how a missing lesson is drawn.
    lessons = dict(CAUSE_MAP.lessons)
    lessons["08"] = dataclasses.replace(lessons["08"], available=False)
    view = CauseExplorer(dataclasses.replace(CAUSE_MAP, lessons=lessons))
    view._boxes["core"].value = True
    shown = cards(view)
    lesson_08 = shown["08"]
    assert "Coming soon" in "".join(lesson_08.itertext())
    assert not list(lesson_08.iter(f"{SVG}a"))
    assert "08-preventing-the-next-one.ipynb" not in view._map.value
    assert "08-preventing-the-next-one.ipynb" not in view._details.value
    anchor = next(shown["01"].iter(f"{SVG}a"))
    assert anchor.get("href") == "01-what-is-a-back-spasm.ipynb"
    assert anchor.get("aria-label") == "Open Lesson 01: What a back spasm is"


def test_a_fall_shows_an_emergency_alert(view):
    view._boxes["falls"].value = True
    assert 'role="alert"' in view._warning.value
    assert "call 999 or 911" in text_of(view._warning.value)
    assert links(view) == {("falls", "06")}


def test_it_is_a_picture_not_a_score(view):
    for box in view._boxes.values():
        box.value = True
    shown = text_of(view._map.value) + text_of(view._details.value)
    assert "%" not in shown
    assert not re.search(
        r"\bscore\b|\byour risk\b|\brisk of\b|\b(high|low|medium) risk\b", shown, re.I
    )


def test_clear_unticks_everything_and_empties_the_map(view):
    view._boxes["sitting"].value = True
    view._boxes["falls"].value = True
    view._clear.click()
    assert view.chosen == ()
    assert links(view) == set() and view._warning.value == ""


def test_every_cause_alone_draws_a_well_formed_map():
    for cid in CAUSES:
        root = parse(map_svg((cid,)))
        assert root.get("aria-label")


def test_text_from_the_data_file_is_escaped():
    raw = load_toml("causes.toml")
    raw["cause"][0]["label"] = "<b>Bold</b> & co"
    raw["cause"][0]["evidence"] = "<script>alert(1)</script>"
    view = CauseExplorer(build(raw))
    view._boxes[raw["cause"][0]["id"]].value = True
    assert (
        "<b>Bold</b>" not in view._map.value
        and "&lt;b&gt;Bold&lt;/b&gt; &amp; co" in view._map.value
    )
    assert "<script>" not in view._details.value
    parse(view._map.value)


def test_the_default_map_is_the_course_data():
    assert CauseExplorer().cause_map is CAUSE_MAP
