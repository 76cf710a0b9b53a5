"""Counts per status: one macro for the overview and the start page, honest about zero and about unnamed towns."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from handlungskonzept.ausgaben.components import environment
from handlungskonzept.daten.model import Quelle, Status, Zeit
from handlungskonzept.daten.zaehlung import Konferenzzahlen, konferenzzahlen

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


def _daten(fixture_daten, statuses: list[str], laut_quelle: int | None):
    konferenzen = [k.model_copy(update={"status": Status(s)}) for k, s in zip(fixture_daten.regionalkonferenzen, statuses)]
    projekt = fixture_daten.projekt.model_copy(update={"konferenzen_durchgefuehrt_laut_quelle": laut_quelle})
    return fixture_daten.model_copy(update={"regionalkonferenzen": konferenzen, "projekt": projekt})


@pytest.mark.parametrize("statuses, laut_quelle, expected", [
    (["durchgefuehrt"] * 2 + ["geplant"] * 3 + ["abgesagt"] + ["offen"] * 4, None, (2, 0, 3, 1, 4, 4)),
    (["durchgefuehrt"] * 2 + ["geplant"] * 3 + ["abgesagt"] + ["offen"] * 4, 1, (2, 0, 3, 1, 4, 4)),
    (["durchgefuehrt"] * 2 + ["geplant"] * 3 + ["abgesagt"] + ["offen"] * 4, 2, (2, 0, 3, 1, 4, 4)),
    (["durchgefuehrt"] * 2 + ["geplant"] * 3 + ["abgesagt"] + ["offen"] * 4, 5, (5, 3, 3, 1, 1, 4)),
    (["durchgefuehrt"] * 2 + ["geplant"] * 3 + ["abgesagt"] + ["offen"] * 4, 6, (6, 4, 3, 1, 0, 4)),
    (["durchgefuehrt"] * 2 + ["geplant"] * 3 + ["abgesagt"] + ["offen"] * 4, 8, (8, 6, 3, 1, 0, 4)),
    (["offen"] * 10, 0, (0, 0, 0, 0, 10, 10)),
])
def test_counts_per_status_with_held_towns_the_source_does_not_name(fixture_daten, statuses, laut_quelle, expected):
    zahlen = konferenzzahlen(_daten(fixture_daten, statuses, laut_quelle))
    assert (zahlen.durchgefuehrt, zahlen.ohne_stadt, zahlen.geplant, zahlen.abgesagt, zahlen.ohne_angabe,
            zahlen.offen_eingetragen) == expected
    assert zahlen.nach_status() == [(Status.durchgefuehrt, expected[0]), (Status.geplant, expected[2]),
                                    (Status.abgesagt, expected[3]), (Status.offen, expected[4])]
