"""Write widgets/data/foods.toml from ../shared/reference/foods.csv (a one-off generator).

The CSV is the vetted table (health-facts.md §3.5, Table E: USDA SR26 values per household
serving). This script adds what the course needs on top of it: a short kebab-case id, a name a
learner recognises, and a food group. Every number is copied as it is in the CSV; an empty vitamin D
cell ("n/r" in the reference: not reported by USDA) is kept as ``not_reported`` instead of a 0.

Run it again only if foods.csv changes:

    .venv/bin/python tools/make_foods_toml.py [path/to/foods.csv]

tests/content/test_nutrient_data.py checks that the TOML still matches the CSV.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CSV = REPO.parent / "shared" / "reference" / "foods.csv"
OUT = REPO / "widgets" / "data" / "foods.toml"

#: NDB number -> (id, the name a learner sees, group). Order within a group follows the CSV.
FOODS = {
    "09040": ("banana", "Banana", "fruit"),
    "11674": ("potato-baked", "Potato, baked with skin", "vegetables"),
    "09032": ("apricots-dried", "Dried apricots", "fruit"),
    "09291": ("prunes", "Prunes (dried plums)", "fruit"),
    "09298": ("raisins", "Raisins", "fruit"),
    "09094": ("figs-dried", "Dried figs", "fruit"),
    "09200": ("orange", "Orange", "fruit"),
    "09206": ("orange-juice", "Orange juice", "fruit"),
    "09210": (
        "orange-juice-fortified",
        "Orange juice, fortified with calcium and vitamin D",
        "fruit",
    ),
    "09037": ("avocado", "Avocado", "fruit"),
    "09278": ("plantains-cooked", "Plantains, cooked", "fruit"),
    "11529": ("tomato", "Tomato", "vegetables"),
    "11458": ("spinach-cooked", "Spinach, cooked", "vegetables"),
    "11087": ("beet-greens-cooked", "Beet greens, cooked", "vegetables"),
    "11234": ("kale-cooked", "Kale, cooked", "vegetables"),
    "11162": ("collards-cooked", "Collard greens, cooked", "vegetables"),
    "11117": ("bok-choy-cooked", "Bok choy, cooked", "vegetables"),
    "11004": ("amaranth-leaves-cooked", "Amaranth leaves, cooked", "vegetables"),
    "11091": ("broccoli-cooked", "Broccoli, cooked", "vegetables"),
    "11508": ("sweet-potato-baked", "Sweet potato, baked in skin", "vegetables"),
    "11483": ("acorn-squash-baked", "Acorn squash, baked", "vegetables"),
    "11998": ("mushrooms-portabella-uv", "Portabella mushrooms, UV-exposed", "vegetables"),
    "16070": ("lentils-cooked", "Lentils, cooked", "beans and nuts"),
    "16051": ("white-beans-canned", "White beans, canned", "beans and nuts"),
    "16015": ("black-beans-cooked", "Black beans, cooked", "beans and nuts"),
    "16033": ("kidney-beans-cooked", "Kidney beans, cooked", "beans and nuts"),
    "16057": ("chickpeas-cooked", "Chickpeas, cooked", "beans and nuts"),
    "11212": ("edamame", "Edamame", "beans and nuts"),
    "16427": ("tofu-calcium-set", "Tofu, made with calcium sulfate", "beans and nuts"),
    "16222": ("soy-milk-fortified", "Soy milk, unsweetened, fortified", "dairy and alternatives"),
    "01085": ("milk-nonfat", "Milk, fat-free, with added vitamin D", "dairy and alternatives"),
    "01079": ("milk-2-percent", "Milk, 2% fat, with added vitamin D", "dairy and alternatives"),
    "01117": ("yogurt-plain-low-fat", "Yogurt, plain, low fat", "dairy and alternatives"),
    "01256": ("yogurt-greek-nonfat", "Greek yogurt, plain, fat-free", "dairy and alternatives"),
    "01009": ("cheese-cheddar", "Cheddar cheese", "dairy and alternatives"),
    "01129": ("egg-hard-boiled", "Egg, hard-boiled", "fish and eggs"),
    "15088": ("sardines-canned", "Sardines, canned in oil, with bones", "fish and eggs"),
    "15086": ("salmon-sockeye", "Salmon, sockeye, cooked", "fish and eggs"),
    "15237": ("salmon-atlantic-farmed", "Salmon, Atlantic, farmed, cooked", "fish and eggs"),
    "15241": ("trout-rainbow", "Rainbow trout, farmed, cooked", "fish and eggs"),
    "15121": ("tuna-light-canned", "Tuna, light, canned in water", "fish and eggs"),
    "12061": ("almonds", "Almonds", "beans and nuts"),
    "12085": ("cashews", "Cashews, dry roasted", "beans and nuts"),
    "12016": ("pumpkin-seeds", "Pumpkin seeds, roasted", "beans and nuts"),
    "12006": ("chia-seeds", "Chia seeds", "beans and nuts"),
    "12166": ("tahini", "Tahini (sesame paste)", "beans and nuts"),
    "16398": ("peanut-butter", "Peanut butter, smooth", "beans and nuts"),
    "08121": ("oatmeal", "Oatmeal, cooked with water", "grains"),
    "20037": ("brown-rice", "Brown rice, cooked", "grains"),
    "20137": ("quinoa", "Quinoa, cooked", "grains"),
    # Dark chocolate fits none of the five food groups the checklist teaches.
    "19904": ("dark-chocolate", "Dark chocolate, 70–85% cacao", "other"),
}

NUMBERS = ["potassium_mg", "calcium_mg", "magnesium_mg"]

HEADER = """\
# Foods and what one serving gives: potassium, calcium and magnesium in mg, vitamin D in mcg
# (and IU; 1 mcg = 40 IU). GENERATED by tools/make_foods_toml.py from
# ../shared/reference/foods.csv (health-facts.md section 3.5, Table E: USDA National Nutrient
# Database for Standard Reference, Release 26). Do not edit by hand: fix the CSV or the script and
# run it again. A nutrient listed in `not_reported` has no value in USDA SR26 ("n/r"): it is
# unknown, not zero.
"""


def toml_string(text: str) -> str:
    # A JSON string with non-ASCII kept is a valid TOML basic string.
    return json.dumps(text, ensure_ascii=False)


def toml_number(text: str) -> str:
    """The CSV's number as TOML: integers stay integers, decimals keep their digits."""
    value = float(text)
    return str(int(value)) if value.is_integer() and "." not in text else text


