"""Typesetting with WeasyPrint: one HTML document and its stylesheet in, the bytes of a PDF out.

Kept apart from ``pdf`` because importing WeasyPrint takes seconds that a build with the PDF in
its cache should not pay. Nothing is fetched from the network or from outside the given folders:
the URL fetcher serves local files below them and stops the rendering on anything else.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import weasyprint
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher

from .pdf import PdfFehler


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


def setzen(html: str, css: str, ordner: list[Path], kennung: str, optionen: dict) -> bytes:
    """The PDF of ``html``; relative addresses resolve below ``ordner[0]``, and only ``ordner`` may be read."""
    abruf = _NurLokal(ordner)
    schriftwahl = FontConfiguration()  # makes the stylesheet's @font-face rules count
    try:
        return weasyprint.HTML(string=html, base_url=ordner[0].as_uri() + "/", url_fetcher=abruf).write_pdf(
            stylesheets=[weasyprint.CSS(string=css, url_fetcher=abruf, font_config=schriftwahl)],
            font_config=schriftwahl, pdf_identifier=kennung[:32].encode(), **optionen)
    except FatalURLFetchingError as fehler:
        raise PdfFehler(str(fehler)) from None
