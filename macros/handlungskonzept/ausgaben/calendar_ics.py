"""The iCalendar (RFC 5545) files themselves, written with ``icalendar``; ``calendar_feed`` imports this module
only when its files are not in the build's store.

Everything in the files comes from the data, nothing from the clock (DTSTAMP is the
day the data were last checked; the description names the source and its time), so the same input always gives the same bytes,
and the UIDs never change, so re-publishing never duplicates an event in a
subscriber's calendar.
"""
from __future__ import annotations

import datetime as dt

import icalendar

from ..daten.model import Daten, Projekt, Quelle, Regionalkonferenz, Status
from ..daten.urls import absolute_url
from . import presse
from .calendar_feed import TERMINE_PFAD, UID_DOMAIN, ZEITZONE, nach_datum, termin_pfad, uid

PRODID = "-//Kreis Mettmann//Handlungskonzept gegen Rechtsextremismus und Rassismus//DE"

#: A dated ``geplant`` is a fixed date (editors enter ``datum`` only when a source names it),
#: hence CONFIRMED, like a held one; ``offen`` never has a date.
ICS_STATUS = {
    Status.geplant: icalendar.STATUS.CONFIRMED,
    Status.durchgefuehrt: icalendar.STATUS.CONFIRMED,
    Status.abgesagt: icalendar.STATUS.CANCELLED,
}


def _utc_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.timezone.utc)


def vevent(konferenz: Regionalkonferenz, projekt: Projekt, quelle: Quelle, site_url: str) -> icalendar.Event:
    """An all-day VEVENT: the data knows the day, not the hour."""
    assert konferenz.datum is not None, "only dated conferences become events"
    url = presse.permalink(konferenz, site_url)
    return icalendar.Event.new(
        uid=uid(konferenz),
        stamp=_utc_midnight(projekt.geprueft),
        start=konferenz.datum,
        end=konferenz.datum + dt.timedelta(days=1),
        summary=konferenz.name,
        description=f"{presse.beschreibung(konferenz, projekt, quelle)} Mehr dazu: {url}",
        location=presse.ortsangabe(konferenz),
        url=url,
        status=ICS_STATUS[konferenz.status],
    )


def _timezone(konferenzen: list[Regionalkonferenz], projekt: Projekt) -> icalendar.Timezone:
    """Europe/Berlin over the years the calendar spans; also keeps an event-less calendar RFC-valid."""
    jahre = [k.datum.year for k in konferenzen if k.datum] + [projekt.geprueft.year]
    return icalendar.Timezone.from_tzid(ZEITZONE, first_date=dt.date(min(jahre), 1, 1),
                                        last_date=dt.date(max(jahre) + 1, 12, 31))


def _one_line(text: str) -> str:
    """icalendar escapes line breaks in events, not in the calendar's own NAME and DESCRIPTION (X-WR-*)."""
    return " ".join(text.split())


def calendar(konferenzen: list[Regionalkonferenz], daten: Daten, site_url: str, *, name: str, pfad: str) -> bytes:
    """One VCALENDAR with a VEVENT per dated conference."""
    projekt = daten.projekt
    datiert = nach_datum(konferenzen)
    cal = icalendar.Calendar.new(
        prodid=PRODID,
        uid=f"{pfad.replace('/', '-').removesuffix('.ics')}@{UID_DOMAIN}",
        name=_one_line(name),
        description=_one_line(f"Termine der Regionalkonferenzen zum {projekt.titel}."),
        url=absolute_url(site_url, "regionalkonferenzen/"),
        source=absolute_url(site_url, pfad),
        refresh_interval=dt.timedelta(days=1),
        subcomponents=[_timezone(datiert, projekt), *(vevent(k, projekt, daten.quelle(k.quelle), site_url) for k in datiert)],
    )
    cal["REFRESH-INTERVAL"].params["VALUE"] = "DURATION"  # RFC 7986 requires it; icalendar leaves it out
    cal.add("X-WR-TIMEZONE", ZEITZONE)
    return cal.to_ical()


def files(daten: Daten, site_url: str) -> dict[str, bytes]:
    """Every .ics of the site by site-relative path: ``termine.ics`` plus one per dated conference."""
    projekt = daten.projekt
    result = {TERMINE_PFAD: calendar(daten.regionalkonferenzen, daten, site_url,
                                     name=f"Regionalkonferenzen – {projekt.kurztitel}", pfad=TERMINE_PFAD)}
    for konferenz in daten.regionalkonferenzen:
        if konferenz.datum:
            pfad = termin_pfad(konferenz)
            result[pfad] = calendar([konferenz], daten, site_url, name=konferenz.name, pfad=pfad)
    return result
