"""The MkDocs hooks called directly, in this process, with MkDocs' own config and file objects.

Builds in a subprocess show that the hooks work together; these tests pin each hook's own decision
(which file it adds, which German message stops the build) fast enough for ``make mutation``.
"""
from __future__ import annotations

import gc
import gzip
import importlib.util
import logging
import re
from types import SimpleNamespace

import jinja2
import pikepdf
import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation

import aktuelles_hooks
import auslieferung_hooks
import build_hooks
import gesamtdokument_hooks
import hook_failure
import kalender_hooks
import metadaten_hooks
import offene_daten_hooks
import privacy_hooks
import suche_hooks
import textpruefung_hooks
import vorschau_hooks
import weiterleitung_hooks
from conftest import FIXTURE_DATA, ROOT, page_text
from handlungskonzept.ausgaben import components
from handlungskonzept.daten.model import Weiterleitung


@pytest.fixture(scope="session")
def mkdocs_config():
    """mkdocs.yml as MkDocs reads it (theme and plugins loaded once), with the complete test data."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"), site_url="https://www.beispiel.test/")
    config.extra["daten_verzeichnis"] = str(FIXTURE_DATA)
    config.plugins._current_plugin = None  # MkDocs sets it while it runs an event; File.generated reads it
    build_hooks.on_config(config)
    return config


@pytest.fixture
def config(mkdocs_config, tmp_path):
    """The session's config for one test: its own site folder, its data and extras restored afterwards."""
    extra, site_dir = dict(mkdocs_config.extra), mkdocs_config.site_dir
    mkdocs_config.site_dir = str(tmp_path / "site")
    mkdocs_config.extra["pruefdatum_probleme"] = []  # a hook adds to this list in place
    yield mkdocs_config
    mkdocs_config.extra.clear()
    mkdocs_config.extra.update(extra)
    mkdocs_config.site_dir = site_dir


def with_redirects(config, *pairs: tuple[str, str]):
    loaded = config.extra["daten"]
    daten = loaded.daten.model_copy(update={"weiterleitungen": [Weiterleitung(von=v, nach=n) for v, n in pairs]})
    config.extra["daten"] = type(loaded)(daten, loaded.positions, loaded.shown_as)
    return weiterleitung_hooks.on_files(get_files(config), config)


def redirect_target(files, von: str) -> tuple[str, str]:
    page = BeautifulSoup(files.get_file_from_path(f"{von}index.html").content_string, "html.parser")
    return page.find("meta", attrs={"http-equiv": "refresh"})["content"], page.find("link", rel="canonical")["href"]


def test_redirect_pages_follow_chains_to_the_last_page(config):
    files = with_redirects(config, ("alt/", "mittel/"), ("mittel/", "partner/"), ("a/b/", ""))
    assert redirect_target(files, "alt/") == ("0; url=../partner/", "https://www.beispiel.test/partner/")
    assert redirect_target(files, "mittel/") == ("0; url=../partner/", "https://www.beispiel.test/partner/")
    assert redirect_target(files, "a/b/") == ("0; url=../../", "https://www.beispiel.test/")
    page = BeautifulSoup(files.get_file_from_path("alt/index.html").content_string, "html.parser")
    assert page.title.get_text() == "Diese Seite hat eine neue Adresse – Handlungskonzept gegen Rechtsextremismus und Rassismus"
    assert page.main.a["href"] == "../partner/" and page.main.a.get_text() == "https://www.beispiel.test/partner/"


@pytest.mark.parametrize("pairs, message", [
    ((("partner/", "impressum/"),),
     "tests/fixtures/daten-vollstaendig/weiterleitungen.yml: Von „partner/“ soll weitergeleitet werden, doch dort steht eine Seite. "
     "Entfernen Sie die Weiterleitung oder die Seite."),
    ((("alt/", "weg/"),),
     "tests/fixtures/daten-vollstaendig/weiterleitungen.yml: Die Weiterleitung von „alt/“ führt nach „weg/“, "
     "doch diese Seite gibt es nicht."),
    ((("a/", "b/"), ("b/", "weg/")),
     "tests/fixtures/daten-vollstaendig/weiterleitungen.yml: Die Weiterleitung von „a/“ führt über „b/“ nach „weg/“, "
     "doch diese Seite gibt es nicht."),
    ((("a/", "b/"), ("b/", "c/"), ("c/", "weg/")),
     "tests/fixtures/daten-vollstaendig/weiterleitungen.yml: Die Weiterleitung von „a/“ führt über „b/“, „c/“ nach „weg/“, "
     "doch diese Seite gibt es nicht."),
    ((("a/", "b/"), ("b/", "a/")),
     "tests/fixtures/daten-vollstaendig/weiterleitungen.yml: Die Weiterleitungen von „a/“ führen im Kreis: a/ → b/ → a/. "
     "Eine davon muss auf eine Seite zeigen."),
], ids=["seite-besetzt", "ziel-fehlt", "zwei-schritte-ins-leere", "drei-schritte-ins-leere", "kreis"])
def test_wrong_redirects_stop_the_build_in_german(config, pairs, message):
    with pytest.raises(PluginError) as raised:
        with_redirects(config, *pairs)
    assert str(raised.value) == message


@pytest.fixture
def store(config, tmp_path, monkeypatch):
    """The build's store of this test: ``.cache/`` beside a ``mkdocs.yml`` in ``tmp_path``."""
    monkeypatch.setitem(config, "config_file_path", str(tmp_path / "mkdocs.yml"))
    return tmp_path / ".cache"


def stored(folder) -> list[str]:
    """The names of the results kept in one folder of the store (without files still being written)."""
    return sorted(p.name for p in folder.iterdir() if p.suffix != ".neu") if folder.is_dir() else []


def test_hooks_add_nothing_while_the_data_are_broken(config):
    config.extra["daten"] = None
    before = sorted(f.src_uri for f in get_files(config))
    assert sorted(f.src_uri for f in weiterleitung_hooks.on_files(get_files(config), config)) == before
    assert sorted(f.src_uri for f in kalender_hooks.on_files(get_files(config), config)) == before


def test_calendar_files_are_added_next_to_the_pages(config, store):
    files = kalender_hooks.on_files(get_files(config), config)
    assert len(stored(store / "kalender")) == 1  # kept for the next build
    added = sorted(f.src_uri for f in files if f.src_uri.endswith(".ics"))
    assert added == sorted(["regionalkonferenzen/termine.ics"] + [f"regionalkonferenzen/{town}/termin.ics" for town in (
        "erkrath", "haan", "heiligenhaus", "hilden", "langenfeld", "mettmann", "monheim-am-rhein", "ratingen",
        "velbert", "wuelfrath")])
    hilden = files.get_file_from_path("regionalkonferenzen/hilden/termin.ics").content_bytes
    assert b"\r\nUID:regionalkonferenz-hilden@handlungskonzept.kreis-mettmann\r\n" in hilden
    assert b"\r\nURL:https://www.beispiel.test/regionalkonferenzen/hilden/\r\n" in hilden


def test_privacy_check_names_built_file_line_and_source_page(config, tmp_path, store):
    privacy_hooks.on_files(get_files(config), config)
    site = tmp_path / "site"
    (site / "partner").mkdir(parents=True)
    (site / "partner" / "index.html").write_text(
        '<p>Text</p>\n<img src="https://cdn.example.com/logo.png" alt="">\n', encoding="utf-8")
    (site / "assets").mkdir()
    (site / "assets" / "extra.css").write_text("a {}\nb { background: url(//cdn.example.com/b.png) }\n",
                                                encoding="utf-8")
    with pytest.raises(PluginError) as raised:
        privacy_hooks.on_post_build(config)
    lines = str(raised.value).split("\n")
    assert lines[0] == (
        "Datenschutz-Prüfung fehlgeschlagen: Die Website würde Inhalte von fremden Servern laden. Dabei erfahren Dritte "
        "die IP-Adresse der Besucherinnen und Besucher; das ist nicht erlaubt. Legen Sie die Datei unter docs/ ab und "
        "verweisen Sie relativ darauf, oder entfernen Sie den Verweis. Ein normaler Link (<a href=…>) ist erlaubt.")
    assert sorted(lines[1:]) == [
        "- assets/extra.css, Zeile 2: CSS url() //cdn.example.com/b.png",
        "- partner/index.html, Zeile 2 (Seite aus docs/partner.md): Bild (img src) https://cdn.example.com/logo.png"]
    assert len(stored(store / "fremde-inhalte")) == 2  # each scanned file, so an unchanged one is not scanned again


