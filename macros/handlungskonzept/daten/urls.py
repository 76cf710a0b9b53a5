"""Permanent links: the manifest of every URL the site has published, and its check.

The manifest ``data/veroeffentlichte-urls.txt`` only ever grows. A built site must
serve each listed URL, or a redirect from ``data/weiterleitungen.yml`` must lead from
it to a URL the site serves; otherwise a link in a press release would break.
URLs are written site-relative with a leading slash: ``/regionalkonferenzen/hilden/``.
"""
from __future__ import annotations

from pathlib import Path

from .model import Weiterleitung

DATEI = "veroeffentlichte-urls.txt"

KOPF = """\
# Veröffentlichte Adressen der Website – eine je Zeile, relativ zur Website-Adresse (site_url).
# Jede Adresse, die die Website je ausgeliefert hat, steht hier und muss erreichbar bleiben:
# Die Tests und `make site` schlagen fehl, wenn eine fehlt und keine Weiterleitung
# (data/weiterleitungen.yml) von ihr zu einer neuen Adresse führt.
# Nicht von Hand löschen. Neue Adressen nimmt `make urls` auf.
"""

#: Build output that is no address of its own: theme files (their names change with every
#: theme release), search index, error page. Images under assets/bilder/ (the share image
#: in every og:image) are addresses like any other.
_INTERN = ("assets/javascripts/", "assets/stylesheets/", "assets/images/", "search/", "404.html", "sitemap.xml.gz")


def absolute_url(site_url: str | None, path: str) -> str:
    """``site_url`` plus a site-relative path: the one way every absolute address is built.

    Without a ``site_url`` (possible in a local config) the address is root-relative.
    """
    return (site_url or "").rstrip("/") + "/" + path.lstrip("/")


def lesen(path: Path) -> list[str]:
    """The URLs of a manifest file, without comments and blank lines."""
    if not path.is_file():
        return []
    zeilen = (zeile.strip() for zeile in path.read_text(encoding="utf-8").splitlines())
    return [zeile for zeile in zeilen if zeile and not zeile.startswith("#")]


def schreiben(path: Path, urls: set[str]) -> None:
    path.write_text(KOPF + "".join(f"{url}\n" for url in sorted(urls)), encoding="utf-8")


def ausgeliefert(site_dir: Path) -> set[str]:
    """Every URL a built site serves: pages as ``/pfad/``, other files (feed, .ics, documents) by name.

    The pre-compressed ``.gz`` copies are the same addresses, served by nginx; they are no URLs of their own.
    """
    urls = set()
    for path in site_dir.rglob("*"):
        relativ = path.relative_to(site_dir)
        if not path.is_file() or relativ.as_posix().startswith(_INTERN) or path.suffix == ".gz":
            continue
        if path.name == "index.html":
            urls.add("/" + "".join(f"{teil}/" for teil in relativ.parts[:-1]))
        else:
            urls.add("/" + relativ.as_posix())
    return urls


def kette(start: str, ziele: dict[str, str], vorhanden: set[str]) -> list[str]:
    """The addresses a chain of redirects passes from ``start``, ``start`` first.

    It ends at an address that is served, at one no redirect leads from, or before an address
    would come twice (a circle). Old addresses redirect to the end in one step: a reader never
    waits for two refreshes, and the manifest check and the redirect pages agree on the target.
    """
    schritte = [start]
    while schritte[-1] not in vorhanden and schritte[-1] in ziele and ziele[schritte[-1]] not in schritte:
        schritte.append(ziele[schritte[-1]])
    return schritte


def fehlende(manifest: list[str], site_dir: Path, weiterleitungen: list[Weiterleitung]) -> list[str]:
    """Manifest URLs the site no longer serves and no redirect (chain) leads from, each with the reason."""
    vorhanden = ausgeliefert(site_dir)
    ziele = {f"/{w.von}": f"/{w.nach}" for w in weiterleitungen}
    probleme = []
    for url in manifest:
        ziel = kette(url, ziele, vorhanden)[-1]
        if ziel in vorhanden:
            continue
        if not url.endswith("/"):  # data/weiterleitungen.yml redirects pages only
            probleme.append(f"{url} – die Website liefert diese Datei nicht mehr aus; Dateien lassen sich "
                            "nicht weiterleiten.")
        elif ziel == url:
            probleme.append(f"{url} – die Website liefert diese Adresse nicht mehr aus, und keine Weiterleitung "
                            "führt von ihr weg.")
        else:
            probleme.append(f"{url} – die Weiterleitung führt nach {ziel}, doch diese Adresse gibt es nicht.")
    return probleme


def bericht(probleme: list[str], datei: str) -> str:
    """German report for editors: what is broken and how to fix it, for pages and for files
    (a redirect exists for pages only: the web server maps /alt/ to /neu/, not files)."""
    zeilen = [f"{len(probleme)} veröffentlichte Adresse(n) aus {datei} wären nicht mehr erreichbar:"]
    zeilen += [f"  • {p}" for p in probleme]
    zeilen.append("Seiten (Adressen mit „/“ am Ende): Stellen Sie die Seite unter der alten Adresse wieder her "
                  "oder tragen Sie in data/weiterleitungen.yml eine Weiterleitung ein, z. B.\n"
                  "  - von: alte/adresse/\n    nach: neue/adresse/")
    zeilen.append("Dateien (Feed, Kalender, Dokumente – Adressen ohne „/“ am Ende) lassen sich nicht weiterleiten: "
                  "Liefern Sie die Datei unter der alten Adresse weiter aus, z. B. indem Sie eine Kopie unter "
                  "docs/ behalten (für /alt/datei.ics also docs/alt/datei.ics).")
    return "\n".join(zeilen)
