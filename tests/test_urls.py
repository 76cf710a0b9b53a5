"""Permanent links: no URL of data/veroeffentlichte-urls.txt may disappear without a redirect."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURE_DATA, ROOT, build_site
from handlungskonzept.daten import urls
from handlungskonzept.__main__ import main
from handlungskonzept.daten.model import Weiterleitung

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
    served = set(urls.lesen(MANIFEST))  # the real site serves exactly the manifest (tested above)
    assert main(["--daten", str(daten), "urls", str(site)]) == 0
    after = urls.lesen(daten / urls.DATEI)
    assert after == sorted(served | {alt})
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


def built(tmp_path: Path, *files: str) -> Path:
    """A stand-in for a built site holding just ``files``."""
    for name in files:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    return tmp_path


def test_served_addresses_are_pages_and_files_but_no_theme_internals(tmp_path):
    site = built(tmp_path, "index.html", "partner/index.html", "regionalkonferenzen/hilden/index.html",
                 "regionalkonferenzen/hilden/termin.ics", "aktuelles/feed.xml", "assets/bilder/teilen.png",
                 "assets/stylesheets/main.abc.min.css", "assets/javascripts/bundle.js", "assets/images/favicon.png",
                 "search/search_index.json", "404.html", "sitemap.xml", "sitemap.xml.gz")
    assert urls.ausgeliefert(site) == {"/", "/partner/", "/regionalkonferenzen/hilden/",
                                       "/regionalkonferenzen/hilden/termin.ics", "/aktuelles/feed.xml",
                                       "/assets/bilder/teilen.png", "/sitemap.xml"}


def test_chain_ends_at_a_served_page_at_a_dead_end_or_before_a_circle():
    ziele = {"/a/": "/b/", "/b/": "/c/", "/c/": "/partner/", "/x/": "/y/", "/y/": "/x/"}
    assert urls.kette("/a/", ziele, {"/partner/"}) == ["/a/", "/b/", "/c/", "/partner/"]
    assert urls.kette("/b/", ziele, {"/c/"}) == ["/b/", "/c/"]
    assert urls.kette("/partner/", ziele, {"/partner/"}) == ["/partner/"]
    assert urls.kette("/a/", ziele, set()) == ["/a/", "/b/", "/c/", "/partner/"]
    assert urls.kette("/neu/", ziele, set()) == ["/neu/"]
    assert urls.kette("/x/", ziele, set()) == ["/x/", "/y/"]


def test_manifest_check_follows_chains_of_two_and_three_steps(tmp_path):
    site = built(tmp_path, "partner/index.html", "index.html")
    weiterleitungen = [Weiterleitung(von=von, nach=nach) for von, nach in [
        ("zwei/", "eins/"), ("eins/", "partner/"),                 # two steps
        ("drei/", "zwei-b/"), ("zwei-b/", "eins-b/"), ("eins-b/", ""),  # three steps, to the home page
        ("kaputt/", "mitte/"), ("mitte/", "weg/"),                 # two steps into nothing
        ("kreis/", "rund/"), ("rund/", "kreis/")]]                 # a circle
    manifest = ["/", "/partner/", "/zwei/", "/eins/", "/drei/", "/kaputt/", "/kreis/", "/fehlt/", "/termine.ics"]
    assert urls.fehlende(manifest, site, weiterleitungen) == [
        "/kaputt/ – die Weiterleitung führt nach /weg/, doch diese Adresse gibt es nicht.",
        "/kreis/ – die Weiterleitung führt nach /rund/, doch diese Adresse gibt es nicht.",
        "/fehlt/ – die Website liefert diese Adresse nicht mehr aus, und keine Weiterleitung führt von ihr weg.",
        "/termine.ics – die Website liefert diese Datei nicht mehr aus; Dateien lassen sich nicht weiterleiten.",
    ]


def test_absolute_url_joins_with_exactly_one_slash():
    assert urls.absolute_url("https://www.beispiel.test/hk/", "/partner/") == "https://www.beispiel.test/hk/partner/"
    assert urls.absolute_url("https://www.beispiel.test/hk", "partner/") == "https://www.beispiel.test/hk/partner/"
    assert urls.absolute_url("https://www.beispiel.test/", "") == "https://www.beispiel.test/"
    assert urls.absolute_url(None, "partner/") == "/partner/"
    assert urls.absolute_url("", "/") == "/"
    assert urls.absolute_url("https://x.test/X/", "X/a/") == "https://x.test/X/X/a/"  # only slashes are trimmed


def test_manifest_round_trip_sorts_and_skips_comments(tmp_path):
    path = tmp_path / urls.DATEI
    urls.schreiben(path, {"/b/", "/a/", "/aktuelles/feed.xml"})
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Veröffentlichte Adressen der Website – eine je Zeile")
    assert text.endswith("Neue Adressen nimmt `make urls` auf.\n/a/\n/aktuelles/feed.xml\n/b/\n")
    path.write_text("# Kopf\n\n  /a/  \n#/nicht/\n/b/\n", encoding="utf-8")
    assert urls.lesen(path) == ["/a/", "/b/"]
    assert urls.lesen(tmp_path / "gibt-es-nicht.txt") == []


def test_manifest_file_and_report_are_exactly_this_text(tmp_path):
    path = tmp_path / urls.DATEI
    urls.schreiben(path, {"/b/", "/a/"})
    assert path.read_text(encoding="utf-8") == (
        "# Veröffentlichte Adressen der Website – eine je Zeile, relativ zur Website-Adresse (site_url).\n"
        "# Jede Adresse, die die Website je ausgeliefert hat, steht hier und muss erreichbar bleiben:\n"
        "# Die Tests und `make site` schlagen fehl, wenn eine fehlt und keine Weiterleitung\n"
        "# (data/weiterleitungen.yml) von ihr zu einer neuen Adresse führt.\n"
        "# Nicht von Hand löschen. Neue Adressen nimmt `make urls` auf.\n"
        "/a/\n/b/\n")
    assert urls.bericht(["/a/ – weg.", "/b.ics – weg."], "data/veroeffentlichte-urls.txt") == (
        "2 veröffentlichte Adresse(n) aus data/veroeffentlichte-urls.txt wären nicht mehr erreichbar:\n"
        "  • /a/ – weg.\n"
        "  • /b.ics – weg.\n"
        "Seiten (Adressen mit „/“ am Ende): Stellen Sie die Seite unter der alten Adresse wieder her oder tragen Sie in "
        "data/weiterleitungen.yml eine Weiterleitung ein, z. B.\n"
        "  - von: alte/adresse/\n"
        "    nach: neue/adresse/\n"
        "Dateien (Feed, Kalender, Dokumente – Adressen ohne „/“ am Ende) lassen sich nicht weiterleiten: Liefern Sie die "
        "Datei unter der alten Adresse weiter aus, z. B. indem Sie eine Kopie unter docs/ behalten (für /alt/datei.ics "
        "also docs/alt/datei.ics).")


def test_manifest_is_read_as_utf8_under_a_plain_c_locale(tmp_path, c_locale):
    path = tmp_path / urls.DATEI
    path.write_text("# Veröffentlichte Adressen\n/über-uns/\n", encoding="utf-8")
    assert urls.lesen(path) == ["/über-uns/"]


def test_manifest_is_written_as_utf8_under_a_plain_c_locale_and_gzip_twins_are_no_addresses(tmp_path, c_locale):
    path = tmp_path / urls.DATEI
    urls.schreiben(path, {"/über-uns/"})
    assert path.read_bytes().endswith("/über-uns/\n".encode("utf-8"))
    site = built(tmp_path / "site", "aktuelles/feed.xml", "aktuelles/feed.xml.gz", "index.html", "index.html.gz")
    assert urls.ausgeliefert(site) == {"/", "/aktuelles/feed.xml"}
