from django.db import migrations


class Migration(migrations.Migration):
    """Guest access now belongs to ``social`` (see social 0013): only the state moves here."""

    dependencies = [
        ('asks', '0001_initial'),
        ('social', '0013_guest_access'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
            migrations.DeleteModel(name='GuestAccess'),
        ], database_operations=[]),
    ]
