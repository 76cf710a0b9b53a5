"""The two builds from one code path: the published site (``make site``) and the editors' preview
(``make vorschau``, ``make serve``), and drafts (``entwurf: true``), which only the preview shows.

All built at once in one project copy (``entwurf_projekt``), which also shows that concurrent
builds never mix their temporary folders.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import DRAFT_PAGE, DRAFT_POST, build_copy, offen, soup
from handlungskonzept.daten import einstellungen, entwuerfe, open_items
from handlungskonzept.daten.loader import load
from handlungskonzept.daten.problems import DatenFehler
from test_atomic_build import fingerprint

EDIT_BASE = "https://git.example.invalid/kreis-mettmann/handlungskonzept/-/edit/main/"
DRAFT_URLS = [entwuerfe.url(DRAFT_PAGE), entwuerfe.url(DRAFT_POST)]


def pages(site: Path) -> list[str]:
    """Every page, without the redirect pages of data/weiterleitungen.yml (they carry their own noindex)."""
    return sorted("" if p.parent == site else f"{p.parent.relative_to(site).as_posix()}/"
                  for p in site.rglob("index.html") if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8"))


def menu(page: BeautifulSoup) -> list[str]:
    return [a.get("href", "") for a in page.find("nav", class_="md-nav--primary").find_all("a")]


def test_two_builds_at_once_never_mix_their_folders(entwurf_projekt):
    for name, lauf in entwurf_projekt.laeufe.items():
        assert lauf.returncode == 0, f"{name}: {lauf.stdout}"
    for name in ("site-1", "site-2"):
        assert f"nicht veröffentlicht (Entwurf): docs/{DRAFT_POST}" in entwurf_projekt.laeufe[name].stdout
    repo = entwurf_projekt.repo
    assert not list(repo.glob(".site-*")) and not list(repo.glob(".vorschau-*")), "Zwischenordner übrig"
    # Both runs built the same input: the site is one complete build (byte-identical to its twin).
    release = entwurf_projekt.ziel / "aktuell"
    assert set(fingerprint(entwurf_projekt.site)) == set(fingerprint(release)) and len(pages(release)) > 20
    assert fingerprint(entwurf_projekt.site)["sitemap.xml"] == fingerprint(release)["sitemap.xml"]


def test_published_build_leaves_drafts_out_everywhere(entwurf_projekt):
    for built in (entwurf_projekt.site, entwurf_projekt.ziel / "aktuell"):
        assert not set(DRAFT_URLS) & set(pages(built)), built
        for url in pages(built):
            text = (built / url / "index.html").read_text(encoding="utf-8")
            assert "im Entwurf" not in text and "entwurf-seite" not in text, url  # not in the menu, no link
        for datei in ("sitemap.xml", "search/search_index.json", "aktuelles/feed.xml"):
            text = (built / datei).read_text(encoding="utf-8")
            assert "beitrag-im-entwurf" not in text and "entwurf-seite" not in text, datei
        published = [p.stem for p in (entwurf_projekt.repo / "docs" / "aktuelles").glob("2*.md")
                     if p.stem not in DRAFT_POST]
        assert published and all(f"aktuelles/{stem}/" in (built / "aktuelles" / "feed.xml").read_text(encoding="utf-8")
                                 for stem in published)  # the published posts are still there


def test_published_build_has_no_edit_link_banner_or_noindex(entwurf_projekt):
    for url in pages(entwurf_projekt.site):
        page = soup(entwurf_projekt.site, url)
        assert page.find("a", rel="edit") is None and page.find(class_="hk-vorschau") is None, url
        assert page.find("meta", attrs={"name": "robots"}) is None, url
        assert page.find(attrs={"data-offen": True}) is None, url  # no editors' notes …
    assert soup(entwurf_projekt.site, "impressum/").find(class_="hk-offen") is not None  # … the polite note stays


def test_preview_shows_drafts_with_a_draft_banner_in_menu_sitemap_search_and_feed(entwurf_projekt):
    vorschau = entwurf_projekt.vorschau
    for url in DRAFT_URLS:
        banner = soup(vorschau, url).find(class_="hk-vorschau")
        assert "Entwurf:" in banner.find(class_="hk-vorschau__entwurf").get_text(), url
    assert soup(vorschau, "partner/").find(class_="hk-vorschau__entwurf") is None
    assert any(href.endswith(entwuerfe.url(DRAFT_PAGE)) for href in menu(soup(vorschau, "")))
    sitemap = (vorschau / "sitemap.xml").read_text(encoding="utf-8")
    search = {d["location"] for d in json.loads((vorschau / "search/search_index.json").read_text())["docs"]}
    feed = (vorschau / "aktuelles/feed.xml").read_text(encoding="utf-8")
    for url in DRAFT_URLS:
        assert url in sitemap and url in search, url
    assert entwuerfe.url(DRAFT_POST) in feed
    assert soup(vorschau, "aktuelles/").find("a", href=lambda h: h and "beitrag-im-entwurf" in h) is not None


def test_preview_has_banner_noindex_and_an_edit_link_to_the_source_on_every_page(entwurf_projekt):
    vorschau, repo = entwurf_projekt.vorschau, entwurf_projekt.repo
    loaded = load(repo / "data", repo / "docs", "data")
    for url in pages(vorschau):
        page = soup(vorschau, url)
        banner = page.find("aside", class_="hk-vorschau")
        assert "Vorschau – nicht veröffentlicht" in banner.get_text(), url
        assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex", url
        link = banner.find("a", rel="edit")
        source, _, line = link["href"].removeprefix(EDIT_BASE).partition("#L")
        assert (repo / source).is_file(), (url, link["href"])
        if source.startswith("docs/"):
            assert entwuerfe.url(source.removeprefix("docs/")) == url and not line, url
        else:  # a generated conference page: its record in the data, with its line
            town = url.split("/")[1]
            index = [k.id for k in loaded.daten.regionalkonferenzen].index(town)
            assert int(line) == loaded.positions["regionalkonferenzen"][(index,)][0], url
            assert (repo / source).read_text(encoding="utf-8").splitlines()[int(line) - 1].endswith(f"id: {town}")
            assert f"{source}, Zeile {line}" in link.get_text()
    error_page = BeautifulSoup((vorschau / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert "Vorschau – nicht veröffentlicht" in error_page.find("aside", class_="hk-vorschau").get_text()
    assert error_page.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_preview_highlights_open_items(entwurf_projekt):
    page = soup(entwurf_projekt.vorschau, "impressum/")
    assert "hk-vorschau-seite" in page.find("div", class_="md-content")["class"]
    assert page.find("div", class_="md-content").find(class_="hk-offen") is not None
    stil = next(link["href"] for link in page.find_all("link", rel="stylesheet") if "hk-seite" in link["href"])
    css = (entwurf_projekt.vorschau / "impressum" / stil).resolve().read_text(encoding="utf-8")
    assert ".hk-vorschau-seite .hk-offen" in css and "attr(data-offen)" in css
    assert "hk-vorschau-seite" not in (entwurf_projekt.site / "impressum/index.html").read_text(encoding="utf-8")


def test_test_system_release_is_published_build_with_noindex(entwurf_projekt):
    lauf = entwurf_projekt.laeufe["testsystem"].stdout
    assert "TESTSYSTEM" in lauf and "noindex" in lauf and "offene Punkte" in lauf
    release = entwurf_projekt.ziel / "aktuell"
    for url in pages(release):
        page = soup(release, url)
        assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex", url
        assert page.find("a", rel="edit") is None and page.find(class_="hk-vorschau") is None, url


def test_a_link_to_a_draft_fails_the_published_build_naming_page_and_line(repo_copy, tmp_path):
    (repo_copy / "docs" / "neu.md").write_text(
        "---\ntitle: Neu\ndescription: Eine neue Seite.\nentwurf: true\ngeprueft: 2026-11-25\n"
        "pruefen_bis: 2027-05-25\n---\n# Neu\n", encoding="utf-8")
    partner = repo_copy / "docs" / "partner.md"
    text = partner.read_text(encoding="utf-8") + "\nMehr dazu [auf der neuen Seite](neu.md).\n"
    partner.write_text(text, encoding="utf-8")
    result = build_copy(repo_copy, tmp_path / "site")
    assert result.returncode != 0
    line = len(text.splitlines())
    assert f"docs/partner.md, Zeile {line}: Der Link führt zum Entwurf docs/neu.md" in result.stderr
    assert "„entwurf: true“ löschen" in result.stderr and "Traceback" not in result.stderr
    preview = build_copy(repo_copy, tmp_path / "vorschau", env={"HK_VORSCHAU": "1"})
    assert preview.returncode == 0, preview.stderr  # in the preview the draft is there, the link works


def test_make_offen_lists_drafts_without_blocking_the_release(projekt):
    (projekt / "docs" / "neu.md").write_text(
        "---\ntitle: Neu\ndescription: Eine neue Seite.\ngeprueft: 2026-11-25\nentwurf: true\n"
        "pruefen_bis: 2027-05-25\n---\n# Neu\n\n{{ offen(\"Text der neuen Seite\") }}\n", encoding="utf-8")
    result = offen(projekt)
    assert "docs/neu.md:5: Entwurf – erscheint nur in der Vorschau" in result.stdout
    assert "docs/neu.md:10: Text der neuen Seite" in result.stdout
    assert "Davon 2 in Entwürfen" in result.stdout
    eintraege = open_items.alle(projekt / "docs", projekt / "data", projekt / "mkdocs.yml", daten_geprueft=None)
    assert [e.sperrt for e in eintraege if e.datei == "docs/neu.md"] == [False, False]


def test_entwurf_must_be_true_or_false(projekt):
    (projekt / "docs" / "neu.md").write_text("---\ntitle: Neu\nentwurf: ja\n---\n# Neu\n", encoding="utf-8")
    result = offen(projekt)
    assert result.returncode == 2
    assert "docs/neu.md, Zeile 3, Spalte 1 – Feld „entwurf“ – Wert „ja“: Nur „entwurf: true“" in result.stderr


def test_links_to_drafts_are_found_in_markdown_and_html():
    drafts = {"neu.md", "aktuelles/2026-12-01-x.md"}
    text = ("[a](neu.md) [b](../neu/) [c](https://example.org/neu.md)\n"
            "<a href=\"../aktuelles/2026-12-01-x/\">d</a> [e](neu.md#anker) [f](partner.md)\n[ref]: neu.md\n")
    assert entwuerfe.verweise(text, "partner.md", drafts) == [
        (1, "neu.md"), (1, "neu.md"), (2, "aktuelles/2026-12-01-x.md"), (2, "neu.md"), (3, "neu.md")]
    assert entwuerfe.verweise("[x](../neu.md)", "aktuelles/index.md", drafts) == [(1, "neu.md")]
    assert entwuerfe.verweise("[x](neu/) [y](regionalkonferenzen/)", "index.md", drafts) == [(1, "neu.md")]


def test_the_one_setting_is_typed_in_one_place():
    assert einstellungen.aus_extra({"vorschau": "1"}).vorschau
    assert not einstellungen.aus_extra({"vorschau": "0", "testsystem": ""}).noindex
    assert einstellungen.aus_extra({"vorschau": False, "testsystem": "1"}).noindex
    with pytest.raises(DatenFehler, match="Wert „vielleicht“: Nur 1 \\(an\\) oder 0 \\(aus\\) erlaubt – gesetzt über "
                                          "die Umgebungsvariable HK_VORSCHAU"):
        einstellungen.aus_extra({"vorschau": "vielleicht"})


def test_drafts_never_reach_the_url_manifest(entwurf_projekt):
    """``make urls`` records what the published site serves: a draft's address is not among it."""
    repo = entwurf_projekt.repo
    env = {k: v for k, v in os.environ.items() if not k.startswith("HK_")} | {"PYTHONPATH": str(repo / "macros")}

    def neue_adressen(site: str) -> str:
        result = subprocess.run([sys.executable, "-m", "handlungskonzept", "urls", site, "--pruefen"], cwd=repo,
                                env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        return result.stdout

    assert not any(url in neue_adressen("site") for url in DRAFT_URLS)
    assert all(f"/{url}" in neue_adressen("vorschau") for url in DRAFT_URLS)  # the check would see them


def test_settings_defaults_and_the_exact_message_for_each_bad_switch():
    assert einstellungen.aus_extra({"anderes": "x"}) == einstellungen.Einstellungen(
        vorschau=False, testsystem=False, bearbeiten_url="")
    assert not einstellungen.aus_extra({}).noindex
    assert einstellungen.aus_extra({"vorschau": "", "testsystem": "0", "bearbeiten_url": "https://git.example/"}) \
        == einstellungen.Einstellungen(vorschau=False, testsystem=False, bearbeiten_url="https://git.example/")
    with pytest.raises(DatenFehler) as raised:
        einstellungen.aus_extra({"vorschau": "ja bitte", "testsystem": "2"})
    assert [str(p) for p in raised.value.problems] == [
        "mkdocs.yml – Feld „extra › testsystem“ – Wert „2“: Nur 1 (an) oder 0 (aus) erlaubt – gesetzt über die "
        "Umgebungsvariable HK_TESTSYSTEM.",
        "mkdocs.yml – Feld „extra › vorschau“ – Wert „ja bitte“: Nur 1 (an) oder 0 (aus) erlaubt – gesetzt über die "
        "Umgebungsvariable HK_VORSCHAU."]
    with pytest.raises(DatenFehler) as raised:
        einstellungen.aus_extra({"bearbeiten_url": 5})
    assert [str(p) for p in raised.value.problems] == [
        "mkdocs.yml – Feld „extra › bearbeiten_url“ – Wert „5“: Hier wird eine Adresse als Text erwartet – gesetzt über die "
        "Umgebungsvariable HK_BEARBEITEN_URL."]


def test_draft_line_and_the_exact_message_for_a_bad_value(tmp_path):
    assert entwuerfe.zeile("---\ntitle: T\nentwurf: true  # noch nicht\n---\n", "a.md") == 3
    assert entwuerfe.zeile("---\ntitle: T\nentwurf: false\nentwurf: true\n---\n", "a.md") is None
    assert entwuerfe.zeile("# ohne Kopf\nentwurf: true\n", "a.md") is None
    assert entwuerfe.zeile("---\n---\n", "a.md") is None
    assert entwuerfe.zeile("---\ntitle: T\n entwurf: true\n---\n", "a.md") is None  # indented: no front matter key
    (tmp_path / "unter").mkdir()
    (tmp_path / "unter" / "b.md").write_text("---\nentwurf: 1\n---\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("---\ntitle: A\nentwurf:\n---\n", encoding="utf-8")
    (tmp_path / "c.md").write_text("---\nentwurf: true\n---\n", encoding="utf-8")
    with pytest.raises(DatenFehler) as raised:
        entwuerfe.finden(tmp_path, "seiten")
    nur = "Nur „entwurf: true“ (Seite ist ein Entwurf) oder „entwurf: false“ ist erlaubt."
    assert [str(p) for p in raised.value.problems] == [
        f"seiten/a.md, Zeile 3, Spalte 1 – Feld „entwurf“ – Wert „“: {nur}",
        f"seiten/unter/b.md, Zeile 2, Spalte 1 – Feld „entwurf“ – Wert „1“: {nur}"]
    (tmp_path / "a.md").unlink()
    (tmp_path / "unter" / "b.md").write_text("---\ntitle: B\nentwurf: True\n---\n", encoding="utf-8")
    assert entwuerfe.finden(tmp_path) == {"c.md": 2, "unter/b.md": 3}
    (tmp_path / "c.md").write_text("---\nentwurf: vielleicht\n---\n", encoding="utf-8")
    with pytest.raises(DatenFehler) as raised:
        entwuerfe.finden(tmp_path)
    assert [p.datei for p in raised.value.problems] == ["docs/c.md"]


@pytest.mark.parametrize("src, url", [("index.md", ""), ("aktuelles/index.md", "aktuelles/"), ("partner.md", "partner/"),
                                      ("a/b.md", "a/b/"), ("kein-index.md", "kein-index/")])
def test_a_page_address_as_directory_urls_build_it(src, url):
    assert entwuerfe.url(src) == url


def test_links_that_lead_nowhere_near_a_draft_are_left_alone():
    drafts = {"neu.md", "a/index.md"}
    text = ("[m](mailto:neu@example.org) [abs](/neu/) [leer](#oben) [q](neu/?x=1)\n[h](HTTPS://x/neu/) [ix](a/)\n"
            "[start](./) <a href='neu/#x'>y</a>\n  [ref]: <neu.md>\n")
    assert entwuerfe.verweise(text, "index.md", drafts) == [(1, "neu.md"), (2, "a/index.md"), (3, "neu.md"),
                                                             (4, "neu.md")]


def test_links_to_a_draft_home_page_with_anchors_queries_and_lines():
    drafts = {"index.md", "neu.md"}
    assert entwuerfe.verweise("\n[start](../) [neu](../neu/?a=1?b) [n](../neu.md#a#b)", "aktuelles/index.md", drafts) == [
        (2, "index.md"), (2, "neu.md"), (2, "neu.md")]
    assert entwuerfe.verweise("[oben](#oben) [leer]()", "index.md", drafts) == []
