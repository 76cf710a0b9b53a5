"""Typed model of the site data; the YAML keys are German because editors write them.

Per-record rules live on the models; rules that look across records or files
(unique ids, references, status against the time of its source) live in ``rules.py``.
Every fact-carrying record names its source by id (``quelle``); a source speaks for
its own time (``Quelle.zeit``), which is never the day somebody checked it.
The German ``title``/``description`` of each model and field are the editors' help while
typing (``schema.py`` turns them into the JSON Schemas in ``data/schema/``).
"""
from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StrictBool, StrictInt,
                      StringConstraints, field_validator, model_validator)
from pydantic_core import PydanticCustomError

from .dates import datum_de, monat_jahr
from .problems import MakroFehler

#: The ten towns of the Kreis Mettmann. The ids are URL slugs the press links to:
#: they must never change.
STAEDTE: dict[str, str] = {
    "erkrath": "Erkrath",
    "haan": "Haan",
    "heiligenhaus": "Heiligenhaus",
    "hilden": "Hilden",
    "langenfeld": "Langenfeld",
    "mettmann": "Mettmann",
    "monheim-am-rhein": "Monheim am Rhein",
    "ratingen": "Ratingen",
    "velbert": "Velbert",
    "wuelfrath": "Wülfrath",
}
#: The towns as allowed values for the editors' schema help (``schema.py``), each with its name.
STADT_SCHEMA = {"enum": list(STAEDTE), "enumDescriptions": list(STAEDTE.values())}

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Kennung = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
#: A count: ``true`` or ``"12"`` is a typing mistake, not 1 or 12.
Anzahl = Annotated[StrictInt, Field(ge=0)]


def _no_timestamp(value: object) -> object:
    """Pydantic reads a number as seconds since 1970; an editor who types ``20270301`` meant a date."""
    if isinstance(value, (int, float)):
        raise PydanticCustomError("date_type", "input is a number, not a date")  # German text: messages.py
    return value


#: A calendar date written as ``JJJJ-MM-TT``.
Datum = Annotated[dt.date, BeforeValidator(_no_timestamp)]


class Strict(BaseModel):
    """Base for every record: unknown keys (typos such as ``stadtt``) are errors.

    Validators are built on first use (``defer_build``): a build that reads the checked data from its store
    validates nothing, and building them for every model would cost it a tenth of its start.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class OffenerPunkt(Strict, title="Offener Punkt", json_schema_extra={
        "description": "Statt eines Werts: was noch fehlt oder freigegeben werden muss. "
                       "Leserinnen und Leser sehen „Diese Angabe wird ergänzt.“; `make offen` listet den Punkt."}):
    """A value a human must still supply or approve; the release check lists it."""

    offen: Text = Field(title="Offener Punkt", description="Was fehlt oder freigegeben werden muss, in einem Satz")


class Wortlaut(str, Enum):
    """A fixed vocabulary: the value editors write in YAML and the German words readers see, side by side."""

    def __new__(cls, value: str, label: str):
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member


class Status(Wortlaut):
    """What a conference's source says about it, as of the source's time."""

    geplant = ("geplant", "Geplant")
    durchgefuehrt = ("durchgefuehrt", "Durchgeführt")
    abgesagt = ("abgesagt", "Abgesagt")
    offen = ("offen", "Keine Angabe")


class PartnerArt(Wortlaut):
    kreis = ("kreis", "Kreis Mettmann")
    behoerde = ("behoerde", "Behörden")
    kommune = ("kommune", "Kommunale Partner")
    verband = ("verband", "Verbände")
    institut = ("institut", "Fachinstitute")
    ministerium = ("ministerium", "Ministerium mit dem Förderaufruf")


def _sentence(message: str) -> str:
    """A validator's message as the editor shows it while typing: a sentence of its own."""
    return message[0].upper() + message[1:] + "."


_HTTPS_URL = r"https://[^\s/]+\.[^\s/]+(/\S*)?"
_HTTPS_MESSAGE = "nur vollständige Adressen mit https:// sind erlaubt"


def _https_only(value: str) -> str:
    if not re.fullmatch(_HTTPS_URL, value):
        raise PydanticCustomError("https", _HTTPS_MESSAGE)
    return value


HttpsUrl = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_https_only),
                     Field(json_schema_extra={"pattern": f"^{_HTTPS_URL}$",
                                              "patternErrorMessage": _sentence(_HTTPS_MESSAGE)})]


