"""Feed and calendar ids are the same wherever the site is published: moving ``site_url`` must not make a
feed reader show every entry again or a calendar duplicate every event. Expected ids are literals."""
from __future__ import annotations

from pathlib import Path

import feedparser
import icalendar

from conftest import MOVED_SITE_URL

#: The complete test data: ten dated conferences, one per town, in date order.
ORTE = ("erkrath", "haan", "heiligenhaus", "hilden", "langenfeld", "mettmann", "monheim-am-rhein", "ratingen",
        "velbert", "wuelfrath")
UIDS = [f"regionalkonferenz-{ort}@handlungskonzept.kreis-mettmann" for ort in ORTE]
#: uuid5 of the site-relative address in the project's namespace, written out.
FEED_ID = "urn:uuid:aee7e891-b45b-5733-b983-b86be6099e01"
HILDEN_ID = "urn:uuid:bd90bb4e-1cf5-5387-9d65-78c58f7b331d"
POST_ID = "urn:uuid:74f37654-ddae-57d4-a56c-90619695f119"


def feed_ids(site: Path) -> tuple[str, dict[str, str]]:
    """The feed's own id and, per entry, site-relative address → id."""
    parsed = feedparser.parse((site / "aktuelles/feed.xml").read_bytes())
    base = next(link.href for link in parsed.feed.links if link.rel == "self").removesuffix("aktuelles/feed.xml")
    return parsed.feed.id, {entry.link.removeprefix(base): entry.id for entry in parsed.entries}


def calendar_uids(site: Path) -> dict[str, tuple[str, list[str], list[str]]]:
    """Per .ics file: the calendar's UID, its events' UIDs and its events' URLs."""
    found = {}
    for path in sorted(site.rglob("*.ics")):
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        found[path.relative_to(site).as_posix()] = (str(calendar["UID"]), [str(e["UID"]) for e in calendar.events],
                                                    [str(e["URL"]) for e in calendar.events])
    return found


def test_feed_ids_do_not_follow_site_url(fixture_site, fixture_site_moved):
    feed_id, entries = feed_ids(fixture_site)
    moved_id, moved_entries = feed_ids(fixture_site_moved)
    assert feed_id == moved_id == FEED_ID
    assert entries == moved_entries
    assert entries["regionalkonferenzen/hilden/"] == HILDEN_ID
    assert entries["aktuelles/2026-11-25-stand-der-arbeit/"] == POST_ID
    assert len(entries) == len(set(entries.values())) == 11
    links = [e.link for e in feedparser.parse((fixture_site_moved / "aktuelles/feed.xml").read_bytes()).entries]
    assert f"{MOVED_SITE_URL}regionalkonferenzen/hilden/" in links  # the addresses did move


def test_calendar_uids_do_not_follow_site_url(fixture_site, fixture_site_moved):
    here, moved = calendar_uids(fixture_site), calendar_uids(fixture_site_moved)
    assert list(here) == list(moved) == sorted(
        ["regionalkonferenzen/termine.ics"] + [f"regionalkonferenzen/{ort}/termin.ics" for ort in ORTE])
    for name in here:
        assert here[name][:2] == moved[name][:2], name
    assert here["regionalkonferenzen/termine.ics"][:2] == (
        "regionalkonferenzen-termine@handlungskonzept.kreis-mettmann", UIDS)
    assert here["regionalkonferenzen/hilden/termin.ics"][:2] == (
        "regionalkonferenzen-hilden-termin@handlungskonzept.kreis-mettmann",
        ["regionalkonferenz-hilden@handlungskonzept.kreis-mettmann"])
    assert moved["regionalkonferenzen/hilden/termin.ics"][2] == [f"{MOVED_SITE_URL}regionalkonferenzen/hilden/"]
