"""Uploads are served only to the people who may read what they belong to.

What is checked is decided from the resolved path under the media root, never
from the raw prefix; ``..`` is refused outright. Each attachment is checked
against its owning object: a post, a direct message, or a response to an ask.
"""

from __future__ import annotations

import io
from email.message import Message

import pytest
from PIL import Image

from colony.messaging.actions import do_leave, do_send_message, do_start_conversation
from colony.people.actions import do_set_avatar
from colony.social.actions import do_upload_attachment
from colony.testing import make_person, publish

pytestmark = pytest.mark.django_db


def _png(size: tuple[int, int] = (4, 4)) -> io.BytesIO:
    out = io.BytesIO()
    Image.new("RGB", size, "red").save(out, format="PNG")
    out.seek(0)
    return out


@pytest.fixture
def dm_attachment(leader, member):
    conversation = do_start_conversation(sender=leader, handles=["member"], text="salary figures")
    message = do_send_message(sender=leader, conversation=conversation, text="attached",
                              uploads=[(_png(), "salaries.png")])
    return conversation, message.attachments.get()


def _disguised(path: str) -> list[str]:
    """The same file reached through the avatars folder, plainly and percent-encoded."""
    return [f"/media/avatars/../{path}", f"/media/avatars/%2e%2e/{path}", f"/media/avatars/%2E%2E/{path}",
            f"/media/attachments/../{path}", f"/media/./{path}", f"/media//{path}"]


def test_a_direct_message_attachment_cannot_be_reached_through_the_avatars_folder(client, dm_attachment, outsider):
    _conversation, attachment = dm_attachment
    client.force_login(outsider)
    assert client.get(attachment.file.url).status_code == 404
    for url in _disguised(attachment.file.name):
        assert client.get(url).status_code == 404, url


def test_dot_dot_is_refused_even_for_the_people_who_may_read_the_file(client, dm_attachment, leader):
    _conversation, attachment = dm_attachment
    client.force_login(leader)
    assert client.get(attachment.file.url).status_code == 200
    for url in _disguised(attachment.file.name):
        assert client.get(url).status_code == 404, url


def test_someone_who_left_a_conversation_loses_its_attachments(client, dm_attachment, member):
    conversation, attachment = dm_attachment
    client.force_login(member)
    assert client.get(attachment.file.url).status_code == 200
    do_leave(user=member, conversation=conversation)
    assert client.get(attachment.file.url).status_code == 404
    for url in _disguised(attachment.file.name):
        assert client.get(url).status_code == 404, url


def test_a_guest_reaches_no_attachment_through_the_avatars_folder(client, leader):
    guest = make_person("guest")
    guest.is_guest = True
    guest.save(update_fields=["is_guest"])
    attachment = do_upload_attachment(user=leader, upload=_png(), name="plan.png")
    publish(leader, "the plan", attachment_ids=[attachment.pk])
    client.force_login(guest)
    for url in [attachment.file.url, *_disguised(attachment.file.name)]:
        assert client.get(url).status_code == 404, url


def test_a_file_under_the_media_root_that_nothing_owns_is_not_served(client, member, settings):
    (settings.MEDIA_ROOT / "avatars").mkdir(parents=True)
    (settings.MEDIA_ROOT / "avatars" / "stray.png").write_bytes(_png().getvalue())
    (settings.MEDIA_ROOT / "secret.txt").write_text("not for anyone")
    client.force_login(member)
    assert client.get("/media/avatars/stray.png").status_code == 404
    assert client.get("/media/secret.txt").status_code == 404
    assert client.get("/media/avatars/../secret.txt").status_code == 404


def test_avatars_are_served_to_members_as_images(client, leader, member):
    do_set_avatar(user=leader, upload=_png((40, 40)))
    client.force_login(member)
    response = client.get(leader.avatar.url)
    assert response.status_code == 200 and response["Content-Type"] == "image/webp"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_guest_sees_only_the_avatars_of_people_they_work_with(client, leader, member):
    from colony.asks.actions import do_create_ask
    from colony.social.models import GuestAccess

    guest = make_person("guest")
    guest.is_guest = True
    guest.save(update_fields=["is_guest"])
    ask = do_create_ask(author=leader, need="A freelance forecaster for the demand model")
    GuestAccess.objects.create(guest=guest, post_id=ask.pk)
    do_set_avatar(user=leader, upload=_png((40, 40)))
    do_set_avatar(user=member, upload=_png((40, 40)))
    client.force_login(guest)
    assert client.get(leader.avatar.url).status_code == 200  # the asker
    assert client.get(member.avatar.url).status_code == 404  # someone the guest has never met
    assert client.get("/@leader/avatar.svg").status_code == 200
    assert client.get("/@member/avatar.svg").status_code == 404
    assert client.get("/@nobody-at-all/avatar.svg").status_code == 404


