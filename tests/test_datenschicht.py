"""The data layer (``macros/handlungskonzept``) works without MkDocs: ``make check`` and other tools need only it."""
from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
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
        "import handlungskonzept.loader, handlungskonzept.components, handlungskonzept.__main__\n"
        "handlungskonzept.loader.load(Path('data'), Path('docs'))\n"
        "handlungskonzept.components.stylesheet()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'mkdocs_macros', 'material')))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "macros")}
    result = subprocess.run([sys.executable, "-c", program], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
