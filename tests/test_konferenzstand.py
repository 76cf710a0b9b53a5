"""The honest sentence: what the source reports about held conferences but does not attribute to towns."""
from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from handlungskonzept import components
from handlungskonzept.loader import load
from handlungskonzept.model import Status

ROOT = Path(__file__).resolve().parent.parent


def render(laut_quelle: int | None, durchgefuehrt: int) -> str:
    projekt = load(ROOT / "data").daten.projekt.model_copy(
        update={"konferenzen_durchgefuehrt_laut_quelle": laut_quelle})
    zaehlung = [(Status.geplant, 1), (Status.durchgefuehrt, durchgefuehrt), (Status.abgesagt, 0),
                (Status.offen, 9 - durchgefuehrt)]
    html = components.render("konferenzstand", zaehlung=zaehlung, projekt=projekt)
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def test_source_count_without_towns_is_said_honestly():
    text = render(3, 0)
    assert "in drei Städten bereits Regionalkonferenzen durchgeführt" in text
    assert "Welche Städte das sind, nennt die Quelle nicht." in text


def test_partly_sourced_count_names_the_gap():
    assert "1 davon ist hier mit Stadt und Datum belegt" in render(3, 1)


def test_nothing_is_said_when_everything_is_sourced_or_nothing_reported():
    assert render(3, 3) == ""
    assert render(None, 0) == ""


def test_startseite_and_overview_say_it_next_to_the_counts(site, fixture_site):
    for url in ("", "regionalkonferenzen/"):
        page = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert "nennt die Quelle nicht" in page.find(class_="hk-konferenzstand").get_text()
        fixture = BeautifulSoup((fixture_site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert fixture.find(class_="hk-konferenzstand") is None
