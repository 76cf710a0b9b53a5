"""MkDocs hooks of the engine: load the data once, generate conference pages, fail loudly.

``mkdocs build`` stops with the German problem list on bad data; ``mkdocs serve``
logs the same list, shows it in the preview and keeps running. Everything that
is not MkDocs glue lives in the ``handlungskonzept`` package.
"""
from __future__ import annotations

import calendar
import datetime as dt
import gc
import logging
import os
import re
from pathlib import Path

import yaml
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.utils.meta import YAML_RE
from mkdocs_macros import context as macros_context

# A build is one short process: MkDocs and its plugins, and next the engine and pydantic, stay loaded until it
# ends, yet the garbage collector would walk them again and again, and once more at exit. Frozen, no collection
# looks at them: now, and in on_startup for what is loaded after this. Only at the first load: ``mkdocs serve``
# loads this module again for each rebuild, when the previous build is garbage that must stay collectable.
if not gc.get_freeze_count():
    gc.freeze()

import hook_failure  # noqa: E402
import nav_parent  # noqa: E402
from handlungskonzept.ausgaben import components  # noqa: E402
from handlungskonzept.daten import macro_errors, pruefdatum  # noqa: E402
from handlungskonzept.daten.loader import load  # noqa: E402
from handlungskonzept.daten.problems import DatenFehler  # noqa: E402
from handlungskonzept.zwischenspeicher import ordner  # noqa: E402
from hook_failure import fail, serving  # noqa: E402

KONFERENZ_DIR = "regionalkonferenzen"
_MACRO_ERROR = re.compile(r"\A# _Macro (Syntax|Rendering) Error_")


class _MacroErrorFilter(logging.Filter):
    """mkdocs-macros logs its errors in English with a traceback; ``on_page_content`` reports them in German."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not _MACRO_ERROR.search(str(record.msg).split("ERROR ", 1)[-1].lstrip())


class _PageErrorFilter(logging.Filter):
    """MkDocs announces a failed page in English ("Error reading page 'x.md':") right before the German message.

    Only that bare announcement goes; with an unexpected error MkDocs appends its text, which stays.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return not re.fullmatch(r"Error reading page '.*':", str(record.msg))


for _logger, _filter in ((logging.getLogger("mkdocs.plugins.mkdocs_macros.util"), _MacroErrorFilter),
                         (logging.getLogger("mkdocs.commands.build"), _PageErrorFilter)):
    if not any(type(f).__name__ == _filter.__name__ for f in _logger.filters):  # serve may load this module again
        _logger.addFilter(_filter())


def _no_git_facts() -> dict:
    """mkdocs-macros runs git twelve times per build to offer every page the last commit, its author's name and
    e-mail address among it (``{{ git.author_email }}``). No page uses it, and a page that did would publish a
    staff member's address without their consent: the pages get no git facts, the build starts no git."""
    return {"status": False, "date": None}


def on_startup(command: str, dirty: bool) -> None:
    hook_failure.on_startup(command)
    macros_context.get_git_info = _no_git_facts  # read by mkdocs-macros in its on_config, after this
    # Once per process: all that is loaded by now (see the top of this module); what the build makes is
    # collected as usual. ``make site`` (macros/bau.py) keeps the collector off until here.
    gc.freeze()
    gc.enable()


@event_priority(100)  # before mkdocs-macros, which reads config.extra
def on_config(config):
    root = Path(config.config_file_path).parent
    # Compiled templates are kept between builds: compiling them anew costs more than half a second,
    # and Jinja checks each against its source before use.
    components.zwischenspeicher(ordner(config.config_file_path) / "jinja" / "bausteine")
    data_dir = (root / config.extra.get("daten_verzeichnis", "data")).resolve()
    config.extra["datenfehler"] = None
    config.extra["daten"] = None
    config.extra["pruefdatum_probleme"] = []  # filled per page, reported once by on_post_build
    try:
        shown = str(data_dir.relative_to(root)) if data_dir.is_relative_to(root) else str(data_dir)
        config.extra["daten"] = load(data_dir, Path(config.docs_dir), shown, ordner(config.config_file_path))
        # Same input, same site: MkDocs dates the sitemap by SOURCE_DATE_EPOCH, the day the data were checked
        # (the sitemap's lastmod is when the pages changed, not the time of their facts).
        geprueft = config.extra["daten"].daten.projekt.geprueft
        os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm(geprueft.timetuple()))
    except DatenFehler as error:
        config.extra["datenfehler"] = error
        fail(error.bericht("die Vorschau zeigt statt der Seiten diese Liste") if serving() else error.bericht())
    return config


def on_pre_build(config) -> None:
    """The pages' compiled templates are kept too; mkdocs-macros makes its Jinja environment in its ``on_config``."""
    components.seiten_zwischenspeichern(config.plugins["macros"].env, ordner(config.config_file_path) / "jinja")


