"""The full-text index of posts (tables created by ``colony/search/migrations``); see ``core.fulltext``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from django.db import connection

from colony.core.fulltext import MARK_END, MARK_START, PG_CONFIGS
from colony.core.ids import id_floor


@dataclass
class Filters:
    author_id: int | None = None
    community_id: int | None = None
    language: str = ""
    since: datetime | None = None
    until: datetime | None = None


@dataclass
class Hit:
    post_id: int
    snippet: str


class PostIndex(Protocol):
    def index(self, post_id: int, text: str, language: str) -> None: ...
    def remove(self, post_id: int) -> None: ...
    def match(self, terms: list[str], filters: Filters, *, limit: int, offset: int) -> list[Hit]: ...


def _filter_sql(filters: Filters, params: list[Any], placeholder: str = "%s") -> str:
    """Extra conditions on the post row (aliased ``p``); empty when no filter is set."""
    sql = ""
    if filters.author_id is not None:
        sql += f" AND p.author_id = {placeholder}"
        params.append(filters.author_id)
    if filters.community_id is not None:
        sql += f" AND p.community_id = {placeholder}"
        params.append(filters.community_id)
    if filters.language:
        sql += f" AND p.language = {placeholder}"
        params.append(filters.language)
    if filters.since is not None:  # ids are time-sortable, so dates are id ranges
        sql += f" AND p.id >= {placeholder}"
        params.append(id_floor(filters.since))
    if filters.until is not None:
        sql += f" AND p.id < {placeholder}"
        params.append(id_floor(filters.until))
    return sql


# Relevance is ranked among the newest matches only. Ranking every match of a
# common pair of words means scoring tens of thousands of posts (over 30 ms
# at a million posts); on a social network the newest matches are the ones
# people look for, and rare words still rank every post that has them.
RANK_WINDOW = 2000


class SqlitePostIndex:
    def index(self, post_id: int, text: str, language: str) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_post WHERE rowid = %s", [post_id])
            cursor.execute("INSERT INTO search_post (rowid, text) VALUES (%s, %s)", [post_id, text])

    def remove(self, post_id: int) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_post WHERE rowid = %s", [post_id])

    def match(self, terms: list[str], filters: Filters, *, limit: int, offset: int) -> list[Hit]:
        # Every term quoted: FTS5 syntax in the query can never reach the engine.
        expression = " AND ".join('"' + t.replace('"', "") + '"' for t in terms)
        params: list[Any] = [expression]
        where = _filter_sql(filters, params)
        if where:
            window = (
                "SELECT search_post.rowid AS id, search_post.rank AS score FROM search_post "
                f"JOIN social_post p ON p.id = search_post.rowid WHERE search_post MATCH %s{where} "
                "ORDER BY search_post.rowid DESC LIMIT %s"
            )
        else:  # without a join, FTS5 walks its index newest first and stops early
            window = "SELECT rowid AS id, rank AS score FROM search_post WHERE search_post MATCH %s " \
                     "ORDER BY rowid DESC LIMIT %s"
        params += [RANK_WINDOW, limit, offset]
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT id FROM ({window}) ORDER BY score, id DESC LIMIT %s OFFSET %s", params)
            ids = [row[0] for row in cursor.fetchall()]
            if not ids:
                return []
            # Snippets only for the page, not for every match.
            marks = ", ".join(["%s"] * len(ids))
            cursor.execute(
                "SELECT rowid, snippet(search_post, 0, %s, %s, '…', 24) FROM search_post "
                f"WHERE search_post MATCH %s AND rowid IN ({marks})",
                [MARK_START, MARK_END, expression, *ids],
            )
            snippets = dict(cursor.fetchall())
        return [Hit(post_id=i, snippet=snippets.get(i, "")) for i in ids]


class PostgresPostIndex:
    def index(self, post_id: int, text: str, language: str) -> None:
        config = PG_CONFIGS.get(language, "simple")
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO search_post (post_id, config, text, vector) "
                "VALUES (%s, %s::regconfig, %s, to_tsvector(%s::regconfig, %s) || to_tsvector('simple', %s)) "
                "ON CONFLICT (post_id) DO UPDATE SET config = EXCLUDED.config, text = EXCLUDED.text, "
                "vector = EXCLUDED.vector",
                [post_id, config, text, config, text, text],
            )

    def remove(self, post_id: int) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_post WHERE post_id = %s", [post_id])

    def match(self, terms: list[str], filters: Filters, *, limit: int, offset: int) -> list[Hit]:
        words = " ".join(terms)  # terms are \w+ words: no tsquery syntax can get through
        # The words as typed, or stemmed the way any supported language stems them;
        # a post's vector holds both its unstemmed words and its own language's stems.
        query_sql = " || ".join(["plainto_tsquery('simple', %s)"] + [
            f"plainto_tsquery('{config}', %s)" for config in PG_CONFIGS.values()
        ])
        params: list[Any] = [words] * (len(PG_CONFIGS) + 1)
        where = _filter_sql(filters, params)
        params += [RANK_WINDOW, f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=30, MinWords=10", limit, offset]
        with connection.cursor() as cursor:
            cursor.execute(
                "WITH query AS (SELECT " + query_sql + " AS q), newest AS ("
                "SELECT s.post_id, s.config, s.text, s.vector FROM search_post s "
                "JOIN social_post p ON p.id = s.post_id, query "
                f"WHERE s.vector @@ query.q AND p.deleted_at IS NULL{where} ORDER BY s.post_id DESC LIMIT %s) "
                "SELECT newest.post_id, ts_headline(newest.config, newest.text, query.q, %s) FROM newest, query "
                "ORDER BY ts_rank(newest.vector, query.q) DESC, newest.post_id DESC LIMIT %s OFFSET %s",
                params,
            )
            return [Hit(post_id=row[0], snippet=row[1]) for row in cursor.fetchall()]


def post_index() -> PostIndex:
    return PostgresPostIndex() if connection.vendor == "postgresql" else SqlitePostIndex()
