"""The nutrient checklist's data files: every fact sourced, every food of foods.csv carried over.

widgets/data/foods.toml is generated from docs/sources/foods.csv by tools/make_foods_toml.py;
widgets/data/nutrients.toml is copied from docs/sources/nutrient-targets.md.
"""

from __future__ import annotations

import copy
import csv
import importlib.util
import re

import pytest

from tests.support.paths import REPO
from widgets.content import ContentError, load_toml
from widgets.nutrients import FOODS, GROUPS, NUTRIENTS
from widgets.nutrients.model import build_foods, build_reference

FOODS_TOML = load_toml("foods.toml")
NUTRIENTS_TOML = load_toml("nutrients.toml")
NUMBERS = {
    "potassium": "potassium_mg",
    "calcium": "calcium_mg",
    "magnesium": "magnesium_mg",
    "vitamin_d": "vitamin_d_mcg",
}


@pytest.fixture(scope="module")
def csv_rows(sources_dir):
    with open(sources_dir / "foods.csv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def by_ndb():
    return {entry["ndb"]: entry for entry in FOODS_TOML["foods"]}


# --- sources -------------------------------------------------------------------------------------


def test_every_food_has_its_usda_source():
    for entry in FOODS_TOML["foods"]:
        assert entry["source"].strip(), entry["id"]
        assert f"NDB {entry['ndb']}" in entry["source"], entry["id"]
        assert "USDA" in entry["source"], entry["id"]
    assert all(food.source for food in FOODS.values())


def test_every_target_and_limit_has_a_source():
    for key in ("targets", "upper_limits"):
        for row in NUTRIENTS_TOML[key]:
            assert row.get("source", "").strip(), row
            assert re.search(r"\b(NASEM|IOM) (2019|2011|1997)\b", row["source"]), row["source"]
    for nid, entry in NUTRIENTS_TOML["nutrients"].items():
        assert entry["source"].strip() and entry["url"].startswith("https://"), nid


def test_targets_cite_the_right_report():
    expected = {"potassium": "NASEM 2019", "magnesium": "IOM 1997"}
    for row in NUTRIENTS_TOML["targets"]:
        want = expected.get(row["nutrient"], "IOM 2011")
        assert row["source"].startswith(want), row


# --- foods.csv -> foods.toml -----------------------------------------------------------------


def test_every_food_in_the_csv_made_it_with_the_same_numbers(csv_rows):
    toml = by_ndb()
    assert len(csv_rows) == len(toml) == len(FOODS) == len(FOODS_TOML["foods"])
    for row in csv_rows:
        entry = toml[row["ndb_number"]]
        where = f"{row['food']} (NDB {row['ndb_number']})"
        assert entry["usda_name"] == row["food"], where
        assert entry["serving"] == row["serving"], where
        assert entry["grams"] == float(row["grams"]), where
        assert entry["source"] == row["source"], where
        for field in ("potassium_mg", "calcium_mg", "magnesium_mg"):
            assert entry[field] == float(row[field]), f"{where}: {field}"
        if row["vitamin_d_mcg"].strip():
            assert entry["vitamin_d_mcg"] == float(row["vitamin_d_mcg"]), where
            assert entry["vitamin_d_iu"] == float(row["vitamin_d_iu"]), where
            assert "not_reported" not in entry, where
        else:  # "n/r" in the reference: kept as unknown, never as 0
            assert row["vitamin_d_iu"].strip() == "", where
            assert entry["not_reported"] == ["vitamin_d"], where
            assert "vitamin_d_mcg" not in entry and "vitamin_d_iu" not in entry, where


def test_the_model_serves_the_same_numbers(csv_rows):
    ids = {entry["ndb"]: entry["id"] for entry in FOODS_TOML["foods"]}
    for row in csv_rows:
        food = FOODS[ids[row["ndb_number"]]]
        for nutrient, field in NUMBERS.items():
            expected = float(row[field]) if row[field].strip() else None
            assert food.nutrients[nutrient] == expected, (food.name, nutrient)
        assert food.grams == float(row["grams"]) and food.serving == row["serving"]


def test_some_vitamin_d_values_are_not_reported(csv_rows):
    # The distinction is real in the data: the test above must have had both kinds to check.
    unreported = [r["food"] for r in csv_rows if not r["vitamin_d_mcg"].strip()]
    assert 1 <= len(unreported) < len(csv_rows)
    assert sum(1 for f in FOODS.values() if f.nutrients["vitamin_d"] is None) == len(unreported)


def test_the_generator_reproduces_foods_toml(sources_dir):
    # foods.toml is generated, not hand-edited: the script must still write exactly this file.
    spec = importlib.util.spec_from_file_location(
        "make_foods_toml", REPO / "tools/make_foods_toml.py"
    )
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    text = (REPO / "widgets" / "data" / "foods.toml").read_text(encoding="utf-8")
    assert tool.render(sources_dir / "foods.csv") == text


def test_ids_groups_and_names():
    ids = [entry["id"] for entry in FOODS_TOML["foods"]]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)
    assert {"banana", "yogurt-plain-low-fat"} <= set(ids)  # the ids design.md uses
    assert {entry["group"] for entry in FOODS_TOML["foods"]} <= set(GROUPS)
    names = [entry["name"] for entry in FOODS_TOML["foods"]]
    assert len(names) == len(set(names))


