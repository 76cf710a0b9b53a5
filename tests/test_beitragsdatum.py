"""The date line of a post: under its h1 on the post page and under each title in the list."""
from __future__ import annotations

import datetime as dt

from bs4 import BeautifulSoup

from handlungskonzept.ausgaben import components
from handlungskonzept.daten.aktuelles import Beitrag


def test_shows_published_and_updated_as_machine_readable_dates():
    b = Beitrag(title="T", description="D", datum=dt.date(2027, 1, 2), aktualisiert=dt.date(2027, 2, 3),
                datei="aktuelles/2027-01-02-t.md")
    soup = BeautifulSoup(str(components.render("beitragsdatum", b=b)), "html.parser")
    assert soup.get_text() == "Veröffentlicht am 2. Januar 2027, aktualisiert am 3. Februar 2027"
    assert [t["datetime"] for t in soup.find_all("time")] == ["2027-01-02", "2027-02-03"]


def test_without_update_only_the_publication_date():
    b = Beitrag(title="T", description="D", datum=dt.date(2027, 1, 2), datei="aktuelles/2027-01-02-t.md")
    assert BeautifulSoup(str(components.render("beitragsdatum", b=b)), "html.parser").get_text() == \
        "Veröffentlicht am 2. Januar 2027"


def test_post_page_shows_its_date_right_under_the_heading(fixture_site):
    soup = BeautifulSoup((fixture_site / "aktuelles/2026-11-25-stand-der-arbeit/index.html")
                         .read_text(encoding="utf-8"), "html.parser")
    h1 = soup.find("h1")
    assert h1.find_next_sibling().get("class") == ["hk-beitragsdatum"]
    assert h1.find_next_sibling().time["datetime"] == "2026-11-25"
