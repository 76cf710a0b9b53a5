"""Typed model of the site data; the YAML keys are German because editors write them.

Per-record rules live on the models; rules that look across records or files
(unique ids, references, status against the time of its source) live in ``rules.py``.
Every fact-carrying record names its source by id (``quelle``); a source speaks for
its own time (``Quelle.zeit``), which is never the day somebody checked it.
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
    """Base for every record: unknown keys (typos such as ``stadtt``) are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class OffenerPunkt(Strict):
    """A value a human must still supply or approve; the release check lists it."""

    offen: Text = Field(description="Was fehlt oder freigegeben werden muss")


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


def _https_only(value: str) -> str:
    if not re.fullmatch(r"https://[^\s/]+\.[^\s/]+(/\S*)?", value):
        raise PydanticCustomError("https", "nur vollständige Adressen mit https:// sind erlaubt")
    return value


HttpsUrl = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_https_only)]


class Kontakt(Strict):
    """A functional contact (office, function mailbox). A person's name needs their consent and a source."""

    name: Text | OffenerPunkt | None = None
    funktion: Text | None = None
    telefon: Text | OffenerPunkt | None = None
    email: Text | OffenerPunkt | None = None
    einwilligung: Datum | None = Field(default=None, description="Tag, an dem die genannte Person der "
                                       "Veröffentlichung ihres Namens zugestimmt hat")
    quelle: Kennung | None = Field(default=None, description="id der Quelle in quellen.yml, die die Person nennt")

    @model_validator(mode="after")
    def _name_needs_consent(self) -> "Kontakt":
        if isinstance(self.name, str) and (self.einwilligung is None or self.quelle is None):
            raise PydanticCustomError(
                "einwilligung", "ein Name erscheint nur mit „einwilligung“ (Datum der Zustimmung) und „quelle“; "
                "sonst eine Funktion angeben, z. B. „funktion: Pressestelle“")
        return self


class Partner(Strict):
    id: Kennung
    name: Text
    art: PartnerArt
    rolle: Text | None = Field(default=None, description="Was die Quelle über den Partner sagt, in berichtender Form")
    website: HttpsUrl | None = None
    kontakt: Kontakt | None = None
    quelle: Kennung = Field(description="id der Quelle in quellen.yml")


def _relative_to_docs(value: str) -> str:
    if value.startswith("/") or ".." in value.split("/") or "://" in value:
        raise PydanticCustomError("pfad", "Pfad muss relativ zu docs/ sein, ohne „..“ und ohne Adresse")
    return value


#: A file under ``docs/``, written relative to it, e.g. ``dokumente/protokoll.pdf``.
DocsPfad = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_relative_to_docs)]


class Dokument(Strict):
    titel: Text
    pfad: DocsPfad | None = Field(default=None, description="Datei unter docs/, z. B. dokumente/protokoll.pdf")
    url: HttpsUrl | None = None

    @model_validator(mode="after")
    def _exactly_one_target(self) -> "Dokument":
        if (self.pfad is None) == (self.url is None):
            raise PydanticCustomError("dokument", "genau eines von „pfad“ oder „url“ angeben")
        return self


class Regionalkonferenz(Strict):
    id: str
    stadt: Text
    status: Status
    datum: Datum | None = None
    zeitraum: Text | None = Field(default=None, description="z. B. „voraussichtlich 1. Quartal“")
    ort: Text | OffenerPunkt | None = None
    adresse: Text | None = None
    veranstalter: Kennung | None = None
    partner: list[Kennung] = []
    teilnehmende: Anzahl | None = None
    zusammenfassung: Text | None = Field(default=None, description="Markdown")
    ergebnisse: list[Text] = []
    dokumente: list[Dokument] = []
    quelle: Kennung = Field(description="id der Quelle in quellen.yml, aus der Status und Termin stammen")
    zitat: Text | None = Field(default=None, description="Die Stelle der Quelle im Wortlaut")

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


class Zeit(Strict):
    """The time a source speaks for: the date it names, or the period it must have been written in."""

    datum: Datum | None = Field(default=None, description="Datum, das die Quelle selbst nennt")
    von: Datum | None = Field(default=None, description="Frühester Tag, an dem die undatierte Quelle entstanden sein kann")
    bis: Datum | None = Field(default=None, description="Spätester Tag, an dem die undatierte Quelle entstanden sein kann")
    begruendung: Text | None = Field(default=None, description="Warum dieser Zeitraum, in Worten")

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


