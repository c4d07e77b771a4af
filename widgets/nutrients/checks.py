"""What a learner gives the nutrient checklist, checked: ages, sex, servings, food ids, amounts.

Every refusal is a ``ValueError`` with a sentence a learner can read (see :mod:`widgets.nutrients`
for who the targets cover).
"""

from __future__ import annotations

import difflib
import math
import numbers
from collections.abc import Mapping
from typing import Any

from widgets.nutrients.schema import (
    FOODS,
    MAX_AGE,
    MAX_PREGNANCY_AGE,
    MAX_SERVINGS,
    MIN_AGE,
    NUTRIENTS,
    SEXES,
    Food,
)

__all__ = [
    "check_age",
    "check_amounts",
    "check_choices",
    "check_food",
    "check_servings",
    "parse_age",
    "parse_servings",
    "target_column",
]

_SERVINGS_HINT = "Enter servings from 0 to 20, in quarter steps (for example 1 or 1.5)."
_AGE_HINT = "Enter your age in whole years, for example 35."


def check_age(age: Any) -> int:
    """Return ``age`` as whole years if the targets cover it (14 to 120); else ``ValueError``."""
    if isinstance(age, bool) or not isinstance(age, numbers.Real):
        raise ValueError(f"Age must be a number of years. {_AGE_HINT}")
    if not math.isfinite(age):
        raise ValueError(f"Age must be a number of years. {_AGE_HINT}")
    if age != int(age):
        raise ValueError(_AGE_HINT)
    age = int(age)
    if age < MIN_AGE:
        raise ValueError(
            f"This checklist covers ages {MIN_AGE} and over: the targets for younger children "
            f"are different and are not part of this course."
        )
    if age > MAX_AGE:
        raise ValueError(f"Enter an age from {MIN_AGE} to {MAX_AGE}.")
    return age


def target_column(age: Any, sex: Any, pregnant: Any, lactating: Any) -> tuple[int, str]:
    """Check a learner's profile; return (age, table column)."""
    age = check_age(age)
    if not isinstance(sex, str) or sex.strip().lower() not in SEXES:
        raise ValueError("Choose 'female' or 'male': the reference tables give targets for these.")
    sex = sex.strip().lower()
    for name, flag in (("pregnant", pregnant), ("lactating", lactating)):
        if not isinstance(flag, bool):
            raise ValueError(f"The '{name}' answer must be True or False.")
    if pregnant and lactating:
        raise ValueError(
            "Choose pregnant or breastfeeding, not both: the tables give a separate value for "
            "each. A midwife, doctor or pharmacist can tell you which applies to you."
        )
    if (pregnant or lactating) and sex != "female":
        raise ValueError("Pregnancy and breastfeeding targets apply only with sex 'female'.")
    if (pregnant or lactating) and age > MAX_PREGNANCY_AGE:
        raise ValueError(
            f"The reference tables give pregnancy and breastfeeding targets only for ages "
            f"{MIN_AGE} to {MAX_PREGNANCY_AGE}."
        )
    return age, "pregnancy" if pregnant else "lactation" if lactating else sex


def check_servings(servings: Any) -> float:
    """Return ``servings`` as a float if it is 0-20 in quarter steps; else raise ValueError."""
    if isinstance(servings, bool) or not isinstance(servings, numbers.Real):
        raise ValueError(f"Servings must be a number. {_SERVINGS_HINT}")
    if not math.isfinite(servings):
        raise ValueError(f"Servings must be a number. {_SERVINGS_HINT}")
    if servings < 0:
        raise ValueError(f"Servings cannot be negative. {_SERVINGS_HINT}")
    if servings > MAX_SERVINGS:
        raise ValueError(f"That is more than {MAX_SERVINGS} servings. {_SERVINGS_HINT}")
    quarters = servings * 4
    if quarters != int(quarters):
        nearest = round(quarters) / 4
        raise ValueError(
            f"Use quarter servings (0.25, 0.5, 0.75, 1, ...): the nearest is {nearest:g}."
        )
    return float(servings)


def _short(text: str, limit: int = 20) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse_servings(text: str) -> float:
    """Read servings a learner typed ("1", "1.5", "0,75"); raise ValueError with a hint if bad."""
    cleaned = str(text).strip().replace(",", ".")
    if not cleaned:
        raise ValueError(f"Enter a number of servings. {_SERVINGS_HINT}")
    try:
        value = float(cleaned)
    except ValueError:
        raise ValueError(
            f"'{_short(str(text).strip())}' is not a number. {_SERVINGS_HINT}"
        ) from None
    return check_servings(value)


def parse_age(text: str) -> int:
    """Read an age a learner typed ("35"); raise ValueError with a hint if it is not usable."""
    cleaned = str(text).strip()
    if not cleaned:
        raise ValueError(f"Enter your age. {_AGE_HINT}")
    try:
        value = float(cleaned)
    except ValueError:
        raise ValueError(f"'{_short(cleaned)}' is not a number. {_AGE_HINT}") from None
    return check_age(value)


def check_food(food_id: Any) -> Food:
    """Return the food with this id; ``ValueError`` naming the nearest id if there is none."""
    if isinstance(food_id, str) and food_id in FOODS:
        return FOODS[food_id]
    near = difflib.get_close_matches(str(food_id), list(FOODS), n=1)
    hint = f" Did you mean '{near[0]}'?" if near else ""
    raise ValueError(f"There is no food '{_short(str(food_id), 40)}' in the checklist.{hint}")


def check_choices(choices: Any) -> dict[str, float]:
    """Return ``{food_id: servings}`` checked; ``ValueError`` naming the food that is wrong."""
    if not isinstance(choices, Mapping):
        raise ValueError(
            "Give the foods as a mapping from food id to servings, e.g. {'banana': 1}."
        )
    checked = {}
    for food_id, servings in choices.items():
        food = check_food(food_id)
        try:
            checked[food_id] = check_servings(servings)
        except ValueError as exc:
            raise ValueError(f"{food.name}: {exc}") from None
    return checked


def check_amounts(values: Any, what: str, *, positive: bool) -> dict[str, float]:
    """Return a number for each of :data:`NUTRIENTS`, checked (``positive``: more than 0)."""
    if not isinstance(values, Mapping) or not set(NUTRIENTS) <= set(values):
        raise ValueError(f"The {what} must give a number for each of {', '.join(NUTRIENTS)}.")
    checked = {}
    for nutrient in NUTRIENTS:
        value = values[nutrient]
        ok = (
            isinstance(value, numbers.Real)
            and not isinstance(value, bool)
            and math.isfinite(value)
            and (value > 0 if positive else value >= 0)
        )
        if not ok:
            sign = "above 0" if positive else "0 or more"
            raise ValueError(f"The {what} for {nutrient} must be a number {sign}, not {value!r}.")
        checked[nutrient] = float(value)
    return checked
