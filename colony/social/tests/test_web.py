"""The server-rendered pages: each form does what it says and refuses bad input."""

from __future__ import annotations

import pytest

from colony.graph.models import Block, Follow, Mute
from colony.social.models import HashtagFollow, Post, Reaction
from colony.testing import follow, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, member):
    client.force_login(member)
    return client


def test_the_composer_publishes_and_htmx_gets_just_the_new_post(signed_in, member):
    response = signed_in.post("/posts/new", {"text": "Hello **team**", "visibility": "organisation"},
                              HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "<strong>team</strong>" in response.content.decode()
    assert response["HX-Trigger"] == "colony:posted"
    assert Post.objects.filter(author=member, text="Hello **team**").exists()


@pytest.mark.parametrize(("data", "message"), [
    ({"text": ""}, "A post needs some text."),
    ({"text": "x" * 5001}, "Posts are limited to 5000 characters"),
    ({"text": "hi", "visibility": "secret"}, "Visibility must be one of"),
])
def test_the_composer_refuses_bad_posts_with_a_message_and_writes_nothing(signed_in, data, message):
    page = signed_in.post("/posts/new", data)
    assert page.status_code == 400 and message in page.content.decode()
    htmx = signed_in.post("/posts/new", data, HTTP_HX_REQUEST="true")
    assert htmx.status_code == 400 and htmx["HX-Retarget"] == "#alerts"
    assert Post.objects.count() == 0


def test_the_thread_page_shows_the_conversation_and_takes_a_reply(signed_in, member, leader):
    root = publish(leader, "Anyone free to review the deck?")
    publish(leader, "It's in the shared drive", reply_to=root)
    page = signed_in.get(f"/posts/{root.pk}").content.decode()
    assert "Anyone free to review the deck?" in page and "in the shared drive" in page
    response = signed_in.post("/posts/new", {"text": "On it", "reply_to": root.pk})
    assert response.status_code == 302
    assert Post.objects.get(text="On it").reply_to == root


def test_a_hidden_or_missing_post_page_is_a_404(signed_in, leader):
    secret = publish(leader, "only me", visibility="mentioned")
    assert signed_in.get(f"/posts/{secret.pk}").status_code == 404
    assert signed_in.get("/posts/123").status_code == 404


def test_editing_on_the_web_keeps_the_history_visible(signed_in, member):
    post = publish(member, "v1")
    assert signed_in.post(f"/posts/{post.pk}/edit", {"text": "v2"}).status_code == 302
    history = signed_in.get(f"/posts/{post.pk}/history").content.decode()
    assert "v1" in history and "v2" in history
    assert signed_in.post(f"/posts/{post.pk}/edit", {"text": ""}).status_code == 400
    post.refresh_from_db()
    assert post.text == "v2"


def test_someone_elses_post_cannot_be_edited_or_deleted_on_the_web(signed_in, leader):
    post = publish(leader, "leader's words")
    assert signed_in.get(f"/posts/{post.pk}/edit").status_code == 404
    signed_in.post(f"/posts/{post.pk}/delete")
    post.refresh_from_db()
    assert post.deleted_at is None and post.text == "leader's words"


def test_reacting_with_htmx_updates_the_counts(signed_in, member, leader):
    post = publish(leader, "shipped")
    response = signed_in.post(f"/posts/{post.pk}/react", {"kind": "celebrate"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and 'aria-pressed="true"' in response.content.decode()
    signed_in.post(f"/posts/{post.pk}/react", {"kind": "celebrate", "action": "remove"})
    assert not Reaction.objects.exists()
    assert signed_in.post(f"/posts/{post.pk}/react", {"kind": "shrug"}).status_code == 302
    assert not Reaction.objects.exists()


def test_follow_mute_and_block_buttons(signed_in, member, leader):
    signed_in.post("/@leader/follow", {"state": "on"})
    assert Follow.objects.filter(follower=member, followee=leader).exists()
    signed_in.post("/@leader/mute", {"state": "on"})
    assert Mute.objects.filter(user=member, target=leader).exists()
    signed_in.post("/@leader/block", {"state": "on"})
    assert Block.objects.filter(user=member, target=leader).exists()
    assert not Follow.objects.filter(follower=member, followee=leader).exists()
    assert signed_in.post("/@leader/befriend", {"state": "on"}).status_code == 404
    assert signed_in.post("/@ghost/follow", {"state": "on"}).status_code == 302


def test_a_profile_of_someone_who_blocked_you_is_not_found(client, member, leader):
    signed = client
    signed.force_login(leader)
    signed.post("/@member/block", {"state": "on"})
    signed.force_login(member)
    assert signed.get("/@leader").status_code == 404


def test_hashtag_page_follow_and_listing(signed_in, member, leader):
    publish(leader, "Great week #Kudos")
    page = signed_in.get("/tags/kudos").content.decode()
    assert "Great week" in page
    signed_in.post("/tags/kudos/follow")
    assert HashtagFollow.objects.filter(user=member, hashtag__name="kudos").exists()


def test_timeline_pages_and_their_next_pages(signed_in, member, leader):
    follow(member, leader)
    for i in range(25):
        publish(leader, f"update {i}")
    home = signed_in.get("/").content.decode()
    assert "update 24" in home and "Show older posts" in home
    oldest_shown = Post.objects.get(text="update 5").pk
    more = signed_in.get(f"/?max_id={oldest_shown}", HTTP_HX_REQUEST="true").content.decode()
    assert "update 4" in more and "<html" not in more
    assert "update 24" in signed_in.get("/organisation").content.decode()
    assert "update 24" in signed_in.get("/@leader").content.decode()


def test_new_posts_since_the_page_was_rendered(signed_in, member, leader):
    follow(member, leader)
    first = publish(leader, "first")
    publish(leader, "second")
    fresh = signed_in.get(f"/?since_id={first.pk}", HTTP_HX_REQUEST="true").content.decode()
    assert "second" in fresh and "first" not in fresh and 'hx-swap-oob="true"' in fresh


def test_empty_states_explain_what_to_do(signed_in):
    assert "Your home timeline is empty" in signed_in.get("/").content.decode()
    assert "No notifications yet" in signed_in.get("/notifications").content.decode()


def test_reposting_with_a_comment_from_the_thread_page(signed_in, member, leader):
    post = publish(leader, "Our new office opens in May")
    assert "Repost with a comment" in signed_in.get(f"/posts/{post.pk}").content.decode()
    signed_in.post(f"/posts/{post.pk}/repost", {"comment": "Can't wait!"})
    quote = Post.objects.get(author=member, repost_of=post)
    assert quote.text == "Can't wait!"
