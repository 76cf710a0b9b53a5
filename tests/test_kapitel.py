"""The ten chapters: built, reachable from the navigation, true to the source, nothing invented."""
from __future__ import annotations

import shutil

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURE_DATA, ROOT, shared, soup
from handlungskonzept.daten.loader import load
from handlungskonzept.daten.problems import DatenFehler
from handlungskonzept.daten.yaml_source import read


#: Navigation order and permanent URLs of the chapters (the press links to them).
KAPITEL = [
    ("Startseite", ""),
    ("Das Handlungskonzept", "handlungskonzept/"),
    ("Projektorganisation", "projektorganisation/"),
    ("Regionalkonferenzen", "regionalkonferenzen/"),
    ("Partner und Netzwerk", "partner/"),
    ("Presse", "presse/"),
    ("Hilfe und Beratung", "hilfe/"),
    ("Begriffe", "begriffe/"),
    ("Quellen", "quellen/"),
]

#: Facts taken from the Mitteilungsvorlage and the chapter that must state them.
FAKTEN = [
    ("handlungskonzept/", "Februar 2017"),
    ("handlungskonzept/", "Präventives Handeln vor Ort stärken – Kommunales Förderprogramm zur "
                          "Rechtsextremismus- und Rassismusprävention"),
    ("handlungskonzept/", "Ministeriums für Familien, Kinder, Jugend, Kultur und Sport (MFKJKS)"),
    ("projektorganisation/", "Stellenanteil von 0,3"),
    ("projektorganisation/", "strategische Steuerung"),
    ("projektorganisation/", "Öffentlichkeitsarbeit"),
    ("projektorganisation/", "Kreispolizeibehörde"),
    ("projektorganisation/", "Kreissportbund"),
    ("projektorganisation/", "Integrations- und Flüchtlingsbeauftragte"),
    ("projektorganisation/", "Kreisverwaltung"),
    ("projektorganisation/", "Pressereferentinnen und Pressereferenten"),
    ("projektorganisation/", "Jugendämter"),
    ("quellen/", "Sozialausschuss"),
    ("handlungskonzept/", "IMAP Institut"),
    ("handlungskonzept/", "Bedarfs- und Bestandsanalysen"),
    ("handlungskonzept/", "Qualifizierungen"),
    ("regionalkonferenzen/", "Hilden"),
    ("regionalkonferenzen/", "IMAP Institut"),
    ("regionalkonferenzen/", "voraussichtlich im ersten Quartal"),
    ("regionalkonferenzen/hilden/", "voraussichtlich im ersten Quartal"),
    ("regionalkonferenzen/hilden/", "IMAP Institut"),
    ("regionalkonferenzen/", "Laut Quelle hatten in 3 Städten bereits Regionalkonferenzen stattgefunden."),
    ("", "Laut Quelle hatten in 3 Städten bereits Regionalkonferenzen stattgefunden."),
    ("", "Welche Städte das waren, nennt sie nicht."),
    ("partner/", "Kreisintegrationszentrum"),
    ("hilfe/", "110"),
    ("quellen/", "III/50-Ba"),
]

PHONE = re.compile(r"(?<![\w.,/-])(?:\+\d{1,3}[\s/-]*)?\(?0\d{2,5}\)?[\s/-]*\d[\d\s/-]{3,}\d")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
STREET = re.compile(r"\b[A-ZÄÖÜ][\wäöüß-]*(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer)\s+\d+[a-z]?\b"
                    r"|\b(?:Straße|Weg|Platz|Allee|Gasse|Ring)\s+\d+[a-z]?\b"
                    r"|\b\d{5}\s+[A-ZÄÖÜ][a-zäöüß]+")


def text(element) -> str:
    return " ".join(element.get_text(" ").split())


def data_strings(data_dir: Path) -> list[str]:
    """Every string value in the data: what a page may show without inventing it."""
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif node is not None:
            found.append(str(node))

    for path in data_dir.glob("*.yml"):
        walk(read(path, path.name)[0])
    return found


