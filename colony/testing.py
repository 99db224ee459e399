"""Test helpers: the fixed cast of personas and a few ways to act as them.

Tests act through the same actions and endpoints as real users; these
helpers only save typing.
"""

from __future__ import annotations

import json
from typing import Any

from django.test import Client, TestCase

from colony.people.actions import do_create_user, do_update_profile
from colony.people.models import User
from colony.social.actions import do_follow, do_publish_post
from colony.social.models import Post

PASSWORD = "correct-horse-battery-staple"


def make_person(handle: str, *, admin: bool = False, **profile: Any) -> User:
    user = do_create_user(handle=handle, password=PASSWORD, display_name=profile.pop("display_name", handle.title()),
                          is_admin=admin)
    if profile:
        do_update_profile(user=user, **profile)
    return user


def committed(fn: Any, **kwargs: Any) -> Any:
    """Call an action and then run what it queued for after commit (fan-out, backfill)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return fn(**kwargs)


def publish(author: User, text: str, **kwargs: Any) -> Post:
    return committed(do_publish_post, author=author, text=text, **kwargs)


def follow(follower: User, followee: User) -> None:
    committed(do_follow, follower=follower, followee=followee)


class ApiClient:
    """A JSON client that authenticates with a real bearer token."""

    def __init__(self, client: Client, user: User | None = None):
        self.client = client
        self.headers: dict[str, Any] = {}
        if user is not None:
            response = client.post("/api/v1/tokens", {"username": user.username, "password": PASSWORD},
                                   content_type="application/json")
            assert response.status_code == 200, response.content
            self.headers["HTTP_AUTHORIZATION"] = f"Bearer {response.json()['token']}"

    def get(self, path: str, **params: Any):
        return self.client.get(path, params, **self.headers)

    def post(self, path: str, body: Any = None, **extra: Any):
        data = json.dumps(body) if body is not None else ""
        return self.client.post(path, data, content_type="application/json", **self.headers, **extra)

    def patch(self, path: str, body: Any):
        return self.client.patch(path, json.dumps(body), content_type="application/json", **self.headers)

    def delete(self, path: str):
        return self.client.delete(path, **self.headers)

    def upload(self, path: str, files: dict[str, Any], **extra: Any):
        return self.client.post(path, {**files, **extra}, **self.headers)
