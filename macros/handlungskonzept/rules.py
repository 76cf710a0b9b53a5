"""Rules that look across records and files: the model alone cannot see them.

Status and date are measured against the data's ``stand`` date, never the clock,
so the same input always builds the same site.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from .model import STAEDTE, Daten, Status

#: A rule yields (file key, path inside that file, message, bad value).
Finding = tuple[str, tuple, str, object]


def check(daten: Daten, docs_dir: Path | None, valid: set[str]) -> Iterator[Finding]:
    """Run every rule whose files are in ``valid``: a typo in one file does not hide findings in another."""
    for needs, rule in RULES:
        if needs <= valid:
            yield from rule(daten, docs_dir)


def _unique_ids(key: str) -> Callable[[Daten, Path | None], Iterator[Finding]]:
    def rule(daten: Daten, _docs: Path | None) -> Iterator[Finding]:
        seen: set[str] = set()
        for index, record in enumerate(getattr(daten, key)):
            if record.id in seen:
                yield key, (index, "id"), "Diese id kommt mehrfach vor; jede id darf nur einmal stehen.", record.id
            seen.add(record.id)
    return rule


def _every_town_once(daten: Daten, _docs: Path | None) -> Iterator[Finding]:
    present = {k.id for k in daten.regionalkonferenzen}
    for town_id, name in STAEDTE.items():
        if town_id not in present:
            yield "regionalkonferenzen", (), f"Für {name} (id „{town_id}“) fehlt ein Eintrag; jede der zehn Städte braucht genau einen.", None
    for index, konferenz in enumerate(daten.regionalkonferenzen):
        expected = STAEDTE[konferenz.id]
        if konferenz.stadt != expected:
            yield "regionalkonferenzen", (index, "stadt"), f"Zur id „{konferenz.id}“ gehört die Stadt „{expected}“.", konferenz.stadt


def _references_exist(daten: Daten, _docs: Path | None) -> Iterator[Finding]:
    known = daten.partner_by_id()
    hint = "Diese Partner-id steht nicht in data/partner.yml."
    for index, konferenz in enumerate(daten.regionalkonferenzen):
        if konferenz.veranstalter and konferenz.veranstalter not in known:
            yield "regionalkonferenzen", (index, "veranstalter"), hint, konferenz.veranstalter
        for position, partner_id in enumerate(konferenz.partner):
            if partner_id not in known:
                yield "regionalkonferenzen", (index, "partner", position), hint, partner_id
    for position, partner_id in enumerate(daten.projekt.arbeitsgruppe):
        if partner_id not in known:
            yield "projekt", ("arbeitsgruppe", position), hint, partner_id


def _status_fits_date(daten: Daten, _docs: Path | None) -> Iterator[Finding]:
    stand = daten.projekt.stand
    stand_text = stand.isoformat()
    for i, k in enumerate(daten.regionalkonferenzen):
        where = "regionalkonferenzen"
        if k.status is Status.durchgefuehrt:
            if k.datum is None:
                yield where, (i, "datum"), "Eine durchgeführte Konferenz braucht ein Datum.", None
            elif k.datum > stand:
                yield where, (i, "datum"), f"Das Datum liegt nach dem Stand der Daten ({stand_text}); Status „geplant“?", k.datum
        elif k.status is Status.geplant and k.datum is not None and k.datum < stand:
            yield where, (i, "datum"), f"Das Datum liegt vor dem Stand der Daten ({stand_text}); Status „durchgefuehrt“ oder „abgesagt“?", k.datum
        elif k.status is Status.offen:
            for field in ("datum", "zeitraum"):
                if getattr(k, field) is not None:
                    yield where, (i, field), "Bei Status „offen“ ist noch kein Termin bekannt; Status „geplant“?", getattr(k, field)
        if k.status is not Status.durchgefuehrt:
            if k.teilnehmende is not None:
                yield where, (i, "teilnehmende"), "Teilnehmende gibt es erst bei Status „durchgefuehrt“.", k.teilnehmende
            if k.ergebnisse:
                yield where, (i, "ergebnisse"), "Ergebnisse gibt es erst bei Status „durchgefuehrt“.", None
        if k.aktualisiert is not None and k.aktualisiert > stand:
            yield where, (i, "aktualisiert"), f"Liegt nach dem Stand der Daten ({stand_text}).", k.aktualisiert


def _named_towns_match_the_count(daten: Daten, _docs: Path | None) -> Iterator[Finding]:
    """The towns an editor names as held must be as many as the source counts, each once."""
    projekt = daten.projekt
    staedte = projekt.konferenzen_durchgefuehrt_staedte
    if not isinstance(staedte, list):
        return
    for position, town_id in enumerate(staedte):
        if town_id in staedte[:position]:
            yield "projekt", ("konferenzen_durchgefuehrt_staedte", position), "Diese Stadt steht schon in der Liste.", town_id
    anzahl = projekt.konferenzen_durchgefuehrt_laut_quelle
    if anzahl is not None and len(set(staedte)) != anzahl:
        yield ("projekt", ("konferenzen_durchgefuehrt_staedte",),
               f"Laut „konferenzen_durchgefuehrt_laut_quelle“ sind es {anzahl} Städte, hier stehen {len(set(staedte))}.",
               None)


def _documents_exist(daten: Daten, docs: Path | None) -> Iterator[Finding]:
    if docs is None:
        return
    for i, konferenz in enumerate(daten.regionalkonferenzen):
        for j, dokument in enumerate(konferenz.dokumente):
            if dokument.pfad and not (docs / dokument.pfad).is_file():
                yield "regionalkonferenzen", (i, "dokumente", j, "pfad"), "Diese Datei gibt es unter docs/ nicht.", dokument.pfad


def _video_files_exist(daten: Daten, docs: Path | None) -> Iterator[Finding]:
    """Every file a video names is under docs/, and its text version is a page of the site."""
    if docs is None:
        return
    for i, video in enumerate(daten.videos):
        for feld in ("datei", "poster", "untertitel"):
            pfad = getattr(video, feld)
            if isinstance(pfad, str) and not (docs / pfad).is_file():
                yield "videos", (i, feld), "Diese Datei gibt es unter docs/ nicht.", pfad
        seite = video.textfassung.split("#", 1)[0].rstrip("/")
        if seite and not ((docs / f"{seite}.md").is_file() or (docs / seite / "index.md").is_file()):
            yield ("videos", (i, "textfassung"),
                   f"Diese Seite gibt es nicht (weder docs/{seite}.md noch docs/{seite}/index.md).", video.textfassung)


def _redirects_unique(daten: Daten, _docs: Path | None) -> Iterator[Finding]:
    seen: set[str] = set()
    for i, weiterleitung in enumerate(daten.weiterleitungen):
        if weiterleitung.von in seen:
            yield "weiterleitungen", (i, "von"), "Für diese alte Adresse gibt es schon eine Weiterleitung.", weiterleitung.von
        if weiterleitung.von == weiterleitung.nach:
            yield "weiterleitungen", (i, "nach"), "Eine Weiterleitung auf sich selbst ist nicht möglich.", weiterleitung.nach
        seen.add(weiterleitung.von)


#: Each rule with the data files it reads; it runs once those files are valid on their own.
RULES: list[tuple[set[str], Callable[[Daten, Path | None], Iterator[Finding]]]] = [
    ({"partner"}, _unique_ids("partner")),
    ({"regionalkonferenzen"}, _unique_ids("regionalkonferenzen")),
    ({"regionalkonferenzen"}, _every_town_once),
    ({"partner", "regionalkonferenzen", "projekt"}, _references_exist),
    ({"projekt", "regionalkonferenzen"}, _status_fits_date),
    ({"projekt"}, _named_towns_match_the_count),
    ({"regionalkonferenzen"}, _documents_exist),
    ({"weiterleitungen"}, _redirects_unique),
    ({"videos"}, _video_files_exist),
]
