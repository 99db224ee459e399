"""The Django admin obeys the audience rule: an administrator reads there only what they may read in Colony.

Posts and attachments are listed, searched, counted and opened in the admin
only when the administrator is in their audience; attachments of direct
messages and responses to asks never appear at all.
"""

from __future__ import annotations

import io

import pytest
from PIL import Image

from colony.communities.actions import do_add_member, do_create_community
from colony.messaging.actions import do_send_message, do_start_conversation
from colony.social.actions import do_upload_attachment
from colony.testing import make_person, publish

pytestmark = pytest.mark.django_db


def _png() -> io.BytesIO:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "blue").save(out, format="PNG")
    out.seek(0)
    return out


@pytest.fixture
def owner(db):
    return make_person("owner")


def _post(owner, where: str):
    """A post only its audience may read, except for "organisation", with an attachment named after it."""
    attachment = do_upload_attachment(user=owner, upload=_png(), name=f"{where}-plan.png")
    if where in ("open", "closed", "secret"):
        community = do_create_community(creator=owner, name=f"{where} circle", kind=where)
        do_add_member(moderator=owner, community=community, person=make_person(f"{where}_member"))
        return publish(owner, f"Zebra layoff plan ({where})", community=community, attachment_ids=[attachment.pk])
    make_person("friend")
    return publish(owner, f"Zebra layoff plan ({where}) @friend", visibility=where, attachment_ids=[attachment.pk])


@pytest.mark.parametrize(("where", "admin_reads"), [
    ("organisation", True), ("open", True), ("followers", False), ("mentioned", False),
    ("closed", False), ("secret", False),
])
def test_the_admin_lists_searches_and_opens_only_posts_the_administrator_may_read(client, owner, admin_user,
                                                                                  where, admin_reads):
    post = _post(owner, where)
    client.force_login(admin_user)
    listing = client.get("/admin/social/post/").content.decode()
    assert (f"/admin/social/post/{post.pk}/change/" in listing) is admin_reads
    found = client.get("/admin/social/post/", {"q": "zebra layoff"}).content.decode()
    assert (f"/admin/social/post/{post.pk}/change/" in found) is admin_reads
    page = client.get(f"/admin/social/post/{post.pk}/change/", follow=True)
    assert ("Zebra layoff plan" in page.content.decode()) is admin_reads
    attachments = client.get("/admin/social/attachment/", {"q": where}).content.decode()
    assert (f"{where}-plan.png" in attachments) is admin_reads
    attachment = post.attachments.get()
    opened = client.get(f"/admin/social/attachment/{attachment.pk}/change/", follow=True).content.decode()
    assert (attachment.file.name in opened) is admin_reads


def test_the_admin_never_shows_a_direct_message_attachment(client, owner, admin_user):
    conversation = do_start_conversation(sender=owner, handles=[admin_user.username], text="for you")
    message = do_send_message(sender=owner, conversation=conversation, text="see attached",
                              uploads=[(_png(), "dm-secret.png")])
    attachment = message.attachments.get()
    client.force_login(admin_user)  # even a participant: the admin is not where messages are read
    assert "dm-secret.png" not in client.get("/admin/social/attachment/").content.decode()
    opened = client.get(f"/admin/social/attachment/{attachment.pk}/change/", follow=True).content.decode()
    assert attachment.file.name not in opened


def test_the_admin_cannot_edit_a_post_or_an_attachment(client, owner, admin_user):
    post = _post(owner, "organisation")
    client.force_login(admin_user)
    response = client.post(f"/admin/social/post/{post.pk}/change/", {"text": "rewritten by an administrator"})
    assert response.status_code == 403
    post.refresh_from_db()
    assert post.text.startswith("Zebra layoff plan")
