"""The symptom self-check's model against its contract, docs/sources/triage.md."""

from __future__ import annotations

import dataclasses
import math
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.selfcheck import (
    LEVELS,
    QUESTIONS,
    RULES,
    TIERS,
    AnswerError,
    assess,
    check_answers,
    parse_number,
)

TRIAGE_MD = Path(__file__).resolve().parents[2] / "docs" / "sources" / "triage.md"
HEADINGS = {
    "Emergency": "emergency",
    "Urgent": "urgent",
    "See a doctor": "see-doctor",
    "Self-care signs": "self-care",
}
ROW = re.compile(r"^\| `([a-z_-]+)` \| (.+?) \|$")


def parse_triage() -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """(tier level -> advice, question id -> (group, cell text)) from triage.md's tables."""
    assert TRIAGE_MD.is_file(), f"{TRIAGE_MD} is missing"
    tiers_part, questions_part = TRIAGE_MD.read_text(encoding="utf-8").split("## Questions", 1)
    tiers = {m[1]: m[2] for line in tiers_part.splitlines() if (m := ROW.match(line))}
    questions, group = {}, None
    for line in questions_part.splitlines():
        if line.startswith("### "):
            group = next(v for k, v in HEADINGS.items() if line[4:].startswith(k))
        elif m := ROW.match(line):
            questions[m[1]] = (group, m[2])
    return tiers, questions


TRIAGE_TIERS, TRIAGE_QUESTIONS = parse_triage()
YES_NO = [qid for qid, q in QUESTIONS.items() if not q.is_number]
#: Answers that triage.md says raise nothing on their own (context for another answer).
CONTEXT_ONLY = {"minor_injury", "osteoporosis", "long_term_steroids", "improving", "first_episode"}


def rank(level: str) -> int:
    """0 for emergency ... 3 for self-care: a smaller rank is a higher tier."""
    return LEVELS.index(level)


# --- the contract: triage.md -------------------------------------------------------------------


def test_question_ids_equal_triage_md():
    assert list(QUESTIONS) == list(TRIAGE_QUESTIONS)


@pytest.mark.parametrize("qid", list(TRIAGE_QUESTIONS))
def test_question_group_type_range_and_wording_match_triage_md(qid):
    group, cell = TRIAGE_QUESTIONS[qid]
    q = QUESTIONS[qid]
    assert q.group == group
    number = re.match(r"\(number, (\d+)–(\d+)\) ", cell)
    assert q.is_number == bool(number)
    if number:
        assert (q.minimum, q.maximum) == (int(number[1]), int(number[2]))
    wording = cell.replace("**", "")
    wording = re.sub(r"^\(number, \d+–\d+\) ", "", wording).split(" — ")[0]
    wording = re.sub(r"\s*\((context|advice|typical|often)[^)]*\)\s*$", "", wording)
    assert q.text == wording


@pytest.mark.parametrize("qid", list(TRIAGE_QUESTIONS))
def test_triage_md_names_a_source_for_every_question_in_plain_words(qid):
    cell = TRIAGE_QUESTIONS[qid][1]
    source = cell.rsplit(" — source: ", 1)
    assert len(source) == 2 and len(source[1].split()) >= 2, f"{qid}: no source named"
    assert "[S" not in source[1] and "health-facts" not in source[1]


def test_tiers_and_advice_match_triage_md():
    assert list(TIERS) == list(TRIAGE_TIERS) == list(LEVELS)
    for level, advice in TRIAGE_TIERS.items():
        assert TIERS[level].advice == advice
        assert assess_level_advice(level) in (None, advice)


def assess_level_advice(level: str) -> str | None:
    """The advice an assessment at ``level`` gives, for the levels a single answer reaches."""
    for qid in YES_NO:
        r = assess({qid: True})
        if r.level == level:
            return r.advice
    return None


