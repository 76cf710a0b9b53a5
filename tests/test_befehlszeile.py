"""``python -m handlungskonzept`` (make check, make offen, make freigabe) called in process, output as literals."""
from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import pytest

from conftest import FIXTURE_DATA, ROOT, page_text
from handlungskonzept.__main__ import main
from handlungskonzept.ausgaben import bau


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
    daten = shutil.copytree(FIXTURE_DATA, tmp_path / "daten-X")  # a folder ending in a capital X, given with a "/"
    (daten / "weiterleitungen.yml").write_text("- von: /a/\n  nach: partner/\n", encoding="utf-8")
    (projekt_klein / "mkdocs.yml").write_text("site_name: Test\nnav: [\n", encoding="utf-8")
    assert main(["--daten", f"{daten}/", "--docs", str(projekt_klein / "docs"), "--config",
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


def test_offen_names_folders_as_given_and_lists_pages_due_for_review(projekt_klein, tmp_path, capsys):
    docs = shutil.copytree(projekt_klein / "docs", tmp_path / "seiten-X")  # folders ending in a capital X
    (docs / "alt.md").write_text(page_text("Alt", pruefen_bis="2027-01-01"), encoding="utf-8")
    daten = shutil.copytree(FIXTURE_DATA, tmp_path / "daten-X")
    config = projekt_klein / "mkdocs.yml"
    config.write_text("site_name: Test\nsite_url: https://www.beispiel.invalid/\n", encoding="utf-8")
    assert main(["--daten", f"{daten}/", "--docs", f"{docs}/", "--config", str(config), "offen"]) == 0
    assert capsys.readouterr().out.split("\n") == [
        f"{docs}/index.md:9: Telefonnummer der Geschäftsstelle",
        f"{docs}/alt.md:5: Seite muss erneut geprüft werden (pruefen_bis 2027-01-01 liegt vor dem Prüfdatum der "
        "Daten 2027-06-30); danach „geprueft“ und „pruefen_bis“ anpassen",
        f"{daten}/quellen.yml:9: Herausgeber der Mitteilungsvorlage",
        f"{daten}/videos.yml:7: Testvideo wird im Test erzeugt",
        f"{config}:2: Platzhalter-Adresse https://www.beispiel.invalid/ (site_url) durch die echte Adresse ersetzen",
        "5 offene Punkte.", ""]


def run_with(projekt, daten, *befehl):
    return main(["--daten", str(daten), "--docs", str(projekt / "docs"), "--config", str(projekt / "mkdocs.yml"),
                 *befehl])


def kaputte_daten(data_copy):
    """The complete test data with one partner's name removed (one problem in partner.yml)."""
    return data_copy(partner=lambda text: text.replace("name: IMAP Institut", "name: ''", 1))


def test_check_with_data_problems_only_and_a_junit_file(projekt_klein, data_copy, tmp_path, capsys):
    daten = kaputte_daten(data_copy)
    assert run_with(projekt_klein, daten, "check", "--junit", str(tmp_path / "junit.xml")) == 1
    ausgabe = capsys.readouterr()
    assert ausgabe.out == ""
    assert ausgabe.err.split("\n")[0] == ("1 Fehler in den Daten – die Website wurde nicht gebaut, die "
                                          "veröffentlichte Fassung bleibt unverändert:")
    assert ausgabe.err.split("\n")[1].startswith(f"  • {daten}/partner.yml, Zeile ")
    assert f'file="{daten}/partner.yml"' in (tmp_path / "junit.xml").read_text(encoding="utf-8")


def test_check_writes_an_empty_junit_report_when_all_is_well(projekt_klein, tmp_path, capsys):
    assert run(projekt_klein, "check", "--junit", str(tmp_path / "junit.xml")) == 0
    assert 'failures="0"' in (tmp_path / "junit.xml").read_text(encoding="utf-8")


def test_data_folder_comes_from_hk_daten(projekt_klein, monkeypatch, capsys):
    monkeypatch.setenv("HK_DATEN", str(FIXTURE_DATA))
    assert main(["--docs", str(projekt_klein / "docs"), "--config", str(projekt_klein / "mkdocs.yml"), "check"]) == 0
    assert capsys.readouterr().out.startswith("Daten in Ordnung: 10 Regionalkonferenzen")


def gebaute_site(tmp_path, *seiten: str):
    site = tmp_path / "site"
    for seite in ("", *seiten):
        (site / seite).mkdir(parents=True, exist_ok=True)
        (site / seite / "index.html").write_text("<p>x</p>", encoding="utf-8")
    return site


def test_urls_records_new_addresses_then_checks_them(projekt_klein, data_copy, tmp_path, capsys):
    daten = data_copy()
    site = gebaute_site(tmp_path, "partner")
    assert run_with(projekt_klein, daten, "urls", str(site)) == 0
    assert capsys.readouterr().out == (f"{daten}/veroeffentlichte-urls.txt: 2 neue Adresse(n) aufgenommen, "
                                       "2 insgesamt.\n  + /\n  + /partner/\n")
    assert (daten / "veroeffentlichte-urls.txt").read_text(encoding="utf-8").endswith("\n/\n/partner/\n")
    gebaute_site(tmp_path, "impressum", "kontakt")
    assert run_with(projekt_klein, daten, "urls", str(site), "--pruefen") == 0
    assert capsys.readouterr().out == (
        "Alle 2 veröffentlichten Adressen sind erreichbar.\n2 neue Adresse(n) stehen noch nicht in "
        f"{daten}/veroeffentlichte-urls.txt; `make urls` nimmt sie auf:\n  • /impressum/\n  • /kontakt/\n")
    assert run_with(projekt_klein, daten, "urls", str(site)) == 0
    capsys.readouterr()
    assert run_with(projekt_klein, daten, "urls", str(site), "--pruefen") == 0
    assert capsys.readouterr().out == "Alle 4 veröffentlichten Adressen sind erreichbar.\n"


def test_urls_refuses_a_lost_address(projekt_klein, data_copy, tmp_path, capsys):
    daten = data_copy()
    (daten / "veroeffentlichte-urls.txt").write_text("/\n/alt/\n", encoding="utf-8")
    assert run_with(projekt_klein, daten, "urls", str(gebaute_site(tmp_path)), "--pruefen") == 1
    ausgabe = capsys.readouterr()
    assert ausgabe.out == ""
    assert ("/alt/ – die Website liefert diese Adresse nicht mehr aus, und keine Weiterleitung führt von ihr weg."
            in ausgabe.err)


def test_urls_needs_a_built_site_and_readable_data(projekt_klein, data_copy, tmp_path, capsys):
    assert run(projekt_klein, "urls", str(tmp_path / "leer")) == 1
    assert capsys.readouterr().err == (f"In {tmp_path / 'leer'} liegt keine gebaute Website (index.html fehlt). "
                                       "Erst `make site` ausführen.\n")
    assert run_with(projekt_klein, kaputte_daten(data_copy), "urls", str(gebaute_site(tmp_path))) == 1
    assert capsys.readouterr().err.startswith("1 Fehler in den Daten – die Website wurde nicht gebaut")


def test_offen_with_broken_data_still_lists_the_pages(projekt_klein, data_copy, capsys):
    assert run_with(projekt_klein, kaputte_daten(data_copy), "offen") == 0
    ausgabe = capsys.readouterr()
    assert ausgabe.err == ("Hinweis: Die Daten enthalten Fehler (`make check` nennt sie); fällige Seitenprüfungen "
                           "werden erst danach ermittelt.\n")
    assert ausgabe.out.startswith(f"{projekt_klein}/docs/index.md:9: Telefonnummer der Geschäftsstelle\n")


def test_offen_cannot_read_unparsable_data(projekt_klein, data_copy, capsys):
    assert run_with(projekt_klein, data_copy(partner="- [\n"), "offen") == 2
    err = capsys.readouterr().err.split("\n")
    assert err[1] == "Offene Punkte nicht ermittelbar, die Daten sind nicht lesbar:"
    assert err[2].startswith("  • ")
    assert "partner.yml, Zeile " in err[2]


def ohne_offene_punkte(data_copy):
    return data_copy(
        quellen=lambda text: text.replace("offen: Herausgeber der Mitteilungsvorlage", "Kreis Mettmann"),
        videos=None)


def test_offen_counts_one_item_and_says_when_there_are_none(projekt_klein, data_copy, capsys):
    daten = ohne_offene_punkte(data_copy)
    assert run_with(projekt_klein, daten, "offen", "--streng") == 1
    assert capsys.readouterr().out == f"{projekt_klein}/docs/index.md:9: Telefonnummer der Geschäftsstelle\n1 offener Punkt.\n"
    (projekt_klein / "docs" / "index.md").write_text(page_text("Start", pruefen_bis="2027-12-01"), encoding="utf-8")
    assert run_with(projekt_klein, daten, "offen", "--streng") == 0
    assert capsys.readouterr().out == "Keine offenen Punkte.\n"


def test_items_in_drafts_do_not_hold_up_the_release(projekt_klein, data_copy, capsys):
    daten = ohne_offene_punkte(data_copy)
    (projekt_klein / "docs" / "index.md").write_text(
        page_text("Start", '{{ offen("Telefonnummer") }}\n', pruefen_bis="2027-12-01", entwurf="true"),
        encoding="utf-8")
    assert run_with(projekt_klein, daten, "offen", "--streng") == 0
    assert capsys.readouterr().out.split("\n") == [
        f"{projekt_klein}/docs/index.md:10: Telefonnummer",
        f"{projekt_klein}/docs/index.md:6: Entwurf – erscheint nur in der Vorschau, nicht auf der veröffentlichten "
        "Website; zum Veröffentlichen „entwurf: true“ löschen", "2 offene Punkte.",
        "Davon 2 in Entwürfen (Seiten mit „entwurf: true“): Sie werden nicht veröffentlicht und halten die Freigabe "
        "nicht auf.", ""]


def test_schema_writes_the_schemas_once(projekt_klein, tmp_path, capsys):
    ziel = tmp_path / "schema"
    assert run(projekt_klein, "schema", "--ziel", str(ziel)) == 0
    zeilen = capsys.readouterr().out.split("\n")
    assert f"  neu geschrieben: {ziel}/partner.schema.json" in zeilen
    assert run(projekt_klein, "schema", "--ziel", str(ziel)) == 0
    assert capsys.readouterr().out == f"Die Schemas in {ziel} sind aktuell.\n"


def test_vergleich_needs_a_base_and_a_git_repository(projekt_klein, tmp_path, monkeypatch, capsys):
    assert run(projekt_klein, "vergleich") == 2
    assert capsys.readouterr().err == "Bitte angeben, womit verglichen wird, z. B. make vergleich BASIS=main\n"
    monkeypatch.chdir(tmp_path)
    assert run(projekt_klein, "vergleich", "main") == 1
    assert capsys.readouterr().err.startswith("Vergleich nicht möglich: ")


def test_beitrag_creates_a_draft_and_says_what_to_do(projekt_klein, capsys):
    import datetime as dt

    (projekt_klein / "docs" / "aktuelles").mkdir()
    heute = dt.date.today().isoformat()
    assert run(projekt_klein, "beitrag", "Neues aus Hilden") == 0
    assert capsys.readouterr().out == (
        f"Neuer Beitrag angelegt: {projekt_klein}/docs/aktuelles/{heute}-neues-aus-hilden.md\n"
        "Er ist ein Entwurf („entwurf: true“): Er erscheint nur in der Vorschau (make serve, make vorschau), nicht auf "
        "der veröffentlichten Website.\n"
        "Nächste Schritte: Text schreiben, „description“ ausfüllen, den Platzhalter offen(…) löschen und, wenn der "
        "Beitrag erscheinen soll, die Zeile „entwurf: true“ löschen.\n"
        "„geprueft“ steht auf dem Prüfdatum der Daten (2027-06-30); nach der Prüfung des Beitrags gegen seine Quelle "
        "anpassen.\n")
    assert (projekt_klein / "docs" / "aktuelles" / f"{heute}-neues-aus-hilden.md").is_file()


def test_beitrag_refuses_a_bad_title_or_bad_data(projekt_klein, data_copy, capsys):
    assert run(projekt_klein, "beitrag", "{}") == 1
    assert capsys.readouterr().err == ("Bitte einen Titel mit Buchstaben oder Ziffern angeben, z. B. make beitrag "
                                       "TITEL=\"Regionalkonferenz in Hilden\".\n")
    daten = kaputte_daten(data_copy).rename(projekt_klein / "daten-X")  # a folder ending in a capital X
    assert run_with(projekt_klein, f"{daten}/", "beitrag", "Neu") == 1
    fehler = capsys.readouterr().err.split("\n")
    assert fehler[0] == "1 Fehler in den Daten – erst die Daten korrigieren, dann den Beitrag anlegen:"
    assert fehler[1].startswith(f"  • {daten}/partner.yml, Zeile ")


def test_zurueck_switches_to_the_release_before(projekt_klein, tmp_path, capsys):
    ziel = tmp_path / "server"
    for name in ("20260101T000000000Z-a", "20260102T000000000Z-b"):
        (ziel / "releases" / name).mkdir(parents=True)
    (ziel / "aktuell").symlink_to("releases/20260102T000000000Z-b")
    assert run(projekt_klein, "zurueck", str(ziel)) == 0
    assert capsys.readouterr().out == (f"Zurückgeschaltet: {ziel}/aktuell zeigt jetzt 20260101T000000000Z-a "
                                       "(statt 20260102T000000000Z-b).\n")
    assert run(projekt_klein, "zurueck", str(ziel)) == 1
    assert capsys.readouterr().err == (f"Zurückschalten nicht möglich: Vor 20260101T000000000Z-a gibt es keine ältere "
                                       f"Fassung in {ziel}/releases.\n")


def test_veroeffentlichen_refuses_while_items_are_open(projekt_klein, tmp_path, monkeypatch, capsys):
    (tmp_path / "leer").mkdir()
    monkeypatch.chdir(tmp_path / "leer")  # no mkdocs.yml here: a build that should not start fails at once
    assert run(projekt_klein, "veroeffentlichen", str(tmp_path / "server")) == 1
    ausgabe = capsys.readouterr()
    assert ausgabe.out.split("\n")[-2] == "3 offene Punkte."
    assert ausgabe.err == ("Freigabe verweigert: Erst wenn alle offenen Punkte erledigt sind, darf die Website "
                           "veröffentlicht werden.\nNichts veröffentlicht.\n")
    assert not (tmp_path / "server").exists()


#: ``--help`` of every command, as an editor reads it in a terminal 120 characters wide.
HILFE = {
    "": (
        "usage: handlungskonzept [-h] [--daten DATEN] [--docs DOCS] [--config CONFIG]\n"
        "                        {check,offen,urls,schema,vergleich,beitrag,veroeffentlichen,zurueck} ...\n"
        "\n"
        "Werkzeuge für die Redaktion.\n"
        "\n"
        "positional arguments:\n"
        "  {check,offen,urls,schema,vergleich,beitrag,veroeffentlichen,zurueck}\n"
        "    check               Daten und mkdocs.yml prüfen\n"
        "    offen               Offene Punkte in docs/, data/ und mkdocs.yml auflisten\n"
        "    urls                Veröffentlichte Adressen aufnehmen oder prüfen\n"
        "    schema              JSON-Schemas der Daten für die Hilfe im Editor neu erzeugen\n"
        "    vergleich           Was sich für Leserinnen und Leser gegenüber einem Git-Stand ändert\n"
        "    beitrag             Neuen Beitrag unter „Aktuelles“ als Entwurf anlegen\n"
        "    veroeffentlichen    Freigabe prüfen, bauen und nach ZIEL/aktuell umschalten\n"
        "    zurueck             ZIEL/aktuell auf die vorige Fassung zurückschalten\n"
        "\n"
        "options:\n"
        "  -h, --help            show this help message and exit\n"
        "  --daten DATEN         Ordner mit den YAML-Daten (Vorgabe: $HK_DATEN oder data)\n"
        "  --docs DOCS           Ordner mit den Markdown-Seiten\n"
        "  --config CONFIG       Einstellungsdatei der Website\n"
    ),
    "check": (
        "usage: handlungskonzept check [-h] [--junit DATEI]\n"
        "\n"
        "options:\n"
        "  -h, --help     show this help message and exit\n"
        "  --junit DATEI  die Fehler zusätzlich als JUnit-XML schreiben (für die Pipeline im Merge-Request)\n"
    ),
    "offen": (
        "usage: handlungskonzept offen [-h] [--streng]\n"
        "\n"
        "options:\n"
        "  -h, --help  show this help message and exit\n"
        "  --streng    Mit Fehlercode 1 enden, solange offene Punkte bleiben (Freigabe-Prüfung)\n"
    ),
    "urls": (
        "usage: handlungskonzept urls [-h] [--pruefen] site\n"
        "\n"
        "positional arguments:\n"
        "  site        Ordner der gebauten Website, z. B. site\n"
        "\n"
        "options:\n"
        "  -h, --help  show this help message and exit\n"
        "  --pruefen   nur prüfen, dass keine veröffentlichte Adresse verloren ging\n"
    ),
    "schema": (
        "usage: handlungskonzept schema [-h] [--ziel ZIEL]\n"
        "\n"
        "options:\n"
        "  -h, --help   show this help message and exit\n"
        "  --ziel ZIEL  Ordner für die Schemas (Vorgabe: data/schema)\n"
    ),
    "vergleich": (
        "usage: handlungskonzept vergleich [-h] [basis]\n"
        "\n"
        "positional arguments:\n"
        "  basis       Git-Stand zum Vergleich, z. B. main\n"
        "\n"
        "options:\n"
        "  -h, --help  show this help message and exit\n"
    ),
    "beitrag": (
        "usage: handlungskonzept beitrag [-h] titel\n"
        "\n"
        "positional arguments:\n"
        "  titel       Titel des Beitrags\n"
        "\n"
        "options:\n"
        "  -h, --help  show this help message and exit\n"
    ),
    "veroeffentlichen": (
        "usage: handlungskonzept veroeffentlichen [-h] [--testsystem] ziel\n"
        "\n"
        "positional arguments:\n"
        "  ziel          Ordner auf dem Webserver mit releases/ und aktuell\n"
        "\n"
        "options:\n"
        "  -h, --help    show this help message and exit\n"
        "  --testsystem  trotz offener Punkte veröffentlichen, mit noindex (nur Testsysteme)\n"
    ),
    "zurueck": (
        "usage: handlungskonzept zurueck [-h] ziel\n"
        "\n"
        "positional arguments:\n"
        "  ziel        Ordner auf dem Webserver mit releases/ und aktuell\n"
        "\n"
        "options:\n"
        "  -h, --help  show this help message and exit\n"
    ),
}


@pytest.mark.parametrize("befehl", list(HILFE), ids=lambda befehl: befehl or "handlungskonzept")
def test_every_command_explains_itself_in_german(befehl, monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", "120")
    with pytest.raises(SystemExit) as beendet:
        main([*([befehl] if befehl else []), "--help"])
    assert beendet.value.code == 0
    assert capsys.readouterr().out == HILFE[befehl]



def test_a_failed_build_publishes_nothing(projekt_klein, tmp_path, monkeypatch, capsys):
    (tmp_path / "leer").mkdir()
    monkeypatch.chdir(tmp_path / "leer")  # no mkdocs.yml: MkDocs stops at once
    ziel = tmp_path / "server"
    assert run(projekt_klein, "veroeffentlichen", str(ziel), "--testsystem") == 1
    err = capsys.readouterr().err
    assert err.startswith("\n!!! TESTSYSTEM: Veröffentlichung trotz offener Punkte. Nur für ein Testsystem, nicht für die "
                          "Öffentlichkeit – alle Seiten tragen „noindex“. !!!\n\n")
    assert err.endswith(f"Bau fehlgeschlagen – nichts veröffentlicht, {ziel}/aktuell bleibt unverändert.\n")
    assert not (ziel / "aktuell").exists()


def test_a_release_is_built_in_a_temporary_folder_named_after_the_command(projekt_klein, tmp_path, monkeypatch, capsys):
    gebaut = []  # the build itself is tested above; here only where it is asked to write
    monkeypatch.setattr(bau, "bauen", lambda ordner, testsystem: gebaut.append((ordner, ordner.parent.is_dir())) or False)
    assert run(projekt_klein, "veroeffentlichen", str(tmp_path / "server"), "--testsystem") == 1
    [(ordner, vorhanden)] = gebaut
    assert ordner.name == "site" and ordner.parent.name.startswith("hk-veroeffentlichen-") and vorhanden
    assert ordner.parent.parent == Path(tempfile.gettempdir()) and not ordner.parent.exists()  # removed afterwards


def test_a_test_system_release_is_built_and_switched_to(projekt_klein, monkeypatch, capsys):
    monkeypatch.chdir(projekt_klein)  # its mkdocs.yml: a small site, built in a second
    ziel = projekt_klein / "server"
    assert main(["--daten", str(FIXTURE_DATA), "veroeffentlichen", "server", "--testsystem"]) == 0
    out = capsys.readouterr().out.split("\n")
    [name] = [p.name for p in (ziel / "releases").iterdir()]
    assert re.fullmatch(r"\d{8}T\d{9}Z-ohne-git", name)
    assert out[-2] == (f"TESTSYSTEM (mit noindex): {ziel}/releases/{name} ist jetzt {ziel}/aktuell. Zurück zur "
                       "vorigen Fassung: make zurueck ZIEL=server")
    assert (ziel / "aktuell" / "index.html").is_file()
    assert main(["--daten", str(FIXTURE_DATA), "veroeffentlichen", "server", "--testsystem"]) == 0
    [neu] = [p.name for p in (ziel / "releases").iterdir() if p.name != name]
    assert capsys.readouterr().out.split("\n")[-2] == (
        f"TESTSYSTEM (mit noindex): {ziel}/releases/{neu} ist jetzt {ziel}/aktuell (vorher {name}). Zurück zur "
        "vorigen Fassung: make zurueck ZIEL=server")


def test_zurueck_before_any_release(projekt_klein, tmp_path, capsys):
    assert run(projekt_klein, "zurueck", str(tmp_path / "server")) == 1
    assert capsys.readouterr().err == (f"Zurückschalten nicht möglich: In {tmp_path}/server ist noch nichts "
                                       "veröffentlicht (aktuell fehlt).\n")


OHNE_SEITE = ("videos.yml, Zeile 8, Spalte 3 – Feld „Eintrag 1 (dgs-erklaerung) › textfassung“ – Wert "
              "„leichte-sprache/#worum-geht-es“: Diese Seite gibt es nicht (weder docs/leichte-sprache.md noch "
              "docs/leichte-sprache/index.md).")


def test_commands_check_the_data_against_the_pages_in_docs(projekt_klein, tmp_path, capsys):
    """The video's text version is a page of docs/; without it the data are wrong for every command."""
    (projekt_klein / "docs" / "leichte-sprache.md").unlink()
    daten = f"{FIXTURE_DATA}/"  # a trailing slash is not doubled in the messages
    assert run_with(projekt_klein, daten, "check") == 1
    assert capsys.readouterr().err.split("\n")[1] == f"  • {FIXTURE_DATA}/{OHNE_SEITE}"
    assert run_with(projekt_klein, daten, "urls", str(gebaute_site(tmp_path))) == 1
    assert capsys.readouterr().err.split("\n")[1] == f"  • {FIXTURE_DATA}/{OHNE_SEITE}"
    assert run_with(projekt_klein, daten, "beitrag", "Neu") == 1
    assert capsys.readouterr().err.split("\n")[1] == f"  • {FIXTURE_DATA}/{OHNE_SEITE}"
    assert run_with(projekt_klein, daten, "offen") == 0
    assert capsys.readouterr().err.startswith("Hinweis: Die Daten enthalten Fehler")


def test_beitrag_names_the_new_file_below_the_docs_folder_as_given(projekt_klein, capsys):
    import datetime as dt

    docs = projekt_klein / "redaktionX"
    shutil.copytree(projekt_klein / "docs", docs)
    (docs / "aktuelles").mkdir()
    assert main(["--daten", str(FIXTURE_DATA), "--docs", f"{docs}/", "beitrag", "Neu"]) == 0
    assert capsys.readouterr().out.split("\n")[0] == (
        f"Neuer Beitrag angelegt: {docs}/aktuelles/{dt.date.today().isoformat()}-neu.md")


def test_urls_report_names_the_manifest(projekt_klein, data_copy, tmp_path, capsys):
    daten = data_copy()
    (daten / "veroeffentlichte-urls.txt").write_text("/\n/alt/\n", encoding="utf-8")
    assert run_with(projekt_klein, daten, "urls", str(gebaute_site(tmp_path))) == 1
    assert capsys.readouterr().err.split("\n")[0] == (
        f"1 veröffentlichte Adresse(n) aus {daten}/veroeffentlichte-urls.txt wären nicht mehr erreichbar:")


def kleines_projekt(projekt_klein, data_copy):
    """projekt_klein without open items, and a build hook that writes the HK_TESTSYSTEM it was given into the site."""
    (projekt_klein / "docs" / "index.md").write_text(page_text("Start", pruefen_bis="2027-12-01"), encoding="utf-8")
    (projekt_klein / "umgebung.py").write_text(
        "import os\nfrom pathlib import Path\n\n\ndef on_post_build(config):\n"
        "    Path(config.site_dir, 'testsystem.txt').write_text(os.environ.get('HK_TESTSYSTEM', 'fehlt'))\n",
        encoding="utf-8")
    (projekt_klein / "mkdocs.yml").write_text("site_name: Test\nhooks: [umgebung.py]\n", encoding="utf-8")
    return ohne_offene_punkte(data_copy)


def test_a_release_without_open_items_is_published(projekt_klein, data_copy, monkeypatch, capsys):
    daten = kleines_projekt(projekt_klein, data_copy)
    monkeypatch.chdir(projekt_klein)
    assert main(["--daten", str(daten), "veroeffentlichen", "server"]) == 0
    ziel = projekt_klein / "server"
    [name] = [p.name for p in (ziel / "releases").iterdir()]
    assert capsys.readouterr().out.split("\n")[-2] == (
        f"veröffentlicht: {ziel}/releases/{name} ist jetzt {ziel}/aktuell. Zurück zur vorigen Fassung: "
        "make zurueck ZIEL=server")
    assert (ziel / "aktuell" / "testsystem.txt").read_text(encoding="utf-8") == "0"


def test_a_test_system_build_knows_it_is_one(projekt_klein, data_copy, monkeypatch, capsys):
    daten = kleines_projekt(projekt_klein, data_copy)
    monkeypatch.chdir(projekt_klein)
    assert main(["--daten", str(daten), "veroeffentlichen", "server", "--testsystem"]) == 0
    assert (projekt_klein / "server" / "aktuell" / "testsystem.txt").read_text(encoding="utf-8") == "1"


def test_a_release_that_cannot_be_switched_to_says_why(projekt_klein, data_copy, monkeypatch, capsys):
    daten = kleines_projekt(projekt_klein, data_copy)
    monkeypatch.chdir(projekt_klein)
    (projekt_klein / "server" / "aktuell").mkdir(parents=True)
    assert main(["--daten", str(daten), "veroeffentlichen", "server"]) == 1
    assert capsys.readouterr().err == (
        f"Veröffentlichung abgebrochen: {projekt_klein}/server/aktuell ist kein symbolischer Link. Bitte den Ordner "
        "umbenennen; die Veröffentlichung legt den Link selbst an.\n")


def test_a_command_is_required(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    with pytest.raises(SystemExit) as beendet:
        main([])
    assert beendet.value.code == 2
    assert capsys.readouterr().err.split("\n")[-2] == "handlungskonzept: error: the following arguments are required: befehl"
