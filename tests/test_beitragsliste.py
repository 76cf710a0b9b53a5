"""Aktuelles: posts read from docs/aktuelles/, listed newest first by the beitragsliste component."""
from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup

from handlungskonzept.ausgaben import components
from handlungskonzept.daten.aktuelles import Beitrag, beitraege, ist_beitrag
from handlungskonzept.daten.problems import DatenFehler

KOPF = "---\ntitle: {title}\ndescription: Ein Satz.\ndatum: {datum}\n---\n# {title}\n"


def post(docs, name, **felder):
    (docs / "aktuelles").mkdir(parents=True, exist_ok=True)
    (docs / "aktuelles" / name).write_text(KOPF.format(**felder), encoding="utf-8")


def test_posts_are_newest_first_with_permanent_urls(tmp_path):
    post(tmp_path, "2027-01-05-zweiter.md", title="Zweiter", datum="2027-01-05")
    post(tmp_path, "2026-12-01-erster.md", title="Erster", datum="2026-12-01")
    (tmp_path / "aktuelles" / "index.md").write_text("# Aktuelles\n", encoding="utf-8")
    found = beitraege(tmp_path)
    assert [b.title for b in found] == ["Zweiter", "Erster"]
    assert found[0].url == "aktuelles/2027-01-05-zweiter/"


def test_bad_posts_are_all_reported_with_their_file(tmp_path):
    post(tmp_path, "neuigkeit.md", title="Ohne Datum im Namen", datum="2027-01-05")
    post(tmp_path, "2027-01-05-falsches-datum.md", title="Falsch", datum="2027-01-06")
    (tmp_path / "aktuelles" / "2027-01-07-ohne-beschreibung.md").write_text(
        "---\ntitle: T\ndatum: 2027-01-07\n---\n# T\n", encoding="utf-8")
    with pytest.raises(DatenFehler) as info:
        beitraege(tmp_path)
    report = info.value.bericht()
    assert "docs/aktuelles/neuigkeit.md" in report and "JJJJ-MM-TT-kurzname.md" in report
    assert "docs/aktuelles/2027-01-05-falsches-datum.md, Zeile 4, Spalte 1 – Feld „datum“" in report
    assert "docs/aktuelles/2027-01-07-ohne-beschreibung.md, Zeile 2, Spalte 1 – Feld „description“: Pflichtfeld fehlt." in report


def test_only_dated_files_in_aktuelles_are_posts():
    assert ist_beitrag("aktuelles/2026-11-25-stand-der-arbeit.md")
    assert not ist_beitrag("aktuelles/index.md")
    assert not ist_beitrag("regionalkonferenzen/2026-11-25-x.md")


def test_component_escapes_editor_text_and_links_relative():
    b = Beitrag(title="<script>x</script>", description="A & B", datum=dt.date(2027, 1, 2),
                aktualisiert=dt.date(2027, 2, 3), datei="aktuelles/2027-01-02-test.md")
    soup = BeautifulSoup(str(components.render("beitragsliste", beitraege=[b], ebene=2, base="../",
                                               feed="../aktuelles/feed.xml")), "html.parser")
    assert soup.find("script") is None
    assert soup.h2.a.get_text() == "<script>x</script>"
    assert soup.h2.a["href"] == "../aktuelles/2027-01-02-test/"
    assert [t["datetime"] for t in soup.find_all("time")] == ["2027-01-02", "2027-02-03"]
    assert "aktualisiert am 3. Februar 2027" in soup.get_text()


def test_component_without_posts_says_so():
    html = str(components.render("beitragsliste", beitraege=[], ebene=2, base="", feed="aktuelles/feed.xml"))
    assert "Zurzeit gibt es keine Beiträge." in html and "feed.xml" in html


def test_aktuelles_page_lists_posts_that_resolve(fixture_site):
    page = fixture_site / "aktuelles" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert len(soup.find_all("h1")) == 1
    titles = soup.select(".hk-beitragsliste__titel a")
    assert titles
    for a in titles:
        assert (page.parent / a["href"] / "index.html").resolve().is_file(), a["href"]


def test_post_has_aktuelles_as_breadcrumb(fixture_site):
    soup = BeautifulSoup((fixture_site / "aktuelles/2026-11-25-stand-der-arbeit/index.html")
                         .read_text(encoding="utf-8"), "html.parser")
    assert "Aktuelles" in [a.get_text(strip=True) for a in soup.select(".md-path__link")]


@pytest.mark.parametrize(("kopf", "ort", "meldung"), [
    ("title: T\ndescription: Ein Satz.\ndatm: 2027-01-05\n", "Zeile 4, Spalte 1 – Feld „datm“",
     "Unbekanntes Feld – vielleicht ein Tippfehler? Meinten Sie „datum“?"),
    ("title: T\ndescription: [Ein Satz.\ndatum: 2027-01-05\n", "Zeile 3, Spalte 14",
     "Die eckige Klammer „[“ wird nicht richtig geschlossen"),
    ("title: T\ndescription: Ein Satz.\ndatum: 2027-02-30\n", "Zeile 4, Spalte 1 – Feld „datum“",
     "Kein gültiges Datum."),
])
def test_front_matter_problems_are_german_with_file_and_line(tmp_path, kopf, ort, meldung):
    (tmp_path / "aktuelles").mkdir()
    (tmp_path / "aktuelles" / "2027-01-05-x.md").write_text(f"---\n{kopf}---\n# T\n", encoding="utf-8")
    with pytest.raises(DatenFehler) as info:
        beitraege(tmp_path)
    report = info.value.bericht()
    assert f"docs/aktuelles/2027-01-05-x.md, {ort}" in report and meldung in report, report
    for english in ("expected", "found", "day is out of range", "while parsing"):
        assert english not in report


def test_material_and_review_keys_are_allowed_in_posts(tmp_path):
    (tmp_path / "aktuelles").mkdir()
    (tmp_path / "aktuelles" / "2027-01-05-x.md").write_text(
        "---\ntitle: T\ndescription: Ein Satz.\ndatum: 2027-01-05\nhide: [toc]\ngeprueft: 2027-01-05\n---\n",
        encoding="utf-8")
    assert [b.title for b in beitraege(tmp_path)] == ["T"]
