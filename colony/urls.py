from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.urls import include, path, re_path, register_converter
from django.views.i18n import JavaScriptCatalog

from colony import media as media_views
from colony.announcements import views as announcement_views
from colony.api import api
from colony.asks import views as ask_views
from colony.communities import views as community_views
from colony.core import views as core_views
from colony.core.web import IdConverter
from colony.desk import views as desk_views
from colony.messaging import views as messaging_views
from colony.notifications import views as notification_views
from colony.people import security_views as people_security_views
from colony.people import views as people_views
from colony.search import views as search_views
from colony.site import events as site_events
from colony.site import views as site_views
from colony.social import views as social_views

# <id:…> is <int:…> bounded to the id range: a longer number is no page (404), not a database error.
register_converter(IdConverter, "id")

admin.site.site_header = "Colony"
admin.site.site_title = "Colony"


def _no_view_on_site(request: HttpRequest, content_type_id: str, object_id: str) -> HttpResponse:
    return core_views.not_found(request)


urlpatterns = [
    path("", site_views.home, name="home"),
    path("organisation", social_views.organisation, name="organisation"),
    path("tags/<str:name>", social_views.hashtag, name="hashtag"),
    path("tags/<str:name>/follow", social_views.follow_hashtag, name="hashtag-follow"),
    path("posts/new", site_views.compose, name="compose"),
    path("posts/<id:post_id>", site_views.thread, name="post"),
    path("posts/<id:post_id>/edit", social_views.edit, name="post-edit"),
    path("posts/<id:post_id>/delete", social_views.delete, name="post-delete"),
    path("posts/<id:post_id>/history", social_views.history, name="post-history"),
    path("posts/<id:post_id>/react", social_views.react, name="post-react"),
    path("posts/<id:post_id>/repost", social_views.repost, name="post-repost"),
    path("announcements/<id:post_id>/acknowledge", announcement_views.acknowledge, name="announcement-ack"),
    path("announcements/<id:post_id>/tracker", announcement_views.tracker, name="announcement-tracker"),
    path("announcements/<id:post_id>/<str:action>", announcement_views.manage, name="announcement-manage"),
    path("messages", messaging_views.inbox, name="messages"),
    path("messages/new", messaging_views.new, name="message-new"),
    path("messages/<id:conversation_id>", messaging_views.conversation, name="conversation"),
    path("messages/<id:conversation_id>/send", messaging_views.send, name="conversation-send"),
    path("asks", ask_views.index, name="asks"),
    path("asks/new", ask_views.create, name="ask-new"),
    path("asks/preview", ask_views.preview, name="ask-preview"),
    path("asks/away", ask_views.away, name="ask-away"),
    path("asks/<id:ask_id>", ask_views.detail, name="ask"),
    path("asks/<id:ask_id>/respond", ask_views.respond, name="ask-respond"),
    path("asks/<id:ask_id>/responses/<id:response_id>/shortlist", ask_views.shortlist, name="ask-shortlist"),
    path("asks/<id:ask_id>/war-room", ask_views.war_room, name="ask-war-room"),
    path("asks/<id:ask_id>/status", ask_views.set_status, name="ask-status"),
    path("asks/<id:ask_id>/invite", ask_views.invite, name="ask-invite"),
    path("communities/<slug:slug>/invite", ask_views.invite_to_community, name="community-invite"),
    path("invitations/<str:token>", ask_views.accept_invitation, name="invitation"),
    path("guest", ask_views.guest_home, name="guest-home"),
    path("desk", desk_views.index, name="desk"),
    path("desk/new", desk_views.create, name="desk-new"),
    path("desk/check", desk_views.check, name="desk-check"),
    path("desk/review", desk_views.review_queue, name="desk-review"),
    path("desk/audit", desk_views.audit, name="desk-audit"),
    path("desk/audit.<str:fmt>", desk_views.audit, name="desk-audit-export"),
    path("desk/delegates", desk_views.delegates, name="desk-delegates"),
    path("desk/policy", desk_views.policy, name="desk-policy"),
    path("desk/<id:draft_id>", desk_views.draft, name="desk-draft"),
    path("desk/<id:draft_id>/save", desk_views.save, name="desk-save"),
    path("desk/<id:draft_id>/submit", desk_views.submit, name="desk-submit"),
    path("desk/<id:draft_id>/review", desk_views.review, name="desk-review-decision"),
    path("desk/<id:draft_id>/<str:action>", desk_views.act, name="desk-act"),
    path("posts/<id:post_id>/copy", desk_views.copy_for, name="post-copy"),
    path("people", people_views.directory, name="people"),
    path("search", search_views.search, name="search"),
    # Wiki: /wiki/… and /communities/<slug>/wiki/… (before communities/<slug>/<action>).
    path("", include("colony.wiki.urls")),
    path("communities", community_views.index, name="communities"),
    path("communities/new", community_views.create, name="community-new"),
    path("communities/<slug:slug>", community_views.detail, name="community"),
    path("communities/<slug:slug>/members", community_views.members, name="community-members"),
    path("communities/<slug:slug>/<str:action>", community_views.act, name="community-act"),
    path("@<str:handle>", social_views.profile, name="profile"),
    path("@<str:handle>/avatar.svg", social_views.default_avatar, name="default-avatar"),
    path("@<str:handle>/<str:relation>", social_views.relate, name="relate"),
    path("notifications", notification_views.index, name="notifications"),
    path("notifications/read", notification_views.mark_read, name="notifications-read"),
    path("settings", people_views.settings_profile, name="settings"),
    path("settings/password", people_views.settings_password, name="settings-password"),
    path("settings/tokens", people_security_views.settings_tokens, name="settings-tokens"),
    path("settings/tokens/<id:token_id>/revoke", people_security_views.settings_token_revoke,
         name="settings-token-revoke"),
    path("settings/activity", people_security_views.settings_activity, name="settings-activity"),
    path("reset/<str:uidb64>/<str:token>", people_security_views.password_reset, name="password-reset"),
    path("settings/language", people_views.set_language, name="set-language"),
    path("signin", people_views.signin, name="signin"),
    path("signout", people_views.signout, name="signout"),
    path("events", site_events.events, name="events"),
    path("healthz", core_views.healthz, name="healthz"),
    re_path(r"^media/(?P<path>.+)$", media_views.media, name="media"),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    # The admin's "view on site" shortcut would redirect any administrator to the page of any object that has
    # one, naming it (a wiki page of a secret community they are not in included). No admin page links to it.
    path("admin/r/<path:content_type_id>/<path:object_id>/", _no_view_on_site),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
]

handler400 = "colony.core.web.bad_request"
handler404 = "colony.core.views.not_found"
handler403 = "colony.core.views.forbidden"
handler500 = "colony.core.views.server_error"