class Kontakt(Strict, title="Kontakt", json_schema_extra={
        "description": "Eine Stelle und wie man sie erreicht (Amt, Funktionspostfach); fehlende Angaben als offener Punkt."}):
    """A functional contact (office, function mailbox). A person's name needs their consent and a source."""

    name: Text | OffenerPunkt | None = Field(
        default=None, title="Name", description="Name der Stelle; den Namen einer Person nur mit „einwilligung“ und „quelle“")
    funktion: Text | None = Field(default=None, title="Funktion", description="Funktion oder Stelle, z. B. Pressestelle")
    telefon: Text | OffenerPunkt | None = Field(default=None, title="Telefon", description="Telefonnummer mit Vorwahl")
    email: Text | OffenerPunkt | None = Field(default=None, title="E-Mail", description="E-Mail-Adresse, am besten ein Funktionspostfach")
    einwilligung: Datum | None = Field(default=None, title="Einwilligung", description="Tag, an dem die genannte Person der "
                                       "Veröffentlichung ihres Namens zugestimmt hat")
    quelle: Kennung | None = Field(default=None, title="Quelle",
                                   description="id der Quelle in quellen.yml, die die Person nennt")

    @model_validator(mode="after")
    def _name_needs_consent(self) -> "Kontakt":
        if isinstance(self.name, str) and (self.einwilligung is None or self.quelle is None):
            raise PydanticCustomError(
                "einwilligung", "ein Name erscheint nur mit „einwilligung“ (Datum der Zustimmung) und „quelle“; "
                "sonst eine Funktion angeben, z. B. „funktion: Pressestelle“")
        return self


class Partner(Strict, title="Partner", json_schema_extra={
        "description": "Ein Partner oder Beteiligter des Handlungskonzepts."}):
    id: Kennung = Field(title="Kennung", description="Feste Kennung, auf die andere Dateien verweisen, z. B. kreissportbund")
    name: Text = Field(title="Name", description="Name der Organisation, wie er auf der Website steht")
    art: PartnerArt = Field(title="Art", description="Gruppe, unter der der Partner auf der Seite „Partner“ steht")
    rolle: Text | None = Field(default=None, title="Rolle",
                               description="Was die Quelle über den Partner sagt, in berichtender Form")
    website: HttpsUrl | None = Field(default=None, title="Website",
                                     description="Adresse mit https://, nur wenn sie aus einer Quelle stammt")
    kontakt: Kontakt | None = Field(default=None, title="Kontakt", description="Kontakt beim Partner")
    quelle: Kennung = Field(title="Quelle", description="id der Quelle in quellen.yml")


_RELATIVE_PATH_MESSAGE = "Pfad muss relativ zu docs/ sein, ohne „..“ und ohne Adresse"


def _relative_to_docs(value: str) -> str:
    if value.startswith("/") or ".." in value.split("/") or "://" in value:
        raise PydanticCustomError("pfad", _RELATIVE_PATH_MESSAGE)
    return value


#: A file under ``docs/``, written relative to it, e.g. ``medien/video.webm``.
DocsPfad = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_relative_to_docs)]


class Dokument(Strict, title="Dokument", json_schema_extra={
        "description": "Ein Dokument zur Regionalkonferenz: genau eines von „pfad“ oder „url“.",
        "oneOf": [{"required": ["pfad"]}, {"required": ["url"]}]}):
    titel: Text = Field(title="Titel", description="Titel, wie er im Link steht")
    pfad: Annotated[Text, Field(json_schema_extra={"pattern": r"^(?!/)(?!(.*/)?\.\.(/|$))(?!.*://)",
                                                   "patternErrorMessage": _sentence(_RELATIVE_PATH_MESSAGE)})] | None = Field(
        default=None, title="Pfad", description="Datei unter docs/, z. B. dokumente/protokoll.pdf")
    url: HttpsUrl | None = Field(default=None, title="Adresse", description="Adresse mit https:// auf einer anderen Website")

    @field_validator("pfad")
    @classmethod
    def _relative_path(cls, value: str | None) -> str | None:
        return value if value is None else _relative_to_docs(value)

    @model_validator(mode="after")
    def _exactly_one_target(self) -> "Dokument":
        if (self.pfad is None) == (self.url is None):
            raise PydanticCustomError("dokument", "genau eines von „pfad“ oder „url“ angeben")
        return self


