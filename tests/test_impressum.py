"""The impressum component and its data file data/impressum.yml."""
from __future__ import annotations

import shutil

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURE_DATA, ROOT
from handlungskonzept.ausgaben import components
from handlungskonzept.daten.loader import load
from handlungskonzept.daten.model import GesetzlicheStelle, OffenerPunkt, Rechtsangabe
from handlungskonzept.daten.problems import DatenFehler, MakroFehler


def rows(html) -> dict[str, BeautifulSoup]:
    soup = BeautifulSoup(str(html), "html.parser")
    return {div.dt.get_text(strip=True): div.dd for div in soup.select("dl.hk-impressum > div")}


def text(element) -> str:
    return " ".join(element.get_text(" ").split())


def render(angaben, *felder: str, quelle: str | None = None):
    return components.render("impressum", zeilen=angaben.zeilen(felder), quelle=quelle)


def test_values_open_items_and_mail_link():
    angaben = load(FIXTURE_DATA).daten.impressum.model_copy(update={"telefon": OffenerPunkt(offen="Telefonnummer")})
    html = render(angaben, "herausgeber", "telefon", "email", "kontakt_barrierefreiheit", "formular_barrierefreiheit",
                  quelle="Testdaten")
    shown = rows(html)
    assert shown["Herausgeber"].get_text(strip=True) == "Kreis Mettmann"
    assert shown["Telefon"].find(class_="hk-offen")["data-offen"] == "Telefonnummer"
    assert shown["E-Mail"].find("a")["href"] == "mailto:impressum@example.invalid"
    assert shown["E-Mail für Rückmeldungen zur Barrierefreiheit"].find("a")["href"] == "mailto:barrierefreiheit@example.invalid"
    formular = shown["Formular für Rückmeldungen zur Barrierefreiheit"].find("a")
    assert formular["href"] == formular.get_text() == "https://formular.example.invalid/barrierefreiheit"
    assert "Quelle: Testdaten" in BeautifulSoup(str(html), "html.parser").get_text()


def test_editor_text_is_escaped():
    angaben = load(FIXTURE_DATA).daten.impressum.model_copy(update={"anschrift": "<script>alert(1)</script>"})
    html = str(render(angaben, "anschrift"))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "Quelle" not in html


def test_general_law_facts_show_their_provision():
    angaben = load(FIXTURE_DATA).daten.impressum.model_copy(update={
        "rechtsform": Rechtsangabe(wert="Körperschaft", rechtsgrundlage="§ 1 Testgesetz"),
        "aufsichtsbehoerde": GesetzlicheStelle(
            stelle=Rechtsangabe(wert="Testaufsicht", erlaeuterung="allgemeine Aufsicht", rechtsgrundlage="§ 3 Testgesetz"),
            anschrift=OffenerPunkt(offen="Anschrift der Aufsicht")),
    })
    shown = rows(render(angaben, "rechtsform", "vertretungsberechtigt", "aufsichtsbehoerde"))
    assert text(shown["Rechtsform"]) == "Körperschaft (§ 1 Testgesetz)"
    assert text(shown["Vertreten durch"]) == "Testamt (§ 2 Testgesetz) Name: Erika Mustermann Anschrift: Teststraße 1, 99999 Testhausen"
    aufsicht = shown["Aufsichtsbehörde"]
    assert text(aufsicht) == "Testaufsicht (allgemeine Aufsicht, § 3 Testgesetz) Anschrift: Diese Angabe liegt noch nicht vor."
    assert "Name" not in text(aufsicht)  # a body has no holder's name
    assert aufsicht.find(class_="hk-offen")["data-offen"] == "Anschrift der Aufsicht"


def test_vat_id_shown_only_when_it_exists():
    angaben = load(FIXTURE_DATA).daten.impressum
    assert text(rows(render(angaben, "umsatzsteuer_id"))["Umsatzsteuer-Identifikationsnummer"]) == "DE000000000"
    frage = angaben.model_copy(update={"umsatzsteuer_id": OffenerPunkt(offen="Gibt es eine?")})
    assert rows(render(frage, "umsatzsteuer_id")) == {}
    assert rows(render(angaben.model_copy(update={"umsatzsteuer_id": None}), "umsatzsteuer_id")) == {}


def test_unknown_field_names_the_allowed_ones():
    with pytest.raises(MakroFehler) as error:
        load(FIXTURE_DATA).daten.impressum.zeilen(("anschrif",))
    assert "impressum(„anschrif“): Diese Angabe gibt es nicht." in str(error.value)
    assert "anschrift" in str(error.value) and "nicht_barrierefrei" not in str(error.value)


