"""Command line for editors and CI: ``check`` (``make check``), ``offen`` (``make offen``,
``make freigabe``), ``urls <site>`` (``make urls``), ``schema`` (``make schema``),
``vergleich <basis>`` (``make vergleich``), ``bauen`` (``make site``, ``make vorschau``),
``beitrag`` (``make beitrag``), ``veroeffentlichen`` and ``zurueck`` (``make veroeffentlichen``,
``make zurueck``)."""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

from .ausgaben import bau, reader_diff, veroeffentlichung
from .daten import aktuelles, junit, open_items
from .daten import schema as schemas
from .daten import urls as manifest
from .daten.loader import load
from .daten.problems import DatenFehler
from .daten.yaml_source import YamlProblem, read_config
from .zwischenspeicher import ordner


def check(args: argparse.Namespace) -> int:
    """The data and the syntax of ``mkdocs.yml``, every problem of both in one German report."""
    problems = []
    try:
        read_config(Path(args.config), args.config)
    except YamlProblem as error:
        problems += error.problems
    try:
        loaded = load(Path(args.daten), Path(args.docs), args.daten.rstrip("/"), ordner(args.config))
    except DatenFehler as error:
        problems += error.problems
    if args.junit:
        junit.write(Path(args.junit), problems)
    if problems:
        print(DatenFehler(problems).bericht(), file=sys.stderr)
        return 1
    d = loaded.daten
    print(f"Daten in Ordnung: {len(d.regionalkonferenzen)} Regionalkonferenzen, {len(d.partner)} Partner, "
          f"{len(d.quellen)} Quellen, geprüft am {d.projekt.geprueft.isoformat()}.")
    return 0


def urls(args: argparse.Namespace) -> int:
    """Record the URLs a built site serves (only ever adds), or with --pruefen check none got lost."""
    try:
        loaded = load(Path(args.daten), Path(args.docs), args.daten.rstrip("/"))
    except DatenFehler as error:
        print(error.bericht(), file=sys.stderr)
        return 1
    site = Path(args.site)
    if not (site / "index.html").is_file():
        print(f"In {site} liegt keine gebaute Website (index.html fehlt). Erst `make site` ausführen.", file=sys.stderr)
        return 1
    datei = Path(args.daten) / manifest.DATEI
    bekannt = manifest.lesen(datei)
    probleme = manifest.fehlende(bekannt, site, loaded.daten.weiterleitungen)
    if probleme:
        print(manifest.bericht(probleme, str(datei)), file=sys.stderr)
        return 1
    neu = sorted(manifest.ausgeliefert(site) - set(bekannt))
    if args.pruefen:
        print(f"Alle {len(bekannt)} veröffentlichten Adressen sind erreichbar.")
        if neu:
            print(f"{len(neu)} neue Adresse(n) stehen noch nicht in {datei}; `make urls` nimmt sie auf:")
            for url in neu:
                print(f"  • {url}")
        return 0
    manifest.schreiben(datei, set(bekannt) | set(neu))
    print(f"{datei}: {len(neu)} neue Adresse(n) aufgenommen, {len(bekannt) + len(neu)} insgesamt.")
    for url in neu:
        print(f"  + {url}")
    return 0


def offen(args: argparse.Namespace) -> int:
    """List every open item; with ``--streng`` (the release gate) fail while any remain."""
    try:
        geprueft = load(Path(args.daten), Path(args.docs), args.daten.rstrip("/")).daten.projekt.geprueft
    except DatenFehler:
        geprueft = None
        print("Hinweis: Die Daten enthalten Fehler (`make check` nennt sie); fällige Seitenprüfungen "
              "werden erst danach ermittelt.", file=sys.stderr)
    try:
        eintraege = open_items.alle(Path(args.docs), Path(args.daten), Path(args.config), daten_geprueft=geprueft,
                                    docs_shown=args.docs.rstrip("/"), data_shown=args.daten.rstrip("/"),
                                    config_shown=args.config)
    except (YamlProblem, DatenFehler) as error:
        print("Offene Punkte nicht ermittelbar, die Daten sind nicht lesbar:", file=sys.stderr)
        for problem in error.problems:
            print(f"  • {problem}", file=sys.stderr)
        return 2
    for eintrag in eintraege:
        print(eintrag)
    anzahl = len(eintraege)
    if not anzahl:
        print("Keine offenen Punkte.")
        return 0
    frei = sum(not e.sperrt for e in eintraege)
    print("1 offener Punkt." if anzahl == 1 else f"{anzahl} offene Punkte.")
    if frei:
        print(f"Davon {frei} in Entwürfen (Seiten mit „entwurf: true“): Sie werden nicht veröffentlicht "
              "und halten die Freigabe nicht auf.")
    if args.streng and anzahl > frei:
        print("Freigabe verweigert: Erst wenn alle offenen Punkte erledigt sind, darf die Website "
              "veröffentlicht werden.", file=sys.stderr)
        return 1
    return 0


