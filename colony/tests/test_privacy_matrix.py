"""The authorisation matrix: who can see what, on every surface.

Every object type that has an audience appears here, and every surface that
can show it is checked for every persona: pages, the API, timelines (feeds),
hashtag and profile listings, search (API and page),
notifications, attachment downloads and the Django admin. When a new object
type or surface arrives, it is added to this file.

Whoever may not read an object is told it does not exist (404); 403 only
where its existence is already known; anonymous visitors are sent to sign in.
The routes test_every_route_is_classified labels MATRIX must each be requested
here: the module fails after its last test when one is not.
"""

from __future__ import annotations

import io
import math
import re
import sys
from typing import Any
from urllib.parse import quote

import pytest
from django.urls import Resolver404, resolve
from PIL import Image

from colony.communities.models import Membership, PinnedPost
from colony.notifications.models import Notification
from colony.social.actions import do_block, do_upload_attachment
from colony.social.models import Post, Reaction
from colony.testing import follow, make_person, publish
from colony.tests.test_every_route_is_classified import CLASSIFIED, MATRIX

pytestmark = pytest.mark.django_db


# --- which routes the matrix requests ---------------------------------------------------
#
# Every request the matrix makes goes through a client that resolves its path and records the route
# pattern, named as test_every_route_is_classified names it. Once the whole module has run, every route
# labelled MATRIX there must have been requested here, or the module fails: a label cannot claim a check
# that does not exist.

REQUESTED: set[str] = set()


def _route(path: str) -> str | None:
    try:
        route = resolve(path.split("?", 1)[0]).route
    except Resolver404:
        return None
    # django-ninja writes path parameters as <name>; the classification uses the OpenAPI {name} form.
    return re.sub(r"<(\w+)>", r"{\1}", route) if route.startswith("api/v1/") else route


def _recording(client: Any) -> Any:
    """``client``, recording the route of every request it makes (redirects it follows included)."""
    send = client.request

    def request(**environ: Any) -> Any:
        route = _route(environ["PATH_INFO"])
        if route is not None:
            REQUESTED.add(route)
        return send(**environ)

    client.request = request
    return client


@pytest.fixture
def client(client):
    """The suite's client (which the ``api`` fixture also uses), recording what it requests."""
    return _recording(client)


def _expected_items(module: Any) -> int:
    """How many tests this module holds, parametrizations counted."""
    total = 0
    for name, function in vars(module).items():
        if name.startswith("test_") and callable(function):
            marks = [m for m in getattr(function, "pytestmark", []) if m.name == "parametrize"]
            total += math.prod(len(m.args[1]) for m in marks)
    return total


RAN: set[str] = set()  # the tests of this module that have run
FAILED_BEFORE: list[int] = []  # how many tests of the session had failed when the first of them started


@pytest.fixture(autouse=True)
def _count_the_tests_that_ran(request):
    yield
    RAN.add(request.node.nodeid)


@pytest.fixture(autouse=True, scope="module")
def _every_matrix_route_is_requested(request):
    """Once every test here has run (in whatever order): each route labelled MATRIX was requested by one.

    Skipped when only some of them ran (-k, a node id) or a test failed (its own report says more).
    """
    session = request.session
    if not FAILED_BEFORE:
        FAILED_BEFORE.append(session.testsfailed)
    yield
    if len(RAN) != _expected_items(sys.modules[__name__]) or session.testsfailed != FAILED_BEFORE[0]:
        return
    labelled = {route for route, why in CLASSIFIED.items() if why == MATRIX}
    never = sorted(labelled - REQUESTED)
    assert not never, f"labelled MATRIX in test_every_route_is_classified but never requested here: {never}"


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


# Refused requests answer with their status (404, 403) when htmx asks; without it, with a redirect and a message.
HTMX = {"HTTP_HX_REQUEST": "true"}


def _seen(allowed: bool, status: int = 200) -> int:
    """What a request about an object answers: ``status`` to whoever may read it, 404 to everyone else."""
    return status if allowed else 404


