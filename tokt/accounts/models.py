from __future__ import annotations

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    FAGPERSON = "fagperson", _("Fagperson")
    KOORDINATOR = "koordinator", _("Koordinator")
    ADMINISTRATOR = "administrator", _("Administrator")
    PERSONVERNOMBUD = "personvernombud", _("Personvernombud")


class User(AbstractUser):
    """A member of the network. Every user belongs to one agency and has one role."""

    email = models.EmailField(_("e-post"), blank=True)
    agency = models.ForeignKey("core.Agency", on_delete=models.PROTECT, related_name="users", verbose_name=_("etat"))
    role = models.CharField(_("rolle"), max_length=20, choices=Role.choices, default=Role.FAGPERSON)
    # Set when an administrator chose the password: the user replaces it at the next sign-in.
    must_change_password = models.BooleanField(_("må bytte passord"), default=False)

    objects = UserManager()

    REQUIRED_FIELDS = ["email"]

    class Meta:
        ordering = ["username"]
        verbose_name = _("bruker")
        verbose_name_plural = _("brukere")

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username


class LoginSession(models.Model):
    """Which session keys belong to a user, so an administrator can end them all."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="login_sessions")
    session_key = models.CharField(max_length=64, unique=True)
    started_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"session of user {self.user_id} since {self.started_at:%Y-%m-%d %H:%M}"


class EnrolmentLink(models.Model):
    """A one-time link an administrator hands over out of band, needed to set up two-factor login.

    Only the SHA-256 of the link's token is stored; the token itself is shown once.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="enrolment_links")
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"enrolment link for user {self.user_id} until {self.expires_at:%Y-%m-%d %H:%M}"


class RecoveryCode(models.Model):
    """A single-use code for signing in without the phone; stored only as a keyed hash."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="recovery_codes")
    code_hash = models.CharField(max_length=64)
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"recovery code of user {self.user_id}"
