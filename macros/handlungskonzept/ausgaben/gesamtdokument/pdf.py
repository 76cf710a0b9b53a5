"""The whole document as tagged PDF/UA-1, cached by the hash of its inputs.

Rendering takes many seconds, and the same inputs give the same bytes: a build whose pages,
cover, appendix, code, fonts and WeasyPrint version are unchanged only copies the cached file,
without assembling the document or importing WeasyPrint (``satz``), which alone takes two seconds.
"""
from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

from ...zwischenspeicher import Zwischenspeicher, code_dateien, schluessel as schluessel_von
from . import dokument

#: The code that shapes the document: this package (assembly, template, print styles), the engine's other
#: modules (filters, addresses, the model) and the components' styles, which are part of the content.
_PAKET = Path(__file__).resolve().parent
CODE = sorted({*_PAKET.glob("*.*"), *code_dateien(), *dokument.components.COMPONENTS_DIR.glob("*/*.css")})

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


def schriften() -> dict[tuple[str, int], Path]:
    """The font files, or a German message naming the Debian package."""
    dateien = {stil: SCHRIFT_ORDNER / name for stil, name in SCHRIFTEN.items()}
    fehlend = [str(d) for d in dateien.values() if not d.is_file()]
    if fehlend:
        raise PdfFehler(f"Für das Gesamtdokument (PDF) fehlt die Schrift {', '.join(fehlend)}. Bitte das "
                        f"Debian-Paket installieren: sudo apt-get install {SCHRIFT_PAKET} (oder „make site“ als root).")
    return dateien


def fassung() -> bytes:
    """What renders the PDF, apart from our code: the engine's version and the options."""
    return f"weasyprint {version('weasyprint')}, pydyf {version('pydyf')}, {sorted(OPTIONEN.items())!r}".encode()


def schluessel(kapitel: list[dokument.Kapitel], titelblatt: dokument.Titelblatt, anhang: dokument.Anhang,
               site_url: str | None, dateien: list[Path]) -> bytes:
    """SHA-256 over what the PDF shows: the pages, cover, appendix and public address, the code and font files."""
    teile = [repr(kapitel), repr(titelblatt), repr(anhang), site_url or ""]
    return schluessel_von(*(t.encode() for t in teile), *(d.read_bytes() for d in sorted(dateien)))


def erzeugen(kapitel: list[dokument.Kapitel], titelblatt: dokument.Titelblatt, anhang: dokument.Anhang,
             site_url: str | None, basis: Path, cache: Path) -> Path:
    """The PDF of these pages (relative addresses below ``basis``) from the store in ``cache``, rendered if missing."""
    dateien = schriften()
    store = Zwischenspeicher(cache, "pdf", fassung(), behalten=BEHALTEN, endung=".pdf")

    def setzen(name: str) -> bytes:
        from . import satz  # WeasyPrint: imported only when something has to be rendered

        html = dokument.html(kapitel, titelblatt, anhang, site_url)
        return satz.setzen(html, dokument.stylesheet(dateien), [basis, SCHRIFT_ORDNER], name, OPTIONEN)

    datei = store.datei(schluessel(kapitel, titelblatt, anhang, site_url, [*dateien.values(), *CODE]), setzen)
    store.aufraeumen()
    return datei
