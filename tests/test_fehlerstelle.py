"""Where an error is: every message names line AND column, checked as literal text for concrete inputs.

Each input is a whole, small ``weiterleitungen.yml`` written here, so the expected place is known by
reading the input, never by asking the code under test. Counting: lines and columns from 1; a problem
with a field points at the field's key, in block style and in flow style ``{…}`` alike.
"""
from __future__ import annotations

import datetime as dt

import pytest
import yaml

from handlungskonzept.daten import yaml_source
from handlungskonzept.daten.loader import load
from handlungskonzept.daten.problems import DatenFehler, Problem, field_name, show_value

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
    ("- von: alt/\n  nach: {partner/\n",
     "Zeile 2, Spalte 9: Die geschweifte Klammer „{“ wird nicht richtig geschlossen: In Klammern folgt auf jeden "
     "Eintrag ein Komma oder die schließende Klammer „}“. Soll der Wert ein Text sein, der mit einer Klammer beginnt? "
     + KLAMMER),
    ("- {von: alt/, nach: partner/\n",
     "Zeile 1, Spalte 3: Die geschweifte Klammer „{“ wird nicht richtig geschlossen: In Klammern folgt auf jeden "
     "Eintrag ein Komma oder die schließende Klammer „}“. Soll der Wert ein Text sein, der mit einer Klammer beginnt? "
     + KLAMMER),
    ("- von: alt/\n  nach: ] partner/\n",
     "Zeile 2, Spalte 9: Hier steht die schließende Klammer „]“ ohne öffnende Klammer davor. " + KLAMMER),
    ('- von: "alt/" x\n  nach: partner/\n',
     "Zeile 1, Spalte 15: Nach dem schließenden Anführungszeichen oder der schließenden Klammer geht der Text weiter. "
     "Soll ein Anführungszeichen zum Text gehören, den ganzen Wert in die jeweils anderen Anführungszeichen setzen, "
     "z. B. „titel: 'Das \"Netzwerk\" tagt'“."),
    ('- von: "a\\lt/"\n  nach: partner/\n',
     "Zeile 1, Spalte 10: In doppelten Anführungszeichen leitet „\\“ ein Sonderzeichen ein, das es so nicht gibt. "
     "Bitte einfache Anführungszeichen verwenden ('…') oder „\\\\“ schreiben."),
    ("- von: | alt/\n  nach: partner/\n",
     "Zeile 1, Spalte 10: Nach „|“ oder „>“ darf in derselben Zeile nichts mehr stehen: Der Text beginnt in der "
     "nächsten Zeile, eingerückt."),
    ("- von: alt/\n  nach: - partner/\n",
     "Zeile 2, Spalte 9: Ein Listeneintrag „- “ steht an falscher Stelle: Jeder Listeneintrag beginnt in einer eigenen "
     "Zeile, eingerückt unter dem Feldnamen."),
    ("- von: alt/\n  nach: partner/\n%YAML 1.1\n",
     "Zeile 3, Spalte 1: Eine Zeile, die mit „...“ oder „%“ beginnt, beendet in YAML die Daten oder ist eine "
     "Anweisung. Bitte die Zeile löschen oder ihren Text in Anführungszeichen setzen."),
    ("- von: alt/\n  nach: partner/\n---\n- von: b/\n  nach: ''\n",
     "Zeile 3, Spalte 1: Eine Datei darf nur ein YAML-Dokument enthalten; bitte die Trennlinie „---“ entfernen."),
    ("- von: &a alt/\n  nach: partner/\n",
     "Zeile 1, Spalte 8: Verweise mit * oder & werden nicht unterstützt; bitte den Wert ausschreiben."),
    ("- von: alt/\n  nach: part\x07ner/\n",
     "Zeile 2, Spalte 13: Hier steht ein nicht erlaubtes Zeichen (U+0007, unsichtbares Steuerzeichen). Bitte löschen."),
    ("von: alt/\nnach: partner/\n",
     "Zeile 1, Spalte 1: Hier wird eine Liste erwartet (jeder Eintrag beginnt mit „- “)."),
], ids=["wert-block", "wert-flow", "doppelte-weiterleitung", "doppelter-schluessel", "tabulator",
        "anfuehrungszeichen", "klammer", "reserviertes-zeichen", "einrueckung", "geschweifte-klammer",
        "geschweifte-klammer-bis-dateiende",
        "klammer-ohne-oeffnende", "text-nach-anfuehrungszeichen", "escape-folge", "senkrechter-strich",
        "listeneintrag", "anweisung", "zweites-dokument", "verweis", "steuerzeichen", "keine-liste"])
