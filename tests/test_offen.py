"""`make offen` finds every open item with file and line; `--streng` is the release gate."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import ROOT, offen
from handlungskonzept.daten import open_items
from handlungskonzept.daten.problems import DatenFehler
from handlungskonzept.daten.yaml_source import YamlProblem


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_planted_markdown_item_is_listed_with_file_and_line(projekt):
    page = projekt / "docs" / "presse.md"
    page.write_text(page.read_text(encoding="utf-8") + '\nAnschrift: {{ offen("Anschrift der Pressestelle – gepflanzt") }}\n',
                    encoding="utf-8")
    result = offen(projekt)
    assert result.returncode == 0, result.stderr
    zeile = line_of(page, "gepflanzt")
    assert f"docs/presse.md:{zeile}: Anschrift der Pressestelle – gepflanzt" in result.stdout.splitlines()


def test_planted_data_item_is_listed_at_its_line(projekt):
    datei = projekt / "data" / "partner.yml"
    text = datei.read_text(encoding="utf-8").replace(
        "  name: Kreissportbund\n",
        "  name: Kreissportbund\n  kontakt:\n    telefon:\n      offen: Telefon des Kreissportbunds – gepflanzt\n")
    datei.write_text(text, encoding="utf-8")
    result = offen(projekt)
    zeile = line_of(datei, "gepflanzt")
    assert f"data/partner.yml:{zeile}: Telefon des Kreissportbunds – gepflanzt" in result.stdout.splitlines()


def test_real_project_lists_known_items_and_placeholders():
    result = offen(ROOT)
    lines = result.stdout.splitlines()
    pressekontakt = line_of(ROOT / "data" / "projekt.yml", "offen: Pressekontakt")
    staedte = line_of(ROOT / "data" / "projekt.yml", "offen: Welche drei Städte")
    assert any(line.startswith(f"data/projekt.yml:{staedte}: Welche drei Städte") for line in lines)
    assert any(line.startswith(f"data/projekt.yml:{pressekontakt}: Pressekontakt") for line in lines)
    assert any(line.startswith("docs/begriffe.md:") and "Entwurf" in line for line in lines)
    site_url = line_of(ROOT / "mkdocs.yml", "site_url:")
    assert any(line.startswith(f"mkdocs.yml:{site_url}: ") and ".invalid" in line for line in lines)
    assert lines[-1].endswith("offene Punkte.")


def test_every_glossary_definition_is_an_open_draft():
    eintraege = [e for e in open_items.in_docs(ROOT / "docs", "docs") if e.datei == "docs/begriffe.md"]
    text = (ROOT / "docs" / "begriffe.md").read_text(encoding="utf-8")
    assert len(eintraege) == text.count("\n:   ") >= 6


def test_streng_fails_while_items_remain_and_passes_when_none(projekt, tmp_path):
    assert offen(projekt, "--streng").returncode == 1
    leer = tmp_path / "leer"
    (leer / "docs").mkdir(parents=True)
    (leer / "data").mkdir()
    (leer / "docs" / "index.md").write_text("# Alles erledigt\n", encoding="utf-8")
    (leer / "data" / "projekt.yml").write_text("titel: Fertig\n", encoding="utf-8")
    (leer / "mkdocs.yml").write_text("site_url: !ENV [HK_SITE_URL, \"https://platzhalter.invalid/\"]\n",
                                     encoding="utf-8")
    assert offen(leer, "--streng").returncode == 1
    fertig = offen(leer, "--streng", env={"HK_SITE_URL": "https://www.example.org/"})
    assert fertig.returncode == 0, fertig.stdout + fertig.stderr
    assert "Keine offenen Punkte." in fertig.stdout


def test_unreadable_call_is_reported_not_skipped(tmp_path):
    (tmp_path / "seite.md").write_text("Text\n\n{{ offen(variable) }}\n", encoding="utf-8")
    [eintrag] = open_items.in_docs(tmp_path, "docs")
    assert (eintrag.datei, eintrag.zeile) == ("docs/seite.md", 3)
    assert "ohne lesbaren Text" in eintrag.text


def test_broken_yaml_is_an_error_not_an_empty_list(projekt):
    (projekt / "data" / "partner.yml").write_text("- id: x\n\tname: Tab\n", encoding="utf-8")
    result = offen(projekt)
    assert result.returncode == 2
    assert "data/partner.yml" in result.stderr


def test_every_open_note_on_the_built_site_is_listed(vorschau_site):
    """End to end: each „Diese Angabe liegt noch nicht vor.“ / draft mark a reader sees is on the editors' list."""
    from bs4 import BeautifulSoup

    listed = {e.text.removeprefix(open_items.MAKROS["entwurf"])
              for e in open_items.alle(ROOT / "docs", ROOT / "data", ROOT / "mkdocs.yml", daten_geprueft=None)}
    shown = set()
    for page in vorschau_site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        shown |= {mark["data-offen"] for mark in soup.find_all(attrs={"data-offen": True})}
    assert shown, "keine offenen Punkte gerendert?"
    assert shown <= listed, f"Gezeigt, aber nicht in `make offen`: {sorted(shown - listed)}"


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_docs_items_are_listed_with_exact_text_and_line(tmp_path):
    _write(tmp_path / "b.md", 'Eins\n{{ offen("Telefon") }} und {{ entwurf(\'Text mit \\\'Zitat\\\'\') }}\n'
                              '{{ karte(\n  offen ( "Anschrift" )\n) }}\n{{ entwurf(name) }}\n{{ offen("x" ~ y) }}\n')
    _write(tmp_path / "a" / "c.md", "offen(\"nicht in Klammern\")\n\n{{offen('Frist')}}\n")
    assert [str(e) for e in open_items.in_docs(tmp_path, "seiten")] == [
        "seiten/a/c.md:3: Frist",
        "seiten/b.md:2: Telefon",
        "seiten/b.md:2: Entwurf freigeben – Text mit 'Zitat'",
        "seiten/b.md:4: Anschrift",
        'seiten/b.md:6: entwurf(…) ohne lesbaren Text – bitte als entwurf("was fehlt") schreiben',
        'seiten/b.md:7: offen(…) ohne lesbaren Text – bitte als offen("was fehlt") schreiben',
    ]


