import pytest

from tokt.core.models import Agency, Municipality

pytestmark = pytest.mark.django_db


def test_nordland_has_41_municipalities_with_ten_in_salten():
    assert Municipality.objects.count() == 41
    salten = set(Municipality.objects.salten().values_list("name", flat=True))
    assert salten == {
        "Beiarn",
        "Bodø",
        "Fauske",
        "Gildeskål",
        "Hamarøy",
        "Meløy",
        "Rødøy",
        "Saltdal",
        "Steigen",
        "Sørfold",
    }


def test_kommunenummer_are_nordland_numbers():
    assert all(m.number.startswith("18") and len(m.number) == 4 for m in Municipality.objects.all())
    assert Municipality.objects.get(number="1804").name == "Bodø"


def test_network_agencies_are_loaded():
    names = set(Agency.objects.values_list("name", flat=True))
    assert {"Likestillingssenteret KUN", "Krisesenteret i Salten", "RVTS Nord", "NAV", "Arbeidstilsynet"} <= names