class Quelle(Strict):
    """A document the site's facts come from; it speaks for its own time (``zeit``)."""

    id: Kennung
    titel: Text
    art: Text
    betreff: Text | None = None
    aktenzeichen: Text | None = None
    herausgeber: Text | OffenerPunkt = Field(description="Stelle, die die Quelle herausgegeben hat")
    adressaten: list[Text] = Field(default=[], description="An wen sich die Quelle richtet, z. B. Gremien")
    zeit: Zeit
    datei: Text | None = Field(default=None, description="Kopie der Quelle unter docs/")

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


class Projekt(Strict):
    """Facts about the project as a whole, each with its source."""

    titel: Text
    kurztitel: Text
    geprueft: Datum = Field(description="Tag, an dem die Daten zuletzt mit ihren Quellen verglichen wurden "
                            "(ein Prüfdatum, nie das Datum der Angaben)")
    herausgeber: Text
    quelle: Kennung = Field(description="id der Hauptquelle in quellen.yml")
    beginn: Text
    foerderprogramm: Text
    foerderaufruf: Text
    projektleitung: Text
    projektleitung_stellenanteil: Text | None = None
    aufgaben_projektleitung: list[Text] = []
    arbeitsgruppe: list[Kennung] = []
    arbeitsgruppe_kommunal: list[Text] = []
    konferenzen_durchgefuehrt_laut_quelle: Anzahl | None = None
    pressekontakt: Kontakt | OffenerPunkt | None = None
    # Which towns held the conferences the source counts; it does not say, so the real data keep it open.
    konferenzen_durchgefuehrt_staedte: list[Literal[tuple(STAEDTE)]] | OffenerPunkt | None = Field(
        default=None, description="Stadt-ids der laut Quelle durchgeführten Regionalkonferenzen")


def _page_address(value: str) -> str:
    if not re.fullmatch(r"[a-z0-9][a-z0-9/_.-]*/", value):
        raise PydanticCustomError(
            "seitenadresse",
            "erwartet wird eine Adresse auf dieser Website ohne „https://“ und ohne „/“ am Anfang, mit „/“ am Ende, "
            "nur Kleinbuchstaben a–z, Ziffern, „-“, „_“ und „.“, z. B. „regionalkonferenzen/haan/“",
        )
    return value


def _page_or_home(value: str) -> str:
    return value and _page_address(value)


#: A page of this site as its URL path, e.g. ``regionalkonferenzen/haan/``.
Seitenadresse = Annotated[str, AfterValidator(_page_address)]


class Weiterleitung(Strict):
    """An old URL that must keep working; it points to the page's new place."""

    von: Seitenadresse
    nach: Annotated[str, AfterValidator(_page_or_home)] = Field(description="leer: die Startseite")


class Impressum(Strict):
    """Publisher details (§ 5 DDG, § 18 MStV) and the contacts the legal pages name.

    The field titles are the labels readers see; unknown values stay open items.
    """

    herausgeber: Text = Field(title="Herausgeber")
    organisationseinheit: Text | None = Field(default=None, title="Organisationseinheit")
    rechtsform: Text | OffenerPunkt = Field(title="Rechtsform")
    anschrift: Text | OffenerPunkt = Field(title="Anschrift")
    telefon: Text | OffenerPunkt = Field(title="Telefon")
    email: Text | OffenerPunkt = Field(title="E-Mail")
    vertretungsberechtigt: Text | OffenerPunkt = Field(title="Vertretungsberechtigt")
    inhaltlich_verantwortlich: Text | OffenerPunkt = Field(title="Inhaltlich verantwortlich nach § 18 Abs. 2 MStV")
    aufsichtsbehoerde: Text | OffenerPunkt = Field(title="Aufsichtsbehörde")
    umsatzsteuer_id: Text | OffenerPunkt | None = Field(default=None, title="Umsatzsteuer-Identifikationsnummer")
    datenschutzbeauftragte: Text | OffenerPunkt = Field(title="Behördliche Datenschutzbeauftragte oder behördlicher Datenschutzbeauftragter")
    kontakt_barrierefreiheit: Text | OffenerPunkt = Field(title="Kontakt für Rückmeldungen zur Barrierefreiheit")
    hosting: Text | OffenerPunkt = Field(title="Betrieb des Webservers (Hosting)")
    speicherdauer_protokolle: Text | OffenerPunkt = Field(title="Speicherdauer der Server-Protokolle")
    # Dates of the legal statements themselves; unlike ``projekt.geprueft`` they move only
    # when someone reviews the statement, not with every data edit.
    erklaerung_erstellt: Datum | OffenerPunkt = Field(title="Erklärung erstellt am")
    erklaerung_ueberprueft: Datum | OffenerPunkt = Field(title="Erklärung zuletzt überprüft am")
    datenschutz_stand: Datum | OffenerPunkt = Field(title="Datenschutzerklärung zuletzt geprüft am")
    quelle: Text


