"""News posts ("Aktuelles"): Markdown files ``docs/aktuelles/<JJJJ>-<MM>-<TT>-<kurzname>.md``.

The file name is the permanent URL (``/aktuelles/2026-11-25-kurzname/``), so the date
in it must agree with the post's ``datum``. Posts are read here, straight from the
files, because the list page and the feed need all of them before MkDocs has read
any page.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

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
