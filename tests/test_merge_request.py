"""The merge-request pipeline (``.gitlab-ci.yml``) as a shell runner runs it, and its report for readers.

A project copy becomes a git repository with two commits: ``main``, and the branch ``aenderung`` that
changes one sentence of one chapter. Every job's ``before_script`` and ``script`` then run unchanged
with bash in its own fresh ``git clone`` of that branch, with the variables GitLab sets in a merge
request pipeline, side by side as parallel runners would. ``make vergleich`` is checked through the
``vergleichen`` job: it must name exactly the one changed page.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, copy_build_caches, copy_repo

CI_FILE = ROOT / ".gitlab-ci.yml"
CI = yaml.safe_load(CI_FILE.read_text(encoding="utf-8"))
_KEYWORDS = {"stages", "variables", "default", "workflow", "include", "image", "services", "cache",
             "before_script", "after_script"}
JOBS = {name: job for name, job in CI.items() if name not in _KEYWORDS and not name.startswith(".")}
#: Runs the whole suite: its script is checked, not run (the suite would run itself).
SUITE_JOB = "testen"
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"
CHAPTER = ROOT / "docs" / "partner.md"
#: The first line of prose of the chapter (after its heading) and the same line with its first word changed.
ALT = next(line for line in CHAPTER.read_text(encoding="utf-8").split("\n# ", 1)[1].splitlines()[1:]
           if line[:1].isalpha() and "{{" not in line)
WORT = ALT.split()[0]
NEU = ALT.replace(WORT, f"{WORT}-geändert", 1)


def commands(job: dict) -> list[str]:
    """What the runner executes: the job's ``before_script`` (or the default one), then its ``script``."""
    return [*job.get("before_script", CI.get("default", {}).get("before_script", [])), *job["script"]]


def readme_commands() -> set[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return {line.split("#")[0].strip() for block in re.findall(r"```sh\n(.*?)```", text, re.S) for line in block.splitlines()}


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=Redaktion", "-c", "user.email=redaktion@example.org", *args],
                          cwd=cwd, check=True, capture_output=True, text=True).stdout


