"""The process diagram: real text in an ordered list, no JavaScript, colours only from the theme."""
from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from handlungskonzept.ausgaben.components import COMPONENTS_DIR


def figure(site: Path):
    page = BeautifulSoup((site / "handlungskonzept" / "index.html").read_text(encoding="utf-8"), "html.parser")
    return page.find("figure", class_="hk-vorgehen")


def test_diagram_is_an_ordered_list_with_a_caption(site):
    diagram = figure(site)
    caption = diagram.find("figcaption")
    assert diagram["aria-labelledby"] == caption.find(id=True)["id"]
    assert "Drei Schritte:" in caption.get_text()
    steps = diagram.find("ol").find_all("li", class_="hk-vorgehen__schritt")
    assert [s.find(class_="hk-vorgehen__nummer").get_text() for s in steps] == ["Schritt 1", "Schritt 2", "Schritt 3"]
    bausteine = [li.find("strong").get_text() for li in steps[1].find("ul").find_all("li")]
    assert bausteine == ["Bedarfs- und Bestandsanalysen", "Regionalkonferenzen", "Qualifizierungen"]


def test_diagram_states_the_facts_from_the_data(site):
    content = " ".join(figure(site).get_text(" ").split())
    for fakt in ("Februar 2017", "MFKJKS", "IMAP Institut", "Kreisintegrationszentrum", "Arbeitsgruppe"):
        assert fakt in content


def test_no_script_image_or_svg_without_alternative(site):
    diagram = figure(site)
    assert diagram.find("script") is None
    assert all(img.get("alt") for img in diagram.find_all("img"))
    assert all(svg.get("aria-hidden") == "true" or svg.find("title") for svg in diagram.find_all("svg"))


def test_links_in_the_diagram_resolve(site):
    for link in figure(site).find_all("a", href=True):
        target = (site / "handlungskonzept" / link["href"].split("#")[0]).resolve()
        assert (target / "index.html").is_file() or target.is_file(), link["href"]


def test_style_uses_only_theme_colours_for_light_and_dark():
    css = (COMPONENTS_DIR / "vorgehen" / "vorgehen.css").read_text(encoding="utf-8")
    assert not re.search(r"#[0-9a-fA-F]{3,8}\b|rgba?\(|hsla?\(", css), "feste Farben brechen das dunkle Farbschema"
    colours = re.findall(r"[\s{;](?:color|background(?:-color)?|border(?:-(?:top|right|bottom|left))?(?:-color)?)"
                         r"\s*:\s*([^;]+);", css)
    assert colours
    for value in colours:
        assert "var(--md-" in value or "transparent" in value, value
