"""Every chapter prints cleanly: Chromium's PDF holds the chapter's text and none of the navigation."""
from __future__ import annotations

import re
import subprocess

import pytest

# Text of the page chrome (header, navigation, breadcrumbs, footer) that the article itself
# does not contain: none of it may reach the paper.
CHROME_ONLY = """() => {
  const article = document.querySelector("article").innerText;
  const chrome = [...document.querySelectorAll(
    ".md-header, .md-sidebar, .md-path, .md-footer, .hk-sprunglink, .md-search")];
  const texts = chrome.flatMap(part => [...part.querySelectorAll("a, label, span, div, p")]
    .map(e => e.textContent.trim().replace(/\\s+/g, " ")));
  return [...new Set(texts)].filter(t => t.length > 3 && !article.includes(t));
}"""

# The chapter's heading (without its permalink sign) and the start of its first paragraph.
CHAPTER_TEXT = """() => {
  const heading = document.querySelector("article h1").cloneNode(true);
  heading.querySelectorAll(".headerlink").forEach(link => link.remove());
  const paragraph = document.querySelector("article p");
  const start = paragraph ? paragraph.innerText.trim().split(/\\s+/).slice(0, 12).join(" ") : "";
  return [heading.textContent.trim(), start].filter(Boolean);
}"""


def pdf_text(page) -> str:
    """The page printed to PDF by Chromium, read back with pdftotext (poppler-utils)."""
    pdf = page.pdf(format="A4")
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True)
    return result.stdout.decode("utf-8")


def squeeze(text: str) -> str:
    """Whitespace-free text, so URLs broken across lines still compare."""
    return re.sub(r"[\s\u00ad]+", "", text)


def words(text: str) -> str:
    """Text with every run of whitespace (line ends included) as one space."""
    return " ".join(text.split())


def contains_phrase(text: str, phrase: str) -> bool:
    """Whole-word match, so the menu item „Quellen“ is not found in „die Quelle nennt“."""
    return re.search(rf"(?<!\w){re.escape(words(phrase))}(?!\w)", text) is not None


def test_every_chapter_prints_its_text_without_navigation(open_page, pages):
    watched = open_page()
    report = []
    for path in pages:
        watched.goto(path)
        page = watched.page
        chrome = page.evaluate(CHROME_ONLY)
        expected = page.evaluate(CHAPTER_TEXT)
        printed = words(pdf_text(page))
        report += [f"{path}: „{text[:60]}“ fehlt im Druck" for text in expected if not contains_phrase(printed, text)]
        report += [f"{path}: Navigation/Kopf/Fuß „{text[:50]}“ im Druck" for text in chrome
                   if contains_phrase(printed, text)]
    assert not report, "\n".join(report)


def test_chapter_print_shows_link_addresses_and_keeps_boxes_whole(open_page):
    watched = open_page()
    watched.goto("/regionalkonferenzen/hilden/")
    page = watched.page
    printed = squeeze(pdf_text(page))
    page.emulate_media(media="print")
    external = page.eval_on_selector_all(  # links that are printed at all (not the edit button)
        "article a[href^='http']", "links => links.filter(a => a.getClientRects().length).map(a => a.href)")
    assert external, "Testseite braucht einen externen Link"
    for url in external:
        assert squeeze(url) in printed, f"Adresse {url} fehlt hinter dem Linktext"
    for selector in ["table", ".hk-faktenbox"]:
        for value in page.eval_on_selector_all(f"article {selector}",
                                               "els => els.map(e => getComputedStyle(e).breakInside)"):
            assert value == "avoid", selector


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_print_is_dark_text_on_white_in_both_palettes(open_page, scheme):
    watched = open_page(scheme=scheme)
    watched.goto("/partner/")
    watched.page.emulate_media(media="print", color_scheme=scheme)
    color = watched.page.eval_on_selector("article p", "p => getComputedStyle(p).color")
    channels = [float(c) for c in re.findall(r"[\d.]+", color)[:3]]
    assert max(channels) < 80, f"Drucktext {color} ist auf weißem Papier zu hell"


def test_internal_links_print_their_absolute_address(open_page, server):
    """Relative links mean nothing on paper: the PDF shows the full address after the link text."""
    watched = open_page()
    watched.goto("/presse/")
    page = watched.page
    printed = squeeze(pdf_text(page))
    contact = page.eval_on_selector("article a[href$='../quellen/']", "a => a.href")
    assert contact == server.url("/quellen/"), contact
    # pdftotext drops a hyphen where Chromium broke the line after it.
    assert f"({squeeze(contact)})".replace("-", "") in printed.replace("-", ""), \
        f"Adresse {contact} fehlt hinter dem Linktext"

    # Every other relative link too (in table cells pdftotext interleaves the columns, so ask the CSS).
    page.emulate_media(media="print")
    after = page.eval_on_selector_all(
        "article a[href]:not([href^='#']):not([href*=':'])",
        "links => links.map(a => [a.href, getComputedStyle(a, '::after').content])")
    assert len(after) > 1, after
    for url, content in after:
        assert content == f'" ({url})"', f"{url}: gedruckt wird {content}"
    anchors = page.eval_on_selector_all("article a[href^='#']",
                                        "links => links.map(a => getComputedStyle(a, '::after').content)")
    assert set(anchors) <= {"none"}, "Sprungmarken innerhalb der Seite bekommen keine Adresse"