class Regionalkonferenz(Strict, title="Regionalkonferenz", json_schema_extra={
        "description": "Die Regionalkonferenz einer Stadt; genau ein Eintrag je Stadt."}):
    id: str = Field(title="Kennung", json_schema_extra=STADT_SCHEMA,
                    description="Kennung der Stadt, z. B. haan; zugleich die feste Adresse /regionalkonferenzen/haan/ – nie ändern")
    stadt: Text = Field(title="Stadt", description="Name der Stadt, passend zur Kennung")
    status: Status = Field(title="Status", description="Stand der Konferenz laut Quelle")
    datum: Datum | None = Field(default=None, title="Datum",
                                description="Termin als JJJJ-MM-TT, nur wenn er aus einer Quelle bekannt ist")
    zeitraum: Text | None = Field(default=None, title="Zeitraum",
                                  description="Ungefährer Zeitraum ohne festes Datum, z. B. „voraussichtlich 1. Quartal“")
    ort: Text | OffenerPunkt | None = Field(default=None, title="Ort", description="Veranstaltungsort")
    adresse: Text | None = Field(default=None, title="Adresse", description="Anschrift des Veranstaltungsorts")
    veranstalter: Kennung | None = Field(default=None, title="Veranstalter",
                                         description="Kennung eines Partners aus partner.yml")
    partner: list[Kennung] = Field(default=[], title="Partner", description="Kennungen beteiligter Partner aus partner.yml")
    teilnehmende: Anzahl | None = Field(default=None, title="Teilnehmende",
                                        description="Zahl der Teilnehmenden; nur bei Status „durchgefuehrt“")
    zusammenfassung: Text | None = Field(default=None, title="Zusammenfassung", description="Kurzer Bericht in Markdown")
    ergebnisse: list[Text] = Field(default=[], title="Ergebnisse", description="Ergebnisse, je Eintrag ein Satz")
    dokumente: list[Dokument] = Field(default=[], title="Dokumente", description="Protokolle und andere Dokumente")
    quelle: Kennung = Field(title="Quelle", description="id der Quelle in quellen.yml, aus der Status und Termin stammen")
    zitat: Text | None = Field(default=None, title="Zitat", description="Die Stelle der Quelle im Wortlaut")

    @field_validator("id")
    @classmethod
    def _known_town(cls, value: str) -> str:
        if value not in STAEDTE:
            raise PydanticCustomError(
                "stadt_unbekannt",
                "„{value}“ ist keine Stadt des Kreises Mettmann; erlaubt: {erlaubt}",
                {"value": value, "erlaubt": ", ".join(STAEDTE)},
            )
        return value

    @property
    def name(self) -> str:
        return f"Regionalkonferenz {self.stadt}"

    @property
    def url(self) -> str:
        """Site-relative URL; fixed forever because the press links to it."""
        return f"regionalkonferenzen/{self.id}/"


class Zeit(Strict, title="Zeit der Quelle", json_schema_extra={
        "description": "Für welche Zeit die Quelle spricht: das Datum, das sie nennt, oder ohne Datum "
                       "der Zeitraum, in dem sie entstanden sein muss (mit Begründung)."}):
    """The time a source speaks for: the date it names, or the period it must have been written in."""

    datum: Datum | None = Field(default=None, title="Datum", description="Datum, das die Quelle selbst nennt, als JJJJ-MM-TT")
    von: Datum | None = Field(default=None, title="Von",
                              description="Frühester Tag, an dem die undatierte Quelle entstanden sein kann")
    bis: Datum | None = Field(default=None, title="Bis",
                              description="Spätester Tag, an dem die undatierte Quelle entstanden sein kann")
    begruendung: Text | None = Field(default=None, title="Begründung", description="Warum dieser Zeitraum, in Worten")

    @model_validator(mode="after")
    def _date_or_period(self) -> "Zeit":
        if self.datum is not None:
            if self.von or self.bis:
                raise PydanticCustomError("zeit", "entweder „datum“ oder „von“ und „bis“ angeben, nicht beides")
        elif self.von is None or self.bis is None or self.begruendung is None:
            raise PydanticCustomError("zeit", "ohne „datum“ braucht es „von“, „bis“ und „begruendung“")
        elif self.von > self.bis:
            raise PydanticCustomError("zeit", "„von“ muss vor „bis“ liegen")
        return self

    @property
    def anfang(self) -> dt.date:
        return self.datum or self.von

    @property
    def ende(self) -> dt.date:
        return self.datum or self.bis


class Quelle(Strict, title="Quelle", json_schema_extra={
        "description": "Ein Dokument, aus dem Angaben der Website stammen; es spricht für seine eigene Zeit."}):
    """A document the site's facts come from; it speaks for its own time (``zeit``)."""

    id: Kennung = Field(title="Kennung", description="Feste Kennung, auf die die anderen Dateien mit „quelle:“ verweisen")
    titel: Text = Field(title="Titel", description="Bezeichnung des Dokuments")
    art: Text = Field(title="Art", description="Art des Dokuments, z. B. Mitteilungsvorlage")
    betreff: Text | None = Field(default=None, title="Betreff", description="Betreff, wie ihn das Dokument nennt")
    aktenzeichen: Text | None = Field(default=None, title="Aktenzeichen", description="Aktenzeichen des Dokuments")
    herausgeber: Text | OffenerPunkt = Field(title="Herausgeber", description="Stelle, die die Quelle herausgegeben hat")
    adressaten: list[Text] = Field(default=[], title="Adressaten", description="An wen sich die Quelle richtet, z. B. Gremien")
    zeit: Zeit = Field(title="Zeit", description="Datum der Quelle oder, ohne Datum, der Zeitraum ihrer Entstehung")
    datei: Text | None = Field(default=None, title="Datei", description="Kopie der Quelle unter docs/")

    @property
    def zeitangabe(self) -> str:
        """„vom 15. März 2018“ or „undatiert, verfasst zwischen Februar 2017 und Oktober 2020“."""
        if self.zeit.datum:
            return f"vom {datum_de(self.zeit.datum)}"
        return f"undatiert, verfasst zwischen {monat_jahr(self.zeit.von)} und {monat_jahr(self.zeit.bis)}"

    @property
    def zeitraum_kurz(self) -> str:
        """„2017–2020“, „2018“ or „15.03.2018“: for table cells."""
        if self.zeit.datum:
            return self.zeit.datum.strftime("%d.%m.%Y")
        von, bis = self.zeit.von.year, self.zeit.bis.year
        return str(von) if von == bis else f"{von}–{bis}"


