"""The one loader: reads every file in ``data/`` into a validated ``Daten``.

It collects every problem of a run (syntax, fields, cross-record rules) before
failing, so an editor sees all mistakes at once, each with file, line and field.
A build keeps what it loaded in its store (``.cache/daten``) under the content of every file read, so the
next build with the same files and code reads the validated data back instead of parsing them again.
"""
from __future__ import annotations

import pickle
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import TypeAdapter

from ..zwischenspeicher import aus_den_daten
from .model import (Daten, Datenkatalog, Impressum, Partner, Projekt, Quelle, Regionalkonferenz, Suchbegriff, Video,
                    Weiterleitung)
from .problems import DatenFehler, Problem, field_name, show_value

if TYPE_CHECKING:  # at run time only a load that parses imports the YAML reader (see ``_load``)
    from .yaml_source import Positions


@dataclass(frozen=True)
class DataFile:
    key: str
    typ: object
    required: bool = True

    @property
    def filename(self) -> str:
        return f"{self.key}.yml"

    @cached_property
    def adapter(self) -> TypeAdapter:
        """Made on first use: building a validator costs time a build from the store does not spend."""
        return TypeAdapter(self.typ)


#: The files of ``data/``; each one is a field of ``Daten``.
FILES = [
    DataFile("projekt", Projekt),
    DataFile("quellen", list[Quelle]),
    DataFile("partner", list[Partner]),
    DataFile("regionalkonferenzen", list[Regionalkonferenz]),
    DataFile("weiterleitungen", list[Weiterleitung], required=False),
    DataFile("impressum", Impressum),
    DataFile("suchbegriffe", list[Suchbegriff], required=False),
    DataFile("datenkatalog", Datenkatalog),
    DataFile("videos", list[Video], required=False),
]


@dataclass(frozen=True)
class Loaded:
    """Validated data plus where each value stood, for later line-aware checks."""

    daten: Daten
    positions: dict[str, Positions]
    shown_as: dict[str, str]


@cache
def known_fields() -> set[str]:
    """Every key a data file may have, for „Meinten Sie …?“ hints."""
    from .messages import field_names

    return field_names(Projekt, Quelle, Partner, Regionalkonferenz, Weiterleitung, Impressum, Suchbegriff,
                       Datenkatalog, Video)


#: The last successful load and what it was made from: ``make site`` checks the data and builds in one
#: process (``macros/bau.py``), and the build takes the check's result while no file has changed.
_last: tuple[tuple, Loaded] | None = None


def _inputs(data_dir: Path, docs_dir: Path | None, shown_dir: str) -> tuple:
    """Every file the loader reads or its rules look at, with size and modification time."""
    folders = [folder.resolve() for folder in (data_dir, docs_dir) if folder is not None]
    return (shown_dir, *folders, *((str(path), stat.st_size, stat.st_mtime_ns)
                                   for folder in folders for path in sorted(folder.rglob("*"))
                                   if path.is_file() and (stat := path.stat())))


def load(data_dir: Path, docs_dir: Path | None = None, shown_dir: str | None = None,
         cache: Path | None = None) -> Loaded:
    """Load and validate all data; raise ``DatenFehler`` listing every problem. With ``cache`` (the build's store
    folder), a load of the same files by the same code is read back from there."""
    global _last
    shown_dir = shown_dir or data_dir.name
    inputs = _inputs(data_dir, docs_dir, shown_dir)
    if _last is not None and _last[0] == inputs:
        return _last[1]
    if cache is None:
        loaded = _load(data_dir, docs_dir, shown_dir)
    else:
        loaded = _stored(cache, inputs, lambda: _load(data_dir, docs_dir, shown_dir))
    _last = inputs, loaded
    return loaded


def _stored(cache: Path, inputs: tuple, load_now) -> Loaded:
    """``load_now()``, or its result from the store if the same files were loaded before by the same code (and the
    same pydantic and PyYAML). Only a load without problems is stored: a ``DatenFehler`` is raised every time."""
    stored = aus_den_daten(cache, "daten", ("pydantic", "pydantic-core", "PyYAML"), _by_content(inputs),
                           lambda: {"daten.pickle": pickle.dumps(load_now(), protocol=pickle.HIGHEST_PROTOCOL)})
    return pickle.loads(stored["daten.pickle"])


def _by_content(inputs: tuple) -> tuple[bytes, ...]:
    """``inputs`` for the store's key: files by name and content, not by time (a fresh checkout has new times)."""
    parts: list[bytes] = []
    for entry in inputs:
        if isinstance(entry, tuple):  # a file: (path, size, time)
            parts += [entry[0].encode(), Path(entry[0]).read_bytes()]
        else:  # the folder name shown in messages, a folder
            parts.append(str(entry).encode())
    return tuple(parts)


def _load(data_dir: Path, docs_dir: Path | None, shown_dir: str) -> Loaded:
    # Imported here: a build whose files are unchanged takes the stored result and needs none of these.
    from pydantic import ValidationError

    from . import rules
    from .messages import problems_from
    from .yaml_source import YamlProblem, position_of, read

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
            problems += problems_from(error, raw, (), shown, positions[spec.key], known_fields())
    # The rules see only the files that are valid so far (unvalidated construction is safe for exactly
    # those); the complete, validated ``Daten`` is built once nothing is wrong.
    partial = Daten.model_construct(**values)
    for key, path, message, value in rules.check(partial, docs_dir, set(values)):
        line, column = position_of(positions.get(key, {}), path)
        problems.append(Problem(shown_as[key], line, column, field_name(path, raw_values.get(key)), message, show_value(value)))
    if problems:
        raise DatenFehler(problems)
    return Loaded(Daten(**values), positions, shown_as)
