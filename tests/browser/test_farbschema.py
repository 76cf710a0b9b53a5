"""Browser storage and the header in a real Chromium behind the real nginx: nothing is stored until
the reader chooses a colour scheme (TDDDG § 25 Abs. 2 Nr. 2), and the link "Leichte Sprache" is on
screen at every width."""
from __future__ import annotations

import json

STORAGE = "() => ({local: {...localStorage}, session: {...sessionStorage}, cookie: document.cookie})"
SCHEME = "() => document.body.dataset.mdColorScheme"
EMPTY = {"local": {}, "session": {}, "cookie": ""}


def storage(watched) -> dict:
    return watched.page.evaluate(STORAGE)


def test_nothing_stored_until_the_reader_chooses(open_page):
    watched = open_page(scheme="light")
    watched.goto("/partner/", settle=True)
    page = watched.page
    assert storage(watched) == EMPTY
    watched.goto("/regionalkonferenzen/", settle=True)  # a second page stores nothing either
    assert storage(watched) == EMPTY and watched.context.cookies() == []

    page.locator(".md-header label[for^='__palette_']:visible").click()
    page.wait_for_function("s => document.body.dataset.mdColorScheme === s", arg="slate")
    stored = storage(watched)
    assert list(stored["local"]) == ["/.__palette"] and stored["session"] == {} and stored["cookie"] == ""
    assert json.loads(stored["local"]["/.__palette"])["color"]["scheme"] == "slate"

    watched.goto("/partner/", settle=True)  # the choice holds on the next page
    assert page.evaluate(SCHEME) == "slate"
    assert list(storage(watched)["local"]) == ["/.__palette"]
    assert watched.context.cookies() == []
    assert not watched.take_problems()


def test_without_storage_the_page_follows_the_device(open_page):
    """Each page load takes the device's scheme while the reader has chosen none. (Material stored the
    scheme of the first page, so a later change of the device setting was ignored on every next page.)"""
    watched = open_page(scheme="dark")
    watched.goto("/", settle=True)
    page = watched.page
    assert page.evaluate(SCHEME) == "slate"
    page.emulate_media(color_scheme="light")  # the reader switches the device, not the site
    watched.goto("/partner/", settle=True)
    assert page.evaluate(SCHEME) == "default"
    assert storage(watched) == EMPTY
    assert not watched.take_problems()


def test_leichte_sprache_link_is_on_screen(open_page):
    """In the header at desktop and phone width, inside the header bar, and it leads to the page."""
    watched = open_page(width=1280)
    watched.goto("/partner/", settle=True)  # the search worker's requests finish before the click
    page = watched.page
    link = page.get_by_role("link", name="Leichte Sprache", exact=True).and_(page.locator(".md-header a"))
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        assert link.is_visible(), width
        box = link.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width and box["y"] + box["height"] <= 48, (width, box)
    with page.expect_navigation():
        link.click()
    assert page.url == watched.server.url("/leichte-sprache/")
    watched.settle()
    assert not watched.take_problems()
