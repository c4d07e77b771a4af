// Compile to bytecode, with Pyodide's own Python (3.12), the modules a page imports while it
// starts, as Pyodide's own packages are built ("py-compile"); drop the wheels' test folders.
//
//   node pycompile.mjs <pyodide runtime folder> <its pyodide-lock.json> <wheel folder> <wheel>...
//
// The wheels are unpacked into this Python, the kernel's and the course's start-up imports are
// run (STARTUP), and every module file they loaded becomes a sourceless .pyc where its .py was.
// A learner's browser then never compiles those at page start; the modules nothing imports at
// start stay source (bytecode is about three times larger than zipped source).
import path from "node:path";
import { pathToFileURL } from "node:url";

const [runtime, lock, folder, ...wheels] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(runtime, "pyodide.mjs")).href);
const py = await loadPyodide({
  indexURL: path.resolve(runtime) + "/",
  lockFileURL: path.resolve(lock),
  stdout: () => {},
  stderr: () => {},
});
py.FS.mkdirTree("/wheels");
py.FS.mount(py.FS.filesystems.NODEFS, { root: path.resolve(folder) }, "/wheels");
py.globals.set("WHEELS", py.toPy(wheels));
let report;
try {
  report = await py.runPythonAsync(`
import importlib
import importlib._bootstrap_external as bootstrap
import importlib.util
import sys
import zipfile

STAMP = (2023, 11, 14, 22, 13, 20)
#: What the Pyodide kernel imports as it starts, and what the course's pages import.
STARTUP = ["micropip", "piplite.piplite", "pyodide_kernel", "IPython", "ipywidgets", "anywidget",
           "widgets", "widgets.dashboard", "widgets._pyodide"]
ROOT = "/tmp/unpacked"
#: Wheels compiled whole: the course's own (its views are imported lazily, page by page).
WHOLE = ("back_spasm_course-",)


def is_test(name):
    return "tests" in name.split("/")[:-1]


for wheel in WHEELS:
    with zipfile.ZipFile("/wheels/" + wheel) as z:
        z.extractall(ROOT)
sys.path.insert(0, ROOT)
for name in STARTUP:
    importlib.import_module(name)
loaded = {
    m.__file__[len(ROOT) + 1:]
    for m in list(sys.modules.values())
    if (getattr(m, "__file__", None) or "").startswith(ROOT + "/")
}


def member(name, data, whole=False):
    """(name, bytes) of one wheel member: a start-up module's unchecked-hash .pyc, or as is."""
    if not name.endswith(".py") or not (whole or name in loaded):
        return name, data
    code = compile(data, name, "exec", dont_inherit=True)
    source_hash = importlib.util.source_hash(data)
    return name + "c", bytes(bootstrap._code_to_hash_pyc(code, source_hash, checked=False))


done = []
for wheel in WHEELS:
    path = "/wheels/" + wheel
    with zipfile.ZipFile(path) as z:
        whole = wheel.startswith(WHOLE)
        members = [member(i.filename, z.read(i), whole) for i in z.infolist()
                   if not i.is_dir() and not is_test(i.filename)]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in sorted(members):
            info = zipfile.ZipInfo(name, date_time=STAMP)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED  # (a ZipInfo is stored unless it says so)
            z.writestr(info, data)
    done.append(f"{wheel}: {sum(n.endswith('.pyc') for n, _ in members)} modules")
"\\n".join(done)
`);
} catch (error) {
  console.error(String(error.message)); // the Python traceback, not Pyodide's minified source
  process.exit(1);
}
console.log(report);
