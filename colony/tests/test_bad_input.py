"""Bad input gets a clear 4xx that says what to fix, never a 500, and changes nothing.

The cases from the security audit: numbers no id column can hold (10^23, 2^63)
as cursors, offsets, path ids and body fields; search dates at the ends of the
calendar; and lists longer than an endpoint takes. SQLite raises OverflowError
on such a number and PostgreSQL a DataError, so every check happens before a
query is made. The API answers in its one error shape; pages with a 400 page,
their usual message, or a 404 for an id in the path.
"""

from __future__ import annotations

import functools
import json
import re
from datetime import UTC, date, datetime, time
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from colony.core.ids import id_at, id_floor, parse_id
from colony.notifications.models import Notification
from colony.social.models import GuestAccess, Post, Reaction
from colony.testing import publish

pytestmark = pytest.mark.django_db

HUGE = 10**23
OUT_OF_RANGE = [
    pytest.param(10**23, id="10^23"),
    pytest.param(2**63, id="2^63"),
    pytest.param(-(2**63) - 1, id="-2^63-1"),
]


@pytest.fixture
def world(member, leader) -> dict[str, Any]:
    """A community, a conversation, a tagged post, and three notifications for member."""
    from colony.communities.actions import do_create_community
    from colony.messaging.actions import do_start_conversation

    community = do_create_community(creator=member, name="Crew")
    conversation = do_start_conversation(sender=member, handles=["leader"], text="hello")
    publish(member, "hello #colony roadmap")
    for i in range(3):
        publish(leader, f"@member note {i}")
    return {"community": community.pk, "slug": community.slug, "conversation": conversation.pk}


def unread(user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def assert_refused(response, field: str) -> dict[str, Any]:
    assert response.status_code == 400, response.content[:500]
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert error["field"] == field
    assert error["message"]
    return error


# --- ids --------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "expected"), [
    ("0", 0), ("42", 42), ("-7", -7), (str(2**63 - 1), 2**63 - 1), (str(-(2**63)), -(2**63)), (2**63 - 1, 2**63 - 1),
    (str(2**63), None), (str(-(2**63) - 1), None), (10**23, None), ("9" * 5000, None), ("²", None), ("١٢", None),
    ("12abc", None), ("", None), (" 12", None), ("+12", None), (True, None), (None, None), (1.5, None),
])
def test_only_numbers_an_id_column_holds_are_ids(value, expected):
    assert parse_id(value) == expected


@pytest.mark.parametrize(("day", "expected"), [("0001-01-01", -(2**63)), ("1900-06-30", -(2**63)),
                                                ("2999-12-31", 2**63 - 1), ("9999-12-31", 2**63 - 1)])
def test_dates_outside_the_id_range_clamp_to_its_ends(day, expected):
    assert id_floor(datetime.combine(date.fromisoformat(day), time.min, tzinfo=UTC)) == expected


def test_dates_inside_the_id_range_keep_their_order():
    moment = datetime(2024, 5, 1, tzinfo=UTC)
    assert id_floor(moment) == id_at(moment) < id_at(moment, 5)
    assert id_floor(datetime(2019, 1, 1, tzinfo=UTC)) < 0 < id_floor(moment)


# --- the API: numbers in the query ------------------------------------------------------

QUERY_NUMBERS = [
    ("/api/v1/timelines/home", "max_id"), ("/api/v1/timelines/home", "since_id"),
    ("/api/v1/timelines/organisation", "max_id"), ("/api/v1/timelines/organisation", "since_id"),
    ("/api/v1/timelines/tag/colony", "max_id"), ("/api/v1/timelines/tag/colony", "since_id"),
    ("/api/v1/people/leader/posts", "max_id"), ("/api/v1/people/leader/posts", "since_id"),
    ("/api/v1/communities/{community}/posts", "max_id"),
    ("/api/v1/notifications", "max_id"), ("/api/v1/notifications", "since_id"),
    ("/api/v1/conversations/{conversation}/messages", "max_id"),
    ("/api/v1/conversations/{conversation}/messages", "since_id"),
    ("/api/v1/asks", "before"),
    ("/api/v1/people", "offset"), ("/api/v1/people", "limit"),
    ("/api/v1/search", "offset"), ("/api/v1/search", "limit"), ("/api/v1/search", "community"),
]


@pytest.mark.parametrize(("path", "param"), QUERY_NUMBERS)
@pytest.mark.parametrize("value", OUT_OF_RANGE)
def test_the_api_refuses_a_number_no_id_column_can_hold(api, member, world, path, param, value):
    response = api(member).get(path.format(**world), **{param: value}, q="roadmap")
    error = assert_refused(response, param)
    assert param in error["message"]


