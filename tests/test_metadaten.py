"""Sharing metadata: every page in the sitemap has what search engines and social media read."""
from __future__ import annotations

import struct
from xml.etree import ElementTree
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from conftest import ROOT, build_copy

OG_PROPERTIES = ["og:title", "og:description", "og:url", "og:type", "og:locale", "og:site_name", "og:image"]


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def site_url(site: Path) -> str:
    return soup_of(site / "index.html").find("link", rel="canonical")["href"]


def sitemap_urls(site: Path) -> list[str]:
    root = ElementTree.parse(site / "sitemap.xml").getroot()
    return [loc.text.strip() for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]


def built_file(site: Path, url: str) -> Path:
    """The file in the build that serves an absolute URL of the site."""
    relative = url.removeprefix(site_url(site))
    return site / relative / "index.html" if relative.endswith("/") or not relative else site / relative


def meta(soup: BeautifulSoup, key: str) -> list[str]:
    attribute = "property" if key.startswith(("og:", "article:")) else "name"
    return [tag["content"] for tag in soup.find_all("meta", attrs={attribute: key})]


def test_sitemap_dates_every_page_by_the_data_stand_not_the_clock(fixture_site):
    root = ElementTree.parse(fixture_site / "sitemap.xml").getroot()
    dates = {d.text for d in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}lastmod")}
    assert dates == {"2027-06-30"}  # stand in tests/fixtures/daten-vollstaendig/projekt.yml


def test_sitemap_lists_every_page_including_generated_ones(fixture_site):
    listed = {built_file(fixture_site, url) for url in sitemap_urls(fixture_site)}
    built = {p for p in fixture_site.rglob("index.html") if "assets" not in p.parts}
    assert built == listed
    for town in ["erkrath", "hilden", "monheim-am-rhein", "wuelfrath"]:
        assert fixture_site / "regionalkonferenzen" / town / "index.html" in listed
    assert fixture_site / "aktuelles" / "2026-11-25-stand-der-arbeit" / "index.html" in listed


def test_every_page_has_title_description_canonical_and_sharing_tags(fixture_site):
    base = site_url(fixture_site)
    for url in sitemap_urls(fixture_site):
        soup = soup_of(built_file(fixture_site, url))
        assert soup.title.string.strip(), url
        descriptions = meta(soup, "description")
        assert len(descriptions) == 1 and descriptions[0].strip(), url
        assert [link["href"] for link in soup.find_all("link", rel="canonical")] == [url]
        for key in OG_PROPERTIES:
            values = meta(soup, key)
            assert len(values) == 1 and values[0].strip(), (url, key)
        assert meta(soup, "og:url") == [url]
        assert meta(soup, "og:description") == descriptions
        assert meta(soup, "og:locale") == ["de_DE"]
        assert meta(soup, "twitter:card") == ["summary_large_image"]
        assert meta(soup, "twitter:image") == meta(soup, "og:image")
        image = meta(soup, "og:image")[0]
        assert image.startswith(base), url
        assert built_file(fixture_site, image).is_file(), image
        feeds = soup.find_all("link", rel="alternate", type="application/atom+xml")
        assert [f["href"] for f in feeds] == [f"{base}aktuelles/feed.xml"], url


def test_og_type_is_article_only_for_news_posts(fixture_site):
    for url in sitemap_urls(fixture_site):
        soup = soup_of(built_file(fixture_site, url))
        post = urlsplit(url).path.rstrip("/").split("/")[-2:-1] == ["aktuelles"]
        assert meta(soup, "og:type") == ["article" if post else "website"], url
        assert bool(meta(soup, "article:published_time")) == post, url


def test_default_share_image_is_1200_by_630_png():
    data = (ROOT / "docs" / "assets" / "bilder" / "teilen.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1200, 630)


def test_description_with_straight_quotes_fails_the_build_naming_the_file(repo_copy, tmp_path):
    """The theme prints the description unescaped into an attribute; a missing one is build_hooks.py's test."""
    (repo_copy / "docs" / "zitat.md").write_text(
        "---\ntitle: Zitat\ndescription: 'Ein \"Zitat\" im Satz.'\n---\n# Zitat\n", encoding="utf-8")
    result = build_copy(repo_copy, tmp_path / "out")
    assert result.returncode != 0
    assert "docs/zitat.md: „description“ darf keine geraden Anführungszeichen" in result.stderr
