# Two entry points (see README): `make run` builds the bundled corpus, `make test` runs the tests.
# Both set everything up first: a virtual environment with tarikh and its Python dependencies, and the
# Debian packages the tests talk to (Chromium for the viewer test, raptor2-utils' rapper, a font with
# Kazakh and Azerbaijani glyphs). Set-up steps are skipped when already done.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEBIAN_PACKAGES := chromium raptor2-utils fonts-dejavu-core

.PHONY: setup system-packages run test bench clean

$(BIN)/tarikh: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(BIN)/tarikh

system-packages:
	@missing=""; for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

setup: $(BIN)/tarikh system-packages

run: $(BIN)/tarikh
	$(BIN)/tarikh build --out out

test: setup
	$(BIN)/python -m pytest

bench: $(BIN)/tarikh
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) out build *.egg-info
