"""The one Jinja setup of the site (``components.make_environment``) and ``components.render``, rendered in process."""
from __future__ import annotations

import datetime as dt

import jinja2
import pytest

from handlungskonzept.ausgaben import components
from handlungskonzept.daten.model import OffenerPunkt


def template(tmp_path, text: str, **filters) -> jinja2.Template:
    (tmp_path / "t.html").write_text(text, encoding="utf-8")
    return components.make_environment(tmp_path, **filters).get_template("t.html")


def test_filters_and_tests_every_template_has(tmp_path, fixture_daten):
    k = fixture_daten.konferenz("hilden")
    quelle = fixture_daten.quelle("testbericht-2027")
    t = template(tmp_path, "{{ tag | datum_de }}|{{ k | termin_text }}|{{ q | laut }}|{{ 'über uns' | satzanfang }}|"
                           "{{ '**fett**' | markdown }}|{{ status_bericht(k, q) }}|{{ o is offen }}{{ k is offen }}|"
                           "{{ tag is datum }}{{ 'x' is datum }}")
    assert t.render(tag=dt.date(2027, 3, 4), k=k, q=quelle, o=OffenerPunkt(offen="fehlt")) == (
        "4. März 2027|13. Februar 2027|Laut Testbericht zu den Regionalkonferenzen (vom 1. Juni 2027)|Über uns|"
        "<p><strong>fett</strong></p>|Laut Testbericht zu den Regionalkonferenzen (vom 1. Juni 2027) fand die "
        "Regionalkonferenz in Hilden am 13. Februar 2027 statt.|TrueFalse|TrueFalse")


def test_text_is_escaped_and_an_unknown_name_stops_rendering(tmp_path):
    assert template(tmp_path, "<p>{{ text }}</p>").render(text="<b>&</b>") == "<p>&lt;b&gt;&amp;&lt;/b&gt;</p>"
    with pytest.raises(jinja2.UndefinedError):
        template(tmp_path, "{{ fehlt }}").render()


def test_blocks_leave_no_blank_space_and_the_last_newline_stays(tmp_path):
    t = template(tmp_path, "<ul>\n  {% for x in xs %}\n  <li>{{ x }}</li>\n  {% endfor %}\n</ul>\n")
    assert t.render(xs=[1, 2]) == "<ul>\n  <li>1</li>\n  <li>2</li>\n</ul>\n"


def test_extra_filters_are_added_for_one_kind_of_template(tmp_path):
    assert template(tmp_path, "{{ 'a' | doppelt }}", doppelt=lambda s: s * 2).render() == "aa"


def test_render_drops_blank_lines_so_markdown_keeps_the_block_whole():
    html = components.render("pruefdatum", geprueft=dt.date(2026, 11, 25), pruefen_bis=dt.date(2027, 5, 25))
    assert html == (
        '<div class="hk-pruefdatum" role="note" aria-label="Prüfung dieser Seite">\n'
        '<p>Diese Seite wurde zuletzt am <time datetime="2026-11-25">25. November 2026</time> geprüft.\n'
        'Nächste Prüfung: bis <time datetime="2027-05-25">25. Mai 2027</time>.</p>\n</div>')
    assert type(html).__name__ == "Markup"


def test_editors_notes_are_written_until_the_published_build_turns_them_off():
    assert components.render("offener-punkt", text="Telefon") == (
        '<span class="hk-offen" data-offen="Telefon">Diese Angabe liegt noch nicht vor.</span>')
    try:
        components.notizen(False)
        assert components.render("offener-punkt", text="Telefon") == (
            '<span class="hk-offen">Diese Angabe liegt noch nicht vor.</span>')
        components.notizen(True)
        assert components.render("entwurf", text="Noch prüfen") == (
            '<span class="hk-entwurf" data-offen="Noch prüfen">Entwurf der Redaktion, noch nicht freigegeben.</span>')
    finally:
        components.notizen(True)


def test_compiled_components_are_kept_in_the_given_folder(tmp_path, monkeypatch):
    env = components.environment()
    monkeypatch.setattr(env, "bytecode_cache", env.bytecode_cache)  # the session's store comes back afterwards
    monkeypatch.setattr(env, "cache", jinja2.utils.LRUCache(400))  # templates compiled before are compiled anew
    components.zwischenspeicher(tmp_path / "jinja")
    components.render("offener-punkt", text="Telefon")
    [kompiliert] = (tmp_path / "jinja").iterdir()
    assert kompiliert.name.startswith("__jinja2_") and kompiliert.suffix == ".cache"
