"""Jinja's English complaints about a ``{{ … }}`` in a chapter, as German sentences for editors.

mkdocs-macros writes a report into the page (``# _Macro Syntax Error_`` or ``# _Macro Rendering
Error_``); ``build_hooks`` fails the build with what this module makes of it. The English original
follows only as „technische Angabe“, for whoever maintains the site.
"""
from __future__ import annotations

import re

from .problems import MakroFehler

#: Opening delimiters: the editor must look where one of them was left unclosed.
OPENERS = ("{{", "{%", "{#")

#: Jinja's names for what it expected → what the editor has to type.
_TOKENS = {
    "end of print statement": "}}",
    "end of statement block": "%}",
    "name": "ein Name",
    "end of template": "das Ende der Seite",
}

_BAUSTEINE = "Die Bausteine sind in macros/components/<name>/README.md beschrieben."


def report_line(report: str) -> int | None:
    """The line (after the front matter) Jinja names, from the syntax report or the traceback."""
    match = re.search(r"_Line (\d+) in Markdown file:_", report)
    if match:
        return int(match.group(1))
    frames = re.findall(r'File "<template>", line (\d+)', report)
    return int(frames[-1]) if frames else None


def opening_line(body: list[str], line: int) -> int:
    """Jinja notices an unclosed brace or comment only further down; the editor needs the line where it opened."""
    return next((n for n in range(min(line, len(body)), 0, -1) if any(o in body[n - 1] for o in OPENERS)), line)


def cause(report: str) -> tuple[str, str | None]:
    """What is wrong, in German, and Jinja's original text (shown after it as „technische Angabe“)."""
    syntax = re.search(r"in Markdown file:_ \*\*(.*)\*\*", report)
    if syntax:
        return _syntax(syntax.group(1)), syntax.group(1)
    error = re.search(r"^_(?!File_)(\w+)_: (.*)$", report, re.M)
    if error is None:
        return "Der Platzhalter ließ sich nicht ausführen.", None
    technisch = None if error.group(1) == MakroFehler.__name__ else f"{error.group(1)}: {error.group(2)}"
    return _rendering(error.group(1), error.group(2)), technisch


def _quoted(token: str) -> str:
    return f"„{_TOKENS.get(token, token)}“"


def _syntax(message: str) -> str:
    if message.startswith("Missing end of comment tag"):
        return "Ein Kommentar „{#“ wird nicht mit „#}“ geschlossen."
    block = re.search(r"innermost block that needs to be closed is '(\w+)'", message)
    if block:
        return (f"Der Block „{{% {block.group(1)} … %}}“ wird nicht abgeschlossen: Es fehlt "
                f"„{{% end{block.group(1)} %}}“.")
    if message.lower().startswith("unexpected end of template") or message == "unexpected 'end of template'":
        expected = re.search(r", expected '([^']+)'", message)
        missing = _quoted(expected.group(1)) if expected else "„}}“"
        return f"Der Platzhalter wird bis zum Ende der Seite nicht geschlossen: Es fehlt {missing}."
    unexpected = re.fullmatch(r"unexpected '(.+?)'(?:, expected '(.+)')?", message)
    if unexpected:
        instead = f" Erwartet wurde hier {_quoted(unexpected.group(2))}." if unexpected.group(2) else ""
        return (f"Das Zeichen {_quoted(unexpected.group(1))} steht an einer Stelle, an der es nicht passt "
                f"(fehlt davor eine Klammer, oder ist eine zu viel?).{instead}")
    char = re.fullmatch(r"unexpected char (['\"])(.)\1 at \d+", message)
    if char:
        if char.group(2) in "'\"":
            return "Ein Anführungszeichen im Platzhalter wird nicht geschlossen."
        return f"Das Zeichen „{char.group(2)}“ ist in einem Platzhalter nicht erlaubt."
    token = re.fullmatch(r"expected token '(.+)', got '(.+)'", message)
    if token:
        return (f"Im Platzhalter fehlt {_quoted(token.group(1))} vor {_quoted(token.group(2))} – "
                "etwa eine schließende Klammer „)“, ein Komma oder „}}“.")
    expression = re.fullmatch(r"Expected an expression, got '(.+)'", message)
    if expression:
        return f"Im Platzhalter fehlt ein Wert vor {_quoted(expression.group(1))}."
    unknown = re.fullmatch(r"Encountered unknown tag '(.+)'\.", message)
    if unknown:
        return f"„{{% {unknown.group(1)} %}}“ ist kein bekannter Befehl."
    return "Die geschweiften Klammern ergeben keinen gültigen Platzhalter."


def _rendering(kind: str, message: str) -> str:
    if kind == MakroFehler.__name__:  # already German and precise
        return message
    undefined = re.fullmatch(r"'([^']+)' is undefined", message)
    if kind == "UndefinedError" and undefined:
        return f"„{undefined.group(1)}“ ist kein bekannter Platzhalter. {_BAUSTEINE}"
    attribute = re.fullmatch(r".* has no attribute '([^']+)'", message)
    if kind == "UndefinedError" and attribute:
        return f"„{attribute.group(1)}“ gibt es bei diesem Platzhalter nicht. {_BAUSTEINE}"
    if kind == "TypeError" and re.search(r"argument|positional|keyword", message):
        return ("Der Platzhalter wurde mit falschen Angaben in den runden Klammern aufgerufen "
                f"(eine fehlt, eine ist zu viel oder unbekannt). {_BAUSTEINE}")
    return "Der Platzhalter ließ sich nicht ausführen."
