"""What the open data say about themselves: a DCAT-AP.de 2.0 catalogue for data portals (``katalog_rdf``)
and the schema.org ``Dataset`` JSON-LD for the open-data page, from the same facts.

What the Kreis has not decided yet (licence, GovData contributor id) is left out, not guessed: the
catalogue is complete only when the open items in ``data/datenkatalog.yml`` are. Building the catalogue
takes ``rdflib``, which a build needs for nothing else; it depends only on the data, the
public address, the export files and the code, so a build with none of these changed takes it from the
store without importing rdflib.
"""
from __future__ import annotations

from pathlib import Path

from ..daten.model import Daten, Lizenz, OffenerPunkt, inhalt
from ..daten.urls import absolute_url
from .offene_daten import ORDNER, Export
from ..zwischenspeicher import aus_den_daten

SCHLAGWORTE = ("Rechtsextremismus", "Rassismus", "Prävention", "Regionalkonferenz", "Kreis Mettmann")
TTL, RDF_XML = f"{ORDNER}katalog.ttl", f"{ORDNER}katalog.rdf"

#: Each export file: path ending, DCAT file type, media type, German name.
FORMATE = (
    ("csv", "CSV", "text/csv", "CSV"),
    ("json", "JSON", "application/json", "JSON"),
)


def kreis_uri(daten: Daten) -> str:
    """The Kreis in GovData's political geocoding (district key, Kreisschlüssel)."""
    return f"http://dcat-ap.de/def/politicalGeocoding/districtKey/{daten.datenkatalog.gebiet.kreisschluessel}"


def lizenz(daten: Daten) -> Lizenz | None:
    value = daten.datenkatalog.lizenz
    return None if isinstance(value, OffenerPunkt) else value


def quellen(daten: Daten, export: Export) -> list:
    """The sources the rows of an export cite, in the order of the data (their time is the coverage)."""
    records = {"regionalkonferenzen": daten.regionalkonferenzen, "partner": daten.partner}[export.name]
    return [daten.quelle(id) for id in dict.fromkeys(r.quelle for r in records)]


def dateien(daten: Daten, site_url: str | None, exportdateien: dict[str, bytes],
            cache: Path | None = None) -> dict[str, bytes]:
    """The catalogue as Turtle and as RDF/XML (harvesters differ in what they read); kept in ``cache``."""
    def erzeugen() -> dict[str, bytes]:
        from . import katalog_rdf

        return katalog_rdf.dateien(daten, site_url, exportdateien)

    eingaben = (inhalt(daten), (site_url or "").encode(),
                *(pfad.encode() + b"\0" + datei for pfad, datei in sorted(exportdateien.items())))
    return aus_den_daten(cache, "katalog", ("rdflib",), eingaben, erzeugen)


def dataset_jsonld(daten: Daten, site_url: str | None, export: Export, dateien: dict[str, bytes]) -> dict:
    """schema.org ``Dataset`` of one export, pointing at the same files as the catalogue."""
    zeiten = [q.zeit for q in quellen(daten, export)]
    dataset = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": export.titel,
        "description": export.beschreibung,
        "url": absolute_url(site_url, f"{ORDNER}#{export.name}"),
        "inLanguage": "de",
        "isAccessibleForFree": True,
        "keywords": list(SCHLAGWORTE),
        "publisher": {"@type": "Organization", "name": daten.impressum.herausgeber},
        "temporalCoverage": f"{min(z.anfang for z in zeiten).isoformat()}/{max(z.ende for z in zeiten).isoformat()}",
        "spatialCoverage": {"@type": "Place", "name": daten.datenkatalog.gebiet.name, "sameAs": kreis_uri(daten)},
        "includedInDataCatalog": {"@type": "DataCatalog", "name": f"Offene Daten – {daten.projekt.kurztitel}",
                                  "url": absolute_url(site_url, TTL)},
        "distribution": [
            {"@type": "DataDownload", "name": f"{export.titel} ({formatname})", "encodingFormat": medientyp,
             "contentUrl": absolute_url(site_url, export.pfad(endung)),
             "contentSize": f"{len(dateien[export.pfad(endung)])} B"}
            for endung, _typ, medientyp, formatname in FORMATE
        ],
    }
    if lizenz(daten):
        dataset["license"] = lizenz(daten).uri
    return dataset
