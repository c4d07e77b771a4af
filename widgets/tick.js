// The display tick of the timer, the routine and the planner (an anywidget ES module).
//
// While `playing`, the page adds one to `value` every `interval` ms and sends it to the kernel,
// which redraws the tool's countdown. The tick only refreshes what the learner sees: the time
// itself always comes from the kernel's clock, so a throttled tab (hidden tabs tick slowly) shows
// the right time again at its next tick.
//
// Leaving the page: Voila's page disposes its kernel connection in its own `beforeunload`
// handler, and the old page keeps running until the next one arrives (seconds on a busy class
// server). A widget Play kept ticking there and every tick logged "Could not send widget sync
// message". This tick stops for good as soon as the page is being left, and never sends through a
// connection that is gone.

const tickers = new WeakMap();

function ticker(model) {
  let state = tickers.get(model);
  if (state) return state;
  state = { timer: null, leaving: false };
  const stop = () => {
    if (state.timer !== null) clearInterval(state.timer);
    state.timer = null;
  };
  const step = () => {
    if (state.leaving) return stop();
    try {
      model.set("value", (model.get("value") + 1) % 3600);
      model.save_changes();
    } catch (error) {
      stop(); // the kernel connection is gone: nothing to refresh any more
    }
  };
  const update = () => {
    stop();
    if (model.get("playing") && !state.leaving) {
      state.timer = setInterval(step, Math.max(100, model.get("interval")));
    }
  };
  const leave = () => {
    state.leaving = true;
    stop();
  };
  window.addEventListener("beforeunload", leave);
  window.addEventListener("pagehide", leave);
  model.on("change:playing", update);
  model.on("change:interval", update);
  update();
  tickers.set(model, state);
  return state;
}

export default {
  render({ model, el }) {
    ticker(model);
    el.classList.add("bsc-tick");
    el.hidden = true;
  },
};
