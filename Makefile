# Zwei Befehle genügen auf einem frischen Debian mit python3, python3-venv und make:
#   make site   – baut die Website nach site/ (atomar: bei Fehlern bleibt site/ unverändert)
#   make test   – führt alle Tests aus (installiert bei Bedarf chromium und nginx)
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Adresse der Vorschau (`make serve`); die Tests wählen einen eigenen Port.
SERVE_ADDR ?= 127.0.0.1:8000
export PYTHONPATH := $(CURDIR)/macros
# Material kündigt bei jedem Bau sein Support-Ende an; das steht im README.
export NO_MKDOCS_2_WARNING := 1
# Debian-Pakete, die die Browser- und Servertests und der Test der Editor-Hilfe (YAML-Sprachserver) brauchen;
# ffmpeg erzeugt das Testvideo.
SYSTEM_PACKAGES := chromium nginx-light poppler-utils nodejs npm ffmpeg
SYSTEM_COMMANDS := chromium nginx pdftotext node npm ffmpeg

.PHONY: site test serve check benchmark offen freigabe lock clean system-deps urls teilen-bild schema vergleich vorschau

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: requirements.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	touch $@

$(VENV)/.test: requirements-test.lock $(VENV)/.runtime
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements-test.lock
	touch $@

# Der YAML-Sprachserver der VS-Code-Erweiterung (npm, Versionen mit Prüfsummen in package-lock.json) für den Schema-Test.
$(VENV)/yaml-language-server/.installiert: tests/yaml-language-server/package.json tests/yaml-language-server/package-lock.json | system-deps $(BIN)/python
	mkdir -p $(@D)
	cp tests/yaml-language-server/package.json tests/yaml-language-server/package-lock.json $(@D)/
	npm ci --prefix $(@D) --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

## check: nur die Daten und mkdocs.yml prüfen (schnell); JUNIT=pruefung.xml schreibt die Fehler auch als JUnit-XML
JUNIT ?=
check: $(VENV)/.runtime
	$(BIN)/python -m handlungskonzept check $(if $(JUNIT),--junit $(JUNIT))

## offen: alle offenen Punkte (docs/, data/, mkdocs.yml) mit Datei und Zeile auflisten
offen: $(VENV)/.runtime
	$(BIN)/python -m handlungskonzept offen

## freigabe: Prüfung vor der Veröffentlichung – scheitert, solange offene Punkte bleiben
freigabe: check
	$(BIN)/python -m handlungskonzept offen --streng

## schema: JSON-Schemas in data/schema/ aus dem Datenmodell neu erzeugen (Hilfe beim Tippen im Editor)
schema: $(VENV)/.runtime
	$(BIN)/python -m handlungskonzept schema

## site: Daten prüfen und die Website atomar nach site/ bauen
site: check
	rm -rf .site-neu
	$(BIN)/mkdocs build --site-dir .site-neu || { rm -rf .site-neu; echo "Bau fehlgeschlagen – site/ bleibt unverändert." >&2; exit 1; }
	if [ -d site ]; then mv site .site-alt; fi
	mv .site-neu site
	rm -rf .site-alt
	@echo "Website gebaut: site/"

## vergleich: was sich für Leserinnen und Leser gegenüber BASIS ändert, z. B. make vergleich BASIS=main (Bericht in .vergleich/)
BASIS ?=
vergleich: $(VENV)/.runtime
	$(BIN)/python -m handlungskonzept vergleich "$(BASIS)"

## vorschau: die Vorschau für die Redaktion (Einstellung HK_VORSCHAU=1) atomar nach vorschau/ bauen
vorschau: check
	rm -rf .vorschau-neu
	HK_VORSCHAU=1 $(BIN)/mkdocs build --site-dir .vorschau-neu || { rm -rf .vorschau-neu; echo "Bau der Vorschau fehlgeschlagen – vorschau/ bleibt unverändert." >&2; exit 1; }
	rm -rf vorschau
	mv .vorschau-neu vorschau
	@echo "Vorschau gebaut: vorschau/"

## urls: Website bauen und ihre neuen Adressen in data/veroeffentlichte-urls.txt aufnehmen
urls: site
	$(BIN)/python -m handlungskonzept urls site

## teilen-bild: Vorschaubild für geteilte Links neu erzeugen (braucht chromium)
teilen-bild:
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,630 \
	  --screenshot=$(CURDIR)/docs/assets/bilder/teilen.png file://$(CURDIR)/macros/handlungskonzept/vorlagen/teilen-bild.html

## serve: Vorschau auf http://127.0.0.1:8000 mit automatischem Neuladen
serve: $(VENV)/.runtime
	$(BIN)/mkdocs serve --dev-addr $(SERVE_ADDR) --watch data --watch macros --watch overrides

## benchmark: Laufzeiten von Prüfung und Bau messen (ändert nichts)
benchmark: $(VENV)/.test
	$(BIN)/python tests/benchmark.py

## test: die ganze Testsuite
test: $(VENV)/.test system-deps $(VENV)/yaml-language-server/.installiert
	$(BIN)/python -m pytest

system-deps:
	@missing=""; for c in $(SYSTEM_COMMANDS); do command -v $$c >/dev/null || [ -x /usr/sbin/$$c ] || missing="$$missing $$c"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installiere Debian-Pakete: $(SYSTEM_PACKAGES)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(SYSTEM_PACKAGES) >/dev/null; \
	  else \
	    echo "Es fehlen:$$missing. Bitte installieren: sudo apt-get install $(SYSTEM_PACKAGES)" >&2; exit 1; \
	  fi; \
	fi

## lock: Lock-Dateien aus pyproject.toml neu erzeugen (braucht pip-tools)
lock:
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --no-emit-index-url --no-emit-find-links --generate-hashes --strip-extras --allow-unsafe -o requirements.lock pyproject.toml
	$(BIN)/pip-compile --quiet --no-emit-index-url --no-emit-find-links --generate-hashes --strip-extras --allow-unsafe --extra test -o requirements-test.lock pyproject.toml

clean:
	rm -rf site .site-neu .site-alt $(VENV)
