"""Serve the built site with a real nginx and the production config; drive it with Debian's Chromium.

Every test here runs against ``deploy/nginx.conf`` as shipped (only the listen address, the
root and the log path are swapped), so the headers and the CSP the browser sees are the ones
production sends.
"""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

import axe_playwright_python
import pytest

from conftest import ROOT, free_port

NGINX_CONF = ROOT / "deploy" / "nginx.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def site_config(port: int, root: Path, logs: Path, text: str | None = None) -> str:
    """Return deploy/nginx.conf (or ``text``, a variant of it) with only the listen address, root and
    access log replaced."""
    text = NGINX_CONF.read_text(encoding="utf-8") if text is None else text
    text, listens = re.subn(r"(?m)^(\s*)listen\s+80;$", rf"\g<1>listen 127.0.0.1:{port};", text)
    text, ipv6 = re.subn(r"(?m)^\s*listen\s+\[::\]:80;\n", "", text)
    text, roots = re.subn(r"(?m)^(\s*)root\s+\S+;$", rf"\g<1>root {root};", text)
    text, logs_ = re.subn(r"(?m)^(\s*)access_log\s+\S+", rf"\g<1>access_log {logs / 'access.log'}", text)
    assert (listens, ipv6, roots, logs_) == (1, 1, 1, 1), "deploy/nginx.conf: listen/root/access_log nicht gefunden"
    return text


def main_config(server_conf: Path, prefix: Path) -> str:
    """A minimal nginx.conf around the site config, everything writable inside ``prefix``."""
    user = "user root root;\n" if os.geteuid() == 0 else ""  # workers must read pytest's 0700 tmp dirs
    return f"""{user}worker_processes 1;
pid {prefix / 'nginx.pid'};
error_log {prefix / 'error.log'} warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    client_body_temp_path {prefix / 'tmp'};
    proxy_temp_path {prefix / 'tmp'};
    fastcgi_temp_path {prefix / 'tmp'};
    uwsgi_temp_path {prefix / 'tmp'};
    scgi_temp_path {prefix / 'tmp'};
    include {server_conf};
}}
"""


@dataclass
class Server:
    """A running nginx serving one built site."""
    base_url: str
    root: Path
    error_log: Path
    process: subprocess.Popen = field(repr=False)

    def url(self, path: str) -> str:
        return self.base_url + path


