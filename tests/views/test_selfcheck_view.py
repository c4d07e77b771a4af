"""widgets.SymptomCheck without a kernel: answer through the widgets, read what they show."""

from __future__ import annotations

import html
import re

import ipywidgets as w
import pytest

from widgets import SymptomCheck
from widgets.selfcheck import LEVELS, QUESTIONS, TIERS, Assessment
from widgets.selfcheck.view import result_html
from widgets.ui import DISCLAIMER


def shown(widget: w.Widget) -> bool:
    return widget.layout.display != "none"


def visible_text(widget: w.Widget) -> str:
    """The text a learner can see: HTML values and descriptions of displayed widgets."""
    if not shown(widget):
        return ""
    parts = []
    if isinstance(widget, w.HTML):
        parts.append(html.unescape(re.sub(r"<[^>]+>", " ", widget.value)))
    elif isinstance(widget, w.Button | w.Text):
        parts.append(widget.description)
    for child in getattr(widget, "children", ()):
        parts.append(visible_text(child))
    return " ".join(" ".join(parts).split())


def answer(view: SymptomCheck, **answers) -> None:
    for qid, value in answers.items():
        view._fields[qid].value = value


def go_to_step(view: SymptomCheck, step: int) -> None:
    while view._step < step:
        before = view._step
        view._next.click()
        assert view._step == before + 1, "Next did not move on"


@pytest.fixture
def view() -> SymptomCheck:
    return SymptomCheck()


def test_builds_without_a_kernel_on_step_one(view):
    assert "bsc-selfcheck" in view._dom_classes
    assert "bsc-step" in view._step_label._dom_classes
    assert "Step 1 of 4" in visible_text(view)
    assert view._back.disabled
    assert view.assessment is None
    assert not shown(view._result_box)
    text = visible_text(view)
    assert "nothing is saved or sent" in text
    for q in QUESTIONS.values():
        assert (q.text in text) == (q.group == "emergency")


def test_yes_no_questions_are_radio_buttons_defaulting_to_no(view):
    for qid, q in QUESTIONS.items():
        field = view._fields[qid]
        if q.is_number:
            assert isinstance(field, w.Text) and field.description and field.value == ""
        else:
            assert isinstance(field, w.RadioButtons)
            assert [label for label, _ in field.options] == ["No", "Yes"]
            assert field.value is False and field.tooltip == q.text


def test_every_button_is_labelled(view):
    for button in (view._back, view._next, view._change, view._restart):
        assert button.description and button.tooltip


def test_steps_go_in_tier_order_with_an_indicator(view):
    for step, level in enumerate(LEVELS):
        assert f"Step {step + 1} of 4" in visible_text(view)
        assert TIERS[level].step_title in visible_text(view)
        assert [shown(p) for p in view._pages] == [i == step for i in range(4)]
        if step < 3:
            assert view._next.description == "Next"
            view._next.click()
    assert view._next.description == "See my result"
    view._back.click()
    assert "Step 3 of 4" in visible_text(view)


def test_an_emergency_answer_shows_the_emergency_result_at_once(view):
    answer(view, saddle_numbness=True)
    view._next.click()
    r = view.assessment
    assert r is not None and r.level == "emergency"
    assert view._result._dom_classes == ("bsc-result", "bsc-result-emergency")
    text = visible_text(view)
    assert "Emergency: get help now" in text
    assert TIERS["emergency"].advice in text
    assert "You said you have numbness or tingling around your genitals" in text
    assert 'role="alert"' in view._result.value
    assert DISCLAIMER in text
    assert "Step 2 of 4" not in text and not shown(view._nav)
    assert "Sources" in text and "norfolkandwaveneycommunityhealth.nhs.uk" in view._result.value


def test_minor_injury_alone_goes_on_and_with_osteoporosis_stops(view):
    answer(view, minor_injury=True)
    view._next.click()
    assert view.assessment is None and "Step 2 of 4" in visible_text(view)
    view._back.click()
    answer(view, osteoporosis=True)
    view._next.click()
    assert view.assessment.level == "emergency"
    assert "osteoporosis" in visible_text(view)


def test_urgent_vignette(view):
    go_to_step(view, 1)
    answer(view, fever=True, immune_or_iv_drugs=True)
    go_to_step(view, 3)
    view._next.click()
    assert view.assessment.level == "urgent"
    assert "bsc-result-urgent" in view._result._dom_classes
    text = visible_text(view)
    assert "Urgent: get medical advice today" in text
    assert TIERS["urgent"].advice in text
    assert "same-day urgent care" in text
    assert "You said you have a high temperature and that your immune system" in text
    assert 'role="alert"' not in view._result.value


def test_see_doctor_vignette_with_typed_weeks(view):
    go_to_step(view, 2)
    answer(view, pain_weeks="4", age="")
    view._next.click()
    view._next.click()
    assert view.assessment.level == "see-doctor"
    text = visible_text(view)
    assert "See a doctor: book an appointment" in text
    assert "You said you have had this pain for 4 weeks" in text


