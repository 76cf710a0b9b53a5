"""``make benchmark``: figures side by side, with the target next to each; not a pytest module, no timed tests.

Run: ``make benchmark`` (or ``PYTHONPATH=macros .venv/bin/python tests/benchmark.py [teil …]`` with
teile ``bau``, ``site``, ``check``, ``uebertragung``, ``suche``, ``wachstum``, ``lighthouse``).

Timings alternate their commands (A B A B …) and report medians, so a machine that gets busier
during the run slows both sides alike. "Plain Material" builds the same ``docs/`` with macros and
hooks off (``mkdocs.yml`` minus ``hooks:`` and the macros plugin), so its pages show the raw
``{{ … }}``: the ratio is the cost of everything this project adds. Transfer is measured in Debian's
Chromium through a real nginx with ``deploy/nginx.conf``, each page type on a first visit (empty
cache): bytes of the response bodies as sent (gzip), headers separately. Lighthouse (performance,
accessibility, best practices, SEO) comes from the npm registry through ``npx``. Beside each build ratio stands
the ratio of processor instructions (valgrind's callgrind), which a busy machine does not change.
"""
from __future__ import annotations

import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "macros"), str(ROOT / "tests")]
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "macros"), "NO_MKDOCS_2_WARNING": "1"}
ENV.pop("HK_DATEN", None)
ROUNDS = int(os.environ.get("HK_BENCHMARK_RUNDEN", "5"))

#: Page type → address on the published site; the news post is the first one under aktuelles/.
PAGE_TYPES = {
    "Startseite": "/",
    "Kapitel": "/handlungskonzept/",
    "Regionalkonferenz": "/regionalkonferenzen/hilden/",
    "Partner": "/partner/",
    "Aktuelles (Beitrag)": None,
    "Leichte Sprache": "/leichte-sprache/",
    "Rechtliches": "/impressum/",
}
SEARCH_ASSET = re.compile(r"/search/search_index\.json$|/assets/javascripts/(workers|lunr)/")

TARGET_BUILD, TARGET_SITE, TARGET_TRANSFER, TARGET_GROWTH = 1.3, 1.4, 75 * 1024, 11.0


def line(label: str, figure: str, target: str = "") -> None:
    print(f"  {label:<52} {figure:>26}   {target}")


def verdict(ok: bool) -> str:
    return "erfüllt" if ok else "VERFEHLT"


