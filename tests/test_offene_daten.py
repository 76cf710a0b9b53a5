"""Open data: every export parses and matches its published schema, the catalogue passes GovData's
DCAT-AP.de shapes, and the pages point at the same files."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import jsonschema
import pyshacl
import pytest
from conftest import FIXTURE_DATA, MOVED_SITE_URL, ROOT, offen, shared, soup
from rdflib import RDF, Graph, Literal, URIRef
from rdflib import namespace as ns

from handlungskonzept.ausgaben import katalog, katalog_rdf, offene_daten
from handlungskonzept.daten.loader import load
from handlungskonzept.daten.model import Lizenz, OffenerPunkt, PartnerArt

SHAPES = shared("dcat-ap-de")
#: GovData's profile "Spezifikation + Konventionen" (see its README).
PROFIL = ["dcat-ap-de-imports", "dcat-ap-spec-german-messages", "dcat-ap-spec-german-additions",
          "dcat-ap-de-deprecated", "dcat-ap_2.1.1_shacl_shapes", "dcat-ap-konventionen"]
VOKABULAR = ROOT / "tests" / "fixtures" / "dcat-ap-de" / "vokabular.ttl"
SH = "http://www.w3.org/ns/shacl#"

REAL = load(ROOT / "data", ROOT / "docs").daten
FIXTURE = load(FIXTURE_DATA, ROOT / "docs").daten
DATEN = {"site": REAL, "fixture_site": FIXTURE}


@pytest.fixture(params=["site", "fixture_site"])
def built(request) -> tuple[Path, object]:
    """A built site with the data it was built from."""
    return request.getfixturevalue(request.param), DATEN[request.param]


def read_csv(site: Path, export) -> tuple[bytes, list[list[str]]]:
    raw = (site / export.pfad("csv")).read_bytes()
    return raw, list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))


def read_json(site: Path, path: str):
    return json.loads((site / path).read_text(encoding="utf-8"))


def cast(field: dict, cell: str) -> object:
    """A CSV cell read as the Table Schema says; raises ValueError when it does not fit."""
    if cell in ("",):
        if field.get("constraints", {}).get("required"):
            raise ValueError(f"{field['name']}: Pflichtwert fehlt")
        return None
    if field["type"] == "integer":
        return int(cell)
    if field["type"] == "date":
        return dt.date.fromisoformat(cell)
    if field["type"] == "boolean":
        if cell not in field["trueValues"] + field["falseValues"]:
            raise ValueError(f"{field['name']}: {cell!r} ist kein Wahrheitswert")
        return cell in field["trueValues"]
    if field.get("format") == "uri" and not urlsplit(cell).scheme.startswith("http"):
        raise ValueError(f"{field['name']}: {cell!r} ist keine Adresse")
    if cell not in field.get("constraints", {}).get("enum", [cell]):
        raise ValueError(f"{field['name']}: {cell!r} ist kein erlaubter Wert")
    return cell


@pytest.mark.parametrize("export", offene_daten.EXPORTE, ids=lambda e: e.name)
def test_csv_is_rfc4180_and_fits_its_table_schema(built, export):
    site, daten = built
    raw, rows = read_csv(site, export)
    assert not raw.startswith(b"\xef\xbb\xbf"), "UTF-8 ohne BOM"
    assert raw.endswith(b"\r\n") and raw.count(b"\r\n") >= len(rows)
    schema = read_json(site, export.pfad("csv.schema.json"))
    fields = schema["fields"]
    header, *body = rows
    assert header == [f["name"] for f in fields]
    assert all(f["title"] and f["description"] for f in fields) and schema["title"] and schema["description"]
    assert len(body) == len(getattr(daten, export.name))
    for row in body:
        assert len(row) == len(fields)
        for field, cell in zip(fields, row):
            cast(field, cell)
    ids = [row[header.index("id")] for row in body]
    assert schema["primaryKey"] == ["id"] and len(set(ids)) == len(ids)


@pytest.mark.parametrize("export", offene_daten.EXPORTE, ids=lambda e: e.name)
def test_json_fits_its_json_schema_and_says_what_the_csv_says(built, export):
    site, _daten = built
    schema = read_json(site, export.pfad("json.schema.json"))
    jsonschema.Draft202012Validator.check_schema(schema)
    records = read_json(site, export.pfad("json"))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(records)
    _raw, (header, *body) = read_csv(site, export)
    assert [list(r) for r in records] == [header] * len(records)
    for record, row in zip(records, body):
        for name, cell in zip(header, row):
            value = record[name]
            expected = offene_daten.TRENNER.join(value) if isinstance(value, list) else value
            if isinstance(value, bool):
                expected = offene_daten.JA if value else offene_daten.NEIN
            assert cell == ("" if expected is None else str(expected)), name


def test_every_row_names_its_source_and_period(built):
    site, daten = built
    for export in offene_daten.EXPORTE:
        for record, row in zip(getattr(daten, export.name), read_json(site, export.pfad("json"))):
            quelle = daten.quelle(record.quelle)
            assert (row["quelle_id"], row["quelle_titel"], row["quelle_zeitangabe"]) == (
                quelle.id, quelle.titel, quelle.zeitangabe)
            assert (row["quelle_von"], row["quelle_bis"]) == (quelle.zeit.anfang.isoformat(),
                                                            quelle.zeit.ende.isoformat())


def test_open_values_stay_empty_and_say_what_is_missing():
    hilden = FIXTURE.konferenz("hilden").model_copy(update={"ort": OffenerPunkt(offen="Raum in Hilden")})
    daten = FIXTURE.model_copy(update={"regionalkonferenzen": [hilden]})
    [row] = offene_daten.EXPORTE[0].zeilen(daten, "https://example.org/")
    assert row["ort"] is None
    assert row["offene_angaben"] == ["ort: Raum in Hilden"]


def test_a_conference_without_organiser_has_empty_organiser_columns():
    hilden = FIXTURE.konferenz("hilden").model_copy(update={"veranstalter": None})
    [row] = offene_daten.EXPORTE[0].zeilen(FIXTURE.model_copy(update={"regionalkonferenzen": [hilden]}),
                                           "https://example.org/")
    assert (row["id"], row["veranstalter_id"], row["veranstalter"]) == ("hilden", None, None)


def test_real_data_invent_nothing(site):
    rows = read_json(site, offene_daten.EXPORTE[0].pfad("json"))
    assert all(row["datum"] is None and row["teilnehmende"] is None for row in rows)
    assert {row["status"] for row in rows} == {k.status.value for k in REAL.regionalkonferenzen}


def shapes() -> Graph:
    graph = Graph()
    for name in PROFIL:
        graph.parse(SHAPES / f"{name}.ttl")
    return graph


def validate(path: Path) -> tuple[bool, set[tuple[str, str]]]:
    """pyshacl with GovData's profile; returns whether it conforms and (severity, message) per finding."""
    data = Graph().parse(path).parse(VOKABULAR)
    conforms, report, _text = pyshacl.validate(data, shacl_graph=shapes(), inference="rdfs", do_owl_imports=False,
                                               allow_warnings=True)
    findings = {(str(report.value(r, URIRef(SH + "resultSeverity"))).removeprefix(SH),
                 str(report.value(r, URIRef(SH + "resultMessage"))).split(":", 1)[0])
                for r in report.subjects(RDF.type, URIRef(SH + "ValidationResult"))}
    return conforms, findings


