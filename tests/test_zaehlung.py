"""Counts per status: one macro for the overview and the start page, honest about zero and about unnamed towns."""
from __future__ import annotations

from bs4 import BeautifulSoup

from handlungskonzept.components import environment
from handlungskonzept.model import Quelle, Zeit
from handlungskonzept.zaehlung import Konferenzzahlen

QUELLE = Quelle(id="q", titel="Vorlage X", art="Vorlage", herausgeber="Kreis",
                zeit=Zeit.model_validate({"von": "2017-02-01", "bis": "2020-10-31", "begruendung": "undatiert"}))


def zahlen(z: Konferenzzahlen) -> tuple[dict[str, str], str]:
    template = environment().from_string(
        '{% from "zaehlung/zaehlung.html" import zaehlung %}{{ zaehlung(z, [q], "../") }}')
    html = BeautifulSoup(template.render(z=z, q=QUELLE), "html.parser")
    assert html.ul["aria-label"] == "Regionalkonferenzen nach Status"
    shown = {li.get_text(" ", strip=True).split(" ", 1)[1]: li.find(class_="hk-zaehlung__zahl").get_text()
             for li in html.find_all("li")}
    return shown, html.figcaption.get_text(" ", strip=True)


def test_source_counts_three_held_without_towns():
    shown, caption = zahlen(Konferenzzahlen(durchgefuehrt=3, ohne_stadt=3, geplant=1, abgesagt=0, ohne_angabe=6,
                                            offen_eingetragen=9))
    assert shown == {"Durchgeführt (Städte nicht genannt)": "3", "Geplant": "1", "Keine Angabe": "6"}
    assert caption == ("Laut Vorlage X (undatiert, verfasst zwischen Februar 2017 und Oktober 2020). "
                       "Neuere Angaben liegen nicht vor.")


def test_partly_named_held_conferences_say_how_many_lack_a_town():
    shown, _ = zahlen(Konferenzzahlen(durchgefuehrt=3, ohne_stadt=2, geplant=0, abgesagt=0, ohne_angabe=5,
                                      offen_eingetragen=7))
    assert shown["Durchgeführt (davon 2 Städte nicht genannt)"] == "3"


def test_zero_held_is_shown_zero_cancelled_is_not():
    shown, _ = zahlen(Konferenzzahlen(durchgefuehrt=0, ohne_stadt=0, geplant=3, abgesagt=0, ohne_angabe=7,
                                      offen_eingetragen=7))
    assert shown == {"Durchgeführt": "0", "Geplant": "3", "Keine Angabe": "7"}


def test_a_cancellation_is_counted():
    shown, _ = zahlen(Konferenzzahlen(durchgefuehrt=0, ohne_stadt=0, geplant=0, abgesagt=1, ohne_angabe=9,
                                      offen_eingetragen=9))
    assert shown["Abgesagt"] == "1"
