"""Entry point of mkdocs-macros: the macros editors call in Markdown.

Each macro only picks data and hands it to a component template; no HTML here.
The data itself was loaded once by ``build_hooks.py`` (``config.extra["daten"]``).
"""
from __future__ import annotations

import sys
from pathlib import Path

_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:  # mkdocs-macros loads this file by path, not as a package
    sys.path.insert(0, _HERE)

from markupsafe import Markup, escape  # noqa: E402

from handlungskonzept.ausgaben import calendar_feed, components, feed, katalog, presse  # noqa: E402
from handlungskonzept.ausgaben.dokumente import dateiangabe, groesse_de  # noqa: E402
from handlungskonzept.ausgaben.offene_daten import EXPORTE, downloads  # noqa: E402
from handlungskonzept.daten.model import STAEDTE, Barrierengrund, OffenerPunkt, PartnerArt, Status  # noqa: E402
from handlungskonzept.daten.problems import MakroFehler  # noqa: E402
from handlungskonzept.daten.zaehlung import konferenzzahlen  # noqa: E402


#: What the Impressum page shows; the other fields are contacts for the other legal pages.
IMPRESSUM_ANGABEN = ("herausgeber", "organisationseinheit", "rechtsform", "anschrift", "telefon", "email",
                     "vertretungsberechtigt", "inhaltlich_verantwortlich", "aufsichtsbehoerde", "umsatzsteuer_id")

#: Fields of ``Projekt`` that hold a contact the ``kontakt`` macro may show.
KONTAKT_FELDER = ("pressekontakt",)


