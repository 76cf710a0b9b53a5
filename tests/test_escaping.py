"""Data is text, never markup or template code; a broken ``{{`` in a chapter stops the build."""
from __future__ import annotations

import csv
import json
import re
import subprocess
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from xml.etree import ElementTree

import icalendar
import pytest
import yaml
from bs4 import BeautifulSoup
from pydantic import BaseModel, TypeAdapter, ValidationError

from conftest import FIXTURE_DATA, ROOT, build_copy, build_site, page_text
from handlungskonzept.daten.loader import load
from handlungskonzept.daten.model import Daten, OffenerPunkt
from handlungskonzept.daten.problems import DatenFehler, MakroFehler

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


#: Marks what an attack made of a field; the number says which field (see ``Angriffe.felder``).
TAG = "ANGRIFF"
#: Template code whose result (14133) would show that a field was rendered as a template.
RECHNUNG = "{{ 4711*3 }}"
#: Consent date given to an attacked person's name (see ``Kontakt``).
EINWILLIGUNG = "2027-06-01"  # a string: the same date object twice would become a YAML anchor
#: A line break and an iCalendar property: a calendar that does not escape it gains a property.
ICS_ZEILE = "\r\nX-ANGRIFF:ja"


def payload(tag: str, markdown: bool) -> str:
    """The attack written into one text field: HTML, template code, a calendar line, and the field's tag."""
    attack = (f'<script>alert("{tag}")</script> <b class="hk-angriff">{tag}</b> {IMG} {RECHNUNG} {RAW}{ICS_ZEILE} {tag}')
    return f"{MARKDOWN}\n\n{attack}" if markdown else attack


@dataclass
class Angriffe:
    """Every text field of the loaded model, found by walking ``Daten``'s types, with the attack it received."""

    quelle: str = ""                                           # a source id of the data, for consented names
    felder: dict[str, str] = field(default_factory=dict)       # tag → field path, e.g. "partner[2].kontakt.name"
    abgewiesen: dict[str, str] = field(default_factory=dict)   # field path → the loader's message (validation guards it)


def _text_fields(model: type[BaseModel]) -> Iterator[tuple[str, object, bool]]:
    """(name, annotation, is Markdown) of every field; the walk decides per value what it can attack."""
    for name, info in model.model_fields.items():
        yield name, info.rebuild_annotation(), "Markdown" in (info.description or "")  # with its constraints


def _accepts_text(annotation: object) -> bool:
    """The field takes a plain text the attack can be (not an id, address, date, number or fixed word)."""
    try:
        TypeAdapter(annotation).validate_python(f"Text {IMG} {SCRIPT}")
    except ValidationError:
        return False
    return True


def _models_in(annotation: object) -> list[type[BaseModel]]:
    """Record types a field holds (``Kontakt | None`` → Kontakt; ``list[Dokument]`` → Dokument)."""
    found = []
    for arg in typing.get_args(annotation) or (annotation,):
        if isinstance(arg, type) and issubclass(arg, BaseModel) and arg is not OffenerPunkt:
            found.append(arg)
        elif typing.get_origin(arg) is list:
            found += _models_in(typing.get_args(arg)[0])
    return found


def _attack(model: type[BaseModel], record: dict, where: str, angriffe: Angriffe, plan: dict) -> dict:
    """``record`` with every text field of ``model`` attacked, sub-records (contacts, documents) too, recursively."""
    record = dict(record)
    for name, annotation, markdown in _text_fields(model):
        path = f"{where}.{name}" if where else name
        value = record.get(name)
        if _accepts_text(annotation) and not isinstance(value, list):
            tag = plan.setdefault(path, f"{TAG}{len(plan) + 1:03d}")
            record[name] = payload(tag, markdown)
        elif typing.get_origin(annotation) is list and _accepts_text(typing.get_args(annotation)[0]):
            tag = plan.setdefault(path, f"{TAG}{len(plan) + 1:03d}")
            record[name] = [payload(tag, markdown), payload(tag, markdown)]
        else:
            for sub in _models_in(annotation):
                if isinstance(value, dict) and "offen" not in value:
                    record[name] = _attack(sub, value, path, angriffe, plan)
                elif (value is None or isinstance(value, dict)) and typing.get_origin(annotation) is not list:
                    record[name] = _attack(sub, {}, path, angriffe, plan)  # a contact nobody filled in yet
                elif isinstance(value, list):
                    record[name] = [_attack(sub, item, f"{path}[{i}]", angriffe, plan) if isinstance(item, dict) else item
                                    for i, item in enumerate(value)]
    if isinstance(record.get("name"), str) and "einwilligung" in model.model_fields:
        # A person's name is published only with consent and a source: give both, so the name is attacked too.
        record.setdefault("einwilligung", EINWILLIGUNG)
        if not record.get("quelle") or TAG in str(record.get("quelle")):
            record["quelle"] = angriffe.quelle
    return record


