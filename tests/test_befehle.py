"""The editor's commands: ``make check`` is quick, settings come from the environment."""
from __future__ import annotations

import re
import resource
import subprocess
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, build_copy


@pytest.mark.baut  # a subprocess: it never sees a mutant, and under make mutation it runs the instrumented copy
def test_make_check_passes_on_the_real_data_in_under_two_seconds():
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(["make", "--silent", "check"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Daten in Ordnung: 10 Regionalkonferenzen")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    assert cpu < 2, f"make check brauchte {cpu:.2f} s Rechenzeit"  # CPU time: other jobs on the machine don't count
    assert wall < 10


def test_site_url_and_edit_base_come_from_the_environment(repo_copy, tmp_path):
    """The edit base reaches the preview's edit links (the published site has none, see test_vorschau)."""
    env = {"HK_SITE_URL": "https://handlungskonzept.test.example/", "HK_BEARBEITEN_URL": "https://git.test.example/edit/",
           "HK_VORSCHAU": "1"}
    result = build_copy(repo_copy, tmp_path / "out", env=env)
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup((tmp_path / "out" / "partner" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.find("link", rel="canonical")["href"] == "https://handlungskonzept.test.example/partner/"
    assert page.find("a", rel="edit")["href"] == "https://git.test.example/edit/docs/partner.md"


def _locked(lock: Path) -> dict[str, list[str]]:
    """Requirement name → its hash lines, from a pip-compile lock file."""
    entries: dict[str, list[str]] = {}
    current = None
    for line in lock.read_text(encoding="utf-8").splitlines():
        if re.match(r"^[A-Za-z0-9_.-]+==", line):
            current = line.split("==")[0].lower()
            entries[current] = []
        elif current and line.strip().startswith("--hash=sha256:"):
            entries[current].append(line.strip())
    return entries


def test_lock_files_pin_the_required_versions_with_hashes():
    for name in ("requirements.lock", "requirements-test.lock"):
        text = (ROOT / name).read_text(encoding="utf-8")
        for pin in ("mkdocs==1.6.1", "mkdocs-material==9.8.2", "mkdocs-macros-plugin==1.5.0"):
            assert f"\n{pin} " in text, (name, pin)
        entries = _locked(ROOT / name)
        assert entries and all(entries.values()), f"{name}: jede Abhängigkeit braucht eine Prüfsumme"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert makefile.count("--require-hashes") >= 2
    assert "exec make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
