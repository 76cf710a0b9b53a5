"""German wording shared by every component (``handlungskonzept.text``), against literal expected text."""
from __future__ import annotations

import datetime as dt

import pytest

from handlungskonzept.dates import datum_de
from handlungskonzept.text import editor_markdown, sicherer_link


@pytest.mark.parametrize("tag, text", [
    (dt.date(2027, 1, 1), "1. Januar 2027"), (dt.date(2027, 2, 28), "28. Februar 2027"),
    (dt.date(2018, 3, 15), "15. März 2018"), (dt.date(2027, 4, 30), "30. April 2027"),
    (dt.date(2027, 5, 9), "9. Mai 2027"), (dt.date(2027, 6, 1), "1. Juni 2027"), (dt.date(2027, 7, 4), "4. Juli 2027"),
    (dt.date(2027, 8, 31), "31. August 2027"), (dt.date(2027, 9, 2), "2. September 2027"),
    (dt.date(2027, 10, 3), "3. Oktober 2027"), (dt.date(2026, 11, 25), "25. November 2026"),
    (dt.date(2027, 12, 24), "24. Dezember 2027"),
])
def test_dates_are_written_the_german_way(tag, text):
    assert datum_de(tag) == text


@pytest.mark.parametrize("url, sicher", [
    ("https://example.org/", True), (" https://example.org/", True), ("HTTP://example.org/", True), ("mailto:info@example.org", True),
    ("../partner/", True), ("#ergebnisse", True), ("", True), ("dokumente/a:b.pdf", True),
    ("javascript:alert(1)", False), ("JaVaScRiPt:alert(1)", False), ("jav&#x09;ascript:alert(1)", False),
    (" javascript:alert(1)", False), ("java\x00script:alert(1)", False), ("&#106;avascript:alert(1)", False),
    ("vbscript:msgbox(1)", False), ("data:text/html;base64,PHNjcmlwdD4=", False), ("ftp://example.org/", False),
    ("tel:+49", False),
])
def test_only_relative_http_and_mailto_links_are_safe(url, sicher):
    assert sicherer_link(url) is sicher


def test_editor_markdown_renders_markdown_and_shows_html_as_text():
    assert editor_markdown("**fett** und <b>roh</b>") == "<p><strong>fett</strong> und &lt;b&gt;roh&lt;/b&gt;</p>"
    assert editor_markdown("<div>Block</div>") == "<p>&lt;div&gt;Block&lt;/div&gt;</p>"
    assert editor_markdown("- eins\n- zwei") == "<ul>\n<li>eins</li>\n<li>zwei</li>\n</ul>"


def test_dangerous_links_and_images_become_plain_text():
    assert editor_markdown("[Klick](javascript:alert(1))") == "<p><span>Klick</span></p>"
    assert editor_markdown("![Bild](data:image/png;base64,AAAA)") == "<p><span>Bild</span></p>"
    assert editor_markdown("[Netz](https://example.org/) ![Logo](bilder/logo.png)") == (
        '<p><a href="https://example.org/">Netz</a> <img alt="Logo" src="bilder/logo.png" /></p>')
