"""The REST API at /api/v1/ (django-ninja: typed, OpenAPI generated)."""

from __future__ import annotations

from ninja import NinjaAPI

from colony.announcements.api import router as announcements_router
from colony.asks.api import router as asks_router
from colony.communities.api import router as communities_router
from colony.core.api import ActiveSessionAuth, install_error_handlers, install_input_checks
from colony.desk.api import router as desk_router
from colony.messaging.api import router as messaging_router
from colony.notifications.api import router as notifications_router
from colony.people.api import router as people_router
from colony.people.api import tokens_router
from colony.people.auth import TokenAuth
from colony.search.api import router as search_router
from colony.social.api import router as social_router
from colony.wiki.api import router as wiki_router

api = NinjaAPI(
    title="Colony API",
    version="1",
    description="Posts, people, timelines and notifications. Authenticate with "
    "`POST /api/v1/tokens`, then send `Authorization: Bearer <token>`.",
    auth=[TokenAuth(), ActiveSessionAuth()],
    urls_namespace="api",
    docs_url="/docs",
)
install_error_handlers(api)
install_input_checks(api)
api.add_router("/tokens", tokens_router)
api.add_router("/", people_router)
api.add_router("/", social_router)
api.add_router("/notifications", notifications_router)
api.add_router("/", search_router)
api.add_router("/", communities_router)
api.add_router("/", announcements_router)
api.add_router("/", messaging_router)
api.add_router("/", wiki_router)
api.add_router("/", asks_router)
api.add_router("/", desk_router)
