// The breathing pacer's browser side (an anywidget ES module).
//
// The animation runs here, so it stays smooth whatever the kernel is doing. The timing mirrors
// widgets/breathing/model.py (phase_at, breaths_in): 5 counts in, 5 counts out, one count a
// second, about 6 breaths a minute. Time is always "now minus start", so a hidden tab that
// pauses requestAnimationFrame catches up instead of drifting.

const IN_SECONDS = 5;
const OUT_SECONDS = 5;
const BREATH_SECONDS = IN_SECONDS + OUT_SECONDS;
const SMALLEST = 0.4;
const WORDS = {
  idle: "Press Start when you are ready.",
  in: "Breathe in…",
  out: "Breathe out…",
  done: "Well done. Breathe normally.",
  stopped: "Stopped. Press Start to begin again.",
};

function ease(x) {
  return (1 - Math.cos(Math.PI * x)) / 2;
}

/** Mirror of model.phase_at: {name, count, progress, breathsDone, scale}. */
export function phaseAt(seconds, minutes) {
  const total = minutes * 60;
  if (seconds >= total) {
    return { name: "done", count: 0, progress: 1, breathsDone: Math.floor(total / BREATH_SECONDS), scale: SMALLEST };
  }
  const breaths = Math.floor(seconds / BREATH_SECONDS);
  const into = seconds - breaths * BREATH_SECONDS;
  if (into < IN_SECONDS) {
    const progress = into / IN_SECONDS;
    return { name: "in", count: Math.floor(into) + 1, progress, breathsDone: breaths,
      scale: SMALLEST + (1 - SMALLEST) * ease(progress) };
  }
  const progress = (into - IN_SECONDS) / OUT_SECONDS;
  return { name: "out", count: Math.floor(into - IN_SECONDS) + 1, progress, breathsDone: breaths,
    scale: 1 - (1 - SMALLEST) * ease(progress) };
}

export function breathsIn(minutes) {
  return Math.floor((minutes * 60) / BREATH_SECONDS);
}

function counts(n) {
  const out = [];
  for (let i = 1; i <= n; i += 1) out.push(String(i));
  return out.join(" ");
}

function reducedMotion() {
  return typeof window.matchMedia === "function" &&
    window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

function render({ model, el }) {
  // "jupyter-widgets" is the class every ipywidgets view carries; the course's Voila template
  // counts views by it to know when a page is ready, and anywidget does not add it by itself.
  el.classList.add("jupyter-widgets", "bsc-pacer");
  el.innerHTML = `
    <div class="bsc-pacer-stage" aria-hidden="true">
      <div class="bsc-pacer-circle" data-phase="idle"></div>
    </div>
    <p class="bsc-pacer-phase" aria-live="polite"></p>
    <p class="bsc-pacer-count" aria-hidden="true"></p>
    <div class="bsc-pacer-controls">
      <label class="bsc-pacer-label">Minutes
        <select class="bsc-pacer-minutes" title="How long to practise, in minutes"></select>
      </label>
      <button type="button" class="bsc-pacer-start" title="Start the breathing pacer">Start</button>
      <button type="button" class="bsc-pacer-stop" title="Stop the breathing pacer">Stop</button>
    </div>
    <p class="bsc-pacer-progress"></p>`;
  const circle = el.querySelector(".bsc-pacer-circle");
  const phaseText = el.querySelector(".bsc-pacer-phase");
  const countText = el.querySelector(".bsc-pacer-count");
  const select = el.querySelector(".bsc-pacer-minutes");
  const start = el.querySelector(".bsc-pacer-start");
  const stop = el.querySelector(".bsc-pacer-stop");
  const progressText = el.querySelector(".bsc-pacer-progress");
  for (let m = 1; m <= 5; m += 1) {
    const option = document.createElement("option");
    option.value = String(m);
    option.textContent = String(m);
    select.appendChild(option);
  }

  let frame = null;
  let startedAt = 0;
  let shown = { name: "", count: -1 };

  function setScale(scale) {
    // With reduced motion the circle keeps one size; the words and the colour carry the phase.
    circle.style.transform = reducedMotion() ? "scale(0.7)" : `scale(${scale.toFixed(4)})`;
  }

  function setPhase(name, count) {
    if (shown.name !== name) {
      phaseText.textContent = WORDS[name];
      circle.dataset.phase = name;
    }
    if (shown.name !== name || shown.count !== count) {
      countText.textContent = name === "in" || name === "out" ? counts(count) : "";
    }
    shown = { name, count };
  }

  function showProgress() {
    const total = breathsIn(model.get("minutes"));
    progressText.textContent = `Breaths: ${model.get("breaths_done")} of ${total}`;
  }

  function showControls() {
    const running = model.get("running");
    start.disabled = running;
    stop.disabled = !running;
    select.disabled = running;
    select.value = String(model.get("minutes"));
  }

  function tick(now) {
    const seconds = (now - startedAt) / 1000;
    const phase = phaseAt(seconds, model.get("minutes"));
    setScale(phase.scale);
    setPhase(phase.name, phase.count);
    if (phase.breathsDone !== model.get("breaths_done")) {
      model.set("breaths_done", phase.breathsDone);
      model.save_changes();
    }
    if (phase.name === "done") {
      frame = null;
      model.set("running", false);
      model.save_changes();
      return;
    }
    frame = requestAnimationFrame(tick);
  }

  function begin() {
    if (frame !== null) return;
    startedAt = performance.now();
    shown = { name: "", count: -1 };
    if (model.get("breaths_done") !== 0) {
      model.set("breaths_done", 0);
      model.save_changes();
    }
    frame = requestAnimationFrame(tick);
  }

  function end() {
    if (frame === null) return;
    cancelAnimationFrame(frame);
    frame = null;
    setScale(SMALLEST);
    setPhase("stopped", 0);
  }

  function onRunning() {
    if (model.get("running")) begin();
    else end();
    showControls();
  }

  // The pressed button becomes disabled, so keyboard focus moves to the other one.
  start.addEventListener("click", () => {
    model.set("running", true);
    model.save_changes();
    stop.focus();
  });
  stop.addEventListener("click", () => {
    model.set("running", false);
    model.save_changes();
    start.focus();
  });
  select.addEventListener("change", () => {
    model.set("minutes", Number(select.value));
    model.save_changes();
  });

  model.on("change:running", onRunning);
  function onMinutes() {
    showControls();
    showProgress();
  }

  model.on("change:minutes", onMinutes);
  model.on("change:breaths_done", showProgress);

  setScale(SMALLEST);
  setPhase("idle", 0);
  showControls();
  showProgress();
  if (model.get("running")) begin();

  return () => {
    if (frame !== null) cancelAnimationFrame(frame);
    model.off("change:running", onRunning);
    model.off("change:minutes", onMinutes);
    model.off("change:breaths_done", showProgress);
  };
}

export default { render };
