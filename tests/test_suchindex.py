"""German compounds and synonyms in the search index, with Debian's word list (wngerman)."""
from __future__ import annotations

import json

import pytest

from handlungskonzept.model import Suchbegriff
from handlungskonzept.search_index import Splitter, enrich, words


@pytest.fixture(scope="module")
def splitter() -> Splitter:
    return Splitter(words())


@pytest.mark.parametrize("word, parts", [
    ("Regionalkonferenzen", {"regional", "konferenzen"}),
    ("Rechtsextremismus", {"rechts", "extremismus"}),
    ("Beratungsangebote", {"beratung", "angebote"}),  # linking „s“
    ("Kreisintegrationszentrum", {"kreis", "integrationszentrum", "integration", "zentrum"}),
])
def test_compounds_are_split_into_words(splitter, word, parts):
    assert parts <= splitter.parts(word)


@pytest.mark.parametrize("word", ["Konferenz", "Extremismus", "zusammen", "Maßnahmen", "Mettmann"])
def test_plain_words_stay_whole(splitter, word):
    assert splitter.parts(word) == frozenset()


def test_enrich_adds_parts_and_synonyms_in_fields_readers_never_see(splitter):
    index = {"config": {"fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
             "docs": [{"location": "presse/", "title": "Pressekontakt", "text": "<p>Kontaktdaten der Pressestelle</p>"},
                      {"location": "partner/", "title": "Partner", "text": "<p>Regionalkonferenzen</p>"}]}
    synonyms = [Suchbegriff(begriff="Kontakt", synonyme=["Ansprechpartner"])]
    presse, partner = enrich(json.loads(json.dumps(index)), synonyms, splitter)["docs"]
    assert "kontakt" in presse["titelteile"].split() and "Ansprechpartner" in presse["woerter"].split()
    assert "konferenzen" in partner["woerter"].split() and "Ansprechpartner" not in partner["woerter"]
    assert (presse["title"], presse["text"]) == (index["docs"][0]["title"], index["docs"][0]["text"])


def test_built_index_declares_its_fields(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert {"titelteile", "woerter"} <= set(index["config"]["fields"])
    overview = next(doc for doc in index["docs"] if doc["location"] == "regionalkonferenzen/")
    assert "konferenzen" in overview["titelteile"].split()
