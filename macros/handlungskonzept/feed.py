"""The Atom feed (RFC 4287) at ``/aktuelles/feed.xml``: news posts plus the conference pages.

Output depends only on the data and the posts (never on the clock), so rebuilding
an unchanged site yields the same bytes and feed readers see no false updates.
Entry ids are ``urn:uuid`` values derived from the site-relative URL: they survive
a change of ``site_url``, and a conference keeps its id when its data is updated.
"""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jinja2

from .aktuelles import ORDNER, Beitrag
from .components import make_environment
from .model import Daten, Regionalkonferenz, Status
from .text import termin_text
from .urls import absolute_url

PFAD = f"{ORDNER}/feed.xml"
BILD = "assets/bilder/teilen.png"
_NAMENSRAUM = uuid.uuid5(uuid.NAMESPACE_URL, "handlungskonzept-kreis-mettmann")


@dataclass(frozen=True)
class Eintrag:
    pfad: str
    titel: str
    zusammenfassung: str
    aktualisiert: dt.date
    veroeffentlicht: dt.date | None
    kategorie: str

    @property
    def id(self) -> str:
        return kennung(self.pfad)


def kennung(pfad: str) -> str:
    """Stable Atom id for a site-relative URL."""
    return f"urn:uuid:{uuid.uuid5(_NAMENSRAUM, pfad)}"


def konferenz_stand(k: Regionalkonferenz) -> str:
    """One honest sentence about where a conference stands, worded like its page, e.g. „Geplant – Termin folgt.“."""
    if k.status is Status.abgesagt and not k.datum:  # „Abgesagt, kein Termin“ already names the status
        return f"{termin_text(k)}."
    return f"{k.status.label} – {termin_text(k)}."


def eintraege(beitraege: list[Beitrag], daten: Daten) -> list[Eintrag]:
    """Posts and conference pages, most recently changed first (ties by URL, for stable output)."""
    stand = daten.projekt.stand
    alle = [Eintrag(b.url, b.title, b.description, b.geaendert, b.datum, "Aktuelles") for b in beitraege]
    alle += [Eintrag(k.url, k.name, f"Regionalkonferenz in {k.stadt}: {konferenz_stand(k)}",
                     k.aktualisiert or stand, None, "Regionalkonferenzen")
             for k in daten.regionalkonferenzen]
    return sorted(alle, key=lambda e: (-e.aktualisiert.toordinal(), e.pfad))


def atom(beitraege: list[Beitrag], daten: Daten, site_url: str, titel: str) -> str:
    """The complete feed document."""
    liste = eintraege(beitraege, daten)
    feed = {
        "id": kennung(PFAD),
        "titel": f"Aktuelles – {titel}",
        "untertitel": f"Neuigkeiten und Regionalkonferenzen: {daten.projekt.titel}",
        "aktualisiert": max([e.aktualisiert for e in liste], default=daten.projekt.stand),
        "adresse": absolute_url(site_url, PFAD),
        "seite": absolute_url(site_url, f"{ORDNER}/"),
        "autor": daten.projekt.herausgeber,
        "bild": absolute_url(site_url, BILD),
    }
    eintraege_absolut = [{"id": e.id, "titel": e.titel, "adresse": absolute_url(site_url, e.pfad),
                          "veroeffentlicht": e.veroeffentlicht, "aktualisiert": e.aktualisiert,
                          "kategorie": e.kategorie, "zusammenfassung": e.zusammenfassung} for e in liste]
    return _vorlage().render(feed=feed, eintraege=eintraege_absolut)


@cache
def _vorlage() -> jinja2.Template:
    env = make_environment(Path(__file__).resolve().parent / "vorlagen",
                           zeitpunkt=lambda tag: f"{tag.isoformat()}T00:00:00Z")
    return env.get_template("atom.xml")
