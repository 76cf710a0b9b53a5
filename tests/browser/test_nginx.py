"""deploy/nginx.conf as shipped serves the built site correctly and safely."""
from __future__ import annotations

import gzip
import re
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import TOWNS

from .conftest import NGINX_CONF, start_nginx, stop_nginx

# Script types a browser runs; others (application/json, application/ld+json) are data blocks.
EXECUTABLE_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
#: The security headers of deploy/nginx.conf, written out: a changed value must be a deliberate change here too.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "media-src 'self'; font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; "
                               "base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def fetch(url: str, **headers: str):
    """GET without following redirects; HTTP errors are answers too."""
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        response = opener.open(urllib.request.Request(url, headers=headers), timeout=10)
    except urllib.error.HTTPError as error:
        response = error
    with response:
        return response.status, response.headers, response.read()


def test_every_sitemap_page_is_served(server, pages):
    for path in pages:
        status, headers, body = fetch(server.url(path))
        assert status == 200, path
        assert headers["Content-Type"] == "text/html; charset=utf-8", path
        assert BeautifulSoup(body, "html.parser").html["lang"] == "de", path


@pytest.mark.parametrize("town", TOWNS)
def test_conference_urls_are_permanent(server, town):
    status, _, body = fetch(server.url(f"/regionalkonferenzen/{town}/"))
    assert status == 200
    assert BeautifulSoup(body, "html.parser").find("h1") is not None


def test_directory_without_slash_redirects_relatively(server):
    """Relative Location, so a TLS proxy in front never gets sent to http://."""
    status, headers, _ = fetch(server.url("/partner"))
    assert status == 301
    assert headers["Location"] == "/partner/"


@pytest.mark.parametrize("path", ["/gibt-es-nicht/", "/regionalkonferenzen/nirgendwo/", "/alt.html"])
def test_unknown_path_gets_404_page(server, path):
    status, headers, body = fetch(server.url(path))
    assert status == 404
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert body == (server.root / "404.html").read_bytes()
    assert BeautifulSoup(body, "html.parser").html["lang"] == "de"
    assert "Content-Security-Policy" in headers
    assert headers["Cache-Control"] == "no-cache"  # a page created later must not stay hidden behind a cached 404


@pytest.mark.parametrize("path", ["/.git/config", "/.env", "/assets/.hidden", "/.htaccess",
                                  "/.git/kalender.ics", "/aktuelles/.entwurf/feed.xml"])
def test_dotfiles_are_never_served(server, path):
    target = server.root / path.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("geheim", encoding="utf-8")
    try:
        status, _, body = fetch(server.url(path))
    finally:
        target.unlink()
    assert status == 404
    assert b"geheim" not in body


def test_security_headers_and_no_version(server):
    status, headers, _ = fetch(server.url("/"))
    assert status == 200
    assert {name: headers[name] for name in SECURITY_HEADERS} == SECURITY_HEADERS
    assert headers["Server"] == "nginx"  # server_tokens off: no version number


@pytest.mark.parametrize("path, status", [
    ("/partner/", 200), ("/partner", 301), ("/gibt-es-nicht/", 404), ("/regionalkonferenzen/termine.ics", 200),
    ("/aktuelles/feed.xml", 200), ("/sitemap.xml", 200), ("/.env", 404)])
def test_every_kind_of_answer_carries_each_security_header_once(server, path, status):
    """A location with its own add_header would silently drop the server's headers (nginx does not merge)."""
    answer, headers, _ = fetch(server.url(path))
    assert answer == status
    assert {name: headers.get_all(name) for name in SECURITY_HEADERS} == {
        name: [value] for name, value in SECURITY_HEADERS.items()}


