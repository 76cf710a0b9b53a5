"""What the built site delivers of its own: content-hashed files, only the styles a page uses, .gz twins."""
from __future__ import annotations

import gzip
import hashlib
import re

from bs4 import BeautifulSoup

from handlungskonzept.ausgaben.assets import TEXT_SUFFIXES

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


def test_only_the_colour_scheme_and_storage_scripts_hold_up_the_first_paint(site):
    """Those two must run before the page shows (no flash of the wrong colours); Material's bundle and ours are
    deferred, so a phone paints the page before it has fetched them. Every script file exists."""
    pages = 0
    for page in site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        scripts = soup.find_all("script", src=True)
        if not scripts:
            continue  # a redirect page
        pages += 1
        blocking = [re.sub(r"\.[0-9a-f]{8}\.js$", ".js", tag["src"].rsplit("/", 1)[-1])
                    for tag in scripts if not tag.has_attr("defer")]
        assert blocking == ["hk-basis.js", "hk-farbschema.js"], page
        for tag in scripts:
            address = tag["src"]
            assert (site / address.lstrip("/") if address.startswith("/") else page.parent / address).is_file(), address
    assert pages > 20


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


def test_a_name_carries_the_first_eight_hex_digits_of_its_sha256():
    from handlungskonzept.ausgaben.assets import fingerprinted

    assert fingerprinted("assets/javascripts/hk-seite.js", b"abc") == "assets/javascripts/hk-seite.ba7816bf.js"
    assert fingerprinted("a.b/c.min.css", b"") == "a.b/c.min.e3b0c442.css"


def overrides(tmp_path):
    """An overrides/ folder with every source file the delivery reads, each a line naming itself."""
    from handlungskonzept.ausgaben.assets import PAGE_STYLES, SCRIPTS, STYLES

    folder = tmp_path / "overrides"
    for source in {s for sources in (*SCRIPTS.values(), *STYLES.values(), PAGE_STYLES) for s in sources}:
        (folder / source).parent.mkdir(parents=True, exist_ok=True)
        (folder / source).write_text(f"/* {source} */\n\n", encoding="utf-8")
    components = tmp_path / "components"
    for name, css in (("eins", ".hk-eins { a: b }\n.hk-eins__teil { c: d }"), ("zwei", ".hk-zwei, .md-x { e: f }")):
        (components / name).mkdir(parents=True)
        (components / name / f"{name}.css").write_text(css, encoding="utf-8")
    return folder, components


def test_scripts_are_joined_in_order_and_styles_follow_the_components_a_page_shows(tmp_path):
    from handlungskonzept.ausgaben.assets import Delivery

    delivery = Delivery(*overrides(tmp_path))
    seite = delivery.address("assets/javascripts/hk-seite.js")
    assert re.fullmatch(r"assets/javascripts/hk-seite\.[0-9a-f]{8}\.js", seite)
    assert delivery.files[seite] == b"/* assets/javascripts/hk-tastatur.js */\n/* assets/javascripts/hk-druck.js */\n"
    assert delivery.files[delivery.address("assets/javascripts/hk-basis.js")] == (
        b"/* assets/javascripts/hk-basis.js */\n/* assets/javascripts/hk-farbwahl.js */\n"
        b"/* assets/javascripts/hk-suche.js */\n")
    assert delivery.files[delivery.address("assets/stylesheets/fehlerseite.css")] == (
        b"/* assets/stylesheets/fehlerseite.css */\n")
    assert delivery.components == {"eins": (frozenset({"hk-eins", "hk-eins__teil"}), ".hk-eins { a: b }\n.hk-eins__teil { c: d }"),
                                   "zwei": (frozenset({"hk-zwei"}), ".hk-zwei, .md-x { e: f }")}
    ohne = delivery.page_style('<p class="md-x">nichts Eigenes</p>')
    mit = delivery.page_style('<div class="a hk-eins__teil b"><span class="hk-zwei">x</span></div>')
    assert delivery.page_style('<p class="hk-zwei"></p><p class="hk-eins">') == mit  # the same components, one file
    assert delivery.files[ohne] == (b"/* assets/stylesheets/barrierefreiheit.css */\n"
                                    b"/* assets/stylesheets/druck.css */\n")
    assert delivery.files[mit] == (b"/* assets/stylesheets/barrierefreiheit.css */\n/* assets/stylesheets/druck.css */\n"
                                   b"/* eins */\n.hk-eins { a: b }\n.hk-eins__teil { c: d }\n/* zwei */\n"
                                   b".hk-zwei, .md-x { e: f }\n")
    assert re.fullmatch(r"assets/stylesheets/hk-seite\.[0-9a-f]{8}\.css", mit) and mit != ohne
    assert "assets/javascripts/hk-tastatur.js" in delivery.sources and "assets/stylesheets/druck.css" in delivery.sources


def test_text_files_get_a_smaller_reproducible_gzip_twin(tmp_path):
    from handlungskonzept.ausgaben.assets import compress

    lang = "Text " * 200
    for name in ("index.html", "a/b/c.css", "d.js", "e.json", "f.xml", "g.svg", "h.txt", "i.ics", "j.png", "k.map"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(lang, encoding="utf-8")
    (tmp_path / "kurz.html").write_text("x", encoding="utf-8")
    (tmp_path / "gleich.html").write_text("a" * 23, encoding="utf-8")  # packed, also 23 bytes: no gain, no twin
    (tmp_path / "ordner.html").mkdir()
    assert compress(tmp_path) == 8
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.gz")) == [
        "a/b/c.css.gz", "d.js.gz", "e.json.gz", "f.xml.gz", "g.svg.gz", "h.txt.gz", "i.ics.gz", "index.html.gz"]
    packed = (tmp_path / "index.html.gz").read_bytes()
    assert gzip.decompress(packed) == lang.encode() and packed[4:8] == b"\0\0\0\0"  # no time stamp
    assert packed[3] == 0 and packed[8] == 2  # no file name; compressed at the highest level


def test_sources_are_read_as_utf8_whatever_the_locale(tmp_path, c_locale):
    from handlungskonzept.ausgaben.assets import Delivery

    folder, components = overrides(tmp_path)
    (folder / "assets/javascripts/hk-druck.js").write_text("// Überschrift\n", encoding="utf-8")
    (components / "eins" / "eins.css").write_text("/* Größe */ .hk-eins { a: b }", encoding="utf-8")
    delivery = Delivery(folder, components)
    assert "// Überschrift".encode() in delivery.files[delivery.address("assets/javascripts/hk-seite.js")]
    assert delivery.components["eins"] == (frozenset({"hk-eins"}), "/* Größe */ .hk-eins { a: b }")


def test_joining_keeps_each_source_but_its_last_line_breaks(tmp_path):
    from handlungskonzept.ausgaben.assets import Delivery

    folder, components = overrides(tmp_path)
    (folder / "assets/javascripts/hk-tastatur.js").write_text("eins();  \n\n\n", encoding="utf-8")
    (folder / "assets/javascripts/hk-druck.js").write_text("// ENDE X", encoding="utf-8")
    delivery = Delivery(folder, components)
    assert delivery.files[delivery.address("assets/javascripts/hk-seite.js")] == b"eins();  \n// ENDE X\n"
