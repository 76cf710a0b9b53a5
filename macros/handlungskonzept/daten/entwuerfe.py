"""Draft pages: a page whose front matter says ``entwurf: true`` exists only in the editors' preview.

Read straight from the Markdown files (like the review dates), because the build must drop a
draft before MkDocs reads any page, and ``make offen`` lists drafts without building.
A published page must not link to a draft: the link would break once the draft is left out.
"""
from __future__ import annotations

import posixpath
import re
from pathlib import Path

import yaml

from .problems import DatenFehler, Problem
from .pruefdatum import FRONT_MATTER

_KEY = re.compile(r"^entwurf[ \t]*:[ \t]*(.*?)[ \t]*(?:#.*)?$")
#: Link targets in Markdown (``](ziel.md)``, ``]: ziel.md``) and HTML (``href="ziel/"``).
_LINK = re.compile(r"""\]\(\s*<?([^)\s>]+)|^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)|href=["']([^"']+)["']""",
                   re.MULTILINE)
#: Links this check leaves alone: other sites, ``mailto:``, absolute paths.
_EXTERN = re.compile(r"^([a-z][a-z0-9+.-]*:|/)", re.IGNORECASE)


def zeile(text: str, datei: str) -> int | None:
    """The line of ``entwurf: true`` in the front matter, ``None`` when the page is no draft."""
    front = FRONT_MATTER.match(text)
    if front is None:
        return None
    for number, line in enumerate((front.group(1) or "").splitlines(), start=2):
        match = _KEY.match(line)
        if match is None:
            continue
        value = yaml.safe_load(match.group(1) or "null")
        if not isinstance(value, bool):
            raise DatenFehler([Problem(datei, number, 1, "entwurf", "Nur „entwurf: true“ (Seite ist ein Entwurf) "
                                       "oder „entwurf: false“ ist erlaubt.", match.group(1))])
        return number if value else None
    return None


def finden(docs_dir: Path, shown_as: str = "docs") -> dict[str, int]:
    """Every draft below ``docs_dir``: its path relative to ``docs_dir`` and the line of ``entwurf: true``.

    Raises ``DatenFehler`` naming every page whose ``entwurf`` is neither true nor false.
    """
    gefunden: dict[str, int] = {}
    problems: list[Problem] = []
    for path in sorted(docs_dir.rglob("*.md")):
        relativ = path.relative_to(docs_dir).as_posix()
        try:
            number = zeile(path.read_text(encoding="utf-8"), f"{shown_as}/{relativ}")
        except DatenFehler as error:
            problems += error.problems
            continue
        if number is not None:
            gefunden[relativ] = number
    if problems:
        raise DatenFehler(problems)
    return gefunden


def url(src: str) -> str:
    """The site-relative address of a page (directory URLs, as ``use_directory_urls`` builds them)."""
    stem = src.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def verweise(text: str, src: str, entwuerfe: set[str]) -> list[tuple[int, str]]:
    """Line and draft of every link in page ``src`` that leads to one of the draft pages ``entwuerfe``.

    ``.md`` links count from the file's folder (as MkDocs resolves them), addresses from the page's URL.
    """
    nach_url = {url(d): d for d in entwuerfe}
    gefunden = []
    for match in _LINK.finditer(text):
        pfad = next(g for g in match.groups() if g is not None).split("#", 1)[0].split("?", 1)[0]
        if not pfad or _EXTERN.match(pfad):
            continue
        if pfad.endswith(".md"):
            entwurf = posixpath.normpath(posixpath.join(posixpath.dirname(src), pfad))
        else:
            adresse = posixpath.normpath(posixpath.join(url(src), pfad))
            entwurf = nach_url.get("" if adresse == "." else f"{adresse}/")
        if entwurf in entwuerfe:
            gefunden.append((text.count("\n", 0, match.start()) + 1, entwurf))
    return gefunden
