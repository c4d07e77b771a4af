"""My back-care plan view, built without a kernel."""

from __future__ import annotations

import base64
import re

from widgets.plan.view import MyBackCarePlan


def download(view, kind: str) -> str:
    match = re.search(
        rf'class="bsc-plan-{kind}" href="data:[^;]+;charset=utf-8;base64,([^"]+)"',
        view._downloads.value,
    )
    assert match, view._downloads.value[:200]
    return base64.b64decode(match.group(1)).decode("utf-8")


def test_defaults_make_a_plan_with_two_downloads():
    v = MyBackCarePlan()
    assert 'download="my-back-care-plan.md"' in v._downloads.value
    assert 'download="my-back-care-plan.html"' in v._downloads.value
    md = download(v, "md")
    assert md.startswith("# My back-care plan") and "Banana" in md
    assert "Emergency: get help now" in v._preview.value


def test_changing_choices_updates_the_plan():
    v = MyBackCarePlan()
    v._schedule.value = "physio-20"
    v._foods.value = ("sardines-canned",)
    for xid, box in v._exercises.items():
        box.value = xid == "bird-dog"
    v._goal.value = "Lift with care"
    md = download(v, "md")
    assert "Every 20 min, 2 min move" in md and "Sardines" in md and "Bird-dog" in md
    assert "Knee rolls" not in md and "**My goal:** Lift with care" in md
    assert "characters left" in v._goal_msg.value


def test_script_in_the_goal_is_shown_as_text():
    v = MyBackCarePlan()
    v._goal.value = "<script>alert(1)</script>"
    assert "<script>" not in v._preview.value
    assert "&lt;script&gt;" in v._preview.value
    assert "<script>" not in download(v, "html")


def test_too_long_a_goal_shows_a_message_and_keeps_the_rest():
    v = MyBackCarePlan()
    v._foods.value = ("almonds",)
    v._goal.value = "x" * 400
    assert "300 characters" in v._goal_msg.value and "alert" in v._goal_msg.value
    assert v._foods.value == ("almonds",)
    assert "Almonds" in download(v, "md")
    v._goal.value = "short"
    assert "alert" not in v._goal_msg.value
