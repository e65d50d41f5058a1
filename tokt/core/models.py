from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class MunicipalityQuerySet(models.QuerySet):
    def salten(self) -> MunicipalityQuerySet:
        return self.filter(salten=True)


class Municipality(models.Model):
    number = models.CharField(_("kommunenummer"), max_length=4, primary_key=True)
    name = models.CharField(_("navn"), max_length=100)
    salten = models.BooleanField(_("i Salten"), default=False)

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("kommune")
        verbose_name_plural = _("kommuner")

    def __str__(self) -> str:
        return f"{self.name} ({self.number})"


class AgencyKind(models.TextChoices):
    POLICE = "police", _("Politi")
    STATE = "state", _("Statlig etat")
    MUNICIPAL = "municipal", _("Kommunal tjeneste")
    NGO = "ngo", _("Frivillig organisasjon")
    NETWORK = "network", _("Nettverket")


class Agency(models.Model):
    slug = models.SlugField(_("kortnavn"), unique=True)
    name = models.CharField(_("navn"), max_length=200, unique=True)
    kind = models.CharField(_("type"), max_length=20, choices=AgencyKind.choices)

    class Meta:
        ordering = ["name"]
        verbose_name = _("etat")
        verbose_name_plural = _("etater")

    def __str__(self) -> str:
        return self.name
