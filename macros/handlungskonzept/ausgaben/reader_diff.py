"""„Was sich für Leserinnen und Leser ändert“ (``make vergleich BASIS=<git-ref>``).

Builds the published site of ``BASIS`` in a temporary ``git worktree`` and the site of the working
tree, then compares what readers get: pages added, removed and changed (by the main text of each
page, not its markup), addresses struck from the URL manifest, open items added and closed, new
external links, and drafts that became public. Each tree is built and asked for its open items with
its own code, so a change of the model between the two does not break the comparison. A build of a
clean tree is kept in ``.vergleich/bau/`` under the hash of its inputs and reused.
"""
from __future__ import annotations

import difflib
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import yaml

from ..daten import urls as manifest
from ..daten.pruefdatum import FRONT_MATTER
from . import page_text
from .components import make_environment
from ..zwischenspeicher import ORDNER

FOLDER = ".vergleich"
UNCHANGED = "Keine Änderungen für Leserinnen und Leser"
_TEMPLATES = Path(__file__).resolve().parent / "vorlagen"
#: Settings of the editors' preview or of another data folder: the comparison is of the published site.
_NOT_PUBLISHED = ("HK_DATEN", "HK_VORSCHAU")
_OPEN_ITEM_LINE = re.compile(r"^(?P<datei>[^\s:][^:]*):(?P<zeile>\d+): (?P<text>.+)$")


class ComparisonError(Exception):
    """The comparison could not be made; the message says why, in German."""


@dataclass(frozen=True)
class WordPart:
    text: str
    changed: bool


@dataclass(frozen=True)
class Passage:
    """One changed passage: the lines before and after, each as words marked changed or not."""

    before: list[list[WordPart]]
    after: list[list[WordPart]]


@dataclass(frozen=True)
class Page:
    url: str
    title: str


@dataclass(frozen=True)
class PageChange:
    url: str
    title: str
    passages: list[Passage]


@dataclass(frozen=True)
class Side:
    """One side of the comparison, read from its project folder and its built site."""

    folder: Path
    site: Path
    open_items: frozenset[str]
    drafts: dict[str, str]  # Markdown path → page address

    @property
    def addresses(self) -> set[str]:
        """The addresses of ``data/veroeffentlichte-urls.txt`` in this tree."""
        return set(manifest.lesen(self.folder / "data" / manifest.DATEI))


@dataclass
class Comparison:
    base: str
    added: list[Page] = field(default_factory=list)
    removed: list[Page] = field(default_factory=list)
    changed: list[PageChange] = field(default_factory=list)
    lost_addresses: list[str] = field(default_factory=list)
    new_open_items: list[str] = field(default_factory=list)
    closed_open_items: list[str] = field(default_factory=list)
    new_links: dict[str, list[str]] = field(default_factory=dict)  # link → pages showing it
    published_drafts: list[Page] = field(default_factory=list)  # title = Markdown path

    @property
    def empty(self) -> bool:
        return not any((self.added, self.removed, self.changed, self.lost_addresses,
                        self.new_open_items, self.closed_open_items, self.new_links,
                        self.published_drafts))


def compare(base: str, old: Side, new: Side) -> Comparison:
    """Compare two sides that are already built."""
    old_pages, new_pages = page_text.pages(old.site), page_text.pages(new.site)
    result = Comparison(base)
    result.added = [Page(url, new_pages[url].title) for url in sorted(new_pages.keys() - old_pages.keys())]
    result.removed = [Page(url, old_pages[url].title) for url in sorted(old_pages.keys() - new_pages.keys())]
    for url in sorted(old_pages.keys() & new_pages.keys()):
        passages = _passages(old_pages[url].lines, new_pages[url].lines)
        if passages:
            result.changed.append(PageChange(url, new_pages[url].title or old_pages[url].title, passages))
    result.lost_addresses = sorted(old.addresses - new.addresses)
    result.new_open_items = sorted(new.open_items - old.open_items)
    result.closed_open_items = sorted(old.open_items - new.open_items)
    known = {link for page in old_pages.values() for link in page.links}
    for url, page in new_pages.items():
        for link in page.links:
            if link not in known and url not in result.new_links.get(link, []):
                result.new_links.setdefault(link, []).append(url)
    result.new_links = dict(sorted(result.new_links.items()))
    result.published_drafts = [Page(address, path) for path, address in sorted(old.drafts.items())
                               if path not in new.drafts and (new.folder / path).is_file()]
    return result