def test_improving_keeps_four_weeks_at_self_care(view):
    go_to_step(view, 2)
    answer(view, pain_weeks="4", improving=True)
    go_to_step(view, 3)
    view._next.click()
    assert view.assessment.level == "self-care"


def test_age_over_50_first_episode(view):
    go_to_step(view, 2)
    answer(view, age="51", first_episode=True)
    go_to_step(view, 3)
    view._next.click()
    assert view.assessment.level == "see-doctor"
    assert "You said you are 51" in visible_text(view)


def test_self_care_vignette_explains_the_signs_and_the_plan(view):
    go_to_step(view, 3)
    answer(view, worse_bending=True, sudden_after_effort=True)
    view._next.click()
    assert view.assessment.level == "self-care"
    assert "bsc-result-self-care" in view._result._dom_classes
    text = visible_text(view)
    assert "Self-care: look after it at home" in text
    assert TIERS["self-care"].advice in text
    assert "typical of a muscle spasm" in text
    assert "Looking after your back at home" in text and "Stay active" in text
    assert "You did not report any of the warning signs" in text


def test_pregnancy_note_is_shown(view):
    go_to_step(view, 2)
    answer(view, pregnant=True)
    go_to_step(view, 3)
    view._next.click()
    assert "contact your midwife or GP" in visible_text(view)


@pytest.mark.parametrize(
    ("qid", "text", "words"),
    [
        ("pain_weeks", "-2", "from 0 to 520"),
        ("pain_weeks", "a lot", "must be a number"),
        ("pain_weeks", "9999", "from 0 to 520"),
        ("age", "7", "from 14 to 120"),
        ("age", "200", "from 14 to 120"),
        ("age", "thirty", "must be a number"),
    ],
)
def test_bad_numbers_show_a_message_next_to_the_field_and_keep_other_answers(
    view, qid, text, words
):
    go_to_step(view, 2)
    answer(view, stops_daily_life=True, **{qid: text})
    assert words in visible_text(view._messages[qid])
    view._next.click()
    assert view._step == 2 and view.assessment is None
    assert "Please check the answer marked above" in visible_text(view._nav)
    assert view._fields["stops_daily_life"].value is True
    assert view._fields[qid].value == text
    answer(view, **{qid: ""})
    assert visible_text(view._messages[qid]) == ""
    view._next.click()
    assert view._step == 3
    assert visible_text(view._nav_message) == ""


def test_a_bad_number_does_not_hold_back_an_emergency(view):
    go_to_step(view, 2)
    answer(view, pain_weeks="-5")
    view._back.click()
    view._back.click()
    answer(view, bladder_bowel=True)
    view._next.click()
    assert view.assessment.level == "emergency"


def test_back_keeps_answers(view):
    answer(view, minor_injury=True)
    go_to_step(view, 2)
    answer(view, pain_weeks="3")
    view._back.click()
    view._back.click()
    assert view._fields["minor_injury"].value is True
    assert view._fields["pain_weeks"].value == "3"


def test_change_my_answers_returns_to_the_questions_with_answers_kept(view):
    answer(view, chest_pain=True)
    view._next.click()
    view._change.click()
    assert view.assessment is None
    assert "Step 1 of 4" in visible_text(view)
    assert view._fields["chest_pain"].value is True
    answer(view, chest_pain=False)
    view._next.click()
    assert "Step 2 of 4" in visible_text(view)


def test_start_again_clears_everything(view):
    answer(view, chest_pain=True)
    view._next.click()
    view._change.click()
    answer(view, chest_pain=False, minor_injury=True)
    go_to_step(view, 2)
    answer(view, pain_weeks="-1", worried=True)
    view._back.click()
    view._back.click()
    answer(view, bladder_bowel=True)
    view._next.click()
    assert view.assessment.level == "emergency"
    view._restart.click()
    assert view.assessment is None
    assert view._step == 0 and "Step 1 of 4" in visible_text(view)
    assert view._result.value == "" and view._result._dom_classes == ("bsc-result",)
    for qid, q in QUESTIONS.items():
        assert view._fields[qid].value == ("" if q.is_number else False)
    assert all(m.value == "" for m in view._messages.values())
    go_to_step(view, 3)
    view._next.click()
    assert view.assessment.level == "self-care"


def test_the_result_panel_escapes_its_text():
    r = Assessment(
        level="urgent",
        title="<b>x</b>",
        advice="a & b",
        detail="<script>alert(1)</script>",
        reasons=("You said <img src=x>",),
        notes=(),
        rules=("fever",),
        sources=(),
        plan=(),
    )
    value = result_html(r)
    assert "<script>" not in value and "<img" not in value and "<b>x</b>" not in value
    assert "&lt;script&gt;" in value and "a &amp; b" in value


def test_the_tier_is_not_shown_by_colour_alone():
    for level in LEVELS:
        r = Assessment(level, TIERS[level].title, "", "", (), (), (), (), ())
        value = result_html(r)
        assert "<svg" in value and 'aria-hidden="true"' in value
        assert TIERS[level].title in value
