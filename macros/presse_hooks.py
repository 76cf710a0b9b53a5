"""MkDocs hooks for the press: sharing metadata, the "Aktuelles" posts, the Atom feed,
redirects from old URLs and the permanent-link check.

The logic lives in ``handlungskonzept.aktuelles``, ``.feed`` and ``.urls``; this file
only wires it into the build. As in ``build_hooks.py``, ``mkdocs build`` fails on a
problem while ``mkdocs serve`` logs it and keeps running.
"""
from __future__ import annotations

import calendar
import os
import re
from pathlib import Path

from mkdocs.structure.files import File, Files

from handlungskonzept import aktuelles, components, feed, urls
from handlungskonzept.problems import DatenFehler
from hook_failure import fail

def on_config(config):
    """Same input, same site: MkDocs dates the sitemap by SOURCE_DATE_EPOCH, which is the data's stand."""
    loaded = config.extra.get("daten")
    if loaded is not None:
        os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm(loaded.daten.projekt.stand.timetuple()))
    return config


def on_files(files: Files, config) -> Files:
    """Read the posts, add the feed and one redirect page per entry of weiterleitungen.yml."""
    config.extra["beitraege"] = []
    try:
        config.extra["beitraege"] = aktuelles.beitraege(Path(config.docs_dir))
    except DatenFehler as error:
        fail(error.bericht().replace("in den Daten", "in den Beiträgen unter „Aktuelles“"))
    loaded = config.extra.get("daten")
    if loaded is None:  # data errors are reported by build_hooks.py
        return files
    files.append(File.generated(config, feed.PFAD, content=feed.atom(
        config.extra["beitraege"], loaded.daten, config.site_url, config.site_name)))
    seiten = {f.url.removeprefix("./") for f in files.documentation_pages()}  # the home page is "./"
    for w in loaded.daten.weiterleitungen:
        datei = loaded.shown_as["weiterleitungen"]
        if w.von in seiten:
            fail(f"{datei}: Von „{w.von}“ soll weitergeleitet werden, doch dort steht eine Seite. "
                  "Entfernen Sie die Weiterleitung oder die Seite.")
        elif w.nach not in seiten:
            fail(f"{datei}: Die Weiterleitung von „{w.von}“ führt nach „{w.nach}“, doch diese Seite gibt es nicht.")
        else:
            files.append(File.generated(config, f"{w.von}index.html", content=components.render(
                "weiterleitung", site_name=config.site_name, ziel="../" * w.von.count("/") + w.nach,
                ziel_absolut=config.site_url + w.nach)))
    return files


def on_nav(nav, config, files):
    """Posts stay out of the menu but get "Aktuelles" as their breadcrumb."""
    liste = next((p for p in nav.pages if p.file.src_uri == f"{aktuelles.ORDNER}/index.md"), None)
    if liste is None:
        return nav
    for file in files.documentation_pages():
        if aktuelles.ist_beitrag(file.src_uri) and file.page is not None and file.page.parent is None:
            file.page.parent = liste
    return nav


def on_page_markdown(markdown: str, page, config, files) -> str:
    """The description (required by build_hooks.py) must be safe in an attribute; a post shows its date."""
    if set(str(page.meta.get("description") or "")) & set('"<>'):  # the theme prints it unescaped
        fail(f"docs/{page.file.src_uri}: „description“ darf keine geraden Anführungszeichen (\") und keine "
              "spitzen Klammern (< >) enthalten. Bitte typografische Anführungszeichen „…“ verwenden.")
    beitrag = next((b for b in config.extra.get("beitraege", []) if b.datei == page.file.src_uri), None)
    if beitrag is None or config.extra.get("datenfehler"):  # with data errors the page shows the error list
        return markdown
    datum = f"\n\n{components.render('beitragsdatum', b=beitrag)}\n\n"
    h1 = re.search(r"^# .*$", markdown, flags=re.MULTILINE)
    ende = h1.end() if h1 else 0
    return f"{markdown[:ende]}{datum}{markdown[ende:].lstrip()}"


def on_page_context(context, page, config, nav):
    """What hk-metadaten.html prints for Open Graph and Twitter cards."""
    beitrag = aktuelles.ist_beitrag(page.file.src_uri)
    context["hk_teilen"] = {
        "typ": "article" if beitrag else "website",
        "datum": page.meta.get("datum") if beitrag else None,
        "bild": config.site_url + feed.BILD,
    }
    return context


def on_env(env, config, files):
    """The feed address for every page head, the 404 page included."""
    env.globals["hk_feed"] = config.site_url + feed.PFAD
    return env


def on_post_build(config) -> None:
    """No URL of the manifest may disappear from a build (see data/veroeffentlichte-urls.txt)."""
    loaded = config.extra.get("daten")
    root = Path(config.config_file_path).parent
    manifest = (root / config.extra.get("daten_verzeichnis", "data") / urls.DATEI).resolve()
    if loaded is None or not manifest.is_file():
        return
    probleme = urls.fehlende(urls.lesen(manifest), Path(config.site_dir), loaded.daten.weiterleitungen)
    if probleme:
        shown = manifest.relative_to(root) if manifest.is_relative_to(root) else manifest
        fail(urls.bericht(probleme, str(shown)))