class Projekt(Strict, title="Projekt", json_schema_extra={
        "description": "Angaben zum Projekt als Ganzes, jede aus einer Quelle oder als offener Punkt."}):
    """Facts about the project as a whole, each with its source."""

    titel: Text = Field(title="Titel", description="Voller Titel des Handlungskonzepts")
    kurztitel: Text = Field(title="Kurztitel", description="Kurzer Titel für Kopfzeile und Links")
    geprueft: Datum = Field(title="Geprüft am", description="Tag, an dem die Daten zuletzt mit ihren Quellen verglichen wurden "
                            "(ein Prüfdatum, nie das Datum der Angaben), als JJJJ-MM-TT")
    herausgeber: Text = Field(title="Herausgeber", description="Wer die Website herausgibt")
    quelle: Kennung = Field(title="Quelle", description="id der Hauptquelle in quellen.yml")
    beginn: Text = Field(title="Beginn", description="Beginn des Projekts, wie die Quelle ihn nennt")
    foerderprogramm: Text = Field(title="Förderprogramm", description="Programm, aus dem das Projekt gefördert wird")
    foerderaufruf: Text = Field(title="Förderaufruf", description="Aufruf, auf den sich die Förderung bezieht")
    projektleitung: Text = Field(title="Projektleitung", description="Stelle, die das Projekt leitet")
    projektleitung_stellenanteil: Text | None = Field(default=None, title="Stellenanteil der Projektleitung",
                                                      description="Umfang der Stelle, wie die Quelle ihn nennt")
    aufgaben_projektleitung: list[Text] = Field(default=[], title="Aufgaben der Projektleitung",
                                                description="Aufgaben, je Eintrag eine")
    arbeitsgruppe: list[Kennung] = Field(default=[], title="Arbeitsgruppe",
                                         description="Kennungen der Partner in der Arbeitsgruppe, aus partner.yml")
    arbeitsgruppe_kommunal: list[Text] = Field(default=[], title="Kommunale Mitglieder der Arbeitsgruppe",
                                               description="Kommunale Stellen in der Arbeitsgruppe")
    konferenzen_durchgefuehrt_laut_quelle: Anzahl | None = Field(
        default=None, title="Durchgeführte Regionalkonferenzen laut Quelle",
        description="Wie viele Regionalkonferenzen laut Quelle schon stattfanden (ganze Zahl)")
    pressekontakt: Kontakt | OffenerPunkt | None = Field(default=None, title="Pressekontakt",
                                                         description="Kontakt für die Presse")
    # Which towns held the conferences the source counts; it does not say, so the real data keep it open.
    konferenzen_durchgefuehrt_staedte: list[Annotated[Literal[tuple(STAEDTE)], Field(json_schema_extra=STADT_SCHEMA)]] \
        | OffenerPunkt | None = Field(
            default=None, title="Städte mit durchgeführter Regionalkonferenz",
            description="Kennungen der Städte, deren Regionalkonferenz laut Quelle stattfand")


_PAGE_ADDRESS = r"[a-z0-9][a-z0-9/_.-]*/"
_PAGE_MESSAGE = ("erwartet wird eine Adresse auf dieser Website ohne „https://“ und ohne „/“ am Anfang, mit „/“ am Ende, "
                 "nur Kleinbuchstaben a–z, Ziffern, „-“, „_“ und „.“, z. B. „regionalkonferenzen/haan/“")
_PAGE_SCHEMA = {"patternErrorMessage": _sentence(_PAGE_MESSAGE)}


def _page_address(value: str) -> str:
    if not re.fullmatch(_PAGE_ADDRESS, value):
        raise PydanticCustomError("seitenadresse", _PAGE_MESSAGE)
    return value


def _page_or_home(value: str) -> str:
    return value and _page_address(value)


#: A page of this site as its URL path, e.g. ``regionalkonferenzen/haan/``.
Seitenadresse = Annotated[str, AfterValidator(_page_address), Field(json_schema_extra={"pattern": f"^{_PAGE_ADDRESS}$", **_PAGE_SCHEMA})]


