"""Publishing with rollback, blue-green: ``<ziel>/releases/<kennung>/`` holds complete builds,
``<ziel>/aktuell`` is a symlink to the one the web server shows (``deploy/nginx.conf``).

A new release is copied in full before the switch; the switch replaces the symlink by one
``rename()`` (a new link beside it, renamed over the old one), so at no moment is there no site
and every request gets one release. The last ``BEHALTEN`` releases stay for ``zurueck``.
A lock file keeps two publications on the same folder from interleaving.
"""
from __future__ import annotations

import datetime as dt
import fcntl
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

AKTUELL = "aktuell"
RELEASES = "releases"
BEHALTEN = 5


class VeroeffentlichungsFehler(Exception):
    """Publishing or rolling back is not possible; the message is German and says why."""


def kennung(jetzt: dt.datetime, repo: Path) -> str:
    """Sortable name of a release: UTC time (to the millisecond) and the short commit hash."""
    zeit = jetzt.astimezone(dt.timezone.utc)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=repo, capture_output=True, text=True)
    hash_ = commit.stdout.strip() if commit.returncode == 0 else "ohne-git"
    return f"{zeit:%Y%m%dT%H%M%S}{zeit.microsecond // 1000:03d}Z-{hash_}"


def releases(ziel: Path) -> list[str]:
    """The complete releases, oldest first (their names sort by time)."""
    ordner = ziel / RELEASES
    return sorted(p.name for p in ordner.iterdir() if p.is_dir() and not p.name.startswith(".")) \
        if ordner.is_dir() else []


def aktuell(ziel: Path) -> str | None:
    """The release the web server shows now, or ``None`` before the first publication."""
    link = ziel / AKTUELL
    if not link.is_symlink():
        if link.exists():
            raise VeroeffentlichungsFehler(f"{link} ist kein symbolischer Link. Bitte den Ordner umbenennen; "
                                           "die Veröffentlichung legt den Link selbst an.")
        return None
    return Path(os.readlink(link)).name


def veroeffentlichen(gebaut: Path, ziel: Path, name: str) -> str | None:
    """Copy the built site ``gebaut`` to ``releases/<name>``, switch to it, keep the last ``BEHALTEN``.

    Returns the release shown before (``None`` for the first publication).
    """
    if not (gebaut / "index.html").is_file():
        raise VeroeffentlichungsFehler(f"In {gebaut} liegt keine gebaute Website (index.html fehlt).")
    with _gesperrt(ziel):
        vorher = aktuell(ziel)
        release = ziel / RELEASES / name
        if release.exists():
            raise VeroeffentlichungsFehler(f"Die Fassung {release} gibt es schon.")
        for abgebrochen in (ziel / RELEASES).glob(".neu-*"):  # left by a copy that crashed (we hold the lock)
            shutil.rmtree(abgebrochen)
        neu = ziel / RELEASES / f".neu-{name}"
        shutil.copytree(gebaut, neu, symlinks=True)
        neu.rename(release)  # only a complete copy gets a release name
        _umschalten(ziel, name)
        for alt in releases(ziel)[:-BEHALTEN]:
            shutil.rmtree(ziel / RELEASES / alt)
        return vorher


def zurueck(ziel: Path) -> tuple[str, str]:
    """Switch back to the release before the current one; returns (from, to)."""
    with _gesperrt(ziel):
        jetzt, alle = aktuell(ziel), releases(ziel)
        if jetzt is None or jetzt not in alle:
            raise VeroeffentlichungsFehler(f"In {ziel} ist noch nichts veröffentlicht ({AKTUELL} fehlt).")
        stelle = alle.index(jetzt)
        if stelle == 0:
            raise VeroeffentlichungsFehler(f"Vor {jetzt} gibt es keine ältere Fassung in {ziel / RELEASES}.")
        _umschalten(ziel, alle[stelle - 1])
        return jetzt, alle[stelle - 1]


def _umschalten(ziel: Path, name: str) -> None:
    """Point ``aktuell`` at ``releases/<name>`` with one rename (relative link: the folder may move)."""
    neu = ziel / f".{AKTUELL}-{os.getpid()}"
    neu.unlink(missing_ok=True)
    neu.symlink_to(Path(RELEASES) / name)
    os.replace(neu, ziel / AKTUELL)
    verzeichnis = os.open(ziel, os.O_RDONLY)
    try:
        os.fsync(verzeichnis)  # the switch survives a power cut
    finally:
        os.close(verzeichnis)


@contextmanager
def _gesperrt(ziel: Path) -> Iterator[None]:
    (ziel / RELEASES).mkdir(parents=True, exist_ok=True)
    with open(ziel / ".sperre", "w") as sperre:
        fcntl.flock(sperre, fcntl.LOCK_EX)
        yield
