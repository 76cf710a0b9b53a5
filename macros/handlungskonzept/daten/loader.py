"""The one loader: reads every file in ``data/`` into a validated ``Daten``.

It collects every problem of a run (syntax, fields, cross-record rules) before
failing, so an editor sees all mistakes at once, each with file, line and field.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from . import rules
from .messages import field_names, problems_from
from .model import (Daten, Datenkatalog, Impressum, Partner, Projekt, Quelle, Regionalkonferenz, Suchbegriff, Video,
                    Weiterleitung)
from .problems import DatenFehler, Problem, field_name, show_value
from .yaml_source import Positions, YamlProblem, position_of, read


@dataclass(frozen=True)
class DataFile:
    key: str
    adapter: TypeAdapter
    required: bool = True

    @property
    def filename(self) -> str:
        return f"{self.key}.yml"


#: The files of ``data/``; each one is a field of ``Daten``.
FILES = [
    DataFile("projekt", TypeAdapter(Projekt)),
    DataFile("quellen", TypeAdapter(list[Quelle])),
    DataFile("partner", TypeAdapter(list[Partner])),
    DataFile("regionalkonferenzen", TypeAdapter(list[Regionalkonferenz])),
    DataFile("weiterleitungen", TypeAdapter(list[Weiterleitung]), required=False),
    DataFile("impressum", TypeAdapter(Impressum)),
    DataFile("suchbegriffe", TypeAdapter(list[Suchbegriff]), required=False),
    DataFile("datenkatalog", TypeAdapter(Datenkatalog)),
    DataFile("videos", TypeAdapter(list[Video]), required=False),
]

_KNOWN_FIELDS = field_names(Projekt, Quelle, Partner, Regionalkonferenz, Weiterleitung, Impressum, Suchbegriff,
                            Datenkatalog, Video)


@dataclass(frozen=True)
class Loaded:
    """Validated data plus where each value stood, for later line-aware checks."""

    daten: Daten
    positions: dict[str, Positions]
    shown_as: dict[str, str]


#: The last successful load and what it was made from: ``make site`` checks the data and builds in one
#: process (``macros/bau.py``), and the build takes the check's result while no file has changed.
_last: tuple[tuple, Loaded] | None = None


def _inputs(data_dir: Path, docs_dir: Path | None, shown_dir: str) -> tuple:
    """Every file the loader reads or its rules look at, with size and modification time."""
    folders = [folder.resolve() for folder in (data_dir, docs_dir) if folder is not None]
    return (shown_dir, *folders, *((str(path), stat.st_size, stat.st_mtime_ns)
                                   for folder in folders for path in sorted(folder.rglob("*"))
                                   if path.is_file() and (stat := path.stat())))


def load(data_dir: Path, docs_dir: Path | None = None, shown_dir: str | None = None) -> Loaded:
    """Load and validate all data; raise ``DatenFehler`` listing every problem."""
    global _last
    shown_dir = shown_dir or data_dir.name
    inputs = _inputs(data_dir, docs_dir, shown_dir)
    if _last is not None and _last[0] == inputs:
        return _last[1]
    loaded = _load(data_dir, docs_dir, shown_dir)
    _last = inputs, loaded
    return loaded


def _load(data_dir: Path, docs_dir: Path | None, shown_dir: str) -> Loaded:
    problems: list[Problem] = []
    values: dict[str, object] = {}
    raw_values: dict[str, object] = {}
    positions: dict[str, Positions] = {}
    shown_as: dict[str, str] = {}
    expected = {f.filename for f in FILES}
    for path in sorted(data_dir.glob("*.y*ml")):
        if path.name not in expected:
            problems.append(Problem(f"{shown_dir}/{path.name}", None, None, "",
                                    f"Unbekannte Datei. Erwartet werden: {', '.join(sorted(expected))}."))
    for spec in FILES:
        path = data_dir / spec.filename
        shown = shown_as[spec.key] = f"{shown_dir}/{spec.filename}"
        if not path.is_file():
            if spec.required:
                problems.append(Problem(shown, None, None, "", "Die Datei fehlt."))
            else:
                values[spec.key] = []
            continue
        try:
            raw, positions[spec.key] = read(path, shown)
            raw_values[spec.key] = raw
        except YamlProblem as error:
            problems += error.problems
            continue
        try:
            values[spec.key] = spec.adapter.validate_python(raw)
        except ValidationError as error:
            problems += problems_from(error, raw, (), shown, positions[spec.key], _KNOWN_FIELDS)
    # The rules see only the files that are valid so far (unvalidated construction is safe for exactly
    # those); the complete, validated ``Daten`` is built once nothing is wrong.
    partial = Daten.model_construct(**values)
    for key, path, message, value in rules.check(partial, docs_dir, set(values)):
        line, column = position_of(positions.get(key, {}), path)
        problems.append(Problem(shown_as[key], line, column, field_name(path, raw_values.get(key)), message, show_value(value)))
    if problems:
        raise DatenFehler(problems)
    return Loaded(Daten(**values), positions, shown_as)
