"""Turns pydantic's English validation errors into German sentences for editors."""
from __future__ import annotations

import difflib

import typing

from pydantic import BaseModel, ValidationError
from pydantic_core.core_schema import ErrorType

from .model import Bereitsteller, Kennung, Kreisschluessel, SeiteMitAnker
from .problems import Problem, field_name, show_value
from .yaml_source import position_of

_PYDANTIC_TYPES = set(typing.get_args(ErrorType))

DATUM = "Erwartet: ein Datum im Format JJJJ-MM-TT, z. B. 2018-03-15."
KENNUNG = ("Nur Kleinbuchstaben a–z, Ziffern und Bindestriche sind erlaubt (keine Umlaute, "
           "keine Leerzeichen), z. B. „monheim-am-rhein“.")
#: The message for each pattern the model checks, in the loader and in the editor's schema while typing.
MUSTER = {typ.__metadata__[0].pattern: meldung for typ, meldung in (
    (Kennung, KENNUNG),
    (Kreisschluessel, "Erwartet: fünf Ziffern in Anführungszeichen, z. B. \"05158\"."),
    (Bereitsteller, "Erwartet: eine Adresse der Form „http://dcat-ap.de/def/contributors/…“ mit der Kennung bei GovData."),
    (SeiteMitAnker, "Erwartet: eine Seite dieser Website, z. B. „leichte-sprache/“ oder „leichte-sprache/#video“."),
)}

_BY_TYPE = {
    "missing": "Pflichtfeld fehlt.",
    "string_type": "Hier wird ein Text erwartet.",
    "string_too_short": "Darf nicht leer sein.",
    "int_type": "Hier wird eine ganze Zahl erwartet.",
    "int_parsing": "Hier wird eine ganze Zahl erwartet.",
    "int_from_float": "Hier wird eine ganze Zahl erwartet.",
    "bool_type": "Erwartet: true oder false.",
    "bool_parsing": "Erwartet: true oder false.",
    "list_type": "Hier wird eine Liste erwartet (jeder Eintrag beginnt mit „- “).",
    "dict_type": "Hier wird ein Abschnitt mit Feldern erwartet (Form: „feld: Wert“).",
    "model_type": "Hier wird ein Abschnitt mit Feldern erwartet (Form: „feld: Wert“).",
    "model_attributes_type": "Hier wird ein Abschnitt mit Feldern erwartet (Form: „feld: Wert“).",
    "date_type": f"Kein gültiges Datum. {DATUM}",
    "date_parsing": f"Kein gültiges Datum. {DATUM}",
    "date_from_datetime_parsing": f"Kein gültiges Datum. {DATUM}",
    "date_from_datetime_inexact": f"Bitte nur das Datum ohne Uhrzeit angeben. {DATUM}",
}


def problems_from(error: ValidationError, data: object, prefix: tuple, shown_as: str,
                  positions: dict, known_fields: set[str]) -> list[Problem]:
    """One problem per bad field; alternatives of a union collapse into one message."""
    by_path: dict[tuple, dict] = {}
    for item in _fitting_alternatives(error.errors(), data):
        path, branch = _data_path(item, data)
        previous = by_path.get(path)
        if previous is None or (previous["_branch"] and not branch) or _more_specific(item, previous):
            by_path[path] = {**item, "_branch": branch}
    problems = []
    for path, item in by_path.items():
        full = prefix + path
        line, column = position_of(positions, full)
        problems.append(
            Problem(shown_as, line, column, field_name(full, data), _message(item, known_fields),
                    None if item["type"] == "missing" else show_value(item.get("input")))
        )
    return problems


def _data_path(item: dict, data: object) -> tuple[tuple, bool]:
    """Follow ``loc`` through the data; steps that are union branch names are dropped."""
    path, first_branch = _walk(item, data)
    return path, first_branch is not None


