"""News posts ("Aktuelles"): Markdown files ``docs/aktuelles/<JJJJ>-<MM>-<TT>-<kurzname>.md``.

The file name is the permanent URL (``/aktuelles/2026-11-25-kurzname/``), so the date
in it must agree with the post's ``datum``. Posts are read here, straight from the
files, because the list page and the feed need all of them before MkDocs has read
any page. ``neuer_beitrag`` (``make beitrag``) writes a new one as a draft.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .messages import field_names, problems_from
from .model import Datum, Text
from .problems import DatenFehler, Problem
from .yaml_source import YamlProblem, decode, position_of, read_text

ORDNER = "aktuelles"
_DATEINAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-[a-z0-9]+(-[a-z0-9]+)*\.md$")
_KOPF = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*(\n|\Z)", re.DOTALL)


class Beitrag(BaseModel):
    """One post, as its front matter describes it; the keys in ``MKDOCS_FELDER`` are MkDocs' business."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: Text
    description: Text = Field(description="Ein Satz: Zusammenfassung für Liste, Feed und Vorschau")
    datum: Datum
    aktualisiert: Datum | None = Field(default=None, description="Wann der Beitrag zuletzt geändert wurde")
    datei: str = Field(default="", description="Pfad unter docs/, vom Lader gesetzt")

    @property
    def url(self) -> str:
        """Site-relative, permanent: the file name without ``.md``."""
        return f"{ORDNER}/{Path(self.datei).stem}/"

    @property
    def geaendert(self) -> dt.date:
        return self.aktualisiert or self.datum


#: Front matter keys a post may carry besides the model's own: read by MkDocs, Material or the page hooks
#: (review dates, drafts). Every other key is a typo and reported as such, with a guess.
MKDOCS_FELDER = frozenset({"template", "hide", "icon", "status", "subtitle", "tags", "search",
                           "geprueft", "pruefen_bis", "entwurf"})


def ist_beitrag(src_uri: str) -> bool:
    """Whether a docs-relative path is a post (and not the list page)."""
    parts = Path(src_uri).parts
    return len(parts) == 2 and parts[0] == ORDNER and bool(_DATEINAME.match(parts[1]))


def beitraege(docs_dir: Path) -> list[Beitrag]:
    """All posts, newest first; raise ``DatenFehler`` naming every bad file at once."""
    problems: list[Problem] = []
    gefunden: list[Beitrag] = []
    for path in sorted((docs_dir / ORDNER).glob("*.md")):
        if path.name == "index.md":
            continue
        shown = f"docs/{ORDNER}/{path.name}"
        match = _DATEINAME.match(path.name)
        if match is None:
            problems.append(Problem(shown, None, None, "", "Der Dateiname muss die Form "
                                    "JJJJ-MM-TT-kurzname.md haben (Kleinbuchstaben, Ziffern, Bindestriche), "
                                    "z. B. 2026-11-25-stand-der-arbeit.md. Er ist die feste Adresse des Beitrags."))
            continue
        try:
            beitrag, (zeile, spalte) = _lesen(path, shown)
        except DatenFehler as error:
            problems += error.problems
            continue
        if beitrag.datum.isoformat() != match.group(1):
            problems.append(Problem(shown, zeile, spalte, "datum", "Das Datum im Dateinamen und das Feld „datum“ "
                                    "müssen übereinstimmen.", beitrag.datum.isoformat()))
            continue
        gefunden.append(beitrag)
    if problems:
        raise DatenFehler(problems)
    return sorted(gefunden, key=lambda b: (b.datum, b.datei), reverse=True)


