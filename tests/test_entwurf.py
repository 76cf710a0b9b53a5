"""Editorial drafts are visibly marked and listed by `make offen`."""
from __future__ import annotations

from bs4 import BeautifulSoup

from handlungskonzept.ausgaben import components


def test_draft_is_marked_in_words():
    html = BeautifulSoup(components.render("entwurf", text="Begriff freigeben"), "html.parser")
    mark = html.find(class_="hk-entwurf")
    assert mark.get_text() == "Entwurf der Redaktion, noch nicht freigegeben."
    assert mark["data-offen"] == "Begriff freigeben"


def test_every_glossary_definition_carries_the_mark(site):
    page = BeautifulSoup((site / "begriffe" / "index.html").read_text(encoding="utf-8"), "html.parser")
    definitions = page.find("article").find("dl").find_all("dd")
    assert len(definitions) >= 6
    assert all(dd.find(class_="hk-entwurf") for dd in definitions)