@pytest.mark.parametrize("titel,url", KAPITEL)
def test_chapter_is_built_with_one_h1_description_and_source_footer(site, titel, url):
    page = soup(site, url)
    assert len(page.find_all("h1")) == 1, url
    description = page.find("meta", attrs={"name": "description"})
    assert description and description["content"].strip(), url
    article = page.find("article")
    endings = [c.get("class", [None])[0] for c in article.find_all(recursive=False)][-3:]
    assert endings == ["hk-quellenangabe", "hk-gesamtdokument", "hk-pruefdatum"], \
        f"{url} endet nicht mit Quellenangabe, PDF-Link und Prüfdatum: {endings}"
    assert "Mitteilungsvorlage WP 14-20 SV 50/100" in text(article.find(class_="hk-quellenangabe"))


def test_every_chapter_is_in_the_navigation_in_order(site):
    for titel, url in KAPITEL:
        page = soup(site, url)
        nav = page.find("nav", class_="md-nav--primary")
        links = []
        for link in nav.find_all("a", href=True):
            target = (site / url / link["href"].split("#")[0]).resolve()
            if link["href"].startswith("#") or not text(link):
                continue
            links.append((text(link), target.relative_to(site.resolve()).as_posix()))
        chapters = [(t, "" if u == "." else u + "/") for t, u in links]
        assert [c for c in chapters if c in KAPITEL] == KAPITEL, f"Navigation auf {url or 'Startseite'}"


@pytest.mark.parametrize("alt,neu", [("vorgehen/", "handlungskonzept/"), ("handlungsfelder/", "handlungskonzept/"),
                                     ("weitere-angebote/", "projektorganisation/")])
def test_merged_chapters_send_their_old_address_on(site, alt, neu):
    """Pages merged into another keep their published address as a redirect, outside the menu."""
    page = soup(site, alt)
    assert page.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url=../{neu}"
    assert soup(site, neu).find("h1") is not None
    menu = soup(site, "").find("nav", class_="md-nav--primary")
    assert not any(alt.rstrip("/") in a["href"] for a in menu.find_all("a", href=True))


@pytest.mark.parametrize("url,fakt", FAKTEN)
def test_fact_from_the_source_is_on_the_page(site, url, fakt):
    assert fakt in text(soup(site, url).find("article"))


def test_startseite_has_entry_points_for_three_audiences(site):
    page = soup(site, "")
    for audience in ("Für Bürgerinnen und Bürger", "Für die Presse", "Für Partner und Mitwirkende"):
        heading = next((h for h in page.find_all("h3") if text(h).startswith(audience)), None)
        assert heading is not None, audience
        assert heading.find_next_sibling("ul").find("a", href=True) is not None, audience


def test_a_named_contact_needs_consent_and_a_current_source(fixture_site, tmp_path):
    """The complete data name a press contact with consent and a 2027 source: shown. An old source: refused."""
    contact = soup(fixture_site, "presse/").find(class_="hk-kontakt")
    assert "Testperson Presse" in text(contact)
    daten = tmp_path / "daten"
    shutil.copytree(FIXTURE_DATA, daten)
    projekt = (daten / "projekt.yml").read_text(encoding="utf-8")
    (daten / "projekt.yml").write_text(projekt.replace("  quelle: testbericht-2027", "  quelle: vorlage-sv-50-100"),
                                       encoding="utf-8")
    with pytest.raises(DatenFehler) as fehler:
        load(daten)
    assert ("Feld „pressekontakt › quelle“ – Wert „vorlage-sv-50-100“: Diese Quelle ist älter als ein Jahr "
            "(bis 2020-10-31); einen Namen nennt die Website nur mit einer aktuellen Quelle.") in fehler.value.bericht()


