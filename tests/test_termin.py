"""The shared wording of a conference's date: a date, or honestly „Termin folgt“."""
from __future__ import annotations

import datetime as dt

from bs4 import BeautifulSoup
from conftest import FIXTURE_DATA, ROOT

from handlungskonzept.components import environment
from handlungskonzept.loader import load
from handlungskonzept.model import Status

HILDEN = load(FIXTURE_DATA, ROOT / "docs").daten.konferenz("hilden")


def termin(k) -> BeautifulSoup:
    template = environment().from_string('{% from "termin/termin.html" import termin %}{{ termin(k) }}')
    return BeautifulSoup(template.render(k=k), "html.parser")


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