def ci_environment(clone: Path, job: str, merge_request: bool) -> dict[str, str]:
    """A plain environment plus what GitLab sets: in a merge request pipeline there is no CI_COMMIT_BRANCH."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("HK_", "CI_", "PYTEST", "GITLAB"))}
    sha = git(clone, "rev-parse", "HEAD").strip()
    environment.update({"CI": "true", "GITLAB_CI": "true", "CI_JOB_NAME": job, "CI_PROJECT_DIR": str(clone),
                        "CI_DEFAULT_BRANCH": "main", "CI_COMMIT_SHA": sha})
    if merge_request:
        environment.update({"CI_PIPELINE_SOURCE": "merge_request_event", "CI_MERGE_REQUEST_IID": "1",
                            "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main",
                            "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME": "aenderung", "CI_COMMIT_REF_NAME": "aenderung"})
    else:
        environment.update({"CI_PIPELINE_SOURCE": "push", "CI_COMMIT_BRANCH": "main", "CI_COMMIT_REF_NAME": "main"})
    return environment


def fresh_clone(origin: Path, target: Path, branch: str) -> Path:
    """A clone as a runner makes it, with what GitLab's cache restores: the shared ``.venv`` linked in (older
    than the lock files, so no reinstall) and a copy of the build caches."""
    assert CI["default"]["cache"]["paths"] == [".venv/", ".cache/"]
    subprocess.run(["git", "clone", "--quiet", "--branch", branch, str(origin), str(target)], check=True)
    (target / ".venv").symlink_to((ROOT / ".venv").resolve())
    copy_build_caches(target)
    for lock in target.glob("requirements*.lock"):
        os.utime(lock, (0, 0))
    return target


def start(job: str, clone: Path, merge_request: bool = True) -> subprocess.Popen:
    script = "set -eo pipefail\n" + "\n".join(commands(JOBS[job])) + "\n"
    return subprocess.Popen(["bash", "-c", script], cwd=clone, env=ci_environment(clone, job, merge_request),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


@pytest.fixture(scope="module")
def origin(tmp_path_factory) -> Path:
    """The project as a repository: ``main``, and ``aenderung`` with one sentence of one chapter changed."""
    repo = copy_repo(tmp_path_factory.mktemp("origin") / "repo")
    git(repo, "init", "--quiet", "--initial-branch=main")
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "-m", "Stand vor der Änderung")
    git(repo, "checkout", "--quiet", "-b", "aenderung")
    chapter = repo / "docs" / "partner.md"
    text = chapter.read_text(encoding="utf-8")
    assert text.count(ALT) == 1
    chapter.write_text(text.replace(ALT, NEU), encoding="utf-8")
    git(repo, "commit", "--quiet", "-am", "Ein Satz im Kapitel Partner")
    return repo


@pytest.fixture(scope="module")
def jobs(origin, tmp_path_factory) -> dict[str, tuple[int, str, Path]]:
    """Every job except the suite itself, each in its own fresh clone: name → (exit code, output, clone)."""
    runners = tmp_path_factory.mktemp("runner")
    merge_request = [name for name, job in JOBS.items() if name not in (SUITE_JOB, "pages")]
    running = {name: (start(name, fresh_clone(origin, runners / name, "aenderung")), runners / name)
               for name in merge_request}
    results = {}
    for name, (process, clone) in running.items():
        output, _ = process.communicate(timeout=600)
        results[name] = (process.returncode, output, clone)
    # Pages runs on the default branch with the artifacts of the job it needs, as GitLab downloads them.
    pages = fresh_clone(origin, runners / "pages", "main")
    for need in JOBS["pages"]["needs"]:
        if isinstance(need, dict) and need.get("artifacts"):
            for path in JOBS[need["job"]]["artifacts"]["paths"]:
                shutil.copytree(results[need["job"]][2] / path, pages / path)
    process = start("pages", pages, merge_request=False)
    output, _ = process.communicate(timeout=120)
    results["pages"] = (process.returncode, output, pages)
    return results


def test_gitlab_ci_is_valid_against_gitlabs_schema(tmp_path):
    result = subprocess.run([str(CHECK_JSONSCHEMA), "--builtin-schema", "vendor.gitlab-ci", str(CI_FILE)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    broken = tmp_path / ".gitlab-ci.yml"  # the schema really checks: a misspelt keyword fails
    broken.write_text(CI_FILE.read_text(encoding="utf-8").replace("expose_as:", "expose_az:", 1), encoding="utf-8")
    result = subprocess.run([str(CHECK_JSONSCHEMA), "--builtin-schema", "vendor.gitlab-ci", str(broken)],
                            capture_output=True, text=True)
    assert result.returncode == 1 and "expose_az" in result.stdout


def test_pipeline_has_the_stages_and_reports_of_the_merge_request():
    assert CI["stages"] == ["prüfen", "bauen", "testen", "vergleichen", "veröffentlichen"]
    assert CI["default"]["image"].startswith("debian:")
    stages = {name: job["stage"] for name, job in JOBS.items()}
    assert stages == {"pruefen": "prüfen", "website": "bauen", "vorschau": "bauen", "testen": "testen",
                      "vergleichen": "vergleichen", "pages": "veröffentlichen"}
    assert JOBS["pruefen"]["artifacts"]["reports"]["junit"] == "pruefung.xml"
    assert JOBS["pruefen"]["artifacts"]["when"] == "always"  # the report matters most when the check fails
    assert JOBS["vorschau"]["artifacts"]["expose_as"] and JOBS["vorschau"]["artifacts"]["paths"] == ["vorschau/"]
    assert ".vergleich/bericht.html" in JOBS["vergleichen"]["artifacts"]["paths"]
    assert JOBS["vergleichen"]["artifacts"]["expose_as"]
    merge_request_only = [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert JOBS["vergleichen"]["rules"] == JOBS["vorschau"]["rules"] == merge_request_only
    assert JOBS["pages"]["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert JOBS["pages"]["artifacts"]["paths"] == ["public/"]


def test_suite_job_runs_exactly_the_readme_test_command():
    assert JOBS[SUITE_JOB]["script"] == ["make test"]
    assert "make test" in readme_commands()


@pytest.mark.parametrize("name", sorted(set(JOBS) - {SUITE_JOB}))
def test_job_script_passes_in_a_plain_shell_on_a_fresh_clone(jobs, name):
    returncode, output, clone = jobs[name]
    assert returncode == 0, output[-3000:]
    expected = {"pruefen": "pruefung.xml", "website": "site/index.html", "vorschau": "vorschau/index.html",
                "vergleichen": ".vergleich/bericht.html", "pages": "public/index.html"}[name]
    assert (clone / expected).is_file(), output[-3000:]
    for path in JOBS[name].get("artifacts", {}).get("paths", []):
        assert (clone / path).exists(), f"Artefakt {path} fehlt"


def test_check_job_writes_a_junit_report_gitlab_reads(jobs):
    clone = jobs["pruefen"][2]
    suite = ET.parse(clone / "pruefung.xml").getroot().find("testsuite")
    assert suite.get("failures") == "0" and suite.find("testcase").get("name") == "Daten in Ordnung"


def test_vergleich_names_exactly_the_changed_page(jobs):
    _, output, clone = jobs["vergleichen"]
    findings = [line.strip() for line in output.splitlines() if line.startswith("  ")]
    assert findings == ["geändert: /partner/ – Partner und Netzwerk"], output[-3000:]
    assert "verglichen mit origin/main" in output
    markdown = (clone / ".vergleich" / "bericht.md").read_text(encoding="utf-8")
    assert re.search(rf"^- {re.escape(ALT)}", markdown, re.M) and re.search(rf"^\+ {re.escape(NEU)}", markdown, re.M)
    assert markdown.count("\n### ") == 1 and "(`/partner/`)" in markdown


def test_vergleich_html_report_is_accessible_and_shows_the_changed_words(jobs):
    page = (jobs["vergleichen"][2] / ".vergleich" / "bericht.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(page, "html.parser")
    assert soup.html["lang"] == "de" and soup.title.string
    assert [h.name for h in soup.find_all(re.compile("^h[1-6]$"))][:3] == ["h1", "h2", "h2"]
    assert soup.main is not None and not soup.find_all(["script", "style"]) and not soup.select("[style]")
    [changed] = soup.select("section h3")
    assert changed.get_text(" ", strip=True) == "Partner und Netzwerk ( /partner/ )"
    assert [d.get_text() for d in soup.find_all("del")] == [f"{WORT} "]
    assert [i.get_text() for i in soup.find_all("ins")] == [f"{WORT}-geändert "]


def test_vergleich_without_changes_says_so(jobs):
    clone = jobs["vergleichen"][2]
    cache = clone / ".vergleich" / "bau"
    built = {path.name: (path / "index.html").stat().st_mtime_ns for path in cache.iterdir()}
    result = subprocess.run(["make", "vergleich", "BASIS=origin/aenderung"], cwd=clone,
                            env=ci_environment(clone, "vergleichen", True), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Keine Änderungen für Leserinnen und Leser (verglichen mit origin/aenderung)." in result.stdout
    assert "Keine Änderungen für Leserinnen und Leser." in (clone / ".vergleich" / "bericht.html").read_text(encoding="utf-8")
    # both sides are the clean commit the job just built: its cached build is reused, nothing is built again
    [(name, mtime)] = [(path.name, (path / "index.html").stat().st_mtime_ns) for path in cache.iterdir()]
    assert built[name] == mtime
    assert git(clone, "worktree", "list", "--porcelain").count("worktree ") == 1  # the temporary worktree is gone
