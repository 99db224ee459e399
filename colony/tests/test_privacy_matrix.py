"""The authorisation matrix: who can see what, on every surface.

Every object type that has an audience appears here, and every surface that
can show it is checked for every persona: pages, the API, timelines (feeds),
hashtag and profile listings, search (API and page),
notifications and attachment downloads. When a new object type or surface
arrives, it is added to this file.
"""

from __future__ import annotations

import io

import pytest
from PIL import Image

from colony.notifications.models import Notification
from colony.social.actions import do_block, do_upload_attachment
from colony.social.models import Post
from colony.testing import follow, make_person, publish

pytestmark = pytest.mark.django_db

PERSONAS = ["author", "follower", "outsider", "mentioned", "blocked", "admin"]

# visibility -> personas who may see a post with it
AUDIENCE = {
    "organisation": {"author", "follower", "outsider", "mentioned", "admin"},
    "followers": {"author", "follower", "mentioned"},
    "mentioned": {"author", "mentioned"},
}
# and whose home timeline it lands in
HOME = {
    "organisation": {"author", "follower", "mentioned"},
    "followers": {"author", "follower", "mentioned"},
    "mentioned": {"author", "mentioned"},
}


@pytest.fixture
def cast(db):
    people = {name: make_person(name, admin=name == "admin") for name in PERSONAS}
    follow(people["follower"], people["author"])
    do_block(user=people["author"], target=people["blocked"])
    return people


def _png() -> io.BytesIO:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(out, format="PNG")
    out.seek(0)
    return out


def _post(cast, visibility: str) -> Post:
    attachment = do_upload_attachment(user=cast["author"], upload=_png(), name="secret.png")
    return publish(
        cast["author"], f"Quarterly note #matrix @mentioned @blocked ({visibility})",
        visibility=visibility, attachment_ids=[attachment.pk],
    )


def _ids(response) -> set[str]:
    return {p["id"] for p in response.json()} if response.status_code == 200 else set()


@pytest.mark.parametrize("visibility", list(AUDIENCE))
@pytest.mark.parametrize("persona", PERSONAS)
def test_a_post_reaches_exactly_its_audience_on_every_surface(cast, api, client, visibility, persona):
    post = _post(cast, visibility)
    viewer = cast[persona]
    allowed = persona in AUDIENCE[visibility]
    pid = str(post.pk)
    as_viewer = api(viewer)

    # the API and the page, and what hangs off the post (history, reactions)
    assert (as_viewer.get(f"/api/v1/posts/{pid}").status_code == 200) is allowed
    assert (as_viewer.get(f"/api/v1/posts/{pid}/context").status_code == 200) is allowed
    assert (as_viewer.get(f"/api/v1/posts/{pid}/history").status_code == 200) is allowed
    if persona != "author":
        assert (as_viewer.post(f"/api/v1/posts/{pid}/reactions", {"kind": "like"}).status_code == 200) is allowed
    client.force_login(viewer)
    assert (client.get(f"/posts/{pid}").status_code == 200) is allowed
    page_html = client.get("/organisation").content.decode()
    assert (f'id="post-{pid}"' in page_html) is (allowed and visibility == "organisation")

    # search
    hits = as_viewer.get("/api/v1/search", q="quarterly note", type="posts").json()["posts"]
    assert (pid in [h["post"]["id"] for h in hits]) is allowed
    assert (f'id="post-{pid}"' in client.get("/search", {"q": "quarterly note"}).content.decode()) is allowed

    # feeds
    assert (pid in _ids(as_viewer.get("/api/v1/timelines/home"))) is (persona in HOME[visibility])
    assert (pid in _ids(as_viewer.get("/api/v1/timelines/organisation"))) is (allowed and visibility == "organisation")
    assert (pid in _ids(as_viewer.get("/api/v1/timelines/tag/matrix"))) is allowed
    assert (pid in _ids(as_viewer.get("/api/v1/people/author/posts"))) is allowed

    # attachments
    url = post.attachments.get().file.url
    assert (client.get(url).status_code == 200) is allowed

    # notifications: only the mentioned person who may see it is told
    notified = Notification.objects.filter(recipient=viewer, post=post).exists()
    assert notified is (persona == "mentioned")
    listed = [n["post_id"] for n in as_viewer.get("/api/v1/notifications").json()]
    assert (pid in listed) is (persona == "mentioned")


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_people_directory_hides_whoever_blocked_the_reader(cast, api, client, persona):
    """Search over people: a blocked person cannot find the blocker."""
    listed = {p["handle"] for p in api(cast[persona]).get("/api/v1/people", q="author").json()}
    assert ("author" in listed) is (persona != "blocked")
    client.force_login(cast[persona])
    page = client.get("/people", {"q": "author"}).content.decode()
    assert ('href="/@author"' in page) is (persona != "blocked")