#: What GovData recommends beyond the data: the dates of publication and change of a data set.
#: Neither is known without a clock (and a publication), so they stay out; only these may remain.
EMPFEHLUNGEN = {("Warning", "KXX"), ("Info", "dcat")}


@pytest.mark.parametrize("name", ["katalog.ttl", "katalog.rdf"])
def test_complete_catalogue_conforms_to_dcat_ap_de(fixture_site, name):
    conforms, findings = validate(fixture_site / "offene-daten" / name)
    assert conforms and findings <= EMPFEHLUNGEN, findings


def test_real_catalogue_lacks_exactly_what_the_kreis_must_still_decide(site):
    """Licence and GovData id are open items: the catalogue leaves them out instead of guessing."""
    assert isinstance(REAL.datenkatalog.lizenz, OffenerPunkt) and isinstance(REAL.datenkatalog.bereitsteller,
                                                                             OffenerPunkt)
    conforms, findings = validate(site / "offene-daten" / "katalog.ttl")
    assert not conforms
    assert {f for f in findings if f[0] == "Violation"} == {("Violation", "K12&13"), ("Violation", "K31")}


def statements(path: Path) -> set[tuple]:
    """The triples with literals by value (Turtle writes the decimal 6711 as ``6711.0``); no blank nodes."""
    return {(s, p, (o.value, o.datatype, o.language) if isinstance(o, Literal) else o)
            for s, p, o in Graph().parse(path)}


