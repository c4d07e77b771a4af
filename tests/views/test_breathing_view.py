"""The breathing pacer's Python side without a kernel: traits, validation, what the browser gets."""

from __future__ import annotations

import anywidget
import pytest
import traitlets

from widgets.breathing import BreathingPacer, breaths_in


@pytest.fixture
def pacer() -> BreathingPacer:
    return BreathingPacer()


def test_builds_without_a_kernel_as_an_anywidget(pacer):
    assert isinstance(pacer, anywidget.AnyWidget)
    assert (pacer.running, pacer.minutes, pacer.breaths_done) == (False, 3, 0)
    assert pacer.total_breaths == 18


def test_the_traits_are_synced_with_the_browser(pacer):
    for name in ("running", "minutes", "breaths_done"):
        assert pacer.trait_metadata(name, "sync") is True
    state = pacer.get_state()
    assert {"running", "minutes", "breaths_done", "_esm", "_css"} <= set(state)


def test_the_browser_code_is_read_from_the_package_files(pacer):
    esm, css = pacer._esm, pacer._css
    assert "export default" in esm and "function render" in esm
    assert "requestAnimationFrame" in esm
    assert "prefers-reduced-motion" in esm and "prefers-reduced-motion" in css


def test_the_browser_side_is_accessible(pacer):
    esm = pacer._esm
    assert 'aria-live="polite"' in esm
    assert esm.count('<button type="button"') == 2
    assert ">Start</button>" in esm and ">Stop</button>" in esm
    assert "<label" in esm and "Minutes" in esm
    assert "Breathe in…" in esm and "Breathe out…" in esm


@pytest.mark.parametrize("minutes", [1, 2, 3, 4, 5])
def test_minutes_from_one_to_five_are_accepted(pacer, minutes):
    pacer.minutes = minutes
    assert pacer.minutes == minutes and pacer.total_breaths == breaths_in(minutes)


@pytest.mark.parametrize("bad", [0, 6, -1, 60])
def test_minutes_out_of_range_are_refused_with_the_models_sentence(pacer, bad):
    with pytest.raises(traitlets.TraitError, match="Choose from 1 to 5 minutes"):
        pacer.minutes = bad
    assert pacer.minutes == 3


def test_a_session_length_can_be_given_when_built():
    assert BreathingPacer(minutes=5).total_breaths == 30
    with pytest.raises(traitlets.TraitError):
        BreathingPacer(minutes=9)


def test_breaths_done_from_the_browser_is_checked(pacer):
    pacer.breaths_done = 30
    assert pacer.breaths_done == 30
    with pytest.raises(traitlets.TraitError, match="from 0 to 30"):
        pacer.breaths_done = -1
    with pytest.raises(traitlets.TraitError):
        pacer.breaths_done = 31


def test_running_can_be_set_from_python(pacer):
    seen = []
    pacer.observe(lambda change: seen.append(change["new"]), names="running")
    pacer.running = True
    pacer.running = False
    assert seen == [True, False]