class Weiterleitung(Strict, title="Weiterleitung", json_schema_extra={
        "description": "Eine alte Adresse, die weiter funktionieren muss, und wohin sie jetzt führt."}):
    """An old URL that must keep working; it points to the page's new place."""

    von: Seitenadresse = Field(title="Von", description="Alte Adresse ohne „/“ am Anfang, mit „/“ am Ende, z. B. alte-seite/")
    nach: Annotated[str, AfterValidator(_page_or_home), Field(json_schema_extra={"pattern": f"^({_PAGE_ADDRESS})?$", **_PAGE_SCHEMA})] = Field(
        title="Nach", description="Neue Adresse in derselben Form; leer: die Startseite")


_EMAIL = r"[^@\s]+@[^@\s]+\.[^@\s]+"
_EMAIL_MESSAGE = "erwartet wird eine E-Mail-Adresse, z. B. „barrierefreiheit@example.org“"


def _one_word(value: str) -> str:
    if not re.fullmatch(r"[^\W\d_]+(-[^\W\d_]+)*", value):
        raise PydanticCustomError("suchwort", "erwartet wird ein einzelnes Wort ohne Leerzeichen und Ziffern, z. B. „Kontakt“")
    return value


def _not_empty(value: list) -> list:
    if not value:
        raise PydanticCustomError("liste_leer", "mindestens ein Wort angeben (jeder Eintrag beginnt mit „- “)")
    return value


#: One word as readers type it into the search.
Suchwort = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_one_word)]


class Suchbegriff(Strict, title="Suchbegriff", json_schema_extra={
        "description": "Ein Wort der Seiten und die Wörter, die Leserinnen und Leser stattdessen suchen"}):
    """Words readers search for that the texts do not use: a search for a synonym finds the pages with the term."""

    begriff: Suchwort = Field(title="Begriff", description="Wort, das auf den Seiten steht, z. B. „Kontakt“")
    synonyme: Annotated[list[Suchwort], AfterValidator(_not_empty)] = Field(
        title="Synonyme", description="Wörter, die Leserinnen und Leser stattdessen suchen")


def _email(value: str) -> str:
    if not re.fullmatch(_EMAIL, value):
        raise PydanticCustomError("email", _EMAIL_MESSAGE)
    return value


#: An e-mail address; the legal pages set it as a ``mailto:`` link.
EMail = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_email),
                  Field(json_schema_extra={"pattern": f"^{_EMAIL}$", "patternErrorMessage": _sentence(_EMAIL_MESSAGE)})]


class Rechtsangabe(Strict, title="Rechtsangabe", json_schema_extra={
        "description": "Eine Angabe, die aus allgemeinem Recht folgt, mit der Vorschrift, auf der sie beruht."}):
    """A fact that follows from general law, not from a source document: shown with the provision it rests on."""

    wert: Text = Field(title="Wert", description="Die Angabe, z. B. „Körperschaft des öffentlichen Rechts“")
    erlaeuterung: Text | None = Field(default=None, title="Erläuterung", description="Kurze Erläuterung, steht mit der Rechtsgrundlage in Klammern")
    rechtsgrundlage: Text = Field(title="Rechtsgrundlage", description="Die Vorschrift, z. B. „§ 1 Abs. 2 KrO NRW“")


class GesetzlicheStelle(Strict, title="Gesetzlich bestimmte Stelle", json_schema_extra={
        "description": "Ein Amt oder eine Stelle, die das Gesetz nennt; wer es innehat und die Anschrift "
                       "kommen aus einer aktuellen Quelle, bis dahin als offener Punkt."}):
    """An office or body named by law (who represents the Kreis, who supervises it).

    The law gives the office; the person holding it and the address are current facts that an
    editor supplies from a current source, so they are open items until then.
    """

    stelle: Rechtsangabe = Field(title="Stelle", description="Das Amt oder die Stelle mit der Vorschrift, die sie nennt")
    name: Text | OffenerPunkt | None = Field(default=None, title="Name",
                                             description="Wer das Amt innehat (nur bei Personen)")
    anschrift: Text | OffenerPunkt = Field(title="Anschrift", description="Postanschrift der Stelle")


class Barrierengrund(Wortlaut):
    """Why content is not accessible: the three reasons of the EU model statement, (EU) 2018/1523."""

    unvereinbarkeit = ("unvereinbarkeit", "Unvereinbarkeit mit der BITV NRW")
    unverhaeltnismaessige_belastung = ("unverhaeltnismaessige_belastung", "Unverhältnismäßige Belastung")
    ausserhalb_anwendungsbereich = ("ausserhalb_anwendungsbereich",
                                    "Die Inhalte fallen nicht in den Anwendungsbereich der Rechtsvorschriften")


class NichtBarrierefrei(Strict, title="Nicht barrierefreier Inhalt", json_schema_extra={
        "description": "Ein Inhalt, der noch nicht barrierefrei ist, mit dem Grund."}):
    """One content item that is not accessible yet, with its reason category."""

    inhalt: Text = Field(title="Inhalt", description="Welcher Inhalt betroffen ist")
    beschreibung: Text = Field(title="Beschreibung", description="Was daran nicht barrierefrei ist")
    grund: Barrierengrund = Field(title="Grund", description="Warum, nach der Mustererklärung (EU) 2018/1523")