def test_message_names_line_and_column(data_copy, text, expected):
    with pytest.raises(DatenFehler) as raised:
        load(data_copy(weiterleitungen=text), shown_dir="data")
    assert [str(p) for p in raised.value.problems] == [f"data/weiterleitungen.yml, {expected}"]


def test_wrong_encoding_names_line_and_column_in_characters(data_copy):
    data = data_copy()
    (data / "weiterleitungen.yml").write_bytes("- von: alt/\n  nach: ü\xe4/\n".encode("utf-8")[:-4] + b"\xe4/\n")
    with pytest.raises(DatenFehler) as raised:
        load(data, shown_dir="data")
    assert [str(p) for p in raised.value.problems] == [
        "data/weiterleitungen.yml, Zeile 2, Spalte 10: Die Datei ist nicht als UTF-8 gespeichert (z. B. Umlaute aus "
        "einem anderen Zeichensatz). Bitte im Editor mit der Kodierung UTF-8 speichern."]


@pytest.mark.parametrize("text", ["", "# nur ein Kommentar\n"])
def test_empty_file_is_named_at_line_1(data_copy, text):
    with pytest.raises(DatenFehler) as raised:
        load(data_copy(weiterleitungen=text), shown_dir="data")
    assert [str(p) for p in raised.value.problems] == [
        "data/weiterleitungen.yml, Zeile 1: Die Datei ist leer. Sie muss die Daten enthalten (siehe die anderen "
        "Dateien in data/)."]


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


BEISPIEL = "Beispiel:\n---\ntitle: Titel der Seite\ngeprueft: 2026-11-25\npruefen_bis: 2027-05-25\n---"


@pytest.mark.parametrize("text, expected", [
    ("---\ntitle: T\ngeprueft: 2026-02-30\npruefen_bis: '2027-05-25'\n---\n",
     ["Zeile 3, Spalte 1 – Feld „geprueft“ – Wert „2026-02-30“: Kein gültiges Datum. Erwartet: ein Datum im Format "
      "JJJJ-MM-TT, z. B. 2018-03-15."]),
    ('---\ntitle: T\npruefen_bis: 2026-01-01  # Kommentar\ngeprueft: "2026-06-01"\n---\n',
     ["Zeile 3, Spalte 1 – Feld „pruefen_bis“ – Wert „2026-01-01“: „pruefen_bis“ muss nach „geprueft“ liegen."]),
    ("---\ntitle: T\ngeprueft: 2027-08-01\npruefen_bis: 2028-01-01\n...\n",
     ["Zeile 3, Spalte 1 – Feld „geprueft“ – Wert „2027-08-01“: „geprueft“ darf nicht nach dem Prüfdatum der Daten "
      "(2027-06-30, „geprueft“ in data/projekt.yml) liegen."]),
    # A missing key belongs before the closing line of the front matter; a whole line has no column.
    ("---\ntitle: T\n---\n# T\n",
     ["Zeile 3 – Feld „geprueft“: Im Kopf der Seite (zwischen den Linien „---“) fehlt „geprueft:“ – das Datum, an dem "
      f"eine Person die Seite zuletzt gegen die Quelle geprüft hat. {BEISPIEL}",
      "Zeile 3 – Feld „pruefen_bis“: Im Kopf der Seite (zwischen den Linien „---“) fehlt „pruefen_bis:“ – das Datum, "
      f"bis zu dem die Seite erneut geprüft werden muss (üblich: sechs Monate nach „geprueft“). {BEISPIEL}"]),
], ids=["kein-datum", "reihenfolge", "nach-pruefdatum", "fehlt"])
def test_review_date_problems_name_line_and_column(text, expected):
    from handlungskonzept.daten import pruefdatum

    with pytest.raises(DatenFehler) as raised:
        pruefdatum.check(text, "docs/seite.md", dt.date(2027, 6, 30))
    assert [str(p) for p in raised.value.problems] == [f"docs/seite.md, {e}" for e in expected]


