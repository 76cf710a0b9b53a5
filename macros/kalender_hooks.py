"""MkDocs hook: publish the .ics calendars next to the conference pages.

Only writing happens here; what the files say is decided in
``handlungskonzept.ausgaben.calendar_feed``, which keeps them in the build's store.
"""
from __future__ import annotations

from mkdocs.structure.files import File, Files

from handlungskonzept.ausgaben import calendar_feed
from handlungskonzept.zwischenspeicher import ordner


def on_files(files: Files, config) -> Files:
    loaded = config.extra.get("daten")
    if loaded is None:  # data errors: build_hooks reports them
        return files
    for path, content in calendar_feed.files(loaded.daten, config.site_url, ordner(config.config_file_path)).items():
        files.append(File.generated(config, path, content=content))
    return files
