"""The nutrient checklist's numbers: daily targets, what a day's food gives, what would help most.

Plain Python, no widgets: every number the checklist shows is computed here. The data live in
``widgets/data/nutrients.toml`` (targets and upper limits, US/Canada Dietary Reference Intakes)
and ``widgets/data/foods.toml`` (USDA values per household serving), both loaded and validated when
this module is imported.

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

from __future__ import annotations

import difflib
import math
import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Any

from widgets.content import ContentError, load_toml, require, require_source

TARGETS_FILE = "nutrients.toml"
FOODS_FILE = "foods.toml"

#: The four nutrients, in the order the checklist shows them.
NUTRIENTS = ("potassium", "calcium", "magnesium", "vitamin_d")
#: The unit of every amount: per day for targets, per serving for foods.
UNITS = MappingProxyType(
    {"potassium": "mg", "calcium": "mg", "magnesium": "mg", "vitamin_d": "mcg"}
)
#: 1 mcg of vitamin D = 40 IU (health-facts.md §3.4).
IU_PER_MCG = 40
SEXES = ("female", "male")
MIN_AGE, MAX_AGE = 14, 120
#: The oldest age the tables give pregnancy and breastfeeding values for.
MAX_PREGNANCY_AGE = 50
MAX_SERVINGS = 20
#: Food groups in the order the checklist shows them.
GROUPS = (
    "fruit",
    "vegetables",
    "beans and nuts",
    "dairy and alternatives",
    "fish and eggs",
    "grains",
    "other",
)
_CSV_FIELDS = {
    "potassium": "potassium_mg",
    "calcium": "calcium_mg",
    "magnesium": "magnesium_mg",
    "vitamin_d": "vitamin_d_mcg",
}
_SERVINGS_HINT = "Enter servings from 0 to 20, in quarter steps (for example 1 or 1.5)."
_AGE_HINT = "Enter your age in whole years, for example 35."


@dataclass(frozen=True)
class NutrientInfo:
    """What a nutrient is called, its unit, and where its targets come from."""

    id: str
    name: str
    unit: str
    kind: str  # "AI" (Adequate Intake) or "RDA" (Recommended Dietary Allowance)
    kind_name: str
    source: str
    url: str


@dataclass(frozen=True)
class Food:
    """One food of the checklist, per household serving.

    Attributes
    ----------
    name : str
        The name a learner recognises ("Yogurt, plain, low fat").
    serving : str
        The household measure the amounts are for ("8-oz container").
    nutrients : Mapping[str, float | None]
        Amount per serving for each of :data:`NUTRIENTS` in :data:`UNITS`; ``None`` means USDA did
        not report it (unknown, not zero).
    source : str
        Where the numbers come from (USDA SR26 and the NDB number).
    grams : float
        Weight of one serving in grams.
    group : str
        One of :data:`GROUPS`.
    ndb : str
        USDA NDB number.
    usda_name : str
        The USDA description of the food.
    """

    name: str
    serving: str
    nutrients: Mapping[str, float | None] = field(hash=False)
    source: str
    grams: float
    group: str
    ndb: str = ""
    usda_name: str = ""

    def reported(self, nutrient: str) -> bool:
        """Whether USDA reported a value of ``nutrient`` for this food."""
        return self.nutrients[nutrient] is not None


@dataclass(frozen=True)
class UpperLimit:
    """A Tolerable Upper Intake Level (UL) and the safety message that goes with it.

    ``amount`` is ``None`` where no UL has been set (potassium). ``applies_to`` says what the limit
    counts: "food and supplements together", "supplements and medicines only" or "not determined".
    """

    nutrient: str
    amount: float | None
    unit: str
    applies_to: str
    message: str
    source: str


@dataclass(frozen=True)
class Suggestion:
    """A food that would help close the largest remaining gap (see :func:`suggest_foods`)."""

    food_id: str
    food: Food
    nutrient: str
    amount: float  # of ``nutrient`` in one serving, in UNITS[nutrient]
    share_of_gap: float  # 0-1: how much of the remaining gap one serving closes


@dataclass(frozen=True)
class _Band:
    first: int
    last: int
    values: Mapping[str, float]  # column ("male", "female", "pregnancy", "lactation") -> amount
    source: str

    def covers(self, age: int) -> bool:
        return self.first <= age <= self.last


# --- loading and validating the data files ---------------------------------------------------


def _number(entry: dict[str, Any], name: str, *, file: str, where: str, minimum: float = 0):
    value = require(entry, name, (int, float), file=file, where=where)
    if not math.isfinite(value) or value < minimum:
        raise ContentError(
            f"{file}: {where}: the field '{name}' must be a number of at least {minimum}, "
            f"not {value}."
        )
    return value


def _ages(entry: dict[str, Any], *, file: str, where: str) -> tuple[int, int]:
    ages = require(entry, "ages", list, file=file, where=where)
    if (
        len(ages) != 2
        or not all(isinstance(a, int) and not isinstance(a, bool) for a in ages)
        or not MIN_AGE <= ages[0] <= ages[1] <= MAX_AGE
    ):
        raise ContentError(
            f"{file}: {where}: the field 'ages' must be [first, last] whole years from "
            f"{MIN_AGE} to {MAX_AGE}, not {ages}."
        )
    return ages[0], ages[1]


def _nutrient(entry: dict[str, Any], *, file: str, where: str) -> str:
    nutrient = require(entry, "nutrient", str, file=file, where=where)
    if nutrient not in NUTRIENTS:
        raise ContentError(
            f"{file}: {where}: the field 'nutrient' must be one of {', '.join(NUTRIENTS)}, "
            f"not '{nutrient}'."
        )
    return nutrient


def _check_coverage(bands: dict[str, list[_Band]], kind: str, *, file: str) -> None:
    """Every nutrient's bands run from MIN_AGE to MAX_AGE with no gap and no overlap."""
    for nutrient in NUTRIENTS:
        rows = sorted(bands[nutrient], key=lambda b: b.first)
        expected = MIN_AGE
        for band in rows:
            if band.first != expected:
                raise ContentError(
                    f"{file}: the {nutrient} {kind} do not run on from age {expected}: the next "
                    f"row starts at {band.first}."
                )
            expected = band.last + 1
        if expected != MAX_AGE + 1:
            raise ContentError(
                f"{file}: the {nutrient} {kind} stop at age {expected - 1}, not {MAX_AGE}."
            )


