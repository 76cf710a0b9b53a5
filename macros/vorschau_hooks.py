"""MkDocs hooks for the two builds: the published site (``make site``) and the editors' preview.

One setting decides (``HK_VORSCHAU``, typed in ``handlungskonzept.daten.einstellungen``). The preview
shows a banner with an edit link on every page, keeps drafts, writes editors' notes (what an open
item lacks) and asks search engines not to index it; the published build leaves drafts out
entirely (files, menu, sitemap, search, feed) and has no editors' notes.
The banner is the ``vorschau`` component; ``overrides/main.html`` places it.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from handlungskonzept.ausgaben import components
from handlungskonzept.daten import einstellungen, entwuerfe
from handlungskonzept.daten.problems import DatenFehler
from hook_failure import fail


@event_priority(90)  # after build_hooks has loaded the data, before mkdocs-macros reads extra
def on_config(config):
    config.extra["entwuerfe_ausgelassen"] = set()
    try:
        config.extra["einstellungen"] = einstellungen.aus_extra(config.extra)
    except DatenFehler as error:
        config.extra["einstellungen"] = einstellungen.Einstellungen()
        fail(error.bericht(wo="in den Einstellungen"))
    components.notizen(config.extra["einstellungen"].vorschau)
    return config


@event_priority(50)  # before the other hooks add pages, read the posts or build the feed
def on_files(files: Files, config) -> Files:
    """Find the drafts; the published build drops them before anything else sees them."""
    try:
        config.extra["entwuerfe"] = entwuerfe.finden(Path(config.docs_dir))
    except DatenFehler as error:
        config.extra["entwuerfe"] = {}
        fail(error.bericht(wo="im Kopf der Seiten"))
    if config.extra["einstellungen"].vorschau:
        return files
    ausgelassen = set(config.extra["entwuerfe"])
    for src in ausgelassen:
        files.remove(files.get_file_from_path(src))
    config.extra["entwuerfe_ausgelassen"] = ausgelassen
    if config.nav:
        config.nav = _ohne(config.nav, ausgelassen)
    return files


def _ohne(nav: list, ausgelassen: set[str]) -> list:
    """The ``nav:`` of mkdocs.yml without the draft pages (a section that is left empty goes too)."""
    rest = []
    for eintrag in nav:
        wert = next(iter(eintrag.values())) if isinstance(eintrag, dict) else eintrag
        if isinstance(wert, list):
            unter = _ohne(wert, ausgelassen)
            if unter:
                rest.append({next(iter(eintrag)): unter} if isinstance(eintrag, dict) else unter)
        elif wert not in ausgelassen:
            rest.append(eintrag)
    return rest


def on_page_markdown(markdown: str, page, config, files) -> str:
    """A published page must not link to a draft that this build leaves out (the link would break)."""
    ausgelassen = config.extra["entwuerfe_ausgelassen"]
    if not ausgelassen or not page.file.abs_src_path:
        return markdown
    quelle = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    for zeile, entwurf in entwuerfe.verweise(quelle, page.file.src_uri, ausgelassen):
        fail(f"docs/{page.file.src_uri}, Zeile {zeile}: Der Link führt zum Entwurf docs/{entwurf} "
             f"(„entwurf: true“ in Zeile {config.extra['entwuerfe'][entwurf]}). Entwürfe werden nicht "
             "veröffentlicht, der Link wäre kaputt. Entfernen Sie den Link, oder geben Sie den Entwurf frei, "
             "indem Sie „entwurf: true“ löschen.")
    return markdown


def on_page_context(context, page, config, nav):
    """The preview's banner with the link to this page's source."""
    settings = config.extra["einstellungen"]
    if settings.vorschau:
        datei, zeile = _quelle(page, config)
        context["hk_vorschau"] = components.render(
            "vorschau", datei=datei, zeile=zeile, bearbeiten=_bearbeiten_url(settings.bearbeiten_url, datei, zeile),
            entwurf=page.file.src_uri in config.extra["entwuerfe"])
    return context


def _quelle(page, config) -> tuple[str, int | None]:
    """Where an editor changes this page: its Markdown file, or for a generated page its data record."""
    schluessel = page.meta.get("quelle_daten")
    loaded = config.extra.get("daten")
    if not schluessel or loaded is None:
        return f"docs/{page.file.src_uri}", None
    datensaetze = getattr(loaded.daten, schluessel)
    index = next((i for i, d in enumerate(datensaetze) if d.id == page.meta.get("quelle_eintrag")), None)
    zeile = loaded.positions[schluessel].get((index,), (None, None))[0] if index is not None else None
    return loaded.shown_as[schluessel], zeile


def _bearbeiten_url(basis: str, datei: str, zeile: int | None) -> str:
    return f"{basis.rstrip('/')}/{datei}" + (f"#L{zeile}" if zeile else "")


def on_env(env, config, files):
    """Every template, the 404 page included, knows the build: noindex and the page-less banner."""
    settings = config.extra["einstellungen"]
    env.globals["hk_noindex"] = settings.noindex
    env.globals["hk_vorschau"] = components.render("vorschau", datei=None, zeile=None, bearbeiten=None,
                                                   entwurf=False) if settings.vorschau else None
    return env
