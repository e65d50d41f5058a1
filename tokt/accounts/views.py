from __future__ import annotations

from base64 import b32encode

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, update_session_auth_hash
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from tokt.accounts import services
from tokt.accounts.axes_handler import cool_off
from tokt.accounts.forms import (
    LoginForm,
    NewPasswordForm,
    OwnPasswordForm,
    PasswordResetForm,
    RoleForm,
    TokenForm,
    UserCreateForm,
    VerifyForm,
)
from tokt.accounts.models import User
from tokt.accounts.permissions import Perm, is_signed_in, public, require
from tokt.audit.models import AuditAction
from tokt.audit.services import read_with_audit


def locked_out(request, credentials=None, *args, **kwargs):
    minutes = int(cool_off(request).total_seconds() // 60)
    return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)


@public
@never_cache
@sensitive_post_parameters("password")
@require_http_methods(["GET", "POST"])
def login_view(request):
    if is_signed_in(request.user):
        return redirect("core:home")
    form = LoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        username = form.cleaned_data["username"]
        user = authenticate(request, username=username, password=form.cleaned_data["password"])
        if user is None:
            locked = bool(getattr(request, "axes_locked_out", False))
            services.login_failed_record(username=username, locked=locked)
            if locked:
                return locked_out(request)
            form.add_error(None, _("Feil brukernavn eller passord."))
        elif settings.OTP_REQUIRED and not services.otp_device_for(user):
            # Whoever holds the password alone must not bind their own authenticator.
            if services.enrolment_link_for(request=request, user=user) is None:
                form.add_error(
                    None,
                    _(
                        "Tofaktorinnlogging er ikke satt opp ennå. Åpne påmeldingslenken du har fått av "
                        "administratoren, og logg inn derfra. Er lenken utløpt, be om en ny."
                    ),
                )
            else:
                services.login_pending_start(request=request, user=user)
                request.session["tokt_next"] = request.GET.get("next", "")[:500]
                return redirect("accounts:otp_enrol")
        else:
            services.login_pending_start(request=request, user=user)
            request.session["tokt_next"] = request.GET.get("next", "")[:500]
            if services.otp_device_for(user):
                return redirect("accounts:otp_verify")
            return _finish(request, user, None)
    return render(request, "accounts/login.html", {"form": form})


def _finish(request, user, device):
    """Second factor given (or not required): sign in, unless a temporary password must go first."""
    if user.must_change_password:
        request.session[services.PENDING_FACTOR] = device.pk if device is not None else 0
        return redirect("accounts:login_finish")
    services.login_complete(request=request, user=user, device=device)
    return HttpResponseRedirect(_safe_next(request))


@public
@never_cache
@require_http_methods(["GET", "POST"])
def otp_verify_view(request):
    user = services.login_pending_user(request)
    if user is None:
        messages.info(request, _("Innloggingen tok for lang tid. Begynn på nytt."))
        return redirect("accounts:login")
    form = VerifyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["token"]
        if token.strip().replace(" ", "").isdigit():
            device = services.otp_verify(user=user, token=token)
        else:
            device = services.recovery_code_use(user=user, code=token)
            if device is not None:
                messages.warning(
                    request,
                    _("Du brukte en reservekode. Du har %(left)s igjen. Lag nye under «Min konto».")
                    % {"left": services.recovery_codes_left(user)},
                )
            else:
                services.otp_verify(user=user, token="")
        if device is not None:
            return _finish(request, user, device)
        form.add_error("token", _("Koden er feil, utløpt eller allerede brukt. Vent på en ny kode og prøv igjen."))
    return render(request, "accounts/otp_verify.html", {"form": form})


