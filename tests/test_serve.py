"""``make serve``: a data error is logged in German, the preview keeps running and recovers."""
from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import free_port


class Server:
    """``make serve`` in its own process group (make and mkdocs end together), its log collected line by line."""

    def __init__(self, repo: Path):
        address = f"127.0.0.1:{free_port()}"
        self.base = f"http://{address}/"
        env = {key: value for key, value in os.environ.items() if key != "HK_DATEN"}  # the copy's own data/
        self.process = subprocess.Popen(
            ["make", "--silent", "serve", f"SERVE_ADDR={address}"],
            cwd=repo, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
        self.lines: list[str] = []
        threading.Thread(target=self._collect, daemon=True).start()

    def _collect(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line)

    def log(self) -> str:
        return "".join(self.lines)

    def rebuild_after(self, change, timeout: float = 60) -> str:
        """Apply ``change`` to the files and return the log of the rebuild it triggers."""
        self._wait_for(self._idle, timeout)  # a rebuild still running would be mistaken for this one
        mark = len(self.lines)
        change()
        self._wait_for(lambda: self._rebuilt_since(mark) and self._idle(), timeout)
        return "".join(self.lines[mark:])

    def _idle(self) -> bool:
        """Every rebuild the watcher started has finished (mkdocs logs both ends of each one)."""
        log = self.log()
        return log.count("Detected file changes") == log.count("Reloading browsers")

    def _rebuilt_since(self, mark: int) -> bool:
        """A rebuild started after line ``mark`` and has finished."""
        later = "".join(self.lines[mark:])
        started = later.find("Detected file changes")
        return started >= 0 and "Reloading browsers" in later[started:]

    def _wait_for(self, condition, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            assert self.process.poll() is None, self.log()
            if time.monotonic() > deadline:
                raise AssertionError(f"Kein neuer Bau nach der Änderung:\n{self.log()}")
            time.sleep(0.1)

    def wait_until_serving(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while "Serving on" not in self.log():
            assert time.monotonic() < deadline and self.process.poll() is None, self.log()
            time.sleep(0.1)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.base + path, timeout=5) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, ""


@pytest.fixture
def server(repo_copy):
    running = Server(repo_copy)
    try:
        running.wait_until_serving()
        yield running
    finally:
        running.stop()


def test_data_error_while_serving_is_logged_and_server_survives(server, repo_copy):
    status, page = server.get("regionalkonferenzen/hilden/")
    assert status == 200 and "Vorschau – nicht veröffentlicht" in page  # make serve is the editors' preview
    assert '<meta name="robots" content="noindex">' in page

    data = repo_copy / "data" / "regionalkonferenzen.yml"
    good = data.read_text(encoding="utf-8")
    broken = good.replace("  status: geplant", "  status: gepant", 1)
    line = broken.split("\n").index("  status: gepant") + 1
    log = server.rebuild_after(lambda: data.write_text(broken, encoding="utf-8"))
    assert "Fehler in den Daten – die Vorschau zeigt statt der Seiten diese Liste" in log
    assert f"regionalkonferenzen.yml, Zeile {line}" in log and "Unbekannter Wert" in log
    assert "Traceback" not in log
    status, page = server.get("")
    assert status == 200 and "Die Daten enthalten Fehler" in page

    log = server.rebuild_after(lambda: data.write_text(good, encoding="utf-8"))
    assert "Fehler" not in log
    status, page = server.get("regionalkonferenzen/hilden/")
    assert status == 200 and "hk-faktenbox" in page and "Die Daten enthalten Fehler" not in page

    # A stray brace in a page: named with its line, the preview keeps answering.
    page_file = repo_copy / "docs" / "neu.md"
    log = server.rebuild_after(lambda: page_file.write_text(
        "---\ntitle: Neu\ndescription: Eine Seite im Entstehen.\n---\n# Neu\n\nText {{ stand( \n", encoding="utf-8"))
    assert "docs/neu.md, Zeile 7" in log and "Traceback" not in log
    assert server.get("partner/")[0] == 200
