"""Only owners change roles; moderators look after members and posts, never after other moderators.

Each refused request is checked for what it must not have changed: the
memberships, the join requests and the moderation log.
"""

from __future__ import annotations

import pytest

from colony.communities.actions import do_add_member, do_create_community
from colony.communities.models import (
    Community,
    JoinRequest,
    Membership,
    ModerationAction,
    PinnedPost,
)
from colony.social.models import Post
from colony.testing import make_person, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def guild(leader, member, outsider) -> Community:
    """Lena owns it, Max moderates it, Olga is a plain member."""
    community = do_create_community(creator=leader, name="Guild", kind="closed")
    do_add_member(moderator=leader, community=community, person=member, role="moderator")
    do_add_member(moderator=leader, community=community, person=outsider)
    return community


def roles(community: Community) -> dict[str, str]:
    return dict(community.memberships.values_list("user__username", "role"))


def snapshot(community: Community) -> tuple:
    return (roles(community), sorted(community.join_requests.values_list("user__username", flat=True)),
            ModerationAction.objects.filter(community=community).count())


def members_url(community: Community) -> str:
    return f"/api/v1/communities/{community.pk}/members"


def assert_forbidden(response) -> None:
    assert response.status_code == 403, response.content
    error = response.json()["error"]
    assert error["code"] == "forbidden" and error["message"]


# --- the API ------------------------------------------------------------------


def test_a_moderator_cannot_add_someone_directly_as_a_moderator(api, guild, member):
    newcomer = make_person("newcomer")
    before = snapshot(guild)
    assert_forbidden(api(member).post(members_url(guild), {"handle": "newcomer", "role": "moderator"}))
    assert snapshot(guild) == before
    assert not Membership.objects.filter(user=newcomer).exists()


def test_a_moderator_cannot_approve_a_request_to_join_as_a_moderator(api, guild, member):
    newcomer = make_person("newcomer")
    JoinRequest.objects.create(community=guild, user=newcomer)
    before = snapshot(guild)
    assert_forbidden(api(member).post(members_url(guild), {"handle": "newcomer", "role": "moderator"}))
    assert snapshot(guild) == before  # the request is still waiting, nobody joined


def test_a_moderator_cannot_remove_a_member_and_add_them_back_as_a_moderator(api, guild, member):
    as_moderator = api(member)
    assert as_moderator.delete(f"{members_url(guild)}/outsider").status_code == 204
    assert "outsider" not in roles(guild)
    assert_forbidden(as_moderator.post(members_url(guild), {"handle": "outsider", "role": "moderator"}))
    assert "outsider" not in roles(guild)


def test_a_moderator_cannot_promote_or_demote_anyone(api, guild, member):
    second = make_person("second")
    do_add_member(moderator=guild.created_by, community=guild, person=second, role="moderator")
    before = snapshot(guild)
    as_moderator = api(member)
    assert_forbidden(as_moderator.post(members_url(guild), {"handle": "outsider", "role": "moderator"}))
    assert_forbidden(as_moderator.post(members_url(guild), {"handle": "second", "role": "member"}))
    assert snapshot(guild) == before


def test_a_moderator_cannot_remove_another_moderator(api, guild, member):
    second = make_person("second")
    do_add_member(moderator=guild.created_by, community=guild, person=second, role="moderator")
    before = snapshot(guild)
    assert_forbidden(api(member).delete(f"{members_url(guild)}/second"))
    assert_forbidden(api(second).delete(f"{members_url(guild)}/member"))
    assert snapshot(guild) == before


def test_nobody_removes_or_demotes_an_owner(api, guild, leader, member):
    co_owner = make_person("coowner")
    Membership.objects.create(community=guild, user=co_owner, role="owner")
    before = snapshot(guild)
    assert_forbidden(api(member).delete(f"{members_url(guild)}/leader"))
    assert_forbidden(api(leader).delete(f"{members_url(guild)}/coowner"))
    assert_forbidden(api(leader).post(members_url(guild), {"handle": "coowner", "role": "member"}))
    assert_forbidden(api(leader).post(members_url(guild), {"handle": "coowner", "role": "moderator"}))
    assert snapshot(guild) == before
    # The owner's own leaving is still the way out.
    assert api(co_owner).delete(f"{members_url(guild)}/coowner").status_code == 204
    assert "coowner" not in roles(guild)


def test_nobody_can_be_added_as_an_owner(api, guild, leader):
    make_person("newcomer")
    before = snapshot(guild)
    response = api(leader).post(members_url(guild), {"handle": "newcomer", "role": "owner"})
    assert response.status_code == 400 and response.json()["error"]["field"] == "role"
    assert snapshot(guild) == before


def test_an_owner_adds_promotes_demotes_and_removes_moderators_and_it_is_recorded(api, guild, leader):
    newcomer = make_person("newcomer")
    as_owner = api(leader)
    added = as_owner.post(members_url(guild), {"handle": "newcomer", "role": "moderator"})
    assert added.status_code == 200 and added.json()["role"] == "moderator"
    assert roles(guild)["newcomer"] == "moderator"
    assert as_owner.post(members_url(guild), {"handle": "newcomer", "role": "member"}).json()["role"] == "member"
    assert as_owner.post(members_url(guild), {"handle": "newcomer", "role": "moderator"}).status_code == 200
    assert as_owner.delete(f"{members_url(guild)}/newcomer").status_code == 204
    assert "newcomer" not in roles(guild)
    log = list(ModerationAction.objects.filter(community=guild, target_user=newcomer)
               .order_by("id").values_list("kind", "detail"))
    assert log == [("add", ""), ("role", "member"), ("role", "moderator"), ("remove_member", "")]


