from __future__ import annotations

from base64 import b32encode

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from tokt.accounts import services
from tokt.accounts.forms import LoginForm, PasswordResetForm, RoleForm, TokenForm, UserCreateForm
from tokt.accounts.models import User
from tokt.accounts.permissions import Perm, is_signed_in, public, require


def locked_out(request, credentials=None, *args, **kwargs):
    minutes = int(settings.AXES_COOLOFF_TIME * 60)
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
        else:
            services.login_pending_start(request=request, user=user)
            request.session["tokt_next"] = request.GET.get("next", "")[:500]
            if services.otp_device_for(user):
                return redirect("accounts:otp_verify")
            if settings.OTP_REQUIRED:
                return redirect("accounts:otp_enrol")
            services.login_complete(request=request, user=user)
            return redirect(_safe_next(request))
    return render(request, "accounts/login.html", {"form": form})


@public
@never_cache
@require_http_methods(["GET", "POST"])
def otp_verify_view(request):
    user = services.login_pending_user(request)
    if user is None:
        messages.info(request, _("Innloggingen tok for lang tid. Begynn på nytt."))
        return redirect("accounts:login")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = services.otp_verify(user=user, token=form.cleaned_data["token"])
        if device is not None:
            services.login_complete(request=request, user=user, device=device)
            return redirect(_safe_next(request))
        form.add_error("token", _("Koden er feil, utløpt eller allerede brukt. Vent på en ny kode og prøv igjen."))
    return render(request, "accounts/otp_verify.html", {"form": form})


@public
@never_cache
@require_http_methods(["GET", "POST"])
def otp_enrol_view(request):
    user = services.login_pending_user(request)
    if user is None or services.otp_device_for(user):
        return redirect("accounts:login")
    device = services.otp_enrolment_device(user=user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        confirmed = services.otp_enrol_confirm(user=user, token=form.cleaned_data["token"])
        if confirmed is not None:
            services.login_complete(request=request, user=user, device=confirmed)
            messages.success(request, _("Tofaktorinnlogging er satt opp."))
            return redirect("core:home")
        form.add_error("token", _("Koden stemmer ikke. Sjekk at klokken på telefonen er riktig, og prøv igjen."))
    qr = segno.make(device.config_url, error="m")
    secret = _base32(device.bin_key)
    return render(request, "accounts/otp_enrol.html", {"form": form, "qr": qr.svg_data_uri(scale=4), "secret": secret})


def _base32(raw: bytes) -> str:
    text = b32encode(raw).decode("ascii").rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def _safe_next(request) -> str:
    target = request.session.pop("tokt_next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse(settings.LOGIN_REDIRECT_URL)


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
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(target)
    return redirect("core:home")


@require(Perm.MANAGE_USERS)
def user_list(request):
    users = User.objects.select_related("agency").order_by("-is_active", "username")
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
            return redirect("accounts:user_detail", pk=user.pk)
    return render(request, "accounts/user_create.html", {"form": form})


@require(Perm.MANAGE_USERS)
def user_detail(request, pk: int):
    managed = get_object_or_404(User.objects.select_related("agency"), pk=pk)
    context = {
        "managed": managed,
        "role_form": RoleForm(initial={"role": managed.role}),
        "password_form": PasswordResetForm(),
        "has_otp": services.otp_device_for(managed) is not None,
        "session_count": managed.login_sessions.count(),
    }
    return render(request, "accounts/user_detail.html", context)


_ACTIONS = {
    "deactivate": (services.user_deactivate, gettext_lazy("Brukeren er deaktivert og alle økter er avsluttet.")),
    "reactivate": (services.user_reactivate, gettext_lazy("Brukeren er aktivert igjen.")),
    "end-sessions": (services.user_end_sessions, gettext_lazy("Alle brukerens økter er avsluttet.")),
    "reset-otp": (
        services.user_reset_otp,
        gettext_lazy("Tofaktor er nullstilt. Brukeren setter det opp ved neste innlogging."),
    ),
}


@require(Perm.MANAGE_USERS)
@sensitive_post_parameters("password")
@require_POST
def user_action(request, pk: int, action: str):
    managed = get_object_or_404(User, pk=pk)
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