def schema(args: argparse.Namespace) -> int:
    """Regenerate the editors' JSON Schemas from the model."""
    ziel = Path(args.ziel)
    geaendert = schemas.write(ziel)
    if not geaendert:
        print(f"Die Schemas in {ziel} sind aktuell.")
    for name in geaendert:
        print(f"  neu geschrieben: {ziel / name}")
    return 0


def vergleich(args: argparse.Namespace) -> int:
    """What changes for readers between the published site of ``basis`` and the working tree."""
    if not args.basis:
        print("Bitte angeben, womit verglichen wird, z. B. make vergleich BASIS=main", file=sys.stderr)
        return 2
    try:
        result = reader_diff.run(Path.cwd(), args.basis)
    except reader_diff.ComparisonError as error:
        print(f"Vergleich nicht möglich: {error}", file=sys.stderr)
        return 1
    print(reader_diff.summary(result))
    print(f"Bericht: {reader_diff.FOLDER}/bericht.html und {reader_diff.FOLDER}/bericht.md")
    return 0


def beitrag(args: argparse.Namespace) -> int:
    """A new news post as a draft, named after its title and today's date."""
    try:
        stand = load(Path(args.daten), Path(args.docs), args.daten.rstrip("/")).daten.projekt.geprueft
        pfad = aktuelles.neuer_beitrag(Path(args.docs), args.titel, dt.date.today(), stand)
    except DatenFehler as error:
        print(error.bericht("erst die Daten korrigieren, dann den Beitrag anlegen"), file=sys.stderr)
        return 1
    except ValueError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Neuer Beitrag angelegt: {args.docs.rstrip('/')}/{pfad.relative_to(Path(args.docs)).as_posix()}\n"
          "Er ist ein Entwurf („entwurf: true“): Er erscheint nur in der Vorschau (make serve, make vorschau), "
          "nicht auf der veröffentlichten Website.\n"
          "Nächste Schritte: Text schreiben, „description“ ausfüllen, den Platzhalter offen(…) löschen und, "
          "wenn der Beitrag erscheinen soll, die Zeile „entwurf: true“ löschen.\n"
          f"„geprueft“ steht auf dem Prüfdatum der Daten ({stand.isoformat()}); nach der Prüfung des Beitrags "
          "gegen seine Quelle anpassen.")
    return 0


def veroeffentlichen(args: argparse.Namespace) -> int:
    """Release gate, build, copy to ``<ziel>/releases/<kennung>``, switch ``<ziel>/aktuell`` to it."""
    ziel = Path(args.ziel).absolute()
    if args.testsystem:
        offen(argparse.Namespace(**{**vars(args), "streng": False}))
        print("\n!!! TESTSYSTEM: Veröffentlichung trotz offener Punkte. Nur für ein Testsystem, nicht für die "
              "Öffentlichkeit – alle Seiten tragen „noindex“. !!!\n", file=sys.stderr)
    elif offen(argparse.Namespace(**{**vars(args), "streng": True})) != 0:
        print("Nichts veröffentlicht.", file=sys.stderr)
        return 1
    try:
        name = veroeffentlichung.kennung(dt.datetime.now(dt.timezone.utc), Path.cwd())
        with tempfile.TemporaryDirectory(prefix="hk-veroeffentlichen-") as ordner:
            gebaut = Path(ordner) / "site"
            if not bau.bauen(gebaut, testsystem=args.testsystem):
                print(f"Bau fehlgeschlagen – nichts veröffentlicht, {ziel / veroeffentlichung.AKTUELL} "
                      "bleibt unverändert.", file=sys.stderr)
                return 1
            vorher = veroeffentlichung.veroeffentlichen(gebaut, ziel, name)
    except (veroeffentlichung.VeroeffentlichungsFehler, OSError) as error:
        print(f"Veröffentlichung abgebrochen: {error}", file=sys.stderr)
        return 1
    art = "TESTSYSTEM (mit noindex)" if args.testsystem else "veröffentlicht"
    print(f"{art}: {ziel / veroeffentlichung.RELEASES / name} ist jetzt {ziel / veroeffentlichung.AKTUELL}"
          + (f" (vorher {vorher})." if vorher else ".")
          + f" Zurück zur vorigen Fassung: make zurueck ZIEL={args.ziel}")
    return 0


