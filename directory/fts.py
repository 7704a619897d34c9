"""Full-text search over offer translations — the only SQLite-specific module.

An external-content FTS5 table ``offer_fts`` indexes the folded columns
``search_title`` and ``search_body`` of ``offer_translation`` (filled by the ORM from
title, description and keywords, see :func:`search_columns`). Triggers keep it in
sync with every write. User text reaches SQL only as a bound parameter and is turned
into quoted FTS5 strings first, so FTS syntax (``"``, ``*``, ``NEAR(``, ``col:``) is
never interpreted. PostgreSQL would implement the same two functions with tsvector.
"""
from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import TextClause

from directory.text import stem, tokens

FTS_DDL: tuple[str, ...] = (
    """CREATE VIRTUAL TABLE IF NOT EXISTS offer_fts USING fts5(
        search_title, search_body,
        content='offer_translation', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2', prefix='2 3 4'
    )""",
    """CREATE TRIGGER IF NOT EXISTS offer_translation_ai AFTER INSERT ON offer_translation BEGIN
        INSERT INTO offer_fts(rowid, search_title, search_body)
        VALUES (new.id, new.search_title, new.search_body);
    END""",
    """CREATE TRIGGER IF NOT EXISTS offer_translation_ad AFTER DELETE ON offer_translation BEGIN
        INSERT INTO offer_fts(offer_fts, rowid, search_title, search_body)
        VALUES ('delete', old.id, old.search_title, old.search_body);
    END""",
    """CREATE TRIGGER IF NOT EXISTS offer_translation_au AFTER UPDATE ON offer_translation BEGIN
        INSERT INTO offer_fts(offer_fts, rowid, search_title, search_body)
        VALUES ('delete', old.id, old.search_title, old.search_body);
        INSERT INTO offer_fts(rowid, search_title, search_body)
        VALUES (new.id, new.search_title, new.search_body);
    END""",
)
FTS_DROP: tuple[str, ...] = (
    "DROP TRIGGER IF EXISTS offer_translation_au",
    "DROP TRIGGER IF EXISTS offer_translation_ad",
    "DROP TRIGGER IF EXISTS offer_translation_ai",
    "DROP TABLE IF EXISTS offer_fts",
)
#: Weight of the title column relative to the body in bm25 ranking.
TITLE_WEIGHT = 4.0
#: Longest query we turn into FTS terms; the rest of a long message is noise for search.
MAX_TERMS = 8
#: Up to this many matching rows are ranked with bm25; a term matching more rows (a word
#: found in most offers) is not worth ranking and is streamed unranked instead.
RANKED_MAX_ROWS = 250


def create_index(connection: Connection) -> None:
    """Create the FTS table and its triggers (idempotent) and index existing rows."""
    for statement in FTS_DDL:
        connection.exec_driver_sql(statement)
    rebuild_index(connection)


def drop_index(connection: Connection) -> None:
    """Remove the FTS table and its triggers."""
    for statement in FTS_DROP:
        connection.exec_driver_sql(statement)


def rebuild_index(connection: Connection) -> None:
    """Rebuild the FTS index from the content table."""
    connection.exec_driver_sql("INSERT INTO offer_fts(offer_fts) VALUES ('rebuild')")


def query_terms(user_text: str) -> list[str]:
    """Turn free user text into stemmed search terms (pure; empty if nothing searchable)."""
    seen: list[str] = []
    for token in tokens(user_text):
        term = stem(token)
        if len(term) >= 2 and term not in seen:
            seen.append(term)
    return seen[:MAX_TERMS]


def match_expression(terms: list[str], *, any_term: bool = False) -> str:
    """Build an FTS5 MATCH expression of quoted prefix terms.

    Each term is wrapped in double quotes (inner quotes doubled), so it is a plain
    string to FTS5 whatever characters it holds, then given a prefix ``*``.
    """
    quoted = ['"' + term.replace('"', '""') + '"*' for term in terms]
    return (" OR " if any_term else " AND ").join(quoted)


def match_rows_capped(connection: Connection, match: str, cap: int) -> int:
    """Count index rows matching ``match``, stopping at ``cap``."""
    return connection.execute(
        text("SELECT count(*) FROM (SELECT 1 FROM offer_fts WHERE offer_fts MATCH :match "
             "LIMIT :cap)"), {"match": match, "cap": cap}).scalar_one()


def unranked_matches_sql() -> TextClause:
    """Return SQL selecting (offer_id, 0) for ``:match`` without ranking (streams)."""
    return text(
        "SELECT DISTINCT ot.offer_id AS offer_id, 0.0 AS score FROM offer_fts "
        "JOIN offer_translation AS ot ON ot.id = offer_fts.rowid WHERE offer_fts MATCH :match"
    )


def ranked_matches_sql() -> TextClause:
    """Return SQL selecting (offer_id, score) for ``:match``; lower score ranks higher.

    bm25() may only run in the query that scans the FTS table, so it is computed in a
    subquery that SQLite must not flatten into the grouping (``LIMIT -1`` keeps it apart).
    """
    return text(
        "SELECT ot.offer_id AS offer_id, min(f.score) AS score FROM ("
        f"SELECT rowid AS rid, bm25(offer_fts, {TITLE_WEIGHT}, 1.0) AS score "
        "FROM offer_fts WHERE offer_fts MATCH :match LIMIT -1) AS f "
        "JOIN offer_translation AS ot ON ot.id = f.rid GROUP BY ot.offer_id"
    )
