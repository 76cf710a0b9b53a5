"""The comparison behind ``make vergleich`` on small hand-made sites: each kind of finding, without a build.

The full path (git worktree, two real builds, the job in the pipeline) is in ``test_merge_request.py``.
"""
from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from handlungskonzept.ausgaben import page_text, reader_diff

PAGE = """<!DOCTYPE html><html lang="de"><head><title>x</title><script>var noise = 1;</script></head><body>
<nav><a href="https://nav.example.org/">Menü {n}</a></nav>
<article class="md-content__inner md-typeset">
<a href="https://git.example.invalid/edit" rel="edit" class="md-content__button"><svg><path d="M0"/></svg></a>
<h1 id="t">{title}<a class="headerlink" href="#t">&para;</a></h1>
{body}
</article><footer>Fuß {n}</footer></body></html>"""


def site(folder: Path, pages: dict[str, tuple[str, str]], n: int = 1) -> Path:
    for url, (title, body) in pages.items():
        target = folder / url.strip("/") / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(PAGE.format(title=title, body=body, n=n), encoding="utf-8")
    return folder


def side(tmp_path: Path, name: str, pages: dict, *, n: int = 1, open_items=(), drafts=None, urls=(), docs=()) -> reader_diff.Side:
    folder = tmp_path / name
    (folder / "data").mkdir(parents=True)
    (folder / "data" / "veroeffentlichte-urls.txt").write_text("# Kopf\n" + "".join(f"{u}\n" for u in urls), encoding="utf-8")
    for path in docs:
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text("Text\n", encoding="utf-8")
    return reader_diff.Side(folder, site(tmp_path / f"{name}-site", pages, n), frozenset(open_items), drafts or {})


def test_main_text_leaves_out_navigation_scripts_icons_and_anchors():
    text = page_text.read(PAGE.format(title="Partner", body="<p>Ein <em>Satz</em>.</p><ul><li>A</li><li>B</li></ul>", n=1))
    assert text.title == "Partner"
    assert text.lines == ["Partner", "Ein Satz.", "A", "B"]
    assert text.links == []  # the edit link and the navigation are no content links


def test_markup_noise_outside_the_article_is_no_change(tmp_path):
    pages = {"/partner/": ("Partner", "<p>Gleich.</p>")}
    result = reader_diff.compare("main", side(tmp_path, "alt", pages, n=1), side(tmp_path, "neu", pages, n=2))
    assert result.empty
    assert reader_diff.summary(result) == "Keine Änderungen für Leserinnen und Leser (verglichen mit main)."


def test_each_kind_of_finding_is_reported_with_its_address(tmp_path):
    old = side(tmp_path, "alt", {"/": ("Start", "<p>Willkommen.</p>"), "/alt/": ("Alt", "<p>Weg.</p>"),
                                  "/partner/": ("Partner", "<p>Eins.</p><p>Zwei bleibt.</p>")},
               open_items={"docs/a.md: Telefonnummer", "data/projekt.yml: Anschrift"},
               drafts={"docs/neu.md": "/neu/"}, urls=["/", "/alt/", "/partner/"])
    new = side(tmp_path, "neu", {"/": ("Start", "<p>Willkommen.</p>"), "/neu/": ("Neu", "<p>Da.</p>"),
                                  "/partner/": ("Partner", '<p>Eins, <a href="https://www.example.org/">neu</a>.</p>'
                                                           "<p>Zwei bleibt.</p>")},
               open_items={"docs/a.md: Telefonnummer", "docs/neu.md: Termin"}, urls=["/", "/partner/"],
               docs=["docs/neu.md"])
    result = reader_diff.compare("main", old, new)
    assert [(p.url, p.title) for p in result.changed] == [("/partner/", "Partner")]
    [passage] = result.changed[0].passages
    assert [[(w.text, w.changed) for w in line] for line in passage.before] == [[("Eins.", True)]]
    assert [[(w.text, w.changed) for w in line] for line in passage.after] == [[("Eins, neu.", True)]]
    assert [p.url for p in result.added] == ["/neu/"] and [p.url for p in result.removed] == ["/alt/"]
    assert result.lost_addresses == ["/alt/"]
    assert result.new_open_items == ["docs/neu.md: Termin"]
    assert result.closed_open_items == ["data/projekt.yml: Anschrift"]
    assert result.new_links == {"https://www.example.org/": ["/partner/"]}
    assert [(p.url, p.title) for p in result.published_drafts] == [("/neu/", "docs/neu.md")]
    assert reader_diff.summary(result).splitlines()[1:] == [
        "  geändert: /partner/ – Partner",
        "  neu: /neu/ – Neu",
        "  entfernt: /alt/ – Alt",
        "  Entwurf veröffentlicht: /neu/ (docs/neu.md)",
        "  Adresse aus veroeffentlichte-urls.txt gestrichen: /alt/",
        "  neuer offener Punkt: docs/neu.md: Termin",
        "  offener Punkt erledigt: data/projekt.yml: Anschrift",
        "  neuer Link nach außen: https://www.example.org/ (auf /partner/)",
    ]
    reader_diff.write(result, tmp_path / "bericht")
    html = BeautifulSoup((tmp_path / "bericht" / "bericht.html").read_text(encoding="utf-8"), "html.parser")
    assert [h.get_text() for h in html.find_all("h2")] == [
        "Überblick", "Geänderte Seiten", "Neue Seiten", "Entfernte Seiten", "Entwürfe, die veröffentlicht werden",
        "Aus der Liste der veröffentlichten Adressen gestrichen", "Neue offene Punkte", "Erledigte offene Punkte",
        "Neue Links nach außen"]
    markdown = (tmp_path / "bericht" / "bericht.md").read_text(encoding="utf-8")
    assert "- Eins.\n+ Eins, neu.\n" in markdown and "- <https://www.example.org/> – auf `/partner/`" in markdown


