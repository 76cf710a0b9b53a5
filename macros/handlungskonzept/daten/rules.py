"""Rules that look across records and files: the model alone cannot see them.

Status and date are measured against the time of the record's source, never the clock
and never the day the data were checked, so the same input always builds the same site
and a plan stays a plan of its source's time.
"""
from __future__ import annotations

import datetime as dt

from collections.abc import Callable, Iterator
from pathlib import Path

from .model import STAEDTE, Daten, Kontakt, Status
from .zaehlung import konferenzzahlen

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


def _unknown_source(known: dict) -> str:
    return f"Diese Quelle steht nicht in quellen.yml. Erlaubt sind: {', '.join(known)}."


def _sources_exist(daten: Daten, _docs: Path | None) -> Iterator[Finding]:
    """Every ``quelle`` names a source of ``quellen.yml``, like partner ids."""
    known = daten.quellen_by_id()
    hint = _unknown_source(known)
    if daten.projekt.quelle not in known:
        yield "projekt", ("quelle",), hint, daten.projekt.quelle
    for key in ("partner", "regionalkonferenzen"):
        for index, record in enumerate(getattr(daten, key)):
            if record.quelle not in known:
                yield key, (index, "quelle"), hint, record.quelle
    for key, path, kontakt in _contacts(daten):
        if kontakt.quelle is not None and kontakt.quelle not in known:
            yield key, path + ("quelle",), hint, kontakt.quelle


def _contacts(daten: Daten) -> Iterator[tuple[str, tuple, Kontakt]]:
    if isinstance(daten.projekt.pressekontakt, Kontakt):
        yield "projekt", ("pressekontakt",), daten.projekt.pressekontakt
    for index, partner in enumerate(daten.partner):
        if partner.kontakt is not None:
            yield "partner", (index, "kontakt"), partner.kontakt


#: How old the source naming a person may be, measured from the day the data were checked.
AKTUELL = dt.timedelta(days=365)


def _names_have_a_current_source(daten: Daten, _docs: Path | None) -> Iterator[Finding]:
    """A name needs a source of the site's own time: one whose time ends at most a year before the check."""
    known = daten.quellen_by_id()
    for key, path, kontakt in _contacts(daten):
        quelle = known.get(kontakt.quelle or "")
        if isinstance(kontakt.name, str) and quelle is not None and quelle.zeit.ende < daten.projekt.geprueft - AKTUELL:
            yield (key, path + ("quelle",), f"Diese Quelle ist älter als ein Jahr (bis {quelle.zeit.ende.isoformat()}); "
                   "einen Namen nennt die Website nur mit einer aktuellen Quelle.", kontakt.quelle)


def _status_fits_date(daten: Daten, _docs: Path | None) -> Iterator[Finding]:
    """Held means held by the source's time; planned with a date means a date after the source's time began."""
    known = daten.quellen_by_id()
    where = "regionalkonferenzen"
    for i, k in enumerate(daten.regionalkonferenzen):
        quelle = known.get(k.quelle)
        if k.status is Status.durchgefuehrt:
            if k.datum is None:
                yield where, (i, "datum"), "Eine durchgeführte Konferenz braucht ein Datum.", None
            elif quelle and k.datum > quelle.zeit.ende:
                yield (where, (i, "datum"), f"Das Datum liegt nach der Zeit der Quelle „{quelle.id}“ "
                       f"(bis {quelle.zeit.ende.isoformat()}); sie kann die Konferenz nicht als durchgeführt melden. "
                       "Status „geplant“?", k.datum)
        elif k.status is Status.geplant and quelle and k.datum is not None and k.datum < quelle.zeit.anfang:
            yield (where, (i, "datum"), f"Das Datum liegt vor der Zeit der Quelle „{quelle.id}“ "
                   f"(ab {quelle.zeit.anfang.isoformat()}); Status „durchgefuehrt“ oder „abgesagt“?", k.datum)
        elif k.status is Status.offen:
            for field in ("datum", "zeitraum"):
                if getattr(k, field) is not None:
                    yield where, (i, field), "Bei Status „offen“ nennt die Quelle keinen Termin; Status „geplant“?", getattr(k, field)
        if k.status is not Status.durchgefuehrt:
            if k.teilnehmende is not None:
                yield where, (i, "teilnehmende"), "Teilnehmende gibt es erst bei Status „durchgefuehrt“.", k.teilnehmende
            if k.ergebnisse:
                yield where, (i, "ergebnisse"), "Ergebnisse gibt es erst bei Status „durchgefuehrt“.", None


