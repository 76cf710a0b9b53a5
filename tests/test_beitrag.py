"""``make beitrag TITEL="…"``: a new news post as a draft, named from today's date and its title."""
from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from handlungskonzept import aktuelles, entwuerfe, pruefdatum
from handlungskonzept.loader import load


def beitrag(repo: Path, titel: str) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--silent", "beitrag", f"TITEL={titel}"], cwd=repo, capture_output=True,
                          text=True, timeout=60)


def test_make_beitrag_creates_a_valid_draft_and_never_overwrites(repo_copy):
    heute = dt.date.today()
    result = beitrag(repo_copy, "Über Straßen: Größe & Maß in Düsseldorf")
    assert result.returncode == 0, result.stderr
    name = f"{heute.isoformat()}-ueber-strassen-groesse-mass-in-duesseldorf.md"
    datei = repo_copy / "docs" / "aktuelles" / name
    assert f"docs/aktuelles/{name}" in result.stdout
    assert "Entwurf" in result.stdout and "nur in der Vorschau" in result.stdout
    text = datei.read_text(encoding="utf-8")
    # The post passes every check of the build: front matter, file name, review dates; and it is a draft.
    posts = {b.datei: b for b in aktuelles.beitraege(repo_copy / "docs")}
    post = posts[f"aktuelles/{name}"]
    assert (post.title, post.datum) == ("Über Straßen: Größe & Maß in Düsseldorf", heute)
    stand = load(repo_copy / "data", repo_copy / "docs", "data").daten.projekt.geprueft
    daten = pruefdatum.check(text, f"docs/aktuelles/{name}", stand)
    assert daten.geprueft == stand and daten.pruefen_bis > stand
    assert entwuerfe.zeile(text, name) is not None
    assert "{{ offen(" in text  # the missing text is an open item, listed by make offen

    again = beitrag(repo_copy, "Über Straßen: Größe & Maß in Düsseldorf")
    assert again.returncode != 0
    assert f"docs/aktuelles/{name} gibt es schon; nichts wurde überschrieben" in again.stderr
    assert datei.read_text(encoding="utf-8") == text


def test_make_beitrag_needs_a_usable_title(repo_copy):
    result = beitrag(repo_copy, "")
    assert result.returncode != 0 and "Bitte einen Titel" in result.stderr
    for titel in ("!!!", "Mit {{ Klammern }}"):
        with pytest.raises(ValueError, match="Titel"):
            aktuelles.neuer_beitrag(repo_copy / "docs", titel, dt.date(2027, 1, 4), dt.date(2026, 11, 25))
    assert not list((repo_copy / "docs" / "aktuelles").glob("2027-*"))
    assert not list((repo_copy / "docs" / "aktuelles").glob(f"{dt.date.today().isoformat()}-*"))


def test_kurzname_transliterates_german():
    assert aktuelles.kurzname("Äpfel, Öfen & Übermaß – ẞ") == "aepfel-oefen-uebermass-ss"
    assert aktuelles.kurzname("  Café  Noël 2027 ") == "cafe-noel-2027"


def test_review_date_is_six_months_after_the_check_even_at_a_month_end(tmp_path):
    (tmp_path / "aktuelles").mkdir()
    pfad = aktuelles.neuer_beitrag(tmp_path, "Ende August", dt.date(2026, 9, 1), dt.date(2026, 8, 31))
    daten = pruefdatum.check(pfad.read_text(encoding="utf-8"), pfad.name, None)
    assert (daten.geprueft, daten.pruefen_bis) == (dt.date(2026, 8, 31), dt.date(2027, 2, 28))
