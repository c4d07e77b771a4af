"""My back-care plan: content, validation and escaping of free text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from widgets.plan.model import GOAL_MAX, build_plan, check_goal, md_escape
from widgets.routine.model import EXERCISES
from widgets.selfcheck.model import TIERS
from widgets.ui import DISCLAIMER


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)


def tags(document: str) -> list[str]:
    parser = Tags()
    parser.feed(document)
    return parser.tags


def test_default_plan_has_every_part_the_disclaimer_and_sources():
    plan = build_plan()
    md = plan.markdown()
    for heading in (
        "# My back-care plan",
        "## Break up sitting",
        "## Foods to add",
        "## Exercises",
    ):
        assert heading in md
    assert "Every 30 min, 3 min move" in md and "Banana" in md
    for ex in EXERCISES.values():
        assert ex.name in md
    for level in ("emergency", "urgent", "see-doctor", "self-care"):
        assert TIERS[level].title in md
    assert "chest pain" in md and "both legs" in md
    assert "## Sources" in md and "<https://" in md
    assert md_escape(DISCLAIMER) in md


def test_choices_show_up_in_both_outputs():
    plan = build_plan("workrave", ["sardines-canned"], ["bridge"], "Walk to work")
    for doc in (plan.markdown(), plan.html()):
        assert "Workrave-style" in doc and "Sardines" in doc and "Bridge" in doc
        assert "Walk to work" in doc
        assert "Bird-dog" not in doc


def test_script_in_the_goal_stays_text_in_the_html():
    plan = build_plan(goal='<script>alert("x")</script><img src=x onerror=alert(1)>')
    doc = plan.html()
    assert "script" not in tags(doc) and "img" not in tags(doc)
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in doc
    assert tags(doc).count("h3") == tags(build_plan().html()).count("h3")


def test_markdown_is_not_broken_by_the_goal():
    nasty = "Stretch *daily*\n\n# Not a heading\n- not a list [link](http://x) `code` <b>bold</b>"
    md = build_plan(goal=nasty).markdown()
    goal_lines = [line for line in md.splitlines() if line.startswith("**My goal:**")]
    assert len(goal_lines) == 1
    line = goal_lines[0]
    assert "\\*daily\\*" in line and "\\[link\\]" in line and "\\`code\\`" in line
    assert "\\<b\\>" in line and "<b>" not in md
    assert [h for h in md.splitlines() if h.startswith("# ")] == ["# My back-care plan"]
    assert md.count("\n## ") == build_plan().markdown().count("\n## ")


@given(st.text(max_size=GOAL_MAX))
def test_any_goal_is_escaped_in_markdown(text):
    escaped = md_escape(text)
    assert "\n" not in escaped
    # every special character is preceded by a backslash
    assert not re.search(r"(?<!\\)[<>`\[\]]", escaped.replace("\\\\", ""))


def test_goal_checks():
    assert check_goal("  Walk\n daily  ") == "Walk daily"
    assert check_goal(None) == ""
    with pytest.raises(ValueError, match="300 characters"):
        check_goal("x" * (GOAL_MAX + 1))
    with pytest.raises(ValueError, match="text"):
        check_goal(42)


def test_unknown_choices_are_refused_with_a_sentence():
    with pytest.raises(ValueError, match="no schedule"):
        build_plan(schedule="hourly")
    with pytest.raises(ValueError, match="no food"):
        build_plan(foods=["chips"])
    with pytest.raises(ValueError, match="no exercise"):
        build_plan(exercises=["handstand"])


def test_nothing_chosen_still_makes_a_plan():
    md = build_plan(foods=[], exercises=[]).markdown()
    assert "No foods chosen." in md and "No exercises chosen." in md


def test_the_html_is_standalone():
    doc = build_plan().html()
    assert doc.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in doc
    assert "<script" not in doc and "http://" not in doc.split("<body>")[0]
