"""Timing figures for the engine; not a pytest module (run: ``PYTHONPATH=macros .venv/bin/python tests/benchmark.py``).

Prints: ``make check`` time, build time with the real data, and build time with 300
conference records. The published data may hold only the ten towns, so the large
data set is built in this process after adding 290 invented test towns to the town
list (``STAEDTE``) – a route that exists only here, the real rules stay untouched.
The figure that matters is how the cost of one generated page grows: the menu is
embedded in every page, so conference pages stay out of it and a page's size must
not grow with the number of records.
"""
from __future__ import annotations

import copy
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "daten-vollstaendig"
RECORDS = 300


def timed(label: str, action) -> float:
    start = time.perf_counter()
    action()
    seconds = time.perf_counter() - start
    print(f"{label:<58} {seconds:6.2f} s")
    return seconds


def run(command: list[str], **env: str) -> None:
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "macros"), "NO_MKDOCS_2_WARNING": "1", **env}
    result = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(result.stdout + result.stderr)


def synthesise(target: Path) -> dict[str, str]:
    """The complete fixture data plus invented towns up to ``RECORDS`` conferences; returns the new towns."""
    for source in FIXTURE.iterdir():
        (target / source.name).write_bytes(source.read_bytes())
    records = yaml.safe_load((FIXTURE / "regionalkonferenzen.yml").read_text(encoding="utf-8"))
    towns = {}
    for number in range(1, RECORDS - len(records) + 1):
        record = copy.deepcopy(records[number % len(records)])
        town_id, name = f"teststadt-{number:03d}", f"Teststadt {number:03d}"
        record.update(id=town_id, stadt=name, quelle=f"Erfundene Benchmark-Daten für {name}")
        records.append(record)
        towns[town_id] = name
    (target / "regionalkonferenzen.yml").write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False),
                                                    encoding="utf-8")
    return towns


def build_in_process(data: Path, site: Path) -> None:
    """``mkdocs build`` without a new interpreter, so that the test towns added to STAEDTE are seen."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ["HK_DATEN"] = str(data)
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def page_bytes(site: Path, town: str) -> int:
    return (site / "regionalkonferenzen" / town / "index.html").stat().st_size


def main() -> None:
    sys.path.insert(0, str(ROOT / "macros"))
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    import logging

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    from handlungskonzept.model import STAEDTE

    work = Path(tempfile.mkdtemp(prefix="hk-benchmark-"))
    try:
        measure(work, STAEDTE)
    finally:
        shutil.rmtree(work)


def measure(work: Path, staedte: dict[str, str]) -> None:
    print(f"Benchmark ({os.cpu_count()} CPU-Kerne; Zeiten schwanken, wenn andere Prozesse laufen)")
    timed("make check (Datenprüfung, eigener Prozess)", lambda: run(["make", "--silent", "check"]))
    timed("mkdocs build, echte Daten (eigener Prozess)",
          lambda: run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(work / "echt")]))

    small = work / "daten-10"
    small.mkdir()
    for source in FIXTURE.iterdir():
        (small / source.name).write_bytes(source.read_bytes())
    ten = timed("Bau im Prozess, 10 Konferenzen (Testdaten)", lambda: build_in_process(small, work / "site-10"))

    large = work / f"daten-{RECORDS}"
    large.mkdir()
    staedte.update(synthesise(large))  # test-only route: invented towns, never in the published data
    many = timed(f"Bau im Prozess, {RECORDS} Konferenzen (erfundene Städte)",
                 lambda: build_in_process(large, work / f"site-{RECORDS}"))

    pages = RECORDS - 10
    print(f"{'Mehrkosten je zusätzlicher Konferenzseite':<58} {(many - ten) / pages * 1000:6.1f} ms")
    small_page, large_page = page_bytes(work / "site-10", "hilden"), page_bytes(work / f"site-{RECORDS}", "hilden")
    print(f"{'Größe der Seite Hilden bei 10 / ' + str(RECORDS) + ' Konferenzen':<58} {small_page} / {large_page} Bytes")


if __name__ == "__main__":
    main()