@pytest.mark.parametrize(("path", "param"), [q for q in QUERY_NUMBERS if q[1] in ("max_id", "since_id", "before")])
@pytest.mark.parametrize("value", [2**63 - 1, -(2**63), 0])
def test_the_api_takes_every_cursor_an_id_column_can_hold(api, member, world, path, param, value):
    assert api(member).get(path.format(**world), **{param: value}).status_code == 200


@pytest.mark.parametrize("params", [{"limit": 10**6}, {"limit": -5}, {"offset": -5}, {"offset": 2**62}, {"limit": 0}])
def test_the_people_directory_still_clamps_limits_and_offsets_inside_the_range(api, member, world, params):
    response = api(member).get("/api/v1/people", **params)
    assert response.status_code == 200
    assert len(response.json()) <= 100


# --- the API: every integer path, query and body field, from the OpenAPI schema -----------

@functools.cache
def _schema() -> dict[str, Any]:
    from colony.api import api

    return api.get_openapi_schema()


def _example(schema: dict[str, Any], components: dict[str, Any]) -> Any:
    """A small valid value for ``schema``: required fields only, the first option of a union."""
    if "$ref" in schema:
        return _example(components[schema["$ref"].rsplit("/", 1)[-1]], components)
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            options = [s for s in schema[key] if s.get("type") != "null"]
            return _example(options[0], components)
    if "default" in schema:
        return schema["default"]
    if "enum" in schema:
        return schema["enum"][0]
    kind = str(schema.get("type"))
    if kind == "object":
        required = schema.get("required", [])
        return {name: _example(prop, components) for name, prop in schema.get("properties", {}).items()
                if name in required}
    return {"array": [], "integer": 1, "number": 1, "boolean": True,
            "string": "2099-01-01" if schema.get("format") == "date" else "x"}.get(kind)


def _is_integer(schema: dict[str, Any]) -> bool:
    return schema.get("type") == "integer" or any(s.get("type") == "integer" for s in schema.get("anyOf", []))


def _operations() -> list[tuple[str, str, dict[str, Any]]]:
    return [(method, path, op) for path, methods in _schema()["paths"].items() for method, op in methods.items()]


def _call(client, headers: dict[str, Any], method: str, path: str, op: dict[str, Any], *,
          path_ints: int = 1, query: dict[str, Any] | None = None, body: dict[str, Any] | None = None):
    components = _schema().get("components", {}).get("schemas", {})
    query = dict(query or {})
    for param in op.get("parameters", []):
        if param["in"] == "path":
            value = path_ints if _is_integer(param["schema"]) else {"kind": "like"}.get(param["name"], "member")
            path = path.replace("{" + param["name"] + "}", str(value))
        elif param["in"] == "query" and param.get("required"):
            query.setdefault(param["name"], _example(param["schema"], components))
    content = op.get("requestBody", {}).get("content", {})
    data: Any = ""
    content_type = "application/json"
    if "application/json" in content:
        data = _example(content["application/json"]["schema"], components)
        data = json.dumps({**data, **(body or {})})
    elif content:
        content_type = next(iter(content))
        data = "" if content_type != "multipart/form-data" else {}
    if query:
        path += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    if isinstance(data, dict):
        return client.generic(method.upper(), path, **headers) if not data else client.post(path, data, **headers)
    return client.generic(method.upper(), path, data, content_type=content_type, **headers)


PATH_ID_OPERATIONS = [
    pytest.param(method, path, op, id=f"{method.upper()} {path}")
    for method, path, op in _operations()
    if any(p["in"] == "path" and _is_integer(p["schema"]) for p in op.get("parameters", []))
]
QUERY_INT_OPERATIONS = [
    pytest.param(method, path, op, param["name"], id=f"{method.upper()} {path} ?{param['name']}")
    for method, path, op in _operations()
    for param in op.get("parameters", [])
    if param["in"] == "query" and _is_integer(param["schema"])
]


def _body_int_operations() -> list[Any]:
    schema = _schema()
    components = schema.get("components", {}).get("schemas", {})
    found = []
    for method, path, op in _operations():
        body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
        if not body:
            continue
        if "$ref" in body:
            body = components[body["$ref"].rsplit("/", 1)[-1]]
        for name, prop in body.get("properties", {}).items():
            # Two schemas called EditIn (posts, wiki) share one OpenAPI name: the posts' has no numbers.
            if _is_integer(prop) and not (path == "/api/v1/posts/{post_id}" and name == "base_revision"):
                found.append(pytest.param(method, path, op, name, id=f"{method.upper()} {path} {name}"))
    return found


