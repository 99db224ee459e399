"""Move existing secret communities off guessable slugs.

Before, a secret community took the bare slug of its name ("layoff-planning"), so
anyone creating a community by the same name got "layoff-planning-2" and learnt that
a secret one existed. New secret communities get a random suffix; this gives the
existing ones one too, so the slug a visible community gets never depends on a
secret community. Their old addresses stop working (members find them under
"My communities"); their ids, and so the API, do not change.
"""

import secrets

from django.db import migrations
from django.utils.text import slugify

ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"
SUFFIX = 12
MAX_LENGTH = 90


def random_slugs(apps, schema_editor):
    Community = apps.get_model("communities", "Community")
    for community in Community.objects.filter(kind="secret").only("pk", "name", "slug"):
        base = slugify(community.name, allow_unicode=False)[:MAX_LENGTH - SUFFIX - 1].strip("-") or "community"
        while True:
            slug = f"{base}-{''.join(secrets.choice(ALPHABET) for _ in range(SUFFIX))}"
            if not Community.objects.filter(slug=slug).exists():
                break
        Community.objects.filter(pk=community.pk).update(slug=slug)


class Migration(migrations.Migration):

    dependencies = [
        ("communities", "0002_community_time_sortable_ids"),
    ]

    operations = [
        # Going back keeps the random slugs: the old ones were the leak.
        migrations.RunPython(random_slugs, migrations.RunPython.noop, elidable=True),
    ]
