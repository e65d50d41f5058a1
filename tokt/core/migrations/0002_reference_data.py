from django.db import migrations

from tokt.core.reference_data import load_agencies, load_municipalities


def load(apps, schema_editor):
    load_municipalities(apps.get_model("core", "Municipality"))
    load_agencies(apps.get_model("core", "Agency"))


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
