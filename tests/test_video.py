"""The video component and its records in data/videos.yml: markup, open item, loader checks."""
from __future__ import annotations

import shutil

import pytest
from bs4 import BeautifulSoup
from conftest import FIXTURE_DATA, ROOT, offen, soup

from handlungskonzept.ausgaben import components
from handlungskonzept.daten.loader import load
from handlungskonzept.daten.model import OffenerPunkt, Video
from handlungskonzept.daten.problems import DatenFehler, MakroFehler

FERTIG = Video(id="dgs-erklaerung", titel="Diese Website in Deutscher Gebärdensprache", datei="medien/dgs.webm",
               poster="medien/dgs.jpg", untertitel="medien/dgs.vtt", textfassung="leichte-sprache/#worum-geht-es",
               dauer=95, gebaerdensprache=True, quelle="testbericht-2027")


def render(video: Video, angabe: str | None = "WEBM, 1,2 MB") -> BeautifulSoup:
    return BeautifulSoup(components.render("video", v=video, base="../", angabe=angabe), "html.parser")


def test_native_player_loads_nothing_before_the_reader_starts_it():
    html = render(FERTIG)
    [video] = html.find_all("video")
    assert video.has_attr("controls") and video["preload"] == "none"
    assert not any(video.has_attr(a) for a in ("autoplay", "muted", "loop"))
    assert video["poster"] == "../medien/dgs.jpg"
    [source] = video.find_all("source")
    assert (source["src"], source["type"]) == ("../medien/dgs.webm", "video/webm")
    [track] = video.find_all("track")
    assert (track["kind"], track["srclang"], track["label"], track["src"]) == (
        "captions", "de", "Deutsch", "../medien/dgs.vtt")
    assert not track.has_attr("default"), "Untertitel schaltet, wer sie braucht, selbst ein"
    assert "1:35 Minuten" in html.figcaption.get_text() and "Gebärdensprache" in html.figcaption.get_text()
    assert not html.find("iframe")


def test_text_version_is_linked_right_below_the_video():
    html = render(FERTIG)
    below = html.find("video").find_next_sibling("p")
    assert below is html.find("video").find_next_siblings()[1]  # after the caption, nothing between
    links = {a.get_text(): a["href"] for a in below.find_all("a")}
    assert links["Inhalt des Videos als Text"] == "../leichte-sprache/#worum-geht-es"
    assert links["Video herunterladen"] == "../medien/dgs.webm"


def test_open_video_shows_the_open_item_and_the_text_version():
    html = render(FERTIG.model_copy(update={"datei": OffenerPunkt(offen="DGS-Video")}), angabe=None)
    assert html.find("video") is None
    assert html.find(class_="hk-offen")["data-offen"] == "DGS-Video"
    assert html.find("a", string="Inhalt des Videos als Text")


@pytest.mark.parametrize("url", ["leichte-sprache/", "barrierefreiheit/"])
def test_real_pages_show_the_dgs_video_as_open_item(site, url):
    figure = soup(site, url).find("figure", class_="hk-video")
    assert figure.find("video") is None and figure.find(class_="hk-offen")


def test_unknown_video_lists_the_ids():
    with pytest.raises(MakroFehler) as raised:
        load(FIXTURE_DATA).daten.video("x")
    assert str(raised.value) == "Ein Video „x“ gibt es nicht. Erlaubt sind: dgs-erklaerung."


def test_make_offen_lists_the_missing_video():
    lines = [line for line in offen(ROOT).stdout.splitlines() if line.startswith("data/videos.yml:")]
    assert len(lines) == 1 and "Gebärdensprache" in lines[0]


def broken(tmp_path, text: str) -> str:
    data = tmp_path / "daten"
    shutil.copytree(FIXTURE_DATA, data)
    (data / "videos.yml").write_text(text, encoding="utf-8")
    with pytest.raises(DatenFehler) as error:
        load(data, ROOT / "docs", "daten")
    return error.value.bericht()


