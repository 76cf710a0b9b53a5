"""Publishing into releases/ with a symlink switch, and the atomic build folder, called in process."""
from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

import pytest

from handlungskonzept.ausgaben import bau, veroeffentlichung
from handlungskonzept.ausgaben.veroeffentlichung import VeroeffentlichungsFehler


def gebaut(tmp_path, text: str = "<p>neu</p>"):
    site = tmp_path / "gebaut"
    (site / "unter").mkdir(parents=True, exist_ok=True)
    (site / "index.html").write_text(text, encoding="utf-8")
    (site / "unter" / "seite.html").write_text("<p>u</p>", encoding="utf-8")
    return site


def test_the_first_release_is_copied_and_switched_to(tmp_path):
    ziel = tmp_path / "server"
    assert veroeffentlichung.veroeffentlichen(gebaut(tmp_path), ziel, "20260101T000000000Z-a") is None
    assert os.readlink(ziel / "aktuell") == "releases/20260101T000000000Z-a"
    assert (ziel / "aktuell" / "unter" / "seite.html").read_text(encoding="utf-8") == "<p>u</p>"
    assert sorted(p.name for p in (ziel / "releases").iterdir()) == ["20260101T000000000Z-a"]
    assert sorted(p.name for p in ziel.iterdir()) == [".sperre", "aktuell", "releases"]


def test_only_the_last_five_releases_stay(tmp_path):
    ziel = tmp_path / "server"
    namen = [f"2026010{n}T000000000Z-x" for n in range(1, 8)]
    vorher = None
    for name in namen:
        assert veroeffentlichung.veroeffentlichen(gebaut(tmp_path, name), ziel, name) == vorher
        vorher = name
    assert veroeffentlichung.releases(ziel) == namen[2:]
    assert veroeffentlichung.aktuell(ziel) == namen[-1]
    assert (ziel / "aktuell" / "index.html").read_text(encoding="utf-8") == namen[-1]


def test_a_crashed_copy_is_cleared_and_hidden_folders_are_no_releases(tmp_path):
    ziel = tmp_path / "server"
    (ziel / "releases" / ".neu-alt").mkdir(parents=True)
    (ziel / "releases" / ".versteckt").mkdir()
    (ziel / "releases" / "datei.txt").write_text("x", encoding="utf-8")
    veroeffentlichung.veroeffentlichen(gebaut(tmp_path), ziel, "b")
    assert sorted(p.name for p in (ziel / "releases").iterdir()) == [".versteckt", "b", "datei.txt"]
    assert veroeffentlichung.releases(ziel) == ["b"]


def test_publishing_refuses_what_would_break(tmp_path):
    ziel = tmp_path / "server"
    leer = tmp_path / "leer"
    leer.mkdir()
    with pytest.raises(VeroeffentlichungsFehler) as raised:
        veroeffentlichung.veroeffentlichen(leer, ziel, "a")
    assert str(raised.value) == f"In {leer} liegt keine gebaute Website (index.html fehlt)."
    veroeffentlichung.veroeffentlichen(gebaut(tmp_path), ziel, "a")
    with pytest.raises(VeroeffentlichungsFehler) as raised:
        veroeffentlichung.veroeffentlichen(gebaut(tmp_path), ziel, "a")
    assert str(raised.value) == f"Die Fassung {ziel}/releases/a gibt es schon."
    ordner = tmp_path / "ordner"
    (ordner / "aktuell").mkdir(parents=True)
    with pytest.raises(VeroeffentlichungsFehler) as raised:
        veroeffentlichung.veroeffentlichen(gebaut(tmp_path), ordner, "a")
    assert str(raised.value) == (f"{ordner}/aktuell ist kein symbolischer Link. Bitte den Ordner umbenennen; die "
                                 "Veröffentlichung legt den Link selbst an.")


def test_before_the_first_release_nothing_is_current(tmp_path):
    assert veroeffentlichung.aktuell(tmp_path) is None
    assert veroeffentlichung.releases(tmp_path) == []


def test_rolling_back_needs_a_current_release_listed(tmp_path):
    ziel = tmp_path / "server"
    (ziel / "releases" / "a").mkdir(parents=True)
    (ziel / "aktuell").symlink_to("releases/weg")
    with pytest.raises(VeroeffentlichungsFehler) as raised:
        veroeffentlichung.zurueck(ziel)
    assert str(raised.value) == f"In {ziel} ist noch nichts veröffentlicht (aktuell fehlt)."


@pytest.fixture
def ortszeit_mez():
    """The machine's clock set to Central European Time (a server not kept on UTC)."""
    vorher = os.environ.get("TZ")
    os.environ["TZ"] = "MEZ-1"
    time.tzset()
    yield
    if vorher is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = vorher
    time.tzset()


