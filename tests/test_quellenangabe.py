"""The page footer names the sources, links their copies under docs/quellen/ and the time they speak for."""
from __future__ import annotations

import datetime as dt
import re

from bs4 import BeautifulSoup

from conftest import ROOT
from handlungskonzept.ausgaben import components
from handlungskonzept.daten.loader import load
from handlungskonzept.daten.model import Zeit



def vorlage():
    return load(ROOT / "data").daten.quelle("vorlage-sv-50-100")


def footer_of(*quellen):
    html = components.render("quellenangabe", quellen=list(quellen), base="../")
    footer = BeautifulSoup(html, "html.parser").find(class_="hk-quellenangabe")
    return footer, " ".join(footer.get_text(" ").split())


def test_footer_links_the_source_copy_and_names_its_time_not_the_check_date():
    footer, text = footer_of(vorlage())
    link = footer.find("a", string="Mitteilungsvorlage WP 14-20 SV 50/100")
    assert link["href"] == "../quellen/mitteilungsvorlage-wp-14-20-sv-50-100.txt"
    assert (ROOT / "docs" / vorlage().datei).is_file()
    assert text == ("Quelle: Mitteilungsvorlage WP 14-20 SV 50/100 (undatiert, verfasst zwischen Februar 2017 und "
                    "Oktober 2020). Die Angaben dieser Seite geben wieder, was die Quelle zu ihrer Zeit berichtete. "
                    "Alle Quellen")
    assert footer.find("time") is None


def test_footer_shows_the_date_of_a_dated_source_and_several_sources():
    datiert = vorlage().model_copy(update={"id": "neu", "titel": "Pressemitteilung", "datei": None,
                                           "zeit": Zeit(datum=dt.date(2027, 3, 1))})
    footer, text = footer_of(vorlage(), datiert)
    assert text.startswith("Quellen: Mitteilungsvorlage WP 14-20 SV 50/100 (undatiert, verfasst zwischen Februar 2017 "
                           "und Oktober 2020); Pressemitteilung (vom 1. März 2027). Die Angaben dieser Seite geben "
                           "wieder, was die Quellen zu ihrer jeweiligen Zeit berichteten.")
    assert footer.find("a", string="Pressemitteilung") is None, "no file, no link"


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
