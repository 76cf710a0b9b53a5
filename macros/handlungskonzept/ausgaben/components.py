"""Renders the site's components: one folder per component under ``macros/components``.

Each folder holds the Jinja template (``<name>.html``), its style block
(``<name>.css``) and its documentation (``README.md``). Templates autoescape,
so editor text is always text; Markdown fields pass through ``editor_markdown``.
"""
from __future__ import annotations

import datetime as dt
import importlib.util
import marshal
from collections.abc import Callable
from functools import cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..daten.dates import datum_de
from ..daten.model import OffenerPunkt
from ..zwischenspeicher import Zwischenspeicher
from .text import editor_markdown, laut, satzanfang, status_bericht, termin_text

COMPONENTS_DIR = Path(__file__).resolve().parents[2] / "components"


def make_environment(ordner: Path, **filters: Callable) -> jinja2.Environment:
    """The one Jinja setup of the site (autoescape, StrictUndefined), for templates under ``ordner``.

    Components and the Atom feed share it, so escaping and undefined values behave the same
    everywhere; ``filters`` adds what only one kind of template needs.
    """
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(ordner),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["datum_de"] = datum_de
    env.filters["termin_text"] = termin_text
    env.filters["markdown"] = editor_markdown
    env.filters["laut"] = laut
    env.filters["satzanfang"] = satzanfang
    env.globals["status_bericht"] = status_bericht
    env.filters.update(filters)
    env.tests["offen"] = lambda value: isinstance(value, OffenerPunkt)
    env.tests["datum"] = lambda value: isinstance(value, dt.date)
    return env


@cache
def environment() -> jinja2.Environment:
    env = make_environment(COMPONENTS_DIR)
    env.globals["notizen"] = True
    return env


def vorlagenspeicher(ordner: Path) -> jinja2.BytecodeCache:
    """Compiled templates kept in ``ordner`` between builds; Jinja checks each against its source before use.
    One folder per Jinja environment: the compiled code depends on the environment's settings."""
    ordner.mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(ordner))


def seiten_zwischenspeichern(env: jinja2.Environment, ordner: Path) -> None:
    """Keep the compiled code of templates made from text (``env.from_string``) in ``ordner`` from now on.

    mkdocs-macros makes every page a template that way, and Jinja keeps only templates from a loader, so each
    build compiled every page anew. This wraps ``env.compile``, which ``from_string`` calls. The key is the text
    itself, with the settings of ``env`` and the versions of Jinja and Python that make the code; a text that
    does not compile is never kept. Of the settings that may be functions, the key holds what the compiler
    takes of them: whether a text without a name is escaped, and the name of ``finalize`` (its address differs
    in every process).
    """
    escape = env.autoescape(None) if callable(env.autoescape) else env.autoescape
    finalize = f"{env.finalize.__module__}.{env.finalize.__qualname__}" if env.finalize else None

    einstellungen = repr((jinja2.__version__, importlib.util.MAGIC_NUMBER, env.block_start_string,
                          env.block_end_string, env.variable_start_string, env.variable_end_string,
                          env.comment_start_string, env.comment_end_string, env.line_statement_prefix,
                          env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks, env.newline_sequence,
                          env.keep_trailing_newline, sorted(env.extensions), env.optimized, env.is_async,
                          escape, finalize))
    store = Zwischenspeicher(ordner, "seiten", einstellungen.encode())
    store.aufraeumen()
    compile_now = env.compile

    def compile(source, name=None, filename=None, raw=False, defer_init=False):
        if name is not None or filename is not None or raw or defer_init or not isinstance(source, str):
            return compile_now(source, name, filename, raw, defer_init)
        return marshal.loads(store.ergebnis(source.encode(), lambda _text: marshal.dumps(compile_now(source))))

    env.compile = compile


def zwischenspeicher(ordner: Path) -> None:
    """Keep the components' compiled templates in ``ordner`` from now on."""
    environment().bytecode_cache = vorlagenspeicher(ordner)


def notizen(zeigen: bool) -> None:
    """Whether components write editors' notes (what is missing, ``data-offen``) into the HTML.

    The preview shows them; the published build (``vorschau_hooks.on_config``) leaves them out.
    """
    environment().globals["notizen"] = zeigen


def render(name: str, **context: object) -> Markup:
    """Render component ``name`` as one HTML block (no blank lines, so Markdown leaves it whole)."""
    html = environment().get_template(f"{name}/{name}.html").render(**context)
    return Markup("\n".join(line for line in html.splitlines() if line.strip()))

