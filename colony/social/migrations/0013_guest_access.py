import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    """Guest access moves from ``asks`` to ``social``: it is part of who may read a post.

    First the model's state moves as it is (same table, same foreign key to the
    ask); then the table, the column and the foreign key become the post's.
    """

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ('asks', '0001_initial'),
        ('social', '0012_graph_moved_out'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
            migrations.CreateModel(
                name='GuestAccess',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('guest', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='guest_asks', to=settings.AUTH_USER_MODEL)),
                    ('ask', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='asks.ask')),
                ],
                options={
                    'db_table': 'asks_guestaccess',
                    'constraints': [models.UniqueConstraint(fields=('guest', 'ask'), name='unique_guest_access')],
                },
            ),
        ], database_operations=[]),
            # Now make it the post's: its own table, a post column, a key to the post.
        migrations.RemoveConstraint(model_name='guestaccess', name='unique_guest_access'),
        migrations.RenameField(model_name='guestaccess', old_name='ask', new_name='post'),
        migrations.AlterField(
            model_name='guestaccess',
            name='post',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='guests', to='social.post'),
        ),
        migrations.AddConstraint(
            model_name='guestaccess',
            constraint=models.UniqueConstraint(fields=('guest', 'post'), name='unique_guest_access'),
        ),
        migrations.AlterModelTable(name='guestaccess', table=None),
    ]
