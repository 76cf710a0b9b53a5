"""``make site`` (``macros/bau.py``) replaces ``site/`` only after a successful build; a failure leaves it byte
for byte. It loads no module the build does not use."""
from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` with the SHA-256 of its bytes."""
    return {str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def make_site(repo: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "site"], cwd=repo, capture_output=True, text=True, timeout=300)


def test_failed_builds_leave_site_unchanged(repo_copy):
    first = make_site(repo_copy)
    assert first.returncode == 0, first.stdout + first.stderr
    before = fingerprint(repo_copy / "site")
    assert "regionalkonferenzen/hilden/index.html" in before and len(before) > 20
    entries = sorted(p.name for p in repo_copy.iterdir())
    assert ".site-neu" not in entries and ".site-alt" not in entries

    # 1. Broken data: stopped by the check before anything is built.
    data = repo_copy / "data" / "regionalkonferenzen.yml"
    good = data.read_text(encoding="utf-8")
    broken = good.replace("  status: geplant", "  status: gepant", 1)
    data.write_text(broken, encoding="utf-8")
    line = broken.split("\n").index("  status: gepant") + 1
    result = make_site(repo_copy)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"data/regionalkonferenzen.yml, Zeile {line}, Spalte 3 – Feld „" in output and "Unbekannter Wert" in output
    assert "Traceback" not in output
    assert fingerprint(repo_copy / "site") == before
    data.write_text(good, encoding="utf-8")

    # 2. Data and pages fine, but the text check after the build fails: MkDocs has written every page
    #    of the new site into the temporary folder by then (on_post_build runs last). (An outside image
    #    would now be refused earlier, by the PDF's resource check.)
    page = repo_copy / "docs" / "partner.md"
    good_page = page.read_text(encoding="utf-8")
    page.write_text(good_page + "\nDer Termin folgt.\n", encoding="utf-8")
    line = page.read_text(encoding="utf-8").split("\n").index("Der Termin folgt.") + 1
    result = make_site(repo_copy)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Fehler im Text – die Website wurde nicht veröffentlicht" in output and "site/ bleibt unverändert" in output
    assert (f"docs/partner.md, Zeile {line} – Feld „Text“ – Wert „Der Termin folgt.“: „Termin folgt“ verspricht "
            "etwas") in output, output
    assert fingerprint(repo_copy / "site") == before
    assert sorted(p.name for p in repo_copy.iterdir()) == entries  # no temporary folder left behind
    page.write_text(good_page, encoding="utf-8")

    # 3. A tab in mkdocs.yml: the check names file and line in German (MkDocs alone would not).
    config = repo_copy / "mkdocs.yml"
    good = config.read_text(encoding="utf-8")
    config.write_text(good.replace("\n  custom_dir: overrides\n", "\n\tcustom_dir: overrides\n", 1), encoding="utf-8")
    line = config.read_text(encoding="utf-8").split("\n").index("\tcustom_dir: overrides") + 1
    result = make_site(repo_copy)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"mkdocs.yml, Zeile {line}, Spalte 1: Tabulatorzeichen gefunden" in output
    assert "Traceback" not in output
    assert fingerprint(repo_copy / "site") == before
    assert sorted(p.name for p in repo_copy.iterdir()) == entries


DEFERRED = """
import sys
import bau
import mkdocs_macros.util
print("urllib3" in sys.modules, mkdocs_macros.util.requests.get.__module__, "urllib3" in sys.modules)
"""


def test_make_site_loads_requests_only_when_a_page_would_use_it():
    """mkdocs-macros imports requests for remote includes; the build gets a stand-in that loads it on first use."""
    result = subprocess.run([sys.executable, "-c", DEFERRED], capture_output=True, text=True, check=True,
                            env={"PYTHONPATH": str(ROOT / "macros")})
    assert result.stdout == "False requests.api True\n"


def test_make_site_collects_no_garbage_while_it_starts():
    """Until the build starts (``build_hooks.on_startup``), everything make site loads stays loaded."""
    result = subprocess.run([sys.executable, "-c", "import gc, bau; print(gc.isenabled())"], capture_output=True,
                            text=True, check=True, env={"PYTHONPATH": str(ROOT / "macros")})
    assert result.stdout == "False\n"
