"""MkDocs hook: no built page or stylesheet may load anything from another server.

Runs after the build over every HTML and CSS file, including Material's own assets,
so a CDN script, an embedded video or a web font in a theme update stops the build
with the file and the address. ``mkdocs serve`` logs the same message and keeps running.
"""
from __future__ import annotations

from pathlib import Path

from handlungskonzept.ausgaben.external_resources import scan_site
from handlungskonzept.zwischenspeicher import ordner
from hook_failure import fail

#: Built file → Markdown source, to name the page an editor has to fix.
_sources: dict[str, str] = {}


def on_files(files, config):
    _sources.clear()
    _sources.update({f.dest_uri: f.src_uri for f in files.documentation_pages() if not f.generated_by})
    return files


def on_post_build(config) -> None:
    found = scan_site(Path(config.site_dir), ordner(config.config_file_path))
    if not found:
        return
    lines = []
    for built, funde in found.items():
        page = f" (Seite aus docs/{_sources[built]})" if built in _sources else ""
        lines += [f"- {built}, Zeile {fund.zeile}{page}: {fund.art} {fund.url}" for fund in funde]
    message = ("Datenschutz-Prüfung fehlgeschlagen: Die Website würde Inhalte von fremden Servern laden. "
               "Dabei erfahren Dritte die IP-Adresse der Besucherinnen und Besucher; das ist nicht erlaubt. "
               "Legen Sie die Datei unter docs/ ab und verweisen Sie relativ darauf, oder entfernen Sie "
               "den Verweis. Ein normaler Link (<a href=…>) ist erlaubt.\n" + "\n".join(lines))
    fail(message)