VIDEO = """- id: dgs
  titel: Test
  datei: medien/fehlt.webm
  poster: medien/fehlt.jpg
  untertitel: medien/fehlt.vtt
  textfassung: {textfassung}
  dauer: "0:02"
  gebaerdensprache: true
  quelle: testbericht-2027
"""


def test_loader_names_missing_files_with_their_line(tmp_path):
    report = broken(tmp_path, VIDEO.format(textfassung="leichte-sprache/"))
    for line, field in ((3, "datei"), (4, "poster"), (5, "untertitel")):
        assert f"daten/videos.yml, Zeile {line}, Spalte 3 – Feld „Eintrag 1 (dgs) › {field}“" in report
    assert report.count("Diese Datei gibt es unter docs/ nicht.") == 3


def test_loader_names_a_missing_text_version_page(tmp_path):
    report = broken(tmp_path, VIDEO.format(textfassung="gibt-es-nicht/#abschnitt"))
    assert "Zeile 6" in report and "docs/gibt-es-nicht.md" in report


def test_a_supplied_video_needs_captions_poster_duration_and_source(tmp_path):
    report = broken(tmp_path, "- id: dgs\n  titel: Test\n  datei: medien/dgs.webm\n  textfassung: leichte-sprache/\n"
                              "  gebaerdensprache: true\n")
    assert "Zeile 1" in report and "„poster“, „untertitel“, „dauer“, „quelle“" in report


def test_sign_language_is_true_or_false(tmp_path):
    report = broken(tmp_path, VIDEO.format(textfassung="leichte-sprache/").replace("gebaerdensprache: true",
                                                                                    "gebaerdensprache: ja"))
    assert "Zeile 8, Spalte 3 – Feld „Eintrag 1 (dgs) › gebaerdensprache“ – Wert „ja“: Erwartet: true oder false." in report


def test_the_source_of_a_video_is_in_the_registry(tmp_path):
    report = broken(tmp_path, VIDEO.format(textfassung="leichte-sprache/").replace("quelle: testbericht-2027",
                                                                                    "quelle: unbekannt"))
    assert "Zeile 9" in report and "Diese Quelle steht nicht in quellen.yml." in report


def _video(**felder) -> Video:
    return Video.model_validate({"id": "v", "titel": "V", "textfassung": "seite/", "gebaerdensprache": True,
                                 "datei": "medien/v.mp4", "poster": "medien/v.jpg", "untertitel": "medien/v.vtt",
                                 "dauer": 95, "quelle": "q", **felder})


@pytest.mark.parametrize("dauer, sekunden, text", [
    (95, 95, "1:35 Minuten"), ("1:35", 95, "1:35 Minuten"), (" 2:00 ", 120, "2:00 Minuten"), ("0:05", 5, "0:05 Minuten"),
    ("1:02:03", 3723, "62:03 Minuten"), (60, 60, "1:00 Minuten"), (1, 1, "0:01 Minuten"), ("10:59", 659, "10:59 Minuten"),
])
def test_duration_as_minutes_and_seconds(dauer, sekunden, text):
    video = _video(dauer=dauer)
    assert (video.dauer, video.dauer_text) == (sekunden, text)


@pytest.mark.parametrize("dauer", ["1:60", "95", "1:5", 0, "0:00", "a:bc"])
def test_a_duration_that_is_no_duration_is_refused(dauer):
    with pytest.raises(ValueError):
        _video(dauer=dauer)


def test_media_type_and_files_of_a_video():
    assert (_video().medientyp, _video(datei="medien/v.webm").medientyp) == ("video/mp4", "video/webm")
    assert _video().dateien == ["medien/v.mp4", "medien/v.jpg", "medien/v.vtt"]
    offen = Video.model_validate({"id": "v", "titel": "V", "textfassung": "seite/", "gebaerdensprache": False,
                                  "datei": {"offen": "Video fehlt"}, "untertitel": "medien/v.vtt"})
    assert offen.dateien == ["medien/v.vtt"]
    assert offen.model_copy(update={"untertitel": None}).dateien == []
