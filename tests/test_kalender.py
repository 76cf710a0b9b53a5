"""The .ics calendars: RFC 5545 via icalendar, one event per dated conference, stable and reproducible."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import icalendar
import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import FIXTURE_DATA, build_ok

from handlungskonzept.ausgaben import calendar_feed, calendar_ics
from handlungskonzept.daten.model import Status

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
    projekt = data / "projekt.yml"  # the source's count of held conferences drops by the cancelled one
    projekt.write_text(projekt.read_text(encoding="utf-8").replace(
        "konferenzen_durchgefuehrt_laut_quelle: 10", "konferenzen_durchgefuehrt_laut_quelle: 9"), encoding="utf-8")
    return build_ok(tmp_path_factory.mktemp("site-abgesagt"), data_dir=data)


#: The conferences of the complete test data as its YAML states them, in date order: id, town, date.
TERMINE = [("erkrath", "Erkrath", dt.date(2027, 1, 10)), ("haan", "Haan", dt.date(2027, 1, 11)),
           ("heiligenhaus", "Heiligenhaus", dt.date(2027, 2, 12)), ("hilden", "Hilden", dt.date(2027, 2, 13)),
           ("langenfeld", "Langenfeld", dt.date(2027, 3, 14)), ("mettmann", "Mettmann", dt.date(2027, 3, 15)),
           ("monheim-am-rhein", "Monheim am Rhein", dt.date(2027, 4, 16)), ("ratingen", "Ratingen", dt.date(2027, 4, 17)),
           ("velbert", "Velbert", dt.date(2027, 5, 18)), ("wuelfrath", "Wülfrath", dt.date(2027, 5, 19))]


def test_termine_ics_has_one_event_per_dated_conference(fixture_site):
    calendar = calendar_of(fixture_site, "regionalkonferenzen/termine.ics")
    site_url = "https://handlungskonzept.example.invalid/"  # mkdocs.yml without HK_SITE_URL
    assert len(calendar.events) == 10
    for nummer, (event, (town, stadt, datum)) in enumerate(zip(calendar.events, TERMINE, strict=True), 1):
        assert str(event["UID"]) == f"regionalkonferenz-{town}@handlungskonzept.kreis-mettmann"
        assert event["SUMMARY"] == f"Regionalkonferenz {stadt}"
        assert event.start == datum and not isinstance(event.start, dt.datetime), "all-day date"
        assert event.end == datum + dt.timedelta(days=1)
        assert str(event["URL"]) == f"{site_url}regionalkonferenzen/{town}/"
        assert str(event["LOCATION"]) == f"Testsaal {stadt}, Teststraße {nummer}, {stadt}"
        assert str(event["STATUS"]) == "CONFIRMED"
        assert event.DTSTAMP == dt.datetime(2027, 6, 30, tzinfo=dt.timezone.utc)  # the data's check date
        assert str(event["DESCRIPTION"]).startswith(
            f"Regionalkonferenz in {stadt} zum Handlungskonzept gegen Rechtsextremismus und Rassismus des Kreises "
            f"Mettmann. Laut Testbericht zu den Regionalkonferenzen (vom 1. Juni 2027) fand die Regionalkonferenz in "
            f"{stadt} am ")


def test_calendar_properties_follow_rfc_7986(fixture_site):
    raw = (fixture_site / "regionalkonferenzen/termine.ics").read_bytes().decode("utf-8")
    assert "\r\nREFRESH-INTERVAL;VALUE=DURATION:P1D\r\n" in raw
    calendar = calendar_of(fixture_site, "regionalkonferenzen/termine.ics")
    assert str(calendar["SOURCE"]).endswith("/regionalkonferenzen/termine.ics")
    assert str(calendar["UID"]) == "regionalkonferenzen-termine@handlungskonzept.kreis-mettmann"


def test_each_dated_conference_has_its_own_ics_with_the_same_uid(fixture_site):
    for town, _, datum in TERMINE:
        calendar = calendar_of(fixture_site, f"regionalkonferenzen/{town}/termin.ics")
        [event] = calendar.events
        assert str(event["UID"]) == f"regionalkonferenz-{town}@handlungskonzept.kreis-mettmann"
        assert event.start == datum


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
        {"regionalkonferenz-velbert@handlungskonzept.kreis-mettmann"}
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


def test_dtstamp_is_the_check_date_of_the_data(fixture_daten):
    k = fixture_daten.konferenz("hilden")
    event = calendar_ics.vevent(k, fixture_daten.projekt, fixture_daten.quelle(k.quelle), "https://example.org/")
    assert event.DTSTAMP == dt.datetime(2027, 6, 30, tzinfo=dt.timezone.utc)  # „geprueft“ of the test data


BEISPIEL = "https://www.beispiel.test/"


def test_calendar_files_for_the_test_data_in_process(fixture_daten):
    """The calendars as the hook writes them, read back; every expected value is written out."""
    files = calendar_feed.files(fixture_daten, BEISPIEL)
    assert sorted(files) == sorted(["regionalkonferenzen/termine.ics"]
                                   + [f"regionalkonferenzen/{town}/termin.ics" for town, _, _ in TERMINE])
    hilden = icalendar.Calendar.from_ical(files["regionalkonferenzen/hilden/termin.ics"])
    assert {key: str(hilden[key]) for key in ("PRODID", "UID", "NAME", "X-WR-CALNAME", "DESCRIPTION", "URL", "SOURCE",
                                              "X-WR-TIMEZONE")} == {
        "PRODID": "-//Kreis Mettmann//Handlungskonzept gegen Rechtsextremismus und Rassismus//DE",
        "UID": "regionalkonferenzen-hilden-termin@handlungskonzept.kreis-mettmann",
        "NAME": "Regionalkonferenz Hilden", "X-WR-CALNAME": "Regionalkonferenz Hilden",
        "DESCRIPTION": "Termine der Regionalkonferenzen zum Handlungskonzept gegen Rechtsextremismus und Rassismus "
                       "des Kreises Mettmann.",
        "URL": "https://www.beispiel.test/regionalkonferenzen/",
        "SOURCE": "https://www.beispiel.test/regionalkonferenzen/hilden/termin.ics",
        "X-WR-TIMEZONE": "Europe/Berlin"}
    [zone] = hilden.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Berlin"
    assert str(zone["COMMENT"]) == "This timezone only works from 2027-01-01 to 2028-12-31."
    [event] = hilden.events
    assert {key: str(event[key]) for key in ("UID", "SUMMARY", "DESCRIPTION", "LOCATION", "STATUS", "URL")} == {
        "UID": "regionalkonferenz-hilden@handlungskonzept.kreis-mettmann", "SUMMARY": "Regionalkonferenz Hilden",
        "DESCRIPTION": "Regionalkonferenz in Hilden zum Handlungskonzept gegen Rechtsextremismus und Rassismus des "
                       "Kreises Mettmann. Laut Testbericht zu den Regionalkonferenzen (vom 1. Juni 2027) fand die "
                       "Regionalkonferenz in Hilden am 13. Februar 2027 statt. "
                       "Mehr dazu: https://www.beispiel.test/regionalkonferenzen/hilden/",
        "LOCATION": "Testsaal Hilden, Teststraße 4, Hilden", "STATUS": "CONFIRMED",
        "URL": "https://www.beispiel.test/regionalkonferenzen/hilden/"}
    assert (event.start, event.end) == (dt.date(2027, 2, 13), dt.date(2027, 2, 14))
    assert event.DTSTAMP == dt.datetime(2027, 6, 30, tzinfo=dt.timezone.utc)
    alle = icalendar.Calendar.from_ical(files["regionalkonferenzen/termine.ics"])
    assert str(alle["NAME"]) == "Regionalkonferenzen – Handlungskonzept gegen Rechtsextremismus und Rassismus"
    assert [str(e["UID"]) for e in alle.events] == [
        f"regionalkonferenz-{town}@handlungskonzept.kreis-mettmann" for town, _, _ in TERMINE]
    assert str(alle.walk("VTIMEZONE")[0]["COMMENT"]) == "This timezone only works from 2027-01-01 to 2028-12-31."


def test_cancelled_and_undated_conferences_in_process(fixture_daten):
    abgesagt = fixture_daten.konferenz("velbert").model_copy(update={"status": Status.abgesagt})
    quelle = fixture_daten.quelle(abgesagt.quelle)
    assert str(calendar_ics.vevent(abgesagt, fixture_daten.projekt, quelle, BEISPIEL)["STATUS"]) == "CANCELLED"
    ohne = fixture_daten.konferenz("haan").model_copy(update={"datum": None})
    same_day = fixture_daten.konferenz("erkrath").model_copy(update={"datum": dt.date(2027, 1, 11)})
    konferenzen = [fixture_daten.konferenz("hilden"), ohne, fixture_daten.konferenz("haan"), same_day]
    assert [k.id for k in calendar_feed.nach_datum(konferenzen)] == ["erkrath", "haan", "hilden"]
    assert calendar_feed.termin_pfad(ohne) == "regionalkonferenzen/haan/termin.ics"
    files = calendar_feed.files(fixture_daten.model_copy(update={"regionalkonferenzen": [ohne]}), BEISPIEL)
    assert list(files) == ["regionalkonferenzen/termine.ics"]  # no date, no calendar of its own
    leer = icalendar.Calendar.from_ical(files["regionalkonferenzen/termine.ics"])
    assert leer.events == []
    assert str(leer.walk("VTIMEZONE")[0]["COMMENT"]) == "This timezone only works from 2027-01-01 to 2028-12-31."


def test_calendar_header_lines_as_written(fixture_daten):
    raw = calendar_ics.calendar([fixture_daten.konferenz("hilden")], fixture_daten, BEISPIEL,
                                 name="Zwei\nZeilen   und  Lücken", pfad="regionalkonferenzen/x.ics").decode("utf-8")
    zeilen = raw.split("\r\n")
    assert "REFRESH-INTERVAL;VALUE=DURATION:P1D" in zeilen
    assert "NAME:Zwei Zeilen und Lücken" in zeilen and "X-WR-CALNAME:Zwei Zeilen und Lücken" in zeilen
    assert "UID:regionalkonferenzen-x@handlungskonzept.kreis-mettmann" in zeilen
    assert "X-WR-TIMEZONE:Europe/Berlin" in zeilen
    assert zeilen[:3] == ["BEGIN:VCALENDAR", "VERSION:2.0",
                          "PRODID:-//Kreis Mettmann//Handlungskonzept gegen Rechtsextremismus und Ras"]


def test_a_planned_dated_conference_is_confirmed(fixture_daten):
    geplant = fixture_daten.konferenz("hilden").model_copy(update={"status": Status.geplant})
    event = calendar_ics.vevent(geplant, fixture_daten.projekt, fixture_daten.quelle(geplant.quelle), BEISPIEL)
    assert str(event["STATUS"]) == "CONFIRMED"
    assert calendar_feed.uid(geplant) == "regionalkonferenz-hilden@handlungskonzept.kreis-mettmann"


def test_all_day_events_end_the_next_day_in_the_file(fixture_daten):
    files = calendar_feed.files(fixture_daten, BEISPIEL)
    for pfad in ("regionalkonferenzen/hilden/termin.ics", "regionalkonferenzen/termine.ics"):
        zeilen = files[pfad].decode("utf-8").split("\r\n")
        assert "DTSTART;VALUE=DATE:20270213" in zeilen and "DTEND;VALUE=DATE:20270214" in zeilen
        assert "URL:https://www.beispiel.test/regionalkonferenzen/" in zeilen
    assert "SOURCE:https://www.beispiel.test/regionalkonferenzen/termine.ics" in files[
        "regionalkonferenzen/termine.ics"].decode("utf-8").split("\r\n")


def test_an_undated_conference_is_no_event(fixture_daten):
    ohne = fixture_daten.konferenz("haan").model_copy(update={"datum": None})
    with pytest.raises(AssertionError, match="^only dated conferences become events$"):
        calendar_ics.vevent(ohne, fixture_daten.projekt, fixture_daten.quelle(ohne.quelle), BEISPIEL)
