"""A macro called with a value it does not accept stops the build with a German sentence naming what is allowed."""
from __future__ import annotations

from types import SimpleNamespace

import jinja2
import pytest
from mkdocs_macros.errors import format_error

from conftest import FIXTURE_DATA, build_copy
from handlungskonzept.daten import macro_errors
from handlungskonzept.daten.loader import load
from handlungskonzept.daten.model import PartnerArt
from handlungskonzept.daten.problems import MakroFehler


def _report(error: Exception) -> str:
    """The report mkdocs-macros writes into a page when a macro raises ``error``."""
    def macro():
        raise error

    try:
        jinja2.Environment().from_string("Text\n\n{{ macro() }}").render(macro=macro)
    except Exception as raised:  # noqa: BLE001 – the report is about any error
        return format_error(raised, "", SimpleNamespace(file=SimpleNamespace(src_path="neu.md")))
    raise AssertionError("the macro did not fail")


def test_makrofehler_reaches_the_editor_unchanged():
    german, technisch = macro_errors.cause(_report(MakroFehler("Diese Art gibt es nicht. Erlaubt sind: a, b.")))
    assert german == "Diese Art gibt es nicht. Erlaubt sind: a, b."
    assert technisch is None  # nothing English to add


def test_unknown_conference_lists_the_ids():
    daten = load(FIXTURE_DATA).daten
    with pytest.raises(MakroFehler) as raised:
        daten.konferenz("x")
    assert "„x“" in str(raised.value)
    assert all(k.id in str(raised.value) for k in daten.regionalkonferenzen)


def test_unknown_partner_art_fails_the_build_naming_page_line_and_allowed_values(repo_copy, tmp_path):
    (repo_copy / "docs" / "neu.md").write_text(
        "---\ntitle: Neu\ndescription: Eine Seite mit einer unbekannten Partnerart.\n---\n# Neu\n\n"
        "Text.\n\n{{ partnerliste(art=\"x\") }}\n", encoding="utf-8")
    result = build_copy(repo_copy, tmp_path / "out")
    assert result.returncode != 0
    assert "docs/neu.md, Zeile 9" in result.stderr
    assert f"partnerliste(art=„x“): Diese Art gibt es nicht. Erlaubt sind: {', '.join(PartnerArt)}." in result.stderr
    assert "technische Angabe" not in result.stderr and "Traceback" not in result.stderr + result.stdout


@pytest.mark.parametrize("aufruf, german", [
    ('kontakt("x")', "kontakt(„x“): Diese Angabe gibt es nicht. Erlaubt sind: pressekontakt."),
    ('konferenz("x")', "Eine Regionalkonferenz „x“ gibt es nicht. Erlaubt sind: erkrath,"),
])
def test_other_macros_name_the_allowed_values(repo_copy, tmp_path, aufruf, german):
    (repo_copy / "docs" / "neu.md").write_text(
        f"---\ntitle: Neu\ndescription: Eine Seite mit einem falschen Wert.\n---\n# Neu\n\n{{{{ {aufruf} }}}}\n",
        encoding="utf-8")
    result = build_copy(repo_copy, tmp_path / "out")
    assert result.returncode != 0
    assert "docs/neu.md, Zeile 7" in result.stderr and german in result.stderr