def test_us_equivalents_are_given():
    assert (
        "911" in TIERS["emergency"].detail and "emergency department" in TIERS["emergency"].detail
    )
    assert "same-day urgent care" in TIERS["urgent"].detail


# --- one test per rule, from the data file ------------------------------------------------------


def firing_answers(rule) -> dict:
    """The fewest answers that make ``rule`` fire: its yes answers and its number limits."""
    answers: dict = {qid: True for qid in rule.all_yes}
    if rule.any_yes:
        answers[rule.any_yes[0]] = True
    for qid, limit in rule.at_least:
        answers[qid] = limit
    for qid, limit in rule.above:
        answers[qid] = limit + 1
    for qid, limit in rule.below:
        answers.setdefault(qid, limit - 1)
    return answers


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_each_rule_fires_with_its_reason_and_tier(rule):
    r = assess(firing_answers(rule))
    assert rule.id in r.rules
    assert r.level == rule.tier
    reason = r.reasons[r.rules.index(rule.id)]
    assert reason.startswith("You said")
    assert "{" not in reason
    assert r.advice == TIERS[rule.tier].advice
    assert set(rule.sources) <= set(r.sources)


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_each_rule_needs_every_yes_it_names(rule):
    answers = firing_answers(rule)
    for qid in rule.all_yes:
        assert rule.id not in assess({**answers, qid: False}).rules
    for qid in rule.not_yes:
        assert rule.id not in assess({**answers, qid: True}).rules


@pytest.mark.parametrize("qid", YES_NO)
def test_one_yes_alone_reaches_the_tier_triage_md_gives(qid):
    group = TRIAGE_QUESTIONS[qid][0]
    if qid in CONTEXT_ONLY or group == "self-care":
        expected = "self-care"
    elif qid == "immune_or_iv_drugs":
        expected = "see-doctor"
    else:
        expected = group
    r = assess({qid: True})
    assert r.level == expected
    assert len(r.reasons) == (0 if expected == "self-care" else 1)


# --- the same-day signs added with issue 15: one leg weakening fast, band-like pain -------------

#: Urgent questions that a "yes" alone sends to same-day care, read from the data file.
URGENT_ALONE = [
    qid
    for qid, q in QUESTIONS.items()
    if q.group == "urgent" and any(r.any_yes == (qid,) and r.tier == "urgent" for r in RULES)
]


def test_the_new_same_day_signs_are_in_the_data():
    assert {"one_leg_weakness_fast", "band_pain"} <= set(URGENT_ALONE)


@pytest.mark.parametrize("qid", URGENT_ALONE)
def test_each_same_day_sign_alone_is_urgent_with_its_own_reason(qid):
    rule = next(r for r in RULES if r.any_yes == (qid,))
    everything_no = {other: False for other in YES_NO}
    r = assess({**everything_no, qid: True})
    assert (r.level, r.rules) == ("urgent", (rule.id,))
    assert r.reasons == (rule.reason,)
    assert r.advice == TIERS["urgent"].advice
    assert set(rule.sources) <= set(r.sources)


def test_one_leg_weakening_fast_is_same_day_though_one_leg_symptoms_alone_are_not():
    assert assess({"one_leg_symptoms": True}).level == "see-doctor"
    both = assess({"one_leg_symptoms": True, "one_leg_weakness_fast": True})
    assert both.level == "urgent"
    assert both.rules == ("one_leg_weakness_fast", "one_leg_symptoms")


def test_leg_weakness_fast_asks_about_both_legs_and_stays_an_emergency():
    q = QUESTIONS["leg_weakness_fast"]
    assert "**both**" in q.markup and q.group == "emergency"
    r = assess({"leg_weakness_fast": True})
    assert r.level == "emergency" and "both your legs" in r.reasons[0]
    assert "**one**" in QUESTIONS["one_leg_weakness_fast"].markup


# --- highest tier wins ---------------------------------------------------------------------------


