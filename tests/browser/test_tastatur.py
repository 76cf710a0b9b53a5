"""Keyboard-only journeys: search from any page, the navigation drawer on a phone. No cookies."""
from __future__ import annotations

import pytest

ACTIVE = """() => { const e = document.activeElement;
  return {tag: e.tagName.toLowerCase(), cls: e.getAttribute("class") || "", href: e.getAttribute("href"),
          text: (e.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 60)}; }"""
SEARCH_OPEN = "() => document.getElementById('__search').checked"
DRAWER_OPEN = "() => document.getElementById('__drawer').checked"
IN_DRAWER = "() => !!document.activeElement.closest('.md-sidebar--primary')"


def assert_clean(watched) -> None:
    """Nothing from other hosts, no failed requests or console errors, and no cookie was set."""
    problems = watched.take_problems()
    assert not problems, "\n".join(problems)
    assert watched.context.cookies() == [], "Cookies gesetzt"


def tab_to(page, selector: str, limit: int = 10) -> int:
    """Press Tab until the element matching ``selector`` has focus; return how many presses."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return presses
    raise AssertionError(f"{selector} nach {limit}× Tab nicht erreicht; Fokus auf {page.evaluate(ACTIVE)}")


def search_and_open_first_result(page, term: str) -> None:
    """Type into the focused search field, arrow down to the first result, open it with Enter."""
    assert page.evaluate(SEARCH_OPEN), "Suche ist nicht geöffnet"
    page.keyboard.type(term)
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate(ACTIVE)
    assert focused["tag"] == "a" and "md-search-result__link" in focused["cls"], focused
    with page.expect_navigation():
        page.keyboard.press("Enter")


@pytest.mark.parametrize("how", ["Tab", "/", "s"])
def test_search_by_keyboard_alone(open_page, how):
    watched = open_page()
    watched.goto("/partner/", settle=True)
    page = watched.page
    if how == "Tab":
        tab_to(page, ".md-search__input")
    else:
        page.keyboard.press(how)
        assert page.evaluate(ACTIVE)["cls"].startswith("md-search__input"), page.evaluate(ACTIVE)
    search_and_open_first_result(page, "Hilden")
    watched.settle()
    assert "/regionalkonferenzen/hilden/" in page.url or "Hilden" in page.locator("article").inner_text()
    assert page.locator("article").inner_text().count("Hilden") >= 1
    assert_clean(watched)


def test_search_at_phone_width(open_page):
    watched = open_page(width=375)
    watched.goto("/", settle=True)
    page = watched.page
    tab_to(page, ".md-search__input")
    assert page.locator(".md-search__input").is_visible()
    search_and_open_first_result(page, "Hilden")
    assert_clean(watched)


def test_drawer_opens_with_keyboard_and_closes_with_escape(open_page):
    watched = open_page(width=375)
    watched.goto("/regionalkonferenzen/", settle=True)
    page = watched.page
    menu = page.locator("button.hk-menueknopf")
    assert page.locator(".md-sidebar--primary").is_hidden(), "geschlossene Navigation ist sichtbar"
    tab_to(page, "button.hk-menueknopf")
    assert menu.get_attribute("aria-expanded") == "false"

    page.keyboard.press("Enter")
    assert page.evaluate(DRAWER_OPEN)
    assert menu.get_attribute("aria-expanded") == "true"
    for _ in range(2):  # focus is in the drawer, and Tab walks its visible links
        assert page.evaluate(IN_DRAWER), page.evaluate(ACTIVE)
        page.locator(":focus").wait_for(state="visible")
        page.keyboard.press("Tab")

    page.keyboard.press("Escape")
    assert not page.evaluate(DRAWER_OPEN)
    assert menu.get_attribute("aria-expanded") == "false"
    assert page.evaluate("() => document.activeElement.matches('button.hk-menueknopf')"), page.evaluate(ACTIVE)
    page.locator(".md-sidebar--primary").wait_for(state="hidden")

    page.keyboard.press("Space")
    assert page.evaluate(DRAWER_OPEN), "Leertaste öffnet die Navigation nicht"
    page.keyboard.press("Escape")
    assert not page.evaluate(DRAWER_OPEN)
    assert_clean(watched)


def test_search_from_the_404_page(open_page):
    """The 404 page's own search form hands the term to the start page (?q=), where Material's
    search opens with results."""
    watched = open_page()
    watched.goto("/gibt-es-nicht/", status=404, settle=True)
    page = watched.page
    tab_to(page, "#hk-fehlerseite-suchbegriff", limit=80)
    page.keyboard.type("Hilden")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == watched.server.url("/?q=Hilden"), page.url
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    assert page.evaluate(SEARCH_OPEN), "Suche ist nicht geöffnet"
    assert page.locator(".md-search__input").input_value() == "Hilden"
    results = page.locator(".md-search-result__item").all_inner_texts()
    assert any("Hilden" in result for result in results), results
    watched.settle()
    assert_clean(watched)


@pytest.mark.parametrize("scheme, name, switched", [("light", "Dunkles Farbschema einschalten", "slate"),
                                                    ("dark", "Helles Farbschema einschalten", "default")])
def test_colour_scheme_switch_by_keyboard(open_page, scheme, name, switched):
    """Tab reaches the switch that is on screen, named for what it does, and Enter uses it."""
    watched = open_page(scheme=scheme)
    watched.goto("/partner/", settle=True)
    page = watched.page
    tab_to(page, ".md-header .md-option", limit=15)
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == name
    assert page.evaluate("() => getComputedStyle(document.activeElement.nextElementSibling).display") != "none"
    assert page.evaluate("() => localStorage.length") == 0  # nothing stored before the choice
    page.keyboard.press("Enter")
    page.wait_for_function("s => document.body.dataset.mdColorScheme === s", arg=switched)
    assert page.evaluate("() => Object.keys(localStorage)") == ["/.__palette"]  # a choice by key counts too
    assert_clean(watched)
