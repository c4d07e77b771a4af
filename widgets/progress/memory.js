// One tool's entry in the course's record in this browser (an anywidget ES module).
//
// The record lives in localStorage under the storage key, shaped
//   {"visited": ["03", ...], "quiz": {"03": {"right": 4, "total": 5}},
//    "settings": {"timer": {...}, "profile": {...}}}
// This view is invisible. When it is drawn it reads record[section][name] once and hands it to
// the kernel (which checks every value before using it: anything stored can be edited by hand);
// from then on, whatever the kernel asks to remember is written back to the same place, and an
// empty value removes it. Nothing is ever sent anywhere else.

function readRecord(key) {
  let text = null;
  try {
    text = window.localStorage.getItem(key);
  } catch (e) {
    return null; // storage blocked: the tool works, it only cannot remember
  }
  let record = {};
  try {
    record = text ? JSON.parse(text) : {};
  } catch (e) {
    record = {};
  }
  return record && typeof record === "object" && !Array.isArray(record) ? record : {};
}

function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function render({ model, el }) {
  el.classList.add("bsc-memory");
  el.hidden = true;
  const key = model.get("storage_key");
  const section = model.get("section");
  const name = model.get("name");

  if (!model.get("loaded")) {
    const record = readRecord(key);
    const part = record !== null && isPlainObject(record[section]) ? record[section] : {};
    const stored = isPlainObject(part[name]) ? part[name] : {};
    model.set("available", record !== null);
    model.set("value", stored);
    model.set("loaded", true);
    model.save_changes();
  }

  function write() {
    const record = readRecord(key);
    if (record === null) return;
    const value = model.get("value");
    const part = isPlainObject(record[section]) ? record[section] : {};
    if (isPlainObject(value) && Object.keys(value).length > 0) {
      part[name] = value;
    } else {
      delete part[name];
    }
    if (Object.keys(part).length > 0) {
      record[section] = part;
    } else {
      delete record[section];
    }
    try {
      window.localStorage.setItem(key, JSON.stringify(record));
    } catch (e) {
      /* storage full or blocked: nothing is lost on the page, it is only not remembered */
    }
  }

  model.on("change:value", write);
  return () => model.off("change:value", write);
}

export default { render };
