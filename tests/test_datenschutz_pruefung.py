"""The privacy check: no built page or stylesheet may load anything from another server."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import material
import pytest

from conftest import ROOT, build_site, git_log, logging_git
from handlungskonzept.ausgaben.external_resources import Fund, find_in_css, find_in_html, is_external, scan_site

EXTERNAL_HTML = [
    '<script src="https://cdn.example.org/lib.js"></script>',
    '<img src="https://example.org/x.png" alt="">',
    '<img src="lokal.png" srcset="lokal-2x.png 2x, https://example.org/x-3x.png 3x" alt="">',
    '<picture><source srcset="https://example.org/x.webp" type="image/webp"></picture>',
    '<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Roboto">',
    '<link rel="icon" href="https://example.org/favicon.ico">',
    '<link rel="preload" href="https://example.org/font.woff2" as="font">',
    '<link rel="preconnect" href="https://fonts.gstatic.com">',
    '<link rel="stylesheet" href="//cdn.example.org/style.css">',
    '<iframe src="https://www.youtube-nocookie.com/embed/x" title="Video"></iframe>',
    '<video src="https://example.org/film.mp4"></video>',
    '<video poster="https://example.org/poster.jpg"><source src="film.mp4"></video>',
    '<audio><source src="https://example.org/ton.mp3"></audio>',
    '<object data="https://example.org/doc.pdf"></object>',
    '<style>body { background: url("https://example.org/bg.png"); }</style>',
    '<style>@import "https://fonts.googleapis.com/css";</style>',
    '<p style="background-image: url(https://example.org/bg.png)">Text</p>',
]

LOCAL_HTML = [
    '<a href="https://www.kreis-mettmann.de/">Kreis Mettmann</a>',
    '<a href="mailto:info@example.org">E-Mail</a>',
    '<link rel="canonical" href="https://handlungskonzept.example.invalid/partner/">',
    '<link rel="alternate" href="https://example.org/feed.xml" type="application/rss+xml">',
    '<img src="../assets/images/logo.png" alt="">',
    '<img src="/assets/images/logo.png" srcset="logo-2x.png 2x" alt="">',
    '<img src="data:image/png;base64,iVBORw0KGgo=" alt="">',
    '<script src="../assets/javascripts/bundle.js"></script>',
    "<script>var url = 'https://example.org/x.js';</script>",
    '<style>.a { background: url("data:image/svg+xml;charset=utf-8,<svg xmlns=\'http://www.w3.org/2000/svg\'/>"); }</style>',
    '<link rel="stylesheet" href="assets/stylesheets/komponenten.css">',
    '<link href="https://example.org/ohne-rel.css">',
    '<p>Im Text steht url(https://example.org/bild.png) nur als Wort.</p>',
]


@pytest.mark.parametrize("snippet", EXTERNAL_HTML)
def test_external_resources_in_html_are_found(snippet):
    found = find_in_html(f"<!doctype html>\n<html><body>\n{snippet}\n</body></html>")
    assert len(found) == 1, found
    assert found[0].zeile == 3
    assert is_external(found[0].url)


@pytest.mark.parametrize("snippet", LOCAL_HTML)
def test_links_and_local_resources_are_allowed(snippet):
    assert find_in_html(f"<html><head>{snippet}</head><body></body></html>") == []


@pytest.mark.parametrize(("snippet", "urls"), [
    ('<iframe src="https://www.openstreetmap.org/export/embed.html?bbox=6.9,51.2,7.1,51.3" title="Karte"></iframe>',
     ["https://www.openstreetmap.org/export/embed.html?bbox=6.9,51.2,7.1,51.3"]),
    ('<img src="a.png" srcset="https://example.org/a-2x.png 2x,https://example.org/a-3x.png 3x" alt="">',
     ["https://example.org/a-2x.png", "https://example.org/a-3x.png"]),
])
def test_each_loaded_address_is_reported_whole(snippet, urls):
    """Only srcset lists several addresses (split at commas, even without a space); a src keeps its commas."""
    assert [f.url for f in find_in_html(f"<html><body>{snippet}</body></html>")] == urls


def test_css_url_and_import_are_found_with_line():
    css = """/* url(https://example.org/kommentar.png) zählt nicht */
