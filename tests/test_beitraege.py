"""Reading the posts under docs/aktuelles/: order and every German problem, as literals."""
from __future__ import annotations

import pytest

from handlungskonzept.daten import aktuelles
from handlungskonzept.daten.problems import DatenFehler

KOPF = "---\ntitle: {t}\ndescription: Ein Satz.\ndatum: {d}\n---\n# {t}\n"


@pytest.fixture
def docs(tmp_path):
    (tmp_path / "aktuelles").mkdir()
    (tmp_path / "aktuelles" / "index.md").write_text("# Aktuelles\n", encoding="utf-8")
    return tmp_path


def post(docs, name: str, text: str) -> None:
    (docs / "aktuelles" / name).write_text(text, encoding="utf-8")


def test_posts_newest_first_same_day_by_file_name_descending(docs):
    post(docs, "2027-01-05-eins.md", KOPF.format(t="Eins", d="2027-01-05"))
    post(docs, "2027-01-05-auch.md", KOPF.format(t="Auch", d="2027-01-05"))
    post(docs, "2027-02-01-zwei.md", KOPF.format(t="Zwei", d="2027-02-01"))
    post(docs, "2027-03-05-hide.md", "---\ntitle: T\ndescription: D.\ndatum: 2027-03-05\nhide: [toc]\n"
                                     "geprueft: 2027-03-05\n---\n")  # MkDocs' and the review keys are allowed
    found = aktuelles.beitraege(docs)
    assert [b.datei for b in found] == ["aktuelles/2027-03-05-hide.md", "aktuelles/2027-02-01-zwei.md",
                                        "aktuelles/2027-01-05-eins.md", "aktuelles/2027-01-05-auch.md"]
    assert found[1].url == "aktuelles/2027-02-01-zwei/" and found[1].title == "Zwei"


def test_every_bad_post_is_reported_at_once(docs):
    post(docs, "2027-01-05-gut.md", KOPF.format(t="Gut", d="2027-01-05"))
    post(docs, "Neuigkeit.md", KOPF.format(t="X", d="2027-01-01"))
    post(docs, "2027-03-01-falsches-datum.md", KOPF.format(t="F", d="2027-03-02"))
    post(docs, "2027-03-02-ohne-kopf.md", "# Ohne Kopf\n")
    post(docs, "2027-03-03-liste.md", "---\n- a\n- b\n---\n")
    post(docs, "2027-03-04-tippfehler.md", "---\ntitel: T\ndescription: D.\ndatum: 2027-03-04\n---\n")
    with pytest.raises(DatenFehler) as raised:
        aktuelles.beitraege(docs)
    assert [str(p) for p in raised.value.problems] == [
        "docs/aktuelles/2027-03-01-falsches-datum.md, Zeile 4, Spalte 1 – Feld „datum“ – Wert „2027-03-02“: "
        "Das Datum im Dateinamen und das Feld „datum“ müssen übereinstimmen.",
        "docs/aktuelles/2027-03-02-ohne-kopf.md, Zeile 1: Der Kopfbereich fehlt: Die Datei muss mit „---“, den Feldern "
        "title, description und datum und wieder „---“ beginnen.",
        "docs/aktuelles/2027-03-03-liste.md, Zeile 2: Im Kopfbereich werden Felder erwartet (Form: „feld: Wert“).",
        "docs/aktuelles/2027-03-04-tippfehler.md, Zeile 2, Spalte 1 – Feld „titel“ – Wert „T“: Unbekanntes Feld – "
        "vielleicht ein Tippfehler? Meinten Sie „title“?",
        "docs/aktuelles/2027-03-04-tippfehler.md, Zeile 2, Spalte 1 – Feld „title“: Pflichtfeld fehlt.",
        "docs/aktuelles/Neuigkeit.md: Der Dateiname muss die Form JJJJ-MM-TT-kurzname.md haben (Kleinbuchstaben, "
        "Ziffern, Bindestriche), z. B. 2026-11-25-stand-der-arbeit.md. Er ist die feste Adresse des Beitrags.",
    ]


@pytest.mark.parametrize("src_uri, beitrag", [
    ("aktuelles/2027-01-05-eins.md", True), ("aktuelles/index.md", False), ("aktuelles/x/2027-01-05-eins.md", False),
    ("2027-01-05-eins.md", False), ("aktuelles/Neu.md", False), ("partner/2027-01-05-eins.md", False),
])
def test_which_files_are_posts(src_uri, beitrag):
    assert aktuelles.ist_beitrag(src_uri) is beitrag


DATEINAME = ("Der Dateiname muss die Form JJJJ-MM-TT-kurzname.md haben (Kleinbuchstaben, Ziffern, Bindestriche), "
             "z. B. 2026-11-25-stand-der-arbeit.md. Er ist die feste Adresse des Beitrags.")


def test_every_badly_named_file_is_reported_before_and_after_the_list_page(docs):
    for name in ("Alt.md", "Neu.md", "kein-datum.md"):  # sorted: before and after index.md
        post(docs, name, KOPF.format(t="X", d="2027-01-01"))
    with pytest.raises(DatenFehler) as raised:
        aktuelles.beitraege(docs)
    assert [str(p) for p in raised.value.problems] == [
        f"docs/aktuelles/Alt.md: {DATEINAME}", f"docs/aktuelles/Neu.md: {DATEINAME}",
        f"docs/aktuelles/kein-datum.md: {DATEINAME}"]


def test_an_empty_front_matter_or_a_wrong_encoding_names_the_file(docs):
    post(docs, "2027-01-05-leer.md", "---\n# nur ein Kommentar\n---\n# Leer\n")
    (docs / "aktuelles" / "2027-01-06-latin.md").write_bytes("---\ntitle: Grüße\n---\n".encode("latin-1"))
    with pytest.raises(DatenFehler) as raised:
        aktuelles.beitraege(docs)
    assert [str(p) for p in raised.value.problems] == [
        "docs/aktuelles/2027-01-05-leer.md, Zeile 2: Der Kopfbereich fehlt: Die Datei muss mit „---“, den Feldern "
        "title, description und datum und wieder „---“ beginnen.",
        "docs/aktuelles/2027-01-06-latin.md, Zeile 2, Spalte 10: Die Datei ist nicht als UTF-8 gespeichert (z. B. "
        "Umlaute aus einem anderen Zeichensatz). Bitte im Editor mit der Kodierung UTF-8 speichern."]
