"""The full-text index of wiki pages, beside the posts' one (see colony/wiki/search_index.py)."""

from django.db import migrations

SQLITE = [
    "CREATE VIRTUAL TABLE search_wiki USING fts5(title, text, tokenize = 'porter unicode61 remove_diacritics 2')",
]
POSTGRES = [
    # No foreign key, as for search_post: Django does not know this table, and
    # searches only return pages found again through WikiPage.objects.visible_to.
    "CREATE TABLE search_wiki (page_id bigint PRIMARY KEY, config regconfig NOT NULL, title text NOT NULL, "
    "text text NOT NULL, vector tsvector NOT NULL)",
    "CREATE INDEX search_wiki_vector ON search_wiki USING gin (vector)",
]


def create(apps, schema_editor):
    statements = POSTGRES if schema_editor.connection.vendor == "postgresql" else SQLITE
    for sql in statements:
        schema_editor.execute(sql)


def drop(apps, schema_editor):
    schema_editor.execute("DROP TABLE IF EXISTS search_wiki")


class Migration(migrations.Migration):
    dependencies = [("wiki", "0001_initial"), ("search", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
