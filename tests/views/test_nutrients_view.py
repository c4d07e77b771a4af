"""The nutrient checklist view, built without a kernel: tick, type, and read what it shows."""

from __future__ import annotations

import html
import re

import ipywidgets as w
import pytest

from widgets import NutrientChecklist
from widgets.nutrients import FOODS, NUTRIENTS, daily_targets, intake, progress_text


@pytest.fixture
def view():
    return NutrientChecklist()


def text(widget) -> str:
    """What an HTML widget shows, without tags, as one line."""
    inline = re.sub(r"</?(strong|span|em|small)\b[^>]*>", "", widget.value)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", inline)).split())


def bar(view, nutrient) -> str:
    return text(view._bars[nutrient])


def shown(view, nutrient) -> str:
    """The "1,484 / 2,600 mg (57%)" part of a bar."""
    m = re.search(r'class="bsc-bar-value">([^<]*)<', view._bars[nutrient].value)
    return html.unescape(m[1])


def expected_bars(choice, age=35, sex="female", **flags):
    totals, targets = intake(choice), daily_targets(age, sex, **flags)
    return {n: progress_text(n, totals[n], targets[n]) for n in NUTRIENTS}


def all_widgets(root):
    yield root
    for child in getattr(root, "children", ()):
        yield from all_widgets(child)


def test_builds_with_the_classes_tests_and_styles_use(view):
    assert isinstance(view, w.VBox)
    assert "bsc-nutrients" in view._dom_classes
    widgets = list(all_widgets(view))
    bars = [x for x in widgets if "bsc-nutrient-bar" in x._dom_classes]
    assert len(bars) == 4
    rows = [x for x in widgets if "bsc-food-row" in x._dom_classes]
    assert len(rows) == len(FOODS)
    assert sum("bsc-suggestions" in x._dom_classes for x in widgets) == 1
    # ~50 rows of a few widgets each, not hundreds of extras
    assert len(widgets) <= 5 * len(FOODS) + 40


def test_starts_empty_against_the_default_targets(view):
    assert {n: shown(view, n) for n in NUTRIENTS} == expected_bars({})
    assert shown(view, "potassium") == "0 / 2,600 mg (0%)"
    assert "below target" in bar(view, "potassium")
    assert "Targets for: female, 35 years" in text(view._profile_note)


def test_ticking_foods_updates_the_bars_at_once(view):
    view._ticks["banana"].value = True
    assert shown(view, "potassium") == "422 / 2,600 mg (16%)"
    view._ticks["yogurt-plain-low-fat"].value = True
    view._ticks["salmon-sockeye"].value = True
    choice = {"banana": 1, "yogurt-plain-low-fat": 1, "salmon-sockeye": 1}
    assert view.selection == choice
    assert {n: shown(view, n) for n in NUTRIENTS} == expected_bars(choice)
    assert shown(view, "vitamin_d") == "11.1 / 15 mcg (74%) · 444 / 600 IU"
    view._ticks["banana"].value = False
    assert shown(view, "potassium") == "878 / 2,600 mg (33%)"  # 531 + 347


def test_changing_servings_updates_the_bars(view):
    view._ticks["yogurt-plain-low-fat"].value = True
    view._servings["yogurt-plain-low-fat"].value = "2"
    view._servings["banana"].value = "1"  # unticked and unchanged: not counted
    assert shown(view, "calcium") == "830 / 1,000 mg (83%)"
    view._servings["yogurt-plain-low-fat"].value = "0.25"
    assert view.selection == {"yogurt-plain-low-fat": 0.25}
    assert shown(view, "calcium") == "104 / 1,000 mg (10%)"  # 103.75 rounds half up


