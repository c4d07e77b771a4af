"""The nutrient checklist in a real Voila page: tick foods, read the totals a learner sees."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.harness import open_page, page_problems
from tests.course import lesson_file
from widgets.nutrients import FOODS, NUTRIENTS, daily_targets, intake, progress_text

pytestmark = pytest.mark.browser

PAGE = lesson_file("04")
TIMEOUT = 15_000  # ms: one round trip to the kernel per change


def bar(page, nutrient):
    index = NUTRIENTS.index(nutrient)
    return page.locator(".bsc-nutrients .bsc-nutrient-bar").nth(index)


def tick(page, food_id):
    box = page.locator(f".bsc-food-{food_id}").get_by_role(
        "checkbox", name=FOODS[food_id].name, exact=True
    )
    box.check()
    expect(box).to_be_checked()


def test_ticking_three_foods_shows_their_totals(voila, page):
    open_page(page, voila, PAGE)
    assert page_problems(page) == []
    expect(page.locator(".bsc-nutrient-bar")).to_have_count(4)
    expect(page.locator(".bsc-food-row")).to_have_count(len(FOODS))
    expect(bar(page, "potassium")).to_contain_text("0 / 2,600 mg (0%)")

    choice = {"banana": 1, "yogurt-plain-low-fat": 1, "salmon-sockeye": 1}
    for food_id in choice:
        tick(page, food_id)
    totals, targets = intake(choice), daily_targets(35, "female")
    for nutrient in NUTRIENTS:
        expected = progress_text(nutrient, totals[nutrient], targets[nutrient])
        expect(bar(page, nutrient)).to_contain_text(expected, timeout=TIMEOUT)
    # the numbers a learner reads, worked out by hand: 422 + 531 + 347 = 1,300 mg of 2,600
    expect(bar(page, "potassium")).to_contain_text("1,300 / 2,600 mg (50%)")
    expect(bar(page, "vitamin_d")).to_contain_text("11.1 / 15 mcg (74%) · 444 / 600 IU")

    # two servings of yogurt, typed: the bars follow
    servings = page.locator(".bsc-food-yogurt-plain-low-fat").get_by_label("Servings")
    servings.fill("2")
    servings.press("Enter")
    choice["yogurt-plain-low-fat"] = 2
    totals = intake(choice)
    expect(bar(page, "calcium")).to_contain_text(
        progress_text("calcium", totals["calcium"], targets["calcium"]), timeout=TIMEOUT
    )
    suggestions = page.locator(".bsc-nutrients .bsc-suggestions")
    expect(suggestions).to_contain_text("Foods that would help most")
    expect(suggestions).not_to_contain_text("Salmon, sockeye")  # already ticked


def test_bad_input_shows_a_message_by_the_field(voila, page):
    open_page(page, voila, PAGE)
    tick(page, "banana")
    expect(bar(page, "potassium")).to_contain_text("422 / 2,600 mg (16%)", timeout=TIMEOUT)

    servings = page.locator(".bsc-food-banana").get_by_label("Servings")
    servings.fill("abc")
    servings.press("Enter")
    row = page.locator(".bsc-food-banana")
    expect(row.locator(".bsc-food-message").get_by_role("alert")).to_contain_text(
        "'abc' is not a number", timeout=TIMEOUT
    )
    expect(bar(page, "potassium")).to_contain_text("422 / 2,600 mg (16%)")

    age = page.locator(".bsc-nutrients").get_by_label("Age (years)")
    age.fill("5")
    age.press("Enter")
    expect(page.locator(".bsc-nutrients .bsc-age-message")).to_contain_text(
        "ages 14 and over", timeout=TIMEOUT
    )
    age.fill("60")
    age.press("Enter")
    expect(bar(page, "calcium")).to_contain_text("6 / 1,200 mg (0%)", timeout=TIMEOUT)
    expect(page.locator(".bsc-food-banana").get_by_role("checkbox")).to_be_checked()