def test_highest_tier_wins_and_every_rule_gives_a_reason_in_tier_order():
    r = assess({"worried": True, "fever": True, "both_legs": True, "worse_bending": True})
    assert r.level == "emergency"
    assert r.rules == ("both_legs", "fever", "worried")
    assert [s.split(".")[0] for s in r.reasons] == [
        "You said you have pain, tingling, weakness or numbness in both legs",
        "You said you have a high temperature or feel hot and shivery",
        "You said you are worried about the pain, or struggling to cope",
    ]
    assert r.advice == TIERS["emergency"].advice


def test_urgent_beats_see_doctor():
    r = assess({"night_pain": True, "pain_weeks": 10, "stops_daily_life": True})
    assert r.level == "urgent"
    assert r.rules == ("night_pain", "pain_six_weeks", "stops_daily_life")


def test_no_answers_is_self_care_with_the_plan():
    r = assess({})
    assert r.level == "self-care"
    assert r.reasons == () and r.rules == ()
    assert r.advice == TIERS["self-care"].advice
    assert any("Stay active" in step for step in r.plan)
    assert r.sources


# --- context-only answers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "answers",
    [
        {"minor_injury": True},
        {"osteoporosis": True},
        {"long_term_steroids": True},
        {"osteoporosis": True, "long_term_steroids": True},
        {"age": 80},
        {"first_episode": True},
        {"improving": True},
    ],
)
def test_context_answers_alone_raise_nothing(answers):
    assert assess(answers).level == "self-care"


@pytest.mark.parametrize("context", ["osteoporosis", "long_term_steroids"])
def test_minor_injury_with_thin_bones_or_steroids_is_an_emergency(context):
    r = assess({"minor_injury": True, context: True})
    assert r.level == "emergency"
    assert "minor fall" in r.reasons[0]


def test_weakened_immunity_alone_is_see_doctor_and_with_fever_urgent():
    alone = assess({"immune_or_iv_drugs": True})
    assert alone.level == "see-doctor" and alone.rules == ("weak_immunity",)
    both = assess({"immune_or_iv_drugs": True, "fever": True})
    assert both.level == "urgent"
    assert both.rules == ("fever", "fever_with_weak_immunity")


# --- numbers: weeks and age -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("weeks", "improving", "level"),
    [
        (2, None, "self-care"),
        (2, True, "self-care"),
        (2.9, None, "self-care"),
        (3, None, "see-doctor"),
        (3, False, "see-doctor"),
        (3, True, "self-care"),
        (5, None, "see-doctor"),
        (5, True, "self-care"),
        (5.9, True, "self-care"),
        (6, None, "see-doctor"),
        (6, True, "see-doctor"),
        (520, True, "see-doctor"),
        (0, None, "self-care"),
    ],
)
def test_pain_weeks_boundaries(weeks, improving, level):
    r = assess({"pain_weeks": weeks, "improving": improving})
    assert r.level == level
    if level == "see-doctor":
        assert f"for {weeks:g} weeks" in r.reasons[0]


def test_one_reason_for_long_pain_whether_or_not_improving():
    assert assess({"pain_weeks": 8}).rules == ("pain_six_weeks",)
    assert assess({"pain_weeks": 4}).rules == ("pain_three_weeks_not_improving",)


@pytest.mark.parametrize(
    ("age", "first", "level"),
    [
        (50, True, "self-care"),
        (51, True, "see-doctor"),
        (51, False, "self-care"),
        (51, None, "self-care"),
        (120, True, "see-doctor"),
        (None, True, "self-care"),
        (14, True, "self-care"),
    ],
)
def test_age_over_50_with_a_first_episode(age, first, level):
    r = assess({"age": age, "first_episode": first})
    assert r.level == level
    if level == "see-doctor":
        assert r.reasons == (
            f"You said you are {age} and this is the first time you have had back pain like "
            "this. New back pain after the age of 50 is worth checking with a GP.",
        )


# --- notes: self-care signs and pregnancy ---------------------------------------------------------


