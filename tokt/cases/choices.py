"""States and codes of the cases app."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from tokt.cases.vocabulary import FORM_LABELS, FORMS, SECTOR_LABELS, SECTORS


class AgeGroup(models.TextChoices):
    UNDER_18 = "under_18", _("Under 18 år")
    AGE_18_25 = "18_25", _("18–25 år")
    AGE_26_40 = "26_40", _("26–40 år")
    OVER_40 = "over_40", _("Over 40 år")
    UNKNOWN = "unknown", _("Ukjent alder")


class Gender(models.TextChoices):
    WOMAN = "woman", _("Kvinne")
    MAN = "man", _("Mann")
    OTHER = "other", _("Annet")
    UNKNOWN = "unknown", _("Ukjent")


class Region(models.TextChoices):
    NORWAY = "norway", _("Norge")
    NORDIC = "nordic", _("Norden ellers")
    EU_EAST = "eu_east", _("Øst-Europa (EU/EØS)")
    EU_OTHER = "eu_other", _("Europa ellers (EU/EØS)")
    EUROPE_NON_EU = "europe_non_eu", _("Europa utenfor EU/EØS")
    AFRICA = "africa", _("Afrika")
    ASIA = "asia", _("Asia")
    AMERICAS = "americas", _("Amerika")
    OCEANIA = "oceania", _("Oseania")
    UNKNOWN = "unknown", _("Ukjent")


# Countries a case may name, each with its region (ISO 3166-1 alpha-2). A
# country outside this list is recorded by its region only.
COUNTRIES: dict[str, tuple[str, Region]] = {
    "NO": (_("Norge"), Region.NORWAY),
    "SE": (_("Sverige"), Region.NORDIC),
    "DK": (_("Danmark"), Region.NORDIC),
    "FI": (_("Finland"), Region.NORDIC),
    "PL": (_("Polen"), Region.EU_EAST),
    "LT": (_("Litauen"), Region.EU_EAST),
    "LV": (_("Latvia"), Region.EU_EAST),
    "EE": (_("Estland"), Region.EU_EAST),
    "RO": (_("Romania"), Region.EU_EAST),
    "BG": (_("Bulgaria"), Region.EU_EAST),
    "SK": (_("Slovakia"), Region.EU_EAST),
    "HU": (_("Ungarn"), Region.EU_EAST),
    "DE": (_("Tyskland"), Region.EU_OTHER),
    "ES": (_("Spania"), Region.EU_OTHER),
    "PT": (_("Portugal"), Region.EU_OTHER),
    "UA": (_("Ukraina"), Region.EUROPE_NON_EU),
    "RU": (_("Russland"), Region.EUROPE_NON_EU),
    "AL": (_("Albania"), Region.EUROPE_NON_EU),
    "NG": (_("Nigeria"), Region.AFRICA),
    "ER": (_("Eritrea"), Region.AFRICA),
    "SO": (_("Somalia"), Region.AFRICA),
    "GH": (_("Ghana"), Region.AFRICA),
    "TH": (_("Thailand"), Region.ASIA),
    "VN": (_("Vietnam"), Region.ASIA),
    "PH": (_("Filippinene"), Region.ASIA),
    "CN": (_("Kina"), Region.ASIA),
    "AF": (_("Afghanistan"), Region.ASIA),
    "SY": (_("Syria"), Region.ASIA),
    "BR": (_("Brasil"), Region.AMERICAS),
}


class Source(models.TextChoices):
    OWN_WORK = "own_work", _("Eget arbeid")
    PUBLIC_TIP = "public_tip", _("Tips fra publikum")
    SCREENING = "screening", _("Sjekk av tegn (kartlegging)")
    OTHER_AGENCY = "other_agency", _("Fra en annen etat")
    SELF_REFERRAL = "self_referral", _("Personen tok kontakt selv")
    OTHER = "other", _("Annet")


class CaseStatus(models.TextChoices):
    REGISTERED = "registered", _("Registrert")
    ON_AGENDA = "on_agenda", _("Satt på agendaen")
    DISCUSSED = "discussed", _("Drøftet")
    REFERRED = "referred", _("Henvist")
    FOLLOWED_UP = "followed_up", _("Fulgt opp")
    CLOSED = "closed", _("Avsluttet")


class ConsentScope(models.TextChoices):
    DETAILS = "details", _("Opplysningene i saken (også land)")
    DETAILS_AND_NOTES = "details_and_notes", _("Opplysningene og notatene i saken")


class ConferenceStatus(models.TextChoices):
    PLANNED = "planned", _("Planlagt")
    HELD = "held", _("Holdt")
    CLOSED = "closed", _("Avsluttet")


class ReferralStatus(models.TextChoices):
    SENT = "sent", _("Sendt")
    ACCEPTED = "accepted", _("Godtatt")
    REJECTED = "rejected", _("Avslått")
    DONE = "done", _("Fullført")
    REVOKED = "revoked", _("Trukket tilbake")


class TransferStatus(models.TextChoices):
    REQUESTED = "requested", _("Forespurt")
    ACCEPTED = "accepted", _("Godtatt")
    DECLINED = "declined", _("Avslått")


SECTOR_CHOICES = [(s, SECTOR_LABELS.get(s, s)) for s in SECTORS]
FORM_CHOICES = [(f, FORM_LABELS.get(f, f)) for f in FORMS]
COUNTRY_CHOICES = [(code, name) for code, (name, _region) in COUNTRIES.items()]
