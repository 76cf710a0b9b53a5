"""Permanent links: no URL of data/veroeffentlichte-urls.txt may disappear without a redirect."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURE_DATA, ROOT, build_site
from handlungskonzept import urls
from handlungskonzept.__main__ import main

MANIFEST = ROOT / "data" / urls.DATEI


def test_manifest_is_sorted_unique_and_site_relative():
    text = MANIFEST.read_text(encoding="utf-8")
    assert text.startswith(urls.KOPF)
    listed = urls.lesen(MANIFEST)
    assert listed == sorted(set(listed))
    assert all(url.startswith("/") and "//" not in url for url in listed)
    assert "/regionalkonferenzen/hilden/" in listed and "/aktuelles/feed.xml" in listed


def test_published_site_serves_every_url_of_the_manifest(site):
    assert urls.fehlende(urls.lesen(MANIFEST), site, []) == []


def test_manifest_lists_every_url_the_site_serves(site):
    neu = urls.ausgeliefert(site) - set(urls.lesen(MANIFEST))
    assert not neu, f"Neue Adressen: `make urls` ausführen und {MANIFEST.name} committen: {sorted(neu)}"


@pytest.fixture
def kopie(site, tmp_path) -> tuple[Path, Path]:
    """A copy of the built site and of data/, both free to change."""
    shutil.copytree(site, tmp_path / "site")
    shutil.copytree(ROOT / "data", tmp_path / "daten")
    return tmp_path / "site", tmp_path / "daten"


def pruefen(site: Path, daten: Path) -> int:
    return main(["--daten", str(daten), "urls", str(site), "--pruefen"])


def test_removing_a_page_fails_and_a_redirect_makes_it_pass(kopie, capsys):
    site, daten = kopie
    assert pruefen(site, daten) == 0
    shutil.rmtree(site / "partner")
    assert pruefen(site, daten) == 1
    error = capsys.readouterr().err
    assert "/partner/ – die Website liefert diese Adresse nicht mehr aus" in error
    assert "data/weiterleitungen.yml" in error
    (daten / "weiterleitungen.yml").write_text("- von: partner/\n  nach: regionalkonferenzen/\n", encoding="utf-8")
    assert pruefen(site, daten) == 0


def test_redirect_to_a_missing_page_does_not_count(kopie, capsys):
    site, daten = kopie
    shutil.rmtree(site / "partner")
    (daten / "weiterleitungen.yml").write_text("- von: partner/\n  nach: netzwerk/\n", encoding="utf-8")
    assert pruefen(site, daten) == 1
    assert "/partner/ – die Weiterleitung führt nach /netzwerk/, doch diese Adresse gibt es nicht" in capsys.readouterr().err


def test_removing_a_file_such_as_the_feed_fails_and_the_report_says_how_to_keep_it(kopie, capsys):
    """Redirects are for pages only, so the report must not offer one for a file."""
    site, daten = kopie
    (site / "aktuelles" / "feed.xml").unlink()
    assert pruefen(site, daten) == 1
    error = capsys.readouterr().err
    assert "/aktuelles/feed.xml – die Website liefert diese Datei nicht mehr aus; Dateien lassen sich nicht " \
           "weiterleiten." in error
    assert "Liefern Sie die Datei unter der alten Adresse weiter aus" in error and "docs/" in error
    assert "keine Weiterleitung führt von ihr weg" not in error


def test_urls_adds_new_addresses_and_never_drops_one(kopie, capsys):
    site, daten = kopie
    alt = "/eine/frueher/veroeffentlichte/seite/"
    urls.schreiben(daten / urls.DATEI, {"/", alt})
    (daten / "weiterleitungen.yml").write_text(f"- von: {alt[1:]}\n  nach: ''\n", encoding="utf-8")
    assert main(["--daten", str(daten), "urls", str(site)]) == 0
    after = urls.lesen(daten / urls.DATEI)
    assert after == sorted(urls.ausgeliefert(site) | {alt})
    assert "neue Adresse(n) aufgenommen" in capsys.readouterr().out
    assert (daten / urls.DATEI).read_text(encoding="utf-8").startswith(urls.KOPF)


def test_urls_refuses_a_directory_without_a_site(tmp_path, capsys):
    assert main(["urls", str(tmp_path)]) == 1
    assert "keine gebaute Website" in capsys.readouterr().err


def test_build_fails_when_a_published_url_is_gone_and_passes_with_a_redirect(tmp_path):
    daten = tmp_path / "daten"
    shutil.copytree(FIXTURE_DATA, daten)
    urls.schreiben(daten / urls.DATEI, {"/", "/partner/", "/alte-seite/"})
    result = build_site(tmp_path / "ohne", data_dir=daten)
    assert result.returncode != 0
    assert "/alte-seite/ – die Website liefert diese Adresse nicht mehr aus" in result.stderr
    (daten / "weiterleitungen.yml").write_text("- von: alte-seite/\n  nach: partner/\n", encoding="utf-8")
    result = build_site(tmp_path / "mit", data_dir=daten)
    assert result.returncode == 0, result.stderr
    assert "/alte-seite/" in urls.ausgeliefert(tmp_path / "mit")
