"""The authorisation matrix: who can see what, on every surface.

Every object type that has an audience appears here, and every surface that
can show it is checked for every persona: pages, the API, timelines (feeds),
hashtag and profile listings, search (API and page),
notifications, attachment downloads and the Django admin. When a new object
type or surface arrives, it is added to this file.
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

    # the Django admin (only administrators get in; it shows them what they may read, nothing more)
    if persona == "admin":
        _assert_admin_reads(client, post, allowed)

    # notifications: only the mentioned person who may see it is told
    notified = Notification.objects.filter(recipient=viewer, post=post).exists()
    assert notified is (persona == "mentioned")
    listed = [n["post_id"] for n in as_viewer.get("/api/v1/notifications").json()]
    assert (pid in listed) is (persona == "mentioned")


def _assert_admin_reads(client, post: Post, allowed: bool) -> None:
    """The admin lists, searches, opens and shows the attachment of a post exactly when its reader may read it."""
    change = f"/admin/social/post/{post.pk}/change/"
    assert (change in client.get("/admin/social/post/").content.decode()) is allowed
    words = " ".join(post.text.split()[:2])
    assert (change in client.get("/admin/social/post/", {"q": words}).content.decode()) is allowed
    assert (post.text in client.get(change, follow=True).content.decode()) is allowed
    attachment = post.attachments.get()
    listed = client.get("/admin/social/attachment/").content.decode()
    assert (f"/admin/social/attachment/{attachment.pk}/change/" in listed) is allowed


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
    assert (str(community.pk) in listed) is knows_community
    assert (as_viewer.get(f"/api/v1/posts/{pid}").status_code == 200) is allowed
    client.force_login(viewer)
    assert (client.get(f"/posts/{pid}").status_code == 200) is allowed
    assert (client.get(post.attachments.get().file.url).status_code == 200) is allowed
    if persona == "admin":
        _assert_admin_reads(client, post, allowed)
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


# --- asks ---------------------------------------------------------------------------

ASK_PERSONAS = ["asker", "helper", "member", "named", "colleague", "guest", "other_guest", "blocked", "admin"]
ASK_AUDIENCE = {
    "organisation": {"asker", "helper", "member", "named", "colleague", "guest", "admin"},
    "community": {"asker", "helper", "member", "guest"},
    "people": {"asker", "helper", "named", "guest"},
}


@pytest.fixture
def ask_cast(db):
    from colony.communities.actions import do_add_member, do_create_community

    people = {name: make_person(name, admin=name == "admin", skills=["forecasting"]) for name in ASK_PERSONAS}
    for name in ("guest", "other_guest"):
        people[name].is_guest = True
        people[name].save()
    room = do_create_community(creator=people["asker"], name="Planning circle", kind="closed")
    for name in ("helper", "member"):
        do_add_member(moderator=people["asker"], community=room, person=people[name])
    do_block(user=people["asker"], target=people["blocked"])
    return people, room


@pytest.mark.parametrize("audience", list(ASK_AUDIENCE))
@pytest.mark.parametrize("persona", ASK_PERSONAS)
def test_an_ask_and_its_responses_reach_exactly_their_audience(ask_cast, api, client, commit, audience, persona):
    from colony.asks.actions import do_create_ask, do_respond
    from colony.asks.models import GuestAccess

    people, room = ask_cast
    with commit():
        ask = do_create_ask(
            author=people["asker"], need=f"Who can review the demand forecasting model ({audience})?",
            audience=audience, community=room if audience == "community" else None,
            people=[people["helper"], people["named"]] if audience == "people" else (),
        )
        GuestAccess.objects.create(guest=people["guest"], ask=ask)
        document = io.BytesIO(b"%PDF-1.4\n%%EOF\n")
        private = do_respond(ask=ask, author=people["helper"], pitch="private pitch", upload=document,
                             upload_name="cv.pdf")
    viewer = people[persona]
    allowed = persona in ASK_AUDIENCE[audience]
    is_guest = persona in ("guest", "other_guest")
    pid = str(ask.pk)

    # the API (guests never use it) and the page
    status = api(viewer).get(f"/api/v1/asks/{pid}").status_code if not is_guest else None
    if not is_guest:
        assert (status == 200) is allowed
        responses = api(viewer).get(f"/api/v1/asks/{pid}/responses")
        seen = {r["id"] for r in responses.json()} if responses.status_code == 200 else set()
        assert (private.pk in seen) is (persona in ("asker", "helper"))
        matches = api(viewer).get(f"/api/v1/asks/{pid}").json().get("matches") if allowed else None
        assert (matches is not None) is (persona == "asker")
    client.force_login(viewer)
    page = client.get(f"/asks/{pid}")
    assert (page.status_code == 200) is allowed
    assert ("private pitch" in page.content.decode()) is (persona in ("asker", "helper"))

    # the response's document
    assert private.attachment is not None
    assert (client.get(private.attachment.file.url).status_code == 200) is (persona in ("asker", "helper"))

    # search and the organisation timeline (guests cannot open either)
    search = client.get("/search", {"q": "forecasting model"})
    assert (f'id="post-{pid}"' in search.content.decode()) is (allowed and not is_guest)
    timeline = client.get("/organisation").content.decode()
    assert (f'id="post-{pid}"' in timeline) is (allowed and audience == "organisation" and not is_guest)

    # notifications: the routed people and the asker (for the response); never guests or the blocked
    kinds = set(Notification.objects.filter(recipient=viewer, post=ask.post).values_list("kind", flat=True))
    if persona == "asker":
        assert kinds == {"ask_response"}
    if persona in ("blocked", "other_guest", "guest") or not allowed:
        assert "ask" not in kinds
    if persona == "colleague" and audience != "organisation":
        assert not kinds


def test_a_guest_sees_nothing_but_their_ask(ask_cast, client, api, commit):
    from colony.asks.actions import do_accept_invite, do_create_ask, do_invite_guest

    people, room = ask_cast
    with commit():
        ask = do_create_ask(author=people["asker"], need="Need a freelance forecaster")
        other = publish(people["colleague"], "An ordinary organisation post")
    _invitation, raw = do_invite_guest(actor=people["asker"], ask=ask, name="Fran Freelancer")
    guest = do_accept_invite(raw=raw, display_name="Fran Freelancer", password="a-long-guest-password-1")
    assert guest.is_guest
    client.force_login(guest)
    assert client.get("/").status_code == 302
    assert client.get(f"/asks/{ask.pk}").status_code == 200
    for path in ("/organisation", "/people", "/search", "/communities", "/messages", f"/posts/{other.pk}",
                 f"/communities/{room.slug}", "/asks", "/@colleague", "/wiki/"):
        assert client.get(path).status_code == 404, path
    assert client.get("/api/v1/timelines/organisation").status_code == 401
    token = client.post("/api/v1/tokens", {"username": guest.username, "password": "a-long-guest-password-1"},
                        content_type="application/json")
    assert token.status_code == 403
    # the link works once
    from colony.core.errors import NotFound

    with pytest.raises(NotFound):
        do_accept_invite(raw=raw, display_name="Someone else", password="another-long-password-2")


# --- wiki pages ---------------------------------------------------------------------

WIKI_PERSONAS = ["owner", "member", "colleague", "guest", "guest_member", "admin"]
# space -> who may read its pages. A page inherits its space's audience: the
# organisation's are for everyone but guests; an open community's for everyone
# but guests who are not members; a closed or secret one's for its members
# (guests included) — never for administrators as such.
WIKI_READERS = {
    "organisation": {"owner", "member", "colleague", "admin"},
    "open": {"owner", "member", "colleague", "admin", "guest_member"},
    "closed": {"owner", "member", "guest_member"},
    "secret": {"owner", "member", "guest_member"},
}
# and who may edit them: everyone but guests (organisation), the members (communities)
WIKI_EDITORS = {
    "organisation": {"owner", "member", "colleague", "admin"},
    "open": {"owner", "member", "guest_member"},
    "closed": {"owner", "member", "guest_member"},
    "secret": {"owner", "member", "guest_member"},
}


@pytest.fixture
def wiki_cast(db):
    from colony.communities.actions import do_add_member, do_create_community

    people = {name: make_person(name, admin=name == "admin") for name in WIKI_PERSONAS}
    for name in ("guest", "guest_member"):
        people[name].is_guest = True
        people[name].save(update_fields=["is_guest"])
    communities = {}
    for kind in ("open", "closed", "secret"):
        community = do_create_community(creator=people["owner"], name=f"{kind} room", kind=kind)
        for name in ("member", "guest_member"):
            do_add_member(moderator=people["owner"], community=community, person=people[name])
        communities[kind] = community
    return people, communities


@pytest.mark.parametrize("space", list(WIKI_READERS))
@pytest.mark.parametrize("persona", WIKI_PERSONAS)
def test_a_wiki_page_reaches_exactly_its_space(wiki_cast, api, client, space, persona):
    from colony.wiki.actions import do_create_page, do_edit_page
    from colony.wiki.models import space_url

    people, communities = wiki_cast
    community = communities.get(space)
    page = do_create_page(author=people["owner"], title=f"Runbook {space}", text=f"Quokka procedure ({space})",
                          community=community)
    do_edit_page(page=page, author=people["owner"], text=f"Quokka procedure ({space})\nstep two", base_revision=1)
    viewer = people[persona]
    readable = persona in WIKI_READERS[space]
    editable = persona in WIKI_EDITORS[space]
    is_guest = persona.startswith("guest")
    url = page.get_absolute_url()

    # the pages: the page, its history, an old revision, a diff, the space's index, the edit form
    client.force_login(viewer)
    for path in (url, page.url("history"), page.url("revision", 1), f"{page.url('diff')}?from=1&to=2"):
        assert (client.get(path).status_code == 200) is readable, path
    index = client.get(space_url(community))
    assert (index.status_code == 200 and f'href="{url}"' in index.content.decode()) is readable
    edit = client.get(page.url("edit")).status_code
    assert edit == (200 if editable else 302 if readable else 404)

    # search (the page; guests cannot open it at all)
    search = client.get("/search", {"q": "quokka procedure"})
    assert (f'id="wiki-{page.pk}"' in search.content.decode()) is (readable and not is_guest)

    # the API: guests never use it
    paths = [f"/api/v1/wiki/pages/{page.pk}", f"/api/v1/wiki/pages/{page.pk}/revisions",
             f"/api/v1/wiki/pages/{page.pk}/revisions/1", f"/api/v1/wiki/pages/{page.pk}/diff?from=1&to=2"]
    if is_guest:
        for path in [*paths, "/api/v1/wiki/pages", "/api/v1/search?q=quokka"]:
            assert client.get(path).status_code == 401, path
        return
    as_viewer = api(viewer)
    for path in paths:
        assert (as_viewer.get(path).status_code == 200) is readable, path
    listing = as_viewer.get("/api/v1/wiki/pages", **({"community": community.pk} if community else {}))
    assert (listing.status_code == 200 and str(page.pk) in [p["id"] for p in listing.json()]) is readable
    hits = as_viewer.get("/api/v1/search", q="quokka procedure", type="wiki").json()["wiki"]
    assert (str(page.pk) in [h["page"]["id"] for h in hits]) is readable

    # writes: editors save; readers are refused; everyone else finds nothing
    write = 200 if editable else 403 if readable else 404
    restored = as_viewer.post(f"/api/v1/wiki/pages/{page.pk}/restore", {"revision": 1})
    assert restored.status_code == (201 if editable else write)
    base = page.revisions.count()
    edited = as_viewer.patch(f"/api/v1/wiki/pages/{page.pk}", {"text": "overwritten", "base_revision": base})
    assert edited.status_code == write
    assert page.revisions.count() == (4 if editable else 2)


def test_anonymous_visitors_reach_no_wiki_page(db, api, client):
    from colony.wiki.actions import do_create_page

    page = do_create_page(author=make_person("owner"), title="Handbook", text="hello")
    for path in ("/wiki/", page.get_absolute_url(), page.url("history"), page.url("edit")):
        assert client.get(path).status_code == 302, path
    for path in (f"/api/v1/wiki/pages/{page.pk}", "/api/v1/wiki/pages", f"/api/v1/wiki/pages/{page.pk}/revisions"):
        assert api().get(path).status_code == 401, path


# --- drafts on the leader's desk ----------------------------------------------------

DRAFT_PERSONAS = ["author", "delegate", "reviewer", "colleague", "admin", "guest"]
# state -> personas who may open the draft (the admin is a superuser, so also a reviewer)
DRAFT_AUDIENCE = {
    "draft": {"author", "delegate"},
    "in_review": {"author", "delegate", "reviewer", "admin"},
}


@pytest.fixture
def desk_cast(db):
    from django.contrib.auth.models import Permission

    from colony.desk.actions import do_delegate

    people = {name: make_person(name, admin=name == "admin") for name in DRAFT_PERSONAS}
    people["guest"].is_guest = True
    people["guest"].save()
    for name, codename in (("author", "use_desk"), ("reviewer", "review_post")):
        people[name].user_permissions.add(Permission.objects.get(content_type__app_label="desk", codename=codename))
        people[name] = type(people[name]).objects.get(pk=people[name].pk)
    do_delegate(leader=people["author"], assistant=people["delegate"])
    return people


@pytest.mark.parametrize("state", list(DRAFT_AUDIENCE))
@pytest.mark.parametrize("persona", DRAFT_PERSONAS)
def test_a_draft_stays_with_its_author_delegates_and_reviewers(desk_cast, api, client, state, persona):
    from colony.desk.actions import do_create_draft, do_submit

    people = desk_cast
    draft = do_create_draft(writer=people["author"], text=f"We expect margins to double next quarter ({state}).")
    if state == "in_review":
        do_submit(draft=draft, actor=people["author"])
        draft.refresh_from_db()
        assert draft.status == "in_review"
    viewer = people[persona]
    allowed = persona in DRAFT_AUDIENCE[state]

    if persona != "guest":
        assert (api(viewer).get(f"/api/v1/desk/drafts/{draft.pk}").status_code == 200) is allowed
        log = api(viewer).get("/api/v1/desk/audit").json()
        assert (draft.pk in {e["draft_id"] for e in log}) is allowed
        listed = {d["id"] for d in api(viewer).get("/api/v1/desk/drafts").json()}
        assert (draft.pk in listed) is (persona in ("author", "delegate"))
    client.force_login(viewer)
    assert (client.get(f"/desk/{draft.pk}").status_code == 200) is allowed
    exported = client.get("/desk/audit.csv")
    assert ("margins to double" in exported.content.decode()) is allowed
    # never in search or any timeline before it is published
    assert "margins to double" not in client.get("/search", {"q": "margins double"}).content.decode()
    assert "margins to double" not in client.get("/organisation").content.decode()
    notified = Notification.objects.filter(recipient=viewer, kind="review", detail=str(draft.pk)).exists()
    assert notified is (state == "in_review" and persona in ("reviewer", "admin"))


# --- API tokens and the account log -----------------------------------------------------

ACCOUNT_PERSONAS = ["owner", "colleague", "admin"]


@pytest.mark.parametrize("persona", ACCOUNT_PERSONAS)
def test_tokens_and_account_events_stay_with_their_person(api, client, persona):
    """Only the person sees their tokens and account log (API and settings); administrators see the log
    in the Django admin only, and nobody can revoke another person's token."""
    from django.test import Client

    from colony.people.actions import do_create_token, do_sign_out_everywhere
    from colony.people.models import AccountEvent, ApiToken

    people = {name: make_person(name, admin=name == "admin") for name in ACCOUNT_PERSONAS}
    owner, viewer = people["owner"], people[persona]
    token, _raw = do_create_token(user=owner, name="owner-laptop-script")
    do_sign_out_everywhere(user=owner, actor=people["admin"])  # ends the token above, logs and notifies
    token, _raw = do_create_token(user=owner, name="owner-laptop-script")
    allowed = persona == "owner"
    as_viewer = api(viewer)

    names = {t["name"] for t in as_viewer.get("/api/v1/tokens").json()}
    assert ("owner-laptop-script" in names) is allowed
    kinds = {e["kind"] for e in as_viewer.get("/api/v1/me/activity").json()}
    assert ("signed_out" in kinds) is allowed
    if not allowed:
        assert as_viewer.delete(f"/api/v1/tokens/{token.pk}").status_code == 404
        assert ApiToken.objects.filter(pk=token.pk).exists()

    viewer.refresh_from_db()
    client.force_login(viewer)
    assert ("owner-laptop-script" in client.get("/settings/tokens").content.decode()) is allowed
    assert ("signed you out everywhere" in client.get("/settings/activity").content.decode()) is allowed
    assert ("signed you out everywhere" in client.get("/notifications").content.decode()) is allowed
    if not allowed:
        assert client.post(f"/settings/tokens/{token.pk}/revoke").status_code == 404
        assert ApiToken.objects.filter(pk=token.pk).exists()

    # administrators read the log in the Django admin, read-only; nobody else gets in
    admin_page = Client()
    admin_page.force_login(viewer)
    listing = admin_page.get("/admin/people/accountevent/")
    assert (listing.status_code == 200 and "@owner" in listing.content.decode()) is (persona == "admin")
    assert AccountEvent.objects.filter(user=owner).count() == 1