def test_page_without_front_matter_is_told_to_start_one_at_line_1():
    from handlungskonzept.daten import pruefdatum

    with pytest.raises(DatenFehler) as raised:
        pruefdatum.check("# ohne Kopf\n", "docs/seite.md", None)
    assert [(p.zeile, p.spalte, p.feld) for p in raised.value.problems] == [(1, None, "geprueft"), (1, None, "pruefen_bis")]


def test_review_keys_are_read_with_their_lines_and_overdue_is_strictly_before_the_check_date():
    from handlungskonzept.daten import pruefdatum

    assert pruefdatum.read("---\ntitle: T\n geprueft: 2026-01-01\npruefen_bis : 2027-01-01\n---\nText\n") == (
        {"pruefen_bis": "2027-01-01"}, {"pruefen_bis": 4}, 5)  # an indented key is not a front matter key
    assert pruefdatum.check("---\npruefen_bis: 2027-05-25\ngeprueft: 2026-11-25\n---\n", "x.md", dt.date(2026, 11, 25)) \
        == pruefdatum.Pruefdaten(geprueft=dt.date(2026, 11, 25), pruefen_bis=dt.date(2027, 5, 25))
    assert pruefdatum.overdue("---\npruefen_bis: 2027-06-29\n---\n", dt.date(2027, 6, 30)) == (2, dt.date(2027, 6, 29))
    assert pruefdatum.overdue("---\npruefen_bis: 2027-06-30\n---\n", dt.date(2027, 6, 30)) is None
    assert pruefdatum.overdue("---\npruefen_bis: kaputt\n---\n", dt.date(2027, 6, 30)) is None


@pytest.mark.parametrize("problem, text", [
    (Problem("data/a.yml", 3, 7, "Eintrag 1 › von", "Falsch.", "x"), "data/a.yml, Zeile 3, Spalte 7 – Feld „Eintrag 1 › von“ – Wert „x“: Falsch."),
    (Problem("data/a.yml", 3, None, "", "Falsch."), "data/a.yml, Zeile 3: Falsch."),
    (Problem("data/a.yml", None, 7, "titel", "Falsch.", ""), "data/a.yml – Feld „titel“ – Wert „“: Falsch."),
    (Problem("data/a.yml", None, None, "", "Die Datei fehlt."), "data/a.yml: Die Datei fehlt."),
    (Problem("data/a.yml", 0, 0, "", "Null."), "data/a.yml, Zeile 0, Spalte 0: Null."),
])
def test_a_problem_reads_place_field_value_message(problem, text):
    assert str(problem) == text


def test_report_sorts_by_file_line_column_field_and_message_and_says_what_follows():
    fehler = DatenFehler([Problem("b.yml", 2, 1, "", "B."), Problem("a.yml", 5, 3, "y", "Z."), Problem("a.yml", 5, 3, "y", "A."),
                          Problem("a.yml", 5, 2, "z", "C."), Problem("a.yml", 1, 1, "a", "Eins."),
                          Problem("a.yml", None, None, "z", "Ganz."), Problem("a.yml", 5, 1, "a", "E."),
                          Problem("a.yml", 5, None, "x", "D.")])
    assert [str(p) for p in fehler.problems] == [
        "a.yml – Feld „z“: Ganz.", "a.yml, Zeile 1, Spalte 1 – Feld „a“: Eins.", "a.yml, Zeile 5 – Feld „x“: D.",
        "a.yml, Zeile 5, Spalte 1 – Feld „a“: E.", "a.yml, Zeile 5, Spalte 2 – Feld „z“: C.",
        "a.yml, Zeile 5, Spalte 3 – Feld „y“: A.", "a.yml, Zeile 5, Spalte 3 – Feld „y“: Z.", "b.yml, Zeile 2, Spalte 1: B."]
    assert str(fehler) == fehler.bericht()
    assert DatenFehler([Problem("a.md", 1, None, "", "X.")]).bericht("die Vorschau zeigt die alte Fassung",
                                                                     "im Kopf der Beiträge") == (
        "1 Fehler im Kopf der Beiträge – die Vorschau zeigt die alte Fassung:\n  • a.md, Zeile 1: X.")


