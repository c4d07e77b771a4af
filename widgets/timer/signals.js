// The sitting timer's reminder in the page (an anywidget ES module): tab title, chime and
// system notification, scheduled by the browser itself.
//
// The kernel sends `due_ms`, the wall-clock moment (ms since the epoch, Date.now()'s scale) at
// which the next break falls due, at every transition. This module sets ONE setTimeout for that
// moment: not a chain of ticks, which Chromium throttles hard in a hidden tab, so the signal
// comes on time in whatever window the learner is working. When it fires it changes the title,
// plays the chime and shows the notification (each if switched on), and tells the kernel, which
// draws the alert; when the learner comes back to the tab, the alert is focused.
//
// One scheduler per model (a WeakMap), however many views of it a page draws, so a notebook
// shown twice still signals once.

const schedulers = new WeakMap();
const TAG = "bsc-sitting-timer";
const LONGEST_WAIT = 2147483647; // setTimeout's limit (about 24.8 days)
// A due moment this far in the past when a page first draws the timer was already signalled by
// an earlier view (a notebook re-opened): show it, do not chime again.
const STALE_MS = 60000;

function notificationState() {
  if (!window.isSecureContext) return "insecure";
  if (!("Notification" in window)) return "unsupported";
  return Notification.permission; // "default" | "granted" | "denied"
}

function chime(ctx) {
  // Two soft sine notes, each with a quick rise and a long fade: gentle, and made in the page.
  const start = ctx.currentTime + 0.02;
  [
    [659.25, 0],
    [880.0, 0.32],
  ].forEach(([freq, at]) => {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = "sine";
    osc.frequency.value = freq;
    const t = start + at;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.22, t + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 1.1);
    osc.connect(gain);
    gain.connect(ctx.destination);
    osc.start(t);
    osc.stop(t + 1.2);
  });
}

class Scheduler {
  constructor(model) {
    this.model = model;
    this.views = new Set();
    this.timer = null;
    this.titleTimer = null;
    this.firedFor = null;
    this.audio = null;
    this.baseTitle = document.title;
    this.written = null;
    this.focusPending = false;
    this.onChange = () => this.schedule(false);
    this.onVisible = () => this.comeBack();
    this.onClick = (event) => {
      // The browser lets a page make sound only after a click on it: the first click on the
      // timer (Start, usually) arms the chime.
      const target = event.target;
      if (target && target.closest && target.closest(".bsc-timer")) this.armSound();
    };
    model.on("change:due_ms", this.onChange);
    model.on("change:state", this.onChange);
    model.on("change:title_on", this.onChange);
    document.addEventListener("visibilitychange", this.onVisible);
    window.addEventListener("focus", this.onVisible);
    document.addEventListener("click", this.onClick, true);
    // A page being left gives its title back and drops its timers (a tab title the page changed
    // otherwise delays the leaving, and the display tick then fails to reach a closed kernel).
    this.onLeave = () => {
      clearTimeout(this.timer);
      clearTimeout(this.titleTimer);
      this.setTitle(null);
    };
    window.addEventListener("beforeunload", this.onLeave);
    this.reportPermission();
    this.schedule(true);
  }

  dispose() {
    clearTimeout(this.timer);
    clearTimeout(this.titleTimer);
    this.model.off("change:due_ms", this.onChange);
    this.model.off("change:state", this.onChange);
    this.model.off("change:title_on", this.onChange);
    document.removeEventListener("visibilitychange", this.onVisible);
    window.removeEventListener("focus", this.onVisible);
    document.removeEventListener("click", this.onClick, true);
    window.removeEventListener("beforeunload", this.onLeave);
    this.setTitle(null);
  }

  // -- the schedule ----------------------------------------------------------------------------

