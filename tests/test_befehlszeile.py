"""``python -m handlungskonzept`` (make check, make offen, make freigabe) called in process, output as literals."""
from __future__ import annotations

import shutil

import pytest

from conftest import FIXTURE_DATA, ROOT, page_text
from handlungskonzept.__main__ import main


@pytest.fixture
def projekt_klein(tmp_path):
    """One page with one open item, the source file the test data link to, and a minimal mkdocs.yml."""
    docs = tmp_path / "docs"
    (docs / "quellen").mkdir(parents=True)
    shutil.copy(ROOT / "docs/quellen/mitteilungsvorlage-wp-14-20-sv-50-100.txt", docs / "quellen")
    (docs / "index.md").write_text(page_text("Start", '{{ offen("Telefonnummer der Geschäftsstelle") }}\n',
                                             pruefen_bis="2027-12-01"), encoding="utf-8")
    # the complete test data's video links its text version here
    (docs / "leichte-sprache.md").write_text(page_text("Leichte Sprache", "## Worum geht es\n", pruefen_bis="2027-12-01"),
                                             encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\n", encoding="utf-8")
    return tmp_path


def run(projekt, *befehl):
    return main(["--daten", str(FIXTURE_DATA), "--docs", str(projekt / "docs"), "--config",
                 str(projekt / "mkdocs.yml"), *befehl])


def test_check_names_what_it_read(projekt_klein, capsys):
    assert run(projekt_klein, "check") == 0
    assert capsys.readouterr().out == (
        "Daten in Ordnung: 10 Regionalkonferenzen, 9 Partner, 2 Quellen, geprüft am 2027-06-30.\n")


def test_check_reports_config_and_data_problems_together(projekt_klein, tmp_path, capsys):
    daten = shutil.copytree(FIXTURE_DATA, tmp_path / "daten")
    (daten / "weiterleitungen.yml").write_text("- von: /a/\n  nach: partner/\n", encoding="utf-8")
    (projekt_klein / "mkdocs.yml").write_text("site_name: Test\nnav: [\n", encoding="utf-8")
    assert main(["--daten", str(daten), "--docs", str(projekt_klein / "docs"), "--config",
                 str(projekt_klein / "mkdocs.yml"), "check"]) == 1
    err = capsys.readouterr().err.split("\n")
    assert err[0] == ("2 Fehler in den Daten – die Website wurde nicht gebaut, die veröffentlichte Fassung bleibt "
                      "unverändert:")
    assert err[1].startswith(f"  • {daten}/weiterleitungen.yml, Zeile 1, Spalte 3 – Feld „Eintrag 1 › von“ – "
                             "Wert „/a/“: Erwartet wird eine Adresse")
    # The bracket left open at the end of the file is named where it opened, not at the end.
    assert err[2] == (f"  • {projekt_klein}/mkdocs.yml, Zeile 2, Spalte 6: Eine Klammer „[“ oder „{{“ wird nicht richtig "
                      "geschlossen: In Klammern folgt auf jeden Eintrag ein Komma oder die schließende Klammer „]“ "
                      "oder „}“. Soll der Wert ein Text sein, der mit einer Klammer beginnt? Bitte den ganzen Text in "
                      "Anführungszeichen setzen, z. B. „titel: \"[Entwurf] Bericht\"“.")


def test_offen_lists_items_and_the_release_gate_refuses(projekt_klein, capsys):
    liste = [f"{projekt_klein}/docs/index.md:9: Telefonnummer der Geschäftsstelle",
             f"{FIXTURE_DATA}/quellen.yml:9: Herausgeber der Mitteilungsvorlage",
             f"{FIXTURE_DATA}/videos.yml:7: Testvideo wird im Test erzeugt", "3 offene Punkte.", ""]
    assert run(projekt_klein, "offen") == 0
    assert capsys.readouterr().out.split("\n") == liste
    assert run(projekt_klein, "offen", "--streng") == 1
    ausgabe = capsys.readouterr()
    assert ausgabe.out.split("\n") == liste
    assert ausgabe.err == ("Freigabe verweigert: Erst wenn alle offenen Punkte erledigt sind, darf die Website "
                           "veröffentlicht werden.\n")