@pytest.mark.parametrize("value, shown", [
    (None, None), ({"a": 1}, None), ([1], None), (True, "true"), (False, "false"), (0, "0"), (12, "12"), ("", ""),
    (dt.date(2027, 3, 1), "2027-03-01"), ("x" * 60, "x" * 60), ("x" * 61, "x" * 57 + "…"),
])
def test_a_bad_value_is_shown_short(value, shown):
    assert show_value(value) == shown


@pytest.mark.parametrize("path, data, name", [
    ((), None, ""),
    ((2, "website"), [{}, {}, {"id": "imap-institut"}], "Eintrag 3 (imap-institut) › website"),
    ((0,), [{"id": 5}], "Eintrag 1"),
    ((0, "zeit", "von"), [{"id": "q", "zeit": {"von": "x"}}], "Eintrag 1 (q) › zeit › von"),
    ((1, 0), [{"id": "a"}, ["b"]], "Eintrag 2 › Eintrag 1"),
    ((3, "x"), [{"id": "a"}], "Eintrag 4 › x"),
    ((1, "x"), [{"id": "a"}], "Eintrag 2 › x"),
    (("partner", 0, "name"), {"partner": [{"id": "x"}]}, "partner › Eintrag 1 (x) › name"),
    (("partner", 0), {"partner": "kein Verzeichnis"}, "partner › Eintrag 1"),
    (("a", "b", 0), {"a": None}, "a › b › Eintrag 1"),
    ((0,), None, "Eintrag 1"),
])
def test_a_field_is_named_by_its_path_with_entries_counted_from_one(path, data, name):
    assert field_name(path, data) == name


EINSTELLUNGEN = "Hier werden Einstellungen in der Form „name: Wert“ erwartet."


def _config(tmp_path, text: str):
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    try:
        return yaml_source.read_config(tmp_path / "mkdocs.yml", "mkdocs.yml")
    except yaml_source.YamlProblem as error:
        return [str(p) for p in error.problems]


def test_mkdocs_yml_is_read_with_its_tags_as_plain_values(tmp_path):
    assert _config(tmp_path, "site_name: X\nsite_url: !ENV [HK_SITE_URL, 'https://x.invalid/']\n"
                             "icon: !!python/name:material.x\nd: !relative $config_dir\nm: !ENV {a: 1}\n") == {
        "site_name": "X", "site_url": ["HK_SITE_URL", "https://x.invalid/"], "icon": "", "d": "$config_dir",
        "m": {"a": 1}}


@pytest.mark.parametrize("text, expected", [
    ("- a\n- b\n", f"mkdocs.yml, Zeile 1, Spalte 1: {EINSTELLUNGEN}"),
    ("", f"mkdocs.yml, Zeile 1: {EINSTELLUNGEN}"),
    ("# nur Kommentar\n", f"mkdocs.yml, Zeile 1: {EINSTELLUNGEN}"),
    ("  x\n", f"mkdocs.yml, Zeile 1, Spalte 3: {EINSTELLUNGEN}"),
    ("a: 1\n? [a, b]\n: c\n", "mkdocs.yml, Zeile 2, Spalte 3: Schlüssel müssen einfache Wörter sein (Form: „name: Wert“)."),
    ("a:\n\tb: 1\n",
     "mkdocs.yml, Zeile 2, Spalte 1: Tabulatorzeichen gefunden. Bitte nur mit Leerzeichen einrücken (YAML erlaubt keine Tabs)."),
])
def test_mkdocs_yml_problems_name_line_and_column(tmp_path, text, expected):
    assert _config(tmp_path, text) == [expected]


