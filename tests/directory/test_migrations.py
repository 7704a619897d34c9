"""Migrations: upgrading an existing database keeps its rows."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from directory import migrate
from directory.db import make_engine
from tests.conftest import sqlite_url


def test_downgrade_and_upgrade_keep_rows(db_url: str) -> None:
    engine = make_engine(db_url)
    with engine.connect() as conn:
        before = conn.execute(text("SELECT count(*) FROM offer")).scalar_one()
        heads = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    engine.dispose()
    assert before >= 80 and heads
    migrate.upgrade(db_url)  # already at head: a no-op that must not lose anything
    engine = make_engine(db_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM offer")).scalar_one() == before
        hits = conn.execute(text(
            "SELECT count(*) FROM offer_fts WHERE offer_fts MATCH 'zahnarzt*'")).scalar_one()
    engine.dispose()
    assert hits >= 1


def test_fresh_database_from_nothing(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "new" / "fresh.db")
    migrate.upgrade(url)
    engine = make_engine(url)
    with engine.connect() as conn:
        tables = set(conn.execute(text("SELECT name FROM sqlite_master")).scalars())
    engine.dispose()
    assert {"offer", "offer_translation", "offer_fts", "schedule", "location"} <= tables


def test_upgrade_from_first_revision_keeps_rows(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "old.db")
    migrate.upgrade(url, "0001")
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO organization (id, external_id, name, is_sample) "
                          "VALUES ('o1', 'org-1', 'Verein', 0)"))
        conn.execute(text(
            "INSERT INTO offer (id, external_id, organization_id, status, is_free, is_sample, "
            "created_at, updated_at) VALUES ('x1', 'old-offer', 'o1', 'published', 1, 0, "
            "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"))
        conn.execute(text(
            "INSERT INTO offer_translation (offer_id, language, title, description, reviewed, "
            "search_title, search_body) VALUES ('x1', 'de', 'Alter Kurs', 'Beschreibung', 1, "
            "'alter kurs', 'beschreibung')"))
    engine.dispose()
    migrate.upgrade(url)
    engine = make_engine(url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version FROM offer WHERE id = 'x1'")).scalar_one() == 1
        assert conn.execute(text("SELECT count(*) FROM offer_translation")).scalar_one() == 1
        assert conn.execute(text(
            "SELECT count(*) FROM offer_fts WHERE offer_fts MATCH 'kurs'")).scalar_one() == 1
    engine.dispose()
