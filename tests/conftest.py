"""Shared fixtures: sites built once per session from the real and the complete test data."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from handlungskonzept.model import STAEDTE

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "daten-vollstaendig"
#: The ten conference ids, in the order of the permanent URLs ``/regionalkonferenzen/<id>/``.
TOWNS = list(STAEDTE)


#: Fixtures that build a site or copy the project: a test using one runs MkDocs in a subprocess.
#: ``make mutation`` leaves such tests out (marker ``baut``) because a mutant in a subprocess goes unseen.
BUILDING_FIXTURES = frozenset({"site", "fixture_site", "fixture_site_rebuilt", "fixture_site_moved", "repo_copy",
                               "hostile_site", "cancelled_site"})


def pytest_collection_modifyitems(items) -> None:
    for item in items:
        if BUILDING_FIXTURES.intersection(getattr(item, "fixturenames", ())) or "browser" in item.path.parts:
            item.add_marker(pytest.mark.baut)


def soup(site: Path, url: str) -> BeautifulSoup:
    """The page published at ``url`` (site-relative, e.g. ``partner/``)."""
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def free_port() -> int:
    """A port the system just handed out and nobody listens on, so parallel test runs never collide."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def build_site(target: Path, *, data_dir: Path | None = None, config: Path | None = None,
               env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run a strict ``mkdocs build`` as ``make site`` does; return the finished process."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "macros"), "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    if data_dir is not None:
        environment["HK_DATEN"] = str(data_dir)
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(target)]
    if config is not None:
        command += ["--config-file", str(config)]
    return subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True)


def copy_repo(target: Path) -> Path:
    """A working copy of the project (tracked and new, not ignored files) with the shared ``.venv``.

    For tests that must change files or run ``make``: they never touch the real checkout.
    """
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file() and not source.is_symlink():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    (target / ".venv").symlink_to((ROOT / ".venv").resolve())
    return target


def build_copy(repo: Path, target: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """``mkdocs build`` inside a copy made by ``copy_repo``."""
    environment = {key: value for key, value in os.environ.items() if key != "HK_DATEN"}
    environment.update({"PYTHONPATH": str(repo / "macros"), "NO_MKDOCS_2_WARNING": "1", **(env or {})})
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(target)], cwd=repo,
                          env=environment, capture_output=True, text=True, timeout=180)


@pytest.fixture
def repo_copy(tmp_path) -> Path:
    """A fresh copy of the project for one test."""
    return copy_repo(tmp_path / "repo")


def build_ok(target: Path, **kwargs) -> Path:
    """``build_site`` that must succeed; returns the built site."""
    result = build_site(target, **kwargs)
    assert result.returncode == 0, result.stderr
    return target


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site as published from ``data/``."""
    return build_ok(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The site built from the complete test data set: every feature has something to show."""
    return build_ok(tmp_path_factory.mktemp("fixture-site"), data_dir=FIXTURE_DATA)


@pytest.fixture(scope="session")
def fixture_site_rebuilt(tmp_path_factory) -> Path:
    """The same input built a second time: nothing may differ (no clock, no randomness)."""
    return build_ok(tmp_path_factory.mktemp("fixture-site-2"), data_dir=FIXTURE_DATA)


#: Where ``fixture_site_moved`` is published; every absolute URL must follow it.
MOVED_SITE_URL = "https://presse.example.org/handlungskonzept/"


@pytest.fixture(scope="session")
def fixture_site_moved(tmp_path_factory) -> Path:
    """The complete data published under another ``site_url``."""
    return build_ok(tmp_path_factory.mktemp("fixture-site-moved"), data_dir=FIXTURE_DATA,
                    env={"HK_SITE_URL": MOVED_SITE_URL})


#: Debian's Chromium; Playwright never downloads a browser here.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--metrics-recording-only",
]


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the whole session (Playwright never downloads one here)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def projekt(tmp_path) -> Path:
    """A throw-away copy of docs/, data/ and mkdocs.yml to plant open items in."""
    for folder in ("docs", "data"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def offen(cwd: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """``python -m handlungskonzept offen`` in ``cwd``, as ``make offen`` runs it (no HK_* from outside)."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("HK_")}
    environment.update({"PYTHONPATH": str(ROOT / "macros"), **(env or {})})
    return subprocess.run([sys.executable, "-m", "handlungskonzept", "offen", *args], cwd=cwd, env=environment,
                          capture_output=True, text=True)
