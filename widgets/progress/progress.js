// The course map's browser side (an anywidget ES module): which lessons this browser has visited,
// and the best quiz score kept for each.
//
// The course's Voila template records {"visited": ["03", ...]} under the storage key when a
// lesson page opens; each quiz keeps {"quiz": {"03": {"right": 4, "total": 5}}} (memory.js). This
// module only reads the record, shows it and, on "Clear my progress", removes all of it (tool
// settings too). Nothing goes back to the kernel. The record is cleaned exactly as
// widgets/progress/model.py parse_progress does: only known lessons and sound scores are kept.

const MAX_QUESTIONS = 50;

function isWhole(value) {
  return typeof value === "number" && Number.isInteger(value);
}

function cleanScore(entry) {
  if (entry === null || typeof entry !== "object" || Array.isArray(entry)) return null;
  const { right, total } = entry;
  if (!isWhole(right) || !isWhole(total)) return null;
  if (right < 0 || right > total || total < 1 || total > MAX_QUESTIONS) return null;
  return { right, total };
}

function readProgress(key, known) {
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
  if (record === null || typeof record !== "object" || Array.isArray(record)) record = {};
  const visited = Array.isArray(record.visited) ? record.visited : [];
  const quizzes =
    record.quiz && typeof record.quiz === "object" && !Array.isArray(record.quiz) ? record.quiz : {};
  const scores = new Map();
  for (const number of known) {
    const score = Object.prototype.hasOwnProperty.call(quizzes, number)
      ? cleanScore(quizzes[number])
      : null;
    if (score !== null) scores.set(number, score);
  }
  return {
    visited: new Set(visited.filter((v) => typeof v === "string" && known.has(v))),
    scores,
    kept: text !== null,
  };
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
    "Kept only in this browser on this device (its local storage), never on the course's server: " +
    "the lessons you opened, your best quiz scores, your sitting-timer schedule and the age and " +
    "sex the nutrient targets use. The foods you tick and your answers to the symptom self-check " +
    "are never kept. Clearing your progress forgets all of it.";
  root.append(title, summary, list, clear, status, note);
  el.append(root);

  function draw() {
    const lessons = model.get("lessons") || [];
    const known = new Set(lessons.map((l) => l.number));
    const progress = readProgress(key, known);
    list.replaceChildren();
    for (const lesson of lessons) {
      const done = progress !== null && progress.visited.has(lesson.number);
      const score = progress === null ? undefined : progress.scores.get(lesson.number);
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
      if (score !== undefined) {
        const quiz = document.createElement("span");
        quiz.className = "bsc-progress-quiz";
        quiz.textContent = ` quiz: best ${score.right} of ${score.total} right`;
        item.append(quiz);
      }
      list.append(item);
    }
    if (progress === null) {
      summary.textContent = "This browser does not allow the course to keep your progress.";
      clear.disabled = true;
    } else {
      const quizzes = progress.scores.size;
      summary.textContent =
        `${progress.visited.size} of ${lessons.length} lessons visited, ` +
        `${quizzes} ${quizzes === 1 ? "quiz" : "quizzes"} answered.`;
      clear.disabled = !progress.kept;
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
