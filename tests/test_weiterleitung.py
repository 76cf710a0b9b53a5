"""Redirect pages from data/weiterleitungen.yml: German, noindex, canonical, visible link."""
from __future__ import annotations

import shutil

from bs4 import BeautifulSoup

from conftest import FIXTURE_DATA, build_site


def build(tmp_path, weiterleitungen: str):
    daten = tmp_path / "daten"
    shutil.copytree(FIXTURE_DATA, daten)
    (daten / "weiterleitungen.yml").write_text(weiterleitungen, encoding="utf-8")
    return build_site(tmp_path / "site", data_dir=daten, env={"HK_SITE_URL": "https://www.beispiel.test/"})


def test_redirect_page_leads_to_the_new_place(tmp_path):
    result = build(tmp_path, "- von: alt/konferenzen/\n  nach: regionalkonferenzen/\n- von: start/\n  nach: ''\n")
    assert result.returncode == 0, result.stderr
    page = tmp_path / "site/alt/konferenzen/index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert soup.html["lang"] == "de" and len(soup.find_all("h1")) == 1
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert soup.find("link", rel="canonical")["href"] == "https://www.beispiel.test/regionalkonferenzen/"
    assert soup.find("meta", attrs={"http-equiv": "refresh"})["content"] == "0; url=../../regionalkonferenzen/"
    link = soup.find("main").find("a")
    assert (page.parent / link["href"] / "index.html").resolve().is_file()
    home = BeautifulSoup((tmp_path / "site/start/index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.find("link", rel="canonical")["href"] == "https://www.beispiel.test/"


def test_redirect_to_a_missing_page_fails_the_build(tmp_path):
    result = build(tmp_path, "- von: alt/\n  nach: gibt-es-nicht/\n")
    assert result.returncode != 0
    assert "führt nach „gibt-es-nicht/“, doch diese Seite gibt es nicht" in result.stderr


def test_redirect_may_not_hide_an_existing_page(tmp_path):
    result = build(tmp_path, "- von: partner/\n  nach: regionalkonferenzen/\n")
    assert result.returncode != 0
    assert "Von „partner/“ soll weitergeleitet werden, doch dort steht eine Seite" in result.stderr