def test_turtle_and_rdf_xml_say_the_same(fixture_site):
    folder = fixture_site / "offene-daten"
    assert statements(folder / "katalog.ttl") == statements(folder / "katalog.rdf")


def sources(daten, export) -> list:
    """The sources the records of an export cite."""
    return [daten.quelle(i) for i in sorted({r.quelle for r in getattr(daten, export.name)})]


def test_catalogue_describes_the_published_files(fixture_site):
    g = Graph().parse(fixture_site / "offene-daten" / "katalog.ttl")
    base = g.value(predicate=RDF.type, object=ns.DCAT.Catalog).split("offene-daten/")[0]
    datasets = set(g.subjects(RDF.type, ns.DCAT.Dataset))
    assert len(datasets) == len(offene_daten.EXPORTE)
    for export in offene_daten.EXPORTE:
        dataset = URIRef(f"{base}offene-daten/#{export.name}")
        assert dataset in datasets
        assert g.value(dataset, katalog_rdf.DCATDE.politicalGeocodingURI) == URIRef(
            "http://dcat-ap.de/def/politicalGeocoding/districtKey/05158")
        assert g.value(dataset, katalog_rdf.DCATDE.contributorID) == URIRef(FIXTURE.datenkatalog.bereitsteller)
        zeiten = {(g.value(z, ns.DCAT.startDate).value, g.value(z, ns.DCAT.endDate).value)
                  for z in g.objects(dataset, ns.DCTERMS.temporal)}
        assert zeiten == {(q.zeit.anfang, q.zeit.ende) for q in sources(FIXTURE, export)}
        distributions = list(g.objects(dataset, ns.DCAT.distribution))
        assert len(distributions) == 2
        for distribution in distributions:
            download = str(g.value(distribution, ns.DCAT.downloadURL))
            file = fixture_site / download.removeprefix(base)
            assert file.is_file(), download
            assert g.value(distribution, ns.DCAT.byteSize).value == file.stat().st_size
            assert g.value(distribution, ns.DCTERMS.license) == URIRef(Lizenz.dl_by_de.uri)
            schema = str(g.value(distribution, ns.DCTERMS.conformsTo))
            assert (fixture_site / schema.removeprefix(base)).is_file()


def test_addresses_follow_site_url(fixture_site_moved):
    g = Graph().parse(fixture_site_moved / "offene-daten" / "katalog.ttl")
    downloads = [str(o) for o in g.objects(None, ns.DCAT.downloadURL)]
    assert downloads and all(url.startswith(MOVED_SITE_URL + "offene-daten/") for url in downloads)
    rows = read_json(fixture_site_moved, "offene-daten/partner.json")
    assert all(row["seite"].startswith(MOVED_SITE_URL) for row in rows)


def datasets_on_page(site: Path) -> list[dict]:
    blocks = [json.loads(s.string) for s in soup(site, "offene-daten").find_all("script", type="application/ld+json")]
    return [b for b in blocks if b.get("@type") == "Dataset"]


def test_jsonld_datasets_point_at_the_catalogued_files(built):
    site, daten = built
    g = Graph().parse(site / "offene-daten" / "katalog.ttl")
    found = datasets_on_page(site)
    assert [d["name"] for d in found] == [e.titel for e in offene_daten.EXPORTE]
    for dataset, export in zip(found, offene_daten.EXPORTE):
        assert dataset["@context"] == "https://schema.org"
        urls = {d["contentUrl"] for d in dataset["distribution"]}
        node = next(s for s in g.subjects(RDF.type, ns.DCAT.Dataset) if str(s).endswith(f"#{export.name}"))
        assert urls == {str(g.value(d, ns.DCAT.downloadURL)) for d in g.objects(node, ns.DCAT.distribution)}
        zeiten = [q.zeit for q in sources(daten, export)]
        assert dataset["temporalCoverage"] == (f"{min(z.anfang for z in zeiten).isoformat()}/"
                                               f"{max(z.ende for z in zeiten).isoformat()}")
        assert ("license" in dataset) == isinstance(daten.datenkatalog.lizenz, Lizenz)


