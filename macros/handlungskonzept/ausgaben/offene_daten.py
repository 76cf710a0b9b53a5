"""The Regionalkonferenzen and the partners as open data: CSV and JSON, each with its published schema.

One column list per export decides everything: the CSV header, the JSON keys, the Frictionless
Table Schema beside the CSV, the JSON Schema beside the JSON and the column table on the
open-data page, so they can never disagree. Every row names its source and the source's period,
as the pages do; a value still open stays empty and the column ``offene_angaben`` says what is
missing. Nothing reads the clock: the same data give the same bytes.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from ..daten.model import Daten, OffenerPunkt, PartnerArt, Status, Wortlaut
from ..daten.urls import absolute_url
from .dokumente import groesse_de

#: Folder of the open-data page and of every file it offers.
ORDNER = "offene-daten/"
#: How several values share one CSV cell; in JSON they are an array.
TRENNER = "; "
JA, NEIN = "ja", "nein"


@dataclass(frozen=True)
class Spalte:
    """One column: its stable German name, its documentation and its type (Table Schema's names)."""

    name: str
    titel: str
    beschreibung: str
    typ: str = "string"  # string, integer, date or boolean
    pflicht: bool = False
    werte: tuple[str, ...] = ()
    liste: bool = False
    adresse: bool = False  # an absolute URL (format "uri")

    @property
    def typ_text(self) -> str:
        """The type in the words of the column table on the open-data page."""
        if self.liste:
            return "Liste von Texten"
        if self.adresse:
            return "Internetadresse"
        return {"string": "Text", "integer": "ganze Zahl", "date": "Datum (JJJJ-MM-TT)",
                "boolean": f"„{JA}“ oder „{NEIN}“"}[self.typ]


@dataclass(frozen=True)
class Export:
    """One data set: a CSV and a JSON file of the same rows."""

    name: str
    kurztitel: str
    titel: str
    beschreibung: str
    seite: str  # the page of the site that shows the same records
    spalten: tuple[Spalte, ...]
    zeilen: Callable[[Daten, str | None], Iterator[dict]]

    def pfad(self, endung: str) -> str:
        """Site-relative path: ``csv``, ``json``, ``csv.schema.json`` or ``json.schema.json``."""
        return f"{ORDNER}{self.name}.{endung}"


def offene_angaben(record: BaseModel, prefix: str = "") -> list[str]:
    """„feld: was fehlt“ for every open item in the record, nested records included, in field order."""
    found = []
    for name in type(record).model_fields:
        value = getattr(record, name)
        if isinstance(value, OffenerPunkt):
            found.append(f"{prefix}{name}: {value.offen}")
        elif isinstance(value, BaseModel):
            found += offene_angaben(value, f"{prefix}{name}.")
    return found


def _text(value: object) -> str | None:
    """An exported text value: an open item is no value (``offene_angaben`` names it)."""
    return None if isinstance(value, OffenerPunkt) else value


QUELLENSPALTEN = (
    Spalte("quelle_id", "Quelle (Kennung)", "Kennung der Quelle, aus der die Angaben dieser Zeile stammen.", pflicht=True),
    Spalte("quelle_titel", "Quelle", "Titel der Quelle.", pflicht=True),
    Spalte("quelle_zeitangabe", "Zeit der Quelle",
           "Für welche Zeit die Quelle spricht, in Worten, wie auf den Seiten: ihr Datum oder, wenn sie "
           "undatiert ist, der Zeitraum, in dem sie verfasst wurde. Die Angaben gelten für diese Zeit.",
           pflicht=True),
    Spalte("quelle_von", "Zeit der Quelle: Beginn", "Erster Tag dieser Zeit (JJJJ-MM-TT).", "date", pflicht=True),
    Spalte("quelle_bis", "Zeit der Quelle: Ende", "Letzter Tag dieser Zeit (JJJJ-MM-TT).", "date", pflicht=True),
)


def _quellenwerte(daten: Daten, record: BaseModel) -> dict:
    quelle = daten.quelle(record.quelle)
    return {"quelle_id": quelle.id, "quelle_titel": quelle.titel, "quelle_zeitangabe": quelle.zeitangabe,
            "quelle_von": quelle.zeit.anfang, "quelle_bis": quelle.zeit.ende}


OFFENE_ANGABEN = Spalte(
    "offene_angaben", "Offene Angaben",
    "Was zu dieser Zeile noch fehlt, je Angabe „Feld: Beschreibung“. Ein leeres Feld, das hier steht, "
    "ist nicht bekannt und wurde nicht geschätzt.", liste=True)


def _konferenzen(daten: Daten, site_url: str | None) -> Iterator[dict]:
    partner = daten.partner_by_id()
    for k in daten.regionalkonferenzen:
        yield {
            "id": k.id, "stadt": k.stadt, "status": k.status.value, "status_text": k.status.label,
            "datum": k.datum, "zeitraum": k.zeitraum, "ort": _text(k.ort), "adresse": k.adresse,
            "veranstalter_id": k.veranstalter,
            "veranstalter": partner[k.veranstalter].name if k.veranstalter else None,
            "partner_ids": list(k.partner), "teilnehmende": k.teilnehmende,
            "zusammenfassung": k.zusammenfassung, "ergebnisse": list(k.ergebnisse),
            "seite": absolute_url(site_url, k.url),
            **_quellenwerte(daten, k), "zitat": k.zitat,
            "offene_angaben": offene_angaben(k),
        }


def _partner(daten: Daten, site_url: str | None) -> Iterator[dict]:
    arbeitsgruppe = set(daten.projekt.arbeitsgruppe)
    for p in daten.partner:
        yield {
            "id": p.id, "name": p.name, "art": p.art.value, "art_text": p.art.label, "rolle": p.rolle,
            "website": p.website, "arbeitsgruppe": p.id in arbeitsgruppe,
            "seite": absolute_url(site_url, f"partner/#{p.id}"),
            **_quellenwerte(daten, p),
        }


def wortlaut_spalten(name: str, titel: str, beschreibung: str, wortlaut: type[Wortlaut]) -> tuple[Spalte, Spalte]:
    """A fixed vocabulary as two columns: the key editors write, and the words readers see."""
    return (Spalte(name, f"{titel} (Schlüssel)", f"{beschreibung}, als Schlüssel.", pflicht=True,
                   werte=tuple(w.value for w in wortlaut)),
            Spalte(f"{name}_text", titel, f"{beschreibung}, in Worten wie auf den Seiten.", pflicht=True,
                   werte=tuple(w.label for w in wortlaut)))


SEITE = Spalte("seite", "Seite", "Dauerhafte Adresse der Seite, die diesen Eintrag zeigt.", pflicht=True, adresse=True)

EXPORTE = (
    Export(
        "regionalkonferenzen", "Regionalkonferenzen",
        "Regionalkonferenzen zum Handlungskonzept gegen Rechtsextremismus und Rassismus",
        "Eine Zeile je Stadt des Kreises Mettmann: Stand, Termin, Ort und Beteiligte der Regionalkonferenz, "
        "jeweils mit der Quelle und der Zeit, für die die Quelle spricht.",
        "regionalkonferenzen/",
        (
            Spalte("id", "Kennung", "Kennung der Stadt; Teil der dauerhaften Adresse der Seite.", pflicht=True),
            Spalte("stadt", "Stadt", "Stadt des Kreises Mettmann.", pflicht=True),
            *wortlaut_spalten("status", "Status", "Was die Quelle über die Konferenz sagt", Status),
            Spalte("datum", "Datum", "Tag der Konferenz (JJJJ-MM-TT), nur wenn eine Quelle ihn nennt.", "date"),
            Spalte("zeitraum", "Zeitraum", "Ungefähre Zeit der Konferenz, wenn die Quelle keinen Tag nennt."),
            Spalte("ort", "Ort", "Veranstaltungsort."),
            Spalte("adresse", "Adresse", "Anschrift des Veranstaltungsorts."),
            Spalte("veranstalter_id", "Veranstalter (Kennung)", "Kennung des Veranstalters in der Partnerliste."),
            Spalte("veranstalter", "Veranstalter", "Name des Veranstalters."),
            Spalte("partner_ids", "Beteiligte Partner",
                   "Kennungen der beteiligten Partner (Datensatz „Partner“); in der CSV-Datei durch „; “ getrennt.",
                   liste=True),
            Spalte("teilnehmende", "Teilnehmende", "Zahl der Teilnehmenden einer durchgeführten Konferenz.",
                   "integer"),
            Spalte("zusammenfassung", "Zusammenfassung", "Zusammenfassung der Konferenz (Markdown)."),
            Spalte("ergebnisse", "Ergebnisse", "Ergebnisse der Konferenz; in der CSV-Datei durch „; “ getrennt.",
                   liste=True),
            SEITE,
            *QUELLENSPALTEN,
            Spalte("zitat", "Zitat", "Die Stelle der Quelle im Wortlaut, wenn erfasst."),
            OFFENE_ANGABEN,
        ),
        _konferenzen,
    ),
    Export(
        "partner", "Partner", "Partner des Handlungskonzepts gegen Rechtsextremismus und Rassismus",
        "Die Partner und Beteiligten des Handlungskonzepts mit ihrer Rolle, jeweils mit der Quelle und der "
        "Zeit, für die die Quelle spricht. Kontaktangaben stehen auf den Seiten, nicht in den Daten.",
        "partner/",
        (
            Spalte("id", "Kennung", "Kennung des Partners; Anker auf der Seite „Partner und Netzwerk“.", pflicht=True),
            Spalte("name", "Name", "Name der Organisation oder Gruppe.", pflicht=True),
            *wortlaut_spalten("art", "Art", "Art des Partners", PartnerArt),
            Spalte("rolle", "Rolle", "Was die Quelle über die Rolle im Handlungskonzept sagt, wenn sie etwas dazu sagt."),
            Spalte("website", "Website", "Website des Partners, wenn eine Quelle sie nennt.", adresse=True),
            Spalte("arbeitsgruppe", "In der Arbeitsgruppe",
                   f"„{JA}“, wenn der Partner in der Arbeitsgruppe vertreten ist, sonst „{NEIN}“.", "boolean",
                   pflicht=True),
            SEITE,
            *QUELLENSPALTEN,
        ),
        _partner,
    ),
)


def _csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return JA if value else NEIN
    if isinstance(value, list):
        return TRENNER.join(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _json_value(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def csv_datei(export: Export, zeilen: list[dict]) -> bytes:
    """RFC 4180: comma, CRLF line ends, quotes where needed; UTF-8 without byte order mark; a header row."""
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(s.name for s in export.spalten)
    for zeile in zeilen:
        writer.writerow(_csv_cell(zeile[s.name]) for s in export.spalten)
    return text.getvalue().encode("utf-8")


def _json_bytes(value: object) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def json_datei(export: Export, zeilen: list[dict]) -> bytes:
    """A JSON array with one object per row, keys as the CSV header."""
    return _json_bytes([{s.name: _json_value(zeile[s.name]) for s in export.spalten} for zeile in zeilen])


def tabellenschema(export: Export, site_url: str | None) -> dict:
    """Frictionless Table Schema (v1) of the CSV file."""
    felder = []
    for s in export.spalten:
        feld: dict = {"name": s.name, "title": s.titel, "description": s.beschreibung, "type": s.typ}
        if s.adresse:
            feld["format"] = "uri"
        if s.typ == "boolean":
            feld |= {"trueValues": [JA], "falseValues": [NEIN]}
        constraints = {}
        if s.pflicht:
            constraints["required"] = True
        if s.werte:
            constraints["enum"] = list(s.werte)
        if s.name == "id":
            constraints["unique"] = True
        if constraints:
            feld["constraints"] = constraints
        felder.append(feld)
    return {
        "$schema": "https://specs.frictionlessdata.io/schemas/table-schema.json",
        "title": export.titel,
        "description": f"{export.beschreibung} Spalten der CSV-Datei {absolute_url(site_url, export.pfad('csv'))}. "
                       "Leere Zellen bedeuten: keine Angabe.",
        "fields": felder,
        "primaryKey": ["id"],
        "missingValues": [""],
    }


def _json_typ(s: Spalte) -> dict:
    if s.liste:
        return {"type": "array", "items": {"type": "string"}}
    typ: dict = {"type": {"date": "string", "integer": "integer", "boolean": "boolean"}.get(s.typ, "string")}
    if s.typ == "date":
        typ["format"] = "date"
    if s.adresse:
        typ["format"] = "uri"
    if s.werte:
        typ["enum"] = list(s.werte)
    if not s.pflicht:
        typ = {"anyOf": [typ, {"type": "null"}]}
    return typ


def json_schema(export: Export, site_url: str | None) -> dict:
    """JSON Schema (2020-12) of the JSON file."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": absolute_url(site_url, export.pfad("json.schema.json")),
        "title": export.titel,
        "description": f"{export.beschreibung} Aufbau der Datei {absolute_url(site_url, export.pfad('json'))}: "
                       "eine Liste mit einem Objekt je Eintrag; null bedeutet: keine Angabe.",
        "type": "array",
        "items": {
            "type": "object",
            "additionalProperties": False,
            "required": [s.name for s in export.spalten],
            "properties": {s.name: {"title": s.titel, "description": s.beschreibung, **_json_typ(s)}
                           for s in export.spalten},
        },
    }


def dateien(daten: Daten, site_url: str | None) -> dict[str, bytes]:
    """Every export file by site-relative path."""
    result = {}
    for e in EXPORTE:
        zeilen = list(e.zeilen(daten, site_url))
        result[e.pfad("csv")] = csv_datei(e, zeilen)
        result[e.pfad("csv.schema.json")] = _json_bytes(tabellenschema(e, site_url))
        result[e.pfad("json")] = json_datei(e, zeilen)
        result[e.pfad("json.schema.json")] = _json_bytes(json_schema(e, site_url))
    return result


#: Each file of an export: ending, format name, and the kind of schema published beside it.
FORMATE = (("csv", "CSV", "Table Schema"), ("json", "JSON", "JSON Schema"))


def downloads(export: Export, inhalte: dict[str, bytes]) -> list[dict]:
    """What a page says about each file of an export: format, path and size, and the same of its schema."""
    return [{"format": name, "pfad": export.pfad(endung), "groesse": groesse_de(len(inhalte[export.pfad(endung)])),
             "schema_name": schema, "schema_pfad": export.pfad(f"{endung}.schema.json"),
             "schema_groesse": groesse_de(len(inhalte[export.pfad(f"{endung}.schema.json")]))}
            for endung, name, schema in FORMATE]
