"""Redirect pages from data/weiterleitungen.yml: German, noindex, canonical, visible link."""
from __future__ import annotations

from bs4 import BeautifulSoup

from conftest import build_site, copy_data


def build(tmp_path, weiterleitungen: str):
    daten = copy_data(tmp_path / "daten", weiterleitungen=weiterleitungen)
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


def refresh_and_canonical(site, von: str) -> tuple[str, str]:
    page = BeautifulSoup((site / von / "index.html").read_text(encoding="utf-8"), "html.parser")
    return (page.find("meta", attrs={"http-equiv": "refresh"})["content"],
            page.find("link", rel="canonical")["href"])


def test_chains_of_two_and_three_steps_lead_straight_to_the_last_page(tmp_path):
    """A reader never waits for two refreshes: every old address of a chain points at the page itself."""
    result = build(tmp_path, "- von: alt/\n  nach: mittel/\n- von: mittel/\n  nach: regionalkonferenzen/\n"
                             "- von: a/b/\n  nach: c/\n- von: c/\n  nach: d/\n- von: d/\n  nach: partner/\n")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert refresh_and_canonical(site, "alt/") == (
        "0; url=../regionalkonferenzen/", "https://www.beispiel.test/regionalkonferenzen/")
    assert refresh_and_canonical(site, "mittel/") == (
        "0; url=../regionalkonferenzen/", "https://www.beispiel.test/regionalkonferenzen/")
    assert refresh_and_canonical(site, "a/b/") == ("0; url=../../partner/", "https://www.beispiel.test/partner/")
    assert refresh_and_canonical(site, "c/") == ("0; url=../partner/", "https://www.beispiel.test/partner/")
    assert refresh_and_canonical(site, "d/") == ("0; url=../partner/", "https://www.beispiel.test/partner/")


def test_chain_to_a_missing_page_names_every_step(tmp_path):
    result = build(tmp_path, "- von: a/\n  nach: b/\n- von: b/\n  nach: c/\n- von: c/\n  nach: weg/\n")
    assert result.returncode != 0
    assert ("daten/weiterleitungen.yml: Die Weiterleitung von „a/“ führt über „b/“, „c/“ nach „weg/“, "
            "doch diese Seite gibt es nicht.") in result.stderr


def test_redirects_in_a_circle_fail_the_build(tmp_path):
    result = build(tmp_path, "- von: a/\n  nach: b/\n- von: b/\n  nach: c/\n- von: c/\n  nach: a/\n")
    assert result.returncode != 0
    assert ("daten/weiterleitungen.yml: Die Weiterleitungen von „a/“ führen im Kreis: a/ → b/ → c/ → a/. "
            "Eine davon muss auf eine Seite zeigen.") in result.stderr
