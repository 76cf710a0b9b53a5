"""The Atom feed /aktuelles/feed.xml: valid, absolute, stable and deterministic."""
from __future__ import annotations

import datetime as dt

import feedparser
from bs4 import BeautifulSoup

from conftest import MOVED_SITE_URL
from handlungskonzept.ausgaben import feed
from handlungskonzept.daten.aktuelles import Beitrag
from handlungskonzept.daten.model import Status
from test_metadaten import built_file, site_url


def parsed(site):
    result = feedparser.parse((site / "aktuelles" / "feed.xml").read_bytes())
    assert not result.bozo, result.get("bozo_exception")
    return result


def test_feed_is_valid_atom_with_absolute_links_to_built_pages(fixture_site):
    result = parsed(fixture_site)
    base = site_url(fixture_site)
    assert result.version == "atom10"
    assert result.feed.language == "de"
    assert {link.rel: link.href for link in result.feed.links} == {
        "self": f"{base}aktuelles/feed.xml", "alternate": f"{base}aktuelles/"}
    for entry in result.entries:
        assert entry.link.startswith(base), entry.link
        assert built_file(fixture_site, entry.link).is_file(), entry.link
        assert entry.title and entry.summary and entry.updated_parsed


def test_feed_holds_every_post_and_every_conference(fixture_site):
    base = site_url(fixture_site)
    links = [entry.link for entry in parsed(fixture_site).entries]
    assert sorted(links) == sorted([f"{base}aktuelles/2026-11-25-stand-der-arbeit/"] + [
        f"{base}regionalkonferenzen/{town}/" for town in ("erkrath", "haan", "heiligenhaus", "hilden", "langenfeld",
                                                         "mettmann", "monheim-am-rhein", "ratingen", "velbert",
                                                         "wuelfrath")])


def test_conference_entry_reports_its_source_and_time(fixture_site, site, fixture_daten):
    """``updated`` is the check date (the entry's time); the summary carries the source and its time."""
    daten = fixture_daten
    by_link = {entry.link: entry for entry in parsed(fixture_site).entries}
    base = site_url(fixture_site)
    for k in daten.regionalkonferenzen:
        entry = by_link[base + k.url]
        assert dt.date(*entry.updated_parsed[:3]) == dt.date(2027, 6, 30), k.id
        assert entry.summary.startswith("Laut Testbericht zu den Regionalkonferenzen (vom 1. Juni 2027) fand die "
                                        f"Regionalkonferenz in {k.stadt} am "), entry.summary
    echt = {entry.link.rsplit("/", 2)[-2]: entry.summary for entry in parsed(site).entries}
    assert echt["hilden"] == ("Laut Mitteilungsvorlage WP 14-20 SV 50/100 (undatiert, verfasst zwischen Februar 2017 "
                              "und Oktober 2020) war die Regionalkonferenz in Hilden geplant; vorgesehen war ein "
                              "erstes Quartal, das Jahr nennt die Vorlage nicht.")
    assert echt["haan"] == ("Die Mitteilungsvorlage WP 14-20 SV 50/100 (undatiert, verfasst zwischen Februar 2017 "
                            "und Oktober 2020) sagt zur Regionalkonferenz in Haan nichts Eigenes.")


def test_entry_ids_are_unique_and_do_not_depend_on_data_or_site_url(site, fixture_site):
    real, fixture = parsed(site), parsed(fixture_site)
    ids = [entry.id for entry in fixture.entries]
    assert len(ids) == len(set(ids)) and all(i.startswith("urn:uuid:") for i in ids)
    assert sorted(ids) == sorted(entry.id for entry in real.entries)


def test_rebuilding_gives_the_same_bytes(fixture_site, fixture_site_rebuilt):
    assert (fixture_site_rebuilt / "aktuelles/feed.xml").read_bytes() == (fixture_site / "aktuelles/feed.xml").read_bytes()


def test_feed_follows_site_url(fixture_site_moved):
    entries = parsed(fixture_site_moved).entries
    assert entries and all(entry.link.startswith(MOVED_SITE_URL) for entry in entries)


def test_editor_text_is_escaped(fixture_daten):
    daten = fixture_daten
    post = Beitrag(title="<b>Fett</b> & „Zitat“", description="a < b > c", datum=dt.date(2027, 1, 2),
                   datei="aktuelles/2027-01-02-test.md")
    result = feedparser.parse(feed.atom([post], daten, "https://www.beispiel.test/", "Titel"))
    assert not result.bozo
    entry = next(e for e in result.entries if e.link.endswith("/aktuelles/2027-01-02-test/"))
    assert entry.title == "<b>Fett</b> & „Zitat“"
    assert entry.summary == "a < b > c"


def test_feed_is_linked_visibly_from_aktuelles(fixture_site):
    soup = BeautifulSoup((fixture_site / "aktuelles/index.html").read_text(encoding="utf-8"), "html.parser")
    link = soup.find("a", type="application/atom+xml")
    assert "Feed abonnieren" in link.get_text()
    assert (fixture_site / "aktuelles" / link["href"]).resolve() == (fixture_site / "aktuelles/feed.xml").resolve()


