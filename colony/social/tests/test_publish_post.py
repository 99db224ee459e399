from __future__ import annotations

import io
import re

import pytest
from PIL import Image

from colony.notifications.models import Notification
from colony.social.models import Attachment, FeedEntry, Hashtag, Mention, Post
from colony.testing import follow, publish

pytestmark = pytest.mark.django_db


def png_bytes(size: tuple[int, int] = (8, 8)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "green").save(out, format="PNG")
    return out.getvalue()


def test_posting_returns_the_contract_fields_and_stores_rendered_html(api, member, leader):
    response = api(member).post("/api/v1/posts", {"text": "Shipping today @leader #release", "visibility": "organisation"})
    assert response.status_code == 201
    body = response.json()
    assert body["text"] == "Shipping today @leader #release"
    assert body["author"]["handle"] == "member"
    assert body["id"] and body["created_at"]
    assert 'class="mention"' in body["html"] and 'class="hashtag"' in body["html"]
    post = Post.objects.get(pk=int(body["id"]))
    assert Mention.objects.filter(post=post, user=leader).exists()
    assert Hashtag.objects.filter(name="release", posts=post).exists()


def test_a_mention_notifies_the_mentioned_person(api, member, leader):
    api(member).post("/api/v1/posts", {"text": "Can you look, @leader?"})
    notification = Notification.objects.get(recipient=leader)
    assert notification.kind == "mention" and notification.actor == member


def test_get_and_delete_a_post(api, member):
    client = api(member)
    post_id = client.post("/api/v1/posts", {"text": "temporary"}).json()["id"]
    assert client.get(f"/api/v1/posts/{post_id}").json()["text"] == "temporary"
    assert client.delete(f"/api/v1/posts/{post_id}").status_code == 204
    assert client.get(f"/api/v1/posts/{post_id}").status_code == 404
    post = Post.objects.get(pk=post_id)
    assert post.deleted_at is not None and post.text == "" and post.html == ""
    assert not FeedEntry.objects.filter(post=post).exists()


def test_someone_else_cannot_delete_my_post(api, member, outsider):
    post_id = api(member).post("/api/v1/posts", {"text": "mine"}).json()["id"]
    response = api(outsider).delete(f"/api/v1/posts/{post_id}")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"
    assert Post.objects.get(pk=post_id).deleted_at is None


def test_a_reply_joins_the_thread_and_notifies_the_author(api, member, leader):
    root = api(leader).post("/api/v1/posts", {"text": "Who knows Kubernetes?"}).json()
    reply = api(member).post("/api/v1/posts", {"text": "I do", "reply_to": root["id"]})
    assert reply.status_code == 201
    assert reply.json()["reply_to"] == root["id"]
    assert Post.objects.get(pk=root["id"]).replies_count == 1
    assert Notification.objects.filter(recipient=leader, kind="reply").count() == 1
    context = api(leader).get(f"/api/v1/posts/{root['id']}/context").json()
    assert [p["text"] for p in context["descendants"]] == ["I do"]


def test_a_reply_accepts_the_id_as_a_number_too(api, member):
    root = api(member).post("/api/v1/posts", {"text": "root"}).json()
    response = api(member).post("/api/v1/posts", {"text": "reply", "reply_to": int(root["id"])})
    assert response.status_code == 201


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"text": "x" * 5001}, 400, "too_long"),
        ({"text": ""}, 400, "empty"),
        ({"text": "   \n  "}, 400, "empty"),
        ({"text": "hi", "visibility": "public"}, 400, "invalid_visibility"),
        ({"text": "hi", "visibility": "everyone'; DROP TABLE"}, 400, "invalid_visibility"),
        ({"text": "hi", "reply_to": "999999999"}, 404, "not_found"),
        ({"text": "hi", "reply_to": "not-a-number"}, 404, "not_found"),
        ({"text": 12}, 400, "invalid"),
        ({"visibility": "organisation"}, 400, "empty"),
    ],
)
def test_bad_posts_are_refused_with_a_clear_error_and_write_nothing(api, member, body, status, code):
    before = (Post.objects.count(), FeedEntry.objects.count(), Notification.objects.count())
    response = api(member).post("/api/v1/posts", body)
    assert response.status_code == status
    error = response.json()["error"]
    assert error["code"] == code and error["message"]
    assert (Post.objects.count(), FeedEntry.objects.count(), Notification.objects.count()) == before


