"""The data layer (``macros/handlungskonzept``) works without MkDocs, and no Python in ``macros/`` writes HTML."""
from __future__ import annotations

import ast
import re
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "macros" / "handlungskonzept"


def imported_modules(source: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"), filename=str(source))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
                "import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant):
            names.add(str(node.args[0].value))
    return names


def test_no_module_of_the_data_layer_imports_mkdocs():
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) >= 8
    for source in files:
        bad = {name for name in imported_modules(source) if name.split(".")[0] in ("mkdocs", "mkdocs_macros", "material")}
        assert not bad, f"{source.relative_to(ROOT)} importiert {sorted(bad)}"


def test_loading_the_data_pulls_in_no_mkdocs_module():
    program = (
        "import sys\n"
        "from pathlib import Path\n"
        "import handlungskonzept.daten.loader, handlungskonzept.ausgaben.assets, handlungskonzept.__main__\n"
        "handlungskonzept.daten.loader.load(Path('data'), Path('docs'))\n"
        "handlungskonzept.ausgaben.assets.Delivery(Path('overrides'))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'mkdocs_macros', 'material')))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "macros")}
    result = subprocess.run([sys.executable, "-c", program], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


HTML_TAG = re.compile(r"<(/?)(a|article|aside|br|button|div|em|form|h[1-6]|iframe|img|input|li|link|meta|nav|ol|p|script|"
                      r"section|span|strong|table|td|th|time|tr|ul)(\s[^<>]*)?/?>", re.I)
#: Editor messages that quote markup as an example; they are printed, never put into a page.
QUOTED_EXAMPLES = ("(<a href=…>)",)


def _strings(tree: ast.AST):
    """String literals and f-string parts, docstrings excluded (they explain, they don't emit)."""
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


def test_python_never_builds_html_from_strings():
    """HTML comes from the autoescaping component templates, so editor text can never become markup."""
    for source in sorted((ROOT / "macros").rglob("*.py")):
        for line, text in _strings(ast.parse(source.read_text(encoding="utf-8"))):
            cleaned = text
            for example in QUOTED_EXAMPLES:
                cleaned = cleaned.replace(example, "")
            assert not HTML_TAG.search(cleaned), f"{source.relative_to(ROOT)}:{line}: HTML in Python: {text[:60]!r}"


def _resolved_imports(source: Path) -> set[str]:
    """Every module a file imports, relative imports resolved to their full dotted name."""
    package = ".".join(source.relative_to(ROOT / "macros").parent.parts)
    names = set()
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")[:len(package.split(".")) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            names |= {module} | {f"{module}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
    return names


def test_reading_and_checking_the_data_never_reaches_into_the_outputs():
    """Data flow one way: ``daten`` feeds ``ausgaben``, never the reverse, so a new output cannot change what is checked."""
    files = sorted((PACKAGE / "daten").glob("*.py"))
    assert {f.stem for f in files} >= {"loader", "model", "messages", "yaml_source", "rules"}
    for source in files:
        bad = sorted(n for n in _resolved_imports(source) if n.startswith("handlungskonzept.ausgaben"))
        assert not bad, f"{source.relative_to(ROOT)} importiert {bad}"


def test_the_import_check_sees_a_relative_import_of_the_outputs():
    """The check above resolves ``..ausgaben`` as Python does; without that it would pass on any file."""
    assert "handlungskonzept.ausgaben.components" in _resolved_imports(PACKAGE / "ausgaben" / "feed.py")
    assert "handlungskonzept.daten.model" in _resolved_imports(PACKAGE / "ausgaben" / "feed.py")
    assert "handlungskonzept.daten.problems" in _resolved_imports(PACKAGE / "daten" / "loader.py")
