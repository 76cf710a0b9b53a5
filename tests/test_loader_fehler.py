"""The loader against a corpus of bad inputs: every message names file, line and field, in German.

Each case copies the real ``data/`` into a temporary folder and breaks one thing.
The expected line is found in the broken text itself (the line holding a marker),
so the test checks the line number the editor would look at.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Callable

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from pydantic import ConfigDict, Field, StrictBool, StringConstraints, TypeAdapter, ValidationError

from handlungskonzept.daten import loader, messages, rules, yaml_source
from handlungskonzept.daten.loader import load
from handlungskonzept.daten.model import (STAEDTE, Anzahl, Bereitsteller, Datenkatalog, DocsPfad, Dokument, EMail, HttpsUrl, Impressum, Kontakt, Lizenz,
                                    Kennung, Kreisschluessel, OffenerPunkt, Quelle, Regionalkonferenz, SeiteMitAnker,
                                    Status, Strict, Suchbegriff, Text, Video, Weiterleitung, Zeit)
from handlungskonzept.daten.problems import DatenFehler, Problem

DATA = ROOT / "data"
DOCS = ROOT / "docs"

P, K, R = "partner.yml", "projekt.yml", "regionalkonferenzen.yml"
I, W, Q, S = "impressum.yml", "weiterleitungen.yml", "quellen.yml", "suchbegriffe.yml"


def replace(old: str, new: str, count: int = 1) -> Callable[[str], str]:
    """A mutation that swaps one exact piece of text; fails loudly when the real data changed."""
    def mutate(text: str) -> str:
        assert old in text, f"Testvorlage passt nicht mehr zu data/: {old!r}"
        return text.replace(old, new, count)
    return mutate


def after_record(town: str, lines: str) -> Callable[[str], str]:
    """Insert field lines right after ``stadt:`` of one conference record."""
    def mutate(text: str) -> str:
        match = re.search(rf"^- id: {re.escape(town)}\n  stadt: [^\n]*\n", text, re.M)
        assert match, town
        return text[:match.end()] + lines + text[match.end():]
    return mutate


def drop_record(town: str) -> Callable[[str], str]:
    def mutate(text: str) -> str:
        return re.sub(rf"^- id: {re.escape(town)}\n(  [^\n]*\n|\n)*", "", text, flags=re.M)
    return mutate


@dataclass(frozen=True)
class Case:
    name: str
    datei: str
    mutate: Callable[[str], str] | None
    marker: str | int           # text on the line the message must name (``text#2``: its 2nd line), or the number
    feld: str                   # expected field path (substring)
    meldung: str                # expected German message (substring)
    content: str | None = None  # replace the whole file (bytes as latin-1 when ``latin1``)
    latin1: bool = False


CASES = [
    Case("syntaxfehler-doppelpunkt", P, replace("rolle: Laut Vorlage lag hier die Projektleitung, mit", "rolle: Laut Vorlage lag hier die Projektleitung: mit"),
         "rolle: Laut Vorlage lag hier die Projektleitung: mit", "", "Doppelpunkt an unerwarteter Stelle"),
    # PyYAML notices a missing quote only at the end of the file; the message names where it opened.
    Case("syntaxfehler-anfuehrungszeichen", P, replace("name: Kreissportbund\n", 'name: "Kreissportbund\n'),
         'name: "Kreissportbund', "", "Anführungszeichen"),
    Case("tabulator", P, replace("  name: Kreissportbund", "\tname: Kreissportbund"),
         "\tname: Kreissportbund", "", "Tabulatorzeichen"),
    Case("unbekanntes-feld-stadtt", R, replace("  stadt: Haan", "  stadtt: Haan"),
         "stadtt: Haan", "Eintrag 2 (haan) › stadtt", "Meinten Sie „stadt“?"),
    Case("unbekanntes-feld-verschachtelt", Q, replace("  zeit:\n    von:", "  zeit:\n    vonn:"),
         "vonn: 2017-02-01", "Eintrag 1 (vorlage-sv-50-100) › zeit › vonn", "Unbekanntes Feld"),
    Case("quelle-unbekannt", R, replace("  stadt: Haan\n  status: offen\n  quelle: vorlage-sv-50-100",
                                         "  stadt: Haan\n  status: offen\n  quelle: vorlage-haan"),
         "quelle: vorlage-haan", "Eintrag 2 (haan) › quelle", "Diese Quelle steht nicht in quellen.yml. Erlaubt sind: vorlage-sv-50-100."),
    Case("quelle-ohne-zeit", Q, replace("    begruendung: Die Vorlage ist undatiert.", "    begruendun: Die Vorlage ist undatiert."),
         "begruendun: Die Vorlage", "Eintrag 1 (vorlage-sv-50-100) › zeit › begruendun", "Unbekanntes Feld"),
    Case("pflichtfeld-fehlt", R, replace("  stadt: Haan\n  status: offen\n  quelle: vorlage-sv-50-100\n", "  stadt: Haan\n  status: offen\n"),
         "- id: haan", "Eintrag 2 (haan) › quelle", "Pflichtfeld fehlt"),
    Case("staedte-anzahl-passt-nicht", K,
         replace("konferenzen_durchgefuehrt_staedte:\n  offen: Welche drei Städte ihre Regionalkonferenz bereits "
                 "durchgeführt haben (die Quelle nennt sie nicht)\n",
                 "konferenzen_durchgefuehrt_staedte: [haan, velbert]\n"),
         "konferenzen_durchgefuehrt_staedte: [haan, velbert]", "konferenzen_durchgefuehrt_staedte",
         "sind es 3 Städte, hier stehen 2"),
    Case("staedte-doppelt", K,
         replace("konferenzen_durchgefuehrt_staedte:\n  offen: Welche drei Städte ihre Regionalkonferenz bereits "
                 "durchgeführt haben (die Quelle nennt sie nicht)\n",
                 "konferenzen_durchgefuehrt_staedte: [haan, velbert, haan]\n"),
         "konferenzen_durchgefuehrt_staedte: [haan, velbert, haan]", "konferenzen_durchgefuehrt_staedte › Eintrag 3",
         "schon in der Liste"),
    Case("falscher-typ-zahl", R, after_record("hilden", "  teilnehmende: viele\n"),
         "teilnehmende: viele", "Eintrag 4 (hilden) › teilnehmende", "ganze Zahl"),
    Case("falscher-typ-liste", R, replace("  partner:\n    - imap-institut\n",
                                          "  partner: imap-institut\n"),
         "partner: imap-institut", "Eintrag 4 (hilden) › partner", "Liste"),
    Case("datum-2018-02-30", K, replace("geprueft: 2026-12-02", "geprueft: 2018-02-30"),
         "geprueft: 2018-02-30", "geprueft", "Kein gültiges Datum"),
    Case("datum-mit-uhrzeit", R, after_record("hilden", "  datum: 2027-03-01 10:00:00\n"),
         "datum: 2027-03-01 10:00:00", "Eintrag 4 (hilden) › datum", "Datum"),
    Case("unbekannter-status", R, replace("  status: geplant", "  status: gepant"),
         "status: gepant", "Eintrag 4 (hilden) › status", "Unbekannter Wert. Erlaubt: geplant, durchgefuehrt, abgesagt, offen"),
    # A duplicate id is reported at its second occurrence.
    Case("doppelte-id", P, replace("- id: kreissportbund", "- id: kreisverwaltung"),
         "- id: kreisverwaltung#2", "Eintrag 4 (kreisverwaltung) › id", "mehrfach"),
    Case("doppelter-yaml-schluessel", R, after_record("haan", "  stadt: Haan\n"),
         "  stadt: Haan#2", "Eintrag 2 (haan) › stadt", "doppelt"),
    Case("verwaister-partner", R, replace("    - imap-institut\n", "    - imap-institu\n"),
         "    - imap-institu\n", "Eintrag 4 (hilden) › partner › Eintrag 1", "steht nicht in data/partner.yml"),
    Case("verwaister-veranstalter", R, replace("veranstalter: imap-institut", "veranstalter: imap"),
         "veranstalter: imap", "Eintrag 4 (hilden) › veranstalter", "steht nicht in data/partner.yml"),
    Case("verwaiste-arbeitsgruppe", K, replace("  - kreissportbund\n", "  - kreissportverein\n"),
         "  - kreissportverein", "arbeitsgruppe › Eintrag 3", "steht nicht in data/partner.yml"),
    Case("http-adresse", P, replace("  art: verband\n", "  art: verband\n  website: http://www.example.org/\n"),
         "website: http://", "Eintrag 4 (kreissportbund) › website", "https://"),
    Case("unbekannte-stadt", R, replace("- id: haan", "- id: solingen"),
         "- id: solingen", "Eintrag 2 (solingen) › id", "keine Stadt des Kreises Mettmann"),
    Case("stadt-fehlt", R, drop_record("wuelfrath"),
         "- id: erkrath", "", "Für Wülfrath (id „wuelfrath“) fehlt ein Eintrag"),
    Case("stadt-passt-nicht-zur-id", R, replace("  stadt: Haan", "  stadt: Hilden"),
         "stadt: Hilden", "Eintrag 2 (haan) › stadt", "Zur id „haan“ gehört die Stadt „Haan“"),
    Case("negative-teilnehmende", R, after_record("hilden", "  teilnehmende: -5\n"),
         "teilnehmende: -5", "Eintrag 4 (hilden) › teilnehmende", "mindestens 0"),
    Case("offen-mit-datum", R, after_record("haan", "  datum: 2027-03-01\n"),
         "datum: 2027-03-01", "Eintrag 2 (haan) › datum", "Bei Status „offen“ nennt die Quelle keinen Termin"),
    Case("durchgefuehrt-datum-nach-stand", R,
         lambda t: after_record("hilden", "  datum: 2021-03-01\n")(replace("  status: geplant\n  zeitraum: ein erstes Quartal, das Jahr nennt die Vorlage nicht\n", "  status: durchgefuehrt\n")(t)),
         "datum: 2021-03-01", "Eintrag 4 (hilden) › datum",
         "Das Datum liegt nach der Zeit der Quelle „vorlage-sv-50-100“ (bis 2020-10-31)"),
    Case("geplant-datum-vor-der-quelle", R, after_record("hilden", "  datum: 2016-01-15\n"),
         "datum: 2016-01-15", "Eintrag 4 (hilden) › datum", "Das Datum liegt vor der Zeit der Quelle „vorlage-sv-50-100“ (ab 2017-02-01)"),
    Case("dokument-fehlt", R, after_record("hilden", "  dokumente:\n    - titel: Protokoll\n      pfad: dokumente/gibt-es-nicht.pdf\n"),
         "pfad: dokumente/gibt-es-nicht.pdf", "Eintrag 4 (hilden) › dokumente › Eintrag 1 › pfad", "gibt es unter docs/ nicht"),
    Case("dokument-pfad-und-url", R, after_record("hilden", "  dokumente:\n    - titel: Protokoll\n      pfad: quellen/x.txt\n      url: https://www.example.org/x.pdf\n"),
         "    - titel: Protokoll", "Eintrag 4 (hilden) › dokumente › Eintrag 1", "Genau eines von „pfad“ oder „url“"),
    Case("dokument-pfad-nach-oben", R, after_record("hilden", "  dokumente:\n    - titel: Protokoll\n      pfad: ../geheim.txt\n"),
         "pfad: ../geheim.txt", "Eintrag 4 (hilden) › dokumente › Eintrag 1 › pfad", "ohne „..“"),
    Case("unbekannte-partner-art", P, replace("  art: verband", "  art: verein"),
         "art: verein", "Eintrag 4 (kreissportbund) › art", "Erlaubt: kreis, behoerde"),
    Case("id-mit-grossbuchstaben", P, replace("- id: kreissportbund", "- id: Kreissportbund"),
         "- id: Kreissportbund", "Eintrag 4 (Kreissportbund) › id", "Kleinbuchstaben"),
    Case("leerer-text", P, replace("  name: Kreissportbund", "  name: \"\""),
         'name: ""', "Eintrag 4 (kreissportbund) › name", "Darf nicht leer sein"),
    Case("teilnehmende-bei-geplant", R, after_record("hilden", "  teilnehmende: 12\n"),
         "teilnehmende: 12", "Eintrag 4 (hilden) › teilnehmende", "erst bei Status „durchgefuehrt“"),
    Case("leere-datei", P, None, 1, "", "Die Datei ist leer", content=""),
    Case("nur-kommentare", P, None, 1, "", "Die Datei ist leer", content="# nur ein Kommentar\n"),
    Case("liste-statt-abschnitt", K, None, "- titel: Handlungskonzept", "", "Abschnitt mit Feldern",
         content="- titel: Handlungskonzept\n- stand: 2026-11-25\n"),
    Case("abschnitt-statt-liste", P, None, "id: kreissportbund", "", "Liste",
         content="id: kreissportbund\nname: Kreissportbund\n"),
    Case("verweis-anker", P, replace("  art: verband\n", "  art: &a verband\n", 1), "art: &a verband", "", "Verweise"),
    Case("falsche-zeichenkodierung", P, None, 2, "", "UTF-8",
         content="- id: kreissportbund\n  name: Städtischer Sportbund\n", latin1=True),
    Case("steuerzeichen", P, replace("  name: Kreissportbund", "  name: Kreis\x07sportbund"),
         "Kreis\x07sportbund", "", "nicht erlaubtes Zeichen"),
    Case("falscher-typ-mit-tag", R, after_record("hilden", "  teilnehmende: !!int zwoelf\n"),
         "teilnehmende: !!int zwoelf", "Eintrag 4 (hilden) › teilnehmende", "ganze Zahl"),
    Case("teilnehmende-wahrheitswert", R, after_record("hilden", "  teilnehmende: true\n"),
         "teilnehmende: true", "Eintrag 4 (hilden) › teilnehmende", "ganze Zahl"),
    Case("teilnehmende-in-anfuehrungszeichen", R, after_record("hilden", '  teilnehmende: "12"\n'),
         'teilnehmende: "12"', "Eintrag 4 (hilden) › teilnehmende", "ganze Zahl"),
    Case("gebaerdensprache-yes", "videos.yml", replace("  gebaerdensprache: true\n", "  gebaerdensprache: yes\n"),
         "gebaerdensprache: yes", "Eintrag 1 (dgs-erklaerung) › gebaerdensprache", "true oder false"),
    Case("anzahl-laut-quelle-wahrheitswert", K, replace("konferenzen_durchgefuehrt_laut_quelle: 3", "konferenzen_durchgefuehrt_laut_quelle: yes"),
         "konferenzen_durchgefuehrt_laut_quelle: yes", "konferenzen_durchgefuehrt_laut_quelle", "ganze Zahl"),
    Case("datum-als-zahl", R, after_record("hilden", "  datum: 20270301\n"),
         "datum: 20270301", "Eintrag 4 (hilden) › datum", "Kein gültiges Datum. Erwartet: ein Datum im Format JJJJ-MM-TT"),
    Case("stand-als-kommazahl", K, replace("geprueft: 2026-12-02", "geprueft: 2026.11"),
         "geprueft: 2026.11", "geprueft", "Kein gültiges Datum. Erwartet: ein Datum im Format JJJJ-MM-TT"),
    Case("impressum-unbekanntes-feld", I, replace("herausgeber: Kreis Mettmann", "herausgeberr: Kreis Mettmann"),
         "herausgeberr: Kreis Mettmann", "herausgeberr", "Meinten Sie „herausgeber“?"),
    Case("pressekontakt-nur-name", K, replace("  offen: Pressekontakt (Name, Telefon, E-Mail) der Pressestelle des Kreises Mettmann",
                                              "  name: Pressestelle"),
         "pressekontakt:", "pressekontakt", "Ein Name erscheint nur mit „einwilligung“"),
    Case("impressum-offen-tippfehler", I, replace("  offen: Postanschrift", "  ofen: Postanschrift"),
         "  ofen: Postanschrift", "anschrift › ofen", "Meinten Sie „offen“?"),
    Case("impressum-pflichtfeld-fehlt", I, lambda t: re.sub(r"^quelle:.*\n", "", t, flags=re.M),
         "herausgeber: Kreis Mettmann", "quelle", "Pflichtfeld fehlt"),
    Case("weiterleitung-mit-schraegstrich", W, None, "  nach: /neue-seite/", "Eintrag 1 › nach",
         "ohne „/“ am Anfang", content="- von: alte-seite/\n  nach: /neue-seite/\n"),
    Case("weiterleitung-unbekanntes-feld", W, None, "  ziel: partner/", "Eintrag 1 › ziel",
         "Unbekanntes Feld", content="- von: alte-seite/\n  ziel: partner/\n"),
    Case("weiterleitung-doppelt", W, None, "- von: alt/#2", "Eintrag 2 › von", "schon eine Weiterleitung",
         content="- von: alt/\n  nach: partner/\n- von: alt/\n  nach: ''\n"),
    Case("suchbegriff-mit-leerzeichen", S, replace("synonyme: [Privatsphäre]", "synonyme: [Schutz der Daten]"),
         "synonyme: [Schutz der Daten]", "synonyme › Eintrag 1", "einzelnes Wort ohne Leerzeichen"),
    Case("suchbegriff-ohne-synonyme", S, replace("synonyme: [Anbieterkennzeichnung]", "synonyme: []"),
         "synonyme: []", "synonyme", "Mindestens ein Wort angeben"),
    Case("suchbegriff-tippfehler", S, replace("- begriff: Datenschutz", "- begrif: Datenschutz"),
         "begrif: Datenschutz", "begrif", "Meinten Sie „begriff“?"),
    Case("eckige-klammer-offen", P, replace("  name: Kreissportbund", "  name: [Kreissportbund"),
         "name: [Kreissportbund", "", "Die eckige Klammer „[“ wird nicht richtig geschlossen"),
    Case("geschweifte-klammer-offen", K, replace("geprueft: 2026-12-02", "geprueft: {2026-12-02"),
         "geprueft: {2026-12-02", "", "Die geschweifte Klammer „{“ wird nicht richtig geschlossen"),
    Case("klammer-ohne-oeffnende", P, replace("  name: Kreissportbund", "  name: ] Kreissportbund"),
         "name: ] Kreissportbund", "", "schließende Klammer „]“ ohne öffnende"),
    Case("reserviertes-zeichen", P, replace("  name: Kreissportbund", "  name: @Kreissportbund"),
         "name: @Kreissportbund", "", "nicht mit dem Zeichen „@“ beginnen"),
    Case("text-nach-anfuehrungszeichen", P, replace("  name: Kreissportbund", '  name: "Kreis" Sportbund'),
         'name: "Kreis" Sportbund', "", "Nach dem schließenden Anführungszeichen"),
    Case("unbekannte-escape-folge", P, replace("  name: Kreissportbund", '  name: "Kreis\\sportbund"'),
         'name: "Kreis', "", "„\\“ ein Sonderzeichen ein"),
    Case("text-hinter-senkrechtem-strich", R, after_record("hilden", "  zusammenfassung: | Kurz\n    gesagt\n"),
         "zusammenfassung: | Kurz", "", "Nach „|“ oder „>“"),
    Case("listeneintrag-in-der-zeile", R, after_record("hilden", "  ergebnisse: - Vernetzung\n"),
         "ergebnisse: - Vernetzung", "", "Listeneintrag „- “ steht an falscher Stelle"),
    Case("anweisung-am-ende", P, lambda t: t + "%YAML 1.1\n", "%YAML 1.1", "", "„...“ oder „%“"),
    Case("mehrere-dokumente", P, lambda t: t + "---\n- id: noch-eins\n", "---", "", "nur ein YAML-Dokument"),
]


#: Every problem a case yields, in the order the report lists them: (column, field, value, message), all literal.
PFLICHT = "Pflichtfeld fehlt."
ZAHL = "Hier wird eine ganze Zahl erwartet."
PARTNER = "Diese Partner-id steht nicht in data/partner.yml."
DATUM = "Kein gültiges Datum. Erwartet: ein Datum im Format JJJJ-MM-TT, z. B. 2018-03-15."
LISTE = "Hier wird eine Liste erwartet (jeder Eintrag beginnt mit „- “)."
LEER = "Die Datei ist leer. Sie muss die Daten enthalten (siehe die anderen Dateien in data/)."
FEHLT_UNTER_DOCS = "Diese Datei gibt es unter docs/ nicht."
DREI_STATT_ZWEI = "Laut „konferenzen_durchgefuehrt_laut_quelle“ sind es 3 Städte, hier stehen 2."
TIPPFEHLER = "Unbekanntes Feld – vielleicht ein Tippfehler? "
KLAMMER = "Bitte den ganzen Text in Anführungszeichen setzen, z. B. „titel: \"[Entwurf] Bericht\"“."


def durchgefuehrt_eintragen(stadt: str) -> str:
    return (f"Bei {stadt} steht in regionalkonferenzen.yml Status „offen“; für eine durchgeführte Konferenz "
            "„durchgefuehrt“ mit Datum eintragen.")


EXAKT = {
    "syntaxfehler-doppelpunkt": [
        (50, "", None,
         ("Doppelpunkt an unerwarteter Stelle. Steht ein Text mit „: “ ohne Anführungszeichen da, "
         "oder stimmt die Einrückung nicht?")),
    ],
    "syntaxfehler-anfuehrungszeichen": [(9, "", None, "Ein Anführungszeichen wird nicht geschlossen.")],
    "tabulator": [
        (1, "", None,
         ("Tabulatorzeichen gefunden. Bitte nur mit Leerzeichen einrücken (YAML erlaubt keine "
         "Tabs).")),
    ],
    "unbekanntes-feld-stadtt": [
        (3, "Eintrag 2 (haan) › stadt", None, PFLICHT),
        (3, "Eintrag 2 (haan) › stadtt", "Haan", TIPPFEHLER + "Meinten Sie „stadt“?"),
    ],
    "unbekanntes-feld-verschachtelt": [
        (5, "Eintrag 1 (vorlage-sv-50-100) › zeit › vonn", "2017-02-01", TIPPFEHLER + "Meinten Sie „von“?"),
    ],
    "quelle-unbekannt": [
        (3, "Eintrag 2 (haan) › quelle", "vorlage-haan",
         "Diese Quelle steht nicht in quellen.yml. Erlaubt sind: vorlage-sv-50-100."),
    ],
    "quelle-ohne-zeit": [
        (5, "Eintrag 1 (vorlage-sv-50-100) › zeit › begruendun", "Die Vorlage ist undatiert. „WP 14-20“ ist die Wahlperiode…",
         TIPPFEHLER + "Meinten Sie „begruendung“?"),
    ],
    "pflichtfeld-fehlt": [(3, "Eintrag 2 (haan) › quelle", None, PFLICHT)],
    "staedte-anzahl-passt-nicht": [
        (1, "konferenzen_durchgefuehrt_staedte", None, DREI_STATT_ZWEI),
        (37, "konferenzen_durchgefuehrt_staedte › Eintrag 1", "haan", durchgefuehrt_eintragen("Haan")),
        (43, "konferenzen_durchgefuehrt_staedte › Eintrag 2", "velbert", durchgefuehrt_eintragen("Velbert")),
    ],
    "staedte-doppelt": [
        (1, "konferenzen_durchgefuehrt_staedte", None, DREI_STATT_ZWEI),
        (37, "konferenzen_durchgefuehrt_staedte › Eintrag 1", "haan", durchgefuehrt_eintragen("Haan")),
        (43, "konferenzen_durchgefuehrt_staedte › Eintrag 2", "velbert", durchgefuehrt_eintragen("Velbert")),
        (52, "konferenzen_durchgefuehrt_staedte › Eintrag 3", "haan", durchgefuehrt_eintragen("Haan")),
        (52, "konferenzen_durchgefuehrt_staedte › Eintrag 3", "haan", "Diese Stadt steht schon in der Liste."),
    ],
    "falscher-typ-zahl": [(3, "Eintrag 4 (hilden) › teilnehmende", "viele", ZAHL)],
    "falscher-typ-liste": [(3, "Eintrag 4 (hilden) › partner", "imap-institut", LISTE)],
    "datum-2018-02-30": [(1, "geprueft", "2018-02-30", DATUM)],
    "datum-mit-uhrzeit": [
        (3, "Eintrag 4 (hilden) › datum", "2027-03-01 10:00:00",
         ("Bitte nur das Datum ohne Uhrzeit angeben. Erwartet: ein Datum im Format JJJJ-MM-TT, "
         "z. B. 2018-03-15.")),
    ],
    "unbekannter-status": [
        (3, "Eintrag 4 (hilden) › status", "gepant",
         "Unbekannter Wert. Erlaubt: geplant, durchgefuehrt, abgesagt, offen."),
    ],
    "doppelte-id": [
        (3, "Eintrag 4 (kreisverwaltung) › id", "kreisverwaltung",
         "Diese id kommt mehrfach vor; jede id darf nur einmal stehen."),
        (5, "arbeitsgruppe › Eintrag 3", "kreissportbund", PARTNER),
    ],
    "doppelter-yaml-schluessel": [
        (3, "Eintrag 2 (haan) › stadt", None,
         "Dieser Schlüssel steht im selben Abschnitt doppelt; bitte einen davon löschen."),
    ],
    "verwaister-partner": [(7, "Eintrag 4 (hilden) › partner › Eintrag 1", "imap-institu", PARTNER)],
    "verwaister-veranstalter": [(3, "Eintrag 4 (hilden) › veranstalter", "imap", PARTNER)],
    "verwaiste-arbeitsgruppe": [(5, "arbeitsgruppe › Eintrag 3", "kreissportverein", PARTNER)],
    "http-adresse": [
        (3, "Eintrag 4 (kreissportbund) › website", "http://www.example.org/",
         "Nur vollständige Adressen mit https:// sind erlaubt."),
    ],
    "unbekannte-stadt": [
        (3, "Eintrag 2 (solingen) › id", "solingen",
         ("„solingen“ ist keine Stadt des Kreises Mettmann; erlaubt: erkrath, haan, heiligenhaus, "
         "hilden, langenfeld, mettmann, monheim-am-rhein, ratingen, velbert, wuelfrath.")),
    ],
    "stadt-fehlt": [
        (1, "", None,
         ("Für Wülfrath (id „wuelfrath“) fehlt ein Eintrag; jede der zehn Städte braucht genau "
         "einen.")),
    ],
    "stadt-passt-nicht-zur-id": [(3, "Eintrag 2 (haan) › stadt", "Hilden", "Zur id „haan“ gehört die Stadt „Haan“.")],
    "negative-teilnehmende": [(3, "Eintrag 4 (hilden) › teilnehmende", "-5", "Die Zahl muss mindestens 0 sein.")],
    "offen-mit-datum": [
        (3, "Eintrag 2 (haan) › datum", "2027-03-01",
         "Bei Status „offen“ nennt die Quelle keinen Termin; Status „geplant“?"),
    ],
    "durchgefuehrt-datum-nach-stand": [
        (3, "Eintrag 4 (hilden) › datum", "2021-03-01",
         ("Das Datum liegt nach der Zeit der Quelle „vorlage-sv-50-100“ (bis 2020-10-31); sie kann "
         "die Konferenz nicht als durchgeführt melden. Status „geplant“?")),
    ],
    "geplant-datum-vor-der-quelle": [
        (3, "Eintrag 4 (hilden) › datum", "2016-01-15",
         ("Das Datum liegt vor der Zeit der Quelle „vorlage-sv-50-100“ (ab 2017-02-01); Status "
         "„durchgefuehrt“ oder „abgesagt“?")),
    ],
    "dokument-fehlt": [
        (7, "Eintrag 4 (hilden) › dokumente › Eintrag 1 › pfad", "dokumente/gibt-es-nicht.pdf", FEHLT_UNTER_DOCS),
    ],
    "dokument-pfad-und-url": [
        (7, "Eintrag 4 (hilden) › dokumente › Eintrag 1", None, "Genau eines von „pfad“ oder „url“ angeben."),
    ],
    "dokument-pfad-nach-oben": [
        (7, "Eintrag 4 (hilden) › dokumente › Eintrag 1 › pfad", "../geheim.txt",
         "Pfad muss relativ zu docs/ sein, ohne „..“ und ohne Adresse."),
    ],
    "unbekannte-partner-art": [
        (3, "Eintrag 4 (kreissportbund) › art", "verein",
         "Unbekannter Wert. Erlaubt: kreis, behoerde, kommune, verband, institut, ministerium."),
    ],
    "id-mit-grossbuchstaben": [
        (3, "Eintrag 4 (Kreissportbund) › id", "Kreissportbund",
         ("Nur Kleinbuchstaben a–z, Ziffern und Bindestriche sind erlaubt (keine Umlaute, keine "
         "Leerzeichen), z. B. „monheim-am-rhein“.")),
    ],
    "leerer-text": [(3, "Eintrag 4 (kreissportbund) › name", "", "Darf nicht leer sein.")],
    "teilnehmende-bei-geplant": [
        (3, "Eintrag 4 (hilden) › teilnehmende", "12", "Teilnehmende gibt es erst bei Status „durchgefuehrt“."),
    ],
    "leere-datei": [(None, "", None, LEER)],
    "nur-kommentare": [(None, "", None, LEER)],
    "liste-statt-abschnitt": [(1, "", None, "Hier wird ein Abschnitt mit Feldern erwartet (Form: „feld: Wert“).")],
    "abschnitt-statt-liste": [(1, "", None, LISTE)],
    "verweis-anker": [
        (8, "", None, "Verweise mit * oder & werden nicht unterstützt; bitte den Wert ausschreiben."),
    ],
    "falsche-zeichenkodierung": [
        (11, "", None,
         ("Die Datei ist nicht als UTF-8 gespeichert (z. B. Umlaute aus einem anderen Zeichensatz)."
         " Bitte im Editor mit der Kodierung UTF-8 speichern.")),
    ],
    "steuerzeichen": [
        (14, "", None,
         ("Hier steht ein nicht erlaubtes Zeichen (U+0007, unsichtbares Steuerzeichen). Bitte "
         "löschen.")),
    ],
    "falscher-typ-mit-tag": [(3, "Eintrag 4 (hilden) › teilnehmende", "zwoelf", ZAHL)],
    "teilnehmende-wahrheitswert": [(3, "Eintrag 4 (hilden) › teilnehmende", "true", ZAHL)],
    "teilnehmende-in-anfuehrungszeichen": [(3, "Eintrag 4 (hilden) › teilnehmende", "12", ZAHL)],
    "gebaerdensprache-yes": [(3, "Eintrag 1 (dgs-erklaerung) › gebaerdensprache", "yes",
                              "Erwartet: true oder false.")],
    "anzahl-laut-quelle-wahrheitswert": [(1, "konferenzen_durchgefuehrt_laut_quelle", "yes", ZAHL)],
    "datum-als-zahl": [(3, "Eintrag 4 (hilden) › datum", "20270301", DATUM)],
    "stand-als-kommazahl": [(1, "geprueft", "2026.11", DATUM)],
    "impressum-unbekanntes-feld": [
        (1, "herausgeber", None, PFLICHT),
        (1, "herausgeberr", "Kreis Mettmann", TIPPFEHLER + "Meinten Sie „herausgeber“?"),
    ],
    "pressekontakt-nur-name": [  # the contact's message alone, not the open item's (no „offen“, unknown „name“)
        (1, "pressekontakt", None, "Ein Name erscheint nur mit „einwilligung“ (Datum der Zustimmung) und „quelle“; "
                                   "sonst eine Funktion angeben, z. B. „funktion: Pressestelle“."),
    ],
    "impressum-offen-tippfehler": [
        (1, "anschrift", None, "Erwartet: ein Text oder ein offener Punkt in der Form „offen: was noch fehlt“."),
        (1, "anschrift › offen", None, PFLICHT),
        (3, "anschrift › ofen", "Postanschrift des Kreises Mettmann (Straße, Hausnummer, P…",
         TIPPFEHLER + "Meinten Sie „offen“?"),
    ],
    "impressum-pflichtfeld-fehlt": [(1, "quelle", None, PFLICHT)],
    "weiterleitung-mit-schraegstrich": [
        (3, "Eintrag 1 › nach", "/neue-seite/",
         ("Erwartet wird eine Adresse auf dieser Website ohne „https://“ und ohne „/“ am Anfang, "
         "mit „/“ am Ende, nur Kleinbuchstaben a–z, Ziffern, „-“, „_“ und „.“, z. B. "
         "„regionalkonferenzen/haan/“.")),
    ],
    "weiterleitung-unbekanntes-feld": [
        (3, "Eintrag 1 › nach", None, PFLICHT),
        (3, "Eintrag 1 › ziel", "partner/", TIPPFEHLER + "Meinten Sie „titel“?"),
    ],
    "weiterleitung-doppelt": [
        (3, "Eintrag 2 › von", "alt/", "Für diese alte Adresse gibt es schon eine Weiterleitung."),
    ],
    "suchbegriff-mit-leerzeichen": [
        (14, "Eintrag 3 › synonyme › Eintrag 1", "Schutz der Daten",
         "Erwartet wird ein einzelnes Wort ohne Leerzeichen und Ziffern, z. B. „Kontakt“."),
    ],
    "suchbegriff-ohne-synonyme": [
        (3, "Eintrag 4 › synonyme", None, "Mindestens ein Wort angeben (jeder Eintrag beginnt mit „- “)."),
    ],
    "suchbegriff-tippfehler": [
        (3, "Eintrag 3 › begrif", "Datenschutz", TIPPFEHLER + "Meinten Sie „begriff“?"),
        (3, "Eintrag 3 › begriff", None, PFLICHT),
    ],
    "eckige-klammer-offen": [
        (9, "", None,
         ("Die eckige Klammer „[“ wird nicht richtig geschlossen: In Klammern folgt auf jeden "
         "Eintrag ein Komma oder die schließende Klammer „]“. Soll der Wert ein Text sein, der mit"
         " einer Klammer beginnt? ") + KLAMMER),
    ],
    "geschweifte-klammer-offen": [
        (11, "", None,
         ("Die geschweifte Klammer „{“ wird nicht richtig geschlossen: In Klammern folgt auf jeden "
         "Eintrag ein Komma oder die schließende Klammer „}“. Soll der Wert ein Text sein, der mit"
         " einer Klammer beginnt? ") + KLAMMER),
    ],
    "klammer-ohne-oeffnende": [
        (9, "", None, "Hier steht die schließende Klammer „]“ ohne öffnende Klammer davor. " + KLAMMER),
    ],
    "reserviertes-zeichen": [(9, "", None, "Ein Wert darf nicht mit dem Zeichen „@“ beginnen. " + KLAMMER)],
    "text-nach-anfuehrungszeichen": [
        (17, "", None,
         ("Nach dem schließenden Anführungszeichen oder der schließenden Klammer geht der Text "
         "weiter. Soll ein Anführungszeichen zum Text gehören, den ganzen Wert in die jeweils "
         'anderen Anführungszeichen setzen, z. B. „titel: \'Das "Netzwerk" tagt\'“.')),
    ],
    "unbekannte-escape-folge": [
        (15, "", None,
         ("In doppelten Anführungszeichen leitet „\\“ ein Sonderzeichen ein, das es so nicht gibt. "
         "Bitte einfache Anführungszeichen verwenden ('…') oder „\\\\“ schreiben.")),
    ],
    "text-hinter-senkrechtem-strich": [
        (22, "", None,
         ("Nach „|“ oder „>“ darf in derselben Zeile nichts mehr stehen: Der Text beginnt in der "
         "nächsten Zeile, eingerückt.")),
    ],
    "listeneintrag-in-der-zeile": [
        (15, "", None,
         ("Ein Listeneintrag „- “ steht an falscher Stelle: Jeder Listeneintrag beginnt in einer "
         "eigenen Zeile, eingerückt unter dem Feldnamen.")),
    ],
    "anweisung-am-ende": [
        (1, "", None,
         ("Eine Zeile, die mit „...“ oder „%“ beginnt, beendet in YAML die Daten oder ist eine "
         "Anweisung. Bitte die Zeile löschen oder ihren Text in Anführungszeichen setzen.")),
    ],
    "mehrere-dokumente": [
        (1, "", None, "Eine Datei darf nur ein YAML-Dokument enthalten; bitte die Trennlinie „---“ entfernen."),
    ],
}


def write_broken(tmp_path: Path, case: Case) -> tuple[Path, str]:
    """Copy data/ to tmp, break it as the case says; return the folder and the broken text."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    target = data / case.datei
    if case.content is not None:
        text = case.content
        target.write_bytes(text.encode("latin-1" if case.latin1 else "utf-8"))
    else:
        text = case.mutate(target.read_text(encoding="utf-8"))
        target.write_text(text, encoding="utf-8")
    return data, text


