"""Writes for users, sessions and two-factor devices; each one audited."""

from __future__ import annotations

import datetime
import hashlib
import secrets
import time

from django.contrib.auth import login, logout
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.backends.db import SessionStore
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from tokt.accounts.models import EnrolmentLink, LoginSession, RecoveryCode, Role, User
from tokt.audit.models import AuditAction
from tokt.audit.services import log_action, log_action_aggregated

LOGIN_AT = "tokt_login_at"
SEEN_AT = "tokt_seen_at"
PENDING_USER = "tokt_pending_user"
PENDING_AT = "tokt_pending_at"
PENDING_SECONDS = 300
# Set once the second factor is given (device pk, or 0 in demo mode without a device),
# while the user still has to replace a temporary password.
PENDING_FACTOR = "tokt_pending_factor"
ENROL_LINK = "tokt_enrol_link"
ENROLMENT_LINK_HOURS = 72
RECOVERY_CODE_COUNT = 10
# Letters only, without look-alikes, so a recovery code never passes for a six-digit TOTP code.
_RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz"


class AccountError(Exception):
    """A refused account action, with a message for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# --- sign-in ---------------------------------------------------------------


def login_pending_start(*, request, user: User) -> None:
    """Password accepted: remember the user until the second factor is given."""
    request.session.cycle_key()
    request.session.pop(PENDING_FACTOR, None)
    request.session[PENDING_USER] = user.pk
    request.session[PENDING_AT] = time.time()


def login_pending_user(request) -> User | None:
    user_id = request.session.get(PENDING_USER)
    started = request.session.get(PENDING_AT, 0)
    if not user_id or time.time() - started > PENDING_SECONDS:
        return None
    return User.objects.filter(pk=user_id, is_active=True).first()


def login_complete(*, request, user: User, device: TOTPDevice | None = None) -> None:
    with transaction.atomic():
        log_action(actor=user, action=AuditAction.LOGIN, details={"second_factor": bool(device)})
        for key in (PENDING_USER, PENDING_AT, PENDING_FACTOR, ENROL_LINK):
            request.session.pop(key, None)
        # login() rotates the session id, so a key planted before sign-in is useless.
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        if device is not None:
            otp_login(request, device)
        now = time.time()
        request.session[LOGIN_AT] = now
        request.session[SEEN_AT] = now
        request.session.save()
        LoginSession.objects.create(user=user, session_key=request.session.session_key)


def login_failed_record(*, username: str, locked: bool) -> None:
    """Audit a failed sign-in, aggregated so that nobody can flood the trail.

    A typed name that is no user is never stored: it is often a password typed
    into the wrong field, or a probe.
    """
    with transaction.atomic():
        user = User.objects.filter(username__iexact=username).first()
        who = {"actor_username": user.username, "target": user} if user else {"details": {"unknown_user": True}}
        key = str(user.pk) if user else "unknown"
        log_action_aggregated(key=f"login_failed:{key}", action=AuditAction.LOGIN_FAILED, **who)
        if locked:
            log_action_aggregated(key=f"lockout:{key}", action=AuditAction.LOCKOUT, **who)


def _end_current_session(request) -> None:
    key = request.session.session_key
    if key:
        LoginSession.objects.filter(session_key=key).delete()
    logout(request)


def logout_user(*, request) -> None:
    with transaction.atomic():
        log_action(actor=request.user, action=AuditAction.LOGOUT)
        _end_current_session(request)


def session_expire(*, request, reason: str) -> None:
    with transaction.atomic():
        log_action(actor=request.user, action=AuditAction.SESSION_EXPIRED, details={"reason": reason})
        _end_current_session(request)


# --- two-factor ------------------------------------------------------------


def otp_device_for(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def otp_verify(*, user: User, token: str) -> TOTPDevice | None:
    """Return the device when ``token`` is valid and unused; audit a failure."""
    device = otp_device_for(user)
    token = (token or "").strip().replace(" ", "")
    if device is not None and token.isdigit() and device.verify_token(token):
        return device
    with transaction.atomic():
        log_action_aggregated(
            key=f"otp_failed:{user.pk}", action=AuditAction.OTP_FAILED, actor_username=user.username, target=user
        )
    return None


def otp_enrolment_device(*, user: User) -> TOTPDevice:
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="ToKt", confirmed=False)


def otp_enrol_confirm(*, user: User, token: str, link: EnrolmentLink | None) -> tuple[TOTPDevice, list[str]] | None:
    """Confirm the new device with its first code; use up the enrolment link; return the recovery codes.

    ``link`` may be None only where two-factor login is optional (demo mode) or the
    user is already signed in and replaces their own device.
    """
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    token = (token or "").strip().replace(" ", "")
    if device is None or not token.isdigit() or not device.verify_token(token):
        return None
    with transaction.atomic():
        if link is not None:
            used = EnrolmentLink.objects.filter(pk=link.pk, used_at__isnull=True).update(used_at=timezone.now())
            if not used:
                return None
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        log_action(actor_username=user.username, action=AuditAction.OTP_ENROLLED, target=user)
        codes = _recovery_codes_replace(user)
    return device, codes


# --- enrolment links and recovery codes --------------------------------------


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def enrolment_link_issue(*, by: User | None, user: User) -> str:
    """Create a new one-time enrolment token for ``user`` (earlier unused ones stop working)."""
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        EnrolmentLink.objects.filter(user=user, used_at__isnull=True).delete()
        link = EnrolmentLink.objects.create(
            user=user,
            token_hash=_token_hash(token),
            created_by=by if by is not None and by.pk else None,
            expires_at=timezone.now() + datetime.timedelta(hours=ENROLMENT_LINK_HOURS),
        )
        log_action(
            actor=by,
            action=AuditAction.ENROLMENT_LINK_ISSUED,
            target=user,
            details={"expires_at": link.expires_at.isoformat(timespec="minutes")},
        )
    return token


def enrolment_link_find(token: str) -> EnrolmentLink | None:
    if not token or len(token) > 100:
        return None
    return (
        EnrolmentLink.objects.select_related("user")
        .filter(
            token_hash=_token_hash(token), used_at__isnull=True, expires_at__gt=timezone.now(), user__is_active=True
        )
        .first()
    )


def enrolment_link_remember(*, request, link: EnrolmentLink) -> None:
    """The browser that opened the link may enrol that link's user after their password."""
    request.session[ENROL_LINK] = link.token_hash


