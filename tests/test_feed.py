"""The Atom feed /aktuelles/feed.xml: valid, absolute, stable and deterministic."""
from __future__ import annotations

import datetime as dt

import feedparser
from bs4 import BeautifulSoup

from conftest import FIXTURE_DATA, MOVED_SITE_URL, ROOT
from handlungskonzept import feed
from handlungskonzept.aktuelles import Beitrag, beitraege
from handlungskonzept.loader import load
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
    daten = load(FIXTURE_DATA).daten
    base = site_url(fixture_site)
    links = [entry.link for entry in parsed(fixture_site).entries]
    expected = [base + b.url for b in beitraege(ROOT / "docs")] + [base + k.url for k in daten.regionalkonferenzen]
    assert sorted(links) == sorted(expected)


def test_conference_entry_reports_its_source_and_time(fixture_site, site):
    """``updated`` is the check date (the entry's time); the summary carries the source and its time."""
    daten = load(FIXTURE_DATA).daten
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


def test_editor_text_is_escaped():
    daten = load(FIXTURE_DATA).daten
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
