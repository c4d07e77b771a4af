"""The sitting timer in a real browser, sped up: test notebooks, a recorder of its signals.

Shared by ``tests/browser/test_timer*.py`` and ``benchmarks/signals.py``.
"""

from __future__ import annotations

#: How many times faster than real time the test timers' clock runs.
SPEED = 30

RECORDER = """
(() => {
  const rec = (window.__bsc = { notes: [], noteErrors: [], tones: [], titles: [] });
  const Native = window.Notification;
  if (Native) {
    const Recorded = function (title, options) {
      const body = (options || {}).body;
      rec.notes.push({ at: Date.now(), title, body, hidden: document.hidden });
      try {
        return new Native(title, options);
      } catch (e) {
        rec.noteErrors.push(String(e));
        throw e;
      }
    };
    Recorded.prototype = Native.prototype;
    // Headless Chromium never shows its permission prompt (it answers "denied"), so a test of
    // the prompt sets window.__prompt = {answer}: the permission reads "default" until asked,
    // and asking answers what the learner would.
    Object.defineProperty(Recorded, "permission", {
      get: () => (window.__prompt ? window.__prompt.state || "default" : Native.permission),
    });
    rec.asked = [];
    Recorded.requestPermission = (...args) => {
      rec.asked.push({ at: Date.now(), byClick: navigator.userActivation.isActive });
      if (window.__prompt) {
        window.__prompt.state = window.__prompt.answer;
        return Promise.resolve(window.__prompt.state);
      }
      return Native.requestPermission(...args);
    };
    window.Notification = Recorded;
  }
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (...args) {
    rec.tones.push({ at: Date.now(), freq: this.frequency.value, state: this.context.state });
    return start.apply(this, args);
  };
  const title = Object.getOwnPropertyDescriptor(Document.prototype, "title");
  Object.defineProperty(Document.prototype, "title", {
    configurable: true,
    get() { return title.get.call(this); },
    set(value) {
      rec.titles.push({ at: Date.now(), title: String(value), hidden: document.hidden });
      title.set.call(this, value);
    },
  });
})();
"""


def set_visibility(page, hidden: bool) -> None:
    """Tell the page it was hidden (or shown again), as a browser does for a background tab."""
    page.evaluate(
        """hidden => {
            const state = hidden ? 'hidden' : 'visible';
            Object.defineProperty(document, 'visibilityState', {value: state, configurable: true});
            Object.defineProperty(document, 'hidden', {value: hidden, configurable: true});
            document.dispatchEvent(new Event('visibilitychange'));
        }""",
        hidden,
    )


def write_fast_timer_notebook(path, title: str, schedule_args: str, speed: int) -> None:
    """A one-cell test notebook: a ``SittingTimer`` whose clock runs ``speed`` times faster.

    ``schedule_args`` are the ``SittingSchedule`` arguments before the clock (``""`` or
    ``"3, 1 / 3, "``); the schedule is told its speed so the due moment it hands the page is real.
    """
    import nbformat

    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell(f"# {title}"),
            nbformat.v4.new_code_cell(
                "import time\nfrom widgets.timer import SittingSchedule, SittingTimer\n"
                f"SittingTimer(SittingSchedule({schedule_args}"
                f"clock=lambda: time.monotonic() * {speed}, clock_speed={speed}))"
            ),
        ]
    )
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    nbformat.write(nb, path)


def fast_notebook(folder, speed: int = SPEED) -> None:
    """Write ``fast-reminder.ipynb`` into ``folder``: a 3-minute, 20-second schedule, sped up."""
    write_fast_timer_notebook(
        folder / "fast-reminder.ipynb",
        "Test the timer's reminder with a fast clock",
        "3, 1 / 3, ",
        speed,
    )
