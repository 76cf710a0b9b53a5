"""Find references to resources on other servers in built HTML and CSS.

A visitor's browser loads such resources on its own and so sends the visitor's IP
address to a third party (German courts fined sites for Google Fonts). Plain links
(``<a href>``) are fine: they are only followed when the reader chooses to.
This module has no MkDocs imports; ``privacy_hooks.py`` runs it after each build.
"""
from __future__ import annotations

import json
import re
from dataclasses import astuple, dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from ..zwischenspeicher import Zwischenspeicher

#: Attributes that make the browser fetch something, per element, with a German label.
_FETCHING_ATTRIBUTES: dict[str, dict[str, str]] = {
    "script": {"src": "Skript"},
    "img": {"src": "Bild", "srcset": "Bild"},
    "source": {"src": "Medienquelle", "srcset": "Bild"},
    "video": {"src": "Video", "poster": "Vorschaubild"},
    "audio": {"src": "Audio"},
    "track": {"src": "Untertitel"},
    "iframe": {"src": "eingebettete Seite"},
    "frame": {"src": "eingebettete Seite"},
    "embed": {"src": "eingebettetes Objekt"},
    "object": {"data": "eingebettetes Objekt"},
    "input": {"src": "Bild"},
    "image": {"href": "Bild", "xlink:href": "Bild"},
    "use": {"href": "Grafik", "xlink:href": "Grafik"},
}

#: ``<link rel=…>`` values that load something (or open a connection) without a click.
_FETCHING_LINK_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "mask-icon", "manifest",
                       "preload", "prefetch", "modulepreload", "preconnect", "dns-prefetch", "prerender"}

_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)""", re.I)
_CSS_IMPORT = re.compile(r"""@import\s*(?:"([^"]*)"|'([^']*)')""", re.I)  # CSS needs no space before the string
#: Bare strings inside ``image-set(…)`` are image addresses, too (no ``url()`` needed).
_CSS_IMAGE_SET = re.compile(r"image-set\(((?:[^()]|\([^()]*\))*)\)", re.I)
_CSS_STRING = re.compile(r""""([^"]*)"|'([^']*)'""")


@dataclass(frozen=True)
class Fund:
    """One external reference: where it stands and what would be loaded."""

    zeile: int
    art: str
    url: str


def is_external(url: str) -> bool:
    """True for anything the browser would fetch from another host (incl. ``//host/…``)."""
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or parts.scheme.lower() not in ("", "data")


def _srcset_urls(value: str) -> list[str]:
    return [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]


def find_in_css(text: str, first_line: int = 1) -> list[Fund]:
    """External ``url(…)``, ``@import`` and ``image-set(…)`` references in a stylesheet or style attribute."""
    text = _CSS_COMMENT.sub(lambda m: "\n" * m.group().count("\n"), text)
    found: list[Fund] = []

    def add(match: re.Match, art: str, offset: int = 0) -> None:
        url = next(group for group in match.groups() if group is not None)
        if is_external(url):
            found.append(Fund(first_line + text.count("\n", 0, offset + match.start()), art, url))

    for pattern, art in ((_CSS_URL, "CSS url()"), (_CSS_IMPORT, "CSS @import")):
        for match in pattern.finditer(text):
            add(match, art)
    for image_set in _CSS_IMAGE_SET.finditer(text):
        body = _CSS_URL.sub(lambda m: " " * len(m.group()), image_set.group(1))  # url() counted above
        for match in _CSS_STRING.finditer(body):
            add(match, "CSS image-set()", image_set.start(1))
    return sorted(found, key=lambda fund: fund.zeile)


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Fund] = []
        self._style_line: int | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        values = {name: value or "" for name, value in attrs}
        wanted = dict(_FETCHING_ATTRIBUTES.get(tag, {}))
        if tag == "link" and _FETCHING_LINK_RELS & set(values.get("rel", "").lower().split()):
            wanted["href"] = f"Verknüpfte Datei mit rel=\"{values['rel']}\""
        for name, art in wanted.items():
            if name not in values:
                continue
            urls = _srcset_urls(values[name]) if name == "srcset" else [values[name]]
            self.found += [Fund(line, f"{art} ({tag} {name})", url) for url in urls if is_external(url)]
        if "style" in values:
            self.found += find_in_css(values["style"], line)
        if tag == "style":
            self._style_line = line

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._style_line = None

    def handle_data(self, data: str) -> None:
        if self._style_line is not None:
            self.found += find_in_css(data, self.getpos()[0])


def find_in_html(text: str) -> list[Fund]:
    """External resources a browser would load for this HTML page, in document order."""
    scanner = _Scanner()
    scanner.feed(text)
    scanner.close()
    return scanner.found


def scan_site(site_dir: Path, cache: Path | None = None) -> dict[str, list[Fund]]:
    """Every built HTML and CSS file with external references, keyed by path inside the site.

    With ``cache`` (a folder), a file whose bytes were scanned before by this same code is not scanned again."""
    store = Zwischenspeicher(cache, "fremde-inhalte", Path(__file__).read_bytes()) if cache else None
    result: dict[str, list[Fund]] = {}
    for path in sorted(site_dir.rglob("*")):
        finder = {".html": find_in_html, ".htm": find_in_html, ".css": find_in_css}.get(path.suffix.lower())
        if finder is None or not path.is_file():
            continue

        def scan(data: bytes, finder=finder) -> bytes:
            return json.dumps([astuple(f) for f in finder(data.decode("utf-8", errors="replace"))]).encode()

        data = path.read_bytes()
        found = [Fund(*f) for f in json.loads(store.ergebnis(data, scan) if store else scan(data))]
        if found:
            result[path.relative_to(site_dir).as_posix()] = found
    if store:
        store.aufraeumen()
    return result