def run(command: list[str], cwd: Path = ROOT, env: dict | None = None) -> None:
    result = subprocess.run(command, cwd=cwd, env=env or ENV, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} scheiterte:\n{result.stdout}{result.stderr}")


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def alternate(commands: dict[str, Callable[[], None]], rounds: int = ROUNDS) -> dict[str, float]:
    """Run each command once per round, in turn (A B A B …); the median wall-clock seconds of each.
    ``CPU[name]`` holds the median processor seconds, which other programs on the machine disturb less."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, command in commands.items():
            start, start_cpu = time.perf_counter(), _child_cpu()
            command()
            times[name].append(time.perf_counter() - start)
            cpu[name].append(_child_cpu() - start_cpu)
    CPU.update({name: statistics.median(values) for name, values in cpu.items()})
    return {name: statistics.median(values) for name, values in times.items()}


CPU: dict[str, float] = {}


def ratio_lines(medians: dict[str, float], a: str, b: str, label: str, target: float) -> None:
    """Wall-clock and processor-time ratio of ``a`` to ``b``; the target is judged on wall-clock time."""
    ratio = medians[a] / medians[b]
    line(label, f"{ratio:.2f}×", f"Ziel ≤ {target}× – {verdict(ratio <= target)}")
    line("  dasselbe in Prozessorzeit", f"{CPU[a] / CPU[b]:.2f}× ({CPU[a]:.2f} / {CPU[b]:.2f} s)")


@contextmanager
def plain_material(repo: Path) -> Iterator[Path]:
    """``mkdocs.yml`` of ``repo`` without hooks, macros and theme overrides, beside it while in use (same
    docs/, same Material settings)."""
    source = (repo / "mkdocs.yml").read_text(encoding="utf-8")
    config = yaml.load(source, Loader=_EnvLoader)
    config.pop("hooks", None)
    config["theme"].pop("custom_dir", None)  # the overrides need the hooks' template functions
    config["plugins"] = [plugin for plugin in config.get("plugins", [])
                         if not (isinstance(plugin, dict) and "macros" in plugin)]
    config["strict"] = False  # the raw {{ … }} makes links MkDocs cannot resolve
    target = repo / ".benchmark-material.yml"
    target.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    try:
        yield target
    finally:
        target.unlink()


class _EnvLoader(yaml.SafeLoader):
    """Reads ``!ENV [NAME, default]`` as its default."""


_EnvLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def mkdocs_command(site: Path, config: Path | None = None) -> list[str]:
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)]
    return command + ["--config-file", str(config)] if config is not None else command


def mkdocs(repo: Path, site: Path, config: Path | None = None) -> Callable[[], None]:
    env = {**ENV, "PYTHONPATH": str(repo / "macros")}
    return lambda: run(mkdocs_command(site, config), cwd=repo, env=env)


def instructions(command: list[str]) -> int | None:
    """The processor instructions of one run, counted by valgrind's callgrind: unlike times they come out the same
    for the same inputs however busy the machine is (``None`` without valgrind)."""
    if shutil.which("valgrind") is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        result = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={folder}/callgrind.out",
                                 *command], cwd=ROOT, env=ENV, capture_output=True, text=True)
    counted = re.search(r"Collected : (\d+)", result.stderr)
    if result.returncode != 0 or counted is None:
        sys.exit(f"{' '.join(command)} scheiterte unter valgrind:\n{result.stderr[-2000:]}")
    return int(counted.group(1))


def instruction_line(project: list[str], material: list[str]) -> None:
    counts = instructions(project), instructions(material)
    if None in counts:
        line("  dasselbe in Befehlen (callgrind)", "nicht gemessen", "valgrind fehlt (Debian-Paket valgrind)")
        return
    line("  dasselbe in Befehlen (callgrind)",
         f"{counts[0] / counts[1]:.2f}× ({counts[0] / 1e9:.2f} / {counts[1] / 1e9:.2f} Mrd.)")


def part_build(work: Path) -> None:
    print("Bau: Projekt gegen reines Material mit denselben Markdown-Dateien")
    with plain_material(ROOT) as material:
        medians = alternate({"projekt": mkdocs(ROOT, work / "projekt"),
                             "material": mkdocs(ROOT, work / "material", material)})
        line("mkdocs build (Projekt), Median", f"{medians['projekt']:.2f} s")
        line("mkdocs build (reines Material), Median", f"{medians['material']:.2f} s")
        ratio_lines(medians, "projekt", "material", "Verhältnis", TARGET_BUILD)
        instruction_line(mkdocs_command(work / "projekt"), mkdocs_command(work / "material", material))


def part_site(work: Path) -> None:
    print("make site im Ganzen (warm: Caches gefüllt) gegen den Bau mit reinem Material")
    make = lambda: run(["make", "--silent", "site"])  # noqa: E731
    make()  # warm: whatever make site caches by input hash is filled once
    with plain_material(ROOT) as material:
        medians = alternate({"site": make, "material": mkdocs(ROOT, work / "material", material)})
        line("make site, Median", f"{medians['site']:.2f} s")
        line("mkdocs build (reines Material), Median", f"{medians['material']:.2f} s")
        ratio_lines(medians, "site", "material", "Verhältnis zu reinem Material", TARGET_SITE)
        # the program make site runs, without make's check for Debian packages
        instruction_line([sys.executable, "macros/bau.py", "site"], mkdocs_command(work / "material", material))


def part_check(work: Path) -> None:
    print("make check (Datenprüfung)")
    medians = alternate({"check": lambda: run(["make", "--silent", "check"])})
    line("make check, Median", f"{medians['check']:.2f} s", "Ziel < 1 s – " + verdict(medians["check"] < 1))


def _served(site: Path, work: Path):
    from browser.conftest import start_nginx

    return start_nginx(site, work / f"nginx-{site.name}")


def _browser():
    from playwright.sync_api import sync_playwright

    from conftest import CHROMIUM, CHROMIUM_ARGS

    playwright = sync_playwright().start()
    return playwright, playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


class Visit:
    """One first visit in a fresh browser context: every response with its body and header bytes."""

    def __init__(self, browser, url: str, width: int = 412):
        self.context = browser.new_context(viewport={"width": width, "height": 800}, service_workers="block")
        self.page = self.context.new_page()
        self.responses: list = []
        self.page.on("requestfinished", lambda request: self.responses.append(request))
        self.page.goto(url, wait_until="load")
        self.quiet()

    def quiet(self, ms: int = 400) -> None:
        """Wait until nothing new was fetched for ``ms``: late requests (a worker's) count too."""
        count = -1
        while count != len(self.responses):
            count = len(self.responses)
            self.page.wait_for_timeout(ms)

    def size(self, since: int = 0, only: re.Pattern | None = None) -> tuple[int, int, int]:
        """(requests, body bytes, header bytes) of the responses from index ``since`` on."""
        picked = [r for r in self.responses[since:] if only is None or only.search(r.url)]
        sizes = [r.sizes() for r in picked]
        # Chromium reports no body size for a worker's own script: take what the server said it sent.
        bodies = [size["responseBodySize"] or int(request.response().headers.get("content-length", 0))
                  for request, size in zip(picked, sizes)]
        return len(picked), sum(bodies), sum(s["responseHeadersSize"] for s in sizes)

    def close(self) -> None:
        self.context.close()


def page_types(site: Path) -> dict[str, str]:
    posts = sorted(p.parent.name for p in (site / "aktuelles").glob("20*/index.html"))
    return {name: path or f"/aktuelles/{posts[0]}/" for name, path in PAGE_TYPES.items()}


def part_transfer(work: Path, site: Path | None = None) -> None:
    from browser.conftest import stop_nginx

    print("Erster Besuch je Seitentyp (Chromium über nginx mit deploy/nginx.conf, leerer Cache)")
    site = site or _built(work)
    server = _served(site, work)
    playwright, browser = _browser()
    try:
        for name, path in page_types(site).items():
            visit = Visit(browser, server.url(path))
            requests, body, headers = visit.size()
            search = visit.size(only=SEARCH_ASSET)[0]
            visit.close()
            line(f"{name} ({path})", f"{body / 1024:5.1f} KB + {headers / 1024:4.1f} KB Kopf, {requests:2d} Abrufe",
                 f"Ziel ≤ {TARGET_TRANSFER // 1024} KB – {verdict(body <= TARGET_TRANSFER)}"
                 + (f"; {search} Such-Abrufe!" if search else ""))
    finally:
        browser.close()
        playwright.stop()
        stop_nginx(server)


def part_search(work: Path, site: Path | None = None) -> None:
    from browser.conftest import stop_nginx

    print("Suche: Kosten vor und bei der ersten Benutzung")
    site = site or _built(work)
    server = _served(site, work)
    playwright, browser = _browser()
    try:
        visit = Visit(browser, server.url("/partner/"))
        before = visit.size(only=SEARCH_ASSET)
        line("Seitenaufruf ohne Suche: Such-Abrufe", f"{before[0]} Abrufe, {before[1] / 1024:.1f} KB",
             "Ziel: keine – " + verdict(before[0] == 0))
        seen = len(visit.responses)
        start = time.perf_counter()
        visit.page.keyboard.press("/")
        visit.page.keyboard.type("Konferenz")
        visit.page.locator(".md-search-result__item").first.wait_for(state="visible")
        ready = time.perf_counter() - start
        visit.quiet()
        requests, body, headers = visit.size(since=seen)
        line("erste Benutzung: Abrufe (Worker, Index, Sprache)", f"{requests} Abrufe, {body / 1024:.1f} KB")
        line("erste Benutzung: bis zum ersten Treffer", f"{ready * 1000:.0f} ms")
        visit.close()
    finally:
        browser.close()
        playwright.stop()
        stop_nginx(server)


def _built(work: Path) -> Path:
    site = work / "veroeffentlicht"
    if not site.is_dir():
        mkdocs(ROOT, site)()
    return site


def synthesise(repo: Path, posts: int, partners: int) -> None:
    """``posts`` invented news posts and ``partners`` invented partners in a project copy."""
    news = repo / "docs" / "aktuelles"
    for number in range(posts):
        day = f"2026-{1 + number // 28 % 12:02d}-{1 + number % 28:02d}"
        (news / f"{day}-benchmark-{number:04d}.md").write_text(
            f"---\ntitle: Erfundener Beitrag {number}\ndescription: Nur für die Messung.\ndatum: {day}\n"
            f"geprueft: 2026-11-25\npruefen_bis: 2027-05-25\n---\n\n# Erfundener Beitrag {number}\n\n"
            + " ".join(f"Absatz {part} des Beitrags {number} über Regionalkonferenzen, Beratungsangebote und "
                       "Rechtsextremismus." for part in range(20)) + "\n",
            encoding="utf-8")
    source = yaml.safe_load((repo / "data" / "quellen.yml").read_text(encoding="utf-8"))[0]["id"]
    path = repo / "data" / "partner.yml"
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    for number in range(partners):
        records.append({"id": f"benchmark-{number:03d}", "name": f"Erfundener Partner {number}", "art": "verband",
                        "rolle": f"Partner {number}, nur für die Messung.", "quelle": source})
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8")


def part_growth(work: Path) -> None:
    from conftest import copy_repo

    print("Wachstum: Bau mit 100 und mit 1000 erfundenen Beiträgen (und 200 Partnern), in Kopien")
    repos = {}
    for posts in (100, 1000):
        repos[posts] = copy_repo(work / f"kopie-{posts}")
        synthesise(repos[posts], posts, 200)
    medians = alternate({posts: mkdocs(repo, work / f"site-{posts}") for posts, repo in repos.items()},
                        rounds=max(1, ROUNDS // 2))
    line("100 Beiträge, Median", f"{medians[100]:.2f} s")
    line("1000 Beiträge, Median", f"{medians[1000]:.2f} s")
    ratio_lines(medians, 1000, 100, "Verhältnis für 10× so viele Seiten", TARGET_GROWTH)
    index = work / "site-1000" / "search" / "search_index.json"
    line("Suchindex bei 1000 Beiträgen (gzip)", f"{(index.with_name(index.name + '.gz')).stat().st_size / 1024:.0f} KB",
         "lädt erst bei der ersten Suche")


#: Lighthouse from the npm registry (runs under Debian's Node 20), driving Debian's Chromium.
LIGHTHOUSE = "lighthouse@12.8.2"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
#: Runs per page; the median of each score counts. Lighthouse's own advice (docs/variability.md): one run varies
#: with the machine's load, the median of several much less.
LIGHTHOUSE_RUNS = 3


def part_lighthouse(work: Path, site: Path | None = None) -> None:
    import json

    from browser.conftest import stop_nginx
    from conftest import CHROMIUM

    print(f"Lighthouse 12 mobil ({LIGHTHOUSE} über npx, Debians Chromium, über nginx; "
          f"Median aus {LIGHTHOUSE_RUNS} Läufen je Seite)")
    if shutil.which("npx") is None:
        line("Lighthouse", "nicht gemessen", "npx fehlt (Debian-Paket npm)")
        return
    site = site or _built(work)
    server = _served(site, work)
    try:
        for name, path in page_types(site).items():
            runs = []
            for _ in range(LIGHTHOUSE_RUNS):
                result = subprocess.run(
                    ["npx", "--yes", LIGHTHOUSE, server.url(path), "--quiet", "--output=json",
                     f"--only-categories={','.join(CATEGORIES)}",
                     "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                    capture_output=True, text=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=600)
                if result.returncode != 0:
                    break
                runs.append({key: value["score"] for key, value in json.loads(result.stdout)["categories"].items()})
            if result.returncode != 0:
                line(name, "nicht gemessen", result.stderr.strip().splitlines()[-1][:60] if result.stderr.strip() else "")
                continue
            scores = {key: round(statistics.median(run[key] for run in runs) * 100) for key in CATEGORIES}
            line(f"{name} ({path})", " / ".join(str(scores[key]) for key in CATEGORIES),
                 "Ziel 100 / 100 / 100 / 100 – " + verdict(all(score == 100 for score in scores.values())))
    finally:
        stop_nginx(server)


PARTS = {"bau": part_build, "site": part_site, "check": part_check, "uebertragung": part_transfer,
         "suche": part_search, "wachstum": part_growth, "lighthouse": part_lighthouse}


def main(names: list[str]) -> None:
    import logging

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    unknown = set(names) - set(PARTS)
    if unknown:
        sys.exit(f"Unbekannte Teile: {', '.join(sorted(unknown))}. Erlaubt: {', '.join(PARTS)}.")
    print(f"Benchmark: {os.cpu_count()} CPU-Kerne, {ROUNDS} Runden je Paar (HK_BENCHMARK_RUNDEN); "
          "Zeiten schwanken, wenn andere Prozesse laufen.")
    work = Path(tempfile.mkdtemp(prefix="hk-benchmark-"))
    try:
        for name in names or PARTS:
            PARTS[name](work)
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main(sys.argv[1:])
