from bs4 import BeautifulSoup

TOWNS = ["erkrath", "haan", "heiligenhaus", "hilden", "langenfeld", "mettmann", "monheim-am-rhein",
         "ratingen", "velbert", "wuelfrath"]


def test_every_town_has_its_permanent_page(site):
    for town in TOWNS:
        page = site / "regionalkonferenzen" / town / "index.html"
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert soup.find("aside", class_="hk-faktenbox") is not None, town
        assert soup.html["lang"] == "de"


def test_fixture_site_shows_held_conference(fixture_site):
    soup = BeautifulSoup((fixture_site / "regionalkonferenzen/hilden/index.html").read_text(encoding="utf-8"),
                         "html.parser")
    assert soup.find("time", attrs={"datetime": "2027-02-13"}) is not None