#: Fields the Impressum page shows only once they hold a value; an open item there asks whether one exists.
NUR_MIT_WERT = {"anzeigen": "nur_mit_wert"}
#: Fields of ``Impressum`` that are no label-and-value row (the source line, the list of barriers).
KEINE_ZEILE = ("quelle", "nicht_barrierefrei")


class Impressum(Strict, title="Impressum", json_schema_extra={
        "description": "Angaben für Impressum, Datenschutzerklärung und Erklärung zur Barrierefreiheit."}):
    """Publisher details (§ 5 DDG, § 18 MStV) and the contacts and facts the legal pages name.

    The field titles are the labels readers see; unknown values stay open items. ``art`` in a
    field's extra tells the component to set the value as a link.
    """

    herausgeber: Text = Field(title="Herausgeber",
        description="Wer die Website herausgibt (§ 5 DDG)")
    organisationseinheit: Text | None = Field(default=None, title="Organisationseinheit",
        description="Zuständige Stelle innerhalb der Verwaltung")
    rechtsform: Rechtsangabe | OffenerPunkt = Field(title="Rechtsform",
        description="Rechtsform des Herausgebers mit ihrer Rechtsgrundlage")
    anschrift: Text | OffenerPunkt = Field(title="Anschrift",
        description="Postanschrift: Straße, Hausnummer, Postleitzahl, Ort")
    telefon: Text | OffenerPunkt = Field(title="Telefon",
        description="Telefonnummer für Anfragen")
    email: EMail | OffenerPunkt = Field(title="E-Mail", json_schema_extra={"art": "email"},
        description="E-Mail-Adresse für Anfragen zur Website")
    vertretungsberechtigt: GesetzlicheStelle | OffenerPunkt = Field(title="Vertreten durch",
        description="Wer den Herausgeber vertritt: das Amt nach dem Gesetz und wer es innehat")
    inhaltlich_verantwortlich: Text | OffenerPunkt = Field(title="Inhaltlich verantwortlich nach § 18 Abs. 2 MStV",
        description="Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV")
    aufsichtsbehoerde: GesetzlicheStelle | OffenerPunkt = Field(title="Aufsichtsbehörde",
        description="Zuständige Aufsichtsbehörde nach dem Gesetz, mit Anschrift")
    umsatzsteuer_id: Text | OffenerPunkt | None = Field(default=None, title="Umsatzsteuer-Identifikationsnummer",
                                                        json_schema_extra=NUR_MIT_WERT,
        description="Nur angeben, wenn vorhanden")
    datenschutzbeauftragte: Text | OffenerPunkt = Field(title="Behördliche Datenschutzbeauftragte oder behördlicher Datenschutzbeauftragter",
        description="Kontakt der oder des Datenschutzbeauftragten")
    kontakt_barrierefreiheit: EMail | OffenerPunkt = Field(title="E-Mail für Rückmeldungen zur Barrierefreiheit",
                                                           json_schema_extra={"art": "email"},
        description="E-Mail-Adresse, an die Rückmeldungen zur Barrierefreiheit gehen")
    formular_barrierefreiheit: HttpsUrl | OffenerPunkt = Field(title="Formular für Rückmeldungen zur Barrierefreiheit",
                                                               json_schema_extra={"art": "link"},
        description="Adresse (https://) des Formulars für Rückmeldungen zur Barrierefreiheit")
    ombudsstelle: Text | OffenerPunkt = Field(title="Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen",
        description="Anschrift und Kontakt der Ombudsstelle des Landes NRW")
    nicht_barrierefrei: list[NichtBarrierefrei] = Field(default=[], title="Nicht barrierefreie Inhalte",
        description="Inhalte, die noch nicht barrierefrei sind, je Eintrag mit Grund")
    hosting: Text | OffenerPunkt = Field(title="Betrieb des Webservers (Hosting)",
        description="Wer den Webserver betreibt")
    speicherdauer_zugriffsprotokoll: Text | OffenerPunkt = Field(title="Speicherdauer des Zugriffsprotokolls",
        description="Wie lange das Zugriffsprotokoll des Webservers gespeichert wird")
    speicherdauer_fehlerprotokoll: Text | OffenerPunkt = Field(title="Speicherdauer des Fehlerprotokolls",
        description="Wie lange das Fehlerprotokoll des Webservers gespeichert wird")
    # Dates of the legal statements themselves; unlike ``projekt.geprueft`` they move only
    # when someone reviews the statement, not with every data edit.
    erklaerung_erstellt: Datum | OffenerPunkt = Field(title="Erklärung erstellt am",
        description="Datum der Erklärung zur Barrierefreiheit als JJJJ-MM-TT")
    erklaerung_ueberprueft: Datum | OffenerPunkt = Field(title="Erklärung zuletzt überprüft am",
        description="Datum der letzten Überprüfung der Erklärung als JJJJ-MM-TT")
    datenschutz_stand: Datum | OffenerPunkt = Field(title="Datenschutzerklärung zuletzt geprüft am",
        description="Datum der letzten Prüfung der Datenschutzerklärung als JJJJ-MM-TT")
    quelle: Text = Field(title="Quelle", description="Woher die Angaben stammen")

    def zeilen(self, felder: tuple[str, ...]) -> list[tuple[str, str, object, str | None]]:
        """(field, label, value, link kind) for each named field that has something to show."""
        result = []
        for name in felder:
            if name not in Impressum.model_fields or name in KEINE_ZEILE:
                erlaubt = ", ".join(n for n in Impressum.model_fields if n not in KEINE_ZEILE)
                raise MakroFehler(f"impressum(„{name}“): Diese Angabe gibt es nicht. Erlaubt sind: {erlaubt}.")
            field, value = Impressum.model_fields[name], getattr(self, name)
            extra = field.json_schema_extra or {}
            if value is None or (isinstance(value, OffenerPunkt) and extra.get("anzeigen") == "nur_mit_wert"):
                continue
            result.append((name, field.title, value, extra.get("art")))
        return result


