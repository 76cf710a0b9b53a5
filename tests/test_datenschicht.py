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
        "import handlungskonzept.loader, handlungskonzept.assets, handlungskonzept.__main__\n"
        "handlungskonzept.loader.load(Path('data'), Path('docs'))\n"
        "handlungskonzept.assets.Delivery(Path('overrides'))\n"
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