def build_reference(data: dict[str, Any], file: str = TARGETS_FILE):
    """Validate the parsed ``nutrients.toml``.

    Returns
    -------
    tuple
        ``(info, targets, upper_limits)``: a mapping nutrient -> :class:`NutrientInfo`, and for each
        nutrient its target bands and its upper-limit bands.

    Raises
    ------
    ContentError
        Naming the file, the entry and the field that is wrong.
    """
    iu = _number(data, "iu_per_mcg", file=file, where="the file")
    if iu != IU_PER_MCG:
        raise ContentError(f"{file}: the file: 'iu_per_mcg' must be {IU_PER_MCG}, not {iu}.")
    table = require(data, "nutrients", dict, file=file, where="the file")
    if set(table) != set(NUTRIENTS):
        raise ContentError(
            f"{file}: the file: [nutrients] must describe exactly {', '.join(NUTRIENTS)}, "
            f"not {', '.join(table)}."
        )
    info = {}
    for nid in NUTRIENTS:
        entry, where = table[nid], f"nutrient '{nid}'"
        fields = {f: require(entry, f, str, file=file, where=where) for f in ("name", "unit")}
        if fields["unit"] != UNITS[nid]:
            raise ContentError(
                f"{file}: {where}: the field 'unit' must be '{UNITS[nid]}', not '{fields['unit']}'."
            )
        info[nid] = NutrientInfo(
            id=nid,
            name=fields["name"],
            unit=fields["unit"],
            kind=require(entry, "kind", str, file=file, where=where),
            kind_name=require(entry, "kind_name", str, file=file, where=where),
            source=require_source(entry, file=file, where=where),
            url=require(entry, "url", str, file=file, where=where),
        )

    targets: dict[str, list[_Band]] = {n: [] for n in NUTRIENTS}
    for i, entry in enumerate(require(data, "targets", list, file=file, where="the file"), 1):
        where = f"target {i}"
        nutrient = _nutrient(entry, file=file, where=where)
        first, last = _ages(entry, file=file, where=where)
        where = f"target {i} ({nutrient}, ages {first}-{last})"
        values = {sex: _number(entry, sex, file=file, where=where, minimum=1) for sex in SEXES}
        for column in ("pregnancy", "lactation"):
            if column in entry:
                values[column] = _number(entry, column, file=file, where=where, minimum=1)
        source = require_source(entry, file=file, where=where)
        targets[nutrient].append(_Band(first, last, MappingProxyType(values), source))
    _check_coverage(targets, "targets", file=file)

    limits: dict[str, list[tuple[_Band, UpperLimit]]] = {n: [] for n in NUTRIENTS}
    for i, entry in enumerate(require(data, "upper_limits", list, file=file, where="the file"), 1):
        where = f"upper limit {i}"
        nutrient = _nutrient(entry, file=file, where=where)
        first, last = _ages(entry, file=file, where=where)
        where = f"upper limit {i} ({nutrient}, ages {first}-{last})"
        amount = _number(entry, "amount", file=file, where=where) if "amount" in entry else None
        limit = UpperLimit(
            nutrient=nutrient,
            amount=amount,
            unit=UNITS[nutrient],
            applies_to=require(entry, "applies_to", str, file=file, where=where),
            message=require(entry, "message", str, file=file, where=where),
            source=require_source(entry, file=file, where=where),
        )
        band = _Band(first, last, MappingProxyType({}), limit.source)
        limits[nutrient].append((band, limit))
    _check_coverage(
        {n: [band for band, _ in rows] for n, rows in limits.items()}, "upper limits", file=file
    )
    return MappingProxyType(info), targets, limits


