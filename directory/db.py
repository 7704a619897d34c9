"""Engine and session factories. Nothing connects at import time."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine, create_engine, make_url
from sqlalchemy.pool import QueuePool
from sqlalchemy.orm import Session, sessionmaker


def make_engine(database_url: str) -> Engine:
    """Create an engine for ``database_url``; for SQLite, create the folder and tune it."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        # Keep connections open between sessions (SQLAlchemy 1.4 would open a new one per
        # session for SQLite files); each thread checks one out at a time.
        engine = create_engine(
            database_url, future=True, connect_args={"check_same_thread": False},
            poolclass=QueuePool, pool_size=8, max_overflow=8,
        ) if url.database and url.database != ":memory:" else create_engine(
            database_url, future=True, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(database_url, future=True, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_sessionmaker(engine: Engine) -> sessionmaker:
    """Return a session factory bound to ``engine`` (2.0-style sessions)."""
    return sessionmaker(bind=engine, future=True, expire_on_commit=False)


def is_sqlite(session_or_engine: Session | Engine) -> bool:
    """Tell whether the session or engine talks to SQLite."""
    bind = session_or_engine.get_bind() if isinstance(session_or_engine, Session) else session_or_engine
    return bind.dialect.name == "sqlite"
