"""What builds keep between runs: a result is reused only for the same bytes and the same code."""
from __future__ import annotations

import gzip
import hashlib
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

from conftest import FIXTURE_DATA, ROOT
from handlungskonzept.ausgaben.assets import compress
from handlungskonzept.ausgaben.external_resources import Fund, scan_site
from handlungskonzept.ausgaben.gesamtdokument import dokument, pdf
from handlungskonzept.zwischenspeicher import Zwischenspeicher, ordner, schluessel

EXTERN = '<p>Text</p>\n<img src="https://example.org/x.png" alt="">\n'


def test_a_result_is_made_once_per_content_and_version(tmp_path):
    made = []

    def make(data: bytes) -> bytes:
        made.append(data)
        return data.upper()

    store = Zwischenspeicher(tmp_path, "probe", b"Fassung 1")
    assert store.ergebnis(b"abc", make) == b"ABC"
    assert store.ergebnis(b"abc", make) == b"ABC"
    assert made == [b"abc"]
    assert store.ergebnis(b"abd", make) == b"ABD"
    assert Zwischenspeicher(tmp_path, "probe", b"Fassung 2").ergebnis(b"abc", make) == b"ABC"
    assert made == [b"abc", b"abd", b"abc"]
    names = [p.name for p in (tmp_path / "probe").iterdir()]
    assert len(names) == 3 and all(re.fullmatch(r"[0-9a-f]{64}", name) for name in names)  # the hash, nothing else


def test_the_oldest_results_go_beyond_the_limit(tmp_path, monkeypatch):
    import os

    from handlungskonzept import zwischenspeicher

    monkeypatch.setattr(zwischenspeicher, "BEHALTEN", 2)
    store = Zwischenspeicher(tmp_path, "probe", b"")
    for data in [b"a", b"b", b"c"]:
        store.ergebnis(data, lambda d: d)
        for path in (tmp_path / "probe").iterdir():
            os.utime(path, (path.stat().st_mtime - 10, path.stat().st_mtime - 10))  # older than the next
    store.ergebnis(b"a", lambda d: d)  # used again: among the newest
    store.aufraeumen()
    assert sorted(p.read_bytes() for p in (tmp_path / "probe").iterdir()) == [b"a", b"c"]


def test_cleaning_up_bears_another_build_removing_the_same_old_result(tmp_path, monkeypatch):
    import os

    store = Zwischenspeicher(tmp_path, "probe", b"", behalten=1)
    alt = store.datei(b"alt", lambda _name: b"alt")
    os.utime(alt, (1, 1))
    store.ergebnis(b"neu", lambda d: d)
    echt = Path.stat

    def stat(self, *args, **kwargs):
        result = echt(self, *args, **kwargs)
        if self == alt:
            self.unlink()  # the other build, right after this one looked
        return result

    monkeypatch.setattr(Path, "stat", stat)
    store.aufraeumen()
    monkeypatch.undo()
    assert [p.read_bytes() for p in (tmp_path / "probe").iterdir()] == [b"neu"]


def test_the_key_is_sha256_over_each_part_behind_its_length_in_eight_bytes():
    assert schluessel(b"ab", b"") == hashlib.sha256(b"\0\0\0\0\0\0\0\x02ab" + b"\0" * 8).digest()
    assert schluessel() == hashlib.sha256(b"").digest()


