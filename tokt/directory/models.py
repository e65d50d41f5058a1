"""The directory: actors, referral paths (situations and ordered steps) and network meetings.

The reference data starts in tokt/directory/data/*.yaml (validated by datafile.py)
and is loaded by migration 0002 and the ``load_directory`` command; coordinators
then edit actors in the web UI. Every model keeps its history (simple-history).
"""

from __future__ import annotations

import calendar
import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

# An entry not confirmed for this long is flagged to coordinators.
STALE_AFTER_MONTHS = 6


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` earlier, clamped to the month's last day (31 Aug -> 28/29 Feb)."""
    year, month0 = divmod(day.year * 12 + day.month - 1 - months, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return dt.date(year, month0 + 1, min(day.day, last))


class ActorKind(models.TextChoices):
    # Order matters: contact lists show emergency numbers first.
    EMERGENCY = "emergency", _("Nødnummer")
    # Numbers that answer around the clock but are not emergency numbers (116 117, 116 006).
    HELPLINE = "helpline", _("Hjelpetelefon (ikke nødnummer)")
    MUNICIPAL = "municipal", _("Kommunal tjeneste")
    REGIONAL = "regional", _("Regional tjeneste")
    NETWORK = "network", _("Nettverket i Salten")
    NATIONAL = "national", _("Nasjonal tjeneste")
    # A web page with information: never the responsible actor for a referral step.
    RESOURCE = "resource", _("Nettressurs")


KIND_ORDER = {kind.value: index for index, kind in enumerate(ActorKind)}


class CallCost(models.TextChoices):
    """What a call costs the caller: the public pages never call a number free unless a source says so."""

    FREE = "free", _("Gratis å ringe")
    CHARGED = "charged", _("Koster penger å ringe")
    STANDARD = "standard", _("Vanlig samtalepris")
    UNKNOWN = "unknown", _("Pris ikke kjent")


class Service(models.TextChoices):
    IDENTIFICATION = "identification", _("Identifisering")
    PROTECTION = "protection", _("Beskyttelse")
    SHELTER = "shelter", _("Trygt bosted")
    HEALTH = "health", _("Helsehjelp")
    LEGAL_AID = "legal_aid", _("Rettshjelp")
    INVESTIGATION = "investigation", _("Etterforskning")
    LABOUR_INSPECTION = "labour_inspection", _("Arbeidstilsyn")
    INTERPRETING = "interpreting", _("Tolking")
    OUTREACH = "outreach", _("Oppsøkende arbeid")
    GUIDANCE = "guidance", _("Råd og veiledning")
    HELPLINE = "helpline", _("Hjelpetelefon")
    CHILD_PROTECTION = "child_protection", _("Barnevern")
    COMPETENCE = "competence", _("Kompetanse")


class ActorQuerySet(models.QuerySet):
    def serving(self, municipality: str) -> ActorQuerySet:
        """Actors covering ``municipality`` (kommunenummer), national ones included."""
        return self.filter(Q(all_municipalities=True) | Q(municipalities__number=municipality)).distinct()

    def public(self) -> ActorQuerySet:
        return self.filter(public=True)

    def stale(self, today: dt.date) -> ActorQuerySet:
        return self.filter(last_verified__lt=months_before(today, STALE_AFTER_MONTHS))

    def confirmed(self, today: dt.date) -> ActorQuerySet:
        """Entries a named coordinator confirmed in ToKt within the last six months.

        Only these may be shown to the public: a number read off a stored web
        page by a script is not a confirmation.
        """
        return self.filter(
            verified=True,
            verified_by_user__isnull=False,
            last_verified__gte=months_before(today, STALE_AFTER_MONTHS),
        )

    def to_review(self, today: dt.date) -> ActorQuerySet:
        """Every entry that is unverified, stale or never confirmed by a named coordinator."""
        return self.exclude(pk__in=self.confirmed(today).values("pk"))


class Actor(models.Model):
    slug = models.SlugField(
        _("id"), max_length=64, unique=True, help_text=_("Fast id, for eksempel «rosa». Brukes av andre deler av ToKt.")
    )
    name = models.CharField(_("navn"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=ActorKind.choices)
    description_nb = models.TextField(_("hva aktøren gjør (bokmål)"))
    description_en = models.TextField(_("hva aktøren gjør (engelsk)"))
    # Provenance, research and verification notes: shown to coordinators only, never publicly.
    internal_note = models.TextField(
        _("interne merknader"),
        blank=True,
        help_text=_("Kilder, forbehold og hva som må kontrolleres. Vises bare for koordinatorer."),
    )
    cost = models.CharField(_("pris for å ringe"), max_length=16, choices=CallCost.choices, default=CallCost.UNKNOWN)
    services = models.JSONField(_("tjenester"), default=list)
    all_municipalities = models.BooleanField(_("dekker hele landet"), default=False)
    municipalities = models.ManyToManyField(
        "core.Municipality", blank=True, related_name="directory_actors", verbose_name=_("kommuner")
    )
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    email = models.EmailField(_("e-post"), blank=True)
    url = models.URLField(_("nettside"), max_length=500, blank=True)
    address = models.CharField(_("adresse"), max_length=300, blank=True)
    hours_nb = models.CharField(_("åpningstid (bokmål)"), max_length=500, blank=True)
    hours_en = models.CharField(_("åpningstid (engelsk)"), max_length=500, blank=True)
    languages = models.JSONField(_("språk"), default=list, blank=True)
    anonymous = models.BooleanField(_("tar imot anonyme henvendelser"), null=True, blank=True)
    public = models.BooleanField(_("vises offentlig"), default=False)
    verified = models.BooleanField(_("kontrollert mot kilde"), default=False)
    last_verified = models.DateField(_("sist kontrollert"))
    verified_by = models.CharField(_("kontrollert av"), max_length=500)
    verified_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("kontrollert av (bruker)"),
    )
    source = models.JSONField(_("kilder"), default=list, blank=True)
    position = models.PositiveIntegerField(_("rekkefølge"), default=0)
    # Set when a coordinator has edited the entry: load_directory then leaves it alone.
    edited_in_ui = models.BooleanField(default=False, editable=False)

    objects = ActorQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[municipalities])

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("aktør")
        verbose_name_plural = _("aktører")

    def __str__(self) -> str:
        return self.name

    def description(self, lang: str = "nb") -> str:
        return self.description_en if lang == "en" else self.description_nb

    def hours(self, lang: str = "nb") -> str:
        return self.hours_en if lang == "en" else self.hours_nb

    def serves(self, municipality: str) -> bool:
        return self.all_municipalities or self.municipalities.filter(number=municipality).exists()

    def is_stale(self, today: dt.date) -> bool:
        return self.last_verified < months_before(today, STALE_AFTER_MONTHS)

    def is_confirmed(self, today: dt.date) -> bool:
        """See ``ActorQuerySet.confirmed``."""
        return self.verified and self.verified_by_user_id is not None and not self.is_stale(today)

    @property
    def service_labels(self) -> list[str]:
        labels = dict(Service.choices)
        return [str(labels.get(s, s)) for s in self.services]

    @property
    def phone_link(self) -> str:
        """The number for ``tel:`` links: E.164, or the short number as it is."""
        from tokt.directory.validation import phone_e164

        return phone_e164(self.phone) if self.phone else ""


class PublicField(models.TextChoices):
    """The fields of an actor a public reader sees, translated one row per (actor, field, language)."""

    NAME = "name", _("navn")
    DESCRIPTION = "description", _("hva tjenesten gjør")
    HOURS = "hours", _("åpningstid")


class TranslationStatus(models.TextChoices):
    MACHINE_ASSISTED = "machine_assisted", _("maskinassistert, ikke gjennomgått")
    REVIEWED = "reviewed", _("gjennomgått av en som kan språket")


class ActorText(models.Model):
    """One public field of one actor in one public language other than nb and en.

    nb (the original) and en (the source for every other language) stay on
    ``Actor``; a missing row means the reader sees no text for that field,
    never a text in another language.
    """

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="texts")
    field = models.CharField(_("felt"), max_length=16, choices=PublicField.choices)
    lang = models.CharField(_("språk"), max_length=16)
    text = models.TextField(_("tekst"))
    status = models.CharField(
        _("oversettelsesstatus"),
        max_length=20,
        choices=TranslationStatus.choices,
        default=TranslationStatus.MACHINE_ASSISTED,
    )
    translated_on = models.DateField(_("oversatt"))
    edited_in_ui = models.BooleanField(default=False, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["actor", "field", "lang"]
        constraints = [models.UniqueConstraint(fields=["actor", "field", "lang"], name="directory_actor_text_unique")]
        verbose_name = _("oversettelse")
        verbose_name_plural = _("oversettelser")

    def __str__(self) -> str:
        return f"{self.actor_id}/{self.field}/{self.lang}"


class ReferralSituation(models.Model):
    slug = models.SlugField(_("id"), max_length=64, unique=True)
    title_nb = models.CharField(_("tittel (bokmål)"), max_length=200)
    title_en = models.CharField(_("tittel (engelsk)"), max_length=200)
    summary_nb = models.TextField(_("sammendrag (bokmål)"))
    summary_en = models.TextField(_("sammendrag (engelsk)"))
    sources = models.JSONField(_("kilder"), default=list, blank=True)
    unverified = models.JSONField(_("ikke kontrollert"), default=list, blank=True)
    position = models.PositiveIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["position"]
        verbose_name = _("situasjon")
        verbose_name_plural = _("situasjoner")

    def __str__(self) -> str:
        return self.title_nb

    def title(self, lang: str = "nb") -> str:
        return self.title_en if lang == "en" else self.title_nb

    def summary(self, lang: str = "nb") -> str:
        return self.summary_en if lang == "en" else self.summary_nb


class ReferralStep(models.Model):
    situation = models.ForeignKey(ReferralSituation, on_delete=models.CASCADE, related_name="steps")
    number = models.PositiveIntegerField(_("nummer"))
    title_nb = models.CharField(_("tittel (bokmål)"), max_length=200)
    title_en = models.CharField(_("tittel (engelsk)"), max_length=200)
    detail_nb = models.TextField(_("hva du gjør (bokmål)"))
    detail_en = models.TextField(_("hva du gjør (engelsk)"))
    when_nb = models.CharField(_("når (bokmål)"), max_length=300, blank=True)
    when_en = models.CharField(_("når (engelsk)"), max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["situation", "number"]
        constraints = [models.UniqueConstraint(fields=["situation", "number"], name="directory_step_number_unique")]

    def __str__(self) -> str:
        return f"{self.situation.slug} {self.number}: {self.title_nb}"

    def title(self, lang: str = "nb") -> str:
        return self.title_en if lang == "en" else self.title_nb

    def detail(self, lang: str = "nb") -> str:
        return self.detail_en if lang == "en" else self.detail_nb

    def when(self, lang: str = "nb") -> str:
        return self.when_en if lang == "en" else self.when_nb


class StepActor(models.Model):
    """An actor named in a step; position 1 is the one responsible for the step."""

    step = models.ForeignKey(ReferralStep, on_delete=models.CASCADE, related_name="step_actors")
    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="step_links")
    position = models.PositiveIntegerField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["step", "position"]
        constraints = [models.UniqueConstraint(fields=["step", "actor"], name="directory_step_actor_unique")]

    def __str__(self) -> str:
        return f"{self.step_id}/{self.position}: {self.actor_id}"


class MeetingKind(models.TextChoices):
    NETWORK = "nettverkssamling", _("Nettverkssamling")
    CASE_CONFERENCE = "case_conference", _("Drøftingsmøte")


class Meeting(models.Model):
    """A network meeting. Holds no personal data and nothing about individual cases."""

    kind = models.CharField(_("type møte"), max_length=20, choices=MeetingKind.choices)
    date = models.DateField(_("dato"))
    place = models.CharField(_("sted"), max_length=200)
    agenda = models.TextField(_("agenda"))
    agencies = models.ManyToManyField(
        "core.Agency", related_name="directory_meetings", verbose_name=_("etater som deltok")
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    history = HistoricalRecords(m2m_fields=[agencies])

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("møte")
        verbose_name_plural = _("møter")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date:%Y-%m-%d}"