@pytest.mark.parametrize("qid", ["worse_bending", "one_leg_radiating", "sudden_after_effort"])
def test_self_care_signs_raise_nothing_but_are_explained(qid):
    r = assess({qid: True})
    assert r.level == "self-care"
    assert r.notes == (QUESTIONS[qid].note,)
    assert r.notes[0].startswith("You said")


def test_self_care_signs_are_not_used_to_reassure_under_a_warning_sign():
    r = assess({"worse_bending": True, "chest_pain": True})
    assert r.level == "emergency"
    assert r.notes == ()
    assert assess({"worse_bending": True, "worried": True}).notes == (
        QUESTIONS["worse_bending"].note,
    )


def test_pregnancy_raises_see_doctor_with_the_midwife_note():
    r = assess({"pregnant": True})
    assert r.level == "see-doctor"
    assert any("midwife or GP" in n for n in r.notes)
    assert any("midwife or GP" in n for n in assess({"pregnant": True, "fever": True}).notes)


# --- wording: never a diagnosis as a fact ---------------------------------------------------------

DIAGNOSES = re.compile(
    r"\b(you have|this is|it is|you've got) (a |an )?"
    r"(sciatica|cauda equina|fracture|broken|tumour|cancer|infection|spasm)",
    re.I,
)


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_no_reason_states_a_diagnosis(rule):
    r = assess(firing_answers(rule))
    for text in (*r.reasons, *r.notes, r.advice, r.detail, *r.plan):
        assert not DIAGNOSES.search(text), text
        assert "cauda equina" not in text.lower()


def test_result_is_frozen():
    r = assess({"fever": True})
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.level = "self-care"  # type: ignore[misc]
    assert isinstance(r.reasons, tuple) and isinstance(r.notes, tuple)


# --- bad input ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "question", "words"),
    [
        ({"back_of_knee": True}, "back_of_knee", "back_of_knee"),
        ({"chest_pain": 1}, "chest_pain", "chest pain"),
        ({"chest_pain": "yes"}, "chest_pain", "chest pain"),
        ({"fever": 0.0}, "fever", "high temperature"),
        ({"pain_weeks": True}, "pain_weeks", "Weeks with this pain"),
        ({"pain_weeks": "3"}, "pain_weeks", "Weeks with this pain"),
        ({"pain_weeks": -1}, "pain_weeks", "Weeks with this pain"),
        ({"pain_weeks": -0.5}, "pain_weeks", "Weeks with this pain"),
        ({"pain_weeks": 521}, "pain_weeks", "Weeks with this pain"),
        ({"pain_weeks": math.nan}, "pain_weeks", "Weeks with this pain"),
        ({"pain_weeks": math.inf}, "pain_weeks", "Weeks with this pain"),
        ({"age": 13}, "age", "Your age"),
        ({"age": 121}, "age", "Your age"),
        ({"age": math.nan}, "age", "Your age"),
        ({"age": 35.5}, "age", "Your age"),
        ({"age": False}, "age", "Your age"),
        ({"age": [40]}, "age", "Your age"),
    ],
)
def test_bad_answers_are_value_errors_naming_the_question(answers, question, words):
    with pytest.raises(ValueError, match=re.escape(words)) as info:
        assess(answers)
    assert isinstance(info.value, AnswerError)
    assert info.value.question == question


def test_answers_must_be_a_mapping():
    with pytest.raises(ValueError, match="mapping"):
        assess([("fever", True)])  # type: ignore[arg-type]


def test_none_means_not_given():
    assert assess({"fever": None, "pain_weeks": None, "age": None}).level == "self-care"
    assert check_answers({"fever": None})["fever"] is False


def test_a_whole_float_age_is_accepted():
    assert check_answers({"age": 51.0})["age"] == 51
    assert assess({"age": 51.0, "first_episode": True}).level == "see-doctor"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("", None), ("   ", None), ("3", 3), (" 4.5 ", 4.5), ("0", 0), ("520", 520)],
)
def test_parse_number_reads_weeks(text, expected):
    assert parse_number("pain_weeks", text) == expected