def test_the_privacy_scan_finds_the_same_from_its_cache_and_sees_a_change(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(EXTERN, encoding="utf-8")
    expected = {"index.html": [Fund(2, "Bild (img src)", "https://example.org/x.png")]}
    assert scan_site(site, tmp_path / "cache") == expected
    assert len(list((tmp_path / "cache" / "fremde-inhalte").iterdir())) == 1
    assert scan_site(site, tmp_path / "cache") == expected
    (site / "index.html").write_text("<p>Text</p>\n", encoding="utf-8")
    assert scan_site(site, tmp_path / "cache") == {}


def test_compression_from_the_cache_gives_the_same_bytes(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    text = "Regionalkonferenz " * 200
    (site / "index.html").write_text(text, encoding="utf-8")
    assert compress(site, tmp_path / "cache") == 1
    first = (site / "index.html.gz").read_bytes()
    assert [p.read_bytes() for p in (tmp_path / "cache" / "gzip").iterdir()] == [first]  # kept in its own store
    (site / "index.html.gz").unlink()
    assert compress(site, tmp_path / "cache") == 1
    assert (site / "index.html.gz").read_bytes() == first
    assert len(list((tmp_path / "cache" / "gzip").iterdir())) == 1
    assert gzip.decompress(first).decode() == text
    assert first[4:8] == b"\0\0\0\0"  # no time stamp


def _inputs(html: str = "<p>Kapitel</p>"):
    kapitel = [dokument.Kapitel("Startseite", "", html)]
    titelblatt = dokument.Titelblatt("Titel", "Kreis Mettmann", "Vorlage", "undatiert")
    anhang = dokument.Anhang("Vorlage", "quellen/vorlage.txt", "Text der Vorlage")
    return kapitel, titelblatt, anhang


def test_the_code_that_shapes_the_pdf_is_part_of_its_key():
    names = {path.relative_to((ROOT / "macros").resolve()).as_posix() for path in pdf.CODE}  # make mutation links macros/
    assert {"handlungskonzept/ausgaben/gesamtdokument/dokument.html", "handlungskonzept/ausgaben/gesamtdokument/gesamtdokument.css",
            "handlungskonzept/ausgaben/gesamtdokument/dokument.py", "handlungskonzept/ausgaben/components.py",
            "components/konferenz/konferenz.css"} <= names


def test_a_cached_pdf_is_used_without_weasyprint(tmp_path):
    """A warm build only copies the PDF: neither the document is assembled nor WeasyPrint imported."""
    program = f"""
import sys
from pathlib import Path
from handlungskonzept.ausgaben.gesamtdokument import dokument, pdf
sys.path.insert(0, {str(ROOT / 'tests')!r})
from test_zwischenspeicher import _inputs
cache = Path({str(tmp_path)!r})
key = pdf.schluessel(*_inputs(), None, [*pdf.schriften().values(), *pdf.CODE])
pdf.Zwischenspeicher(cache, "pdf", pdf.fassung(), endung=".pdf").datei(key, lambda name: b"%PDF-zwischengespeichert")
dokument.html = None  # assembling would fail
print(pdf.erzeugen(*_inputs(), None, cache, cache).read_bytes().decode(), "weasyprint" in sys.modules)
"""
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                            env={"PYTHONPATH": str(ROOT / "macros")}, check=True)
    assert result.stdout.split() == ["%PDF-zwischengespeichert", "False"]


def test_compiled_templates_are_kept_and_a_changed_template_is_compiled_anew(tmp_path):
    from handlungskonzept.ausgaben.components import make_environment, vorlagenspeicher

    (tmp_path / "vorlagen").mkdir()
    template = tmp_path / "vorlagen" / "gruss.html"
    template.write_text("Hallo {{ name }}!", encoding="utf-8")
    for expected in ("Hallo <Welt>!", "Hallo &lt;Welt&gt;!"):
        env = make_environment(tmp_path / "vorlagen")
        env.autoescape = expected.endswith("&gt;!")  # settings differ, so each environment has its own folder
        env.bytecode_cache = vorlagenspeicher(tmp_path / "cache" / str(env.autoescape))
        assert env.get_template("gruss.html").render(name="<Welt>") == expected
    assert len(list((tmp_path / "cache" / "True").glob("__jinja2_*.cache"))) == 1
    template.write_text("Guten Tag {{ name }}!", encoding="utf-8")
    env = make_environment(tmp_path / "vorlagen")
    env.bytecode_cache = vorlagenspeicher(tmp_path / "cache" / "True")
    assert env.get_template("gruss.html").render(name="Welt") == "Guten Tag Welt!"


def test_the_build_keeps_material_and_component_templates_compiled(site):
    for folder in ("theme", "bausteine"):
        assert list((ROOT / ".cache" / "jinja" / folder).glob("__jinja2_*.cache")), folder


def test_the_stores_lie_beside_mkdocs_yml():
    assert ordner("/srv/projekt/mkdocs.yml") == Path("/srv/projekt/.cache")


def test_files_made_from_the_data_are_made_once_per_input_code_and_library_version(tmp_path, monkeypatch):
    from handlungskonzept import zwischenspeicher

    made = []

    def make() -> dict[str, bytes]:
        made.append(len(made))
        return {"a/eins.txt": b"\x00\xff roh", "zwei.txt": "ä".encode()}

    def files(eingaben, werkzeuge=("rdflib",), cache=tmp_path):
        return zwischenspeicher.aus_den_daten(cache, "probe", werkzeuge, eingaben, make)

    assert files((b"daten", b"https://a.test/")) == {"a/eins.txt": b"\x00\xff roh", "zwei.txt": b"\xc3\xa4"}
    assert files((b"daten", b"https://a.test/")) == {"a/eins.txt": b"\x00\xff roh", "zwei.txt": b"\xc3\xa4"}
    assert made == [0]
    files((b"daten", b"https://b.test/"))  # another public address
    files((b"datenhttps://a.test/",))  # the same bytes, cut elsewhere: not the same inputs
    files((b"daten", b"https://a.test/"), werkzeuge=("icalendar",))
    files((b"daten", b"https://a.test/"), cache=None)  # no store: always made
    assert made == [0, 1, 2, 3, 4]
    monkeypatch.setattr(zwischenspeicher, "PAKET", tmp_path / "anderer-code")  # other engine code
    (tmp_path / "anderer-code").mkdir()
    (tmp_path / "anderer-code" / "modul.py").write_text("x = 1\n", encoding="utf-8")
    files((b"daten", b"https://a.test/"))
    assert made == [0, 1, 2, 3, 4, 5]
    assert len(list((tmp_path / "probe").iterdir())) == 5


def test_files_made_together_are_stored_in_path_order_whatever_order_they_were_made_in(tmp_path):
    for folder, files in (("a", {"z.txt": b"1", "a.txt": b"2"}), ("b", {"a.txt": b"2", "z.txt": b"1"})):
        store = Zwischenspeicher(tmp_path / folder, "probe", b"")
        assert store.ausgaben(b"daten", lambda files=files: files) == {"a.txt": b"2", "z.txt": b"1"}
    [a], [b] = (list((tmp_path / folder / "probe").iterdir()) for folder in "ab")
    assert a.read_bytes() == b.read_bytes() == b'{"a.txt": "Mg==", "z.txt": "MQ=="}'


def test_files_made_from_the_data_keep_six_versions(tmp_path):
    from handlungskonzept.zwischenspeicher import aus_den_daten

    for n in range(8):
        aus_den_daten(tmp_path, "probe", (), (bytes([n]),), lambda: {"x": b"x"})
    assert len(list((tmp_path / "probe").iterdir())) == 6


CACHED_BUILD = """
import sys
from pathlib import Path
from handlungskonzept.daten import model
from handlungskonzept.daten.loader import load
from handlungskonzept.ausgaben import calendar_feed, katalog, offene_daten
cache, out = Path({cache!r}), Path({out!r})
daten = load(Path({daten!r}), Path({docs!r}), "daten", cache).daten
inhalte = offene_daten.dateien(daten, "https://www.beispiel.test/")
ausgaben = calendar_feed.files(daten, "https://www.beispiel.test/", cache) | katalog.dateien(daten, "https://www.beispiel.test/", inhalte, cache)
for pfad, inhalt in ausgaben.items():
    (out / pfad).parent.mkdir(parents=True, exist_ok=True)
    (out / pfad).write_bytes(inhalt)
print(sorted(name for name in ("icalendar", "rdflib") if name in sys.modules),
      [name for name, typ in vars(model).items() if getattr(typ, "__pydantic_complete__", False)])
"""


def test_a_build_with_unchanged_data_takes_calendars_and_catalogue_without_icalendar_or_rdflib(tmp_path, fixture_daten):
    """The first build writes them with both libraries; the second gets the same bytes and imports neither.

    The first validates the data; the second reads them from the store and builds no pydantic validator or
    serializer at all, not even for the keys of the stored calendars and catalogue."""
    from handlungskonzept.ausgaben import calendar_feed

    erwartet = ROOT / "tests" / "fixtures" / "erwartet" / "offene-daten"
    ics = calendar_feed.files(fixture_daten, "https://www.beispiel.test/")  # checked field by field in test_kalender
    imported = []
    for run in ("erster", "zweiter"):
        program = CACHED_BUILD.format(daten=str(FIXTURE_DATA), docs=str(ROOT / "docs"), cache=str(tmp_path / "cache"),
                                      out=str(tmp_path / run))
        imported.append(subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True,
                                       env={"PYTHONPATH": str(ROOT / "macros")}).stdout)
        out = tmp_path / run
        assert (out / "offene-daten" / "katalog.ttl").read_bytes() == (erwartet / "katalog.ttl").read_bytes()
        assert (out / "offene-daten" / "katalog.rdf").read_bytes() == (erwartet / "katalog.rdf").read_bytes()
        assert {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*.ics")} == ics
    assert imported == ["['icalendar', 'rdflib'] ['Daten']\n", "[] []\n"]
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == ["daten", "kalender", "katalog"]


def test_the_calendars_are_made_anew_when_the_time_zone_rules_change(tmp_path, monkeypatch):
    import zoneinfo

    from handlungskonzept.ausgaben import calendar_feed

    assert calendar_feed.zonendaten() == Path("/usr/share/zoneinfo/Europe/Berlin").read_bytes()
    (tmp_path / "Europe").mkdir()
    (tmp_path / "Europe" / "Berlin").write_bytes(b"TZif andere Regeln")
    monkeypatch.setattr(zoneinfo, "TZPATH", (str(tmp_path / "fehlt"), str(tmp_path)))
    assert calendar_feed.zonendaten() == b"TZif andere Regeln"
    monkeypatch.setattr(zoneinfo, "TZPATH", ())
    assert calendar_feed.zonendaten() == f"tzdata {version('tzdata')}".encode()


def test_the_catalogue_is_kept_in_its_store_and_made_anew_for_another_rdflib(tmp_path, fixture_daten, monkeypatch):
    from handlungskonzept import zwischenspeicher
    from handlungskonzept.ausgaben import katalog, offene_daten

    erwartet = ROOT / "tests" / "fixtures" / "erwartet" / "offene-daten"
    inhalte = offene_daten.dateien(fixture_daten, "https://www.beispiel.test/")
    for _ in ("gemacht", "aus dem Speicher"):
        assert katalog.dateien(fixture_daten, "https://www.beispiel.test/", inhalte, tmp_path) == {
            "offene-daten/katalog.ttl": (erwartet / "katalog.ttl").read_bytes(),
            "offene-daten/katalog.rdf": (erwartet / "katalog.rdf").read_bytes()}
        assert len(list((tmp_path / "katalog").iterdir())) == 1
    echte = zwischenspeicher.version
    monkeypatch.setattr(zwischenspeicher, "version", lambda name: "99.0" if name.lower() == "rdflib" else echte(name))
    katalog.dateien(fixture_daten, "https://www.beispiel.test/", inhalte, tmp_path)
    assert len(list((tmp_path / "katalog").iterdir())) == 2


def test_the_calendars_are_kept_in_their_store(tmp_path, fixture_daten, monkeypatch):
    from handlungskonzept.ausgaben import calendar_feed, calendar_ics

    erste = calendar_feed.files(fixture_daten, "https://www.beispiel.test/", tmp_path)
    assert "regionalkonferenzen/termine.ics" in erste and [p.name for p in tmp_path.iterdir()] == ["kalender"]
    assert len(list((tmp_path / "kalender").iterdir())) == 1
    monkeypatch.setattr(calendar_ics, "files", None)  # writing them would fail: they come from the store
    assert calendar_feed.files(fixture_daten, "https://www.beispiel.test/", tmp_path) == erste


STORED_LOAD = """
import sys
from pathlib import Path
from handlungskonzept.daten.loader import load
loaded = load(Path({daten!r}), Path({docs!r}), "daten", Path({cache!r}))
print(loaded.daten.projekt.titel, "handlungskonzept.daten.yaml_source" in sys.modules)
"""


def _stored_load(tmp_path: Path, daten: Path) -> subprocess.CompletedProcess:
    program = STORED_LOAD.format(daten=str(daten), docs=str(ROOT / "docs"), cache=str(tmp_path / "cache"))
    return subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT / "macros")})


