"""The nutrient model: targets against the reference tables, intake, suggestions, bad input.

The expected targets are not typed here: they are read from the markdown tables of
``docs/sources/nutrient-targets.md``, the sourced tables the data file was copied from.
"""

from __future__ import annotations

import dataclasses
import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.paths import SOURCES
from widgets.nutrients import (
    FOODS,
    GROUPS,
    NUTRIENTS,
    UNITS,
    check_servings,
    daily_targets,
    exceeds_upper_limit,
    format_amount,
    format_iu,
    gaps,
    intake,
    largest_gap,
    mcg_to_iu,
    not_reported,
    parse_age,
    parse_servings,
    percent,
    progress_text,
    search_foods,
    suggest_foods,
    upper_limits,
)

FACTS = (SOURCES / "nutrient-targets.md").read_text(encoding="utf-8")
TOP_AGE = 120  # the checklist's oldest age closes the open-ended top band (">70 y", "71+ y")


# --- reading the reference tables --------------------------------------------------------------


def section(name: str) -> str:
    start = FACTS.index(f"### {name}\n")
    end = FACTS.find("\n### ", start + 1)
    return FACTS[start:end]


def table(name: str) -> tuple[list[str], list[list[str]]]:
    """(header, rows) of the first markdown table in section ``name``."""
    lines = [ln.strip() for ln in section(name).splitlines() if ln.strip().startswith("|")]
    cells = [[c.strip() for c in ln.strip("|").split("|")] for ln in lines]
    header, rows = cells[0], [r for r in cells[1:] if not set("".join(r)) <= set("-: ")]
    return header, rows


def ages(cell: str) -> tuple[int, int]:
    cell = cell.replace("*", "")
    if m := re.fullmatch(r"(\d+)[–-](\d+) y", cell):
        return int(m[1]), int(m[2])
    if m := re.fullmatch(r">(\d+) y", cell):
        return int(m[1]) + 1, TOP_AGE
    if m := re.fullmatch(r"(\d+)\+ y", cell):
        return int(m[1]), TOP_AGE
    raise AssertionError(f"cannot read the age band {cell!r}")


def amount(cell: str) -> float | None:
    """ "3,000 mg" -> 3000; "600 IU (15 mcg)" -> 15 (mcg, the model's unit); "—" -> None."""
    cell = cell.replace("*", "").strip()
    if cell in ("—", "-", ""):
        return None
    if m := re.search(r"\(([\d.,]+) mcg\)", cell):
        return float(m[1].replace(",", ""))
    m = re.match(r"([\d,]+(?:\.\d+)?) mg", cell)
    assert m, f"cannot read the amount {cell!r}"
    return float(m[1].replace(",", ""))


def columns(heading: str) -> list[str]:
    """Which profile columns a table heading gives: "Pregnancy/lactation RDA" -> both, ..."""
    h = heading.lower()
    if h == "ul":
        return ["ul"]
    if "pregnancy" in h and "lactation" in h:
        return ["pregnancy", "lactation"]
    for name in ("female", "male", "pregnancy", "lactation"):
        if re.search(rf"\b{name}\b", h):
            return [name]
    if h == "rda":
        return ["male", "female"]
    raise AssertionError(f"unknown column {heading!r}")


def reference_bands(name: str) -> list[tuple[int, int, dict[str, float | None]]]:
    header, rows = table(name)
    bands, shared = [], {}
    for row in rows:
        if "pregnancy" in row[0].lower():  # vitamin D: one row for pregnancy / lactation, any age
            shared = {
                "pregnancy": amount(row[1]),
                "lactation": amount(row[1]),
                "ul_pregnancy": amount(row[2]),
            }
            continue
        values: dict[str, float | None] = {}
        for heading, cell in zip(header[1:], row[1:], strict=True):
            for column in columns(heading):
                values[column] = amount(cell)
        bands.append((*ages(row[0]), values))
    for _, _, values in bands:
        for column in ("pregnancy", "lactation"):
            values.setdefault(column, shared.get(column))
    return bands


SECTIONS = {
    "potassium": "Potassium",
    "calcium": "Calcium",
    "magnesium": "Magnesium",
    "vitamin_d": "Vitamin D",
}
REF = {nutrient: reference_bands(name) for nutrient, name in SECTIONS.items()}


