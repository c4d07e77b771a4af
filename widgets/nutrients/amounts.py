"""The nutrient checklist's arithmetic: targets, limits, a day's intake, gaps and suggestions.

A food whose value USDA did not report has ``None`` for that nutrient: unknown, never counted as 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fractions import Fraction

from widgets.nutrients.checks import check_amounts, check_choices, check_food, target_column
from widgets.nutrients.schema import (
    FOODS,
    GROUPS,
    INFO,
    IU_PER_MCG,
    LIMIT_BANDS,
    NUTRIENTS,
    TARGET_BANDS,
    Food,
    Suggestion,
    UpperLimit,
)

__all__ = [
    "daily_targets",
    "exceeds_upper_limit",
    "foods_by_group",
    "gaps",
    "intake",
    "largest_gap",
    "mcg_to_iu",
    "not_reported",
    "search_foods",
    "suggest_foods",
    "upper_limits",
]


def daily_targets(age, sex, pregnant=False, lactating=False) -> dict[str, float]:
    """A day's targets for one person, in mg (potassium, calcium, magnesium) and mcg (vitamin D).

    The keys are ``"potassium"``, ``"calcium"``, ``"magnesium"`` and ``"vitamin_d"``.

    Potassium is the Adequate Intake (NASEM 2019); calcium, magnesium and vitamin D are the
    Recommended Dietary Allowances (IOM 2011, IOM 1997).

    Parameters
    ----------
    age : int
        Whole years, 14 to 120.
    sex : {"female", "male"}
    pregnant, lactating : bool
        At most one of them; only with ``"female"`` and ages 14 to 50.

    Raises
    ------
    ValueError
        With a sentence a learner can read, for any profile outside those rules.

    Examples
    --------
    >>> daily_targets(age=35, sex="female")
    {'potassium': 2600, 'calcium': 1000, 'magnesium': 320, 'vitamin_d': 15}
    """
    age, column = target_column(age, sex, pregnant, lactating)
    targets = {}
    for nutrient in NUTRIENTS:
        band = next(b for b in TARGET_BANDS[nutrient] if b.covers(age))
        if column not in band.values:  # the data file lacks a value the profile checks allow
            raise ValueError(
                f"The reference tables give no {column} target for {INFO[nutrient].name.lower()} "
                f"at age {age}."
            )
        targets[nutrient] = band.values[column]
    return targets


def upper_limits(age, sex=None, pregnant=False, lactating=False) -> dict[str, UpperLimit]:
    """The upper limits (ULs) that apply at ``age``, with the course's safety message for each.

    Calcium (2,000-3,000 mg by age) and vitamin D (100 mcg = 4,000 IU) count food and supplements
    together; magnesium's 350 mg counts supplements and medicines only (there is no UL for
    magnesium from food); potassium has none (``amount`` is ``None``). ``sex`` is optional (the
    limits do not depend on it); the profile is checked as in :func:`daily_targets`.
    """
    if sex is None:
        age, _ = target_column(age, "female", pregnant, lactating)
    else:
        age, _ = target_column(age, sex, pregnant, lactating)
    return {
        nutrient: next(limit for band, limit in LIMIT_BANDS[nutrient] if band.covers(age))
        for nutrient in NUTRIENTS
    }


def exceeds_upper_limit(limit: UpperLimit, amount_from_food: float) -> bool:
    """Whether food alone goes over ``limit``.

    Only limits that count food (calcium, vitamin D) can be exceeded by food; magnesium's limit
    counts supplements and medicines only, and potassium has none.
    """
    counts_food = limit.applies_to == "food and supplements together"
    return counts_food and limit.amount is not None and amount_from_food > limit.amount


def intake(choices: Mapping[str, float]) -> dict[str, float]:
    """What a day's food gives: totals for ``{food_id: servings}``.

    The totals have the keys of :func:`daily_targets` (mg, mg, mg, mcg).

    Servings are 0 to 20 in quarter steps. A value USDA did not report counts as nothing (see
    :func:`not_reported`). The sum is exact (then rounded once to a float), so that the total of
    two meals is the total of the day.

    Raises
    ------
    ValueError
        For an unknown food id, or servings that are negative, not a number, over 20 or not a
        quarter step.

    Examples
    --------
    >>> intake({"banana": 1, "yogurt-plain-low-fat": 2})
    {'potassium': 1484.0, 'calcium': 836.0, 'magnesium': 110.0, 'vitamin_d': 0.0}
    """
    totals = dict.fromkeys(NUTRIENTS, Fraction(0))
    for food_id, servings in check_choices(choices).items():
        for nutrient, amount in FOODS[food_id].nutrients.items():
            if amount is not None:
                # str() keeps the decimal the data file wrote (2.9, not 2.899999...)
                totals[nutrient] += Fraction(str(amount)) * Fraction(servings)
    return {nutrient: float(total) for nutrient, total in totals.items()}


def not_reported(choices: Mapping[str, float]) -> dict[str, tuple[str, ...]]:
    """For each nutrient, the chosen foods (servings above 0) with no USDA value for it."""
    checked = check_choices(choices)
    return {
        nutrient: tuple(
            fid for fid, s in checked.items() if s > 0 and not FOODS[fid].reported(nutrient)
        )
        for nutrient in NUTRIENTS
    }


def gaps(targets: Mapping[str, float], current_intake: Mapping[str, float]) -> dict[str, float]:
    """What is still missing of each target, as a share of it (0 = met, 1 = nothing yet)."""
    targets = check_amounts(targets, "targets", positive=True)
    current = check_amounts(current_intake, "intake", positive=False)
    return {n: max(0.0, targets[n] - current[n]) / targets[n] for n in NUTRIENTS}


def largest_gap(targets: Mapping[str, float], current_intake: Mapping[str, float]) -> str | None:
    """The nutrient furthest from its target as a share of it; ``None`` when every target is met.

    Ties go to the first in :data:`NUTRIENTS` order.
    """
    share_missing = gaps(targets, current_intake)
    largest = max(share_missing.values())
    if largest == 0:
        return None
    return next(k for k in NUTRIENTS if share_missing[k] == largest)


def suggest_foods(
    targets: Mapping[str, float],
    current_intake: Mapping[str, float],
    n: int = 3,
    exclude: Iterable[str] = (),
) -> tuple[Suggestion, ...]:
    """The ``n`` foods that would help most with the largest remaining gap.

    Ranking: the nutrient furthest from its target, as a share of the target (ties go to the
    order of :data:`NUTRIENTS`), is the one to close. Foods are ranked by how much of that nutrient
    one serving gives; ties are broken by how much one serving would add towards the other unmet
    targets (each counted as a share of its target, capped at what is missing), then by name.
    Foods in ``exclude`` (those already chosen) and foods with none, or no reported value, of that
    nutrient are left out. Every target met: an empty tuple.

    Raises
    ------
    ValueError
        If targets or intake lack a nutrient or hold a negative or non-numeric value, if ``n`` is
        not a whole number from 1 to the number of foods, or ``exclude`` names an unknown food.
    """
    nutrient = largest_gap(targets, current_intake)
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= len(FOODS):
        raise ValueError(f"Ask for 1 to {len(FOODS)} suggestions, not {n!r}.")
    if isinstance(exclude, str):
        exclude = (exclude,)
    skip = set()
    for fid in exclude:
        check_food(fid)
        skip.add(fid)
    if nutrient is None:
        return ()
    share_missing = gaps(targets, current_intake)
    missing = {k: share_missing[k] * targets[k] for k in NUTRIENTS}

    def helps_elsewhere(food: Food) -> float:
        return sum(
            min(food.nutrients[k], missing[k]) / targets[k]
            for k in NUTRIENTS
            if k != nutrient and missing[k] > 0 and food.nutrients[k] is not None
        )

    candidates = [
        (fid, food)
        for fid, food in FOODS.items()
        if fid not in skip and (food.nutrients[nutrient] or 0) > 0
    ]
    candidates.sort(key=lambda c: (-c[1].nutrients[nutrient], -helps_elsewhere(c[1]), c[1].name))
    return tuple(
        Suggestion(
            food_id=fid,
            food=food,
            nutrient=nutrient,
            amount=food.nutrients[nutrient],
            share_of_gap=min(food.nutrients[nutrient], missing[nutrient]) / missing[nutrient],
        )
        for fid, food in candidates[:n]
    )


def mcg_to_iu(mcg: float) -> float:
    """Vitamin D in IU (1 mcg = 40 IU)."""
    return mcg * IU_PER_MCG


def foods_by_group() -> dict[str, list[tuple[str, Food]]]:
    """Food groups in :data:`GROUPS` order, each with its (id, food) pairs (no empty groups)."""
    grouped: dict[str, list[tuple[str, Food]]] = {g: [] for g in GROUPS}
    for fid, food in FOODS.items():
        grouped[food.group].append((fid, food))
    return {g: rows for g, rows in grouped.items() if rows}


def search_foods(query: str) -> set[str]:
    """Ids of the foods whose name (or USDA name) contains every word of ``query``, ignoring case.

    An empty query matches every food.
    """
    words = str(query).casefold().split()
    return {
        fid
        for fid, food in FOODS.items()
        if all(w in f"{food.name} {food.usda_name}".casefold() for w in words)
    }
