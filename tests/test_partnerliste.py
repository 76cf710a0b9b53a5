"""Partner list: partners grouped by art under headings, anchors for links from other pages, contacts alike."""
from __future__ import annotations

from bs4 import BeautifulSoup

from handlungskonzept.ausgaben import components
from handlungskonzept.daten.model import Kontakt, OffenerPunkt, Partner, PartnerArt

QUELLE = "vorlage-sv-50-100"


def partner(id: str, art: PartnerArt, **felder) -> Partner:
    return Partner(id=id, name=f"Name {id}", art=art, rolle=f"Rolle {id}", quelle=QUELLE, **felder)


def liste(gruppen, ebene: int = 2, anker: bool = True) -> BeautifulSoup:
    return BeautifulSoup(str(components.render("partnerliste", gruppen=gruppen, ebene=ebene, anker=anker)),
                         "html.parser")


def test_groups_by_art_with_a_heading_each_in_the_given_order():
    html = liste([(PartnerArt.kreis, [partner("kreis-mettmann", PartnerArt.kreis)]),
                  (PartnerArt.verband, [partner("a", PartnerArt.verband), partner("b", PartnerArt.verband)])], ebene=3)
    gruppen = html.find_all("section", class_="hk-partnerliste__gruppe")
    assert [g.h3.get_text() for g in gruppen] == ["Kreis Mettmann", "Verbände"]
    assert [g["aria-labelledby"] for g in gruppen] == [g.h3["id"] for g in gruppen]
    assert [n.get_text() for n in gruppen[1].find_all(class_="hk-partnerliste__name")] == ["Name a", "Name b"]
    assert html.find("h2") is None


def test_anchors_only_where_asked_so_ids_stay_unique_per_page():
    gruppen = [(PartnerArt.behoerde, [partner("polizei", PartnerArt.behoerde)])]
    assert liste(gruppen, anker=True).find("li", id="polizei") is not None
    assert liste(gruppen, anker=False).find("li", id="polizei") is None


def test_website_link_names_the_partner():
    html = liste([(PartnerArt.institut, [partner("institut", PartnerArt.institut, website="https://example.org/")])])
    link = html.find("a", href="https://example.org/")
    assert link.get_text() == "Website von Name institut"


def test_contact_without_a_name_has_no_stray_comma_and_a_mail_link():
    kontakt = Kontakt(funktion="Geschäftsstelle", telefon=OffenerPunkt(offen="Telefon der Geschäftsstelle"),
                      email="info@example.org")
    html = liste([(PartnerArt.verband, [partner("v", PartnerArt.verband, kontakt=kontakt)])])
    box = html.find(class_="hk-partnerliste__kontakt")
    text = " ".join(box.get_text(" ").split())
    assert text.startswith("Kontakt Geschäftsstelle") and ", ," not in text and ": ," not in text
    assert box.find(class_="hk-offen")["data-offen"] == "Telefon der Geschäftsstelle"
    assert box.find("a", href="mailto:info@example.org") is not None


def test_editor_text_is_escaped():
    html = liste([(PartnerArt.verband, [Partner(id="x", name="<b>X</b>", art=PartnerArt.verband,
                                               rolle="<script>y</script>", quelle=QUELLE)])])
    assert html.find("script") is None and html.find("b") is None
    assert html.find(class_="hk-partnerliste__name").get_text() == "<b>X</b>"
