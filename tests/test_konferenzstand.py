"""The state at a glance says honestly what the source reports but does not name."""
from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from handlungskonzept import components
from handlungskonzept.loader import load
from handlungskonzept.model import Status

ROOT = Path(__file__).resolve().parent.parent


def render(laut_quelle: int | None, durchgefuehrt: int, zahlen: bool = True) -> str:
    projekt = load(ROOT / "data").daten.projekt.model_copy(
        update={"konferenzen_durchgefuehrt_laut_quelle": laut_quelle})
    zaehlung = [(Status.geplant, 1), (Status.durchgefuehrt, durchgefuehrt), (Status.abgesagt, 0),
                (Status.offen, 9 - durchgefuehrt)]
    html = components.render("konferenzstand", zaehlung=zaehlung, anzahl=10, projekt=projekt, zahlen=zahlen, base="")
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def test_source_count_without_towns_is_said_honestly():
    text = render(3, 0)
    assert "in drei Städten bereits Regionalkonferenzen durchgeführt" in text
    assert "Welche Städte das sind, nennt die Quelle nicht." in text
    assert "0 Durchgeführt" in text and "Abgesagt" not in text


def test_partly_sourced_count_names_the_gap():
    text = render(3, 1)
    assert "1 davon ist hier mit Stadt und Datum belegt" in text


def test_no_hedging_when_everything_is_sourced_or_nothing_reported():
    assert "Quelle nicht" not in render(3, 3)
    assert "Quelle nicht" not in render(None, 0)


def test_sentence_only_variant_has_no_counts():
    text = render(3, 0, zahlen=False)
    assert "nennt die Quelle nicht" in text and "Geplant" not in text


def test_startseite_shows_counts_from_data(site):
    page = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    counts = page.find("ul", class_="hk-konferenzstand__zahlen").find_all("li")
    daten = load(ROOT / "data").daten
    shown = {" ".join(li.get_text(" ").split()) for li in counts}
    for status in (Status.geplant, Status.durchgefuehrt, Status.offen):
        anzahl = sum(k.status is status for k in daten.regionalkonferenzen)
        assert f"{anzahl} {status.label}" in shown