def _file_models() -> dict[str, tuple[type[BaseModel], bool]]:
    """Each data file of ``Daten``: its record type and whether it is a list of records."""
    files = {}
    for name, info in Daten.model_fields.items():
        [model] = _models_in(info.annotation)
        files[name] = (model, typing.get_origin(info.annotation) is list)
    return files


def _problem_path(feld: str) -> str:
    """The loader's field name („Eintrag 2 (haan) › stadt“) as a path of the walk ("[1].stadt")."""
    parts = []
    for part in feld.split(" › "):
        number = re.fullmatch(r"Eintrag (\d+)(?: \(.*\))?", part, re.S)
        parts.append(f"[{int(number[1]) - 1}]" if number else f".{part}")
    return "".join(parts).lstrip(".")


def hostile_data(target: Path) -> Angriffe:
    """The complete test data with every text field attacked; fields the loader refuses for such a value are
    left as they were (validation already guards them) and listed in ``abgewiesen``."""
    originals = {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in FIXTURE_DATA.glob("*.yml")}
    neueste = max(originals["quellen"], key=lambda q: str(q["zeit"].get("datum") or q["zeit"].get("bis")))
    angriffe, verboten = Angriffe(quelle=neueste["id"]), set()  # a name needs a current source
    for _ in range(10):
        plan: dict[str, str] = {}
        for key, (model, is_list) in _file_models().items():
            raw = originals.get(key)
            if key == "regionalkonferenzen":  # one planned without a date, so a „zeitraum“ is shown too
                raw = raw[:-1] + [{**{k: v for k, v in raw[-1].items() if k not in ("datum", "teilnehmende", "ergebnisse")},
                                   "status": "geplant"}]
            if key == "projekt" and isinstance(raw.get("konferenzen_durchgefuehrt_laut_quelle"), int):
                raw = {**raw, "konferenzen_durchgefuehrt_laut_quelle": raw["konferenzen_durchgefuehrt_laut_quelle"] - 1}
            if raw is None:
                continue
            if is_list:
                attacked = [_attack(model, item, f"{key}[{i}]", angriffe, plan) for i, item in enumerate(raw)]
            else:
                attacked = _attack(model, raw, key, angriffe, plan)
            attacked = _restore(attacked, raw, key, verboten)
            (target / f"{key}.yml").write_text(yaml.safe_dump(attacked, allow_unicode=True, sort_keys=False),
                                               encoding="utf-8")
        try:
            load(target, ROOT / "docs")
        except DatenFehler as error:
            for problem in error.problems:
                path = f"{Path(problem.datei).stem}{'' if problem.feld.startswith('Eintrag') else '.'}" \
                       f"{_problem_path(problem.feld)}"
                angriffe.abgewiesen[path] = problem.meldung
                verboten.add(path)
            continue
        angriffe.felder = {tag: path for path, tag in plan.items()
                           if not any(path == v or path.startswith((f"{v}.", f"{v}[")) for v in verboten)}
        return angriffe
    raise AssertionError(f"Die Angriffe lassen sich nicht laden: {angriffe.abgewiesen}")


def _restore(attacked, original, where: str, verboten: set[str]):
    """Put back the original value wherever the loader refused the attack."""
    if where in verboten:
        return original
    if isinstance(attacked, dict):
        original = original if isinstance(original, dict) else {}
        restored = {}
        for key, value in attacked.items():
            path = f"{where}.{key}"
            if path in verboten:
                if key in original:
                    restored[key] = original[key]
            else:
                restored[key] = _restore(value, original.get(key), path, verboten)
        return restored
    if isinstance(attacked, list) and isinstance(original, list) and len(attacked) == len(original):
        return [_restore(a, o, f"{where}[{i}]", verboten) for i, (a, o) in enumerate(zip(attacked, original))]
    return attacked


@pytest.fixture(scope="module")
def angriffe(tmp_path_factory) -> tuple[Angriffe, Path]:
    data = tmp_path_factory.mktemp("feindliche-daten")
    return hostile_data(data), data


