"""Publishing and rollback under load: the real nginx with deploy/nginx.conf serves ``<ziel>/aktuell``
while releases are switched; no request fails and every answer is one complete page of one release.

Small prebuilt sites keep it fast; ``entwurf_projekt`` runs the real ``make veroeffentlichen … TESTSYSTEM=1``.
"""
from __future__ import annotations

import http.client
import os
import subprocess
import threading
import time
from pathlib import Path

import pytest

from browser.conftest import start_nginx, stop_nginx
from conftest import ROOT
from handlungskonzept.ausgaben import veroeffentlichung

PATHS = ["/", "/seite/", "/aktuelles/feed.xml"]
#: Large enough that a page read while its release is replaced would show (about 300 kB).
FUELLUNG = "<p>" + "Handlungskonzept " * 18_000 + "</p>"


def release_site(folder: Path, marker: str) -> Path:
    """A tiny site whose every file names its release at the start and the end."""
    for path in PATHS + ["/404.html"]:
        datei = folder / (path.lstrip("/") + "index.html" if path.endswith("/") else path.lstrip("/"))
        datei.parent.mkdir(parents=True, exist_ok=True)
        datei.write_text(f'<!doctype html><html lang="de"><head><meta name="hk-release" content="{marker}"></head>'
                         f"<body>{FUELLUNG}<!-- ende {marker} --></body></html>", encoding="utf-8")
    return folder


def marker_of(body: str) -> str | None:
    """The release a response belongs to, or None when start and end disagree or the page is cut."""
    head = '<meta name="hk-release" content="'
    if not body.startswith('<!doctype html>') or head not in body[:200] or FUELLUNG not in body:
        return None
    marker = body.split(head, 1)[1].split('"', 1)[0]
    return marker if body.endswith(f"<!-- ende {marker} --></body></html>") else None