class Lizenz(Wortlaut):
    """Licences a Kreis may choose for its open data, from GovData's list (http://dcat-ap.de/def/licenses/)."""

    dl_by_de = ("dl-by-de/2.0", "Datenlizenz Deutschland – Namensnennung – Version 2.0")
    dl_zero_de = ("dl-zero-de/2.0", "Datenlizenz Deutschland – Zero – Version 2.0")

    @property
    def uri(self) -> str:
        return f"http://dcat-ap.de/def/licenses/{self.value}"


#: The official five-digit key of a Kreis (Regionalschlüssel of the Statistisches Bundesamt).
Kreisschluessel = Annotated[str, StringConstraints(pattern=r"^[0-9]{5}$")]
#: A publisher's id at GovData (``dcatde:contributorID``).
Bereitsteller = Annotated[str, StringConstraints(pattern=r"^http://dcat-ap\.de/def/contributors/[A-Za-z0-9]+$")]


class Gebiet(Strict, title="Gebiet", json_schema_extra={"description": "Das Gebiet, für das die Daten gelten"}):
    """The area the data cover, by its official key (Regionalschlüssel of the Statistisches Bundesamt)."""

    name: Text = Field(title="Name", description="Name des Gebiets, z. B. Kreis Mettmann")
    kreisschluessel: Kreisschluessel = Field(
        title="Kreisschlüssel", description="Fünfstelliger Kreisschlüssel in Anführungszeichen, z. B. \"05158\"")
    bestaetigt: Datum | OffenerPunkt = Field(title="Bestätigt am", description="Tag, an dem der Kreis den Schlüssel bestätigt hat")


class Datenkatalog(Strict, title="Datenkatalog", json_schema_extra={
        "description": "Entscheidungen des Kreises für die offenen Daten und ihren Katalog (DCAT-AP.de)"}):
    """Editorial choices for the open data (``/offene-daten/``) and their DCAT-AP.de catalogue."""

    lizenz: Lizenz | OffenerPunkt = Field(title="Lizenz", description="Lizenz der offenen Daten; eine Entscheidung des Kreises")
    bereitsteller: Bereitsteller | OffenerPunkt = Field(
        title="Bereitsteller", description="Kennung der bereitstellenden Stelle bei GovData (dcatde:contributorID)")
    gebiet: Gebiet = Field(title="Gebiet", description="Das Gebiet, für das die Daten gelten, mit seinem Kreisschlüssel")


def _duration(value: object) -> object:
    """``"1:35"`` (minutes:seconds) or a number of seconds; YAML itself reads an unquoted 1:35 as 95."""
    if isinstance(value, str) and re.fullmatch(r"([0-9]+:)?[0-9]+:[0-5][0-9]", value.strip()):
        seconds = 0
        for part in value.strip().split(":"):
            seconds = seconds * 60 + int(part)
        return seconds
    return value


#: A duration in seconds, written ``"1:35"`` (Minuten:Sekunden).
Dauer = Annotated[StrictInt, BeforeValidator(_duration), Field(gt=0)]

#: A page of this site, optionally with an anchor: ``leichte-sprache/`` or ``leichte-sprache/#video``.
SeiteMitAnker = Annotated[str, StringConstraints(pattern=r"^([a-z0-9][a-z0-9/_.-]*/)?(#[a-z0-9-]+)?$", min_length=1)]

#: What a self-hosted video may be; Chromium without proprietary codecs plays WebM.
VIDEO_FORMATE = {".webm": "video/webm", ".mp4": "video/mp4"}


