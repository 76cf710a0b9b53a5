"""German words for Material's search index: compounds split into their parts, and the editors' synonyms.

Material's search finds a word by its beginning („Beratung“ finds „Beratungsangebote“), never in
the middle: „Konferenz“ missed every „Regionalkonferenz“. Each entry of the index therefore gets
two extra fields that readers never see: ``titelteile`` (the parts of the words of its title,
weighted like the title) and ``woerter`` (the parts of the words of its text, plus the synonyms
from ``data/suchbegriffe.yml`` of every term the entry contains). Parts come from the German word
list of Debian's ``wngerman`` package, a maintained dictionary of about 350,000 word forms:
a word of eight letters or more is split where both sides are words of it with four letters or more
(allowing the linking „s“, „es“, „n“, „en“). Shorter pieces („Maß“, „Bau“) would split ordinary
words into noise („zus|ammen“).
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

from ..daten.model import Suchbegriff, inhalt
from ..zwischenspeicher import aus_den_daten

#: Debian package ``wngerman`` (German spelling of 1996/2006, maintained with igerman98).
WORTLISTE = Path("/usr/share/dict/ngerman")
DEBIAN_PAKET = "wngerman"
#: Compound splits of earlier builds, in the build's store folder: the word list is read only for new words.
WORTTEILE = "suche-wortteile.json"
#: The file of the published index below the site.
NAME = "search/search_index.json"
#: Extra fields and their weight, next to Material's ``title`` (1000) and ``text`` (1).
FIELDS = {"titelteile": {"boost": 1000.0}, "woerter": {"boost": 1.0}}

_SHORTEST_PART, _SHORTEST_COMPOUND = 4, 8
_LINKS = ("", "s", "es", "n", "en")
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[^\W\d_]+")


@cache
def words(path: Path = WORTLISTE) -> frozenset[str]:
    """The word list, in lower case."""
    return frozenset(path.read_text(encoding="utf-8").lower().split())


class Splitter:
    """Splits German compounds by a word list; each word is split once, and with ``remembered`` once
    for every build: reading the word list costs more than the rest of the search index together."""

    #: Bump when the splitting rules change, so remembered splits are made anew.
    RULES = 1

    def __init__(self, known: frozenset[str] | Callable[[], frozenset[str]], remembered: dict | None = None):
        self._known = known
        self._parts: dict[str, frozenset[str]] = {word: frozenset(parts) for word, parts in (remembered or {}).items()}
        self.new = 0

    @property
    def known(self) -> frozenset[str]:
        if callable(self._known):
            self._known = self._known()
        return self._known

    def parts(self, word: str) -> frozenset[str]:
        """Every word of the list a compound is made of (empty when it is not one):
        „rechtsextremismus“ → {rechts, extremismus, …}."""
        word = word.lower()
        if word not in self._parts:
            self._parts[word] = frozenset(self._split(word))
            self.new += 1
        return self._parts[word]

    @classmethod
    def remembering(cls, cache_file: Path, word_list: Path = WORTLISTE) -> "Splitter":
        """A splitter that starts from the splits saved in ``cache_file`` for this word list and these rules."""
        key = cls.key(word_list)
        try:
            saved = json.loads(cache_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            saved = {}
        remembered = saved.get("teile", {}) if saved.get("schluessel") == key else {}
        return cls(lambda: words(word_list), remembered)

    def save(self, cache_file: Path, word_list: Path = WORTLISTE) -> None:
        """Keep the splits for the next build (written whole, then renamed: a parallel build never reads half)."""
        if not self.new:
            return
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        partial = cache_file.with_name(f"{cache_file.name}.{id(self)}")
        content = {"schluessel": self.key(word_list), "teile": {w: sorted(p) for w, p in sorted(self._parts.items())}}
        partial.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
        partial.replace(cache_file)

    @classmethod
    def key(cls, word_list: Path) -> str:
        """What the splits depend on besides the word: the word list (by name, size and time) and the rules."""
        stat = word_list.stat()
        return f"{word_list}:{stat.st_size}:{stat.st_mtime_ns}:{cls.RULES}"

    def _split(self, word: str) -> set[str]:
        found: set[str] = set()
        if len(word) < _SHORTEST_COMPOUND:
            return found
        for cut in range(_SHORTEST_PART, len(word) - _SHORTEST_PART + 1):
            head, tail = word[:cut], word[cut:]
            tail_parts = self.parts(tail)
            if tail not in self.known and not tail_parts:
                continue
            for link in _LINKS:
                base = head[:len(head) - len(link)] if link else head
                if head.endswith(link) and len(base) >= _SHORTEST_PART and base in self.known:
                    found |= {base, tail, *tail_parts} - {word}
                    break
        return found


def lunr_files(languages: list[str]) -> set[str]:
    """The files under Material's ``assets/javascripts/lunr/`` its search worker loads for these languages
    (Material 9.8.2, integrations/search/worker/main: ``setupSearchLanguages``)."""
    needed = {"min/lunr.stemmer.support.min.js"} if set(languages) - {"en"} else set()
    needed |= {f"min/lunr.{language}.min.js" for language in languages if language != "en"}
    needed |= {"tinyseg.js" for language in languages if language == "ja"}
    needed |= {"wordcut.js" for language in languages if language in ("hi", "th")}
    if len(languages) > 1:
        needed.add("min/lunr.multi.min.js")
    return needed


def _terms(text: str) -> list[str]:
    return _WORD.findall(_TAG.sub(" ", text).lower())


def _parts_of(splitter: Splitter, terms: Iterable[str]) -> list[str]:
    """Parts in text order, once per occurrence: the search weighs a part that recurs like a word that does."""
    return [part for term in terms for part in sorted(splitter.parts(term))]


def enrich(index: dict, synonyms: list[Suchbegriff], splitter: Splitter) -> dict:
    """Material's ``search_index.json`` with the fields ``titelteile`` and ``woerter`` added."""
    wanted = [(entry.begriff.lower(), " ".join(entry.synonyme)) for entry in synonyms]
    for doc in index["docs"]:
        title_terms, text_terms = _terms(doc.get("title", "")), _terms(doc.get("text", ""))
        title_parts = _parts_of(splitter, title_terms)
        text_parts = _parts_of(splitter, text_terms)
        present = {*title_terms, *text_terms, *title_parts, *text_parts}
        found = [words for term, words in wanted if any(word.startswith(term) for word in present)]
        if title_parts:
            doc["titelteile"] = " ".join(title_parts)
        if text_parts or found:
            doc["woerter"] = " ".join([*text_parts, *found])
    index["config"]["fields"] = {**index["config"]["fields"], **FIELDS}
    return index


def verzeichnis(material: bytes, synonyms: list[Suchbegriff], cache: Path | None = None) -> bytes:
    """The ``search_index.json`` the site publishes, from the one Material wrote (``material``).

    With ``cache`` (the build's store folder) it is kept under Material's index, the synonyms, the code and the
    word list: a build whose pages are unchanged writes it back without splitting a word.
    """
    def neu() -> dict[str, bytes]:
        splitter = Splitter.remembering(cache / WORTTEILE) if cache else Splitter(words)
        index = enrich(json.loads(material), synonyms, splitter)
        if cache:
            splitter.save(cache / WORTTEILE)
        return {NAME: json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode()}

    eingaben = (material, inhalt(synonyms), Splitter.key(WORTLISTE).encode())
    return aus_den_daten(cache, "suchverzeichnis", (), eingaben, neu)[NAME]
