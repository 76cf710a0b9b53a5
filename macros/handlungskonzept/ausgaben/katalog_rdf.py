"""The DCAT-AP.de 2.0 catalogue as RDF, built with ``rdflib``; ``katalog`` imports this module only when the
catalogue is not in the build's store.

Every node has an address under ``/offene-daten/`` (no blank nodes), so the serialised catalogue
is the same bytes for the same data.
"""
from __future__ import annotations

from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF

from ..daten.model import Daten, Lizenz
from ..daten.urls import absolute_url
from .katalog import FORMATE, RDF_XML, SCHLAGWORTE, TTL, kreis_uri, lizenz, quellen
from .offene_daten import EXPORTE, ORDNER

DCATDE = Namespace("http://dcat-ap.de/def/dcatde/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
FILE_TYPE = Namespace("http://publications.europa.eu/resource/authority/file-type/")
LANGUAGE = URIRef("http://publications.europa.eu/resource/authority/language/DEU")
DATA_THEME = "http://publications.europa.eu/resource/authority/data-theme"
#: EU data themes: Regierung und öffentlicher Sektor; Bevölkerung und Gesellschaft.
THEMEN = (URIRef(f"{DATA_THEME}/GOVE"), URIRef(f"{DATA_THEME}/SOCI"))
KREISEBENE = URIRef("http://dcat-ap.de/def/politicalGeocoding/Level/administrativeDistrict")


class _SortedGraph(Graph):
    """Lists subjects and their statements in sorted order: rdflib's RDF/XML writer walks them in
    hash order, which changes with every process; sorted, the same data give the same bytes."""

    def subjects(self, predicate=None, object=None, unique=False):
        return iter(sorted(set(super().subjects(predicate, object))))

    def predicate_objects(self, subject=None, unique=False):
        return iter(sorted(super().predicate_objects(subject)))


def graph(daten: Daten, site_url: str | None, dateien: dict[str, bytes]) -> Graph:
    """The catalogue: one ``dcat:Dataset`` per export, one ``dcat:Distribution`` per file."""
    def uri(path: str) -> URIRef:
        return URIRef(absolute_url(site_url, path))

    g = _SortedGraph()
    for prefix, namespace in (("dcat", DCAT), ("dct", DCTERMS), ("dcatde", DCATDE), ("foaf", FOAF),
                              ("vcard", VCARD)):
        g.bind(prefix, namespace)
    seite = uri(ORDNER)
    impressum = daten.impressum
    herausgeber = uri("impressum/#herausgeber")
    g.add((herausgeber, RDF.type, FOAF.Organization))
    g.add((herausgeber, FOAF.name, Literal(impressum.herausgeber, lang="de")))
    kontakt = uri(f"{ORDNER}#kontakt")
    g.add((kontakt, RDF.type, VCARD.Organization))
    g.add((kontakt, VCARD.fn, Literal(", ".join(filter(None, (impressum.herausgeber, impressum.organisationseinheit))),
                                      lang="de")))
    if isinstance(impressum.email, str):
        g.add((kontakt, VCARD.hasEmail, URIRef(f"mailto:{impressum.email}")))
    g.add((kontakt, VCARD.hasURL, uri("impressum/")))

    katalog = uri(f"{ORDNER}#katalog")
    g.add((katalog, RDF.type, DCAT.Catalog))
    g.add((katalog, DCTERMS.title, Literal(f"Offene Daten – {daten.projekt.kurztitel}", lang="de")))
    g.add((katalog, DCTERMS.description, Literal(
        f"Die Daten der Website zum {daten.projekt.titel}: Regionalkonferenzen und Partner.", lang="de")))
    g.add((katalog, DCTERMS.publisher, herausgeber))
    g.add((katalog, FOAF.homepage, uri("")))
    g.add((katalog, DCTERMS.language, LANGUAGE))
    g.add((katalog, DCAT.themeTaxonomy, URIRef(DATA_THEME)))

    gewaehlt = lizenz(daten)
    bereitsteller = daten.datenkatalog.bereitsteller
    for export in EXPORTE:
        datensatz = uri(f"{ORDNER}#{export.name}")
        g.add((katalog, DCAT.dataset, datensatz))
        for p, o in ((RDF.type, DCAT.Dataset), (DCTERMS.title, Literal(export.titel, lang="de")),
                     (DCTERMS.description, Literal(export.beschreibung, lang="de")),
                     (DCTERMS.identifier, Literal(str(datensatz))), (DCTERMS.publisher, herausgeber),
                     (DCAT.contactPoint, kontakt), (DCAT.landingPage, uri(export.seite)),
                     (DCTERMS.language, LANGUAGE), (DCTERMS.spatial, URIRef(kreis_uri(daten))),
                     (DCATDE.politicalGeocodingURI, URIRef(kreis_uri(daten))),
                     (DCATDE.politicalGeocodingLevelURI, KREISEBENE)):
            g.add((datensatz, p, o))
        if isinstance(bereitsteller, str):
            g.add((datensatz, DCATDE.contributorID, URIRef(bereitsteller)))
        for thema in THEMEN:
            g.add((datensatz, DCAT.theme, thema))
        for wort in SCHLAGWORTE:
            g.add((datensatz, DCAT.keyword, Literal(wort, lang="de")))
        for quelle in quellen(daten, export):
            zeitraum = uri(f"{ORDNER}#zeit-{quelle.id}")
            g.add((datensatz, DCTERMS.temporal, zeitraum))
            g.add((zeitraum, RDF.type, DCTERMS.PeriodOfTime))
            g.add((zeitraum, DCAT.startDate, Literal(quelle.zeit.anfang, datatype=XSD.date)))
            g.add((zeitraum, DCAT.endDate, Literal(quelle.zeit.ende, datatype=XSD.date)))
        for endung, dateityp, medientyp, formatname in FORMATE:
            verteilung = uri(f"{ORDNER}#{export.name}-{endung}")
            g.add((datensatz, DCAT.distribution, verteilung))
            for p, o in ((RDF.type, DCAT.Distribution),
                         (DCTERMS.title, Literal(f"{export.titel} ({formatname})", lang="de")),
                         (DCTERMS.format, FILE_TYPE[dateityp]),
                         (DCAT.mediaType, URIRef(f"http://www.iana.org/assignments/media-types/{medientyp}")),
                         (DCAT.accessURL, seite), (DCAT.downloadURL, uri(export.pfad(endung))),
                         (DCTERMS.conformsTo, uri(export.pfad(f"{endung}.schema.json"))),
                         (DCAT.byteSize, Literal(len(dateien[export.pfad(endung)]), datatype=XSD.decimal)),
                         (DCTERMS.language, LANGUAGE)):
                g.add((verteilung, p, o))
            if gewaehlt:
                g.add((verteilung, DCTERMS.license, URIRef(gewaehlt.uri)))
                if gewaehlt is Lizenz.dl_by_de:
                    g.add((verteilung, DCATDE.licenseAttributionByText, Literal(impressum.herausgeber, lang="de")))
    return g


def dateien(daten: Daten, site_url: str | None, exportdateien: dict[str, bytes]) -> dict[str, bytes]:
    """The catalogue as Turtle and as RDF/XML (harvesters differ in what they read)."""
    g = graph(daten, site_url, exportdateien)
    return {TTL: g.serialize(format="turtle", encoding="utf-8"),
            RDF_XML: g.serialize(format="xml", encoding="utf-8")}
