// One yes/no question of the symptom self-check, drawn in the browser (an anywidget ES module).
//
// Why not ipywidgets' RadioButtons: its radio inputs carry no `name`, so the browser does not treat
// one question's "No" and "Yes" as a group. The arrow keys then run on into the next question and
// tick its answer, and a screen reader hears "No, radio button" without the question. Here each
// question is a <fieldset> whose <legend> is the question, with its own named radio group:
// Tab reaches the group, the arrow keys move between No and Yes only, and nothing is ticked until
// the learner chooses (value null = not answered).

let groups = 0;

function render({ model, el }) {
  groups += 1;
  const name = `bsc-yesno-${groups}-${Math.random().toString(36).slice(2, 8)}`;
  el.classList.add("bsc-yesno");
  // JupyterLab's notebook shortcuts must not take the arrow keys from the radio group.
  el.setAttribute("data-lm-suppress-shortcuts", "true");

  const set = document.createElement("fieldset");
  set.className = "bsc-yesno-set";
  const legend = document.createElement("legend");
  legend.className = "bsc-yesno-question";
  const help = document.createElement("p");
  help.className = "bsc-yesno-help";
  help.id = `${name}-help`;
  const missing = document.createElement("p");
  missing.className = "bsc-yesno-missing";
  missing.id = `${name}-missing`;
  const options = document.createElement("div");
  options.className = "bsc-yesno-options";
  set.setAttribute("aria-describedby", `${help.id} ${missing.id}`);

  const inputs = {};
  for (const [label, value] of [["No", false], ["Yes", true]]) {
    const wrap = document.createElement("label");
    wrap.className = "bsc-yesno-option";
    const input = document.createElement("input");
    input.type = "radio";
    input.name = name;
    input.value = value ? "yes" : "no";
    input.required = true;
    input.addEventListener("change", () => {
      if (input.checked) {
        model.set("value", value);
        model.save_changes();
      }
    });
    wrap.append(input, document.createTextNode(` ${label}`));
    options.append(wrap);
    inputs[value ? "yes" : "no"] = input;
  }
  set.addEventListener("keydown", (event) => {
    if (event.key.startsWith("Arrow") || event.key === " ") event.stopPropagation();
  });
  set.append(legend, help, options, missing);
  el.append(set);

  function draw() {
    legend.innerHTML = model.get("question_html"); // built and escaped by the Python side
    help.textContent = model.get("help");
    help.hidden = !model.get("help");
    const value = model.get("value");
    inputs.no.checked = value === false;
    inputs.yes.checked = value === true;
    const flagged = model.get("missing") && value === null;
    missing.textContent = flagged ? "⚠ Please answer this question: choose No or Yes." : "";
    missing.hidden = !flagged;
    set.classList.toggle("bsc-yesno-flagged", flagged);
    for (const input of Object.values(inputs)) {
      if (flagged) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    }
  }

  function onMessage(message) {
    if (message && message.do === "focus") {
      const target = inputs.yes.checked ? inputs.yes : inputs.no;
      target.focus();
      set.scrollIntoView({ block: "center" });
    }
  }

  model.on("change:value", draw);
  model.on("change:missing", draw);
  model.on("change:question_html", draw);
  model.on("change:help", draw);
  model.on("msg:custom", onMessage);
  draw();
  return () => {
    model.off("change:value", draw);
    model.off("change:missing", draw);
    model.off("change:question_html", draw);
    model.off("change:help", draw);
    model.off("msg:custom", onMessage);
  };
}

export default { render };
