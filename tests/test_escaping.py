"""Data is text, never markup or template code; a broken ``{{`` in a chapter stops the build."""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import FIXTURE_DATA, build_copy, build_site

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
JINJA = "{{ 7*7 }}"
RAW = "{% raw %}"
LINKS = ("[Klick eins](javascript:alert(4)) [Klick zwei]( JaVaScRiPt:alert(5)) [Klick drei](jav&#x09;ascript:alert(6)) "
         "[Klick vier](vbscript:msgbox(1)) [Klick fünf](data:text/html;base64,PHNjcmlwdD4=) "
         "![Bild sechs](data:image/png;base64,AAAA) [Klick sieben][ref]\n\n[ref]: &#106;avascript:alert(8)\n\n"
         "[Anker](#ergebnisse) [Netz](https://example.org/) [Post](mailto:info@example.org) [Datei](../partner/)")
MARKDOWN = f'Vorher <b onclick="alert(1)">fett</b> **echt fett**\n\n{SCRIPT}\n\nTemplate: {JINJA} {RAW}\n\n{LINKS}'
GEFAEHRLICH = ("javascript:", "vbscript:", "data:")


def _hostile(data: Path) -> None:
    """The complete fixture data with attacks in every kind of field a page shows."""
    def edit(name: str, change) -> None:
        path = data / name
        records = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(records)
        path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8")

    def partner(records):
        for record in records:
            record["name"] = f"{record['name']} {SCRIPT} {JINJA}"
            record["rolle"] = f"{IMG} {RAW}"

    def konferenzen(records):
        for record in records:
            record.update(ort=f"Saal {JINJA}", adresse=f"Straße {IMG}", quelle=f"Quelle {RAW} {SCRIPT}",
                          teilnehmende=12, zusammenfassung=MARKDOWN, ergebnisse=[SCRIPT, JINJA, RAW, IMG])
            for dokument in record["dokumente"]:
                dokument["titel"] = f"Dokument {IMG}"

    edit("partner.yml", partner)
    edit("regionalkonferenzen.yml", konferenzen)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("feindliche-daten")
    for source in FIXTURE_DATA.iterdir():
        (data / source.name).write_bytes(source.read_bytes())
    _hostile(data)
    target = tmp_path_factory.mktemp("feindliche-site")
    result = build_site(target, data_dir=data)
    assert result.returncode == 0, result.stderr
    return target


PAGES = ["partner/", "regionalkonferenzen/", "regionalkonferenzen/erkrath/", "regionalkonferenzen/hilden/",
         "regionalkonferenzen/wuelfrath/"]


@pytest.mark.parametrize("url", PAGES)
def test_attacks_in_data_appear_as_text(hostile_site, url):
    page = BeautifulSoup((hostile_site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
    article = page.find("article")
    for script in page.find_all("script"):  # only the theme's files and inert JSON-LD data
        assert script.get("src") or script.get("type") in ("application/json", "application/ld+json"), script
        if not script.get("src"):
            assert "<" not in script.string and json.loads(script.string)
    assert page.find_all(attrs={"onerror": True}) == [] and page.find_all(attrs={"onclick": True}) == []
    assert page.find_all("img", src="x") == []
    for element in page.find_all(lambda tag: tag.has_attr("href") or tag.has_attr("src")):
        for adresse in (element.get("href"), element.get("src")):  # entities are decoded by the parser already
            gelesen = re.sub(r"[\x00-\x20\x7f]", "", adresse or "").lower()  # what a browser skips
            assert not gelesen.startswith(GEFAEHRLICH), element
    text = article.get_text()
    if url != "regionalkonferenzen/":  # the overview shows towns and dates only
        assert SCRIPT in text and JINJA in text and RAW in text
    assert "49" not in text  # {{ 7*7 }} was never evaluated


def test_markdown_field_is_markdown_with_raw_html_escaped(hostile_site):
    page = BeautifulSoup((hostile_site / "regionalkonferenzen/erkrath/index.html").read_text(encoding="utf-8"),
                         "html.parser")
    summary = page.find("div", class_="hk-konferenz__zusammenfassung")
    assert summary.find("strong").get_text() == "echt fett"
    assert summary.find("b") is None and summary.find("script") is None
    assert '<b onclick="alert(1)">fett</b>' in summary.get_text()
    assert SCRIPT in summary.get_text() and JINJA in summary.get_text()


def test_dangerous_links_in_markdown_fields_become_plain_text(hostile_site):
    page = BeautifulSoup((hostile_site / "regionalkonferenzen/erkrath/index.html").read_text(encoding="utf-8"),
                         "html.parser")
    summary = page.find("div", class_="hk-konferenz__zusammenfassung")
    text = summary.get_text()
    for wort in ("eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben"):
        assert f"Klick {wort}" in text or f"Bild {wort}" in text
    assert summary.find("img") is None
    links = {link.get_text(): link["href"] for link in summary.find_all("a")}
    assert links == {"Anker": "#ergebnisse", "Netz": "https://example.org/", "Post": "mailto:info@example.org",
                     "Datei": "../partner/"}


def test_stray_braces_fail_the_build_naming_page_and_line(repo_copy):
    page = repo_copy / "docs" / "neu.md"
    page.write_text("---\ntitle: Neu\ndescription: Eine Seite mit einer vergessenen Klammer.\n---\n"
                    "# Neu\n\nErster Absatz.\n\nHier fehlt etwas: {{ stand( \n\nLetzter Absatz.\n", encoding="utf-8")
    result = subprocess.run(["make", "site"], cwd=repo_copy, capture_output=True, text=True, timeout=300)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/neu.md, Zeile 9" in output
    assert "Platzhalter" in output and "Traceback" not in output
    assert not (repo_copy / "site").exists() and not (repo_copy / ".site-neu").exists()  # nothing published


def test_unknown_macro_names_page_and_line_without_traceback(repo_copy, tmp_path):
    (repo_copy / "docs" / "neu.md").write_text(
        "---\ntitle: Neu\ndescription: Eine Seite mit einem Tippfehler im Platzhalter.\n---\n# Neu\n\n"
        "{{ statusuebersich() }}\n", encoding="utf-8")
    result = build_copy(repo_copy, tmp_path / "out")
    assert result.returncode != 0
    assert "docs/neu.md, Zeile 7" in result.stderr and "„statusuebersich“ ist kein bekannter Platzhalter" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
