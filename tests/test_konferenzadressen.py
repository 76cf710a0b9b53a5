"""The press page lists the permanent address of every conference page."""
from __future__ import annotations

from bs4 import BeautifulSoup

from conftest import TOWNS


def test_every_town_has_its_permanent_address_and_a_working_link(site):
    page = BeautifulSoup((site / "presse" / "index.html").read_text(encoding="utf-8"), "html.parser")
    table = page.find("div", class_="hk-konferenzadressen").find("table")
    assert table.find("caption") is not None
    rows = table.find("tbody").find_all("tr")
    assert len(rows) == len(TOWNS)
    for row, town in zip(rows, TOWNS):
        assert row.find("code").get_text().endswith(f"/regionalkonferenzen/{town}/")
        link = row.find("a")["href"]
        assert (site / "presse" / link / "index.html").resolve().is_file()
