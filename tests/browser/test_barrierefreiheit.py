"""Every page of the site in a real Chromium: axe-core clean, nothing from other hosts, no errors,
and the basics a keyboard or screen-reader user relies on."""
from __future__ import annotations

import pytest

#: What axe checks: every rule of WCAG 2.1 A and AA, and its best practices.
AXE_RULES = {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}
#: In the dark palette only the colours differ (same page, same elements), so there axe checks the colour rules.
AXE_COLOUR_RULES = {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}
NOT_FOUND = "/gibt-es-nicht/"  # any unknown path shows the 404 page
# Every palette at every width, on the complete fixture site and on the site as published
# (open items instead of data).
VIEWS = [pytest.param(data, scheme, width, id=f"{label}-{scheme_label}-{width}px")
         for data, label in [("fixture", "testdaten"), ("real", "echt")]
         for scheme, scheme_label in [("light", "hell"), ("dark", "dunkel")]
         for width in [1280, 375]]
PALETTES = {"light": "default", "dark": "slate"}  # Material's data-md-color-scheme per browser setting
SITES = {"fixture": ("server", "pages"), "real": ("real_server", "real_pages")}  # fixture names

RUN_AXE = """only => axe.run(document, {runOnly: only, resultTypes: ["violations"]}).then(result => result.violations)"""

