"""The build's settings: the published site or the editors' preview, typed in one place.

``mkdocs.yml`` reads them from the environment into ``extra`` (``HK_VORSCHAU``, ``HK_TESTSYSTEM``,
``HK_BEARBEITEN_URL``), where they are strings such as ``"1"``; every hook asks this model instead
of parsing them itself, so "preview or published" is decided once.
"""
from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from .problems import DatenFehler, Problem


def _leer_ist_aus(value: object) -> object:
    """``HK_VORSCHAU=`` (set but empty) means off, as in a shell."""
    return False if value == "" else value


Schalter = Annotated[bool, BeforeValidator(_leer_ist_aus)]


class Einstellungen(BaseModel):
    """What differs between the builds; ``mkdocs.yml`` ``extra`` holds the values."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    vorschau: Schalter = Field(False, description="Vorschau für die Redaktion (HK_VORSCHAU=1): Banner, Entwürfe, "
                                                  "Bearbeiten-Links, hervorgehobene offene Punkte, noindex")
    testsystem: Schalter = Field(False, description="Veröffentlichung auf einem Testsystem (HK_TESTSYSTEM=1): "
                                                    "wie veröffentlicht, aber mit noindex")
    bearbeiten_url: str = Field("", description="Basis der Bearbeiten-Links der Vorschau, bis vor docs/ bzw. data/")

    @property
    def noindex(self) -> bool:
        """Search engines must not index the preview or a test system."""
        return self.vorschau or self.testsystem


#: Environment variable behind each setting, and what it must be, for the German message.
_VARIABLEN = {"vorschau": "HK_VORSCHAU", "testsystem": "HK_TESTSYSTEM", "bearbeiten_url": "HK_BEARBEITEN_URL"}
_ERWARTET = {"bearbeiten_url": "Hier wird eine Adresse als Text erwartet"}


def aus_extra(extra: dict) -> Einstellungen:
    """The settings from ``config.extra``; a value that is no switch is a German ``DatenFehler``."""
    try:
        return Einstellungen.model_validate(extra)
    except ValidationError as error:
        raise DatenFehler([
            Problem("mkdocs.yml", None, None, f"extra › {feld}",
                    f"{_ERWARTET.get(feld, 'Nur 1 (an) oder 0 (aus) erlaubt')} – gesetzt über die Umgebungsvariable "
                    f"{_VARIABLEN[feld]}.", str(e["input"]))
            for e in error.errors() for feld in [str(e["loc"][0])]]) from None
