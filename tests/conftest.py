"""Shared fixtures: sites built once per session from the real and the complete test data."""
from __future__ import annotations

import fcntl
import os
import pickle
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, TypeVar

import pytest
from bs4 import BeautifulSoup
from xdist.scheduler import LoadFileScheduling

from handlungskonzept.daten.model import STAEDTE

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "daten-vollstaendig"


def shared(name: str) -> Path:
    """A folder of ``shared/`` (the council document, the DCAT-AP.de shapes), which lies beside the project folder.

    Found beside this clone (as CI lays it out), beside its parent (a git worktree one level further down), or
    beside the local repository it was cloned from (``git clone . /tmp/x``). Never skipped: without it the
    tests that need it fail with a German message saying where it belongs.
    """
    origin = subprocess.run(["git", "config", "--get", "remote.origin.url"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    candidates = [ROOT.parent, ROOT.parent.parent, *([Path(origin).resolve().parent] if origin else [])]
    for folder in candidates:
        if (folder / "shared" / name).is_dir():
            return folder / "shared" / name
    raise AssertionError(f"Der Ordner shared/{name} fehlt: Er gehört neben den Projektordner "
                         f"({ROOT.parent / 'shared' / name}).")
#: The ten conference ids, in the order of the permanent URLs ``/regionalkonferenzen/<id>/``.
TOWNS = list(STAEDTE)


#: Fixtures that build a site or copy the project: a test using one runs MkDocs in a subprocess.
#: ``make mutation`` leaves such tests out (marker ``baut``) because a mutant in a subprocess goes unseen; it leaves
#: out the fuzz tests too, which load the data hundreds of times for every mutant.
BUILDING_FIXTURES = frozenset({"site", "fixture_site", "fixture_site_rebuilt", "fixture_site_moved", "repo_copy",
                               "either_site", "hostile_site", "cancelled_site", "entwurf_projekt",
                               "origin"})  # test_merge_request.py: the CI jobs run in clones of a project copy


def pytest_collection_modifyitems(items) -> None:
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {}).values()  # ("site", …) for getfixturevalue
        used = {*getattr(item, "fixturenames", ()), *(p for p in params if isinstance(p, str))}
        random_inputs = getattr(getattr(item, "obj", None), "is_hypothesis_test", False)  # hundreds of loads
        if BUILDING_FIXTURES.intersection(used) or "browser" in item.path.parts or random_inputs:
            item.add_marker(pytest.mark.baut)


#: Tests whose parameters each make a work unit of their own for pytest-xdist (``make test``): each takes a
#: minute or more, and a whole file in one process would leave the other waiting at the end.
ONE_UNIT_PER_PARAMETER = ("tests/browser/test_barrierefreiheit.py::test_every_page_in_every_view[",)


class _FileScheduling(LoadFileScheduling):
    """``--dist loadfile`` (a file's tests share its module fixtures in one process), except the tests above."""

    def _split_scope(self, nodeid: str) -> str:
        return nodeid if nodeid.startswith(ONE_UNIT_PER_PARAMETER) else super()._split_scope(nodeid)


def pytest_xdist_make_scheduler(config, log):
    if config.getoption("dist") == "loadfile":
        return _FileScheduling(config, log)
    return None


@pytest.fixture(scope="session", autouse=True)
def _subprocesses_run_the_original_code():
    """Under ``make mutation`` a subprocess would inherit the active mutant without mutmut's bookkeeping and stop.

    mutmut keeps the active mutant in the test process itself, so only child processes are affected: they run
    the original code (their results never count for a mutant anyway). Outside mutmut the variable is unset.
    """
    os.environ.pop("MUTANT_UNDER_TEST", None)


def soup(site: Path, url: str) -> BeautifulSoup:
    """The page published at ``url`` (site-relative, e.g. ``partner/``)."""
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def free_port() -> int:
    """A port the system just handed out and nobody listens on, so parallel test runs never collide."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def subprocess_env(root: Path = ROOT, env: dict[str, str] | None = None) -> dict[str, str]:
    """The environment ``make`` gives a command run in ``root``: its package on the path, no HK_* from outside."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith("HK_")}
    environment.update({"PYTHONPATH": str(root / "macros"), "NO_MKDOCS_2_WARNING": "1", **(env or {})})
    return environment


def build_site(target: Path, *, data_dir: Path | None = None, config: Path | None = None,
               env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run a strict ``mkdocs build`` as ``make site`` does; return the finished process."""
    environment = subprocess_env(env=env)
    if data_dir is not None:
        environment["HK_DATEN"] = str(data_dir)
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(target)]
    if config is not None:
        command += ["--config-file", str(config)]
    return subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True)


def copy_repo(target: Path) -> Path:
    """A working copy of the project (tracked and new, not ignored files) with the shared ``.venv`` and a
    copy of the build's caches (``.cache/``).

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
    copy_build_caches(target)
    return target


def copy_build_caches(target: Path) -> None:
    """A copy of the checkout's ``.cache/``: keyed by content and code, so what changed in ``target`` is built anew."""
    if (ROOT / ".cache").is_dir():
        shutil.copytree(ROOT / ".cache", target / ".cache", ignore=shutil.ignore_patterns("*.neu"))


def build_copy(repo: Path, target: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """``mkdocs build`` inside a copy made by ``copy_repo``."""
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(target)], cwd=repo,
                          env=subprocess_env(repo, env), capture_output=True, text=True, timeout=180)


@pytest.fixture
def repo_copy(tmp_path) -> Path:
    """A fresh copy of the project for one test."""
    return copy_repo(tmp_path / "repo")


def build_ok(target: Path, **kwargs) -> Path:
    """``build_site`` that must succeed; returns the built site."""
    result = build_site(target, **kwargs)
    assert result.returncode == 0, result.stderr
    return target


T = TypeVar("T")


def once_per_run(tmp_path_factory, name: str, make: Callable[[Path], T]) -> T:
    """``make(folder)`` once for the whole test run, however many pytest-xdist processes ask for it.

    The first process to ask makes it under a lock; the others wait and read its result, so a session site
    is built once, not once per process. Only for what no test changes.
    """
    if "PYTEST_XDIST_WORKER" not in os.environ:
        return make(tmp_path_factory.mktemp(name))
    shared = tmp_path_factory.getbasetemp().parent  # the run's folder, above each process's own
    target, result = shared / name, shared / f"{name}.pickle"
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not result.exists():
            shutil.rmtree(target, ignore_errors=True)  # what a process that failed left behind
            target.mkdir()
            result.write_bytes(pickle.dumps(make(target)))
    return pickle.loads(result.read_bytes())


def git_log(site: Path) -> Path:
    """Where the build of ``site`` (fixture ``site``) logged each call of git, one line per call."""
    return site.parent / f"{site.name}-git.log"


def logging_git(log: Path) -> dict[str, str]:
    """An environment whose ``git`` writes its arguments to ``log``, then runs the real git."""
    folder = log.with_suffix(".bin")
    folder.mkdir()
    stub = folder / "git"
    stub.write_text(f'#!/bin/sh\necho "$*" >> "{log}"\nexec {shutil.which("git")} "$@"\n', encoding="utf-8")
    stub.chmod(0o755)
    return {"PATH": f"{folder}:{os.environ['PATH']}"}


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site as published from ``data/``; its build's calls of git are logged (``git_log``)."""
    return once_per_run(tmp_path_factory, "site", lambda target: build_ok(target, env=logging_git(git_log(target))))


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The site built from the complete test data set: every feature has something to show."""
    return once_per_run(tmp_path_factory, "fixture-site", lambda target: build_ok(target, data_dir=FIXTURE_DATA))


@pytest.fixture(scope="session")
def fixture_site_rebuilt(tmp_path_factory) -> Path:
    """The same input built a second time: nothing may differ (no clock, no randomness)."""
    return once_per_run(tmp_path_factory, "fixture-site-2", lambda target: build_ok(target, data_dir=FIXTURE_DATA))


#: Where ``fixture_site_moved`` is published; every absolute URL must follow it.
MOVED_SITE_URL = "https://presse.example.org/handlungskonzept/"


@pytest.fixture(scope="session")
def fixture_site_moved(tmp_path_factory) -> Path:
    """The complete data published under another ``site_url``."""
    return once_per_run(tmp_path_factory, "fixture-site-moved", lambda target: build_ok(
        target, data_dir=FIXTURE_DATA, env={"HK_SITE_URL": MOVED_SITE_URL}))


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
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",  # no request reaches another host
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
    return subprocess.run([sys.executable, "-m", "handlungskonzept", "offen", *args], cwd=cwd,
                          env=subprocess_env(env=env), capture_output=True, text=True)


#: A file of a data set: its new text, a change of its old text, or ``None`` to remove it.
Edit = str | Callable[[str], str] | None


def copy_data(target: Path, source: Path = FIXTURE_DATA, **files: Edit) -> Path:
    """A copy of the data set ``source`` in ``target`` with the named files (``partner=…``) edited."""
    shutil.copytree(source, target)
    for key, edit in files.items():
        path = target / f"{key}.yml"
        if edit is None:
            path.unlink()
        else:
            path.write_text(edit if isinstance(edit, str) else edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return target


@pytest.fixture
def data_copy(tmp_path) -> Callable[..., Path]:
    """``data_copy(partner=…, source=ROOT / "data")``: a fresh copy of a data set with files edited (see copy_data)."""
    def make(source: Path = FIXTURE_DATA, **files: Edit) -> Path:
        return copy_data(tmp_path / f"daten-{len(list(tmp_path.glob('daten-*')))}", source, **files)
    return make


def page_text(title: str, body: str = "", **meta: str) -> str:
    """A Markdown page with the front matter every page needs (title, description, review dates) and an h1."""
    head = {"title": title, "description": f"Eine Testseite zum Thema {title}.", "geprueft": "2026-11-25",
            "pruefen_bis": "2027-05-25", **meta}
    front = "".join(f"{key}: {value}\n" for key, value in head.items())
    return f"---\n{front}---\n# {title}\n\n{body}"


@pytest.fixture(scope="session")
def fixture_daten():
    """The complete test data set, loaded once (the model every fixture page is built from)."""
    from handlungskonzept.daten.loader import load

    return load(FIXTURE_DATA, ROOT / "docs").daten


@pytest.fixture(params=["site", "fixture_site"])
def either_site(request) -> Path:
    """Each of the two session sites in turn: what holds for the real data holds for the complete test data."""
    return request.getfixturevalue(request.param)




#: The draft page and the draft post of ``entwurf_projekt`` (paths under docs/).
DRAFT_PAGE = "entwurf-seite.md"
DRAFT_POST = "aktuelles/2026-11-26-beitrag-im-entwurf.md"


@dataclass
class EntwurfProjekt:
    """A project copy with a draft page (in the menu) and a draft post, built every way at once."""
    repo: Path
    site: Path  #: ``make site``, run twice at the same time
    vorschau: Path  #: ``make vorschau``
    ziel: Path  #: ``make veroeffentlichen ZIEL=… TESTSYSTEM=1``
    laeufe: dict[str, subprocess.CompletedProcess]


def _draft(title: str, extra: str = "") -> str:
    return (f"---\ntitle: {title}\ndescription: Ein Text, der noch nicht erscheinen soll.\n{extra}entwurf: true\n"
            f"geprueft: 2026-11-25\npruefen_bis: 2027-05-25\n---\n# {title}\n\nNoch nicht freigegeben.\n")


@pytest.fixture(scope="session")
def entwurf_projekt(tmp_path_factory) -> EntwurfProjekt:
    """Two ``make site``, ``make vorschau`` and a test-system publication run concurrently in one copy:
    the concurrency test and every draft/preview test share these four builds."""
    return once_per_run(tmp_path_factory, "entwurf", _entwurf_projekt)


def _entwurf_projekt(folder: Path) -> EntwurfProjekt:
    repo = copy_repo(folder / "repo")
    (repo / "docs" / DRAFT_PAGE).write_text(_draft("Seite im Entwurf"), encoding="utf-8")
    (repo / "docs" / DRAFT_POST).write_text(_draft("Beitrag im Entwurf", "datum: 2026-11-26\n"), encoding="utf-8")
    config = repo / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - Begriffe: begriffe.md\n", f"  - Begriffe: begriffe.md\n  - Seite im Entwurf: {DRAFT_PAGE}\n"),
        encoding="utf-8")
    ziel = repo.parent / "server"
    befehle = {"site-1": ["site"], "site-2": ["site"], "vorschau": ["vorschau"],
               "testsystem": ["veroeffentlichen", f"ZIEL={ziel}", "TESTSYSTEM=1"]}
    env = {k: v for k, v in os.environ.items() if not k.startswith("HK_")}
    laufend = {name: subprocess.Popen(["make", "--silent", *args], cwd=repo, env=env, stdout=subprocess.PIPE,
                                      stderr=subprocess.STDOUT, text=True) for name, args in befehle.items()}
    laeufe = {}
    for name, process in laufend.items():
        output, _ = process.communicate(timeout=300)
        laeufe[name] = subprocess.CompletedProcess(process.args, process.returncode, output, "")
    return EntwurfProjekt(repo, repo / "site", repo / "vorschau", ziel, laeufe)


@pytest.fixture(scope="session")
def vorschau_site(entwurf_projekt) -> Path:
    """The editors' preview of the real data (plus two drafts): with the editors' notes (``data-offen``)."""
    assert entwurf_projekt.laeufe["vorschau"].returncode == 0, entwurf_projekt.laeufe["vorschau"].stdout
    return entwurf_projekt.vorschau


@pytest.fixture
def c_locale():
    """A machine whose locale is plain C, without UTF-8 (a bare CI image, ``LANG=C``): files must still be read as UTF-8."""
    import locale

    before = locale.setlocale(locale.LC_CTYPE)
    locale.setlocale(locale.LC_CTYPE, "C")
    yield
    locale.setlocale(locale.LC_CTYPE, before)