def build_foods(data: dict[str, Any], file: str = FOODS_FILE) -> Mapping[str, Food]:
    """Validate the parsed ``foods.toml``; return food id -> :class:`Food` in the file's order.

    Raises
    ------
    ContentError
        Naming the file, the food and the field that is wrong (a missing or negative amount, an
        unknown group, a duplicate id, an amount both given and marked not reported, ...).
    """
    foods: dict[str, Food] = {}
    for i, entry in enumerate(require(data, "foods", list, file=file, where="the file"), 1):
        food_id = require(entry, "id", str, file=file, where=f"food {i}")
        where = f"food {i} ('{food_id}')"
        if food_id in foods:
            raise ContentError(f"{file}: {where}: the id '{food_id}' is used twice.")
        if food_id != food_id.lower() or not all(p.isalnum() for p in food_id.split("-")):
            raise ContentError(
                f"{file}: {where}: the field 'id' must be kebab-case (banana, "
                f"yogurt-plain-low-fat), not '{food_id}'."
            )
        group = require(entry, "group", str, file=file, where=where)
        if group not in GROUPS:
            raise ContentError(
                f"{file}: {where}: the field 'group' must be one of {', '.join(GROUPS)}, "
                f"not '{group}'."
            )
        not_reported = entry.get("not_reported", [])
        if not isinstance(not_reported, list) or not set(not_reported) <= set(NUTRIENTS):
            raise ContentError(
                f"{file}: {where}: the field 'not_reported' must list nutrients from "
                f"{', '.join(NUTRIENTS)}, not {not_reported!r}."
            )
        amounts: dict[str, float | None] = {}
        for nutrient in NUTRIENTS:
            name = _CSV_FIELDS[nutrient]
            if nutrient in not_reported:
                if name in entry:
                    raise ContentError(
                        f"{file}: {where}: the field '{name}' has a value but '{nutrient}' is "
                        f"listed as not reported."
                    )
                amounts[nutrient] = None
            else:
                amounts[nutrient] = _number(entry, name, file=file, where=where)
        foods[food_id] = Food(
            name=require(entry, "name", str, file=file, where=where),
            serving=require(entry, "serving", str, file=file, where=where),
            nutrients=MappingProxyType(amounts),
            source=require_source(entry, file=file, where=where),
            grams=_number(entry, "grams", file=file, where=where, minimum=0.01),
            group=group,
            ndb=require(entry, "ndb", str, file=file, where=where),
            usda_name=require(entry, "usda_name", str, file=file, where=where),
        )
    if not foods:
        raise ContentError(f"{file}: the file lists no foods.")
    return MappingProxyType(foods)


INFO, _TARGETS, _LIMITS = build_reference(load_toml(TARGETS_FILE))
#: Food id -> :class:`Food`, in the order of foods.csv.
FOODS: Mapping[str, Food] = build_foods(load_toml(FOODS_FILE))


# --- checking what a learner gives ------------------------------------------------------------


def _check_age(age: Any) -> int:
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


def _column(age: Any, sex: Any, pregnant: Any, lactating: Any) -> tuple[int, str]:
    """Check a learner's profile; return (age, table column)."""
    age = _check_age(age)
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
    return _check_age(value)


# --- the numbers -----------------------------------------------------------------------------