def test_moderators_still_add_approve_decline_and_remove_plain_members(api, client, guild, member):
    people = {handle: make_person(handle) for handle in ("newcomer", "asker", "declined", "webasker")}
    for handle in ("asker", "declined", "webasker"):
        JoinRequest.objects.create(community=guild, user=people[handle])
    as_moderator = api(member)
    assert as_moderator.post(members_url(guild), {"handle": "newcomer"}).json()["role"] == "member"
    assert as_moderator.post(members_url(guild), {"handle": "asker", "role": "member"}).json()["role"] == "member"
    assert as_moderator.delete(f"{members_url(guild)}/outsider").status_code == 204
    client.force_login(member)
    act(client, guild, "approve", handle="webasker")
    act(client, guild, "decline", handle="declined")
    assert roles(guild) == {"leader": "owner", "member": "moderator", "newcomer": "member", "asker": "member",
                            "webasker": "member"}
    assert not guild.join_requests.exists()
    kinds = sorted(ModerationAction.objects.filter(community=guild, actor=member).values_list("kind", flat=True))
    assert kinds == ["add", "approve", "approve", "decline", "remove_member"]


def test_moderators_still_remove_and_pin_posts(api, client, guild, member, outsider):
    post = publish(outsider, "Off topic", community=guild)
    pinned = publish(outsider, "House rules", community=guild)
    client.force_login(member)
    client.post(f"/communities/{guild.slug}/pin", {"post_id": pinned.pk})
    assert api(member).delete(f"/api/v1/communities/{guild.pk}/posts/{post.pk}").status_code == 204
    assert Post.objects.get(pk=post.pk).deleted_at is not None
    assert PinnedPost.objects.filter(community=guild, post=pinned).exists()


def test_leaving_by_your_own_handle_still_works_for_a_moderator(api, guild, member):
    assert api(member).delete(f"{members_url(guild)}/member").status_code == 204
    assert "member" not in roles(guild)


# --- the pages ----------------------------------------------------------------


def act(client, community: Community, action: str, **data):
    return client.post(f"/communities/{community.slug}/{action}", data, follow=True)


def test_on_the_web_a_moderator_cannot_make_anyone_a_moderator(client, guild, member):
    newcomer = make_person("newcomer")
    JoinRequest.objects.create(community=guild, user=newcomer)
    before = snapshot(guild)
    client.force_login(member)
    for handle in ("outsider", "newcomer"):  # a member, and someone not yet in the community
        page = act(client, guild, "make_moderator", handle=handle).content.decode()
        assert "Only an owner can" in page
    assert snapshot(guild) == before


def test_on_the_web_a_moderator_cannot_demote_or_remove_another_moderator(client, guild, member):
    second = make_person("second")
    do_add_member(moderator=guild.created_by, community=guild, person=second, role="moderator")
    before = snapshot(guild)
    client.force_login(member)
    assert "Only an owner can" in act(client, guild, "make_member", handle="second").content.decode()
    assert "Only an owner can" in act(client, guild, "remove", handle="second").content.decode()
    assert snapshot(guild) == before


def test_on_the_web_nobody_removes_or_demotes_an_owner(client, guild, leader, member):
    co_owner = make_person("coowner")
    Membership.objects.create(community=guild, user=co_owner, role="owner")
    before = snapshot(guild)
    client.force_login(member)
    assert "Nobody can remove an owner" in act(client, guild, "remove", handle="leader").content.decode()
    client.force_login(leader)
    assert "Nobody can remove an owner" in act(client, guild, "remove", handle="coowner").content.decode()
    assert "cannot be changed" in act(client, guild, "make_member", handle="coowner").content.decode()
    assert snapshot(guild) == before


def test_on_the_web_an_action_on_someone_needs_their_handle(client, guild, member):
    before = snapshot(guild)
    client.force_login(member)
    for action in ("make_moderator", "make_member", "remove", "add", "approve", "decline"):
        assert "give the person&#x27;s handle" in act(client, guild, action).content.decode()
    assert snapshot(guild) == before


def test_on_the_web_a_refusal_comes_back_to_htmx_as_a_403_fragment(client, guild, member):
    before = snapshot(guild)
    client.force_login(member)
    response = client.post(f"/communities/{guild.slug}/make_moderator", {"handle": "outsider"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 403 and response["HX-Retarget"] == "#alerts"
    assert "Only an owner can" in response.content.decode()
    assert snapshot(guild) == before


def test_on_the_web_an_owner_promotes_demotes_and_removes_a_moderator(client, guild, leader, outsider):
    client.force_login(leader)
    act(client, guild, "make_moderator", handle="outsider")
    assert roles(guild)["outsider"] == "moderator"
    act(client, guild, "make_member", handle="member")
    assert roles(guild)["member"] == "member"
    act(client, guild, "remove", handle="outsider")
    assert "outsider" not in roles(guild)


def test_the_members_page_offers_removing_moderators_only_to_owners(client, guild, leader, member):
    def remove_buttons() -> int:
        return client.get(f"/communities/{guild.slug}/members").content.decode().count("/remove\"")

    client.force_login(leader)
    assert remove_buttons() == 2  # Max the moderator and Olga the member
    client.force_login(member)
    assert remove_buttons() == 1  # Olga only
