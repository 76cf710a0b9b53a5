"""``check --junit``: every German problem as a failing JUnit test case with file and line, for GitLab."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

from conftest import ROOT


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
