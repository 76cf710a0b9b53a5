"""The problems of ``make check`` as a JUnit XML report, so a merge request lists each one with file and line.

GitLab reads ``testsuite``/``testcase``/``failure`` and shows ``file`` next to each case; ``line``
is kept for tools that jump there. One failing case per problem, one passing case when all is well.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from .problems import Problem

SUITE = "Datenprüfung"


def report(problems: list[Problem]) -> bytes:
    """The XML document; problem texts are German and escaped by ElementTree."""
    suites = ET.Element("testsuites", name=SUITE, tests=str(max(len(problems), 1)), failures=str(len(problems)))
    suite = ET.SubElement(suites, "testsuite", name=SUITE, tests=str(max(len(problems), 1)),
                          failures=str(len(problems)), errors="0", skipped="0", time="0")
    for problem in problems:
        ort = problem.datei + (f":{problem.zeile}" if problem.zeile is not None else "")
        case = ET.SubElement(suite, "testcase", classname=problem.datei, file=problem.datei,
                             name=f"{ort} {problem.feld}".strip(), time="0")
        if problem.zeile is not None:
            case.set("line", str(problem.zeile))
        failure = ET.SubElement(case, "failure", message=problem.meldung, type="Datenfehler")
        failure.text = str(problem)
    if not problems:
        ET.SubElement(suite, "testcase", classname="data", name="Daten in Ordnung", time="0")
    ET.indent(suites)
    return ET.tostring(suites, encoding="utf-8", xml_declaration=True) + b"\n"


def write(path: Path, problems: list[Problem]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(report(problems))
