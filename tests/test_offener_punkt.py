"""Open items: readers see one polite sentence, the data-offen attribute keeps what is missing for make offen."""
from __future__ import annotations

from bs4 import BeautifulSoup

from handlungskonzept.ausgaben import components
from handlungskonzept.ausgaben.components import environment
from handlungskonzept.daten.model import OffenerPunkt


def test_renders_the_polite_sentence_and_keeps_what_is_missing():
    html = BeautifulSoup(str(components.render("offener-punkt", text="Ort der Konferenz")), "html.parser")
    [hinweis] = html.find_all(class_="hk-offen")
    assert hinweis.get_text() == "Diese Angabe liegt noch nicht vor."
    assert hinweis["data-offen"] == "Ort der Konferenz"


def test_editor_text_is_escaped_in_the_attribute():
    text = '"><script>alert(1)</script>'
    html = BeautifulSoup(str(components.render("offener-punkt", text=text)), "html.parser")
    assert html.find("script") is None
    assert html.find(class_="hk-offen")["data-offen"] == text


def test_wert_shows_known_values_escaped_and_open_ones_as_the_note():
    template = environment().from_string('{% from "offener-punkt/offener-punkt.html" import wert %}{{ wert(v) }}')
    assert template.render(v="A & <B>") == "A &amp; &lt;B&gt;"
    offen = BeautifulSoup(template.render(v=OffenerPunkt(offen="Telefon")), "html.parser").find(class_="hk-offen")
    assert (offen.get_text(), offen["data-offen"]) == ("Diese Angabe liegt noch nicht vor.", "Telefon")


def test_importing_the_macros_renders_nothing_by_itself():
    template = environment().from_string('{% from "offener-punkt/offener-punkt.html" import hinweis %}x')
    assert template.render() == "x"
