"""The nutrient checklist's numbers: daily targets, what a day's food gives, what would help most.

Plain Python, no widgets: every number the checklist shows is computed in this package, one job a
module, and re-exported here so that ``from widgets.nutrients.model import ...`` keeps working:

* :mod:`widgets.nutrients.schema`: the data files (``nutrients.toml``: US/Canada Dietary Reference
  Intakes; ``foods.toml``: USDA values per household serving), loaded and validated on import;
* :mod:`widgets.nutrients.checks`: what a learner types, checked;
* :mod:`widgets.nutrients.amounts`: targets, limits, intake, gaps, suggestions;
* :mod:`widgets.nutrients.text`: the numbers as a learner reads them.

Units are fixed: potassium, calcium and magnesium in **mg** a day, vitamin D in **mcg** a day
(1 mcg = 40 IU; :func:`mcg_to_iu`). A food whose value USDA did not report has ``None`` for that
nutrient: unknown, never counted as 0 and never shown as 0.

Who the targets cover, and what is refused (``ValueError`` with a sentence a learner can read):

* ages 14 to 120 in whole years (the reference tables start at 14; younger children's needs are
  outside this course);
* sex ``"female"`` or ``"male"``, the two columns of the tables;
* pregnancy or breastfeeding (``lactating``) only with ``"female"`` and only at ages 14 to 50, the
  ages the tables give such values for; never both at once, because the tables give a separate
  value for each and the course cannot say which applies.
"""

from widgets.nutrients.amounts import (
    daily_targets,
    exceeds_upper_limit,
    foods_by_group,
    gaps,
    intake,
    largest_gap,
    mcg_to_iu,
    not_reported,
    search_foods,
    suggest_foods,
    upper_limits,
)
from widgets.nutrients.checks import (
    check_age,
    check_amounts,
    check_choices,
    check_food,
    check_servings,
    parse_age,
    parse_servings,
    target_column,
)
from widgets.nutrients.schema import (
    CHECKLIST_TEXT,
    FOODS,
    FOODS_FILE,
    GROUPS,
    INFO,
    IU_PER_MCG,
    LIMIT_BANDS,
    MAX_AGE,
    MAX_PREGNANCY_AGE,
    MAX_SERVINGS,
    MIN_AGE,
    NUTRIENTS,
    SEXES,
    TARGET_BANDS,
    TARGETS_FILE,
    UNITS,
    ChecklistNote,
    ChecklistText,
    Food,
    NutrientInfo,
    Suggestion,
    UpperLimit,
    build_checklist_text,
    build_foods,
    build_reference,
)
from widgets.nutrients.text import (
    format_amount,
    format_iu,
    percent,
    progress_text,
)

__all__ = [
    "CHECKLIST_TEXT",
    "ChecklistNote",
    "ChecklistText",
    "build_checklist_text",
    "FOODS",
    "FOODS_FILE",
    "Food",
    "GROUPS",
    "INFO",
    "IU_PER_MCG",
    "LIMIT_BANDS",
    "MAX_AGE",
    "MAX_PREGNANCY_AGE",
    "MAX_SERVINGS",
    "MIN_AGE",
    "NUTRIENTS",
    "NutrientInfo",
    "SEXES",
    "Suggestion",
    "TARGETS_FILE",
    "TARGET_BANDS",
    "UNITS",
    "UpperLimit",
    "build_foods",
    "build_reference",
    "check_age",
    "check_amounts",
    "check_choices",
    "check_food",
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
    "target_column",
    "upper_limits",
]
