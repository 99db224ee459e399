"""Wiki routes: the organisation's under /wiki/, a community's under /communities/<slug>/wiki/.

Included by colony/urls.py before ``communities/<slug:slug>/<str:action>``,
which would otherwise take ``communities/<slug>/wiki``. Page slugs never
equal "new" (actions.RESERVED_SLUGS), so ``wiki/new`` is always the form.
"""

from __future__ import annotations

from django.urls import URLPattern, path

from . import views


def _routes(index: str, prefix: str, name: str) -> list[URLPattern]:
    return [
        path(index, views.index, name=name),
        path(f"{prefix}new", views.new, name=f"{name}-new"),
        path(f"{prefix}<str:page>", views.page, name=f"{name}-page"),
        path(f"{prefix}<str:page>/edit", views.edit, name=f"{name}-page-edit"),
        path(f"{prefix}<str:page>/history", views.history, name=f"{name}-page-history"),
        path(f"{prefix}<str:page>/diff", views.diff, name=f"{name}-page-diff"),
        path(f"{prefix}<str:page>/restore", views.restore, name=f"{name}-page-restore"),
        path(f"{prefix}<str:page>/revisions/<int:number>", views.revision, name=f"{name}-page-revision"),
    ]


# The organisation's index keeps its slash (/wiki/, and /wiki redirects there);
# a community's has none, like the community's other pages.
urlpatterns = _routes("wiki/", "wiki/", "wiki") + _routes(
    "communities/<slug:slug>/wiki", "communities/<slug:slug>/wiki/", "community-wiki"
)
