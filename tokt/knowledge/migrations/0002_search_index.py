from django.db import migrations

from tokt.knowledge import search_index


def create(apps, schema_editor):
    search_index.create_index(schema_editor.connection)


def drop(apps, schema_editor):
    search_index.drop_index(schema_editor.connection)


class Migration(migrations.Migration):
    """SQLite: the FTS5 table; PostgreSQL: a GIN index over the stems (see search_index.py)."""

    dependencies = [("knowledge", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
