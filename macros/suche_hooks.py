"""MkDocs hook: German compound parts and the editors' synonyms into Material's search index.

Material's search plugin writes ``search/search_index.json`` after the build; this hook adds the
fields of ``handlungskonzept.ausgaben.search_index`` to it. The search itself starts only on first use
(``overrides/assets/javascripts/hk-suche.js``). Of Material's lunr language files only those of the
configured search languages are published (the worker loads no others).
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from handlungskonzept.ausgaben.search_index import DEBIAN_PAKET, NAME, WORTLISTE, lunr_files, verzeichnis
from handlungskonzept.zwischenspeicher import ordner
from hook_failure import fail

LUNR = "assets/javascripts/lunr/"


def on_files(files, config):
    keep = {LUNR + name for name in lunr_files(config.plugins["material/search"].config.lang)}
    for file in [f for f in files if f.src_uri.startswith(LUNR) and f.src_uri not in keep]:
        files.remove(file)
    return files


@event_priority(-50)  # after Material's search plugin (priority 0) has written the index
def on_post_build(config) -> None:
    loaded = config.extra["daten"]
    path = Path(config.site_dir) / NAME
    if loaded is None or not path.is_file():
        return
    if not WORTLISTE.is_file():
        fail(f"Für die Suche fehlt die deutsche Wortliste {WORTLISTE} (Debian-Paket {DEBIAN_PAKET}). "
             f"Bitte installieren: sudo apt-get install {DEBIAN_PAKET} – `make site` tut das, wenn es als root läuft.")
        return
    path.write_bytes(verzeichnis(path.read_bytes(), loaded.daten.suchbegriffe, ordner(config.config_file_path)))