@pytest.fixture(scope="module")
def hostile_site(angriffe, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("feindliche-site")
    result = build_site(target, data_dir=angriffe[1])
    assert result.returncode == 0, result.stderr
    return target


def test_the_walk_attacks_every_kind_of_record(angriffe):
    """Found from the model, not from a list: projects, partners, contacts, conferences, documents, imprint."""
    felder = set(angriffe[0].felder.values())
    for expected in ("projekt.titel", "quellen[0].betreff", "quellen[0].zeit.begruendung", "regionalkonferenzen[0].zitat",
                     "projekt.pressekontakt.name", "partner[0].name", "partner[0].rolle", "partner[0].kontakt.email",
                     "regionalkonferenzen[0].ort", "regionalkonferenzen[0].zusammenfassung",
                     "regionalkonferenzen[0].ergebnisse", "regionalkonferenzen[0].dokumente[0].titel",
                     "impressum.anschrift", "impressum.hosting"):
        assert expected in felder, expected
    assert len(felder) > 150
    # What the loader refuses never reaches a page: the ids and addresses, the town that must match its id.
    assert "regionalkonferenzen[0].stadt" in angriffe[0].abgewiesen


def _found(text: str) -> set[str]:
    return set(re.findall(rf"{TAG}\d{{3}}", text))


def html_pages(site: Path) -> dict[str, BeautifulSoup]:
    return {str(path.relative_to(site)): BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            for path in sorted(site.rglob("*.html"))}


def _no_markup_from_attacks(name: str, page: BeautifulSoup) -> None:
    assert page.select(".hk-angriff") == [], name
    assert page.find_all(attrs={"onerror": True}) == [] and page.find_all(attrs={"onclick": True}) == [], name
    assert page.find_all("img", src="x") == [], name
    for script in page.find_all("script"):  # only the theme's files and inert JSON data
        assert script.get("src") or script.get("type") in ("application/json", "application/ld+json"), (name, script)
        if not script.get("src"):
            assert "<" not in script.string and json.loads(script.string), name
    for element in page.find_all(lambda tag: tag.has_attr("href") or tag.has_attr("src")):
        for adresse in (element.get("href"), element.get("src")):  # entities are decoded by the parser already
            gelesen = re.sub(r"[\x00-\x20\x7f]", "", adresse or "").lower()  # what a browser skips
            assert not gelesen.startswith(GEFAEHRLICH), (name, element)


def test_every_attacked_field_reaches_readers_only_as_text(angriffe, hostile_site):
    """HTML pages (with JSON-LD and meta tags), the Atom feed, the calendars, the search index and every
    open-data export (JSON, CSV): the attack is there as text, and nowhere as markup or a calendar line."""
    gesehen: dict[str, set[str]] = {}
    for name, page in html_pages(hostile_site).items():
        _no_markup_from_attacks(name, page)
        assert "14133" not in page.get_text(), name  # {{ 4711*3 }} was never evaluated
        text = page.get_text() + " ".join(" ".join(str(v) for v in tag.attrs.values()) for tag in page.find_all(True))
        for script in page.find_all("script", type="application/ld+json"):
            text += json.dumps(json.loads(script.string), ensure_ascii=False)
        gesehen.setdefault("HTML", set()).update(_found(text))
    feed = hostile_site / "aktuelles" / "feed.xml"
    root = ElementTree.fromstring(feed.read_bytes())  # well-formed: no element smuggled in
    assert {element.tag.split("}")[1] for element in root.iter()} <= {
        "feed", "title", "subtitle", "id", "updated", "link", "author", "name", "entry", "summary", "rights",
        "generator", "icon", "logo", "uri", "email", "category", "content", "published"}
    gesehen["Atom"] = _found(" ".join(element.text or "" for element in root.iter()))
    for path in sorted(hostile_site.rglob("*.ics")):
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        for component in calendar.walk():
            assert not any(key.startswith("X-ANGRIFF") for key in component), path
        gesehen.setdefault("ICS", set()).update(_found(path.read_bytes().decode("utf-8").replace("\r\n ", "")))
    index = json.loads((hostile_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:  # Material shows titles and text of search results as HTML
        for key in ("title", "text"):
            _no_markup_from_attacks(f"search_index.json {doc['location']}", BeautifulSoup(doc[key], "html.parser"))
    for path in sorted(set(hostile_site.rglob("*.json")) - {hostile_site / "search" / "search_index.json"}):
        gesehen.setdefault("JSON", set()).update(_found(json.dumps(json.loads(path.read_text(encoding="utf-8")),
                                                                   ensure_ascii=False)))
    for path in sorted(hostile_site.rglob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            cells = [cell for row in csv.reader(handle) for cell in row]
        assert not any(cell.startswith(("=", "+", "-", "@")) and TAG in cell for cell in cells), path
        gesehen.setdefault("CSV", set()).update(_found(" ".join(cells)))
    for output in ("HTML", "Atom", "ICS"):
        assert gesehen.get(output), f"{output}: kein angegriffenes Feld kommt an – der Test prüft dort nichts"
    felder = angriffe[0].felder
    angekommen = _generic({felder[tag] for tag in set().union(*gesehen.values()) if tag in felder})
    nirgends = _generic(set(felder.values())) - angekommen  # a field counts once any record of it arrived
    assert nirgends <= set(NICHT_ANGEZEIGT), " ".join(sorted(nirgends - set(NICHT_ANGEZEIGT)))


def _generic(paths: set[str]) -> set[str]:
    """``partner[3].kontakt.name`` → ``partner[].kontakt.name``: one entry per field, not per record."""
    return {re.sub(r"\[\d+\]", "[]", path) for path in paths}


#: Text fields that reach no output today (checked 2026-12-02); the chapters tell these facts in their own words.
#: Every other attacked field must reach some output, so the attack is known to have been tried there.
NICHT_ANGEZEIGT = {
    "projekt.arbeitsgruppe_kommunal": "Nur Daten; das Kapitel Projektorganisation beschreibt die Arbeitsgruppe selbst.",
    "projekt.aufgaben_projektleitung": "Nur Daten; das Kapitel beschreibt die Aufgaben selbst.",
    "projekt.foerderprogramm": "Nur Daten; die Kapitel nennen das Förderprogramm im Text.",
    "projekt.projektleitung": "Nur Daten; die Kapitel nennen die Projektleitung im Text.",
    "projekt.projektleitung_stellenanteil": "Nur Daten; die Kapitel nennen den Stellenanteil im Text.",
}


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
    page.write_text(page_text("Neu", "Erster Absatz.\n\nHier fehlt etwas: {{ stand( \n\nLetzter Absatz.\n"),
                    encoding="utf-8")
    result = subprocess.run(["make", "site"], cwd=repo_copy, capture_output=True, text=True, timeout=300)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/neu.md, Zeile 11" in output
    assert "Platzhalter" in output and "Traceback" not in output
    assert not (repo_copy / "site").exists() and not list(repo_copy.glob(".site-*"))  # nothing published


def test_unknown_macro_names_page_and_line_without_traceback(repo_copy, tmp_path):
    (repo_copy / "docs" / "neu.md").write_text(
        page_text("Neu", "{{ statusuebersich() }}\n"), encoding="utf-8")
    result = build_copy(repo_copy, tmp_path / "out")
    assert result.returncode != 0
    assert "docs/neu.md, Zeile 9" in result.stderr and "„statusuebersich“ ist kein bekannter Platzhalter" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_unclosed_comment_names_its_own_line_in_german(repo_copy, tmp_path):
    """An earlier, correct ``{{ … }}`` does not draw the line number away from the unclosed ``{#``."""
    (repo_copy / "docs" / "neu.md").write_text(
        page_text("Neu", "Zeit: {{ quellenzeit() }}\n\nHier {# ein Kommentar ohne Ende\n\nLetzter Absatz.\n"),
        encoding="utf-8")
    result = build_copy(repo_copy, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/neu.md, Zeile 11: " in output
    assert "Ein Kommentar „{#“ wird nicht mit „#}“ geschlossen." in output
    assert "Error reading page" not in output and "Traceback" not in output
    deutsch = output[output.index("docs/neu.md, Zeile 11"):].split("(technische Angabe:")[0]
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
    from handlungskonzept.daten import macro_errors

    text, original = macro_errors.cause(_jinja_report(template, stand=lambda: "heute"))
    assert german in text
    assert not ENGLISCH.search(text), text
    assert original  # Jinja's own words stay available as „technische Angabe“


def test_opening_line_includes_comments():
    from handlungskonzept.daten.macro_errors import opening_line

    body = ["{{ stand() }}", "", "Hier {# offen", "", "Ende"]
    assert opening_line(body, 3) == 3 and opening_line(body, 5) == 3 and opening_line(body, 2) == 1


def _heute() -> str:
    return "heute"


def _boom():
    raise MakroFehler("Eine Regionalkonferenz „x“ gibt es nicht. Erlaubt sind: a, b.")


@pytest.mark.parametrize("template, german, original, line", [
    ('a {# Kommentar\n\nb',
     'Ein Kommentar „{#“ wird nicht mit „#}“ geschlossen.',
     'Missing end of comment tag', 1),
    ('{% if true %}\nText',
     'Der Block „{% if … %}“ wird nicht abgeschlossen: Es fehlt „{% endif %}“.',
     "Unexpected end of template. Jinja was looking for the following tags: 'elif' or 'else' or 'endif'. The innermost block that needs to be closed is 'if'.", 1),
    ('{{ stand()',
     'Der Platzhalter wird bis zum Ende der Seite nicht geschlossen: Es fehlt „}}“.',
     "unexpected end of template, expected 'end of print statement'.", 1),
    ('{{ stand(',
     'Der Platzhalter wird bis zum Ende der Seite nicht geschlossen: Es fehlt „}}“.',
     "unexpected 'end of template'", 1),
    ('{{ "a" ~ }}',
     'Das Zeichen „}}“ steht an einer Stelle, an der es nicht passt (fehlt davor eine Klammer, oder ist eine zu viel?).',
     "unexpected 'end of print statement'", 1),
    ('{{ 3 } }}',
     'Das Zeichen „}“ steht an einer Stelle, an der es nicht passt (fehlt davor eine Klammer, oder ist eine zu viel?).',
     "unexpected '}'", 1),
    ('{{ stand( }}',
     'Das Zeichen „}“ steht an einer Stelle, an der es nicht passt (fehlt davor eine Klammer, oder ist eine zu viel?). Erwartet wurde hier „)“.',
     "unexpected '}', expected ')'", 1),
    ('{{ stand(\n\nLetzter Absatz.',
     'Im Platzhalter fehlt „,“ vor „Absatz“ – etwa eine schließende Klammer „)“, ein Komma oder „}}“.',
     "expected token ',', got 'Absatz'", 3),
    ('{{ stand() x }}',
     'Im Platzhalter fehlt „}}“ vor „x“ – etwa eine schließende Klammer „)“, ein Komma oder „}}“.',
     "expected token 'end of print statement', got 'x'", 1),
    ('{{ offen("was fehlt) }}',
     'Ein Anführungszeichen im Platzhalter wird nicht geschlossen.',
     'unexpected char \'"\' at 9', 1),
    ('{% abschnitt %}',
     '„{% abschnitt %}“ ist kein bekannter Befehl.',
     "Encountered unknown tag 'abschnitt'.", 1),
    ('{{ statusuebersich() }}',
     '„statusuebersich“ ist kein bekannter Platzhalter. Die Bausteine sind in macros/components/<name>/README.md beschrieben.',
     "UndefinedError: 'statusuebersich' is undefined", 1),
    ('{{ stand().jahr }}',
     '„jahr“ gibt es bei diesem Platzhalter nicht. Die Bausteine sind in macros/components/<name>/README.md beschrieben.',
     "UndefinedError: 'str object' has no attribute 'jahr'", 1),
    ('{{ stand(1, 2) }}',
     'Der Platzhalter wurde mit falschen Angaben in den runden Klammern aufgerufen (eine fehlt, eine ist zu viel oder unbekannt). Die Bausteine sind in macros/components/<name>/README.md beschrieben.',
     'TypeError: _heute() takes 0 positional arguments but 2 were given', 1),
    ('{{ boom() }}',
     'Eine Regionalkonferenz „x“ gibt es nicht. Erlaubt sind: a, b.',
     None, 1),
    ('{% for x in %}{% endfor %}',
     'Im Platzhalter fehlt ein Wert vor „%}“.',
     "Expected an expression, got 'end of statement block'", 1),
    ('{{ 1/0 }}',
     'Der Platzhalter ließ sich nicht ausführen.',
     'ZeroDivisionError: division by zero', 1),
])
def test_each_jinja_error_has_its_whole_german_explanation(template, german, original, line):
    """The whole text, not a fragment: a changed word in an explanation is a changed explanation."""
    from handlungskonzept.daten import macro_errors

    report = _jinja_report(template, stand=_heute, boom=_boom)
    assert macro_errors.cause(report) == (german, original)
    assert macro_errors.report_line(report) == line
