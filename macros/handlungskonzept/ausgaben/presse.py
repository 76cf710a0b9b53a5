"""What the press, calendars and search engines are told about a conference, derived from the data alone.

One place for the permanent URL, the citation, the plain-text location and the
schema.org Event, so the page, the .ics files and the JSON-LD always agree.
"""
from __future__ import annotations

from ..daten.model import OffenerPunkt, Partner, Projekt, Quelle, Regionalkonferenz, Status
from ..daten.urls import absolute_url
from .text import status_bericht

#: Who is cited; the site is the Kreis Mettmann's (Mitteilungsvorlage WP 14-20 SV 50/100).
ZITIERT_ALS = "Kreis Mettmann"

#: schema.org eventStatus per status; only dated conferences (never ``offen``) get an Event.
EVENT_STATUS = {
    Status.geplant: "https://schema.org/EventScheduled",
    Status.durchgefuehrt: "https://schema.org/EventScheduled",
    Status.abgesagt: "https://schema.org/EventCancelled",
}


def permalink(konferenz: Regionalkonferenz, site_url: str) -> str:
    return absolute_url(site_url, konferenz.url)


def zitierhinweis(konferenz: Regionalkonferenz, quelle: Quelle, site_url: str) -> str:
    """„Kreis Mettmann: Regionalkonferenz Hilden (Angaben laut …, undatiert, verfasst zwischen …). https://…“.

    The time in it is the source's, never the day the site was checked.
    """
    return (f"{ZITIERT_ALS}: {konferenz.name} (Angaben laut {quelle.titel}, {quelle.zeitangabe}). "
            f"{permalink(konferenz, site_url)}")


def ortsname(konferenz: Regionalkonferenz) -> str:
    """The venue's name when known, else the town (the one place fact every conference has)."""
    if konferenz.ort is None or isinstance(konferenz.ort, OffenerPunkt):
        return konferenz.stadt
    return konferenz.ort


def ortsangabe(konferenz: Regionalkonferenz) -> str:
    """Venue and address in one line, for calendars: „Testsaal Hilden, Teststraße 4, Hilden“."""
    teile = [ortsname(konferenz), konferenz.adresse]
    return ", ".join(t for t in teile if t)


def beschreibung(konferenz: Regionalkonferenz, projekt: Projekt, quelle: Quelle) -> str:
    """Plain sentences with the source and its time; the Markdown summary is for the page only."""
    return f"Regionalkonferenz in {konferenz.stadt} zum {projekt.titel}. {status_bericht(konferenz, quelle)}"


def event_jsonld(konferenz: Regionalkonferenz, projekt: Projekt, quelle: Quelle, partner: dict[str, Partner],
                 site_url: str) -> dict | None:
    """schema.org ``Event`` for a conference with a date; ``None`` without one (no date, no event)."""
    if konferenz.datum is None:
        return None
    adresse = {"@type": "PostalAddress", "addressLocality": konferenz.stadt, "addressCountry": "DE"}
    if konferenz.adresse:
        adresse["streetAddress"] = konferenz.adresse
    event = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": konferenz.name,
        "startDate": konferenz.datum.isoformat(),
        "endDate": konferenz.datum.isoformat(),
        "eventStatus": EVENT_STATUS[konferenz.status],
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {"@type": "Place", "name": ortsname(konferenz), "address": adresse},
        "url": permalink(konferenz, site_url),
        "description": beschreibung(konferenz, projekt, quelle),
    }
    if konferenz.veranstalter:
        veranstalter = partner[konferenz.veranstalter]
        event["organizer"] = {
            "@type": "Organization",
            "name": veranstalter.name,
            "url": veranstalter.website or absolute_url(site_url, f"partner/#{veranstalter.id}"),
        }
    return event
