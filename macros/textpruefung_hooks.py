"""MkDocs hook: the text check (``handlungskonzept.ausgaben.textpruefung``) over every built page.

Collects each page's HTML as it is rendered and checks all pages together after the build, so
repeated sentences across pages are found; the German report names file and line.
"""
from __future__ import annotations

from pathlib import Path

from handlungskonzept.ausgaben.textpruefung import Seite, pruefen_gemerkt
from handlungskonzept.zwischenspeicher import ordner
from handlungskonzept.daten.problems import DatenFehler
from hook_failure import fail

_seiten: list[Seite] = []


def on_pre_build(config) -> None:
    _seiten.clear()


def on_post_page(output: str, page, config) -> str:
    quelle = Path(page.file.abs_src_path).read_text(encoding="utf-8") if page.file.abs_src_path else None
    _seiten.append(Seite(f"docs/{page.file.src_uri}", quelle, output, bool(page.meta.get("leichte_sprache"))))
    return output


def on_post_build(config) -> None:
    loaded = config.extra.get("daten")
    if loaded is None:
        return
    probleme = pruefen_gemerkt(_seiten, loaded.daten.quellen, ordner(config.config_file_path))
    if probleme:
        fail(DatenFehler(probleme).bericht(folge="die Website wurde nicht veröffentlicht", wo="im Text"))
