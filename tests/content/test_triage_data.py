"""widgets/data/triage.toml: every rule and question is complete, sourced and consistent."""

from __future__ import annotations

import copy
import re

import pytest

from tests.support.data import changed
from widgets.content import ContentError, load_toml
from widgets.selfcheck.model import LEVELS, NUMBER_CONDITIONS, YES_CONDITIONS, build

RAW = load_toml("triage.toml")
RULE_IDS = [r.get("id", "?") for r in RAW["rules"]]
QUESTION_IDS = [q.get("id", "?") for q in RAW["questions"]]


def reads(rule: dict) -> list[str]:
    """Every question id a raw rule entry names in its conditions."""
    ids = [qid for name in YES_CONDITIONS for qid in rule.get(name, [])]
    return ids + [qid for name in NUMBER_CONDITIONS for qid in rule.get(name, {})]


def source_keys(entry: dict) -> list[str]:
    return [k.strip() for k in entry["source"].split(",")]


def test_the_file_builds():
    triage = build(RAW)
    assert len(triage.rules) == len(RAW["rules"])
    assert list(triage.questions) == QUESTION_IDS


@pytest.mark.parametrize("rule", RAW["rules"], ids=RULE_IDS)
def test_each_rule_has_id_tier_reason_and_source(rule):
    for field in ("id", "tier", "reason", "source"):
        assert isinstance(rule.get(field), str) and rule[field].strip(), field
    assert rule["tier"] in LEVELS[:-1]
    assert rule["reason"].startswith("You said")
    assert reads(rule), "a rule must read at least one answer"


def test_rule_ids_are_unique():
    assert len(RULE_IDS) == len(set(RULE_IDS))


def test_question_ids_are_unique():
    assert len(QUESTION_IDS) == len(set(QUESTION_IDS))


@pytest.mark.parametrize("rule", RAW["rules"], ids=RULE_IDS)
def test_every_id_a_rule_reads_is_a_question(rule):
    for qid in reads(rule):
        assert qid in QUESTION_IDS, f"rule {rule['id']} reads {qid!r}, which is not a question"


@pytest.mark.parametrize("question", RAW["questions"], ids=QUESTION_IDS)
def test_each_question_is_complete(question):
    for field in ("id", "group", "type", "text", "help", "source"):
        assert isinstance(question.get(field), str) and question[field].strip(), field
    assert question["group"] in LEVELS
    assert question["type"] in ("yes/no", "number")
    if question["type"] == "number":
        assert question["min"] < question["max"]
        assert question["label"].strip()


def test_every_tier_has_questions_and_text():
    groups = {q["group"] for q in RAW["questions"]}
    assert groups == set(LEVELS)
    for tier in RAW["tiers"]:
        for field in ("level", "title", "advice", "detail", "step_title", "step_intro", "source"):
            assert tier[field].strip(), (tier["level"], field)


def test_every_cited_source_exists_and_has_an_address():
    cited = {
        key
        for entry in (*RAW["rules"], *RAW["questions"], *RAW["tiers"])
        for key in source_keys(entry)
    }
    assert cited <= set(RAW["sources"])
    for key, source in RAW["sources"].items():
        assert source["name"].strip(), key
        assert source["url"].startswith("https://"), key
    assert set(RAW["sources"]) == cited, "every listed source is cited somewhere"


def test_every_question_is_read_by_a_rule_or_explained():
    read = {qid for rule in RAW["rules"] for qid in reads(rule)}
    for q in RAW["questions"]:
        assert q["id"] in read or q.get("note"), f"{q['id']} neither raises a tier nor is explained"


# --- the loader rejects broken data with a message that names the place -----------------------


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: d["rules"][0].pop("source"), "'source' is missing"),
        (lambda d: d["rules"][0].update(source="nowhere"), "not in [sources]"),
        (lambda d: d["rules"][0].update(tier="soon"), "the tier must be"),
        (lambda d: d["rules"][0].update(any_yes=["knees"]), "'knees', not a yes/no question"),
        (lambda d: d["rules"][0].update(any_yes=["pain_weeks"]), "not a yes/no question"),
        (lambda d: d["rules"][0].update(at_least={"fever": 3}), "not a number question"),
        (lambda d: d["rules"][0].update(reason="You said {age}."), "quotes ['age']"),
        (lambda d: d["rules"][0].update(reason="Back pain."), "begin with 'You said'"),
        (lambda d: d["rules"][0].update(when="always"), "unknown fields"),
        (lambda d: d["rules"].append(copy.deepcopy(d["rules"][0])), "used twice"),
        (lambda d: d["questions"].append(copy.deepcopy(d["questions"][0])), "used twice"),
        (lambda d: d["questions"][0].pop("help"), "'help' is missing"),
        (lambda d: d["questions"][0].update(type="scale"), "the type must be"),
        (lambda d: d["tiers"].reverse(), "the tiers must be"),
        (lambda d: d["sources"]["gcare"].update(url="http://x"), "https://"),
        (
            lambda d: [d["rules"][0].pop(k) for k in ("any_yes",)],
            "at least one condition",
        ),
    ],
)
def test_broken_data_is_a_content_error(change, words):
    with pytest.raises(ContentError, match=re.escape(words)):
        build(changed(RAW, change))