@pytest.mark.parametrize(("name", "served_as"), [
    ('q.pdf"; filename*=UTF-8\'\'evil.html', 'q.pdf"; filename*=UTF-8\'\'evil.html'),
    ("q.pdf\r\nSet-Cookie: a=b", "q.pdfSet-Cookie: a=b"),
    ("../../отчёт \"квартал\".pdf", "отчёт \"квартал\".pdf"),
])
def test_a_download_name_cannot_control_the_content_disposition_header(client, leader, member, name, served_as):
    attachment = do_upload_attachment(user=leader, upload=io.BytesIO(b"%PDF-1.4\n%%EOF\n"), name=name)
    publish(leader, "the report", attachment_ids=[attachment.pk])
    client.force_login(member)
    response = client.get(attachment.file.url)
    assert response.status_code == 200
    header = Message()
    header["Content-Disposition"] = response["Content-Disposition"]
    params = header.get_params(header="content-disposition")
    # one disposition and one file name, which is exactly the (cleaned) name: nothing leaks into the header
    assert params is not None and params[0] == ("inline", "") and len(params) == 2
    assert header.get_filename() == served_as
    assert "\r" not in response["Content-Disposition"] and "\n" not in response["Content-Disposition"]


# --- what an upload may cost ------------------------------------------------------------

def _png_bomb(side: int) -> bytes:
    """A real, valid black-and-white PNG of side by side pixels that compresses to a few KB."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    row = b"\x00" + b"\x00" * ((side + 7) // 8)
    packer = zlib.compressobj(9)
    idat = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)  # 1-bit greyscale
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


@pytest.mark.parametrize("side", [7_000, 13_000])
@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_a_decompression_bomb_is_refused_before_it_is_decoded(api, member, side):
    from colony.social.models import Attachment

    bomb = _png_bomb(side)
    assert len(bomb) < 700_000
    upload = io.BytesIO(bomb)
    upload.name = "bomb.png"
    response = api(member).upload("/api/v1/media", {"file": upload})
    assert response.status_code == 413, response.content
    assert "megapixels" in response.json()["error"]["message"]
    assert not Attachment.objects.exists()


def test_a_large_but_ordinary_photo_is_still_accepted(api, member):
    out = io.BytesIO()
    Image.new("RGB", (4000, 3000), "white").save(out, format="JPEG")
    out.seek(0)
    out.name = "photo.jpg"
    assert api(member).upload("/api/v1/media", {"file": out}).status_code == 201


class _Untouchable(io.RawIOBase):
    """A request body that fails the test if anything reads it."""

    def read(self, *args: object) -> bytes:
        raise AssertionError("the body was read")

    readline = read


@pytest.mark.parametrize(("path", "content_type"), [
    ("/api/v1/media", "multipart/form-data; boundary=x"),
    ("/posts/new", "multipart/form-data; boundary=x"),
    ("/api/v1/posts", "application/json"),
    ("/signin", "application/x-www-form-urlencoded"),
])
def test_an_oversized_body_is_refused_from_its_content_length_without_reading_it(client, member, path,
                                                                                  content_type):
    from colony.social.models import Attachment, Post

    client.force_login(member)
    response = client.generic("POST", path, b"", content_type=content_type,
                              CONTENT_LENGTH=str(300 * 1024 * 1024), **{"wsgi.input": _Untouchable()})
    assert response.status_code == 413
    if path.startswith("/api/"):
        assert response.json()["error"]["code"] == "too_large"
    else:
        assert "too large" in response.content.decode()
    assert not Attachment.objects.exists() and not Post.objects.exists()


def test_a_json_body_has_a_much_smaller_limit_than_an_upload(client, member):
    client.force_login(member)
    response = client.generic("POST", "/api/v1/posts", b"", content_type="application/json",
                              CONTENT_LENGTH=str(5 * 1024 * 1024), **{"wsgi.input": _Untouchable()})
    assert response.status_code == 413
