# Back Spasm Course — the commands a contributor needs.
#   make serve   the course in Voila at http://127.0.0.1:8866/voila/render/00-start-here.ipynb
#   make lab     the same notebooks in JupyterLab
#   make test    ruff, then every test layer (unit, views, content, notebooks, browser)
#   make bench   page speed, memory and classroom benchmarks (benchmarks/README.md)
#   make lint    ruff only
#   make course  write the home page and every lesson's footer from widgets/data/course.toml
#   make site    the course as a static site in build/site/ (Voici + Pyodide; tools/site/)
# The first run of any of them creates .venv; later runs reinstall only when pyproject.toml changes.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8866
# The course's Voila template is linked into the environment's share/jupyter (an editable install does
# not install data-files), so voila, jupyter lab and jupyter server find it with no environment variable.
TEMPLATE := $(VENV)/share/jupyter/voila/templates/course

.PHONY: serve lab test lint bench browser clean course site

$(STAMP): pyproject.toml lab/overrides.json Makefile
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[server,test]'
	mkdir -p $(VENV)/share/jupyter/lab/settings && cp lab/overrides.json $(VENV)/share/jupyter/lab/settings/
	mkdir -p $(dir $(TEMPLATE)) && rm -rf $(TEMPLATE) && ln -s $(CURDIR)/share/jupyter/voila/templates/course $(TEMPLATE)
	touch $(STAMP)

serve: $(STAMP)
	@echo "Course home: http://127.0.0.1:$(PORT)/voila/render/00-start-here.ipynb"
	$(BIN)/voila notebooks --no-browser --port=$(PORT) --Voila.ip=127.0.0.1

# (Jupyter refuses to run as root without --allow-root: CI machines and containers run as root.)
# JupyterLab opens on the home page with the file browser on notebooks/ (lab/workspace.json, as on Binder).
LAB_WORKSPACES := $(VENV)/lab-workspaces
lab: $(STAMP)
	$(BIN)/jupyter lab workspaces import --WorkspaceImportApp.workspaces_dir=$(LAB_WORKSPACES) lab/workspace.json
	$(BIN)/jupyter lab --ip=127.0.0.1 --LabApp.workspaces_dir=$(LAB_WORKSPACES) \
		--LabApp.default_url=/lab/tree/notebooks/00-start-here.ipynb $(if $(filter 0,$(shell id -u)),--allow-root)

# The course manifest (widgets/data/course.toml) is the one list of lessons: after adding or
# retitling a lesson there, this rewrites the home page's course map and the lessons' footers.
course: $(STAMP)
	$(BIN)/python tools/write_home.py
	$(BIN)/python tools/write_footers.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Browser tests need a Chromium: Debian's, CHROMIUM_PATH, or Playwright's own download as a last resort.
browser: $(STAMP)
	@test -x "$${CHROMIUM_PATH:-/usr/bin/chromium}" || $(BIN)/playwright install chromium || \
		{ echo "No Chromium for the browser tests: apt-get install -y chromium, or set CHROMIUM_PATH."; exit 1; }

# The static site: its own tools venv (.venv-site) and download cache (.cache/site/), never .venv.
site:
	$(PYTHON) -m tools.site

# Two processes (pytest-xdist) share the tests: two cores. Browser tests go by file (a file's
# servers stay in one process); the few marked `serial` (real time against a server's timing)
# run afterwards one at a time, so no other test's load can make them late, while a second
# process runs the `quiet` ones (minutes of a hidden page's waiting, next to no CPU).
test: lint browser site
	$(BIN)/pytest tests/unit tests/views tests/content -n 2
	$(BIN)/pytest --nbval-lax notebooks tests/notebooks
	$(BIN)/pytest tests/browser -n 2 --dist loadfile -m "not serial and not quiet"
	$(BIN)/pytest tests/browser -m "quiet" -p no:cacheprovider & quiet=$$!; \
	$(BIN)/pytest tests/browser -m "serial"; serial=$$?; \
	wait $$quiet; quiet=$$?; echo "serial tests: exit $$serial; quiet tests: exit $$quiet"; \
	test $$serial = 0 && test $$quiet = 0

bench: $(STAMP) browser
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .venv-site build/site
