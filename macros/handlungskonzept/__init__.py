"""Data layer of the Handlungskonzept website.

Nothing in this package imports MkDocs: it loads and validates the YAML data,
renders the components and writes the derived files, so that it survives a move
away from MkDocs 1.x (ProperDocs, Zensical). Only ``macros/main.py`` and
the hook files ``macros/*_hooks.py`` (with their helpers
``hook_failure.py`` and ``nav_parent.py``) touch MkDocs.
"""
