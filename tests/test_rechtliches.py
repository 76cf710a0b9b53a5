"""Legal pages, Leichte Sprache and the 404 page: present, German, linked from every page."""
from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURE_DATA, ROOT
from handlungskonzept.daten import open_items
from handlungskonzept.daten.loader import load

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


def content_pages(site: Path) -> list[Path]:
    """Every built page except the redirect pages of old addresses (they only forward)."""
    return [p for p in sorted(site.rglob("*.html")) if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")]


def test_every_page_links_all_legal_pages_in_its_footer(any_site):
    pages = content_pages(any_site)
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


def impressum_rows(site: Path, slug: str = "impressum") -> dict[str, BeautifulSoup]:
    article = soup(site / slug / "index.html").find("article")
    return {div.dt.get_text(strip=True): div.dd for div in article.select("dl.hk-impressum > div")}


def flat(element) -> str:
    """The element's text as a reader hears it: one space between words, none before punctuation."""
    return re.sub(r"\s+([.,;:!?)])", r"\1", " ".join(element.get_text(" ").split()))


def test_impressum_shows_data_and_open_items(vorschau_site):
    angaben = impressum_rows(vorschau_site)
    assert angaben["Herausgeber"].get_text(strip=True) == "Kreis Mettmann"
    assert angaben["Organisationseinheit"].get_text(strip=True) == "Kreisintegrationszentrum"
    anschrift = angaben["Anschrift"].find(class_="hk-offen")
    assert anschrift.get_text(strip=True) == "Diese Angabe liegt noch nicht vor."
    assert "Postanschrift" in anschrift["data-offen"]
    for feld in ("Telefon", "E-Mail", "Inhaltlich verantwortlich nach § 18 Abs. 2 MStV"):
        assert angaben[feld].find(class_="hk-offen") is not None, feld
    assert "§ 5 Digitale-Dienste-Gesetz" in soup(vorschau_site / "impressum/index.html").find("article").get_text()


def test_impressum_states_general_law_with_its_provisions(vorschau_site):
    angaben = impressum_rows(vorschau_site)
    assert flat(angaben["Rechtsform"]) == (
        "Körperschaft des öffentlichen Rechts (Gemeindeverband und Gebietskörperschaft, § 1 Abs. 2 KrO NRW)")
    assert flat(angaben["Vertreten durch"]) == (
        "Landrätin oder Landrat des Kreises Mettmann (gesetzliche Vertretung in Rechts- und Verwaltungsgeschäften, "
        "§ 42 Abs. 5 KrO NRW) Name: Diese Angabe liegt noch nicht vor. Anschrift: Diese Angabe liegt noch nicht vor.")
    assert flat(angaben["Aufsichtsbehörde"]) == (
        "Bezirksregierung Düsseldorf (allgemeine Aufsicht, § 57 Abs. 1 KrO NRW) Anschrift: Diese Angabe liegt noch nicht vor.")
    offen = [e["data-offen"] for e in angaben["Vertreten durch"].select(".hk-offen")]
    assert offen == ["Name der Landrätin oder des Landrats des Kreises Mettmann (aus einer aktuellen Quelle)",
                     "Dienstanschrift der Landrätin oder des Landrats des Kreises Mettmann"]
    text = flat(soup(vorschau_site / "impressum/index.html").find("article"))
    assert "Kreisordnung für das Land Nordrhein-Westfalen (KrO NRW)" in text
    # No VAT id is known: the page leaves the row out; the open item asks whether one exists.
    assert "Umsatzsteuer" not in text
    listed = [e.text for e in open_items.in_data(ROOT / "data", "data") if e.datei == "data/impressum.yml"]
    assert any("Umsatzsteuer-Identifikationsnummer" in item for item in listed), listed


def test_impressum_shows_complete_data(fixture_site):
    article = soup(fixture_site / "impressum/index.html").find("article")
    assert "Teststraße 1, 99999 Testhausen" in article.get_text()
    assert article.find("a", href="mailto:impressum@example.invalid") is not None
    assert article.select("dl.hk-impressum .hk-offen") == []


def test_statements_name_open_items_instead_of_guessing(vorschau_site):
    barrierefreiheit = soup(vorschau_site / "barrierefreiheit/index.html").find("article")
    text = barrierefreiheit.get_text(" ", strip=True)
    assert "teilweise" in text
    assert len(barrierefreiheit.select(".hk-offen")) >= 3
    datenschutz = soup(vorschau_site / "datenschutz/index.html").find("article")
    text = datenschutz.get_text(" ", strip=True)
    for expected in ("keine Cookies", "localStorage", "Artikel 15", "Artikel 21",
                     "Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen"):
        assert expected in text, expected
    assert datenschutz.select(".hk-offen")
    abschnitt = soup(vorschau_site / "leichte-sprache/index.html").find(id="mehr-leichte-sprache-und-gebarden-sprache")
    gebaerden = abschnitt.find_next(class_="hk-offen")
    assert gebaerden["data-offen"] == ("Video in Deutscher Gebärdensprache (DGS) zu Inhalt und Bedienung der Website – "
                                       "liefert der Kreis Mettmann (BITV 2.0 § 4)")


def test_privacy_notice_states_its_legal_bases(site):
    text = flat(soup(site / "datenschutz/index.html").find("article"))
    assert ("Rechtsgrundlage ist Artikel 6 Absatz 1 Buchstabe e der Datenschutz-Grundverordnung (DSGVO) in "
            "Verbindung mit § 3 des Datenschutzgesetzes Nordrhein-Westfalen (DSG NRW).") in text
    assert ("Rechtsgrundlage ist § 25 Absatz 2 Nummer 2 des Telekommunikation-Digitale-Dienste-Datenschutz-Gesetzes "
            "(TDDDG): Die Speicherung ist unbedingt erforderlich, damit die Website den Dienst bieten kann, den Sie "
            "ausdrücklich gewünscht haben") in text
    assert "Die Website speichert nichts in Ihrem Browser, solange Sie nur lesen." in text
    assert "Erst dann legt sie einen Eintrag im lokalen Speicher Ihres Browsers an" in text
    assert "Beim ersten Besuch" not in text  # nothing is stored before the reader chooses


def test_no_right_to_data_portability(site):
    """Art. 20 Abs. 3 DSGVO: no portability for processing in the public interest (Art. 6 Abs. 1 lit. e)."""
    article = soup(site / "datenschutz/index.html").find("article")
    rechte = article.find("h2", id="ihre-rechte").find_next("ul")
    artikel = [re.search(r"\(Artikel (\d+)\)", flat(li)).group(1) for li in rechte.find_all("li")]
    assert artikel == ["15", "16", "17", "18", "21"]
    assert "übertragbarkeit" not in article.get_text().lower() and "Artikel 20" not in article.get_text()


def test_storage_periods_of_both_logs_are_open_items(site, fixture_site):
    echt = impressum_rows(site, "datenschutz")
    for label in ("Speicherdauer des Zugriffsprotokolls", "Speicherdauer des Fehlerprotokolls"):
        assert echt[label].find(class_="hk-offen") is not None, label
    test = impressum_rows(fixture_site, "datenschutz")
    assert flat(test["Speicherdauer des Zugriffsprotokolls"]) == "7 Tage, danach gelöscht"
    assert flat(test["Speicherdauer des Fehlerprotokolls"]) == "14 Tage, danach gelöscht"


def test_ombudsstelle_named_with_its_law_and_contact_open(vorschau_site):
    article = soup(vorschau_site / "barrierefreiheit/index.html").find("article")
    abschnitt = article.find("h2", id="durchsetzungsverfahren")
    assert ("Dann können Sie sich an die Ombudsstelle für barrierefreie Informationstechnik des Landes "
            "Nordrhein-Westfalen wenden (§ 10d BGG NRW, § 9 BITV NRW).") in flat(abschnitt.find_next("p"))
    kontakt = impressum_rows(vorschau_site, "barrierefreiheit")[
        "Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen"]
    assert "Ombudsstelle" in kontakt.find(class_="hk-offen")["data-offen"]
    assert "Überwachungsstelle" not in article.get_text()


def test_feedback_by_mail_link_and_form(site, fixture_site):
    echt = impressum_rows(site, "barrierefreiheit")
    for label in ("E-Mail für Rückmeldungen zur Barrierefreiheit", "Formular für Rückmeldungen zur Barrierefreiheit"):
        assert echt[label].find(class_="hk-offen") is not None, label
    test = impressum_rows(fixture_site, "barrierefreiheit")
    assert test["E-Mail für Rückmeldungen zur Barrierefreiheit"].a["href"] == "mailto:barrierefreiheit@example.invalid"
    assert test["Formular für Rückmeldungen zur Barrierefreiheit"].a["href"] == "https://formular.example.invalid/barrierefreiheit"


#: The reason categories of the EU model statement, (EU) 2018/1523, as the page names them.
GRUENDE = {"Grund: Unvereinbarkeit mit der BITV NRW", "Grund: Unverhältnismäßige Belastung",
           "Grund: Die Inhalte fallen nicht in den Anwendungsbereich der Rechtsvorschriften"}


def barrieren(site: Path) -> dict[str, list[str]]:
    """Reason heading → the items listed under it, in the section on non-accessible content."""
    box = soup(site / "barrierefreiheit/index.html").find("div", class_="hk-nicht-barrierefrei")
    return {h3.get_text(strip=True): [li.strong.get_text(strip=True) for li in h3.find_next("ul").find_all("li")]
            for h3 in box.find_all("h3")}


def test_every_non_accessible_item_has_a_reason(site, fixture_site):
    assert barrieren(site) == {"Grund: Unvereinbarkeit mit der BITV NRW":
                               ["Deutsche Gebärdensprache:", "Leichte Sprache:", "Quelldokument:"]}
    test = barrieren(fixture_site)
    assert set(test) == GRUENDE
    assert sum(map(len, test.values())) == 3
    article = soup(site / "barrierefreiheit/index.html").find("article")
    items = article.find("h2", id="nicht-barrierefreie-inhalte").find_next("div").find_all("li")
    assert all(li.find_previous("h3").get_text(strip=True) in GRUENDE for li in items)


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
    # nginx writes the full client address into every request error: the site keeps none.
    assert re.findall(r"^\s*error_log\s+(.+);", config, re.M) == ["/dev/null"]
    assert "Das Fehlerprotokoll enthält deshalb keine IP-Adressen." in flat(article)
    assert "vollständige IP-Adresse enthalten" not in flat(article)


def statement_dates(site: Path, slug: str) -> dict[str, object]:
    """The date rows of a legal page: label → ``time`` element or open-item note."""
    article = soup(site / slug / "index.html").find("article")
    return {div.dt.get_text(strip=True): div.dd.find("time") or div.dd.find(class_="hk-offen")
            for div in article.select("dl.hk-impressum > div")}


@pytest.mark.parametrize("slug, erwartet", [
    ("barrierefreiheit", {"Erklärung erstellt am": "2024-03-01", "Erklärung zuletzt überprüft am": "2024-09-15"}),
    ("datenschutz", {"Datenschutzerklärung zuletzt geprüft am": "2024-06-30"}),
])
def test_statement_dates_come_from_impressum_not_from_the_data_check_date(fixture_site, site, slug, erwartet):
    stand = load(FIXTURE_DATA).daten.projekt.geprueft.isoformat()
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


def test_every_page_links_leichte_sprache_in_its_header(any_site):
    pages = content_pages(any_site)
    assert any_site / "404.html" in pages and len(pages) > 15
    for html in pages:
        header = soup(html).find("header", class_="md-header")
        links = [a for a in header.find_all("a", href=True) if a.get_text(strip=True) == "Leichte Sprache"]
        assert len(links) == 1, html
        assert target_of(page_url(any_site, html), links[0]["href"]) == "/leichte-sprache/", (html, links[0]["href"])
        assert (links[0].get("aria-current") == "page") == (html == any_site / "leichte-sprache/index.html"), html


#: Leichte Sprache (BITV 2.0 § 4, Anlage 2 Teil 2): short sentences, most of them very short.
HOECHSTENS_WOERTER = 15
KURZ_UNTER = 10


def leichte_saetze(site: Path) -> list[str]:
    """The sentences of the Leichte-Sprache page's main text: each block (heading, paragraph, list item,
    data row) on its own, split after ., ! and ?. The review-date box is the site's, not the page's."""
    article = soup(site / "leichte-sprache/index.html").find("article")
    for element in article.select(".hk-pruefdatum, .headerlink"):
        element.decompose()
    blocks = [flat(element) for element in article.find_all(["h1", "h2", "h3", "p", "li", "dt", "dd"])
              if not element.find(["p", "li", "dl"])]
    return [satz for block in blocks for satz in re.split(r"(?<=[.!?])\s+", block) if satz]


def test_leichte_sprache_sentences_are_short(site):
    saetze = leichte_saetze(site)
    assert len(saetze) > 80
    zu_lang = [satz for satz in saetze if len(satz.split()) > HOECHSTENS_WOERTER]
    assert not zu_lang, zu_lang
    kurz = [satz for satz in saetze if len(satz.split()) < KURZ_UNTER]
    assert len(kurz) / len(saetze) >= 0.8, f"nur {len(kurz)} von {len(saetze)} Sätzen unter {KURZ_UNTER} Wörtern"


def test_leichte_sprache_covers_what_bitv_asks_for(site):
    """Anlage 2 Teil 2 BITV 2.0: contents, navigation, the accessibility statement, further LS and DGS."""
    article = soup(site / "leichte-sprache/index.html").find("article")
    headings = [h.get_text(strip=True).rstrip("¶") for h in article.find_all(["h2", "h3"])]
    for expected in ("Worum es auf dieser Internet-Seite geht", "So finden Sie sich zurecht", "Das Menü",
                     "Barriere-Freiheit", "Eine Barriere melden", "Mehr Leichte Sprache und Gebärden-Sprache"):
        assert expected in headings, headings
    text = flat(article)
    for erklaert in ("Integration** bedeutet", "Ein Menü ist", "Daten sind"):
        assert erklaert.replace("**", "") in text.replace("**", ""), erklaert
    assert "Wir sind der Kreis Mettmann." in text
    assert "Wir wissen" not in text
    links = {a["href"] for a in article.find_all("a", href=True)}
    assert {"../barrierefreiheit/", "../datenschutz/", "../impressum/"} <= links
