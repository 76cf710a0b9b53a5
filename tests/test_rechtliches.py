"""Legal pages, Leichte Sprache and the 404 page: present, German, linked from every page."""
from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURE_DATA, ROOT
from handlungskonzept import open_items
from handlungskonzept.loader import load

RECHTLICHE_SEITEN = {
    "leichte-sprache": "Leichte Sprache",
    "barrierefreiheit": "Barrierefreiheit",
    "impressum": "Impressum",
    "datenschutz": "Datenschutz",
}


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page_url(site: Path, html: Path) -> str:
    """The URL path under which a built file is served, e.g. ``/partner/``."""
    relative = html.relative_to(site).as_posix()
    return "/" + (relative.removesuffix("index.html") if relative.endswith("index.html") else relative)


def target_of(url: str, href: str) -> str:
    """Resolve a link as the browser does (relative to the page's URL)."""
    joined = href if href.startswith("/") else posixpath.join(posixpath.dirname(url), href)
    return posixpath.normpath(joined) + "/"


@pytest.fixture(params=["site", "fixture_site"])
def any_site(request) -> Path:
    return request.getfixturevalue(request.param)


def test_legal_pages_exist_with_one_h1_and_description(any_site):
    for slug in RECHTLICHE_SEITEN:
        page = soup(any_site / slug / "index.html")
        assert len(page.find_all("h1")) == 1, slug
        assert page.html["lang"] == "de"
        assert page.find("meta", attrs={"name": "description"})["content"].strip(), slug


def test_legal_pages_are_in_the_footer_not_in_the_main_menu(site):
    primary = soup(site / "index.html").find("nav", class_="md-nav--primary")
    hrefs = {a["href"] for a in primary.find_all("a", href=True)}
    assert not any(slug in href for href in hrefs for slug in RECHTLICHE_SEITEN)


def test_every_page_links_all_legal_pages_in_its_footer(any_site):
    pages = sorted(any_site.rglob("*.html"))
    assert any_site / "404.html" in pages and len(pages) > 15
    for html in pages:
        footer = soup(html).find("footer", class_="md-footer")
        assert footer is not None, html
        nav = footer.find("nav", attrs={"aria-label": "Rechtliches und Barrierefreiheit"})
        assert nav is not None, html
        links = {a.get_text(strip=True): a["href"] for a in nav.find_all("a")}
        url = page_url(any_site, html)
        for slug, text in RECHTLICHE_SEITEN.items():
            assert target_of(url, links[text]) == f"/{slug}/", (html, text, links[text])


def test_impressum_shows_data_and_open_items(site):
    article = soup(site / "impressum/index.html").find("article")
    angaben = {dt.get_text(strip=True): dd for dt, dd in
               ((div.find("dt"), div.find("dd")) for div in article.select("dl.hk-impressum > div"))}
    assert angaben["Herausgeber"].get_text(strip=True) == "Kreis Mettmann"
    assert angaben["Organisationseinheit"].get_text(strip=True) == "Kreisintegrationszentrum"
    anschrift = angaben["Anschrift"].find(class_="hk-offen")
    assert anschrift.get_text(strip=True) == "Diese Angabe liegt noch nicht vor."
    assert "Postanschrift" in anschrift["data-offen"]
    for feld in ("Telefon", "E-Mail", "Vertretungsberechtigt", "Aufsichtsbehörde"):
        assert angaben[feld].find(class_="hk-offen") is not None, feld
    assert "§ 5 Digitale-Dienste-Gesetz" in article.get_text()


def test_impressum_shows_complete_data(fixture_site):
    article = soup(fixture_site / "impressum/index.html").find("article")
    assert "Teststraße 1, 99999 Testhausen" in article.get_text()
    assert article.find("a", href="mailto:impressum@example.invalid") is not None
    assert article.select("dl.hk-impressum .hk-offen") == []


def test_statements_name_open_items_instead_of_guessing(site):
    barrierefreiheit = soup(site / "barrierefreiheit/index.html").find("article")
    text = barrierefreiheit.get_text(" ", strip=True)
    assert "Ombudsstelle für barrierefreie Informationstechnik" in text
    assert "teilweise" in text
    assert len(barrierefreiheit.select(".hk-offen")) >= 3
    datenschutz = soup(site / "datenschutz/index.html").find("article")
    text = datenschutz.get_text(" ", strip=True)
    for expected in ("keine Cookies", "localStorage", "Artikel 15", "Artikel 21",
                     "Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen"):
        assert expected in text, expected
    assert datenschutz.select(".hk-offen")
    leichte_sprache = soup(site / "leichte-sprache/index.html").find("article")
    gebaerden = leichte_sprache.find(id="video-in-gebarden-sprache").find_next(class_="hk-offen")
    assert "Gebärdensprache" in gebaerden["data-offen"]


