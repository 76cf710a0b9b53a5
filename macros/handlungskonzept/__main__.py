"""Command line for editors and CI: ``check`` (``make check``), ``offen`` (``make offen``, ``make freigabe``)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import open_items
from .loader import load
from .problems import DatenFehler
from .yaml_source import YamlProblem


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


def offen(args: argparse.Namespace) -> int:
    """List every open item; with ``--streng`` (the release gate) fail while any remain."""
    try:
        eintraege = open_items.alle(Path(args.docs), Path(args.daten), Path(args.config),
                                    docs_shown=args.docs.rstrip("/"), data_shown=args.daten.rstrip("/"),
                                    config_shown=args.config)
    except YamlProblem as error:
        print(f"Offene Punkte nicht ermittelbar: {error.problem}", file=sys.stderr)
        return 2
    for eintrag in eintraege:
        print(eintrag)
    anzahl = len(eintraege)
    if not anzahl:
        print("Keine offenen Punkte.")
        return 0
    print("1 offener Punkt." if anzahl == 1 else f"{anzahl} offene Punkte.")
    if args.streng:
        print("Freigabe verweigert: Erst wenn alle offenen Punkte erledigt sind, darf die Website "
              "veröffentlicht werden.", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="handlungskonzept", description="Werkzeuge für die Redaktion.")
    parser.add_argument("--daten", default="data", help="Ordner mit den YAML-Daten")
    parser.add_argument("--docs", default="docs", help="Ordner mit den Markdown-Seiten")
    parser.add_argument("--config", default="mkdocs.yml", help="Einstellungsdatei der Website")
    commands = parser.add_subparsers(dest="befehl", required=True)
    commands.add_parser("check", help="Daten prüfen").set_defaults(run=check)
    liste = commands.add_parser("offen", help="Offene Punkte in docs/, data/ und mkdocs.yml auflisten")
    liste.add_argument("--streng", action="store_true",
                       help="Mit Fehlercode 1 enden, solange offene Punkte bleiben (Freigabe-Prüfung)")
    liste.set_defaults(run=offen)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