@pytest.mark.parametrize("visibility", list(AUDIENCE))
@pytest.mark.parametrize("persona", PERSONAS)
def test_a_post_reaches_exactly_its_audience_on_every_surface(cast, api, client, visibility, persona):
    post = _post(cast, visibility)
    viewer = cast[persona]
    allowed = persona in AUDIENCE[visibility]
    pid = str(post.pk)
    as_viewer = api(viewer)

    # the API and the pages, and what hangs off the post (context, history)
    assert as_viewer.get(f"/api/v1/posts/{pid}").status_code == _seen(allowed)
    assert as_viewer.get(f"/api/v1/posts/{pid}/context").status_code == _seen(allowed)
    assert as_viewer.get(f"/api/v1/posts/{pid}/history").status_code == _seen(allowed)
    client.force_login(viewer)
    for path in (f"/posts/{pid}", f"/posts/{pid}/history"):
        page = client.get(path)
        assert page.status_code == _seen(allowed), path
        assert ("Quarterly note" in page.content.decode()) is allowed, path
    # the author's profile: only the person they blocked finds nobody
    assert as_viewer.get("/api/v1/people/author").status_code == _seen(persona != "blocked")

    # search
    hits = as_viewer.get("/api/v1/search", q="quarterly note", type="posts").json()["posts"]
    assert (pid in [h["post"]["id"] for h in hits]) is allowed
    assert (f'id="post-{pid}"' in client.get("/search", {"q": "quarterly note"}).content.decode()) is allowed

    # feeds: the API's and the pages (Home, the organisation, the hashtag)
    assert (pid in _ids(as_viewer.get("/api/v1/timelines/home"))) is (persona in HOME[visibility])
    assert (pid in _ids(as_viewer.get("/api/v1/timelines/organisation"))) is (allowed and visibility == "organisation")
    assert (pid in _ids(as_viewer.get("/api/v1/timelines/tag/matrix"))) is allowed
    assert (pid in _ids(as_viewer.get("/api/v1/people/author/posts"))) is allowed
    for path, shown in (("/", persona in HOME[visibility]), ("/organisation", allowed and visibility == "organisation"),
                        ("/tags/matrix", allowed)):
        page = client.get(path)
        assert page.status_code == 200, path
        assert (f'id="post-{pid}"' in page.content.decode()) is shown, path

    # attachments
    url = post.attachments.get().file.url
    assert client.get(url).status_code == _seen(allowed)

    # the Django admin (only administrators get in; it shows them what they may read, nothing more)
    if persona == "admin":
        _assert_admin_reads(client, post, allowed)

    # notifications: only the mentioned person who may see it is told (API and page)
    notified = Notification.objects.filter(recipient=viewer, post=post).exists()
    assert notified is (persona == "mentioned")
    listed = [n["post_id"] for n in as_viewer.get("/api/v1/notifications").json()]
    assert (pid in listed) is (persona == "mentioned")
    notifications = client.get("/notifications")
    assert notifications.status_code == 200
    assert (f'href="/posts/{pid}"' in notifications.content.decode()) is (persona == "mentioned")

    # acting on it: react and take it back, reply, repost (API and pages). Whoever may not read the post is
    # told it does not exist, and nothing is written; a post that is not for the whole organisation is refused
    # (403) to a reposter who may read it.
    mine = Reaction.objects.filter(post=post, user=viewer)
    assert as_viewer.post(f"/api/v1/posts/{pid}/reactions", {"kind": "like"}).status_code == _seen(allowed)
    assert client.post(f"/posts/{pid}/react", {"kind": "thanks"}, **HTMX).status_code == _seen(allowed)
    assert sorted(mine.values_list("kind", flat=True)) == (["like", "thanks"] if allowed else [])
    assert as_viewer.delete(f"/api/v1/posts/{pid}/reactions/like").status_code == _seen(allowed)
    removed = client.post(f"/posts/{pid}/react", {"kind": "thanks", "action": "remove"}, **HTMX)
    assert removed.status_code == _seen(allowed)
    assert not mine.exists()
    if not allowed:  # with nobody's reaction to take back, the refusal is the same
        Reaction.objects.create(post=post, user=viewer, kind="like")
        assert as_viewer.delete(f"/api/v1/posts/{pid}/reactions/like").status_code == 404
        assert mine.exists()
        mine.delete()

    replies = Post.objects.filter(reply_to=post, author=viewer)
    assert as_viewer.post("/api/v1/posts", {"text": "Noted (API)", "reply_to": pid}).status_code == _seen(allowed, 201)
    composed = client.post("/posts/new", {"text": "Noted (page)", "reply_to": pid})
    assert composed.status_code == _seen(allowed, 302)
    if allowed:
        assert composed["Location"] == f"/posts/{pid}"
    assert replies.count() == (2 if allowed else 0)

    repostable = visibility == "organisation"
    reposted = 201 if repostable else 403
    assert as_viewer.post(f"/api/v1/posts/{pid}/repost", {"comment": "Worth a read"}).status_code == \
        _seen(allowed, reposted)
    assert client.post(f"/posts/{pid}/repost", **HTMX).status_code == _seen(allowed, 302 if repostable else 403)
    assert Post.objects.filter(repost_of=post, author=viewer).count() == (2 if allowed and repostable else 0)


