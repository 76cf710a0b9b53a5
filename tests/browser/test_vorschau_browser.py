"""The editors' preview in Chromium behind the real nginx: the banner and the highlighted open items
pass axe (WCAG 2.1 AA) and the keyboard walk in both palettes, under the same strict CSP as the published site."""
from __future__ import annotations

import pytest

from browser.conftest import start_nginx, stop_nginx
from browser.test_barrierefreiheit import AXE_RULES, RUN_AXE, describe, focus_walk
from conftest import DRAFT_PAGE
from handlungskonzept.daten import entwuerfe


@pytest.fixture(scope="module")
def preview_server(entwurf_projekt, tmp_path_factory):
    running = start_nginx(entwurf_projekt.vorschau, tmp_path_factory.mktemp("nginx-vorschau"))
    yield running
    stop_nginx(running)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_preview_banner_and_open_items_are_accessible(open_page, preview_server, scheme):
    watched = open_page(on=preview_server, scheme=scheme)
    report = []
    for path in ["/" + entwuerfe.url(DRAFT_PAGE), "/impressum/", "/regionalkonferenzen/erkrath/"]:
        watched.goto(path, settle=True)
        report += [f"{path}: {problem}" for problem in watched.take_problems()]
        banner = watched.page.locator("aside.hk-vorschau")
        assert banner.is_visible() and "Vorschau – nicht veröffentlicht" in banner.inner_text(), path
        if violations := watched.page.evaluate(RUN_AXE, AXE_RULES):
            report.append(describe(path, violations))
        if scheme == "light":  # the Tab order does not depend on the palette
            report += focus_walk(watched.page, path)  # the skip link stays the first Tab stop, the banner's next
    highlighted = watched.page.eval_on_selector(".hk-offen", "e => getComputedStyle(e, '::after').content")
    assert "offen:" in highlighted
    assert not report, "\n".join(report)
