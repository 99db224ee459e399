from django.db import migrations

SQLITE = [
    "CREATE VIRTUAL TABLE search_post USING fts5(text, tokenize = 'porter unicode61 remove_diacritics 2')",
]
POSTGRES = [
    "CREATE TABLE search_post (post_id bigint PRIMARY KEY REFERENCES social_post (id) ON DELETE CASCADE "
    "DEFERRABLE INITIALLY DEFERRED, config regconfig NOT NULL, text text NOT NULL, vector tsvector NOT NULL)",
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
