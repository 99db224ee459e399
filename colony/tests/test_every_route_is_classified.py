"""Every URL the project serves is classified for privacy, or this test fails.

When a new page or endpoint appears, it must be added below with the test
that proves it keeps objects in their audience (or why it shows none), so a
new surface cannot forget the rule silently.
"""

from __future__ import annotations

import re

from django.urls import URLPattern, URLResolver, get_resolver

MATRIX = "colony/tests/test_privacy_matrix.py"

PAGES: dict[str, str] = {
    "": MATRIX, "organisation": MATRIX, "tags/<str:name>": MATRIX, "tags/<str:name>/follow": "no content",
    "posts/new": MATRIX, "posts/<id:post_id>": MATRIX, "posts/<id:post_id>/edit": "author only (test_web)",
    "posts/<id:post_id>/delete": "author/admin only (test_web)", "posts/<id:post_id>/history": MATRIX,
    "posts/<id:post_id>/react": MATRIX, "posts/<id:post_id>/repost": MATRIX,
    "announcements/<id:post_id>/acknowledge": MATRIX, "announcements/<id:post_id>/tracker": MATRIX,
    "announcements/<id:post_id>/<str:action>": MATRIX,
    "messages": MATRIX, "messages/new": "sender only", "messages/<id:conversation_id>": MATRIX,
    "messages/<id:conversation_id>/send": MATRIX,
    "people": MATRIX, "search": MATRIX,
    "communities": MATRIX, "communities/new": "no content", "communities/<slug:slug>": MATRIX,
    "communities/<slug:slug>/members": "community pages (test_pages)", "communities/<slug:slug>/<str:action>": MATRIX,
    "@<str:handle>": "test_graph (blocked people)", "@<str:handle>/avatar.svg": "initials only",
    "@<str:handle>/<str:relation>": "no content", "notifications": MATRIX, "notifications/read": "own only",
    "settings": "own only", "settings/password": "own only", "settings/language": "own only",
    "settings/tokens": MATRIX, "settings/tokens/<id:token_id>/revoke": MATRIX, "settings/activity": MATRIX,
    "reset/<str:uidb64>/<str:token>": "single-use token (test_admin_accounts)",
    "signin": "public", "signout": "own only", "events": "own counts only", "healthz": "public, no data",
    "^media/(?P<path>.+)$": MATRIX, "jsi18n/": "public",
    "asks": "own asks and matches only (test_asks)", "asks/new": "no content", "asks/preview": "no content sent",
    "asks/away": "own only", "asks/<id:ask_id>": MATRIX, "asks/<id:ask_id>/respond": MATRIX,
    "asks/<id:ask_id>/responses/<id:response_id>/shortlist": "asker only (test_asks)",
    "asks/<id:ask_id>/war-room": "asker only (test_asks)", "asks/<id:ask_id>/status": "asker only (test_asks)",
    "asks/<id:ask_id>/invite": "asker only", "communities/<slug:slug>/invite": "moderators only",
    "invitations/<str:token>": "single-use token", "guest": MATRIX,
    "desk": "own drafts only", "desk/new": "no content", "desk/check": "the caller's own text",
    "desk/review": "reviewers only (test_desk)", "desk/audit": MATRIX, "desk/audit.<str:fmt>": MATRIX,
    "desk/delegates": "own delegations", "desk/policy": "policy managers only (test_desk)",
    "desk/<id:draft_id>": MATRIX, "desk/<id:draft_id>/save": "writers only (test_desk)",
    "desk/<id:draft_id>/submit": "writers only (test_desk)", "desk/<id:draft_id>/review": "reviewers only",
    "desk/<id:draft_id>/<str:action>": "writers only", "posts/<id:post_id>/copy": "author and delegates",
}

API: dict[str, str] = {
    "tokens": "public", "tokens/current": "own only", "me": "own only", "me/avatar": "own only",
    "tokens/{token_id}": MATRIX, "me/activity": MATRIX,
    "people/{handle}": MATRIX, "people/{handle}/posts": MATRIX, "people/{handle}/follow": "no content",
    "people/{handle}/mute": "no content", "people/{handle}/block": "no content",
    "people/{handle}/relationship": "no content", "posts": MATRIX, "posts/{post_id}": MATRIX,
    "posts/{post_id}/history": MATRIX, "posts/{post_id}/context": MATRIX, "posts/{post_id}/reactions": MATRIX,
    "posts/{post_id}/reactions/{kind}": MATRIX, "posts/{post_id}/repost": MATRIX, "media": "own uploads",
    "timelines/home": MATRIX, "timelines/organisation": MATRIX, "timelines/tag/{name}": MATRIX,
    "hashtags/{name}/follow": "no content", "notifications": MATRIX, "people": MATRIX, "": "the API root, no data", "notifications/unread_count": "own only",
    "notifications/read": "own only", "search": MATRIX, "communities": MATRIX,
    "communities/{community_id}": MATRIX, "communities/{community_id}/members": MATRIX,
    "communities/{community_id}/members/{handle}": "test_communities",
    "communities/{community_id}/posts": MATRIX, "communities/{community_id}/posts/{post_id}": "moderators",
    "announcements": MATRIX, "announcements/{post_id}/acknowledge": MATRIX,
    "announcements/{post_id}/tracker": MATRIX, "announcements/{post_id}/remind": "author only",
    "announcements/{post_id}/close": "author only", "conversations": MATRIX,
    "conversations/{conversation_id}/messages": MATRIX, "conversations/{conversation_id}/read": "participants",
    "conversations/{conversation_id}/participants/me": "participants",
    "openapi.json": "public, no data", "docs": "public, no data",
    "asks/preview": "caller excluded; no content (test_asks)", "asks": "own asks and matches only",
    "asks/away": "own only (asks test_away)",
    "asks/{ask_id}": MATRIX, "asks/{ask_id}/responses": MATRIX,
    "asks/{ask_id}/responses/{response_id}/shortlist": "asker only (test_asks)",
    "asks/{ask_id}/status": "asker only (test_asks)", "asks/{ask_id}/war-room": "asker only (test_asks)",
    "asks/{ask_id}/invitations": "asker only", "communities/{community_id}/invitations": "moderators only",
    "desk/check": "the caller's own text", "desk/drafts": MATRIX, "desk/drafts/{draft_id}": MATRIX,
    "desk/drafts/{draft_id}/submit": "writers only (test_desk)", "desk/drafts/{draft_id}/review": "reviewers only",
    "desk/audit": MATRIX,
}