def test_hsts_only_where_tls_is_served(server):
    """Over plain HTTP no Strict-Transport-Security; the config says where to add it with TLS."""
    _, headers, _ = fetch(server.url("/"))
    assert "Strict-Transport-Security" not in headers
    config = (Path(__file__).resolve().parents[2] / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    assert "listen 443 ssl" in config and '#     add_header Strict-Transport-Security "max-age=' in config


def own_file(root: Path, pattern: str) -> str:
    """Site path of one of the project's own content-hashed files, e.g. ``hk-seite.*.css``."""
    return "/" + next(root.glob(f"assets/*/{pattern}")).relative_to(root).as_posix()


def test_content_types(server):
    expected = {"/sitemap.xml": "text/xml; charset=utf-8",
                "/search/search_index.json": "application/json; charset=utf-8",
                own_file(server.root, "hk-seite.*.css"): "text/css; charset=utf-8"}
    expected |= {"/" + ics.relative_to(server.root).as_posix(): "text/calendar; charset=utf-8"
                 for ics in server.root.rglob("*.ics")}
    expected |= {"/" + feed.relative_to(server.root).as_posix(): "application/atom+xml; charset=utf-8"
                 for feed in (server.root / "aktuelles").rglob("*.xml")}
    assert "/aktuelles/feed.xml" in expected
    expected |= {"/" + txt.relative_to(server.root).as_posix(): "text/plain; charset=utf-8"
                 for txt in list(server.root.rglob("*.txt"))[:1]}
    for path, content_type in expected.items():
        status, headers, _ = fetch(server.url(path))
        assert (status, headers["Content-Type"]) == (200, content_type), path


def test_gzip(server):
    status, headers, body = fetch(server.url("/"), **{"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in headers["Vary"]
    assert gzip.decompress(body) == (server.root / "index.html").read_bytes()
    css = next((server.root / "assets" / "stylesheets").glob("main.*.min.css")).name
    _, headers, _ = fetch(server.url(f"/assets/stylesheets/{css}"), **{"Accept-Encoding": "gzip"})
    assert headers["Content-Encoding"] == "gzip"


def test_gzip_static(server):
    """The build's own .gz twin goes out unchanged; a client without gzip gets the file itself."""
    paths = ["/index.html", "/search/search_index.json", own_file(server.root, "hk-seite.*.css"),
             own_file(server.root, "hk-seite.*.js"), own_file(server.root, "bundle.*.min.js")]
    for path in paths:
        twin = (server.root / (path.lstrip("/") + ".gz")).read_bytes()
        status, headers, body = fetch(server.url(path), **{"Accept-Encoding": "gzip"})
        assert (status, headers["Content-Encoding"], body) == (200, "gzip", twin), path
        status, headers, body = fetch(server.url(path))
        assert "Content-Encoding" not in headers and body == gzip.decompress(twin), path


def test_caching(server):
    """Fingerprinted theme files and the project's own forever, other files an hour, pages always revalidated."""
    for path in [own_file(server.root, "main.*.min.css"), own_file(server.root, "hk-seite.*.css"),
                 own_file(server.root, "hk-basis.*.js"), own_file(server.root, "hk-seite.*.js")]:
        _, headers, _ = fetch(server.url(path))
        assert headers["Cache-Control"] == "public, max-age=31536000, immutable", path
    _, headers, _ = fetch(server.url("/assets/javascripts/lunr/min/lunr.de.min.js"))
    assert headers["Cache-Control"] == "public, max-age=3600"
    _, headers, _ = fetch(server.url("/partner/"))
    assert headers["Cache-Control"] == "no-cache"
    assert headers["ETag"] or headers["Last-Modified"]


def test_access_log_keeps_only_shortened_addresses(server):
    fetch(server.url("/?protokoll"))
    log = (server.error_log.parent / "access.log").read_text(encoding="utf-8")
    line = next(line for line in log.splitlines() if "/?protokoll" in line)
    assert line.startswith("127.0.0.0 ")
    assert "127.0.0.1" not in log


#: Directories without index.html: nginx answers 403 and writes "directory index … is forbidden,
#: client: <address>" into its error log.
ERROR_LOG_REQUESTS = ["/assets/", "/assets/javascripts/"]


def error_log_after_errors(server) -> str:
    for path in ERROR_LOG_REQUESTS:
        assert (server.root / path.strip("/")).is_dir() and not (server.root / path.strip("/") / "index.html").exists()
        status, _, _ = fetch(server.url(path))
        assert status == 403, path
    return server.error_log.read_text(encoding="utf-8") if server.error_log.exists() else ""


def test_error_log_keeps_no_full_ip_address(server, fixture_site, tmp_path):
    """nginx appends the full client address to every request error at every level; the shipped
    config sends those entries nowhere. The same requests without its error_log line show that
    they do produce such entries."""
    shipped = error_log_after_errors(server)
    assert "127.0.0.1" not in shipped
    access = (server.error_log.parent / "access.log").read_text(encoding="utf-8")
    assert '127.0.0.0 ' in access and '"GET /assets/ HTTP/1.1" 403' in access  # still counted, shortened
    config = NGINX_CONF.read_text(encoding="utf-8")
    without, removed = re.subn(r"(?m)^\s*error_log\s+/dev/null;\n", "", config)
    assert removed == 1
    control = start_nginx(fixture_site, tmp_path / "nginx-ohne-fehlerzeile", config_text=without)
    try:
        logged = error_log_after_errors(control)
    finally:
        stop_nginx(control)
    assert "is forbidden, client: 127.0.0.1" in logged


def test_pages_need_no_inline_code_the_csp_would_block(fixture_site):
    """The CSP allows scripts and styles only from files: name every page that has them inline."""
    report = []
    for page in sorted(fixture_site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        where = page.relative_to(fixture_site).as_posix()
        report += [f"{where}: Inline-Skript <script>{(script.string or '')[:60]}" for script in soup.find_all("script")
                   if not script.get("src") and script.get("type", "") in EXECUTABLE_SCRIPT_TYPES]
        report += [f"{where}: <style>-Block" for _ in soup.find_all("style")]
        report += [f"{where}: style-Attribut an <{tag.name}>" for tag in soup.find_all(style=True)]
        report += [f"{where}: Ereignis-Attribut {name} an <{tag.name}>" for tag in soup.find_all(True)
                   for name in tag.attrs if name.startswith("on")]
    assert not report, ("Die Content-Security-Policy in deploy/nginx.conf blockiert das; Skripte und Stile "
                        "als Datei nach overrides/assets/ legen:\n" + "\n".join(report))
