"""Conference pages: the fact box says everything known, honestly; links and documents work."""
from __future__ import annotations

import posixpath

import pytest
from bs4 import BeautifulSoup
from conftest import FIXTURE_DATA, ROOT
from conftest import soup as soup_of

from handlungskonzept.ausgaben.dokumente import dateiangabe, groesse_de
from handlungskonzept.daten.loader import load
from handlungskonzept.daten.dates import datum_de

FIXTURE = load(FIXTURE_DATA, ROOT / "docs").daten
REAL = load(ROOT / "data", ROOT / "docs").daten


def fakten(soup: BeautifulSoup) -> dict[str, object]:
    """Fact box as {label: dd element}."""
    box = soup.find("aside", class_="hk-faktenbox")
    assert box is not None
    return {dt.get_text(strip=True): dt.find_next_sibling("dd") for dt in box.find_all("dt")}


def resolve(page_url: str, href: str) -> tuple[str, str]:
    """Relative href on a directory-URL page → (site path of the target, fragment)."""
    path, _, fragment = href.partition("#")
    return posixpath.normpath(posixpath.join("/" + page_url, path)).lstrip("/"), fragment


@pytest.mark.parametrize("k", FIXTURE.regionalkonferenzen, ids=lambda k: k.id)
def test_fact_box_shows_every_field_of_a_held_conference(fixture_site, k):
    box = fakten(soup_of(fixture_site, k.url))
    assert box["Stadt"].get_text(strip=True) == k.stadt
    assert box["Datum"].find("time")["datetime"] == k.datum.isoformat()
    assert box["Datum"].find("time").get_text(strip=True) == datum_de(k.datum)
    assert box["Status laut Quelle"].get_text(strip=True) == "Durchgeführt"
    assert k.ort in box["Ort"].get_text() and k.adresse in box["Ort"].get_text()
    assert box["Durchführung"].get_text(strip=True) == FIXTURE.partner_by_id()[k.veranstalter].name
    assert box["Teilnehmende"].get_text(strip=True) == str(k.teilnehmende)
    assert [a.get_text(strip=True) for a in box["Beteiligte Partner"].find_all("a")] == \
        [FIXTURE.partner_by_id()[p].name for p in k.partner if p != k.veranstalter], "organiser named once"
    assert box["Quelle"].get_text(" ", strip=True) == "Testbericht zu den Regionalkonferenzen , 01.06.2027"
    kalender = box["Datum"].find("a", string="Zum Kalender hinzufügen (ICS-Datei)")
    assert resolve(k.url, kalender["href"])[0] == f"{k.url}termin.ics"
    assert (fixture_site / k.url / "termin.ics").is_file()


@pytest.mark.parametrize("k", FIXTURE.regionalkonferenzen, ids=lambda k: k.id)
def test_partner_links_land_on_existing_anchors(fixture_site, k):
    box = soup_of(fixture_site, k.url).find("aside", class_="hk-faktenbox")
    links = box.find_all("a", href=lambda h: "#" in h)
    assert len(links) == len(k.partner) + 1  # organiser, the other partners, the source
    for link in links:
        target, anchor = resolve(k.url, link["href"])
        assert target in ("partner", "quellen")
        assert soup_of(fixture_site, f"{target}/").find(id=anchor) is not None, link["href"]


@pytest.mark.parametrize("k", FIXTURE.regionalkonferenzen, ids=lambda k: k.id)
def test_summary_results_and_documents(fixture_site, k):
    konferenz = soup_of(fixture_site, k.url).find("div", class_="hk-konferenz")
    assert konferenz.find("div", class_="hk-konferenz__zusammenfassung").find("strong") is not None
    assert [li.get_text(strip=True) for li in konferenz.find("ul", class_="hk-konferenz__ergebnisse").find_all("li")] \
        == [f"Ergebnis A für {k.stadt}", f"Handlungsempfehlung B für {k.stadt}"]  # as the test data words them
    links = konferenz.find("ul", class_="hk-konferenz__dokumente").find_all("a")
    assert len(links) == len(k.dokumente)
    for link, dokument in zip(links, k.dokumente):
        assert link.get_text(" ", strip=True).startswith(dokument.titel)
        angabe = link.find("span", class_="hk-konferenz__dateiangabe").get_text(strip=True)
        if dokument.pfad:
            built = fixture_site / resolve(k.url, link["href"])[0]
            assert built.is_file()
            assert dokument.pfad == "quellen/mitteilungsvorlage-wp-14-20-sv-50-100.txt"  # 2345 bytes
            assert angabe == "(TXT, 2,3 KB)"
        else:
            assert link["href"] == dokument.url
            assert angabe == "(externe Website)"