@import url("https://fonts.googleapis.com/css?family=Roboto");
@import 'https://example.org/weitere.css';
@import "lokal.css";
.a { background: url(bild.png); }
.b { mask-image: url("data:image/svg+xml;charset=utf-8,<svg xmlns='http://www.w3.org/2000/svg' transform='rotate(45)'/>"); }
@font-face { font-family: X; src: url('https://fonts.gstatic.com/x.woff2') format("woff2"); }
.c { background-image: image-set("bild.png" 1x, "https://example.org/bild-2x.png" 2x); }
.d { background-image: image-set(url("https://example.org/e.png") 1x, "f.png" 2x); }
@import /* Schrift,
   zweite Zeile */ "https://example.org/nach-kommentar.css";
.e { background-image: image-set(
  url("g.png") 1x,
  "https://example.org/g-2x.png" 2x); }
.f { color: red; }
@import"https://example.org/ohne-leerzeichen.css";
@import/* direkt */'https://example.org/kommentar-direkt.css';
"""
    found = find_in_css(css)
    assert [(f.zeile, f.url) for f in found] == [
        (2, "https://fonts.googleapis.com/css?family=Roboto"),
        (3, "https://example.org/weitere.css"),
        (7, "https://fonts.gstatic.com/x.woff2"),
        (8, "https://example.org/bild-2x.png"),
        (9, "https://example.org/e.png"),
        (10, "https://example.org/nach-kommentar.css"),
        (14, "https://example.org/g-2x.png"),
        (16, "https://example.org/ohne-leerzeichen.css"),
        (17, "https://example.org/kommentar-direkt.css"),
    ]


def test_scan_site_looks_at_html_and_css_only(tmp_path):
    (tmp_path / "seite").mkdir()
    (tmp_path / "seite/index.html").write_text('<img src="https://example.org/x.png" alt="">', encoding="utf-8")
    (tmp_path / "stil.css").write_text("a { background: url(//example.org/y.png) }", encoding="utf-8")
    (tmp_path / "skript.js").write_text("fetch('https://example.org/z')", encoding="utf-8")
    (tmp_path / "gut.html").write_text('<a href="https://example.org/">Link</a>', encoding="utf-8")
    (tmp_path / "alt.htm").write_text('<script src="https://example.org/alt.js"></script>', encoding="utf-8")
    (tmp_path / "kaputt.html").write_bytes(b'<p>\xff</p>\n<img src="https://example.org/k.png" alt="">')  # no UTF-8
    found = scan_site(tmp_path)
    assert sorted(found) == ["alt.htm", "kaputt.html", "seite/index.html", "stil.css"]
    assert found["stil.css"][0].url == "//example.org/y.png"
    assert found["alt.htm"] == [Fund(1, "Skript (script src)", "https://example.org/alt.js")]
    assert found["kaputt.html"] == [Fund(2, "Bild (img src)", "https://example.org/k.png")]


def test_material_bundled_stylesheets_load_nothing_external():
    """The theme's own CSS (fonts are switched off with ``font: false``) must stay local too."""
    assets = Path(material.__file__).parent / "templates" / "assets"
    for css in assets.rglob("*.css"):
        assert find_in_css(css.read_text(encoding="utf-8")) == [], css


def test_published_site_loads_nothing_external(site):
    assert scan_site(site) == {}


def test_the_build_asks_git_nothing_so_no_authors_name_or_address_reaches_a_page(site, tmp_path):
    """mkdocs-macros would run git twelve times and offer pages the last commit's author and e-mail address."""
    probe = tmp_path / "probe.log"
    subprocess.run(["git", "--version"], env=logging_git(probe), check=True, capture_output=True)
    assert probe.read_text(encoding="utf-8") == "--version\n"  # the logging git of the site's build works
    assert not git_log(site).exists()


def test_build_fails_with_german_message_on_external_image(tmp_path):
    project = tmp_path / "projekt"
    for name in ("docs", "data", "overrides", "macros"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "docs/extern.md").write_text(
        "---\ntitle: Extern\ndescription: Eine Seite mit einem Bild von einem fremden Server.\n---\n"
        "# Extern\n\n<img src=\"https://example.org/x.png\" alt=\"Fremdes Bild\">\n", encoding="utf-8")
    result = build_site(tmp_path / "site", config=project / "mkdocs.yml")
    assert result.returncode != 0
    assert "Datenschutz-Prüfung fehlgeschlagen" in result.stderr
    assert "extern/index.html" in result.stderr
    assert "docs/extern.md" in result.stderr
    assert "https://example.org/x.png" in result.stderr
