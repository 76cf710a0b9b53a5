"""The state at a glance counts what the source says: three held (towns not named), one planned, six without statement."""
from __future__ import annotations

import shutil

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURE_DATA, ROOT
from handlungskonzept.daten.loader import load
from handlungskonzept.daten.model import OffenerPunkt
from handlungskonzept.daten.problems import DatenFehler
from handlungskonzept.daten.zaehlung import Konferenzzahlen, konferenzzahlen


def text_of(tag) -> str:
    return " ".join(tag.get_text(" ").split())


def test_real_data_count_three_held_one_planned_six_without_statement():
    assert konferenzzahlen(load(ROOT / "data").daten) == Konferenzzahlen(
        durchgefuehrt=3, ohne_stadt=3, geplant=1, abgesagt=0, ohne_angabe=6, offen_eingetragen=9)


def test_complete_data_count_from_the_records():
    assert konferenzzahlen(load(FIXTURE_DATA).daten) == Konferenzzahlen(
        durchgefuehrt=10, ohne_stadt=0, geplant=0, abgesagt=0, ohne_angabe=0, offen_eingetragen=0)


@pytest.mark.parametrize("url", ["index.html", "regionalkonferenzen/index.html"])
def test_pages_show_three_one_six_with_source_and_period(site, url):
    page = BeautifulSoup((site / url).read_text(encoding="utf-8"), "html.parser")
    figure = page.find("figure", class_="hk-zaehlung")
    assert [text_of(li) for li in figure.find_all("li")] == [
        "3 Durchgeführt (Städte nicht genannt)", "1 Geplant", "6 Keine Angabe"]
    assert text_of(figure.figcaption) == ("Laut Mitteilungsvorlage WP 14-20 SV 50/100 (undatiert, verfasst zwischen "
                                         "Februar 2017 und Oktober 2020). Neuere Angaben liegen nicht vor.")


def test_unnamed_towns_are_an_open_item_in_the_real_data(vorschau_site):
    offen = load(ROOT / "data").daten.projekt.konferenzen_durchgefuehrt_staedte
    assert isinstance(offen, OffenerPunkt) and "drei Städte" in offen.offen
    page = BeautifulSoup((vorschau_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    satz = page.find(class_="hk-konferenzstand__quelle")
    assert text_of(satz).startswith("Laut Quelle hatten in 3 Städten bereits Regionalkonferenzen stattgefunden. "
                                    "Welche Städte das waren, nennt sie nicht.")
    assert satz.find(class_="hk-offen")["data-offen"] == offen.offen


def test_town_ids_are_checked_against_the_ten_towns(tmp_path):
    daten = tmp_path / "daten"
    shutil.copytree(FIXTURE_DATA, daten)
    with (daten / "projekt.yml").open("a", encoding="utf-8") as datei:
        datei.write("konferenzen_durchgefuehrt_staedte: [hilden, duesseldorf]\n")
    with pytest.raises(DatenFehler) as fehler:
        load(daten)
    assert "„duesseldorf“: Unbekannter Wert. Erlaubt: erkrath, haan," in fehler.value.bericht()


def test_a_named_town_must_be_recorded_as_held(tmp_path):
    daten = tmp_path / "daten"
    shutil.copytree(ROOT / "data", daten)
    text = (daten / "projekt.yml").read_text(encoding="utf-8")
    text = text.replace("konferenzen_durchgefuehrt_staedte:\n  offen: Welche drei Städte ihre Regionalkonferenz "
                        "bereits durchgeführt haben (die Quelle nennt sie nicht)",
                        "konferenzen_durchgefuehrt_staedte: [erkrath, haan, heiligenhaus]")
    (daten / "projekt.yml").write_text(text, encoding="utf-8")
    with pytest.raises(DatenFehler) as fehler:
        load(daten)
    assert ("Bei Erkrath steht in regionalkonferenzen.yml Status „offen“; für eine durchgeführte Konferenz "
            "„durchgefuehrt“ mit Datum eintragen.") in fehler.value.bericht()
