"""What an editor sees when the data is wrong: German, with file, line, field and value."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    datei: str
    zeile: int | None
    spalte: int | None
    feld: str
    meldung: str
    wert: str | None = None

    def __str__(self) -> str:
        ort = self.datei
        if self.zeile is not None:
            ort += f", Zeile {self.zeile}"
            if self.spalte is not None:
                ort += f", Spalte {self.spalte}"
        teile = [ort]
        if self.feld:
            teile.append(f"Feld „{self.feld}“")
        if self.wert is not None:
            teile.append(f"Wert „{self.wert}“")
        return " – ".join(teile) + f": {self.meldung}"

    def sort_key(self) -> tuple:
        """File, then line: a problem without a line (a whole file) comes first."""
        return self.datei, self.zeile or 0, self.spalte or 0, self.feld, self.meldung


class DatenFehler(Exception):
    """All problems of one load, reported together so an editor fixes them in one go."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=Problem.sort_key)
        super().__init__(self.bericht())

    def bericht(self, folge: str = "die Website wurde nicht gebaut, die veröffentlichte Fassung bleibt unverändert",
                wo: str = "in den Daten") -> str:
        """The German report; ``folge`` says what the error means where it is shown (build or preview),
        ``wo`` where the problems are (the YAML data, or e.g. the posts' front matter)."""
        anzahl = len(self.problems)
        kopf = f"{anzahl} Fehler {wo}"
        zeilen = [f"{kopf} – {folge}:"]
        zeilen += [f"  • {p}" for p in self.problems]
        return "\n".join(zeilen)


class MakroFehler(Exception):
    """A macro in a chapter was called with a value it does not accept.

    The message is German, one line, and names what is allowed; ``macro_errors`` shows it to
    the editor unchanged instead of a generic „ließ sich nicht ausführen“.
    """


def show_value(value: object) -> str | None:
    """A short, printable form of a bad value (long text is cut)."""
    if value is None or isinstance(value, (dict, list)):
        return None
    if isinstance(value, bool):
        return "true" if value else "false"  # as the editor wrote it in YAML
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def field_name(path: tuple, data: object = None) -> str:
    """``(2, 'website')`` → ``Eintrag 3 (imap-institut) › website``: entries counted from 1, named by id."""
    parts = []
    current = data
    for step in path:
        if isinstance(step, int):
            record = current[step] if isinstance(current, list) and step < len(current) else None
            name = record.get("id") if isinstance(record, dict) else None
            parts.append(f"Eintrag {step + 1}" + (f" ({name})" if isinstance(name, str) else ""))
        else:
            parts.append(str(step))
        try:
            current = current[step]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            current = None
    return " › ".join(parts)