class Video(Strict, title="Video", json_schema_extra={
        "description": "Ein Video auf dieser Website, mit Untertiteln und Textfassung"}):
    """A self-hosted video with German captions and a text version; ``datei`` stays open until it is supplied."""

    id: Kennung = Field(title="Kennung", description="Feste Kennung des Videos für {{ video(\"id\") }}")
    titel: Text = Field(title="Titel", description="Titel des Videos")
    datei: DocsPfad | OffenerPunkt = Field(title="Datei", description="Videodatei unter docs/ (.webm oder .mp4)")
    poster: DocsPfad | None = Field(default=None, title="Standbild", description="Standbild unter docs/, bevor das Video startet")
    untertitel: DocsPfad | None = Field(default=None, title="Untertitel", description="Deutsche Untertitel als WebVTT (.vtt) unter docs/")
    textfassung: SeiteMitAnker = Field(title="Textfassung", description="Seite (und Abschnitt) mit dem Inhalt des Videos als Text")
    dauer: Dauer | None = Field(default=None, title="Dauer", description="Länge als Minuten:Sekunden, z. B. \"1:35\"")
    gebaerdensprache: StrictBool = Field(title="Gebärdensprache", description="true, wenn eine Dolmetscherin oder ein Dolmetscher "
                                         "für Deutsche Gebärdensprache zu sehen ist")
    quelle: Kennung | None = Field(default=None, title="Quelle", description="id der Quelle in quellen.yml: wer das Video "
                                   "geliefert oder freigegeben hat")

    @model_validator(mode="after")
    def _complete_once_supplied(self) -> "Video":
        if isinstance(self.datei, OffenerPunkt):
            return self
        fehlend = [feld for feld in ("poster", "untertitel", "dauer", "quelle") if getattr(self, feld) is None]
        if fehlend:
            raise PydanticCustomError("video", "zu einer Videodatei gehören auch {felder}",
                                      {"felder": ", ".join(f"„{f}“" for f in fehlend)})
        if Path(self.datei).suffix not in VIDEO_FORMATE:
            raise PydanticCustomError("video", "„datei“ muss auf .webm oder .mp4 enden")
        if not self.untertitel.endswith(".vtt"):
            raise PydanticCustomError("video", "„untertitel“ muss eine WebVTT-Datei sein (Endung .vtt)")
        return self

    @property
    def dauer_text(self) -> str:
        """``95`` → „1:35 Minuten“."""
        minuten, sekunden = divmod(self.dauer, 60)
        return f"{minuten}:{sekunden:02d} Minuten"

    @property
    def medientyp(self) -> str:
        return VIDEO_FORMATE[Path(self.datei).suffix]

    @property
    def dateien(self) -> list[str]:
        """The files under docs/ this record names."""
        if isinstance(self.datei, OffenerPunkt):
            return [p for p in (self.poster, self.untertitel) if p]
        return [self.datei, self.poster, self.untertitel]


class Daten(BaseModel):
    """Everything the site shows from ``data/``, validated together."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    projekt: Projekt
    quellen: list[Quelle]
    partner: list[Partner]
    regionalkonferenzen: list[Regionalkonferenz]
    weiterleitungen: list[Weiterleitung] = []
    impressum: Impressum
    suchbegriffe: list[Suchbegriff] = []
    datenkatalog: Datenkatalog
    videos: list[Video] = []

    def partner_by_id(self) -> dict[str, Partner]:
        return {p.id: p for p in self.partner}

    def quellen_by_id(self) -> dict[str, Quelle]:
        return {q.id: q for q in self.quellen}

    def quelle(self, id: str | None = None) -> Quelle:
        """A source by id; without an id the project's main source."""
        return _nach_kennung(self.quellen, id or self.projekt.quelle, "Eine Quelle")

    def konferenz(self, id: str) -> Regionalkonferenz:
        return _nach_kennung(self.regionalkonferenzen, id, "Eine Regionalkonferenz")

    def video(self, id: str) -> Video:
        return _nach_kennung(self.videos, id, "Ein Video", leer="keine (data/videos.yml fehlt oder ist leer)")


def inhalt(wert: BaseModel | list[BaseModel]) -> bytes:
    """The content of validated data as bytes, for the key of a result made from them.

    ``repr`` shows every field (none is hidden from it; a test checks) and, unlike ``model_dump_json``, needs no
    serializer, which a build from the store would otherwise build for this alone.
    """
    return repr(wert).encode()


def _nach_kennung(eintraege: list, id: str, art: str, leer: str = ""):
    """The record with this id; else the macro error an editor sees, listing the ids there are."""
    for eintrag in eintraege:
        if eintrag.id == id:
            return eintrag
    erlaubt = ", ".join(e.id for e in eintraege) or leer
    raise MakroFehler(f"{art} „{id}“ gibt es nicht. Erlaubt sind: {erlaubt}.")