MISSING_ID = 4_242_424_242  # no object has it


def _admin_not_found(client, url: str, object_id: int) -> None:
    """What the admin answers for an object that does not exist: a redirect to its index, which says so."""
    response = client.get(url, follow=True)
    assert response.redirect_chain[-1] == ("/admin/", 302), url
    assert f"ID “{object_id}” doesn’t exist" in response.content.decode(), url


def _assert_admin_reads(client, post: Post, allowed: bool) -> None:
    """The admin lists, searches, opens and shows the attachment of a post exactly when its reader may read it.

    Every admin page of the post, of its attachment and of its hashtags (a tag is words of its text) is asked
    for. One the administrator may not read gets the answer the admin gives for one that does not exist (a
    redirect to its index saying so). Posts and attachments are read-only there: their add and delete pages
    are refused (403) whatever the post.
    """
    attachment = post.attachments.get()
    tags = list(post.hashtags.all())
    assert tags
    for model, obj, shown in [("post", post, post.text), ("attachment", attachment, attachment.file.name),
                              *[("hashtag", tag, tag.name) for tag in tags]]:
        base = f"/admin/social/{model}/"
        change = f"{base}{obj.pk}/change/"
        listing = client.get(base)
        assert listing.status_code == 200
        assert (change in listing.content.decode()) is allowed, base
        if model != "attachment":  # (which has no search)
            words = " ".join(post.text.split()[:2]) if model == "post" else shown
            found = client.get(base, {"q": words})
            assert found.status_code == 200
            assert (change in found.content.decode()) is allowed, words
        read_only = model != "hashtag"
        pages = [change, f"{base}{obj.pk}/history/", f"{base}{obj.pk}/"]
        for url in pages if read_only else [*pages, f"{base}{obj.pk}/delete/"]:
            if allowed:
                page = client.get(url, follow=True)
                assert page.status_code == 200 and page.redirect_chain in ([], [(change, 302)]), url
            else:
                _admin_not_found(client, url, obj.pk)
        if allowed:
            assert shown in client.get(change).content.decode()
        else:
            _admin_not_found(client, f"{base}{MISSING_ID}/change/", MISSING_ID)  # the same as a missing one
        if read_only:
            for url in (f"{base}{obj.pk}/delete/", f"{base}add/"):
                refused = client.get(url)
                assert refused.status_code == 403, url
                assert shown not in refused.content.decode()
        else:  # an empty form for a new hashtag
            assert client.get(f"{base}add/").status_code == 200
    # the autocomplete search the admin's forms use (here: the post of an attachment)
    found = client.get("/admin/autocomplete/", {"app_label": "social", "model_name": "attachment",
                                                "field_name": "post", "term": post.text.split()[1]})
    assert found.status_code == 200
    assert (str(post.pk) in [r["id"] for r in found.json()["results"]]) is allowed
    # "view on site" names no object's page
    from django.contrib.contenttypes.models import ContentType

    assert client.get(f"/admin/r/{ContentType.objects.get_for_model(Post).pk}/{post.pk}/").status_code == 404


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


def _assert_sends_to_signin(response, path: str) -> None:
    """Anonymous visitors are sent to sign in, and back to ``path`` afterwards: nothing else is said."""
    assert response.status_code == 302, path
    assert response["Location"] == f"/signin?next={quote(path)}", path


