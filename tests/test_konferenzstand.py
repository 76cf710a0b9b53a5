"""The state at a glance says honestly what the source reports but does not name."""
from __future__ import annotations

import shutil

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURE_DATA, ROOT
from handlungskonzept import components
from handlungskonzept.loader import load
from handlungskonzept.model import STAEDTE, OffenerPunkt, Status
from handlungskonzept.problems import DatenFehler



def render_html(laut_quelle: int | None, durchgefuehrt: int, zahlen: bool = True, **update) -> BeautifulSoup:
    projekt = load(ROOT / "data").daten.projekt.model_copy(
        update={"konferenzen_durchgefuehrt_laut_quelle": laut_quelle, **update})
    zaehlung = [(Status.geplant, 1), (Status.durchgefuehrt, durchgefuehrt), (Status.abgesagt, 0),
                (Status.offen, 9 - durchgefuehrt)]
    html = components.render("konferenzstand", zaehlung=zaehlung, anzahl=10, projekt=projekt, staedte=STAEDTE,
                             zahlen=zahlen, base="")
    return BeautifulSoup(html, "html.parser")


def render(laut_quelle: int | None, durchgefuehrt: int, zahlen: bool = True, **update) -> str:
    return " ".join(render_html(laut_quelle, durchgefuehrt, zahlen, **update).get_text(" ").split())


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
    counts = page.find("ul", class_="hk-zaehlung").find_all("li")
    daten = load(ROOT / "data").daten
    shown = {" ".join(li.get_text(" ").split()) for li in counts}
    for status in (Status.geplant, Status.durchgefuehrt, Status.offen):
        anzahl = sum(k.status is status for k in daten.regionalkonferenzen)
        assert f"{anzahl} {status.label}" in shown


def test_unnamed_towns_are_an_open_item_in_the_real_data():
    offen = load(ROOT / "data").daten.projekt.konferenzen_durchgefuehrt_staedte
    assert isinstance(offen, OffenerPunkt) and "drei Städte" in offen.offen
    hinweis = render_html(3, 0).find(class_="hk-offen")
    assert hinweis["data-offen"] == offen.offen
    assert hinweis.get_text(strip=True) == "Diese Angabe wird ergänzt."


def test_named_towns_are_listed_by_name():
    text = render(3, 0, konferenzen_durchgefuehrt_staedte=["erkrath", "monheim-am-rhein", "wuelfrath"])
    assert "Es sind die Regionalkonferenzen in Erkrath, Monheim am Rhein und Wülfrath." in text
    assert "nennt die Quelle nicht" not in text and "wird ergänzt" not in text
    assert render(3, 0, konferenzen_durchgefuehrt_staedte=["haan"]).count("Regionalkonferenzen in Haan.") == 1


def test_town_ids_are_checked_against_the_ten_towns(tmp_path):
    daten = tmp_path / "daten"
    shutil.copytree(FIXTURE_DATA, daten)
    with (daten / "projekt.yml").open("a", encoding="utf-8") as datei:
        datei.write("konferenzen_durchgefuehrt_staedte: [hilden, duesseldorf]\n")
    with pytest.raises(DatenFehler) as fehler:
        load(daten)
    bericht = fehler.value.bericht()
    assert "„duesseldorf“: Unbekannter Wert. Erlaubt: erkrath, haan," in bericht


@pytest.mark.parametrize("url", ["index.html", "regionalkonferenzen/index.html"])
def test_pages_explaining_the_held_conferences_show_the_open_item(vorschau_site, url):
    page = BeautifulSoup((vorschau_site / url).read_text(encoding="utf-8"), "html.parser")
    satz = page.find(class_="hk-konferenzstand__quelle")
    assert "Welche Städte das sind, nennt die Quelle nicht." in " ".join(satz.get_text(" ").split())
    assert "drei Städte" in satz.find(class_="hk-offen")["data-offen"]