def _passages(old: list[str], new: list[str]) -> list[Passage]:
    passages = []
    for kind, a1, a2, b1, b2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if kind == "equal":
            continue
        before = [[WordPart(line, True)] for line in old[a1:a2]]
        after = [[WordPart(line, True)] for line in new[b1:b2]]
        for i in range(min(len(before), len(after))):  # lines that replace each other: mark the changed words
            before[i], after[i] = _words(old[a1 + i], new[b1 + i])
        passages.append(Passage(before, after))
    return passages


def _words(old: str, new: str) -> tuple[list[WordPart], list[WordPart]]:
    a, b = re.findall(r"\S+\s*", old), re.findall(r"\S+\s*", new)
    before, after = [], []
    for kind, a1, a2, b1, b2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if a2 > a1:
            before.append(WordPart("".join(a[a1:a2]), kind != "equal"))
        if b2 > b1:
            after.append(WordPart("".join(b[b1:b2]), kind != "equal"))
    return before, after


def drafts(docs_dir: Path, shown: str = "docs") -> dict[str, str]:
    """Pages whose front matter says ``entwurf: true``: Markdown path → the address the page would have."""
    found = {}
    for path in sorted(docs_dir.rglob("*.md")):
        front = FRONT_MATTER.match(path.read_text(encoding="utf-8"))
        try:
            values = yaml.safe_load(front.group(1) or "") if front else None
        except yaml.YAMLError:
            continue  # the build names a broken front matter; here it is simply no draft
        if isinstance(values, dict) and values.get("entwurf") is True:
            relative = path.relative_to(docs_dir).with_suffix("").as_posix()
            folder = relative.removesuffix("index").rstrip("/")
            found[f"{shown}/{path.relative_to(docs_dir).as_posix()}"] = f"/{folder}/" if folder else "/"
    return found


# --- running it: git, builds, reports ---------------------------------------------------------------


def _git(repo: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True)
    if result.returncode:
        raise ComparisonError(f"git {' '.join(args)} ist fehlgeschlagen: {result.stderr.strip()}")
    return result.stdout.strip()


def _commit(repo: Path, ref: str) -> str:
    for candidate in (ref, f"origin/{ref}"):
        found = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{candidate}^{{commit}}"], cwd=repo,
                               capture_output=True, text=True)
        if found.returncode == 0:
            return found.stdout.strip()
    raise ComparisonError(f"„{ref}“ ist kein bekannter Stand in Git (weder Zweig, Tag oder Commit noch "
                          f"origin/{ref}). Beispiel: make vergleich BASIS=main")


def _environment(folder: Path) -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if k not in _NOT_PUBLISHED}
    environment.update({"PYTHONPATH": str(folder / "macros"), "NO_MKDOCS_2_WARNING": "1"})
    return environment


def _cache_key(tree: str) -> str:
    """The inputs of a build: the git tree and the settings read from the environment."""
    settings = sorted((k, v) for k, v in os.environ.items() if k.startswith("HK_") and k not in _NOT_PUBLISHED)
    return hashlib.sha256(repr((tree, settings)).encode()).hexdigest()[:20]


def _start_build(folder: Path, target: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(target)], cwd=folder,
                            env=_environment(folder), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _open_items(folder: Path) -> frozenset[str]:
    """The tree's open items as its own ``handlungskonzept offen`` lists them, without line numbers (lines move)."""
    listed = subprocess.run([sys.executable, "-m", "handlungskonzept", "offen"], cwd=folder,
                            env=_environment(folder), capture_output=True, text=True)
    matches = (_OPEN_ITEM_LINE.match(line) for line in listed.stdout.splitlines())
    return frozenset(f"{m['datei']}: {m['text']}" for m in matches if m)


