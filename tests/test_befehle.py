"""The editor's commands: ``make check`` is quick, settings come from the environment."""
from __future__ import annotations

import resource
import subprocess
import time

from bs4 import BeautifulSoup

from conftest import ROOT, build_copy


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
    env = {"HK_SITE_URL": "https://handlungskonzept.test.example/", "HK_BEARBEITEN_URL": "https://git.test.example/edit/"}
    result = build_copy(repo_copy, tmp_path / "out", env=env)
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup((tmp_path / "out" / "partner" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.find("link", rel="canonical")["href"] == "https://handlungskonzept.test.example/partner/"
    assert page.find("a", rel="edit")["href"] == "https://git.test.example/edit/docs/partner.md"
