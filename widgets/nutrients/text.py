"""The nutrient checklist's numbers as a learner reads them: amounts, IU, percentages."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

from widgets.nutrients.amounts import mcg_to_iu
from widgets.nutrients.schema import UNITS

__all__ = [
    "format_amount",
    "format_iu",
    "percent",
    "progress_text",
]


def _round_half_up(value: float, places: int = 0) -> Decimal:
    step = Decimal(1).scaleb(-places)
    return Decimal(repr(value)).quantize(step, rounding=ROUND_HALF_UP)


def format_amount(nutrient: str, amount: float) -> str:
    """An amount as the checklist shows it.

    mg whole with thousands commas ("1,484"); mcg to one decimal place without a trailing ".0"
    ("2.9", "15").
    """
    if UNITS[nutrient] == "mg":
        return f"{_round_half_up(amount):,}"
    text = f"{_round_half_up(amount, 1):,}"
    return text[:-2] if text.endswith(".0") else text


def format_iu(mcg: float) -> str:
    """Vitamin D given in mcg, as whole IU with thousands commas ("4,000")."""
    return f"{_round_half_up(mcg_to_iu(mcg)):,}"


def percent(amount: float, target: float) -> int:
    """``amount`` as a whole percentage of ``target``, rounded down (100: target met)."""
    # round first, so that a float a hair under an exact total still counts as it
    return math.floor(round(amount / target * 100, 6))


def progress_text(nutrient: str, amount: float, target: float) -> str:
    """The text of a nutrient's bar: "1,484 / 2,600 mg (57%)".

    Vitamin D adds IU: "2.9 / 15 mcg (19%) · 116 / 600 IU".
    """
    unit = UNITS[nutrient]
    text = (
        f"{format_amount(nutrient, amount)} / {format_amount(nutrient, target)} {unit} "
        f"({percent(amount, target)}%)"
    )
    if nutrient == "vitamin_d":
        text += f" · {format_iu(amount)} / {format_iu(target)} IU"
    return text