def test_real_data_general_law_and_open_items():
    angaben = load(ROOT / "data").daten.impressum
    assert angaben.herausgeber == "Kreis Mettmann"
    assert angaben.rechtsform == Rechtsangabe(wert="Körperschaft des öffentlichen Rechts",
                                              erlaeuterung="Gemeindeverband und Gebietskörperschaft",
                                              rechtsgrundlage="§ 1 Abs. 2 KrO NRW")
    assert angaben.vertretungsberechtigt.stelle.rechtsgrundlage == "§ 42 Abs. 5 KrO NRW"
    assert angaben.aufsichtsbehoerde.stelle == Rechtsangabe(wert="Bezirksregierung Düsseldorf",
                                                            erlaeuterung="allgemeine Aufsicht",
                                                            rechtsgrundlage="§ 57 Abs. 1 KrO NRW")
    # The person and every address, contact and date: no source names them yet.
    offen = [angaben.vertretungsberechtigt.name, angaben.vertretungsberechtigt.anschrift,
             angaben.aufsichtsbehoerde.anschrift, angaben.umsatzsteuer_id]
    offen += [getattr(angaben, feld) for feld in (
        "anschrift", "telefon", "email", "inhaltlich_verantwortlich", "datenschutzbeauftragte",
        "kontakt_barrierefreiheit", "formular_barrierefreiheit", "ombudsstelle", "hosting",
        "speicherdauer_zugriffsprotokoll", "speicherdauer_fehlerprotokoll",
        "erklaerung_erstellt", "erklaerung_ueberprueft", "datenschutz_stand")]
    assert all(isinstance(wert, OffenerPunkt) for wert in offen)
    assert "Umsatzsteuer" in angaben.umsatzsteuer_id.offen and "Wenn ja" in angaben.umsatzsteuer_id.offen


@pytest.mark.parametrize("broken, expected", [
    ("anschrif: Teststraße 1\n", "anschrif"),
    (None, "Die Datei fehlt."),
    ("nicht_barrierefrei:\n  - inhalt: X\n    beschreibung: Y\n    grund: zu-teuer\n", "zu-teuer"),
])
def test_loader_reports_problems_in_impressum_file(tmp_path, broken, expected):
    data = tmp_path / "daten"
    shutil.copytree(FIXTURE_DATA, data)
    if broken is None:
        (data / "impressum.yml").unlink()
    else:
        lines = (data / "impressum.yml").read_text(encoding="utf-8")
        if broken.startswith("nicht_barrierefrei"):
            lines = lines[:lines.index("nicht_barrierefrei:")] + lines[lines.index("hosting:"):]
        (data / "impressum.yml").write_text(lines + broken, encoding="utf-8")
    with pytest.raises(DatenFehler) as error:
        load(data)
    assert "impressum.yml" in error.value.bericht()
    assert expected in error.value.bericht()


def test_mail_address_must_be_one(tmp_path):
    data = tmp_path / "daten"
    shutil.copytree(FIXTURE_DATA, data)
    path = data / "impressum.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "kontakt_barrierefreiheit: barrierefreiheit@example.invalid", "kontakt_barrierefreiheit: Telefon 0000"),
        encoding="utf-8")
    with pytest.raises(DatenFehler) as error:
        load(data)
    bericht = error.value.bericht()
    assert "kontakt_barrierefreiheit" in bericht and "Erwartet wird eine E-Mail-Adresse" in bericht


def test_barrier_list_without_entries_claims_nothing():
    html = BeautifulSoup(str(components.render("nicht-barrierefrei", gruppen=[])), "html.parser")
    assert text(html) == "Derzeit ist kein Inhalt als nicht barrierefrei eingetragen."


def test_rows_name_field_label_value_and_link_kind(fixture_daten):
    angaben = fixture_daten.impressum
    assert angaben.zeilen(("herausgeber", "email", "formular_barrierefreiheit")) == [
        ("herausgeber", "Herausgeber", angaben.herausgeber, None),
        ("email", "E-Mail", angaben.email, "email"),
        ("formular_barrierefreiheit", "Formular für Rückmeldungen zur Barrierefreiheit",
         angaben.formular_barrierefreiheit, "link")]
    assert angaben.model_copy(update={"organisationseinheit": None}).zeilen(("organisationseinheit", "herausgeber")) == [
        ("herausgeber", "Herausgeber", angaben.herausgeber, None)]
    offen = OffenerPunkt(offen="Telefon")
    assert angaben.model_copy(update={"telefon": offen}).zeilen(("telefon",)) == [("telefon", "Telefon", offen, None)]


@pytest.mark.parametrize("name", ["anschrif", "quelle", "nicht_barrierefrei"])
def test_a_field_that_is_no_row_is_refused_with_the_allowed_ones(fixture_daten, name):
    with pytest.raises(MakroFehler) as error:
        fixture_daten.impressum.zeilen(("herausgeber", name))
    assert str(error.value) == (
        f"impressum(„{name}“): Diese Angabe gibt es nicht. Erlaubt sind: herausgeber, organisationseinheit, rechtsform, "
        "anschrift, telefon, email, vertretungsberechtigt, inhaltlich_verantwortlich, aufsichtsbehoerde, umsatzsteuer_id, "
        "datenschutzbeauftragte, kontakt_barrierefreiheit, formular_barrierefreiheit, ombudsstelle, hosting, "
        "speicherdauer_zugriffsprotokoll, speicherdauer_fehlerprotokoll, erklaerung_erstellt, erklaerung_ueberprueft, "
        "datenschutz_stand.")
