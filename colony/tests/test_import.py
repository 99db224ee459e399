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


# reply_to is resolved against the whole file, whatever the order of its lines.

def _people(tmp_path, *handles: str) -> None:
    main(["import", "people", write(tmp_path / "people.jsonl", [{"handle": h, "name": h.title()} for h in handles])])


def _post(pid, reply_to=None, author="ana", text=None, day=1):
    row = {"id": pid, "author": author, "text": text or f"Post {pid}", "created_at": f"2025-03-{day:02d}T09:00:00Z"}
    if reply_to is not None:
        row["reply_to"] = reply_to
    return row


def test_a_reply_listed_before_its_parent_is_imported(tmp_path, capsys):
    _people(tmp_path, "ana", "ben")
    posts = write(tmp_path / "posts.jsonl", [_post("r", reply_to="p", author="ben", day=2), _post("p")])
    assert main(["import", "posts", posts]) == 0, capsys.readouterr().err
    p, r = Post.objects.get(import_id="p"), Post.objects.get(import_id="r")
    assert r.reply_to == p and r.thread_root == p and p.replies_count == 1
    assert p.id < r.id  # ids still follow the original times
    assert main(["import", "posts", posts]) == 0  # and again changes nothing
    assert Post.objects.count() == 2 and Post.objects.get(import_id="p").replies_count == 1


def test_a_reply_chain_in_reverse_order(tmp_path, capsys):
    _people(tmp_path, "ana")
    chain = [_post(f"c{i}", reply_to=f"c{i - 1}" if i else None, day=i + 1) for i in range(6)]
    assert main(["import", "posts", write(tmp_path / "posts.jsonl", list(reversed(chain)))]) == 0, capsys.readouterr().err
    root = Post.objects.get(import_id="c0")
    for i in range(1, 6):
        post = Post.objects.get(import_id=f"c{i}")
        assert post.reply_to is not None and post.thread_root == root
        assert post.reply_to.import_id == f"c{i - 1}" and post.reply_to.replies_count == 1


def test_a_parent_missing_everywhere_is_reported_with_its_line(tmp_path, capsys):
    _people(tmp_path, "ana")
    posts = write(tmp_path / "posts.jsonl", [
        _post("b", reply_to="a"), _post("a"), _post("orphan", reply_to="nowhere"), _post("c")])
    assert main(["import", "posts", posts]) == 1
    err = capsys.readouterr().err
    assert "line 3" in err and "nowhere" in err
    assert "line 1" not in err and "line 2" not in err and "line 4" not in err
    assert set(Post.objects.values_list("import_id", flat=True)) == {"a", "b", "c"}


def test_a_reply_to_cycle_is_reported_and_imports_nothing_of_it(tmp_path, capsys):
    _people(tmp_path, "ana")
    posts = write(tmp_path / "posts.jsonl", [
        _post("ok"), _post("x", reply_to="y"), _post("y", reply_to="z"), _post("z", reply_to="x"),
        _post("self", reply_to="self"), _post("after", reply_to="ok")])
    assert main(["import", "posts", posts]) == 1
    err = capsys.readouterr().err
    for number in (2, 3, 4, 5):
        assert f"line {number}:" in err
    assert "cycle" in err and "lines 2, 3, 4" in err
    assert "line 1:" not in err and "line 6:" not in err
    assert set(Post.objects.values_list("import_id", flat=True)) == {"ok", "after"}


def test_a_parent_already_in_the_database_still_works(tmp_path, capsys):
    _people(tmp_path, "ana", "ben")
    main(["import", "posts", write(tmp_path / "first.jsonl", [_post("p")])])
    second = write(tmp_path / "second.jsonl", [_post("r2", reply_to="r1", author="ben", day=3),
                                               _post("r1", reply_to="p", author="ben", day=2)])
    assert main(["import", "posts", second]) == 0, capsys.readouterr().err
    p = Post.objects.get(import_id="p")
    assert Post.objects.get(import_id="r1").reply_to == p and p.replies_count == 1
    assert Post.objects.get(import_id="r2").thread_root == p


def test_a_file_cannot_close_a_cycle_with_posts_already_imported(tmp_path, capsys):
    _people(tmp_path, "ana")
    main(["import", "posts", write(tmp_path / "first.jsonl", [_post("a"), _post("b", reply_to="a", day=2)])])
    assert main(["import", "posts", write(tmp_path / "second.jsonl", [_post("a", reply_to="b")])]) == 1
    assert "line 1" in capsys.readouterr().err
    assert Post.objects.get(import_id="a").reply_to is None


def test_the_last_line_with_an_id_still_wins(tmp_path, capsys):
    _people(tmp_path, "ana")
    posts = write(tmp_path / "posts.jsonl", [_post("r", reply_to="a", day=2), _post("a", text="first"),
                                             _post("a", text="second")])
    assert main(["import", "posts", posts]) == 0, capsys.readouterr().err
    assert Post.objects.get(import_id="a").text == "second"
    assert Post.objects.get(import_id="r").reply_to == Post.objects.get(import_id="a")


def test_errors_are_listed_in_file_order(tmp_path, capsys):
    _people(tmp_path, "ana")
    posts = write(tmp_path / "posts.jsonl", [_post("b", reply_to="a", author="ghost"), "not json",
                                             _post("a", author="ghost")])
    assert main(["import", "posts", posts]) == 1
    err = capsys.readouterr().err
    assert err.index("line 1:") < err.index("line 2:") < err.index("line 3:")


def test_ordering_a_long_reversed_chain_is_linear_and_not_recursive():
    import time

    from colony.social.importing import reply_order

    n = 200_000
    lines = [json.dumps({"id": i, "reply_to": i - 1} if i else {"id": 0}) for i in reversed(range(n))]
    started = time.perf_counter()
    sequence, refused = reply_order(lines)
    assert not refused and list(sequence) == list(reversed(range(n)))
    assert time.perf_counter() - started < 10
