"""Review dates of a Markdown page (``geprueft``, ``pruefen_bis``), as the GOV.UK tech-docs template keeps them.

Read from the page's own front matter with line numbers, so an editor learns which line to fix.
"Overdue" is measured against the data's check date (``projekt.geprueft``), never the clock: a build of the same input
always gives the same site, and ``make freigabe`` decides on data a person has checked.
"""
from __future__ import annotations

import datetime as dt
import re

from pydantic import ValidationError

from .messages import problems_from
from .model import Datum, Strict
from .problems import DatenFehler, Problem

#: The front matter as MkDocs reads it: between a first line ``---`` and the next ``---`` or ``...``.
FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)?(?:\.{3}|-{3})[ \t]*(?:\n|\Z)", re.DOTALL)
_KEY = re.compile(r"^(geprueft|pruefen_bis)[ \t]*:[ \t]*(.*?)[ \t]*(?:#.*)?$")
_BEISPIEL = "Beispiel:\n---\ntitle: Titel der Seite\ngeprueft: 2026-11-25\npruefen_bis: 2027-05-25\n---"
_FEHLT = {
    "geprueft": "Im Kopf der Seite (zwischen den Linien „---“) fehlt „geprueft:“ – das Datum, an dem "
                "eine Person die Seite zuletzt gegen die Quelle geprüft hat.",
    "pruefen_bis": "Im Kopf der Seite (zwischen den Linien „---“) fehlt „pruefen_bis:“ – das Datum, bis "
                   "zu dem die Seite erneut geprüft werden muss (üblich: sechs Monate nach „geprueft“).",
}


class Pruefdaten(Strict):
    """The two front matter keys this module checks; the page's other keys belong to MkDocs."""

    geprueft: Datum
    pruefen_bis: Datum


def _eintraege(front: re.Match) -> list[tuple[str, str, int]]:
    """Each review key of the front matter as written: key, value (quotes removed) and line."""
    found = []
    for number, line in enumerate((front.group(1) or "").splitlines(), start=2):
        match = _KEY.match(line)
        if match:
            found.append((match.group(1), match.group(2).strip("\"'"), number))
    return found


def read(text: str) -> tuple[dict[str, str], dict[str, int], int]:
    """The review keys as written, the line of each, and the line where missing keys belong.

    Values stay text (quotes removed) so that ``2026-02-30`` becomes a German problem, not a crash. A key
    written twice counts as MkDocs reads it, by its last line (``check`` reports the repetition).
    """
    front = FRONT_MATTER.match(text)
    if front is None:
        return {}, {}, 1
    eintraege = _eintraege(front)
    values = {key: value for key, value, _line in eintraege}
    lines = {key: line for key, _value, line in eintraege}
    return values, lines, text[:front.end()].rstrip("\n").count("\n") + 1


def _doppelt(text: str, datei: str) -> list[Problem]:
    """A review key written twice: the page would show one date and could be checked against another."""
    front = FRONT_MATTER.match(text)
    erste: dict[str, int] = {}
    problems = []
    for key, value, line in _eintraege(front) if front else []:
        if key in erste:
            problems.append(Problem(datei, line, 1, key, f"„{key}“ steht zweimal im Kopf der Seite (zuerst in Zeile "
                                    f"{erste[key]}). Bitte eine der beiden Zeilen löschen.", value))
        erste.setdefault(key, line)
    return problems


def check(text: str, datei: str, daten_geprueft: dt.date | None) -> Pruefdaten:
    """The page's review dates; every problem at once as ``DatenFehler``.

    ``pruefen_bis`` must lie after ``geprueft``; ``geprueft`` may not lie after the data's check
    date (nobody can have checked a page against data that were checked later).
    """
    values, lines, ende = read(text)
    problems = [Problem(datei, ende, None, key, f"{meldung} {_BEISPIEL}")
                for key, meldung in _FEHLT.items() if key not in values] + _doppelt(text, datei)
    if problems:
        raise DatenFehler(problems)
    positions = {(key,): (line, 1) for key, line in lines.items()}
    try:
        daten = Pruefdaten.model_validate(values)
    except ValidationError as error:
        raise DatenFehler(problems_from(error, values, (), datei, positions, set(_FEHLT))) from None
    if daten.pruefen_bis <= daten.geprueft:
        problems.append(Problem(datei, lines["pruefen_bis"], 1, "pruefen_bis",
                                "„pruefen_bis“ muss nach „geprueft“ liegen.", str(daten.pruefen_bis)))
    if daten_geprueft is not None and daten.geprueft > daten_geprueft:
        problems.append(Problem(datei, lines["geprueft"], 1, "geprueft",
                                f"„geprueft“ darf nicht nach dem Prüfdatum der Daten ({daten_geprueft.isoformat()}, "
                                "„geprueft“ in data/projekt.yml) liegen.", str(daten.geprueft)))
    if problems:
        raise DatenFehler(problems)
    return daten


def overdue(text: str, daten_geprueft: dt.date) -> tuple[int, dt.date] | None:
    """Line and date of ``pruefen_bis`` when it lies before the data's check date; unreadable dates are the build's concern."""
    values, lines, _ende = read(text)
    try:
        bis = dt.date.fromisoformat(values.get("pruefen_bis", ""))
    except ValueError:
        return None
    return (lines["pruefen_bis"], bis) if bis < daten_geprueft else None
