"""Reads YAML into plain Python while remembering where every key and value stood.

PyYAML's own constructor forgets positions and turns ``2018-02-30`` into a crash;
here dates stay text (the model parses them) and every node's line and column is
kept by its path, so any later problem can name the line.
"""
from __future__ import annotations

import re
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
    return read_text(decode(path, shown_as), shown_as)


_LEER = "Die Datei ist leer. Sie muss die Daten enthalten (siehe die anderen Dateien in data/)."


def read_text(text: str, shown_as: str, first_line: int = 1, leer: str = _LEER) -> tuple[object, Positions]:
    """Like ``read`` for YAML embedded in another file, e.g. a Markdown page's front matter.

    ``first_line`` is the line of the file where ``text`` begins, so every position and
    problem names the line the editor sees in that file; ``leer`` says what is missing if nothing is there.
    """
    node = parse_text(text, shown_as, _NoAliases, first_line)
    if node is None:
        raise YamlProblem([Problem(shown_as, first_line, None, "", leer)])
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


def parse(path: Path, shown_as: str, loader: type[yaml.SafeLoader]) -> yaml.Node | None:
    """The file's node tree; encoding and syntax errors become a German ``YamlProblem`` with line and column.

    Shared by ``data/`` and ``mkdocs.yml``, so both speak the same language to the editor.
    """
    return parse_text(decode(path, shown_as), shown_as, loader)


