from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync
from django.test import AsyncClient

from colony.testing import make_person, publish


@pytest.mark.django_db(transaction=True)
def test_the_async_event_stream_reports_changes_without_holding_a_thread():
    reader = make_person("reader")
    writer = make_person("writer")
    publish(writer, "hello @reader")

    async def first_events() -> str:
        client = AsyncClient()
        await client.aforce_login(reader)
        response = await client.get("/events")
        assert response["Content-Type"] == "text/event-stream"
        chunks = []
        async for chunk in response.streaming_content:  # type: ignore[attr-defined]
            chunks.append(chunk.decode())
            if "notifications" in "".join(chunks):
                break
        return "".join(chunks)

    text = async_to_sync(first_events)()
    assert "event: notifications\ndata: 1" in text


@pytest.mark.django_db
def test_the_api_documents_its_contract(client, member):
    spec = client.get("/api/v1/openapi.json").json()
    paths = spec["paths"]
    for path in ("/api/v1/tokens", "/api/v1/posts", "/api/v1/posts/{post_id}", "/api/v1/timelines/home",
                 "/api/v1/timelines/organisation", "/api/v1/people/{handle}/follow", "/api/v1/people/{handle}",
                 "/api/v1/notifications"):
        assert path in paths, path
    post = spec["components"]["schemas"]["PostOut"]["properties"]
    assert {"id", "text", "html", "author", "created_at"} <= set(post)
    client.force_login(member)
    assert client.get("/api/v1/docs").status_code == 200
