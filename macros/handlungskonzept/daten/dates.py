"""German wording of dates; the model and the components share it, so every page writes them alike."""
from __future__ import annotations

import datetime as dt

MONATE = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
          "September", "Oktober", "November", "Dezember"]


def datum_de(value: dt.date) -> str:
    """``2018-03-15`` → ``15. März 2018``."""
    return f"{value.day}. {MONATE[value.month - 1]} {value.year}"


def monat_jahr(value: dt.date) -> str:
    """``2017-02-01`` → ``Februar 2017``: the precision an undated source's period has."""
    return f"{MONATE[value.month - 1]} {value.year}"