def test_an_unposted_attachment_is_only_for_its_uploader(cast, client):
    attachment = do_upload_attachment(user=cast["author"], upload=_png(), name="draft.png")
    client.force_login(cast["outsider"])
    assert client.get(attachment.file.url).status_code == 404
    client.force_login(cast["author"])
    assert client.get(attachment.file.url).status_code == 200


def test_anonymous_visitors_see_nothing(cast, client, api):
    post = _post(cast, "organisation")
    assert client.get(f"/posts/{post.pk}").status_code == 302
    assert client.get(post.attachments.get().file.url).status_code == 302
    assert api().get(f"/api/v1/posts/{post.pk}").status_code == 401
    assert api().get("/api/v1/timelines/organisation").status_code == 401
    assert client.get("/events").status_code == 204


def test_a_deleted_post_is_gone_from_every_surface(cast, api):
    post = _post(cast, "organisation")
    api(cast["author"]).delete(f"/api/v1/posts/{post.pk}")
    for persona in ("author", "follower", "mentioned"):
        viewer = api(cast[persona])
        assert viewer.get(f"/api/v1/posts/{post.pk}").status_code == 404
        assert str(post.pk) not in _ids(viewer.get("/api/v1/timelines/home"))
        assert str(post.pk) not in _ids(viewer.get("/api/v1/timelines/tag/matrix"))
    assert not Notification.objects.filter(post=post).exists()


def test_a_reply_to_a_hidden_post_does_not_reveal_it(cast, api):
    secret = publish(cast["author"], "only for @mentioned", visibility="mentioned")
    answer = publish(cast["mentioned"], "got it", reply_to=secret)
    assert answer.visibility == "mentioned"
    context = api(cast["mentioned"]).get(f"/api/v1/posts/{answer.pk}/context").json()
    assert [p["id"] for p in context["ancestors"]] == [str(secret.pk)]
    assert api(cast["outsider"]).get(f"/api/v1/posts/{answer.pk}").status_code == 404
    # the conversation stays between its people: the parent's author sees the answer
    assert api(cast["author"]).get(f"/api/v1/posts/{answer.pk}").status_code == 200
    assert Notification.objects.filter(recipient=cast["author"], post=answer, kind="reply").exists()


# --- communities ------------------------------------------------------------------

COMMUNITY_PERSONAS = ["owner", "member", "colleague", "blocked", "admin"]


@pytest.fixture
def community_cast(db):
    from colony.communities.actions import do_add_member

    people = {name: make_person(name, admin=name == "admin") for name in COMMUNITY_PERSONAS}
    kinds = {}
    for kind in ("open", "closed", "secret"):
        from colony.communities.actions import do_create_community

        community = do_create_community(creator=people["owner"], name=f"{kind} circle", kind=kind)
        do_add_member(moderator=people["owner"], community=community, person=people["member"])
        kinds[kind] = community
    do_block(user=people["owner"], target=people["blocked"])
    return people, kinds


@pytest.mark.parametrize("kind", ["open", "closed", "secret"])
@pytest.mark.parametrize("persona", COMMUNITY_PERSONAS)
def test_a_community_post_reaches_exactly_its_audience(community_cast, api, client, kind, persona):
    people, communities = community_cast
    community = communities[kind]
    attachment = do_upload_attachment(user=people["owner"], upload=_png(), name="plan.png")
    post = publish(people["owner"], f"Circle plan #circle @member @colleague ({kind})",
                   community=community, attachment_ids=[attachment.pk])
    viewer = people[persona]
    members = {"owner", "member"}
    knows_community = kind != "secret" or persona in members
    allowed = persona != "blocked" and (kind == "open" or persona in members)
    pid = str(post.pk)
    as_viewer = api(viewer)

    assert (as_viewer.get(f"/api/v1/communities/{community.pk}").status_code == 200) is knows_community
    listed = {c["id"] for c in as_viewer.get("/api/v1/communities").json()}
    assert (community.pk in listed) is knows_community
    assert (as_viewer.get(f"/api/v1/posts/{pid}").status_code == 200) is allowed
    client.force_login(viewer)
    assert (client.get(f"/posts/{pid}").status_code == 200) is allowed
    assert (client.get(post.attachments.get().file.url).status_code == 200) is allowed
    in_timeline = pid in _ids(as_viewer.get(f"/api/v1/communities/{community.pk}/posts"))
    assert in_timeline is allowed
    hits = as_viewer.get("/api/v1/search", q="circle plan", type="posts").json()["posts"]
    assert (pid in [h["post"]["id"] for h in hits]) is allowed
    assert (pid in _ids(as_viewer.get("/api/v1/timelines/tag/circle"))) is allowed
    assert (pid in _ids(as_viewer.get("/api/v1/people/owner/posts"))) is allowed
    assert pid not in _ids(as_viewer.get("/api/v1/timelines/organisation"))
    # Members get it at home; so does a mentioned colleague who may read the community.
    mentioned_reader = persona == "member" or (persona == "colleague" and kind == "open")
    assert (pid in _ids(as_viewer.get("/api/v1/timelines/home"))) is (persona in members or mentioned_reader)
    notified = Notification.objects.filter(recipient=viewer, post=post).exists()
    assert notified is mentioned_reader