  schedule(firstDraw) {
    clearTimeout(this.timer);
    this.timer = null;
    const due = this.model.get("due_ms");
    const state = this.model.get("state");
    if (due === null || due === undefined || state === "idle" || state === "paused") {
      this.firedFor = null;
      this.showTitle();
      return;
    }
    const wait = due - Date.now();
    if (wait <= 0) {
      if (firstDraw && -wait > STALE_MS) this.firedFor = due;
      this.fire(due);
    } else {
      this.timer = setTimeout(() => this.onTimer(due), Math.min(wait, LONGEST_WAIT));
    }
    this.showTitle();
  }

  onTimer(due) {
    this.timer = null;
    if (this.model.get("due_ms") !== due) return;
    const left = due - Date.now();
    if (left > 0) {
      // Woken early (a wait longer than setTimeout allows): set the one timer again.
      this.timer = setTimeout(() => this.onTimer(due), Math.min(left, LONGEST_WAIT));
      return;
    }
    this.fire(due);
  }

  isDue() {
    const due = this.model.get("due_ms");
    const state = this.model.get("state");
    if (due === null || due === undefined || state === "idle" || state === "paused") return false;
    return state === "break-due" || Date.now() >= due;
  }

  fire(due) {
    if (this.firedFor === due) {
      this.showTitle();
      return;
    }
    this.firedFor = due;
    this.showTitle();
    if (this.model.get("sound_on")) this.playChime();
    if (this.model.get("notify_on")) this.notify();
    this.model.set("fired", (this.model.get("fired") || 0) + 1);
    this.model.save_changes();
    this.model.send({ event: "due" });
    this.focusPending = true;
    if (!document.hidden) this.focusAlert();
    this.views.forEach((v) => v.update());
  }

  comeBack() {
    // A computer that slept may wake after the moment with the timer not yet run: check now.
    const due = this.model.get("due_ms");
    if (this.isDue() && this.firedFor !== due) this.fire(due);
    if (!document.hidden && this.focusPending) this.focusAlert();
    this.reportPermission();
  }

  focusAlert() {
    // The kernel draws the alert when it hears the moment has come; wait for it (briefly).
    const started = Date.now();
    const attempt = () => {
      if (!this.isDue()) {
        this.focusPending = false;
        return;
      }
      let alert = null;
      for (const view of this.views) {
        const root = view.el.closest(".bsc-timer");
        alert = root && root.querySelector(".bsc-timer-alert [role='alert']");
        if (alert) break;
      }
      if (alert && alert.offsetParent !== null) {
        if (!document.hidden) {
          alert.focus({ preventScroll: true });
          alert.scrollIntoView({ block: "center" });
          this.focusPending = false;
        }
        return;
      }
      if (Date.now() - started < 5000) setTimeout(attempt, 100);
    };
    attempt();
  }

  // -- the title -------------------------------------------------------------------------------

  setTitle(text) {
    if (this.written !== null && document.title !== this.written) {
      this.baseTitle = document.title; // the page (JupyterLab, say) changed its own title
    }
    const next = text === null ? this.baseTitle : text;
    if (document.title !== next) document.title = next;
    this.written = text === null ? null : next;
  }

  showTitle() {
    clearTimeout(this.titleTimer);
    this.titleTimer = null;
    if (!this.model.get("title_on")) {
      this.setTitle(null);
      return;
    }
    const base = this.written !== null && document.title !== this.written ? document.title : this.baseTitle;
    const state = this.model.get("state");
    const due = this.model.get("due_ms");
    if (state === "paused") {
      this.setTitle(`Paused · ${base}`);
    } else if (state === "idle" || due === null || due === undefined) {
      this.setTitle(null);
    } else if (this.isDue()) {
      this.setTitle(`${this.model.get("due_title")} · ${base}`);
    } else {
      const left = due - Date.now();
      const minutes = Math.ceil(left / 60000);
      const prefix = state === "on-break" ? "On a break" : `${minutes} min`;
      this.setTitle(`${prefix} · ${base}`);
      // The minutes are only a courtesy: they change at each minute boundary (late in a hidden
      // tab, which does not matter); the due signal above never depends on them.
      const next = left % 60000 || 60000;
      this.titleTimer = setTimeout(() => this.showTitle(), Math.min(next + 20, left + 20));
    }
  }

