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


class YamlProblem(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem


def read(path: Path, shown_as: str) -> tuple[object, Positions]:
    """Return the document and a map from data path to (line, column), both 1-based."""
    text = path.read_text(encoding="utf-8")
    positions: Positions = {}
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise YamlProblem(
            Problem(
                shown_as,
                mark.line + 1 if mark else None,
                mark.column + 1 if mark else None,
                "",
                _syntax_message(error, text),
            )
        ) from None
    if node is None:
        return None, positions
    return _convert(node, (), positions, shown_as), positions


def _convert(node: yaml.Node, path: Path_, positions: Positions, shown_as: str,
             mark: yaml.Mark | None = None) -> object:
    mark = mark or node.start_mark  # a mapping value is placed at its key: that is where editors look
    positions[path] = (mark.line + 1, mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[object, object] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                raise YamlProblem(_at(shown_as, key_node, path, "Schlüssel müssen einfache Wörter sein"))
            if key in result:
                raise YamlProblem(
                    _at(shown_as, key_node, path + (key,), "dieser Schlüssel steht hier doppelt", key)
                )
            result[key] = _convert(value_node, path + (key,), positions, shown_as, key_node.start_mark)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, path + (i,), positions, shown_as) for i, item in enumerate(node.value)]
    return _scalar(node)


def _scalar(node: yaml.ScalarNode) -> object:
    if node.tag == "tag:yaml.org,2002:timestamp":
        return node.value  # the model checks dates, with a message an editor understands
    if node.tag.startswith("tag:yaml.org,2002:"):
        return _SCALARS.construct_object(node, deep=True)
    return node.value


def _at(shown_as: str, node: yaml.Node, path: Path_, message: str, value: object = None) -> Problem:
    return Problem(
        shown_as, node.start_mark.line + 1, node.start_mark.column + 1, field_name(path), message,
        None if value is None else str(value),
    )


def _syntax_message(error: yaml.MarkedYAMLError, text: str) -> str:
    problem = (error.problem or "") + " " + (error.context or "")
    mark = error.problem_mark
    line = text.splitlines()[mark.line] if mark and mark.line < len(text.splitlines()) else ""
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
    if "alias" in problem or "anchor" in problem:
        return "Verweise mit * oder & werden nicht unterstützt."
    return f"Die Datei ist kein gültiges YAML ({problem.strip()})."


def position_of(positions: Positions, path: Path_) -> tuple[int | None, int | None]:
    """The closest known position: the field itself, else the record or file that lacks it."""
    while path not in positions and path:
        path = path[:-1]
    return positions.get(path, (None, None))
