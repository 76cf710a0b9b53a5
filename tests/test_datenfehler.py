"""The preview's error page: the German problem list, escaped, as the page's only heading."""
from __future__ import annotations

from bs4 import BeautifulSoup

from handlungskonzept.ausgaben import components


def test_lists_every_problem_as_text():
    problems = ["data/partner.yml, Zeile 3 – Feld „name“ – Wert „<b>x</b>“: Text erwartet.",
                "data/projekt.yml, Zeile 9 – Feld „stand“: Kein gültiges Datum."]
    page = BeautifulSoup(str(components.render("datenfehler", problems=problems)), "html.parser")
    assert [h.get_text() for h in page.find_all("h1")] == ["Die Daten enthalten Fehler"]
    assert [li.get_text() for li in page.select("ul.hk-datenfehler li")] == problems
    assert page.find("b") is None