def test_typing_servings_ticks_the_food(view):
    view._servings["trout-rainbow"].value = "1.5"
    assert view._ticks["trout-rainbow"].value is True
    assert view.selection == {"trout-rainbow": 1.5}
    assert shown(view, "vitamin_d") == "24.2 / 15 mcg (161%) · 966 / 600 IU"
    assert "target met" in bar(view, "vitamin_d")


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("-1", "cannot be negative"),
        ("abc", "'abc' is not a number"),
        ("1e9", "more than 20"),
        ("1.3", "quarter servings"),
        ("", "Enter a number of servings"),
    ],
)
def test_bad_servings_show_a_message_and_keep_everything_else(view, typed, words):
    view._ticks["banana"].value = True
    view._servings["banana"].value = "2"
    view._ticks["almonds"].value = True
    before = {n: shown(view, n) for n in NUTRIENTS}
    view._servings["banana"].value = typed
    note = text(view._row_messages["banana"])
    assert words in note and "Still counting 2." in note
    assert 'role="alert"' in view._row_messages["banana"].value
    assert view._servings["banana"].value == typed  # what the learner typed stays
    assert view.selection == {"banana": 2, "almonds": 1}
    assert {n: shown(view, n) for n in NUTRIENTS} == before
    assert "almonds" not in view._row_messages  # only the bad field shows a message
    view._servings["banana"].value = "3"
    assert text(view._row_messages["banana"]) == ""
    assert shown(view, "potassium") == "1,474 / 2,600 mg (56%)"  # 3 × 422 + 208


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("abc", "'abc' is not a number"),
        ("5", "ages 14 and over"),
        ("200", "from 14 to 120"),
        ("", "Enter your age"),
        ("35.5", "whole years"),
    ],
)
def test_bad_age_shows_a_message_and_keeps_the_choices(view, typed, words):
    view._ticks["banana"].value = True
    view._servings["milk-nonfat"].value = "2"
    before = {n: shown(view, n) for n in NUTRIENTS}
    view._age.value = typed
    note = text(view._age_message)
    assert words in note and "still show the targets for age 35" in note
    assert view.selection == {"banana": 1, "milk-nonfat": 2}
    assert {n: shown(view, n) for n in NUTRIENTS} == before
    view._age.value = "60"
    assert text(view._age_message) == ""
    assert view.targets == daily_targets(60, "female")
    assert shown(view, "calcium") == "604 / 1,200 mg (50%)"  # 6 + 2 × 299


def test_changing_age_and_sex_changes_the_targets(view):
    view._ticks["banana"].value = True
    view._age.value = "16"
    assert shown(view, "calcium") == "6 / 1,300 mg (0%)"
    view._sex.value = "male"
    assert view.targets == daily_targets(16, "male")
    assert shown(view, "potassium") == "422 / 3,000 mg (14%)"
    view._age.value = "75"
    assert shown(view, "vitamin_d") == "0 / 20 mcg (0%) · 0 / 800 IU"
    assert "Targets for: male, 75 years" in text(view._profile_note)


def test_pregnancy_and_breastfeeding_where_they_apply(view):
    assert view._status.layout.display is None  # female, 35: offered
    view._status.value = "pregnant"
    assert view.targets == daily_targets(35, "female", pregnant=True)
    assert shown(view, "potassium") == "0 / 2,900 mg (0%)"
    view._status.value = "lactating"
    assert shown(view, "potassium") == "0 / 2,800 mg (0%)"
    view._sex.value = "male"
    assert view._status.layout.display == "none"
    assert view.targets == daily_targets(35, "male")
    view._sex.value = "female"  # the learner's earlier answer comes back
    assert view._status.value == "lactating"
    assert view.targets == daily_targets(35, "female", lactating=True)
    view._age.value = "55"  # the tables have no values above 50
    assert view._status.layout.display == "none"
    assert view.targets == daily_targets(55, "female")
    assert text(view._age_message) == ""


def test_search_filters_the_rows(view):
    view._ticks["banana"].value = True
    view._search.value = "yogurt"
    visible = {fid for fid, row in view._rows.items() if row.layout.display != "none"}
    assert visible == {"yogurt-plain-low-fat", "yogurt-greek-nonfat"}
    groups = {g for g, box in view._groups.items() if box.layout.display != "none"}
    assert groups == {"dairy and alternatives"}
    assert view.selection == {"banana": 1}  # hidden rows keep their ticks
    view._search.value = "pizza"
    assert "No food in the list matches 'pizza'" in text(view._search_message)
    view._search.value = ""
    assert all(row.layout.display is None for row in view._rows.values())
    assert text(view._search_message) == ""


