from __future__ import annotations

import json

import pytest

from colony.cli import main
from colony.people.models import User
from colony.social.models import Post
from colony.social.selectors import home_timeline

pytestmark = pytest.mark.django_db


def write(path, rows) -> str:
    path.write_text("\n".join(json.dumps(r) if isinstance(r, dict) else r for r in rows) + "\n", encoding="utf-8")
    return str(path)


def test_people_and_posts_import_idempotently(tmp_path, capsys):
    people = write(tmp_path / "people.jsonl", [
        {"handle": "ana", "name": "Ana Pratama", "title": "Data Engineer", "team": "Data & Analytics",
         "skills": ["SAP", "data migration"], "languages": ["id", "en"]},
        {"handle": "ben", "name": "Ben Rossi"},
        "not json",
        {"handle": "bad handle!", "name": "X"},
    ])
    assert main(["import", "people", people]) == 1  # two bad lines reported, the rest imported
    err = capsys.readouterr().err
    assert "line 3" in err and "line 4" in err
    ana = User.objects.get(username="ana")
    assert ana.team.name == "Data & Analytics" and sorted(ana.language_codes) == ["en", "id"]
    assert not ana.has_usable_password()
    posts = write(tmp_path / "posts.jsonl", [
        {"id": "p1", "author": "ana", "text": "Migrating the SAP ledger this week", "created_at": "2025-03-02T09:00:00Z",
         "tags": ["erp"]},
        {"id": "p2", "author": "ben", "text": "Need help? @ana knows SAP", "created_at": "2025-03-02T11:00:00+01:00",
         "reply_to": "p1"},
        {"id": "p3", "author": "ghost", "text": "who am I", "created_at": "2025-03-03T10:00:00Z"},
        {"id": "p4", "author": "ana", "text": "no date"},
    ])
    assert main(["import", "posts", posts]) == 1
    assert Post.objects.count() == 2
    p1, p2 = Post.objects.get(import_id="p1"), Post.objects.get(import_id="p2")
    assert p2.reply_to == p1 and p1.replies_count == 1 and p1.created_at.year == 2025
    assert p1.id < p2.id  # ids follow the original times
    assert set(p1.hashtags.values_list("name", flat=True)) == {"erp"}
    assert 'class="mention"' in p2.html and p1.language == "en"
    # Running both again changes nothing.
    main(["import", "people", people])
    main(["import", "posts", posts])
    assert User.objects.count() == 2 and Post.objects.count() == 2
    assert Post.objects.get(import_id="p1").replies_count == 1


def test_imported_posts_are_searchable_and_in_home_feeds(tmp_path, api, member):
    from colony.social.actions import do_follow

    write(tmp_path / "people.jsonl", [{"handle": "cara", "name": "Cara"}])
    main(["import", "people", str(tmp_path / "people.jsonl")])
    do_follow(follower=member, followee=User.objects.get(username="cara"))
    write(tmp_path / "posts.jsonl", [{"id": 7, "author": "cara", "text": "Quarterly warehouse audit results",
                                      "created_at": "2026-01-05T08:00:00Z"}])
    assert main(["import", "posts", str(tmp_path / "posts.jsonl")]) == 0
    assert [p.text for p in home_timeline(member)] == ["Quarterly warehouse audit results"]
    hits = api(member).get("/api/v1/search", q="warehouse audit", type="posts").json()["posts"]
    assert len(hits) == 1


def test_a_missing_file_is_a_clear_error(capsys):
    assert main(["import", "posts", "/nonexistent.jsonl"]) == 2
    assert "no file" in capsys.readouterr().err