  // -- sound -----------------------------------------------------------------------------------

  armSound() {
    const Ctx = window.AudioContext || window.webkitAudioContext;
    if (!Ctx) return null;
    try {
      if (!this.audio) this.audio = new Ctx();
      if (this.audio.state === "suspended") this.audio.resume();
    } catch (e) {
      return null;
    }
    // Tell the views after this click is handled: redrawing a switch while the browser is still
    // dispatching a click on it would undo the learner's tick.
    setTimeout(() => {
      if (!this.model.get("sound_ready")) {
        this.model.set("sound_ready", true);
        this.model.save_changes();
      }
      this.views.forEach((v) => v.update());
    }, 0);
    return this.audio;
  }

  playChime() {
    const ctx = this.audio;
    if (!ctx) return false; // never armed by a click: the browser would refuse
    try {
      if (ctx.state === "suspended") ctx.resume();
      chime(ctx);
      return true;
    } catch (e) {
      return false;
    }
  }

  // -- notification ----------------------------------------------------------------------------

  reportPermission() {
    const state = notificationState();
    if (this.model.get("notify_state") !== state) {
      this.model.set("notify_state", state);
      if (state !== "granted" && this.model.get("notify_on")) this.model.set("notify_on", false);
      this.model.save_changes();
    }
    this.views.forEach((v) => v.update());
    return state;
  }

  async askPermission() {
    // Only this click ever asks: the browser shows its prompt, and the learner answers it.
    if (notificationState() === "default") {
      try {
        await Notification.requestPermission();
      } catch (e) {
        /* an old browser with the callback form only: treated as not granted */
      }
    }
    const state = this.reportPermission();
    if (state === "granted") {
      this.model.set("notify_on", true);
      this.model.save_changes();
    }
    this.views.forEach((v) => v.update());
    return state;
  }

  notify() {
    if (notificationState() !== "granted") return false;
    try {
      const note = new Notification(this.model.get("heading"), {
        body: this.model.get("body"),
        tag: TAG,
        requireInteraction: true,
      });
      note.onclick = () => {
        window.focus();
        note.close();
        this.focusPending = true;
        this.focusAlert();
      };
      this.noteError = null;
      return true;
    } catch (e) {
      // Chrome on Android, for one, shows notifications only from a service worker.
      this.noteError = "This browser shows no notification from a page like this one.";
      this.views.forEach((v) => v.update());
      return false;
    }
  }
}

const WORDS = {
  unknown: "",
  default: "Off. Press Allow notifications: your browser will ask you first.",
  granted: "",
  denied:
    "Your browser blocks notifications from this site, so there will be none. To get them, " +
    "allow notifications in the site settings (the icon beside the address). " +
    "The tab title and the sound still work.",
  insecure:
    "This page is not a secure page (it comes over plain http from another computer), and " +
    "browsers show notifications only for secure pages (https, or this computer). " +
    "The tab title and the sound still work.",
  unsupported:
    "This browser cannot show system notifications from a page. " +
    "The tab title and the sound still work.",
};

function row(el, cls) {
  const div = document.createElement("div");
  div.className = `bsc-signal ${cls}`;
  el.appendChild(div);
  return div;
}

function switchBox(parent, label, id) {
  const wrap = document.createElement("label");
  wrap.className = "bsc-signal-switch";
  const box = document.createElement("input");
  box.type = "checkbox";
  box.id = id;
  wrap.appendChild(box);
  wrap.appendChild(document.createTextNode(" " + label));
  parent.appendChild(wrap);
  return box;
}

function button(parent, text, cls) {
  const b = document.createElement("button");
  b.type = "button";
  b.className = `bsc-signal-button ${cls}`;
  b.textContent = text;
  parent.appendChild(b);
  return b;
}