# --- a bad file is an error naming the file, the entry and the field ---------------------------


def broken(data, path, value=KeyError):
    """A deep copy of ``data`` with the field at ``path`` set to ``value`` (KeyError: removed)."""
    data = copy.deepcopy(data)
    *parents, last = path
    target = data
    for key in parents:
        target = target[key]
    if value is KeyError:
        del target[last]
    else:
        target[last] = value
    return data


@pytest.mark.parametrize(
    ("path", "value", "words"),
    [
        (("foods", 0, "source"), KeyError, "food 1 ('banana'): the field 'source' is missing"),
        (("foods", 0, "source"), "  ", "food 1 ('banana'): the field 'source' is empty"),
        (("foods", 1, "calcium_mg"), KeyError, "food 2 ('potato-baked'): the field 'calcium_mg'"),
        (("foods", 1, "calcium_mg"), -3, "'calcium_mg' must be a number of at least 0"),
        (("foods", 1, "calcium_mg"), "26", "'calcium_mg' must be int or float, not str"),
        (("foods", 1, "calcium_mg"), True, "'calcium_mg' must be int or float, not bool"),
        (("foods", 2, "group"), "sweets", "food 3 ('apricots-dried'): the field 'group'"),
        (("foods", 2, "id"), "Dried Apricots", "must be kebab-case"),
        (("foods", 2, "id"), "banana", "the id 'banana' is used twice"),
        (("foods", 3, "grams"), 0, "'grams' must be a number of at least 0.01"),
        (("foods", 4, "not_reported"), ["vitamin_d"], "'vitamin_d_mcg' has a value but"),
        (("foods", 4, "not_reported"), ["zinc"], "'not_reported' must list nutrients"),
        (("foods",), [], "the file lists no foods"),
    ],
)
def test_a_bad_foods_file_names_file_entry_and_field(path, value, words):
    with pytest.raises(ContentError, match=re.escape(words)) as info:
        build_foods(broken(FOODS_TOML, path, value))
    assert str(info.value).startswith("foods.toml: ")


@pytest.mark.parametrize(
    ("path", "value", "words"),
    [
        (
            ("targets", 0, "source"),
            KeyError,
            "target 1 (potassium, ages 14-18): the field 'source'",
        ),
        (
            ("targets", 1, "female"),
            KeyError,
            "target 2 (potassium, ages 19-30): the field 'female'",
        ),
        (("targets", 1, "female"), 0, "'female' must be a number of at least 1"),
        (("targets", 2, "nutrient"), "zinc", "target 3: the field 'nutrient' must be one of"),
        (("targets", 2, "ages"), [31, 200], "the field 'ages' must be [first, last]"),
        (("targets", 2, "ages"), [32, 50], "potassium targets do not run on from age 31"),
        (("targets", 4, "ages"), [71, 100], "potassium targets stop at age 100"),
        (("upper_limits", 1, "message"), KeyError, "upper limit 2 (calcium, ages 14-18)"),
        (("upper_limits", 1, "amount"), -1, "'amount' must be a number of at least 0"),
        (("nutrients", "vitamin_d", "unit"), "IU", "the field 'unit' must be 'mcg', not 'IU'"),
        (("nutrients", "calcium", "source"), KeyError, "nutrient 'calcium': the field 'source'"),
        (("nutrients", "calcium"), KeyError, "[nutrients] must describe exactly"),
        (("iu_per_mcg",), 4, "'iu_per_mcg' must be 40"),
    ],
)
def test_a_bad_nutrients_file_names_file_entry_and_field(path, value, words):
    with pytest.raises(ContentError, match=re.escape(words)) as info:
        build_reference(broken(NUTRIENTS_TOML, path, value))
    assert str(info.value).startswith("nutrients.toml: ")


def test_the_real_files_validate():
    info, targets, limits = build_reference(NUTRIENTS_TOML)
    assert list(info) == list(NUTRIENTS)
    assert list(build_foods(FOODS_TOML)) == [e["id"] for e in FOODS_TOML["foods"]]


def test_the_checklist_health_notes_are_data_with_a_source_each():
    """The "Good to know" claims of the checklist live in nutrients.toml, each with its source;
    the view shows them as they are written there."""
    import copy

    from widgets.content import ContentError
    from widgets.nutrients.model import CHECKLIST_TEXT, build_checklist_text

    assert [n.title for n in CHECKLIST_TEXT.notes][
        0
    ] == "Food for general health, not a spasm cure."
    for note in CHECKLIST_TEXT.notes:
        assert note.text.strip() and note.source.strip()
    assert "Garrison 2020" in CHECKLIST_TEXT.notes[0].text
    assert "Garrison" in CHECKLIST_TEXT.notes[0].source
    assert CHECKLIST_TEXT.sources_line.startswith("Targets: US/Canada Dietary Reference Intakes")
    broken = copy.deepcopy(NUTRIENTS_TOML)
    del broken["checklist_notes"][0]["source"]
    with pytest.raises(ContentError, match="checklist note 1: the field 'source' is missing"):
        build_checklist_text(broken)
