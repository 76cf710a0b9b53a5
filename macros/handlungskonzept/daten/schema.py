"""JSON Schemas for the data files: help while typing, for editors using the VS Code YAML extension.

Generated from the pydantic model and the loader's file list, so a new field or file is covered
as soon as the model has it. The loader stays the authority (cross-record rules, German messages
with line numbers); the schema only lets the editor complete names, list allowed values and
mark obvious mistakes before saving. The YAML language server reads JSON Schema draft 7, so
pydantic's 2020-12 output is converted (``$defs`` → ``definitions``, no siblings next to ``$ref``).
"""
from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema

from .loader import FILES, DataFile
from .messages import DATUM, MUSTER
from .model import Daten, Wortlaut

DRAFT_7 = "http://json-schema.org/draft-07/schema#"
#: A date as the model reads it; ``format: date`` alone is not checked by every validator.
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
#: The first line of every data file, relative to ``data/``.
KOPF = "# yaml-language-server: $schema={pfad}"



def filename(spec: DataFile) -> str:
    return f"{spec.key}.schema.json"


class _EditorSchema(GenerateJsonSchema):
    """Pydantic's generator with the allowed values' German labels and a pattern for dates."""

    def enum_schema(self, schema):
        result = super().enum_schema(schema)
        cls = schema["cls"]
        if issubclass(cls, Wortlaut):
            result["enumDescriptions"] = [member.label for member in cls]
        return result

    def handle_ref_overrides(self, json_schema):
        """Keep a field's own title even where the referenced schema has the same one."""
        return json_schema

    def date_schema(self, schema):
        return {**super().date_schema(schema), "pattern": DATE_PATTERN,
                "patternErrorMessage": f"Kein gültiges Datum. {DATUM}"}

    def str_schema(self, schema):
        """A text with a pattern gets the loader's German message for the editor, too (``patternErrorMessage``)."""
        result = super().str_schema(schema)
        if result.get("pattern") in MUSTER:
            result["patternErrorMessage"] = MUSTER[result["pattern"]]
        return result


def generate(spec: DataFile) -> dict:
    """The draft-7 schema of one data file."""
    schema = spec.adapter.json_schema(schema_generator=_EditorSchema, ref_template="#/definitions/{model}")
    definitions = schema.pop("$defs", {})
    for definition in definitions.values():
        if "enum" in definition:  # the field's German title and description name the vocabulary (and win the hover)
            definition.pop("title", None)
            definition.pop("description", None)
    if schema.get("type") == "array":
        item = definitions[schema["items"]["$ref"].rsplit("/", 1)[-1]]
        schema = {"title": item["title"],
                  "description": f"Eine Liste, jeder Eintrag beginnt mit „- “. Je Eintrag: {item['description']}",
                  **schema}
    schema = {"$schema": DRAFT_7, **schema}
    if definitions:
        schema["definitions"] = definitions
    return _without_ref_siblings(schema)


def _without_ref_siblings(node: object) -> object:
    """Draft 7 ignores every key next to ``$ref``; wrap the reference so title and description count."""
    if isinstance(node, list):
        return [_without_ref_siblings(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _without_ref_siblings(value) for key, value in node.items()}
    if "$ref" in node and len(node) > 1:
        node["allOf"] = [{"$ref": node.pop("$ref")}]
    return node


def text(spec: DataFile) -> str:
    return json.dumps(generate(spec), ensure_ascii=False, indent=2) + "\n"


def all_texts() -> dict[str, str]:
    """File name → content for every data file the loader knows."""
    return {filename(spec): text(spec) for spec in FILES}


def write(folder: Path) -> list[str]:
    """Write every schema, remove schemas of files the loader no longer knows; return what changed."""
    folder.mkdir(parents=True, exist_ok=True)
    wanted = all_texts()
    changed = []
    for stale in sorted(folder.glob("*.schema.json")):
        if stale.name not in wanted:
            stale.unlink()
            changed.append(stale.name)
    for name, content in wanted.items():
        target = folder / name
        if not target.is_file() or target.read_text(encoding="utf-8") != content:
            target.write_text(content, encoding="utf-8")
            changed.append(name)
    return changed


def models() -> list[type[BaseModel]]:
    """Every model reachable from the data files, for the test that each field has German help."""
    found: list[type[BaseModel]] = []

    def visit(annotation: object) -> None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if annotation not in found:
                found.append(annotation)
                for info in annotation.model_fields.values():
                    visit(info.annotation)
        for argument in getattr(annotation, "__args__", ()):
            visit(argument)
        if hasattr(annotation, "__origin__") and hasattr(annotation, "__metadata__"):
            visit(annotation.__origin__)

    for spec in FILES:
        visit(Daten.model_fields[spec.key].annotation)  # each data file is a field of ``Daten``
    return found
