"""The warning signs are said the same way everywhere a learner meets them.

Emergency signs: lesson 00's "stop here" list, lesson 06's emergency list, the dashboard's emergency
line and the self-check's emergency rules (triage.toml) name the same set, and the lists keep the
tool's order. Lesson 06's same-day list names the tool's urgent signs in the tool's order. Falls are
said once: lesson 02, the cause explorer and the self-check agree.
"""

from __future__ import annotations

import json
import re

import pytest

from tests.support.paths import NOTEBOOKS
from widgets.causes import CAUSES
from widgets.selfcheck import QUESTIONS, RULES, assess

#: One pattern per emergency sign, keyed by the answer id its rule reads first (the two
#: "minor fall with thin bones / with steroids" rules are one sign).
EMERGENCY = {
    "both_legs": r"pain, tingling, weakness or numbness in both legs",
    "saddle_numbness": r"numbness or tingling around your genitals, buttocks or inner thighs",
    "bladder_bowel": r"\bpee.*bladder or bowel",
    "leg_weakness_fast": r"both (your )?legs (are )?quickly getting weaker",
    "chest_pain": r"chest pain",
    "serious_accident": r"serious accident",
    "minor_injury": r"minor fall, knock or strain.*(osteoporosis|steroid)",
}
#: One pattern per same-day sign, keyed by its question id.
URGENT = {
    "fever": r"38 °C|hot and shivery",
    "weight_loss": r"weight",
    "lump_or_shape_change": r"\blump\b",
    "night_pain": r"worse at night",
    "cough_sneeze_pain": r"sneeze",
    "upper_back": r"between the shoulders",
    "cancer_history": r"cancer",
    "unsteady_walking": r"unsteady",
    "one_leg_weakness_fast": r"\bone leg quickly getting weaker",
    "band_pain": r"like a band",
    "immune_or_iv_drugs": r"immune",
}


def plain(text: str) -> str:
    return " ".join(text.replace("**", "").split())


def signs_in(text: str, patterns: dict[str, str]) -> list[str]:
    return [sign for sign, pattern in patterns.items() if re.search(pattern, plain(text), re.S)]


def notebook_cell(name: str, contains: str) -> str:
    """The one markdown cell of ``name`` that contains ``contains`` (cells may be reordered)."""
    cells = json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))["cells"]
    hits = ["".join(c["source"]) for c in cells if contains in "".join(c["source"])]
    assert len(hits) == 1, f"{name}: {len(hits)} cells contain {contains!r}"
    return hits[0]


def bullets(markdown: str) -> list[str]:
    """The items of the first bullet list in ``markdown``, continuation lines joined."""
    items: list[str] = []
    for line in markdown.splitlines():
        if line.startswith("- "):
            items.append(line[2:])
        elif items and line.startswith("  ") and line.strip():
            items[-1] += " " + line.strip()
        elif items and not line.strip():
            break
    return items


def between(text: str, start: str, end: str) -> str:
    assert start in text and end in text, (start, end)
    return text[text.index(start) : text.index(end)]


def emergency_signs_of_the_tool() -> list[str]:
    signs: list[str] = []
    for rule in RULES:
        if rule.tier == "emergency":
            first = (rule.any_yes or rule.all_yes)[0]
            if first not in signs:
                signs.append(first)
    return signs


def one_sign_per_item(items: list[str], patterns: dict[str, str]) -> list[str]:
    found = []
    for item in items:
        matched = signs_in(item, patterns)
        assert len(matched) == 1, f"{item!r} names {matched or 'no sign'}"
        if matched == ["minor_injury"]:  # the tool has two rules here: say both conditions
            assert "osteoporosis" in item and "steroid" in item, item
        found.append(matched[0])
    return found


# --- the tool is the reference -------------------------------------------------------------------


def test_every_emergency_rule_of_the_tool_has_a_pattern_that_matches_its_questions():
    assert emergency_signs_of_the_tool() == list(EMERGENCY)
    for rule in RULES:
        if rule.tier == "emergency":
            asked = " ".join(QUESTIONS[q].text for q in (*rule.any_yes, *rule.all_yes))
            first = (rule.any_yes or rule.all_yes)[0]
            assert signs_in(asked, EMERGENCY) == [first], (rule.id, asked)


def test_every_urgent_question_of_the_tool_has_its_own_pattern():
    urgent = [q.id for q in QUESTIONS.values() if q.group == "urgent"]
    assert urgent == list(URGENT)
    for qid in urgent:
        assert signs_in(QUESTIONS[qid].text, URGENT) == [qid], qid


# --- lesson 00, lesson 06, the dashboard ---------------------------------------------------------


