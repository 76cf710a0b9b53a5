"""Search in Chromium through nginx: nothing of it loads before first use, and German queries find their page."""
from __future__ import annotations

import re

import pytest

#: What belongs to the search and must not load with a page: worker, index, lunr and its language files.
SEARCH_ASSET = re.compile(r"/search/search_index\.json$|/assets/javascripts/(workers|lunr)/")
#: The pages of the results shown, best first (Material lists a page's sections below it).
RESULT_PAGES = """() => [...new Set([...document.querySelectorAll('.md-search-result__item > .md-search-result__link')]
  .map(link => new URL(link.href).pathname))]"""
#: Material shows ten results and more as the list is scrolled; scroll to its end.
SHOW_ALL = """() => new Promise(done => { const list = document.querySelector('.md-search__scrollwrap');
  let before = -1;
  const step = () => { const now = document.querySelectorAll('.md-search-result__item').length;
    if (now === before) return done(); before = now; list.scrollTop = list.scrollHeight; setTimeout(step, 150); };
  step(); })"""

#: Query → the page expected among the first three results. Compounds are split for the index
#: („Rechtsextremismus“, „Kreisintegrationszentrum“, „Regionalkonferenz“); „Ansprechpartner“ stands on
#: no page and comes from data/suchbegriffe.yml (→ Kontakt).
QUERIES = {
    "Konferenz": "/regionalkonferenzen/",
    "Extremismus": "/begriffe/",
    "Beratung": "/hilfe/",
    "Ansprechpartner": "/barrierefreiheit/",  # its contact for accessibility feedback
    "Integrationszentrum": "/impressum/",  # the Kreisintegrationszentrum publishes the site
}


def search_requests(watched) -> list[str]:
    return [url for url in watched.requested if SEARCH_ASSET.search(url)]


@pytest.fixture
def watched_search(open_page, real_server):
    watched = open_page(on=real_server)
    watched.requested = []
    watched.page.on("request", lambda request: watched.requested.append(request.url))
    return watched


def results_for(page, query: str) -> list[str]:
    """Put ``query`` into the open search and return the result pages, best first. Material searches on
    each key released; the whole query goes in at once and one key follows, so only it is searched."""
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.wait_for_function("() => !document.querySelector('.md-search-result__item')")
    page.locator(".md-search__input").fill(query)
    page.keyboard.press("End")
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    return page.evaluate(RESULT_PAGES)


def test_search_loads_on_first_use_only(watched_search):
    """A full page load fetches nothing of the search; focusing the field fetches it, and a query finds."""
    watched = watched_search
    watched.goto("/partner/", settle=True)
    watched.page.wait_for_timeout(300)  # Material would have started its worker by now
    assert search_requests(watched) == [], search_requests(watched)

    watched.page.keyboard.press("/")
    assert results_for(watched.page, "Konferenz")
    fetched = search_requests(watched)
    assert any("/workers/search." in url for url in fetched), fetched
    assert any(url.endswith("/search/search_index.json") for url in fetched), fetched
    assert any(url.endswith("/lunr.de.min.js") for url in fetched), fetched
    watched.settle()
    assert not watched.take_problems()


def test_german_queries_find_their_page(watched_search):
    watched = watched_search
    watched.goto("/", settle=True)
    page = watched.page
    page.keyboard.press("/")
    report = []
    for query, expected in QUERIES.items():
        found = results_for(page, query)
        if expected not in found[:3]:
            report.append(f"„{query}“: {expected} nicht unter den ersten drei Treffern {found[:5]}")
    assert not report, "\n".join(report)
    watched.settle()
    assert not watched.take_problems()


def test_konferenz_finds_every_conference_page(watched_search, real_pages):
    """„Konferenz“ stands in no title; the split „Regional|konferenz“ finds the overview and every town's page."""
    watched = watched_search
    watched.goto("/regionalkonferenzen/", settle=True)
    watched.page.keyboard.press("s")
    results_for(watched.page, "Konferenz")
    watched.page.evaluate(SHOW_ALL)
    found = set(watched.page.evaluate(RESULT_PAGES))
    conferences = {path for path in real_pages if path.startswith("/regionalkonferenzen/")}
    assert len(conferences) == 11 and conferences <= found, sorted(conferences - found)
    assert not watched.take_problems()