def expected_line(text: str, marker: str | int) -> int:
    """1-based line holding ``marker`` (``marker#2``: its second occurrence); a number is the line itself."""
    if isinstance(marker, int):
        return marker
    marker, _, nth = marker.partition("#")
    hits = [i + 1 for i, line in enumerate(text.split("\n")) if marker.strip("\n") in line]
    assert hits, marker
    return hits[int(nth or 1) - 1]


def problems_for(data: Path) -> list[Problem]:
    with pytest.raises(DatenFehler) as info:
        load(data, DOCS, "data")
    return info.value.problems


def test_corpus_is_large_enough():
    assert len(CASES) >= 24
    assert len({c.name for c in CASES}) == len(CASES)
    assert list(EXAKT) == [c.name for c in CASES]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_is_named_by_file_line_and_field(tmp_path, case):
    data, text = write_broken(tmp_path, case)
    problems = problems_for(data)
    matching = [p for p in problems if case.meldung in p.meldung and case.feld in p.feld]
    assert matching, f"keine passende Meldung für {case.name}:\n" + "\n".join(map(str, problems))
    problem = matching[0]
    assert problem.datei == f"data/{case.datei}"
    assert problem.zeile == expected_line(text, case.marker), str(problem)
    if case.feld:
        assert problem.feld.endswith(case.feld.split(" › ")[-1]), str(problem)
    shown = str(problem)
    assert "technische Angabe" not in shown  # every case in the corpus has its own German message
    assert shown.startswith(f"data/{case.datei}, Zeile {problem.zeile}")
    if case.feld:
        assert f"Feld „{problem.feld}“" in shown
    assert "Traceback" not in shown and "pydantic" not in shown.lower()
    assert [(p.spalte, p.feld, p.wert, p.meldung) for p in problems] == EXAKT[case.name]


