"""MkDocs hook: publish the open data (CSV, JSON, their schemas) and the DCAT-AP.de catalogue.

Only writing happens here; what the files say is decided in ``handlungskonzept.ausgaben.offene_daten``
and ``handlungskonzept.ausgaben.katalog``. The files are kept in ``config.extra["offene_daten"]`` so the
pages can state their sizes.
"""
from __future__ import annotations

from mkdocs.structure.files import File, Files

from handlungskonzept.ausgaben import katalog, offene_daten
from handlungskonzept.zwischenspeicher import ordner


def on_files(files: Files, config) -> Files:
    loaded = config.extra.get("daten")
    if loaded is None:  # data errors: build_hooks reports them
        return files
    inhalte = offene_daten.dateien(loaded.daten, config.site_url)
    inhalte |= katalog.dateien(loaded.daten, config.site_url, inhalte, ordner(config.config_file_path))
    config.extra["offene_daten"] = inhalte
    for path, content in inhalte.items():
        files.append(File.generated(config, path, content=content))
    return files
