"""Shared fixtures: sites built once per session from the real and the complete test data."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "daten-vollstaendig"


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


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site as published from ``data/``."""
    target = tmp_path_factory.mktemp("site")
    result = build_site(target)
    assert result.returncode == 0, result.stderr
    return target


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The site built from the complete test data set: every feature has something to show."""
    target = tmp_path_factory.mktemp("fixture-site")
    result = build_site(target, data_dir=FIXTURE_DATA)
    assert result.returncode == 0, result.stderr
    return target
