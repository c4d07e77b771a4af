// The course map's browser side (an anywidget ES module): which lessons this browser has visited.
//
// The course's Voila template records {"visited": ["03", ...]} under the storage key when a
// lesson page opens. This module only reads it, shows it and, on "Clear my progress", removes
// it. Nothing goes back to the kernel. The record is cleaned exactly as
// widgets/progress/model.py parse_progress does: only known lesson numbers are kept.

function readVisited(key, known) {
  let text = null;
  try {
    text = window.localStorage.getItem(key);
  } catch (e) {
    return null; // storage blocked (private mode, strict settings): say so instead of failing
  }
  let record = {};
  try {
    record = text ? JSON.parse(text) : {};
  } catch (e) {
    record = {};
  }
  const visited = record && Array.isArray(record.visited) ? record.visited : [];
  return new Set(visited.filter((v) => typeof v === "string" && known.has(v)));
}

function render({ model, el }) {
  // "jupyter-widgets" is the class every ipywidgets view carries: the course template counts
  // views with it to know when the page is drawn.
  el.classList.add("jupyter-widgets");
  const key = model.get("storage_key");
  const root = document.createElement("section");
  root.className = "bsc-progress";
  root.setAttribute("aria-labelledby", "bsc-progress-title");
  const title = document.createElement("h3");
  title.id = "bsc-progress-title";
  title.textContent = "Your progress in this browser";
  const summary = document.createElement("p");
  summary.className = "bsc-progress-summary";
  const list = document.createElement("ol");
  list.className = "bsc-progress-list";
  const clear = document.createElement("button");
  clear.type = "button";
  clear.className = "bsc-progress-clear";
  clear.textContent = "Clear my progress";
  const status = document.createElement("p");
  status.className = "bsc-progress-status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  const note = document.createElement("p");
  note.className = "bsc-progress-note";
  note.textContent =
    "Kept only in this browser on this device (its local storage), never on the course's server. " +
    "Answers to the symptom self-check are never kept.";
  root.append(title, summary, list, clear, status, note);
  el.append(root);

  function draw() {
    const lessons = model.get("lessons") || [];
    const known = new Set(lessons.map((l) => l.number));
    const visited = readVisited(key, known);
    list.replaceChildren();
    for (const lesson of lessons) {
      const done = visited !== null && visited.has(lesson.number);
      const item = document.createElement("li");
      item.className = "bsc-progress-lesson " + (done ? "bsc-progress-done" : "bsc-progress-todo");
      item.dataset.lesson = lesson.number;
      const mark = document.createElement("span");
      mark.className = "bsc-progress-mark";
      mark.setAttribute("aria-hidden", "true");
      mark.textContent = done ? "✓" : "○";
      const words = document.createElement("span");
      words.textContent = `${lesson.number} ${lesson.title}`;
      const state = document.createElement("span");
      state.className = "bsc-progress-state";
      state.textContent = done ? " (visited)" : " (not yet)";
      item.append(mark, words, state);
      list.append(item);
    }
    if (visited === null) {
      summary.textContent = "This browser does not allow the course to keep your progress.";
      clear.disabled = true;
    } else {
      summary.textContent = `${visited.size} of ${lessons.length} lessons visited.`;
      clear.disabled = visited.size === 0;
    }
  }

  clear.addEventListener("click", () => {
    try {
      window.localStorage.removeItem(key);
      status.textContent = "Your progress is cleared.";
    } catch (e) {
      status.textContent = "Your progress could not be cleared in this browser.";
    }
    draw();
  });
  // Another tab of the course recorded a visit (or cleared it): keep this map current.
  const onStorage = (event) => {
    if (event.key === null || event.key === key) draw();
  };
  window.addEventListener("storage", onStorage);
  model.on("change:lessons", draw);
  draw();
  return () => window.removeEventListener("storage", onStorage);
}

export default { render };