def test_drafts_and_overdue_pages_are_listed_with_exact_text(tmp_path):
    _write(tmp_path / "entwurf.md", "---\ntitle: E\nentwurf: true\n---\n# E\n")
    _write(tmp_path / "alt" / "seite.md", "---\ntitle: A\ngeprueft: 2026-01-01\npruefen_bis: 2026-11-30\n---\n")
    _write(tmp_path / "heute.md", "---\ntitle: H\ngeprueft: 2026-01-01\npruefen_bis: 2026-12-01\n---\n")
    [entwurf] = open_items.drafts(tmp_path, "docs")
    assert (str(entwurf), entwurf.sperrt) == (
        "docs/entwurf.md:3: Entwurf – erscheint nur in der Vorschau, nicht auf der veröffentlichten Website; "
        "zum Veröffentlichen „entwurf: true“ löschen", False)
    faellig = list(open_items.overdue_pages(tmp_path, dt.date(2026, 12, 1), "docs"))
    assert [(str(e), e.sperrt) for e in faellig] == [
        ("docs/alt/seite.md:4: Seite muss erneut geprüft werden (pruefen_bis 2026-11-30 liegt vor dem Prüfdatum "
         "der Daten 2026-12-01); danach „geprueft“ und „pruefen_bis“ anpassen", True)]


def test_data_items_are_listed_at_the_line_of_their_field(tmp_path):
    _write(tmp_path / "b.yml", "titel: X\nkontakt:\n  telefon:\n    offen: Telefon fehlt\n  offen:\n    - keine Liste\n")
    _write(tmp_path / "a.yaml", "- id: a\n  name:\n    offen: Name\n- id: b\n  orte:\n    - offen: 12\n")
    _write(tmp_path / "c.txt", "offen: keine YAML-Datei\n")
    assert [str(e) for e in open_items.in_data(tmp_path, "daten")] == [
        "daten/a.yaml:3: Name", "daten/a.yaml:6: 12", "daten/b.yml:4: Telefon fehlt"]


def test_config_placeholders_are_listed_unless_a_real_address_is_set(tmp_path):
    config = _write(tmp_path / "mkdocs.yml", (
        "site_url: !ENV [HK_SITE_URL, 'https://platzhalter.invalid/']\n"
        "# repo_url: https://kommentar.invalid/\n"
        "extra:\n"
        "  kontakt: https://kontakt.invalid/seite?a=1, weiter\n"
        "  - http://liste.invalid\n"
        "  ziel: !ENV [HK_ZIEL, \"https://ziel.invalid/\"]\n"))
    eintraege = open_items.in_config(config, "mkdocs.yml", {"HK_SITE_URL": "https://www.example.org/",
                                                             "HK_ZIEL": "https://noch.invalid/"})
    assert [str(e) for e in eintraege] == [
        "mkdocs.yml:4: Platzhalter-Adresse https://kontakt.invalid/seite?a=1 (kontakt) durch die echte Adresse ersetzen",
        "mkdocs.yml:5: Platzhalter-Adresse http://liste.invalid durch die echte Adresse ersetzen",
        "mkdocs.yml:6: Platzhalter-Adresse https://ziel.invalid/ (ziel) durch die echte Adresse ersetzen "
        "oder die Umgebungsvariable HK_ZIEL setzen",
    ]
    assert [str(e) for e in open_items.in_config(config, "m.yml", {})][0] == (
        "m.yml:1: Platzhalter-Adresse https://platzhalter.invalid/ (site_url) durch die echte Adresse ersetzen "
        "oder die Umgebungsvariable HK_SITE_URL setzen")


