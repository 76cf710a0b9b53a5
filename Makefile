# Zwei Befehle genügen auf einem frischen Debian mit python3, python3-venv und make:
#   make site   – baut die veröffentlichte Website nach site/ (atomar: bei Fehlern bleibt site/ unverändert)
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
# Debian-Pakete, die die Browser- und Servertests und der Test der Editor-Hilfe (YAML-Sprachserver) brauchen,
# je als Befehl=Paket; ffmpeg erzeugt das Testvideo. Installiert wird nur, was fehlt: Node.js aus anderer Quelle
# bringt npm schon mit, und Debians npm ließe sich daneben nicht installieren.
SYSTEM_DEPS := chromium=chromium nginx=nginx-light pdftotext=poppler-utils node=nodejs npm=npm ffmpeg=ffmpeg
# Debian-Pakete, die schon der Bau braucht, je als Datei=Paket: die deutsche Wortliste, mit der die Suche
# zusammengesetzte Wörter zerlegt, sowie Pango und die Schrift Open Sans für das Gesamtdokument (PDF).
LIBDIR := /usr/lib/$(shell uname -m)-linux-gnu
SITE_DEPS := /usr/share/dict/ngerman=wngerman $(LIBDIR)/libpango-1.0.so.0=libpango-1.0-0 \
  $(LIBDIR)/libpangoft2-1.0.so.0=libpangoft2-1.0-0 /usr/share/fonts/truetype/open-sans/OpenSans-Regular.ttf=fonts-open-sans

.PHONY: site vorschau test serve check benchmark offen freigabe lock clean system-deps site-deps urls teilen-bild \
        beitrag veroeffentlichen zurueck schema vergleich mutation

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: requirements.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	touch $@

$(VENV)/.test: requirements-test.lock $(VENV)/.runtime
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements-test.lock
	touch $@

$(VENV)/.mutation: requirements-mutation.lock $(VENV)/.test
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements-mutation.lock
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

## site: Daten prüfen und die veröffentlichte Website atomar nach site/ bauen (ohne Entwürfe;
##   Prüfung und Bau in einem Prozess)
site: $(VENV)/.runtime site-deps
	$(BIN)/python macros/bau.py site

## vorschau: die Vorschau der Redaktion nach vorschau/ bauen (Entwürfe, Bearbeiten-Links, noindex)
vorschau: $(VENV)/.runtime site-deps
	$(BIN)/python macros/bau.py vorschau --vorschau

## beitrag: neuen Beitrag unter „Aktuelles“ als Entwurf anlegen, z. B. make beitrag TITEL="Neuer Termin"
beitrag: $(VENV)/.runtime
	$(BIN)/python -m handlungskonzept beitrag "$(TITEL)"

## veroeffentlichen: Freigabe prüfen, bauen, nach ZIEL/releases/ kopieren und ZIEL/aktuell umschalten
##   (TESTSYSTEM=1: trotz offener Punkte, mit noindex)
veroeffentlichen: check site-deps
	$(if $(ZIEL),,$(error Bitte ZIEL angeben, z. B. make veroeffentlichen ZIEL=/var/www/handlungskonzept))
	$(BIN)/python -m handlungskonzept veroeffentlichen "$(ZIEL)" $(if $(filter 1,$(TESTSYSTEM)),--testsystem)

## zurueck: ZIEL/aktuell auf die vorige veröffentlichte Fassung zurückschalten
zurueck: $(VENV)/.runtime
	$(if $(ZIEL),,$(error Bitte ZIEL angeben, z. B. make zurueck ZIEL=/var/www/handlungskonzept))
	$(BIN)/python -m handlungskonzept zurueck "$(ZIEL)"

## vergleich: was sich für Leserinnen und Leser gegenüber BASIS ändert, z. B. make vergleich BASIS=main (Bericht in .vergleich/)
BASIS ?=
vergleich: $(VENV)/.runtime
	$(BIN)/python -m handlungskonzept vergleich "$(BASIS)"

## urls: Website bauen und ihre neuen Adressen in data/veroeffentlichte-urls.txt aufnehmen
urls: site
	$(BIN)/python -m handlungskonzept urls site

