"""Reads YAML into plain Python while remembering where every key and value stood.

PyYAML's own constructor forgets positions and turns ``2018-02-30`` into a crash;
here dates stay text (the model parses them) and every node's line and column is
kept by its path, so any later problem can name the line.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from .problems import Problem, field_name

Path_ = tuple[str | int, ...]
Positions = dict[Path_, tuple[int, int]]

_SCALARS = yaml.SafeLoader("")  # only used to construct plain scalars


class _NoAliases(yaml.SafeLoader):
    """Anchors and aliases (``&a`` / ``*a``) are refused: they confuse editors and can loop forever."""

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise yaml.composer.ComposerError(None, None, "found alias or anchor", event.start_mark)
        return super().compose_node(parent, index)


class YamlProblem(Exception):
    """The file could not be read as data; ``problems`` says where and why."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems


def read(path: Path, shown_as: str) -> tuple[object, Positions]:
    """Return the document and a map from data path to (line, column), both 1-based."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise YamlProblem([Problem(shown_as, line, None, "",
                                   "Die Datei ist nicht als UTF-8 gespeichert (z. B. Umlaute aus einem anderen "
                                   "Zeichensatz). Bitte im Editor mit der Kodierung UTF-8 speichern.")]) from None
    try:
        node = yaml.compose(text, Loader=_NoAliases)
    except yaml.reader.ReaderError as error:
        line = text[: error.position].count("\n") + 1
        raise YamlProblem([Problem(shown_as, line, None, "",
                                   f"Hier steht ein nicht erlaubtes Zeichen (U+{error.character:04X}, "
                                   "unsichtbares Steuerzeichen). Bitte löschen.")]) from None
    except RecursionError:
        raise _too_deep(shown_as) from None
    except yaml.MarkedYAMLError as error:
        mark = _mark_of(error)
        raise YamlProblem([Problem(shown_as, mark.line + 1 if mark else None, mark.column + 1 if mark else None,
                                   "", _syntax_message(error, text))]) from None
    if node is None:
        raise YamlProblem([Problem(shown_as, 1, None, "",
                                   "Die Datei ist leer. Sie muss die Daten enthalten (siehe die anderen Dateien in data/).")])
    positions: Positions = {}
    found: list[tuple[Path_, yaml.Node, str]] = []
    try:
        data = _convert(node, (), positions, found)
    except RecursionError:
        raise _too_deep(shown_as) from None
    if found:
        raise YamlProblem([
            Problem(shown_as, node.start_mark.line + 1, node.start_mark.column + 1, field_name(where, data), message)
            for where, node, message in found
        ])
    return data, positions


def _too_deep(shown_as: str) -> YamlProblem:
    """PyYAML and the converter recurse per level; a runaway nesting must not become a traceback."""
    return YamlProblem([Problem(shown_as, None, None, "",
                                "Die Daten sind zu tief verschachtelt (zu viele Klammern oder Einrückungsebenen).")])


def _mark_of(error: yaml.MarkedYAMLError) -> yaml.Mark | None:
    """Where the editor must look: an unclosed quote is found at the file's end, but it opened earlier."""
    if error.context and "quoted scalar" in error.context and error.context_mark:
        return error.context_mark
    return error.problem_mark or error.context_mark


def _convert(node: yaml.Node, path: Path_, positions: Positions, found: list,
             mark: yaml.Mark | None = None) -> object:
    """Plain Python from a node; bad keys are noted in ``found`` so every one of them is reported."""
    mark = mark or node.start_mark  # a mapping value is placed at its key: that is where editors look
    positions[path] = (mark.line + 1, mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[object, object] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                found.append((path, key_node, "Schlüssel müssen einfache Wörter sein (Form: „feld: Wert“)."))
            elif key in result:
                found.append((path + (key,), key_node,
                              "Dieser Schlüssel steht im selben Abschnitt doppelt; bitte einen davon löschen."))
            else:
                result[key] = _convert(value_node, path + (key,), positions, found, key_node.start_mark)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, path + (i,), positions, found) for i, item in enumerate(node.value)]
    return _scalar(node)


def _scalar(node: yaml.ScalarNode) -> object:
    if node.tag == "tag:yaml.org,2002:timestamp":
        return node.value  # the model checks dates, with a message an editor understands
    if node.tag.startswith("tag:yaml.org,2002:"):
        try:
            return _SCALARS.construct_object(node, deep=True)
        except Exception:  # PyYAML's constructors fail in many ways on e.g. ``!!int abc`` or ``!!int ``
            return node.value  # keep the text: the model then reports the wrong type with its line
    return node.value


def _syntax_message(error: yaml.MarkedYAMLError, text: str) -> str:
    problem = (error.problem or "") + " " + (error.context or "")
    mark = error.problem_mark
    line = text.splitlines()[mark.line] if mark and mark.line < len(text.splitlines()) else ""
    if "alias or anchor" in problem:
        return "Verweise mit * oder & werden nicht unterstützt; bitte den Wert ausschreiben."
    if "expected a single document" in problem:
        return "Eine Datei darf nur ein YAML-Dokument enthalten; bitte die Trennlinie „---“ entfernen."
    if "\t" in problem or "\\t" in problem or "\t" in line[: (mark.column + 1 if mark else 0)]:
        return "Tabulatorzeichen gefunden. Bitte nur mit Leerzeichen einrücken (YAML erlaubt keine Tabs)."
    if "mapping values are not allowed" in problem:
        return ("Doppelpunkt an unerwarteter Stelle. Steht ein Text mit „: “ ohne Anführungszeichen da, "
                "oder stimmt die Einrückung nicht?")
    if "could not find expected ':'" in problem or "simple key" in problem:
        return "Hier fehlt ein Doppelpunkt nach dem Feldnamen (Form: „feld: Wert“)."
    if "quoted scalar" in problem or "end of stream" in problem:
        return "Ein Anführungszeichen wird nicht geschlossen."
    if "expected <block end>" in problem or "did not find expected" in problem:
        return "Die Einrückung stimmt nicht: Einträge derselben Ebene müssen genau untereinander stehen."
    return f"Die Datei ist kein gültiges YAML ({problem.strip()})."


def position_of(positions: Positions, path: Path_) -> tuple[int | None, int | None]:
    """The closest known position: the field itself, else the record or file that lacks it."""
    while path not in positions and path:
        path = path[:-1]
    return positions.get(path, (None, None))