def test_all_items_in_order_and_only_published_ones_block(tmp_path):
    docs, data = tmp_path / "docs", tmp_path / "data"
    _write(docs / "entwurf.md", '---\nentwurf: true\ngeprueft: 2026-01-01\npruefen_bis: 2026-02-01\n---\n{{ offen("A") }}\n')
    _write(docs / "seite.md", '---\ngeprueft: 2026-01-01\npruefen_bis: 2026-02-01\n---\n{{ offen("B") }}\n')
    _write(data / "projekt.yml", "kontakt:\n  offen: C\n")
    config = _write(tmp_path / "mkdocs.yml", "site_url: https://x.invalid/\n")
    alle = open_items.alle(docs, data, config, daten_geprueft=dt.date(2026, 3, 1), docs_shown="d", data_shown="y",
                           config_shown="c.yml")
    assert [(e.datei, e.zeile, e.text[:25], e.sperrt) for e in alle] == [
        ("d/entwurf.md", 6, "A", False),
        ("d/seite.md", 5, "B", True),
        ("d/entwurf.md", 4, "Seite muss erneut geprüft", False),
        ("d/seite.md", 3, "Seite muss erneut geprüft", True),
        ("d/entwurf.md", 2, "Entwurf – erscheint nur i", False),
        ("y/projekt.yml", 2, "C", True),
        ("c.yml", 1, "Platzhalter-Adresse https", True),
    ]
    ohne_datum = open_items.alle(docs, data, tmp_path / "fehlt.yml", daten_geprueft=None)
    assert [str(e) for e in ohne_datum][:2] == ["docs/entwurf.md:6: A", "docs/seite.md:5: B"]
    assert len(ohne_datum) == 4


def test_items_are_read_as_utf8_under_a_plain_c_locale(tmp_path, c_locale):
    docs = tmp_path / "docs"
    _write(docs / "ä.md", '---\ngeprueft: 2026-01-01\npruefen_bis: 2026-02-01\n---\nÄrger: {{ offen("Straße") }}\n')
    config = _write(tmp_path / "mkdocs.yml", "# Größe\nsite_url: https://prüfen.invalid/\n")
    assert [str(e)[:40] for e in open_items.alle(docs, tmp_path / "keine-daten", config,
                                                 daten_geprueft=dt.date(2026, 3, 1))] == [
        "docs/ä.md:5: Straße", "docs/ä.md:3: Seite muss erneut geprüft w", "mkdocs.yml:2: Platzhalter-Adresse https:"]


def test_lines_count_from_the_first_line_and_every_call_in_a_placeholder_counts(tmp_path):
    _write(tmp_path / "a.md", '\n{{ offen(name) ~ offen("B") }}\n')
    assert [str(e) for e in open_items.in_docs(tmp_path, "d")] == [
        'd/a.md:2: offen(…) ohne lesbaren Text – bitte als offen("was fehlt") schreiben', "d/a.md:2: B"]


def test_a_bad_draft_or_data_file_is_named_as_shown(tmp_path):
    _write(tmp_path / "docs" / "a.md", "---\nentwurf: ja\n---\n")
    with pytest.raises(DatenFehler) as raised:
        list(open_items.drafts(tmp_path / "docs", "seiten"))
    assert [p.datei for p in raised.value.problems] == ["seiten/a.md"]
    _write(tmp_path / "data" / "b.yml", "a: [\n")
    with pytest.raises(YamlProblem) as kaputt:
        list(open_items.in_data(tmp_path / "data", "daten"))
    assert [p.datei for p in kaputt.value.problems] == ["daten/b.yml"]


def test_indented_comments_in_mkdocs_yml_are_skipped_and_defaults_name_the_files(tmp_path):
    config = _write(tmp_path / "mkdocs.yml", "extra:\n  # alt: https://alt.invalid/\n  neu: https://neu.invalid/\n")
    assert [str(e) for e in open_items.in_config(config, "m.yml", {})] == [
        "m.yml:3: Platzhalter-Adresse https://neu.invalid/ (neu) durch die echte Adresse ersetzen"]
    _write(tmp_path / "docs" / "index.md", "# Start\n")
    _write(tmp_path / "data" / "projekt.yml", "kontakt:\n  offen: C\n")
    assert [str(e) for e in open_items.alle(tmp_path / "docs", tmp_path / "data", config, daten_geprueft=None)] == [
        "data/projekt.yml:2: C", "mkdocs.yml:3: Platzhalter-Adresse https://neu.invalid/ (neu) durch die echte Adresse "
                                 "ersetzen"]