def enrolment_link_for(*, request, user: User) -> EnrolmentLink | None:
    token_hash = request.session.get(ENROL_LINK)
    if not token_hash:
        return None
    return EnrolmentLink.objects.filter(
        token_hash=token_hash, user=user, used_at__isnull=True, expires_at__gt=timezone.now()
    ).first()


def _recovery_hash(user: User, code: str) -> str:
    return salted_hmac("tokt.recovery-code", f"{user.pk}:{code}", algorithm="sha256").hexdigest()


def _normalise_recovery(code: str) -> str:
    return "".join(ch for ch in (code or "").lower() if ch.isalnum())


def _recovery_codes_replace(user: User) -> list[str]:
    codes = ["".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(10)) for _ in range(RECOVERY_CODE_COUNT)]
    RecoveryCode.objects.filter(user=user).delete()
    RecoveryCode.objects.bulk_create(RecoveryCode(user=user, code_hash=_recovery_hash(user, c)) for c in codes)
    return [f"{c[:5]}-{c[5:]}" for c in codes]


def recovery_codes_regenerate(*, user: User) -> list[str]:
    with transaction.atomic():
        codes = _recovery_codes_replace(user)
        log_action(actor=user, action=AuditAction.RECOVERY_CODES_CREATED, target=user)
    return codes


def recovery_codes_left(user: User) -> int:
    return RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()


def recovery_code_use(*, user: User, code: str) -> TOTPDevice | None:
    """Use up one recovery code; return the device the sign-in counts as verified with."""
    normal = _normalise_recovery(code)
    device = otp_device_for(user)
    if device is None or len(normal) != 10:
        return None
    wanted = _recovery_hash(user, normal)
    with transaction.atomic():
        for stored in RecoveryCode.objects.select_for_update().filter(user=user, used_at__isnull=True):
            if constant_time_compare(stored.code_hash, wanted):
                stored.used_at = timezone.now()
                stored.save(update_fields=["used_at"])
                log_action(
                    actor_username=user.username,
                    action=AuditAction.RECOVERY_CODE_USED,
                    target=user,
                    details={"codes_left": recovery_codes_left(user)},
                )
                return device
    return None


# --- passwords -------------------------------------------------------------