def _walk(item: dict, data: object) -> tuple[tuple, int | None]:
    """The data path of ``loc``, and the index in ``loc`` of its first union branch name (``None``: no union)."""
    path: list = []
    current = data
    first_branch = None
    loc = item["loc"]
    for index, step in enumerate(loc):
        last = index == len(loc) - 1
        if isinstance(current, dict) and isinstance(step, str) and step in current:
            current = current[step]
            path.append(step)
        elif isinstance(current, list) and isinstance(step, int) and step < len(current):
            current = current[step]
            path.append(step)
        elif last and item["type"] in ("missing", "extra_forbidden"):
            path.append(step)
        elif first_branch is None:
            first_branch = index
    return tuple(path), first_branch


def _fitting_alternatives(items: list[dict], data: object) -> list[dict]:
    """Where some alternatives of a union take the editor's shape (the kind of value, every field), drop the
    others' errors.

    A contact with only a name fails as a contact (the name needs consent) and as an open item (no
    „offen“, unknown „name“); only the contact's message helps the editor.
    """
    branches: dict[tuple, dict[object, bool]] = {}  # union's place → branch → it takes the shape
    places = []
    for item in items:
        _, index = _walk(item, data)
        place = None if index is None else (tuple(item["loc"][:index]), item["loc"][index])
        places.append(place)
        if place is not None:
            other_kind = len(item["loc"]) == index + 1 and item["type"].endswith("_type")
            known = branches.setdefault(place[0], {})
            known[place[1]] = known.get(place[1], True) and item["type"] != "extra_forbidden" and not other_kind
    return [item for item, place in zip(items, places)
            if place is None or place[1] in branches[place[0]] and (
                branches[place[0]][place[1]] or not any(branches[place[0]].values()))]


def _more_specific(item: dict, previous: dict) -> bool:
    generic = {"model_type", "dict_type", "string_type", "model_attributes_type", "none_required"}
    return previous["type"] in generic and item["type"] not in generic


def _message(item: dict, known_fields: set[str]) -> str:
    kind = item["type"]
    if kind == "extra_forbidden":
        name = str(item["loc"][-1])
        guess = difflib.get_close_matches(name, known_fields, n=1)
        hint = f" Meinten Sie „{guess[0]}“?" if guess else ""
        return f"Unbekanntes Feld – vielleicht ein Tippfehler?{hint}"
    if kind in ("enum", "literal_error"):
        expected = item.get("ctx", {}).get("expected", "")
        return f"Unbekannter Wert. Erlaubt: {expected.replace(' or ', ', ').replace(chr(39), '')}."
    if kind == "greater_than_equal":
        return f"Die Zahl muss mindestens {item['ctx']['ge']} sein."
    if kind == "greater_than":
        return f"Die Zahl muss größer als {item['ctx']['gt']} sein."
    if kind == "string_pattern_mismatch":
        return MUSTER.get(item["ctx"]["pattern"], "Der Text hat nicht die erwartete Form.")
    if item["_branch"] and kind in ("string_type", "model_type", "dict_type", "model_attributes_type"):
        return "Erwartet: ein Text oder ein offener Punkt in der Form „offen: was noch fehlt“."
    if kind in _BY_TYPE:
        return _BY_TYPE[kind]
    if kind not in _PYDANTIC_TYPES:  # our own PydanticCustomError: already German
        return item["msg"][:1].upper() + item["msg"][1:] + "."
    return f"Ungültiger Wert. (technische Angabe: {item['msg']})"


def field_names(*models: type[BaseModel]) -> set[str]:
    """Every key any model accepts, for „Meinten Sie …?“ hints."""
    names: set[str] = set()
    seen: set[type] = set()

    def visit(model: type[BaseModel]) -> None:
        if model in seen:
            return
        seen.add(model)
        for name, info in model.model_fields.items():
            names.add(name)
            for sub in _nested_models(info.annotation):
                visit(sub)

    for model in models:
        visit(model)
    return names


def _nested_models(annotation: object) -> list[type[BaseModel]]:
    found = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        found.append(annotation)
    for arg in typing.get_args(annotation):
        found += _nested_models(arg)
    return found
