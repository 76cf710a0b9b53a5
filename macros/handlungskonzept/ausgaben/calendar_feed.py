"""The site's calendars (RFC 5545): where they lie, which events they hold, and the files from the build's store.

Writing them takes ``icalendar`` (``calendar_ics``), which a build needs for nothing else; the files depend
only on the data, the public address, the time zone rules and the code, so a build with none of these
changed takes them from the store without importing it.
"""
from __future__ import annotations

import zoneinfo
from importlib.metadata import version
from pathlib import Path

from ..daten.model import Daten, Regionalkonferenz, inhalt
from ..zwischenspeicher import aus_den_daten

UID_DOMAIN = "handlungskonzept.kreis-mettmann"
TERMINE_PFAD = "regionalkonferenzen/termine.ics"
TERMIN_DATEI = "termin.ics"
ZEITZONE = "Europe/Berlin"


def uid(konferenz: Regionalkonferenz) -> str:
    """Fixed per town forever: a calendar recognises the event again after every update."""
    return f"regionalkonferenz-{konferenz.id}@{UID_DOMAIN}"


def termin_pfad(konferenz: Regionalkonferenz) -> str:
    """Site-relative path of the conference's own .ics, next to its page."""
    return f"{konferenz.url}{TERMIN_DATEI}"


def nach_datum(konferenzen: list[Regionalkonferenz]) -> list[Regionalkonferenz]:
    """The dated conferences in calendar order (same day: by town)."""
    return sorted((k for k in konferenzen if k.datum), key=lambda k: (k.datum, k.id))


def zonendaten() -> bytes:
    """The rules the VTIMEZONE is written from: the system's zone file, where Python's ``zoneinfo`` looks first,
    else the ``tzdata`` package."""
    for ordner in zoneinfo.TZPATH:
        datei = Path(ordner) / ZEITZONE
        if datei.is_file():
            return datei.read_bytes()
    return f"tzdata {version('tzdata')}".encode()


def files(daten: Daten, site_url: str, cache: Path | None = None) -> dict[str, bytes]:
    """Every .ics of the site by site-relative path: ``termine.ics`` plus one per dated conference; kept in ``cache``."""
    def erzeugen() -> dict[str, bytes]:
        from . import calendar_ics

        return calendar_ics.files(daten, site_url)

    eingaben = (inhalt(daten), site_url.encode(), zonendaten())
    return aus_den_daten(cache, "kalender", ("icalendar",), eingaben, erzeugen)