def test_a_build_with_unchanged_data_reads_them_validated_from_its_store(tmp_path, data_copy):
    """The second process reads no YAML; a changed file, even with its old time stamp, is read again."""
    import os

    from handlungskonzept.daten.loader import load

    daten = data_copy()
    titel = load(daten, ROOT / "docs").daten.projekt.titel
    runs = [_stored_load(tmp_path, daten).stdout for _ in range(2)]
    assert runs == [f"{titel} True\n", f"{titel} False\n"]
    projekt = daten / "projekt.yml"
    stat = projekt.stat()
    projekt.write_text(projekt.read_text(encoding="utf-8").replace(titel, "Neuer Titel", 1), encoding="utf-8")
    os.utime(projekt, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert _stored_load(tmp_path, daten).stdout == "Neuer Titel True\n"
    assert len(list((tmp_path / "cache" / "daten").iterdir())) == 2


def test_data_with_a_mistake_are_never_stored_and_report_it_every_time(tmp_path, data_copy):
    daten = data_copy(projekt=lambda text: text + "unbekannt: 1\n")
    for _ in range(2):
        result = _stored_load(tmp_path, daten)
        assert result.returncode == 1 and "daten/projekt.yml" in result.stderr and "unbekannt" in result.stderr
    assert not (tmp_path / "cache" / "daten").exists()


def test_the_key_of_results_made_from_the_data_covers_every_field(fixture_daten):
    """``model.inhalt`` is ``repr``: a field left out of it would let a changed value reuse a stale calendar."""
    from pydantic import BaseModel

    from handlungskonzept.daten import model

    models = [typ for typ in vars(model).values()
              if isinstance(typ, type) and issubclass(typ, BaseModel) and typ.__module__ == model.__name__]
    assert len(models) > 10
    assert [f"{typ.__name__}.{name}" for typ in models for name, feld in typ.model_fields.items() if not feld.repr] == []
    quelle = fixture_daten.quellen[0]
    anders = quelle.model_copy(update={"zeit": quelle.zeit.model_copy(update={"begruendung": "anders"})})
    assert model.inhalt(fixture_daten) != model.inhalt(fixture_daten.model_copy(update={"quellen": [anders]}))


def test_pages_made_templates_by_mkdocs_macros_are_compiled_once(tmp_path):
    """The second build renders each page from its stored code; a changed text or other settings compile anew,
    and a text with a mistake is never stored, so its error shows every time."""
    import jinja2
    import pytest

    from handlungskonzept.ausgaben import components

    compiled = []

    def environment(**settings) -> jinja2.Environment:
        env = jinja2.Environment(**settings)
        original = env.compile
        env.compile = lambda source, *args: compiled.append(source) or original(source, *args)
        components.seiten_zwischenspeichern(env, tmp_path)
        return env

    for _ in range(2):
        assert environment().from_string("Hallo {{ name }}!").render(name="Haan") == "Hallo Haan!"
    assert compiled == ["Hallo {{ name }}!"]
    assert environment().from_string("Hallo {{ name }}.").render(name="Haan") == "Hallo Haan."
    assert environment(variable_start_string="[[", variable_end_string="]]").from_string(
        "Hallo {{ name }}.").render(name="Haan") == "Hallo {{ name }}."
    for _ in range(2):  # escaping chosen by a function: stored by what it chooses
        assert environment(autoescape=lambda _name: True).from_string("Hallo {{ name }}.").render(name="<b>") == (
            "Hallo &lt;b&gt;.")
    for _ in range(2):
        with pytest.raises(jinja2.TemplateSyntaxError):
            environment().from_string("{{ kaputt ")
    assert len(compiled) == 6 and len(list((tmp_path / "seiten").iterdir())) == 4