def test_unknown_file_in_data_is_an_error(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / "konferenzen.yml").write_text("- id: haan\n", encoding="utf-8")
    (data / "notizen.txt").write_text("keine Daten\n", encoding="utf-8")
    (data / "alt.yaml").write_text("- id: haan\n", encoding="utf-8")
    erwartet = ("Unbekannte Datei. Erwartet werden: datenkatalog.yml, impressum.yml, partner.yml, projekt.yml, quellen.yml, "
                "regionalkonferenzen.yml, suchbegriffe.yml, videos.yml, weiterleitungen.yml.")
    assert [str(p) for p in problems_for(data)] == [f"data/alt.yaml: {erwartet}", f"data/konferenzen.yml: {erwartet}"]


def test_runaway_nesting_is_an_error_not_a_crash(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / P).write_text("- " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    problems = problems_for(data)
    assert [(p.datei, p.meldung) for p in problems] == [
        ("data/partner.yml", "Die Daten sind zu tief verschachtelt (zu viele Klammern oder Einrückungsebenen).")]


def test_missing_file_is_an_error(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / "partner.yml").unlink()
    problems = problems_for(data)
    assert any(p.datei == "data/partner.yml" and "Die Datei fehlt" in p.meldung for p in problems)


def test_missing_required_and_optional_files(data_copy):
    with pytest.raises(DatenFehler) as raised:
        load(data_copy(impressum=None, datenkatalog=None, videos=None, suchbegriffe=None), ROOT / "docs")
    assert [str(p) for p in raised.value.problems] == ["daten-0/datenkatalog.yml: Die Datei fehlt.",
                                                       "daten-0/impressum.yml: Die Datei fehlt."]
    daten = load(data_copy(videos=None, suchbegriffe=None), ROOT / "docs", "d").daten  # no weiterleitungen.yml either
    assert (daten.videos, daten.suchbegriffe, daten.weiterleitungen) == ([], [], [])


def test_a_load_is_reused_until_a_file_changes(data_copy):
    data = data_copy()
    first = load(data, ROOT / "docs")
    assert load(data, ROOT / "docs") is first
    assert load(data, ROOT / "docs", "anders") is not first
    assert load(data) is not load(data, ROOT / "docs")
    assert first.shown_as["partner"] == "daten-0/partner.yml"
    again = load(data, ROOT / "docs")
    (data / "projekt.yml").write_text((data / "projekt.yml").read_text(encoding="utf-8") + "# geändert\n",
                                      encoding="utf-8")
    changed = load(data, ROOT / "docs")
    assert changed is not again and changed.daten == again.daten
    assert changed.positions["projekt"][("geprueft",)] == again.positions["projekt"][("geprueft",)]


def test_several_problems_in_one_run_are_all_reported(tmp_path):
    """Fields, syntax and a second file at once: the editor fixes everything in one go."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    konferenzen = (data / R).read_text(encoding="utf-8")
    konferenzen = konferenzen.replace("  stadt: Haan", "  stadtt: Haan").replace("  status: geplant", "  status: gepant")
    (data / R).write_text(konferenzen, encoding="utf-8")
    (data / P).write_text((data / P).read_text(encoding="utf-8").replace("  name: Kreissportbund", "\tname: X"),
                          encoding="utf-8")
    (data / K).write_text((data / K).read_text(encoding="utf-8").replace("geprueft: 2026-12-02", "geprueft: 2018-02-30"),
                          encoding="utf-8")
    with pytest.raises(DatenFehler) as info:
        load(data, DOCS, "data")
    problems = info.value.problems
    bericht = info.value.bericht()
    assert {p.datei for p in problems} == {"data/partner.yml", "data/projekt.yml", "data/regionalkonferenzen.yml"}
    for expected in ("stadtt", "gepant", "Tabulatorzeichen", "2018-02-30"):
        assert expected in bericht
    assert bericht.startswith(f"{len(problems)} Fehler in den Daten")
    assert len(problems) >= 4


def test_rule_problems_are_all_reported_too(tmp_path):
    """Cross-record rules also report every finding, not only the first."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    text = (data / R).read_text(encoding="utf-8")
    text = text.replace("  stadt: Haan", "  stadt: Hilden").replace("veranstalter: imap-institut", "veranstalter: imap")
    (data / R).write_text(text, encoding="utf-8")
    problems = problems_for(data)
    assert len(problems) == 2
    assert {p.feld for p in problems} == {"Eintrag 2 (haan) › stadt", "Eintrag 4 (hilden) › veranstalter"}


def test_rule_findings_are_reported_while_another_file_has_a_typo(tmp_path):
    """A cross-record finding in one file does not wait until a syntax error elsewhere is fixed."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / P).write_text((data / P).read_text(encoding="utf-8").replace("  name: Kreissportbund", "\tname: X"),
                          encoding="utf-8")
    (data / R).write_text((data / R).read_text(encoding="utf-8").replace("  stadt: Haan", "  stadt: Hilden"),
                          encoding="utf-8")
    found = {(p.datei, p.feld) for p in problems_for(data)}
    assert ("data/partner.yml", "") in found
    assert ("data/regionalkonferenzen.yml", "Eintrag 2 (haan) › stadt") in found


def _run(command: list[str], data: Path, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "macros"), "NO_MKDOCS_2_WARNING": "1", "HK_DATEN": str(data)}
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_check_and_build_fail_without_traceback(tmp_path):
    """Both read the data folder from HK_DATEN, as ``make site`` does."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / R).write_text((data / R).read_text(encoding="utf-8").replace("  stadt: Haan", "  stadtt: Haan"),
                          encoding="utf-8")
    line = expected_line((data / R).read_text(encoding="utf-8"), "stadtt: Haan")
    check = _run([sys.executable, "-m", "handlungskonzept", "check"], data)
    build = _run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tmp_path / "site")], data)
    for result in (check, build):
        output = result.stdout + result.stderr
        assert result.returncode != 0
        assert "Traceback" not in output
        assert "regionalkonferenzen.yml" in output and f"Zeile {line}" in output and "stadtt" in output
        assert "Unbekanntes Feld" in output
    assert not (tmp_path / "site" / "index.html").exists()


