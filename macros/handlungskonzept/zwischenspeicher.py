"""Results of work on a file's bytes, kept between builds under the SHA-256 of those bytes.

A build over unchanged pages then only hashes them: the privacy scan and the compression of some
150 files otherwise cost a third of a second each time. The key also covers what makes the result
(``fassung``: the code's own text or the tool's settings), so changed code never reuses an old result.
Files made from the whole data (calendars, catalogue) are kept the same way, so a build with unchanged
data does not even import the library that writes them.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
from collections.abc import Callable
from functools import cache
from importlib.metadata import version
from pathlib import Path

#: The folder of every store of the build, relative to mkdocs.yml (git-ignored).
ORDNER = ".cache"
#: How many results a store keeps (the newest used); the real and the test data share it.
BEHALTEN = 3000
#: How many versions of the files made from the whole data a store keeps; the real and the test data alternate.
BEHALTEN_JE_DATENSTAND = 6
#: The engine's own code, part of the key of every result made from the whole data.
PAKET = Path(__file__).resolve().parent


def code_dateien(paket: Path | None = None) -> list[Path]:
    """The engine's Python files (or those of ``paket``), in a fixed order."""
    return sorted((paket or PAKET).rglob("*.py"))


def ordner(konfiguration: str | Path) -> Path:
    """The folder of the build's stores, beside ``mkdocs.yml`` (``konfiguration``: its path)."""
    return Path(konfiguration).parent / ORDNER


class Zwischenspeicher:
    """One kind of result (``art``) in its own folder below ``ordner``, keeping the newest ``behalten``."""

    def __init__(self, ordner: Path, art: str, fassung: bytes, behalten: int | None = None, endung: str = ""):
        self.ordner = ordner / art
        self._fassung = hashlib.sha256(fassung).digest()
        self._behalten = behalten
        self._endung = endung

    def _name(self, inhalt: bytes) -> str:
        return hashlib.sha256(self._fassung + inhalt).hexdigest()

    def vorhanden(self, inhalt: bytes) -> bool:
        """Whether a result of ``inhalt`` is stored (a check that found nothing stores an empty one)."""
        pfad = self.ordner / f"{self._name(inhalt)}{self._endung}"
        if not pfad.is_file():
            return False
        os.utime(pfad)  # keeps it among the newest
        return True

    def datei(self, inhalt: bytes, erzeugen: Callable[[str], bytes]) -> Path:
        """The stored file of ``inhalt``; if missing, ``erzeugen(name)`` makes it (``name``: the file's hash)."""
        name = self._name(inhalt)
        pfad = self.ordner / f"{name}{self._endung}"
        if self.vorhanden(inhalt):
            return pfad
        ergebnis = erzeugen(name)
        self.ordner.mkdir(parents=True, exist_ok=True)
        zwischen = self.ordner / f"{name}.{os.getpid()}.neu"
        zwischen.write_bytes(ergebnis)
        zwischen.replace(pfad)  # never half a result under a valid name, even with two builds at once
        return pfad

    def ergebnis(self, inhalt: bytes, erzeugen: Callable[[bytes], bytes]) -> bytes:
        """``erzeugen(inhalt)``, from the store if it was made before."""
        return self.datei(inhalt, lambda _name: erzeugen(inhalt)).read_bytes()

    def ausgaben(self, inhalt: bytes, erzeugen: Callable[[], dict[str, bytes]]) -> dict[str, bytes]:
        """Files made together (path → bytes) from ``inhalt``, kept as one JSON file; ``erzeugen()`` only if missing."""
        def speichern(_name: str) -> bytes:
            return json.dumps({pfad: base64.b64encode(daten).decode("ascii") for pfad, daten in erzeugen().items()},
                              sort_keys=True).encode()

        gespeichert = json.loads(self.datei(inhalt, speichern).read_bytes())
        return {pfad: base64.b64decode(daten) for pfad, daten in gespeichert.items()}

    def aufraeumen(self) -> None:
        """Drop the results used longest ago beyond ``behalten`` (``BEHALTEN`` unless the store has its own)."""
        if not self.ordner.is_dir():
            return
        fertig = [p for p in self.ordner.iterdir() if p.suffix != ".neu"]  # not what another build is writing
        behalten = self._behalten or BEHALTEN
        if len(fertig) <= behalten:  # the usual case: no file's time needs to be read
            return
        eintraege = sorted(fertig, key=lambda p: p.stat().st_mtime, reverse=True)
        for alt in eintraege[behalten:]:
            alt.unlink(missing_ok=True)


def schluessel(*teile: bytes) -> bytes:
    """SHA-256 over the parts, each with its length, so no two different lists of parts give the same key."""
    summe = hashlib.sha256()
    for teil in teile:
        summe.update(len(teil).to_bytes(8, "big"))
        summe.update(teil)
    return summe.digest()


def programmcode(*werkzeuge: str) -> bytes:
    """The engine's code and the versions of the packages ``werkzeuge``: what makes a result besides its inputs."""
    return schluessel(_code(PAKET), *(f"{name} {version(name)}".encode() for name in werkzeuge))


@cache
def _code(paket: Path) -> bytes:
    """The code as this process read it first: what runs, even if ``mkdocs serve`` sees the files change later."""
    return schluessel(*(p.read_bytes() for p in code_dateien(paket)))


def aus_den_daten(cache: Path | None, art: str, werkzeuge: tuple[str, ...], eingaben: tuple[bytes, ...],
                  erzeugen: Callable[[], dict[str, bytes]]) -> dict[str, bytes]:
    """Files made from the data (``eingaben``: everything they depend on besides the code), from the store if made
    before by the same engine code and the same versions of ``werkzeuge`` (packages); without ``cache`` made anew."""
    if cache is None:
        return erzeugen()
    store = Zwischenspeicher(cache, art, programmcode(*werkzeuge), behalten=BEHALTEN_JE_DATENSTAND)
    ergebnis = store.ausgaben(schluessel(*eingaben), erzeugen)
    store.aufraeumen()
    return ergebnis
