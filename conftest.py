"""Shared fixtures: personas, language, fast hashing."""

from __future__ import annotations

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _norwegian():
    translation.activate("nb")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fast_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def agency(db):
    from tokt.core.models import Agency

    return Agency.objects.get(slug="nav")


@pytest.fixture
def other_agency(db):
    from tokt.core.models import Agency

    return Agency.objects.get(slug="politiet-nordland")


def _persona(role, agency, username):
    from tokt.accounts.tests.factories import make_user

    return make_user(username=username, role=role, agency=agency)


@pytest.fixture
def fagperson(agency):
    return _persona("fagperson", agency, "fag")


@pytest.fixture
def koordinator(agency):
    return _persona("koordinator", agency, "koord")


@pytest.fixture
def administrator(agency):
    return _persona("administrator", agency, "admin")


@pytest.fixture
def personvernombud(agency):
    return _persona("personvernombud", agency, "pvo")


@pytest.fixture
def signed_in(client):
    """Sign a user in through the real password + TOTP flow and return the client."""
    from tokt.accounts.tests.factories import sign_in

    def _sign_in(user):
        sign_in(client, user)
        return client

    return _sign_in


@pytest.fixture
def confirmed_directory(koordinator):
    """The verified public directory entries, confirmed today by a named coordinator."""
    from tokt.directory.tests.factories import confirm_public_actors

    return confirm_public_actors(user=koordinator)
