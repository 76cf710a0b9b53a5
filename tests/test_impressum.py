"""The impressum component and its data file data/impressum.yml."""
from __future__ import annotations

import shutil

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURE_DATA, ROOT
from handlungskonzept import components
from handlungskonzept.loader import load
from handlungskonzept.model import Impressum, OffenerPunkt
from handlungskonzept.problems import DatenFehler


def rows(html) -> dict[str, BeautifulSoup]:
    soup = BeautifulSoup(str(html), "html.parser")
    return {div.dt.get_text(strip=True): div.dd for div in soup.select("dl.hk-impressum > div")}


def zeilen(angaben: Impressum, *felder: str):
    return [(n, Impressum.model_fields[n].title, getattr(angaben, n)) for n in felder]


def test_values_open_items_and_mail_link():
    angaben = load(FIXTURE_DATA).daten.impressum.model_copy(update={"telefon": OffenerPunkt(offen="Telefonnummer")})
    html = components.render("impressum", zeilen=zeilen(angaben, "herausgeber", "telefon", "email"), quelle="Testdaten")
    shown = rows(html)
    assert shown["Herausgeber"].get_text(strip=True) == "Kreis Mettmann"
    assert shown["Telefon"].find(class_="hk-offen")["data-offen"] == "Telefonnummer"
    assert shown["E-Mail"].find("a")["href"] == "mailto:impressum@example.invalid"
    assert "Quelle: Testdaten" in BeautifulSoup(str(html), "html.parser").get_text()


def test_editor_text_is_escaped():
    angaben = load(FIXTURE_DATA).daten.impressum.model_copy(update={"anschrift": "<script>alert(1)</script>"})
    html = str(components.render("impressum", zeilen=zeilen(angaben, "anschrift"), quelle=None))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "Quelle" not in html


def test_real_data_marks_everything_beyond_the_source_as_open():
    angaben = load(ROOT / "data").daten.impressum
    assert angaben.herausgeber == "Kreis Mettmann"
    for feld in ("anschrift", "telefon", "email", "vertretungsberechtigt", "inhaltlich_verantwortlich",
                 "aufsichtsbehoerde", "datenschutzbeauftragte", "kontakt_barrierefreiheit",
                 "erklaerung_erstellt", "erklaerung_ueberprueft", "datenschutz_stand"):
        assert isinstance(getattr(angaben, feld), OffenerPunkt), feld


@pytest.mark.parametrize("broken, expected", [
    ("anschrif: Teststraße 1\n", "anschrif"),
    (None, "Die Datei fehlt."),
])
def test_loader_reports_problems_in_impressum_file(tmp_path, broken, expected):
    data = tmp_path / "daten"
    shutil.copytree(FIXTURE_DATA, data)
    if broken is None:
        (data / "impressum.yml").unlink()
    else:
        with (data / "impressum.yml").open("a", encoding="utf-8") as file:
            file.write(broken)
    with pytest.raises(DatenFehler) as error:
        load(data)
    assert "impressum.yml" in error.value.bericht()
    assert expected in error.value.bericht()
