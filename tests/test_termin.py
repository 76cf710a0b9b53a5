"""The shared wording of a conference's date (pages and feed): a date, „Termin folgt“ or „Abgesagt, kein Termin“."""
from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from conftest import FIXTURE_DATA, ROOT

from handlungskonzept import components
from handlungskonzept.components import environment
from handlungskonzept.feed import konferenz_stand
from handlungskonzept.loader import load
from handlungskonzept.model import Status
from handlungskonzept.text import termin_text

DATEN = load(FIXTURE_DATA, ROOT / "docs").daten
HILDEN = DATEN.konferenz("hilden")


def termin(k) -> BeautifulSoup:
    template = environment().from_string('{% from "termin/termin.html" import termin %}{{ termin(k) }}')
    return BeautifulSoup(template.render(k=k), "html.parser")


def faktenbox(k) -> str:
    """The fact box's text, spaces normalised."""
    html = components.render("faktenbox", k=k, partner=DATEN.partner_by_id(), base="../", kalender="x.ics")
    return BeautifulSoup(str(html), "html.parser").get_text(" ", strip=True)


def test_date_is_machine_readable_and_german():
    html = termin(HILDEN.model_copy(update={"datum": dt.date(2027, 3, 5)}))
    assert html.find("time")["datetime"] == "2027-03-05"
    assert html.get_text() == "5. März 2027"


def test_no_date_reads_termin_folgt_with_the_zeitraum_when_known():
    geplant = HILDEN.model_copy(update={"datum": None, "status": Status.geplant})
    assert termin(geplant).get_text() == "Termin folgt"
    assert termin(geplant.model_copy(update={"zeitraum": "2. Quartal"})).get_text() == "Termin folgt – Zeitraum: 2. Quartal"


def test_open_town_without_date_says_termin_folgt():
    """The date is supplied once a source names it; the overview explains what „offen“ means."""
    offen = HILDEN.model_copy(update={"datum": None, "zeitraum": None, "status": Status.offen})
    assert termin(offen).get_text() == "Termin folgt"


def test_cancelled_without_date_promises_no_event():
    abgesagt = HILDEN.model_copy(update={"datum": None, "zeitraum": "2. Quartal", "status": Status.abgesagt})
    assert termin(abgesagt).get_text() == "Abgesagt, kein Termin"
    assert "Termin folgt" not in faktenbox(abgesagt)


def test_open_town_with_zeitraum():
    offen = HILDEN.model_copy(update={"datum": None, "zeitraum": "2. Quartal", "status": Status.offen})
    assert termin(offen).get_text() == "Termin folgt – Zeitraum: 2. Quartal"


@pytest.mark.parametrize(("status", "datum", "zeitraum"), [
    (Status.abgesagt, None, None), (Status.abgesagt, dt.date(2027, 3, 5), None), (Status.offen, None, None),
    (Status.geplant, None, "2. Quartal"), (Status.durchgefuehrt, dt.date(2018, 3, 15), None),
])
def test_feed_and_page_word_the_date_alike(status, datum, zeitraum):
    k = HILDEN.model_copy(update={"datum": datum, "zeitraum": zeitraum, "status": status})
    seite = termin(k).get_text()
    assert seite == termin_text(k)
    assert seite in konferenz_stand(k)
    assert seite in faktenbox(k)
