"""The nutrient checklist: daily targets, what a day's food gives, and which foods would help.

The model (:mod:`widgets.nutrients.model`) is re-exported here; the view is
``widgets.NutrientChecklist`` (:mod:`widgets.nutrients.view`).
"""

from widgets._lazy import lazy_views
from widgets.nutrients.model import (
    FOODS,
    GROUPS,
    INFO,
    IU_PER_MCG,
    NUTRIENTS,
    UNITS,
    Food,
    NutrientInfo,
    Suggestion,
    UpperLimit,
    check_servings,
    daily_targets,
    exceeds_upper_limit,
    foods_by_group,
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

__all__ = [
    "FOODS",
    "Food",
    "GROUPS",
    "INFO",
    "IU_PER_MCG",
    "NUTRIENTS",
    "NutrientChecklist",
    "NutrientInfo",
    "Suggestion",
    "UNITS",
    "UpperLimit",
    "check_servings",
    "daily_targets",
    "exceeds_upper_limit",
    "foods_by_group",
    "format_amount",
    "format_iu",
    "gaps",
    "intake",
    "largest_gap",
    "mcg_to_iu",
    "not_reported",
    "parse_age",
    "parse_servings",
    "percent",
    "progress_text",
    "search_foods",
    "suggest_foods",
    "upper_limits",
]

__getattr__, __dir__ = lazy_views(
    __name__, {"NutrientChecklist": "widgets.nutrients.view"}, globals()
)