def test_privacy_check_passes_a_site_of_its_own_files(config, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text('<img src="bilder/a.png"><a href="https://example.org/">Link</a>', encoding="utf-8")
    assert privacy_hooks.on_post_build(config) is None


def page(src_uri: str, **meta):
    """What the hooks read of a MkDocs page: its front matter and its file (a generated one has no source path)."""
    return SimpleNamespace(meta=meta, file=SimpleNamespace(src_uri=src_uri, abs_src_path=None))


@pytest.mark.parametrize("description", ['Ein "Zitat".', "a < b", "a > b"])
def test_description_with_straight_quotes_or_brackets_stops_the_build(config, description):
    with pytest.raises(PluginError) as raised:
        metadaten_hooks.on_page_markdown("# T", page("neu.md", description=description), config, None)
    assert str(raised.value) == ("docs/neu.md: „description“ darf keine geraden Anführungszeichen (\") und keine "
                                 "spitzen Klammern (< >) enthalten. Bitte typografische Anführungszeichen „…“ verwenden.")


def test_a_description_with_typographic_quotes_and_letters_passes(config):
    seite = page("neu.md", description="„XY“ – ein Satz mit X.")
    assert metadaten_hooks.on_page_markdown("# T", seite, config, None) == "# T"


def test_share_metadata_for_posts_and_pages(config):
    import datetime as dt

    post = page("aktuelles/2026-11-25-stand-der-arbeit.md", datum=dt.date(2026, 11, 25), description="„Zitat“")
    assert metadaten_hooks.on_page_markdown("# T", post, config, None) == "# T"
    assert metadaten_hooks.on_page_context({}, post, config, None)["hk_teilen"] == {
        "typ": "article", "datum": dt.date(2026, 11, 25), "bild": "https://www.beispiel.test/assets/bilder/teilen.png"}
    assert metadaten_hooks.on_page_context({}, page("partner.md", datum=dt.date(2026, 1, 1)), config, None)[
        "hk_teilen"] == {"typ": "website", "datum": None, "bild": "https://www.beispiel.test/assets/bilder/teilen.png"}


def test_conference_pages_are_generated_for_towns_without_their_own(config):
    files = build_hooks.on_files(get_files(config), config)
    generated = sorted(f.src_uri for f in files if f.generated_by and f.src_uri.startswith("regionalkonferenzen/"))
    assert generated == [f"regionalkonferenzen/{town}.md" for town in (
        "erkrath", "haan", "heiligenhaus", "langenfeld", "mettmann", "monheim-am-rhein", "ratingen", "velbert",
        "wuelfrath")]  # hilden.md is written by hand
    _, front, body = files.get_file_from_path("regionalkonferenzen/haan.md").content_string.split("---\n")
    assert yaml.safe_load(front) == {
        "title": "Regionalkonferenz Haan",
        "description": "Was die Quellen über die Regionalkonferenz in Haan zum Handlungskonzept gegen Rechtsextremismus "
                       "und Rassismus des Kreises Mettmann berichten.",
        "quelle_daten": "regionalkonferenzen", "quelle_eintrag": "haan"}
    assert body == '\n# Regionalkonferenz Haan\n\n{{ konferenz("haan") }}\n'


def test_a_conference_page_for_an_unknown_town_stops_the_build(config):
    from mkdocs.structure.files import File

    files = get_files(config)
    files.append(File.generated(config, "regionalkonferenzen/solingen.md", content="# Solingen\n"))
    with pytest.raises(PluginError) as raised:
        build_hooks.on_files(files, config)
    assert str(raised.value) == (
        "docs/regionalkonferenzen/solingen.md: Zu „solingen“ gibt es keinen Eintrag in "
        "tests/fixtures/daten-vollstaendig/regionalkonferenzen.yml. Erlaubt sind: erkrath, haan, heiligenhaus, hilden, "
        "langenfeld, mettmann, monheim-am-rhein, ratingen, velbert, wuelfrath.")


def test_a_page_without_description_stops_the_build(config):
    seite = page("neu.md", title="T")
    with pytest.raises(PluginError) as raised:
        build_hooks.on_page_markdown("# T", seite, config, None)
    assert str(raised.value) == (
        "docs/neu.md: Im Kopf der Seite (zwischen den Linien „---“) fehlt „description:“ – ein deutscher Satz, der die "
        "Seite zusammenfasst. Er erscheint in Suchmaschinen und in der Vorschau geteilter Links. Beispiel:\n---\n"
        "title: Titel der Seite\ndescription: Ein Satz über den Inhalt.\n---")


def test_with_data_errors_every_page_shows_the_error_list(config):
    from handlungskonzept.daten.problems import DatenFehler, Problem

    seite = page("neu.md", description="Ein Satz.")
    assert build_hooks.on_page_markdown("# T", seite, config, None) == "# T"
    config.extra["datenfehler"] = DatenFehler([Problem("data/partner.yml", 3, 5, "name", "Pflichtfeld fehlt.")])
    html = BeautifulSoup(build_hooks.on_page_markdown("# T", seite, config, None), "html.parser")
    assert seite.meta["render_macros"] is False
    assert "data/partner.yml, Zeile 3, Spalte 5 – Feld „name“: Pflichtfeld fehlt." in html.get_text()


POST = "aktuelles/2026-11-25-stand-der-arbeit.md"


def test_posts_are_read_and_the_feed_lists_them(config):
    config.extra["entwuerfe_ausgelassen"] = set()
    files = aktuelles_hooks.on_files(get_files(config), config)
    assert [(b.datei, b.title) for b in config.extra["beitraege"]] == [
        (POST, "Was die Mitteilungsvorlage über das Handlungskonzept berichtet")]
    atom = files.get_file_from_path("aktuelles/feed.xml").content_string
    assert atom.count("<entry>") == 11  # the post and the ten conferences
    assert "<title>Aktuelles – Handlungskonzept gegen Rechtsextremismus und Rassismus</title>" in atom
    assert (
        '  <entry>\n    <id>urn:uuid:74f37654-ddae-57d4-a56c-90619695f119</id>\n'
        '    <title>Was die Mitteilungsvorlage über das Handlungskonzept berichtet</title>\n'
        '    <link rel="alternate" type="text/html" href="https://www.beispiel.test/aktuelles/2026-11-25-stand-der-arbeit/"/>\n'
        '    <published>2026-11-25T00:00:00Z</published>\n    <updated>2026-11-25T00:00:00Z</updated>\n'
        '    <category term="Aktuelles"/>\n') in atom


def test_a_draft_left_out_of_this_build_is_no_post(config):
    config.extra["entwuerfe_ausgelassen"] = {POST}
    files = aktuelles_hooks.on_files(get_files(config), config)
    assert config.extra["beitraege"] == []
    assert files.get_file_from_path("aktuelles/feed.xml").content_string.count("<entry>") == 10


def test_without_data_the_posts_are_read_but_no_feed_is_written(config):
    config.extra.update(entwuerfe_ausgelassen=set(), daten=None)
    files = aktuelles_hooks.on_files(get_files(config), config)
    assert len(config.extra["beitraege"]) == 1
    assert files.get_file_from_path("aktuelles/feed.xml") is None


def test_a_bad_post_stops_the_build_naming_where(config, tmp_path, monkeypatch):
    (tmp_path / "aktuelles").mkdir()
    (tmp_path / "aktuelles" / "Neuer Beitrag.md").write_text(page_text("Neu"), encoding="utf-8")
    monkeypatch.setitem(config, "docs_dir", str(tmp_path))
    config.extra.update(entwuerfe_ausgelassen=set(), beitraege=["alt"])
    with pytest.raises(PluginError) as raised:
        aktuelles_hooks.on_files(get_files(config), config)
    assert str(raised.value) == (
        "1 Fehler in den Beiträgen unter „Aktuelles“ – die Website wurde nicht gebaut, die veröffentlichte Fassung "
        "bleibt unverändert:\n  • docs/aktuelles/Neuer Beitrag.md: Der Dateiname muss die Form JJJJ-MM-TT-kurzname.md "
        "haben (Kleinbuchstaben, Ziffern, Bindestriche), z. B. 2026-11-25-stand-der-arbeit.md. Er ist die feste "
        "Adresse des Beitrags.")
    assert config.extra["beitraege"] == []


def test_posts_hang_below_the_news_page_in_the_breadcrumb(config):
    config.extra["entwuerfe_ausgelassen"] = set()
    files = aktuelles_hooks.on_files(get_files(config), config)
    nav = get_navigation(files, config)
    assert aktuelles_hooks.on_nav(nav, config, files) is nav
    assert files.get_file_from_path(POST).page.parent.file.src_uri == "aktuelles/index.md"
    assert files.get_file_from_path("aktuelles/index.md").page.parent is None


def post_markdown(config, markdown: str, src_uri: str = POST) -> str:
    config.extra["entwuerfe_ausgelassen"] = set()
    aktuelles_hooks.on_files(get_files(config), config)
    return aktuelles_hooks.on_page_markdown(markdown, page(src_uri), config, None)


DATUMSZEILE = ('<p class="hk-beitragsdatum">Veröffentlicht am <time datetime="2026-11-25">25. November 2026</time>'
               '</p>')


def test_a_post_shows_its_date_below_its_heading(config):
    assert post_markdown(config, "Vorspann\n# Titel\n\nText\n") == f"Vorspann\n# Titel\n\n{DATUMSZEILE}\n\nText\n"
    assert post_markdown(config, "Nur Text\n") == f"\n\n{DATUMSZEILE}\n\nNur Text\n"
    assert post_markdown(config, "# Titel\n", src_uri="partner.md") == "# Titel\n"


def test_with_data_errors_a_post_gets_no_date_line(config):
    config.extra["datenfehler"] = "Fehlerliste"
    assert post_markdown(config, "# Titel\n") == "# Titel\n"


def test_every_page_head_links_the_feed(config):
    env = SimpleNamespace(globals={})
    assert aktuelles_hooks.on_env(env, config, None) is env
    assert env.globals == {"hk_feed": "https://www.beispiel.test/aktuelles/feed.xml"}


SYNTAXFEHLER = ("# _Macro Syntax Error_\n\n_File_: `neu.md`\n\n_Line 3 in Markdown file:_ **unexpected '}', "
                "expected ')'**\n```markdown\n{{ offen(\"a\" }}\n```")
SYNTAXMELDUNG = (
    "Fehler in einem Platzhalter mit geschweiften Klammern („{{ … }}“ oder „{% … %}“). Das Zeichen „}“ steht an "
    "einer Stelle, an der es nicht passt (fehlt davor eine Klammer, oder ist eine zu viel?). Erwartet wurde hier „)“. "
    "Soll eine Klammer wörtlich erscheinen, schreiben Sie {{ '{{' }}. (technische Angabe: unexpected '}', expected ')')")


def source_page(tmp_path, text: str, markdown: str = "", **meta):
    """A page read from a file under docs/ (here: ``neu.md`` in ``tmp_path``)."""
    (tmp_path / "neu.md").write_text(text, encoding="utf-8")
    return SimpleNamespace(markdown=markdown, meta=meta,
                           file=SimpleNamespace(src_uri="neu.md", abs_src_path=str(tmp_path / "neu.md")))


@pytest.mark.parametrize("text, zeile", [
    ('---\ntitle: N\ndescription: D.\n---\nText\n\n{{ offen("a" }}\n', 7),  # lines after the front matter
    ('Text\n\n{{ offen("a" }}\n', 3),
], ids=["mit-kopf", "ohne-kopf"])
def test_a_macro_error_stops_the_build_naming_the_line_of_the_file(config, tmp_path, text, zeile):
    seite = source_page(tmp_path, text, markdown=SYNTAXFEHLER)
    with pytest.raises(PluginError) as raised:
        build_hooks.on_page_content("<p>x</p>", seite, config, None)
    assert str(raised.value) == f"docs/neu.md, Zeile {zeile}: {SYNTAXMELDUNG}"


def test_a_macro_error_on_a_generated_page_names_the_page_only(config):
    seite = SimpleNamespace(markdown=SYNTAXFEHLER, meta={}, file=SimpleNamespace(src_uri="neu.md", abs_src_path=None))
    with pytest.raises(PluginError) as raised:
        build_hooks.on_page_content("<p>x</p>", seite, config, None)
    assert str(raised.value) == f"docs/neu.md: {SYNTAXMELDUNG}"


def test_a_page_without_macro_error_passes_unchanged(config):
    seite = SimpleNamespace(markdown="Text über # _Macro Syntax Error_", meta={}, file=None)
    assert build_hooks.on_page_content("<p>x</p>", seite, config, None) == "<p>x</p>"
    assert build_hooks.on_page_content("<p>x</p>", SimpleNamespace(markdown=None), config, None) == "<p>x</p>"


@pytest.mark.parametrize("message, shown", [
    ("# _Macro Syntax Error_\n\n_File_: `neu.md`", False),
    ("[macros] - ERROR  # _Macro Rendering Error_\n", False),
    ("[macros] - ERROR  Ein anderer Fehler", True),
    ("Text # _Macro Syntax Error_", True),
    ("[macros] - ERROR # _Macro Rendering Error_\n\n_UndefinedError_: ERROR im Text", False),  # only the first counts
])
def test_macros_english_error_log_is_left_out(message, shown):
    record = logging.LogRecord("mkdocs.plugins.mkdocs_macros.util", logging.ERROR, "", 0, message, None, None)
    assert build_hooks._MacroErrorFilter().filter(record) is shown


@pytest.mark.parametrize("message, shown", [
    ("Error reading page 'neu.md':", False),
    ("Error reading page 'neu.md': Datei nicht lesbar", True),
    ("Fehler in docs/neu.md", True),
])
def test_mkdocs_bare_page_error_announcement_is_left_out(message, shown):
    record = logging.LogRecord("mkdocs.commands.build", logging.ERROR, "", 0, message, None, None)
    assert build_hooks._PageErrorFilter().filter(record) is shown


def test_both_log_filters_are_installed():
    assert any(isinstance(f, build_hooks._MacroErrorFilter)
               for f in logging.getLogger("mkdocs.plugins.mkdocs_macros.util").filters)
    assert any(isinstance(f, build_hooks._PageErrorFilter) for f in logging.getLogger("mkdocs.commands.build").filters)


def test_startup_remembers_whether_the_preview_runs():
    try:
        build_hooks.on_startup("serve", dirty=False)
        assert hook_failure.serving() is True
        build_hooks.on_startup("build", dirty=False)
        assert hook_failure.serving() is False
    finally:
        hook_failure.on_startup("build")


def test_startup_freezes_what_is_loaded_and_turns_the_collector_on():
    """No collection walks what the build has loaded by then; what it makes after is collected."""
    gc.disable()
    loaded = []
    try:
        build_hooks.on_startup("build", dirty=False)
        made = []
        assert gc.isenabled()
        collected = [o for generation in range(3) for o in gc.get_objects(generation)]
        assert not any(o is loaded for o in collected)
        assert any(o is made for o in collected)
    finally:
        gc.enable()
        hook_failure.on_startup("build")


def test_loading_the_hooks_again_freezes_nothing():
    """``mkdocs serve`` loads the hooks again for each rebuild: the previous build must stay collectable."""
    spec = importlib.util.spec_from_file_location("build_hooks_wieder", ROOT / "macros" / "build_hooks.py")
    before = gc.get_freeze_count()
    spec.loader.exec_module(importlib.util.module_from_spec(spec))
    assert gc.get_freeze_count() == before


def test_config_loads_the_data_and_dates_the_sitemap_by_their_check(config, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    config.extra.update(datenfehler="alt", pruefdatum_probleme=["alt"])
    assert build_hooks.on_config(config) is config
    assert config.extra["datenfehler"] is None and config.extra["pruefdatum_probleme"] == []
    assert config.extra["daten"].shown_as["partner"] == "tests/fixtures/daten-vollstaendig/partner.yml"
    assert config.extra["daten"].daten.projekt.geprueft.isoformat() == "2027-06-30"
    import os
    assert os.environ["SOURCE_DATE_EPOCH"] == "1814313600"  # 2027-06-30 00:00 UTC


def broken_data(data_copy):
    return data_copy(partner=lambda text: text.replace("name: IMAP Institut", "name: ''", 1))


def test_broken_data_stop_the_build_with_the_list(config, data_copy):
    daten = broken_data(data_copy)
    config.extra["daten_verzeichnis"] = str(daten)  # outside the project: named by its full path
    with pytest.raises(PluginError) as raised:
        build_hooks.on_config(config)
    assert str(raised.value).split("\n")[0] == (
        "1 Fehler in den Daten – die Website wurde nicht gebaut, die veröffentlichte Fassung bleibt unverändert:")
    assert str(raised.value).split("\n")[1].startswith(f"  • {daten}/partner.yml, Zeile ")
    assert config.extra["daten"] is None
    assert config.extra["datenfehler"].problems[0].datei == f"{daten}/partner.yml"


def test_broken_data_while_serving_are_logged_and_the_preview_shows_them(config, data_copy, caplog):
    config.extra["daten_verzeichnis"] = str(broken_data(data_copy))
    logger = logging.getLogger("handlungskonzept.vorschau")
    try:
        hook_failure.on_startup("serve")
        logger.propagate = True
        with caplog.at_level(logging.ERROR, logger="handlungskonzept.vorschau"):
            build_hooks.on_config(config)
    finally:
        logger.propagate = False
        hook_failure.on_startup("build")
    assert caplog.messages[0].split("\n")[0] == (
        "1 Fehler in den Daten – die Vorschau zeigt statt der Seiten diese Liste:")
    assert config.extra["daten"] is None and len(config.extra["datenfehler"].problems) == 1


@pytest.mark.parametrize("description", [None, "", "   "])
def test_an_empty_description_stops_the_build(config, description):
    with pytest.raises(PluginError) as raised:
        build_hooks.on_page_markdown("# T", page("neu.md", description=description), config, None)
    assert str(raised.value).startswith("docs/neu.md: Im Kopf der Seite (zwischen den Linien „---“) fehlt „description:“")


KOPF_OHNE_PRUEFDATUM = "---\ntitle: N\ndescription: D.\n---\n# N\n"
FEHLT_GEPRUEFT = ("  • docs/neu.md, Zeile 4 – Feld „geprueft“: Im Kopf der Seite (zwischen den Linien „---“) fehlt "
                  "„geprueft:“ – das Datum, an dem eine Person die Seite zuletzt gegen die Quelle geprüft hat. "
                  "Beispiel:\n---\ntitle: Titel der Seite\ngeprueft: 2026-11-25\npruefen_bis: 2027-05-25\n---")


def test_missing_review_dates_of_all_pages_are_reported_once_at_the_end(config, tmp_path):
    seite = source_page(tmp_path, KOPF_OHNE_PRUEFDATUM, description="D.")
    assert build_hooks.on_page_markdown("# N", seite, config, None) == "# N"
    build_hooks.on_page_markdown("# N", seite, config, None)
    assert [(p.feld, p.zeile) for p in config.extra["pruefdatum_probleme"]] == [
        ("geprueft", 4), ("pruefen_bis", 4), ("geprueft", 4), ("pruefen_bis", 4)]
    with pytest.raises(PluginError) as raised:
        build_hooks.on_post_build(config)
    lines = str(raised.value).split("\n")
    assert lines[0] == ("4 Fehler in den Daten – die Website wurde nicht gebaut, die veröffentlichte Fassung bleibt "
                        "unverändert:")
    assert "\n".join(lines[1:7]) == FEHLT_GEPRUEFT


def test_a_page_checked_after_the_data_is_reported_only_while_the_data_load(config, tmp_path):
    text = "---\ntitle: N\ndescription: D.\ngeprueft: 2027-07-01\npruefen_bis: 2027-12-01\n---\n# N\n"
    build_hooks.on_page_markdown("# N", source_page(tmp_path, text, description="D."), config, None)
    assert [(p.feld, p.zeile) for p in config.extra["pruefdatum_probleme"]] == [("geprueft", 4)]
    config.extra.update(pruefdatum_probleme=[], daten=None)
    build_hooks.on_page_markdown("# N", source_page(tmp_path, text, description="D."), config, None)
    assert config.extra["pruefdatum_probleme"] == []
    assert build_hooks.on_post_build(config) is None


def test_review_dates_are_shown_only_when_both_are_dates(config):
    import datetime as dt

    seite = page("neu.md", geprueft=dt.date(2026, 11, 25), pruefen_bis=dt.date(2027, 5, 25))
    context = build_hooks.on_page_context({}, seite, config, None)
    assert context["hk_pruefdatum"] == (
        '<div class="hk-pruefdatum" role="note" aria-label="Prüfung dieser Seite">\n'
        '<p>Diese Seite wurde zuletzt am <time datetime="2026-11-25">25. November 2026</time> geprüft.\n'
        'Nächste Prüfung: bis <time datetime="2027-05-25">25. Mai 2027</time>.</p>\n</div>')
    assert build_hooks.on_page_context({}, page("neu.md", geprueft=dt.date(2026, 11, 25), pruefen_bis="bald"),
                                       config, None) == {}
    assert build_hooks.on_page_context({}, page("neu.md", geprueft="gestern", pruefen_bis=dt.date(2027, 5, 25)),
                                       config, None) == {}


def test_conference_pages_hang_below_the_overview_in_the_breadcrumb(config):
    files = build_hooks.on_files(get_files(config), config)
    nav = get_navigation(files, config)
    assert build_hooks.on_nav(nav, config, files) is nav
    assert files.get_file_from_path("regionalkonferenzen/haan.md").page.parent.file.src_uri == "regionalkonferenzen/index.md"
    assert files.get_file_from_path("partner.md").page.parent is None


def test_pages_deeper_or_elsewhere_are_no_conference_pages(config):
    from mkdocs.structure.files import File

    files = get_files(config)
    for src in ("regionalkonferenzen/archiv/solingen.md", "solingen/regionalkonferenzen.md"):
        files.append(File.generated(config, src, content="# Solingen\n"))
    added = {f.src_uri for f in build_hooks.on_files(files, config)}
    assert {"regionalkonferenzen/archiv/solingen.md", "regionalkonferenzen/haan.md"} <= added


@pytest.fixture
def notizen_danach_an():
    """vorschau_hooks.on_config switches the editors' notes; every other test expects the default (on)."""
    yield
    components.notizen(True)


def settings(config, **extra):
    config.extra.update({"vorschau": "0", "testsystem": "0", "bearbeiten_url": "https://git.test/edit/", **extra})
    return vorschau_hooks.on_config(config)


def test_the_published_build_writes_no_editors_notes(config, notizen_danach_an):
    config.extra["entwuerfe_ausgelassen"] = {"alt.md"}
    assert settings(config) is config
    assert config.extra["entwuerfe_ausgelassen"] == set()
    assert config.extra["einstellungen"].vorschau is False
    assert components.render("offener-punkt", text="T") == '<span class="hk-offen">Diese Angabe liegt noch nicht vor.</span>'
    settings(config, vorschau="1")
    assert components.render("offener-punkt", text="T") == (
        '<span class="hk-offen" data-offen="T">Diese Angabe liegt noch nicht vor.</span>')


def test_a_setting_that_is_no_switch_stops_the_build(config, notizen_danach_an):
    with pytest.raises(PluginError) as raised:
        settings(config, vorschau="ja")
    assert str(raised.value) == (
        "1 Fehler in den Einstellungen – die Website wurde nicht gebaut, die veröffentlichte Fassung bleibt "
        "unverändert:\n  • mkdocs.yml – Feld „extra › vorschau“ – Wert „ja“: Nur 1 (an) oder 0 (aus) erlaubt – "
        "gesetzt über die Umgebungsvariable HK_VORSCHAU.")
    assert config.extra["einstellungen"].vorschau is False


ENTWURF = "---\ntitle: E\ndescription: D.\nentwurf: true\n---\n# E\n"


@pytest.fixture
def entwurf_docs(config, tmp_path, monkeypatch):
    """docs/ with a home page, a published page linking a draft, and the draft, in the menu."""
    docs = tmp_path / "docs"
    (docs / "bereich").mkdir(parents=True)
    (docs / "index.md").write_text("---\ntitle: S\ndescription: D.\n---\n# S\n", encoding="utf-8")
    (docs / "bereich" / "seite.md").write_text("# T\n\nText\nSiehe [Entwurf](entwurf.md).\n", encoding="utf-8")
    (docs / "bereich" / "entwurf.md").write_text(ENTWURF, encoding="utf-8")
    monkeypatch.setitem(config, "docs_dir", str(docs))
    monkeypatch.setitem(config, "nav", [{"Start": "index.md"}, {"Bereich": [{"E": "bereich/entwurf.md"}]},
                                        "bereich/entwurf.md", {"Mehr": ["bereich/seite.md", "bereich/entwurf.md"]},
                                        ["bereich/entwurf.md", "bereich/seite.md"]])
    return docs


def test_the_published_build_leaves_drafts_out_of_files_and_menu(config, entwurf_docs, notizen_danach_an):
    settings(config)
    files = vorschau_hooks.on_files(get_files(config), config)
    assert sorted(f.src_uri for f in files.documentation_pages()) == ["bereich/seite.md", "index.md"]
    assert config.extra["entwuerfe"] == {"bereich/entwurf.md": 4}
    assert config.extra["entwuerfe_ausgelassen"] == {"bereich/entwurf.md"}
    assert config.nav == [{"Start": "index.md"}, {"Mehr": ["bereich/seite.md"]}, ["bereich/seite.md"]]


def test_the_preview_keeps_drafts(config, entwurf_docs, notizen_danach_an):
    settings(config, vorschau="1")
    files = vorschau_hooks.on_files(get_files(config), config)
    assert sorted(f.src_uri for f in files.documentation_pages()) == ["bereich/entwurf.md", "bereich/seite.md", "index.md"]
    assert config.extra["entwuerfe"] == {"bereich/entwurf.md": 4}
    assert config.extra["entwuerfe_ausgelassen"] == set()
    assert len(config.nav) == 5


def test_a_draft_switch_that_is_no_boolean_stops_the_build(config, entwurf_docs, notizen_danach_an):
    (entwurf_docs / "bereich" / "entwurf.md").write_text(ENTWURF.replace("true", "bald"), encoding="utf-8")
    settings(config)
    with pytest.raises(PluginError) as raised:
        vorschau_hooks.on_files(get_files(config), config)
    assert str(raised.value) == (
        "1 Fehler im Kopf der Seiten – die Website wurde nicht gebaut, die veröffentlichte Fassung bleibt "
        "unverändert:\n  • docs/bereich/entwurf.md, Zeile 4, Spalte 1 – Feld „entwurf“ – Wert „bald“: Nur „entwurf: "
        "true“ (Seite ist ein Entwurf) oder „entwurf: false“ ist erlaubt.")
    assert config.extra["entwuerfe"] == {}


def docs_page(docs, src_uri: str, **meta):
    return SimpleNamespace(meta=meta, file=SimpleNamespace(src_uri=src_uri, abs_src_path=str(docs / src_uri)))


def test_a_link_to_a_left_out_draft_stops_the_build(config, entwurf_docs, notizen_danach_an):
    settings(config)
    vorschau_hooks.on_files(get_files(config), config)
    assert vorschau_hooks.on_page_markdown("# S", docs_page(entwurf_docs, "index.md"), config, None) == "# S"
    with pytest.raises(PluginError) as raised:
        vorschau_hooks.on_page_markdown("# T", docs_page(entwurf_docs, "bereich/seite.md"), config, None)
    assert str(raised.value) == (
        "docs/bereich/seite.md, Zeile 4: Der Link führt zum Entwurf docs/bereich/entwurf.md („entwurf: true“ in "
        "Zeile 4). Entwürfe werden nicht veröffentlicht, der Link wäre kaputt. Entfernen Sie den Link, oder geben Sie "
        "den Entwurf frei, indem Sie „entwurf: true“ löschen.")
    generated = SimpleNamespace(meta={}, file=SimpleNamespace(src_uri="bereich/seite.md", abs_src_path=None))
    assert vorschau_hooks.on_page_markdown("# T", generated, config, None) == "# T"


def test_the_preview_may_link_drafts(config, entwurf_docs, notizen_danach_an):
    settings(config, vorschau="1")
    vorschau_hooks.on_files(get_files(config), config)
    assert vorschau_hooks.on_page_markdown("# T", docs_page(entwurf_docs, "bereich/seite.md"), config, None) == "# T"


BANNER_ANFANG = ('<aside class="hk-vorschau" aria-label="Vorschau">\n<div class="hk-vorschau__inhalt md-grid md-typeset">\n'
                 '<p class="hk-vorschau__titel"><strong>Vorschau – nicht veröffentlicht</strong></p>\n'
                 '<p>Diese Fassung ist nur für die Redaktion. Offene Punkte sind farbig hervorgehoben.</p>\n')


def test_the_preview_banner_links_the_source_of_the_page(config, entwurf_docs, notizen_danach_an):
    settings(config, vorschau="1", bearbeiten_url="https://git.test/edit/main/")
    vorschau_hooks.on_files(get_files(config), config)
    context = vorschau_hooks.on_page_context({}, docs_page(entwurf_docs, "bereich/entwurf.md"), config, None)
    assert context["hk_vorschau"] == BANNER_ANFANG + (
        '<p class="hk-vorschau__entwurf"><strong>Entwurf:</strong> Diese Seite erscheint nicht auf der veröffentlichten '
        'Website, solange im Kopf „entwurf: true“ steht.</p>\n'
        '<p>Quelle dieser Seite: <a href="https://git.test/edit/main/docs/bereich/entwurf.md" rel="edit">'
        'docs/bereich/entwurf.md bearbeiten</a></p>\n</div>\n</aside>')
    konferenz = page("regionalkonferenzen/haan.md", quelle_daten="regionalkonferenzen", quelle_eintrag="haan")
    assert vorschau_hooks.on_page_context({}, konferenz, config, None)["hk_vorschau"] == BANNER_ANFANG + (
        '<p>Quelle dieser Seite: <a href="https://git.test/edit/main/tests/fixtures/daten-vollstaendig/'
        'regionalkonferenzen.yml#L30" rel="edit">tests/fixtures/daten-vollstaendig/regionalkonferenzen.yml, '
        'Zeile 30 bearbeiten</a></p>\n</div>\n</aside>')
    unbekannt = page("regionalkonferenzen/x.md", quelle_daten="regionalkonferenzen", quelle_eintrag="x")
    assert 'href="https://git.test/edit/main/tests/fixtures/daten-vollstaendig/regionalkonferenzen.yml" rel="edit"' in (
        vorschau_hooks.on_page_context({}, unbekannt, config, None)["hk_vorschau"])
    loaded = config.extra["daten"]
    config.extra["daten"] = type(loaded)(loaded.daten, {**loaded.positions, "regionalkonferenzen": {}}, loaded.shown_as)
    assert ('rel="edit">tests/fixtures/daten-vollstaendig/regionalkonferenzen.yml bearbeiten</a>' in  # line unknown
            vorschau_hooks.on_page_context({}, konferenz, config, None)["hk_vorschau"])
    settings(config, vorschau="1", bearbeiten_url="https://git.test/X/")
    assert 'href="https://git.test/X/docs/index.md"' in vorschau_hooks.on_page_context({}, page("index.md"), config,
                                                                                       None)["hk_vorschau"]
    config.extra["daten"] = None
    assert 'href="https://git.test/X/docs/regionalkonferenzen/haan.md" rel="edit"' in (
        vorschau_hooks.on_page_context({}, konferenz, config, None)["hk_vorschau"])


def test_the_published_build_has_no_banner(config, entwurf_docs, notizen_danach_an):
    settings(config)
    assert vorschau_hooks.on_page_context({}, page("index.md"), config, None) == {}


@pytest.mark.parametrize("extra, noindex, banner", [
    ({}, False, False), ({"testsystem": "1"}, True, False), ({"vorschau": "1"}, True, True)])
def test_every_template_knows_noindex_and_the_banner(config, notizen_danach_an, extra, noindex, banner):
    settings(config, **extra)
    env = SimpleNamespace(globals={})
    assert vorschau_hooks.on_env(env, config, None) is env
    assert env.globals["hk_noindex"] is noindex
    assert env.globals["hk_vorschau"] == (BANNER_ANFANG + "</div>\n</aside>" if banner else None)


def test_open_data_files_are_added_and_kept_for_their_sizes(config, store):
    files = offene_daten_hooks.on_files(get_files(config), config)
    assert len(stored(store / "katalog")) == 1  # the catalogue is kept for the next build
    dateien = ["offene-daten/katalog.rdf", "offene-daten/katalog.ttl", "offene-daten/partner.csv",
               "offene-daten/partner.csv.schema.json", "offene-daten/partner.json", "offene-daten/partner.json.schema.json",
               "offene-daten/regionalkonferenzen.csv", "offene-daten/regionalkonferenzen.csv.schema.json",
               "offene-daten/regionalkonferenzen.json", "offene-daten/regionalkonferenzen.json.schema.json"]
    assert sorted(config.extra["offene_daten"]) == dateien
    assert sorted(f.src_uri for f in files if f.src_uri.startswith("offene-daten/")) == dateien
    assert files.get_file_from_path("offene-daten/partner.csv").content_bytes == config.extra["offene_daten"][
        "offene-daten/partner.csv"]
    assert b",https://www.beispiel.test/partner/#kreisintegrationszentrum," in config.extra["offene_daten"][
        "offene-daten/partner.csv"]
    assert b"<https://www.beispiel.test/offene-daten/#katalog> a dcat:Catalog" in config.extra["offene_daten"][
        "offene-daten/katalog.ttl"]
    config.extra.update(daten=None, offene_daten="vorher")
    assert not [f for f in offene_daten_hooks.on_files(get_files(config), config) if f.src_uri.startswith("offene-daten/")]
    assert config.extra["offene_daten"] == "vorher"


def test_the_text_check_reads_every_page_and_reports_after_the_build(config, tmp_path):
    textpruefung_hooks.on_pre_build(config)
    seite = source_page(tmp_path, "# N\n\nText\n\nDer Termin folgt.\n")
    html = "<article><h1>N</h1><p>Text</p><p>Der Termin folgt.</p></article>"
    assert textpruefung_hooks.on_post_page(html, seite, config) == html
    generated = SimpleNamespace(meta={"leichte_sprache": True}, file=SimpleNamespace(src_uri="gen.md", abs_src_path=None))
    textpruefung_hooks.on_post_page("<p>Kurz.</p>", generated, config)
    assert [(s.datei, s.quelltext is None, s.leichte_sprache) for s in textpruefung_hooks._seiten] == [
        ("docs/neu.md", False, False), ("docs/gen.md", True, True)]
    with pytest.raises(PluginError) as raised:
        textpruefung_hooks.on_post_build(config)
    assert str(raised.value) == (
        "1 Fehler im Text – die Website wurde nicht veröffentlicht:\n  • docs/neu.md, Zeile 5 – Feld „Text“ – Wert "
        "„Der Termin folgt.“: „Termin folgt“ verspricht etwas, das die Quelle nur plante. Berichten Sie, was die "
        "Quelle zu ihrer Zeit sagte, z. B. „Laut Vorlage war … geplant“; gibt es nichts Neueres: „Neuere Angaben "
        "liegen nicht vor.“")
    config.extra["daten"] = None
    assert textpruefung_hooks.on_post_build(config) is None
    textpruefung_hooks.on_pre_build(config)
    assert textpruefung_hooks._seiten == []


def test_a_site_of_plain_text_passes_the_text_check(config, tmp_path, store):
    textpruefung_hooks.on_pre_build(config)
    textpruefung_hooks.on_post_page("<article><p>Text.</p></article>", source_page(tmp_path, "Text.\n"), config)
    assert textpruefung_hooks.on_post_build(config) is None
    assert len(stored(store / "textpruefung")) == 1  # the clean result: the same pages are not checked again


def test_material_templates_are_kept_compiled_in_the_store(config, store):
    env = jinja2.Environment(loader=jinja2.DictLoader({"seite.html": "<p>{{ titel }}</p>"}))
    assert build_hooks.on_env(env, config, None) is env
    assert env.get_template("seite.html").render(titel="Start") == "<p>Start</p>"
    [kompiliert] = stored(store / "jinja" / "theme")
    assert kompiliert.startswith("__jinja2_") and kompiliert.endswith(".cache")


def test_only_the_lunr_files_of_german_search_are_published(config):
    files = get_files(config)
    files.add_files_from_theme(config.theme.get_env(), config)
    assert len([f for f in files if f.src_uri.startswith("assets/javascripts/lunr/")]) == 34
    alle = len(files)
    kept = suche_hooks.on_files(files, config)
    assert sorted(f.src_uri for f in kept if f.src_uri.startswith("assets/javascripts/lunr/")) == [
        "assets/javascripts/lunr/min/lunr.de.min.js", "assets/javascripts/lunr/min/lunr.stemmer.support.min.js"]
    assert len(kept) == alle - 32  # nothing else goes


@pytest.fixture
def suchindex(config, tmp_path, monkeypatch):
    """A built site's search index of one page, and the cache beside a mkdocs.yml in tmp_path."""
    monkeypatch.setitem(config, "config_file_path", str(tmp_path / "mkdocs.yml"))
    path = tmp_path / "site" / "search" / "search_index.json"
    path.parent.mkdir(parents=True)
    path.write_text('{"config": {"fields": {"title": {"boost": 1000}}}, "docs": [{"location": "", "title": '
                    '"Regionalkonferenzen", "text": "Die Jugendämter und das Kreisintegrationszentrum."}]}',
                    encoding="utf-8")
    return path


def test_the_search_index_gets_compound_parts_and_synonyms(config, suchindex, tmp_path):
    assert suche_hooks.on_post_build(config) is None
    assert suchindex.read_text(encoding="utf-8") == (
        '{"config":{"fields":{"title":{"boost":1000},"titelteile":{"boost":1000.0},"woerter":{"boost":1.0}}},'
        '"docs":[{"location":"","title":"Regionalkonferenzen","text":"Die Jugendämter und das '
        'Kreisintegrationszentrum.","titelteile":"konferenzen regional","woerter":"jugend ämter integration '
        'integrationszentrum kreis zentrum Veranstaltung Tagung"}]}')
    assert '"jugendämter": ["jugend", "ämter"]' in (tmp_path / ".cache" / "suche-wortteile.json").read_text(encoding="utf-8")


def test_an_unchanged_search_index_is_taken_from_the_store(config, suchindex, monkeypatch):
    """Same pages and synonyms: the enriched index is written back without splitting a word."""
    from handlungskonzept.ausgaben import search_index

    material = suchindex.read_bytes()
    suche_hooks.on_post_build(config)
    enriched = suchindex.read_bytes()
    monkeypatch.setattr(search_index, "enrich", None)  # splitting again would fail
    suchindex.write_bytes(material)
    suche_hooks.on_post_build(config)
    assert suchindex.read_bytes() == enriched
    suchindex.write_bytes(material.replace(b"Die Jugend", b"Jugend"))
    with pytest.raises(TypeError):  # another page text is enriched anew
        suche_hooks.on_post_build(config)


def test_without_data_or_index_the_search_is_left_alone(config, suchindex, tmp_path):
    before = suchindex.read_text(encoding="utf-8")
    config.extra["daten"] = None
    suche_hooks.on_post_build(config)
    assert suchindex.read_text(encoding="utf-8") == before
    config.extra["daten"] = "geladen"
    suchindex.unlink()
    assert suche_hooks.on_post_build(config) is None
    assert not (tmp_path / ".cache").exists()


def test_a_missing_word_list_stops_the_build(config, suchindex, tmp_path, monkeypatch):
    monkeypatch.setattr(suche_hooks, "WORTLISTE", tmp_path / "ngerman")
    with pytest.raises(PluginError) as raised:
        suche_hooks.on_post_build(config)
    assert str(raised.value) == (
        f"Für die Suche fehlt die deutsche Wortliste {tmp_path}/ngerman (Debian-Paket wngerman). Bitte installieren: "
        "sudo apt-get install wngerman – `make site` tut das, wenn es als root läuft.")


def test_own_scripts_and_styles_are_delivered_under_content_hashed_names(config, tmp_path):
    assert auslieferung_hooks.on_config(config) is config
    files = get_files(config)
    files.add_files_from_theme(config.theme.get_env(), config)
    before = {f.src_uri for f in files}
    after = {f.src_uri for f in auslieferung_hooks.on_files(files, config)}
    assert sorted(before - after) == [
        "assets/javascripts/hk-basis.js", "assets/javascripts/hk-druck.js", "assets/javascripts/hk-farbschema.js",
        "assets/javascripts/hk-farbwahl.js", "assets/javascripts/hk-inhalt.js", "assets/javascripts/hk-suche.js",
        "assets/javascripts/hk-tastatur.js", "assets/stylesheets/barrierefreiheit.css", "assets/stylesheets/druck.css",
        "assets/stylesheets/fehlerseite.css"]
    neu = sorted(after - before)
    assert [re.sub(r"\.[0-9a-f]{8}\.", ".#.", name) for name in neu] == [
        "assets/javascripts/hk-basis.#.js", "assets/javascripts/hk-farbschema.#.js", "assets/javascripts/hk-inhalt.#.js",
        "assets/javascripts/hk-seite.#.js", "assets/stylesheets/fehlerseite.#.css"]
    assert sorted(auslieferung_hooks._written) == neu
    env = SimpleNamespace(globals={})
    assert auslieferung_hooks.on_env(env, config, files) is env
    assert env.globals["hk_datei"]("assets/javascripts/hk-seite.js") == neu[3]
    stil = env.globals["hk_seitenstil"]('<p class="hk-offen">x</p>')
    assert re.fullmatch(r"assets/stylesheets/hk-seite\.[0-9a-f]{8}\.css", stil)

    site = tmp_path / "site"
    assert auslieferung_hooks.on_post_page("<html></html>", None, config) == "<html></html>"
    assert [p.relative_to(site).as_posix() for p in site.rglob("*.css")] == [stil]  # asked for, not yet written
    assert "/* offener-punkt */" in (site / stil).read_text(encoding="utf-8")
    zweiter = env.globals["hk_seitenstil"]('<p class="hk-entwurf">x</p>')
    auslieferung_hooks.on_post_page("<html></html>", None, config)  # its folder exists now
    assert "/* entwurf */" in (site / zweiter).read_text(encoding="utf-8")
    (site / "index.html").write_text("<p>" + "Text " * 100 + "</p>", encoding="utf-8")
    (site / "kurz.txt").write_text("a", encoding="utf-8")
    auslieferung_hooks.on_post_build(config)
    assert gzip.decompress((site / "index.html.gz").read_bytes()) == (site / "index.html").read_bytes()
    assert not (site / "kurz.txt.gz").exists()  # not smaller
    assert sorted(auslieferung_hooks._written) == sorted([*neu, stil, zweiter])
    auslieferung_hooks.on_config(config)
    assert auslieferung_hooks._written == set()


def test_the_whole_document_has_the_menu_pages_without_legal_pages_or_drafts(config, monkeypatch):
    monkeypatch.setitem(config, "nav", [{"Start": "index.md"}, {"Impressum": "impressum.md"},
                                        {"Regionalkonferenzen": "regionalkonferenzen/index.md"},
                                        {"Partner": "partner.md"}, {"Presse": "presse.md"}])
    files = build_hooks.on_files(get_files(config), config)
    nav = get_navigation(files, config)
    assert gesamtdokument_hooks.on_nav(nav, config, files) is nav
    assert config.extra["hk_navigation"] is nav
    for datei in files.documentation_pages():
        if datei.page is not None:
            datei.page.content = f"<p>{datei.src_uri}</p>"
            datei.page.title = datei.page.title or datei.name.capitalize()
    files.get_file_from_path("partner.md").page.meta["entwurf"] = True
    files.get_file_from_path("presse.md").page.meta["entwurf"] = "ja"  # only true makes a draft
    files.get_file_from_path("regionalkonferenzen/haan.md").page.meta["entwurf"] = True
    kapitel = gesamtdokument_hooks._kapitel(nav, files, config.extra["daten"].daten)
    towns = ("erkrath", "heiligenhaus", "hilden", "langenfeld", "mettmann", "monheim-am-rhein", "ratingen", "velbert",
             "wuelfrath")
    assert [(k.titel, k.url, k.html, k.ebene) for k in kapitel] == [
        ("Start", "", "<p>index.md</p>", 1),
        ("Regionalkonferenzen", "regionalkonferenzen/", "<p>regionalkonferenzen/index.md</p>", 1),
        *((town.capitalize(), f"regionalkonferenzen/{town}/", f"<p>regionalkonferenzen/{town}.md</p>", 2)
          for town in towns),
        ("Presse", "presse/", "<p>presse.md</p>", 1)]


def test_no_whole_document_in_the_preview_or_with_data_errors(config):
    env = SimpleNamespace(globals={})
    config.extra.update(gesamtdokument={"alt": 1}, daten=None)
    assert gesamtdokument_hooks.on_env(env, config, None) is env
    assert config.extra["gesamtdokument"] is None
    try:
        hook_failure.on_startup("serve")
        config.extra.update(gesamtdokument={"alt": 1}, daten="geladen")
        assert gesamtdokument_hooks.on_env(env, config, None) is env
        assert config.extra["gesamtdokument"] is None
    finally:
        hook_failure.on_startup("build")


def test_chapters_link_the_whole_document_with_its_size(config, tmp_path):
    pdf = tmp_path / "handlungskonzept.pdf"
    pdf.write_bytes(b"%PDF" * 512)
    config.extra["gesamtdokument"] = {"datei": pdf, "seiten": {"regionalkonferenzen/haan/", ""}}
    kapitel = SimpleNamespace(url="regionalkonferenzen/haan/")
    assert gesamtdokument_hooks.on_page_context({}, kapitel, config, None) == {"hk_gesamtdokument": (
        '<p class="hk-gesamtdokument"><a href="../../handlungskonzept.pdf" type="application/pdf">Gesamtdokument als '
        'PDF, 2,0 KB</a></p>')}
    assert 'href="handlungskonzept.pdf"' in gesamtdokument_hooks.on_page_context({}, SimpleNamespace(url=""), config,
                                                                                None)["hk_gesamtdokument"]
    assert gesamtdokument_hooks.on_page_context({}, SimpleNamespace(url="impressum/"), config, None) == {}
    (tmp_path / "site").mkdir()
    gesamtdokument_hooks.on_post_build(config)
    assert (tmp_path / "site" / "handlungskonzept.pdf").read_bytes() == b"%PDF" * 512
    config.extra["gesamtdokument"] = None
    assert gesamtdokument_hooks.on_page_context({}, kapitel, config, None) == {}
    (tmp_path / "site" / "handlungskonzept.pdf").unlink()
    gesamtdokument_hooks.on_post_build(config)
    assert not (tmp_path / "site" / "handlungskonzept.pdf").exists()


def test_a_generated_conference_page_is_written_in_plain_german(config):
    files = build_hooks.on_files(get_files(config), config)
    assert files.get_file_from_path("regionalkonferenzen/wuelfrath.md").content_string == (
        "---\ntitle: Regionalkonferenz Wülfrath\ndescription: Was die Quellen über die Regionalkonferenz in Wülfrath "
        "zum Handlungskonzept\n  gegen Rechtsextremismus und Rassismus des Kreises Mettmann berichten.\n"
        "quelle_daten: regionalkonferenzen\nquelle_eintrag: wuelfrath\n---\n\n# Regionalkonferenz Wülfrath\n\n"
        '{{ konferenz("wuelfrath") }}\n')


def test_an_unclosed_macro_is_named_where_it_opened_below_the_front_matter(config, tmp_path):
    text = '---\ntitle: N\ndescription: D.\n---\nText\n{{ offen("a"\nMehr\n}}\n'
    seite = source_page(tmp_path, text, markdown=SYNTAXFEHLER.replace("_Line 3 in", "_Line 4 in"))
    with pytest.raises(PluginError) as raised:
        build_hooks.on_page_content("<p>x</p>", seite, config, None)
    assert str(raised.value) == f"docs/neu.md, Zeile 6: {SYNTAXMELDUNG}"


def test_a_german_macro_error_has_no_technical_note(config):
    report = ("# _Macro Rendering Error_\n\n_File_: `neu.md`\n\n_MakroFehler_: kontakt(„x“): Diese Angabe gibt es "
              "nicht. Erlaubt sind: pressekontakt.\n\n```\nTraceback (most recent call last):\n"
              '  File "<template>", line 3, in top-level template code\n```')
    seite = SimpleNamespace(markdown=report, meta={}, file=SimpleNamespace(src_uri="neu.md", abs_src_path=None))
    with pytest.raises(PluginError) as raised:
        build_hooks.on_page_content("<p>x</p>", seite, config, None)
    assert str(raised.value) == (
        "docs/neu.md: Fehler in einem Platzhalter mit geschweiften Klammern („{{ … }}“ oder „{% … %}“). kontakt(„x“): "
        "Diese Angabe gibt es nicht. Erlaubt sind: pressekontakt. Soll eine Klammer wörtlich erscheinen, schreiben Sie "
        "{{ '{{' }}.")


def test_before_the_posts_are_read_no_page_gets_a_date_line(config):
    config.extra.pop("beitraege", None)
    assert aktuelles_hooks.on_page_markdown("# T\n", page(POST), config, None) == "# T\n"


def manifest_build(config, data_copy, tmp_path, *urls: str):
    daten = data_copy()
    (daten / "veroeffentlichte-urls.txt").write_text("# Kopf\n" + "".join(f"{u}\n" for u in urls), encoding="utf-8")
    config.extra["daten_verzeichnis"] = str(daten)
    for seite in ("", "partner/"):
        (tmp_path / "site" / seite).mkdir(parents=True, exist_ok=True)
        (tmp_path / "site" / seite / "index.html").write_text("<p>x</p>", encoding="utf-8")
    return daten


def test_a_build_that_loses_a_published_address_stops(config, data_copy, tmp_path):
    daten = manifest_build(config, data_copy, tmp_path, "/", "/partner/", "/alt/", "/termine.ics")
    with pytest.raises(PluginError) as raised:
        weiterleitung_hooks.on_post_build(config)
    assert str(raised.value).split("\n")[:3] == [
        f"2 veröffentlichte Adresse(n) aus {daten}/veroeffentlichte-urls.txt wären nicht mehr erreichbar:",
        "  • /alt/ – die Website liefert diese Adresse nicht mehr aus, und keine Weiterleitung führt von ihr weg.",
        "  • /termine.ics – die Website liefert diese Datei nicht mehr aus; Dateien lassen sich nicht weiterleiten."]


def test_by_default_the_manifest_is_read_from_data_beside_mkdocs_yml_and_named_from_there(config, store, tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "veroeffentlichte-urls.txt").write_text("/\n/alt/\n", encoding="utf-8")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<p>x</p>", encoding="utf-8")
    del config.extra["daten_verzeichnis"]  # as without HK_DATEN and without the entry in mkdocs.yml
    with pytest.raises(PluginError) as raised:
        weiterleitung_hooks.on_post_build(config)
    assert str(raised.value).split("\n")[0] == (
        "1 veröffentlichte Adresse(n) aus data/veroeffentlichte-urls.txt wären nicht mehr erreichbar:")


def test_a_build_that_keeps_every_address_passes(config, data_copy, tmp_path):
    manifest_build(config, data_copy, tmp_path, "/", "/partner/")
    assert weiterleitung_hooks.on_post_build(config) is None


def test_without_data_or_manifest_nothing_is_checked(config, data_copy, tmp_path):
    manifest_build(config, data_copy, tmp_path, "/alt/")
    config.extra["daten"] = None
    assert weiterleitung_hooks.on_post_build(config) is None
    config.extra["daten"] = build_hooks.on_config(config).extra["daten"]
    config.extra["daten_verzeichnis"] = str(tmp_path / "ohne-manifest")
    assert weiterleitung_hooks.on_post_build(config) is None


def test_the_whole_document_is_rendered_from_the_menu_pages(config, tmp_path, monkeypatch):
    monkeypatch.setitem(config, "config_file_path", str(tmp_path / "mkdocs.yml"))
    monkeypatch.setitem(config, "nav", [{"Start": "index.md"}, {"Regionalkonferenzen": "regionalkonferenzen/index.md"}])
    files = build_hooks.on_files(get_files(config), config)
    nav = get_navigation(files, config)
    for datei in files.documentation_pages():
        datei.page.title = datei.page.title or datei.name.capitalize()
        datei.page.content = f"<h1>{datei.page.title}</h1>"
    nav.pages[0].content = '<h1>Start</h1><p><a href="impressum/">Impressum</a></p>'  # a page outside the document
    gesamtdokument_hooks.on_nav(nav, config, files)
    env = SimpleNamespace(globals={})
    assert gesamtdokument_hooks.on_env(env, config, files) is env
    gesamt = config.extra["gesamtdokument"]
    assert gesamt["seiten"] == {"", "regionalkonferenzen/", *(f"regionalkonferenzen/{town}/" for town in (
        "erkrath", "haan", "heiligenhaus", "hilden", "langenfeld", "mettmann", "monheim-am-rhein", "ratingen", "velbert",
        "wuelfrath"))}
    assert gesamt["datei"].parent == tmp_path / ".cache" / "pdf" and gesamt["datei"].read_bytes().startswith(b"%PDF-")
    with pikepdf.open(gesamt["datei"]) as pdf:
        adressen = {str(annot.A.URI) for seite in pdf.pages for annot in seite.get("/Annots", [])
                    if "/A" in annot and annot.A.get("/S") == "/URI"}
    assert adressen == {"https://www.beispiel.test/impressum/"}
    nav.pages[1].content = '<img src="https://cdn.example.com/a.png">'
    with pytest.raises(PluginError) as raised:
        gesamtdokument_hooks.on_env(env, config, files)
    assert str(raised.value) == ("Das Gesamtdokument (PDF) darf nur Dateien aus dem Ordner docs/ einbinden, nicht "
                                 "„https://cdn.example.com/a.png“.")
    assert config.extra["gesamtdokument"] is None


def test_sources_are_read_as_utf8_whatever_the_locale(config, tmp_path, c_locale):
    text = '---\ntitle: Über\ndescription: Größe.\n---\nText\n\n{{ offen("a" }}\n'
    with pytest.raises(PluginError) as raised:
        build_hooks.on_page_content("<p>x</p>", source_page(tmp_path, text, markdown=SYNTAXFEHLER), config, None)
    assert str(raised.value) == f"docs/neu.md, Zeile 7: {SYNTAXMELDUNG}"
    textpruefung_hooks.on_pre_build(config)
    textpruefung_hooks.on_post_page("<p>Über</p>", source_page(tmp_path, "Über uns\n"), config)
    assert textpruefung_hooks._seiten[0].quelltext == "Über uns\n"


def test_a_draft_link_is_found_in_a_utf8_page_whatever_the_locale(config, entwurf_docs, notizen_danach_an, c_locale):
    (entwurf_docs / "bereich" / "seite.md").write_text("# Über\n\nGrüße\nSiehe [Entwurf](entwurf.md).\n",
                                                      encoding="utf-8")
    settings(config)
    vorschau_hooks.on_files(get_files(config), config)
    with pytest.raises(PluginError) as raised:
        vorschau_hooks.on_page_markdown("# T", docs_page(entwurf_docs, "bereich/seite.md"), config, None)
    assert str(raised.value).startswith("docs/bereich/seite.md, Zeile 4: Der Link führt zum Entwurf")
