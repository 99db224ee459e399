"""The ASGI entry point used by ``colony serve`` (uvicorn).

Ordinary pages and API calls are plain synchronous Django: they run through
the WSGI handler on a fixed pool of threads (a2wsgi), so each thread keeps its
database connection and no request pays for a new thread or a new
connection. Only the server-sent event stream, which waits most of its life,
goes through Django's ASGI handler, where it holds no thread while it waits.
"""

import os

from a2wsgi import WSGIMiddleware
from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "colony.settings")

django_asgi = get_asgi_application()

from django.core.wsgi import get_wsgi_application  # noqa: E402  (after settings are configured)

django_wsgi = WSGIMiddleware(
    get_wsgi_application(),  # type: ignore[arg-type]
    workers=int(os.environ.get("COLONY_THREADS", "8")),
)

ASYNC_PATHS = ("/events",)

if os.environ.get("COLONY_WARM_UP", "1") != "0":
    # Imported here, after get_asgi_application() has set Django up: routing imports models.
    from colony.asks.routing import warm_up_in_background

    warm_up_in_background()  # the ask preview is then fast from the first request


async def application(scope, receive, send):  # type: ignore[no-untyped-def]
    if scope["type"] == "http" and scope["path"] in ASYNC_PATHS:
        await django_asgi(scope, receive, send)
    else:
        await django_wsgi(scope, receive, send)
