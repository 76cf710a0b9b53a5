"""The engine of the Handlungskonzept website, in two halves.

``daten`` reads and checks: it loads the YAML files and the pages' front matter into one validated
model and turns every problem into a German message with file, line and field. ``ausgaben`` produces:
from that model it renders the components and writes the derived files (calendars, feed, open data,
PDF, search words) and checks what was built. Data flow one way: nothing in ``daten`` imports ``ausgaben``.

Nothing in this package imports MkDocs, so that it survives a move away from MkDocs 1.x (ProperDocs,
Zensical). Only ``macros/main.py`` and the hook files ``macros/*_hooks.py`` (with their helpers
``hook_failure.py`` and ``nav_parent.py``) touch MkDocs.
"""