def test_editor_text_in_the_report_is_escaped(tmp_path):
    old = side(tmp_path, "alt", {"/x/": ("X", "<p>a</p>")})
    new = side(tmp_path, "neu", {"/x/": ("X", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")})
    reader_diff.write(reader_diff.compare("main", old, new), tmp_path / "bericht")
    html = (tmp_path / "bericht" / "bericht.html").read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_drafts_are_pages_with_entwurf_true_in_their_front_matter(tmp_path):
    docs = tmp_path / "docs"
    (docs / "aktuelles").mkdir(parents=True)
    (docs / "index.md").write_text("---\ntitle: Start\nentwurf: true\n---\nText\n", encoding="utf-8")
    (docs / "aktuelles" / "index.md").write_text("---\nentwurf: true\n---\n", encoding="utf-8")
    (docs / "aktuelles" / "2027-01-05-neu.md").write_text("---\nentwurf: true\n---\n", encoding="utf-8")
    (docs / "fertig.md").write_text("---\nentwurf: false\n---\n", encoding="utf-8")
    (docs / "kaputt.md").write_text("---\nentwurf: [\n---\n", encoding="utf-8")
    (docs / "ohne.md").write_text("entwurf: true\n", encoding="utf-8")  # no front matter: just text
    assert reader_diff.drafts(docs) == {"docs/aktuelles/2027-01-05-neu.md": "/aktuelles/2027-01-05-neu/",
                                        "docs/aktuelles/index.md": "/aktuelles/", "docs/index.md": "/"}


def test_page_text_reads_the_article_as_a_reader_does(tmp_path):
    html = ('<html><head><title>x</title><script>s</script></head><body><nav><p>Menü</p></nav>'
            '<article class="md-content__inner"><a href="e" rel="edit" class="md-icon">Bearbeiten <span>x</span></a>'
            '<h1 id="t">Titel <em>mit</em>   Wort<a class="headerlink" href="#t">¶</a></h1>'
            '<p>Ein<br>Satz mit <a href="https://example.org/">Link</a> und <a href="/intern/">intern</a> und '
            '<a href="http://alt.example.org/">alt</a>.</p><svg><text>Icon</text></svg><img src="a.png" alt="Bild">'
            '<ul><li>A</li><li>B <script>x</script>C</li></ul><h1>Zweite</h1><div>Rest<hr>Ende</div>'
            '<noscript>n</noscript><style>s</style><template>t</template>Schluss</article>'
            '<footer><p>Fuß</p></footer></body></html>')
    assert page_text.read(html) == page_text.PageText(
        title="Titel mit Wort",
        lines=["Titel mit Wort", "Ein", "Satz mit Link und intern und alt.", "A", "B C", "Zweite", "Rest", "Ende",
               "Schluss"],
        links=["https://example.org/", "http://alt.example.org/"])
    assert page_text.read("<p>Kein Artikel</p>") == page_text.PageText()
    for name in ("index.html", "partner/index.html", "404.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"<article><h1>{name}</h1></article>", encoding="utf-8")
    assert {url: text.title for url, text in page_text.pages(tmp_path).items()} == {
        "/": "index.html", "/404.html": "404.html", "/partner/": "partner/index.html"}


def words(line):
    return [(w.text, w.changed) for w in line]


def test_changed_words_are_marked_and_added_lines_stand_whole(tmp_path):
    old = side(tmp_path, "alt", {"/x/": ("X", "<p>Eins zwei drei</p><p>Bleibt.</p>"), "/y/": ("Y", "<p>a</p>")})
    new = side(tmp_path, "neu", {"/x/": ("X", "<p>Eins vier drei</p><p>Dazu.</p><p>Noch.</p><p>Bleibt.</p>"),
                                 "/y/": ("", "<p>a</p>")})
    change, ohne_titel = reader_diff.compare("main", old, new).changed
    assert ohne_titel.title == "Y"  # the new page has no title: the old one names it
    [passage] = change.passages
    assert [words(line) for line in passage.before] == [[("Eins ", False), ("zwei ", True), ("drei", False)]]
    assert [words(line) for line in passage.after] == [[("Eins ", False), ("vier ", True), ("drei", False)],
                                                       [("Dazu.", True)], [("Noch.", True)]]


def test_a_link_new_on_two_pages_is_listed_once_per_page(tmp_path):
    link = '<p><a href="https://neu.example.org/">n</a> <a href="https://neu.example.org/">n</a></p>'
    old = side(tmp_path, "alt", {"/a/": ("A", '<p><a href="https://alt.example.org/">a</a></p>')})
    new = side(tmp_path, "neu", {"/a/": ("A", link + '<p><a href="https://alt.example.org/">a</a></p>'),
                                 "/b/": ("B", link)})
    result = reader_diff.compare("main", old, new)
    assert result.new_links == {"https://neu.example.org/": ["/a/", "/b/"]}


def test_a_draft_deleted_is_no_published_draft(tmp_path):
    old = side(tmp_path, "alt", {}, drafts={"docs/weg.md": "/weg/", "docs/bleibt.md": "/bleibt/"})
    new = side(tmp_path, "neu", {}, drafts={"docs/bleibt.md": "/bleibt/"}, docs=["docs/bleibt.md"])
    assert reader_diff.compare("main", old, new).published_drafts == []


def test_git_problems_are_named_in_german(tmp_path):
    import subprocess

    with pytest.raises(reader_diff.ComparisonError) as raised:
        reader_diff._git(tmp_path, "rev-parse", "--show-toplevel")
    assert str(raised.value).startswith("git rev-parse --show-toplevel ist fehlgeschlagen: fatal: not a git repository")
    subprocess.run(["git", "init", "--quiet", "--initial-branch", "main", str(tmp_path)], check=True)
    subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "--quiet", "--allow-empty",
                    "-m", "x"], cwd=tmp_path, check=True)
    commit = reader_diff._git(tmp_path, "rev-parse", "HEAD")
    assert reader_diff._commit(tmp_path, "main") == commit
    subprocess.run(["git", "update-ref", "refs/remotes/origin/entfernt", commit], cwd=tmp_path, check=True)
    assert reader_diff._commit(tmp_path, "entfernt") == commit  # only on the remote
    with pytest.raises(reader_diff.ComparisonError) as raised:
        reader_diff._commit(tmp_path, "gibt-es-nicht")
    assert str(raised.value) == ("„gibt-es-nicht“ ist kein bekannter Stand in Git (weder Zweig, Tag oder Commit noch "
                                 "origin/gibt-es-nicht). Beispiel: make vergleich BASIS=main")


def test_builds_are_of_the_published_site_and_cached_by_their_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("HK_DATEN", "tests/fixtures/daten-vollstaendig")
    monkeypatch.setenv("HK_VORSCHAU", "1")
    monkeypatch.setenv("HK_SITE_URL", "https://a.example.org/")
    umgebung = reader_diff._environment(tmp_path)
    assert "HK_DATEN" not in umgebung and "HK_VORSCHAU" not in umgebung
    assert (umgebung["HK_SITE_URL"], umgebung["PYTHONPATH"], umgebung["NO_MKDOCS_2_WARNING"]) == (
        "https://a.example.org/", f"{tmp_path}/macros", "1")
    key = reader_diff._cache_key("baum")
    assert re.fullmatch(r"[0-9a-f]{20}", key) and reader_diff._cache_key("baum") == key
    assert reader_diff._cache_key("anderer-baum") != key
    monkeypatch.setenv("HK_VORSCHAU", "0")  # not part of the published site
    assert reader_diff._cache_key("baum") == key
    monkeypatch.setenv("HK_SITE_URL", "https://b.example.org/")
    assert reader_diff._cache_key("baum") != key


def test_pages_and_drafts_are_read_as_utf8_whatever_the_locale(tmp_path, c_locale):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<article><h1>Größe</h1></article>", encoding="utf-8")
    assert page_text.pages(tmp_path / "site")["/"].title == "Größe"
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "über.md").write_text("---\ntitle: Über\nentwurf: true\n---\n", encoding="utf-8")
    assert reader_diff.drafts(tmp_path / "docs") == {"docs/über.md": "/über/"}


def kleines_projekt(tmp_path: Path) -> Path:
    """A project folder with this project's code, the complete test data and one page with an open item."""
    import shutil

    from conftest import FIXTURE_DATA, ROOT, page_text

    folder = tmp_path / "projekt"
    (folder / "docs" / "quellen").mkdir(parents=True)
    (folder / "macros").symlink_to(ROOT / "macros")
    shutil.copytree(FIXTURE_DATA, folder / "data")
    shutil.copy(ROOT / "docs/quellen/mitteilungsvorlage-wp-14-20-sv-50-100.txt", folder / "docs" / "quellen")
    (folder / "docs" / "index.md").write_text(page_text("Start", '{{ offen("Telefon") }}\n', pruefen_bis="2027-12-01"),
                                              encoding="utf-8")
    (folder / "docs" / "leichte-sprache.md").write_text(page_text("Leichte Sprache", "## Worum geht es\n",
                                                                  pruefen_bis="2027-12-01"), encoding="utf-8")
    (folder / "umgebung.py").write_text(
        "import os\nfrom pathlib import Path\n\n\ndef on_post_build(config):\n"
        "    Path(config.site_dir, 'umgebung.txt').write_text(os.environ.get('HK_VORSCHAU', 'fehlt') + ' '"
        " + os.environ.get('HK_SITE_URL', 'fehlt'))\n    print('Ausgabe des Baus')\n", encoding="utf-8")
    (folder / "mkdocs.yml").write_text("site_name: Test\nhooks: [umgebung.py]\n", encoding="utf-8")
    return folder


def test_open_items_are_asked_of_the_tree_itself_without_line_numbers(tmp_path, monkeypatch):
    monkeypatch.setenv("HK_DATEN", "anderswo")  # the comparison is of the published site with its own data
    assert reader_diff._open_items(kleines_projekt(tmp_path)) == frozenset({
        "docs/index.md: Telefon", "data/quellen.yml: Herausgeber der Mitteilungsvorlage",
        "data/videos.yml: Testvideo wird im Test erzeugt"})


def test_a_side_is_built_as_published(tmp_path, monkeypatch, capfd):
    monkeypatch.setenv("HK_VORSCHAU", "1")
    monkeypatch.setenv("HK_SITE_URL", "https://vergleich.example.org/")
    folder = kleines_projekt(tmp_path)
    build = reader_diff._start_build(folder, tmp_path / "site")
    _, errors = build.communicate()
    assert build.returncode == 0, errors
    assert isinstance(errors, str) and build.stdout is None
    assert (tmp_path / "site" / "umgebung.txt").read_text(encoding="utf-8") == "fehlt https://vergleich.example.org/"
    assert capfd.readouterr().out == ""  # what the build prints stays out of the summary of make vergleich


def git(repo: Path, *args: str) -> str:
    import subprocess

    return subprocess.run(["git", "-c", "user.name=Redaktion", "-c", "user.email=redaktion@example.org", *args], cwd=repo,
                          check=True, capture_output=True, text=True).stdout


ENTWURF_OFFEN = ("docs/entwurf.md: Entwurf – erscheint nur in der Vorschau, nicht auf der veröffentlichten Website; "
                 "zum Veröffentlichen „entwurf: true“ löschen")


def test_a_comparison_builds_both_trees_and_keeps_only_clean_builds(tmp_path, monkeypatch):
    repo = kleines_projekt(tmp_path)
    (repo / "docs" / "entwurf.md").write_text("---\nentwurf: true\n---\n# Entwurf\n", encoding="utf-8")
    git(repo, "init", "--quiet", "--initial-branch", "main")
    git(repo, "add", ".")
    git(repo, "commit", "--quiet", "-m", "Stand")
    (repo / ".vergleich" / "bau" / "veraltet").mkdir(parents=True)
    (repo / ".vergleich" / "bau" / "notiz.txt").write_text("keine Website", encoding="utf-8")  # no build: left alone
    (repo / "docs" / "neu.md").write_text("# Neu\n", encoding="utf-8")
    (repo / "docs" / "entwurf.md").write_text("---\nentwurf: false\n---\n# Entwurf\n", encoding="utf-8")
    (repo / "docs" / "index.md").write_text("# Start\n", encoding="utf-8")  # its open item is done
    gestartet, bauen = [], reader_diff._start_build  # which folder is built where (the builds themselves run)
    monkeypatch.setattr(reader_diff, "_start_build", lambda ordner, ziel: gestartet.append((ordner, ziel)) or bauen(ordner, ziel))
    result = reader_diff.run(repo, "main")
    assert [p.url for p in result.added] == ["/neu/"] and result.removed == []
    assert result.closed_open_items == [ENTWURF_OFFEN, "docs/index.md: Telefon"] and result.new_open_items == []
    assert result.published_drafts == [reader_diff.Page("/entwurf/", "docs/entwurf.md")]
    [gebaut, notiz] = sorted((repo / ".vergleich" / "bau").iterdir())  # the base only: the working tree is not clean
    assert notiz.name == "notiz.txt"
    assert re.fullmatch(r"[0-9a-f]{20}", gebaut.name) and (gebaut / "index.html").is_file()
    [(basis, basis_ziel), (arbeitsstand, arbeitsstand_ziel)] = gestartet
    assert basis.name == "basis" and basis.parent.name.startswith("hk-vergleich-") and not basis.parent.exists()
    assert basis.parent.parent == Path(tempfile.gettempdir()) and basis_ziel == gebaut.with_name(gebaut.name + ".teil")
    assert (arbeitsstand, arbeitsstand_ziel) == (repo, basis.parent / "arbeitsstand.teil")  # not clean: not kept
    assert sorted(p.name for p in (repo / ".vergleich").iterdir()) == ["bau", "bericht.html", "bericht.md"]
    assert git(repo, "worktree", "list").count("\n") == 1  # the base's worktree is gone
    (gebaut / "merkmal.txt").write_text("wiederverwendet", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "--quiet", "-m", "Neu")
    result = reader_diff.run(repo, "main~1")
    assert [p.url for p in result.added] == ["/neu/"]
    assert result.closed_open_items == [ENTWURF_OFFEN, "docs/index.md: Telefon"]  # read from the base's own tree
    assert result.published_drafts == [reader_diff.Page("/entwurf/", "docs/entwurf.md")]
    assert sorted(p.name for p in (repo / ".vergleich" / "bau").iterdir()) == sorted(
        [gebaut.name, "notiz.txt", reader_diff._cache_key(git(repo, "rev-parse", "HEAD^{tree}").strip())])
    assert (gebaut / "merkmal.txt").is_file()  # the base was not built again
    assert reader_diff.run(repo, "HEAD").empty  # a base of another tree is not taken from the cache of the first


def test_a_failed_build_of_the_working_tree_is_reported(tmp_path):
    repo = kleines_projekt(tmp_path)
    git(repo, "init", "--quiet", "--initial-branch", "main")
    git(repo, "add", ".")
    git(repo, "commit", "--quiet", "-m", "Stand")
    (repo / "mkdocs.yml").write_text("site_name: Test\nnav: [\n", encoding="utf-8")
    with pytest.raises(reader_diff.ComparisonError) as raised:
        reader_diff.run(repo, "main")
    assert str(raised.value).startswith("Der Bau des Arbeitsstands ist fehlgeschlagen:\nError: MkDocs encountered an "
                                        "error parsing the configuration file: while parsing a flow node\n")
    assert str(raised.value).endswith(f'in "{repo}/mkdocs.yml", line 3, column 1')  # MkDocs' own words, kept whole
    assert git(repo, "worktree", "list").count("\n") == 1


def test_a_failed_build_of_the_base_is_named_by_the_base(tmp_path):
    repo = kleines_projekt(tmp_path)
    (repo / "mkdocs.yml").write_text("site_name: Test\nnav: [\n", encoding="utf-8")
    git(repo, "init", "--quiet", "--initial-branch", "main")
    git(repo, "add", ".")
    git(repo, "commit", "--quiet", "-m", "Kaputt")
    (repo / "mkdocs.yml").write_text("site_name: Test\nnav: {\n", encoding="utf-8")  # broken as well: fails at once
    with pytest.raises(reader_diff.ComparisonError) as raised:
        reader_diff.run(repo, "main")
    assert str(raised.value).startswith("Der Bau von main ist fehlgeschlagen:\nError: MkDocs encountered an error "
                                        "parsing the configuration file: while parsing a flow node\n")
    assert re.search(rf'in "{re.escape(tempfile.gettempdir())}/hk-vergleich-[^/]+/basis/mkdocs\.yml", line 3, column 1$',
                     str(raised.value))  # the base's own file, in its checkout
    assert git(repo, "worktree", "list").count("\n") == 1


def test_when_one_build_fails_the_other_is_stopped_before_its_folder_goes(tmp_path, monkeypatch):
    repo = kleines_projekt(tmp_path)
    (repo / "mkdocs.yml").write_text("site_name: Test\nnav: [\n", encoding="utf-8")
    git(repo, "init", "--quiet", "--initial-branch", "main")
    git(repo, "add", ".")
    git(repo, "commit", "--quiet", "-m", "Kaputt")
    (repo / "langsam.py").write_text("import time\n\n\ndef on_config(config):\n    time.sleep(60)\n", encoding="utf-8")
    (repo / "mkdocs.yml").write_text("site_name: Test\nhooks: [langsam.py]\n", encoding="utf-8")
    gestartet, bauen = [], reader_diff._start_build
    monkeypatch.setattr(reader_diff, "_start_build", lambda ordner, ziel: gestartet.append(bauen(ordner, ziel)) or gestartet[-1])
    with pytest.raises(reader_diff.ComparisonError, match="^Der Bau von main ist fehlgeschlagen:"):
        reader_diff.run(repo, "main")
    assert gestartet[0].returncode == 1  # the base failed at once
    assert gestartet[1].returncode is not None  # the working tree's build was stopped, not left writing


def test_a_build_that_cannot_even_start_is_reported_as_it_is_and_the_worktree_goes(tmp_path, monkeypatch):
    repo = kleines_projekt(tmp_path)
    git(repo, "init", "--quiet", "--initial-branch", "main")
    git(repo, "add", ".")
    git(repo, "commit", "--quiet", "-m", "Stand")
    monkeypatch.setattr(reader_diff.sys, "executable", str(tmp_path / "kein-python"))
    with pytest.raises(FileNotFoundError, match="kein-python"):
        reader_diff.run(repo, "main")
    assert git(repo, "worktree", "list").count("\n") == 1


def test_make_vergleich_prints_the_summary_and_where_the_reports_are(tmp_path, monkeypatch, capsys):
    from handlungskonzept.__main__ import main

    repo = kleines_projekt(tmp_path)
    git(repo, "init", "--quiet", "--initial-branch", "main")
    git(repo, "add", ".")
    git(repo, "commit", "--quiet", "-m", "Stand")
    (repo / "docs" / "neu.md").write_text("# Neu\n", encoding="utf-8")
    monkeypatch.chdir(repo / "docs")  # any folder of the checkout
    assert main(["vergleich", "main"]) == 0
    assert capsys.readouterr().out == (
        "Was sich für Leserinnen und Leser ändert (verglichen mit main):\n  neu: /neu/ – \n"
        "Bericht: .vergleich/bericht.html und .vergleich/bericht.md\n")
    assert (repo / ".vergleich" / "bericht.md").is_file()


KOPF_MD = ("# Was sich für Leserinnen und Leser ändert\n\nVerglichen wird die veröffentlichte Website aus `main` mit der "
           "aus dem Arbeitsstand\n(nur der Haupttext jeder Seite).\n\n")


def test_reports_are_written_into_a_new_folder_and_say_when_nothing_changed(tmp_path):
    ziel = tmp_path / "a" / "b"
    reader_diff.write(reader_diff.Comparison("main"), ziel)
    reader_diff.write(reader_diff.Comparison("main"), ziel)  # again: the folder exists
    assert (ziel / "bericht.md").read_text(encoding="utf-8") == KOPF_MD + "Keine Änderungen für Leserinnen und Leser.\n"
    assert "<p>Keine Änderungen für Leserinnen und Leser.</p>" in (ziel / "bericht.html").read_text(encoding="utf-8")


def test_the_markdown_report_is_plain_text_not_html(tmp_path, c_locale):
    result = reader_diff.Comparison("main", added=[reader_diff.Page("/a/", "A < B & Größe")])
    reader_diff.write(result, tmp_path)
    assert (tmp_path / "bericht.md").read_text(encoding="utf-8") == KOPF_MD + "## Neue Seiten\n\n- `/a/` – A < B & Größe\n\n"
    assert "A &lt; B &amp; Größe" in (tmp_path / "bericht.html").read_text(encoding="utf-8")


def test_unchanged_words_between_changes_are_kept_whole():
    before, after = reader_diff._words("eins zwei drei vier fünf", "eins ZWEI drei vier FÜNF")
    assert [(w.text, w.changed) for w in before] == [("eins ", False), ("zwei ", True), ("drei vier ", False),
                                                     ("fünf", True)]
    assert [(w.text, w.changed) for w in after] == [("eins ", False), ("ZWEI ", True), ("drei vier ", False),
                                                    ("FÜNF", True)]
    lang = "wort " * 250  # a long line: only the word added is marked
    before, after = reader_diff._words(lang, lang + "neu")
    assert [(w.text, w.changed) for w in before] == [(lang, False)]
    assert [(w.text, w.changed) for w in after] == [(lang, False), ("neu", True)]
    before, after = reader_diff._words("alt " + lang, "neu " + lang)  # a word repeated in a long line still matches
    assert [(w.text, w.changed) for w in before] == [("alt ", True), (lang, False)]
    assert [(w.text, w.changed) for w in after] == [("neu ", True), (lang, False)]


def test_a_long_page_of_repeated_lines_still_matches_them():
    gleich = ["Derselbe Absatz."] * 250
    [passage] = reader_diff._passages(["Alt."] + gleich, ["Neu."] + gleich)
    assert [words(line) for line in passage.before] == [[("Alt.", True)]]
    assert [words(line) for line in passage.after] == [[("Neu.", True)]]


def test_lines_left_out_stand_whole_and_replaced_lines_are_paired_in_order():
    [passage] = reader_diff._passages(["Gleich.", "Eins alt.", "Zwei alt.", "Weg.", "Auch weg."],
                                      ["Gleich.", "Eins neu.", "Zwei neu."])
    assert [words(line) for line in passage.before] == [[("Eins ", False), ("alt.", True)],
                                                        [("Zwei ", False), ("alt.", True)], [("Weg.", True)],
                                                        [("Auch weg.", True)]]
    assert [words(line) for line in passage.after] == [[("Eins ", False), ("neu.", True)],
                                                       [("Zwei ", False), ("neu.", True)]]


def test_a_word_left_out_is_marked_only_on_the_old_side():
    before, after = reader_diff._words("eins zwei drei", "eins drei")
    assert [(w.text, w.changed) for w in before] == [("eins ", False), ("zwei ", True), ("drei", False)]
    assert [(w.text, w.changed) for w in after] == [("eins ", False), ("drei", False)]


def test_drafts_after_a_broken_front_matter_and_folders_ending_in_x(tmp_path):
    docs = tmp_path / "docs"
    (docs / "boX").mkdir(parents=True)
    (docs / "a-kaputt.md").write_text("---\nentwurf: [\n---\n", encoding="utf-8")
    (docs / "b-leer.md").write_text("---\n\n---\n", encoding="utf-8")
    (docs / "boX" / "index.md").write_text("---\nentwurf: true\n---\n", encoding="utf-8")
    assert reader_diff.drafts(docs, "quelle") == {"quelle/boX/index.md": "/boX/"}


def test_a_new_link_on_several_pages_lists_them_with_commas():
    result = reader_diff.Comparison("main", new_links={"https://x.example.org/": ["/a/", "/b/"]})
    assert reader_diff.summary(result).split("\n")[1] == "  neuer Link nach außen: https://x.example.org/ (auf /a/, /b/)"


def test_text_before_the_heading_and_inside_nested_icons():
    text = page_text.read('<article><p>Vorweg</p><h1>Titel</h1><svg><g><text>A</text></g>B</svg><p>Rest</p></article>')
    assert (text.title, text.lines) == ("Titel", ["Vorweg", "Titel", "Rest"])