class Last:
    """Bounded request loops on 127.0.0.1 (two connections), stopping by themselves after
    ``MAX_ANFRAGEN`` requests or ``MAX_SEKUNDEN`` at the latest."""

    MAX_ANFRAGEN = 6000
    MAX_SEKUNDEN = 60

    def __init__(self, port: int):
        self.port = port
        self.gesehen: list[list[str]] = [[], []]
        self.fehler: list[str] = []
        self.ende = threading.Event()
        self.threads = [threading.Thread(target=self._schleife, args=(i,), daemon=True) for i in range(2)]

    def __enter__(self) -> Last:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.ende.set()
        for thread in self.threads:
            thread.join(timeout=self.MAX_SEKUNDEN)

    def _schleife(self, nummer: int) -> None:
        bis = time.monotonic() + self.MAX_SEKUNDEN
        verbindung = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        for anfrage in range(self.MAX_ANFRAGEN // 2):
            if self.ende.is_set() or time.monotonic() > bis:
                break
            path = PATHS[anfrage % len(PATHS)]
            try:
                verbindung.request("GET", path)
                antwort = verbindung.getresponse()
                body = antwort.read().decode("utf-8")
            except (OSError, http.client.HTTPException) as error:
                self.fehler.append(f"{path}: {error!r}")
                verbindung.close()
                verbindung = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
                continue
            marker = marker_of(body)
            if antwort.status != 200 or marker is None:
                self.fehler.append(f"{path}: HTTP {antwort.status}, {len(body)} Zeichen, Fassung {marker}")
            else:
                self.gesehen[nummer].append(marker)
        verbindung.close()

    def warten_auf(self, marker: str, anzahl: int = 30) -> None:
        """Until both loops have answered ``anzahl`` requests from release ``marker`` in a row at their end."""
        bis = time.monotonic() + 20
        while not all(len(g) >= anzahl and set(g[-anzahl:]) == {marker} for g in self.gesehen):
            assert time.monotonic() < bis and not self.ende.is_set(), f"Fassung {marker} kommt nicht an"
            time.sleep(0.02)


def test_publishing_and_rollback_under_load_lose_no_request(tmp_path):
    ziel = tmp_path / "server"
    namen = {m: f"20270101T00000{i}000Z-{m.lower()}" for i, m in enumerate("ABC")}
    sites = {m: release_site(tmp_path / f"bau-{m}", m) for m in namen}
    assert veroeffentlichung.veroeffentlichen(sites["A"], ziel, namen["A"]) is None
    server = start_nginx(ziel / "aktuell", tmp_path / "nginx")
    try:
        with Last(int(server.base_url.rsplit(":", 1)[1])) as last:
            last.warten_auf("A")
            assert veroeffentlichung.veroeffentlichen(sites["B"], ziel, namen["B"]) == namen["A"]
            last.warten_auf("B")
            veroeffentlichung.veroeffentlichen(sites["C"], ziel, namen["C"])
            last.warten_auf("C")
            zurueck = subprocess.run(["make", "--silent", "-C", str(ROOT), "zurueck", f"ZIEL={ziel}"],
                                     capture_output=True, text=True, timeout=60)
            assert zurueck.returncode == 0, zurueck.stderr
            assert f"zeigt jetzt {namen['B']} (statt {namen['C']})" in zurueck.stdout
            last.warten_auf("B")
    finally:
        stop_nginx(server)
    assert not last.fehler, last.fehler[:10]
    for folge in last.gesehen:
        wechsel = [m for i, m in enumerate(folge) if i == 0 or folge[i - 1] != m]
        assert wechsel == ["A", "B", "C", "B"], wechsel  # every answer from one release, in switching order
    assert sum(map(len, last.gesehen)) < Last.MAX_ANFRAGEN
    assert os.readlink(ziel / "aktuell") == f"releases/{namen['B']}"
    assert not [p for p in ziel.iterdir() if p.name.startswith(".aktuell")]  # no stray link left


def test_five_releases_stay_and_rollback_stops_at_the_oldest(tmp_path):
    ziel = tmp_path / "server"
    site = release_site(tmp_path / "bau", "X")
    (ziel / "releases" / ".neu-abgebrochen").mkdir(parents=True)  # a copy that crashed half-way
    namen = [f"20270101T00000{i}000Z-x" for i in range(7)]
    for name in namen:
        veroeffentlichung.veroeffentlichen(site, ziel, name)
    assert veroeffentlichung.releases(ziel) == namen[2:]
    assert sorted(p.name for p in (ziel / "releases").iterdir()) == namen[2:]  # the broken copy is gone
    assert veroeffentlichung.aktuell(ziel) == namen[-1]
    for erwartet in reversed(namen[2:-1]):
        assert veroeffentlichung.zurueck(ziel)[1] == erwartet
    with pytest.raises(veroeffentlichung.VeroeffentlichungsFehler, match="keine ältere Fassung"):
        veroeffentlichung.zurueck(ziel)
    # A new release after a rollback becomes current; the oldest goes, never the one shown before.
    veroeffentlichung.veroeffentlichen(site, ziel, "20270101T000009000Z-x")
    assert veroeffentlichung.aktuell(ziel) == "20270101T000009000Z-x"
    assert len(veroeffentlichung.releases(ziel)) == 5


def test_make_veroeffentlichen_refuses_while_open_items_remain(repo_copy, tmp_path):
    result = subprocess.run(["make", "--silent", "veroeffentlichen", f"ZIEL={tmp_path / 'server'}"], cwd=repo_copy,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert "offene Punkte." in result.stdout and "data/projekt.yml:" in result.stdout  # the list, with lines
    assert "Freigabe verweigert" in result.stderr and "Nichts veröffentlicht." in result.stderr
    assert not (tmp_path / "server" / "aktuell").exists()


def test_real_test_system_release_is_served_by_nginx(entwurf_projekt, tmp_path):
    server = start_nginx(entwurf_projekt.ziel / "aktuell", tmp_path / "nginx")
    try:
        verbindung = http.client.HTTPConnection("127.0.0.1", int(server.base_url.rsplit(":", 1)[1]), timeout=10)
        verbindung.request("GET", "/regionalkonferenzen/hilden/")
        antwort = verbindung.getresponse()
        body = antwort.read().decode("utf-8")
    finally:
        stop_nginx(server)
    assert antwort.status == 200 and '<meta name="robots" content="noindex">' in body
    assert antwort.getheader("Content-Security-Policy")
