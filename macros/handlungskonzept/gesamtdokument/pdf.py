"""Render the whole document with WeasyPrint as tagged PDF/UA-1, cached by the hash of its inputs.

Rendering takes many seconds, and the same inputs give the same bytes: a build whose document,
stylesheet, fonts and WeasyPrint version are unchanged only copies the cached file. Nothing is
fetched from the network or from outside the given folders: the URL fetcher serves local files
below the docs folder and the font folder, and stops the rendering on anything else.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import pydyf
import weasyprint
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher

from . import dokument

#: Debian's Open Sans (package ``fonts-open-sans``), a humanist sans that reads well on paper and screen.
SCHRIFT_PAKET = "fonts-open-sans"
SCHRIFT_ORDNER = Path("/usr/share/fonts/truetype/open-sans")
SCHRIFTEN = {
    ("normal", 400): "OpenSans-Regular.ttf",
    ("italic", 400): "OpenSans-Italic.ttf",
    ("normal", 700): "OpenSans-Bold.ttf",
    ("italic", 700): "OpenSans-BoldItalic.ttf",
}
#: Render options; part of the cache key.
OPTIONEN = {"pdf_variant": "pdf/ua-1", "pdf_tags": True, "uncompressed_pdf": False, "full_fonts": False}
#: How many rendered files the cache keeps (the newest used); the real and the test data alternate.
BEHALTEN = 6


class PdfFehler(Exception):
    """The PDF cannot be made; the message is German and says what to do."""


class _NurLokal(URLFetcher):
    """Serves ``file:`` URLs below the allowed folders; anything else stops the rendering."""

    def __init__(self, ordner: list[Path]):
        super().__init__(fail_on_errors=True)
        self._ordner = [o.resolve() for o in ordner]

    def fetch(self, url, headers=None):
        pfad = Path(url2pathname(urlsplit(url).path)).resolve() if url.startswith("file:") else None
        if pfad is None or not any(pfad.is_relative_to(o) for o in self._ordner):
            raise FatalURLFetchingError(f"Das Gesamtdokument (PDF) darf nur Dateien aus dem Ordner docs/ einbinden, "
                                        f"nicht „{url}“.")
        if not pfad.is_file():
            raise FatalURLFetchingError(f"Das Gesamtdokument (PDF) bindet „{pfad}“ ein, aber die Datei fehlt.")
        return super().fetch(url, headers)


def schriften() -> dict[tuple[str, int], Path]:
    """The font files, or a German message naming the Debian package."""
    dateien = {stil: SCHRIFT_ORDNER / name for stil, name in SCHRIFTEN.items()}
    fehlend = [str(d) for d in dateien.values() if not d.is_file()]
    if fehlend:
        raise PdfFehler(f"Für das Gesamtdokument (PDF) fehlt die Schrift {', '.join(fehlend)}. Bitte das "
                        f"Debian-Paket installieren: sudo apt-get install {SCHRIFT_PAKET} (oder „make site“ als root).")
    return dateien


def schluessel(html: str, css: str, dateien: list[Path]) -> str:
    """SHA-256 over everything that shapes the PDF: document, stylesheet, font files, options and engine."""
    summe = hashlib.sha256()
    teile = [f"weasyprint {weasyprint.__version__}, pydyf {pydyf.__version__}", repr(sorted(OPTIONEN.items())),
             html, css]
    for teil in [*(t.encode() for t in teile), *(d.read_bytes() for d in sorted(dateien))]:
        summe.update(len(teil).to_bytes(8, "big"))
        summe.update(teil)
    return summe.hexdigest()


def erzeugen(html: str, basis: Path, cache: Path) -> Path:
    """The PDF of ``html`` (relative addresses below ``basis``) from ``cache``, rendered there if missing."""
    dateien = schriften()
    css = dokument.stylesheet(dateien)
    key = schluessel(html, css, list(dateien.values()))
    ziel = cache / f"{key}.pdf"
    if ziel.is_file():
        os.utime(ziel)  # keeps it among the newest
        return ziel
    abruf = _NurLokal([basis, SCHRIFT_ORDNER])
    schriftwahl = FontConfiguration()  # makes the stylesheet's @font-face rules count
    try:
        daten = weasyprint.HTML(string=html, base_url=basis.as_uri() + "/", url_fetcher=abruf).write_pdf(
            stylesheets=[weasyprint.CSS(string=css, url_fetcher=abruf, font_config=schriftwahl)],
            font_config=schriftwahl, pdf_identifier=key[:32].encode(), **OPTIONEN)
    except FatalURLFetchingError as fehler:
        raise PdfFehler(str(fehler)) from None
    cache.mkdir(parents=True, exist_ok=True)
    zwischen = ziel.with_suffix(".pdf.neu")
    zwischen.write_bytes(daten)
    zwischen.replace(ziel)  # a crashed build never leaves half a file under a valid name
    for alt in sorted(cache.glob("*.pdf"), key=lambda p: p.stat().st_mtime, reverse=True)[BEHALTEN:]:
        alt.unlink()
    return ziel
