"""Press box: permanent absolute URL from site_url and a ready-to-paste citation on every conference page."""
from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import FIXTURE_DATA, MOVED_SITE_URL, ROOT

from handlungskonzept.ausgaben import presse
from handlungskonzept.daten.loader import load
from handlungskonzept.daten.model import OffenerPunkt

FIXTURE = load(FIXTURE_DATA, ROOT / "docs").daten
REAL = load(ROOT / "data", ROOT / "docs").daten


def pressebox(site: Path, url: str) -> tuple[BeautifulSoup, dict[str, str]]:
    soup = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
    box = soup.find("section", class_="hk-pressebox")
    assert box is not None, url
    felder = {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True) for dt in box.find_all("dt")}
    return soup, felder


@pytest.mark.parametrize("k", FIXTURE.regionalkonferenzen, ids=lambda k: k.id)
def test_press_box_has_permalink_and_citation(fixture_site, k):
    soup, felder = pressebox(fixture_site, k.url)
    permalink = felder["Dauerhafte Adresse dieser Seite"]
    assert permalink.startswith("https://") and permalink.endswith(f"/regionalkonferenzen/{k.id}/")
    assert permalink == soup.find("link", rel="canonical")["href"]
    assert felder["Zitiervorschlag"] == (f"Kreis Mettmann: Regionalkonferenz {k.stadt} (Angaben laut Testbericht zu "
                                         f"den Regionalkonferenzen, vom 1. Juni 2027). {permalink}")
    assert felder["Zeit der Angaben"] == "Vom 1. Juni 2027 (die Zeit der Quelle)"
    assert felder["Mit der Quelle verglichen am"] == "30. Juni 2027"
    box = soup.find("section", class_="hk-pressebox")
    assert box.find(["script", "button", "input", "textarea"]) is None, "copying must not need JavaScript"


@pytest.mark.parametrize("k", REAL.regionalkonferenzen, ids=lambda k: k.id)
def test_real_pages_cite_the_source_and_its_time_never_the_check_date(site, k):
    soup, felder = pressebox(site, k.url)
    assert felder["Zitiervorschlag"] == (
        f"Kreis Mettmann: Regionalkonferenz {k.stadt} (Angaben laut Mitteilungsvorlage WP 14-20 SV 50/100, undatiert, "
        f"verfasst zwischen Februar 2017 und Oktober 2020). {felder['Dauerhafte Adresse dieser Seite']}")
    assert "2026" not in felder["Zitiervorschlag"] and "Stand" not in felder["Zitiervorschlag"]
    assert felder["Zeit der Angaben"] == "Undatiert, verfasst zwischen Februar 2017 und Oktober 2020 (die Zeit der Quelle)"
    assert felder["Mit der Quelle verglichen am"] == "2. Dezember 2026"
    assert felder["Pressekontakt"] == "Diese Angabe liegt noch nicht vor."


def test_permalink_follows_site_url(fixture_site_moved):
    _, felder = pressebox(fixture_site_moved, "regionalkonferenzen/hilden/")
    assert felder["Dauerhafte Adresse dieser Seite"] == f"{MOVED_SITE_URL}regionalkonferenzen/hilden/"
    assert felder["Zitiervorschlag"].endswith(". https://presse.example.org/handlungskonzept/regionalkonferenzen/hilden/")


def test_citation_and_permalink_for_a_record(fixture_daten):
    k = fixture_daten.konferenz("hilden")
    assert presse.permalink(k, "https://www.beispiel.test/") == "https://www.beispiel.test/regionalkonferenzen/hilden/"
    assert presse.zitierhinweis(k, fixture_daten.quelle("testbericht-2027"), "https://www.beispiel.test/") == (
        "Kreis Mettmann: Regionalkonferenz Hilden (Angaben laut Testbericht zu den Regionalkonferenzen, vom "
        "1. Juni 2027). https://www.beispiel.test/regionalkonferenzen/hilden/")


def test_calendar_location_is_venue_and_address_or_the_town(fixture_daten):
    k = fixture_daten.konferenz("hilden")
    assert presse.ortsangabe(k) == "Testsaal Hilden, Teststraße 4, Hilden"
    assert presse.ortsangabe(k.model_copy(update={"adresse": None})) == "Testsaal Hilden"
    assert presse.ortsangabe(k.model_copy(update={"ort": None, "adresse": None})) == "Hilden"
    offen = k.model_copy(update={"ort": OffenerPunkt(offen="Saal wird noch gebucht")})
    assert presse.ortsname(offen) == "Hilden"
    assert presse.ortsangabe(offen) == "Hilden, Teststraße 4, Hilden"
