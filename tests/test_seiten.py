"""Built pages, parsed with BeautifulSoup: every page type, edit links, permanent URLs, strict build."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import FIXTURE_DATA, ROOT, TOWNS, build_copy, soup

EDIT_BASE = "https://git.example.invalid/kreis-mettmann/handlungskonzept/-/edit/main/"


def content(page: BeautifulSoup):
    return page.find("article", class_="md-content__inner")


def h1(page: BeautifulSoup) -> str:
    """The heading text without the ¶ permalink."""
    heading = page.find("h1")
    for link in heading.find_all("a", class_="headerlink"):
        link.decompose()
    return heading.get_text(strip=True)


def edit_link(page: BeautifulSoup) -> str:
    link = page.find("a", attrs={"rel": "edit"})
    assert link is not None
    return link["href"]


def all_pages(site: Path) -> list[str]:
    """Site-relative URLs of every content page (the 404 page is not an ``index.html``; redirect
    pages from data/weiterleitungen.yml are not content pages)."""
    urls = []
    for path in site.rglob("index.html"):
        if 'http-equiv="refresh"' in path.read_text(encoding="utf-8"):
            continue
        relative = path.parent.relative_to(site)
        urls.append("" if relative == Path(".") else f"{relative.as_posix()}/")
    return sorted(urls)


def generated_towns() -> list[str]:
    return [t for t in TOWNS if not (ROOT / "docs" / "regionalkonferenzen" / f"{t}.md").exists()]


# --- permanent URLs -------------------------------------------------------------------------

@pytest.mark.parametrize("which", ["site", "fixture_site"])
def test_the_ten_permanent_urls_exist(which, request):
    built = request.getfixturevalue(which)
    for town in TOWNS:
        page = soup(built, f"regionalkonferenzen/{town}/")
        assert page.find("aside", class_="hk-faktenbox") is not None, town
        assert h1(page).startswith("Regionalkonferenz"), town


# --- every page -----------------------------------------------------------------------------

@pytest.mark.parametrize("which", ["site", "fixture_site"])
def test_every_page_is_german_with_one_h1_description_and_edit_link(which, request):
    built = request.getfixturevalue(which)
    pages = all_pages(built)
    assert len(pages) >= 13
    for url in pages:
        page = soup(built, url)
        assert page.html["lang"] == "de", url
        assert len(page.find_all("h1")) == 1, url
        description = page.find("meta", attrs={"name": "description"})
        assert description is not None and len(description["content"]) > 20, url
        target = edit_link(page)
        assert target.startswith(EDIT_BASE), url
        source = target.removeprefix(EDIT_BASE)
        assert source.startswith(("docs/", "data/")) and (ROOT / source).is_file(), (url, source)


def test_markdown_pages_link_to_their_own_file(site):
    for source in sorted((ROOT / "docs").rglob("*.md")):
        relative = source.relative_to(ROOT / "docs").with_suffix("")
        url = "" if relative.name == "index" and relative.parent == Path(".") else \
            (f"{relative.parent}/" if relative.name == "index" else f"{relative}/")
        assert edit_link(soup(site, url)) == f"{EDIT_BASE}docs/{source.relative_to(ROOT / 'docs')}", url


def test_no_macro_or_jinja_syntax_leaks_into_any_page(site, fixture_site):
    for built in (site, fixture_site):
        for url in all_pages(built):
            text = content(soup(built, url)).get_text()
            assert "{{" not in text and "{%" not in text and "Macro" not in text, url


# --- page types -----------------------------------------------------------------------------

def test_start_page(site):
    page = soup(site, "")
    assert h1(page) == "Handlungskonzept gegen Rechtsextremismus und Rassismus"
    assert edit_link(page) == f"{EDIT_BASE}docs/index.md"
    assert len(page.find(class_="hk-zaehlung").find_all(class_="hk-zaehlung__zahl")) == 3
    assert content(page).find("a", href="regionalkonferenzen/") is not None


def test_regionalkonferenzen_overview_links_all_ten_towns(site):
    page = soup(site, "regionalkonferenzen/")
    table = page.find("table", class_="hk-statusuebersicht__tabelle")
    assert table.find("caption").get_text(strip=True)
    rows = table.find("tbody").find_all("tr")
    assert len(rows) == 10
    links = [row.find("th", attrs={"scope": "row"}).find("a")["href"] for row in rows]
    assert [link.strip("./").split("/")[-1] for link in links] == TOWNS
    for link in links:
        assert (site / "regionalkonferenzen" / link / "index.html").resolve().is_file(), link
    counts = page.find("ul", class_="hk-zaehlung__liste").find_all("li")
    assert [int(li.find(class_="hk-zaehlung__zahl").get_text()) for li in counts] == [3, 1, 6]


def test_generated_conference_page(repo_copy, tmp_path):
    """Hilden without its own Markdown: the page is generated from the data, at the same URL
    (a copy of the project, so there is always a generated page to check, whatever docs/ holds)."""
    (repo_copy / "docs" / "regionalkonferenzen" / "hilden.md").unlink()
    stadt = "Hilden"
    for name, data in (("echt", {}), ("vollstaendig", {"HK_DATEN": str(FIXTURE_DATA)})):
        result = build_copy(repo_copy, tmp_path / name, env=data)
        assert result.returncode == 0, result.stderr
        page = soup(tmp_path / name, "regionalkonferenzen/hilden/")
        assert h1(page) == f"Regionalkonferenz {stadt}"
        assert edit_link(page) == f"{EDIT_BASE}data/regionalkonferenzen.yml"
        facts = page.find("aside", class_="hk-faktenbox")
        assert facts.find("dt", string="Stadt").find_next_sibling("dd").get_text(strip=True) == stadt
        has_sections = name == "vollstaendig"  # the real Hilden has no summary yet: no empty section
        assert bool(page.find("h2", id="zusammenfassung")) is has_sections
        assert bool(page.find("h2", id="ergebnisse")) is has_sections
        crumbs = [a.get_text(strip=True) for a in page.find("nav", class_="md-path").find_all("a")]
        assert crumbs == ["Startseite", "Regionalkonferenzen"]


def test_generated_page_shows_held_conference_from_fixture_data(fixture_site):
    data = yaml.safe_load((FIXTURE_DATA / "regionalkonferenzen.yml").read_text(encoding="utf-8"))
    record = next(k for k in data if k["id"] in generated_towns())
    page = soup(fixture_site, f"regionalkonferenzen/{record['id']}/")
    facts = page.find("aside", class_="hk-faktenbox")
    assert facts.find("time")["datetime"] == record["datum"]
    assert facts.find("dt", string="Teilnehmende").find_next_sibling("dd").get_text(strip=True) == \
        str(record["teilnehmende"])
    results = [li.get_text(strip=True) for li in page.find("ul", class_="hk-konferenz__ergebnisse").find_all("li")]
    assert results == record["ergebnisse"]
    summary = page.find("div", class_="hk-konferenz__zusammenfassung")
    assert summary.find("strong") is not None and summary.find("ul") is not None  # Markdown rendered
    documents = page.find("ul", class_="hk-konferenz__dokumente").find_all("a")
    for link, dokument in zip(documents, record["dokumente"], strict=True):
        assert link.get_text(strip=True).startswith(dokument["titel"])
    local = next(a["href"] for a, d in zip(documents, record["dokumente"]) if d.get("pfad"))
    assert (fixture_site / "regionalkonferenzen" / record["id"] / local).resolve().is_file()


def test_editor_written_conference_page(site):
    page = soup(site, "regionalkonferenzen/hilden/")
    assert edit_link(page) == f"{EDIT_BASE}docs/regionalkonferenzen/hilden.md"
    article = content(page)
    assert h1(article) == "Regionalkonferenz Hilden"
    prose = article.find("h1").find_next_sibling("p")
    assert "IMAP Institut" in prose.get_text()  # the editor's own text comes first …
    assert article.find("aside", class_="hk-faktenbox") is not None  # … then the data
    organiser = article.find("dt", string="Durchführung").find_next_sibling("dd").find("a")
    assert organiser["href"] == "../../partner/#imap-institut"


def test_editor_written_conference_page_shows_the_date_from_the_data(fixture_site):
    """Own Markdown does not freeze the facts: the held date comes from the data set."""
    page = soup(fixture_site, "regionalkonferenzen/hilden/")
    assert page.find("time", attrs={"datetime": "2027-02-13"}) is not None


def test_conference_pages_stay_out_of_the_menu(site):
    """The menu is embedded in every page: hundreds of records must not multiply it."""
    menu = soup(site, "").find("nav", class_="md-nav--primary")
    hrefs = [a.get("href", "") for a in menu.find_all("a")]
    assert not any(town in href for town in TOWNS for href in hrefs)


def test_partner_page_has_an_anchor_per_partner(site, fixture_site):
    for built, data in ((site, ROOT / "data"), (fixture_site, FIXTURE_DATA)):
        ids = [p["id"] for p in yaml.safe_load((data / "partner.yml").read_text(encoding="utf-8"))]
        page = soup(built, "partner/")
        assert edit_link(page) == f"{EDIT_BASE}docs/partner.md"
        for partner_id in ids:
            assert len(page.find_all(id=partner_id)) == 1, partner_id


def test_partner_links_from_conference_pages_hit_an_anchor(fixture_site):
    partner_page = soup(fixture_site, "partner/")
    for town in TOWNS:
        links = soup(fixture_site, f"regionalkonferenzen/{town}/").select("aside.hk-faktenbox a[href*='partner/']")
        assert links, town
        for link in links:
            path, _, anchor = link["href"].partition("#")
            assert path == "../../partner/" and partner_page.find(id=anchor) is not None, (town, link["href"])


# --- the build refuses broken input -----------------------------------------------------------

def test_build_is_strict(repo_copy, tmp_path):
    (repo_copy / "docs" / "partner.md").open("a", encoding="utf-8").write("\n[Kaputter Link](gibt-es-nicht.md)\n")
    result = build_copy(repo_copy, tmp_path / "out")
    assert result.returncode != 0
    assert "gibt-es-nicht.md" in result.stderr and "strict" in result.stderr
    # mkdocs itself has already written pages by then; ``make site`` throws them away (test_atomic_build).


def test_markdown_page_for_unknown_town_fails(repo_copy, tmp_path):
    page = repo_copy / "docs" / "regionalkonferenzen" / "solingen.md"
    page.write_text("---\ntitle: Solingen\ndescription: Eine Stadt außerhalb des Kreises.\n---\n# Solingen\n",
                    encoding="utf-8")
    result = build_copy(repo_copy, tmp_path / "out")
    assert result.returncode != 0
    assert "docs/regionalkonferenzen/solingen.md" in result.stderr
    assert "keinen Eintrag in data/regionalkonferenzen.yml" in result.stderr
    assert "Traceback" not in result.stderr


def test_theme_settings_reach_every_page(site):
    """Breadcrumbs, table of contents, back-to-top, system colour scheme; no font or script from elsewhere."""
    for url in ("", "partner/", "regionalkonferenzen/hilden/"):
        page = soup(site, url)
        assert page.find("nav", class_="md-nav--secondary") is not None, url  # table of contents
        assert page.find("button", class_="md-top") is not None, url
        media = {i.get("data-md-color-media") for i in page.find_all("input", class_="md-option")}
        assert media == {"(prefers-color-scheme: light)", "(prefers-color-scheme: dark)"}, url
        for tag in page.find_all(["link", "script", "img"]):
            address = tag.get("href") or tag.get("src") or ""
            assert not address.startswith(("http://", "https://", "//")) or tag.name == "link" and \
                set(tag.get("rel")) <= {"canonical", "alternate", "feed"}, (url, address)
    config = json.loads(soup(site, "").find("script", id="__config").string)
    assert config["search"] and "navigation.top" in config["features"]
