from types import SimpleNamespace

from django.db import migrations

from tokt.directory.loading import load_directory


def load(apps, schema_editor):
    models = SimpleNamespace(
        Actor=apps.get_model("directory", "Actor"),
        ReferralSituation=apps.get_model("directory", "ReferralSituation"),
        ReferralStep=apps.get_model("directory", "ReferralStep"),
        StepActor=apps.get_model("directory", "StepActor"),
    )
    load_directory(models=models)


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial"), ("core", "0002_reference_data")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
