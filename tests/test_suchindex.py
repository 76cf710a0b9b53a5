"""German compounds and synonyms in the search index, with Debian's word list (wngerman)."""
from __future__ import annotations

import json

import pytest

from handlungskonzept.daten.model import Suchbegriff
from handlungskonzept.ausgaben.search_index import Splitter, enrich, lunr_files, words


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


#: A word list small enough to know by heart: every split below follows from it and the rules alone.
KLEINE_LISTE = frozenset({"haus", "tür", "kinder", "garten", "arbeit", "zeit", "land", "gericht", "tinte", "fass",
                          "frau", "bau", "arbeiten", "amt", "kreis", "integration", "zentrum", "ober", "oberhaus"})


@pytest.mark.parametrize("word, parts", [
    ("Kindergarten", {"kinder", "garten"}),
    ("Arbeitszeit", {"arbeit", "zeit"}),  # linking „s“
    ("Landesgericht", {"land", "gericht"}),  # „es“
    ("Tintenfass", {"tinte", "fass"}),  # „n“
    ("Frauenhaus", {"frau", "haus"}),  # „en“
    ("Kreisintegrationszentrum", {"kreis", "integrationszentrum", "integration", "zentrum"}),  # parts of parts
    ("Haustüren", set()),  # no part of four letters on the right
    ("Bauarbeiten", set()),  # „bau“ is shorter than four letters
    ("Arbeitamt", set()),  # „amt“ too
    ("Landhaus", {"land", "haus"}),  # eight letters: the shortest compound
    ("Landbau", set()),  # seven
    ("Oberhausgarten", {"ober", "hausgarten", "haus", "garten", "oberhaus"}),  # two cuts: the parts of both
])
def test_compounds_split_by_the_rules(word, parts):
    assert Splitter(KLEINE_LISTE).parts(word) == frozenset(parts)


def test_each_word_is_split_once_and_the_list_read_only_when_needed():
    gelesen = []

    def liste():
        gelesen.append(1)
        return KLEINE_LISTE

    splitter = Splitter(liste, {"kindergarten": ["gemerkt"]})
    assert splitter.parts("Kindergarten") == frozenset({"gemerkt"}) and gelesen == [] and splitter.new == 0
    assert splitter.parts("Landhaus") == frozenset({"land", "haus"})
    assert gelesen == [1] and splitter.new == 2  # „landhaus“ and its right part „haus“
    new = splitter.new
    splitter.parts("landhaus")
    assert splitter.new == new and gelesen == [1]


def test_splits_are_remembered_for_the_same_word_list_only(tmp_path):
    liste = tmp_path / "ngerman"
    liste.write_text("Land\nHaus\n", encoding="utf-8")
    cache = tmp_path / "cache" / "teile.json"
    splitter = Splitter.remembering(cache, liste)
    assert splitter.parts("Landhaus") == frozenset({"land", "haus"})
    splitter.save(cache, liste)
    stat = liste.stat()
    gespeichert = json.loads(cache.read_text(encoding="utf-8"))
    assert gespeichert["schluessel"] == f"{liste}:{stat.st_size}:{stat.st_mtime_ns}:1"
    assert gespeichert["teile"]["landhaus"] == ["haus", "land"] and gespeichert["teile"]["haus"] == []
    assert sorted(p.name for p in cache.parent.iterdir()) == ["teile.json"]
    wieder = Splitter.remembering(cache, liste)
    assert wieder._parts["landhaus"] == frozenset({"land", "haus"}) and wieder.new == 0
    wieder.save(cache, tmp_path / "fehlt")  # nothing new: nothing written
    assert json.loads(cache.read_text(encoding="utf-8")) == gespeichert
    liste.write_text("Land\nHaus\nHof\n", encoding="utf-8")  # another list: the splits are made anew
    assert Splitter.remembering(cache, liste)._parts == {}
    cache.write_text("{kaputt", encoding="utf-8")
    assert Splitter.remembering(cache, liste)._parts == {}