def on_files(files: Files, config) -> Files:
    loaded = config.extra["daten"]
    if loaded is None:
        return files
    ids = {k.id for k in loaded.daten.regionalkonferenzen}
    for file in files.documentation_pages():
        parts = Path(file.src_uri).parts
        if len(parts) == 2 and parts[0] == KONFERENZ_DIR and file.name != "index" and file.name not in ids:
            fail(f"docs/{file.src_uri}: Zu „{file.name}“ gibt es keinen Eintrag in "
                  f"{loaded.shown_as['regionalkonferenzen']}. Erlaubt sind: {', '.join(sorted(ids))}.")
    for konferenz in loaded.daten.regionalkonferenzen:
        src = f"{KONFERENZ_DIR}/{konferenz.id}.md"
        if files.get_file_from_path(src) is None:
            files.append(File.generated(config, src, content=_generated_page(konferenz)))
    return files


def _generated_page(konferenz) -> str:
    meta = {
        "title": konferenz.name,
        "description": f"Was die Quellen über die Regionalkonferenz in {konferenz.stadt} zum Handlungskonzept "
                       "gegen Rechtsextremismus und Rassismus des Kreises Mettmann berichten.",
        "quelle_daten": "regionalkonferenzen",  # the preview's edit link leads to this record
        "quelle_eintrag": konferenz.id,
    }
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n\n# {konferenz.name}\n\n{{{{ konferenz(\"{konferenz.id}\") }}}}\n"


def on_nav(nav, config, files):
    """Conference pages stay out of the menu (it is embedded in every page) but keep their breadcrumb."""
    nav_parent.attach(nav, files, f"{KONFERENZ_DIR}/index.md", lambda src: src.startswith(f"{KONFERENZ_DIR}/"))
    return nav


@event_priority(100)  # before mkdocs-macros renders the page
def on_page_markdown(markdown: str, page, config, files) -> str:
    if not str(page.meta.get("description") or "").strip():
        fail(f"docs/{page.file.src_uri}: Im Kopf der Seite (zwischen den Linien „---“) fehlt "
              "„description:“ – ein deutscher Satz, der die Seite zusammenfasst. Er erscheint in Suchmaschinen "
              "und in der Vorschau geteilter Links. Beispiel:\n---\ntitle: Titel der Seite\n"
              "description: Ein Satz über den Inhalt.\n---")
    if page.file.abs_src_path:  # generated conference pages show their data's own dates instead
        loaded = config.extra["daten"]
        try:
            pruefdatum.check(Path(page.file.abs_src_path).read_text(encoding="utf-8"), f"docs/{page.file.src_uri}",
                             loaded.daten.projekt.geprueft if loaded else None)
        except DatenFehler as problem:
            config.extra["pruefdatum_probleme"] += problem.problems
    error = config.extra["datenfehler"]
    if error is None:
        return markdown
    page.meta["render_macros"] = False
    return components.render("datenfehler", problems=[str(p) for p in error.problems])


def on_page_content(output: str, page, config, files) -> str:
    """mkdocs-macros writes its errors into the page instead of failing; such a page must never be published."""
    if _MACRO_ERROR.match(page.markdown or ""):
        fail(_macro_error_message(page))
    return output


def _macro_error_message(page) -> str:
    """German: which file, which line of that file, and what is wrong with the ``{{ … }}``."""
    report = page.markdown
    where = f"docs/{page.file.src_uri}"
    line = macro_errors.report_line(report)
    if line is not None and page.file.abs_src_path:
        source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
        front = YAML_RE.match(source)  # macros count lines after the front matter
        offset = source[:front.end()].count("\n") if front else 0
        body = (source[front.end():] if front else source).splitlines()
        where += f", Zeile {macro_errors.opening_line(body, line) + offset}"
    german, original = macro_errors.cause(report)
    technisch = f" (technische Angabe: {original})" if original else ""
    return (f"{where}: Fehler in einem Platzhalter mit geschweiften Klammern („{{{{ … }}}}“ oder „{{% … %}}“). "
            f"{german} Soll eine Klammer wörtlich erscheinen, schreiben Sie {{{{ '{{{{' }}}}.{technisch}")


@event_priority(-100)  # after every other check: a page's own error comes first
def on_post_build(config) -> None:
    """Missing or wrong review dates of all pages in one report, so an editor fixes them in one go."""
    if config.extra["pruefdatum_probleme"]:
        fail(DatenFehler(config.extra["pruefdatum_probleme"]).bericht())


def on_env(env, config, files):
    """Material's templates are kept compiled between builds, as the components' are (see ``on_config``)."""
    env.bytecode_cache = components.vorlagenspeicher(ordner(config.config_file_path) / "jinja" / "theme")
    return env


def on_page_context(context, page, config, nav):
    geprueft, pruefen_bis = page.meta.get("geprueft"), page.meta.get("pruefen_bis")
    if isinstance(geprueft, dt.date) and isinstance(pruefen_bis, dt.date):  # read by overrides/main.html
        context["hk_pruefdatum"] = components.render("pruefdatum", geprueft=geprueft, pruefen_bis=pruefen_bis)
    return context