def daily_targets(age, sex, pregnant=False, lactating=False) -> dict[str, float]:
    """A day's targets for one person: ``{"potassium": mg, "calcium": mg, "magnesium": mg,
    "vitamin_d": mcg}``.

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
    age, column = _column(age, sex, pregnant, lactating)
    targets = {}
    for nutrient in NUTRIENTS:
        band = next(b for b in _TARGETS[nutrient] if b.covers(age))
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
        age, _ = _column(age, "female", pregnant, lactating)
    else:
        age, _ = _column(age, sex, pregnant, lactating)
    return {
        nutrient: next(limit for band, limit in _LIMITS[nutrient] if band.covers(age))
        for nutrient in NUTRIENTS
    }


def exceeds_upper_limit(limit: UpperLimit, amount_from_food: float) -> bool:
    """Whether food alone goes over ``limit``.

    Only limits that count food (calcium, vitamin D) can be exceeded by food; magnesium's limit
    counts supplements and medicines only, and potassium has none.
    """
    counts_food = limit.applies_to == "food and supplements together"
    return counts_food and limit.amount is not None and amount_from_food > limit.amount


def _check_food(food_id: Any) -> Food:
    if isinstance(food_id, str) and food_id in FOODS:
        return FOODS[food_id]
    near = difflib.get_close_matches(str(food_id), list(FOODS), n=1)
    hint = f" Did you mean '{near[0]}'?" if near else ""
    raise ValueError(f"There is no food '{_short(str(food_id), 40)}' in the checklist.{hint}")


def _check_choices(choices: Any) -> dict[str, float]:
    if not isinstance(choices, Mapping):
        raise ValueError(
            "Give the foods as a mapping from food id to servings, e.g. {'banana': 1}."
        )
    checked = {}
    for food_id, servings in choices.items():
        food = _check_food(food_id)
        try:
            checked[food_id] = check_servings(servings)
        except ValueError as exc:
            raise ValueError(f"{food.name}: {exc}") from None
    return checked


def intake(choices: Mapping[str, float]) -> dict[str, float]:
    """What a day's food gives: ``{food_id: servings}`` -> totals with the keys of
    :func:`daily_targets` (mg, mg, mg, mcg).

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
    for food_id, servings in _check_choices(choices).items():
        for nutrient, amount in FOODS[food_id].nutrients.items():
            if amount is not None:
                # str() keeps the decimal the data file wrote (2.9, not 2.899999...)
                totals[nutrient] += Fraction(str(amount)) * Fraction(servings)
    return {nutrient: float(total) for nutrient, total in totals.items()}


def not_reported(choices: Mapping[str, float]) -> dict[str, tuple[str, ...]]:
    """For each nutrient, the chosen foods (servings above 0) with no USDA value for it."""
    checked = _check_choices(choices)
    return {
        nutrient: tuple(
            fid for fid, s in checked.items() if s > 0 and not FOODS[fid].reported(nutrient)
        )
        for nutrient in NUTRIENTS
    }


def _check_amounts(values: Any, what: str, *, positive: bool) -> dict[str, float]:
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


def gaps(targets: Mapping[str, float], current_intake: Mapping[str, float]) -> dict[str, float]:
    """What is still missing of each target, as a share of it (0 = met, 1 = nothing yet)."""
    targets = _check_amounts(targets, "targets", positive=True)
    current = _check_amounts(current_intake, "intake", positive=False)
    return {n: max(0.0, targets[n] - current[n]) / targets[n] for n in NUTRIENTS}


def largest_gap(targets: Mapping[str, float], current_intake: Mapping[str, float]) -> str | None:
    """The nutrient furthest from its target as a share of it (ties: :data:`NUTRIENTS` order);
    ``None`` when every target is met."""
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
        _check_food(fid)
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


# --- words and numbers as the checklist shows them --------------------------------------------


def mcg_to_iu(mcg: float) -> float:
    """Vitamin D in IU (1 mcg = 40 IU)."""
    return mcg * IU_PER_MCG


def _round_half_up(value: float, places: int = 0) -> Decimal:
    step = Decimal(1).scaleb(-places)
    return Decimal(repr(value)).quantize(step, rounding=ROUND_HALF_UP)


def format_amount(nutrient: str, amount: float) -> str:
    """An amount as the checklist shows it: mg whole with thousands commas ("1,484"), mcg to one
    decimal place without a trailing ".0" ("2.9", "15")."""
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
    """The text of a nutrient's bar: "1,484 / 2,600 mg (57%)"; vitamin D adds IU:
    "2.9 / 15 mcg (19%) · 116 / 600 IU"."""
    unit = UNITS[nutrient]
    text = (
        f"{format_amount(nutrient, amount)} / {format_amount(nutrient, target)} {unit} "
        f"({percent(amount, target)}%)"
    )
    if nutrient == "vitamin_d":
        text += f" · {format_iu(amount)} / {format_iu(target)} IU"
    return text


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