def local_targets(site: Path, url: str) -> set[str]:
    """Site-relative paths of every local link on a page."""
    page = soup(site, url)
    base = "https://x.invalid/" + url
    return {urlsplit(urljoin(base, a["href"])).path.lstrip("/") for a in page.select("article a[href]")
            if not urlsplit(a["href"]).scheme}


def test_open_data_page_links_every_file_and_is_in_the_menu(built):
    site, _daten = built
    targets = local_targets(site, "offene-daten/")
    published = {p.relative_to(site).as_posix() for p in (site / "offene-daten").iterdir()
                 if p.name != "index.html" and p.suffix != ".gz"}  # .gz: nginx's pre-compressed copies
    assert published == {f"offene-daten/{name}" for name in (
        *(f"{e.name}.{end}" for e in offene_daten.EXPORTE
          for end in ("csv", "json", "csv.schema.json", "json.schema.json")), "katalog.ttl", "katalog.rdf")}
    assert published <= targets
    menu = soup(site, "").find("nav", class_="md-nav--primary")
    assert any(a.get_text(strip=True) == "Offene Daten" for a in menu.find_all("a"))


@pytest.mark.parametrize("url, export", [("partner/", "partner"), ("regionalkonferenzen/", "regionalkonferenzen")])
def test_pages_link_their_data(site, url, export):
    targets = local_targets(site, url)
    assert {f"offene-daten/{export}.csv", f"offene-daten/{export}.json", "offene-daten/"} <= targets


def test_make_offen_lists_what_the_catalogue_still_needs():
    out = offen(ROOT).stdout
    for text in ("Lizenz der offenen Daten", "contributorID", "Kreisschlüssel 05158", "Video in Deutscher Gebärdensprache"):
        assert any(text in line and line.startswith("data/") for line in out.splitlines()), text


#: The files the complete test data give at https://www.beispiel.test/, byte for byte. When an export changes on
#: purpose, write them again (``offene_daten.dateien`` and ``katalog.dateien`` for FIXTURE) and read the diff.
ERWARTET = ROOT / "tests" / "fixtures" / "erwartet"


@pytest.fixture  # per test, not per module: so make mutation counts each test as running the code it checks
def veroeffentlicht() -> dict[str, bytes]:
    inhalte = offene_daten.dateien(FIXTURE, "https://www.beispiel.test/")
    return inhalte | katalog.dateien(FIXTURE, "https://www.beispiel.test/", inhalte)


def test_exactly_these_files_are_published(veroeffentlicht):
    assert sorted(veroeffentlicht) == sorted(p.relative_to(ERWARTET).as_posix()
                                             for p in (ERWARTET / "offene-daten").iterdir())


@pytest.mark.parametrize("name", sorted(p.name for p in (ERWARTET / "offene-daten").iterdir()))
def test_each_file_says_exactly_what_was_reviewed(veroeffentlicht, name):
    assert veroeffentlicht[f"offene-daten/{name}"].decode("utf-8") == (
        ERWARTET / "offene-daten" / name).read_bytes().decode("utf-8")


def test_downloads_state_format_path_and_size(veroeffentlicht):
    assert offene_daten.downloads(offene_daten.EXPORTE[1], veroeffentlicht) == [
        {"format": "CSV", "pfad": "offene-daten/partner.csv", "groesse": "3,2 KB", "schema_name": "Table Schema",
         "schema_pfad": "offene-daten/partner.csv.schema.json", "schema_groesse": "3,9 KB"},
        {"format": "JSON", "pfad": "offene-daten/partner.json", "groesse": "5,3 KB", "schema_name": "JSON Schema",
         "schema_pfad": "offene-daten/partner.json.schema.json", "schema_groesse": "3,8 KB"}]