def test_a_release_is_named_by_utc_time_to_the_millisecond_and_commit(tmp_path, ortszeit_mez):
    jetzt = dt.datetime(2026, 12, 2, 14, 5, 6, 789999, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert veroeffentlichung.kennung(jetzt, tmp_path) == "20261202T130506789Z-ohne-git"
    jetzt = dt.datetime(2026, 12, 2, 23, 59, 59, 5000, tzinfo=dt.timezone.utc)
    assert veroeffentlichung.kennung(jetzt, tmp_path) == "20261202T235959005Z-ohne-git"


def test_a_build_replaces_the_folder_in_one_step(tmp_path):
    ziel = tmp_path / "site"
    neu = bau.neuer_ordner(ziel)
    assert neu.parent == tmp_path and neu.name.startswith(".site-neu-")
    assert neu.stat().st_mode & 0o777 == 0o777 & ~bau._umask()
    (neu / "index.html").write_text("eins", encoding="utf-8")
    bau.einsetzen(neu, ziel)
    assert (ziel / "index.html").read_text(encoding="utf-8") == "eins" and not neu.exists()
    zweiter = bau.neuer_ordner(ziel)
    (zweiter / "index.html").write_text("zwei", encoding="utf-8")
    bau.einsetzen(zweiter, ziel)
    assert (ziel / "index.html").read_text(encoding="utf-8") == "zwei"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_file_in_the_way_is_not_replaced(tmp_path):
    ziel = tmp_path / "site"
    ziel.write_text("keine Website", encoding="utf-8")
    neu = bau.neuer_ordner(ziel)
    with pytest.raises(OSError):
        bau.einsetzen(neu, ziel)
    assert ziel.read_text(encoding="utf-8") == "keine Website"


def test_exchanging_with_a_missing_path_names_it(tmp_path):
    (tmp_path / "a").mkdir()
    with pytest.raises(OSError) as raised:
        bau.tauschen(tmp_path / "a", tmp_path / "fehlt")
    assert raised.value.errno == 2 and raised.value.filename == str(tmp_path / "fehlt")


def test_relative_paths_are_exchanged_too(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "eins").write_text("a", encoding="utf-8")
    (tmp_path / "b").mkdir()
    bau.tauschen(Path("a"), Path("b"))
    assert (tmp_path / "b" / "eins").read_text(encoding="utf-8") == "a" and not list((tmp_path / "a").iterdir())


def test_a_failed_exchange_says_why_in_the_systems_words(tmp_path):
    (tmp_path / "a").mkdir()
    with pytest.raises(OSError) as raised:
        bau.tauschen(tmp_path / "a", tmp_path / "fehlt")
    assert str(raised.value) == f"[Errno 2] No such file or directory: '{tmp_path}/fehlt'"


def kleine_website(tmp_path):
    """A folder with a tiny mkdocs.yml whose build hook writes the settings it was given into the site."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Start\n", encoding="utf-8")
    (tmp_path / "umgebung.py").write_text(
        "import os\nfrom pathlib import Path\n\n\ndef on_post_build(config):\n"
        "    Path(config.site_dir, 'umgebung.txt').write_text("
        "os.environ['HK_VORSCHAU'] + ' ' + os.environ['HK_TESTSYSTEM'])\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\nhooks: [umgebung.py]\n", encoding="utf-8")


@pytest.mark.parametrize("schalter, umgebung", [({}, "0 0"), ({"vorschau": True}, "1 0"), ({"testsystem": True}, "0 1")])
def test_a_build_is_told_which_build_it_is(tmp_path, monkeypatch, schalter, umgebung):
    kleine_website(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert bau.bauen(Path("tief/site"), **schalter) is True
    assert (tmp_path / "tief" / "site" / "umgebung.txt").read_text(encoding="utf-8") == umgebung


def test_a_failed_build_leaves_no_half_folder(tmp_path, monkeypatch):
    kleine_website(tmp_path)
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\nnav: [\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert bau.bauen(tmp_path / "site") is False
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs", "mkdocs.yml", "umgebung.py"]


def test_a_failed_build_that_took_its_folder_with_it_is_still_only_a_failure(tmp_path, monkeypatch):
    kleine_website(tmp_path)
    (tmp_path / "weg.py").write_text(
        "import shutil\nfrom mkdocs.exceptions import PluginError\n\n\ndef on_post_build(config):\n"
        "    shutil.rmtree(config.site_dir)\n    raise PluginError('kaputt')\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\nhooks: [weg.py]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert bau.bauen(tmp_path / "site") is False
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs", "mkdocs.yml", "umgebung.py", "weg.py"]


def test_a_new_folder_is_made_with_the_folders_above_it(tmp_path):
    neu = bau.neuer_ordner(tmp_path / "server" / "tief" / "site")
    assert neu.parent == tmp_path / "server" / "tief" and neu.name.startswith(".site-neu-")


def test_symbolic_links_of_a_build_stay_links(tmp_path):
    site = gebaut(tmp_path)
    (site / "verweis.html").symlink_to("index.html")
    ziel = tmp_path / "server"
    veroeffentlichung.veroeffentlichen(site, ziel, "a")
    assert os.readlink(ziel / "releases" / "a" / "verweis.html") == "index.html"


def test_a_release_in_git_is_named_by_its_short_commit(tmp_path):
    import subprocess

    subprocess.run(["git", "init", "--quiet", str(tmp_path)], check=True)
    subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "--quiet", "--allow-empty",
                    "-m", "x"], cwd=tmp_path, check=True)
    kurz = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=tmp_path, capture_output=True, text=True).stdout
    jetzt = dt.datetime(2026, 12, 2, 13, 5, 6, 999999, tzinfo=dt.timezone.utc)
    assert veroeffentlichung.kennung(jetzt, tmp_path) == f"20261202T130506999Z-{kurz.strip()}"
