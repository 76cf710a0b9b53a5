"""The whole Handlungskonzept as one PDF, inspected with pikepdf and poppler as a reader's tools see it."""
from __future__ import annotations

import os
import re
import subprocess

import pikepdf
import pytest
import yaml

from conftest import ROOT, TOWNS, soup
from handlungskonzept.ausgaben.gesamtdokument import dokument
from handlungskonzept.ausgaben.gesamtdokument.dokument import Kapitel

PDF = "handlungskonzept.pdf"
LEGAL = {"impressum.md", "datenschutz.md", "barrierefreiheit.md"}


def nav_pages() -> list[str]:
    """The menu's source files in menu order (mkdocs.yml), without legal pages."""
    nav = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))["nav"]
    return [src for entry in nav for src in entry.values() if src not in LEGAL]


def page_url(src: str) -> str:
    return "" if src == "index.md" else src.removesuffix("index.md").removesuffix(".md").rstrip("/") + "/"


def chapter_title(site, src: str) -> str:
    return soup(site, page_url(src)).find("h1").get_text(" ", strip=True).removesuffix("¶").strip()


@pytest.fixture(scope="module")
def pdf(site):
    with pikepdf.open(site / PDF) as document:
        yield document


@pytest.fixture(scope="module")
def text(site) -> str:
    return subprocess.run(["pdftotext", "-layout", str(site / PDF), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_tagged_with_language_and_metadata(site, pdf):
    assert pdf.Root.MarkInfo.Marked is True
    assert "/StructTreeRoot" in pdf.Root
    assert str(pdf.Root.Lang) == "de"
    info = subprocess.run(["pdfinfo", str(site / PDF)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Title:\s+Handlungskonzept gegen Rechtsextremismus und Rassismus des Kreises Mettmann$", info, re.M)
    assert re.search(r"^Author:\s+Kreis Mettmann, Kreisintegrationszentrum$", info, re.M)
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    with pdf.open_metadata() as xmp:
        assert xmp.get("pdfuaid:part") == "1"
        assert xmp.get("dc:title") == "Handlungskonzept gegen Rechtsextremismus und Rassismus des Kreises Mettmann"


def test_structure_tree_has_headings_lists_tables_links(pdf):
    seen = set()

    def walk(node, depth=0):
        if isinstance(node, pikepdf.Dictionary):
            if "/S" in node:
                seen.add(str(node.S))
            kids = node.get("/K")
            if kids is not None:
                for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
                    walk(kid, depth + 1)

    walk(pdf.Root.StructTreeRoot)
    assert {"/Document", "/H1", "/H2", "/H3", "/L", "/LI", "/Table", "/TH", "/TD", "/Link", "/P"} <= seen


def test_bookmarks_are_the_chapters_in_menu_order(site, pdf):
    with pdf.open_outline() as outline:
        top = [item.title for item in outline.root]
        konferenzen = next(item for item in outline.root if item.title == "Regionalkonferenzen").children
        assert [k.title for k in konferenzen if k.title.startswith("Regionalkonferenz ")] == [
            chapter_title(site, f"regionalkonferenzen/{town}.md") for town in TOWNS]
        assert any(item.children for item in outline.root if item.title != "Regionalkonferenzen")  # sections too
    assert top == [chapter_title(site, src) for src in nav_pages()] + ["Anhang: Mitteilungsvorlage WP 14-20 SV 50/100"]


def test_fonts_embedded(site):
    fonts = subprocess.run(["pdffonts", str(site / PDF)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and any("HK-Text" in row for row in rows)
    for row in rows:  # columns: name type encoding emb sub uni object ID
        assert row.split()[-5] == "yes", row


def test_every_chapter_and_conference_and_the_source_are_in_it(site, text):
    flat = " ".join(text.split())
    for src in nav_pages() + [f"regionalkonferenzen/{town}.md" for town in TOWNS]:
        page = soup(site, page_url(src))
        for heading in page.select("article h1, article h2"):
            assert " ".join(heading.get_text(" ", strip=True).removesuffix("¶").split()) in flat, (src, heading)
    for legal in ("Impressum", "Datenschutzerklärung", "Erklärung zur Barrierefreiheit"):
        assert f"\n{legal}\n" not in text
    source = (ROOT / "docs/quellen/mitteilungsvorlage-wp-14-20-sv-50-100.txt").read_text(encoding="utf-8")
    body = re.sub(r"Seite \d+ von \d+ Anhang: Mitteilungsvorlage WP 14-20 SV 50/100 ", "", flat)  # page furniture
    assert " ".join(source.split()[-12:]) in body  # the appendix ends as the source does
    assert "Gesamtdokument als PDF" not in text  # no link of the document to itself


def test_cover_names_title_issuer_and_period(text):
    cover = " ".join(text.split("\f")[0].split())
    assert "Handlungskonzept gegen Rechtsextremismus und Rassismus des Kreises Mettmann" in cover
    assert "Herausgeber: Kreis Mettmann, Kreisintegrationszentrum" in cover
    assert "Mitteilungsvorlage WP 14-20 SV 50/100, undatiert, verfasst zwischen Februar 2017 und Oktober 2020" in cover


def test_page_numbers_and_contents(text, pdf):
    pages = text.split("\f")[:-1]
    assert len(pages) == len(pdf.pages)
    for number, page in enumerate(pages[1:], start=2):
        assert f"Seite {number} von {len(pages)}" in page
    contents = pages[1]
    assert re.search(r"Regionalkonferenzen \.{5,} \d+", contents)


def test_internal_links_resolve_inside_the_document(pdf):
    names = {str(k) for k, _ in pikepdf.NameTree(pdf.Root.Names.Dests).items()}
    internal = 0
    for page in pdf.pages:
        for annot in page.get("/Annots", []):
            if annot.get("/Subtype") != "/Link":
                continue
            action = annot.get("/A")
            if action is not None and action.get("/S") == "/URI":
                assert str(action.URI).startswith(("https://", "http://", "mailto:")), action.URI
                continue
            dest = annot.get("/Dest") if action is None else action.get("/D")
            internal += 1
            if isinstance(dest, (pikepdf.String, pikepdf.Name)):
                assert str(dest).lstrip("/") in names, dest
            else:
                assert isinstance(dest, pikepdf.Array) and dest[0].objgen in {p.obj.objgen for p in pdf.pages}
    assert internal > 30  # contents, cross references between chapters, the source link of every chapter


def test_every_chapter_links_to_the_pdf_with_its_size(site):
    size = (site / PDF).stat().st_size
    label = f"Gesamtdokument als PDF, {size / 1024:.1f} KB".replace(".", ",")
    for src in nav_pages() + [f"regionalkonferenzen/{town}.md" for town in TOWNS]:
        url = page_url(src)
        link = soup(site, url).find("a", string=label)
        assert link is not None, (src, label)
        assert link["href"] == "../" * url.count("/") + PDF
    assert soup(site, "impressum/").find("a", href=re.compile(r"handlungskonzept\.pdf$")) is None


def test_the_document_joins_the_pages_with_their_links_inside_it():
    kapitel = [
        Kapitel("Startseite", "", '<h1 id="start">Start<a class="headerlink" href="#start">¶</a></h1>'
                '<p>Siehe <a href="partner/#liste">Partner</a>, <a href="impressum/#kontakt">Impressum</a>, '
                '<a href="quellen/vorlage.txt">Vorlage</a>, <a href="https://example.org/">extern</a>, '
                '<a href="mailto:a@example.org">Post</a>, <a href="#start">oben</a>.</p><script>x()</script>'),
        Kapitel("Regionalkonferenzen", "regionalkonferenzen/", '<h1 id="rk">Regionalkonferenzen</h1>'
                '<table><tr><th id="k">Kopf</th></tr><tr><td headers="k">Zelle</td></tr></table>'),
        Kapitel("Haan", "regionalkonferenzen/haan/", '<h1 id="haan">Haan</h1><h5>Klein</h5><h6>Kleinst</h6>'
                '<div aria-labelledby="haan k">x</div><a href="../index.html">Übersicht</a>'
                '<a href="../../partner/">Partner</a><a href="#haan">hier</a><a href="?x=1">frage</a>', ebene=2),
        Kapitel("Partner", "partner/", '<h2 id="liste">Liste</h2><form><input></form><button>b</button>'
                '<noscript>n</noscript>'),
    ]
    assert dokument.html(kapitel, TITELBLATT, ANHANG, "https://www.beispiel.test/") == (
    '<!DOCTYPE html>\n'
    '<html lang="de">\n'
    '<head>\n'
    '<meta charset="utf-8">\n'
    '<title>Handlungskonzept</title>\n'
    '<meta name="author" content="Kreis Mettmann">\n'
    '<meta name="description" content="Gesamtdokument der Website zum Handlungskonzept. Quelle: Vorlage, undatiert.">\n'
    '</head>\n'
    '<body>\n'
    '<section class="titelblatt">\n'
    '<p class="titelblatt__herausgeber">Kreis Mettmann</p>\n'
    '<h1>Handlungskonzept</h1>\n'
    '<p class="titelblatt__art">Gesamtdokument der Website</p>\n'
    '<p><strong>Herausgeber:</strong> Kreis Mettmann</p>\n'
    '<p><strong>Quelle der Angaben:</strong> Vorlage, undatiert. Ihr Wortlaut steht im <a href="#anhang">Anhang</a>.</p>\n'
    '</section>\n'
    '<section class="inhaltsverzeichnis">\n'
    '<h2>Inhalt</h2>\n'
    '<ol>\n'
    '<li><a href="#seite-startseite">Startseite</a>\n'
    '</li>\n'
    '<li><a href="#seite-regionalkonferenzen">Regionalkonferenzen</a>\n'
    '<ol>\n'
    '<li><a href="#seite-regionalkonferenzen-haan">Haan</a></li>\n'
    '</ol>\n'
    '</li>\n'
    '<li><a href="#seite-partner">Partner</a>\n'
    '</li>\n'
    '<li><a href="#anhang">Anhang: Vorlage</a></li>\n'
    '</ol>\n'
    '</section>\n'
    '<section class="kapitel kapitel--ebene-1 md-typeset" id="seite-startseite">\n'
    '<h1 id="seite-startseite--start">Start</h1><p>Siehe <a href="#seite-partner--liste">Partner</a>, <a href="https://www.beispiel.test/impressum/#kontakt">Impressum</a>, <a href="#anhang">Vorlage</a>, <a href="https://example.org/">extern</a>, <a href="mailto:a@example.org">Post</a>, <a href="#seite-startseite--start">oben</a>.</p>\n'
    '</section>\n'
    '<section class="kapitel kapitel--ebene-1 md-typeset" id="seite-regionalkonferenzen">\n'
    '<h1 id="seite-regionalkonferenzen--rk">Regionalkonferenzen</h1><table><tr><th id="seite-regionalkonferenzen--k">Kopf</th></tr><tr><td headers="seite-regionalkonferenzen--k">Zelle</td></tr></table>\n'
    '</section>\n'
    '<section class="kapitel kapitel--ebene-2 md-typeset" id="seite-regionalkonferenzen-haan">\n'
    '<h2 id="seite-regionalkonferenzen-haan--haan">Haan</h2><h6>Klein</h6><h6>Kleinst</h6><div aria-labelledby="seite-regionalkonferenzen-haan--haan seite-regionalkonferenzen-haan--k">x</div><a href="#seite-regionalkonferenzen">Übersicht</a><a href="#seite-partner">Partner</a><a href="#seite-regionalkonferenzen-haan--haan">hier</a><a href="#seite-regionalkonferenzen-haan">frage</a>\n'
    '</section>\n'
    '<section class="kapitel kapitel--ebene-1 md-typeset" id="seite-partner">\n'
    '<h2 id="seite-partner--liste">Liste</h2>\n'
    '</section>\n'
    '<section class="kapitel anhang" id="anhang">\n'
    '<h1>Anhang: Vorlage</h1>\n'
    '<p class="anhang__hinweis">Wortlaut der Quelle, wie ihn die Website als Textdatei veröffentlicht.</p>\n'
    '<p>Zeile 1<br>Zeile 2</p>\n'
    '<p>Absatz 2</p>\n'
    '</section>\n'
    '</body>\n'
    '</html>\n'
    )


TITELBLATT = dokument.Titelblatt("Handlungskonzept", "Kreis Mettmann", "Vorlage", "undatiert")
ANHANG = dokument.Anhang("Vorlage", "quellen/vorlage.txt", "Zeile 1\n  Zeile 2  \n\n\n   \nAbsatz 2\n")


def test_without_site_url_outside_links_are_root_relative_and_a_lone_subpage_is_a_chapter():
    html = dokument.html([Kapitel("Haan", "regionalkonferenzen/haan/", '<a href="../../impressum/">I</a>', ebene=2)],
                         TITELBLATT, ANHANG, None)
    assert '<a href="/impressum/">I</a>' in html
    assert ('<ol>\n<li><a href="#seite-regionalkonferenzen-haan">Haan</a>\n</li>\n<li><a href="#anhang">Anhang: '
            'Vorlage</a></li>\n</ol>') in html


def test_cover_and_appendix_come_from_the_data(fixture_daten):
    titelblatt, anhang = dokument.aus_daten(fixture_daten, ROOT / "docs")
    assert titelblatt == dokument.Titelblatt(
        titel="Handlungskonzept gegen Rechtsextremismus und Rassismus des Kreises Mettmann",
        herausgeber="Kreis Mettmann, Kreisintegrationszentrum", quelle="Mitteilungsvorlage WP 14-20 SV 50/100",
        quellenzeit="undatiert, verfasst zwischen Februar 2017 und Oktober 2020")
    assert (anhang.titel, anhang.url) == ("Mitteilungsvorlage WP 14-20 SV 50/100",
                                          "quellen/mitteilungsvorlage-wp-14-20-sv-50-100.txt")
    assert anhang.text == (ROOT / "docs/quellen/mitteilungsvorlage-wp-14-20-sv-50-100.txt").read_text(encoding="utf-8")


def test_the_print_stylesheet_embeds_the_fonts_after_the_components_styles(tmp_path):
    css = dokument.stylesheet({("italic", 700): tmp_path / "Fett Kursiv.ttf"})
    assert (f'@font-face {{\n  font-family: "HK Text";\n  font-style: italic;\n  font-weight: 700;\n'
            f'  src: url("file://{tmp_path}/Fett%20Kursiv.ttf");\n}}') in css
    assert css.index(".hk-pressebox") < css.index("@font-face")


KLEIN = '<html lang="de"><head><title>T</title></head><body><h1>Hallo</h1></body></html>'
#: The smallest whole document: one page, the cover and the appendix.
EINE_SEITE = ([Kapitel("Start", "", "<h1>Hallo</h1>")], TITELBLATT, ANHANG, None)


def test_the_pdf_is_tagged_compressed_and_cached_by_its_inputs(tmp_path):
    from handlungskonzept.ausgaben.gesamtdokument import pdf as gesamt_pdf

    cache = tmp_path / "cache"
    datei = gesamt_pdf.erzeugen(*EINE_SEITE, tmp_path, cache)
    assert re.fullmatch(r"[0-9a-f]{64}\.pdf", datei.name) and datei.parent == cache / "pdf"
    assert sorted(p.name for p in (cache / "pdf").iterdir()) == [datei.name]  # no half-written file left
    with pikepdf.open(datei) as document:
        assert document.Root.MarkInfo.Marked is True
        assert bytes(document.trailer.ID[0]) == datei.stem[:32].encode()
        seite = document.pages[0]
        assert seite.Contents.get("/Filter") == "/FlateDecode"
        with document.open_metadata() as xmp:
            assert xmp.get("pdfuaid:part") == "1"
    assert datei.stat().st_size < 30_000  # fonts as subsets
    os.utime(datei, (1, 1))
    assert gesamt_pdf.erzeugen(*EINE_SEITE, tmp_path, cache) == datei
    assert datei.stat().st_mtime > 1  # used again: stays among the newest


def test_the_cache_keeps_the_six_newest_files(tmp_path):
    from handlungskonzept.ausgaben.gesamtdokument import pdf as gesamt_pdf

    cache = tmp_path / "cache"
    (cache / "pdf").mkdir(parents=True)
    for n in range(7):
        (cache / "pdf" / f"alt-{n}.pdf").write_bytes(b"%PDF")
        os.utime(cache / "pdf" / f"alt-{n}.pdf", (1000 + n, 1000 + n))
    (cache / "pdf" / "halb.4711.neu").write_bytes(b"%PD")  # another build, still writing
    os.utime(cache / "pdf" / "halb.4711.neu", (1, 1))
    neu = gesamt_pdf.erzeugen(*EINE_SEITE, tmp_path, cache)
    assert sorted(p.name for p in (cache / "pdf").iterdir()) == sorted(
        [neu.name, "halb.4711.neu", *(f"alt-{n}.pdf" for n in range(2, 7))])


def test_the_pdf_embeds_files_from_docs_only(tmp_path):
    from handlungskonzept.ausgaben.gesamtdokument import pdf as gesamt_pdf
    from handlungskonzept.ausgaben.gesamtdokument import satz

    def setzen(html: str) -> bytes:
        return satz.setzen(html, "", [docs, gesamt_pdf.SCHRIFT_ORDNER], "0" * 64, gesamt_pdf.OPTIONEN)

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "stil.css").write_text("h1 { color: red }", encoding="utf-8")
    html = '<html><head><link rel="stylesheet" href="stil.css"></head><body><h1>H</h1>{}</body></html>'
    assert setzen(html.format("")).startswith(b"%PDF-")
    for teil, meldung in [
        ('<img src="https://example.org/a.png">', "Das Gesamtdokument (PDF) darf nur Dateien aus dem Ordner docs/ "
                                                  "einbinden, nicht „https://example.org/a.png“."),
        (f'<img src="file://{tmp_path}/a.png">', f"Das Gesamtdokument (PDF) darf nur Dateien aus dem Ordner docs/ "
                                                 f"einbinden, nicht „file://{tmp_path}/a.png“."),
        ('<img src="fehlt.png">', f"Das Gesamtdokument (PDF) bindet „{docs}/fehlt.png“ ein, aber die Datei fehlt."),
    ]:
        with pytest.raises(gesamt_pdf.PdfFehler) as raised:
            setzen(html.format(teil))
        assert str(raised.value) == meldung


def test_neither_the_stylesheet_nor_another_computer_brings_in_other_files(tmp_path):
    from handlungskonzept.ausgaben.gesamtdokument import pdf as gesamt_pdf
    from handlungskonzept.ausgaben.gesamtdokument import satz

    def setzen(html: str, css: str) -> bytes:
        return satz.setzen(html, css, [docs, gesamt_pdf.SCHRIFT_ORDNER], "0" * 64, gesamt_pdf.OPTIONEN)

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "stil.css").write_text("h1 { color: red }", encoding="utf-8")
    (tmp_path / "fremd.css").write_text("h1 { color: blue }", encoding="utf-8")
    html = "<html><body><h1>H</h1>{}</body></html>"
    with pytest.raises(gesamt_pdf.PdfFehler) as raised:
        setzen(html.format(""), f'@import url("file://{tmp_path}/fremd.css");')
    assert str(raised.value) == (f"Das Gesamtdokument (PDF) darf nur Dateien aus dem Ordner docs/ einbinden, "
                                 f"nicht „file://{tmp_path}/fremd.css“.")
    with pytest.raises(gesamt_pdf.PdfFehler) as raised:  # the path lies in docs/, but on another computer
        setzen(html.format(f'<link rel="stylesheet" href="file://anderer-rechner{docs}/stil.css">'), "")
    assert f"file://anderer-rechner{docs}/stil.css" in str(raised.value)


def test_another_cover_or_appendix_is_not_taken_from_the_store(tmp_path, monkeypatch):
    from handlungskonzept.ausgaben.gesamtdokument import pdf as gesamt_pdf

    seiten, titelblatt, anhang, _ = EINE_SEITE
    fassungen = [(titelblatt, anhang), (dokument.Titelblatt("T", "K", "V", "u"), anhang),
                 (titelblatt, dokument.Anhang("V", "v.txt", "x"))]
    store = gesamt_pdf.Zwischenspeicher(tmp_path, "pdf", gesamt_pdf.fassung(), endung=".pdf")
    for n, (deckblatt, anlage) in enumerate(fassungen):
        key = gesamt_pdf.schluessel(seiten, deckblatt, anlage, None, [*gesamt_pdf.schriften().values(), *gesamt_pdf.CODE])
        store.datei(key, lambda _name, n=n: f"%PDF-{n}".encode())
    monkeypatch.setattr(dokument, "html", None)  # assembling would fail: each comes from the store
    assert [gesamt_pdf.erzeugen(seiten, deckblatt, anlage, None, tmp_path, tmp_path).read_bytes()
            for deckblatt, anlage in fassungen] == [b"%PDF-0", b"%PDF-1", b"%PDF-2"]


def test_missing_fonts_name_the_debian_package(tmp_path, monkeypatch):
    from handlungskonzept.ausgaben.gesamtdokument import pdf as gesamt_pdf

    monkeypatch.setattr(gesamt_pdf, "SCHRIFT_ORDNER", tmp_path)
    (tmp_path / "OpenSans-Regular.ttf").write_bytes(b"x")
    (tmp_path / "OpenSans-Bold.ttf").write_bytes(b"x")
    with pytest.raises(gesamt_pdf.PdfFehler) as raised:
        gesamt_pdf.schriften()
    assert str(raised.value) == (
        f"Für das Gesamtdokument (PDF) fehlt die Schrift {tmp_path}/OpenSans-Italic.ttf, {tmp_path}/OpenSans-BoldItalic.ttf. "
        "Bitte das Debian-Paket installieren: sudo apt-get install fonts-open-sans (oder „make site“ als root).")


def test_the_cache_key_changes_with_every_input(tmp_path):
    from handlungskonzept.ausgaben.gesamtdokument.pdf import schluessel

    schrift = tmp_path / "a.ttf"
    schrift.write_bytes(b"1")
    seiten, titelblatt, anhang, _ = EINE_SEITE
    basis = schluessel(seiten, titelblatt, anhang, None, [schrift])
    assert len(basis) == 32 and schluessel(seiten, titelblatt, anhang, None, [schrift]) == basis
    ohne_datei = schluessel(seiten, titelblatt, anhang, None, [])
    schrift.write_bytes(b"2")
    assert len({basis, ohne_datei, schluessel(seiten, titelblatt, anhang, None, [schrift]),
                schluessel([Kapitel("Start", "", "<h1>Hallo!</h1>")], titelblatt, anhang, None, []),
                schluessel(seiten, dokument.Titelblatt("T", "K", "V", "u"), anhang, None, []),
                schluessel(seiten, titelblatt, dokument.Anhang("V", "v.txt", "x"), None, []),
                schluessel(seiten, titelblatt, anhang, "https://www.beispiel.test/", [])}) == 7


def test_sources_and_styles_are_read_as_utf8_whatever_the_locale(fixture_daten, c_locale):
    _, anhang = dokument.aus_daten(fixture_daten, ROOT / "docs")
    assert "Rechtsextremismus" in anhang.text
    assert "font-family" in dokument.stylesheet({})


def test_a_subpage_belongs_to_the_chapter_right_before_it_and_headings_move_down():
    kapitel = [Kapitel("A", "a/", "<p>a</p>"), Kapitel("B", "b/", "<p>b</p>"), Kapitel("C", "c/", "<p>c</p>"),
               Kapitel("C1", "c/eins/", "<h2>Zwei</h2><h3>Drei</h3><h4>Vier</h4>", ebene=2),
               Kapitel("C2", "c/zwei/", "<h4>Vier</h4><h5>Fünf</h5>", ebene=3)]
    html = dokument.html(kapitel, TITELBLATT, ANHANG, "https://www.beispiel.test/")
    assert ('<li><a href="#seite-c">C</a>\n<ol>\n<li><a href="#seite-c-eins">C1</a></li>\n'
            '<li><a href="#seite-c-zwei">C2</a></li>\n</ol>\n</li>') in html
    assert '<h3>Zwei</h3><h4>Drei</h4><h5>Vier</h5>' in html
    assert '<h6>Vier</h6><h6>Fünf</h6>' in html  # never deeper than h6


def test_only_links_with_an_address_are_rewritten():
    html = dokument.html([Kapitel("A", "a/", '<link rel="x" href="../b/"><a id="marke">Marke</a>'
                                             '<a href="../XL/">XL</a>')], TITELBLATT, ANHANG, "https://www.beispiel.test/")
    assert '<link href="../b/" rel="x"/><a id="seite-a--marke">Marke</a><a href="https://www.beispiel.test/XL/">XL</a>' in html


def test_the_print_stylesheet_starts_with_every_components_style():
    from handlungskonzept.ausgaben import components

    eigene = "\n".join(p.read_text(encoding="utf-8") for p in sorted(components.COMPONENTS_DIR.glob("*/*.css")))
    assert dokument.stylesheet({}).startswith(eigene + "\n/* Print stylesheet of the whole document")


def test_the_pdf_is_set_in_the_sites_font(tmp_path):
    from handlungskonzept.ausgaben.gesamtdokument import pdf as gesamt_pdf

    from handlungskonzept.ausgaben.gesamtdokument import satz

    datei = tmp_path / "klein.pdf"
    datei.write_bytes(satz.setzen(KLEIN, dokument.stylesheet(gesamt_pdf.schriften()),
                                  [tmp_path, gesamt_pdf.SCHRIFT_ORDNER], "0" * 64, gesamt_pdf.OPTIONEN))
    with pikepdf.open(datei) as document:
        fonts = {str(font.BaseFont) for font in document.pages[0].Resources.Font.values()}
    assert [name.split("+", 1)[1] for name in fonts] == ["HK-Text-Bold"]  # the heading, in our Open Sans


def test_the_stores_version_follows_the_engine_and_the_render_options(monkeypatch):
    from importlib.metadata import version

    from handlungskonzept.ausgaben.gesamtdokument import pdf as gesamt_pdf

    monkeypatch.setattr(gesamt_pdf, "OPTIONEN", {"pdf_tags": True, "pdf_variant": "pdf/ua-1"})
    assert gesamt_pdf.fassung() == (f"weasyprint {version('weasyprint')}, pydyf {version('pydyf')}, "
                                    "[('pdf_tags', True), ('pdf_variant', 'pdf/ua-1')]").encode()