@pytest.mark.parametrize(
    ("qid", "text", "words"),
    [
        ("pain_weeks", "three", "must be a number, like 3"),
        ("pain_weeks", "-2", "from 0 to 520"),
        ("pain_weeks", "600", "from 0 to 520"),
        ("pain_weeks", "nan", "from 0 to 520"),
        ("pain_weeks", "inf", "from 0 to 520"),
        ("age", "13", "whole number from 14 to 120"),
        ("age", "40.5", "whole number from 14 to 120"),
        ("age", "forty", "like 35"),
        ("fever", "1", "not a number question"),
    ],
)
def test_parse_number_rejects_bad_text_with_a_readable_message(qid, text, words):
    with pytest.raises(AnswerError, match=re.escape(words)) as info:
        parse_number(qid, text)
    assert info.value.question == qid


@given(st.text(max_size=12))
def test_parse_number_never_fails_other_than_with_a_message(text):
    try:
        value = parse_number("pain_weeks", text)
    except AnswerError as exc:
        assert str(exc)
    else:
        assert value is None or 0 <= value <= 520


# --- properties: more warning signs never lower the tier -----------------------------------------

#: Every yes/no answer but "improving" (the one answer that may lower the tier).
FURTHER_YES = [q for q in YES_NO if q != "improving"]

answer_sets = st.fixed_dictionaries(
    {},
    optional={
        **{qid: st.booleans() for qid in YES_NO},
        "pain_weeks": st.one_of(st.none(), st.floats(0, 520, allow_nan=False)),
        "age": st.one_of(st.none(), st.integers(14, 120)),
    },
)


@settings(max_examples=300, deadline=None)
@given(answer_sets, st.sampled_from(FURTHER_YES))
def test_a_further_yes_never_lowers_the_tier(answers, qid):
    before = assess(answers)
    after = assess({**answers, qid: True})
    assert rank(after.level) <= rank(before.level)


@settings(max_examples=300, deadline=None)
@given(answer_sets, st.sampled_from(URGENT_ALONE))
def test_a_same_day_sign_on_top_of_any_answers_is_at_least_urgent(answers, qid):
    before = assess(answers)
    after = assess({**answers, qid: True})
    assert rank(after.level) <= min(rank(before.level), rank("urgent"))


def test_the_further_yes_property_draws_from_every_yes_no_question_including_the_new_ones():
    assert {"one_leg_weakness_fast", "band_pain", "leg_weakness_fast"} <= set(FURTHER_YES)
    assert set(FURTHER_YES) == set(YES_NO) - {"improving"}


@settings(max_examples=300, deadline=None)
@given(answer_sets)
def test_improving_can_only_lower_the_tier(answers):
    better = assess({**answers, "improving": True})
    assert rank(better.level) >= rank(assess({**answers, "improving": False}).level)


@settings(max_examples=300, deadline=None)
@given(answer_sets, st.floats(0, 520, allow_nan=False), st.floats(0, 520, allow_nan=False))
def test_more_weeks_never_lowers_the_tier(answers, a, b):
    low, high = sorted((a, b))
    assert rank(assess({**answers, "pain_weeks": high}).level) <= rank(
        assess({**answers, "pain_weeks": low}).level
    )


@settings(max_examples=300, deadline=None)
@given(answer_sets)
def test_the_level_is_the_highest_tier_of_the_rules_that_fired(answers):
    r = assess(answers)
    tiers = [next(rule.tier for rule in RULES if rule.id == rid) for rid in r.rules]
    assert len(r.reasons) == len(r.rules)
    assert tiers == sorted(tiers, key=rank)
    assert r.level == (tiers[0] if tiers else "self-care")
    assert r.advice == TIERS[r.level].advice
    assert all(reason.startswith("You said") for reason in r.reasons)