def run(repo: Path, base: str) -> Comparison:
    """Build both sides (in parallel, reusing cached builds of clean trees), compare, write the reports."""
    repo = Path(_git(repo, "rev-parse", "--show-toplevel"))
    commit = _commit(repo, base)
    cache = repo / FOLDER / "bau"
    cache.mkdir(parents=True, exist_ok=True)
    clean = not _git(repo, "status", "--porcelain")
    keys = {"old": _cache_key(_git(repo, "rev-parse", f"{commit}^{{tree}}")),
            "new": _cache_key(_git(repo, "rev-parse", "HEAD^{tree}")) if clean else None}
    with tempfile.TemporaryDirectory(prefix="hk-vergleich-") as temp:
        worktree = Path(temp) / "basis"
        _git(repo, "worktree", "add", "--detach", "--quiet", str(worktree), commit)
        (repo / ORDNER).mkdir(exist_ok=True)  # keyed by content and code, so both sides share the build caches
        (worktree / ORDNER).symlink_to(repo / ORDNER)
        builds: dict[str, subprocess.Popen] = {}
        try:
            folders = {"old": worktree, "new": repo}
            sites = {side: cache / key if key else Path(temp) / "arbeitsstand" for side, key in keys.items()}
            builds = {side: _start_build(folders[side], site.with_name(site.name + ".teil"))
                      for side, site in sites.items() if not (site / "index.html").is_file()}
            for side, build in builds.items():
                _, errors = build.communicate()
                if build.returncode:
                    which = f"von {base}" if side == "old" else "des Arbeitsstands"
                    raise ComparisonError(f"Der Bau {which} ist fehlgeschlagen:\n{errors.strip()}")
                sites[side].with_name(sites[side].name + ".teil").rename(sites[side])
            for stale in cache.iterdir():  # keep only the builds of this comparison
                if stale not in sites.values():
                    shutil.rmtree(stale, ignore_errors=True)
            old, new = (Side(folders[s], sites[s], _open_items(folders[s]), drafts(folders[s] / "docs"))
                        for s in ("old", "new"))
            result = compare(base, old, new)
        finally:
            for build in builds.values():  # after a failure the other side's build must not outlive its folder
                if build.poll() is None:
                    build.kill()
                    build.communicate()
            subprocess.run(["git", "worktree", "remove", "--force", str(worktree)], cwd=repo, capture_output=True)
    write(result, repo / FOLDER)
    return result


def _markdown_environment() -> jinja2.Environment:
    """Markdown is not HTML: the report's Markdown version is rendered without HTML escaping."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(_TEMPLATES), autoescape=False,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                              keep_trailing_newline=True)


def write(result: Comparison, folder: Path) -> None:
    """The accessible HTML report and its Markdown version (for the merge request)."""
    folder.mkdir(parents=True, exist_ok=True)
    html = make_environment(_TEMPLATES).get_template("vergleich.html").render(v=result, keine=UNCHANGED)
    (folder / "bericht.html").write_text(html, encoding="utf-8")
    markdown = _markdown_environment().get_template("vergleich.md").render(v=result, keine=UNCHANGED)
    (folder / "bericht.md").write_text(markdown, encoding="utf-8")


def summary(result: Comparison) -> str:
    """The console summary: one line per page or finding, each with its address."""
    if result.empty:
        return f"{UNCHANGED} (verglichen mit {result.base})."
    lines = [f"Was sich für Leserinnen und Leser ändert (verglichen mit {result.base}):"]
    lines += [f"  geändert: {p.url} – {p.title}" for p in result.changed]
    lines += [f"  neu: {p.url} – {p.title}" for p in result.added]
    lines += [f"  entfernt: {p.url} – {p.title}" for p in result.removed]
    lines += [f"  Entwurf veröffentlicht: {p.url} ({p.title})" for p in result.published_drafts]
    lines += [f"  Adresse aus {manifest.DATEI} gestrichen: {url}" for url in result.lost_addresses]
    lines += [f"  neuer offener Punkt: {item}" for item in result.new_open_items]
    lines += [f"  offener Punkt erledigt: {item}" for item in result.closed_open_items]
    lines += [f"  neuer Link nach außen: {link} (auf {', '.join(urls)})" for link, urls in result.new_links.items()]
    return "\n".join(lines)
