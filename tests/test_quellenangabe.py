"""The chapter footer names the source, links its copy under docs/quellen/ and shows the data's stand."""
from __future__ import annotations

import datetime as dt
import re

from bs4 import BeautifulSoup

from conftest import ROOT
from handlungskonzept import components
from handlungskonzept.loader import load



def projekt():
    return load(ROOT / "data").daten.projekt


def test_footer_links_the_source_copy_and_shows_stand():
    html = components.render("quellenangabe", projekt=projekt(), base="../")
    footer = BeautifulSoup(html, "html.parser").find(class_="hk-quellenangabe")
    link = footer.find("a", string="Mitteilungsvorlage WP 14-20 SV 50/100")
    assert link["href"] == "../quellen/mitteilungsvorlage-wp-14-20-sv-50-100.txt"
    assert (ROOT / "docs" / projekt().quelle.datei).is_file()
    time = footer.find_all("time")[-1]
    assert time["datetime"] == projekt().stand.isoformat()
    text = " ".join(footer.get_text(" ").split())
    assert "Angaben zuletzt geprüft am: 25. November 2026" in text
    assert "Die Vorlage selbst nennt kein Datum." in text


def test_footer_shows_the_date_of_a_dated_source():
    datiert = projekt().model_copy(update={"quelle": projekt().quelle.model_copy(update={"datum": dt.date(2017, 3, 1)})})
    footer = BeautifulSoup(components.render("quellenangabe", projekt=datiert, base=""), "html.parser")
    text = " ".join(footer.get_text(" ").split())
    assert "Mitteilungsvorlage WP 14-20 SV 50/100 vom 1. März 2017 an Integrationsrat" in text
    assert "nennt kein Datum" not in text
    assert [t["datetime"] for t in footer.find_all("time")] == ["2017-03-01", projekt().stand.isoformat()]


def test_footer_without_source_file_names_the_source_as_text():
    ohne_datei = projekt().model_copy(update={"quelle": projekt().quelle.model_copy(update={"datei": None})})
    footer = BeautifulSoup(components.render("quellenangabe", projekt=ohne_datei, base=""), "html.parser")
    assert "Mitteilungsvorlage WP 14-20 SV 50/100" in footer.get_text()
    assert footer.find("a", string="Mitteilungsvorlage WP 14-20 SV 50/100") is None


def test_source_link_resolves_on_every_built_chapter(site):
    """Every chapter that calls the macro shows the footer, and its links resolve."""
    calling = [page for page in (ROOT / "docs").rglob("*.md")
               if re.search(r"\{\{\s*quellenangabe\(", page.read_text(encoding="utf-8"))]
    checked = 0
    for page in site.rglob("index.html"):
        footer = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find(class_="hk-quellenangabe")
        if footer is None:
            continue
        checked += 1
        for link in footer.find_all("a", href=True):
            assert (page.parent / link["href"]).resolve().exists(), f"{page}: {link['href']}"
    assert calling and checked == len(calling), f"{checked} Fußzeilen, {len(calling)} Kapitel mit quellenangabe()"