def test_anonymous_visitors_see_nothing(cast, client, api):
    post = _post(cast, "organisation")
    pid = post.pk
    for path in (f"/posts/{pid}", post.attachments.get().file.url, "/", "/organisation", "/tags/matrix",
                 f"/posts/{pid}/history", "/notifications", "/guest", "/desk/audit", "/desk/audit.csv"):
        _assert_sends_to_signin(client.get(path), path)
    for path in (f"/posts/{pid}/react", f"/posts/{pid}/repost", "/posts/new"):
        _assert_sends_to_signin(client.post(path, {"kind": "like", "reply_to": pid, "text": "hi"}), path)
    for path in (f"/api/v1/posts/{pid}", "/api/v1/timelines/organisation", "/api/v1/people/author"):
        assert api().get(path).status_code == 401, path
    assert api().post("/api/v1/posts", {"text": "hi", "reply_to": str(pid)}).status_code == 401
    assert api().post(f"/api/v1/posts/{pid}/repost").status_code == 401
    assert api().delete(f"/api/v1/posts/{pid}/reactions/like").status_code == 401
    assert not Post.objects.exclude(pk=pid).exists() and not Reaction.objects.exists()
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

    assert as_viewer.get(f"/api/v1/communities/{community.pk}").status_code == _seen(knows_community)
    listed = {c["id"] for c in as_viewer.get("/api/v1/communities").json()}
    assert (str(community.pk) in listed) is knows_community
    assert as_viewer.get(f"/api/v1/posts/{pid}").status_code == _seen(allowed)
    client.force_login(viewer)
    page = client.get(f"/communities/{community.slug}")
    assert page.status_code == _seen(knows_community)
    assert (f'id="post-{pid}"' in page.content.decode()) is allowed
    assert client.get(f"/posts/{pid}").status_code == _seen(allowed)
    assert client.get(post.attachments.get().file.url).status_code == _seen(allowed)
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

    # acting on the community: only its owner pins the post; whoever knows the community is refused (403),
    # whoever may not know it finds nothing
    pinned = client.post(f"/communities/{community.slug}/pin", {"post_id": pid}, **HTMX)
    assert pinned.status_code == (302 if persona == "owner" else 403 if knows_community else 404)
    assert PinnedPost.objects.filter(community=community, post=post).exists() is (persona == "owner")
    # joining (the API): a secret community stays unknown to whoever is not in it
    joined = as_viewer.post(f"/api/v1/communities/{community.pk}/members", {"handle": viewer.username})
    requested = kind == "closed" and persona not in members
    assert joined.status_code == (202 if requested else _seen(knows_community))
    assert Membership.objects.filter(community=community, user=viewer).exists() is (knows_community and not requested)


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
def test_a_community_announcement_reaches_exactly_its_members(community_cast, api, client, kind, persona):
    from colony.announcements.actions import do_publish_announcement
    from colony.announcements.models import Acknowledgement

    people, communities = community_cast
    announcement = do_publish_announcement(author=people["owner"], text=f"Rota ({kind})",
                                           community=communities[kind])
    pid = str(announcement.post_id)
    viewer = people[persona]
    as_viewer = api(viewer)
    client.force_login(viewer)
    readable = persona != "blocked" and (kind == "open" or persona in {"owner", "member"})
    asked = persona == "member"  # recipients are the members; the author is not asked
    # The author, and administrators who may read the post, see the tracker, remind and close; anyone else who
    # may read it is refused; whoever may not finds nothing.
    manages = persona == "owner" or (persona == "admin" and readable)
    managed = 200 if manages else 403 if readable else 404

    assert (pid in [a["id"] for a in as_viewer.get("/api/v1/announcements").json()]) is asked
    home = client.get("/")
    assert home.status_code == 200
    assert (f'id="must-read-{pid}"' in home.content.decode()) is asked
    assert Notification.objects.filter(recipient=viewer, post_id=pid).exists() is asked
    assert as_viewer.get(f"/api/v1/announcements/{pid}/tracker").status_code == managed
    tracker = client.get(f"/announcements/{pid}/tracker")
    assert tracker.status_code == managed
    assert ('id="tracker"' in tracker.content.decode()) is manages  # who has (not) read it, by name

    # acknowledging it (API, then the page)
    acknowledged = Acknowledgement.objects.filter(announcement=announcement, user=viewer)
    assert as_viewer.post(f"/api/v1/announcements/{pid}/acknowledge").status_code == _seen(readable)
    assert acknowledged.exists() is readable
    acknowledged.delete()
    assert client.post(f"/announcements/{pid}/acknowledge", **HTMX).status_code == _seen(readable)
    assert acknowledged.exists() is readable

    # reminding and closing (the page; done, each redirects to the post)
    for action in ("remind", "close"):
        answer = client.post(f"/announcements/{pid}/{action}", **HTMX)
        assert answer.status_code == (302 if manages else managed), action
    announcement.refresh_from_db()
    assert (announcement.closed_at is not None) is manages
    reminded = Notification.objects.filter(post_id=pid, kind=Notification.Kind.REMINDER).exists()
    assert reminded is manages


