"""The timer's data files: every movement and every desk-set-up item has a source, the fields the
view needs, a picture or a diagram part, and a unique id; bad files fail with a clear message."""

from __future__ import annotations

import re

import pytest

from tests.support.paths import NOTEBOOKS
from widgets.content import ContentError, load_toml
from widgets.timer import data as timer_data
from widgets.timer.data import PLACES, load_posture, load_stretches
from widgets.timer.pictures import PARTS, POSES, posture_svg, stretch_svg

CAUTION, STRETCHES = load_stretches()
ABOUT, POSTURE = load_posture()


def test_there_are_enough_movements_and_items():
    assert len(STRETCHES) >= 8
    assert len(POSTURE) >= 9
    assert {s.place for s in STRETCHES} == set(PLACES)


@pytest.mark.parametrize("stretch", STRETCHES, ids=lambda s: s.id)
def test_every_stretch_has_what_the_view_shows(stretch):
    for field in ("name", "how", "dose", "source"):
        assert len(getattr(stretch, field).strip()) > 3, field
    assert stretch.place in PLACES
    assert stretch.picture in POSES
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", stretch.id)
    # Every source names the body it comes from (the authors' provenance tags are not shown).
    named = r"NHS|Mayo Clinic|Bournemouth University|Diabetes Care|Physiotherapy"
    assert re.search(named, stretch.source), stretch.source


@pytest.mark.parametrize("item", POSTURE, ids=lambda i: i.id)
def test_every_posture_item_has_what_the_view_shows(item):
    assert item.label and len(item.label) <= 45, "the checkbox label must stay short"
    assert len(item.detail) > 20
    assert item.part in PARTS
    assert re.search(r"(OSHA|HSE)", item.source)


def test_notes_have_sources():
    assert "Stop" in CAUTION.text and "NHS" in CAUTION.source
    assert "no single" in ABOUT.text and "OSHA" in ABOUT.source


def test_ids_are_unique():
    stretch_ids = [s.id for s in STRETCHES]
    item_ids = [i.id for i in POSTURE]
    assert len(stretch_ids) == len(set(stretch_ids))
    assert len(item_ids) == len(set(item_ids))


def test_every_diagram_part_has_a_checklist_item():
    assert {i.part for i in POSTURE} == set(PARTS)


def test_the_section_5_2_exercises_are_all_there():
    names = " ".join(s.name.lower() for s in STRETCHES)
    for exercise in ("knee-to-chest", "knee rolls", "pelvic tilt", "bottom-to-heels", "bridge",
                     "cat", "bird-dog", "crunch"):  # fmt: skip
        assert exercise in names, exercise


def source_doses(sources_dir) -> dict[str, str]:
    """Exercise name (lower case) -> its dose, from docs/sources/exercises-and-desk.md."""
    text = (sources_dir / "exercises-and-desk.md").read_text(encoding="utf-8")
    rows = [ln.strip().strip("|").split("|") for ln in text.splitlines() if ln.startswith("| ")]
    return {name.strip().lower(): dose.strip() for name, dose, _ in rows[1:]}


def test_doses_match_the_sources(sources_dir):
    # The doses are the ones the sources give; spot-check the numbers.
    doses = source_doses(sources_dir)
    assert len(doses) == 8, (
        doses
    )  # a parser that found nothing would pass the checks below vacuously
    by_id = {s.id: s for s in STRETCHES}
    assert "8 to 10 times" in by_id["knee-rolls"].dose
    assert "8–10 times" in doses["knee rolls (lower-back rotation)"]
    assert "5 seconds" in by_id["knee-to-chest"].dose and "hold for 5 s" in doses["knee-to-chest"]
    assert "2 sets of 10" in by_id["bird-dog"].dose and "2 sets of 10" in doses["bird-dog"]
    assert "20 inches" in {i.id: i for i in POSTURE}["screen-distance"].detail
    sheet = (sources_dir / "exercises-and-desk.md").read_text(encoding="utf-8")
    assert "at least 20 inches" in sheet


@pytest.mark.parametrize("pose", sorted(POSES))
def test_every_picture_is_a_labelled_svg(pose):
    svg = stretch_svg(pose, "A <name> & more")
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert 'role="img"' in svg and 'aria-label="A &lt;name&gt; &amp; more"' in svg


def test_posture_svg_highlights_exactly_the_ticked_parts():
    svg = posture_svg({"feet", "back"})
    for part in PARTS:
        on = f'class="bsc-part bsc-part-{part} bsc-part-on"' in svg
        assert on == (part in {"feet", "back"}), part
        assert f'data-part="{part}"' in svg
    assert "2 of 11 parts" in svg
    with pytest.raises(ValueError, match="no part called elbow"):
        posture_svg({"elbow"})


def test_the_lesson_image_is_the_same_drawing():
    image = (NOTEBOOKS / "images" / "seated-posture.svg").read_text()
    assert image.strip() == posture_svg(frozenset(PARTS)).strip(), (
        'regenerate it: python -c "from widgets.timer.pictures import write_posture_image; '
        "write_posture_image('notebooks/images/seated-posture.svg')\""
    )


def test_lesson_svgs_are_accessible():
    for path in (NOTEBOOKS / "images").glob("*.svg"):
        if path.name.startswith(("timer-", "stretch-", "seated-")):
            text = path.read_text()
            assert "<title" in text or "aria-label" in text, path.name


@pytest.mark.parametrize(
    "broken, words",
    [
        ('[caution]\ntext = "x"\nsource = "s"\n[[stretch]]\nid = "a"\n', "'name' is missing"),
        (
            '[caution]\ntext = "x"\nsource = "s"\n[[stretch]]\nid = "a"\nname = "A"\n'
            'place = "sofa"\nhow = "h"\ndose = "d"\npicture = "walk"\nsource = "s"\n',
            "place must be one of",
        ),
        (
            '[caution]\ntext = "x"\nsource = "s"\n[[stretch]]\nid = "a"\nname = "A"\n'
            'place = "floor"\nhow = "h"\ndose = "d"\npicture = "handstand"\nsource = "s"\n',
            "no drawing 'handstand'",
        ),
        (
            '[caution]\ntext = "x"\nsource = "s"\n[[stretch]]\nid = "a"\nname = "A"\n'
            'place = "floor"\nhow = "h"\ndose = "d"\npicture = "walk"\n',
            "'source' is missing",
        ),
        ('[[stretch]]\nid = "a"\n', "'caution' is missing"),
    ],
)
def test_a_broken_stretches_file_fails_clearly(monkeypatch, broken, words):
    import tomllib

    monkeypatch.setattr(timer_data, "load_toml", lambda name: tomllib.loads(broken))
    with pytest.raises(ContentError, match=words):
        load_stretches()


def test_duplicate_ids_fail(monkeypatch):
    real = load_toml("posture.toml")
    real["item"].append(dict(real["item"][0]))
    monkeypatch.setattr(timer_data, "load_toml", lambda name: real)
    with pytest.raises(ContentError, match="used twice"):
        load_posture()


def test_an_unknown_part_fails(monkeypatch):
    real = load_toml("posture.toml")
    real["item"][0] = dict(real["item"][0], part="tail")
    monkeypatch.setattr(timer_data, "load_toml", lambda name: real)
    with pytest.raises(ContentError, match="no part 'tail'"):
        load_posture()
