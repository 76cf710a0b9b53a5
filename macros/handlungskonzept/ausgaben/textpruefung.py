"""The text check that runs with every build: the site reports what its sources said, it promises nothing.

It reads each page's main text (the built HTML, without the shared footer) and, where it can, finds
the line in the page's Markdown source, so an editor sees file and line. What it flags:

- a promise: „… folgt“, „demnächst“, „wird … ergänzt/veröffentlicht“ (quotations „…“ of a source excepted);
- a date after the newest source's time presented as the „Stand“ of facts;
- a status label without its source (components mark theirs with ``data-quelle``);
- a sentence repeated on more than three pages written by editors (padding);
- a sentence of more than 15 words on a page in Leichter Sprache (BITV 2.0, Anlage 2).

A build whose pages and sources are those of an earlier clean build (same code) skips the check.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from ..daten.dates import MONATE
from ..daten.model import Quelle, inhalt
from ..daten.problems import Problem
from ..zwischenspeicher import BEHALTEN_JE_DATENSTAND, Zwischenspeicher, programmcode, schluessel

#: Elements whose text is not the page's own prose: the shared footer, review dates, the standard notes of
#: open items (listed by ``make offen``), permalink signs.
GEMEINSAM = {"hk-quellenangabe", "hk-pruefdatum", "hk-offen", "hk-entwurf", "headerlink", "md-content__button"}
_NICHT_TEXT = {"script", "style", "template"}
_BLOCK = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "td", "th", "caption", "figcaption",
          "blockquote", "div", "section", "aside", "tr", "br"}
_LEER = {"br", "img", "hr", "input", "meta", "link", "wbr", "source", "track"}

#: „Termin folgt.“ or „folgt nach der Konferenz“ – but not „die Erklärung folgt dem Muster“.
VERSPRECHEN = re.compile(r"\b(?:\w+ folg(?:t|en)(?=\s*(?:[.,;:)–]|$)| (?:noch|bald|später|nach|im|am|in)\b)|demnächst|in Kürze|"
                         r"wird (?:noch |bald |später )?(?:ergänzt|veröffentlicht|nachgereicht|bekannt ?gegeben)|"
                         r"werden (?:noch |bald |später )?(?:ergänzt|veröffentlicht|nachgereicht))\b")
_ARTIKEL = re.compile(r"<article\b.*</article\s*>", re.DOTALL)
_ZITAT = re.compile(r"„[^“]*“")
_MONAT = "|".join(MONATE)
STAND = re.compile(rf"\bStand\b[^.\n]{{0,40}}?(?:\d{{1,2}}\.\s*(?:{_MONAT})\s+(\d{{4}})|(\d{{4}})-\d{{2}}-\d{{2}})")
_SATZ = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„0-9])")
_STATUS_OHNE_QUELLE = re.compile(r'<[^>]*class="hk-status hk-status--[a-z]+"(?![^>]*data-quelle)[^>]*>([^<]*)<')
#: Sentences shorter than this are too common to count as padding („Mehr dazu.“).
MINDESTWOERTER = 6
HOECHSTENS_SEITEN = 3
LEICHTE_SPRACHE_WOERTER = 15


@dataclass(frozen=True)
class Seite:
    """A built page as the check sees it: its source file (``None`` when generated) and its HTML."""

    datei: str
    quelltext: str | None
    html: str
    leichte_sprache: bool = False


class _Haupttext(HTMLParser):
    """Collects the text blocks of an article, skipping code, the shared footer and invisible parts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.bloecke: list[str] = []
        self._aktuell: list[str] = []
        self._ueberspringen: list[str] = []  # open tags inside a skipped element

    def _abschliessen(self) -> None:
        text = " ".join("".join(self._aktuell).split())
        if text:
            self.bloecke.append(text)
        self._aktuell = []

    def handle_starttag(self, tag, attrs):
        klassen = set((dict(attrs).get("class") or "").split())
        if self._ueberspringen:
            if tag not in _LEER:
                self._ueberspringen.append(tag)
            return
        if tag in _NICHT_TEXT or klassen & GEMEINSAM:
            if tag not in _LEER:
                self._ueberspringen.append(tag)
            return
        if tag in _BLOCK:
            self._abschliessen()

    def handle_endtag(self, tag):
        if self._ueberspringen:
            self._ueberspringen.pop()
            return
        if tag in _BLOCK:
            self._abschliessen()

    def handle_data(self, data):
        if not self._ueberspringen:
            self._aktuell.append(data)


def haupttext(html: str) -> list[str]:
    """The blocks of text of a page's ``<article>`` (or the whole document), footer excluded."""
    artikel = _ARTIKEL.search(html)
    parser = _Haupttext()
    parser.feed(artikel.group() if artikel else html)
    parser.close()
    parser._abschliessen()
    return parser.bloecke