def test_counts_never_include_secret_communities(community_cast, api):
    people, communities = community_cast
    publish(people["owner"], "#circle secret note", community=communities["secret"])
    tags = api(people["colleague"]).get("/api/v1/search", q="circle", type="hashtags").json()["hashtags"]
    assert tags == []


def test_attachment_urls_are_not_guessable(cast):
    first = do_upload_attachment(user=cast["author"], upload=_png(), name="a.png")
    second = do_upload_attachment(user=cast["author"], upload=_png(), name="a.png")
    names = [first.file.name.rsplit("/", 1)[-1], second.file.name.rsplit("/", 1)[-1]]
    assert names[0] != names[1] and all(len(n.split(".")[0]) >= 32 for n in names)


@pytest.mark.parametrize("kind", ["open", "closed", "secret"])
@pytest.mark.parametrize("persona", COMMUNITY_PERSONAS)
def test_a_community_announcement_reaches_exactly_its_members(community_cast, api, kind, persona):
    from colony.announcements.actions import do_publish_announcement

    people, communities = community_cast
    announcement = do_publish_announcement(author=people["owner"], text=f"Rota ({kind})",
                                           community=communities[kind])
    pid = str(announcement.post_id)
    as_viewer = api(people[persona])
    readable = persona != "blocked" and (kind == "open" or persona in {"owner", "member"})
    asked = persona == "member"  # recipients are the members; the author is not asked
    assert (pid in [a["id"] for a in as_viewer.get("/api/v1/announcements").json()]) is asked
    assert (as_viewer.post(f"/api/v1/announcements/{pid}/acknowledge").status_code == 200) is readable
    tracker = as_viewer.get(f"/api/v1/announcements/{pid}/tracker").status_code
    # The author, and administrators who may read the post, see the tracker.
    sees_tracker = persona == "owner" or (persona == "admin" and readable)
    assert tracker == (200 if sees_tracker else 403 if readable else 404)
    assert Notification.objects.filter(recipient=people[persona], post_id=pid).exists() is asked


# --- direct messages ----------------------------------------------------------------

@pytest.mark.parametrize("persona", ["sender", "recipient", "colleague", "admin"])
def test_a_direct_message_reaches_only_its_participants(db, api, client, persona):
    from colony.messaging.actions import do_start_conversation

    people = {name: make_person(name, admin=name == "admin") for name in ("sender", "recipient", "colleague", "admin")}
    conversation = do_start_conversation(sender=people["sender"], handles=["recipient"], text="salary question")
    allowed = persona in {"sender", "recipient"}
    as_viewer = api(people[persona])
    assert (as_viewer.get(f"/api/v1/conversations/{conversation.pk}/messages").status_code == 200) is allowed
    assert (str(conversation.pk) in [c["id"] for c in as_viewer.get("/api/v1/conversations").json()]) is allowed
    client.force_login(people[persona])
    assert (client.get(f"/messages/{conversation.pk}").status_code == 200) is allowed
    # Messages are never searchable, never in timelines or notifications of anyone.
    assert as_viewer.get("/api/v1/search", q="salary question").json()["posts"] == []
    assert "salary question" not in as_viewer.get("/api/v1/timelines/home").content.decode()
    assert "salary question" not in as_viewer.get("/api/v1/notifications").content.decode()


def test_anonymous_visitors_reach_no_community_message_or_announcement(db, api, client):
    from colony.announcements.models import Announcement
    from colony.communities.actions import do_create_community
    from colony.messaging.actions import do_start_conversation

    owner = make_person("owner")
    make_person("other")
    community = do_create_community(creator=owner, name="Open house", kind="open")
    post = publish(owner, "community note", community=community)
    Announcement.objects.create(post=post)
    conversation = do_start_conversation(sender=owner, handles=["other"], text="hello")
    anonymous = api()
    for path in (f"/api/v1/communities/{community.pk}", f"/api/v1/communities/{community.pk}/posts",
                 "/api/v1/communities", f"/api/v1/conversations/{conversation.pk}/messages", "/api/v1/conversations",
                 "/api/v1/announcements", f"/api/v1/announcements/{post.pk}/tracker", "/api/v1/search?q=note"):
        assert anonymous.get(path).status_code == 401, path
    for path in (f"/communities/{community.slug}", f"/messages/{conversation.pk}", "/messages", "/search?q=note"):
        assert client.get(path).status_code == 302, path
