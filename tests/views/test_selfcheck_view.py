"""widgets.SymptomCheck without a kernel: answer through the widgets, read what they show.

The page never answers for the learner, so every test answers each yes/no question it passes
explicitly (``answer_step``: "no" to all but the ones named).
"""

from __future__ import annotations

import html
import re

import ipywidgets as w
import pytest

from widgets import SymptomCheck
from widgets.selfcheck import LEVELS, QUESTIONS, TIERS, Assessment
from widgets.selfcheck.view import result_html
from widgets.selfcheck.yesno import YesNo
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
    elif isinstance(widget, YesNo):
        parts.append(html.unescape(re.sub(r"<[^>]+>", "", widget.question_html)))
        parts.append(widget.help)
    elif isinstance(widget, w.Button | w.Text):
        parts.append(widget.description)
    for child in getattr(widget, "children", ()):
        parts.append(visible_text(child))
    return " ".join(" ".join(parts).split())


def answer(view: SymptomCheck, **answers) -> None:
    for qid, value in answers.items():
        view._fields[qid].value = value


def on_this_step(view: SymptomCheck) -> list[str]:
    """The yes/no questions of the step on show."""
    level = LEVELS[view._step]
    return [qid for qid, q in QUESTIONS.items() if q.group == level and not q.is_number]


def answer_step(view: SymptomCheck, **answers) -> None:
    """Answer every yes/no question of the step on show: "no" unless ``answers`` says otherwise."""
    answer(view, **{qid: False for qid in on_this_step(view)})
    answer(view, **answers)


def go_to_step(view: SymptomCheck, step: int) -> None:
    """Answer "no" to each step's questions not yet answered, and press Next up to ``step``."""
    while view._step < step:
        before = view._step
        answer(
            view, **{qid: False for qid in on_this_step(view) if view._fields[qid].value is None}
        )
        view._next.click()
        assert view._step == before + 1, "Next did not move on"


def finish(view: SymptomCheck, **answers) -> None:
    """Go on to the last step (answering "no" on the way), answer it, and press Next."""
    go_to_step(view, 3)
    answer_step(view, **answers)
    view._next.click()


def result_text(view: SymptomCheck, level: str, title: str) -> str:
    """The result's visible text, once checked to be ``level``'s: its class, title and advice."""
    assert view.assessment.level == level
    assert f"bsc-result-{level}" in view._result._dom_classes
    text = visible_text(view)
    assert title in text
    assert TIERS[level].advice in text
    return text


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


def test_a_new_self_check_has_no_answer_chosen_anywhere(view):
    for qid, q in QUESTIONS.items():
        field = view._fields[qid]
        if q.is_number:
            assert isinstance(field, w.Text) and field.description and field.value == ""
        else:
            assert isinstance(field, YesNo)
            assert field.value is None and not field.missing
            assert q.text in visible_text(field) or q.group != "emergency"
    assert view.unanswered(len(LEVELS) - 1) == [q for q in QUESTIONS if not QUESTIONS[q].is_number]


class FocusLog:
    """Which question the view asked the browser to focus (YesNo.focus sends a message)."""

    def __init__(self, monkeypatch):
        self.calls: list[str] = []
        log = self.calls

        def focus(widget):
            log.append(next(c for c in widget._dom_classes if c.startswith("bsc-q-"))[6:])

        monkeypatch.setattr(YesNo, "focus", focus)


def test_next_with_nothing_answered_names_the_questions_and_stays(view, monkeypatch):
    focused = FocusLog(monkeypatch)
    for _ in range(3):  # a learner who skims and presses Next again and again
        view._next.click()
    assert view._step == 0 and view.assessment is None
    assert not shown(view._result_box) and view._result.value == ""
    message = visible_text(view._nav_message)
    assert "9 questions on this step have no answer yet" in message
    for qid in on_this_step(view):
        assert QUESTIONS[qid].text in message
        assert view._fields[qid].missing
    assert 'role="alert"' in view._nav_message.value
    assert focused.calls == ["both_legs"] * 3


def test_the_message_follows_the_answers_and_focus_goes_to_the_first_unanswered(view, monkeypatch):
    focused = FocusLog(monkeypatch)
    answer(view, both_legs=False, saddle_numbness=False, chest_pain=False)
    view._next.click()
    assert view._step == 0 and view.assessment is None
    assert focused.calls == ["bladder_bowel"]
    message = visible_text(view._nav_message)
    assert "6 questions on this step" in message
    assert QUESTIONS["chest_pain"].text not in message
    assert QUESTIONS["bladder_bowel"].text in message
    answer(view, bladder_bowel=False)
    assert not view._fields["bladder_bowel"].missing
    assert "5 questions on this step" in visible_text(view._nav_message)
    assert 'role="status"' in view._nav_message.value  # updated politely, not a new alert
    answer_step(view)
    assert visible_text(view._nav_message) == ""
    view._next.click()
    assert view._step == 1


def test_a_yes_to_an_emergency_sign_still_needs_the_rest_of_its_step(view, monkeypatch):
    focused = FocusLog(monkeypatch)
    answer(view, both_legs=True)
    view._next.click()
    assert view.assessment is None and view._step == 0
    assert focused.calls == ["saddle_numbness"]
    answer_step(view, both_legs=True)
    view._next.click()
    assert view.assessment.level == "emergency"


