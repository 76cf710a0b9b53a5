"""Review dates per page: required and checked at build, shown on every page, overdue pages are open items."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, build_copy, offen
from handlungskonzept.daten import pruefdatum
from handlungskonzept.daten.problems import DatenFehler

PAGES = sorted((ROOT / "docs").rglob("*.md"))
STAND = dt.date(2026, 11, 25)
#: ``geprueft`` in data/projekt.yml.
DATEN_GEPRUEFT = dt.date(2026, 12, 2)
SEITE = "---\ntitle: Seite\ndescription: Ein Satz.\ngeprueft: {geprueft}\npruefen_bis: {bis}\n---\n\n# Seite\n"


def built(site: Path, page: Path) -> Path:
    relative = page.relative_to(ROOT / "docs").with_suffix("")
    folder = relative.parent if relative.name == "index" else relative
    return site / folder / "index.html"


def deutsch(day: dt.date) -> str:
    """The test's own German date, independent of ``dates.datum_de`` (whose literals test_texte.py checks)."""
    monat = ("Januar Februar März April Mai Juni Juli August September Oktober November Dezember").split()[day.month - 1]
    return f"{day.day}. {monat} {day.year}"


def test_every_page_shows_its_review_dates_at_the_end_of_the_article(either_site):
    site = either_site
    for page in PAGES:
        values, _lines, _end = pruefdatum.read(page.read_text(encoding="utf-8"))
        geprueft, bis = (dt.date.fromisoformat(values[key]) for key in ("geprueft", "pruefen_bis"))
        article = BeautifulSoup(built(site, page).read_text(encoding="utf-8"), "html.parser").find("article")
        [box] = article.select(".hk-pruefdatum")
        assert article.find_all(recursive=False)[-1] is box, page
        assert box["role"] == "note" and box["aria-label"]
        assert " ".join(box.get_text().split()) == (f"Diese Seite wurde zuletzt am {deutsch(geprueft)} geprüft. "
                                                   f"Nächste Prüfung: bis {deutsch(bis)}.")
        assert [t["datetime"] for t in box.find_all("time")] == [geprueft.isoformat(), bis.isoformat()]


def test_every_page_was_checked_no_later_than_the_data_and_is_due_six_months_later():
    for page in PAGES:
        daten = pruefdatum.check(page.read_text(encoding="utf-8"), page.name, DATEN_GEPRUEFT)
        assert daten.geprueft in (dt.date(2026, 11, 25), dt.date(2026, 12, 2)), page
        faellig = daten.geprueft.replace(year=daten.geprueft.year + 1, month=daten.geprueft.month - 6)
        assert daten.pruefen_bis == faellig, page


def test_generated_conference_pages_show_no_review_dates(site):
    page = site / "regionalkonferenzen" / "haan" / "index.html"
    assert not BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select(".hk-pruefdatum")


def problems(text: str, stand: dt.date | None = STAND) -> list[str]:
    with pytest.raises(DatenFehler) as error:
        pruefdatum.check(text, "docs/seite.md", stand)
    return [str(p) for p in error.value.problems]


def test_bad_dates_are_german_problems_at_their_line():
    [problem] = problems(SEITE.format(geprueft="2026-02-30", bis="2027-05-25"))
    assert problem.startswith("docs/seite.md, Zeile 4, Spalte 1 – Feld „geprueft“ – Wert „2026-02-30“: Kein gültiges Datum.")
    [problem] = problems(SEITE.format(geprueft="2026-11-XX", bis="2027-05-25"))  # a placeholder left in
    assert problem.startswith("docs/seite.md, Zeile 4, Spalte 1 – Feld „geprueft“ – Wert „2026-11-XX“: Kein gültiges Datum.")
    [problem] = problems(SEITE.format(geprueft="2026-11-25", bis="2026-11-25"))
    assert "Zeile 5" in problem and "„pruefen_bis“ muss nach „geprueft“ liegen." in problem
    [problem] = problems(SEITE.format(geprueft="2026-11-26", bis="2027-05-25"))
    assert "Zeile 4" in problem and "darf nicht nach dem Prüfdatum der Daten (2026-11-25" in problem


def test_a_review_key_written_twice_is_a_problem_and_counts_by_its_last_line_as_in_mkdocs():
    text = "---\ntitle: Seite\ngeprueft: 2026-11-25\npruefen_bis: 2027-05-25\ngeprueft: '2026-01-10'\n---\n# Seite\n"
    assert pruefdatum.read(text) == ({"geprueft": "2026-01-10", "pruefen_bis": "2027-05-25"},
                                     {"geprueft": 5, "pruefen_bis": 4}, 6)
    assert problems(text) == ["docs/seite.md, Zeile 5, Spalte 1 – Feld „geprueft“ – Wert „2026-01-10“: „geprueft“ steht "
                              "zweimal im Kopf der Seite (zuerst in Zeile 3). Bitte eine der beiden Zeilen löschen."]


def test_a_page_without_front_matter_is_told_both_keys_at_its_first_line():
    assert [p.split(":", 1)[0] for p in problems("# Seite\n\nText.\n")] == [
        "docs/seite.md, Zeile 1 – Feld „geprueft“", "docs/seite.md, Zeile 1 – Feld „pruefen_bis“"]


def test_missing_keys_are_named_at_the_closing_line_of_the_front_matter():
    found = problems("---\ntitle: Seite\n---\n\n# Seite\n")
    assert [p.split(":", 1)[0] for p in found] == ["docs/seite.md, Zeile 3 – Feld „geprueft“",
                                                   "docs/seite.md, Zeile 3 – Feld „pruefen_bis“"]


def test_pages_without_geprueft_fail_the_build_naming_each_file_and_line(repo_copy, tmp_path):
    for name in ("presse.md", "quellen/index.md"):
        page = repo_copy / "docs" / name
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r"geprueft: [0-9-]+\n", "", text, count=1), encoding="utf-8")
    result = build_copy(repo_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/presse.md, Zeile 5 – Feld „geprueft“: Im Kopf der Seite" in result.stderr
    assert "docs/quellen/index.md, Zeile 5 – Feld „geprueft“: Im Kopf der Seite" in result.stderr


def test_overdue_page_is_an_open_item_and_blocks_the_release(projekt):
    assert "erneut geprüft" not in offen(projekt).stdout
    page = projekt / "docs" / "presse.md"
    page.write_text(re.sub(r"pruefen_bis: [0-9-]+", "pruefen_bis: 2026-11-24", page.read_text(encoding="utf-8")),
                    encoding="utf-8")
    result = offen(projekt, "--streng")
    assert result.returncode == 1
    [line] = [line for line in result.stdout.splitlines() if "erneut geprüft" in line]
    assert line.startswith("docs/presse.md:5: Seite muss erneut geprüft werden (pruefen_bis 2026-11-24 liegt vor "
                           "dem Prüfdatum der Daten 2026-12-02)")