def test_suggestions_follow_the_largest_gap(view):
    assert "Potassium is furthest from your target (0% so far)" in text(view._suggestions)
    assert "Potato, baked with skin" in text(view._suggestions)
    view._servings["banana"].value = "2"
    view._servings["yogurt-plain-low-fat"].value = "2"
    words = text(view._suggestions)
    assert "Vitamin D is furthest from your target (0% so far)" in words
    assert "Rainbow trout, farmed, cooked (3 oz): 16.1 mcg (644 IU) of vitamin D" in words
    view._ticks["trout-rainbow"].value = True  # chosen foods are not suggested again
    assert "Rainbow trout" not in text(view._suggestions)


def test_all_targets_met(view):
    for fid, servings in {
        "potato-baked": "3",
        "yogurt-plain-low-fat": "3",
        "pumpkin-seeds": "2",
    }.items():
        view._servings[fid].value = servings
    view._ticks["trout-rainbow"].value = True  # its field already says 1
    assert all("target met" in bar(view, n) for n in NUTRIENTS)
    assert "reached all four targets" in text(view._suggestions)


def test_food_over_an_upper_limit_is_flagged_in_words(view):
    view._servings["yogurt-plain-low-fat"].value = "7"  # 2,905 mg calcium; the UL at 35 is 2,500
    assert "above the upper limit of 2,500 mg a day" in bar(view, "calcium")
    view._servings["pumpkin-seeds"].value = "5"  # 780 mg magnesium from food: its UL is not food
    assert "upper limit" not in bar(view, "magnesium")


def test_not_reported_is_shown_not_zeroed(view):
    assert "vitamin D not reported" in text(view._rows["edamame"].children[2])
    assert "vitamin D 0 mcg (0 IU)" in text(view._rows["banana"].children[2])
    view._ticks["edamame"].value = True
    view._ticks["chia-seeds"].value = True
    assert "Not reported by USDA for: Edamame; Chia seeds" in bar(view, "vitamin_d")


def test_evidence_note_limits_and_disclaimer(view):
    words = " ".join(text(x) for x in all_widgets(view) if isinstance(x, w.HTML) and x.value)
    assert "not a spasm cure" in words
    assert "Do not take supplements to treat a spasm" in words
    assert "350 mg a day from supplements and medicines only" in words
    assert "At your age it is 2,500 mg a day" in words
    assert "4,000 IU (100 mcg)" in words
    assert "kidney disease" in words
    assert "education, not a diagnosis" in words
    view._age.value = "16"
    assert "At your age it is 3,000 mg a day" in text(view._limits)


def test_every_control_is_labelled(view):
    for x in all_widgets(view):
        if isinstance(x, w.Checkbox | w.Text | w.Dropdown):
            assert x.description.strip(), x
    assert view._ticks["banana"].description == "Banana"


def test_html_from_data_is_escaped():
    from widgets.nutrients.view import bar_html

    out = bar_html("calcium", 1, 2, missing=("banana",))
    assert "<script" not in out
    assert html.escape("<b>") not in out  # nothing to escape here, but the escape path runs
    assert "1 / 2 mg (50%)" in out


def test_ticking_builds_nothing_and_touches_only_bars_and_suggestions(view, monkeypatch):
    created = []
    original = w.Widget.__init__

    def counting(self, **kwargs):
        created.append(type(self).__name__)
        original(self, **kwargs)

    monkeypatch.setattr(w.Widget, "__init__", counting)
    changed = []
    for x in all_widgets(view):
        x.observe(lambda change, x=x: changed.append(x), names="value")
    rows_before = [row.children for row in view._rows.values()]
    view._ticks["banana"].value = True
    assert created == []
    assert [row.children for row in view._rows.values()] == rows_before
    others = {id(x) for x in changed} - {id(b) for b in view._bars.values()}
    assert others == {id(view._ticks["banana"]), id(view._suggestions)}


def test_a_bad_starting_profile_is_refused():
    with pytest.raises(ValueError, match="ages 14 and over"):
        NutrientChecklist(age=10)
