"""MkDocs hooks for the whole document as one PDF (``handlungskonzept.ausgaben.gesamtdokument``): pages in, file out.

The PDF is made in ``on_env``: by then MkDocs has rendered every page's content, but no page
template yet. So the PDF exists, with its size, before any page is written, and every chapter's
link can state that size (the link sits in the page template, never in the content, so the PDF
does not contain a link to itself). The preview (``mkdocs serve``) leaves the PDF out: rendering
takes seconds after every save.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.plugins import event_priority

from handlungskonzept.ausgaben import components
from handlungskonzept.ausgaben.dokumente import dateiangabe
from handlungskonzept.ausgaben.gesamtdokument import PFAD, dokument, pdf
from handlungskonzept.zwischenspeicher import ordner
from hook_failure import fail, serving

#: Legal pages belong to the website, not to the Handlungskonzept.
RECHTLICHES = {"impressum.md", "datenschutz.md", "barrierefreiheit.md"}
#: Pages outside the menu that belong to a chapter: its list page, and how to tell them.
UNTERSEITEN = {"regionalkonferenzen/index.md": "regionalkonferenzen/"}


def on_nav(nav, config, files):
    config.extra["hk_navigation"] = nav
    return nav


def on_env(env, config, files):
    config.extra["gesamtdokument"] = None
    loaded = config.extra["daten"]
    if serving() or loaded is None:
        return env
    kapitel = _kapitel(config.extra["hk_navigation"], files, loaded.daten)
    docs = Path(config.docs_dir)
    titelblatt, anhang = dokument.aus_daten(loaded.daten, docs)
    try:
        datei = pdf.erzeugen(kapitel, titelblatt, anhang, config.site_url, docs, ordner(config.config_file_path))
    except pdf.PdfFehler as fehler:
        fail(str(fehler))
        return env
    config.extra["gesamtdokument"] = {"datei": datei, "seiten": {k.url for k in kapitel}}
    return env


def _kapitel(nav, files, daten) -> list[dokument.Kapitel]:
    """The menu's pages in menu order, each followed by the pages that belong to it; no legal pages, no drafts."""
    kapitel = []
    for seite in nav.pages:
        if seite.file.src_uri in RECHTLICHES or seite.meta.get("entwurf") is True:
            continue
        kapitel.append(dokument.Kapitel(seite.title, seite.url, seite.content))
        if seite.file.src_uri in UNTERSEITEN:
            for konferenz in daten.regionalkonferenzen:
                unterseite = files.get_file_from_path(f"{UNTERSEITEN[seite.file.src_uri]}{konferenz.id}.md").page
                if unterseite.meta.get("entwurf") is not True:
                    kapitel.append(dokument.Kapitel(unterseite.title, unterseite.url, unterseite.content, ebene=2))
    return kapitel


def on_page_context(context, page, config, nav):
    """The chapter's link to the PDF, with its size (read by overrides/main.html)."""
    gesamt = config.extra.get("gesamtdokument")
    if gesamt and page.url in gesamt["seiten"]:
        context["hk_gesamtdokument"] = components.render(
            "gesamtdokument", href="../" * page.url.count("/") + PFAD, angabe=dateiangabe(gesamt["datei"]))
    return context


@event_priority(100)  # before the checks that read the built site (URL manifest)
def on_post_build(config) -> None:
    gesamt = config.extra.get("gesamtdokument")
    if gesamt:
        shutil.copyfile(gesamt["datei"], Path(config.site_dir) / PFAD)