def test_column_types_in_the_words_of_the_page():
    assert [(s.name, s.typ_text) for s in offene_daten.EXPORTE[1].spalten][:8] == [
        ("id", "Text"), ("name", "Text"), ("art", "Text"), ("art_text", "Text"), ("rolle", "Text"),
        ("website", "Internetadresse"), ("arbeitsgruppe", "„ja“ oder „nein“"), ("seite", "Internetadresse")]
    konferenzen = {s.name: s.typ_text for s in offene_daten.EXPORTE[0].spalten}
    assert (konferenzen["datum"], konferenzen["teilnehmende"], konferenzen["ergebnisse"]) == (
        "Datum (JJJJ-MM-TT)", "ganze Zahl", "Liste von Texten")


def offener_katalog(**felder):
    """The complete test data with fields of datenkatalog.yml or impressum.yml replaced."""
    katalog_felder = {k: v for k, v in felder.items() if k != "email"}
    daten = FIXTURE.model_copy(update={"datenkatalog": FIXTURE.datenkatalog.model_copy(update=katalog_felder)})
    if "email" in felder:
        daten = daten.model_copy(update={"impressum": FIXTURE.impressum.model_copy(update={"email": felder["email"]})})
    return daten


def triples(daten, subject: str, predicate) -> list[str]:
    g = katalog_rdf.graph(daten, "https://www.beispiel.test/", offene_daten.dateien(daten, "https://www.beispiel.test/"))
    return sorted(str(o) for o in g.objects(URIRef(subject), predicate))


DCATDE = "http://dcat-ap.de/def/dcatde/"
CSV_VERTEILUNG = "https://www.beispiel.test/offene-daten/#partner-csv"


def test_an_open_licence_or_contributor_is_left_out_of_the_catalogue():
    offen = OffenerPunkt(offen="noch festlegen")
    daten = offener_katalog(lizenz=offen, bereitsteller=offen, email=offen)
    assert triples(daten, CSV_VERTEILUNG, ns.DCTERMS.license) == []
    assert triples(daten, CSV_VERTEILUNG, URIRef(DCATDE + "licenseAttributionByText")) == []
    assert triples(daten, "https://www.beispiel.test/offene-daten/#partner", URIRef(DCATDE + "contributorID")) == []
    assert triples(daten, "https://www.beispiel.test/offene-daten/#kontakt", URIRef("http://www.w3.org/2006/vcard/ns#hasEmail")) == []
    assert "license" not in katalog.dataset_jsonld(daten, "https://www.beispiel.test/", offene_daten.EXPORTE[1],
                                                   offene_daten.dateien(daten, "https://www.beispiel.test/"))


def test_a_licence_without_attribution_names_no_one():
    daten = offener_katalog(lizenz=Lizenz.dl_zero_de)
    assert triples(daten, CSV_VERTEILUNG, ns.DCTERMS.license) == ["http://dcat-ap.de/def/licenses/dl-zero-de/2.0"]
    assert triples(daten, CSV_VERTEILUNG, URIRef(DCATDE + "licenseAttributionByText")) == []


