"""One HTML document from the pages' content: cover, contents, chapters and the source text as appendix.

Each page keeps its own HTML (what its ``<article>`` shows on the website); only what makes no sense
on paper goes (permalink signs, scripts), ids get the page's prefix so that they stay unique, and
links are rewritten: to a page inside the document they become in-document anchors, to any other
page of the site its public address.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from markupsafe import Markup

from ...daten.urls import absolute_url
from .. import components

HIER = Path(__file__).resolve().parent
#: In-document anchor of the appendix.
ANHANG = "anhang"
#: Attributes that name other elements by id (WeasyPrint tags table cells by ``headers``).
_ID_LISTEN = ("headers", "aria-labelledby", "aria-describedby", "aria-controls")
#: What only works on a screen.
_NUR_BILDSCHIRM = "a.headerlink, script, noscript, form, input, button"


@dataclass(frozen=True)
class Kapitel:
    """One page of the site as part of the document."""

    titel: str
    url: str
    """Site-relative address of the page, e.g. ``regionalkonferenzen/haan/`` (``""``: the start page)."""
    html: str
    """The page's content as MkDocs rendered it."""
    ebene: int = 1
    """1: a chapter of the menu; 2: a page that belongs to the chapter before it (a conference page)."""

    @property
    def anker(self) -> str:
        return "seite-" + (self.url.strip("/").replace("/", "-") or "startseite")


@dataclass(frozen=True)
class Titelblatt:
    """What the cover names; every value comes from the loaded data."""

    titel: str
    herausgeber: str
    quelle: str
    quellenzeit: str


@dataclass(frozen=True)
class Anhang:
    """The source document as plain text, and where the website publishes it."""

    titel: str
    url: str
    text: str

    def absaetze(self) -> list[list[str]]:
        """Paragraphs (separated by empty lines) as lists of lines; lines with nothing to read are dropped."""
        absaetze, zeilen = [], []
        for zeile in [*self.text.splitlines(), ""]:
            if zeile.strip():
                zeilen.append(zeile.strip())
            elif zeilen:
                absaetze.append(zeilen)
                zeilen = []
        return absaetze


@cache
def _umgebung():
    return components.make_environment(HIER)


def html(kapitel: list[Kapitel], titelblatt: Titelblatt, anhang: Anhang, site_url: str | None) -> str:
    """The whole document as one HTML string (the input WeasyPrint renders, and part of the cache key)."""
    anker = {k.url: k.anker for k in kapitel}
    teile = [(k, Markup(_aufbereiten(k, anker, anhang.url, site_url))) for k in kapitel]
    verzeichnis: list[tuple[Kapitel, list[Kapitel]]] = []
    for k in kapitel:
        if k.ebene == 1 or not verzeichnis:
            verzeichnis.append((k, []))
        else:
            verzeichnis[-1][1].append(k)
    return _umgebung().get_template("dokument.html").render(
        kapitel=teile, verzeichnis=verzeichnis, titelblatt=titelblatt, anhang=anhang, anhang_anker=ANHANG)


def stylesheet(schriften: dict[str, Path]) -> str:
    """The print stylesheet: our own layout plus the components' styles (they are part of the content)."""
    eigene = (pfad.read_text(encoding="utf-8") for pfad in sorted(components.COMPONENTS_DIR.glob("*/*.css")))
    return "\n".join(eigene) + "\n" + _umgebung().get_template("gesamtdokument.css").render(schriften=schriften)


def _aufbereiten(kapitel: Kapitel, anker: dict[str, str], anhang_url: str, site_url: str | None) -> str:
    from bs4 import BeautifulSoup  # a fifth of a second to import; a build with the PDF in its cache never needs it

    soup = BeautifulSoup(kapitel.html, "html.parser")
    for element in soup.select(_NUR_BILDSCHIRM):
        element.decompose()
    praefix = kapitel.anker + "--"
    for element in soup.find_all(id=True):
        element["id"] = praefix + element["id"]
    for name in _ID_LISTEN:
        for element in soup.find_all(attrs={name: True}):
            werte = element[name] if isinstance(element[name], list) else element[name].split()
            element[name] = " ".join(praefix + wert for wert in werte)
    for link in soup.find_all("a", href=True):
        link["href"] = _ziel(link["href"], kapitel.url, anker, anhang_url, site_url)
    if kapitel.ebene > 1:  # a page inside a chapter: its headings move down a level
        for ueberschrift in soup.find_all(["h1", "h2", "h3", "h4", "h5"]):
            ueberschrift.name = f"h{min(int(ueberschrift.name[1]) + kapitel.ebene - 1, 6)}"
    return str(soup)


def _ziel(href: str, seite: str, anker: dict[str, str], anhang_url: str, site_url: str | None) -> str:
    """Where a link of page ``seite`` points in the document: an anchor inside it, or an address outside."""
    teile = urlsplit(href)
    if teile.scheme or teile.netloc:  # https:, mailto:, tel: – unchanged
        return href
    pfad = urljoin("/" + seite, teile.path).lstrip("/") if teile.path else seite
    pfad = pfad.removesuffix("index.html")
    if pfad == anhang_url:
        return "#" + ANHANG
    if pfad in anker:
        return "#" + anker[pfad] + (f"--{teile.fragment}" if teile.fragment else "")
    return absolute_url(site_url, pfad) + (f"#{teile.fragment}" if teile.fragment else "")


def aus_daten(daten, docs: Path) -> tuple[Titelblatt, Anhang]:
    """Cover and appendix from the loaded model: the project's title and publisher, its main source."""
    quelle = daten.quelle()
    titelblatt = Titelblatt(titel=daten.projekt.titel, herausgeber=daten.projekt.herausgeber,
                            quelle=quelle.titel, quellenzeit=quelle.zeitangabe)
    return titelblatt, Anhang(titel=quelle.titel, url=quelle.datei,
                              text=(docs / quelle.datei).read_text(encoding="utf-8"))
