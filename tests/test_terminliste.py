"""Overview: chronological list of held and planned conferences, then the open towns; fits a phone."""
from __future__ import annotations

import datetime as dt
import posixpath
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import FIXTURE_DATA, ROOT

from handlungskonzept.calendar_feed import nach_datum
from handlungskonzept.loader import load

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
    eintraege = terminliste(fixture_site).find("ol").find_all("li", recursive=False)
    daten = [li.find("time")["datetime"] for li in eintraege]
    assert daten == sorted(k.datum.isoformat() for k in FIXTURE.regionalkonferenzen)
    for li in eintraege:
        link = li.find("a")
        assert (fixture_site / target(link["href"]) / "index.html").is_file()
        assert li.find(class_="hk-status").get_text(strip=True) == "Durchgeführt"
    assert terminliste(fixture_site).find("p", class_="hk-terminliste__offen") is None


def test_real_site_lists_planned_then_open_towns(site):
    liste = terminliste(site)
    [hilden] = liste.find("ol").find_all("li", recursive=False)
    k = REAL.konferenz("hilden")
    assert hilden.get_text(" ", strip=True) == f"Termin folgt – Zeitraum: {k.zeitraum} Regionalkonferenz Hilden Geplant"
    offen = liste.find("p", class_="hk-terminliste__offen")
    assert [a.get_text() for a in offen.find_all("a")] == [k.stadt for k in REAL.regionalkonferenzen if k.status.value == "offen"]
    for link in offen.find_all("a"):
        assert (site / target(link["href"]) / "index.html").is_file()


def test_subscription_link_points_at_the_calendar(site, fixture_site):
    for built in (site, fixture_site):
        link = terminliste(built).find("a", string="Alle Termine als Kalender abonnieren (ICS-Datei)")
        assert (built / target(link["href"])).is_file()


def test_every_town_appears_once(site, fixture_site):
    for built in (site, fixture_site):
        links = [target(a["href"]) for a in terminliste(built).find_all("a") if not a["href"].endswith(".ics")]
        assert sorted(map(str, links)) == sorted(f"regionalkonferenzen/{k.id}" for k in REAL.regionalkonferenzen)


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