def test_lesson_00_lists_the_tools_emergency_signs_in_its_order():
    cell = notebook_cell("00-start-here.ipynb", "stop here and get help")
    assert one_sign_per_item(bullets(cell), EMERGENCY) == emergency_signs_of_the_tool()


def test_lesson_06_lists_the_tools_emergency_signs_in_its_order():
    cell = notebook_cell("06-symptoms-and-when-to-get-help.ipynb", "## Four levels of help")
    part = between(cell, "**Emergency:", "**Urgent:")
    assert one_sign_per_item(bullets(part), EMERGENCY) == emergency_signs_of_the_tool()


def test_lesson_06_lists_the_tools_same_day_signs_in_its_order_with_cancer_said_plainly():
    cell = notebook_cell("06-symptoms-and-when-to-get-help.ipynb", "## Four levels of help")
    items = bullets(between(cell, "**Urgent:", "**See a doctor:"))
    assert one_sign_per_item(items, URGENT) == list(URGENT)
    cancer = items[list(URGENT).index("cancer_history")]
    assert "cancer" in cancer and "new back pain" in cancer and "medical advice today" in cancer


def test_lesson_06_says_some_signs_are_often_nothing_serious_only_after_the_tiers():
    cell = notebook_cell("06-symptoms-and-when-to-get-help.ipynb", "## Four levels of help")
    caveat = cell.index("nothing serious")
    assert cell.count("nothing serious") == 1
    assert caveat > cell.index("**Self-care:")
    for heading in ("**Emergency:", "**Urgent:", "**See a doctor:"):
        part = bullets(cell[cell.index(heading) :])
        assert part and all("nothing serious" not in item for item in part)


def test_the_dashboards_emergency_line_names_the_same_signs():
    cell = notebook_cell("dashboard.ipynb", "999")
    unquoted = re.sub(r"^> ?", "", cell, flags=re.M)
    line = next(s for s in re.split(r"(?<=\.)\s", plain(unquoted)) if "999" in s)
    assert "911" in line
    signs = line.split("if you have back pain with", 1)[1]
    parts = [p for p in re.split(r";\s*(?:or\s+)?", signs) if p.strip()]
    assert one_sign_per_item(parts, EMERGENCY) == emergency_signs_of_the_tool()


def test_lesson_06_links_on_to_lesson_07_in_the_usual_footer():
    cells = json.loads(
        (NOTEBOOKS / "06-symptoms-and-when-to-get-help.ipynb").read_text(encoding="utf-8")
    )["cells"]
    footer = "".join(cells[-1]["source"])
    assert footer.startswith("---")
    assert "[← Ease stress and muscle tension](05-stress-and-tension.ipynb)" in footer
    assert "[Course home](00-start-here.ipynb)" in footer
    seven = json.loads((NOTEBOOKS / "07-treating-a-spasm.ipynb").read_text(encoding="utf-8"))
    title = "".join(seven["cells"][0]["source"]).splitlines()[0].lstrip("# ")
    assert f"Next: [{title} →](07-treating-a-spasm.ipynb)" in footer


# --- falls, said once ----------------------------------------------------------------------------

FALLS = {
    "a serious accident is an emergency": r"serious accident.*is an emergency",
    "a minor one is an emergency with thin bones or steroids": (
        r"minor fall, knock or strain.*emergency.*osteoporosis.*steroid"
    ),
    "otherwise a minor one is not a warning sign": (
        r"minor fall, knock or strain on its own is not a warning sign"
    ),
    "check again if anything changes": r"check again if anything changes",
}


@pytest.mark.parametrize(
    "where",
    ["lesson 02", "cause explorer"],
)
def test_falls_are_said_the_same_way_in_the_lesson_and_the_cause_explorer(where):
    if where == "lesson 02":
        text = notebook_cell("02-why-backs-spasm.ipynb", "## Falls and accidents")
    else:
        text = CAUSES["falls"].evidence
    for what, pattern in FALLS.items():
        assert re.search(pattern, plain(text), re.S | re.I), f"{where}: {what}"
    assert "not a cause to manage at home" not in plain(text)


def test_the_self_check_agrees_on_falls():
    assert assess({"serious_accident": True}).level == "emergency"
    assert assess({"minor_injury": True, "osteoporosis": True}).level == "emergency"
    assert assess({"minor_injury": True, "long_term_steroids": True}).level == "emergency"
    alone = assess({"minor_injury": True})
    assert alone.level == "self-care"
    assert "check again if anything changes" in alone.advice
    assert re.search(r"osteoporosis.*steroid", CAUSES["falls"].warning, re.S)
