"""Contacts come from data only; open values render as polite notes, never as guesses."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from handlungskonzept.ausgaben import components
from handlungskonzept.daten.loader import load
from handlungskonzept.daten.model import Kontakt, OffenerPunkt, Partner, PartnerArt


def render(kontakt) -> BeautifulSoup:
    return BeautifulSoup(components.render("kontakt", kontakt=kontakt), "html.parser")


def test_open_contact_shows_the_polite_note_and_keeps_what_is_missing():
    html = render(OffenerPunkt(offen="Pressekontakt der Pressestelle"))
    note = html.find(class_="hk-offen")
    assert note.get_text() == "Diese Angabe liegt noch nicht vor."
    assert note["data-offen"] == "Pressekontakt der Pressestelle"


def test_filled_contact_shows_name_phone_and_mail_link():
    html = render(Kontakt(name="Frau Beispiel", funktion="Projektleitung", telefon="02104 000000",
                          email="beispiel@example.org", einwilligung=dt.date(2027, 1, 5), quelle="mitteilung-2027"))
    text = " ".join(html.get_text(" ").split())
    assert "Frau Beispiel" in text and "Projektleitung" in text
    assert "02104 000000" in text
    assert html.find("a", href="mailto:beispiel@example.org") is not None


def test_open_press_contact_is_a_polite_note(vorschau_site: Path):
    presse = BeautifulSoup((vorschau_site / "presse" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert presse.find(class_="hk-kontakt").find(class_="hk-offen")["data-offen"] == (
        "Pressekontakt (Name, Telefon, E-Mail) der Pressestelle des Kreises Mettmann")


def test_a_name_needs_consent_and_a_source():
    with pytest.raises(ValueError, match="einwilligung"):
        Kontakt(name="Frau Beispiel", funktion="Projektleitung")



_DATEN = load(ROOT / "data").daten
QUELLE, PROJEKT = _DATEN.quelle(), _DATEN.projekt
OHNE_NAME = Kontakt(funktion="Pressestelle", telefon="0123", email="presse@example.org")


def rendered(name: str, **context) -> BeautifulSoup:
    return BeautifulSoup(str(components.render(name, **context)), "html.parser")


def in_pressebox(kontakt) -> BeautifulSoup:
    return rendered("pressebox", permalink="https://example.org/x/", zitat="Zitat", quelle=QUELLE,
                    projekt=PROJEKT, kontakt=kontakt).find("dt", string="Pressekontakt").find_next_sibling("dd")


def in_partnerliste(kontakt) -> BeautifulSoup:
    partner = Partner(id="beispiel", name="Beispielverband", art=PartnerArt.verband, rolle="Beratung",
                      kontakt=kontakt, quelle="vorlage-sv-50-100")
    return rendered("partnerliste", gruppen=[(PartnerArt.verband, [partner])], ebene=2,
                    anker=True).find(class_="hk-partnerliste__kontakt")


@pytest.mark.parametrize("wo", [lambda k: render(k), in_pressebox, in_partnerliste],
                         ids=["kontakt", "pressebox", "partnerliste"])
def test_every_component_renders_a_contact_alike(wo):
    """One macro (kontaktangaben): no stray comma without a name, always a mailto link."""
    html = wo(OHNE_NAME)
    zeile = html.find("p").get_text(" ", strip=True)
    assert zeile == "Pressestelle"
    text = " ".join(html.get_text(" ").split())
    assert ", Pressestelle" not in text and ": ," not in text
    wege = {d.get_text(strip=True): d.find_next_sibling("dd") for d in html.find_all("dt")}
    assert wege["Telefon"].get_text(strip=True) == "0123"
    assert wege["E-Mail"].find("a")["href"] == "mailto:presse@example.org"
    assert markup(html) == markup(render(OHNE_NAME))


def markup(html: BeautifulSoup) -> str:
    """The contact's own markup, without the element it sits in."""
    return f"{html.find('p')}{html.find('dl')}"


def test_empty_contact_says_so_instead_of_empty_labels():
    assert render(Kontakt()).get_text(" ", strip=True) == "Derzeit ist hier kein Kontakt angegeben."
    assert in_partnerliste(Kontakt()).find("dt") is None
