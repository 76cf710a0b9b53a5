"""Finds everything a human must still supply or approve before the site may go live.

Four kinds of open items, each reported with file and line so an editor can jump there:
``{{ offen("…") }}`` and ``{{ entwurf("…") }}`` calls in ``docs/``, pages whose ``pruefen_bis``
lies before the data's check date, every ``offen:`` value in ``data/`` and placeholder
``.invalid`` addresses in ``mkdocs.yml``. The release
gate (``make freigabe``) refuses to publish while any remain.

Draft pages (``entwurf: true``) are listed too, but neither they nor the open items inside them
block the release: a draft is never published.
"""
from __future__ import annotations

import ast
import datetime as dt
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import entwuerfe, pruefdatum
from .yaml_source import read

#: Macros whose first argument names something still open; value = prefix shown in the list.
MAKROS = {"offen": "", "entwurf": "Entwurf freigeben – "}

_PLACEHOLDER = re.compile(r"\{\{.*?\}\}", re.DOTALL)
_CALL = re.compile(r"\b(" + "|".join(MAKROS) + r")\s*\(")
_STRING_ARGUMENT = re.compile(r"""\s*("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')\s*\)""")
_INVALID_URL = re.compile(r"""https?://[^\s"'\]]*\.invalid\b[^\s"'\],]*""")
_ENV_VARIABLE = re.compile(r"!ENV\s*\[\s*([A-Za-z_][A-Za-z0-9_]*)")
_CONFIG_KEY = re.compile(r"^\s*([A-Za-z_][\w-]*)\s*:")


@dataclass(frozen=True, order=True)
class Eintrag:
    """One open item, printed as ``datei:zeile: text`` (the format editors' tools jump to)."""

    datei: str
    zeile: int
    text: str
    #: False for drafts and for what is open inside them: not published, so no reason to stop a release.
    sperrt: bool = field(default=True, compare=False)

    def __str__(self) -> str:
        return f"{self.datei}:{self.zeile}: {self.text}"


def in_docs(docs_dir: Path, shown_as: str) -> Iterator[Eintrag]:
    """Every ``offen``/``entwurf`` macro call in the Markdown pages."""
    for path in sorted(docs_dir.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        datei = f"{shown_as}/{path.relative_to(docs_dir).as_posix()}"
        for placeholder in _PLACEHOLDER.finditer(text):
            for call in _CALL.finditer(placeholder.group()):
                start = placeholder.start() + call.start()
                zeile = text.count("\n", 0, start) + 1
                argument = _STRING_ARGUMENT.match(placeholder.group(), call.end())
                if argument is None:
                    yield Eintrag(datei, zeile, f"{call.group(1)}(…) ohne lesbaren Text – bitte als "
                                                     f"{call.group(1)}(\"was fehlt\") schreiben")
                    continue
                yield Eintrag(datei, zeile, MAKROS[call.group(1)] + ast.literal_eval(argument.group(1)))


def drafts(docs_dir: Path, shown_as: str) -> Iterator[Eintrag]:
    """Every draft page: only the preview shows it until ``entwurf: true`` is deleted."""
    for src, zeile in entwuerfe.finden(docs_dir, shown_as).items():
        yield Eintrag(f"{shown_as}/{src}", zeile, "Entwurf – erscheint nur in der Vorschau, nicht auf der "
                                                  "veröffentlichten Website; zum Veröffentlichen „entwurf: true“ "
                                                  "löschen", sperrt=False)


def overdue_pages(docs_dir: Path, daten_geprueft: dt.date, shown_as: str) -> Iterator[Eintrag]:
    """Every page due for review, measured against the data's check date (never the clock)."""
    for path in sorted(docs_dir.rglob("*.md")):
        faellig = pruefdatum.overdue(path.read_text(encoding="utf-8"), daten_geprueft)
        if faellig is not None:
            zeile, bis = faellig
            yield Eintrag(f"{shown_as}/{path.relative_to(docs_dir).as_posix()}", zeile,
                          f"Seite muss erneut geprüft werden (pruefen_bis {bis.isoformat()} liegt vor dem "
                          f"Prüfdatum der Daten {daten_geprueft.isoformat()}); danach „geprueft“ und „pruefen_bis“ anpassen")


def in_data(data_dir: Path, shown_as: str) -> Iterator[Eintrag]:
    """Every ``offen:`` value in the YAML data, at the line of its field.

    Raises ``YamlProblem`` when a file is not valid YAML: then nothing can be promised.
    """
    for path in sorted(data_dir.glob("*.y*ml")):
        datei = f"{shown_as}/{path.name}"
        document, positions = read(path, datei)
        for pfad, text in _offen_values(document, ()):
            yield Eintrag(datei, positions[pfad][0], str(text))  # the reader keeps a position for every key


def _offen_values(node: object, pfad: tuple) -> Iterator[tuple[tuple, object]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "offen" and not isinstance(value, (dict, list)):
                yield pfad + (key,), value
            else:
                yield from _offen_values(value, pfad + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _offen_values(value, pfad + (index,))


def in_config(config: Path, shown_as: str, environ: dict[str, str] | None = None) -> Iterator[Eintrag]:
    """Placeholder ``.invalid`` addresses in ``mkdocs.yml``.

    A placeholder that is only the default of ``!ENV [VARIABLE, …]`` counts as done
    when that variable is set to a real address.
    """
    environ = os.environ if environ is None else environ
    for zeile, line in enumerate(config.read_text(encoding="utf-8").splitlines(), start=1):
        if line.lstrip().startswith("#"):
            continue
        for url in _INVALID_URL.findall(line):
            variable = _ENV_VARIABLE.search(line)
            if variable and environ.get(variable.group(1)) and ".invalid" not in environ[variable.group(1)]:
                continue
            key = _CONFIG_KEY.match(line)
            feld = f" ({key.group(1)})" if key else ""
            hinweis = f" oder die Umgebungsvariable {variable.group(1)} setzen" if variable else ""
            yield Eintrag(shown_as, zeile, f"Platzhalter-Adresse {url}{feld} durch die echte Adresse "
                                                f"ersetzen{hinweis}")


def alle(docs_dir: Path, data_dir: Path, config: Path, *, daten_geprueft: dt.date | None, docs_shown: str = "docs",
         data_shown: str = "data", config_shown: str = "mkdocs.yml") -> list[Eintrag]:
    """All open items of the project, docs first, then data, then configuration.

    ``daten_geprueft`` comes from the one loader; without it (invalid data) review dates cannot be measured.
    """
    entwurf = list(drafts(docs_dir, docs_shown))
    in_entwurf = {e.datei for e in entwurf}
    seiten = [replace(e, sperrt=False) if e.datei in in_entwurf else e
              for e in (*in_docs(docs_dir, docs_shown), *(overdue_pages(docs_dir, daten_geprueft, docs_shown) if daten_geprueft else ()))]
    return [
        *seiten,
        *entwurf,
        *in_data(data_dir, data_shown),
        *(in_config(config, config_shown) if config.is_file() else ()),
    ]