def reference_value(nutrient: str, age: int, column: str) -> float | None:
    for first, last, values in REF[nutrient]:
        if first <= age <= last:
            return values.get(column)
    raise AssertionError(f"no {nutrient} band for age {age}")


EDGES = sorted({a for bands in REF.values() for first, last, _ in bands for a in (first, last)})
AGES = sorted(set(EDGES) | {25, 45, 60, 85})
PROFILES = [(age, "male", "none") for age in AGES] + [
    (age, "female", status) for age in AGES for status in ("none", "pregnant", "lactating")
]


def test_the_reference_tables_were_read():
    # A parser that silently found nothing would make every case below pass vacuously.
    assert {n: len(b) for n, b in REF.items()} == {
        "potassium": 5,
        "calcium": 5,
        "magnesium": 5,
        "vitamin_d": 4,
    }
    assert EDGES[0] == 14 and EDGES[-1] == TOP_AGE
    assert reference_value("potassium", 35, "female") == 2600
    assert reference_value("vitamin_d", 80, "male") == 20


@pytest.mark.parametrize(("age", "sex", "status"), PROFILES)
def test_daily_targets_match_the_reference_tables(age, sex, status):
    column = (
        sex if status == "none" else {"pregnant": "pregnancy", "lactating": "lactation"}[status]
    )
    expected = {n: reference_value(n, age, column) for n in NUTRIENTS}
    flags = {"pregnant": status == "pregnant", "lactating": status == "lactating"}
    if None in expected.values():  # "—" in a table: the course must refuse, not guess
        with pytest.raises(ValueError, match="pregnancy and breastfeeding targets only"):
            daily_targets(age, sex, **flags)
    else:
        assert daily_targets(age, sex, **flags) == expected


@pytest.mark.parametrize("age", AGES)
def test_upper_limits_match_the_reference(age):
    limits = upper_limits(age)
    assert limits["calcium"].amount == reference_value("calcium", age, "ul")
    assert limits["vitamin_d"].amount == reference_value("vitamin_d", age, "ul")
    magnesium = re.search(r"UL = (\d+) mg/day from supplements and medicines only", FACTS)
    assert limits["magnesium"].amount == int(magnesium[1])
    assert limits["magnesium"].applies_to == "supplements and medicines only"
    assert "UL: not determined" in section("Potassium")
    assert limits["potassium"].amount is None
    assert {limit.unit for limit in limits.values()} == {"mg", "mcg"}
    assert limits["vitamin_d"].unit == "mcg"


def test_upper_limit_messages_carry_the_safety_wording():
    messages = {n: limit.message for n, limit in upper_limits(40).items()}
    assert "350 mg a day from supplements and medicines only" in messages["magnesium"]
    assert "no upper limit for magnesium from food" in messages["magnesium"]
    assert "2,000–3,000 mg a day" in messages["calcium"]
    assert "supplement use is the main route to excess" in messages["calcium"]
    assert "4,000 IU (100 mcg)" in messages["vitamin_d"]
    assert "kidney disease" in messages["potassium"]
    assert all(limit.source for limit in upper_limits(40).values())


def test_design_example():
    assert daily_targets(age=35, sex="female") == {
        "potassium": 2600,
        "calcium": 1000,
        "magnesium": 320,
        "vitamin_d": 15,
    }


def test_sex_is_read_loosely_and_ages_may_be_whole_floats():
    assert daily_targets(35.0, " Female ") == daily_targets(35, "female")