def define_env(env) -> None:
    def daten():
        return env.conf["extra"]["daten"].daten

    def base() -> str:
        """Relative path from the current page to the site root."""
        return "../" * env.page.url.count("/")

    def konferenz_id(id: str | None) -> str:
        return id or Path(env.page.file.src_uri).stem

    @env.macro
    def quellenzeit(id: str | None = None) -> str:
        """The time a source speaks for, e.g. „undatiert, verfasst zwischen Februar 2017 und Oktober 2020“."""
        return str(escape(daten().quelle(id).zeitangabe))

    @env.macro
    def quellenverzeichnis() -> Markup:
        """Every source of the site with its issuer, addressees and the time it speaks for."""
        return components.render("quellenverzeichnis", quellen=daten().quellen, base=base())

    @env.macro
    def offen(text: str) -> Markup:
        """Mark something an editor must still supply; readers see a polite note."""
        return components.render("offener-punkt", text=text)

    def site_url() -> str | None:
        """Base of the permanent absolute links the press copies (``urls.absolute_url`` handles a missing one)."""
        return env.conf["site_url"]

    def faktenbox_kontext(id: str | None) -> dict:
        """What the fact box needs; the conference component shows the fact box too."""
        d = daten()
        k = d.konferenz(konferenz_id(id))
        return dict(k=k, quelle=d.quelle(k.quelle), partner=d.partner_by_id(), base=base(),
                    kalender=calendar_feed.termin_pfad(k), projekt=d.projekt)

    @env.macro
    def faktenbox(id: str | None = None) -> Markup:
        return components.render("faktenbox", **faktenbox_kontext(id))

    @env.macro
    def konferenz(id: str | None = None) -> Markup:
        """Everything a conference page shows below its own prose."""
        kontext = faktenbox_kontext(id)
        k, quelle, projekt, url = kontext["k"], kontext["quelle"], kontext["projekt"], site_url()
        docs = Path(env.conf["docs_dir"])
        return components.render(
            "konferenz", **kontext,
            dokumente=[(dok, dateiangabe(docs / dok.pfad) if dok.pfad else None) for dok in k.dokumente],
            permalink=presse.permalink(k, url), zitat=presse.zitierhinweis(k, quelle, url),
            kontakt=projekt.pressekontakt, jsonld=presse.event_jsonld(k, projekt, quelle, kontext["partner"], url))

    def zaehlung_kontext() -> dict:
        """The counts and the sources they rest on, for every component that shows counts."""
        d = daten()
        quellen = d.quellen_by_id()
        genutzt = [quellen[i] for i in dict.fromkeys(k.quelle for k in d.regionalkonferenzen)]
        return dict(zahlen=konferenzzahlen(d), zaehlquellen=genutzt, base=base())

    @env.macro
    def statusuebersicht() -> Markup:
        return components.render("statusuebersicht", konferenzen=daten().regionalkonferenzen,
                                 quellen=daten().quellen_by_id(), **zaehlung_kontext())

    @env.macro
    def konferenzstand(zahlen: bool = True) -> Markup:
        """Counts at a glance plus what the source says about held conferences it does not name."""
        d = daten()
        return components.render("konferenzstand", anzahl=len(d.regionalkonferenzen), projekt=d.projekt,
                                 staedte=STAEDTE, mit_zahlen=zahlen, **zaehlung_kontext())

    @env.macro
    def konferenzadressen() -> Markup:
        """The permanent address of every conference page, for the press."""
        adressen = [(k, presse.permalink(k, site_url())) for k in daten().regionalkonferenzen]
        return components.render("konferenzadressen", adressen=adressen, base=base())

    @env.macro
    def quellenangabe() -> Markup:
        """Page footer: the sources the page retells (front matter ``quellen:``, else the main one) and their time."""
        ids = env.page.meta.get("quellen") or [daten().projekt.quelle]
        return components.render("quellenangabe", quellen=[daten().quelle(i) for i in ids], base=base())

    @env.macro
    def vorgehen() -> Markup:
        """The process from the Förderaufruf to the Handlungskonzept as an accessible diagram."""
        d = daten()
        return components.render("vorgehen", projekt=d.projekt, quelle=d.quelle(), partner=d.partner_by_id(), base=base())

    @env.macro
    def kontakt(feld: str) -> Markup:
        """A functional contact from ``data/projekt.yml`` (``pressekontakt``)."""
        if feld not in KONTAKT_FELDER:
            raise MakroFehler(f"kontakt(„{feld}“): Diese Angabe gibt es nicht. Erlaubt sind: {', '.join(KONTAKT_FELDER)}.")
        return components.render("kontakt", kontakt=getattr(daten().projekt, feld))

    @env.macro
    def entwurf(text: str) -> Markup:
        """Mark editorial text that still needs approval; listed by ``make offen`` like ``offen``."""
        return components.render("entwurf", text=text)

    @env.macro
    def terminliste() -> Markup:
        """Held and planned conferences in calendar order, then the towns without a date yet."""
        konferenzen = daten().regionalkonferenzen
        return components.render(
            "terminliste", datiert=calendar_feed.nach_datum(konferenzen), quellen=daten().quellen_by_id(),
            ohne_datum=[k for k in konferenzen if not k.datum and k.status is not Status.offen],
            base=base(), kalender=calendar_feed.TERMINE_PFAD)

    @env.macro
    def partnerliste(art: str | None = None, anker: bool = False, nur_arbeitsgruppe: bool = False,
                     ebene: int = 2) -> Markup:
        d = daten()
        auswahl = [p for p in d.partner if not nur_arbeitsgruppe or p.id in d.projekt.arbeitsgruppe]
        erlaubt = [a.value for a in PartnerArt]
        if art and art not in erlaubt:
            raise MakroFehler(f"partnerliste(art=„{art}“): Diese Art gibt es nicht. Erlaubt sind: {', '.join(erlaubt)}.")
        arten = [PartnerArt(art)] if art else list(PartnerArt)
        gruppen = [(a, [p for p in auswahl if p.art is a]) for a in arten]
        return components.render("partnerliste", gruppen=[g for g in gruppen if g[1]], ebene=ebene, anker=anker)

    @env.macro
    def impressum(*felder: str) -> Markup:
        """All Impressum details with their source, or only the named fields of ``data/impressum.yml``."""
        angaben = daten().impressum
        return components.render("impressum", zeilen=angaben.zeilen(felder or IMPRESSUM_ANGABEN),
                                 quelle=None if felder else angaben.quelle)

    @env.macro
    def nicht_barrierefrei() -> Markup:
        """The content that is not accessible yet, grouped by the reasons of the EU model statement."""
        inhalte = daten().impressum.nicht_barrierefrei
        gruppen = [(grund, [i for i in inhalte if i.grund is grund]) for grund in Barrierengrund]
        return components.render("nicht-barrierefrei", gruppen=[g for g in gruppen if g[1]])

    @env.macro
    def aktuelles(ebene: int = 2) -> Markup:
        """The news posts, newest first, with the link to the feed."""
        return components.render("beitragsliste", beitraege=env.conf["extra"]["beitraege"], ebene=ebene,
                                 base=base(), feed=base() + feed.PFAD)

    def offene_dateien() -> dict[str, bytes]:
        """The open-data files written by ``offene_daten_hooks.py``; their sizes are stated on the pages."""
        return env.conf["extra"]["offene_daten"]

    @env.macro
    def offene_daten() -> Markup:
        """The open-data page: every data set with its files, columns and schema.org Dataset, then the catalogue."""
        d, inhalte, url = daten(), offene_dateien(), site_url()
        exporte = [{"export": e, "dateien": downloads(e, inhalte),
                    "jsonld": katalog.dataset_jsonld(d, url, e, inhalte)} for e in EXPORTE]
        dateien = [(f"Datenkatalog ({art})", pfad, f"{art}, {groesse_de(len(inhalte[pfad]))}")
                   for art, pfad in (("Turtle", katalog.TTL), ("RDF/XML", katalog.RDF_XML))]
        return components.render("offene-daten", exporte=exporte, katalog=dateien, lizenz=d.datenkatalog.lizenz,
                                 base=base())

    @env.macro
    def datenlink(name: str) -> Markup:
        """On a page whose records are open data: where to download them."""
        namen = [e.name for e in EXPORTE]
        if name not in namen:
            raise MakroFehler(f"datenlink(„{name}“): Diese Daten gibt es nicht. Erlaubt sind: {', '.join(namen)}.")
        export = next(e for e in EXPORTE if e.name == name)
        return components.render("datenlink", export=export, dateien=downloads(export, offene_dateien()),
                                 base=base())

    @env.macro
    def video(id: str) -> Markup:
        """A self-hosted video from ``data/videos.yml`` with captions and its text version; open until supplied."""
        v = daten().video(id)
        angabe = None if isinstance(v.datei, OffenerPunkt) else dateiangabe(Path(env.conf["docs_dir"]) / v.datei)
        return components.render("video", v=v, base=base(), angabe=angabe)