def _lesen(path: Path, shown: str) -> tuple[Beitrag, tuple[int | None, int | None]]:
    """The post and the line and column of its ``datum`` (checked against the file name by the caller)."""
    try:
        match = _KOPF.match(decode(path, shown))
        if match is None:
            raise DatenFehler([Problem(shown, 1, None, "", _KOPF_FEHLT)])
        # the front matter starts in line 2, after the first "---"
        kopf, positions = read_text(match.group(1), shown, first_line=2, leer=_KOPF_FEHLT)
    except YamlProblem as error:
        raise DatenFehler(error.problems) from None
    if not isinstance(kopf, dict):
        raise DatenFehler([Problem(shown, 2, None, "", "Im Kopfbereich werden Felder erwartet (Form: „feld: Wert“).")])
    felder = {key: value for key, value in kopf.items() if key not in MKDOCS_FELDER}
    try:
        beitrag = Beitrag(**{**felder, "datei": f"{ORDNER}/{path.name}"})
    except ValidationError as error:
        raise DatenFehler(problems_from(error, felder, (), shown, positions,
                                        field_names(Beitrag) | MKDOCS_FELDER)) from None
    return beitrag, position_of(positions, ("datum",))


_KOPF_FEHLT = ("Der Kopfbereich fehlt: Die Datei muss mit „---“, den Feldern title, description und datum "
               "und wieder „---“ beginnen.")


_UMLAUTE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ẞ": "SS"})
#: Characters a title may not contain: they would start a placeholder or HTML in the page.
_NICHT_IM_TITEL = set("{}<>")
_PRUEFZYKLUS_MONATE = 6


def kurzname(titel: str) -> str:
    """The file name part of a title: ``Über die Straße`` → ``ueber-die-strasse`` (German transliteration)."""
    ascii_ = unicodedata.normalize("NFKD", titel.translate(_UMLAUTE)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")[:60].rstrip("-")


def neuer_beitrag(docs_dir: Path, titel: str, heute: dt.date, geprueft: dt.date) -> Path:
    """Create a draft post ``aktuelles/<heute>-<kurzname>.md``; never overwrite. Raises ``ValueError`` (German).

    ``geprueft`` is the data's check date: a page may not claim a check newer than its data.
    """
    titel = " ".join(titel.split())
    if not kurzname(titel):
        raise ValueError("Bitte einen Titel mit Buchstaben oder Ziffern angeben, z. B. "
                         "make beitrag TITEL=\"Regionalkonferenz in Hilden\".")
    if _NICHT_IM_TITEL & set(titel):
        raise ValueError("Der Titel darf keine geschweiften oder spitzen Klammern ({ } < >) enthalten.")
    pfad = docs_dir / ORDNER / f"{heute.isoformat()}-{kurzname(titel)}.md"
    kopf = {
        "title": titel,
        "description": "Entwurf: Hier steht ein Satz, der den Beitrag zusammenfasst.",
        "datum": heute,
        "entwurf": True,
        "geprueft": geprueft,
        "pruefen_bis": _monate_spaeter(geprueft, _PRUEFZYKLUS_MONATE),
    }
    text = (f"---\n{yaml.safe_dump(kopf, allow_unicode=True, sort_keys=False)}---\n# {titel}\n\n"
            "{{ offen(\"Text des Beitrags schreiben und im Kopf „description“ durch einen Satz ersetzen, "
            "der den Beitrag zusammenfasst\") }}\n")
    try:
        with pfad.open("x", encoding="utf-8") as datei:  # "x": fails instead of overwriting
            datei.write(text)
    except FileExistsError:
        raise ValueError(f"docs/{ORDNER}/{pfad.name} gibt es schon; nichts wurde überschrieben. Bitte einen "
                         "anderen Titel wählen oder die vorhandene Datei bearbeiten.") from None
    return pfad


def _monate_spaeter(tag: dt.date, monate: int) -> dt.date:
    """The same day ``monate`` months later, or the month's last day (31 August → 28/29 February)."""
    jahr, monat = divmod(tag.month - 1 + monate, 12)
    jahr += tag.year
    return dt.date(jahr, monat + 1, min(tag.day, calendar.monthrange(jahr, monat + 1)[1]))