# --- refusing what the tables do not cover ---------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"age": 13, "sex": "female"}, "ages 14 and over"),
        ({"age": 5, "sex": "male"}, "ages 14 and over"),
        ({"age": 121, "sex": "female"}, "from 14 to 120"),
        ({"age": 35.5, "sex": "female"}, "whole years"),
        ({"age": "35", "sex": "female"}, "number of years"),
        ({"age": True, "sex": "female"}, "number of years"),
        ({"age": None, "sex": "female"}, "number of years"),
        ({"age": math.nan, "sex": "female"}, "number of years"),
        ({"age": math.inf, "sex": "female"}, "number of years"),
        ({"age": 35, "sex": "other"}, "'female' or 'male'"),
        ({"age": 35, "sex": "f"}, "'female' or 'male'"),
        ({"age": 35, "sex": None}, "'female' or 'male'"),
        ({"age": 35, "sex": "male", "pregnant": True}, "only with sex 'female'"),
        ({"age": 35, "sex": "male", "lactating": True}, "only with sex 'female'"),
        ({"age": 35, "sex": "female", "pregnant": True, "lactating": True}, "not both"),
        ({"age": 51, "sex": "female", "pregnant": True}, "only for ages 14 to 50"),
        ({"age": 80, "sex": "female", "lactating": True}, "only for ages 14 to 50"),
        ({"age": 35, "sex": "female", "pregnant": "yes"}, "True or False"),
    ],
)
def test_daily_targets_refuses_with_a_readable_sentence(kwargs, words):
    with pytest.raises(ValueError, match=re.escape(words)) as info:
        daily_targets(**kwargs)
    assert str(info.value)[0].isupper() and str(info.value).endswith(".")


def test_upper_limits_check_the_profile_too():
    with pytest.raises(ValueError, match="ages 14 and over"):
        upper_limits(10)
    with pytest.raises(ValueError, match="only for ages 14 to 50"):
        upper_limits(60, pregnant=True)
    with pytest.raises(ValueError, match="'female' or 'male'"):
        upper_limits(30, sex="x")
    assert upper_limits(30, "male") == upper_limits(30)


# --- foods and intake --------------------------------------------------------------------------


def test_foods_have_the_documented_shape():
    assert len(FOODS) >= 50
    assert {"banana", "yogurt-plain-low-fat"} <= set(FOODS)
    banana = FOODS["banana"]
    assert (banana.name, banana.grams, banana.group) == ("Banana", 118, "fruit")
    assert dict(banana.nutrients) == {
        "potassium": 422,
        "calcium": 6,
        "magnesium": 32,
        "vitamin_d": 0.0,
    }
    assert "NDB 09040" in banana.source
    assert {food.group for food in FOODS.values()} <= set(GROUPS)
    with pytest.raises(dataclasses.FrozenInstanceError):
        banana.name = "Apple"
    with pytest.raises(TypeError):
        banana.nutrients["potassium"] = 0
    with pytest.raises(TypeError):
        FOODS["apple"] = banana


def test_not_reported_is_not_zero():
    edamame = FOODS["edamame"]
    assert edamame.nutrients["vitamin_d"] is None and not edamame.reported("vitamin_d")
    assert FOODS["banana"].reported("vitamin_d")  # a reported zero
    assert intake({"edamame": 2})["vitamin_d"] == 0
    assert not_reported({"edamame": 2, "banana": 1, "chia-seeds": 0}) == {
        "potassium": (),
        "calcium": (),
        "magnesium": (),
        "vitamin_d": ("edamame",),
    }


def test_intake_design_example():
    assert intake({"banana": 1, "yogurt-plain-low-fat": 2}) == {
        "potassium": 422 + 2 * 531,
        "calcium": 6 + 2 * 415,
        "magnesium": 32 + 2 * 39,
        "vitamin_d": 0.0,
    }


def test_intake_quarter_servings_and_decimals_are_exact():
    assert intake({}) == dict.fromkeys(NUTRIENTS, 0.0)
    assert intake({"banana": 0.25})["potassium"] == 105.5
    # 2.9 mcg x 3 = 8.7 exactly, not 8.699999999999999
    assert intake({"milk-nonfat": 3})["vitamin_d"] == 8.7
    assert intake({"cheese-cheddar": 0})["calcium"] == 0


@pytest.mark.parametrize(
    ("servings", "words"),
    [
        (-1, "cannot be negative"),
        (-0.25, "cannot be negative"),
        (20.25, "more than 20"),
        (1e9, "more than 20"),
        (math.nan, "must be a number"),
        (math.inf, "must be a number"),
        (0.3, "quarter servings"),
        (1.1, "nearest is 1"),
        ("1", "must be a number"),
        (None, "must be a number"),
        (True, "must be a number"),
    ],
)
def test_intake_refuses_bad_servings(servings, words):
    with pytest.raises(ValueError, match=re.escape(words)) as info:
        intake({"banana": 1, "yogurt-plain-low-fat": servings})
    assert str(info.value).startswith("Yogurt, plain, low fat:")