# Wiki pages, in the organisation's space (/wiki/…) and in communities' (/communities/<slug>/wiki/…).
PAGES.update({"wiki/": MATRIX, "communities/<slug:slug>/wiki": MATRIX})
for _space in ("wiki/", "communities/<slug:slug>/wiki/"):
    PAGES.update({
        f"{_space}new": "editors of the space only (wiki test_pages)", f"{_space}<str:page>": MATRIX,
        f"{_space}<str:page>/edit": MATRIX, f"{_space}<str:page>/history": MATRIX,
        f"{_space}<str:page>/diff": MATRIX, f"{_space}<str:page>/revisions/<int:number>": MATRIX,
        f"{_space}<str:page>/restore": "editors of the space only (wiki test_pages)",
    })
API.update({
    "wiki/pages": MATRIX, "wiki/pages/{page_id}": MATRIX, "wiki/pages/{page_id}/revisions": MATRIX,
    "wiki/pages/{page_id}/revisions/{number}": MATRIX, "wiki/pages/{page_id}/diff": MATRIX,
    "wiki/pages/{page_id}/restore": MATRIX,
})

# The Django admin: administrators only, and it shows them only what they may read in Colony (messages are
# not registered at all). Posts, their attachments and hashtags hold what an audience may read: the matrix
# asks for each of their pages as an administrator outside a post's audience (and for the autocomplete search
# and the "view on site" shortcut). The other models hold no post content.
ADMIN_MODEL_PAGES = ("", "add/", "<path:object_id>/", "<path:object_id>/change/", "<path:object_id>/history/",
                     "<path:object_id>/delete/")
ADMIN: dict[str, str] = {
    "": "the list of models", "<app_label>/": "the list of an app's models", "login/": "public (signing in)",
    "logout/": "own only", "password_change/": "own only", "password_change/done/": "own only",
    "jsi18n/": "public, no data", "(?P<url>.*)$": "no page (404, or signing in)",
    "autocomplete/": MATRIX, "r/<path:content_type_id>/<path:object_id>/": MATRIX,
    "people/user/<id>/password/": "refused: administrators set no passwords (test_admin_accounts)",
}
for _model in ("social/post", "social/attachment", "social/hashtag"):
    ADMIN.update({f"{_model}/{_page}": MATRIX for _page in ADMIN_MODEL_PAGES})
for _model, _why in {
    "people/user": "accounts, no content (test_admin_accounts)", "people/team": "no content",
    "people/skill": "no content", "people/apitoken": "token names, never the tokens (test_admin_accounts)",
    "people/accountevent": "the account log, read-only (test_admin_accounts)", "auth/group": "permissions only",
    "graph/follow": "who follows whom, no content", "graph/block": "who blocked whom, no content",
    "axes/accessattempt": "sign-in attempts", "axes/accesslog": "sign-ins", "axes/accessfailurelog": "failed sign-ins",
}.items():
    ADMIN.update({f"{_model}/{_page}": _why for _page in ADMIN_MODEL_PAGES})
ADMIN["people/accountevent/"] = MATRIX  # the log's list, as administrators and everyone else see it
PAGES.update({f"admin/{route}": why for route, why in ADMIN.items()})

CLASSIFIED = {**PAGES, **{f"api/v1/{route}": why for route, why in API.items()}}


def _routes(patterns, prefix: str = "") -> set[str]:
    found: set[str] = set()
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            found |= _routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            # The admin's index of an app names the apps in a pattern (auth|people|…); one entry stands for it.
            found.add(re.sub(r"\^\(\?P<app_label>[^)]*\)/\$$", "<app_label>/", route))
    return found


def test_every_route_is_classified_for_privacy():
    routes = _routes(get_resolver().url_patterns)
    # django-ninja writes path parameters as <name>; the table uses the OpenAPI {name} form.
    known = {re.sub(r"\{(\w+)\}", r"<\1>", route) for route in CLASSIFIED}
    missing = sorted(routes - known)
    assert not missing, f"classify these routes in {__name__} and cover them in {MATRIX}: {missing}"
