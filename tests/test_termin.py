"""The shared wording of a conference's date (pages and feed): a date, the period the source named, or none.

No wording promises an event: „Termin folgt“ would read as today's promise of a 2017–2020 plan.
"""
from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from conftest import FIXTURE_DATA, ROOT

from handlungskonzept.ausgaben import components
from handlungskonzept.ausgaben.components import environment
from handlungskonzept.daten.loader import load
from handlungskonzept.daten.model import Status

DATEN = load(FIXTURE_DATA, ROOT / "docs").daten
HILDEN = DATEN.konferenz("hilden")
VORLAGE = DATEN.quelle("vorlage-sv-50-100")


def termin(k) -> BeautifulSoup:
    template = environment().from_string('{% from "termin/termin.html" import termin %}{{ termin(k) }}')
    return BeautifulSoup(template.render(k=k), "html.parser")


def faktenbox(k) -> str:
    """The fact box's text, spaces normalised."""
    html = components.render("faktenbox", k=k, quelle=VORLAGE, partner=DATEN.partner_by_id(), base="../",
                             kalender="x.ics")
    return BeautifulSoup(str(html), "html.parser").get_text(" ", strip=True)


def test_date_is_machine_readable_and_german():
    html = termin(HILDEN.model_copy(update={"datum": dt.date(2027, 3, 5)}))
    assert html.find("time")["datetime"] == "2027-03-05"
    assert html.get_text() == "5. März 2027"


def test_no_date_reports_the_period_the_source_named():
    geplant = HILDEN.model_copy(update={"datum": None, "status": Status.geplant, "zeitraum": None})
    assert termin(geplant).get_text() == "Kein Datum genannt"
    assert (termin(geplant.model_copy(update={"zeitraum": "ein zweites Quartal"})).get_text()
            == "Kein Datum; vorgesehen war ein zweites Quartal")


def test_cancelled_without_date_promises_no_event():
    abgesagt = HILDEN.model_copy(update={"datum": None, "zeitraum": "2. Quartal", "status": Status.abgesagt})
    assert termin(abgesagt).get_text() == "Abgesagt, kein Termin"
    assert "folgt" not in faktenbox(abgesagt)


@pytest.mark.parametrize(("status", "datum", "zeitraum", "wortlaut"), [
    (Status.abgesagt, None, None, "Abgesagt, kein Termin"),
    (Status.abgesagt, dt.date(2027, 3, 5), None, "5. März 2027"),
    (Status.offen, None, None, "Kein Datum genannt"),
    (Status.geplant, None, "ein zweites Quartal", "Kein Datum; vorgesehen war ein zweites Quartal"),
    (Status.durchgefuehrt, dt.date(2018, 3, 15), None, "15. März 2018"),
])
def test_fact_box_words_the_date_like_every_page(status, datum, zeitraum, wortlaut):
    k = HILDEN.model_copy(update={"datum": datum, "zeitraum": zeitraum, "status": status})
    assert termin(k).get_text() == wortlaut
    assert wortlaut in faktenbox(k)
    assert "folgt" not in faktenbox(k)