def test_intake_refuses_unknown_foods_and_non_mappings():
    with pytest.raises(ValueError, match="no food 'bananna'.*Did you mean 'banana'"):
        intake({"bananna": 1})
    with pytest.raises(ValueError, match="no food"):
        intake({3: 1})
    with pytest.raises(ValueError, match="mapping from food id to servings"):
        intake([("banana", 1)])


def test_check_servings_accepts_the_whole_range():
    assert check_servings(0) == 0.0
    assert check_servings(20) == 20.0
    assert check_servings(7.75) == 7.75


quarters = st.integers(min_value=0, max_value=80).map(lambda q: q / 4)
choices = st.dictionaries(st.sampled_from(sorted(FOODS)), quarters, max_size=8)


@settings(max_examples=200, deadline=None)
@given(choices, choices)
def test_intake_is_additive_and_non_negative(a, b):
    b = {k: v for k, v in b.items() if k not in a}  # two meals with different foods
    day, first, second = intake({**a, **b}), intake(a), intake(b)
    for nutrient in NUTRIENTS:
        assert day[nutrient] >= 0 and first[nutrient] >= 0
        assert day[nutrient] == pytest.approx(first[nutrient] + second[nutrient], rel=1e-12)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(sorted(FOODS)), st.integers(min_value=0, max_value=40))
def test_intake_scales_with_servings(food_id, q):
    one, many = intake({food_id: 0.25}), intake({food_id: q / 4})
    for nutrient in NUTRIENTS:
        assert many[nutrient] == pytest.approx(q * one[nutrient], rel=1e-12, abs=1e-12)


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_servings_are_accepted_exactly_when_valid(value):
    valid = math.isfinite(value) and 0 <= value <= 20 and (value * 4).is_integer()
    if valid:
        assert check_servings(value) == value
    else:
        with pytest.raises(ValueError):
            check_servings(value)


@given(st.text(max_size=12))
def test_parse_servings_never_fails_unexpectedly(text):
    try:
        value = parse_servings(text)
    except ValueError as exc:
        assert str(exc).endswith(".")
    else:
        assert 0 <= value <= 20 and (value * 4).is_integer()


@given(st.text(max_size=8))
def test_parse_age_never_fails_unexpectedly(text):
    try:
        age = parse_age(text)
    except ValueError as exc:
        assert str(exc).endswith(".")
    else:
        assert 14 <= age <= 120


# --- typed text ------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "value"), [("1", 1), (" 1.5 ", 1.5), ("0,75", 0.75), ("0", 0)])
def test_parse_servings_reads_what_people_type(text, value):
    assert parse_servings(text) == value


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("abc", "'abc' is not a number"),
        ("", "Enter a number of servings"),
        ("   ", "Enter a number of servings"),
        ("-1", "cannot be negative"),
        ("1e9", "more than 20"),
        ("nan", "must be a number"),
        ("inf", "must be a number"),
        ("1.3", "quarter servings"),
        ("x" * 200, "is not a number"),
    ],
)
def test_parse_servings_says_what_is_wrong(text, words):
    with pytest.raises(ValueError, match=re.escape(words)) as info:
        parse_servings(text)
    assert "from 0 to 20" in str(info.value) or "quarter" in str(info.value)
    assert len(str(info.value)) < 160  # a long paste is cut short in the message


@pytest.mark.parametrize(("text", "age"), [("35", 35), (" 14 ", 14), ("120", 120), ("40.0", 40)])
def test_parse_age_reads_what_people_type(text, age):
    assert parse_age(text) == age


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("abc", "'abc' is not a number"),
        ("", "Enter your age"),
        ("5", "ages 14 and over"),
        ("-3", "ages 14 and over"),
        ("121", "from 14 to 120"),
        ("1e9", "from 14 to 120"),
        ("35.5", "whole years"),
    ],
)
def test_parse_age_says_what_is_wrong(text, words):
    with pytest.raises(ValueError, match=re.escape(words)):
        parse_age(text)


# --- suggestions -------------------------------------------------------------------------------