@pytest.mark.parametrize(("method", "path", "op"), PATH_ID_OPERATIONS)
def test_every_api_path_with_an_id_no_column_can_hold_is_not_found(client, api, member, method, path, op):
    signed_in = api(member)
    response = _call(client, signed_in.headers, method, path, op, path_ints=HUGE)
    assert response.status_code == 404, response.content[:500]
    assert response.json()["error"]["code"] == "not_found"


@pytest.mark.parametrize(("method", "path", "op", "name"), QUERY_INT_OPERATIONS)
@pytest.mark.parametrize("value", OUT_OF_RANGE)
def test_every_api_query_number_out_of_range_is_refused_by_name(client, api, member, method, path, op, name, value):
    signed_in = api(member)
    response = _call(client, signed_in.headers, method, path, op, query={name: value})
    assert_refused(response, name)


@pytest.mark.parametrize(("method", "path", "op", "name"), _body_int_operations())
def test_every_api_body_number_out_of_range_is_refused_by_name(client, api, member, method, path, op, name):
    signed_in = api(member)
    posts = Post.objects.count()
    response = _call(client, signed_in.headers, method, path, op, body={name: HUGE})
    assert_refused(response, name)
    assert Post.objects.count() == posts


# --- the API: writes that refuse change nothing --------------------------------------------

def test_marking_notifications_read_up_to_an_impossible_id_is_refused_and_marks_nothing(api, member, world):
    response = api(member).post("/api/v1/notifications/read", {"up_to_id": HUGE})
    assert_refused(response, "up_to_id")
    assert unread(member) == 3


def test_marking_an_impossible_notification_id_read_is_refused_and_marks_nothing(api, member, world):
    response = api(member).post("/api/v1/notifications/read", {"ids": [1, HUGE]})
    assert_refused(response, "ids")
    assert unread(member) == 3


def post_compact(client, api_client, path: str, body: dict[str, Any]):
    """POST ``body`` as JSON without spaces: the most items under the request size limit."""
    return client.post(path, json.dumps(body, separators=(",", ":")), content_type="application/json",
                       **api_client.headers)


def short_names(count: int) -> list[str]:
    """``count`` different names of at most four characters."""
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
    names = []
    for i in range(count):
        name = ""
        while True:
            i, digit = divmod(i, len(alphabet))
            name += alphabet[digit]
            if not i:
                break
        names.append(name)
    return names


# 300,000 different values still fit in a 2 MB body, and are more than SQLite
# takes in one query (250,000 variables in common builds): a 500 before the caps.
@pytest.mark.parametrize("count", [501, 40_000, 300_000])
def test_marking_too_many_notifications_read_at_once_is_refused_and_marks_nothing(client, api, member, world,
                                                                                  count):
    ids = [n.pk for n in Notification.objects.filter(recipient=member)]
    response = post_compact(client, api(member), "/api/v1/notifications/read",
                            {"ids": ids + list(range(1, count - len(ids) + 1))})
    error = assert_refused(response, "ids")
    assert "500" in error["message"]
    assert unread(member) == 3


def test_a_million_notification_ids_are_refused_and_mark_nothing(client, api, member, world):
    response = post_compact(client, api(member), "/api/v1/notifications/read", {"ids": list(range(1_000_000))})
    assert response.status_code in (400, 413), response.content[:500]  # 413: over the request size limit
    if response.status_code == 400:
        assert response.json()["error"]["field"] == "ids"
    assert unread(member) == 3


def test_marking_up_to_five_hundred_notifications_read_still_works(api, member, world):
    ids = [n.pk for n in Notification.objects.filter(recipient=member)]
    response = api(member).post("/api/v1/notifications/read", {"ids": ids + list(range(1, 498))})
    assert response.status_code == 200
    assert response.json() == {"marked": 3, "unread": 0}


@pytest.mark.parametrize("count", [201, 40_000, 260_000])
def test_asks_preview_refuses_a_long_exclude_list(client, api, member, world, count):
    response = post_compact(client, api(member), "/api/v1/asks/preview",
                            {"text": "Who knows Python?", "exclude": short_names(count)})
    error = assert_refused(response, "exclude")
    assert "200" in error["message"]


def test_asks_preview_refuses_seven_hundred_thousand_exclusions(client, api, member, world):
    response = post_compact(client, api(member), "/api/v1/asks/preview",
                            {"text": "Who knows Python?", "exclude": short_names(700_000)})
    assert response.status_code in (400, 413), response.content[:500]  # 413: over the request size limit
    if response.status_code == 400:
        assert response.json()["error"]["field"] == "exclude"


