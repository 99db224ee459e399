"""Full-text indexes: what the two engines share.

Each kind of text that can be searched owns its index beside its models
(``social.search_index`` for posts, ``wiki.search_index`` for wiki pages),
one interface over two engines. SQLite (the embedded default) uses an FTS5
table with the Porter stemmer over Unicode words; PostgreSQL uses a tsvector
per row built with the row's own language configuration (Dutch stemming for
Dutch posts, and so on) plus an unstemmed copy, behind a GIN index. Both
return ranked ids with a snippet; who may read them is decided afterwards by
the caller, always. The search feature (``colony.search``) reads them.
"""

from __future__ import annotations

import re

MAX_TERMS = 8
MAX_QUERY_LENGTH = 200
# Private-use markers around matches; the caller escapes the snippet, then
# turns them into <mark> tags.
MARK_START, MARK_END = "\ue000", "\ue001"

PG_CONFIGS = {
    "en": "english", "nl": "dutch", "id": "indonesian", "it": "italian", "ru": "russian",
    "de": "german", "fr": "french", "es": "spanish", "pt": "portuguese",
}


def query_terms(query: str) -> list[str]:
    """The words of a query, without any search-engine syntax (quotes, operators, stars)."""
    words = re.findall(r"\w+", query[:MAX_QUERY_LENGTH].casefold())
    return list(dict.fromkeys(words))[:MAX_TERMS]