def test_records_by_id_and_the_exact_message_for_an_unknown_one(fixture_daten):
    assert fixture_daten.quelle().id == "vorlage-sv-50-100" == fixture_daten.quelle(None).id
    assert fixture_daten.quelle("testbericht-2027").titel == "Testbericht zu den Regionalkonferenzen"
    assert fixture_daten.konferenz("hilden").url == "regionalkonferenzen/hilden/"
    assert fixture_daten.konferenz("monheim-am-rhein").name == "Regionalkonferenz Monheim am Rhein"
    assert fixture_daten.video("dgs-erklaerung").titel == "Diese Website in Deutscher Gebärdensprache"
    unbekannt = [(fixture_daten.quelle, "Eine Quelle „x“ gibt es nicht. Erlaubt sind: vorlage-sv-50-100, testbericht-2027."),
                 (fixture_daten.konferenz, "Eine Regionalkonferenz „x“ gibt es nicht. Erlaubt sind: erkrath, haan, "
                                           "heiligenhaus, hilden, langenfeld, mettmann, monheim-am-rhein, ratingen, "
                                           "velbert, wuelfrath."),
                 (fixture_daten.model_copy(update={"videos": []}).video,
                  "Ein Video „x“ gibt es nicht. Erlaubt sind: keine (data/videos.yml fehlt oder ist leer).")]
    zwei = fixture_daten.videos + [fixture_daten.videos[0].model_copy(update={"id": "zweites"})]
    unbekannt.append((fixture_daten.model_copy(update={"videos": zwei}).video,
                      "Ein Video „x“ gibt es nicht. Erlaubt sind: dgs-erklaerung, zweites."))
    for finde, meldung in unbekannt:
        with pytest.raises(MakroFehler) as raised:
            finde("x")
        assert str(raised.value) == meldung
    assert list(fixture_daten.partner_by_id())[:2] == ["kreisintegrationszentrum", "kreisverwaltung"]
    assert list(fixture_daten.quellen_by_id()) == ["vorlage-sv-50-100", "testbericht-2027"]


def _template_report(template: str) -> str:
    """The report mkdocs-macros writes into a page for ``template`` (real Jinja errors, its own formatter)."""
    def stand() -> str:
        return "heute"

    environment = jinja2.Environment(undefined=jinja2.StrictUndefined)
    try:
        environment.from_string(template).render(stand=stand)
    except Exception as raised:  # noqa: BLE001 – the report is about any error
        return format_error(raised, template, SimpleNamespace(file=SimpleNamespace(src_path="neu.md")))
    raise AssertionError(f"{template!r} did not fail")


@pytest.mark.parametrize("template, german, original", [
    ("{% if true",
     "Der Platzhalter wird bis zum Ende der Seite nicht geschlossen: Es fehlt „%}“.",
     "unexpected end of template, expected 'end of statement block'."),
    ("{{ a ? b }}",
     "Das Zeichen „?“ ist in einem Platzhalter nicht erlaubt.",
     "unexpected char '?' at 5"),
    ("{% for 1 in x %}{% endfor %}",
     "Die geschweiften Klammern ergeben keinen gültigen Platzhalter.",
     "can't assign to 'const'"),
    ("{{ stand(x=1) }}",
     "Der Platzhalter wurde mit falschen Angaben in den runden Klammern aufgerufen (eine fehlt, eine ist zu viel "
     "oder unbekannt). Die Bausteine sind in macros/components/<name>/README.md beschrieben.",
     "TypeError: _template_report.<locals>.stand() got an unexpected keyword argument 'x'"),
])
def test_rarer_jinja_errors_get_their_whole_german_sentence(template, german, original):
    assert macro_errors.cause(_template_report(template)) == (german, original)


@pytest.mark.parametrize("error, original", [
    (AttributeError("'NoneType' object has no attribute 'name'"), "AttributeError: 'NoneType' object has no attribute 'name'"),
    (ValueError("invalid argument"), "ValueError: invalid argument"),
])
def test_a_failing_macro_is_not_mistaken_for_a_wrong_placeholder_or_wrong_arguments(error, original):
    """Only Jinja's own UndefinedError means an unknown name, only a TypeError means wrong arguments."""
    assert macro_errors.cause(_report(error)) == ("Der Platzhalter ließ sich nicht ausführen.", original)


def test_an_error_over_several_lines_still_gets_the_german_sentence():
    """mkdocs-macros leaves such a report indented, so the error line is not found; the sentence stays."""
    assert macro_errors.cause(_report(ValueError("Zeile eins\nZeile zwei"))) == (
        "Der Platzhalter ließ sich nicht ausführen.", None)


def test_a_report_without_a_line_names_none_and_an_unclosed_brace_without_opener_keeps_its_line():
    assert macro_errors.report_line("# _Macro Rendering Error_\n\n_File_: `neu.md`\n") is None
    assert macro_errors.opening_line(["Erster Absatz.", "", "Zweiter Absatz."], 3) == 3
    assert macro_errors.opening_line(["Text"], 5) == 5