def decode(path: Path, shown_as: str) -> str:
    """The file as text; a wrong encoding is a German problem naming the line."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        before = raw[raw.rfind(b"\n", 0, error.start) + 1: error.start]  # the line up to the bad byte
        column = len(before.decode("utf-8", errors="replace")) + 1
        raise YamlProblem([Problem(shown_as, line, column, "",
                                   "Die Datei ist nicht als UTF-8 gespeichert (z. B. Umlaute aus einem anderen "
                                   "Zeichensatz). Bitte im Editor mit der Kodierung UTF-8 speichern.")]) from None


def parse_text(text: str, shown_as: str, loader: type[yaml.SafeLoader], first_line: int = 1) -> yaml.Node | None:
    """The node tree of ``text``, which starts at line ``first_line`` of the file ``shown_as``.

    Empty lines are put in front instead of shifting every mark afterwards: PyYAML then
    counts the lines of the whole file itself, in its errors as in its nodes.
    """
    text = "\n" * (first_line - 1) + text
    try:
        return yaml.compose(text, Loader=loader)
    except yaml.reader.ReaderError as error:
        line = text[: error.position].count("\n") + 1
        column = error.position - text.rfind("\n", 0, error.position)
        raise YamlProblem([Problem(shown_as, line, column, "",
                                   f"Hier steht ein nicht erlaubtes Zeichen (U+{error.character:04X}, "
                                   "unsichtbares Steuerzeichen). Bitte löschen.")]) from None
    except RecursionError:
        raise _too_deep(shown_as) from None
    except yaml.MarkedYAMLError as error:
        line, column = _position(error, text)
        raise YamlProblem([Problem(shown_as, line, column, "", _syntax_message(error, text))]) from None


class _MkDocsConfig(yaml.SafeLoader):
    """Reads ``mkdocs.yml`` with MkDocs' own tags (``!ENV``, ``!relative``, ``!!python/name:…``) as plain values.

    Only the file's syntax is checked here; what the values mean is MkDocs' business.
    """


def _plain(loader: yaml.SafeLoader, _suffix: str, node: yaml.Node) -> object:
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node, deep=True)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_scalar(node)


_MkDocsConfig.add_multi_constructor("!", _plain)
_MkDocsConfig.add_multi_constructor("tag:yaml.org,2002:python/", _plain)


def read_config(path: Path, shown_as: str) -> dict:
    """``mkdocs.yml`` as plain data; syntax errors and tabs are reported like those in ``data/``.

    MkDocs itself would only say, in English, that the file is broken, without a line an editor understands.
    """
    if not path.is_file():
        raise YamlProblem([Problem(shown_as, None, None, "", "Die Datei fehlt.")])
    node = parse(path, shown_as, _MkDocsConfig)
    if not isinstance(node, yaml.MappingNode):
        line, column = (node.start_mark.line + 1, node.start_mark.column + 1) if node else (1, None)
        raise YamlProblem([Problem(shown_as, line, column, "",
                                   "Hier werden Einstellungen in der Form „name: Wert“ erwartet.")])
    try:
        return _MkDocsConfig("").construct_document(node)
    except RecursionError:
        raise _too_deep(shown_as) from None
    except yaml.MarkedYAMLError as error:  # e.g. a list or a section used as a key
        mark = error.problem_mark or error.context_mark
        raise YamlProblem([Problem(shown_as, mark.line + 1 if mark else None, mark.column + 1 if mark else None, "",
                                   "Schlüssel müssen einfache Wörter sein (Form: „name: Wert“).")]) from None


def _too_deep(shown_as: str) -> YamlProblem:
    """PyYAML and the converter recurse per level; a runaway nesting must not become a traceback."""
    return YamlProblem([Problem(shown_as, None, None, "",
                                "Die Daten sind zu tief verschachtelt (zu viele Klammern oder Einrückungsebenen).")])


def _position(error: yaml.MarkedYAMLError, text: str) -> tuple[int | None, int | None]:
    """Where the editor must look (1-based), which is not always where PyYAML gave up.

    An unclosed quote or bracket is noticed later, often at the file's end: name where it opened.
    A key without its colon is noticed on the next line: name the key's line.
    A stray ``...`` or ``%`` line is noticed at the next content: name that line itself.
    """
    problem, context = error.problem or "", error.context or ""
    mark = error.problem_mark or error.context_mark
    if error.context_mark and (context.startswith(("while parsing a flow", "while scanning a simple key"))
                               or ("quoted scalar" in context and "unexpected" in problem)):
        mark = error.context_mark
    if context.startswith("while parsing a flow node") and "<stream end>" in problem:
        opened = _unclosed_bracket(text)  # PyYAML reached the end of the file inside ``[`` or ``{``
        if opened:
            return opened
    if "unknown escape character" in problem and error.problem_mark:  # PyYAML marks the letter after the „\“
        return error.problem_mark.line + 1, error.problem_mark.column
    if "expected '<document start>'" in problem:  # a ``...`` line is reported where it stands already
        for number, line in enumerate(text.splitlines(), start=1):
            if line.startswith(("...", "%")):
                return number, 1
    return (mark.line + 1, mark.column + 1) if mark else (None, None)


def _unclosed_bracket(text: str) -> tuple[int, int] | None:
    """Line and column (1-based) of the last ``[`` or ``{`` that is never closed; quotes and comments skipped."""
    stack: list[tuple[int, int]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        quote = None
        for column, char in enumerate(line, start=1):
            if quote:
                quote = None if char == quote else quote
            elif char in "\"'":
                quote = char
            elif char == "#" and (column == 1 or line[column - 2] in " \t"):
                break
            elif char in "[{":
                stack.append((number, column))
            elif char in "]}" and stack:
                stack.pop()
    return stack[-1] if stack else None


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


#: What PyYAML (YAML 1.1) reads as a truth value or number but YAML 1.2, which the editor's language server
#: speaks, reads as text: yes/no/on/off, base 60 (``12:30``), octal (``017``), binary and ``1_000``.
_NUR_YAML_1_1 = re.compile(r"yes|no|on|off|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?|[-+]?0[0-7_]+|[-+]?0b[01_]+|.*_.*",
                           re.IGNORECASE)
_ZAHL_ODER_WAHRHEITSWERT = {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}


def _scalar(node: yaml.ScalarNode) -> object:
    if node.tag == "tag:yaml.org,2002:timestamp":
        return node.value  # the model checks dates, with a message an editor understands
    if node.tag in _ZAHL_ODER_WAHRHEITSWERT and node.style is None and _NUR_YAML_1_1.fullmatch(node.value):
        return node.value  # as in the editor: text, so a message shows what the editor wrote
    if node.tag.startswith("tag:yaml.org,2002:"):
        try:
            return _SCALARS.construct_object(node, deep=True)
        except Exception:  # PyYAML's constructors fail in many ways on e.g. ``!!int abc`` or ``!!int ``
            return node.value  # keep the text: the model then reports the wrong type with its line
    return node.value


_QUOTE_HINT = "Bitte den ganzen Text in Anführungszeichen setzen, z. B. „titel: \"[Entwurf] Bericht\"“."
_ESCAPE_HINT = "Bitte einfache Anführungszeichen verwenden ('…') oder „\\\\“ schreiben."


def _syntax_message(error: yaml.MarkedYAMLError, text: str) -> str:
    """PyYAML's English reason as a German sentence that says what to change."""
    problem, context = error.problem or "", error.context or ""
    both = f"{problem} {context}"
    mark = error.problem_mark
    lines = text.splitlines()
    line = lines[mark.line] if mark and mark.line < len(lines) else ""
    before = line[: mark.column].rstrip() if mark else ""
    if "alias or anchor" in both or "an anchor" in context or "an alias" in context:
        return "Verweise mit * oder & werden nicht unterstützt; bitte den Wert ausschreiben."
    if "expected a single document" in both:
        return "Eine Datei darf nur ein YAML-Dokument enthalten; bitte die Trennlinie „---“ entfernen."
    if "\t" in both or "\\t" in both:  # a tab elsewhere on the line (inside quotes, say) is not the error
        return "Tabulatorzeichen gefunden. Bitte nur mit Leerzeichen einrücken (YAML erlaubt keine Tabs)."
    if context.startswith("while parsing a flow"):
        bracket, closing = {"sequence": ("Die eckige Klammer „[“", "„]“"), "mapping": ("Die geschweifte Klammer „{“", "„}“")
                            }.get(context.split()[-1], ("Eine Klammer „[“ oder „{“", "„]“ oder „}“"))
        return (f"{bracket} wird nicht richtig geschlossen: In Klammern folgt auf jeden Eintrag ein Komma "
                f"oder die schließende Klammer {closing}. Soll der Wert ein Text sein, der mit einer Klammer "
                f"beginnt? {_QUOTE_HINT}")
    unexpected = re.fullmatch(r"expected the node content, but found '(.)'", problem) or re.fullmatch(
        r"found character '(.)' that cannot start any token", problem) or re.fullmatch(
        r"expected <block end>, but found '([\]}])'", problem)
    if unexpected and unexpected[1] in "]}":
        return f"Hier steht die schließende Klammer „{unexpected[1]}“ ohne öffnende Klammer davor. {_QUOTE_HINT}"
    if unexpected:
        return f"Ein Wert darf nicht mit dem Zeichen „{unexpected[1]}“ beginnen. {_QUOTE_HINT}"
    if "mapping values are not allowed" in problem:
        return ("Doppelpunkt an unerwarteter Stelle. Steht ein Text mit „: “ ohne Anführungszeichen da, "
                "oder stimmt die Einrückung nicht?")
    if "sequence entries are not allowed" in problem:
        return ("Ein Listeneintrag „- “ steht an falscher Stelle: Jeder Listeneintrag beginnt in einer eigenen Zeile, "
                "eingerückt unter dem Feldnamen.")
    if "could not find expected ':'" in problem or "simple key" in both:
        return "Hier fehlt ein Doppelpunkt nach dem Feldnamen (Form: „feld: Wert“)."
    if "unknown escape character" in problem:
        return f"In doppelten Anführungszeichen leitet „\\“ ein Sonderzeichen ein, das es so nicht gibt. {_ESCAPE_HINT}"
    if "hexadecimal numbers" in problem:
        return ("In doppelten Anführungszeichen folgen auf „\\x“, „\\u“ oder „\\U“ nur Hexadezimalziffern (0–9, a–f). "
                + _ESCAPE_HINT)
    if "quoted scalar" in both or "end of stream" in problem:
        return "Ein Anführungszeichen wird nicht geschlossen."
    if "block scalar" in context:
        return ("Nach „|“ oder „>“ darf in derselben Zeile nichts mehr stehen: Der Text beginnt in der nächsten Zeile, "
                "eingerückt.")
    if "'<document start>'" in problem or "'<document end>'" in problem or "directive" in context:
        return ("Eine Zeile, die mit „...“ oder „%“ beginnt, beendet in YAML die Daten oder ist eine Anweisung. "
                "Bitte die Zeile löschen oder ihren Text in Anführungszeichen setzen.")
    if "tag" in both:
        return f"Ein Wert darf nicht mit „!“ beginnen (YAML liest das als Typangabe). {_QUOTE_HINT}"
    if "expected <block end>, but found '<scalar>'" in problem and before.endswith(("'", '"', "]", "}")):
        return ("Nach dem schließenden Anführungszeichen oder der schließenden Klammer geht der Text weiter. "
                "Soll ein Anführungszeichen zum Text gehören, den ganzen Wert in die jeweils anderen "
                "Anführungszeichen setzen, z. B. „titel: 'Das \"Netzwerk\" tagt'“.")
    if "expected <block end>" in problem or "did not find expected" in problem:
        return "Die Einrückung stimmt nicht: Einträge derselben Ebene müssen genau untereinander stehen."
    return ("Die Datei ist an dieser Stelle kein gültiges YAML. Bitte Einrückung, Doppelpunkte, Anführungszeichen "
            f"und Klammern prüfen (technische Angabe: {' '.join(both.split())}).")


def position_of(positions: Positions, path: Path_) -> tuple[int | None, int | None]:
    """The closest known position: the field itself, else the record or file that lacks it."""
    while path not in positions and path:
        path = path[:-1]
    return positions.get(path, (None, None))