def password_change(*, user: User, password: str) -> None:
    """The user sets their own password (a temporary one, or the old one checked by the caller)."""
    _check_password(password, user)
    with transaction.atomic():
        user.set_password(password)
        user.must_change_password = False
        user.save(update_fields=["password", "must_change_password"])
        log_action(actor_username=user.username, action=AuditAction.PASSWORD_CHANGED, target=user)


# --- administration --------------------------------------------------------


def _end_all_sessions(user: User) -> int:
    keys = list(LoginSession.objects.filter(user=user).values_list("session_key", flat=True))
    for key in keys:
        SessionStore(session_key=key).delete()
    LoginSession.objects.filter(user=user).delete()
    return len(keys)


def _check_password(password: str, user: User | None = None) -> None:
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise AccountError(" ".join(exc.messages)) from exc


def user_create(
    *, by: User | None, username: str, first_name: str, last_name: str, email: str, agency, role: str, password: str
) -> User:
    if User.objects.filter(username__iexact=username).exists():
        raise AccountError(_("Brukernavnet er allerede i bruk."))
    candidate = User(username=username, first_name=first_name, last_name=last_name, email=email)
    _check_password(password, candidate)
    with transaction.atomic():
        user = User.objects.create_user(
            username=username,
            password=password,
            first_name=first_name,
            last_name=last_name,
            email=email,
            agency=agency,
            role=role,
            must_change_password=True,
        )
        log_action(
            actor=by, action=AuditAction.USER_CREATED, target=user, details={"role": role, "agency": agency.slug}
        )
    return user


def user_change_role(*, by: User, user: User, role: str) -> None:
    if role not in Role.values:
        raise AccountError(_("Ukjent rolle."))
    if user.pk == by.pk:
        raise AccountError(_("Du kan ikke endre din egen rolle."))
    old = user.role
    if old == role:
        return
    with transaction.atomic():
        user.role = role
        user.save(update_fields=["role"])
        log_action(actor=by, action=AuditAction.ROLE_CHANGED, target=user, details={"from": old, "to": role})


def user_deactivate(*, by: User, user: User) -> None:
    if user.pk == by.pk:
        raise AccountError(_("Du kan ikke deaktivere deg selv."))
    with transaction.atomic():
        user.is_active = False
        user.save(update_fields=["is_active"])
        ended = _end_all_sessions(user)
        log_action(actor=by, action=AuditAction.USER_DEACTIVATED, target=user, details={"sessions_ended": ended})


def user_reactivate(*, by: User, user: User) -> None:
    with transaction.atomic():
        user.is_active = True
        user.save(update_fields=["is_active"])
        log_action(actor=by, action=AuditAction.USER_REACTIVATED, target=user)


def user_end_sessions(*, by: User, user: User) -> int:
    with transaction.atomic():
        ended = _end_all_sessions(user)
        log_action(actor=by, action=AuditAction.SESSIONS_ENDED, target=user, details={"sessions_ended": ended})
    return ended


def user_reset_password(*, by: User, user: User, password: str) -> None:
    _check_password(password, user)
    with transaction.atomic():
        user.set_password(password)
        user.must_change_password = True
        user.save(update_fields=["password", "must_change_password"])
        ended = _end_all_sessions(user)
        log_action(actor=by, action=AuditAction.PASSWORD_RESET, target=user, details={"sessions_ended": ended})


def user_reset_otp(*, by: User, user: User) -> bool:
    """Remove the user's devices and recovery codes; return whether a device had been set up."""
    with transaction.atomic():
        had_device = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
        TOTPDevice.objects.filter(user=user).delete()
        RecoveryCode.objects.filter(user=user).delete()
        ended = _end_all_sessions(user)
        log_action(
            actor=by,
            action=AuditAction.OTP_RESET,
            target=user,
            details={"sessions_ended": ended, "had_device": had_device},
        )
    return had_device


def user_unlock(*, by: User, user: User) -> bool:
    """Lift a sign-in lock on the user's name; return whether there was one."""
    from axes.models import AccessAttempt

    with transaction.atomic():
        removed, _ = AccessAttempt.objects.filter(username__iexact=user.username).delete()
        log_action(actor=by, action=AuditAction.LOGIN_UNLOCKED, target=user, details={"was_locked": bool(removed)})
    return bool(removed)


def user_is_locked(user: User) -> bool:
    from axes.models import AccessAttempt
    from django.conf import settings

    return AccessAttempt.objects.filter(
        username__iexact=user.username, failures_since_start__gte=settings.AXES_FAILURE_LIMIT
    ).exists()
