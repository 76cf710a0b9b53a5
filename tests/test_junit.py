"""``check --junit``: every German problem as a failing JUnit test case with file and line, for GitLab."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

from conftest import ROOT
from handlungskonzept.daten import junit
from handlungskonzept.daten.problems import Problem


def check(tmp_path, data, *extra):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("HK_")}
    environment["PYTHONPATH"] = str(ROOT / "macros")
    return subprocess.run([sys.executable, "-m", "handlungskonzept", "--daten", str(data), "check", *extra],
                          cwd=ROOT, env=environment, capture_output=True, text=True)


def test_each_problem_is_a_failing_testcase_with_file_and_line(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    konferenzen = data / "regionalkonferenzen.yml"
    konferenzen.write_text(konferenzen.read_text(encoding="utf-8").replace("  stadt: Haan", "  stadtt: Haan", 1)
                           .replace("  status: geplant", "  status: gepant <&>", 1), encoding="utf-8")
    result = check(tmp_path, data, "--junit", str(tmp_path / "bericht" / "pruefung.xml"))
    assert result.returncode == 1
    bullets = [line.removeprefix("  • ") for line in result.stderr.splitlines() if line.startswith("  • ")]
    assert len(bullets) == 3  # stadtt: unknown field and missing stadt; gepant: unknown value
    root = ET.parse(tmp_path / "bericht" / "pruefung.xml").getroot()  # well-formed despite „<&>“ in a value
    assert root.tag == "testsuites" and root.get("failures") == "3"
    suite = root.find("testsuite")
    assert suite.get("tests") == "3" and suite.get("failures") == "3"
    cases = suite.findall("testcase")
    assert [case.find("failure").text for case in cases] == bullets
    shown = f"{data}/regionalkonferenzen.yml"
    for case, text in zip(cases, bullets):
        assert case.get("classname") == case.get("file") == shown
        assert text.startswith(f"{shown}, Zeile {case.get('line')}, ")
        assert case.get("name").startswith(f"{shown}:{case.get('line')} Eintrag ")
        assert case.find("failure").get("message") in text
    texts = " ".join(case.find("failure").text for case in cases)
    assert "„gepant <&>“" in texts and "Meinten Sie „stadt“?" in texts


def test_clean_data_give_one_passing_testcase(tmp_path):
    result = check(tmp_path, ROOT / "data", "--junit", str(tmp_path / "pruefung.xml"))
    assert result.returncode == 0, result.stderr
    suite = ET.parse(tmp_path / "pruefung.xml").getroot().find("testsuite")
    assert suite.get("failures") == "0"
    [case] = suite.findall("testcase")
    assert case.get("name") == "Daten in Ordnung" and case.find("failure") is None


def test_report_is_exactly_this_xml(tmp_path):
    problems = [Problem("data/a.yml", 3, 5, "Eintrag 1 › von", "Falsch <&>.", "x"),
                Problem("data/b.yml", None, None, "", "Die Datei fehlt.")]
    junit.write(tmp_path / "neu" / "bericht" / "pruefung.xml", [])
    junit.write(tmp_path / "neu" / "bericht" / "pruefung.xml", problems)  # the folder exists now: written again
    assert (tmp_path / "neu" / "bericht" / "pruefung.xml").read_text(encoding="utf-8") == """\
<?xml version='1.0' encoding='utf-8'?>
<testsuites name="Datenprüfung" tests="2" failures="2">
  <testsuite name="Datenprüfung" tests="2" failures="2" errors="0" skipped="0" time="0">
    <testcase classname="data/a.yml" file="data/a.yml" name="data/a.yml:3 Eintrag 1 › von" time="0" line="3">
      <failure message="Falsch &lt;&amp;&gt;." type="Datenfehler">data/a.yml, Zeile 3, Spalte 5 – Feld „Eintrag 1 › von“ \
– Wert „x“: Falsch &lt;&amp;&gt;.</failure>
    </testcase>
    <testcase classname="data/b.yml" file="data/b.yml" name="data/b.yml" time="0">
      <failure message="Die Datei fehlt." type="Datenfehler">data/b.yml: Die Datei fehlt.</failure>
    </testcase>
  </testsuite>
</testsuites>
"""
    assert junit.report([]) == """\
<?xml version='1.0' encoding='utf-8'?>
<testsuites name="Datenprüfung" tests="1" failures="0">
  <testsuite name="Datenprüfung" tests="1" failures="0" errors="0" skipped="0" time="0">
    <testcase classname="data" name="Daten in Ordnung" time="0" />
  </testsuite>
</testsuites>
""".encode("utf-8")
