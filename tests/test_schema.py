"""The editors' JSON Schemas (help while typing): current, German, draft 7, and checked by the real tool.

The loader stays the authority; these tests show what the schema already catches while typing.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from pydantic import Field

from conftest import FIXTURE_DATA, ROOT
from handlungskonzept.daten import schema
from handlungskonzept.daten.loader import FILES, DataFile
from handlungskonzept.daten.model import Status, Strict, Text
from test_loader_fehler import CASES, write_broken

SCHEMA_DIR = ROOT / "data" / "schema"
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"
YAML_FILES = sorted((ROOT / "data").glob("*.yml")) + sorted(FIXTURE_DATA.glob("*.yml"))


def check_jsonschema(schema_file: Path, *files: Path, crash_ok: bool = False) -> dict | None:
    """Run the real ``check-jsonschema`` CLI; its JSON report (errors and parse errors by file).

    ``None`` (only with ``crash_ok``) when the tool stops with a Python error instead of a report.
    """
    result = subprocess.run([str(CHECK_JSONSCHEMA), "-o", "JSON", "--schemafile", str(schema_file), *map(str, files)],
                            capture_output=True, text=True)
    if crash_ok and not result.stdout and "Traceback" in result.stderr:
        return None
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def schema_verdicts(schema_file: Path, files: dict[str, Path]) -> dict[str, str]:
    """Case name → what check-jsonschema says about its file; a crash on one file is narrowed down by halving."""
    report = check_jsonschema(schema_file, *files.values(), crash_ok=True)
    if report is None:
        if len(files) == 1:
            return dict.fromkeys(files, "Absturz")
        names = list(files)
        half = len(names) // 2
        return {**schema_verdicts(schema_file, {n: files[n] for n in names[:half]}),
                **schema_verdicts(schema_file, {n: files[n] for n in names[half:]})}
    errors = {e["filename"] for e in report.get("errors", [])}
    parse_errors = {e["filename"] for e in report.get("parse_errors", [])}
    return {name: "Schema" if str(path) in errors else "Syntax" if str(path) in parse_errors else "–"
            for name, path in files.items()}


def walk(node: object):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def test_committed_schemas_are_current():
    committed = {path.name: path.read_text(encoding="utf-8") for path in SCHEMA_DIR.glob("*.schema.json")}
    generated = schema.all_texts()
    stale = sorted(name for name in committed.keys() | generated.keys() if committed.get(name) != generated.get(name))
    assert not stale, f"Veraltet oder fehlend in data/schema/: {', '.join(stale)} – bitte `make schema` ausführen."


def test_every_data_file_of_the_loader_has_a_schema():
    assert {schema.filename(spec) for spec in FILES} == set(schema.all_texts())
    assert {"projekt.schema.json", "partner.schema.json", "regionalkonferenzen.schema.json",
            "weiterleitungen.schema.json", "impressum.schema.json"} <= set(schema.all_texts())


def test_every_model_reachable_from_the_data_files_is_found_once_in_file_order():
    assert [model.__name__ for model in schema.models()] == [
        "Projekt", "Kontakt", "OffenerPunkt", "Quelle", "Zeit", "Partner", "Regionalkonferenz", "Dokument",
        "Weiterleitung", "Impressum", "Rechtsangabe", "GesetzlicheStelle", "NichtBarrierefrei", "Suchbegriff",
        "Datenkatalog", "Gebiet", "Video"]


def test_every_model_and_field_has_a_german_title_and_description():
    missing = []
    for model in schema.models():
        if not model.model_config.get("title") or not (model.model_config.get("json_schema_extra") or {}).get("description"):
            missing.append(model.__name__)
        missing += [f"{model.__name__}.{name}" for name, info in model.model_fields.items()
                    if not info.title or not info.description]
    assert not missing, "Ohne title/description: " + ", ".join(missing)
    # … and the generated schemas keep them for every property, after the draft-7 conversion
    for name, text in schema.all_texts().items():
        for node in walk(json.loads(text)):
            for key, prop in node.get("properties", {}).items():
                assert prop.get("title") and prop.get("description"), f"{name}: {key}"


def test_schemas_are_draft_7_as_the_yaml_language_server_reads_them():
    for name, text in schema.all_texts().items():
        document = json.loads(text)
        assert document["$schema"] == "http://json-schema.org/draft-07/schema#"
        assert "$defs" not in text and "prefixItems" not in text
        for node in walk(document):
            if "$ref" in node:
                assert set(node) == {"$ref"}, f"{name}: draft 7 ignores keys next to $ref: {node}"
                target = node["$ref"].removeprefix("#/definitions/")
                assert target in document["definitions"], f"{name}: {node['$ref']}"
    result = subprocess.run([str(CHECK_JSONSCHEMA), "--check-metaschema", *map(str, sorted(SCHEMA_DIR.glob("*.json")))],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_vocabularies_ids_and_dates_are_offered_with_their_german_labels():
    konferenzen = json.loads((SCHEMA_DIR / "regionalkonferenzen.schema.json").read_text(encoding="utf-8"))
    status = konferenzen["definitions"]["Status"]
    assert status["enum"] == [member.value for member in Status]
    assert status["enumDescriptions"] == ["Geplant", "Durchgeführt", "Abgesagt", "Keine Angabe"] == [m.label for m in Status]
    felder = konferenzen["definitions"]["Regionalkonferenz"]["properties"]
    assert felder["id"]["enum"][:2] == ["erkrath", "haan"] and "Monheim am Rhein" in felder["id"]["enumDescriptions"]
    assert felder["status"]["title"] == "Status" and felder["status"]["allOf"] == [{"$ref": "#/definitions/Status"}]
    [datum] = [s for s in felder["datum"]["anyOf"] if s.get("format") == "date"]
    assert datum["pattern"] == r"^\d{4}-\d{2}-\d{2}$" and datum["type"] == "string"
    assert datum["patternErrorMessage"].startswith("Kein gültiges Datum. Erwartet: ein Datum im Format JJJJ-MM-TT")
    partner = json.loads((SCHEMA_DIR / "partner.schema.json").read_text(encoding="utf-8"))
    kennung = partner["definitions"]["Partner"]["properties"]["id"]
    assert kennung["pattern"] == "^[a-z0-9]+(-[a-z0-9]+)*$" and kennung["patternErrorMessage"].startswith("Nur Kleinbuchstaben")
    assert "ministerium" in partner["definitions"]["PartnerArt"]["enum"]
    gebiet = json.loads((SCHEMA_DIR / "datenkatalog.schema.json").read_text(encoding="utf-8"))["definitions"]["Gebiet"]
    assert gebiet["properties"]["kreisschluessel"]["patternErrorMessage"] == (
        "Erwartet: fünf Ziffern in Anführungszeichen, z. B. \"05158\".")
    assert "Ministerium mit dem Förderaufruf" in partner["definitions"]["PartnerArt"]["enumDescriptions"]


def schema_of(yaml_file: Path) -> Path:
    """The schema named in the file's first line, resolved from the file's own folder (as the editor does)."""
    first = yaml_file.read_text(encoding="utf-8").split("\n", 1)[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match, f"{yaml_file}: erste Zeile muss „# yaml-language-server: $schema=…“ sein, ist {first!r}"
    return (yaml_file.parent / match.group(1)).resolve()


@pytest.mark.parametrize("yaml_file", YAML_FILES, ids=[str(p.relative_to(ROOT)) for p in YAML_FILES])
def test_each_data_file_names_its_schema_in_its_first_line(yaml_file):
    assert schema_of(yaml_file) == SCHEMA_DIR / f"{yaml_file.stem}.schema.json"
    assert schema_of(yaml_file).is_file()


def test_real_and_complete_data_pass_check_jsonschema():
    by_schema = defaultdict(list)
    for yaml_file in YAML_FILES:
        by_schema[schema_of(yaml_file)].append(yaml_file)
    assert len(by_schema) >= 4
    for schema_file, files in by_schema.items():
        report = check_jsonschema(schema_file, *files)
        assert report["status"] == "ok" and not report.get("parse_errors"), json.dumps(report, ensure_ascii=False, indent=1)


#: What the schema already says while typing, for each case of the loader's bad-input corpus.
#: „Schema“: a schema error; „Syntax“: the file is not readable as YAML; „–“: only the loader finds it
#: (cross-record rules, dates against ``stand``, YAML 1.1 details); „Absturz“: check-jsonschema stops with a
#: Python error instead of a report. The loader reports every case in German with its line.
SCHEMA_FINDS = {
    'syntaxfehler-doppelpunkt': 'Syntax',
    'syntaxfehler-anfuehrungszeichen': 'Syntax',
    'tabulator': 'Syntax',
    'unbekanntes-feld-stadtt': 'Schema',
    'unbekanntes-feld-verschachtelt': 'Schema',
    'quelle-unbekannt': '–',
    'quelle-ohne-zeit': 'Schema',
    'pflichtfeld-fehlt': 'Schema',
    'staedte-anzahl-passt-nicht': '–',
    'staedte-doppelt': '–',
    'falscher-typ-zahl': 'Schema',
    'falscher-typ-liste': 'Schema',
    'datum-2018-02-30': 'Schema',
    'datum-mit-uhrzeit': 'Schema',
    'unbekannter-status': 'Schema',
    'doppelte-id': '–',
    'doppelter-yaml-schluessel': 'Syntax',
    'verwaister-partner': '–',
    'verwaister-veranstalter': '–',
    'verwaiste-arbeitsgruppe': '–',
    'http-adresse': 'Schema',
    'unbekannte-stadt': 'Schema',
    'stadt-fehlt': '–',
    'stadt-passt-nicht-zur-id': '–',
    'negative-teilnehmende': 'Schema',
    'offen-mit-datum': '–',
    'durchgefuehrt-datum-nach-stand': '–',
    'geplant-datum-vor-der-quelle': '–',
    'dokument-fehlt': '–',
    'dokument-pfad-und-url': 'Schema',
    'dokument-pfad-nach-oben': 'Schema',
    'unbekannte-partner-art': 'Schema',
    'id-mit-grossbuchstaben': 'Schema',
    'leerer-text': 'Schema',
    'teilnehmende-bei-geplant': '–',
    'leere-datei': 'Schema',
    'nur-kommentare': 'Schema',
    'liste-statt-abschnitt': 'Schema',
    'abschnitt-statt-liste': 'Schema',
    'verweis-anker': '–',
    'falsche-zeichenkodierung': 'Syntax',
    'steuerzeichen': 'Syntax',
    'falscher-typ-mit-tag': 'Absturz',
    'teilnehmende-wahrheitswert': 'Schema',
    'teilnehmende-in-anfuehrungszeichen': 'Schema',
    'gebaerdensprache-yes': 'Schema',
    'anzahl-laut-quelle-wahrheitswert': 'Schema',
    'datum-als-zahl': 'Schema',
    'stand-als-kommazahl': 'Schema',
    'impressum-unbekanntes-feld': 'Schema',
    'pressekontakt-nur-name': '–',
    'impressum-offen-tippfehler': 'Schema',
    'impressum-pflichtfeld-fehlt': 'Schema',
    'weiterleitung-mit-schraegstrich': 'Schema',
    'weiterleitung-unbekanntes-feld': 'Schema',
    'weiterleitung-doppelt': '–',
    'suchbegriff-mit-leerzeichen': '–',
    'suchbegriff-ohne-synonyme': '–',
    'suchbegriff-tippfehler': 'Schema',
    'eckige-klammer-offen': 'Syntax',
    'geschweifte-klammer-offen': 'Syntax',
    'klammer-ohne-oeffnende': 'Syntax',
    'reserviertes-zeichen': 'Syntax',
    'text-nach-anfuehrungszeichen': 'Syntax',
    'unbekannte-escape-folge': 'Syntax',
    'text-hinter-senkrechtem-strich': 'Syntax',
    'listeneintrag-in-der-zeile': 'Syntax',
    'anweisung-am-ende': 'Syntax',
    'mehrere-dokumente': 'Syntax',
}


def test_bad_input_corpus_through_the_schema(tmp_path):
    assert list(SCHEMA_FINDS) == [case.name for case in CASES], "Die Tabelle muss jeden Fall des Korpus nennen."
    by_file, stale = defaultdict(dict), set()
    for case in CASES:
        try:
            data, _ = write_broken(tmp_path / case.name, case)
        except AssertionError as error:  # the loader's corpus test reports a template that no longer fits data/
            assert "Testvorlage passt nicht mehr" in str(error)
            stale.add(case.name)
            continue
        by_file[case.datei][case.name] = data / case.datei
    assert len(stale) < len(CASES) // 2, f"Zu viele veraltete Testvorlagen: {sorted(stale)}"
    found = {}
    for datei, files in by_file.items():
        # explicit YAML tags (``!!int``) can stop check-jsonschema altogether: they go alone, the rest together
        tagged = {name for name, path in files.items() if "!!" in path.read_text(encoding="utf-8", errors="replace")}
        for group in (tagged, files.keys() - tagged):
            if group:
                found.update(schema_verdicts(SCHEMA_DIR / datei.replace(".yml", ".schema.json"),
                                             {name: files[name] for name in sorted(group)}))
    found = {case.name: found[case.name] for case in CASES if case.name not in stale}
    expected = {name: verdict for name, verdict in SCHEMA_FINDS.items() if name not in stale}
    assert found == expected, "\n".join(f"    {k!r}: {v!r}," for k, v in found.items())


def test_vscode_reads_yaml_1_1_and_recommends_the_yaml_extension():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.yamlVersion"] == "1.1"
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def test_write_adds_updates_and_removes_schemas_and_names_what_changed(tmp_path, c_locale):
    """Also on a machine with the plain C locale: the schemas hold „ü“ and „„“, written and compared as UTF-8."""
    ordner = tmp_path / "neu" / "schema"
    alle = sorted(path.name for path in SCHEMA_DIR.glob("*.schema.json"))
    assert sorted(schema.write(ordner)) == alle
    assert schema.write(ordner) == []
    (ordner / "partner.schema.json").write_text("{}\n", encoding="utf-8")
    (ordner / "alt.schema.json").write_text("{}\n", encoding="utf-8")
    (ordner / "notiz.txt").write_text("bleibt\n", encoding="utf-8")
    assert schema.write(ordner) == ["alt.schema.json", "partner.schema.json"]
    assert sorted(path.name for path in ordner.iterdir()) == sorted(alle + ["notiz.txt"])
    for name in alle:
        assert (ordner / name).read_text(encoding="utf-8") == (SCHEMA_DIR / name).read_text(encoding="utf-8")


class _Ort(Strict, title="Ort", json_schema_extra={"description": "Wo etwas stattfindet"}):
    name: Text = Field(title="Name", description="Name des Orts")


class _Termin(Strict, title="Termin", json_schema_extra={"description": "Ein Termin"}):
    ort: _Ort = Field(description="Wo der Termin stattfindet")


def test_a_file_without_sections_gets_a_schema_without_definitions():
    assert schema.generate(DataFile("ort", _Ort)) == {
        "$schema": "http://json-schema.org/draft-07/schema#", "additionalProperties": False,
        "description": "Wo etwas stattfindet",
        "properties": {"name": {"description": "Name des Orts", "minLength": 1, "title": "Name", "type": "string"}},
        "required": ["name"], "title": "Ort", "type": "object"}


def test_a_reference_with_only_a_description_beside_it_is_wrapped_so_draft_7_reads_the_description():
    generated = schema.generate(DataFile("termin", _Termin))
    assert generated["properties"] == {
        "ort": {"description": "Wo der Termin stattfindet", "allOf": [{"$ref": "#/definitions/_Ort"}]}}
    assert list(generated["definitions"]) == ["_Ort"]
