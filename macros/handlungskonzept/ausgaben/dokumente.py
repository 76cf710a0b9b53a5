"""File type and size of a local document, so readers know what a download costs before they click."""
from __future__ import annotations

from pathlib import Path


def groesse_de(anzahl_bytes: int) -> str:
    """``1234567`` → ``1,2 MB`` (binary units, German decimal comma)."""
    wert, einheit = float(anzahl_bytes), "Byte"
    for groessere in ("KB", "MB", "GB"):
        if wert < 1024:
            break
        wert, einheit = wert / 1024, groessere
    return f"{anzahl_bytes} Byte" if einheit == "Byte" else f"{wert:.1f} {einheit}".replace(".", ",")


def dateiangabe(datei: Path) -> str:
    """``protokoll.pdf`` of 1.2 MB → ``PDF, 1,2 MB``; measured when the site is built."""
    typ = datei.suffix.removeprefix(".").upper() or "Datei"
    return f"{typ}, {groesse_de(datei.stat().st_size)}"