def entry(row: dict[str, str]) -> str:
    ndb = row["ndb_number"]
    food_id, name, group = FOODS[ndb]
    lines = [
        "[[foods]]",
        f"id = {toml_string(food_id)}",
        f"name = {toml_string(name)}",
        f"usda_name = {toml_string(row['food'])}",
        f"ndb = {toml_string(ndb)}",
        f"group = {toml_string(group)}",
        f"serving = {toml_string(row['serving'])}",
        f"grams = {toml_number(row['grams'])}",
    ]
    lines += [f"{field} = {toml_number(row[field])}" for field in NUMBERS]
    if row["vitamin_d_mcg"].strip():
        lines.append(f"vitamin_d_mcg = {toml_number(row['vitamin_d_mcg'])}")
        lines.append(f"vitamin_d_iu = {toml_number(row['vitamin_d_iu'])}")
    else:
        lines.append('not_reported = ["vitamin_d"]')
    lines.append(f"source = {toml_string(row['source'])}")
    return "\n".join(lines)


def render(csv_path: Path = CSV) -> str:
    """The text of foods.toml for the foods in ``csv_path``."""
    with open(csv_path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    missing = [r["ndb_number"] for r in rows if r["ndb_number"] not in FOODS]
    if missing:
        raise SystemExit(f"foods.csv has foods with no id or group here: {missing}")
    return HEADER + "\n" + "\n\n".join(entry(r) for r in rows) + "\n"


def main(csv_path: Path = CSV) -> None:
    OUT.write_text(render(csv_path), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else CSV)