@pytest.mark.parametrize("step", [1, 2, 3])
def test_no_later_step_gives_a_result_without_its_answers(view, step):
    go_to_step(view, step)
    view._next.click()
    assert view._step == step and view.assessment is None
    assert "no answer yet" in visible_text(view._nav_message)


def test_an_answer_taken_back_in_code_sends_the_learner_to_its_step(view, monkeypatch):
    focused = FocusLog(monkeypatch)
    go_to_step(view, 2)
    view._fields["fever"].value = None
    focused.calls.clear()
    view._next.click()
    assert view._step == 1 and focused.calls == ["fever"]
    assert view.assessment is None


def test_moving_on_puts_the_focus_on_the_new_steps_first_question(view, monkeypatch):
    focused = FocusLog(monkeypatch)
    answer_step(view)
    view._next.click()
    assert view._step == 1 and focused.calls == ["fever"]


def test_all_no_reaches_self_care(view):
    for step in range(len(LEVELS)):
        assert view._step == step
        answer_step(view)
        view._next.click()
    r = view.assessment
    assert r is not None and r.level == "self-care"
    assert "Self-care: look after it at home" in visible_text(view)


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
            answer_step(view)
            view._next.click()
    assert view._next.description == "See my result"
    view._back.click()
    assert "Step 3 of 4" in visible_text(view)


def test_an_emergency_answer_shows_the_emergency_result_at_once(view):
    answer_step(view, saddle_numbness=True)
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
    answer_step(view, minor_injury=True)
    view._next.click()
    assert view.assessment is None and "Step 2 of 4" in visible_text(view)
    view._back.click()
    answer(view, osteoporosis=True)
    view._next.click()
    assert view.assessment.level == "emergency"
    assert "osteoporosis" in visible_text(view)


def test_urgent_vignette(view):
    go_to_step(view, 1)
    answer_step(view, fever=True, immune_or_iv_drugs=True)
    finish(view)
    text = result_text(view, "urgent", "Urgent: get medical advice today")
    assert "same-day urgent care" in text
    assert "You said you have a high temperature and that your immune system" in text
    assert 'role="alert"' not in view._result.value


def test_see_doctor_vignette_with_typed_weeks(view):
    go_to_step(view, 2)
    answer_step(view, pain_weeks="4", age="")
    view._next.click()
    answer_step(view)
    view._next.click()
    assert view.assessment.level == "see-doctor"
    text = visible_text(view)
    assert "See a doctor: book an appointment" in text
    assert "You said you have had this pain for 4 weeks" in text


def test_improving_keeps_four_weeks_at_self_care(view):
    go_to_step(view, 2)
    answer_step(view, pain_weeks="4", improving=True)
    finish(view)
    assert view.assessment.level == "self-care"


def test_age_over_50_first_episode(view):
    go_to_step(view, 2)
    answer_step(view, age="51", first_episode=True)
    finish(view)
    assert view.assessment.level == "see-doctor"
    assert "You said you are 51" in visible_text(view)


def test_self_care_vignette_explains_the_signs_and_the_plan(view):
    finish(view, worse_bending=True, sudden_after_effort=True)
    text = result_text(view, "self-care", "Self-care: look after it at home")
    assert "typical of a muscle spasm" in text
    assert "Looking after your back at home" in text and "Stay active" in text
    assert "You did not report any of the warning signs" in text


def test_pregnancy_note_is_shown(view):
    go_to_step(view, 2)
    answer_step(view, pregnant=True)
    finish(view)
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
    answer_step(view, stops_daily_life=True, **{qid: text})
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
    answer_step(view, minor_injury=True)
    go_to_step(view, 2)
    answer(view, pain_weeks="3")
    view._back.click()
    view._back.click()
    assert view._fields["minor_injury"].value is True
    assert view._fields["pain_weeks"].value == "3"


def test_change_my_answers_returns_to_the_questions_with_answers_kept(view):
    answer_step(view, chest_pain=True)
    view._next.click()
    view._change.click()
    assert view.assessment is None
    assert "Step 1 of 4" in visible_text(view)
    assert view._fields["chest_pain"].value is True
    assert view.unanswered() == []
    assert all(view._fields[q].value is False for q in on_this_step(view) if q != "chest_pain")
    answer(view, chest_pain=False)
    view._next.click()
    assert "Step 2 of 4" in visible_text(view)


def test_start_again_clears_everything(view):
    answer_step(view, chest_pain=True)
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
        assert view._fields[qid].value == ("" if q.is_number else None)
        assert q.is_number or not view._fields[qid].missing
    assert all(m.value == "" for m in view._messages.values())
    view._next.click()  # cleared means unanswered: Next stays and asks again
    assert view._step == 0 and view.assessment is None
    assert "9 questions on this step have no answer yet" in visible_text(view._nav_message)
    finish(view)
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


@pytest.mark.parametrize("qid", ["one_leg_weakness_fast", "band_pain"])
def test_the_new_same_day_signs_reach_urgent_through_the_page(view, qid):
    go_to_step(view, 1)
    assert QUESTIONS[qid].text in visible_text(view)
    answer_step(view, **{qid: True})
    finish(view)
    assert view.assessment.level == "urgent"
    assert view.assessment.rules == (qid,)
    assert "Urgent: get medical advice today" in visible_text(view)
