"""Data is text, never markup or template code; a broken ``{{`` in a chapter stops the build."""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from types import SimpleNamespace

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
            record.update(ort=f"Saal {JINJA}", adresse=f"Straße {IMG}", zitat=f"Zitat {RAW} {SCRIPT}",
                          teilnehmende=12, zusammenfassung=MARKDOWN, ergebnisse=[SCRIPT, JINJA, RAW, IMG])
            for dokument in record["dokumente"]:
                dokument["titel"] = f"Dokument {IMG}"

    def quellen(records):
        for record in records:
            record.update(titel=f"Quelle {RAW} {SCRIPT}", art=f"Art {IMG}", adressaten=[JINJA])

    edit("partner.yml", partner)
    edit("regionalkonferenzen.yml", konferenzen)
    edit("quellen.yml", quellen)


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


def test_unclosed_comment_names_its_own_line_in_german(repo_copy, tmp_path):
    """An earlier, correct ``{{ … }}`` does not draw the line number away from the unclosed ``{#``."""
    (repo_copy / "docs" / "neu.md").write_text(
        "---\ntitle: Neu\ndescription: Eine Seite mit einem offenen Kommentar.\n---\n# Neu\n\n"
        "Stand: {{ stand() }}\n\nHier {# ein Kommentar ohne Ende\n\nLetzter Absatz.\n", encoding="utf-8")
    result = build_copy(repo_copy, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/neu.md, Zeile 9: " in output
    assert "Ein Kommentar „{#“ wird nicht mit „#}“ geschlossen." in output
    assert "Error reading page" not in output and "Traceback" not in output
    deutsch = output[output.index("docs/neu.md, Zeile 9"):].split("(technische Angabe:")[0]
    assert "Missing end of comment tag" not in deutsch


ENGLISCH = re.compile(r"\b(unexpected|expected|missing|got|end of|is undefined|tag|token|argument)\b", re.I)


def _jinja_report(template: str, **context) -> str:
    """The report mkdocs-macros writes into a page for ``template`` (its own formatter, real Jinja errors)."""
    import jinja2
    from mkdocs_macros.errors import format_error

    page = SimpleNamespace(file=SimpleNamespace(src_path="neu.md"))
    environment = jinja2.Environment(undefined=jinja2.StrictUndefined)
    try:
        environment.from_string(template).render(**context)
    except Exception as error:  # noqa: BLE001 – any error is what the report is about
        return format_error(error, template, page)
    raise AssertionError(f"{template!r} did not fail")


@pytest.mark.parametrize("template, german", [
    ("a {# Kommentar\n\nb", "Ein Kommentar „{#“ wird nicht mit „#}“ geschlossen."),
    ("{% if true %}\nText", "Der Block „{% if … %}“ wird nicht abgeschlossen: Es fehlt „{% endif %}“."),
    ("{{ stand()", "Der Platzhalter wird bis zum Ende der Seite nicht geschlossen: Es fehlt „}}“."),
    ("{{ 3 } }}", "Das Zeichen „}“ steht an einer Stelle, an der es nicht passt"),
    ("{{ stand( }}", "Erwartet wurde hier „)“."),
    ("{{ stand(\n\nLetzter Absatz.", "Im Platzhalter fehlt „,“ vor „Absatz“"),
    ("{{ stand() x }}", "Im Platzhalter fehlt „}}“ vor „x“"),
    ('{{ offen("was fehlt) }}', "Ein Anführungszeichen im Platzhalter wird nicht geschlossen."),
    ("{% abschnitt %}", "„{% abschnitt %}“ ist kein bekannter Befehl."),
    ("{{ statusuebersich() }}", "„statusuebersich“ ist kein bekannter Platzhalter."),
    ("{{ stand().jahr }}", "„jahr“ gibt es bei diesem Platzhalter nicht."),
    ("{{ stand(1, 2) }}", "mit falschen Angaben in den runden Klammern aufgerufen"),
])
def test_jinja_errors_are_explained_in_german(template, german):
    from handlungskonzept import macro_errors

    text, original = macro_errors.cause(_jinja_report(template, stand=lambda: "heute"))
    assert german in text
    assert not ENGLISCH.search(text), text
    assert original  # Jinja's own words stay available as „technische Angabe“


def test_opening_line_includes_comments():
    from handlungskonzept.macro_errors import opening_line

    body = ["{{ stand() }}", "", "Hier {# offen", "", "Ende"]
    assert opening_line(body, 3) == 3 and opening_line(body, 5) == 3 and opening_line(body, 2) == 1