WOMAN_35 = daily_targets(35, "female")


def test_with_nothing_eaten_potassium_comes_first():
    # Every gap is 100 %: the tie goes to the first nutrient; foods richest in it come first.
    picks = suggest_foods(WOMAN_35, intake({}), n=3)
    assert [p.food_id for p in picks] == [
        "potato-baked",
        "acorn-squash-baked",
        "amaranth-leaves-cooked",
    ]
    assert [p.amount for p in picks] == [926, 896, 846]
    assert {p.nutrient for p in picks} == {"potassium"}
    assert picks[0].share_of_gap == pytest.approx(926 / 2600)


def test_the_largest_gap_is_measured_as_a_share_of_its_target():
    eaten = intake({"banana": 1, "yogurt-plain-low-fat": 2})  # no vitamin D at all
    assert largest_gap(WOMAN_35, eaten) == "vitamin_d"
    picks = suggest_foods(WOMAN_35, eaten, n=2)
    assert [p.food_id for p in picks] == ["trout-rainbow", "salmon-sockeye"]
    assert picks[0].share_of_gap == 1  # 16.1 mcg closes a 15 mcg gap
    assert picks[1].share_of_gap == pytest.approx(11.1 / 15)


def test_chosen_foods_are_not_suggested_again():
    picks = suggest_foods(WOMAN_35, intake({}), n=2, exclude=["potato-baked"])
    assert [p.food_id for p in picks] == ["acorn-squash-baked", "amaranth-leaves-cooked"]
    picks = suggest_foods(WOMAN_35, intake({}), n=1, exclude="potato-baked")
    assert picks[0].food_id == "acorn-squash-baked"


def test_ties_are_broken_by_what_else_a_food_gives():
    # Milks give the same 2.9 mcg of vitamin D; with calcium also missing, the one with more
    # calcium ranks first; with calcium met, by name.
    eaten = dict(intake({}), potassium=2600, magnesium=320, vitamin_d=14)
    names = [p.food_id for p in suggest_foods(WOMAN_35, eaten, n=len(FOODS))]
    milk = [n for n in names if n in ("soy-milk-fortified", "milk-nonfat", "milk-2-percent")]
    assert milk == ["soy-milk-fortified", "milk-nonfat", "milk-2-percent"]  # Ca 301, 299, 293


def test_foods_without_the_nutrient_are_never_suggested():
    eaten = dict(intake({}), potassium=2600, calcium=1000, magnesium=320)
    picks = suggest_foods(WOMAN_35, eaten, n=len(FOODS))
    assert all(p.food.nutrients["vitamin_d"] for p in picks)
    assert "edamame" not in {p.food_id for p in picks}  # not reported
    assert "banana" not in {p.food_id for p in picks}  # a reported zero


def test_every_target_met_means_no_suggestions():
    assert largest_gap(WOMAN_35, WOMAN_35) is None
    assert suggest_foods(WOMAN_35, {n: 2 * v for n, v in WOMAN_35.items()}) == ()
    assert gaps(WOMAN_35, WOMAN_35) == dict.fromkeys(NUTRIENTS, 0.0)


@pytest.mark.parametrize(
    ("targets", "eaten", "kwargs", "words"),
    [
        ({"potassium": 1}, intake({}), {}, "must give a number for each"),
        (dict(WOMAN_35, calcium=0), intake({}), {}, "above 0"),
        (WOMAN_35, dict(intake({}), calcium=-1), {}, "0 or more"),
        (WOMAN_35, dict(intake({}), calcium=math.nan), {}, "0 or more"),
        (WOMAN_35, dict(intake({}), calcium="lots"), {}, "0 or more"),
        (WOMAN_35, intake({}), {"n": 0}, "1 to"),
        (WOMAN_35, intake({}), {"n": 2.5}, "1 to"),
        (WOMAN_35, intake({}), {"n": 1000}, "1 to"),
        (WOMAN_35, intake({}), {"exclude": ["apple"]}, "no food 'apple'"),
    ],
)
def test_suggest_foods_refuses_bad_input(targets, eaten, kwargs, words):
    with pytest.raises(ValueError, match=re.escape(words)):
        suggest_foods(targets, eaten, **kwargs)


