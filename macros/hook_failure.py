"""How every hook reports a problem: ``mkdocs build`` stops, ``mkdocs serve`` logs and keeps the preview alive.

While serving, errors go to a logger outside "mkdocs": strict mode counts every mkdocs warning and
then leaves the preview hanging ("server will appear stuck") until the error is fixed.
"""
from __future__ import annotations

import logging

from mkdocs.exceptions import PluginError

_preview_log = logging.getLogger("handlungskonzept.vorschau")
if not _preview_log.handlers:  # serve may execute the hook modules again when it reloads the config
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("FEHLER  -  %(message)s"))
    _preview_log.addHandler(_handler)
    _preview_log.propagate = False

_serving = False


def on_startup(command: str) -> None:
    """Called from ``build_hooks.on_startup``: remember whether this run is the editors' preview."""
    global _serving
    _serving = command == "serve"


def serving() -> bool:
    return _serving


def fail(message: str) -> None:
    """Stop a build; while serving, log and keep the preview alive."""
    if _serving:
        _preview_log.error(message)
    else:
        raise PluginError(message)