FOCUS_STATE = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const area = e => { const box = e.getBoundingClientRect();  // visible part inside the viewport
    const width = Math.min(box.right, innerWidth) - Math.max(box.left, 0);
    const height = Math.min(box.bottom, innerHeight) - Math.max(box.top, 0);
    return Math.max(width, 0) * Math.max(height, 0); };
  const ring = e => { const style = getComputedStyle(e);
    return (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none"; };
  // Visually hidden inputs (Material's palette switch) show their focus on the label next to them.
  const labels = [...(element.labels || [])];
  const next = element.nextElementSibling;
  if (next && next.tagName === "LABEL") labels.push(next);
  const shown = area(element) > 0 ? [element] : labels.filter(label => area(label) > 0);
  const name = (element.getAttribute("aria-label") || element.textContent || element.getAttribute("title") || "")
    .trim().replace(/\\s+/g, " ").slice(0, 40);
  return {
    description: `<${element.tagName.toLowerCase()} class="${element.getAttribute("class") || ""}"> „${name}“`,
    shown: shown.length > 0 && getComputedStyle(element).visibility !== "hidden",
    skip: element.matches("a.hk-sprunglink[href='#hk-inhalt']"),
    ring: shown.some(ring),
  };
}"""


def describe(path: str, violations: list[dict]) -> str:
    """One readable block per axe violation: rule, impact, help text and the offending nodes."""
    lines = []
    for violation in violations:
        lines.append(f"{path}: {violation['id']} ({violation['impact']}) – {violation['help']}\n"
                     f"    {violation['helpUrl']}")
        for node in violation["nodes"][:5]:
            summary = node["failureSummary"].replace("\n", "\n        ")
            lines.append(f"    {' '.join(map(str, node['target']))}: {node['html'][:160]}\n        {summary}")
    return "\n".join(lines)


def focus_walk(page, path: str) -> list[str]:
    """Tab through the page once: every stop is visible and ringed; then the skip link, which must
    be the first stop, moves focus to the article."""
    report = []
    stops = 0
    while (state := page.keyboard.press("Tab") or page.evaluate(FOCUS_STATE)) is not None:
        stops += 1
        if stops == 1 and state["skip"] is False:
            report.append(f"{path}: erstes Tab-Ziel ist {state['description']}, nicht der Sprunglink")
        if not state["shown"]:
            report.append(f"{path}: Fokus auf unsichtbarem Element {state['description']}")
        elif not state["ring"]:
            report.append(f"{path}: kein sichtbarer Fokusrahmen an {state['description']}")
        if stops > 400:
            return [*report, f"{path}: Tab-Reihenfolge endet nicht"]
    # Focus has left the page; the next Tab starts over at the skip link.
    page.keyboard.press("Tab")
    state = page.evaluate(FOCUS_STATE)
    if not (state and state["skip"]):
        return [*report, f"{path}: Fokus ging nach {stops} Tab-Zielen verloren; danach kam "
                         f"{state and state['description']} statt des Sprunglinks"]
    page.keyboard.press("Enter")
    if page.evaluate("() => document.activeElement.id") != "hk-inhalt":
        report.append(f"{path}: Sprunglink setzt den Fokus nicht auf den Inhalt (#hk-inhalt)")
    return report


def one_of_each_kind(paths: list[str]) -> set[str]:
    """Every page of its own, but only the first of the pages below a list (conferences, news posts),
    which share one layout."""
    first: dict[str, str] = {}
    for path in sorted(paths):
        parts = path.strip("/").split("/")
        first.setdefault(parts[0] + "/*" if len(parts) > 1 else path, path)
    return set(first.values())


def test_one_page_of_each_kind():
    assert one_of_each_kind(["/", "/partner/", "/regionalkonferenzen/", "/regionalkonferenzen/haan/",
                             "/regionalkonferenzen/erkrath/", "/aktuelles/2026-11-25-x/", "/gibt-es-nicht/"]) == {
        "/", "/partner/", "/regionalkonferenzen/", "/regionalkonferenzen/erkrath/", "/aktuelles/2026-11-25-x/",
        "/gibt-es-nicht/"}


@pytest.mark.parametrize("data, scheme, width", VIEWS)
def test_every_page_in_every_view(request, open_page, data, scheme, width):
    """Per page: axe-core clean (in the dark palette: its colours), nothing from other hosts, no errors, the palette asked for, and
    (one page load serves both; in the light palette at both widths) visible keyboard focus with a
    working skip link."""
    server, pages = (request.getfixturevalue(name) for name in SITES[data])
    watched = open_page(on=server, scheme=scheme, width=width)
    walked_on_phones = one_of_each_kind([*pages, NOT_FOUND])
    report = []
    for path in [*pages, NOT_FOUND]:
        watched.goto(path, status=404 if path == NOT_FOUND else 200, settle=True)
        report += [f"{path}: {problem}" for problem in watched.take_problems()]
        if (palette := watched.page.get_attribute("body", "data-md-color-scheme")) != PALETTES[scheme]:
            report.append(f"{path}: Farbschema {palette} statt {PALETTES[scheme]}")
        violations = watched.page.evaluate(RUN_AXE, AXE_RULES if scheme == "light" else AXE_COLOUR_RULES)
        if violations:
            report.append(describe(path, violations))
        # After axe: the walk ends with a jump that scrolls and fades the header title. The fixture site has
        # every kind of focusable element; what is shown and ringed depends on the width, not the palette
        # (the palettes differ in colours only, which axe checks in both). On a phone the page frame (menu
        # drawer, header, footer) is the same on every page, so there one page of each kind is walked.
        if data == "fixture" and scheme == "light" and (width > 600 or path in walked_on_phones):
            report += focus_walk(watched.page, path)
    assert not report, f"{len(report)} Befund(e) ({scheme}, {width} px):\n" + "\n".join(sorted(set(report)))


def test_language_heading_and_title(open_page, pages):
    watched = open_page()
    titles: dict[str, str] = {}
    report = []
    for path in pages:
        watched.goto(path)
        page = watched.page
        if page.get_attribute("html", "lang") != "de":
            report.append(f"{path}: <html lang> ist nicht „de“")
        if (count := page.locator("h1").count()) != 1:
            report.append(f"{path}: {count} h1-Überschriften statt genau einer")
        title = page.title().strip()
        if not title:
            report.append(f"{path}: leerer <title>")
        elif title in titles:
            report.append(f"{path}: <title> „{title}“ auch auf {titles[title]}")
        titles.setdefault(title, path)
    assert not report, "\n".join(report)


def test_the_watch_reports_a_request_to_another_host_which_never_leaves_the_machine(open_page):
    """What every page test relies on: a resource from another host is a finding, and Chromium cannot fetch it."""
    watched = open_page()
    failed = {}
    watched.page.on("requestfailed", lambda request: failed.update({request.url: request.failure}))
    watched.page.set_content('<img src="https://www.example.org/bild.png" alt="">'
                             '<img src="http://192.0.2.1/bild.png" alt="">')  # no CSP on about:blank
    watched.settle()
    assert sorted(watched.take_problems()) == ["Anfrage an fremden Host: http://192.0.2.1/bild.png",
                                               "Anfrage an fremden Host: https://www.example.org/bild.png"]
    assert failed == {"https://www.example.org/bild.png": "net::ERR_NAME_NOT_RESOLVED",  # not even an address
                      "http://192.0.2.1/bild.png": "net::ERR_NAME_NOT_RESOLVED"}
