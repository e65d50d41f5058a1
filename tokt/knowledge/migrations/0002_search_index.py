from django.db import migrations

# The full-text index of the first version (an FTS5 table on SQLite, a GIN index
# on PostgreSQL). Migration 0004 drops it again: search now uses an in-memory
# index over the stored stems (see tokt/knowledge/search_index.py).
FTS_TABLE = "knowledge_article_fts"
PG_INDEX = "knowledge_article_search_gin"
_PG_VECTOR = "to_tsvector('simple'::regconfig, search_title || ' ' || search_summary || ' ' || search_body)"


def create(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
                "title, summary, body, tokenize = 'unicode61 remove_diacritics 0')"
            )
        elif connection.vendor == "postgresql":
            cursor.execute(f"CREATE INDEX IF NOT EXISTS {PG_INDEX} ON knowledge_article USING gin ({_PG_VECTOR})")


def drop(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
        elif connection.vendor == "postgresql":
            cursor.execute(f"DROP INDEX IF EXISTS {PG_INDEX}")


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