def test_enrich_writes_parts_in_text_order_and_synonyms_of_terms_present():
    index = {"config": {"fields": {"title": {"boost": 1000}}},
             "docs": [{"location": "a/", "title": "Kindergarten und Landhaus", "text": "<b>Arbeitszeit</b> im Kindergarten"},
                      {"location": "b/", "title": "Haus", "text": "Kreis"},
                      {"location": "c/", "text": "Gericht"}]}
    synonyme = [Suchbegriff(begriff="Garten", synonyme=["Kita", "Kinderbetreuung"]),
                Suchbegriff(begriff="Kreis", synonyme=["Landkreis"])]
    a, b, c = enrich(index, synonyme, Splitter(KLEINE_LISTE))["docs"]
    assert a["titelteile"] == "garten kinder haus land"
    assert a["woerter"] == "arbeit zeit garten kinder Kita Kinderbetreuung"
    assert "titelteile" not in b and b["woerter"] == "Landkreis"
    assert c == {"location": "c/", "text": "Gericht"}
    assert index["config"]["fields"] == {"title": {"boost": 1000}, "titelteile": {"boost": 1000.0},
                                         "woerter": {"boost": 1.0}}


@pytest.mark.parametrize("languages, files", [
    (["en"], set()),
    (["de"], {"min/lunr.stemmer.support.min.js", "min/lunr.de.min.js"}),
    (["de", "en"], {"min/lunr.stemmer.support.min.js", "min/lunr.de.min.js", "min/lunr.multi.min.js"}),
    (["ja"], {"min/lunr.stemmer.support.min.js", "min/lunr.ja.min.js", "tinyseg.js"}),
    (["hi"], {"min/lunr.stemmer.support.min.js", "min/lunr.hi.min.js", "wordcut.js"}),
    (["th"], {"min/lunr.stemmer.support.min.js", "min/lunr.th.min.js", "wordcut.js"}),
])
def test_only_the_lunr_files_the_search_languages_load(languages, files):
    assert lunr_files(languages) == files


def test_word_list_and_cache_are_read_as_utf8_whatever_the_locale(tmp_path, c_locale):
    liste = tmp_path / "ngerman"
    liste.write_text("Grün\nFläche\n", encoding="utf-8")
    assert words(liste) == frozenset({"grün", "fläche"})
    cache = tmp_path / "teile.json"
    splitter = Splitter.remembering(cache, liste)
    assert splitter.parts("Grünfläche") == frozenset({"grün", "fläche"})
    splitter.save(cache, liste)
    assert '"grünfläche": ["fläche", "grün"]' in cache.read_text(encoding="utf-8")
    assert Splitter.remembering(cache, liste)._parts["grünfläche"] == frozenset({"grün", "fläche"})


def test_the_split_cache_may_live_deep_and_may_lack_its_splits(tmp_path):
    liste = tmp_path / "ngerman"
    liste.write_text("Land\nHaus\n", encoding="utf-8")
    cache = tmp_path / "a" / "b" / "teile.json"
    splitter = Splitter.remembering(cache, liste)
    splitter.parts("Landhaus")
    splitter.save(cache, liste)
    assert sorted(p.name for p in cache.parent.iterdir()) == ["teile.json"]
    stat = liste.stat()
    cache.write_text(json.dumps({"schluessel": f"{liste}:{stat.st_size}:{stat.st_mtime_ns}:1"}), encoding="utf-8")
    assert Splitter.remembering(cache, liste)._parts == {}


def test_an_entry_without_title_or_text_gets_only_what_it_has():
    index = {"config": {"fields": {}}, "docs": [{"location": "a/"}, {"location": "b/", "title": "Landhaus"}]}
    a, b = enrich(index, [Suchbegriff(begriff="xxxx", synonyme=["Treffer"])], Splitter(KLEINE_LISTE))["docs"]
    assert a == {"location": "a/"}  # a missing title or text is no word „xxxx“
    assert b == {"location": "b/", "title": "Landhaus", "titelteile": "haus land"}