def zurueck(args: argparse.Namespace) -> int:
    """Switch ``<ziel>/aktuell`` back to the release before the current one."""
    try:
        von, nach = veroeffentlichung.zurueck(Path(args.ziel).absolute())
    except (veroeffentlichung.VeroeffentlichungsFehler, OSError) as error:
        print(f"Zurückschalten nicht möglich: {error}", file=sys.stderr)
        return 1
    print(f"Zurückgeschaltet: {args.ziel}/{veroeffentlichung.AKTUELL} zeigt jetzt {nach} (statt {von}).")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="handlungskonzept", description="Werkzeuge für die Redaktion.")
    parser.add_argument("--daten", default=os.environ.get("HK_DATEN", "data"),
                        help="Ordner mit den YAML-Daten (Vorgabe: $HK_DATEN oder data)")
    parser.add_argument("--docs", default="docs", help="Ordner mit den Markdown-Seiten")
    parser.add_argument("--config", default="mkdocs.yml", help="Einstellungsdatei der Website")
    commands = parser.add_subparsers(dest="befehl", required=True)
    pruefen = commands.add_parser("check", help="Daten und mkdocs.yml prüfen")
    pruefen.add_argument("--junit", metavar="DATEI",
                         help="die Fehler zusätzlich als JUnit-XML schreiben (für die Pipeline im Merge-Request)")
    pruefen.set_defaults(run=check)
    liste = commands.add_parser("offen", help="Offene Punkte in docs/, data/ und mkdocs.yml auflisten")
    liste.add_argument("--streng", action="store_true",
                       help="Mit Fehlercode 1 enden, solange offene Punkte bleiben (Freigabe-Prüfung)")
    liste.set_defaults(run=offen)
    befehl = commands.add_parser("urls", help="Veröffentlichte Adressen aufnehmen oder prüfen")
    befehl.add_argument("site", help="Ordner der gebauten Website, z. B. site")
    befehl.add_argument("--pruefen", action="store_true",
                        help="nur prüfen, dass keine veröffentlichte Adresse verloren ging")
    befehl.set_defaults(run=urls)
    befehl = commands.add_parser("schema", help="JSON-Schemas der Daten für die Hilfe im Editor neu erzeugen")
    befehl.add_argument("--ziel", default="data/schema", help="Ordner für die Schemas (Vorgabe: data/schema)")
    befehl.set_defaults(run=schema)
    befehl = commands.add_parser("vergleich", help="Was sich für Leserinnen und Leser gegenüber einem Git-Stand ändert")
    befehl.add_argument("basis", nargs="?", default="", help="Git-Stand zum Vergleich, z. B. main")
    befehl.set_defaults(run=vergleich)
    schalter = {"action": "store_true"}
    ziel = ("ziel", {"help": "Ordner auf dem Webserver mit releases/ und aktuell"})
    for name, hilfe, run, *argumente in [
        ("beitrag", "Neuen Beitrag unter „Aktuelles“ als Entwurf anlegen", beitrag,
         ("titel", {"help": "Titel des Beitrags"})),
        ("veroeffentlichen", "Freigabe prüfen, bauen und nach ZIEL/aktuell umschalten", veroeffentlichen, ziel,
         ("--testsystem", {**schalter, "help": "trotz offener Punkte veröffentlichen, mit noindex (nur Testsysteme)"})),
        ("zurueck", "ZIEL/aktuell auf die vorige Fassung zurückschalten", zurueck, ziel),
    ]:
        befehl = commands.add_parser(name, help=hilfe)
        for flag, optionen in argumente:
            befehl.add_argument(flag, **optionen)
        befehl.set_defaults(run=run)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
