"""Overview counts and table: every town once, counts add up to ten, the table is accessible."""
from __future__ import annotations

from bs4 import BeautifulSoup
from conftest import FIXTURE_DATA, ROOT

from handlungskonzept.loader import load
from handlungskonzept.model import Status


def uebersicht(site):
    soup = BeautifulSoup((site / "regionalkonferenzen/index.html").read_text(encoding="utf-8"), "html.parser")
    return soup.find("div", class_="hk-statusuebersicht")


def test_counts_match_the_data(site, fixture_site):
    for built, data_dir in ((site, ROOT / "data"), (fixture_site, FIXTURE_DATA)):
        konferenzen = load(data_dir, ROOT / "docs").daten.regionalkonferenzen
        zahlen = {li.get_text(" ", strip=True).split(" ", 1)[1]: int(li.find(class_="hk-zaehlung__zahl").get_text())
                  for li in uebersicht(built).find("ul").find_all("li")}
        erwartet = {s.label: sum(k.status is s for k in konferenzen) for s in Status}
        if not erwartet[Status.abgesagt.label]:  # no cancellation is not worth a figure
            del erwartet[Status.abgesagt.label]
        assert zahlen == erwartet
        assert sum(zahlen.values()) == 10


def test_table_has_caption_and_header_cells(site):
    table = uebersicht(site).find("table")
    assert table.find("caption").get_text(strip=True)
    assert [th["scope"] for th in table.find("thead").find_all("th")] == ["col"] * 3
    rows = table.find("tbody").find_all("tr")
    assert len(rows) == 10 and all(row.find("th", scope="row") for row in rows)
