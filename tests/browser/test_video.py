"""A self-hosted video in Chromium through the real nginx: nothing loads before the reader starts it,
it starts on click and by keyboard, German captions load when switched on, no other host is asked,
and axe finds nothing. The tiny video and its captions are made here with Debian's ffmpeg."""
from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator

import pytest
from conftest import build_copy, copy_repo

from browser.conftest import Server, WatchedPage, start_nginx, stop_nginx
from browser.test_barrierefreiheit import AXE_RULES, RUN_AXE, describe

SEITE = "/leichte-sprache/"
UNTERTITEL = """WEBVTT

00:00:00.000 --> 00:00:01.000
Hallo und willkommen.

00:00:01.000 --> 00:00:02.000
Diese Website in Gebärdensprache.
"""
EINTRAG = """- id: dgs-erklaerung
  titel: Diese Website in Deutscher Gebärdensprache
  datei: medien/dgs.webm
  poster: medien/dgs.jpg
  untertitel: medien/dgs.vtt
  textfassung: leichte-sprache/#worum-geht-es
  dauer: "0:02"
  gebaerdensprache: true
  quelle: testbericht-2027
"""


def ffmpeg(*args: str) -> None:
    subprocess.run([shutil.which("ffmpeg") or "/usr/bin/ffmpeg", "-loglevel", "error", "-y", *args], check=True)


@pytest.fixture(scope="module")
def video_server(tmp_path_factory) -> Iterator[Server]:
    """The complete fixture data with a real video record, built once and served by nginx."""
    repo = copy_repo(tmp_path_factory.mktemp("video-repo"))
    medien = repo / "docs" / "medien"
    medien.mkdir()
    # Two seconds of test pattern, VP8 in WebM, no sound: Debian's Chromium plays it without proprietary codecs.
    ffmpeg("-f", "lavfi", "-i", "testsrc=duration=2:size=160x120:rate=10", "-c:v", "libvpx", "-b:v", "64k", "-an",
           str(medien / "dgs.webm"))
    ffmpeg("-f", "lavfi", "-i", "testsrc=size=160x120", "-frames:v", "1", str(medien / "dgs.jpg"))
    (medien / "dgs.vtt").write_text(UNTERTITEL, encoding="utf-8")
    daten = repo / "tests" / "fixtures" / "daten-vollstaendig"
    (daten / "videos.yml").write_text(EINTRAG, encoding="utf-8")
    site = tmp_path_factory.mktemp("video-site")
    result = build_copy(repo, site, env={"HK_DATEN": str(daten)})
    assert result.returncode == 0, result.stderr
    running = start_nginx(site, tmp_path_factory.mktemp("video-nginx"))
    yield running
    stop_nginx(running)


@pytest.fixture
def watched(browser, video_server) -> Iterator[tuple[WatchedPage, list[str]]]:
    """The video page open in a watched tab, with every URL it requested."""
    tab = WatchedPage(browser, video_server)
    requested: list[str] = []
    tab.page.on("request", lambda request: requested.append(request.url))
    tab.goto(SEITE, settle=True)
    yield tab, requested
    tab.close()


STARTED = "v => !v.paused && v.currentTime > 0"


def click_play(page) -> None:
    """Click the play button of Chromium's own controls (bottom left, shown while the pointer is
    over the video); a click elsewhere on the picture does not start it in Chromium."""
    video = page.locator("video")
    video.scroll_into_view_if_needed()
    box = video.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.click(box["x"] + 24, box["y"] + box["height"] - 48)


def test_nothing_but_the_poster_loads_before_the_reader_starts_it(watched):
    tab, requested = watched
    assert [url for url in requested if url.endswith((".webm", ".vtt"))] == []
    assert any(url.endswith("/medien/dgs.jpg") for url in requested)
    state = tab.page.eval_on_selector("video", "v => [v.paused, v.currentTime, v.textTracks[0].mode]")
    assert state == [True, 0, "disabled"], "kein Autoplay, Untertitel erst auf Wunsch"
    assert tab.take_problems() == []


def test_starts_on_click_and_loads_german_captions_when_switched_on(watched):
    tab, requested = watched
    click_play(tab.page)
    tab.page.wait_for_function(f"() => ({STARTED})(document.querySelector('video'))", timeout=10_000)
    # What choosing „Deutsch“ in the player's caption menu does:
    tab.page.eval_on_selector("video", "v => { v.textTracks[0].mode = 'showing'; }")
    tab.page.wait_for_function("() => document.querySelector('track').readyState === 2", timeout=10_000)
    cues = tab.page.eval_on_selector("video", "v => [...v.textTracks[0].cues].map(c => c.text)")
    assert cues == ["Hallo und willkommen.", "Diese Website in Gebärdensprache."]
    assert tab.page.eval_on_selector("video", "v => v.textTracks[0].language") == "de"
    assert any(url.endswith("/medien/dgs.webm") for url in requested)
    assert any(url.endswith("/medien/dgs.vtt") for url in requested)
    tab.settle()
    assert tab.take_problems() == [], "fremde Anfragen, Fehler oder von der CSP blockierte Medien"


def test_keyboard_reaches_and_starts_the_video(watched):
    tab, _requested = watched
    for _ in range(200):
        tab.page.keyboard.press("Tab")
        if tab.page.evaluate("() => document.activeElement.tagName") == "VIDEO":
            break
    else:
        pytest.fail("Das Video ist mit der Tab-Taste nicht erreichbar")
    tab.page.keyboard.press("Space")
    tab.page.wait_for_function(f"() => ({STARTED})(document.querySelector('video'))", timeout=10_000)
    assert tab.take_problems() == []


def test_axe_finds_nothing_on_the_video_page(watched):
    tab, _requested = watched
    violations = tab.page.evaluate(RUN_AXE, AXE_RULES)
    assert not violations, describe(SEITE, violations)
