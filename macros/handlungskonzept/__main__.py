"""Command line for editors and CI: ``python -m handlungskonzept check`` (via ``make check``)."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .loader import load
from .problems import DatenFehler


def check(args: argparse.Namespace) -> int:
    try:
        loaded = load(Path(args.daten), Path(args.docs), args.daten.rstrip("/"))
    except DatenFehler as error:
        print(error.bericht(), file=sys.stderr)
        return 1
    d = loaded.daten
    print(f"Daten in Ordnung: {len(d.regionalkonferenzen)} Regionalkonferenzen, {len(d.partner)} Partner, "
          f"Stand {d.projekt.stand.isoformat()}.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="handlungskonzept", description="Werkzeuge für die Redaktion.")
    parser.add_argument("--daten", default=os.environ.get("HK_DATEN", "data"),
                        help="Ordner mit den YAML-Daten (Vorgabe: $HK_DATEN oder data)")
    parser.add_argument("--docs", default="docs", help="Ordner mit den Markdown-Seiten")
    commands = parser.add_subparsers(dest="befehl", required=True)
    commands.add_parser("check", help="Daten prüfen").set_defaults(run=check)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
