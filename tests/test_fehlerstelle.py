"""Where an error is: every message names line AND column, checked as literal text for concrete inputs.

Each input is a whole, small ``weiterleitungen.yml`` written here, so the expected place is known by
reading the input, never by asking the code under test. Counting: lines and columns from 1; a problem
with a field points at the field's key, in block style and in flow style ``{…}`` alike.
"""
from __future__ import annotations

import pytest

from handlungskonzept.loader import load
from handlungskonzept.problems import DatenFehler

ADRESSE = ("Erwartet wird eine Adresse auf dieser Website ohne „https://“ und ohne „/“ am Anfang, mit „/“ am Ende, "
           "nur Kleinbuchstaben a–z, Ziffern, „-“, „_“ und „.“, z. B. „regionalkonferenzen/haan/“.")
KLAMMER = "Bitte den ganzen Text in Anführungszeichen setzen, z. B. „titel: \"[Entwurf] Bericht\"“."


@pytest.mark.parametrize("text, expected", [
    ("- von: alte-seite/\n  nach: /neue-seite/\n",
     "Zeile 2, Spalte 3 – Feld „Eintrag 1 › nach“ – Wert „/neue-seite/“: " + ADRESSE),
    ("- {von: alt/, nach: /x/}\n",
     "Zeile 1, Spalte 15 – Feld „Eintrag 1 › nach“ – Wert „/x/“: " + ADRESSE),
    ("- von: alt/\n  nach: partner/\n- von: alt/\n  nach: ''\n",
     "Zeile 3, Spalte 3 – Feld „Eintrag 2 › von“ – Wert „alt/“: Für diese alte Adresse gibt es schon eine Weiterleitung."),
    ("- von: alt/\n  nach: partner/\n  von: neu/\n",
     "Zeile 3, Spalte 3 – Feld „Eintrag 1 › von“: Dieser Schlüssel steht im selben Abschnitt doppelt; "
     "bitte einen davon löschen."),
    ("- von: alt/\n\tnach: partner/\n",
     "Zeile 2, Spalte 1: Tabulatorzeichen gefunden. Bitte nur mit Leerzeichen einrücken (YAML erlaubt keine Tabs)."),
    ('- von: "alt/\n  nach: partner/\n', "Zeile 1, Spalte 8: Ein Anführungszeichen wird nicht geschlossen."),
    ("- von: alt/\n  nach: [partner/\n",
     "Zeile 2, Spalte 9: Die eckige Klammer „[“ wird nicht richtig geschlossen: In Klammern folgt auf jeden Eintrag "
     "ein Komma oder die schließende Klammer „]“. Soll der Wert ein Text sein, der mit einer Klammer beginnt? " + KLAMMER),
    ("- von: alt/\n  nach: @partner/\n", "Zeile 2, Spalte 9: Ein Wert darf nicht mit dem Zeichen „@“ beginnen. " + KLAMMER),
    ("- von: alt/\n    nach: partner/\n",
     "Zeile 2, Spalte 9: Doppelpunkt an unerwarteter Stelle. Steht ein Text mit „: “ ohne Anführungszeichen da, "
     "oder stimmt die Einrückung nicht?"),
], ids=["wert-block", "wert-flow", "doppelte-weiterleitung", "doppelter-schluessel", "tabulator",
        "anfuehrungszeichen", "klammer", "reserviertes-zeichen", "einrueckung"])
def test_message_names_line_and_column(data_copy, text, expected):
    with pytest.raises(DatenFehler) as raised:
        load(data_copy(weiterleitungen=text), shown_dir="data")
    assert [str(p) for p in raised.value.problems] == [f"data/weiterleitungen.yml, {expected}"]


def test_unknown_field_names_its_line_and_column(data_copy):
    """Only the place is asserted here: which known field the hint suggests is the message tests' business."""
    with pytest.raises(DatenFehler) as raised:
        load(data_copy(weiterleitungen="- von: alt/\n  nach: partner/\n  ziel: x/\n"), shown_dir="data")
    [problem] = raised.value.problems
    assert (problem.datei, problem.zeile, problem.spalte, problem.feld, problem.wert) == (
        "data/weiterleitungen.yml", 3, 3, "Eintrag 1 › ziel", "x/")
    assert str(problem).startswith("data/weiterleitungen.yml, Zeile 3, Spalte 3 – Feld „Eintrag 1 › ziel“ – Wert „x/“: "
                                   "Unbekanntes Feld – vielleicht ein Tippfehler?")


def test_report_lists_problems_by_file_line_and_column(data_copy):
    with pytest.raises(DatenFehler) as raised:
        load(data_copy(weiterleitungen="- {von: /a/, nach: /b/}\n"), shown_dir="data")
    assert raised.value.bericht() == (
        "2 Fehler in den Daten – die Website wurde nicht gebaut, die veröffentlichte Fassung bleibt unverändert:\n"
        f"  • data/weiterleitungen.yml, Zeile 1, Spalte 4 – Feld „Eintrag 1 › von“ – Wert „/a/“: {ADRESSE}\n"
        f"  • data/weiterleitungen.yml, Zeile 1, Spalte 14 – Feld „Eintrag 1 › nach“ – Wert „/b/“: {ADRESSE}")
