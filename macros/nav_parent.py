"""Breadcrumbs for pages kept out of the menu (conference pages, posts): their list page becomes their parent.

The menu is embedded in every page, so dozens of detail pages stay out of it; without a parent
Material shows them with no breadcrumb. The list page is found by its source file, not by its
menu title, so renaming the menu entry keeps the breadcrumbs.
"""
from __future__ import annotations

from collections.abc import Callable


def attach(nav, files, list_src: str, belongs: Callable[[str], bool]) -> None:
    """Every page outside the menu whose source path satisfies ``belongs`` gets the page ``list_src`` as parent."""
    liste = next((p for p in nav.pages if p.file.src_uri == list_src), None)
    if liste is None:  # the list page is not in the menu: nothing to hang the pages on
        return
    for file in files.documentation_pages():
        page = file.page
        if page is not None and page.parent is None and page not in nav.pages and belongs(file.src_uri):
            page.parent = liste
