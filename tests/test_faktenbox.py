"""Fact box: every field of a conference, honestly worded; rendered directly from the component."""
from __future__ import annotations

import datetime as dt

from bs4 import BeautifulSoup
from conftest import FIXTURE_DATA, ROOT

from handlungskonzept.ausgaben import components
from handlungskonzept.daten.loader import load
from handlungskonzept.daten.model import OffenerPunkt, Status
from handlungskonzept.daten.dates import datum_de

DATEN = load(FIXTURE_DATA, ROOT / "docs").daten
GEHALTEN = DATEN.regionalkonferenzen[0]
TESTBERICHT = DATEN.quelle("testbericht-2027")


def fakten(k) -> dict[str, BeautifulSoup]:
    html = components.render("faktenbox", k=k, quelle=TESTBERICHT, partner=DATEN.partner_by_id(), base="../../", kalender=f"{k.url}termin.ics")
    box = BeautifulSoup(str(html), "html.parser").find("aside", class_="hk-faktenbox")
    assert box.find("h2").get_text() == "Auf einen Blick"
    return {d.get_text(strip=True): d.find_next_sibling("dd") for d in box.find_all("dt")}


def test_held_conference_shows_date_participants_partners_and_calendar():
    k = GEHALTEN
    box = fakten(k)
    assert box["Datum"].find("time")["datetime"] == k.datum.isoformat()
    assert box["Datum"].find("time").get_text() == datum_de(k.datum)
    assert box["Datum"].find("a")["href"] == f"../../{k.url}termin.ics"
    assert box["Teilnehmende"].get_text(strip=True) == str(k.teilnehmende)
    assert [a["href"] for a in box["Beteiligte Partner"].find_all("a")] == ["../../partner/#imap-institut",
                                                                           "../../partner/#jugendaemter"]
    assert box["Durchführung"].find("a")["href"] == "../../partner/#kreisintegrationszentrum"
    assert box["Quelle"].get_text(" ", strip=True) == "Testbericht zu den Regionalkonferenzen , 01.06.2027"
    assert box["Quelle"].find("a")["href"] == "../../quellen/#testbericht-2027"
    assert box["Status laut Quelle"].find(class_="hk-status")["data-quelle"] == "testbericht-2027"


def test_planned_conference_without_data_never_shows_an_empty_field():
    k = GEHALTEN.model_copy(update={"status": Status.geplant, "datum": None, "zeitraum": None, "ort": None,
                                    "adresse": None, "veranstalter": None, "partner": [], "teilnehmende": None})
    box = fakten(k)
    assert list(box) == ["Stadt", "Status laut Quelle", "Termin", "Quelle"]
    assert box["Termin"].get_text(strip=True) == "Kein Datum genannt"
    assert all(dd.get_text(strip=True) for dd in box.values())


def test_cancelled_conference_offers_no_calendar_entry():
    box = fakten(GEHALTEN.model_copy(update={"status": Status.abgesagt, "datum": dt.date(2027, 3, 5)}))
    assert box["Datum"].get_text(" ", strip=True) == "5. März 2027 (abgesagt)"
    assert box["Datum"].find("a") is None
    assert box["Status laut Quelle"].get_text(strip=True) == "Abgesagt"


def test_open_place_is_a_polite_note():
    box = fakten(GEHALTEN.model_copy(update={"ort": OffenerPunkt(offen="Ort in Hilden")}))
    assert box["Ort"].find(class_="hk-offen")["data-offen"] == "Ort in Hilden"
