"""What the built site delivers of its own: content-hashed files, only the styles a page uses, .gz twins."""
from __future__ import annotations

import gzip
import hashlib
import re

from bs4 import BeautifulSoup

from handlungskonzept.assets import TEXT_SUFFIXES

OWN = re.compile(r"assets/(stylesheets|javascripts)/(hk-|fehlerseite)[^/]*$")
HASHED = re.compile(r"\.([0-9a-f]{8})\.(css|js)$")


def own_links(html_file, site):
    """The project's own files a page links; the 404 page links from the site root (it works at any depth)."""
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    found = [tag.get("href") for tag in soup.find_all("link", rel="stylesheet")]
    found += [tag.get("src") for tag in soup.find_all("script", src=True)]
    return [(site / address.lstrip("/") if address.startswith("/") else html_file.parent / address).resolve()
            for address in found if OWN.search(address)]


def test_own_files_are_named_by_their_content(site):
    linked = {path for page in site.rglob("*.html") for path in own_links(page, site)}
    assert len(linked) >= 5
    for path in linked:
        match = HASHED.search(path.name)
        assert match, f"{path.name}: keine Prüfsumme im Namen"
        assert hashlib.sha256(path.read_bytes()).hexdigest()[:8] == match.group(1), path.name
    published = {path.name for path in site.glob("assets/*/*") if OWN.search(path.as_posix())}
    for source in ("hk-tastatur.js", "hk-druck.js", "hk-suche.js", "komponenten.css", "barrierefreiheit.css"):
        assert source not in published and not list(site.rglob(source)), source


def test_a_page_loads_only_the_component_styles_it_uses(site):
    """The largest component style (vorgehen) is on the pages that show that component, and nowhere else."""
    with_component, with_style = set(), set()
    for page in site.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        if "http-equiv=\"refresh\"" in html:
            continue  # a redirect page of data/weiterleitungen.yml: its own small page, no theme
        if 'class="hk-vorgehen' in html:
            with_component.add(page)
        styles = "".join(path.read_text(encoding="utf-8") for path in own_links(page, site) if path.suffix == ".css")
        assert ".hk-sprunglink" in styles, page  # the styles every page needs are there
        if ".hk-vorgehen" in styles:
            with_style.add(page)
    assert with_component and with_style == with_component


def test_no_page_loads_the_content_tabs_script(site):
    """Material's tab script serves pages with content tabs; this site has none."""
    for page in site.rglob("*.html"):
        assert not any(path.name.startswith("hk-inhalt.") for path in own_links(page, site)), page


def test_every_text_file_has_a_reproducible_gzip_twin(site):
    checked = 0
    for path in site.rglob("*"):
        if path.suffix not in TEXT_SUFFIXES or not path.is_file():
            continue
        twin = path.with_name(path.name + ".gz")
        data = path.read_bytes()
        if not twin.exists():
            assert len(gzip.compress(data, 9, mtime=0)) >= len(data), f"{path}: .gz fehlt"
            continue
        packed = twin.read_bytes()
        assert gzip.decompress(packed) == data, path
        assert packed[4:8] == b"\0\0\0\0" and not packed[3] & 0x08, f"{path}: Zeitstempel oder Name im gzip-Kopf"
        checked += 1
    assert checked >= 40
