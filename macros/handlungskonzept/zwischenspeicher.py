"""Results of work on a file's bytes, kept between builds under the SHA-256 of those bytes.

A build over unchanged pages then only hashes them: the privacy scan and the compression of some
150 files otherwise cost a third of a second each time. The key also covers what makes the result
(``fassung``: the code's own text or the tool's settings), so changed code never reuses an old result.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

#: The folder of every store of the build, relative to mkdocs.yml (git-ignored).
ORDNER = ".cache"
#: How many results a store keeps (the newest used); the real and the test data share it.
BEHALTEN = 3000


def ordner(konfiguration: str | Path) -> Path:
    """The folder of the build's stores, beside ``mkdocs.yml`` (``konfiguration``: its path)."""
    return Path(konfiguration).parent / ORDNER


class Zwischenspeicher:
    """One kind of result (``art``) in its own folder below ``ordner``."""

    def __init__(self, ordner: Path, art: str, fassung: bytes):
        self.ordner = ordner / art
        self._fassung = hashlib.sha256(fassung).digest()

    def ergebnis(self, inhalt: bytes, erzeugen: Callable[[bytes], bytes]) -> bytes:
        """``erzeugen(inhalt)``, from the store if it was made before."""
        pfad = self.ordner / hashlib.sha256(self._fassung + inhalt).hexdigest()
        try:
            ergebnis = pfad.read_bytes()
            os.utime(pfad)  # keeps it among the newest
            return ergebnis
        except FileNotFoundError:
            pass
        ergebnis = erzeugen(inhalt)
        self.ordner.mkdir(parents=True, exist_ok=True)
        zwischen = pfad.with_suffix(f".{os.getpid()}.neu")
        zwischen.write_bytes(ergebnis)
        zwischen.replace(pfad)  # never half a result under a valid name, even with two builds at once
        return ergebnis

    def aufraeumen(self) -> None:
        """Drop the results used longest ago beyond ``BEHALTEN``."""
        if not self.ordner.is_dir():
            return
        eintraege = sorted(self.ordner.iterdir(), key=lambda p: p.stat().st_mtime, reverse=True)
        for alt in eintraege[BEHALTEN:]:
            alt.unlink(missing_ok=True)
