"""``make site`` and ``make vorschau`` in one process: the check of ``make check``, then ``mkdocs build``.

As two commands the data were loaded twice and Python, pydantic and YAML started twice; here the
build's hook takes the loader's result of the check (``handlungskonzept.daten.loader`` keeps it while no
file has changed). The build goes into a fresh folder that replaces the target in one atomic
exchange (``handlungskonzept.ausgaben.bau``), so a failed build leaves the published folder as it was.
Usage: ``python macros/bau.py <Zielordner> [--vorschau]``.
"""
from __future__ import annotations

import compileall
import gc
import importlib
import os
import shutil
import sys
import types
from pathlib import Path

# Where PYTHONDONTWRITEBYTECODE is set (as on many CI machines), Python compiles the engine's modules anew at
# every start; compiled here once, each later start reads them (a changed file is compiled again).
compileall.compile_dir(Path(__file__).parent, quiet=1)
# Nothing loaded while the check and MkDocs start is garbage; build_hooks.on_startup turns the collector on again.
gc.disable()


class _BeiBedarf(types.ModuleType):
    """Stands in for a module until one of its names is used, then loads it.

    mkdocs-macros imports ``requests`` at its start, for pages that include a file from another server; this
    site includes none, and loading requests, urllib3 and ssl costs a twentieth of the build. Python's
    ``importlib.util.LazyLoader`` does not help here: an ``import`` of a module in ``sys.modules`` reads its
    ``__spec__``, and that loads it.
    """

    def __getattr__(self, name: str):
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        echt = importlib.import_module(self.__name__)
        self.__dict__.update(vars(echt))
        return getattr(echt, name)


sys.modules.setdefault("requests", _BeiBedarf("requests"))

from handlungskonzept.ausgaben import bau  # noqa: E402
from handlungskonzept.daten import entwuerfe  # noqa: E402
from handlungskonzept.__main__ import main as handlungskonzept  # noqa: E402


def main(argv: list[str]) -> int:
    ziel, vorschau = Path(argv[0]).absolute(), "--vorschau" in argv
    if handlungskonzept(["check"]) != 0:
        return 1
    os.environ["HK_VORSCHAU"] = "1" if vorschau else "0"
    neu = bau.neuer_ordner(ziel)
    from mkdocs.__main__ import cli
    try:
        cli.main(args=["build", "--quiet", "--site-dir", str(neu)], prog_name="mkdocs")
    except SystemExit as ende:
        code = ende.code or 0
    else:
        code = 0
    if code != 0:
        shutil.rmtree(neu, ignore_errors=True)
        print(f"Bau fehlgeschlagen – {argv[0]}/ bleibt unverändert.", file=sys.stderr)
        return 1
    bau.einsetzen(neu, ziel)
    if vorschau:
        print(f"Vorschau gebaut: {argv[0]}/ – mit Entwürfen und Bearbeiten-Links, nur für die Redaktion, "
              "nicht veröffentlichen.")
    else:
        print(f"Website gebaut: {argv[0]}/")
        for src in entwuerfe.finden(Path("docs")):  # the build has checked them already
            print(f"  nicht veröffentlicht (Entwurf): docs/{src}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
