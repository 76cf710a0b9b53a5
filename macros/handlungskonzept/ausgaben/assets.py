"""The site's own CSS and JS as delivered: bundled, named by their content, only where a page uses them.

A file whose name carries a hash of its content (``hk-seite.1a2b3c4d.js``) never changes, so
deploy/nginx.conf lets browsers keep it for a year, like Material's own files. A page links the
styles of exactly the components it shows. Every text file of the built site gets a ``.gz`` twin
that nginx sends as it is (``gzip_static``), compressed once at build time at the highest level.
No MkDocs here: ``macros/auslieferung_hooks.py`` is the glue.
"""
from __future__ import annotations

import gzip
import hashlib
import re
import zlib
from collections.abc import Iterable
from pathlib import Path

from .components import COMPONENTS_DIR
from ..zwischenspeicher import Zwischenspeicher

#: Delivered script → its source files under ``overrides/``, joined in this order.
SCRIPTS: dict[str, tuple[str, ...]] = {
    # In the head: Material's storage helpers, the colour scheme stored only by choice, and the search
    # that starts on first use (before the bundle).
    "assets/javascripts/hk-basis.js": ("assets/javascripts/hk-basis.js", "assets/javascripts/hk-farbwahl.js",
                                       "assets/javascripts/hk-suche.js"),
    "assets/javascripts/hk-farbschema.js": ("assets/javascripts/hk-farbschema.js",),
    # After Material's bundle.
    "assets/javascripts/hk-seite.js": ("assets/javascripts/hk-tastatur.js", "assets/javascripts/hk-druck.js"),
    # Only on a page with content tabs.
    "assets/javascripts/hk-inhalt.js": ("assets/javascripts/hk-inhalt.js",),
}
#: Styles of every page; a page's components add theirs (``Delivery.page_style``).
PAGE_STYLES = ("assets/stylesheets/barrierefreiheit.css", "assets/stylesheets/druck.css")
#: Styles a single template links itself.
STYLES: dict[str, tuple[str, ...]] = {
    "assets/stylesheets/fehlerseite.css": ("assets/stylesheets/fehlerseite.css",),
}
PAGE_STYLE = "assets/stylesheets/hk-seite.css"
#: What gets a ``.gz`` twin: the text formats readers' browsers load (not Material's source maps, which only
#: a developer's tools fetch; nginx compresses those itself).
TEXT_SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".ics"})

_CLASS_SELECTOR = re.compile(r"\.(hk-[a-z0-9_-]+)")
_CLASS_ATTRIBUTE = re.compile(r'class="([^"]*)"')


def fingerprinted(name: str, content: bytes) -> str:
    """``assets/x/hk-seite.js`` → ``assets/x/hk-seite.<first 8 hex digits of SHA-256>.js``."""
    stem, dot, suffix = name.rpartition(".")
    return f"{stem}.{hashlib.sha256(content).hexdigest()[:8]}{dot}{suffix}"


def _joined(parts: Iterable[str]) -> bytes:
    return "\n".join(part.rstrip("\n") for part in parts).encode("utf-8") + b"\n"


class Delivery:
    """The delivered files of one build, computed once from ``overrides/`` and the component folders."""

    def __init__(self, overrides: Path, components: Path = COMPONENTS_DIR):
        def read(source: str) -> str:
            return (overrides / source).read_text(encoding="utf-8")

        self.files: dict[str, bytes] = {}  # delivered, fingerprinted name → content
        self.addresses: dict[str, str] = {}  # delivered name → fingerprinted name
        for name, sources in {**SCRIPTS, **STYLES}.items():
            self._add(name, _joined(read(source) for source in sources))
        self.sources = {source for sources in (*SCRIPTS.values(), *STYLES.values(), PAGE_STYLES)
                        for source in sources}
        self._page_styles = [read(source) for source in PAGE_STYLES]
        #: Component name → (the hk- classes its stylesheet styles, the stylesheet).
        self.components: dict[str, tuple[frozenset[str], str]] = {}
        for path in sorted(components.glob("*/*.css")):
            css = path.read_text(encoding="utf-8")
            self.components[path.parent.name] = (frozenset(_CLASS_SELECTOR.findall(css)), css)
        self._by_components: dict[frozenset[str], str] = {}

    def _add(self, name: str, content: bytes) -> str:
        address = fingerprinted(name, content)
        self.files[address] = content
        self.addresses[name] = address
        return address

    def address(self, name: str) -> str:
        """The fingerprinted name of a delivered script or style, e.g. for ``hk-seite.js``."""
        return self.addresses[name]

    def page_style(self, html: str) -> str:
        """The stylesheet for a page with this HTML: the page styles plus every component it shows."""
        classes = {name for value in _CLASS_ATTRIBUTE.findall(html) for name in value.split()}
        used = frozenset(name for name, (styled, _) in self.components.items() if styled & classes)
        if used not in self._by_components:
            parts = [*self._page_styles, *(f"/* {name} */\n{self.components[name][1]}" for name in sorted(used))]
            content = _joined(parts)
            self._by_components[used] = address = fingerprinted(PAGE_STYLE, content)
            self.files[address] = content
        return self._by_components[used]


def compress(site: Path, cache: Path | None = None) -> int:
    """Write ``<file>.gz`` beside each text file where that is smaller; the same input gives the same bytes
    (no time stamp, no file name in the gzip header). With ``cache`` (a folder), a file compressed before
    is not compressed again. Returns how many were written."""
    store = Zwischenspeicher(cache, "gzip", f"gzip 9 zlib {zlib.ZLIB_RUNTIME_VERSION}".encode()) if cache else None
    written = 0
    for path in sorted(site.rglob("*")):
        if path.suffix not in TEXT_SUFFIXES or not path.is_file():
            continue
        data = path.read_bytes()
        packed = store.ergebnis(data, _gzip) if store else _gzip(data)
        if len(packed) < len(data):
            path.with_name(path.name + ".gz").write_bytes(packed)
            written += 1
    if store:
        store.aufraeumen()
    return written


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)
