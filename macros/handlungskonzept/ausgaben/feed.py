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

from ..daten.aktuelles import ORDNER, Beitrag
from ..daten.model import Daten
from ..daten.urls import absolute_url
from .components import make_environment, vorlagenspeicher
from .text import status_bericht

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


def eintraege(beitraege: list[Beitrag], daten: Daten) -> list[Eintrag]:
    """Posts and conference pages, most recently changed first (ties by URL, for stable output).

    A conference entry says what its source reported and when; ``updated`` is the day the
    data were checked, the time of the entry, not of the facts.
    """
    geprueft = daten.projekt.geprueft
    alle = [Eintrag(b.url, b.title, b.description, b.geaendert, b.datum, "Aktuelles") for b in beitraege]
    alle += [Eintrag(k.url, k.name, status_bericht(k, daten.quelle(k.quelle)), geprueft, None, "Regionalkonferenzen")
             for k in daten.regionalkonferenzen]
    return sorted(alle, key=lambda e: (-e.aktualisiert.toordinal(), e.pfad))


def atom(beitraege: list[Beitrag], daten: Daten, site_url: str, titel: str, cache: Path | None = None) -> str:
    """The complete feed document; with ``cache`` (the build's store folder) its template is compiled once."""
    liste = eintraege(beitraege, daten)
    feed = {
        "id": kennung(PFAD),
        "titel": f"Aktuelles – {titel}",
        "untertitel": f"Neuigkeiten und Regionalkonferenzen: {daten.projekt.titel}",
        "aktualisiert": max([e.aktualisiert for e in liste], default=daten.projekt.geprueft),
        "adresse": absolute_url(site_url, PFAD),
        "seite": absolute_url(site_url, f"{ORDNER}/"),
        "autor": daten.projekt.herausgeber,
        "bild": absolute_url(site_url, BILD),
    }
    eintraege_absolut = [{"id": e.id, "titel": e.titel, "adresse": absolute_url(site_url, e.pfad),
                          "veroeffentlicht": e.veroeffentlicht, "aktualisiert": e.aktualisiert,
                          "kategorie": e.kategorie, "zusammenfassung": e.zusammenfassung} for e in liste]
    return _vorlage(cache).render(feed=feed, eintraege=eintraege_absolut)


@cache
def _vorlage(cache: Path | None) -> jinja2.Template:
    env = make_environment(Path(__file__).resolve().parent / "vorlagen",
                           zeitpunkt=lambda tag: f"{tag.isoformat()}T00:00:00Z")
    if cache is not None:
        env.bytecode_cache = vorlagenspeicher(cache / "jinja" / "feed")
    return env.get_template("atom.xml")
