"""MkDocs hooks for "Aktuelles": the posts, their date line, their breadcrumb and the Atom feed.

The posts and the feed are one topic: the feed lists the posts, so both are read and written here.
The logic lives in ``handlungskonzept.daten.aktuelles`` and ``.feed``; this file only wires it into the
build. ``mkdocs build`` fails on a problem while ``mkdocs serve`` logs it and keeps running.
"""
from __future__ import annotations

import re
from pathlib import Path

from mkdocs.structure.files import File, Files

from handlungskonzept.daten import aktuelles, urls
from handlungskonzept.ausgaben import components, feed
from handlungskonzept.daten.problems import DatenFehler
from handlungskonzept.zwischenspeicher import ordner
from hook_failure import fail
import nav_parent


def on_files(files: Files, config) -> Files:
    """Read the posts (without the drafts this build leaves out, see vorschau_hooks.py) and add the feed."""
    config.extra["beitraege"] = []
    try:
        ausgelassen = config.extra["entwuerfe_ausgelassen"]
        config.extra["beitraege"] = [b for b in aktuelles.beitraege(Path(config.docs_dir)) if b.datei not in ausgelassen]
    except DatenFehler as error:
        fail(error.bericht(wo="in den Beiträgen unter „Aktuelles“"))
    loaded = config.extra.get("daten")
    if loaded is None:  # data errors are reported by build_hooks.py
        return files
    files.append(File.generated(config, feed.PFAD, content=feed.atom(
        config.extra["beitraege"], loaded.daten, config.site_url, config.site_name, ordner(config.config_file_path))))
    return files


def on_nav(nav, config, files):
    """Posts stay out of the menu but get "Aktuelles" as their breadcrumb."""
    nav_parent.attach(nav, files, f"{aktuelles.ORDNER}/index.md", aktuelles.ist_beitrag)
    return nav


def on_page_markdown(markdown: str, page, config, files) -> str:
    """A post shows its date right below its heading."""
    beitrag = next((b for b in config.extra.get("beitraege", []) if b.datei == page.file.src_uri), None)
    if beitrag is None or config.extra.get("datenfehler"):  # with data errors the page shows the error list
        return markdown
    datum = f"\n\n{components.render('beitragsdatum', b=beitrag)}\n\n"
    h1 = re.search(r"^# .*$", markdown, flags=re.MULTILINE)
    ende = h1.end() if h1 else 0
    return f"{markdown[:ende]}{datum}{markdown[ende:].lstrip()}"


def on_env(env, config, files):
    """The feed address for every page head, the 404 page included."""
    env.globals["hk_feed"] = urls.absolute_url(config.site_url, feed.PFAD)
    return env