def test_no_staff_name_on_any_published_page(site):
    """The source names the project lead of its time (2017–2020); the site names no member of staff,
    not even in the published copy of the source (the name is marked as removed there).
    The name is read from the original in ../shared/quelle/, so this test does not spell it."""
    original = shared("quelle") / "mitteilungsvorlage.txt"
    name = re.search(r"0,3 Stellenanteil (Frau (\w+))\)", original.read_text(encoding="utf-8"))
    assert name, "Satz zum Stellenanteil nicht in der Quelle gefunden"
    kopie = (site / "quellen" / "mitteilungsvorlage-wp-14-20-sv-50-100.txt").read_text(encoding="utf-8")
    assert "(0,3 Stellenanteil [Name einer Mitarbeiterin für die Veröffentlichung entfernt])" in kopie
    for path in sorted(site.rglob("*")):
        if path.suffix in {".html", ".xml", ".ics", ".json", ".txt"}:
            assert name.group(2) not in path.read_text(encoding="utf-8"), f"{path.relative_to(site)}: {name.group(1)}"
    for path in (ROOT / "docs").rglob("*.md"):
        assert name.group(2) not in path.read_text(encoding="utf-8"), path


@pytest.mark.parametrize("which", ["site", "fixture_site"])
def test_every_status_or_date_shown_names_its_source(request, which):
    """Every row's status carries its source (``data-quelle`` and the source's title), on both sites."""
    site = request.getfixturevalue(which)
    daten = load(FIXTURE_DATA if which == "fixture_site" else ROOT / "data").daten
    by_town = {k.stadt: k for k in daten.regionalkonferenzen}
    table = soup(site, "regionalkonferenzen/").find("table", class_="hk-statusuebersicht__tabelle")
    rows = table.find("tbody").find_all("tr")
    assert len(rows) == 10
    checked = []
    for row in rows:
        stadt = text(row.find("th"))
        konferenz = by_town[stadt]
        quelle = daten.quelle(konferenz.quelle)
        assert row.find(class_="hk-status")["data-quelle"] == quelle.id
        assert quelle.titel in text(row), f"{stadt}: Status ohne Quelle"
        box = soup(site, konferenz.url).find("aside", class_="hk-faktenbox")
        assert quelle.titel in text(box), f"{stadt}: Faktenbox nennt die Quelle nicht"
        checked.append(stadt)
    assert "Hilden" in checked, checked


@pytest.mark.parametrize("which", ["site", "fixture_site"])
def test_no_contact_detail_that_is_not_in_the_data(request, which):
    site = request.getfixturevalue(which)
    allowed = data_strings(FIXTURE_DATA if which == "fixture_site" else ROOT / "data")
    problems = []
    for path in sorted(site.rglob("*.html")):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag in page(["script", "style"]):
            tag.decompose()
        shown = [text(page)] + [a["href"] for a in page.find_all("a", href=True)
                                 if a["href"].startswith(("mailto:", "tel:"))]
        for chunk in shown:
            for pattern in (PHONE, EMAIL, STREET):
                for match in pattern.findall(chunk):
                    value = match.strip()
                    if not any(value in s for s in allowed):
                        problems.append(f"{path.relative_to(site)}: {value}")
    assert not problems, "Kontaktangaben, die nicht aus den Daten stammen:\n" + "\n".join(problems)


def test_contact_patterns_catch_invented_details():
    sample = "Rufen Sie 02104 99-1234 an, schreiben Sie an info@kreis.example oder kommen Sie in die " \
             "Goethestraße 23, 40822 Mettmann."
    assert PHONE.search(sample) and EMAIL.search(sample)
    assert {m for m in STREET.findall(sample)} == {"Goethestraße 23", "40822 Mettmann"}
    assert not PHONE.search("Stand 2026-11-25, Notruf 110, Stellenanteil 0,3, Version 9.8.2, 2027-01-10")


def test_presse_page_promises_only_what_conference_pages_have(site):
    assert "Für die Presse: verlinken und zitieren" in text(soup(site, "presse/").find("article"))
    daten = load(ROOT / "data").daten
    for konferenz in daten.regionalkonferenzen:
        box = soup(site, konferenz.url).find(class_="hk-pressebox")
        assert box is not None and "Für die Presse: verlinken und zitieren" in text(box), konferenz.id