def start_nginx(site_dir: Path, prefix: Path, config_text: str | None = None) -> Server:
    """Start nginx in the foreground on 127.0.0.1 and wait until it accepts connections."""
    (prefix / "tmp").mkdir(parents=True, exist_ok=True)
    port = free_port()
    server_conf = prefix / "site.conf"
    server_conf.write_text(site_config(port, site_dir, prefix, config_text), encoding="utf-8")
    conf = prefix / "nginx.conf"
    conf.write_text(main_config(server_conf, prefix), encoding="utf-8")
    check = subprocess.run([NGINX, "-t", "-p", str(prefix), "-c", str(conf)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    process = subprocess.Popen([NGINX, "-p", str(prefix), "-c", str(conf), "-g", "daemon off;"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx beendet: {process.stderr.read()}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return Server(f"http://127.0.0.1:{port}", site_dir, prefix / "error.log", process)
        time.sleep(0.05)
    process.terminate()
    raise RuntimeError("nginx antwortet nicht")


def stop_nginx(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


@pytest.fixture(scope="session")
def server(fixture_site: Path, tmp_path_factory) -> Iterator[Server]:
    """nginx with deploy/nginx.conf serving the site built from the complete fixture data."""
    running = start_nginx(fixture_site, tmp_path_factory.mktemp("nginx"))
    yield running
    stop_nginx(running)


@pytest.fixture(scope="session")
def real_server(site: Path, tmp_path_factory) -> Iterator[Server]:
    """The same for the site as published from data/ (open items and all)."""
    running = start_nginx(site, tmp_path_factory.mktemp("nginx-echt"))
    yield running
    stop_nginx(running)


def sitemap_paths(site_dir: Path) -> list[str]:
    """URL paths of every page the built sitemap lists (site_url is a placeholder, keep the path)."""
    tree = ElementTree.parse(site_dir / "sitemap.xml")
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    paths = [urlsplit(loc.text.strip()).path for loc in tree.getroot().iterfind("s:url/s:loc", namespace)]
    home = min(paths, key=len, default="/")  # the start page is site_url's own path
    return ["/" + path[len(home):] for path in paths]


@pytest.fixture(scope="session")
def pages(fixture_site: Path) -> list[str]:
    """Every page of the fixture site, as listed in its sitemap.xml."""
    found = sitemap_paths(fixture_site)
    assert found, "sitemap.xml ist leer"
    return found


@pytest.fixture(scope="session")
def real_pages(site: Path) -> list[str]:
    """Every page of the published site, as listed in its sitemap.xml."""
    found = sitemap_paths(site)
    assert found, "sitemap.xml ist leer"
    return found


AXE_JS = Path(axe_playwright_python.__file__).with_name("axe.min.js")


class WatchedPage:
    """A browser tab in its own context that records what the issue forbids on every page:
    requests to other hosts (which Chromium cannot reach, see ``CHROMIUM_ARGS``), failed requests,
    error responses and console errors. Nothing is routed through Playwright: routing costs a round
    trip per request and turns off the browser's cache, which readers have."""

    def __init__(self, browser, server: Server, *, scheme: str = "light", width: int = 1280):
        self.server = server
        self.context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme,
                                           locale="de-DE", service_workers="block")
        # axe via CDP, not as a page script: the site's CSP rightly refuses inline scripts.
        self.context.add_init_script(path=str(AXE_JS))
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.expected_status: dict[str, int] = {}
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.problems.append(f"Skriptfehler: {error}"))
        self.page.on("response", self._response)
        # Requests still under way (worker requests included), for ``goto(settle=True)``.
        self.started = 0
        self.in_flight: set = set()
        self.foreign: set = set()
        # While goto() leaves a page: its address, and what that page still started meanwhile.
        self.leaving: str | None = None
        self.cut_off: set = set()
        self.page.on("request", self._started)
        self.page.on("requestfinished", self._ended)
        self.page.on("requestfailed", self._failed)

    def _started(self, request) -> None:
        self.started += 1
        self.in_flight.add(request)
        if not request.url.startswith((self.server.base_url + "/", "data:", "blob:")):
            self.foreign.add(request)
            self.problems.append(f"Anfrage an fremden Host: {request.url}")
        if self.leaving and request.frame.url == self.leaving:
            self.cut_off.add(request)

    def _ended(self, request) -> None:
        self.in_flight.discard(request)

    def _failed(self, request) -> None:
        """A failed request is a finding, except one the page being left started after goto()
        had begun to leave it: Chromium fetches the favicon for a page's #jump address only then,
        and the navigation cancels it at once."""
        self._ended(request)
        if request in self.foreign or (request in self.cut_off and request.failure == "net::ERR_ABORTED"):
            return
        self.problems.append(f"Anfrage gescheitert: {request.url} ({request.failure})")

    def _console(self, message) -> None:
        if message.type != "error":
            return
        url = message.location.get("url", "")
        if message.text.startswith("Failed to load resource") and (
                url in self.expected_status or url in {request.url for request in self.foreign}):
            return  # the 404 page itself answers 404 on purpose; another host is reported as such
        self.problems.append(f"Konsolenfehler: {message.text} ({url})")

    def _response(self, response) -> None:
        if response.status >= 400 and self.expected_status.get(response.url) != response.status:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def goto(self, path: str, *, status: int = 200, settle: bool = False):
        """Open a page of the site. ``settle`` waits until every request it started has finished,
        so the search worker's late requests (index, lunr) are checked on this page too instead
        of being cut off by the next navigation."""
        if self.in_flight:  # never cut off what the last page still loads
            self.settle()
        url = self.server.url(path)
        if status != 200:
            self.expected_status[url] = status
        self.cut_off.clear()
        self.leaving = self.page.url
        try:
            response = self.page.goto(url, wait_until="load")
        finally:
            self.leaving = None
        assert response is not None and response.status == status, f"{path}: HTTP {response and response.status}"
        if settle:
            self.settle()
        return response

    def settle(self, quiet_ms: int = 100, timeout_s: float = 15) -> None:
        """Wait until no request is under way and none started for ``quiet_ms``. Playwright's
        "networkidle" does the same with a fixed 500 ms per page, which made up half the suite's
        time; the search worker's chained requests follow each other within a few milliseconds."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            started = self.started
            self.page.wait_for_timeout(quiet_ms)
            if not self.in_flight and self.started == started:
                return
        self.problems.append(f"Anfragen enden nicht: {[request.url for request in self.in_flight]}")

    def take_problems(self) -> list[str]:
        """Problems recorded since the last call."""
        found, self.problems = self.problems, []
        return found

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def open_page(browser, server):
    """Factory for watched pages; every context it made is closed after the test."""
    made: list[WatchedPage] = []

    def make(*, on: Server | None = None, **options) -> WatchedPage:
        made.append(WatchedPage(browser, on or server, **options))
        return made[-1]

    yield make
    for watched in made:
        watched.close()
