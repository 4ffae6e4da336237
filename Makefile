.PHONY: setup demo test lint bench
SHELL := /bin/bash

setup:
	bash scripts/setup.sh

demo: setup
	.venv/bin/ugc create examples/serum/brief.yaml --out OUT --variants 1 --aspects all

lint:
	.venv/bin/ruff check src tests bench examples
	.venv/bin/ruff format --check src tests bench examples
	.venv/bin/mypy
	.venv/bin/lint-imports

test: setup
	bash scripts/services.sh
	$(MAKE) lint
	.venv/bin/pytest -q

bench: setup
	.venv/bin/python bench/run.py
