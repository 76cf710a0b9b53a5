"""MkDocs hooks for permanent links: redirect pages from old URLs and the check of the URL manifest.

Both guard the same promise (a published address keeps working), so a redirect and the manifest
check that relies on it are read together. Runs after ``build_hooks.py`` has added the generated
conference pages, which are redirect targets too.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File, Files

from handlungskonzept.ausgaben import components
from handlungskonzept.daten import urls
from hook_failure import fail


def on_files(files: Files, config) -> Files:
    """One redirect page per entry of weiterleitungen.yml, from an address without a page to one with a page.

    A chain (alt/ → mittel/ → neu/) leads every old address straight to its last page.
    """
    loaded = config.extra.get("daten")
    if loaded is None:  # data errors are reported by build_hooks.py
        return files
    seiten = {f.url.removeprefix("./") for f in files.documentation_pages()}  # the home page is "./"
    ziele = {w.von: w.nach for w in loaded.daten.weiterleitungen}
    datei = loaded.shown_as["weiterleitungen"]
    for w in loaded.daten.weiterleitungen:
        schritte = urls.kette(w.von, ziele, seiten)
        ziel = schritte[-1]
        if w.von in seiten:
            fail(f"{datei}: Von „{w.von}“ soll weitergeleitet werden, doch dort steht eine Seite. "
                  "Entfernen Sie die Weiterleitung oder die Seite.")
        elif ziel in ziele:
            fail(f"{datei}: Die Weiterleitungen von „{w.von}“ führen im Kreis: "
                 f"{' → '.join(schritte + [ziele[ziel]])}. Eine davon muss auf eine Seite zeigen.")
        elif ziel not in seiten:
            ueber = f" über {', '.join(f'„{s}“' for s in schritte[1:-1])}" if len(schritte) > 2 else ""
            fail(f"{datei}: Die Weiterleitung von „{w.von}“ führt{ueber} nach „{ziel}“, doch diese Seite gibt es nicht.")
        else:
            files.append(File.generated(config, f"{w.von}index.html", content=components.render(
                "weiterleitung", site_name=config.site_name, ziel="../" * w.von.count("/") + ziel,
                ziel_absolut=urls.absolute_url(config.site_url, ziel))))
    return files


def on_post_build(config) -> None:
    """No URL of the manifest may disappear from a build (see data/veroeffentlichte-urls.txt)."""
    loaded = config.extra.get("daten")
    root = Path(config.config_file_path).parent
    manifest = (root / config.extra.get("daten_verzeichnis", "data") / urls.DATEI).resolve()
    if loaded is None or not manifest.is_file():
        return
    probleme = urls.fehlende(urls.lesen(manifest), Path(config.site_dir), loaded.daten.weiterleitungen)
    if probleme:
        shown = manifest.relative_to(root) if manifest.is_relative_to(root) else manifest
        fail(urls.bericht(probleme, str(shown)))