def _named_towns_match_the_count(daten: Daten, _docs: Path | None) -> Iterator[Finding]:
    """The towns an editor names as held must be as many as the source counts, each once."""
    projekt = daten.projekt
    staedte = projekt.konferenzen_durchgefuehrt_staedte
    if not isinstance(staedte, list):
        return
    for position, town_id in enumerate(staedte):
        if town_id in staedte[:position]:
            yield "projekt", ("konferenzen_durchgefuehrt_staedte", position), "Diese Stadt steht schon in der Liste.", town_id
    for position, town_id in enumerate(staedte):
        konferenz = next((k for k in daten.regionalkonferenzen if k.id == town_id), None)
        if konferenz is not None and konferenz.status is not Status.durchgefuehrt:
            yield ("projekt", ("konferenzen_durchgefuehrt_staedte", position),
                   f"Bei {konferenz.stadt} steht in regionalkonferenzen.yml Status „{konferenz.status.value}“; "
                   "für eine durchgeführte Konferenz „durchgefuehrt“ mit Datum eintragen.", town_id)
    anzahl = projekt.konferenzen_durchgefuehrt_laut_quelle
    if anzahl is not None and len(set(staedte)) != anzahl:
        yield ("projekt", ("konferenzen_durchgefuehrt_staedte",),
               f"Laut „konferenzen_durchgefuehrt_laut_quelle“ sind es {anzahl} Städte, hier stehen {len(set(staedte))}.",
               None)


def _held_fits_the_towns_without_statement(daten: Daten, _docs: Path | None) -> Iterator[Finding]:
    """The held conferences the source counts but does not name must fit among the towns marked ``offen``."""
    zahlen = konferenzzahlen(daten)
    if zahlen.ohne_stadt > zahlen.offen_eingetragen:
        yield ("projekt", ("konferenzen_durchgefuehrt_laut_quelle",),
               f"Laut dieser Zahl fehlen noch {zahlen.ohne_stadt} durchgeführte Konferenzen, aber nur "
               f"{zahlen.offen_eingetragen} Städte stehen auf „offen“.", daten.projekt.konferenzen_durchgefuehrt_laut_quelle)


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


def _video_sources_exist(daten: Daten, _docs: Path | None) -> Iterator[Finding]:
    """A video's ``quelle`` is a source of ``quellen.yml``; its own rule, so a typo in videos.yml hides no other."""
    known = daten.quellen_by_id()
    for i, video in enumerate(daten.videos):
        if video.quelle is not None and video.quelle not in known:
            yield "videos", (i, "quelle"), _unknown_source(known), video.quelle


def _source_files_exist(daten: Daten, docs: Path | None) -> Iterator[Finding]:
    """A source's copy is linked on every page and printed in the PDF: it must exist under docs/."""
    if docs is None:
        return
    for i, quelle in enumerate(daten.quellen):
        if quelle.datei and not (docs / quelle.datei).is_file():
            yield "quellen", (i, "datei"), "Diese Datei gibt es unter docs/ nicht.", quelle.datei


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
    ({"quellen", "partner", "regionalkonferenzen", "projekt"}, _sources_exist),
    ({"quellen", "partner", "projekt"}, _names_have_a_current_source),
    ({"quellen", "regionalkonferenzen"}, _status_fits_date),
    ({"projekt", "regionalkonferenzen"}, _named_towns_match_the_count),
    ({"projekt", "regionalkonferenzen"}, _held_fits_the_towns_without_statement),
    ({"regionalkonferenzen"}, _documents_exist),
    ({"quellen"}, _source_files_exist),
    ({"weiterleitungen"}, _redirects_unique),
    ({"videos"}, _video_files_exist),
    ({"quellen", "videos"}, _video_sources_exist),
]
