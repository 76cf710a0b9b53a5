"""Builds the site into a folder so that the folder only ever holds one complete build.

``mkdocs build`` writes into a fresh temporary folder beside the target (its own name, so two
builds at once never share one); only a successful build replaces the target, by one atomic
exchange of the two folders (Linux ``renameat2`` with ``RENAME_EXCHANGE``). A failed build leaves
the target as it was. MkDocs runs as a separate process: this module imports nothing of it.
"""
from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_libc = ctypes.CDLL(None, use_errno=True)


def bauen(ziel: Path, *, vorschau: bool = False, testsystem: bool = False) -> bool:
    """Build into ``ziel``; ``vorschau`` is the editors' preview, ``testsystem`` adds noindex. True on success."""
    ziel = ziel.absolute()
    neu = neuer_ordner(ziel)
    umgebung = {**os.environ, "HK_VORSCHAU": "1" if vorschau else "0", "HK_TESTSYSTEM": "1" if testsystem else "0"}
    ergebnis = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(neu)],
                              env=umgebung)
    if ergebnis.returncode != 0:
        shutil.rmtree(neu, ignore_errors=True)
        return False
    einsetzen(neu, ziel)
    return True


def neuer_ordner(ziel: Path) -> Path:
    """A fresh folder beside ``ziel`` with a name of its own, so two builds at once never share one."""
    ziel.parent.mkdir(parents=True, exist_ok=True)
    neu = Path(tempfile.mkdtemp(prefix=f".{ziel.name}-neu-", dir=ziel.parent))
    neu.chmod(0o777 & ~_umask())  # mkdtemp makes it private; the web server must read the site
    return neu


def _umask() -> int:
    maske = os.umask(0)
    os.umask(maske)
    return maske


def einsetzen(neu: Path, ziel: Path) -> None:
    """Put the folder ``neu`` at ``ziel`` in one step and delete what stood there before."""
    try:
        os.rename(neu, ziel)  # nothing there yet (an empty folder is replaced as well)
        return
    except OSError:
        if not ziel.is_dir():
            raise
    tauschen(neu, ziel)
    shutil.rmtree(neu)  # now the previous build


def tauschen(a: Path, b: Path) -> None:
    """Exchange two paths atomically: at no moment is either missing."""
    if _libc.renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) != 0:
        fehler = ctypes.get_errno()
        raise OSError(fehler, os.strerror(fehler), str(b))
