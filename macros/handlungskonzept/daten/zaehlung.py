"""How many Regionalkonferenzen the sources report held, planned, cancelled or say nothing about.

One function for the start page, the overview and every export, so they never disagree. A
source may count held conferences without naming the towns (the Mitteilungsvorlage says
„in drei Städten“): those count as held, and come off the towns without a statement.
"""
from __future__ import annotations

from dataclasses import dataclass

from .model import Daten, Status


@dataclass(frozen=True)
class Konferenzzahlen:
    durchgefuehrt: int
    #: Held according to a source that does not name the towns; part of ``durchgefuehrt``.
    ohne_stadt: int
    geplant: int
    abgesagt: int
    #: Towns no source says anything about, once the unnamed held ones are taken off.
    ohne_angabe: int
    #: Records with status ``offen`` as the editors entered them.
    offen_eingetragen: int

    def nach_status(self) -> list[tuple[Status, int]]:
        """Counts in the order of ``Status``; ``offen`` stands for „Keine Angabe“."""
        return [(Status.durchgefuehrt, self.durchgefuehrt), (Status.geplant, self.geplant),
                (Status.abgesagt, self.abgesagt), (Status.offen, self.ohne_angabe)]


def konferenzzahlen(daten: Daten) -> Konferenzzahlen:
    def anzahl(status: Status) -> int:
        return sum(k.status is status for k in daten.regionalkonferenzen)

    benannt = anzahl(Status.durchgefuehrt)
    laut_quelle = daten.projekt.konferenzen_durchgefuehrt_laut_quelle or 0
    offen = anzahl(Status.offen)
    ohne_stadt = max(0, laut_quelle - benannt)
    return Konferenzzahlen(durchgefuehrt=benannt + ohne_stadt, ohne_stadt=ohne_stadt, geplant=anzahl(Status.geplant),
                           abgesagt=anzahl(Status.abgesagt), ohne_angabe=max(0, offen - ohne_stadt),
                           offen_eingetragen=offen)