def test_missing_or_runaway_mkdocs_yml(tmp_path):
    with pytest.raises(yaml_source.YamlProblem) as raised:
        yaml_source.read_config(tmp_path / "fehlt.yml", "m.yml")
    assert [str(p) for p in raised.value.problems] == ["m.yml: Die Datei fehlt."]
    assert _config(tmp_path, "a: " + "[" * 3000 + "]" * 3000 + "\n") == [
        "mkdocs.yml: Die Daten sind zu tief verschachtelt (zu viele Klammern oder Einrückungsebenen)."]


def _read(text: str, **kwargs):
    try:
        return yaml_source.read_text(text, "p.md", **kwargs)
    except yaml_source.YamlProblem as error:
        return [str(p) for p in error.problems]


def test_scalars_keep_dates_as_text_and_bad_tags_as_their_text():
    data, positions = _read("a: ~\nb: yes\nc: 0x1A\nd: 1e3\ne: !!int abc\nf: !!binary xyz\ng: !foo bar\n"
                            "h: 2018-02-30\ni: 12:30\nj: [1, {k: x}]\nl: 2018-03-15\n")
    assert data == {"a": None, "b": "yes", "c": 26, "d": "1e3", "e": "abc", "f": "xyz", "g": "bar", "h": "2018-02-30",
                    "i": "12:30", "j": [1, {"k": "x"}], "l": "2018-03-15"}
    assert positions == {(): (1, 1), ("a",): (1, 1), ("b",): (2, 1), ("c",): (3, 1), ("d",): (4, 1), ("e",): (5, 1),
                         ("f",): (6, 1), ("g",): (7, 1), ("h",): (8, 1), ("i",): (9, 1), ("j",): (10, 1),
                         ("j", 0): (10, 5), ("j", 1): (10, 8), ("j", 1, "k"): (10, 9), ("l",): (11, 1)}


def test_what_only_yaml_1_1_reads_as_number_or_truth_stays_text_as_in_the_editor():
    data, _ = _read("a: yes\nb: No\nc: ON\nd: off\ne: 12:30\nf: -1:30.5\ng: 017\nh: 00\ni: 0b101\nj: 1_000\n"
                    "k: true\nl: FALSE\nm: 0\nn: -3\no: 0x1A\np: 1.5\nq: .inf\nr: 10\nyes: 1\n")
    assert data == {"a": "yes", "b": "No", "c": "ON", "d": "off", "e": "12:30", "f": "-1:30.5", "g": "017", "h": "00",
                    "i": "0b101", "j": "1_000", "k": True, "l": False, "m": 0, "n": -3, "o": 26, "p": 1.5,
                    "q": float("inf"), "r": 10, "yes": 1}


def test_embedded_yaml_counts_lines_of_the_whole_file_and_names_keys_that_are_no_words():
    assert _read("titel: X\nx: 1\n", first_line=3) == ({"titel": "X", "x": 1}, {(): (3, 1), ("titel",): (3, 1), ("x",): (4, 1)})
    assert _read("", first_line=4, leer="Kein Kopf.") == ["p.md, Zeile 4: Kein Kopf."]
    assert _read("a: 1\n1: x\n? [a]\n: b\n") == [
        "p.md, Zeile 2, Spalte 1: Schlüssel müssen einfache Wörter sein (Form: „feld: Wert“).",
        "p.md, Zeile 3, Spalte 3: Schlüssel müssen einfache Wörter sein (Form: „feld: Wert“)."]
    assert _read("a:\n  - x\n  - {b: 1, b: 2}\n") == [
        "p.md, Zeile 3, Spalte 12 – Feld „a › Eintrag 2 › b“: Dieser Schlüssel steht im selben Abschnitt doppelt; bitte "
        "einen davon löschen."]


def test_position_of_falls_back_to_the_record_that_lacks_the_field():
    positions = {(): (1, 1), ("a",): (2, 1), ("a", 0): (3, 3)}
    assert yaml_source.position_of(positions, ("a", 0, "b", "c")) == (3, 3)
    assert yaml_source.position_of(positions, ("x",)) == (1, 1)
    assert yaml_source.position_of({}, ("a",)) == (None, None)
    assert yaml_source.position_of({("a",): (2, 1)}, ()) == (None, None)