class Lizenz(Wortlaut):
    """Licences a Kreis may choose for its open data, from GovData's list (http://dcat-ap.de/def/licenses/)."""

    dl_by_de = ("dl-by-de/2.0", "Datenlizenz Deutschland – Namensnennung – Version 2.0")
    dl_zero_de = ("dl-zero-de/2.0", "Datenlizenz Deutschland – Zero – Version 2.0")

    @property
    def uri(self) -> str:
        return f"http://dcat-ap.de/def/licenses/{self.value}"


class Gebiet(Strict):
    """The area the data cover, by its official key (Regionalschlüssel of the Statistisches Bundesamt)."""

    name: Text
    kreisschluessel: Annotated[str, StringConstraints(pattern=r"^[0-9]{5}$")] = Field(
        description="Fünfstelliger Kreisschlüssel in Anführungszeichen, z. B. \"05158\"")
    bestaetigt: Datum | OffenerPunkt = Field(description="Tag, an dem der Kreis den Schlüssel bestätigt hat")


class Datenkatalog(Strict):
    """Editorial choices for the open data (``/offene-daten/``) and their DCAT-AP.de catalogue."""

    lizenz: Lizenz | OffenerPunkt = Field(description="Lizenz der offenen Daten; eine Entscheidung des Kreises")
    bereitsteller: Annotated[str, StringConstraints(pattern=r"^http://dcat-ap\.de/def/contributors/[A-Za-z0-9]+$")] | OffenerPunkt = Field(
        description="Kennung der bereitstellenden Stelle bei GovData (dcatde:contributorID)")
    gebiet: Gebiet


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


class Video(Strict):
    """A self-hosted video with German captions and a text version; ``datei`` stays open until it is supplied."""

    id: Kennung
    titel: Text
    datei: DocsPfad | OffenerPunkt = Field(description="Videodatei unter docs/ (.webm oder .mp4)")
    poster: DocsPfad | None = Field(default=None, description="Standbild unter docs/, bevor das Video startet")
    untertitel: DocsPfad | None = Field(default=None, description="Deutsche Untertitel als WebVTT (.vtt) unter docs/")
    textfassung: SeiteMitAnker = Field(description="Seite (und Abschnitt) mit dem Inhalt des Videos als Text")
    dauer: Dauer | None = None
    gebaerdensprache: StrictBool = Field(description="true, wenn eine Dolmetscherin oder ein Dolmetscher "
                                         "für Deutsche Gebärdensprache zu sehen ist")
    quelle: Kennung | None = Field(default=None, description="id der Quelle in quellen.yml: wer das Video "
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

    model_config = ConfigDict(frozen=True)

    projekt: Projekt
    quellen: list[Quelle]
    partner: list[Partner]
    regionalkonferenzen: list[Regionalkonferenz]
    weiterleitungen: list[Weiterleitung] = []
    impressum: Impressum
    datenkatalog: Datenkatalog
    videos: list[Video] = []

    def partner_by_id(self) -> dict[str, Partner]:
        return {p.id: p for p in self.partner}

    def quellen_by_id(self) -> dict[str, Quelle]:
        return {q.id: q for q in self.quellen}

    def quelle(self, id: str | None = None) -> Quelle:
        """A source by id; without an id the project's main source."""
        id = id or self.projekt.quelle
        for quelle in self.quellen:
            if quelle.id == id:
                return quelle
        erlaubt = ", ".join(q.id for q in self.quellen)
        raise MakroFehler(f"Eine Quelle „{id}“ gibt es nicht. Erlaubt sind: {erlaubt}.")

    def konferenz(self, id: str) -> Regionalkonferenz:
        for konferenz in self.regionalkonferenzen:
            if konferenz.id == id:
                return konferenz
        erlaubt = ", ".join(k.id for k in self.regionalkonferenzen)
        raise MakroFehler(f"Eine Regionalkonferenz „{id}“ gibt es nicht. Erlaubt sind: {erlaubt}.")

    def video(self, id: str) -> Video:
        for video in self.videos:
            if video.id == id:
                return video
        erlaubt = ", ".join(v.id for v in self.videos) or "keine (data/videos.yml fehlt oder ist leer)"
        raise MakroFehler(f"Ein Video „{id}“ gibt es nicht. Erlaubt sind: {erlaubt}.")