# --- words and numbers as shown ---------------------------------------------------------------


def test_units_are_explicit():
    assert dict(UNITS) == {
        "potassium": "mg",
        "calcium": "mg",
        "magnesium": "mg",
        "vitamin_d": "mcg",
    }
    assert mcg_to_iu(15) == 600 and format_iu(100) == "4,000"


@pytest.mark.parametrize(
    ("nutrient", "amount", "target", "text"),
    [
        ("potassium", 1484, 2600, "1,484 / 2,600 mg (57%)"),
        ("potassium", 1234, 2600, "1,234 / 2,600 mg (47%)"),
        ("calcium", 2599, 2600, "2,599 / 2,600 mg (99%)"),  # rounded down: not yet met
        ("calcium", 1000, 1000, "1,000 / 1,000 mg (100%)"),
        ("magnesium", 105.5, 320, "106 / 320 mg (32%)"),  # half up, not to even
        ("vitamin_d", 2.9, 15, "2.9 / 15 mcg (19%) · 116 / 600 IU"),
        ("vitamin_d", 0, 20, "0 / 20 mcg (0%) · 0 / 800 IU"),
        ("vitamin_d", 32.2, 15, "32.2 / 15 mcg (214%) · 1,288 / 600 IU"),
    ],
)
def test_progress_text(nutrient, amount, target, text):
    assert progress_text(nutrient, amount, target) == text


def test_format_and_percent_edges():
    assert format_amount("vitamin_d", 0.05) == "0.1"
    assert format_amount("vitamin_d", 15.0) == "15"
    assert format_amount("potassium", 0.5) == "1"
    assert percent(14.999999999999998, 15) == 100  # float noise does not cost a percent


def test_exceeds_upper_limit_only_where_food_counts():
    limits = upper_limits(35)
    assert exceeds_upper_limit(limits["calcium"], 2501)
    assert not exceeds_upper_limit(limits["calcium"], 2500)
    assert exceeds_upper_limit(limits["vitamin_d"], 100.1)
    assert not exceeds_upper_limit(limits["magnesium"], 5000)  # the UL counts supplements only
    assert not exceeds_upper_limit(limits["potassium"], 99999)  # no UL


def test_search_foods():
    assert search_foods("yogurt") == {"yogurt-plain-low-fat", "yogurt-greek-nonfat"}
    assert search_foods("GREEK  yogurt") == {"yogurt-greek-nonfat"}
    assert search_foods("  ") == set(FOODS)
    assert search_foods("pak-choi") == {"bok-choy-cooked"}  # the USDA name counts too
    assert search_foods("pizza") == set()


@pytest.mark.parametrize(
    ("profile", "choice", "bars"),
    [
        (
            (35, "female"),
            {"banana": 1, "yogurt-plain-low-fat": 2},
            ["1,484 / 2,600 mg (57%)", "836 / 1,000 mg (83%)", "110 / 320 mg (34%)",
             "0 / 15 mcg (0%) · 0 / 600 IU"],
        ),
        (
            (35, "female"),
            {"banana": 1, "yogurt-plain-low-fat": 1, "salmon-sockeye": 1},
            ["1,300 / 2,600 mg (50%)", "431 / 1,000 mg (43%)", "102 / 320 mg (31%)",
             "11.1 / 15 mcg (74%) · 444 / 600 IU"],
        ),
        (
            (75, "male"),
            {"trout-rainbow": 1.5, "milk-nonfat": 2, "pumpkin-seeds": 1},
            ["1,560 / 3,400 mg (45%)", "652 / 1,200 mg (54%)", "249 / 420 mg (59%)",
             "30 / 20 mcg (149%) · 1,198 / 800 IU"],
        ),
    ],
)  # fmt: skip
def test_worked_examples_checked_by_hand(profile, choice, bars):
    # e.g. the last: K 1.5×382 + 2×382 + 223 = 1,560 of 3,400 (45.9% → 45%);
    # vitamin D 1.5×16.1 + 2×2.9 = 29.95 mcg → "30", 29.95 × 40 = 1,198 IU; 149.75% → 149%
    totals, targets = intake(choice), daily_targets(*profile)
    assert [progress_text(n, totals[n], targets[n]) for n in NUTRIENTS] == bars
