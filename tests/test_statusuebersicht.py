"""Overview counts and table: every town once, counts add up to ten, the table is accessible."""
from __future__ import annotations

from bs4 import BeautifulSoup



def uebersicht(site):
    soup = BeautifulSoup((site / "regionalkonferenzen/index.html").read_text(encoding="utf-8"), "html.parser")
    return soup.find("div", class_="hk-statusuebersicht")


def test_counts_are_literal_for_both_data_sets(site, fixture_site):
    for built, erwartet in ((site, {"Durchgeführt (Städte nicht genannt)": 3, "Geplant": 1, "Keine Angabe": 6}),
                            (fixture_site, {"Durchgeführt": 10, "Geplant": 0, "Keine Angabe": 0})):
        zahlen = {li.get_text(" ", strip=True).split(" ", 1)[1]: int(li.find(class_="hk-zaehlung__zahl").get_text())
                  for li in uebersicht(built).find("ul").find_all("li")}
        assert zahlen == erwartet


def test_every_row_names_its_source_and_period(site):
    rows = uebersicht(site).find("tbody").find_all("tr")
    assert {row.find(class_="hk-statusuebersicht__quelle").get_text(" ", strip=True) for row in rows} == {
        "Mitteilungsvorlage WP 14-20 SV 50/100 , 2017–2020"}
    assert all(row.find(class_="hk-status")["data-quelle"] == "vorlage-sv-50-100" for row in rows)


def test_table_has_caption_and_header_cells(site):
    table = uebersicht(site).find("table")
    assert table.find("caption").get_text(strip=True)
    assert [th["scope"] for th in table.find("thead").find_all("th")] == ["col"] * 3
    rows = table.find("tbody").find_all("tr")
    assert len(rows) == 10 and all(row.find("th", scope="row") for row in rows)
