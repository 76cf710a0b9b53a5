"""German wording shared by every component (``handlungskonzept.ausgaben.text``), against literal expected text."""
from __future__ import annotations

import datetime as dt

import pytest

from handlungskonzept.daten.dates import datum_de, monat_jahr
from handlungskonzept.daten.model import Quelle, Regionalkonferenz, Zeit
from handlungskonzept.ausgaben.text import editor_markdown, laut, satzanfang, sicherer_link, status_bericht, termin_text


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
    # "\x02amp\x03" is Python-Markdown's stand-in for "&" (AMP_SUBSTITUTE), as in its e-mail links
    ("tel:+49", False), ("java\x02amp\x03#115;cript:alert(1)", False), ("\x02amp\x03#109;ailto:a@b.de", True),
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


def _quelle(**zeit) -> Quelle:
    return Quelle(id="vorlage", titel="Mitteilungsvorlage SV 50/100", art="Mitteilungsvorlage", herausgeber="Kreis",
                  zeit=Zeit(**zeit))


UNDATIERT = {"von": dt.date(2017, 2, 1), "bis": dt.date(2020, 10, 31), "begruendung": "Wahlperiode"}


def _konferenz(status: str, **felder) -> Regionalkonferenz:
    return Regionalkonferenz(id="haan", stadt="Haan", status=status, quelle="vorlage", **felder)


@pytest.mark.parametrize("zeit, zeitangabe, kurz", [
    ({"datum": dt.date(2018, 3, 5)}, "vom 5. März 2018", "05.03.2018"),
    (UNDATIERT, "undatiert, verfasst zwischen Februar 2017 und Oktober 2020", "2017–2020"),
    ({"von": dt.date(2019, 1, 1), "bis": dt.date(2019, 12, 31), "begruendung": "Jahr"},
     "undatiert, verfasst zwischen Januar 2019 und Dezember 2019", "2019"),
])
def test_a_source_states_its_time(zeit, zeitangabe, kurz):
    quelle = _quelle(**zeit)
    assert (quelle.zeitangabe, quelle.zeitraum_kurz) == (zeitangabe, kurz)
    assert laut(quelle) == f"Laut Mitteilungsvorlage SV 50/100 ({zeitangabe})"


@pytest.mark.parametrize("status, felder, termin, bericht", [
    ("durchgefuehrt", {"datum": dt.date(2019, 6, 4)}, "4. Juni 2019",
     "Laut Mitteilungsvorlage SV 50/100 (vom 1. Mai 2020) fand die Regionalkonferenz in Haan am 4. Juni 2019 statt."),
    ("abgesagt", {}, "Abgesagt, kein Termin",
     "Laut Mitteilungsvorlage SV 50/100 (vom 1. Mai 2020) war die Regionalkonferenz in Haan abgesagt."),
    ("abgesagt", {"datum": dt.date(2020, 3, 20)}, "20. März 2020",
     "Laut Mitteilungsvorlage SV 50/100 (vom 1. Mai 2020) war die Regionalkonferenz in Haan abgesagt."),
    ("geplant", {"datum": dt.date(2020, 9, 1)}, "1. September 2020",
     "Laut Mitteilungsvorlage SV 50/100 (vom 1. Mai 2020) war die Regionalkonferenz in Haan für den 1. September 2020 "
     "geplant."),
    ("geplant", {"zeitraum": "im Herbst"}, "Kein Datum; vorgesehen war im Herbst",
     "Laut Mitteilungsvorlage SV 50/100 (vom 1. Mai 2020) war die Regionalkonferenz in Haan geplant; vorgesehen war "
     "im Herbst."),
    ("geplant", {}, "Kein Datum genannt",
     "Laut Mitteilungsvorlage SV 50/100 (vom 1. Mai 2020) war die Regionalkonferenz in Haan geplant; einen Termin "
     "nennt die Quelle nicht."),
    ("offen", {}, "Kein Datum genannt",
     "Die Mitteilungsvorlage SV 50/100 (vom 1. Mai 2020) sagt zur Regionalkonferenz in Haan nichts Eigenes."),
])
def test_a_conference_date_and_status_are_worded_as_reported(status, felder, termin, bericht):
    konferenz = _konferenz(status, **felder)
    assert termin_text(konferenz) == termin
    assert status_bericht(konferenz, _quelle(datum=dt.date(2020, 5, 1))) == bericht


@pytest.mark.parametrize("text, satz", [("abgesagt", "Abgesagt"), ("über uns", "Über uns"), ("eIN Text", "EIN Text"),
                                        ("", ""), ("x", "X")])
def test_satzanfang_raises_only_the_first_letter(text, satz):
    assert satzanfang(text) == satz


@pytest.mark.parametrize("tag, text", [(dt.date(2017, 2, 28), "Februar 2017"), (dt.date(2020, 12, 1), "Dezember 2020"),
                                       (dt.date(2019, 1, 31), "Januar 2019")])
def test_month_and_year_for_a_period(tag, text):
    assert monat_jahr(tag) == text


def test_entities_in_a_markdown_link_are_read_as_a_browser_reads_them():
    assert editor_markdown("[x](&#106;avascript:alert(1)) [y](https://a.de/?a=1&b=2) ![](bild.png) [z]()") == (
        '<p><span>x</span> <a href="https://a.de/?a=1&amp;b=2">y</a> <img alt="" src="bild.png" /> <a href="">z</a></p>')
    assert editor_markdown("![Logo](javascript:x) ![](data:x)") == "<p><span>Logo</span> <span></span></p>"


def test_a_validator_message_becomes_a_sentence():
    from handlungskonzept.daten.model import _sentence

    assert _sentence("nur vollständige Adressen mit https:// sind erlaubt") == (
        "Nur vollständige Adressen mit https:// sind erlaubt.")
    assert _sentence("x") == "X."
