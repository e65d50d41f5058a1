from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from tokt.accounts.models import User
from tokt.core.tests.test_production_settings import _run

pytestmark = pytest.mark.django_db


def test_demo_data_is_refused_without_demo_mode(settings):
    settings.DEMO_MODE = False
    with pytest.raises(CommandError, match="TOKT_DEMO_MODE"):
        call_command("load_demo_data")
    assert not User.objects.filter(username="administrator").exists()


def test_demo_data_loads_in_demo_mode(settings):
    settings.DEMO_MODE = True
    call_command("load_demo_data")
    assert User.objects.filter(username="administrator", role="administrator").exists()


def test_demo_data_is_refused_under_production_settings(tmp_path):
    code = (
        "import django; django.setup();"
        "from django.core.management import call_command; call_command('migrate', verbosity=0);"
        "from django.core.management import CommandError\n"
        "try:\n    call_command('load_demo_data')\nexcept CommandError as e:\n    print('REFUSED', e)\n"
        "from tokt.accounts.models import User; print('USERS', User.objects.count())"
    )
    result = _run(code, TOKT_DATABASE_URL=f"sqlite:///{tmp_path / 'prod.sqlite3'}", TOKT_VAR_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "REFUSED" in result.stdout and "TOKT_DEMO_MODE" in result.stdout
    assert "USERS 0" in result.stdout
