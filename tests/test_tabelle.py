"""Table wrapper: Material's scroll container, a caption always, the rows from the caller."""
from __future__ import annotations

from bs4 import BeautifulSoup

from handlungskonzept.ausgaben.components import environment

VORLAGE = ('{% from "tabelle/tabelle.html" import tabelle %}'
           '{% call tabelle(titel, klasse) %}<tbody><tr><td>{{ zelle }}</td></tr></tbody>{% endcall %}')


def tabelle(**context) -> BeautifulSoup:
    return BeautifulSoup(environment().from_string(VORLAGE).render(**context), "html.parser")


def test_wraps_the_rows_with_caption_in_the_scroll_container():
    html = tabelle(titel="Beschriftung", klasse="hk-x", zelle="A")
    table = html.select_one("div.md-typeset__scrollwrap > div.md-typeset__table > table.hk-x")
    assert table.caption.get_text() == "Beschriftung"
    assert table.find("td").get_text() == "A"


def test_escapes_and_needs_no_class():
    table = tabelle(titel="<b>T</b>", klasse=None, zelle="<i>z</i>").find("table")
    assert not table.has_attr("class")
    assert table.find("b") is None and table.find("i") is None
