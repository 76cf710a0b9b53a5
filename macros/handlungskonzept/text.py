"""German formatting of dates and editor Markdown, shared by every component."""
from __future__ import annotations

import datetime as dt

import markdown
from markupsafe import Markup

MONATE = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
          "September", "Oktober", "November", "Dezember"]


def datum_de(value: dt.date) -> str:
    """``2018-03-15`` → ``15. März 2018``."""
    return f"{value.day}. {MONATE[value.month - 1]} {value.year}"


def editor_markdown(text: str) -> Markup:
    """Render an editor's Markdown field; raw HTML in it is shown as text, never executed."""
    renderer = markdown.Markdown(extensions=["sane_lists"])
    renderer.preprocessors.deregister("html_block")
    renderer.inlinePatterns.deregister("html")
    return Markup(renderer.convert(text))