def test_the_dataset_for_search_engines_points_at_the_catalogued_files(veroeffentlicht):
    assert katalog.dataset_jsonld(FIXTURE, "https://www.beispiel.test/", offene_daten.EXPORTE[1], veroeffentlicht) == {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": "Partner des Handlungskonzepts gegen Rechtsextremismus und Rassismus",
        "description": "Die Partner und Beteiligten des Handlungskonzepts mit ihrer Rolle, jeweils mit der Quelle und "
                       "der Zeit, für die die Quelle spricht. Kontaktangaben stehen auf den Seiten, nicht in den Daten.",
        "url": "https://www.beispiel.test/offene-daten/#partner",
        "inLanguage": "de",
        "isAccessibleForFree": True,
        "keywords": ["Rechtsextremismus", "Rassismus", "Prävention", "Regionalkonferenz", "Kreis Mettmann"],
        "publisher": {"@type": "Organization", "name": "Kreis Mettmann"},
        "temporalCoverage": "2017-02-01/2020-10-31",
        "spatialCoverage": {"@type": "Place", "name": "Kreis Mettmann",
                            "sameAs": "http://dcat-ap.de/def/politicalGeocoding/districtKey/05158"},
        "includedInDataCatalog": {"@type": "DataCatalog",
                                  "name": "Offene Daten – Handlungskonzept gegen Rechtsextremismus und Rassismus",
                                  "url": "https://www.beispiel.test/offene-daten/katalog.ttl"},
        "distribution": [
            {"@type": "DataDownload", "name": "Partner des Handlungskonzepts gegen Rechtsextremismus und Rassismus (CSV)",
             "encodingFormat": "text/csv", "contentUrl": "https://www.beispiel.test/offene-daten/partner.csv",
             "contentSize": "3298 B"},
            {"@type": "DataDownload", "name": "Partner des Handlungskonzepts gegen Rechtsextremismus und Rassismus (JSON)",
             "encodingFormat": "application/json", "contentUrl": "https://www.beispiel.test/offene-daten/partner.json",
             "contentSize": "5464 B"}],
        "license": "http://dcat-ap.de/def/licenses/dl-by-de/2.0",
    }


def test_a_vocabulary_becomes_a_key_column_and_a_words_column():
    schluessel, worte = offene_daten.wortlaut_spalten("art", "Art", "Art des Partners", PartnerArt)
    assert schluessel == offene_daten.Spalte(
        "art", "Art (Schlüssel)", "Art des Partners, als Schlüssel.", pflicht=True,
        werte=("kreis", "behoerde", "kommune", "verband", "institut", "ministerium"))
    assert worte == offene_daten.Spalte(
        "art_text", "Art", "Art des Partners, in Worten wie auf den Seiten.", pflicht=True,
        werte=("Kreis Mettmann", "Behörden", "Kommunale Partner", "Verbände", "Fachinstitute",
               "Ministerium mit dem Förderaufruf"))
    assert (schluessel.typ, schluessel.liste, schluessel.adresse) == ("string", False, False)


def test_the_catalogue_graph_answers_queries_by_predicate_and_object(veroeffentlicht):
    g = katalog_rdf.graph(FIXTURE, "https://www.beispiel.test/", veroeffentlicht)
    assert list(g.subjects(RDF.type, URIRef("http://www.w3.org/ns/dcat#Dataset"))) == [
        URIRef("https://www.beispiel.test/offene-daten/#partner"),
        URIRef("https://www.beispiel.test/offene-daten/#regionalkonferenzen")]
    assert list(g.subjects(ns.FOAF.name, Literal("Kreis Mettmann", lang="de"))) == [
        URIRef("https://www.beispiel.test/impressum/#herausgeber")]
    assert [str(p) for p, _ in g.predicate_objects(URIRef("https://www.beispiel.test/impressum/#herausgeber"))] == [
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "http://xmlns.com/foaf/0.1/name"]


def test_open_items_of_nested_records_are_named_by_their_path():
    from handlungskonzept.daten.model import Kontakt

    kontakt = Kontakt(name=OffenerPunkt(offen="Stelle benennen"), telefon="02104 99-0",
                      email=OffenerPunkt(offen="Postfach einrichten"))
    projekt = FIXTURE.projekt.model_copy(update={"pressekontakt": kontakt})
    assert offene_daten.offene_angaben(projekt) == ["pressekontakt.name: Stelle benennen",
                                                    "pressekontakt.email: Postfach einrichten"]
    assert offene_daten.offene_angaben(kontakt, "k.") == ["k.name: Stelle benennen", "k.email: Postfach einrichten"]
    stelle = FIXTURE.impressum.vertretungsberechtigt.model_copy(update={"name": OffenerPunkt(offen="Landrat nennen")})
    impressum = FIXTURE.impressum.model_copy(update={"anschrift": OffenerPunkt(offen="Anschrift eintragen"),
                                                     "vertretungsberechtigt": stelle})
    assert offene_daten.offene_angaben(impressum) == ["anschrift: Anschrift eintragen",
                                                      "vertretungsberechtigt.name: Landrat nennen"]
