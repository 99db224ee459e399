from __future__ import annotations

import pytest

from colony.messaging.models import Conversation, Message
from colony.social.actions import do_block
from colony.testing import make_person

pytestmark = pytest.mark.django_db


def test_a_one_to_one_conversation_is_started_and_continued(api, leader, member):
    started = api(leader).post("/api/v1/conversations", {"participants": ["member"], "text": "Got a minute?"})
    assert started.status_code == 201, started.content
    conversation = started.json()
    assert [p["handle"] for p in conversation["participants"]] == ["member"]
    inbox = api(member).get("/api/v1/conversations").json()
    assert inbox[0]["unread"] is True and inbox[0]["last_message"]["text"] == "Got a minute?"
    reply = api(member).post(f"/api/v1/conversations/{conversation['id']}/messages", {"text": "Sure"})
    assert reply.status_code == 201
    again = api(leader).post("/api/v1/conversations", {"participants": ["@member"], "text": "Thanks"})
    assert again.json()["id"] == conversation["id"]  # the same pair keeps one conversation
    texts = [m["text"] for m in api(leader).get(f"/api/v1/conversations/{conversation['id']}/messages").json()]
    assert texts == ["Got a minute?", "Sure", "Thanks"]
    assert api(member).post(f"/api/v1/conversations/{conversation['id']}/read").status_code == 204
    assert api(member).get("/api/v1/conversations").json()[0]["unread"] is False


def test_a_group_conversation_has_at_most_fifty_people(api, leader):
    handles = [make_person(f"p{i:02d}").username for i in range(50)]
    response = api(leader).post("/api/v1/conversations", {"participants": handles, "text": "Hello all"})
    assert response.status_code == 400 and "50" in response.json()["error"]["message"]
    ok = api(leader).post("/api/v1/conversations", {"participants": handles[:49], "text": "Hello all"})
    assert ok.status_code == 201 and len(ok.json()["participants"]) == 49


def test_only_participants_read_a_conversation_administrators_included(api, leader, member, outsider, admin_user):
    conversation = api(leader).post("/api/v1/conversations", {"participants": ["member"], "text": "Private"}).json()
    for intruder in (outsider, admin_user):
        client = api(intruder)
        assert client.get(f"/api/v1/conversations/{conversation['id']}/messages").status_code == 404
        assert client.post(f"/api/v1/conversations/{conversation['id']}/messages", {"text": "hi"}).status_code == 404
        assert client.get("/api/v1/conversations").json() == []
        assert client.get("/api/v1/search", q="private").json()["posts"] == []
    assert Message.objects.count() == 1


def test_messaging_someone_who_blocked_you_is_refused(api, leader, member):
    do_block(user=member, target=leader)
    response = api(leader).post("/api/v1/conversations", {"participants": ["member"], "text": "Hello?"})
    assert response.status_code == 400 and response.json()["error"]["code"] == "blocked"
    assert not Conversation.objects.exists() and not Message.objects.exists()


@pytest.mark.parametrize(("payload", "status"), [
    ({"participants": [], "text": "hi"}, 400), ({"participants": ["member"], "text": ""}, 400),
    ({"participants": ["ghost"], "text": "hi"}, 404), ({"participants": ["member"], "text": "x" * 5001}, 400),
])
def test_bad_messages_are_refused_and_write_nothing(api, leader, member, payload, status):
    response = api(leader).post("/api/v1/conversations", payload)
    assert response.status_code == status and response.json()["error"]["message"]
    assert not Message.objects.exists()


def test_leaving_a_conversation_ends_access(api, leader, member, outsider):
    conversation = api(leader).post("/api/v1/conversations", {"participants": ["member", "outsider"],
                                                              "text": "Group"}).json()
    assert api(outsider).delete(f"/api/v1/conversations/{conversation['id']}/participants/me").status_code == 204
    assert api(outsider).get(f"/api/v1/conversations/{conversation['id']}/messages").status_code == 404
    api(leader).post(f"/api/v1/conversations/{conversation['id']}/messages", {"text": "after you left"})
    assert api(outsider).get("/api/v1/conversations").json() == []


def test_the_message_pages(client, leader, member, outsider):
    client.force_login(leader)
    response = client.post("/messages/new", {"participants": "member, outsider", "text": "Lunch on **Friday**?"})
    conversation = Conversation.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/messages/{conversation.pk}"
    client.force_login(member)
    assert 'id="messages-badge"' in client.get("/").content.decode()
    assert "Lunch on" in client.get("/messages").content.decode()
    page = client.get(f"/messages/{conversation.pk}").content.decode()
    assert "<strong>Friday</strong>" in page
    client.post(f"/messages/{conversation.pk}/send", {"text": "Yes!"})
    assert Message.objects.filter(author=member, text="Yes!").exists()
    bad = client.post("/messages/new", {"participants": "", "text": "hi"})
    assert bad.status_code == 400 and Conversation.objects.count() == 1


def test_a_conversation_page_is_not_found_for_others(client, leader, member, admin_user):
    conversation_id = None
    client.force_login(leader)
    client.post("/messages/new", {"participants": "member", "text": "Between us"})
    conversation_id = Conversation.objects.get().pk
    client.force_login(admin_user)
    assert client.get(f"/messages/{conversation_id}").status_code == 404
    client.post(f"/messages/{conversation_id}/send", {"text": "admin here"})
    assert not Message.objects.filter(author=admin_user).exists()
    assert client.get("/admin/").status_code == 200
    assert "messaging" not in client.get("/admin/").content.decode().lower()


def _png():
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (6, 6), "blue").save(out, format="PNG")
    out.seek(0)
    out.name = "shot.png"
    return out


def test_a_message_attachment_is_only_for_the_participants(client, leader, member, outsider, admin_user):
    client.force_login(leader)
    client.post("/messages/new", {"participants": "member", "text": "screenshot", "attachments": _png()})
    message = Message.objects.get()
    url = message.attachments.get().file.url
    for person, status in ((leader, 200), (member, 200), (outsider, 404), (admin_user, 404)):
        client.force_login(person)
        assert client.get(url).status_code == status, person


def test_a_message_with_a_wrong_attachment_is_refused_whole(client, leader, member):
    import io

    client.force_login(leader)
    client.post("/messages/new", {"participants": "member", "text": "first"})
    conversation = Conversation.objects.get()
    fake = io.BytesIO(b"not really a picture")
    fake.name = "virus.png"
    response = client.post(f"/messages/{conversation.pk}/send", {"text": "look", "attachments": fake})
    assert response.status_code == 302
    assert not Message.objects.filter(text="look").exists()
