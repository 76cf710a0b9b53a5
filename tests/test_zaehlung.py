"""Counts per status: one macro for the overview and the start page, honest about zero."""
from __future__ import annotations

from bs4 import BeautifulSoup

from handlungskonzept.components import environment
from handlungskonzept.model import Status


def zahlen(liste) -> dict[str, int]:
    template = environment().from_string('{% from "zaehlung/zaehlung.html" import zaehlung %}{{ zaehlung(l) }}')
    html = BeautifulSoup(template.render(l=liste), "html.parser")
    assert html.ul["aria-label"] == "Regionalkonferenzen nach Status"
    return {li.get_text(" ", strip=True).split(" ", 1)[1]: int(li.find(class_="hk-zaehlung__zahl").get_text())
            for li in html.find_all("li")}


def test_zero_held_is_shown_zero_cancelled_is_not():
    shown = zahlen([(Status.geplant, 3), (Status.durchgefuehrt, 0), (Status.abgesagt, 0), (Status.offen, 7)])
    assert shown == {"Geplant": 3, "Durchgeführt": 0, "Noch offen": 7}


def test_a_cancellation_is_counted():
    assert zahlen([(Status.abgesagt, 1)]) == {"Abgesagt": 1}
