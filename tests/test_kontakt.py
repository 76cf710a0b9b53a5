"""Contacts come from data only; open values render as polite notes, never as guesses."""
from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from handlungskonzept import components
from handlungskonzept.model import Kontakt, OffenerPunkt


def render(kontakt) -> BeautifulSoup:
    return BeautifulSoup(components.render("kontakt", kontakt=kontakt), "html.parser")


def test_open_contact_shows_the_polite_note_and_keeps_what_is_missing():
    html = render(OffenerPunkt(offen="Pressekontakt der Pressestelle"))
    note = html.find(class_="hk-offen")
    assert note.get_text() == "Diese Angabe wird ergänzt."
    assert note["data-offen"] == "Pressekontakt der Pressestelle"


def test_filled_contact_shows_name_phone_and_mail_link():
    html = render(Kontakt(name="Frau Beispiel", funktion="Projektleitung", telefon="02104 000000",
                          email="beispiel@example.org"))
    text = " ".join(html.get_text(" ").split())
    assert "Frau Beispiel" in text and "Projektleitung" in text
    assert "02104 000000" in text
    assert html.find("a", href="mailto:beispiel@example.org") is not None


def test_partly_open_contact_marks_each_missing_value(site: Path):
    page = BeautifulSoup((site / "projektorganisation" / "index.html").read_text(encoding="utf-8"), "html.parser")
    kontakt = page.find(class_="hk-kontakt")
    assert {n["data-offen"] for n in kontakt.find_all(class_="hk-offen")} == {
        "Telefonnummer der Projektleitung", "E-Mail-Adresse der Projektleitung"}
    presse = BeautifulSoup((site / "presse" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert presse.find(class_="hk-kontakt").find(class_="hk-offen") is not None
