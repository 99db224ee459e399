from django.db import migrations, models


def trust_only_unchanged_schedules(apps, schema_editor):
    """A scheduled draft keeps its slot only if its text is the text it was scheduled with.

    Before this migration an edit could change a scheduled draft without
    checking it again; such drafts go back to their authors as drafts.
    """
    Draft = apps.get_model("desk", "Draft")
    AuditEvent = apps.get_model("desk", "AuditEvent")
    for draft in Draft.objects.filter(status="scheduled"):
        scheduled = AuditEvent.objects.filter(draft_id=draft.pk, action="scheduled").order_by("-id").first()
        if scheduled is not None and scheduled.text == draft.text and scheduled.version == draft.version:
            Draft.objects.filter(pk=draft.pk).update(checked_text=draft.text, checked_version=draft.version)
        else:
            Draft.objects.filter(pk=draft.pk).update(status="draft")


class Migration(migrations.Migration):

    dependencies = [
        ("desk", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="draft",
            name="checked_text",
            field=models.TextField(blank=True, default=""),
        ),
        migrations.AddField(
            model_name="draft",
            name="checked_version",
            field=models.PositiveIntegerField(blank=True, null=True),
        ),
        migrations.RunPython(trust_only_unchanged_schedules, migrations.RunPython.noop),
    ]