function note(parent, cls) {
  const span = document.createElement("span");
  span.className = `bsc-signal-note ${cls}`;
  parent.appendChild(span);
  return span;
}

let counter = 0;

function render({ model, el }) {
  let scheduler = schedulers.get(model);
  if (!scheduler) {
    scheduler = new Scheduler(model);
    schedulers.set(model, scheduler);
  }
  counter += 1;
  const uid = `bsc-signal-${counter}`;
  el.classList.add("bsc-signals");
  const group = document.createElement("fieldset");
  group.className = "bsc-signals-group";
  const legend = document.createElement("legend");
  legend.textContent = "How the timer reaches you in another window";
  group.appendChild(legend);
  el.appendChild(group);

  const title = row(group, "bsc-signal-title");
  const titleBox = switchBox(title, "Tab title", `${uid}-title`);
  note(title, "").textContent =
    "Shows the minutes left in this tab's title, then “Time to move” until you act.";

  const sound = row(group, "bsc-signal-sound");
  const soundBox = switchBox(sound, "Sound", `${uid}-sound`);
  const test = button(sound, "Test sound", "bsc-signal-test");
  const soundNote = note(sound, "bsc-signal-sound-note");

  const notice = row(group, "bsc-signal-notify");
  const noticeBox = switchBox(notice, "System notification", `${uid}-notify`);
  const allow = button(notice, "Allow notifications", "bsc-signal-allow");
  const noticeNote = note(notice, "bsc-signal-notify-note");
  noticeNote.setAttribute("role", "status");

  const view = {
    el,
    update() {
      // The moment is also written on the element, for whoever checks the page (tests, a bench).
      const due = model.get("due_ms");
      el.dataset.dueMs = due === null || due === undefined ? "" : String(due);
      el.dataset.fired = String(model.get("fired") || 0);
      titleBox.checked = !!model.get("title_on");
      soundBox.checked = !!model.get("sound_on");
      const ready = !!model.get("sound_ready");
      soundNote.textContent = !model.get("sound_on")
        ? "Off: no chime."
        : ready
          ? "A short chime made in this page when your break is due."
          : "A short chime when your break is due; it plays once you have pressed Start or Test sound (browsers allow sound only after a click).";
      const state = model.get("notify_state");
      const granted = state === "granted";
      noticeBox.disabled = !granted;
      noticeBox.checked = granted && !!model.get("notify_on");
      allow.hidden = state !== "default";
      let words = WORDS[state] || "";
      if (granted) {
        words = model.get("notify_on")
          ? "On: a notification says when to move and which movement; clicking it brings this tab to the front."
          : "Off (allowed by your browser: tick the box to turn it on).";
      }
      if (scheduler.noteError && granted) words = scheduler.noteError + " The tab title and the sound still work.";
      noticeNote.textContent = words;
      notice.dataset.permission = state;
    },
  };
  scheduler.views.add(view);

  const toggle = (name, box) => () => {
    model.set(name, box.checked);
    model.save_changes();
    scheduler.onChange();
    view.update();
  };
  const onTitle = toggle("title_on", titleBox);
  const onSound = toggle("sound_on", soundBox);
  const onNotice = toggle("notify_on", noticeBox);
  titleBox.addEventListener("change", onTitle);
  soundBox.addEventListener("change", onSound);
  noticeBox.addEventListener("change", onNotice);
  test.addEventListener("click", () => {
    scheduler.armSound();
    scheduler.playChime();
  });
  allow.addEventListener("click", () => scheduler.askPermission());

  const redraw = () => view.update();
  const watched = ["title_on", "sound_on", "notify_on", "notify_state", "sound_ready", "due_ms", "fired"];
  for (const name of watched) model.on(`change:${name}`, redraw);
  view.update();
  scheduler.reportPermission();

  return () => {
    for (const name of watched) model.off(`change:${name}`, redraw);
    scheduler.views.delete(view);
    if (scheduler.views.size === 0) {
      scheduler.dispose();
      schedulers.delete(model);
    }
  };
}

export default { render };
