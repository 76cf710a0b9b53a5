"""What a reader reads on a built page: the main text of Material's ``<article>``, line by line, and its links.

Navigation, header, footer, scripts, icons and heading anchors are left out, so a comparison of two
builds shows changed sentences, not changed markup. Needs only the standard library.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

#: Elements that start a new line of text.
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "tr", "th", "td", "br", "div", "section",
           "blockquote", "pre", "figcaption", "caption", "table", "ul", "ol", "dl", "details", "summary", "hr"}
#: Elements whose content no reader sees as text.
_SILENT = {"script", "style", "svg", "template", "noscript"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "area", "col", "embed", "track"}


@dataclass
class PageText:
    title: str = ""
    lines: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)


class _ArticleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.result = PageText()
        self._depth = 0          # open elements inside <article>; 0 = outside
        self._silent = 0         # depth inside an element whose text is not read
        self._line: list[str] = []
        self._in_h1 = False
        self._h1: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if not self._depth:
            if tag == "article":
                self._depth = 1
            return
        if tag not in _VOID:
            self._depth += 1
        classes = (attributes.get("class") or "").split()
        if self._silent or tag in _SILENT or "headerlink" in classes or attributes.get("rel") == "edit":
            if tag not in _VOID:
                self._silent += 1
            return
        if tag in _BLOCKS:
            self._flush()
        if tag == "h1" and not self.result.title:
            self._in_h1 = True
        if tag == "a" and (attributes.get("href") or "").startswith(("http://", "https://")):
            self.result.links.append(attributes["href"])

    def handle_endtag(self, tag):
        if not self._depth or tag in _VOID:
            return
        self._depth -= 1
        if self._silent:
            self._silent -= 1
            return
        if tag in _BLOCKS:
            self._flush()
        if tag == "h1" and self._in_h1:
            self._in_h1 = False
            self.result.title = " ".join("".join(self._h1).split())
        if not self._depth:
            self._flush()

    def handle_data(self, data):
        if self._depth and not self._silent:
            self._line.append(data)
            if self._in_h1:
                self._h1.append(data)

    def _flush(self) -> None:
        line = " ".join("".join(self._line).split())
        if line:
            self.result.lines.append(line)
        self._line = []


def read(html: str) -> PageText:
    parser = _ArticleText()
    parser.feed(html)
    parser.close()
    return parser.result


def pages(site_dir: Path) -> dict[str, PageText]:
    """Every HTML page of a built site by its address (``/partner/``, ``/404.html``)."""
    result = {}
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir).as_posix()
        url = "/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)
        result[url] = read(path.read_text(encoding="utf-8"))
    return result
