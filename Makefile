# medformer: `make demo` and `make test` do all set-up on a fresh clone (Python 3.11 and make).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# torch pinned in every pip call: medmnist's torchvision requirement would otherwise pull a CUDA torch
PIP := $(BIN)/python -m pip install -c constraints.txt
DEMO_OUT ?= runs/demo

.PHONY: install demo test test-fast test-slow sync-check readme benchmark clean reproduce lab

install: $(STAMP)

$(STAMP): settings.ini setup.py constraints.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PIP) torch==2.13.0
	$(PIP) -e ".[dev]"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $@

demo: install
	$(BIN)/medformer reproduce --demo --out $(DEMO_OUT)
	@echo "the demo's runs and its executed report ($(DEMO_OUT)/report.ipynb, tables in $(DEMO_OUT)/tables) are in $(DEMO_OUT)/"

# notebooks and package agree: cleaning and exporting must not change what is in git
sync-check: install
	bash tools/check_sync.sh $(BIN)

# the tests read the genuine MedMNIST files: MEDMNIST_ROOT, else ../shared/medmnist beside the checkout
test-fast test-slow: export MEDMNIST_ROOT ?= $(abspath ../shared/medmnist)

# nbs/report.ipynb with no runs_dir runs the demo sweep: tests/test_demo.py runs it in the slow step
test-fast: sync-check
	OMP_NUM_THREADS=1 $(BIN)/nbdev_test --n_workers 2 --skip_file_re '^[_.]|^report'
	OMP_NUM_THREADS=1 $(BIN)/nbdev_test --path index.ipynb
	$(BIN)/python -m pytest -q -m "not slow" tests

test: test-fast

# long tests (real-data training floors): the second step of CI
test-slow: install
	OMP_NUM_THREADS=1 $(BIN)/nbdev_test --n_workers 2 --flags slow --skip_file_re '^[_.]|^report'
	$(BIN)/python -m pytest -q -m slow tests; rc=$$?; [ $$rc -eq 0 ] || [ $$rc -eq 5 ]

# the thesis' sweep (ST, MT, SSL, FT on every dataset present under MEDMNIST_ROOT), resumable
SIZE ?= small
SEEDS ?= 3
WORKERS ?= 1
OUT ?= runs/reproduce-$(SIZE)
reproduce: install
	$(BIN)/medformer reproduce --size $(SIZE) --seeds $(SEEDS) --out $(OUT) --workers $(WORKERS) --root "$${MEDMNIST_ROOT:-}"

# JupyterLab on the project (the notebooks in nbs/, index.ipynb); as root it needs --allow-root
lab: install
	$(BIN)/jupyter lab $$([ "$$(id -u)" -eq 0 ] && echo --allow-root)

readme: install
	$(BIN)/jupyter nbconvert --to markdown --execute index.ipynb --output README

benchmark: install
	$(BIN)/python benchmarks/augment_throughput.py

clean:
	rm -rf $(VENV) runs _proc *.egg-info
