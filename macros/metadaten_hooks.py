"""MkDocs hooks for what a page tells search engines and link previews (``overrides/partials/hk-metadaten.html``).

The description itself is required by ``build_hooks.py``; here it is checked to be safe where the
theme prints it, and the Open Graph / Twitter card values are put into the page context.
"""
from __future__ import annotations

from handlungskonzept.daten import aktuelles, urls
from handlungskonzept.ausgaben import feed
from hook_failure import fail


def on_page_markdown(markdown: str, page, config, files) -> str:
    """The description must be safe in an attribute: the theme prints it unescaped."""
    if set(str(page.meta.get("description") or "")) & set('"<>'):
        fail(f"docs/{page.file.src_uri}: „description“ darf keine geraden Anführungszeichen (\") und keine "
              "spitzen Klammern (< >) enthalten. Bitte typografische Anführungszeichen „…“ verwenden.")
    return markdown


def on_page_context(context, page, config, nav):
    """What hk-metadaten.html prints for Open Graph and Twitter cards."""
    beitrag = aktuelles.ist_beitrag(page.file.src_uri)
    context["hk_teilen"] = {
        "typ": "article" if beitrag else "website",
        "datum": page.meta.get("datum") if beitrag else None,
        "bild": urls.absolute_url(config.site_url, feed.BILD),
    }
    return context