def test_presse_chapter_links_feed_and_calendar_subscriptions(site):
    page = BeautifulSoup((site / "presse/index.html").read_text(encoding="utf-8"), "html.parser")
    hrefs = [a["href"] for a in page.find("article").find_all("a", href=True)]
    for target in ("aktuelles/feed.xml", "regionalkonferenzen/termine.ics"):
        [href] = [h for h in hrefs if h.endswith(target)]
        assert (site / "presse" / href).resolve().is_file(), href


def test_whole_feed_document_in_process(fixture_daten):
    """Every line of a small feed written out: order (newest first, ties by address), ids, dates, wording."""
    haan = fixture_daten.konferenz("haan").model_copy(update={"status": Status.abgesagt, "datum": None})
    hilden = fixture_daten.konferenz("hilden").model_copy(
        update={"status": Status.geplant, "datum": None, "zeitraum": "2. Quartal"})
    daten = fixture_daten.model_copy(update={"regionalkonferenzen": [hilden, haan]})
    posts = [Beitrag(title="Erster Beitrag", description="Ein Satz.", datum=dt.date(2027, 1, 5),
                     datei="aktuelles/2027-01-05-erster.md"),
             Beitrag(title="Zweiter Beitrag", description="Noch ein Satz.", datum=dt.date(2027, 2, 1),
                     aktualisiert=dt.date(2027, 7, 1), datei="aktuelles/2027-02-01-zweiter.md")]
    assert feed.atom(posts, daten, "https://www.beispiel.test/", "Testseite") == (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">\n'
    '  <id>urn:uuid:aee7e891-b45b-5733-b983-b86be6099e01</id>\n'
    '  <title>Aktuelles – Testseite</title>\n'
    '  <subtitle>Neuigkeiten und Regionalkonferenzen: Handlungskonzept gegen Rechtsextremismus und Rassismus des Kreises Mettmann</subtitle>\n'
    '  <updated>2027-07-01T00:00:00Z</updated>\n'
    '  <link rel="self" type="application/atom+xml" href="https://www.beispiel.test/aktuelles/feed.xml"/>\n'
    '  <link rel="alternate" type="text/html" href="https://www.beispiel.test/aktuelles/"/>\n'
    '  <author><name>Kreis Mettmann, Kreisintegrationszentrum</name></author>\n'
    '  <logo>https://www.beispiel.test/assets/bilder/teilen.png</logo>\n'
    '  <entry>\n'
    '    <id>urn:uuid:2836e191-747a-5c1c-abe3-ffa2dd75226a</id>\n'
    '    <title>Zweiter Beitrag</title>\n'
    '    <link rel="alternate" type="text/html" href="https://www.beispiel.test/aktuelles/2027-02-01-zweiter/"/>\n'
    '    <published>2027-02-01T00:00:00Z</published>\n'
    '    <updated>2027-07-01T00:00:00Z</updated>\n'
    '    <category term="Aktuelles"/>\n'
    '    <summary type="text">Noch ein Satz.</summary>\n'
    '  </entry>\n'
    '  <entry>\n'
    '    <id>urn:uuid:af2f74ec-59b0-5bbb-b077-443073e6fa77</id>\n'
    '    <title>Regionalkonferenz Haan</title>\n'
    '    <link rel="alternate" type="text/html" href="https://www.beispiel.test/regionalkonferenzen/haan/"/>\n'
    '    <updated>2027-06-30T00:00:00Z</updated>\n'
    '    <category term="Regionalkonferenzen"/>\n'
    '    <summary type="text">Laut Testbericht zu den Regionalkonferenzen (vom 1. Juni 2027) war die Regionalkonferenz in Haan abgesagt.</summary>\n'
    '  </entry>\n'
    '  <entry>\n'
    '    <id>urn:uuid:bd90bb4e-1cf5-5387-9d65-78c58f7b331d</id>\n'
    '    <title>Regionalkonferenz Hilden</title>\n'
    '    <link rel="alternate" type="text/html" href="https://www.beispiel.test/regionalkonferenzen/hilden/"/>\n'
    '    <updated>2027-06-30T00:00:00Z</updated>\n'
    '    <category term="Regionalkonferenzen"/>\n'
    '    <summary type="text">Laut Testbericht zu den Regionalkonferenzen (vom 1. Juni 2027) war die Regionalkonferenz in Hilden geplant; vorgesehen war 2. Quartal.</summary>\n'
    '  </entry>\n'
    '  <entry>\n'
    '    <id>urn:uuid:f0ebe1f8-dc92-588e-bb01-11703297060d</id>\n'
    '    <title>Erster Beitrag</title>\n'
    '    <link rel="alternate" type="text/html" href="https://www.beispiel.test/aktuelles/2027-01-05-erster/"/>\n'
    '    <published>2027-01-05T00:00:00Z</published>\n'
    '    <updated>2027-01-05T00:00:00Z</updated>\n'
    '    <category term="Aktuelles"/>\n'
    '    <summary type="text">Ein Satz.</summary>\n'
    '  </entry>\n'
    '</feed>\n')


def test_empty_feed_is_dated_by_the_check_date(fixture_daten):
    leer = feed.atom([], fixture_daten.model_copy(update={"regionalkonferenzen": []}), "https://www.beispiel.test/", "T")
    assert "  <updated>2027-06-30T00:00:00Z</updated>\n" in leer and "<entry>" not in leer
