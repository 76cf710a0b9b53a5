"""Where the privacy check finds an outside resource: kind, line and address, written out for concrete input."""
from __future__ import annotations

from handlungskonzept.ausgaben.external_resources import Fund, find_in_css, find_in_html, scan_site

CSS = ('/* Kommentar\n   über zwei Zeilen url(https://x.example/kommentar.png) */\n'
       'a { background: url("https://cdn.example.com/a.png") }\n'
       '@import "//fonts.example.com/f.css";\n'
       'b { background: image-set("https://cdn.example.com/b.png" 1x, url(https://cdn.example.com/c.png) 2x) }\n'
       'c { background: url(bilder/eigen.png) url(data:image/png;base64,AA) }\n')

HTML = ('<!doctype html>\n<link rel="stylesheet" href="https://cdn.example.com/s.css">\n'
        '<link rel="canonical" href="https://www.example.org/">\n'
        '<img src="eigen.png" srcset="https://cdn.example.com/1.png 1x, bild-2x.png 2x">\n'
        '<p style="background: url(https://cdn.example.com/p.png)">Text</p>\n'
        '<style>\n.a { }\n.b { background: url(//cdn.example.com/s.png) }\n</style>\n'
        '<p>url(https://kein.example/text.png)</p>\n'
        '<video poster="https://cdn.example.com/v.jpg"></video>\n'
        '<a href="https://www.example.org/">Link</a>\n'
        '<iframe src="https://video.example.com/e"></iframe>\n')


def test_stylesheet_findings_skip_comments_and_own_files():
    assert find_in_css(CSS) == [
        Fund(3, "CSS url()", "https://cdn.example.com/a.png"),
        Fund(4, "CSS @import", "//fonts.example.com/f.css"),
        Fund(5, "CSS url()", "https://cdn.example.com/c.png"),
        Fund(5, "CSS image-set()", "https://cdn.example.com/b.png"),
    ]


def test_style_attribute_counts_from_its_own_line():
    assert find_in_css("x {\n background: url(https://a.example/x.png) }", 7) == [
        Fund(8, "CSS url()", "https://a.example/x.png")]


def test_page_findings_name_element_attribute_and_line_but_not_links_or_text():
    assert find_in_html(HTML) == [
        Fund(2, 'Verknüpfte Datei mit rel="stylesheet" (link href)', "https://cdn.example.com/s.css"),
        Fund(4, "Bild (img srcset)", "https://cdn.example.com/1.png"),
        Fund(5, "CSS url()", "https://cdn.example.com/p.png"),
        Fund(8, "CSS url()", "//cdn.example.com/s.png"),
        Fund(11, "Vorschaubild (video poster)", "https://cdn.example.com/v.jpg"),
        Fund(13, "eingebettete Seite (iframe src)", "https://video.example.com/e"),
    ]


def test_site_scan_reads_html_and_css_only(tmp_path):
    (tmp_path / "seite").mkdir()
    (tmp_path / "seite" / "index.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "stil.CSS").write_text(CSS, encoding="utf-8")
    (tmp_path / "daten.json").write_text('{"bild": "url(https://cdn.example.com/j.png)"}', encoding="utf-8")
    (tmp_path / "sauber.html").write_text('<img src="a.png">', encoding="utf-8")
    (tmp_path / "ordner.html").mkdir()
    found = scan_site(tmp_path)
    assert list(found) == ["seite/index.html", "stil.CSS"]
    assert [f.zeile for f in found["seite/index.html"]] == [2, 4, 5, 8, 11, 13]
    assert [f.zeile for f in found["stil.CSS"]] == [3, 4, 5, 5]
