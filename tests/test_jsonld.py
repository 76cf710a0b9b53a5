"""schema.org Event as JSON-LD: on every conference page with a date, on no other page."""
from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import FIXTURE_DATA, ROOT

from handlungskonzept.ausgaben import components, presse
from handlungskonzept.daten.dates import MONATE
from handlungskonzept.daten.loader import load
from handlungskonzept.daten.model import Status

FIXTURE = load(FIXTURE_DATA, ROOT / "docs").daten
TESTBERICHT = FIXTURE.quelle("testbericht-2027")
REQUIRED = {"name", "startDate", "eventStatus", "eventAttendanceMode", "location", "organizer", "url", "description"}


def events_by_page(site: Path) -> dict[str, list[dict]]:
    """Every built page → the schema.org Events in its JSON-LD blocks (each block must parse)."""
    result = {}
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        blocks = [json.loads(script.string) for script in soup.find_all("script", type="application/ld+json")]
        result[str(page.parent.relative_to(site)) + "/"] = [b for b in blocks if b.get("@type") == "Event"]
    return result


def test_event_exactly_on_dated_conference_pages(fixture_site):
    found = events_by_page(fixture_site)
    dated = {k.url: k for k in FIXTURE.regionalkonferenzen if k.datum}
    assert {url for url, events in found.items() if events} == set(dated)
    for url, k in dated.items():
        [event] = found[url]
        assert REQUIRED <= event.keys()
        assert event["@context"] == "https://schema.org"
        assert event["name"] == f"Regionalkonferenz {k.stadt}"
        assert event["startDate"] == k.datum.isoformat()
        assert event["eventStatus"] == "https://schema.org/EventScheduled"
        assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
        assert event["location"]["@type"] == "Place" and event["location"]["name"] == k.ort
        assert event["location"]["address"]["streetAddress"] == k.adresse
        assert event["location"]["address"]["addressLocality"] == k.stadt
        assert event["organizer"]["name"] == FIXTURE.partner_by_id()[k.veranstalter].name
        assert event["url"].startswith("https://") and event["url"].endswith(f"/{k.url}")
        assert event["description"] == (
            f"Regionalkonferenz in {k.stadt} zum Handlungskonzept gegen Rechtsextremismus und Rassismus des Kreises "
            f"Mettmann. Laut Testbericht zu den Regionalkonferenzen (vom 1. Juni 2027) fand die Regionalkonferenz in "
            f"{k.stadt} am {event['startDate'][8:].lstrip('0')}. {MONATE[int(event['startDate'][5:7]) - 1]} 2027 statt.")


def test_no_event_anywhere_on_the_real_site_without_dates(site):
    assert not any(events_by_page(site).values())


def test_cancelled_conference_says_so():
    k = FIXTURE.konferenz("hilden").model_copy(update={"status": Status.abgesagt})
    event = presse.event_jsonld(k, FIXTURE.projekt, TESTBERICHT, FIXTURE.partner_by_id(), "https://example.org/")
    assert event["eventStatus"] == "https://schema.org/EventCancelled"


def test_no_date_no_event():
    k = FIXTURE.konferenz("hilden").model_copy(update={"datum": None, "status": Status.geplant})
    assert presse.event_jsonld(k, FIXTURE.projekt, TESTBERICHT, FIXTURE.partner_by_id(), "https://example.org/") is None


def test_editor_text_cannot_break_out_of_the_script_block():
    k = FIXTURE.konferenz("hilden").model_copy(update={"ort": "</script><script>alert(1)</script>"})
    jsonld = presse.event_jsonld(k, FIXTURE.projekt, TESTBERICHT, FIXTURE.partner_by_id(), "https://example.org/")
    html = components.render("konferenz", k=k, quelle=TESTBERICHT, partner=FIXTURE.partner_by_id(), projekt=FIXTURE.projekt, base="../../",
                             kalender="regionalkonferenzen/hilden/termin.ics", dokumente=[], permalink="p", zitat="z",
                             kontakt=None, jsonld=jsonld)
    soup = BeautifulSoup(html, "html.parser")
    [script] = soup.find_all("script")
    assert json.loads(script.string)["location"]["name"] == "</script><script>alert(1)</script>"


def test_event_of_a_conference_states_every_field(fixture_daten):
    d = fixture_daten
    event = presse.event_jsonld(d.konferenz("hilden"), d.projekt, d.quelle("testbericht-2027"), d.partner_by_id(),
                                "https://www.beispiel.test/")
    assert event == {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": "Regionalkonferenz Hilden",
        "startDate": "2027-02-13",
        "endDate": "2027-02-13",
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {"@type": "Place", "name": "Testsaal Hilden", "address": {
            "@type": "PostalAddress", "addressLocality": "Hilden", "addressCountry": "DE",
            "streetAddress": "Teststraße 4, Hilden"}},
        "url": "https://www.beispiel.test/regionalkonferenzen/hilden/",
        "description": "Regionalkonferenz in Hilden zum Handlungskonzept gegen Rechtsextremismus und Rassismus des "
                       "Kreises Mettmann. Laut Testbericht zu den Regionalkonferenzen (vom 1. Juni 2027) fand die "
                       "Regionalkonferenz in Hilden am 13. Februar 2027 statt.",
        "organizer": {"@type": "Organization", "name": "IMAP Institut",
                      "url": "https://www.beispiel.test/partner/#imap-institut"},
    }


def test_event_without_venue_address_or_organizer_names_the_town(fixture_daten):
    d = fixture_daten
    k = d.konferenz("hilden").model_copy(update={"ort": None, "adresse": None, "veranstalter": None,
                                                 "status": Status.geplant})
    event = presse.event_jsonld(k, d.projekt, d.quelle("testbericht-2027"), d.partner_by_id(), "https://example.org/")
    assert event["location"] == {"@type": "Place", "name": "Hilden", "address": {
        "@type": "PostalAddress", "addressLocality": "Hilden", "addressCountry": "DE"}}
    assert "organizer" not in event
    assert event["eventStatus"] == "https://schema.org/EventScheduled"


def test_event_organizer_links_its_own_website(fixture_daten):
    d = fixture_daten
    partner = d.partner_by_id()
    partner["imap-institut"] = partner["imap-institut"].model_copy(update={"website": "https://imap.example.org/"})
    event = presse.event_jsonld(d.konferenz("hilden"), d.projekt, d.quelle("testbericht-2027"), partner,
                                "https://example.org/")
    assert event["organizer"] == {"@type": "Organization", "name": "IMAP Institut", "url": "https://imap.example.org/"}