@pytest.mark.parametrize("text, ort", [
    ("a: 'x ['\nb: [1, 2]  # [\nc: {d: [e\n", "Zeile 3, Spalte 8: Die eckige Klammer"),
    ("a: [1,\n  # ]\n  2\n", "Zeile 1, Spalte 4: Die eckige Klammer"),
    ('a: {b: "}", c: [1]\n', "Zeile 1, Spalte 4: Die geschweifte Klammer"),
    ("#[\na: [1\n", "Zeile 2, Spalte 4: Die eckige Klammer"),
    ('a: "["\nb: x#[\nc: [\n', "Zeile 3, Spalte 4: Eine Klammer „[“ oder „{“"),
    # A quote over two lines hides the closing bracket from the line-by-line reading: PyYAML's place is kept.
    ("a: [\n  'x\n  ]',\n", "Zeile 4, Spalte 1: Eine Klammer „[“ oder „{“"),
    # Not at the file's end inside a bracket: PyYAML's place is right, the line-by-line reading would be misled.
    ("a: [x, 'y\n  [z', 1\n", "Zeile 1, Spalte 4: Die eckige Klammer"),
], ids=["zitat-und-kommentar", "kommentarzeile", "klammer-im-zitat", "kommentar-am-zeilenanfang", "am-dateiende",
        "zitat-ueber-zwei-zeilen", "klammer-im-zitat-ueber-zwei-zeilen"])
def test_an_unclosed_bracket_is_named_where_it_opened_quotes_and_comments_skipped(text, ort):
    [problem] = _read(text)
    assert problem.startswith(f"p.md, {ort} ")


EINRUECKUNG = "Die Einrückung stimmt nicht: Einträge derselben Ebene müssen genau untereinander stehen."
VERWEIS = "Verweise mit * oder & werden nicht unterstützt; bitte den Wert ausschreiben."
ANWEISUNG = ("Eine Zeile, die mit „...“ oder „%“ beginnt, beendet in YAML die Daten oder ist eine Anweisung. "
             "Bitte die Zeile löschen oder ihren Text in Anführungszeichen setzen.")


