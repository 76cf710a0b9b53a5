"""Overview: the conferences with a date or period in calendar order, each with its source; fits a phone."""
from __future__ import annotations

import datetime as dt
import posixpath
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import FIXTURE_DATA, ROOT

from handlungskonzept.ausgaben.calendar_feed import nach_datum
from handlungskonzept.daten.loader import load

FIXTURE = load(FIXTURE_DATA, ROOT / "docs").daten
REAL = load(ROOT / "data", ROOT / "docs").daten
OVERVIEW = "regionalkonferenzen/"


def terminliste(site: Path) -> BeautifulSoup:
    soup = BeautifulSoup((site / OVERVIEW / "index.html").read_text(encoding="utf-8"), "html.parser")
    liste = soup.find("div", class_="hk-terminliste")
    assert liste is not None
    return liste


def target(href: str) -> Path:
    return Path(posixpath.normpath(posixpath.join("/" + OVERVIEW, href)).lstrip("/"))


def test_held_conferences_in_date_order_with_working_links(fixture_site):
    eintraege = terminliste(fixture_site).find("ul").find_all("li", recursive=False)
    daten = [li.find("time")["datetime"] for li in eintraege]
    assert daten == sorted(k.datum.isoformat() for k in FIXTURE.regionalkonferenzen)
    for li in eintraege:
        link = li.find("a")
        assert (fixture_site / target(link["href"]) / "index.html").is_file()
        assert li.find(class_="hk-status").get_text(strip=True) == "Durchgeführt"
        assert li.find(class_="hk-status__quelle").get_text(" ", strip=True) == (
            "(laut Testbericht zu den Regionalkonferenzen , 01.06.2027)")


def test_real_site_lists_hilden_with_its_source_and_offers_no_empty_calendar(site):
    liste = terminliste(site)
    [hilden] = liste.find("ul").find_all("li", recursive=False)
    assert hilden.get_text(" ", strip=True) == (
        "Kein Datum; vorgesehen war ein erstes Quartal, das Jahr nennt die Vorlage nicht Regionalkonferenz Hilden "
        "Geplant (laut Mitteilungsvorlage WP 14-20 SV 50/100 , 2017–2020)")
    assert (site / target(hilden.find("a")["href"]) / "index.html").is_file()
    assert liste.find("a", string="Alle Termine als Kalender abonnieren (ICS-Datei)") is None
    assert liste.find_all("p")[-1].get_text(strip=True) == "Ein Datum nennt keine Quelle. Darum gibt es keine Kalendereinträge."


def test_subscription_link_points_at_the_calendar(fixture_site):
    link = terminliste(fixture_site).find("a", string="Alle Termine als Kalender abonnieren (ICS-Datei)")
    assert (fixture_site / target(link["href"])).is_file()


def test_dated_conferences_sorted_by_date_then_town():
    hilden, haan, erkrath = (FIXTURE.konferenz(i) for i in ("hilden", "haan", "erkrath"))
    same_day = haan.model_copy(update={"datum": dt.date(2027, 1, 10)})
    undated = hilden.model_copy(update={"datum": None})
    assert [k.id for k in nach_datum([undated, same_day, erkrath])] == ["erkrath", "haan"]


def test_overview_fits_a_phone(browser, site, fixture_site):
    """375 px wide, no JavaScript: nothing wider than the screen."""
    context = browser.new_context(viewport={"width": 375, "height": 800}, java_script_enabled=False)
    page = context.new_page()
    try:
        for built in (site, fixture_site):
            page.goto((built / OVERVIEW / "index.html").as_uri())
            assert page.locator(".hk-terminliste").is_visible()
            for selector in (".hk-terminliste", ".hk-statusuebersicht table"):
                box = page.locator(selector).bounding_box()
                assert box["x"] >= 0 and box["x"] + box["width"] <= 375, selector
    finally:
        context.close()
