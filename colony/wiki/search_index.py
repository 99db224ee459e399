"""The full-text index of wiki pages; see ``core.fulltext``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from django.db import connection

from colony.core.fulltext import MARK_END, MARK_START, PG_CONFIGS

# A second index beside the posts' one, same two engines (tables created by
# colony/wiki/migrations/0002_search_index.py). Titles weigh more than text.
# Wiki pages are few next to posts, so every match is ranked.


@dataclass
class WikiHit:
    page_id: int
    snippet: str


class WikiIndex(Protocol):
    def index(self, page_id: int, title: str, text: str, language: str) -> None: ...
    def remove(self, page_id: int) -> None: ...
    def match(self, terms: list[str], *, limit: int, offset: int) -> list[WikiHit]: ...


class SqliteWikiIndex:
    def index(self, page_id: int, title: str, text: str, language: str) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_wiki WHERE rowid = %s", [page_id])
            cursor.execute("INSERT INTO search_wiki (rowid, title, text) VALUES (%s, %s, %s)", [page_id, title, text])

    def remove(self, page_id: int) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_wiki WHERE rowid = %s", [page_id])

    def match(self, terms: list[str], *, limit: int, offset: int) -> list[WikiHit]:
        expression = " AND ".join('"' + t.replace('"', "") + '"' for t in terms)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid, snippet(search_wiki, -1, %s, %s, '…', 24) FROM search_wiki "
                "WHERE search_wiki MATCH %s ORDER BY bm25(search_wiki, 5.0, 1.0), rowid DESC LIMIT %s OFFSET %s",
                [MARK_START, MARK_END, expression, limit, offset],
            )
            return [WikiHit(page_id=row[0], snippet=row[1]) for row in cursor.fetchall()]


class PostgresWikiIndex:
    def index(self, page_id: int, title: str, text: str, language: str) -> None:
        config = PG_CONFIGS.get(language, "simple")
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO search_wiki (page_id, config, title, text, vector) VALUES (%s, %s::regconfig, %s, %s, "
                "setweight(to_tsvector(%s::regconfig, %s) || to_tsvector('simple', %s), 'A') || "
                "to_tsvector(%s::regconfig, %s) || to_tsvector('simple', %s)) "
                "ON CONFLICT (page_id) DO UPDATE SET config = EXCLUDED.config, title = EXCLUDED.title, "
                "text = EXCLUDED.text, vector = EXCLUDED.vector",
                [page_id, config, title, text, config, title, title, config, text, text],
            )

    def remove(self, page_id: int) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_wiki WHERE page_id = %s", [page_id])

    def match(self, terms: list[str], *, limit: int, offset: int) -> list[WikiHit]:
        words = " ".join(terms)  # \w+ words only: no tsquery syntax gets through
        query_sql = " || ".join(["plainto_tsquery('simple', %s)"] + [
            f"plainto_tsquery('{config}', %s)" for config in PG_CONFIGS.values()
        ])
        params: list[Any] = [words] * (len(PG_CONFIGS) + 1)
        params += [f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=30, MinWords=10", limit, offset]
        with connection.cursor() as cursor:
            cursor.execute(
                "WITH query AS (SELECT " + query_sql + " AS q) "
                "SELECT w.page_id, ts_headline(w.config, w.text, query.q, %s) FROM search_wiki w, query "
                "WHERE w.vector @@ query.q ORDER BY ts_rank(w.vector, query.q) DESC, w.page_id DESC "
                "LIMIT %s OFFSET %s",
                params,
            )
            return [WikiHit(page_id=row[0], snippet=row[1]) for row in cursor.fetchall()]


def wiki_index() -> WikiIndex:
    return PostgresWikiIndex() if connection.vendor == "postgresql" else SqliteWikiIndex()
