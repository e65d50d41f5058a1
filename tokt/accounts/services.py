"""Writes for users, sessions and two-factor devices; each one audited."""

from __future__ import annotations

import time

from django.contrib.auth import login, logout
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.backends.db import SessionStore
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from tokt.accounts.models import LoginSession, Role, User
from tokt.audit.models import AuditAction
from tokt.audit.services import log_action

LOGIN_AT = "tokt_login_at"
SEEN_AT = "tokt_seen_at"
PENDING_USER = "tokt_pending_user"
PENDING_AT = "tokt_pending_at"
PENDING_SECONDS = 300


class AccountError(Exception):
    """A refused account action, with a message for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# --- sign-in ---------------------------------------------------------------


def login_pending_start(*, request, user: User) -> None:
    """Password accepted: remember the user until the second factor is given."""
    request.session.cycle_key()
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
        request.session.pop(PENDING_USER, None)
        request.session.pop(PENDING_AT, None)
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
    with transaction.atomic():
        user = User.objects.filter(username__iexact=username).first()
        log_action(action=AuditAction.LOGIN_FAILED, actor_username=username[:150], target=user)
        if locked:
            log_action(action=AuditAction.LOCKOUT, actor_username=username[:150], target=user)


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
        log_action(action=AuditAction.OTP_FAILED, actor_username=user.username, target=user)
    return None


def otp_enrolment_device(*, user: User) -> TOTPDevice:
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="ToKt", confirmed=False)


def otp_enrol_confirm(*, user: User, token: str) -> TOTPDevice | None:
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    token = (token or "").strip().replace(" ", "")
    if device is None or not token.isdigit() or not device.verify_token(token):
        return None
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        log_action(actor_username=user.username, action=AuditAction.OTP_ENROLLED, target=user)
    return device


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
    *, by: User, username: str, first_name: str, last_name: str, email: str, agency, role: str, password: str
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
        user.save(update_fields=["password"])
        ended = _end_all_sessions(user)
        log_action(actor=by, action=AuditAction.PASSWORD_RESET, target=user, details={"sessions_ended": ended})


def user_reset_otp(*, by: User, user: User) -> None:
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        ended = _end_all_sessions(user)
        log_action(actor=by, action=AuditAction.OTP_RESET, target=user, details={"sessions_ended": ended})
