"""The nutrient data: what a target, a limit and a food are, read and checked from the TOML files.

``widgets/data/nutrients.toml`` (targets and upper limits, US/Canada Dietary Reference Intakes) and
``widgets/data/foods.toml`` (USDA values per household serving) are loaded and validated when this
module is imported; every error names the file, the entry and the field.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from widgets.content import ContentError, load_toml, require, require_source

__all__ = [
    "CHECKLIST_TEXT",
    "FOODS",
    "FOODS_FILE",
    "GROUPS",
    "INFO",
    "IU_PER_MCG",
    "LIMIT_BANDS",
    "MAX_AGE",
    "MAX_PREGNANCY_AGE",
    "MAX_SERVINGS",
    "MIN_AGE",
    "NUTRIENTS",
    "SEXES",
    "TARGET_BANDS",
    "TARGETS_FILE",
    "UNITS",
    "ChecklistNote",
    "ChecklistText",
    "Food",
    "NutrientInfo",
    "Suggestion",
    "UpperLimit",
    "build_checklist_text",
    "build_foods",
    "build_reference",
]

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


@dataclass(frozen=True)
class ChecklistNote:
    """One "Good to know" bullet of the checklist: a health claim with its source.

    Attributes
    ----------
    title : str
        The bold lead-in ("" for none).
    text : str
        The rest of the bullet.
    source : str
        Where the claim comes from.
    """

    title: str
    text: str
    source: str


@dataclass(frozen=True)
class ChecklistText:
    """What the checklist says beside its numbers: the notes and the line naming its sources."""

    notes: tuple[ChecklistNote, ...]
    sources_line: str


def build_checklist_text(data: dict[str, Any], file: str = TARGETS_FILE) -> ChecklistText:
    """Validate ``nutrients.toml``'s ``[[checklist_notes]]`` and ``[checklist_sources]`` tables.

    Raises
    ------
    ContentError
        If a note has no text or no source, or the sources line is missing.
    """
    notes = []
    for n, entry in enumerate(require(data, "checklist_notes", list, file=file, where="the file")):
        where = f"checklist note {n + 1}"
        title = require(entry, "title", str, file=file, where=where) if "title" in entry else ""
        notes.append(
            ChecklistNote(
                title=title,
                text=require(entry, "text", str, file=file, where=where),
                source=require_source(entry, file=file, where=where),
            )
        )
    if not notes:
        raise ContentError(f"{file}: the file has no [[checklist_notes]] entry.")
    line = require(data, "checklist_sources", dict, file=file, where="the file")
    require_source(line, file=file, where="checklist_sources")
    text = require(line, "text", str, file=file, where="checklist_sources")
    return ChecklistText(notes=tuple(notes), sources_line=text)


INFO, TARGET_BANDS, LIMIT_BANDS = build_reference(load_toml(TARGETS_FILE))
#: The checklist's "Good to know" notes and its sources line, from ``nutrients.toml``.
CHECKLIST_TEXT = build_checklist_text(load_toml(TARGETS_FILE))
#: Food id -> :class:`Food`, in the order of foods.csv.
FOODS: Mapping[str, Food] = build_foods(load_toml(FOODS_FILE))
