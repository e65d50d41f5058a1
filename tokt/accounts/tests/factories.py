"""Synthetic users for tests and demo data. No real people."""

from __future__ import annotations

import time

from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tokt.accounts.models import User

TEST_PASSWORD = "Sterkt-testpassord-2026"


def make_user(
    *,
    username: str,
    role: str,
    agency,
    password: str = TEST_PASSWORD,
    first_name: str = "",
    last_name: str = "",
    with_totp: bool = True,
) -> User:
    user = User.objects.create_user(
        username=username,
        password=password,
        role=role,
        agency=agency,
        first_name=first_name or username.capitalize(),
        last_name=last_name or "Testesen",
        email=f"{username}@example.invalid",
    )
    if with_totp:
        TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    return user


def current_code(user: User) -> str:
    """A valid code the device has not accepted yet (the next step if this one is used)."""
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    clock = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    clock.time = time.time()
    now_t = clock.t()
    target = max(now_t, device.last_t + 1)
    assert target - now_t <= device.tolerance, "no fresh TOTP code left in the tolerance window"
    clock.drift = device.drift + (target - now_t)
    return f"{clock.token():0{device.digits}d}"


def sign_in(client, user: User, password: str = TEST_PASSWORD) -> None:
    response = client.post(reverse("accounts:login"), {"username": user.username, "password": password})
    assert response.status_code == 302, response.content[:500]
    if response["Location"] == reverse("accounts:otp_verify"):
        response = client.post(reverse("accounts:otp_verify"), {"token": current_code(user)})
        assert response.status_code == 302, response.content[:500]