## teilen-bild: Vorschaubild für geteilte Links neu erzeugen (braucht chromium)
teilen-bild:
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,630 \
	  --screenshot=$(CURDIR)/docs/assets/bilder/teilen.png file://$(CURDIR)/macros/handlungskonzept/ausgaben/vorlagen/teilen-bild.html

## serve: Vorschau der Redaktion auf http://127.0.0.1:8000 mit automatischem Neuladen
serve: $(VENV)/.runtime site-deps
	HK_VORSCHAU=1 $(BIN)/mkdocs serve --dev-addr $(SERVE_ADDR) --watch data --watch macros --watch overrides

## benchmark: Bau, make site, Prüfung, Übertragung, Suche und Wachstum messen, mit Zielen (ändert nichts)
benchmark: $(VENV)/.test system-deps site-deps
	$(BIN)/python tests/benchmark.py

## test: die ganze Testsuite, in TEST_JOBS Prozessen nebeneinander (Standard 2; eine Datei bleibt in einem Prozess)
TEST_JOBS ?= 2
test: $(VENV)/.test system-deps site-deps $(VENV)/yaml-language-server/.installiert
	$(BIN)/python -m pytest -n $(TEST_JOBS) --dist loadfile

## mutation: Mutationstests für macros/handlungskonzept/ und macros/*_hooks.py (dauert lange, nicht Teil von make test)
# MUTATION_JOBS: parallele Läufe (Standard 1, um geteilte Rechner nicht zu belegen).
# MUTANTEN: nur diese Mutanten, z. B. MUTANTEN='handlungskonzept.ausgaben.text.*'; leer = alle.
MUTATION_JOBS ?= 1
MUTANTEN ?=
mutation: $(VENV)/.mutation system-deps site-deps $(VENV)/yaml-language-server/.installiert
	mkdir -p .mutation/mutants
	git ls-files -z --cached --others --exclude-standard | grep -zv '^macros/' | xargs -0 cp --parents -t .mutation/mutants
	for name in tests pyproject.toml; do ln -sfn ../$$name .mutation/$$name; done
	ln -sfn ../macros .mutation/src
	ln -sfn ../../shared .mutation/shared  # shared/ beside the clone, one level up as from the clone itself
	ln -sfn src .mutation/mutants/macros
	ln -sfn $(CURDIR)/$(VENV) .mutation/mutants/.venv
	cd .mutation && env -u PYTHONPATH nice -n 10 ../$(BIN)/mutmut run --max-children $(MUTATION_JOBS) $(MUTANTEN) || true
	$(BIN)/python tests/mutation/auswertung.py
# Fehlen Pakete ($$packages), installiert es sie als root, sonst nennt es sie.
install_or_name = if [ -n "$$packages" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installiere Debian-Pakete:$$packages"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$packages >/dev/null; \
	  else \
	    echo "Es fehlen Debian-Pakete$(1). Bitte installieren: sudo apt-get install$$packages" >&2; exit 1; \
	  fi; \
	fi

system-deps:
	@packages=""; for pair in $(SYSTEM_DEPS); do c=$${pair%%=*}; \
	  command -v $$c >/dev/null || [ -x /usr/sbin/$$c ] || packages="$$packages $${pair#*=}"; done; \
	$(call install_or_name)

site-deps:
	@packages=""; for pair in $(SITE_DEPS); do [ -f $${pair%%=*} ] || packages="$$packages $${pair#*=}"; done; \
	$(call install_or_name, (deutsche Wortliste für die Suche; Pango und Schrift für das PDF))

## lock: Lock-Dateien aus pyproject.toml neu erzeugen (braucht pip-tools)
lock:
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --no-emit-index-url --no-emit-find-links --generate-hashes --strip-extras --allow-unsafe -o requirements.lock pyproject.toml
	$(BIN)/pip-compile --quiet --no-emit-index-url --no-emit-find-links --generate-hashes --strip-extras --allow-unsafe --extra test -o requirements-test.lock pyproject.toml
	$(BIN)/pip-compile --quiet --no-emit-index-url --no-emit-find-links --generate-hashes --strip-extras --allow-unsafe --extra test --extra mutation -o requirements-mutation.lock pyproject.toml

clean:
	rm -rf site vorschau .site-neu-* .vorschau-neu-* .mutation $(VENV)
