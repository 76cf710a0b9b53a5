"""The text check flags promises, a check date shown as the facts' Stand, a status without source,
padding repeated across pages and long sentences in Leichter Sprache — with file and line."""
from __future__ import annotations

from conftest import ROOT
from handlungskonzept.ausgaben import textpruefung
from handlungskonzept.ausgaben.textpruefung import Seite, haupttext, pruefen, pruefen_gemerkt, saetze
from handlungskonzept.daten.loader import load

QUELLEN = load(ROOT / "data").daten.quellen


def artikel(*absaetze: str, fuss: str = "") -> str:
    return "<html><body><nav>Menü folgt</nav><article>" + "".join(f"<p>{a}</p>" for a in absaetze) + fuss + \
        "</article></body></html>"


def befunde(*seiten: Seite) -> list[str]:
    return [str(p) for p in pruefen(list(seiten), QUELLEN)]


def test_promise_is_named_with_file_and_line():
    quelle = "---\ntitle: X\n---\n# X\n\nDer Termin folgt im Frühjahr.\n"
    [befund] = befunde(Seite("docs/x.md", quelle, artikel("Der Termin folgt im Frühjahr.")))
    assert befund.startswith("docs/x.md, Zeile 6 – Feld „Text“ – Wert „Der Termin folgt im Frühjahr.“: "
                             "„Termin folgt“ verspricht etwas, das die Quelle nur plante.")


def test_quoted_source_and_text_outside_the_article_are_not_promises():
    assert befunde(Seite("docs/x.md", None, artikel("Die Vorlage: „Die Konferenz wird veröffentlicht und folgt.“"))) == []
    assert befunde(Seite("docs/x.md", None, artikel("Die Erklärung folgt dem Muster der EU."))) == []


def test_more_promise_phrases():
    for satz in ("Weitere Angaben werden ergänzt.", "Die Liste wird noch veröffentlicht.", "Das kommt demnächst.",
                 "Ort folgt", "Die Zusammenfassung folgt nach der Konferenz."):
        assert len(befunde(Seite("docs/x.md", None, artikel(satz)))) == 1, satz


def test_recent_date_as_stand_of_facts():
    [befund] = befunde(Seite("docs/x.md", None, artikel("Stand der Daten: 25. November 2026.")))
    assert "„Stand der Daten: 25. November 2026“ stellt ein Datum nach der Zeit der Quellen (bis 2020)" in befund
    assert befunde(Seite("docs/x.md", None, artikel("Stand der Vorlage: 1. März 2019."))) == []
    assert befunde(Seite("docs/x.md", None, artikel("Diese Seite wurde am 25. November 2026 geprüft."))) == []


def test_status_without_source():
    ohne = '<span class="hk-status hk-status--geplant">Geplant</span>'
    mit = '<span class="hk-status hk-status--geplant" data-quelle="vorlage-sv-50-100">Geplant</span>'
    [befund] = befunde(Seite("docs/x.md", None, artikel(ohne)))
    assert befund == ("docs/x.md – Feld „Status“ – Wert „Geplant“: Ein Status ohne Quelle: Jeder Status nennt "
                      "seine Quelle (Baustein „status“ mit data-quelle).")
    assert befunde(Seite("docs/x.md", None, artikel(mit))) == []


def test_sentence_on_more_than_three_pages_is_padding_but_the_footer_is_not():
    satz = "Die Projektleitung lag beim Kreisintegrationszentrum des Kreises Mettmann."
    fuss = '<div class="hk-quellenangabe"><p>Quelle: Mitteilungsvorlage WP 14-20 SV 50/100, das sagt jede Seite.</p></div>'
    seiten = [Seite(f"docs/s{i}.md", f"# S\n\n{satz}\n", artikel(satz, fuss=fuss)) for i in range(4)]
    [befund] = befunde(*seiten)
    assert befund.startswith("docs/s0.md, Zeile 3 – Feld „Wiederholung“")
    assert "steht auf 4 Seiten (docs/s0.md, docs/s1.md, docs/s2.md, docs/s3.md)" in befund
    assert befunde(*seiten[:3]) == []
    generated = [Seite(f"docs/g{i}.md", None, artikel(satz)) for i in range(5)]
    assert befunde(*generated) == [], "generated pages share their template's sentences"


def test_leichte_sprache_sentences_at_most_15_words():
    lang = "Wir erklären hier auf dieser Seite in einfachen Worten sehr genau und ganz ruhig, was der Kreis plant."
    [befund] = befunde(Seite("docs/leicht.md", None, artikel(lang, "Das ist kurz."), leichte_sprache=True))
    assert "Dieser Satz hat 18 Wörter. In Leichter Sprache hat ein Satz höchstens 15 Wörter." in befund
    assert befunde(Seite("docs/x.md", None, artikel(lang))) == []


