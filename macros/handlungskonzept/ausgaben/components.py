"""Renders the site's components: one folder per component under ``macros/components``.

Each folder holds the Jinja template (``<name>.html``), its style block
(``<name>.css``) and its documentation (``README.md``). Templates autoescape,
so editor text is always text; Markdown fields pass through ``editor_markdown``.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..daten.dates import datum_de
from ..daten.model import OffenerPunkt
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