def test_asks_preview_takes_two_hundred_exclusions(api, member, world):
    response = api(member).post("/api/v1/asks/preview", {"text": "Who knows Python?",
                                                         "exclude": [f"p{i}" for i in range(200)]})
    assert response.status_code == 200


@pytest.mark.parametrize(("field", "count"), [("skills", 201), ("languages", 51)])
def test_a_profile_with_too_many_skills_or_languages_is_refused_and_unchanged(api, member, field, count):
    values = [chr(97 + i // 26) + chr(97 + i % 26) for i in range(count)]
    response = api(member).patch("/api/v1/me", {field: values, "title": "Changed"})
    assert_refused(response, field)
    member.refresh_from_db()
    assert member.title == "Engineer"
    assert not member.skills.exists()


def test_an_ask_naming_too_many_skills_is_refused_before_any_work(api, member):
    response = api(member).post("/api/v1/asks", {"need": "Help with a launch", "skills": ["x"] * 10_000})
    assert_refused(response, "skills")
    assert not Post.objects.filter(author=member).exists()


@pytest.mark.parametrize(("path", "body", "field"), [
    ("/api/v1/posts", {"text": "hi", "attachment_ids": list(range(1, 10_001))}, "attachments"),
    ("/api/v1/conversations", {"text": "hi", "participants": [f"p{i}" for i in range(10_000)]}, "participants"),
])
def test_other_long_lists_are_refused_by_their_action_before_any_query(api, member, leader, path, body, field):
    posts = Post.objects.count()
    response = api(member).post(path, body)
    assert_refused(response, field)
    assert Post.objects.count() == posts


def test_reacting_to_an_impossible_post_is_not_found_and_adds_nothing(api, member, world):
    response = api(member).post(f"/api/v1/posts/{HUGE}/reactions", {"kind": "like"})
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert not Reaction.objects.exists()


@pytest.mark.parametrize("reply_to", [str(HUGE), "²", "9" * 5000])
def test_replying_to_an_impossible_post_by_text_is_not_found_and_publishes_nothing(api, member, world, reply_to):
    posts = Post.objects.count()
    response = api(member).post("/api/v1/posts", {"text": "a reply", "reply_to": reply_to})
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert Post.objects.count() == posts


def test_an_invitation_to_an_impossible_ask_is_not_found_and_invites_nobody(api, member):
    response = api(member).post(f"/api/v1/asks/{HUGE}/invitations", {"name": "Guest"})
    assert response.status_code == 404
    assert not GuestAccess.objects.exists()


# --- the API: search dates at the ends of the calendar --------------------------------------

@pytest.mark.parametrize("dates", [
    {"since": "0001-01-01"}, {"until": "9999-12-31"}, {"since": "0001-01-01", "until": "9999-12-31"},
    {"since": "1900-01-01", "until": "2999-12-31"},
])
def test_search_dates_at_the_ends_of_the_calendar_mean_from_the_beginning_or_to_the_end(api, member, world, dates):
    response = api(member).get("/api/v1/search", q="roadmap", type="posts", **dates)
    assert response.status_code == 200, response.content[:500]
    assert [hit["post"]["text"] for hit in response.json()["posts"]] == ["hello #colony roadmap"]


@pytest.mark.parametrize("dates", [{"since": "9999-12-31"}, {"until": "0001-01-01"}, {"until": "2019-12-31"}])
def test_search_dates_outside_every_post_find_nothing(api, member, world, dates):
    response = api(member).get("/api/v1/search", q="roadmap", type="posts", **dates)
    assert response.status_code == 200, response.content[:500]
    assert response.json()["posts"] == []


# --- pages ---------------------------------------------------------------------------------

PAGE_CURSORS = [
    ("/", "max_id"), ("/", "since_id"), ("/organisation", "max_id"), ("/organisation", "since_id"),
    ("/tags/colony", "max_id"), ("/@leader", "max_id"), ("/notifications", "max_id"),
    ("/communities/{slug}", "max_id"),
]
BAD_NUMBERS = [str(10**23), str(2**63), str(-(2**63) - 1), "²", "9" * 5000, "12abc"]


@pytest.mark.parametrize(("path", "param"), PAGE_CURSORS)
@pytest.mark.parametrize("value", BAD_NUMBERS)
def test_pages_refuse_a_cursor_that_is_no_id_with_a_400_page(client, member, world, path, param, value):
    client.force_login(member)
    response = client.get(path.format(**world), {param: value})
    assert response.status_code == 400
    assert param in response.content.decode()


@pytest.mark.parametrize(("path", "param"), PAGE_CURSORS)
def test_pages_take_the_largest_id(client, member, world, path, param):
    client.force_login(member)
    assert client.get(path.format(**world), {param: str(2**63 - 1)}).status_code == 200


def _page_routes(resolver: URLResolver | None = None, prefix: str = "") -> list[str]:
    routes = []
    for entry in (resolver or get_resolver()).url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            if not route.startswith(("admin/", "api/")):
                routes += _page_routes(entry, route)
        elif isinstance(entry, URLPattern) and ("<int:" in route or "<id:" in route):
            routes.append(route)
    return routes


def _fill(route: str) -> str:
    route = re.sub(r"<(int|id):\w+>", str(HUGE), route)
    return re.sub(r"<(str|slug):\w+>", "x", route)


@pytest.mark.parametrize("route", _page_routes())
@pytest.mark.parametrize("method", ["get", "post"])
def test_every_page_with_an_id_no_column_can_hold_is_not_found(client, member, route, method):
    client.force_login(member)
    posts = Post.objects.count()
    response = getattr(client, method)("/" + _fill(route))
    assert response.status_code == 404
    assert Post.objects.count() == posts


@pytest.mark.parametrize("value", [str(HUGE), "²", "9" * 5000, "x"])
def test_marking_notifications_read_on_the_web_up_to_a_bad_id_is_refused_and_marks_nothing(client, member, world,
                                                                                            value):
    client.force_login(member)
    response = client.post("/notifications/read", {"up_to_id": value}, follow=True)
    assert response.status_code == 200
    assert unread(member) == 3
    assert any(m.level_tag == "error" for m in response.context["messages"])


def test_marking_notifications_read_on_the_web_with_no_id_marks_them_all(client, member, world):
    client.force_login(member)
    client.post("/notifications/read", {})
    assert unread(member) == 0


@pytest.mark.parametrize("days", ["²", "9" * 5000, "-3", str(HUGE)])
def test_going_away_for_a_bad_number_of_days_is_refused_and_changes_nothing(client, member, days):
    client.force_login(member)
    response = client.post("/asks/away", {"days": days}, follow=True)
    assert response.status_code == 200
    assert "1 to 365" in response.content.decode()
    member.refresh_from_db()
    assert member.away_until is None


@pytest.mark.parametrize("page", ["²", "9" * 5000, str(HUGE), "-1"])
def test_the_search_page_treats_a_bad_page_number_as_the_first_or_last_page(client, member, world, page):
    client.force_login(member)
    response = client.get("/search", {"q": "roadmap", "page": page})
    assert response.status_code == 200
    assert "roadmap" in response.content.decode()


def test_the_asks_preview_page_refuses_a_long_skill_list(client, member):
    client.force_login(member)
    response = client.post("/asks/preview", {"need": "Help with a launch", "skills": ",".join(["x"] * 10_000)},
                           HTTP_HX_REQUEST="true")
    assert response.status_code == 400


@pytest.mark.parametrize("value", ["²", "9" * 5000, str(HUGE)])
def test_form_numbers_on_wiki_community_and_desk_pages_are_never_a_500(client, member, leader, value):
    from django.contrib.auth.models import Permission

    from colony.communities.actions import do_create_community
    from colony.desk.models import BrandTerm
    from colony.wiki.actions import do_create_page

    page = do_create_page(author=member, title="Runbook", text="one")
    client.force_login(member)
    assert client.get(f"{page.url('diff')}?from={value}&to=1").status_code in (200, 404)
    edit = client.post(page.url("edit"), {"text": "two", "base_revision": value})
    assert edit.status_code in (400, 409) and page.revisions.count() == 1
    assert client.post(page.url("restore"), {"revision": value}).status_code == 404
    community = do_create_community(creator=member, name="Pinboard")
    pinned = client.post(f"/communities/{community.slug}/pin", {"post_id": value})
    assert pinned.status_code in (302, 404)
    member.user_permissions.add(Permission.objects.get(content_type__app_label="desk", codename="manage_policy"))
    BrandTerm.objects.create(kind="banned", term="synergy")
    removed = client.post("/desk/policy", {"form": "remove-term", "term_id": value})
    assert removed.status_code == 302 and BrandTerm.objects.count() == 1


@pytest.mark.parametrize("number", [str(HUGE), "9" * 300, "-1"])
def test_a_reset_link_for_an_impossible_account_is_simply_not_valid(client, number):
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    response = client.get(f"/reset/{urlsafe_base64_encode(force_bytes(number))}/abc-def")
    assert response.status_code == 400  # the "this link does not work" page, never a 500
    assert "does not work" in response.content.decode()