# --- direct messages ----------------------------------------------------------------

@pytest.mark.parametrize("persona", ["sender", "recipient", "colleague", "admin"])
def test_a_direct_message_reaches_only_its_participants(db, api, client, persona):
    from colony.messaging.actions import do_start_conversation

    people = {name: make_person(name, admin=name == "admin") for name in ("sender", "recipient", "colleague", "admin")}
    conversation = do_start_conversation(sender=people["sender"], handles=["recipient"], text="salary question")
    allowed = persona in {"sender", "recipient"}
    as_viewer = api(people[persona])
    assert as_viewer.get(f"/api/v1/conversations/{conversation.pk}/messages").status_code == _seen(allowed)
    assert (str(conversation.pk) in [c["id"] for c in as_viewer.get("/api/v1/conversations").json()]) is allowed
    client.force_login(people[persona])
    page = client.get(f"/messages/{conversation.pk}")
    assert page.status_code == _seen(allowed)
    assert ("salary question" in page.content.decode()) is allowed
    inbox = client.get("/messages")
    assert inbox.status_code == 200
    assert (f'href="/messages/{conversation.pk}"' in inbox.content.decode()) is allowed
    # Messages are never searchable, never in timelines or notifications of anyone.
    assert as_viewer.get("/api/v1/search", q="salary question").json()["posts"] == []
    assert "salary question" not in as_viewer.get("/api/v1/timelines/home").content.decode()
    assert "salary question" not in as_viewer.get("/api/v1/notifications").content.decode()
    assert "salary question" not in client.get("/notifications").content.decode()
    # Only participants write to it; anyone else finds no conversation, and nothing is sent.
    sent = client.post(f"/messages/{conversation.pk}/send", {"text": "let me in"}, **HTMX)
    assert sent.status_code == _seen(allowed, 302)
    assert conversation.messages.filter(text="let me in").exists() is allowed


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
    for path in (f"/api/v1/announcements/{post.pk}/acknowledge", f"/api/v1/communities/{community.pk}/members"):
        assert anonymous.post(path, {"handle": "other"}).status_code == 401, path
    for path in (f"/communities/{community.slug}", f"/messages/{conversation.pk}", "/messages", "/search",
                 f"/announcements/{post.pk}/tracker"):
        _assert_sends_to_signin(client.get(path), path)
    for path in (f"/announcements/{post.pk}/acknowledge", f"/announcements/{post.pk}/close",
                 f"/messages/{conversation.pk}/send", f"/communities/{community.slug}/pin"):
        _assert_sends_to_signin(client.post(path, {"text": "hi", "post_id": post.pk}), path)
    assert Announcement.objects.get(post=post).closed_at is None
    assert conversation.messages.count() == 1


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
    from colony.asks.models import Response
    from colony.social.models import GuestAccess

    people, room = ask_cast
    with commit():
        ask = do_create_ask(
            author=people["asker"], need=f"Who can review the demand forecasting model ({audience})?",
            audience=audience, community=room if audience == "community" else None,
            people=[people["helper"], people["named"]] if audience == "people" else (),
        )
        GuestAccess.objects.create(guest=people["guest"], post_id=ask.pk)
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
        assert status == _seen(allowed)
        responses = api(viewer).get(f"/api/v1/asks/{pid}/responses")
        assert responses.status_code == _seen(allowed)
        seen = {r["id"] for r in responses.json()} if responses.status_code == 200 else set()
        assert (private.pk in seen) is (persona in ("asker", "helper"))
        matches = api(viewer).get(f"/api/v1/asks/{pid}").json().get("matches") if allowed else None
        assert (matches is not None) is (persona == "asker")
    client.force_login(viewer)
    page = client.get(f"/asks/{pid}")
    assert page.status_code == _seen(allowed)
    assert ("private pitch" in page.content.decode()) is (persona in ("asker", "helper"))
    # a guest's landing page lists the asks they were let into, and only those
    landing = client.get("/guest")
    assert landing.status_code == 200
    assert ("demand forecasting model" in landing.content.decode()) is (persona == "guest")

    # the response's document
    assert private.attachment is not None
    assert client.get(private.attachment.file.url).status_code == _seen(persona in ("asker", "helper"))

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

    # responding (the page): whoever may not read the ask finds nothing, and nothing is written; the asker
    # cannot answer their own ask and the helper has answered already (400)
    answered = client.post(f"/asks/{pid}/respond", {"kind": "help", "pitch": "I built one"}, **HTMX)
    assert answered.status_code == (404 if not allowed else 400 if persona in ("asker", "helper") else 302)
    assert Response.objects.filter(ask=ask, author=viewer, pitch="I built one").exists() is (
        allowed and persona not in ("asker", "helper"))


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
        opened = client.get(path)
        assert opened.status_code == _seen(readable), path
        assert (f"Runbook {space}" in opened.content.decode()) is readable, path
    index = client.get(space_url(community))
    assert index.status_code == _seen(readable)
    assert (f'href="{url}"' in index.content.decode()) is readable
    if persona == "admin":
        # the admin's "view on site" shortcut would redirect to the page, naming its space and title
        from django.contrib.contenttypes.models import ContentType

        shortcut = client.get(f"/admin/r/{ContentType.objects.get_for_model(page).pk}/{page.pk}/")
        assert shortcut.status_code == 404
        assert page.slug not in shortcut.get("Location", "")
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
        assert as_viewer.get(path).status_code == _seen(readable), path
    listing = as_viewer.get("/api/v1/wiki/pages", **({"community": community.pk} if community else {}))
    assert listing.status_code == _seen(readable)
    assert (str(page.pk) in _ids(listing)) is readable
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
        _assert_sends_to_signin(client.get(path), path)
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
        assert api(viewer).get(f"/api/v1/desk/drafts/{draft.pk}").status_code == _seen(allowed)
        log = api(viewer).get("/api/v1/desk/audit")
        assert log.status_code == 200
        assert (draft.pk in {e["draft_id"] for e in log.json()}) is allowed
        listed = {d["id"] for d in api(viewer).get("/api/v1/desk/drafts").json()}
        assert (draft.pk in listed) is (persona in ("author", "delegate"))
    client.force_login(viewer)
    page = client.get(f"/desk/{draft.pk}")
    assert page.status_code == _seen(allowed)
    assert ("margins to double" in page.content.decode()) is allowed
    # the audit log's page and its exports: for the desk's people only, each reading what they may
    uses_desk = persona in ("author", "delegate", "reviewer", "admin")
    for path in ("/desk/audit", "/desk/audit.csv", "/desk/audit.json"):
        log_page = client.get(path)
        assert log_page.status_code == _seen(uses_desk), path
        assert ("margins to double" in log_page.content.decode()) is allowed, path
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
    admin_page = _recording(Client())
    admin_page.force_login(viewer)
    listing = admin_page.get("/admin/people/accountevent/")
    if persona == "admin":
        assert listing.status_code == 200 and "@owner" in listing.content.decode()
    else:  # the admin's own sign-in page, which says nothing of what is inside
        assert listing.status_code == 302
        assert listing["Location"] == f"/admin/login/?next={quote('/admin/people/accountevent/')}"
    assert AccountEvent.objects.filter(user=owner).count() == 1