def test_enforcement_bodies_are_marked_as_draft_to_confirm(site):
    article = soup(site / "barrierefreiheit/index.html").find("article")
    abschnitt = article.find("h2", id="durchsetzungsverfahren")
    entwurf = abschnitt.find_next(class_="hk-entwurf")
    assert entwurf is not None and "Ombudsstelle" in entwurf["data-offen"] and "Überwachungsstelle" in entwurf["data-offen"]
    assert entwurf.get_text(strip=True) == "Entwurf der Redaktion, noch nicht freigegeben."
    listed = [e for e in open_items.in_docs(ROOT / "docs", "docs") if e.datei == "docs/barrierefreiheit.md"]
    assert any("Ombudsstelle" in e.text and e.text.startswith("Entwurf freigeben") for e in listed)


#: What each nginx log variable records, in the words of the privacy notice.
LOG_ANGABEN = {
    "$hk_ip_gekuerzt": "gekürzte IP-Adresse",
    "$time_local": "Datum und Uhrzeit",
    "$request": "aufgerufenen Adresse",
    "$status": "Statuscode",
    "$body_bytes_sent": "übertragene Datenmenge",
}
NICHT_PROTOKOLLIERT = {"$http_referer": "Referrer", "$http_user_agent": "User-Agent"}


def test_privacy_notice_describes_exactly_what_nginx_logs(site):
    config = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    log_format = next(line for line in config.splitlines() if line.startswith("log_format hk_datensparsam"))
    variables = set(re.findall(r"\$\w+", log_format))
    assert variables == set(LOG_ANGABEN), "Neue Log-Angabe: Datenschutzerklärung und LOG_ANGABEN anpassen"
    article = soup(site / "datenschutz/index.html").find("article")
    liste = article.find("h3", id="protokolle-des-webservers").find_next("ul")
    punkte = [" ".join(li.get_text(" ").split()) for li in liste.find_all("li")]
    assert len(punkte) == len(LOG_ANGABEN)
    for angabe in LOG_ANGABEN.values():
        assert any(angabe in punkt for punkt in punkte), angabe
    nachsatz = " ".join(liste.find_next("p").get_text(" ").split())
    for variable, wort in NICHT_PROTOKOLLIERT.items():
        assert variable not in config
        assert nachsatz.startswith("Nicht protokolliert") and wort in nachsatz
    assert re.findall(r"^\s*access_log\s+\S+\s+(\S+);", config, re.M) == ["hk_datensparsam"]


def statement_dates(site: Path, slug: str) -> dict[str, object]:
    """The date rows of a legal page: label → ``time`` element or open-item note."""
    article = soup(site / slug / "index.html").find("article")
    return {div.dt.get_text(strip=True): div.dd.find("time") or div.dd.find(class_="hk-offen")
            for div in article.select("dl.hk-impressum > div")}


@pytest.mark.parametrize("slug, erwartet", [
    ("barrierefreiheit", {"Erklärung erstellt am": "2024-03-01", "Erklärung zuletzt überprüft am": "2024-09-15"}),
    ("datenschutz", {"Datenschutzerklärung zuletzt geprüft am": "2024-06-30"}),
])
def test_statement_dates_come_from_impressum_not_from_the_data_stand(fixture_site, site, slug, erwartet):
    stand = load(FIXTURE_DATA).daten.projekt.stand.isoformat()
    shown = statement_dates(fixture_site, slug)
    for label, datum in erwartet.items():
        assert shown[label].name == "time" and shown[label]["datetime"] == datum, label
        assert datum != stand
    assert stand not in str(soup(fixture_site / slug / "index.html").find("article"))
    # No source names these dates yet: the real site shows open items, never the data's stand.
    real = statement_dates(site, slug)
    for label in erwartet:
        assert "hk-offen" in real[label]["class"], label
    article = soup(site / slug / "index.html").find("article")
    for box in article.select(".hk-pruefdatum"):  # when the page was checked, not the statement
        box.decompose()
    assert "25. November 2026" not in article.get_text()


def test_404_page_is_german_and_works_at_any_depth(site):
    page = soup(site / "404.html")
    assert page.html["lang"] == "de"
    assert [h1.get_text(strip=True) for h1 in page.find_all("h1")] == ["Seite nicht gefunden"]
    assert page.title.get_text().startswith("Seite nicht gefunden")
    article = page.find("article")
    form = article.find("form")
    field = form.find("input", attrs={"name": "q"})  # Material opens its search for ?q=
    assert form.find("label", attrs={"for": field["id"]}) is not None
    hrefs = [a["href"] for a in article.find_all("a", href=True)] + [form["action"]]
    assert "/regionalkonferenzen/" in hrefs and "/regionalkonferenzen/hilden/" in hrefs
    assert all(href.startswith("/") for href in hrefs), hrefs
    # The theme's assets must load from /a/b/c/ too: every local reference is absolute.
    for tag, attr in (("link", "href"), ("script", "src"), ("a", "href")):
        for element in page.find_all(tag, attrs={attr: True}):
            value = element[attr]
            assert value.startswith(("/", "#", "https://", "mailto:")), (tag, value)
