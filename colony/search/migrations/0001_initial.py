from django.db import migrations

SQLITE = [
    "CREATE VIRTUAL TABLE search_post USING fts5(text, tokenize = 'porter unicode61 remove_diacritics 2')",
]
POSTGRES = [
    # No foreign key: Django does not know this table, and a reference would stop
    # it from truncating social_post. Searches join social_post, so a row whose
    # post is gone is never returned.
    "CREATE TABLE search_post (post_id bigint PRIMARY KEY, config regconfig NOT NULL, text text NOT NULL, "
    "vector tsvector NOT NULL)",
    "CREATE INDEX search_post_vector ON search_post USING gin (vector)",
]


def create(apps, schema_editor):
    statements = POSTGRES if schema_editor.connection.vendor == "postgresql" else SQLITE
    for sql in statements:
        schema_editor.execute(sql)


def drop(apps, schema_editor):
    schema_editor.execute("DROP TABLE IF EXISTS search_post")


class Migration(migrations.Migration):
    dependencies = [("social", "0003_post_language")]
    operations = [migrations.RunPython(create, drop)]
