"""MkDocs hook: the project's own CSS and JS under content-hashed names, and a ``.gz`` beside every text file.

The templates ask for a file by its plain name (``hk_datei("assets/javascripts/hk-seite.js")``) and
for the style of their page (``hk_seitenstil(html)``); the sources under ``overrides/assets/`` are not
published as they are. What is bundled and how lives in ``handlungskonzept.ausgaben.assets``.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from handlungskonzept.ausgaben.assets import Delivery, compress
from handlungskonzept.zwischenspeicher import ordner

_delivery: Delivery | None = None
_written: set[str] = set()


def on_config(config):
    global _delivery
    _delivery = Delivery(Path(config.theme.custom_dir))
    _written.clear()
    return config


def on_files(files, config):
    for file in [f for f in files if f.src_uri in _delivery.sources]:
        files.remove(file)
    for name, content in _delivery.files.items():
        files.append(File.generated(config, name, content=content))
        _written.add(name)
    return files


def on_env(env, config, files):
    env.globals["hk_datei"] = _delivery.address
    env.globals["hk_seitenstil"] = _delivery.page_style
    return env


def _write_new(site: Path) -> None:
    for name in sorted(_delivery.files.keys() - _written):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(_delivery.files[name])
        _written.add(name)


def on_post_page(output: str, page, config) -> str:
    """A page style first asked for by this page is written now, before the privacy check reads the site."""
    _write_new(Path(config.site_dir))
    return output


@event_priority(-1000)  # last: every other hook has written its files
def on_post_build(config) -> None:
    _write_new(Path(config.site_dir))
    compress(Path(config.site_dir), ordner(config.config_file_path))