@pytest.mark.parametrize("text, expected", [
    ("a: !x!y b\n", "Zeile 1, Spalte 4: Ein Wert darf nicht mit „!“ beginnen (YAML liest das als Typangabe). " + KLAMMER),
    ("a:\n  b: 1\n c: 2\n", f"Zeile 3, Spalte 2: {EINRUECKUNG}"),
    ("a: |\n  x\n b\n", f"Zeile 3, Spalte 2: {EINRUECKUNG}"),
    ("a:\n  - b\n  c: d\n", f"Zeile 3, Spalte 3: {EINRUECKUNG}"),
    ("a: 'x\n", "Zeile 1, Spalte 4: Ein Anführungszeichen wird nicht geschlossen."),
    ("a: *x\n", f"Zeile 1, Spalte 4: {VERWEIS}"),
    ("&a a: 1\n", f"Zeile 1, Spalte 1: {VERWEIS}"),
    ("a: b\n...\nc: d\n", "Zeile 2, Spalte 1: Eine Zeile, die mit „...“ oder „%“ beginnt, beendet in YAML die Daten oder "
                          "ist eine Anweisung. Bitte die Zeile löschen oder ihren Text in Anführungszeichen setzen."),
    ("[a]: 1\n", "Zeile 1, Spalte 1: Schlüssel müssen einfache Wörter sein (Form: „feld: Wert“)."),
    ("- a\n b: 1\n", "Zeile 2, Spalte 3: Doppelpunkt an unerwarteter Stelle. Steht ein Text mit „: “ ohne "
                     "Anführungszeichen da, oder stimmt die Einrückung nicht?"),
    ("- id: x\n  name Kreissportbund\n  art: verein\n", "Zeile 2, Spalte 3: Hier fehlt ein Doppelpunkt nach dem "
                                                        "Feldnamen (Form: „feld: Wert“)."),
    ("a: [1]]\n", "Zeile 1, Spalte 7: Hier steht die schließende Klammer „]“ ohne öffnende Klammer davor. " + KLAMMER),
    ("a: {b: 1}}\n", "Zeile 1, Spalte 10: Hier steht die schließende Klammer „}“ ohne öffnende Klammer davor. " + KLAMMER),
    # A tab after the place PyYAML names is not what went wrong there.
    ("a: [1]]\t\n", "Zeile 1, Spalte 7: Hier steht die schließende Klammer „]“ ohne öffnende Klammer davor. " + KLAMMER),
    ('a: "x\n---\nb: c\n', "Zeile 1, Spalte 4: Ein Anführungszeichen wird nicht geschlossen."),
    ("... und weitere\na: 1\n", f"Zeile 1, Spalte 1: {ANWEISUNG}"),
    ("%YAML 1.1 x\n---\na: 1\n", f"Zeile 1, Spalte 11: {ANWEISUNG}"),
    # A tab inside quotes is allowed; what went wrong is the text after them.
    ('titel: "Bericht\t2020" (Entwurf)\n', "Zeile 1, Spalte 23: Nach dem schließenden Anführungszeichen oder der "
     "schließenden Klammer geht der Text weiter. Soll ein Anführungszeichen zum Text gehören, den ganzen Wert in die "
     "jeweils anderen Anführungszeichen setzen, z. B. „titel: 'Das \"Netzwerk\" tagt'“."),
    ('a: "x\t\n', "Zeile 1, Spalte 4: Ein Anführungszeichen wird nicht geschlossen."),
    ('titel: "Bericht \\x4z"\n', "Zeile 1, Spalte 19: In doppelten Anführungszeichen folgen auf „\\x“, „\\u“ oder „\\U“ "
     "nur Hexadezimalziffern (0–9, a–f). Bitte einfache Anführungszeichen verwenden ('…') oder „\\\\“ schreiben."),
], ids=["typangabe", "einrueckung", "block-einrueckung", "liste-und-feld", "einfaches-anfuehrungszeichen",
        "verweis", "anker", "dokument-ende", "liste-als-schluessel", "doppelpunkt-eingerueckt", "doppelpunkt-fehlt",
        "eckige-klammer-zu-viel", "geschweifte-klammer-zu-viel", "tabulator-nach-der-stelle",
        "anfuehrungszeichen-vor-trennlinie", "punkte-am-dateianfang", "kaputte-anweisung",
        "tabulator-im-zitat", "tabulator-im-offenen-zitat", "hexadezimal-escape"])
def test_more_syntax_errors_name_line_and_column(text, expected):
    assert _read(text) == [f"p.md, {expected}"]


def test_a_tab_where_an_escape_expects_a_hex_digit_is_named_as_a_tab_at_the_escape():
    """PyYAML names the tab only as „'\\t'“ in its message; its place is the escape's first digit, not the quote."""
    with pytest.raises(yaml_source.YamlProblem) as raised:
        yaml_source.read_text('a: "\\x1\t"\n', "p.md")
    assert [(p.zeile, p.spalte, p.meldung) for p in raised.value.problems] == [
        (1, 7, "Tabulatorzeichen gefunden. Bitte nur mit Leerzeichen einrücken (YAML erlaubt keine Tabs).")]


@pytest.mark.parametrize("text, spalte", [
    ("a: [x,\n  'y]',\n", 4), ('a: [x,\n  "y]",\n', 4), ("a: [\n  1,\n  # ]\n", 4), ("a: [\n#]\n", 4),
    ("a: ['x', [\n", 10), ("a: [\"x\", 'y', [\n", 15), ("a: [x, {b: '}',\n", 8), ("a: [{}, [],\n", 4),
    ("a: [1, X#, [\n", 12), ("a: [1, [X,\n", 8),
], ids=["einfaches-zitat", "doppeltes-zitat", "kommentar", "kommentar-spalte-1", "nach-zitat", "gemischte-zitate",
        "geschweift", "geschlossene-klammern", "raute-im-wort", "buchstabe-nach-klammer"])