ENGLISCH = re.compile(r"\b(expected|found|while|but|got|could not|allowed|scanning|parsing|input|should)\b")

YAMLISH = st.lists(
    st.one_of(
        st.sampled_from(["- ", "  ", "\t", ": ", ":", "-", "id", "stadt", "status", "datum", "partner", "'", '"',
                         "[", "]", "{", "}", ",", "&a", "*a", "!!str", "!!int ", "!!bool ", "!!float ", "!!binary ",
                         "!!python/object:os.system", "#", "---",
                         "...", "|", ">", "?", "%YAML 1.1", "2018-02-30", "null", "~", "1e3", ".inf", "yes",
                         "\n", "\n  ", "\n- ", "\x00", "\x07", "\ufeff", "ä", "{{ 7*7 }}", "<script>"]),
        st.text(max_size=8),
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=YAMLISH, datei=st.sampled_from([P, K, R]))
def test_random_yamlish_text_never_crashes(tmp_path_factory, text, datei):
    """Whatever an editor types, the loader answers with DatenFehler (or loads), never a traceback."""
    data = tmp_path_factory.mktemp("zufall")
    for name in (P, K, R):
        shutil.copy(DATA / name, data / name)
    (data / datei).write_bytes(text.encode("utf-8", errors="replace"))
    try:
        load(data, DOCS, "data")
    except DatenFehler as error:
        bericht = error.bericht()
        assert error.problems
        assert all(p.datei.startswith("data/") for p in error.problems)
        assert "Fehler in den Daten" in bericht
        for problem in error.problems:  # English may only follow as „technische Angabe“
            assert not ENGLISCH.search(problem.meldung.split("(technische Angabe:")[0]), str(problem)


def test_unforeseen_yaml_error_still_starts_in_german():
    """A PyYAML error without its own translation leads with German; the original follows as a technical note."""
    error = yaml.MarkedYAMLError("while frobnicating a node", None, "found something odd", None)
    message = yaml_source._syntax_message(error, "a: 1\n")
    assert message.startswith("Die Datei ist an dieser Stelle kein gültiges YAML.")
    assert message.endswith("(technische Angabe: found something odd while frobnicating a node).")


def test_broken_mkdocs_yml_is_reported_by_check_with_line(tmp_path):
    """``make check`` (and so ``make site``) reads mkdocs.yml too, with the same German syntax messages."""
    config = tmp_path / "mkdocs.yml"
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "!ENV" in text  # MkDocs' own tags are accepted …
    text += "markdown_extensions_extra:\n  - emoji: !!python/name:material.extensions.emoji.twemoji\n  - !relative x\n"
    config.write_text(text, encoding="utf-8")
    command = [sys.executable, "-m", "handlungskonzept", "--config", str(config), "check"]
    assert _run(command, DATA).returncode == 0
    config.write_text(text + "herausgeber: [Kreis Mettmann\n", encoding="utf-8")  # … a syntax error is not
    result = _run(command, DATA)
    line = len(text.splitlines()) + 1
    assert result.returncode != 0
    assert f"mkdocs.yml, Zeile {line}, Spalte 14: Die eckige Klammer „[“ wird nicht richtig geschlossen" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr and "expected" not in result.stderr


# The cross-record rules on the model directly (``rules.check``): each finding as (file key, path, message, value).
ALLE_DATEIEN = {"projekt", "quellen", "partner", "regionalkonferenzen", "weiterleitungen", "videos"}
ALT = "Diese Quelle ist älter als ein Jahr (bis {}); einen Namen nennt die Website nur mit einer aktuellen Quelle."


def findings(daten, docs: Path | None = None, valid: set[str] = ALLE_DATEIEN) -> list[tuple]:
    return list(rules.check(daten, docs, valid))


def with_projekt(daten, **felder):
    return daten.model_copy(update={"projekt": daten.projekt.model_copy(update=felder)})


def with_konferenz(daten, index: int, **felder):
    konferenzen = list(daten.regionalkonferenzen)
    konferenzen[index] = konferenzen[index].model_copy(update=felder)
    return daten.model_copy(update={"regionalkonferenzen": konferenzen})


def test_the_complete_fixture_data_break_no_rule(fixture_daten):
    assert findings(fixture_daten) == []


def test_a_name_needs_a_source_that_ended_at_most_365_days_before_the_check(fixture_daten):
    # The press contact's source ends on 2027-06-01; 365 days later is 2028-05-31 (2028 is a leap year).
    assert findings(with_projekt(fixture_daten, geprueft=dt.date(2028, 5, 31))) == []
    assert findings(with_projekt(fixture_daten, geprueft=dt.date(2028, 6, 1))) == [
        ("projekt", ("pressekontakt", "quelle"), ALT.format("2027-06-01"), "testbericht-2027")]
    partner = list(fixture_daten.partner)
    partner[2] = partner[2].model_copy(update={"kontakt": Kontakt(name="Erika Muster", einwilligung=dt.date(2027, 1, 1),
                                                                   quelle="vorlage-sv-50-100")})
    partner[3] = partner[3].model_copy(update={"kontakt": Kontakt(name=OffenerPunkt(offen="Name"), quelle="vorlage-sv-50-100")})
    partner[4] = partner[4].model_copy(update={"kontakt": Kontakt(funktion="Pressestelle")})
    assert findings(fixture_daten.model_copy(update={"partner": partner})) == [
        ("partner", (2, "kontakt", "quelle"), ALT.format("2020-10-31"), "vorlage-sv-50-100")]


def test_unknown_sources_are_named_everywhere_they_stand(fixture_daten):
    erlaubt = "Diese Quelle steht nicht in quellen.yml. Erlaubt sind: vorlage-sv-50-100, testbericht-2027."
    partner = list(fixture_daten.partner)
    partner[1] = partner[1].model_copy(update={"quelle": "weg", "kontakt": Kontakt(funktion="Amt", quelle="auch-weg")})
    daten = with_konferenz(with_projekt(fixture_daten.model_copy(update={"partner": partner}), quelle="fort"), 5,
                           quelle="nirgends")
    pressekontakt = daten.projekt.pressekontakt.model_copy(update={"quelle": "unbekannt"})
    assert findings(with_projekt(daten, pressekontakt=pressekontakt), valid={"quellen", "partner", "regionalkonferenzen",
                                                                             "projekt"}) == [
        ("projekt", ("quelle",), erlaubt, "fort"),
        ("partner", (1, "quelle"), erlaubt, "weg"),
        ("regionalkonferenzen", (5, "quelle"), erlaubt, "nirgends"),
        ("projekt", ("pressekontakt", "quelle"), erlaubt, "unbekannt"),
        ("partner", (1, "kontakt", "quelle"), erlaubt, "auch-weg"),
    ]


def test_status_against_the_time_of_the_source_at_its_edges(fixture_daten):
    """testbericht-2027 speaks for 2027-06-01 only: held on that day is fine, a day later is not."""
    nach = ("Das Datum liegt nach der Zeit der Quelle „testbericht-2027“ (bis 2027-06-01); sie kann die Konferenz "
            "nicht als durchgeführt melden. Status „geplant“?")
    vor = ("Das Datum liegt vor der Zeit der Quelle „testbericht-2027“ (ab 2027-06-01); Status „durchgefuehrt“ oder "
           "„abgesagt“?")
    assert findings(with_konferenz(fixture_daten, 0, datum=dt.date(2027, 6, 1))) == []
    assert findings(with_konferenz(fixture_daten, 0, datum=dt.date(2027, 6, 2))) == [
        ("regionalkonferenzen", (0, "datum"), nach, dt.date(2027, 6, 2))]
    assert findings(with_konferenz(fixture_daten, 1, datum=None)) == [
        ("regionalkonferenzen", (1, "datum"), "Eine durchgeführte Konferenz braucht ein Datum.", None)]
    geplant = {"status": Status.geplant, "teilnehmende": None, "ergebnisse": []}
    daten = with_projekt(fixture_daten, konferenzen_durchgefuehrt_laut_quelle=9)
    assert findings(with_konferenz(daten, 2, datum=dt.date(2027, 6, 1), **geplant)) == []
    assert findings(with_konferenz(daten, 2, datum=None, **geplant)) == []
    assert findings(with_konferenz(daten, 2, datum=dt.date(2027, 5, 31), **geplant)) == [
        ("regionalkonferenzen", (2, "datum"), vor, dt.date(2027, 5, 31))]


def test_what_only_a_held_conference_has(fixture_daten):
    daten = with_projekt(fixture_daten, konferenzen_durchgefuehrt_laut_quelle=8)
    daten = with_konferenz(daten, 3, status=Status.abgesagt, datum=None)
    daten = with_konferenz(daten, 4, status=Status.offen, datum=dt.date(2027, 3, 14), zeitraum="im Frühjahr",
                           teilnehmende=None, ergebnisse=[])
    termin = "Bei Status „offen“ nennt die Quelle keinen Termin; Status „geplant“?"
    assert findings(daten) == [
        ("regionalkonferenzen", (3, "teilnehmende"), "Teilnehmende gibt es erst bei Status „durchgefuehrt“.", 43),
        ("regionalkonferenzen", (3, "ergebnisse"), "Ergebnisse gibt es erst bei Status „durchgefuehrt“.", None),
        ("regionalkonferenzen", (4, "datum"), termin, dt.date(2027, 3, 14)),
        ("regionalkonferenzen", (4, "zeitraum"), termin, "im Frühjahr"),
    ]


def test_held_conferences_without_a_town_must_fit_the_open_towns(fixture_daten):
    offen = {"status": Status.offen, "datum": None, "teilnehmende": None, "ergebnisse": []}
    assert findings(with_konferenz(fixture_daten, 6, **offen)) == []  # 10 counted, 9 named, 1 open
    zwei_offen = with_konferenz(with_konferenz(fixture_daten, 6, **offen), 7, status=Status.abgesagt, datum=None,
                                teilnehmende=None, ergebnisse=[])
    assert findings(zwei_offen) == [
        ("projekt", ("konferenzen_durchgefuehrt_laut_quelle",),
         "Laut dieser Zahl fehlen noch 2 durchgeführte Konferenzen, aber nur 1 Städte stehen auf „offen“.", 10)]
    assert findings(with_projekt(zwei_offen, konferenzen_durchgefuehrt_laut_quelle=None)) == []


def test_named_towns_are_counted_once_against_the_source(fixture_daten):
    daten = with_projekt(fixture_daten, konferenzen_durchgefuehrt_staedte=["haan", "velbert"])
    assert findings(daten) == [
        ("projekt", ("konferenzen_durchgefuehrt_staedte",),
         "Laut „konferenzen_durchgefuehrt_laut_quelle“ sind es 10 Städte, hier stehen 2.", None)]
    alle = list(STAEDTE)
    assert findings(with_projekt(fixture_daten, konferenzen_durchgefuehrt_staedte=alle)) == []
    assert findings(with_projekt(fixture_daten, konferenzen_durchgefuehrt_staedte=alle + ["haan"])) == [
        ("projekt", ("konferenzen_durchgefuehrt_staedte", 10), "Diese Stadt steht schon in der Liste.", "haan")]
    assert findings(with_projekt(daten, konferenzen_durchgefuehrt_laut_quelle=None)) == []


def test_duplicate_conference_ids_and_towns(fixture_daten):
    daten = with_konferenz(fixture_daten, 9, id="erkrath", stadt="Erkrath")
    assert findings(daten, valid={"regionalkonferenzen"}) == [
        ("regionalkonferenzen", (9, "id"), "Diese id kommt mehrfach vor; jede id darf nur einmal stehen.", "erkrath"),
        ("regionalkonferenzen", (), "Für Wülfrath (id „wuelfrath“) fehlt ein Eintrag; jede der zehn Städte braucht "
                                    "genau einen.", None)]


def test_redirects_to_themselves_or_twice(fixture_daten):
    daten = fixture_daten.model_copy(update={"weiterleitungen": [
        Weiterleitung(von="a/", nach="a/"), Weiterleitung(von="b/", nach=""), Weiterleitung(von="a/", nach="b/")]})
    assert findings(daten, valid={"weiterleitungen"}) == [
        ("weiterleitungen", (0, "nach"), "Eine Weiterleitung auf sich selbst ist nicht möglich.", "a/"),
        ("weiterleitungen", (2, "von"), "Für diese alte Adresse gibt es schon eine Weiterleitung.", "a/")]


def test_files_under_docs_that_records_name(fixture_daten, tmp_path):
    docs = tmp_path / "docs"
    for datei in ("quellen/mitteilungsvorlage-wp-14-20-sv-50-100.txt", "medien/v.jpg", "seite/index.md", "text.md"):
        (docs / datei).parent.mkdir(parents=True, exist_ok=True)
        (docs / datei).write_text("x", encoding="utf-8")
    video = Video(id="v", titel="V", datei="medien/v.webm", poster="medien/v.jpg", untertitel="medien/v.vtt",
                  textfassung="fehlt/#abschnitt", dauer=95, gebaerdensprache=False, quelle="testbericht-2027")
    daten = fixture_daten.model_copy(update={"videos": [
        video, video.model_copy(update={"textfassung": "seite/#a", "quelle": "keine"}),
        video.model_copy(update={"textfassung": "text/"}), video.model_copy(update={"textfassung": "#nur-anker"})]})
    fehlt = "Diese Datei gibt es unter docs/ nicht."
    erlaubt = "Diese Quelle steht nicht in quellen.yml. Erlaubt sind: vorlage-sv-50-100, testbericht-2027."
    assert findings(daten, docs, valid={"videos", "quellen"}) == [
        ("videos", (0, "datei"), fehlt, "medien/v.webm"), ("videos", (0, "untertitel"), fehlt, "medien/v.vtt"),
        ("videos", (0, "textfassung"), "Diese Seite gibt es nicht (weder docs/fehlt.md noch docs/fehlt/index.md).",
         "fehlt/#abschnitt"),
        ("videos", (1, "datei"), fehlt, "medien/v.webm"), ("videos", (1, "untertitel"), fehlt, "medien/v.vtt"),
        ("videos", (2, "datei"), fehlt, "medien/v.webm"), ("videos", (2, "untertitel"), fehlt, "medien/v.vtt"),
        ("videos", (3, "datei"), fehlt, "medien/v.webm"), ("videos", (3, "untertitel"), fehlt, "medien/v.vtt"),
        ("videos", (1, "quelle"), erlaubt, "keine"),
    ]
    assert findings(daten, None, valid={"videos"}) == []
    (docs / "quellen" / "mitteilungsvorlage-wp-14-20-sv-50-100.txt").unlink()
    assert findings(fixture_daten, docs, valid={"quellen", "regionalkonferenzen"})[:2] == [
        ("regionalkonferenzen", (0, "dokumente", 0, "pfad"), fehlt, "quellen/mitteilungsvorlage-wp-14-20-sv-50-100.txt"),
        ("regionalkonferenzen", (1, "dokumente", 0, "pfad"), fehlt, "quellen/mitteilungsvorlage-wp-14-20-sv-50-100.txt")]
    assert findings(fixture_daten, docs, valid={"quellen"}) == [
        ("quellen", (0, "datei"), fehlt, "quellen/mitteilungsvorlage-wp-14-20-sv-50-100.txt")]


VIDEO = {"id": "v", "titel": "V", "textfassung": "seite/", "gebaerdensprache": False, "datei": {"offen": "x"}}
DATEI = {"datei": "medien/v.webm", "poster": "p.jpg", "untertitel": "u.vtt", "dauer": 95, "quelle": "q"}
HAAN = {"id": "haan", "stadt": "Haan", "status": "offen", "quelle": "q"}
OHNE_UHRZEIT = "Bitte nur das Datum ohne Uhrzeit angeben. Erwartet: ein Datum im Format JJJJ-MM-TT, z. B. 2018-03-15."


@pytest.mark.parametrize("model, raw, expected", [
    (Video, {**VIDEO, "dauer": "1:75"}, [("dauer", "1:75", ZAHL)]),
    (Video, {**VIDEO, "gebaerdensprache": "ja"}, [("gebaerdensprache", "ja", "Erwartet: true oder false.")]),
    (Video, {**VIDEO, "datei": "medien/v.webm"},
     [("", None, "Zu einer Videodatei gehören auch „poster“, „untertitel“, „dauer“, „quelle“.")]),
    (Video, {**VIDEO, **DATEI, "datei": "medien/v.avi"}, [("", None, "„datei“ muss auf .webm oder .mp4 enden.")]),
    (Video, {**VIDEO, **DATEI, "untertitel": "u.srt"},
     [("", None, "„untertitel“ muss eine WebVTT-Datei sein (Endung .vtt).")]),
    (Video, {**VIDEO, "xyzzy": 1}, [("xyzzy", "1", "Unbekanntes Feld – vielleicht ein Tippfehler?")]),
    (Regionalkonferenz, {**HAAN, "teilnehmende": 1.5}, [("teilnehmende", "1.5", ZAHL)]),
    (Regionalkonferenz, {**HAAN, "ort": 5},
     [("ort", "5", "Erwartet: ein Text oder ein offener Punkt in der Form „offen: was noch fehlt“.")]),
    (Regionalkonferenz, {**HAAN, "dokumente": {"a": 1}}, [("dokumente", None, LISTE)]),
    (Regionalkonferenz, {**HAAN, "dokumente": [{"titel": "T", "url": "http://x.de"}]},
     [("dokumente › Eintrag 1 › url", "http://x.de", "Nur vollständige Adressen mit https:// sind erlaubt.")]),
    (Zeit, {"datum": "2020-01-01", "von": "2019-01-01"},
     [("", None, "Entweder „datum“ oder „von“ und „bis“ angeben, nicht beides.")]),
    (Zeit, {"von": "2020-01-01"}, [("", None, "Ohne „datum“ braucht es „von“, „bis“ und „begruendung“.")]),
    (Zeit, {"von": "2020-01-01", "bis": "2019-12-31", "begruendung": "b"}, [("", None, "„von“ muss vor „bis“ liegen.")]),
    (Zeit, {"datum": 20200101}, [("datum", "20200101", DATUM)]),
    (Zeit, {"datum": 2020.5}, [("datum", "2020.5", DATUM)]),
    (Zeit, {"datum": "2020-01-01T10:00"}, [("datum", "2020-01-01T10:00", OHNE_UHRZEIT)]),
    (Kontakt, {"name": "Erika", "quelle": "q"},
     [("", None, "Ein Name erscheint nur mit „einwilligung“ (Datum der Zustimmung) und „quelle“; sonst eine Funktion "
                 "angeben, z. B. „funktion: Pressestelle“.")]),
    (Suchbegriff, {"begriff": "Daten2", "synonyme": ["a"]},
     [("begriff", "Daten2", "Erwartet wird ein einzelnes Wort ohne Leerzeichen und Ziffern, z. B. „Kontakt“.")]),
    (Impressum, "kein Abschnitt",
     [("", "kein Abschnitt", "Hier wird ein Abschnitt mit Feldern erwartet (Form: „feld: Wert“).")]),
    (Datenkatalog, {"lizenz": "cc-by", "bereitsteller": {"offen": "x"},
                    "gebiet": {"name": "K", "kreisschluessel": "05158", "bestaetigt": "2020-01-01"}},
     [("lizenz", "cc-by", "Unbekannter Wert. Erlaubt: dl-by-de/2.0, dl-zero-de/2.0.")]),
], ids=["dauer", "wahrheitswert", "video-unvollstaendig", "videoformat", "untertitelformat", "ohne-vorschlag",
        "kommazahl", "text-oder-offen", "liste", "https", "datum-und-zeitraum", "zeitraum-unvollstaendig",
        "zeitraum-verkehrt", "datum-als-zahl", "datum-als-kommazahl", "datum-mit-uhrzeit", "name-ohne-einwilligung",
        "suchwort", "abschnitt", "lizenz"])
def test_validation_errors_become_one_german_sentence_each(model, raw, expected):
    with pytest.raises(ValidationError) as raised:
        TypeAdapter(model).validate_python(raw)
    problems = messages.problems_from(raised.value, raw, (), "data/x.yml", {}, loader.known_fields())
    assert [(p.datei, p.zeile, p.spalte) for p in problems] == [("data/x.yml", None, None)] * len(expected)
    assert [(p.feld, p.wert, p.meldung) for p in problems] == expected


def test_position_and_prefix_of_a_validation_error():
    raw = [{**HAAN}, {**HAAN, "teilnehmende": "viele"}]
    with pytest.raises(ValidationError) as raised:
        TypeAdapter(list[Regionalkonferenz]).validate_python(raw)
    positions = {("konferenzen",): (1, 1), ("konferenzen", 1): (6, 3), ("konferenzen", 1, "teilnehmende"): (9, 5)}
    [problem] = messages.problems_from(raised.value, raw, ("konferenzen",), "data/x.yml", positions, set())
    assert (problem.zeile, problem.spalte, problem.feld, problem.wert) == (9, 5, "konferenzen › Eintrag 2 › teilnehmende", "viele")


def test_known_fields_include_nested_models_once():
    assert messages.field_names(Dokument) == {"titel", "pfad", "url"}
    assert messages.field_names(Quelle, Quelle) >= {"id", "zeit", "von", "bis", "begruendung", "datum", "offen"}
    assert "offen" in messages.field_names(Regionalkonferenz) and "pfad" in messages.field_names(Regionalkonferenz)


PFAD = "Pfad muss relativ zu docs/ sein, ohne „..“ und ohne Adresse."
EMAIL = "Erwartet wird eine E-Mail-Adresse, z. B. „barrierefreiheit@example.org“."
HTTPS = "Nur vollständige Adressen mit https:// sind erlaubt."


@pytest.mark.parametrize("typ, value, meldung", [
    (DocsPfad, "medien/a..b/v.webm", None), (DocsPfad, " medien/v.webm ", None), (DocsPfad, "/medien/v.webm", PFAD),
    (DocsPfad, "medien/../v.webm", PFAD), (DocsPfad, "..", PFAD), (DocsPfad, "https://x.de/v.webm", PFAD),
    (EMail, "presse@example.org", None), (EMail, " presse@example.org ", None), (EMail, "presse@example", EMAIL),
    (EMail, "presse @example.org", EMAIL), (EMail, "a@b@c.de", EMAIL),
    (HttpsUrl, "https://www.example.org", None), (HttpsUrl, " https://x.de/a?b ", None), (HttpsUrl, "https://x/", HTTPS),
    (HttpsUrl, "http://x.de/", HTTPS), (HttpsUrl, "https://x.de/a b", HTTPS),
])
def test_values_the_model_checks_itself(typ, value, meldung):
    try:
        TypeAdapter(typ).validate_python(value)
    except ValidationError as error:
        [problem] = messages.problems_from(error, value, (), "data/x.yml", {}, set())
        assert problem.meldung == meldung
    else:
        assert meldung is None


def test_a_document_has_a_relative_path_or_an_address():
    assert Dokument(titel="T", pfad=" a/b.pdf ").pfad == "a/b.pdf"
    assert Dokument(titel="T", url="https://x.de/b.pdf").pfad is None
    for felder in ({"pfad": "../b.pdf"}, {"pfad": "a.pdf", "url": "https://x.de/"}, {}):
        with pytest.raises(ValidationError):
            Dokument(titel="T", **felder)
    assert Weiterleitung(von="alt/", nach="").nach == ""
    assert Lizenz.dl_zero_de.uri == "http://dcat-ap.de/def/licenses/dl-zero-de/2.0"
    datiert = Zeit(datum=dt.date(2019, 5, 1))
    undatiert = Zeit(von=dt.date(2017, 2, 1), bis=dt.date(2020, 10, 31), begruendung="b")
    assert (datiert.anfang, datiert.ende, undatiert.anfang, undatiert.ende) == (
        dt.date(2019, 5, 1), dt.date(2019, 5, 1), dt.date(2017, 2, 1), dt.date(2020, 10, 31))
    assert Zeit(von=dt.date(2020, 1, 1), bis=dt.date(2020, 1, 1), begruendung="ein Tag").ende == dt.date(2020, 1, 1)


def test_the_duplicate_id_rule_for_any_file(fixture_daten):
    """``RULES`` builds its id rules at import; built here, the factory itself is under test."""
    partner = list(fixture_daten.partner)
    daten = fixture_daten.model_copy(update={"partner": partner + [partner[0], partner[1], partner[0]]})
    mehrfach = "Diese id kommt mehrfach vor; jede id darf nur einmal stehen."
    assert list(rules._unique_ids("partner")(daten, None)) == [
        ("partner", (9, "id"), mehrfach, "kreisintegrationszentrum"),
        ("partner", (10, "id"), mehrfach, "kreisverwaltung"),
        ("partner", (11, "id"), mehrfach, "kreisintegrationszentrum")]
    assert list(rules._unique_ids("regionalkonferenzen")(daten, None)) == []


def test_a_named_town_without_a_record_is_left_to_the_town_rule(fixture_daten):
    ohne_haan = fixture_daten.model_copy(update={"regionalkonferenzen": [
        k for k in fixture_daten.regionalkonferenzen if k.id != "haan"]})
    daten = with_projekt(ohne_haan, konferenzen_durchgefuehrt_staedte=["haan", "hilden"],
                         konferenzen_durchgefuehrt_laut_quelle=None)
    assert findings(daten, valid={"projekt", "regionalkonferenzen"}) == [
        ("regionalkonferenzen", (), "Für Haan (id „haan“) fehlt ein Eintrag; jede der zehn Städte braucht genau einen.",
         None)]


class _Vereinigung(Strict):
    """Unions whose first alternatives fail generically: the specific message of a later one wins."""

    wert: OffenerPunkt | Text = "x"
    zahl: None | Text | Anzahl = None
    abschnitt: dict[str, str] | Anzahl = 0
    karte: dict[str, str] | Text = "x"
    dauer: Annotated[int, Field(gt=0)] = 1


@pytest.mark.parametrize("raw, feld, meldung", [
    ({"wert": ""}, "wert", "Darf nicht leer sein."),
    ({"wert": 5}, "wert", "Erwartet: ein Text oder ein offener Punkt in der Form „offen: was noch fehlt“."),
    ({"wert": None}, "wert", "Erwartet: ein Text oder ein offener Punkt in der Form „offen: was noch fehlt“."),
    ({"zahl": -1}, "zahl", "Die Zahl muss mindestens 0 sein."),
    ({"abschnitt": -1}, "abschnitt", "Die Zahl muss mindestens 0 sein."),
    ({"karte": 5}, "karte", "Erwartet: ein Text oder ein offener Punkt in der Form „offen: was noch fehlt“."),
    ({"dauer": 0}, "dauer", "Die Zahl muss größer als 0 sein."),
])
def test_the_most_specific_message_of_a_union_wins(raw, feld, meldung):
    with pytest.raises(ValidationError) as raised:
        _Vereinigung.model_validate(raw)
    assert [(p.feld, p.meldung) for p in messages.problems_from(raised.value, raw, (), "x.yml", {}, set())] == [
        (feld, meldung)]


class _Attribute(Strict):
    """A section that may also be read from an object's attributes: pydantic calls its failure ``model_attributes_type``."""

    model_config = ConfigDict(extra="forbid", frozen=True, from_attributes=True)
    a: int = 1


class _Andere(Strict):
    """Unions where every alternative fails at its own kind of value: a generic first one gives way, a specific
    one keeps its place."""

    punkt: OffenerPunkt | Anzahl = 0
    abschnitt: dict[str, str] | Anzahl = 0
    zahl: None | Text | Anzahl = None
    objekt: _Attribute | Anzahl = 0
    nichts: Annotated[None, "kein Optional"] | Text = None
    ja: Anzahl | StrictBool = 0
    text_oder_objekt: _Attribute | Text = "x"
    kurz: Annotated[str, Field(max_length=3)] = "a"


@pytest.mark.parametrize("raw, meldung", [
    ({"punkt": 1.5}, "Hier wird eine ganze Zahl erwartet."),
    ({"abschnitt": 1.5}, "Hier wird eine ganze Zahl erwartet."),
    ({"zahl": 1.5}, "Hier wird eine ganze Zahl erwartet."),
    ({"objekt": 1.5}, "Hier wird eine ganze Zahl erwartet."),
    ({"nichts": ""}, "Darf nicht leer sein."),
    ({"ja": "x"}, "Hier wird eine ganze Zahl erwartet."),
    ({"text_oder_objekt": 5}, "Erwartet: ein Text oder ein offener Punkt in der Form „offen: was noch fehlt“."),
    ({"kurz": "abcd"}, "Ungültiger Wert. (technische Angabe: String should have at most 3 characters)"),
])
def test_a_generic_alternative_gives_way_to_the_next_and_a_specific_one_stays(raw, meldung):
    """… and an error without a German sentence of its own keeps pydantic's words as „technische Angabe“."""
    with pytest.raises(ValidationError) as raised:
        _Andere.model_validate(raw)
    assert [(p.feld, p.meldung) for p in messages.problems_from(raised.value, raw, (), "x.yml", {}, set())] == [
        (next(iter(raw)), meldung)]


class _Innen(Strict):
    a: int = 1


class _Teil(Strict):
    innen: _Innen = _Innen()
    zahl: int = 0


class _MitTeil(Strict):
    teil: _Teil | Text = "x"


def test_an_alternative_with_an_unknown_field_anywhere_does_not_take_the_editors_shape():
    """The unknown „b“ comes first, a fitting „zahl“ after it: the section still counts as not fitting, so the
    text alternative's message stays as well."""
    raw = {"teil": {"innen": {"b": 1}, "zahl": "a"}}
    with pytest.raises(ValidationError) as raised:
        _MitTeil.model_validate(raw)
    assert [(p.feld, p.meldung, p.wert) for p in messages.problems_from(raised.value, raw, (), "x.yml", {}, {"a"})] == [
        ("teil › innen › b", "Unbekanntes Feld – vielleicht ein Tippfehler?", "1"),
        ("teil › zahl", "Hier wird eine ganze Zahl erwartet.", "a"),
        ("teil", "Erwartet: ein Text oder ein offener Punkt in der Form „offen: was noch fehlt“.", None)]


class _Muster(Strict):
    """Every kind of pattern-checked text of the model, and one pattern without a message of its own."""

    kennung: Kennung = "a"
    schluessel: Kreisschluessel = "05158"
    bereitsteller: Bereitsteller = "http://dcat-ap.de/def/contributors/x"
    seite: SeiteMitAnker = "a/"
    anderes: Annotated[str, StringConstraints(pattern=r"^x$")] = "x"


@pytest.mark.parametrize("feld, wert, meldung", [
    ("kennung", "Haan", "Nur Kleinbuchstaben a–z, Ziffern und Bindestriche sind erlaubt (keine Umlaute, keine "
                        "Leerzeichen), z. B. „monheim-am-rhein“."),
    ("schluessel", "5158", "Erwartet: fünf Ziffern in Anführungszeichen, z. B. \"05158\"."),
    ("bereitsteller", "https://www.govdata.de/",
     "Erwartet: eine Adresse der Form „http://dcat-ap.de/def/contributors/…“ mit der Kennung bei GovData."),
    ("seite", "/leichte-sprache", "Erwartet: eine Seite dieser Website, z. B. „leichte-sprache/“ oder „leichte-sprache/#video“."),
    ("anderes", "y", "Der Text hat nicht die erwartete Form."),
])
def test_each_pattern_has_its_own_message(feld, wert, meldung):
    with pytest.raises(ValidationError) as raised:
        _Muster.model_validate({feld: wert})
    assert [(p.feld, p.meldung) for p in messages.problems_from(raised.value, {feld: wert}, (), "x.yml", {}, set())] == [
        (feld, meldung)]