def test_file_sizes_read_in_german():
    assert [groesse_de(n) for n in (0, 1023, 1024, 1536, 1258291, 5 * 1024**3)] == \
        ["0 Byte", "1023 Byte", "1,0 KB", "1,5 KB", "1,2 MB", "5,0 GB"]
    assert [groesse_de(n) for n in (1024**2 - 1, 1024**2, 1024**3, 1024**4)] == \
        ["1024,0 KB", "1,0 MB", "1,0 GB", "1024,0 GB"]  # GB is the largest unit


def test_file_type_comes_from_the_extension(tmp_path):
    datei = tmp_path / "Protokoll.Final.pdf"
    datei.write_bytes(b"x" * 2048)
    assert dateiangabe(datei) == "PDF, 2,0 KB"
    ohne = tmp_path / "LIESMICH"
    ohne.write_bytes(b"abc")
    assert dateiangabe(ohne) == "Datei, 3 Byte"


@pytest.mark.parametrize("k", REAL.regionalkonferenzen, ids=lambda k: k.id)
def test_undated_conferences_report_the_source_and_promise_nothing(site, k):
    soup = soup_of(site, k.url)
    box = fakten(soup)
    assert "Datum" not in box
    geplant = k.status.value == "geplant"
    assert box["Termin"].get_text(" ", strip=True) == (
        "Kein Datum; vorgesehen war ein erstes Quartal, das Jahr nennt die Vorlage nicht" if geplant
        else "Kein Datum genannt")
    assert box["Status laut Quelle"].get_text(strip=True) == ("Geplant" if geplant else "Keine Angabe")
    assert "Ort" not in box and "Teilnehmende" not in box, "unknown fields are left out, not filled"
    assert all(dd.get_text(strip=True) for dd in box.values()), "no empty field"
    assert soup.find("a", string="Zum Kalender hinzufügen (ICS-Datei)") is None
    assert not (site / k.url / "termin.ics").exists()
    konferenz = soup.find("div", class_="hk-konferenz")
    text = konferenz.get_text(" ", strip=True)
    assert "folgt" not in text and "noch keine" not in text
    assert konferenz.find(id="zusammenfassung") is None and konferenz.find(id="ergebnisse") is None
    assert text.count("Neuere Angaben liegen nicht vor.") == 1
    bericht = " ".join(konferenz.find(class_="hk-konferenz__bericht").get_text(" ").split())
    if geplant:
        assert bericht == ("Laut Mitteilungsvorlage WP 14-20 SV 50/100 (undatiert, verfasst zwischen Februar 2017 und "
                           "Oktober 2020) war die Regionalkonferenz in Hilden geplant; vorgesehen war ein erstes "
                           "Quartal, das Jahr nennt die Vorlage nicht. Neuere Angaben liegen nicht vor.")
    else:
        assert bericht == (f"Die Mitteilungsvorlage WP 14-20 SV 50/100 (undatiert, verfasst zwischen Februar 2017 und "
                           f"Oktober 2020) sagt zur Regionalkonferenz in {k.stadt} nichts Eigenes. Sie berichtet, dass "
                           "in 3 Städten des Kreises bereits Regionalkonferenzen stattgefunden hatten, ohne die Städte "
                           "zu nennen. Neuere Angaben liegen nicht vor.")


def test_hilden_names_its_organiser_and_quotes_the_source(site):
    soup = soup_of(site, "regionalkonferenzen/hilden/")
    box = fakten(soup)
    assert box["Durchführung"].get_text(strip=True) == "IMAP Institut"
    zitat = soup.find("blockquote", class_="hk-konferenz__zitat")
    assert zitat.p.get_text() == ("„In Hilden wird voraussichtlich im ersten Quartal die Regionalkonferenz durch das "
                                  "IMAP Institut durchgeführt.“")