@public
@never_cache
@require_http_methods(["GET", "POST"])
def otp_enrol_view(request):
    user = services.login_pending_user(request)
    if user is None or services.otp_device_for(user):
        return redirect("accounts:login")
    link = services.enrolment_link_for(request=request, user=user)
    if link is None and settings.OTP_REQUIRED:
        return redirect("accounts:login")
    device = services.otp_enrolment_device(user=user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        confirmed = services.otp_enrol_confirm(user=user, token=form.cleaned_data["token"], link=link)
        if confirmed is not None:
            device, codes = confirmed
            request.session[services.PENDING_FACTOR] = device.pk
            return render(request, "accounts/recovery_codes.html", {"codes": codes, "signing_in": True})
        form.add_error("token", _("Koden stemmer ikke. Sjekk at klokken på telefonen er riktig, og prøv igjen."))
    qr = segno.make(device.config_url, error="m")
    secret = _base32(device.bin_key)
    return render(request, "accounts/otp_enrol.html", {"form": form, "qr": qr.svg_data_uri(scale=4), "secret": secret})


@public
@never_cache
@require_http_methods(["GET", "POST"])
def login_finish_view(request):
    """After the second factor: replace a temporary password, then sign in."""
    user = services.login_pending_user(request)
    factor = request.session.get(services.PENDING_FACTOR)
    if user is None or factor is None or (settings.OTP_REQUIRED and not factor):
        messages.info(request, _("Innloggingen tok for lang tid. Begynn på nytt."))
        return redirect("accounts:login")
    device = services.otp_device_for(user) if factor else None
    form = NewPasswordForm(request.POST or None) if user.must_change_password else None
    if request.method == "POST" and "password1" not in request.POST and form is not None:
        form = NewPasswordForm()
    elif request.method == "POST":
        if form is None:
            return _finish(request, user, device)
        if form.is_valid():
            try:
                services.password_change(user=user, password=form.cleaned_data["password1"])
            except services.AccountError as exc:
                form.add_error("password1", exc.message)
            else:
                messages.success(request, _("Passordet er byttet."))
                return _finish(request, user, device)
    return render(request, "accounts/login_finish.html", {"form": form})


@public
@never_cache
@require_http_methods(["GET"])
def enrolment_link_view(request, token: str):
    """The link an administrator handed over: remember it in this browser, then ask for the password."""
    link = services.enrolment_link_find(token)
    if link is None:
        return render(request, "accounts/enrolment_link_invalid.html", status=404)
    services.enrolment_link_remember(request=request, link=link)
    messages.info(request, _("Logg inn med brukernavnet og passordet du har fått, så setter du opp tofaktor."))
    return redirect("accounts:login")


def _base32(raw: bytes) -> str:
    text = b32encode(raw).decode("ascii").rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def safe_local_path(target: str) -> str | None:
    """``target`` when it is a path on this site ("/..."), else None; never a view name or another host."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return None
    if not url_has_allowed_host_and_scheme(target, allowed_hosts=set(), require_https=False):
        return None
    return target


def _safe_next(request) -> str:
    return safe_local_path(request.session.pop("tokt_next", "")) or reverse(settings.LOGIN_REDIRECT_URL)


@public
@require_POST
def logout_view(request):
    if request.user.is_authenticated:
        services.logout_user(request=request)
    messages.info(request, _("Du er logget ut."))
    return redirect("accounts:login")


@require(Perm.USE_START_PAGE)
@require_POST
def session_extend(request):
    """Any signed-in request renews the idle timer (SessionLifetimeMiddleware); this one does only that."""
    if request.headers.get("X-Requested-With") == "fetch":
        return HttpResponse(status=204)
    target = safe_local_path(request.POST.get("next", ""))
    return HttpResponseRedirect(target) if target else redirect("core:home")


@public
@require_http_methods(["GET", "POST"])
def language_choose(request):
    """The language switcher: a plain GET form, so pages that show it need no CSRF cookie.

    The choice is kept in a cookie that ends with the browser session: nothing lasting.
    """
    data = request.POST if request.method == "POST" else request.GET
    response = HttpResponseRedirect(safe_local_path(data.get("next", "")) or "/")
    code = data.get("language", "")
    if code in dict(settings.LANGUAGES):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            code,
            max_age=None,
            path="/",
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    return response


@require(Perm.MANAGE_USERS)
def user_list(request):
    users = read_with_audit(
        actor=request.user,
        action=AuditAction.USERS_LISTED,
        target_type="accounts.user",
        load=lambda: list(User.objects.select_related("agency").order_by("-is_active", "username")),
    )
    return render(request, "accounts/user_list.html", {"users": users})


@require(Perm.MANAGE_USERS)
@sensitive_post_parameters("password")
@require_http_methods(["GET", "POST"])
def user_create(request):
    form = UserCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.user_create(by=request.user, **form.cleaned_data)
        except services.AccountError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Brukeren %(name)s er opprettet.") % {"name": user.username})
            return _show_enrolment_link(request, user)
    return render(request, "accounts/user_create.html", {"form": form})


def _show_enrolment_link(request, user):
    """Shown once, in this response only: the token is stored as a hash and cannot be shown again."""
    token = services.enrolment_link_issue(by=request.user, user=user)
    link = request.build_absolute_uri(reverse("accounts:enrolment_link", kwargs={"token": token}))
    context = {"managed": user, "link": link, "hours": services.ENROLMENT_LINK_HOURS}
    response = render(request, "accounts/enrolment_link_issued.html", context)
    response["Cache-Control"] = "no-store"
    return response


@require(Perm.MANAGE_USERS)
def user_detail(request, pk: int):
    found = get_object_or_404(User.objects.select_related("agency"), pk=pk)
    managed = read_with_audit(actor=request.user, action=AuditAction.USER_VIEWED, target=found, load=lambda: found)
    context = {
        "managed": managed,
        "role_form": RoleForm(initial={"role": managed.role}),
        "password_form": PasswordResetForm(),
        "has_otp": services.otp_device_for(managed) is not None,
        "session_count": managed.login_sessions.count(),
        "locked": services.user_is_locked(managed),
    }
    return render(request, "accounts/user_detail.html", context)


_ACTIONS = {
    "deactivate": (services.user_deactivate, gettext_lazy("Brukeren er deaktivert og alle økter er avsluttet.")),
    "reactivate": (services.user_reactivate, gettext_lazy("Brukeren er aktivert igjen.")),
    "end-sessions": (services.user_end_sessions, gettext_lazy("Alle brukerens økter er avsluttet.")),
}
# Destructive actions are confirmed on a page that says what will happen.
_CONFIRM = {
    "deactivate": gettext_lazy(
        "Brukeren blir deaktivert og logget ut overalt, og kan ikke logge inn før en administrator aktiverer "
        "brukeren igjen."
    ),
    "end-sessions": gettext_lazy("Brukeren blir logget ut på alle enheter og må logge inn på nytt."),
    "reset-otp": gettext_lazy(
        "Telefonen og reservekodene til brukeren slutter å virke, og brukeren logges ut. Du får en ny "
        "påmeldingslenke som du gir brukeren, så brukeren kan sette opp tofaktor på nytt."
    ),
}


@require(Perm.MANAGE_USERS)
@sensitive_post_parameters("password")
@require_POST
def user_action(request, pk: int, action: str):
    managed = get_object_or_404(User, pk=pk)
    if action in _CONFIRM and request.POST.get("confirm") != "yes":
        context = {"managed": managed, "action": action, "consequence": _CONFIRM[action]}
        return render(request, "accounts/user_confirm.html", context)
    try:
        if action == "role":
            form = RoleForm(request.POST)
            if not form.is_valid():
                raise services.AccountError(_("Velg en gyldig rolle."))
            services.user_change_role(by=request.user, user=managed, role=form.cleaned_data["role"])
            done = _("Rollen er endret.")
        elif action == "reset-password":
            form = PasswordResetForm(request.POST)
            if not form.is_valid():
                raise services.AccountError(_("Skriv inn et nytt passord."))
            services.user_reset_password(by=request.user, user=managed, password=form.cleaned_data["password"])
            done = _("Passordet er nullstilt og alle økter er avsluttet.")
        elif action == "reset-otp":
            if services.user_reset_otp(by=request.user, user=managed):
                messages.success(request, _("Tofaktor er nullstilt og alle økter er avsluttet."))
            else:
                messages.info(
                    request, _("Tofaktor var ikke satt opp for denne brukeren, så det var ingenting å nullstille.")
                )
            return _show_enrolment_link(request, managed)
        elif action == "enrolment-link":
            return _show_enrolment_link(request, managed)
        elif action == "unlock":
            if services.user_unlock(by=request.user, user=managed):
                done = _("Innloggingssperren er opphevet. Brukeren kan logge inn igjen nå.")
            else:
                done = _("Brukernavnet var ikke sperret.")
        elif action in _ACTIONS:
            service, done = _ACTIONS[action]
            service(by=request.user, user=managed)
        else:
            return render(request, "404.html", status=404)
    except services.AccountError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, done)
    return redirect("accounts:user_detail", pk=managed.pk)


# --- the user's own account ------------------------------------------------


def _me_page(request, *, password_form=None, code_form=None, status=200):
    user = request.user
    has_otp = services.otp_device_for(user) is not None
    password_form = password_form or OwnPasswordForm()
    if not has_otp:
        password_form.fields.pop("token", None)
    context = {
        "has_otp": has_otp,
        "codes_left": services.recovery_codes_left(user),
        "password_form": password_form,
        "code_form": code_form or VerifyForm(),
    }
    return render(request, "accounts/me.html", context, status=status)


def _second_factor_ok(request, form) -> bool:
    """A signed-in user confirms a sensitive change with a fresh code (none needed without a device)."""
    if services.otp_device_for(request.user) is None:
        return not settings.OTP_REQUIRED
    token = form.data.get("token", "")
    if token.strip().replace(" ", "").isdigit():
        device = services.otp_verify(user=request.user, token=token)
    else:
        device = services.recovery_code_use(user=request.user, code=token)
    if device is None:
        form.add_error("token", _("Koden er feil, utløpt eller allerede brukt."))
        return False
    return True


@require(Perm.USE_START_PAGE)
def me(request):
    return _me_page(request)


@require(Perm.USE_START_PAGE)
@sensitive_post_parameters("current", "password1", "password2")
@require_POST
def me_password(request):
    form = OwnPasswordForm(request.POST)
    if services.otp_device_for(request.user) is None:
        form.fields.pop("token")
    if form.is_valid():
        if not request.user.check_password(form.cleaned_data["current"]):
            form.add_error("current", _("Nåværende passord er feil."))
        elif _second_factor_ok(request, form):
            try:
                services.password_change(user=request.user, password=form.cleaned_data["password1"])
            except services.AccountError as exc:
                form.add_error("password1", exc.message)
            else:
                # The password hash is part of the session's auth hash: keep this session valid.
                update_session_auth_hash(request, request.user)
                messages.success(request, _("Passordet er byttet."))
                return redirect("accounts:me")
    return _me_page(request, password_form=form, status=400)


@require(Perm.USE_START_PAGE)
@require_POST
def me_recovery_codes(request):
    form = VerifyForm(request.POST)
    if services.otp_device_for(request.user) is None or not _second_factor_ok(request, form):
        return _me_page(request, code_form=form, status=400)
    codes = services.recovery_codes_regenerate(user=request.user)
    response = render(request, "accounts/recovery_codes.html", {"codes": codes})
    response["Cache-Control"] = "no-store"
    return response


@require(Perm.USE_START_PAGE)
@require_http_methods(["GET", "POST"])
def me_device(request):
    """Replace the authenticator: prove the old one (or a recovery code), scan the new one, confirm it."""
    user = request.user
    if request.method == "POST" and request.POST.get("step") == "confirm":
        form = TokenForm(request.POST)
        confirmed = services.otp_enrol_confirm(user=user, token=form.data.get("token", ""), link=None)
        if confirmed is not None:
            device, codes = confirmed
            otp_login(request, device)
            messages.success(request, _("Den nye telefonen er satt opp. De gamle reservekodene virker ikke lenger."))
            return render(request, "accounts/recovery_codes.html", {"codes": codes})
        form.add_error("token", _("Koden stemmer ikke. Sjekk at klokken på telefonen er riktig, og prøv igjen."))
        return _device_page(request, form, status=400)
    if request.method == "POST":
        form = VerifyForm(request.POST)
        if not _second_factor_ok(request, form):
            return _me_page(request, code_form=form, status=400)
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        return _device_page(request, TokenForm())
    return redirect("accounts:me")


def _device_page(request, form, status=200):
    device = services.otp_enrolment_device(user=request.user)
    qr = segno.make(device.config_url, error="m")
    context = {"form": form, "qr": qr.svg_data_uri(scale=4), "secret": _base32(device.bin_key), "replacing": True}
    response = render(request, "accounts/otp_enrol.html", context, status=status)
    response["Cache-Control"] = "no-store"
    return response