def saetze(bloecke: list[str]) -> list[str]:
    return [s.strip() for block in bloecke for s in _SATZ.split(block) if s.strip()]


def _zeile(seite: Seite, stelle: str) -> int | None:
    """The line of the Markdown source that holds ``stelle`` (first words suffice), if any."""
    if not seite.quelltext:
        return None
    anfang = " ".join(stelle.split()[:4])
    for nummer, zeile in enumerate(seite.quelltext.splitlines(), start=1):
        if anfang and anfang in " ".join(zeile.split()):
            return nummer
    return None


def _problem(seite: Seite, stelle: str, meldung: str, feld: str = "Text") -> Problem:
    kurz = stelle if len(stelle) <= 80 else stelle[:77] + "…"
    return Problem(seite.datei, _zeile(seite, stelle), None, feld, meldung, kurz)


def pruefen(seiten: list[Seite], quellen: list[Quelle]) -> list[Problem]:
    """Every finding over all pages, in German with file and (where found) line."""
    juengste = max((q.zeit.ende.year for q in quellen), default=0)
    probleme: list[Problem] = []
    vorkommen: dict[str, set[str]] = defaultdict(set)
    for seite in seiten:
        bloecke = haupttext(seite.html)
        for block in bloecke:
            ohne_zitate = _ZITAT.sub("„…“", block)
            for treffer in VERSPRECHEN.finditer(ohne_zitate):
                probleme.append(_problem(seite, block, f"„{treffer.group()}“ verspricht etwas, das die Quelle nur "
                                         "plante. Berichten Sie, was die Quelle zu ihrer Zeit sagte, z. B. „Laut "
                                         "Vorlage war … geplant“; gibt es nichts Neueres: „Neuere Angaben liegen "
                                         "nicht vor.“"))
            for treffer in STAND.finditer(block):
                jahr = int(treffer.group(1) or treffer.group(2))
                if jahr > juengste:
                    probleme.append(_problem(seite, block, f"„{treffer.group()}“ stellt ein Datum nach der Zeit der "
                                             f"Quellen (bis {juengste}) als Stand der Angaben dar. Ein Prüfdatum heißt "
                                             "„geprüft am“; die Zeit der Angaben ist die ihrer Quelle."))
        for treffer in _STATUS_OHNE_QUELLE.finditer(seite.html):
            probleme.append(Problem(seite.datei, None, None, "Status", "Ein Status ohne Quelle: Jeder Status nennt "
                                    "seine Quelle (Baustein „status“ mit data-quelle).", treffer.group(1).strip()))
        if seite.leichte_sprache:
            for satz in saetze(bloecke):
                if len(satz.split()) > LEICHTE_SPRACHE_WOERTER:
                    probleme.append(_problem(seite, satz, f"Dieser Satz hat {len(satz.split())} Wörter. In Leichter "
                                             f"Sprache hat ein Satz höchstens {LEICHTE_SPRACHE_WOERTER} Wörter.",
                                             "Leichte Sprache"))
        if seite.quelltext is not None:
            for satz in set(saetze(bloecke)):
                if len(satz.split()) >= MINDESTWOERTER:
                    vorkommen[satz].add(seite.datei)
    nach_datei = {s.datei: s for s in seiten}
    for satz, dateien in sorted(vorkommen.items()):
        if len(dateien) > HOECHSTENS_SEITEN:
            erste = sorted(dateien)[0]
            probleme.append(_problem(nach_datei[erste], satz, f"Dieser Satz steht auf {len(dateien)} Seiten "
                                     f"({', '.join(sorted(dateien))}). Sagen Sie ihn einmal, dort, wo er hingehört.",
                                     "Wiederholung"))
    return probleme


def pruefen_gemerkt(seiten: list[Seite], quellen: list[Quelle], cache: Path | None) -> list[Problem]:
    """``pruefen``, skipped where an earlier build with the same code found nothing on the very same pages and sources."""
    if cache is None:
        return pruefen(seiten, quellen)
    eingaben = schluessel(*(repr((s.datei, s.quelltext, s.leichte_sprache)).encode() + s.html.encode() for s in seiten),
                          inhalt(quellen))
    store = Zwischenspeicher(cache, "textpruefung", programmcode(), behalten=BEHALTEN_JE_DATENSTAND)
    if store.vorhanden(eingaben):
        return []
    probleme = pruefen(seiten, quellen)
    if not probleme:  # found problems stop the build; only a clean result is worth keeping
        store.datei(eingaben, lambda _name: b"")
        store.aufraeumen()
    return probleme
