# Two entry points for a newcomer: `make run` and `make test`. Both set everything up.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench bench-batch bench-store eval bench-browser screenshot clean setup browser-deps

$(STAMP): requirements.txt requirements-dev.txt
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $(STAMP)

setup: $(STAMP)

# Debian's chromium for the browser tests (never `playwright install`: it downloads browsers).
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium fonts-dejavu-core fonts-noto-core >/dev/null; \
	  else echo "browser tests need Debian's chromium: sudo apt-get install chromium" >&2; fi; }

run: $(STAMP)
	$(BIN)/streamlit run app.py --server.address 127.0.0.1 --server.port 8501

# Lint first (a second or two, settings in ruff.toml), then the whole suite.
test: $(STAMP) browser-deps lint
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	$(BIN)/python bench/bench_geoparse.py

# geo batch on a 50 MB corpus with 1 and 2 Dask worker processes (bench/results_batch.md).
bench-batch: $(STAMP)
	$(BIN)/python bench/bench_batch.py

# The public development corpora (../shared/public-dev, or GEO_PUBLIC_DEV=DIR), scored with their own
# conventions; writes bench/results_eval.md. Says so and exits 0 when they are absent. EVAL_ARGS: e.g. --limit 200.
eval: $(STAMP)
	$(BIN)/python bench/eval.py $(EVAL_ARGS)

# Opening the dashboard and pasting a statement, timed in headless Chromium; then a 10 MB statement
# (its first map, and how the server answers other sessions meanwhile).
bench-browser: $(STAMP) browser-deps
	$(BIN)/python bench/bench_browser.py --out bench/results_browser.md
	$(BIN)/python bench/bench_bigstatement.py --out bench/results_bigstatement.md

# The collection at 10,000 statements: adding them, reading them, the Collection view's first map (Chromium).
bench-store: $(STAMP) browser-deps
	$(BIN)/python bench/bench_store.py --out bench/results_store.md

screenshot: $(STAMP) browser-deps
	$(BIN)/python tests/browser/make_screenshot.py --out docs/screenshot.png
	$(BIN)/python tests/browser/make_collection_screenshot.py --out docs/collection.png

clean:
	rm -rf $(VENV) .cache .pytest_cache
