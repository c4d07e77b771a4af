"""The dashboard builds without a kernel, shows the timer at once and builds other tabs lazily."""

import ipywidgets as w
import pytest

from widgets import Dashboard
from widgets.nutrients.view import NutrientChecklist
from widgets.selfcheck.view import SymptomCheck
from widgets.timer.view import SittingTimer


def test_only_the_first_tool_is_built_up_front():
    d = Dashboard()
    assert isinstance(d.tools[0], SittingTimer)
    assert d.tools[1:] == [None, None]
    assert d._tabs.options == ("Sitting timer", "Nutrient checklist", "Symptom self-check")
    assert d._stack.selected_index == 0
    assert d._panes[0].children == (d.tools[0],)
    assert d._panes[1].children == ()


def test_choosing_a_tab_builds_its_tool_once():
    d = Dashboard()
    d._tabs.value = "Nutrient checklist"  # what a click on the button does
    checklist = d.tools[1]
    assert d._stack.selected_index == 1
    assert isinstance(checklist, NutrientChecklist)
    d.select(2)
    assert isinstance(d.tools[2], SymptomCheck)
    d.select(1)
    assert d.tools[1] is checklist, "going back to a tab must keep what the learner entered"


def test_tools_keep_their_state_across_tabs():
    d = Dashboard()
    timer = d.tools[0]
    start = next(b for b in timer._controls.children if b.description == "Start")
    start.click()
    d.select(2)
    d.select(0)
    assert "Sitting" in timer._state.value


def test_builders_are_called_lazily_and_once():
    calls = []

    def make(i):
        def build():
            calls.append(i)
            return w.Label(f"tool {i}")

        return build

    d = Dashboard(builders=[make(0), make(1), make(2)])
    assert calls == [0]
    d.select(2)
    d.select(2)
    d.select(0)
    assert calls == [0, 2]


def walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


@pytest.mark.parametrize("index", [-1, 3, 99])
def test_select_rejects_a_tab_that_is_not_there(index):
    with pytest.raises(ValueError, match="choose 0 to 2"):
        Dashboard().select(index)


def test_every_tool_shows_the_disclaimer():
    d = Dashboard()
    d.select(1)
    d.select(2)
    for tool in d.tools:
        texts = [c.value for c in walk(tool) if isinstance(c, w.HTML)]
        assert any("education, not a diagnosis" in t for t in texts), type(tool).__name__