def test_at_the_files_end_the_last_bracket_never_closed_is_named(text, spalte):
    """PyYAML reports the end of the file here; the bracket left open is found by reading the lines."""
    assert _read(text) == [f"p.md, Zeile 1, Spalte {spalte}: Eine Klammer „[“ oder „{{“ wird nicht richtig geschlossen: In "
                           "Klammern folgt auf jeden Eintrag ein Komma oder die schließende Klammer „]“ oder „}“. Soll "
                           f"der Wert ein Text sein, der mit einer Klammer beginnt? {KLAMMER}"]


def test_mkdocs_yml_problems_as_fields(tmp_path):
    """Each problem of mkdocs.yml names the file and place and no field (the file is no data record)."""
    def problems(text: str | bytes):
        path = tmp_path / "mkdocs.yml"
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        with pytest.raises(yaml_source.YamlProblem) as raised:
            yaml_source.read_config(path, "mkdocs.yml")
        return [(p.datei, p.zeile, p.spalte, p.feld) for p in raised.value.problems]

    assert problems("- a\n") == [("mkdocs.yml", 1, 1, "")]
    assert problems("a: 1\n? [a]\n: b\n") == [("mkdocs.yml", 2, 3, "")]
    assert problems("a: Gr\xf6\xdfe\n".encode("latin-1")) == [("mkdocs.yml", 1, 6, "")]
    assert problems("a: " + "!x [" * 300 + "]" * 300 + "\n") == [("mkdocs.yml", None, None, "")]
    assert problems("a: " + "[" * 3000 + "]" * 3000 + "\n") == [("mkdocs.yml", None, None, "")]
    with pytest.raises(yaml_source.YamlProblem) as raised:
        yaml_source.read_config(tmp_path / "fehlt.yml", "m.yml")
    assert [(p.datei, p.zeile, p.spalte, p.feld) for p in raised.value.problems] == [("m.yml", None, None, "")]


def test_anchor_and_alias_without_a_name_and_a_missing_colon():
    assert _read("a: & x\n") == [f"p.md, Zeile 1, Spalte 5: {VERWEIS}"]
    assert _read("a: * x\n") == [f"p.md, Zeile 1, Spalte 5: {VERWEIS}"]
    with pytest.raises(yaml_source.YamlProblem) as raised:  # PyYAML notices it on the next line; only the text is asserted
        yaml_source.read_text("a: 1\nb\n", "p.md")
    assert [p.meldung for p in raised.value.problems] == [
        "Hier fehlt ein Doppelpunkt nach dem Feldnamen (Form: „feld: Wert“)."]


@pytest.mark.parametrize("context, problem, technisch", [
    (None, "found something odd", "found something odd"),
    ("while frobnicating a node", None, "while frobnicating a node"),
])
def test_an_unforeseen_yaml_error_with_one_part_only(context, problem, technisch):
    message = yaml_source._syntax_message(yaml.MarkedYAMLError(context, None, problem, None), "a: 1\n")
    assert message == ("Die Datei ist an dieser Stelle kein gültiges YAML. Bitte Einrückung, Doppelpunkte, "
                       f"Anführungszeichen und Klammern prüfen (technische Angabe: {technisch}).")


def test_an_error_without_a_mark_names_no_place():
    assert yaml_source._position(yaml.MarkedYAMLError("while frobnicating", None, "found something odd", None),
                                 "a: 1\n") == (None, None)


@pytest.mark.parametrize("text, spalte", [("a: 'Kreis' Sportbund\n", 12), ("a: [1] x\n", 8), ("a: {b: 1} x\n", 11)])
def test_text_after_a_closing_quote_or_bracket(text, spalte):
    assert _read(text) == [
        f"p.md, Zeile 1, Spalte {spalte}: Nach dem schließenden Anführungszeichen oder der schließenden Klammer geht der "
        "Text weiter. Soll ein Anführungszeichen zum Text gehören, den ganzen Wert in die jeweils anderen "
        "Anführungszeichen setzen, z. B. „titel: 'Das \"Netzwerk\" tagt'“."]