def test_main_text_skips_scripts_footer_and_open_item_notes():
    html = artikel("Eins.", '<script>folgt()</script>', '<span class="hk-offen" data-offen="x">Diese Angabe liegt '
                   'noch nicht vor.</span>', fuss='<div class="hk-pruefdatum"><p>Geprüft am 2. Dezember 2026.</p></div>')
    assert haupttext(html) == ["Eins."]


def test_the_build_fails_on_a_promise(repo_copy, tmp_path):
    from conftest import build_copy
    seite = repo_copy / "docs" / "presse.md"
    seite.write_text(seite.read_text(encoding="utf-8") + "\nDer nächste Termin folgt bald.\n", encoding="utf-8")
    result = build_copy(repo_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "Fehler im Text – die Website wurde nicht veröffentlicht:" in result.stderr
    assert "docs/presse.md, Zeile " in result.stderr and "„Termin folgt“ verspricht etwas" in result.stderr


VERSPRICHT = ("verspricht etwas, das die Quelle nur plante. Berichten Sie, was die Quelle zu ihrer Zeit sagte, z. B. "
              "„Laut Vorlage war … geplant“; gibt es nichts Neueres: „Neuere Angaben liegen nicht vor.“")


def test_every_finding_has_its_exact_message():
    lang = ("Eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn "
            "siebzehn achtzehn neunzehn zwanzig einundzwanzig zweiundzwanzig.")
    quelltext = "# X\n\nDer   Termin folgt   bald, sagt man.\nStand: 2021-01-05 der Angaben.\n"
    seite = Seite("docs/x.md", quelltext, artikel("Der Termin folgt bald, sagt man.", "Stand: 2021-01-05 der Angaben.",
                                                  lang), leichte_sprache=True)
    assert befunde(seite) == [
        "docs/x.md, Zeile 3 – Feld „Text“ – Wert „Der Termin folgt bald, sagt man.“: „Termin folgt“ " + VERSPRICHT,
        "docs/x.md, Zeile 4 – Feld „Text“ – Wert „Stand: 2021-01-05 der Angaben.“: „Stand: 2021-01-05“ stellt ein "
        "Datum nach der Zeit der Quellen (bis 2020) als Stand der Angaben dar. Ein Prüfdatum heißt „geprüft am“; die "
        "Zeit der Angaben ist die ihrer Quelle.",
        "docs/x.md – Feld „Leichte Sprache“ – Wert „Eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf "
        "dreizehn vierz…“: Dieser Satz hat 22 Wörter. In Leichter Sprache hat ein Satz "
        "höchstens 15 Wörter.",
    ]


def test_limits_are_inclusive_where_the_rule_says_at_most():
    fuenfzehn = "Eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn."
    sechzehn = "Eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn."
    assert befunde(Seite("docs/l.md", None, artikel(fuenfzehn), leichte_sprache=True)) == []
    [befund] = befunde(Seite("docs/l.md", None, artikel(sechzehn), leichte_sprache=True))
    assert befund.endswith(": Dieser Satz hat 16 Wörter. In Leichter Sprache hat ein Satz höchstens 15 Wörter.")
    assert befunde(Seite("docs/x.md", None, artikel("Stand der Angaben: 31. Dezember 2020."))) == []
    [befund] = befunde(Seite("docs/x.md", None, artikel("Stand der Angaben: 1. Januar 2021.")))
    assert "„Stand der Angaben: 1. Januar 2021“ stellt ein Datum nach der Zeit der Quellen (bis 2020)" in befund


def test_padding_counts_sentences_of_six_words_on_four_pages():
    fuenf = "Der Kreis hat viele Partner."
    sechs = "Der Kreis hat sehr viele Partner."
    seiten = [Seite(f"docs/s{i}.md", "", artikel(f"{fuenf} {sechs}")) for i in range(4)]
    assert befunde(*seiten) == [
        "docs/s0.md – Feld „Wiederholung“ – Wert „Der Kreis hat sehr viele Partner.“: Dieser Satz steht auf 4 Seiten "
        "(docs/s0.md, docs/s1.md, docs/s2.md, docs/s3.md). Sagen Sie ihn einmal, dort, wo er hingehört."]


def test_main_text_splits_blocks_and_skips_nested_parts():
    html = ('<html><body><header>Kopf</header><article><h1>Titel<a class="headerlink" href="#t">¶</a></h1>'
            '<p>Erster Satz. Zweiter Satz!</p><div class="hk-offen"><p>innen <b>fett</b></p><br>noch innen</div>'
            '<ul><li>Punkt<br>neu</li></ul><p>Bild <img alt="x"> danach</p><template><p>nie</p></template></article>'
            '</body></html>')
    assert haupttext(html) == ["Titel", "Erster Satz. Zweiter Satz!", "Punkt", "neu", "Bild danach"]
    assert haupttext("<p>Ohne Artikel</p><p>zwei</p>") == ["Ohne Artikel", "zwei"]
    assert saetze(["Erster Satz. Zweiter Satz! „Zitat.“ 3 Dinge? ende. klein"]) == [
        "Erster Satz.", "Zweiter Satz!", "„Zitat.“ 3 Dinge? ende. klein"]
    assert saetze(["Eins. 2 Punkte. „Zitat“ folgt."]) == ["Eins.", "2 Punkte.", "„Zitat“ folgt."]


def test_the_value_shown_is_cut_after_80_characters():
    achtzig = "Ort folgt. " + "x" * 69
    [befund] = befunde(Seite("docs/x.md", None, artikel(achtzig)))
    assert befund.startswith(f"docs/x.md – Feld „Text“ – Wert „{achtzig}“: „Ort folgt“ verspricht")
    [befund] = befunde(Seite("docs/x.md", None, artikel(achtzig + "y")))
    assert befund.startswith("docs/x.md – Feld „Text“ – Wert „Ort folgt. " + "x" * 66 + "…“: „Ort folgt“ verspricht")


def test_main_text_reads_entities_and_ends_blocks_at_their_closing_tag():
    assert haupttext("<article><p>A &amp; B &quot;x&quot; &#8211; C</p><p>zwei <b>fett</b> drei</p></article>") == [
        'A & B "x" – C', "zwei fett drei"]


def test_the_line_is_found_by_the_first_four_words_and_without_sources_every_stand_is_too_new():
    quelltext = "# X\n\nDer Termin folgt bald\nin Haan.\n"
    [befund] = befunde(Seite("docs/x.md", quelltext, artikel("Der Termin folgt bald in Haan.")))
    assert befund.startswith("docs/x.md, Zeile 3 – Feld „Text“")
    [befund] = [str(p) for p in pruefen([Seite("docs/x.md", None, artikel("Stand: 2017-01-01."))], [])]
    assert befund == ("docs/x.md – Feld „Text“ – Wert „Stand: 2017-01-01.“: „Stand: 2017-01-01“ stellt ein Datum nach "
                      "der Zeit der Quellen (bis 0) als Stand der Angaben dar. Ein Prüfdatum heißt „geprüft am“; die Zeit "
                      "der Angaben ist die ihrer Quelle.")


def test_a_clean_check_is_remembered_and_a_changed_page_or_source_is_checked_again(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(textpruefung, "pruefen", lambda seiten, quellen: calls.append(len(seiten)) or pruefen(seiten, quellen))
    sauber = [Seite("docs/a.md", "# A\n", artikel("Die Konferenz fand statt.")), Seite("docs/b.md", None, artikel("Gut."))]
    assert pruefen_gemerkt(sauber, QUELLEN, tmp_path) == []
    assert pruefen_gemerkt(sauber, QUELLEN, tmp_path) == []
    assert calls == [2]
    assert pruefen_gemerkt([sauber[0], Seite("docs/b.md", None, artikel("Besser."))], QUELLEN, tmp_path) == []
    assert pruefen_gemerkt([sauber[0], Seite("docs/b.md", "", artikel("Gut."))], QUELLEN, tmp_path) == []  # now a source
    assert pruefen_gemerkt([sauber[0], Seite("docs/b.md", None, artikel("Gut."), True)], QUELLEN, tmp_path) == []
    assert pruefen_gemerkt(sauber, QUELLEN[:0], tmp_path) == []  # other sources
    assert pruefen_gemerkt(sauber, QUELLEN, None) == []  # no store: always checked
    assert calls == [2, 2, 2, 2, 2, 2]
    assert len(list((tmp_path / "textpruefung").iterdir())) == 5
    for text in ("Eins.", "Zwei."):  # seven clean checks in all: the store keeps the newest six
        assert pruefen_gemerkt([Seite("docs/c.md", None, artikel(text))], QUELLEN, tmp_path) == []
    assert len(list((tmp_path / "textpruefung").iterdir())) == 6


def test_a_check_with_findings_is_never_remembered(tmp_path):
    seite = Seite("docs/x.md", None, artikel("Der Termin folgt."))
    for _ in range(2):
        assert [p.meldung.split(" verspricht")[0] for p in pruefen_gemerkt([seite], QUELLEN, tmp_path)] == ["„Termin folgt“"]
    assert not (tmp_path / "textpruefung").exists()

