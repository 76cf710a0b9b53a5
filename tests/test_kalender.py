"""The .ics calendars: RFC 5545 via icalendar, one event per dated conference, stable and reproducible."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import icalendar
import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import FIXTURE_DATA, ROOT, build_ok

from handlungskonzept import calendar_feed
from handlungskonzept.loader import load

FIXTURE = load(FIXTURE_DATA, ROOT / "docs").daten
ABGESAGT = "velbert"


def calendar_of(site: Path, path: str) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical((site / path).read_bytes())


def ics_files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*.ics"))}


@pytest.fixture(scope="module")
def cancelled_site(tmp_path_factory) -> Path:
    """The complete data with one conference cancelled (a cancelled one has no participants or results)."""
    data = tmp_path_factory.mktemp("daten-abgesagt")
    for source in FIXTURE_DATA.glob("*.yml"):
        shutil.copy(source, data / source.name)
    konferenzen = yaml.safe_load((data / "regionalkonferenzen.yml").read_text(encoding="utf-8"))
    for k in konferenzen:
        if k["id"] == ABGESAGT:
            k["status"] = "abgesagt"
            for field in ("teilnehmende", "ergebnisse", "zusammenfassung"):
                del k[field]
    (data / "regionalkonferenzen.yml").write_text(yaml.safe_dump(konferenzen, allow_unicode=True), encoding="utf-8")
    projekt = (data / "projekt.yml").read_text(encoding="utf-8")
    (data / "projekt.yml").write_text(projekt.replace("konferenzen_durchgefuehrt_laut_quelle: 10",
                                                      "konferenzen_durchgefuehrt_laut_quelle: 9"), encoding="utf-8")
    return build_ok(tmp_path_factory.mktemp("site-abgesagt"), data_dir=data)


def test_termine_ics_has_one_event_per_dated_conference(fixture_site):
    calendar = calendar_of(fixture_site, "regionalkonferenzen/termine.ics")
    dated = [k for k in FIXTURE.regionalkonferenzen if k.datum]
    assert len(calendar.events) == len(dated) == 10
    events = {str(e["UID"]): e for e in calendar.events}
    canonical = BeautifulSoup((fixture_site / "regionalkonferenzen/hilden/index.html").read_text(encoding="utf-8"),
                              "html.parser").find("link", rel="canonical")["href"]
    site_url = canonical.removesuffix("regionalkonferenzen/hilden/")
    for k in dated:
        event = events[f"regionalkonferenz-{k.id}@handlungskonzept.kreis-mettmann"]
        assert event["SUMMARY"] == f"Regionalkonferenz {k.stadt}"
        assert event.start == k.datum and not isinstance(event.start, dt.datetime), "all-day date"
        assert event.end == k.datum + dt.timedelta(days=1)
        assert str(event["URL"]) == f"{site_url}regionalkonferenzen/{k.id}/"
        assert str(event["LOCATION"]) == f"{k.ort}, {k.adresse}"
        assert str(event["STATUS"]) == "CONFIRMED"
        assert event.DTSTAMP == dt.datetime(2027, 6, 30, tzinfo=dt.timezone.utc), "the data's check date"
        assert str(event["DESCRIPTION"]).startswith(
            f"Regionalkonferenz in {k.stadt} zum Handlungskonzept gegen Rechtsextremismus und Rassismus des Kreises "
            f"Mettmann. Laut Testbericht zu den Regionalkonferenzen (vom 1. Juni 2027) fand die Regionalkonferenz in "
            f"{k.stadt} am ")
    assert [e.start for e in calendar.events] == sorted(k.datum for k in dated)


def test_calendar_properties_follow_rfc_7986(fixture_site):
    raw = (fixture_site / "regionalkonferenzen/termine.ics").read_bytes().decode("utf-8")
    assert "\r\nREFRESH-INTERVAL;VALUE=DURATION:P1D\r\n" in raw
    calendar = calendar_of(fixture_site, "regionalkonferenzen/termine.ics")
    assert str(calendar["SOURCE"]).endswith("/regionalkonferenzen/termine.ics")
    assert str(calendar["UID"]) == "regionalkonferenzen-termine@handlungskonzept.kreis-mettmann"


def test_each_dated_conference_has_its_own_ics_with_the_same_uid(fixture_site):
    for k in FIXTURE.regionalkonferenzen:
        calendar = calendar_of(fixture_site, f"regionalkonferenzen/{k.id}/termin.ics")
        [event] = calendar.events
        assert str(event["UID"]) == calendar_feed.uid(k)


def test_two_builds_are_byte_identical(fixture_site, fixture_site_rebuilt):
    first, second = ics_files(fixture_site), ics_files(fixture_site_rebuilt)
    assert len(first) == 11
    assert first == second


def test_cancelled_conference_is_cancelled_not_removed(fixture_site, cancelled_site):
    calendar = calendar_of(cancelled_site, "regionalkonferenzen/termine.ics")
    statuses = {str(e["UID"]): str(e["STATUS"]) for e in calendar.events}
    before = {str(e["UID"]) for e in calendar_of(fixture_site, "regionalkonferenzen/termine.ics").events}
    assert set(statuses) == before, "same UIDs: subscribers see the event change, never a duplicate"
    assert {uid for uid, status in statuses.items() if status == "CANCELLED"} == \
        {calendar_feed.uid(FIXTURE.konferenz(ABGESAGT))}
    assert set(statuses.values()) == {"CANCELLED", "CONFIRMED"}
    [event] = calendar_of(cancelled_site, f"regionalkonferenzen/{ABGESAGT}/termin.ics").events
    assert str(event["STATUS"]) == "CANCELLED"
    page = BeautifulSoup((cancelled_site / f"regionalkonferenzen/{ABGESAGT}/index.html").read_text(encoding="utf-8"),
                         "html.parser")
    box = page.find("aside", class_="hk-faktenbox")
    assert "(abgesagt)" in box.get_text()
    assert box.find("a", string="Zum Kalender hinzufügen (ICS-Datei)") is None


def test_real_site_publishes_a_valid_calendar_before_the_first_date(site):
    calendar = calendar_of(site, "regionalkonferenzen/termine.ics")
    assert calendar.events == []
    assert [c.name for c in calendar.subcomponents] == ["VTIMEZONE"], "RFC 5545 wants at least one component"
    assert sorted(str(p.relative_to(site)) for p in site.rglob("*.ics")) == ["regionalkonferenzen/termine.ics"]


def test_dtstamp_is_the_check_date_never_the_clock():
    k = FIXTURE.konferenz("hilden")
    event = calendar_feed.vevent(k, FIXTURE.projekt, FIXTURE.quelle(k.quelle), "https://example.org/")
    assert event.DTSTAMP == dt.datetime(2027, 6, 30, tzinfo=dt.timezone.utc)
