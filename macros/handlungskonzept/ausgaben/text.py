"""German wording of a conference's date and rendering of editor Markdown, shared by every component."""
from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

import markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE
from markupsafe import Markup

from ..daten.dates import datum_de
from ..daten.model import Quelle, Regionalkonferenz, Status

#: URL schemes an editor's link or image may use; links without a scheme (relative, ``#anker``) stay too.
ERLAUBTE_SCHEMATA = {"http", "https", "mailto"}
_SCHEMA = re.compile(r"([a-z][a-z0-9+.\-]*):", re.IGNORECASE)
#: What a browser ignores inside a URL (C0 controls and spaces), so ``jav&#x09;ascript:`` is still JavaScript.
_UNSICHTBAR = re.compile(r"[\x00-\x20\x7f]")


def termin_text(k: Regionalkonferenz) -> str:
    """How a conference's date is worded everywhere (pages, feed): one function, so they never disagree.

    Without a date it promises nothing: it reports the period the source named, or that none is known.
    """
    if k.datum:
        return datum_de(k.datum)
    if k.status is Status.abgesagt:
        return "Abgesagt, kein Termin"
    return f"Kein Datum; vorgesehen war {k.zeitraum}" if k.zeitraum else "Kein Datum genannt"


def laut(quelle: Quelle) -> str:
    """„Laut Mitteilungsvorlage WP 14-20 SV 50/100 (undatiert, verfasst zwischen …)“: whose word, and when."""
    return f"Laut {quelle.titel} ({quelle.zeitangabe})"


def status_bericht(k: Regionalkonferenz, quelle: Quelle) -> str:
    """What the source said about a conference, in reported past tense: it speaks for its time, not today."""
    ort = f"die Regionalkonferenz in {k.stadt}"
    if k.status is Status.durchgefuehrt:
        return f"{laut(quelle)} fand {ort} am {datum_de(k.datum)} statt."
    if k.status is Status.abgesagt:
        return f"{laut(quelle)} war {ort} abgesagt."
    if k.status is Status.geplant:
        if k.datum:
            return f"{laut(quelle)} war {ort} für den {datum_de(k.datum)} geplant."
        if k.zeitraum:
            return f"{laut(quelle)} war {ort} geplant; vorgesehen war {k.zeitraum}."
        return f"{laut(quelle)} war {ort} geplant; einen Termin nennt die Quelle nicht."
    return f"Die {quelle.titel} ({quelle.zeitangabe}) sagt zur Regionalkonferenz in {k.stadt} nichts Eigenes."


def satzanfang(text: str) -> str:
    """First letter upper-case, the rest untouched (Jinja's ``capitalize`` lowers the rest)."""
    return text[:1].upper() + text[1:]


def sicherer_link(url: str) -> bool:
    """True when a browser would read ``url`` as relative or as an http(s)/mailto address.

    Decodes entities and drops the characters browsers skip first, as a browser does before it
    looks for the scheme.
    """
    gelesen = _UNSICHTBAR.sub("", html.unescape(url.replace(AMP_SUBSTITUTE, "&")))
    schema = _SCHEMA.match(gelesen)
    return schema is None or schema.group(1).lower() in ERLAUBTE_SCHEMATA


class _LinkFilter(Treeprocessor):
    """Turns links and images with a dangerous scheme (``javascript:``, ``data:`` …) into plain text."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            attribut = {"a": "href", "img": "src"}.get(element.tag)
            if attribut is None or sicherer_link(element.get(attribut, "")):
                continue
            alt = element.get("alt", "") if element.tag == "img" else None
            element.tag = "span"
            element.attrib.clear()
            if alt is not None:
                element.text = alt


def editor_markdown(text: str) -> Markup:
    """Render an editor's Markdown field; raw HTML in it is shown as text, never executed."""
    renderer = markdown.Markdown(extensions=["sane_lists"])
    renderer.preprocessors.deregister("html_block")
    renderer.inlinePatterns.deregister("html")
    renderer.treeprocessors.register(_LinkFilter(renderer), "hk_linkfilter", -10)  # after every other one
    return Markup(renderer.convert(text))