def test_exactly_five_thousand_characters_is_allowed(api, member):
    assert api(member).post("/api/v1/posts", {"text": "y" * 5000}).status_code == 201


def test_script_tags_and_javascript_links_are_neutralised(api, member):
    body = api(member).post(
        "/api/v1/posts", {"text": '<script>alert("x")</script> [click](javascript:alert(1)) <a href="javascript:alert(2)">a</a>'}
    ).json()
    assert "<script" not in body["html"]
    assert not re.search(r"<a [^>]*href=\"javascript", body["html"])
    assert body["text"].startswith("<script>")  # the text is kept as typed, only the HTML is safe


def test_errors_come_in_the_readers_language(api, member):
    response = api(member).post("/api/v1/posts", {"text": ""}, HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 400
    assert response.json()["error"]["message"] != "A post needs some text."


def test_an_image_and_a_pdf_can_be_attached(api, member):
    client = api(member)
    image = client.upload("/api/v1/media", {"file": io.BytesIO(png_bytes())}, description="chart")
    assert image.status_code == 201, image.content
    pdf_file = io.BytesIO(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF")
    pdf_file.name = "brief.pdf"
    pdf = client.upload("/api/v1/media", {"file": pdf_file})
    assert pdf.status_code == 201 and pdf.json()["kind"] == "pdf"
    post = client.post("/api/v1/posts", {"text": "files", "attachment_ids": [image.json()["id"], pdf.json()["id"]]})
    assert post.status_code == 201
    assert sorted(a["kind"] for a in post.json()["attachments"]) == ["image", "pdf"]


def test_uploads_of_the_wrong_type_or_size_are_refused(api, member, settings):
    client = api(member)
    fake = io.BytesIO(b"MZ\x90\x00 this is an executable")
    fake.name = "photo.png"
    response = client.upload("/api/v1/media", {"file": fake})
    assert response.status_code == 415 and response.json()["error"]["code"] == "unsupported_media_type"
    settings.COLONY_MAX_ATTACHMENT_BYTES = 1024
    big = io.BytesIO(png_bytes((400, 400)) + b"\0" * 2048)
    big.name = "big.png"
    response = client.upload("/api/v1/media", {"file": big})
    assert response.status_code == 413 and response.json()["error"]["code"] == "too_large"
    assert Attachment.objects.count() == 0


def test_someone_elses_attachment_cannot_be_claimed(api, member, outsider):
    attachment_id = api(outsider).upload("/api/v1/media", {"file": io.BytesIO(png_bytes())}).json()["id"]
    response = api(member).post("/api/v1/posts", {"text": "stolen", "attachment_ids": [attachment_id]})
    assert response.status_code == 400
    assert not Post.objects.filter(text="stolen").exists()


def test_editing_keeps_the_previous_version_in_the_history(api, member):
    client = api(member)
    post_id = client.post("/api/v1/posts", {"text": "first version"}).json()["id"]
    edited = client.patch(f"/api/v1/posts/{post_id}", {"text": "second version"})
    assert edited.status_code == 200 and edited.json()["edited_at"]
    history = client.get(f"/api/v1/posts/{post_id}/history").json()
    assert [r["text"] for r in history] == ["first version"]


def test_only_the_author_can_edit(api, member, outsider):
    post_id = api(member).post("/api/v1/posts", {"text": "mine"}).json()["id"]
    assert api(outsider).patch(f"/api/v1/posts/{post_id}", {"text": "yours"}).status_code == 403
    assert Post.objects.get(pk=post_id).text == "mine"


def test_reactions_are_a_fixed_set_and_notify_the_author(api, member, leader):
    post_id = api(leader).post("/api/v1/posts", {"text": "We did it"}).json()["id"]
    response = api(member).post(f"/api/v1/posts/{post_id}/reactions", {"kind": "celebrate"})
    assert response.json()["reactions"] == {"celebrate": 1}
    assert response.json()["my_reactions"] == ["celebrate"]
    assert api(member).post(f"/api/v1/posts/{post_id}/reactions", {"kind": "angry"}).status_code == 400
    assert Notification.objects.filter(recipient=leader, kind="reaction", detail="celebrate").count() == 1
    undone = api(member).delete(f"/api/v1/posts/{post_id}/reactions/celebrate")
    assert undone.json()["reactions"] == {}


def test_a_repost_with_comment_reaches_the_reposters_followers(api, member, leader, outsider):
    follow(outsider, member)
    post_id = api(leader).post("/api/v1/posts", {"text": "Read this"}).json()["id"]
    response = api(member).post(f"/api/v1/posts/{post_id}/repost", {"comment": "Worth it"})
    assert response.status_code == 201
    assert response.json()["repost_of"]["id"] == post_id
    home = api(outsider).get("/api/v1/timelines/home").json()
    assert home[0]["text"] == "Worth it" and home[0]["repost_of"]["text"] == "Read this"
    assert Notification.objects.filter(recipient=leader, kind="repost").exists()


def test_only_organisation_posts_can_be_reposted_and_only_once_plainly(api, member, leader):
    private = publish(leader, "for followers", visibility="followers")
    follow(member, leader)
    assert api(member).post(f"/api/v1/posts/{private.pk}/repost").status_code == 403
    public = publish(leader, "for all")
    assert api(member).post(f"/api/v1/posts/{public.pk}/repost").status_code == 201
    second = api(member).post(f"/api/v1/posts/{public.pk}/repost")
    assert second.status_code == 400 and second.json()["error"]["code"] == "already_reposted"


def test_a_followers_only_reply_stays_readable_for_the_person_replied_to(api, member, leader, outsider):
    follow(outsider, member)
    root = publish(leader, "Quiet question for my followers", visibility="followers")
    follow(member, leader)
    reply = api(member).post("/api/v1/posts", {"text": "Here is my answer", "reply_to": str(root.pk)}).json()
    assert reply["visibility"] == "followers"
    assert api(leader).get(f"/api/v1/posts/{reply['id']}").status_code == 200
    assert Notification.objects.filter(recipient=leader, kind="reply").exists()
    assert api(outsider).get(f"/api/v1/posts/{reply['id']}").status_code == 200  # member's follower


@pytest.mark.parametrize(("text", "language"), [
    ("Weet iemand waar de sleutel van de fietsenkelder ligt?", "nl"),
    ("Rilis minggu ini sudah keluar, terima kasih semua!", "id"),
    ("Qualcuno ha il listino aggiornato per domani?", "it"),
    ("Кто-нибудь знает, где ключ от переговорной?", "ru"),
    ("Does anyone know where the meeting room key is?", "en"),
    ("+1", ""),
])
def test_the_language_of_a_post_is_detected_when_it_is_written(api, member, text, language):
    body = api(member).post("/api/v1/posts", {"text": text}).json()
    assert body["language"] == language
    assert Post.objects.get(pk=body["id"]).language == language


def test_editing_detects_the_language_again(api, member):
    client = api(member)
    post_id = client.post("/api/v1/posts", {"text": "Good morning everyone, coffee is ready"}).json()["id"]
    edited = client.patch(f"/api/v1/posts/{post_id}", {"text": "Goedemorgen allemaal, de koffie staat klaar"})
    assert edited.json()["language"] == "nl"
